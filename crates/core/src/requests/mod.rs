//! Requests from the people in the register (Art. 13, 24, 25): to learn what is held about them,
//! to correct, block, unblock or destroy it, to withdraw a consent, or to refuse publication.
//!
//! Each request gets its term on the working-day calendar when it is taken: one working day for
//! correction, blocking, unblocking, destruction (Art. 25(2)(8)) and removal from public sources
//! (Art. 6); for an access answer and a consent withdrawal the organisation's own target
//! ([`DEFAULT_ANSWER_DAYS`], editable), since the law says "within the terms set by legislation".
//! A request closes only with evidence that Derbes finds itself — the edit, block, unblock,
//! act, withdrawal or access answer it led to, made after the request was taken — or with a
//! reasoned refusal.

pub mod answer;
#[cfg(test)]
mod tests;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use crate::calendar::clock::ClockState;
use crate::calendar::{Calendar, Clock};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// The organisation's own target for an access answer and a consent withdrawal, in working days
/// (the older wording of Art. 25 said three; policies still do).
pub const DEFAULT_ANSWER_DAYS: u32 = 3;
/// The range the own target accepts.
pub const ANSWER_DAYS_RANGE: std::ops::RangeInclusive<u32> = 1..=30;
const ANSWER_DAYS_KEY: &str = "request_answer_days";
const TEXT_MAX: usize = 1000;

/// What the person asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// To learn whether data is held, and what (Art. 24(1)(1)-(2)).
    Access,
    /// To correct or supplement the data (Art. 24(1)(3)).
    Correction,
    /// To block it (Art. 24(1)(4)).
    Blocking,
    /// To unblock it when the violation is not confirmed.
    Unblocking,
    /// To destroy data collected or processed unlawfully (Art. 24(1)(4)).
    Destruction,
    /// To withdraw a consent (Art. 8(2)).
    Withdrawal,
    /// To refuse publication in public sources (Art. 6, 24(1)(6)).
    PublicationRefusal,
}

impl RequestKind {
    /// Every kind, in the order the forms list them.
    pub const ALL: [RequestKind; 7] = [
        RequestKind::Access,
        RequestKind::Correction,
        RequestKind::Blocking,
        RequestKind::Unblocking,
        RequestKind::Destruction,
        RequestKind::Withdrawal,
        RequestKind::PublicationRefusal,
    ];

    /// Stable code.
    pub fn key(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Correction => "correction",
            RequestKind::Blocking => "blocking",
            RequestKind::Unblocking => "unblocking",
            RequestKind::Destruction => "destruction",
            RequestKind::Withdrawal => "withdrawal",
            RequestKind::PublicationRefusal => "publication_refusal",
        }
    }

    /// The kind for a stable code.
    pub fn parse(key: &str) -> Result<RequestKind> {
        RequestKind::ALL
            .into_iter()
            .find(|k| k.key() == key.trim())
            .ok_or_else(|| {
                Error::invalid("kind", "request_kind_unknown").with(
                    "allowed",
                    RequestKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
                )
            })
    }

    /// Where the term comes from: an article of the law, or the organisation's own target.
    pub fn term_source(self) -> &'static str {
        match self {
            RequestKind::Access | RequestKind::Withdrawal => "own_target",
            RequestKind::PublicationRefusal => "art_6",
            _ => "art_25_2_8",
        }
    }
}

/// The term a kind of request is taken with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestTerm {
    /// The kind.
    pub kind: RequestKind,
    /// Working days.
    pub working_days: u32,
    /// `own_target`, `art_25_2_8` or `art_6`.
    pub source: &'static str,
}

/// How the request came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In person at the office.
    InPerson,
    /// A letter.
    Post,
    /// E-mail.
    Email,
    /// Through eGov.
    Egov,
    /// Any other way that proves it was received.
    Other,
}

/// How the person's identity (or the representative's authority) was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityCheck {
    /// An identity document was shown (not copied: Art. 7(10)).
    IdDocument,
    /// Signed with an electronic digital signature, or sent through eGov.
    EgovSignature,
    /// Known in person to the staff member.
    KnownInPerson,
    /// A representative showed their own document and their authority (power of attorney, a
    /// parent's or guardian's document).
    RepresentativeAuthority,
}

fn code<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn decode<T: for<'de> Deserialize<'de>>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A request as it is taken.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestDraft {
    /// The person it is about.
    pub subject: Uuid,
    /// What they ask.
    pub kind: RequestKind,
    /// The day it was received.
    pub received_on: Date,
    /// How it came.
    pub channel: Channel,
    /// The representative's name and authority, when not the person themselves.
    #[serde(default)]
    pub representative: Option<String>,
    /// How identity was checked.
    pub identity_check: IdentityCheck,
    /// What exactly is asked (for a correction: what is wrong).
    #[serde(default)]
    pub note: Option<String>,
}

