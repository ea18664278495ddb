//! The breach register (Art. 1(15-1), 20-22, 25(2)(8)): a stolen laptop, a lost stick, a list
//! sent to the wrong address. Each breach records when it was detected, what happened, the
//! categories of data and the people affected, what was done to contain it and whether the
//! people were told; the authorised body must be notified **within one working day of
//! detection**, with the responsible person's contacts — the notice is a document of its own
//! ([`notice`]) and the day it was sent is recorded.
//!
//! Derbes proposes a breach itself ([`Vault::propose_breaches`]) when it sees one: a journal
//! whose hash chain no longer verifies, or a burst of failed unlocks at or above the threshold
//! in Settings. A proposal is confirmed (it becomes a breach like the others, its clock running
//! from the moment it was seen) or dismissed with a reason.

pub mod notice;
#[cfg(test)]
mod tests;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::format_description::well_known::Iso8601;
use time::{Date, OffsetDateTime, PrimitiveDateTime};
use uuid::Uuid;

use crate::calendar::{Calendar, Clock};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// Failed unlocks in a row that make Derbes propose a breach, unless Settings say otherwise.
pub const DEFAULT_UNLOCK_THRESHOLD: u32 = 10;
/// The range the threshold accepts.
pub const UNLOCK_THRESHOLD_RANGE: std::ops::RangeInclusive<u32> = 3..=100;
const THRESHOLD_KEY: &str = "breach_unlock_threshold";
/// The term to notify the authorised body, in working days from detection (Art. 25(2)(8)).
pub const NOTIFY_DAYS: u32 = 1;
const TEXT_MAX: usize = 2000;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachKind {
    /// A laptop or phone stolen or lost.
    DeviceLost,
    /// A USB stick, disk or paper files lost.
    MediaLost,
    /// Someone without the right saw or changed data.
    UnauthorisedAccess,
    /// Data published or shared by mistake.
    AccidentalPublication,
    /// A virus or ransomware.
    Malware,
    /// A password became known to someone else.
    PasswordLeaked,
    /// Sent to the wrong recipient.
    WrongRecipient,
    /// The journal's chain no longer verifies (proposed by Derbes).
    JournalBroken,
    /// A burst of wrong passwords (proposed by Derbes).
    UnlockAttempts,
    /// Anything else.
    Other,
}

/// Whether the people affected were told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectsTold {
    /// They were told.
    Yes,
    /// They will not be told (the reason goes into the containment notes).
    No,
    /// Not yet decided.
    NotYet,
}

/// Where a breach stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachStatus {
    /// Seen by Derbes, waiting for a person to confirm or dismiss it.
    Proposed,
    /// Confirmed and being handled.
    Open,
    /// Notified and closed.
    Closed,
    /// A proposal a person judged not to be a breach.
    Dismissed,
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

// Detection times travel as the value of an HTML `datetime-local` input: `2026-03-20T18:30`.
time::serde::format_description!(
    minute,
    PrimitiveDateTime,
    "[year]-[month]-[day]T[hour]:[minute]"
);

/// A breach as the user records it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BreachDraft {
    /// When it was detected (local time of the office).
    #[serde(with = "minute")]
    pub detected_at: PrimitiveDateTime,
    /// What happened.
    pub kind: BreachKind,
    /// What happened, in the user's words.
    pub description: String,
    /// Categories of data affected (stable keys: identity, contact, id_number, health, …).
    pub categories: Vec<String>,
    /// Everyone in the register is affected (a stolen laptop with the vault on it).
    #[serde(default)]
    pub whole_register: bool,
    /// People affected by internal number (when not the whole register).
    #[serde(default)]
    pub people: Vec<i64>,
    /// What was done to contain it.
    #[serde(default)]
    pub containment: Option<String>,
    /// Whether the people were told.
    #[serde(default = "not_yet")]
    pub subjects_told: SubjectsTold,
}

fn not_yet() -> SubjectsTold {
    SubjectsTold::NotYet
}

