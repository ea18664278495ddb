//! People in the register: validation against the rules and the approved inventory, storage,
//! search, masking of sensitive fields, and journaled reveals.
//!
//! A person is restricted by default. Sensitive fields (identity numbers, health, financial,
//! biometric — see [`crate::register::fields::Category::is_sensitive`]) leave this module masked unless the
//! caller asks to reveal them, and every reveal is journaled. Nothing here writes a value into
//! the journal or an error message.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::error::{Error, FieldProblem, Result};
use crate::register::fields::{Field, Kind, PersonDraft, Sex};
use crate::register::ids::{mask_iin, Iin};
use crate::register::import::{normalise_phone, parse_date, parse_sex};
use crate::register::inventory::InventoryDocument;
use crate::text::fold;
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// Who may see a record (Art. 6): restricted unless the person agreed to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// The default: access limited by law.
    Restricted,
    /// Publicly available with the person's consent.
    Public,
}

impl Access {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Access::Restricted => "restricted",
            Access::Public => "public",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Access> {
        match s {
            "restricted" => Some(Access::Restricted),
            "public" => Some(Access::Public),
            _ => None,
        }
    }
}

/// Longest text a field accepts; notes may be longer than names.
fn max_len(field: Field) -> usize {
    match field {
        Field::Notes | Field::HealthNotes => 5000,
        Field::Address => 500,
        _ => 300,
    }
}

/// Columns of `subject`: every standard field but `services`, which has a table of its own.
fn columns() -> impl Iterator<Item = Field> {
    Field::ALL.into_iter().filter(|f| *f != Field::Services)
}

/// The columns a register list shows (sensitive ones masked).
pub const LIST_COLUMNS: [Field; 9] = [
    Field::Surname,
    Field::Name,
    Field::Patronymic,
    Field::Iin,
    Field::BirthDate,
    Field::Sex,
    Field::Phone,
    Field::Region,
    Field::Programme,
];

/// A checked service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Service type key or text.
    pub service_type: String,
}

/// A person's record after every rule passed: values normalised, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPerson {
    /// The kind of person.
    pub kind: Kind,
    /// Normalised values (IIN digits, `YYYY-MM-DD`, `+7…`, region keys, …).
    pub values: BTreeMap<Field, String>,
    /// Checked services.
    pub services: Vec<Service>,
}

fn problem(field: Field, code: &'static str, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field: field.key().to_string(),
        code,
        message: message.into(),
    }
}