/// How a request was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Closure {
    /// The day.
    pub closed_on: Date,
    /// `done` or `refused`.
    pub outcome: String,
    /// What proves it: `{"journal": seq, "action": code}`, `{"act": n}`, `{"answer": n}`, or
    /// `{"state": "restricted"}` for a refusal of publication of someone not public.
    pub evidence: Option<serde_json::Value>,
    /// Why it was refused.
    pub refusal_reason: Option<String>,
    /// The user who closed it.
    pub closed_by: String,
}

/// A stored request and its clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// Stable id.
    pub id: Uuid,
    /// № in the request register.
    pub number: i64,
    /// The person's id (after their destruction, only a tombstone has it).
    pub subject_id: Uuid,
    /// The person's internal number.
    pub subject_number: i64,
    /// Whether the person is still in the register.
    pub subject_present: bool,
    /// What they asked.
    pub kind: RequestKind,
    /// Received on.
    pub received_on: Date,
    /// How.
    pub channel: Channel,
    /// The representative, if any (cleared when the person is destroyed).
    pub representative: Option<String>,
    /// How identity was checked.
    pub identity_check: IdentityCheck,
    /// What was asked (cleared when the person is destroyed).
    pub note: Option<String>,
    /// The term, counted when the request was taken.
    pub term_days: u32,
    /// `own_target`, `art_25_2_8` or `art_6`.
    pub term_source: &'static str,
    /// The clock; still counted for a closed request (was it answered in time?).
    pub clock: Clock,
    /// The name of the user who took it.
    pub taken_by: String,
    /// № of the access answer produced, if any.
    pub answer_number: Option<i64>,
    /// How it closed, if it did.
    pub closure: Option<Closure>,
}

impl Request {
    /// Whether the request still waits for an answer.
    pub fn is_open(&self) -> bool {
        self.closure.is_none()
    }

    /// Whether an open request is overdue.
    pub fn is_overdue(&self) -> bool {
        self.is_open() && self.clock.state == ClockState::Overdue
    }
}

/// How the user closes a request.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum Closing {
    /// Done: Derbes looks for the evidence itself.
    Done,
    /// Refused, with the reasons (Art. 25(2)(7): a refusal must be reasoned).
    Refused {
        /// The reasons, for the person and an inspector.
        reason: String,
    },
}

fn one_line_text(field: &'static str, v: Option<&str>, required: bool) -> Result<Option<String>> {
    let t = v.map(str::trim).filter(|s| !s.is_empty());
    match t {
        None if required => Err(Error::invalid(field, "request_text_required")),
        None => Ok(None),
        Some(s) if s.chars().count() > TEXT_MAX => {
            Err(Error::invalid(field, "request_text_too_long").with("max", TEXT_MAX))
        }
        Some(s) => Ok(Some(s.to_string())),
    }
}

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

const SELECT: &str = "SELECT r.id, r.number, r.subject_id, r.subject_number, r.kind, r.received_on, r.channel,
    r.representative, r.identity_check, r.note, r.term_days, COALESCE(u.name, ''), r.answer_number,
    r.closed_on, r.outcome, r.evidence, r.refusal_reason, COALESCE(c.name, ''),
    EXISTS (SELECT 1 FROM subject s WHERE s.id = r.subject_id)
    FROM subject_request r LEFT JOIN user u ON u.id = r.taken_by LEFT JOIN user c ON c.id = r.closed_by";

fn read(row: &Row, calendar: &Calendar, on: Date) -> rusqlite::Result<Request> {
    let parse_date = |s: String| {
        Date::parse(&s, &time::format_description::well_known::Iso8601::DATE).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let parse_uuid = |s: String| {
        Uuid::parse_str(&s).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let kind: RequestKind = decode(&row.get::<_, String>(4)?)?;
    let received_on = parse_date(row.get(5)?)?;
    let term_days: u32 = row.get(10)?;
    let closed_on: Option<String> = row.get(13)?;
    let closure = match closed_on {
        Some(d) => Some(Closure {
            closed_on: parse_date(d)?,
            outcome: row.get::<_, Option<String>>(14)?.unwrap_or_default(),
            evidence: row
                .get::<_, Option<String>>(15)?
                .and_then(|e| serde_json::from_str(&e).ok()),
            refusal_reason: row.get(16)?,
            closed_by: row.get(17)?,
        }),
        None => None,
    };
    // A closed request's clock stands where it stopped: was it answered in time?
    let as_of = closure.as_ref().map_or(on, |c| c.closed_on);
    Ok(Request {
        id: parse_uuid(row.get(0)?)?,
        number: row.get(1)?,
        subject_id: parse_uuid(row.get(2)?)?,
        subject_number: row.get(3)?,
        subject_present: row.get(18)?,
        kind,
        received_on,
        channel: decode(&row.get::<_, String>(6)?)?,
        representative: row.get(7)?,
        identity_check: decode(&row.get::<_, String>(8)?)?,
        note: row.get(9)?,
        term_days,
        term_source: kind.term_source(),
        clock: Clock::count(calendar, received_on, term_days, as_of),
        taken_by: row.get(11)?,
        answer_number: row.get(12)?,
        closure,
    })
}

fn journal_head(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT COALESCE(max(seq), 0) FROM journal", [], |r| {
            r.get(0)
        })?,
    )
}