/// A stored breach with its clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Breach {
    /// Stable id.
    pub id: Uuid,
    /// № in the breach register.
    pub number: i64,
    /// When it was detected.
    #[serde(with = "minute")]
    pub detected_at: PrimitiveDateTime,
    /// What happened.
    pub kind: BreachKind,
    /// In the user's words.
    pub description: String,
    /// Categories of data.
    pub categories: Vec<String>,
    /// Everyone in the register.
    pub whole_register: bool,
    /// People affected, counted.
    pub affected: i64,
    /// Their internal numbers (empty for the whole register).
    pub people: Vec<i64>,
    /// Containment steps.
    pub containment: Option<String>,
    /// Whether the people were told.
    pub subjects_told: Option<SubjectsTold>,
    /// Where it stands.
    pub status: BreachStatus,
    /// `journal_broken` or `failed_unlocks` when Derbes proposed it.
    pub proposed_by: Option<String>,
    /// The day the authorised body was notified.
    pub notified_on: Option<Date>,
    /// № of the last notice produced.
    pub notice_number: Option<i64>,
    /// The clock to notify the authorised body, from detection; it stops when notified.
    pub clock: Clock,
    /// Who recorded it.
    pub recorded_by: String,
    /// Closed on.
    pub closed_on: Option<Date>,
    /// Why a proposal was dismissed.
    pub dismiss_reason: Option<String>,
}

impl Breach {
    /// Whether the authorised body still has to be notified.
    pub fn awaits_notice(&self) -> bool {
        matches!(self.status, BreachStatus::Proposed | BreachStatus::Open)
            && self.notified_on.is_none()
    }
}

fn text(field: &'static str, v: Option<&str>, required: bool) -> Result<Option<String>> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None if required => Err(Error::invalid(field, "breach_text_required")),
        None => Ok(None),
        Some(s) if s.chars().count() > TEXT_MAX => {
            Err(Error::invalid(field, "breach_text_too_long").with("max", TEXT_MAX))
        }
        Some(s) => Ok(Some(s.to_string())),
    }
}

/// The categories a breach may name: those of the data inventory.
pub const CATEGORIES: [&str; 8] = [
    "identity",
    "contact",
    "id_number",
    "financial",
    "health",
    "biometric",
    "social_status",
    "other",
];

/// Detection times are the office's wall-clock time, and the register keeps no time zone: a
/// time is "in the future" only when it is ahead of every time zone (UTC+14).
const LATEST_ZONE: time::Duration = time::Duration::hours(14);

fn now_utc() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn today() -> Date {
    now_utc().date()
}

const SELECT: &str = "SELECT b.id, b.number, b.detected_at, b.kind, b.description, b.categories,
    b.whole_register, b.affected, b.containment, b.subjects_told, b.status, b.proposed_by,
    b.notified_on, b.notice_number, COALESCE(u.name, ''), b.closed_on, b.dismiss_reason,
    (SELECT group_concat(subject_number) FROM breach_subject s WHERE s.breach_id = b.id)
    FROM breach b LEFT JOIN user u ON u.id = b.recorded_by";

fn conversion<E: std::error::Error + Send + Sync + 'static>(e: E) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

fn parse_day(s: &str) -> rusqlite::Result<Date> {
    Date::parse(s, &Iso8601::DATE).map_err(conversion)
}

fn read(row: &Row, calendar: &Calendar, on: Date) -> rusqlite::Result<Breach> {
    let detected_at = PrimitiveDateTime::parse(&row.get::<_, String>(2)?, &Iso8601::DEFAULT)
        .map_err(conversion)?;
    let notified_on = row
        .get::<_, Option<String>>(12)?
        .map(|d| parse_day(&d))
        .transpose()?;
    let closed_on = row
        .get::<_, Option<String>>(15)?
        .map(|d| parse_day(&d))
        .transpose()?;
    let status: BreachStatus = decode(&row.get::<_, String>(10)?)?;
    // The clock stops on the day of the notice (or of the dismissal or closing).
    let stopped = notified_on.or(closed_on).unwrap_or(on);
    let mut people: Vec<i64> = row
        .get::<_, Option<String>>(17)?
        .unwrap_or_default()
        .split(',')
        .filter_map(|n| n.parse().ok())
        .collect();
    people.sort_unstable();
    Ok(Breach {
        id: Uuid::parse_str(&row.get::<_, String>(0)?).map_err(conversion)?,
        number: row.get(1)?,
        detected_at,
        kind: decode(&row.get::<_, String>(3)?)?,
        description: row.get(4)?,
        categories: serde_json::from_str(&row.get::<_, String>(5)?).map_err(conversion)?,
        whole_register: row.get(6)?,
        affected: row.get(7)?,
        containment: row.get(8)?,
        subjects_told: row
            .get::<_, Option<String>>(9)?
            .map(|s| decode(&s))
            .transpose()?,
        status,
        proposed_by: row.get(11)?,
        notified_on,
        notice_number: row.get(13)?,
        clock: Clock::count(calendar, detected_at.date(), NOTIFY_DAYS, stopped),
        recorded_by: row.get(14)?,
        closed_on,
        dismiss_reason: row.get(16)?,
        people,
    })
}