/// Check a draft against the rules and the inventory. `today` bounds dates. Every problem is
/// reported, not just the first, so a form can mark all of them at once.
pub fn validate(
    draft: &PersonDraft,
    inventory: &InventoryDocument,
    today: Date,
) -> Result<ValidPerson> {
    let mut problems = Vec::new();
    let Some(kind) = draft.kind else {
        return Err(Error::Invalid {
            problems: vec![FieldProblem {
                field: "kind".into(),
                code: "required",
                message: "Choose whether this is a beneficiary, an employee or a volunteer.".into(),
            }],
        });
    };
    let allowed = inventory.allowed(kind);
    let mut values = BTreeMap::new();
    for (&field, raw) in &draft.values {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        if !allowed.contains(&field) {
            problems.push(problem(
                field,
                "not_in_inventory",
                format!(
                    "This field is not in the approved data inventory for a {}.",
                    kind.key()
                ),
            ));
            continue;
        }
        if text.chars().count() > max_len(field) {
            problems.push(problem(
                field,
                "too_long",
                format!("This is too long ({} characters at most).", max_len(field)),
            ));
            continue;
        }
        let multiline = matches!(field, Field::Notes | Field::HealthNotes | Field::Address);
        if text
            .chars()
            .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')))
        {
            problems.push(problem(
                field,
                "control_chars",
                "Remove the invisible control characters from this field.",
            ));
            continue;
        }
        match normalise(field, text, today) {
            Ok(v) => {
                values.insert(field, v);
            }
            Err((code, message)) => problems.push(problem(field, code, message)),
        }
    }
    // The IIN must agree with the birth date and sex; when they are empty, it fills them.
    if let Some(iin) = values.get(&Field::Iin).and_then(|s| Iin::parse(s).ok()) {
        let bd = iin.birth_date.to_string();
        match values.get(&Field::BirthDate) {
            Some(given) if *given != bd => problems.push(problem(
                Field::BirthDate,
                "iin_birth_date_mismatch",
                "The birth date does not match the IIN.",
            )),
            None if allowed.contains(&Field::BirthDate)
                && draft
                    .values
                    .get(&Field::BirthDate)
                    .is_none_or(|v| v.trim().is_empty()) =>
            {
                values.insert(Field::BirthDate, bd);
            }
            _ => {}
        }
        let sex = iin.sex.key().to_string();
        match values.get(&Field::Sex) {
            Some(given) if *given != sex => problems.push(problem(
                Field::Sex,
                "iin_sex_mismatch",
                "The sex does not match the IIN.",
            )),
            None if allowed.contains(&Field::Sex)
                && draft
                    .values
                    .get(&Field::Sex)
                    .is_none_or(|v| v.trim().is_empty()) =>
            {
                values.insert(Field::Sex, sex);
            }
            _ => {}
        }
    }
    for required in [Field::Surname, Field::Name] {
        if allowed.contains(&required)
            && !values.contains_key(&required)
            && !problems.iter().any(|p| p.field == required.key())
        {
            problems.push(problem(required, "required", "This field is required."));
        }
    }
    let mut services = Vec::new();
    if !draft.services.is_empty() && !allowed.contains(&Field::Services) {
        problems.push(problem(
            Field::Services,
            "not_in_inventory",
            format!(
                "Services are not in the approved data inventory for a {}.",
                kind.key()
            ),
        ));
    } else {
        let birth = values.get(&Field::BirthDate).and_then(|d| {
            Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
        });
        for s in &draft.services {
            let t = s.service_type.trim();
            match parse_date(&s.date) {
                Err(p) => problems.push(problem(Field::Services, "date_format", p.sentence())),
                Ok(d) if d > today => problems.push(problem(
                    Field::Services,
                    "date_future",
                    "A service date cannot be in the future.",
                )),
                Ok(d) if birth.is_some_and(|b| d < b) => problems.push(problem(
                    Field::Services,
                    "before_birth",
                    "A service date cannot be before the birth date.",
                )),
                Ok(_)
                    if t.is_empty()
                        || t.chars().count() > 100
                        || t.chars().any(char::is_control) =>
                {
                    problems.push(problem(
                        Field::Services,
                        "service_type",
                        "Each service needs a type (up to 100 characters).",
                    ))
                }
                Ok(d) => services.push(Service {
                    date: d.to_string(),
                    service_type: t.to_string(),
                }),
            }
        }
    }
    if problems.is_empty() {
        services.sort_by(|a, b| a.date.cmp(&b.date));
        Ok(ValidPerson {
            kind,
            values,
            services,
        })
    } else {
        problems.sort_by_key(|p| {
            Field::from_key(&p.field)
                .map(|f| f as usize)
                .unwrap_or(usize::MAX)
        });
        Err(Error::Invalid { problems })
    }
}

/// Normalise one value, or say what is wrong with it (without repeating it).
fn normalise(
    field: Field,
    text: &str,
    today: Date,
) -> std::result::Result<String, (&'static str, String)> {
    match field {
        Field::Iin => Iin::parse(text).map(|i| i.as_string()).map_err(|p| {
            let code = match p {
                crate::register::ids::IdProblem::Length => "iin_length",
                crate::register::ids::IdProblem::CheckDigit => "iin_check_digit",
                crate::register::ids::IdProblem::BirthDate => "iin_birth_date",
                crate::register::ids::IdProblem::CenturySex => "iin_century_sex",
            };
            (code, p.sentence("IIN"))
        }),
        Field::BirthDate => {
            let d = parse_date(text).map_err(|p| ("date_format", p.sentence()))?;
            if d > today {
                return Err((
                    "date_future",
                    "A birth date cannot be in the future.".into(),
                ));
            }
            if d.year() < 1900 {
                return Err((
                    "date_too_old",
                    "A birth date before 1900 is not plausible.".into(),
                ));
            }
            Ok(d.to_string())
        }
        Field::Sex => parse_sex(text)
            .map(|s: Sex| s.key().to_string())
            .map_err(|p| ("sex_unknown", p.sentence())),
        Field::Phone => normalise_phone(text).map_err(|p| ("phone_invalid", p.sentence())),
        Field::Email => {
            let ok = text.split_once('@').is_some_and(|(l, d)| {
                !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
            }) && !text.contains(char::is_whitespace);
            if ok {
                Ok(text.to_lowercase())
            } else {
                Err((
                    "email_invalid",
                    "This does not look like an e-mail address.".into(),
                ))
            }
        }
        Field::Region => crate::register::regions::recognise(text)
            .map(|r| r.key.to_string())
            .ok_or((
                "region_unknown",
                "Choose one of the 17 regions or 3 cities.".into(),
            )),
        Field::HouseholdSize => match text.parse::<u32>() {
            Ok(n) if (1..=50).contains(&n) => Ok(n.to_string()),
            _ => Err((
                "number_invalid",
                "Enter the number of people in the household (1 to 50).".into(),
            )),
        },
        _ => Ok(text.to_string()),
    }
}

