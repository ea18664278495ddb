//! Retention (Art. 12(2), 18): how long people's data is kept, who is due for anonymisation or
//! destruction on a given day, legal hold, and blocking (Art. 1(3)).
//!
//! A rule applies to a kind of person and, optionally, one purpose; a purpose rule applies to a
//! person who consented to that purpose. When several rules apply, the data is kept until the
//! **last** of them ends — each purpose's duty to keep it must be over. A rule whose starting
//! point is unknown (a programme that has not ended) keeps the person. Legal hold exempts a
//! person from the due list; blocking freezes every action on them until unblocked.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, Month};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::lifecycle::consent::{date, subject_facts, today};
use crate::register::fields::Kind;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// How a rule measures the retention period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A number of months from an anchor.
    Period,
    /// Kept for life (e.g. pension-relevant staff records).
    ForLife,
    /// Until the purpose is achieved: the day the user records as the end.
    UntilPurpose,
}

impl Mode {
    fn key(self) -> &'static str {
        match self {
            Mode::Period => "period",
            Mode::ForLife => "for_life",
            Mode::UntilPurpose => "until_purpose",
        }
    }

    fn from_key(s: &str) -> Option<Mode> {
        [Mode::Period, Mode::ForLife, Mode::UntilPurpose]
            .into_iter()
            .find(|m| m.key() == s)
    }
}

/// Where a retention period starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The day the record was collected.
    Collection,
    /// The last service given (the collection day when there is none).
    LastService,
    /// The end of the person's programme (the recorded end date).
    ProgrammeEnd,
    /// The end of employment (the recorded end date).
    EmploymentEnd,
    /// The end of the person's consents: the last one's end or withdrawal.
    ConsentEnd,
}

impl Anchor {
    /// Every anchor, in the order the rules editor offers them.
    pub const ALL: [Anchor; 5] = [
        Anchor::Collection,
        Anchor::LastService,
        Anchor::ProgrammeEnd,
        Anchor::EmploymentEnd,
        Anchor::ConsentEnd,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Anchor::Collection => "collection",
            Anchor::LastService => "last_service",
            Anchor::ProgrammeEnd => "programme_end",
            Anchor::EmploymentEnd => "employment_end",
            Anchor::ConsentEnd => "consent_end",
        }
    }

    fn from_key(s: &str) -> Option<Anchor> {
        [
            Anchor::Collection,
            Anchor::LastService,
            Anchor::ProgrammeEnd,
            Anchor::EmploymentEnd,
            Anchor::ConsentEnd,
        ]
        .into_iter()
        .find(|a| a.key() == s)
    }
}

/// Why a rule has its period; shown beside it and translated by the front ends.
pub const BASES: [&str; 6] = [
    "donor_requirement",
    "financial_documents",
    "pension_records",
    "end_of_relationship",
    "consent_term",
    "organisation_policy",
];

/// A retention rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// The kind of person it applies to.
    pub kind: Kind,
    /// The purpose it applies to; `None` for every person of the kind.
    #[serde(default)]
    pub purpose: Option<String>,
    /// How the period is measured.
    pub mode: Mode,
    /// Where the period starts (for [`Mode::Period`]).
    #[serde(default)]
    pub anchor: Option<Anchor>,
    /// Its length in months (for [`Mode::Period`]).
    #[serde(default)]
    pub months: Option<u32>,
    /// Why: one of [`BASES`].
    pub basis: String,
}

/// The rules a new vault starts with, from NGO practice (`seeds/000`): donors ask for 3–5
/// years, financial documents are kept 10 years, pension-relevant staff records for life.
pub fn default_rules() -> Vec<Rule> {
    let period = |kind, purpose: Option<&str>, anchor, months, basis: &str| Rule {
        kind,
        purpose: purpose.map(str::to_string),
        mode: Mode::Period,
        anchor: Some(anchor),
        months: Some(months),
        basis: basis.into(),
    };
    vec![
        period(
            Kind::Beneficiary,
            None,
            Anchor::LastService,
            36,
            "donor_requirement",
        ),
        period(
            Kind::Beneficiary,
            Some("humanitarian_aid"),
            Anchor::ProgrammeEnd,
            60,
            "donor_requirement",
        ),
        period(
            Kind::Beneficiary,
            Some("legal_aid"),
            Anchor::ConsentEnd,
            12,
            "consent_term",
        ),
        period(
            Kind::Employee,
            None,
            Anchor::EmploymentEnd,
            120,
            "financial_documents",
        ),
        Rule {
            kind: Kind::Employee,
            purpose: Some("payroll".into()),
            mode: Mode::ForLife,
            anchor: None,
            months: None,
            basis: "pension_records".into(),
        },
        period(
            Kind::Volunteer,
            None,
            Anchor::ProgrammeEnd,
            12,
            "end_of_relationship",
        ),
    ]
}