/// The evidence that a request of `kind` about `subject` was carried out after journal entry
/// `after`, if Derbes can find it.
fn find_evidence(
    conn: &Connection,
    kind: RequestKind,
    subject: &str,
    after: i64,
    answer: Option<i64>,
) -> Result<Option<serde_json::Value>> {
    let act: Option<i64> = conn
        .query_row(
            "SELECT act FROM tombstone WHERE subject_id = ?1",
            [subject],
            |r| r.get(0),
        )
        .optional()?;
    let action = match kind {
        RequestKind::Access => return Ok(answer.map(|n| json!({"answer": n}))),
        RequestKind::Destruction => return Ok(act.map(|n| json!({"act": n}))),
        RequestKind::Correction => "subject.updated",
        RequestKind::Blocking => "subject.blocked",
        RequestKind::Unblocking => "subject.unblocked",
        RequestKind::Withdrawal => "consent.withdrawn",
        RequestKind::PublicationRefusal => "subject.access_changed",
    };
    let entry: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, action FROM journal WHERE object = ?1 AND seq > ?2
               AND (action = ?3 OR (?3 = 'subject.access_changed' AND action = 'consent.withdrawn'))
             ORDER BY seq LIMIT 1",
            params![subject, after, action],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((seq, action)) = entry {
        return Ok(Some(json!({"journal": seq, "action": action})));
    }
    // Someone who asks not to be published and is not public, with no consent to publication
    // in force, is already where the request wants them.
    if kind == RequestKind::PublicationRefusal {
        let restricted: bool = conn
            .query_row(
                "SELECT access = 'restricted' FROM subject WHERE id = ?1",
                [subject],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false);
        let Ok(id) = Uuid::parse_str(subject) else {
            return Ok(None);
        };
        if restricted && !crate::lifecycle::consent::publication_in_force(conn, id, today())? {
            return Ok(Some(json!({"state": "restricted"})));
        }
    }
    // A person destroyed or anonymised since has nothing left to correct, block or publish.
    if let Some(n) = act {
        return Ok(Some(json!({"act": n})));
    }
    Ok(None)
}

impl Vault {
    /// The organisation's own target for access answers and withdrawals, in working days.
    pub fn request_answer_days(&self) -> Result<u32> {
        Ok(self
            .setting(ANSWER_DAYS_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|d| ANSWER_DAYS_RANGE.contains(d))
            .unwrap_or(DEFAULT_ANSWER_DAYS))
    }