/// One value of a stored record as it leaves the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldValue {
    /// The value, or its masked form.
    pub value: String,
    /// Whether `value` is masked.
    pub masked: bool,
    /// Whether the field is sensitive (masked until revealed).
    pub sensitive: bool,
}

/// A stored person, sensitive values masked unless revealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// Stable id.
    pub id: Uuid,
    /// Internal number (№), the only identifier used in acts and the journal's details.
    pub number: i64,
    /// Beneficiary, employee or volunteer.
    pub kind: Kind,
    /// Restricted or public.
    pub access: Access,
    /// `active` (an anonymised person leaves the register for `anonymous_record`).
    pub status: String,
    /// Values by field key.
    pub values: BTreeMap<Field, FieldValue>,
    /// Services received, oldest first.
    pub services: Vec<Service>,
    /// When the record was created (RFC 3339 UTC).
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
    /// Where the person's data stands in its lifecycle.
    pub lifecycle: Lifecycle,
}

/// Consent, ground, hold and blocking facts shown on a person's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    /// The best state among the person's consents; `None` without any.
    pub consent_state: Option<crate::lifecycle::consent::ConsentState>,
    /// Whether a consent to publication is in force.
    pub publication_consent: bool,
    /// The Art. 9 ground for processing without consent, if recorded.
    pub legal_ground: Option<String>,
    /// The day the purpose was achieved, or the programme or employment ended.
    pub ended_on: Option<String>,
    /// Why the person is under legal hold, if they are.
    pub hold_reason: Option<String>,
    /// Why the person is blocked, if they are.
    pub blocked_reason: Option<String>,
}

/// Mask a sensitive value for display: IINs as `90••••••1234`, anything else as dots.
pub fn mask(field: Field, value: &str) -> String {
    match field {
        Field::Iin => mask_iin(value),
        _ => "•••••".into(),
    }
}

/// The list order: folded surname, name and patronymic, so Kazakh letters sort beside their
/// Russian look-alikes (Ә by А, Қ by К) and case does not matter. Indexed, so the first page of
/// 100,000 people needs no sort.
fn sort_key(values: &BTreeMap<Field, String>) -> String {
    [Field::Surname, Field::Name, Field::Patronymic]
        .iter()
        .map(|f| values.get(f).map(|v| fold(v)).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\u{1}")
}

/// The text the search index holds for a person: folded names, the IIN, phone digits.
fn search_doc(values: &BTreeMap<Field, String>) -> String {
    let mut doc = String::new();
    for f in [Field::Surname, Field::Name, Field::Patronymic] {
        if let Some(v) = values.get(&f) {
            doc.push_str(&fold(v));
            doc.push(' ');
        }
    }
    if let Some(iin) = values.get(&Field::Iin) {
        doc.push_str(iin);
        doc.push(' ');
    }
    if let Some(phone) = values.get(&Field::Phone) {
        doc.extend(phone.chars().filter(char::is_ascii_digit));
    }
    doc
}

fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// A prepared writer used for one person or a whole import inside one transaction.
pub(crate) struct Writer<'t> {
    tx: &'t Transaction<'t>,
    next_number: i64,
    /// One timestamp for everything this writer adds: they arrive together.
    now: String,
}