const DEFAULTS_KEY: &str = "retention_defaults";

/// Put the default rules into a vault that never had rules (new vaults, and vaults made before
/// retention existed).
pub(crate) fn ensure_defaults(conn: &Connection) -> Result<()> {
    let done: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?1)",
        [DEFAULTS_KEY],
        |r| r.get(0),
    )?;
    if !done {
        write_rules(conn, &default_rules())?;
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, '1')",
            [DEFAULTS_KEY],
        )?;
    }
    Ok(())
}

fn write_rules(conn: &Connection, rules: &[Rule]) -> Result<()> {
    conn.execute("DELETE FROM retention_rule", [])?;
    let mut stmt = conn.prepare(
        "INSERT INTO retention_rule (id, kind, purpose, mode, anchor, months, basis, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, r) in rules.iter().enumerate() {
        stmt.execute(params![
            Uuid::now_v7().to_string(),
            r.kind.key(),
            r.purpose,
            r.mode.key(),
            r.anchor.map(Anchor::key),
            r.months,
            r.basis,
            i as i64
        ])?;
    }
    Ok(())
}

fn read_rules(conn: &Connection) -> Result<Vec<Rule>> {
    let mut stmt = conn.prepare(
        "SELECT kind, purpose, mode, anchor, months, basis FROM retention_rule ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(0)?;
        let mode: String = r.get(2)?;
        let anchor: Option<String> = r.get(3)?;
        Ok(Rule {
            kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
            purpose: r.get(1)?,
            mode: Mode::from_key(&mode).unwrap_or(Mode::ForLife),
            anchor: anchor.as_deref().and_then(Anchor::from_key),
            months: r.get(4)?,
            basis: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Add `months` calendar months, keeping the day or the month's last day (31 Jan + 1 = 28/29 Feb).
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() as i64 * 12 + (d.month() as i64 - 1) + months as i64;
    let year = (total.div_euclid(12)) as i32;
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(Month::December);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(Date::MAX)
}

/// One person due for the end of their data's life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    /// The person's id.
    pub id: Uuid,
    /// Their internal number.
    pub number: i64,
    /// Beneficiary, employee or volunteer.
    pub kind: Kind,
    /// Surname, name and patronymic, for the list on screen.
    pub full_name: String,
    /// The day the last applicable retention period ended.
    pub due_since: String,
    /// The rule that ended last, i.e. the one that made them due.
    pub rule: Rule,
    /// Blocked people are listed but every action on them is refused.
    pub blocked: bool,
}

/// The due list on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DueList {
    /// The day asked about.
    pub as_of: String,
    /// People due, longest overdue first.
    pub people: Vec<Due>,
    /// People who would be due but are under legal hold.
    pub held: i64,
}

/// What one person offers the rules.
struct Facts {
    id: Uuid,
    number: i64,
    kind: Kind,
    full_name: String,
    collected: Option<Date>,
    last_service: Option<Date>,
    ended_on: Option<Date>,
    blocked: bool,
    hold: bool,
}

fn iso(s: &str) -> Option<Date> {
    Date::parse(
        s.get(..10)?,
        &time::format_description::well_known::Iso8601::DATE,
    )
    .ok()
}

/// For each person with consents: their purposes, and the day the last consent ends (`None`
/// when one is open-ended and still in force).
struct ConsentFacts {
    purposes: BTreeSet<String>,
    /// `Some(None)`: a consent without an end date; `Some(Some(d))`: the latest end.
    end: Option<Option<Date>>,
}

fn consent_facts(conn: &Connection) -> Result<HashMap<String, ConsentFacts>> {
    let mut stmt = conn.prepare(
        "SELECT c.subject_id, c.purposes, c.valid_until,
                (SELECT min(w.requested_on) FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'all' AND w.refused = 0)
         FROM consent c",
    )?;
    let mut map: HashMap<String, ConsentFacts> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (subject, purposes, until, withdrawn) = row?;
        let end = withdrawn
            .as_deref()
            .and_then(iso)
            .or(until.as_deref().and_then(iso));
        let f = map.entry(subject).or_insert(ConsentFacts {
            purposes: BTreeSet::new(),
            end: None,
        });
        f.purposes
            .extend(serde_json::from_str::<Vec<String>>(&purposes).unwrap_or_default());
        f.end = Some(match (f.end, end) {
            (None, e) => e,
            (Some(None), _) | (_, None) => None,
            (Some(Some(a)), Some(b)) => Some(a.max(b)),
        });
    }
    Ok(map)
}