    /// Change the own target (1 to 30 working days); requests already taken keep their term.
    pub fn set_request_answer_days(&self, days: u32) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        if !ANSWER_DAYS_RANGE.contains(&days) {
            return Err(Error::invalid("answer_days", "request_answer_days_range")
                .with("min", *ANSWER_DAYS_RANGE.start())
                .with("max", *ANSWER_DAYS_RANGE.end()));
        }
        self.set_setting(ANSWER_DAYS_KEY, &days.to_string(), true)
    }

    /// The term each kind of request would be taken with today, and where it comes from: what
    /// a form says before the request is taken.
    pub fn request_terms(&self) -> Result<Vec<RequestTerm>> {
        RequestKind::ALL
            .into_iter()
            .map(|kind| {
                Ok(RequestTerm {
                    kind,
                    working_days: self.term_of(kind)?,
                    source: kind.term_source(),
                })
            })
            .collect()
    }

    fn term_of(&self, kind: RequestKind) -> Result<u32> {
        Ok(match kind.term_source() {
            "own_target" => self.request_answer_days()?,
            _ => 1,
        })
    }

    /// Take a request: checked (the person exists, the day is not in the future, the calendar
    /// can count its term, a representative is named when identity was shown by one), stored
    /// with its term, journaled with numbers and codes only.
    pub fn add_request(&self, draft: &RequestDraft) -> Result<Request> {
        let facts = crate::lifecycle::consent::subject_facts(self.conn(), draft.subject)?;
        // The office's day may be ahead of UTC: "the future" starts after every time zone's today.
        if draft.received_on > (time::OffsetDateTime::now_utc() + time::Duration::hours(14)).date()
        {
            return Err(Error::invalid("received_on", "request_in_future"));
        }
        let representative = one_line_text(
            "representative",
            draft.representative.as_deref(),
            draft.identity_check == IdentityCheck::RepresentativeAuthority,
        )?;
        let note = one_line_text("note", draft.note.as_deref(), false)?;
        let term = self.term_of(draft.kind)?;
        let calendar = self.calendar()?;
        calendar.add_working_days(draft.received_on, term)?;
        let tx = self.conn().unchecked_transaction()?;
        let number: i64 = tx.query_row(
            "SELECT COALESCE(max(number), 0) + 1 FROM subject_request",
            [],
            |r| r.get(0),
        )?;
        let id = Uuid::new_v4();
        tx.execute(
            "INSERT INTO subject_request (id, number, subject_id, subject_number, kind, received_on,
               channel, representative, identity_check, note, term_days, opened_seq, taken_by, taken_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                id.to_string(),
                number,
                draft.subject.to_string(),
                facts.number,
                draft.kind.key(),
                draft.received_on.to_string(),
                code(draft.channel),
                representative,
                code(draft.identity_check),
                note,
                term,
                journal_head(&tx)?,
                self.user().id.to_string(),
                journal::now_utc(),
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::RequestRegistered,
            Some(&draft.subject.to_string()),
            json!({"request": number, "kind": draft.kind.key(), "number": facts.number, "term": term}),
        )?;
        tx.commit()?;
        self.request(number)
    }

    /// The request with this №.
    pub fn request(&self, number: i64) -> Result<Request> {
        let calendar = self.calendar()?;
        let on = today();
        self.conn()
            .query_row(&format!("{SELECT} WHERE r.number = ?1"), [number], |r| {
                read(r, &calendar, on)
            })
            .optional()?
            .ok_or_else(|| Error::invalid("request", "request_not_found").with("number", number))
    }

    /// Every request, open ones first by due day, then closed ones newest first.
    pub fn requests(&self) -> Result<Vec<Request>> {
        let calendar = self.calendar()?;
        let on = today();
        let mut stmt = self.conn().prepare(&format!(
            "{SELECT} ORDER BY r.closed_on IS NOT NULL, r.received_on, r.number"
        ))?;
        let rows = stmt.query_map([], |r| read(r, &calendar, on))?;
        let mut out: Vec<Request> = rows.collect::<std::result::Result<_, _>>()?;
        out.sort_by(|a, b| {
            (a.closure.is_some(), a.clock.due, a.number).cmp(&(
                b.closure.is_some(),
                b.clock.due,
                b.number,
            ))
        });
        Ok(out)
    }

    /// Close a request: done (with the evidence Derbes finds), or refused with reasons.
    pub fn close_request(&self, number: i64, closing: &Closing) -> Result<Request> {
        let r = self.request(number)?;
        if !r.is_open() {
            return Err(Error::invalid("request", "request_closed").with("number", number));
        }
        let opened: i64 = self.conn().query_row(
            "SELECT opened_seq FROM subject_request WHERE number = ?1",
            [number],
            |row| row.get(0),
        )?;
        let (outcome, evidence, reason) = match closing {
            Closing::Done => {
                let evidence = find_evidence(
                    self.conn(),
                    r.kind,
                    &r.subject_id.to_string(),
                    opened,
                    r.answer_number,
                )?
                .ok_or_else(|| {
                    Error::invalid("request", "request_evidence_missing").with("kind", r.kind.key())
                })?;
                ("done", Some(evidence), None)
            }
            Closing::Refused { reason } => {
                let reason = one_line_text("refusal_reason", Some(reason), true)?;
                ("refused", None, reason)
            }
        };
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE subject_request SET closed_on = ?1, outcome = ?2, evidence = ?3, refusal_reason = ?4, closed_by = ?5
             WHERE number = ?6",
            params![
                today().to_string(),
                outcome,
                evidence.as_ref().map(|e| e.to_string()),
                reason,
                self.user().id.to_string(),
                number
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::RequestClosed,
            Some(&r.subject_id.to_string()),
            json!({"request": number, "kind": r.kind.key(), "outcome": outcome, "number": r.subject_number}),
        )?;
        tx.commit()?;
        self.request(number)
    }
}