impl<'t> Writer<'t> {
    pub(crate) fn new(tx: &'t Transaction<'t>) -> Result<Self> {
        let next_number: i64 = tx.query_row(
            // Numbers of destroyed people are never handed out again: acts refer to them.
            "SELECT max(coalesce((SELECT max(number) FROM subject), 0),
                        coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'subject_number_high'), 0)) + 1",
            [],
            |r| r.get(0),
        )?;
        Ok(Self {
            tx,
            next_number,
            now: journal::now_utc(),
        })
    }

    /// Insert a valid person; refuses a duplicate IIN with the existing record's number.
    pub(crate) fn insert(&mut self, p: &ValidPerson) -> Result<(Uuid, i64)> {
        self.insert_checked(p, true)
    }

    /// Insert; `check_iin` false when the caller already checked the whole batch for duplicate
    /// IINs (the UNIQUE constraint still refuses one that slipped through).
    pub(crate) fn insert_checked(
        &mut self,
        p: &ValidPerson,
        check_iin: bool,
    ) -> Result<(Uuid, i64)> {
        if let Some(iin) = p.values.get(&Field::Iin).filter(|_| check_iin) {
            if let Some(existing) = self
                .tx
                .prepare_cached("SELECT number FROM subject WHERE iin = ?1")?
                .query_row([iin], |r| r.get::<_, i64>(0))
                .optional()?
            {
                return Err(Error::DuplicateIin { existing });
            }
        }
        let id = Uuid::now_v7();
        let number = self.next_number;
        let now = &self.now;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO subject (id, number, kind, access, status, surname, name, patronymic, iin, birth_date, sex, phone, email, region, district, settlement, address, id_document, programme, disability, household_size, health_notes, notes, created_at, updated_at, sort_key)
             VALUES (?1, ?2, ?3, 'restricted', 'active', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23)",
        )?;
        let v = |f: Field| p.values.get(&f).map(String::as_str);
        let household: Option<i64> = v(Field::HouseholdSize).and_then(|s| s.parse().ok());
        stmt.execute(params![
            id.to_string(),
            number,
            p.kind.key(),
            v(Field::Surname),
            v(Field::Name),
            v(Field::Patronymic),
            v(Field::Iin),
            v(Field::BirthDate),
            v(Field::Sex),
            v(Field::Phone),
            v(Field::Email),
            v(Field::Region),
            v(Field::District),
            v(Field::Settlement),
            v(Field::Address),
            v(Field::IdDocument),
            v(Field::Programme),
            v(Field::Disability),
            household,
            v(Field::HealthNotes),
            v(Field::Notes),
            now,
            sort_key(&p.values),
        ])?;
        insert_services(self.tx, id, &p.services)?;
        self.tx
            .prepare_cached("INSERT INTO subject_search (rowid, doc) VALUES (?1, ?2)")?
            .execute(params![number, search_doc(&p.values)])?;
        self.next_number += 1;
        Ok((id, number))
    }
}

/// Add services to a person inside the caller's transaction.
fn insert_services(tx: &Transaction<'_>, id: Uuid, services: &[Service]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO service (id, subject_id, date, service_type) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in services {
        stmt.execute(params![
            Uuid::now_v7().to_string(),
            id.to_string(),
            s.date,
            s.service_type
        ])?;
    }
    Ok(())
}

/// A person's row as stored, values in clear (they never leave the core unmasked except by a
/// journaled reveal).
struct Stored {
    number: i64,
    kind: Kind,
    access: Access,
    status: String,
    values: BTreeMap<Field, String>,
    created_at: String,
    updated_at: String,
}

fn load_values(conn: &Connection, id: Uuid) -> Result<Option<Stored>> {
    let cols: Vec<&str> = columns().map(|f| f.key()).collect();
    let sql = format!("SELECT number, kind, access, status, created_at, updated_at, {} FROM subject WHERE id = ?1", cols.join(", "));
    conn.query_row(&sql, [id.to_string()], |r| {
        let mut values = BTreeMap::new();
        for (i, f) in columns().enumerate() {
            let v: Option<rusqlite::types::Value> = r.get(6 + i)?;
            match v {
                Some(rusqlite::types::Value::Text(s)) => {
                    values.insert(f, s);
                }
                Some(rusqlite::types::Value::Integer(n)) => {
                    values.insert(f, n.to_string());
                }
                _ => {}
            }
        }
        let kind: String = r.get(1)?;
        let access: String = r.get(2)?;
        Ok(Stored {
            number: r.get(0)?,
            kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
            access: Access::from_key(&access).unwrap_or(Access::Restricted),
            status: r.get(3)?,
            values,
            created_at: r.get(4)?,
            updated_at: r.get(5)?,
        })
    })
    .optional()
    .map_err(Error::from)
}