/// When `rule` lets go of a person; `None` while it still keeps them (for life, or an unknown
/// starting point).
fn rule_end(rule: &Rule, p: &Facts, consents: Option<&ConsentFacts>) -> Option<Date> {
    match rule.mode {
        Mode::ForLife => None,
        Mode::UntilPurpose => p.ended_on,
        Mode::Period => {
            let start = match rule.anchor? {
                Anchor::Collection => p.collected,
                Anchor::LastService => p.last_service.or(p.collected),
                Anchor::ProgrammeEnd | Anchor::EmploymentEnd => p.ended_on,
                Anchor::ConsentEnd => consents.and_then(|c| c.end).flatten(),
            }?;
            Some(add_months(start, rule.months?))
        }
    }
}

/// A calendar day (re-exported so front ends need not name the `time` crate).
pub type Day = Date;

/// The day a due list or an overview is asked about: the given date (`dd.mm.yyyy` or
/// `yyyy-mm-dd`), or today when none is given.
pub fn as_of(s: Option<&str>) -> Result<Date> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => date("as_of", s),
        None => Ok(today()),
    }
}

/// The dashboard's lifecycle tiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    /// Consent states and people without a basis.
    pub consents: crate::lifecycle::consent::ConsentOverview,
    /// People due for the end of retention today.
    pub due: i64,
    /// People blocked.
    pub blocked: i64,
    /// People under legal hold.
    pub held: i64,
    /// Destruction and anonymisation acts made.
    pub acts: i64,
}

/// The due list from what [`Vault::due`] read: who has passed every rule that applies to them.
fn due_among(
    as_of: Date,
    rules: &[Rule],
    consents: &HashMap<String, ConsentFacts>,
    everyone: Vec<(String, Facts)>,
    last_service: &rustc_hash::FxHashMap<u128, Date>,
) -> DueList {
    let mut people = Vec::new();
    let mut held = 0;
    for (key, mut p) in everyone {
        p.last_service = last_service.get(&p.id.as_u128()).copied();
        let c = consents.get(&key);
        let no_purposes = BTreeSet::new();
        let purposes = c.map(|c| &c.purposes).unwrap_or(&no_purposes);
        let mut last: Option<(Date, &Rule)> = None;
        let mut applies = false;
        let mut keeps = false;
        for rule in rules.iter().filter(|r| r.kind == p.kind) {
            if rule.purpose.as_ref().is_some_and(|x| !purposes.contains(x)) {
                continue;
            }
            applies = true;
            match rule_end(rule, &p, c) {
                Some(end) if end <= as_of => {
                    if last.is_none_or(|(d, _)| end > d) {
                        last = Some((end, rule));
                    }
                }
                _ => {
                    keeps = true;
                    break;
                }
            }
        }
        if !applies || keeps {
            continue;
        }
        let Some((since, rule)) = last else { continue };
        if p.hold {
            held += 1;
            continue;
        }
        people.push(Due {
            id: p.id,
            number: p.number,
            kind: p.kind,
            full_name: p.full_name.split_whitespace().collect::<Vec<_>>().join(" "),
            due_since: since.to_string(),
            rule: rule.clone(),
            blocked: p.blocked,
        });
    }
    people.sort_by(|a, b| a.due_since.cmp(&b.due_since).then(a.number.cmp(&b.number)));
    DueList {
        as_of: as_of.to_string(),
        people,
        held,
    }
}