fn next_number(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT COALESCE(max(number), 0) + 1 FROM breach", [], |r| {
            r.get(0)
        })?,
    )
}

fn register_size(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM subject", [], |r| r.get(0))?)
}

impl Vault {
    /// Failed unlocks in a row that make Derbes propose a breach.
    pub fn breach_unlock_threshold(&self) -> Result<u32> {
        Ok(self
            .setting(THRESHOLD_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|d| UNLOCK_THRESHOLD_RANGE.contains(d))
            .unwrap_or(DEFAULT_UNLOCK_THRESHOLD))
    }

    /// Change the threshold (3 to 100 failed unlocks in a row).
    pub fn set_breach_unlock_threshold(&self, n: u32) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        if !UNLOCK_THRESHOLD_RANGE.contains(&n) {
            return Err(Error::invalid("unlock_threshold", "breach_threshold_range")
                .with("min", *UNLOCK_THRESHOLD_RANGE.start())
                .with("max", *UNLOCK_THRESHOLD_RANGE.end()));
        }
        self.set_setting(THRESHOLD_KEY, &n.to_string(), true)
    }

    /// Record a breach (every user may: staff register breaches). Checked: detected not in
    /// the future, a description, known categories, every person named exists; the calendar
    /// must be able to count its clock. Journaled with its №, kind and count.
    pub fn add_breach(&self, draft: &BreachDraft) -> Result<Breach> {
        let now = now_utc() + LATEST_ZONE;
        if draft.detected_at > PrimitiveDateTime::new(now.date(), now.time()) {
            return Err(Error::invalid("detected_at", "breach_in_future"));
        }
        let description = text("description", Some(&draft.description), true)?;
        let containment = text("containment", draft.containment.as_deref(), false)?;
        if draft.categories.is_empty() {
            return Err(Error::invalid("categories", "breach_categories_required"));
        }
        for c in &draft.categories {
            if !CATEGORIES.contains(&c.as_str()) {
                return Err(Error::invalid("categories", "breach_category_unknown")
                    .with("allowed", CATEGORIES.to_vec()));
            }
        }
        if !draft.whole_register && draft.people.is_empty() {
            return Err(Error::invalid("people", "breach_people_required"));
        }
        let mut people = draft.people.clone();
        people.sort_unstable();
        people.dedup();
        if !draft.whole_register {
            for n in &people {
                self.subject_id(*n).map_err(|_| {
                    Error::invalid("people", "breach_person_unknown").with("number", *n)
                })?;
            }
        }
        self.calendar()?
            .add_working_days(draft.detected_at.date(), NOTIFY_DAYS)?;
        let tx = self.conn().unchecked_transaction()?;
        let affected = if draft.whole_register {
            register_size(&tx)?
        } else {
            people.len() as i64
        };
        let number = next_number(&tx)?;
        let id = Uuid::new_v4();
        tx.execute(
            "INSERT INTO breach (id, number, detected_at, kind, description, categories, whole_register,
               affected, containment, subjects_told, status, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'open', ?11, ?12)",
            params![
                id.to_string(),
                number,
                fmt_at(draft.detected_at),
                code(draft.kind),
                description,
                serde_json::to_string(&draft.categories).unwrap_or_default(),
                draft.whole_register,
                affected,
                containment,
                code(draft.subjects_told),
                self.user().id.to_string(),
                journal::now_utc(),
            ],
        )?;
        if !draft.whole_register {
            let mut ins = tx.prepare(
                "INSERT INTO breach_subject (breach_id, subject_number) VALUES (?1, ?2)",
            )?;
            for n in &people {
                ins.execute(params![id.to_string(), n])?;
            }
        }
        journal::append(
            &tx,
            Some(self.user().id),
            Action::BreachRecorded,
            Some(&id.to_string()),
            json!({"breach": number, "kind": code(draft.kind), "affected": affected}),
        )?;
        tx.commit()?;
        self.breach(number)
    }

    /// The breach with this №.
    pub fn breach(&self, number: i64) -> Result<Breach> {
        let calendar = self.calendar()?;
        let on = today();
        self.conn()
            .query_row(&format!("{SELECT} WHERE b.number = ?1"), [number], |r| {
                read(r, &calendar, on)
            })
            .optional()?
            .ok_or_else(|| Error::invalid("breach", "breach_not_found").with("number", number))
    }

    /// Every breach: those awaiting a notice first, by detection, then the rest newest first.
    pub fn breaches(&self) -> Result<Vec<Breach>> {
        let calendar = self.calendar()?;
        let on = today();
        let mut stmt = self
            .conn()
            .prepare(&format!("{SELECT} ORDER BY b.detected_at DESC"))?;
        let rows = stmt.query_map([], |r| read(r, &calendar, on))?;
        let mut out: Vec<Breach> = rows.collect::<std::result::Result<_, _>>()?;
        out.sort_by_key(|b| !b.awaits_notice());
        Ok(out)
    }

    /// Record the day the notice was sent to the authorised body (not before detection, not
    /// in the future). The clock stops on that day.
    pub fn breach_notified(&self, number: i64, on: Date) -> Result<Breach> {
        let b = self.breach(number)?;
        if on > (now_utc() + LATEST_ZONE).date() {
            return Err(Error::invalid("notified_on", "breach_in_future"));
        }
        if on < b.detected_at.date() {
            return Err(Error::invalid(
                "notified_on",
                "breach_notified_before_detection",
            ));
        }
        if matches!(b.status, BreachStatus::Dismissed | BreachStatus::Closed) {
            return Err(Error::invalid("breach", "breach_closed").with("number", number));
        }
        self.update_breach(
            &b,
            "UPDATE breach SET notified_on = ?1, status = 'open' WHERE number = ?2",
            params![on.to_string(), number],
            json!({"breach": number, "what": "notified"}),
        )
    }

    /// Record whether the people affected were told, and what was done to contain it.
    pub fn breach_follow_up(
        &self,
        number: i64,
        subjects_told: SubjectsTold,
        containment: Option<&str>,
    ) -> Result<Breach> {
        let b = self.breach(number)?;
        let containment = text("containment", containment, false)?;
        self.update_breach(
            &b,
            "UPDATE breach SET subjects_told = ?1, containment = COALESCE(?2, containment) WHERE number = ?3",
            params![code(subjects_told), containment, number],
            json!({"breach": number, "what": "follow_up", "subjectsTold": code(subjects_told)}),
        )
    }

    /// Close a breach: only once the authorised body was notified.
    pub fn close_breach(&self, number: i64) -> Result<Breach> {
        let b = self.breach(number)?;
        if b.notified_on.is_none() {
            return Err(Error::invalid("breach", "breach_not_notified").with("number", number));
        }
        if b.status != BreachStatus::Open {
            return Err(Error::invalid("breach", "breach_closed").with("number", number));
        }
        self.update_breach(
            &b,
            "UPDATE breach SET status = 'closed', closed_on = ?1 WHERE number = ?2",
            params![today().to_string(), number],
            json!({"breach": number, "what": "closed"}),
        )
    }

    /// Confirm a breach Derbes proposed: it becomes open, its clock still running from the
    /// moment it was seen.
    pub fn confirm_breach(&self, number: i64) -> Result<Breach> {
        let b = self.breach(number)?;
        if b.status != BreachStatus::Proposed {
            return Err(Error::invalid("breach", "breach_not_proposed").with("number", number));
        }
        self.update_breach(
            &b,
            "UPDATE breach SET status = 'open' WHERE number = ?1",
            params![number],
            json!({"breach": number, "what": "confirmed"}),
        )
    }

    /// Dismiss a proposal, with the reason (e.g. "the director forgot her password").
    pub fn dismiss_breach(&self, number: i64, reason: &str) -> Result<Breach> {
        let b = self.breach(number)?;
        if b.status != BreachStatus::Proposed {
            return Err(Error::invalid("breach", "breach_not_proposed").with("number", number));
        }
        let reason = text("reason", Some(reason), true)?;
        self.update_breach(
            &b,
            "UPDATE breach SET status = 'dismissed', closed_on = ?1, dismiss_reason = ?2 WHERE number = ?3",
            params![today().to_string(), reason, number],
            json!({"breach": number, "what": "dismissed"}),
        )
    }

    fn update_breach(
        &self,
        b: &Breach,
        sql: &str,
        args: impl rusqlite::Params,
        details: serde_json::Value,
    ) -> Result<Breach> {
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(sql, args)?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::BreachUpdated,
            Some(&b.id.to_string()),
            details,
        )?;
        tx.commit()?;
        self.breach(b.number)
    }

    /// Look for breaches Derbes can see itself and propose each once: a journal whose chain
    /// no longer verifies, and each burst of failed unlocks at or above the threshold.
    /// Returns the proposals made now.
    pub fn propose_breaches(&self) -> Result<Vec<Breach>> {
        let mut made = Vec::new();
        let verification = self.verify_journal()?;
        if !verification.ok {
            let at = verification.problem.as_ref().map_or(0, |p| p.seq);
            if let Some(n) = self.propose(
                &format!("journal_broken:{at}"),
                BreachKind::JournalBroken,
                "journal_chain",
                now_utc(),
                json!({"seq": at}),
            )? {
                made.push(n);
            }
        }
        let threshold = i64::from(self.breach_unlock_threshold()?);
        let bursts: Vec<(i64, String, i64)> = {
            let mut stmt = self.conn().prepare(
                "SELECT seq, at, CAST(json_extract(details, '$.count') AS INTEGER) FROM journal
                 WHERE action = 'vault.unlock_failed' AND CAST(json_extract(details, '$.count') AS INTEGER) >= ?1",
            )?;
            let rows = stmt.query_map([threshold], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        for (seq, at, count) in bursts {
            let when = OffsetDateTime::parse(&at, &time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|_| now_utc());
            if let Some(n) = self.propose(
                &format!("unlock_attempts:{seq}"),
                BreachKind::UnlockAttempts,
                "failed_unlocks",
                when,
                json!({"seq": seq, "count": count}),
            )? {
                made.push(n);
            }
        }
        made.into_iter().map(|n| self.breach(n)).collect()
    }

    /// Insert a proposal unless one with this key exists; its description is a code the front
    /// ends translate (`breach-proposal-<kind>`), with the facts in the journal entry.
    fn propose(
        &self,
        key: &str,
        kind: BreachKind,
        by: &str,
        when: OffsetDateTime,
        facts: serde_json::Value,
    ) -> Result<Option<i64>> {
        let exists: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM breach WHERE proposal_key = ?1)",
            [key],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(None);
        }
        let tx = self.conn().unchecked_transaction()?;
        let number = next_number(&tx)?;
        let id = Uuid::new_v4();
        let affected = register_size(&tx)?;
        let at = PrimitiveDateTime::new(when.date(), when.time());
        tx.execute(
            "INSERT INTO breach (id, number, detected_at, kind, description, categories, whole_register,
               affected, status, proposed_by, proposal_key, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, '[]', 1, ?6, 'proposed', ?7, ?8, ?9, ?10)",
            params![
                id.to_string(),
                number,
                fmt_at(at),
                code(kind),
                facts.to_string(),
                affected,
                by,
                key,
                self.user().id.to_string(),
                journal::now_utc(),
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::BreachRecorded,
            Some(&id.to_string()),
            json!({"breach": number, "kind": code(kind), "affected": affected, "proposedBy": by}),
        )?;
        tx.commit()?;
        Ok(Some(number))
    }
}

/// A detection time as stored: local wall-clock time to the minute.
fn fmt_at(at: PrimitiveDateTime) -> String {
    format!("{}T{:02}:{:02}:00", at.date(), at.hour(), at.minute())
}