fn load_services(conn: &Connection, id: Uuid) -> Result<Vec<Service>> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, service_type FROM service WHERE subject_id = ?1 ORDER BY date, id",
    )?;
    let rows = stmt.query_map([id.to_string()], |r| {
        Ok(Service {
            date: r.get(0)?,
            service_type: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Age bands for filtering the register.
pub const AGE_BANDS: [&str; 5] = ["0-17", "18-29", "30-44", "45-59", "60+"];

/// `today` minus `years`, as a date (29 February becomes 28 February in a common year).
fn years_before(today: Date, years: i32) -> Date {
    let y = today.year() - years;
    today.replace_year(y).unwrap_or_else(|_| {
        today
            .replace_day(28)
            .and_then(|d| d.replace_year(y))
            .unwrap_or(today)
    })
}

/// Birth-date bounds `(born_after, born_on_or_before)` for an age band on `today`: aged at
/// least `lo` means born on or before today − lo years; younger than `hi` means born after
/// today − hi years.
fn age_band_bounds(band: &str, today: Date) -> Option<(Option<String>, Option<String>)> {
    let (lo, hi) = match band {
        "0-17" => (0, Some(18)),
        "18-29" => (18, Some(30)),
        "30-44" => (30, Some(45)),
        "45-59" => (45, Some(60)),
        "60+" => (60, None),
        _ => return None,
    };
    let born_after = hi.map(|h| years_before(today, h).to_string());
    let born_on_or_before = (lo > 0).then(|| years_before(today, lo).to_string());
    Some((born_after, born_on_or_before))
}

/// What to list from the register.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Query {
    /// Any part of a name (Kazakh/Russian letters, case and ё/е, қ/к… ignored), an IIN or a phone.
    pub search: Option<String>,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only this programme.
    pub programme: Option<String>,
    /// Only this region key.
    pub region: Option<String>,
    /// Only this access level.
    pub access: Option<Access>,
    /// Only this age band (see [`AGE_BANDS`]).
    pub age_band: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// At most this many rows (all when `None`).
    pub limit: Option<i64>,
    /// Skip this many rows.
    pub offset: i64,
    /// Show sensitive values in clear (journaled with the number of people and the fields).
    pub reveal: bool,
}

/// One row of the register list; sensitive values masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// Stable id.
    pub id: Uuid,
    /// Internal number.
    pub number: i64,
    /// Kind of person.
    pub kind: Kind,
    /// Access level.
    pub access: Access,
    /// Status.
    pub status: String,
    /// Values of the listed columns (sensitive ones masked).
    pub values: BTreeMap<Field, String>,
}

/// A page of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// How many people match in all.
    pub total: i64,
    /// The rows of this page.
    pub rows: Vec<Row>,
}

/// Turn a search text into an FTS5 trigram query, or `None` when no term is long enough.
fn fts_query(search: &str) -> Option<String> {
    // An IIN or a phone typed with spaces, dashes or brackets is one number, not several words.
    if search
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        let mut digits: String = search.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 11 && digits.starts_with('8') {
            digits.replace_range(..1, "7");
        } else if digits.len() < 11
            && ["8 ", "8(", "8-", "8 ("]
                .iter()
                .any(|p| search.trim_start().starts_with(p))
        {
            // "8 701 23…": the start of a phone written with the trunk prefix 8.
            digits.replace_range(..1, "7");
        }
        return (digits.len() >= 3).then(|| format!("\"{digits}\""));
    }
    let folded = fold(search);
    let mut terms = Vec::new();
    for word in folded.split_whitespace() {
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        let term = if !digits.is_empty()
            && digits.len() * 2 >= word.chars().filter(|c| c.is_alphanumeric()).count()
        {
            // A phone typed as 8 701 … is stored as 7701…
            if digits.len() == 11 && digits.starts_with('8') {
                format!("7{}", &digits[1..])
            } else {
                digits
            }
        } else {
            word.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '\'')
                .collect()
        };
        if term.chars().count() >= 3 {
            terms.push(format!("\"{}\"", term.replace('"', "\"\"")));
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

impl Vault {
    /// Add a person. The record is checked against the rules and the approved inventory, stored
    /// restricted, indexed for search, and journaled (by id, no values).
    pub fn add_subject(&self, draft: &PersonDraft) -> Result<Person> {
        let inventory = self.inventory()?;
        let valid = validate(draft, &inventory.document, today())?;
        let tx = self.conn().unchecked_transaction()?;
        let (id, number) = Writer::new(&tx)?.insert(&valid)?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::SubjectCreated,
            Some(&id.to_string()),
            json!({"number": number, "kind": valid.kind.key(), "inventory": inventory.version}),
        )?;
        tx.commit()?;
        self.subject_unjournaled(id, &[])
    }

    /// Change a person's record: fields present in `changes.values` are set (an empty value
    /// clears the field); `changes.services` are added. The merged record is checked as a whole.
    pub fn edit_subject(&self, id: Uuid, changes: &PersonDraft) -> Result<Person> {
        crate::lifecycle::consent::subject_facts(self.conn(), id)?.ensure_changeable()?;
        let Stored {
            number,
            kind,
            mut values,
            ..
        } = load_values(self.conn(), id)?.ok_or(Error::SubjectNotFound)?;
        let kind = changes.kind.unwrap_or(kind);
        let mut changed: BTreeSet<&'static str> = BTreeSet::new();
        for (field, v) in &changes.values {
            if values.get(field).map(String::as_str) != Some(v.trim()) {
                changed.insert(field.key());
            }
            values.insert(*field, v.clone());
        }
        let inventory = self.inventory()?;
        let merged = PersonDraft {
            kind: Some(kind),
            values,
            services: changes.services.clone(),
        };
        let valid = validate(&merged, &inventory.document, today())?;
        if !changes.services.is_empty() {
            changed.insert("services");
        }
        let tx = self.conn().unchecked_transaction()?;
        if let Some(iin) = valid.values.get(&Field::Iin) {
            let other: Option<i64> = tx
                .query_row(
                    "SELECT number FROM subject WHERE iin = ?1 AND id != ?2",
                    params![iin, id.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(existing) = other {
                return Err(Error::DuplicateIin { existing });
            }
        }
        let sets: Vec<String> = columns()
            .enumerate()
            .map(|(i, f)| format!("{} = ?{}", f.key(), i + 1))
            .collect();
        let n = sets.len();
        let sql = format!(
            "UPDATE subject SET {}, kind = ?{}, updated_at = ?{}, sort_key = ?{} WHERE id = ?{}",
            sets.join(", "),
            n + 1,
            n + 2,
            n + 3,
            n + 4
        );
        let mut bind: Vec<rusqlite::types::Value> = columns()
            .map(|f| match (f, valid.values.get(&f)) {
                (Field::HouseholdSize, Some(v)) => v
                    .parse::<i64>()
                    .map(rusqlite::types::Value::Integer)
                    .unwrap_or(rusqlite::types::Value::Null),
                (_, Some(v)) => rusqlite::types::Value::Text(v.clone()),
                (_, None) => rusqlite::types::Value::Null,
            })
            .collect();
        bind.push(rusqlite::types::Value::Text(kind.key().into()));
        bind.push(rusqlite::types::Value::Text(journal::now_utc()));
        bind.push(rusqlite::types::Value::Text(sort_key(&valid.values)));
        bind.push(rusqlite::types::Value::Text(id.to_string()));
        tx.execute(&sql, params_from_iter(bind))?;
        insert_services(&tx, id, &valid.services)?;
        tx.execute("DELETE FROM subject_search WHERE rowid = ?1", [number])?;
        tx.execute(
            "INSERT INTO subject_search (rowid, doc) VALUES (?1, ?2)",
            params![number, search_doc(&valid.values)],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::SubjectUpdated,
            Some(&id.to_string()),
            json!({"number": number, "fields": changed}),
        )?;
        tx.commit()?;
        self.subject_unjournaled(id, &[])
    }

    /// Open a person's full record (sensitive values masked). Journaled as a view.
    pub fn subject(&self, id: Uuid) -> Result<Person> {
        let p = self.subject_unjournaled(id, &[])?;
        self.record(
            Action::SubjectViewed,
            Some(&id.to_string()),
            json!({"number": p.number}),
        )?;
        Ok(p)
    }

    /// Open a person's record with the given sensitive fields in clear. Journaled with the list
    /// of fields revealed.
    pub fn reveal_subject(&self, id: Uuid, fields: &[Field]) -> Result<Person> {
        let p = self.subject_unjournaled(id, fields)?;
        let revealed: Vec<&str> = fields
            .iter()
            .filter(|f| p.values.get(f).is_some_and(|v| v.sensitive))
            .map(|f| f.key())
            .collect();
        self.record(
            Action::SubjectRevealed,
            Some(&id.to_string()),
            json!({"number": p.number, "fields": revealed}),
        )?;
        Ok(p)
    }

    /// What the journal says about a person, newest first.
    pub fn subject_history(&self, id: Uuid) -> Result<Vec<journal::Entry>> {
        journal::for_object(self.conn(), &id.to_string(), 1000)
    }

    /// The programmes people in the register belong to, for pick lists.
    pub fn programmes(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare("SELECT DISTINCT programme FROM subject WHERE programme IS NOT NULL ORDER BY programme LIMIT 500")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A person named by id, or by internal number ("12" or "№ 12").
    pub fn resolve_subject(&self, id_or_number: &str) -> Result<Uuid> {
        let t = id_or_number.trim().trim_start_matches('№').trim();
        match t.parse::<i64>() {
            Ok(number) => self.subject_id(number),
            Err(_) => Uuid::parse_str(t).map_err(|_| Error::SubjectNotFound),
        }
    }

    /// Find a person's id by internal number.
    pub fn subject_id(&self, number: i64) -> Result<Uuid> {
        let id: String = self
            .conn()
            .query_row("SELECT id FROM subject WHERE number = ?1", [number], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::SubjectNotFound)?;
        Uuid::parse_str(&id).map_err(|_| Error::VaultDamaged)
    }

    fn subject_unjournaled(&self, id: Uuid, reveal: &[Field]) -> Result<Person> {
        let Stored {
            number,
            kind,
            access,
            status,
            values,
            created_at,
            updated_at,
        } = load_values(self.conn(), id)?.ok_or(Error::SubjectNotFound)?;
        let inventory = self.inventory()?;
        let values = values
            .into_iter()
            .map(|(f, v)| {
                let sensitive = inventory.document.is_sensitive(f);
                let masked = sensitive && !reveal.contains(&f);
                (
                    f,
                    FieldValue {
                        value: if masked { mask(f, &v) } else { v },
                        masked,
                        sensitive,
                    },
                )
            })
            .collect();
        Ok(Person {
            id,
            number,
            kind,
            access,
            status,
            values,
            services: load_services(self.conn(), id)?,
            created_at,
            updated_at,
            lifecycle: self.lifecycle(id)?,
        })
    }

    fn lifecycle(&self, id: Uuid) -> Result<Lifecycle> {
        let today = today();
        let (legal_ground, ended_on, hold_reason, blocked_reason) = self.conn().query_row(
            "SELECT legal_ground, ended_on, hold_reason, blocked_reason FROM subject WHERE id = ?1",
            [id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        Ok(Lifecycle {
            consent_state: crate::lifecycle::consent::best_state(self.conn(), id, today)?,
            publication_consent: crate::lifecycle::consent::publication_in_force(
                self.conn(),
                id,
                today,
            )?,
            legal_ground,
            ended_on,
            hold_reason,
            blocked_reason,
        })
    }

    /// Make a person public or restricted. Public needs an active consent to publication in
    /// public sources (Art. 7(6)): see [`Vault::publication_permitted`]. A blocked person's
    /// access cannot change.
    pub fn set_access(&self, id: Uuid, access: Access) -> Result<()> {
        let facts = crate::lifecycle::consent::subject_facts(self.conn(), id)?;
        facts.ensure_changeable()?;
        let number = facts.number;
        if access == Access::Public {
            self.publication_permitted(id)?;
        }
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE subject SET access = ?1, updated_at = ?2 WHERE id = ?3",
            params![access.key(), journal::now_utc(), id.to_string()],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::SubjectAccessChanged,
            Some(&id.to_string()),
            json!({"number": number, "access": access.key()}),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// List people matching `q`, sorted by surname and name; sensitive values masked.
    pub fn list_subjects(&self, q: &Query) -> Result<Page> {
        let mut wheres: Vec<String> = Vec::new();
        let mut bind: Vec<rusqlite::types::Value> = Vec::new();
        // Each condition binds one value, written `$` in its SQL.
        let mut push = |sql: &str, v: rusqlite::types::Value| {
            bind.push(v);
            wheres.push(sql.replace('$', &format!("?{}", bind.len())));
        };
        use rusqlite::types::Value as V;
        if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            match fts_query(s) {
                Some(m) => push(
                    "number IN (SELECT rowid FROM subject_search WHERE subject_search MATCH $)",
                    V::Text(m),
                ),
                // Too short for the trigram index: match the start of a folded name.
                None => push(
                    "(derbes_fold(surname) LIKE $ || '%' OR derbes_fold(name) LIKE $ || '%')",
                    V::Text(fold(s).replace(['%', '_'], "")),
                ),
            }
        }
        if let Some(k) = q.kind {
            push("kind = $", V::Text(k.key().into()));
        }
        if let Some(p) = &q.programme {
            push("programme = $", V::Text(p.clone()));
        }
        if let Some(r) = &q.region {
            push("region = $", V::Text(r.clone()));
        }
        if let Some(a) = q.access {
            push("access = $", V::Text(a.key().into()));
        }
        if let Some(s) = &q.status {
            push("status = $", V::Text(s.clone()));
        }
        if let Some(band) = &q.age_band {
            let (after, on_or_before) =
                age_band_bounds(band, today()).ok_or(Error::InvalidInput {
                    field: "age_band",
                    reason: format!("The age band must be one of {}.", AGE_BANDS.join(", ")),
                })?;
            if let Some(a) = after {
                push("birth_date > $", V::Text(a));
            }
            if let Some(b) = on_or_before {
                push("birth_date <= $", V::Text(b));
            }
        }
        let where_sql = if wheres.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", wheres.join(" AND "))
        };
        let total: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM subject {where_sql}"),
            params_from_iter(bind.iter()),
            |r| r.get(0),
        )?;
        let listed = LIST_COLUMNS;
        let cols: Vec<&str> = listed.iter().map(|f| f.key()).collect();
        let limit = q.limit.unwrap_or(-1);
        let sql = format!(
            "SELECT id, number, kind, access, status, {} FROM subject {where_sql} ORDER BY sort_key, number LIMIT {limit} OFFSET {}",
            cols.join(", "),
            q.offset.max(0)
        );
        let inventory = self.inventory()?;
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(bind.iter()), |r| {
            let mut values = BTreeMap::new();
            for (i, f) in listed.iter().enumerate() {
                if let Some(v) = r.get::<_, Option<String>>(5 + i)? {
                    let shown = if inventory.document.is_sensitive(*f) && !q.reveal {
                        mask(*f, &v)
                    } else {
                        v
                    };
                    values.insert(*f, shown);
                }
            }
            let id: String = r.get(0)?;
            let kind: String = r.get(2)?;
            let access: String = r.get(3)?;
            Ok(Row {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                number: r.get(1)?,
                kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
                access: Access::from_key(&access).unwrap_or(Access::Restricted),
                status: r.get(4)?,
                values,
            })
        })?;
        let rows: Vec<Row> = rows.collect::<std::result::Result<_, _>>()?;
        if q.reveal && !rows.is_empty() {
            let fields: Vec<&str> = listed
                .iter()
                .filter(|f| inventory.document.is_sensitive(**f))
                .map(|f| f.key())
                .collect();
            self.record(
                Action::SubjectRevealed,
                None,
                json!({"people": rows.len(), "fields": fields}),
            )?;
        }
        Ok(Page { total, rows })
    }
}

#[cfg(test)]
#[path = "subjects_tests.rs"]
mod tests;