/// Each person's last service day, by their id as a number.
fn last_services(conn: &Connection) -> Result<rustc_hash::FxHashMap<u128, Date>> {
    let mut out = rustc_hash::FxHashMap::default();
    let mut stmt = conn.prepare("SELECT subject_id, max(date) FROM service GROUP BY subject_id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (rusqlite::types::ValueRef::Text(id), rusqlite::types::ValueRef::Text(day)) =
            (r.get_ref(0)?, r.get_ref(1)?)
        else {
            continue;
        };
        let (Ok(id), Some(day)) = (
            Uuid::try_parse_ascii(id),
            std::str::from_utf8(day).ok().and_then(iso),
        ) else {
            continue;
        };
        out.insert(id.as_u128(), day);
    }
    Ok(out)
}

/// Every active person with what the retention rules look at, keyed by their id as text (as
/// consents are).
fn active_people(conn: &Connection) -> Result<Vec<(String, Facts)>> {
    let mut stmt = conn.prepare(
        "SELECT id, number, kind, trim(coalesce(surname, '') || ' ' || coalesce(name, '') || ' ' || coalesce(patronymic, '')),
                created_at, ended_on, blocked_reason IS NOT NULL, hold_reason IS NOT NULL
         FROM subject WHERE status = 'active'",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: String = r.get(0)?;
        let kind: String = r.get(2)?;
        let created: String = r.get(4)?;
        let ended: Option<String> = r.get(5)?;
        Ok((
            id.clone(),
            Facts {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                number: r.get(1)?,
                kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
                full_name: r.get(3)?,
                collected: iso(&created),
                last_service: None,
                ended_on: ended.as_deref().and_then(iso),
                blocked: r.get(6)?,
                hold: r.get(7)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Vault {
    /// Consents expiring, people due, blocked and held, for the dashboard.
    pub fn lifecycle_overview(&self, on: Date) -> Result<Overview> {
        let (blocked, held, acts) = self.conn().query_row(
            "SELECT (SELECT count(*) FROM subject WHERE blocked_reason IS NOT NULL),
                    (SELECT count(*) FROM subject WHERE hold_reason IS NOT NULL),
                    (SELECT count(*) FROM destruction_act)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok(Overview {
            consents: self.consent_overview(on)?,
            due: self.due(on)?.people.len() as i64,
            blocked,
            held,
            acts,
        })
    }

    /// The retention rules in force.
    pub fn retention_rules(&self) -> Result<Vec<Rule>> {
        read_rules(self.conn())
    }

    /// Replace the retention rules. Each is checked: a known kind and purpose, a period with an
    /// anchor and 1–1200 months, a basis from [`BASES`].
    pub fn set_retention_rules(&self, rules: &[Rule]) -> Result<Vec<Rule>> {
        self.require(Permission::ChangeSettings)?;
        let inventory = self.inventory()?;
        for (i, r) in rules.iter().enumerate() {
            // Rules are counted from 1, as the editor shows them.
            let rule = i + 1;
            if let Some(p) = &r.purpose {
                if !inventory.document.purposes.iter().any(|x| &x.key == p) {
                    return Err(Error::invalid(
                        "retention_rules",
                        "retention_rule_purpose_unknown",
                    )
                    .with("rule", rule));
                }
            }
            if r.mode == Mode::Period {
                if r.anchor.is_none() {
                    return Err(
                        Error::invalid("retention_rules", "retention_rule_anchor_missing")
                            .with("rule", rule),
                    );
                }
                if !r.months.is_some_and(|m| (1..=1200).contains(&m)) {
                    return Err(
                        Error::invalid("retention_rules", "retention_rule_months_range")
                            .with("rule", rule),
                    );
                }
            }
            if !BASES.contains(&r.basis.as_str()) {
                return Err(
                    Error::invalid("retention_rules", "retention_rule_basis_missing")
                        .with("rule", rule),
                );
            }
        }
        let clean: Vec<Rule> = rules
            .iter()
            .map(|r| Rule {
                anchor: if r.mode == Mode::Period {
                    r.anchor
                } else {
                    None
                },
                months: if r.mode == Mode::Period {
                    r.months
                } else {
                    None
                },
                ..r.clone()
            })
            .collect();
        let tx = self.conn().unchecked_transaction()?;
        write_rules(&tx, &clean)?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::RetentionRulesChanged,
            None,
            json!({"rules": clean.len()}),
        )?;
        tx.commit()?;
        self.retention_rules()
    }

    /// Who has passed retention on `as_of`: every rule that applies to them has ended. People
    /// under legal hold are counted, not listed; blocked people are listed and marked.
    pub fn due(&self, as_of: Date) -> Result<DueList> {
        let rules = read_rules(self.conn())?;
        std::thread::scope(|scope| -> Result<DueList> {
            // Each person's last service is read on a second connection on the other core while
            // this one reads the people and their consents (at 100,000 people each is a few
            // hundred milliseconds). Without a second connection, it is read after them.
            let pending = self
                .second_reader()
                .ok()
                .map(|reader| scope.spawn(move || last_services(&reader)));
            let read_here =
                consent_facts(self.conn()).and_then(|c| Ok((c, active_people(self.conn())?)));
            // Collected before any error is returned, so the scope never re-raises a panic.
            let pending = pending.map(|read| read.join());
            let (consents, everyone) = read_here?;
            let last_service = match pending {
                Some(Ok(Ok(last))) => last,
                // No second connection, or its scan failed: read them here.
                _ => last_services(self.conn())?,
            };
            Ok(due_among(as_of, &rules, &consents, everyone, &last_service))
        })
    }

    /// Block a person (Art. 1(3)): no edit, export, anonymisation or destruction until
    /// unblocked. The reason is kept on the record; the journal gets its kind, not its words.
    pub fn block(&self, id: Uuid, reason: &str) -> Result<()> {
        let facts = subject_facts(self.conn(), id)?;
        if facts.blocked {
            return Err(Error::Blocked {
                number: facts.number,
            });
        }
        let reason = reason_text(reason, Error::invalid("reason", "block_reason_missing"))?;
        self.set_flag(
            id,
            facts.number,
            "blocked_reason",
            Some(&reason),
            Action::SubjectBlocked,
            reason_code(&reason),
        )
    }

    /// Unblock a person; the reason (e.g. the violation was not confirmed) is required.
    pub fn unblock(&self, id: Uuid, reason: &str) -> Result<()> {
        self.require(Permission::DecideKeeping)?;
        let facts = subject_facts(self.conn(), id)?;
        if !facts.blocked {
            return Err(
                Error::invalid("reason", "subject_not_blocked").with("number", facts.number)
            );
        }
        let reason = reason_text(reason, Error::invalid("reason", "unblock_reason_missing"))?;
        self.set_flag(
            id,
            facts.number,
            "blocked_reason",
            None,
            Action::SubjectUnblocked,
            reason_code(&reason),
        )
    }

    /// Place a legal hold, which keeps a person off the due list, with a reason.
    pub fn hold(&self, id: Uuid, reason: &str) -> Result<()> {
        self.require(Permission::DecideKeeping)?;
        let facts = subject_facts(self.conn(), id)?;
        facts.ensure_changeable()?;
        let reason = reason_text(reason, Error::invalid("reason", "hold_reason_missing"))?;
        self.set_flag(
            id,
            facts.number,
            "hold_reason",
            Some(&reason),
            Action::HoldPlaced,
            reason_code(&reason),
        )
    }

    /// Release a legal hold.
    pub fn release_hold(&self, id: Uuid) -> Result<()> {
        self.require(Permission::DecideKeeping)?;
        let facts = subject_facts(self.conn(), id)?;
        facts.ensure_changeable()?;
        if !facts.hold {
            return Err(Error::invalid("hold", "subject_not_on_hold").with("number", facts.number));
        }
        self.set_flag(
            id,
            facts.number,
            "hold_reason",
            None,
            Action::HoldReleased,
            "released",
        )
    }

    /// Record the day the purpose was achieved, or the programme or employment ended (`None`
    /// clears it). Retention rules anchored on an end start counting from it.
    pub fn set_end_date(&self, id: Uuid, ended_on: Option<&str>) -> Result<()> {
        let facts = subject_facts(self.conn(), id)?;
        facts.ensure_changeable()?;
        let d = match ended_on.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => {
                let d = date("ended_on", s)?;
                if d > today() {
                    return Err(Error::invalid("ended_on", "end_date_in_future"));
                }
                Some(d.to_string())
            }
            None => None,
        };
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE subject SET ended_on = ?1, updated_at = ?2 WHERE id = ?3",
            params![d, journal::now_utc(), id.to_string()],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::EndDateChanged,
            Some(&id.to_string()),
            json!({"number": facts.number, "set": d.is_some()}),
        )?;
        tx.commit()?;
        Ok(())
    }

    fn set_flag(
        &self,
        id: Uuid,
        number: i64,
        column: &'static str,
        value: Option<&str>,
        action: Action,
        code: &str,
    ) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            &format!("UPDATE subject SET {column} = ?1, updated_at = ?2 WHERE id = ?3"),
            params![value, journal::now_utc(), id.to_string()],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            action,
            Some(&id.to_string()),
            json!({"number": number, "reason": code}),
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// Reasons a front end offers as choices; anything else is `other` in the journal, so a typed
/// reason (which might name someone) never reaches it.
pub const REASON_CODES: [&str; 7] = [
    "subject_request",
    "inaccurate_data",
    "unlawful_processing",
    "court_or_authority",
    "litigation",
    "audit",
    "not_confirmed",
];

fn reason_code(reason: &str) -> &'static str {
    // A front end sends a code alone or "code: the user's note".
    let head = reason.split(':').next().unwrap_or_default().trim();
    REASON_CODES
        .iter()
        .find(|c| **c == head)
        .copied()
        .unwrap_or("other")
}

/// A reason typed for a block, an unblock or a hold: `missing` is the refusal when none is.
fn reason_text(s: &str, missing: Error) -> Result<String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(missing);
    }
    if t.chars().count() > 500 || t.chars().any(char::is_control) {
        return Err(Error::invalid("reason", "lifecycle_reason_too_long"));
    }
    Ok(t.to_string())
}

#[cfg(test)]
#[path = "retention_tests.rs"]
mod tests;

/// The retention bases that are a law (the others are the organisation's or a donor's choice).
pub const LAW_BASES: [&str; 2] = ["financial_documents", "pension_records"];

/// A stored day or timestamp's day.
pub(crate) fn iso_day(s: &str) -> Option<Date> {
    iso(s)
}

/// Of the people in `candidates` (ids as stored), those a retention rule whose basis is a law
/// still keeps on `on`: the law that sets the period is their basis (Art. 9(10)) until it ends.
pub(crate) fn kept_by_law(
    conn: &Connection,
    candidates: &std::collections::HashSet<String>,
    kinds: &BTreeSet<Kind>,
    on: Date,
) -> Result<std::collections::HashSet<String>> {
    // Only the kinds among the candidates: when no rule set by law applies to them (usually
    // beneficiaries), nobody is read at all.
    let rules: Vec<Rule> = read_rules(conn)?
        .into_iter()
        .filter(|r| LAW_BASES.contains(&r.basis.as_str()) && kinds.contains(&r.kind))
        .collect();
    let mut kept = std::collections::HashSet::new();
    if rules.is_empty() || candidates.is_empty() {
        return Ok(kept);
    }
    let consents = consent_facts(conn)?;
    let last_service = last_services(conn)?;
    let no_purposes = BTreeSet::new();
    for (key, mut p) in active_people(conn)? {
        if !candidates.contains(&key) {
            continue;
        }
        p.last_service = last_service.get(&p.id.as_u128()).copied();
        let c = consents.get(&key);
        let purposes = c.map(|c| &c.purposes).unwrap_or(&no_purposes);
        let runs = rules
            .iter()
            .filter(|r| r.kind == p.kind)
            .filter(|r| r.purpose.as_ref().is_none_or(|x| purposes.contains(x)))
            .any(|r| rule_end(r, &p, c).is_none_or(|end| end > on));
        if runs {
            kept.insert(key);
        }
    }
    Ok(kept)
}
