//! Aggregate reports for donors: counts of people, services or new people over a period,
//! broken down by up to three dimensions, with totals and small cells suppressed so that the
//! table proves the work and identifies no one (Art. 17: data passed on for statistics must be
//! depersonalised first).
//!
//! People are counted from the register and from the anonymous records that anonymisation
//! leaves behind. Blocked people are left out (blocking stops all processing) and counted
//! aside. "People" are the people who received at least one service in the period, each
//! counted once — in the month or quarter of their first service in the period, so that the
//! table adds up. "New people" were first recorded in the period.

use std::collections::HashMap;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, Month};

use crate::error::{Error, Result};
use crate::register::fields::{Kind, SERVICE_TYPES};
use crate::reports::labels::{self, Lang};
use crate::reports::suppression::{self, Cube, Mark};
use crate::vault::journal::Action;
use crate::vault::Vault;

/// What a report counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// People who received at least one service in the period.
    People,
    /// Services delivered in the period.
    Services,
    /// People first recorded in the period.
    NewPeople,
}

impl Measure {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Measure::People => "people",
            Measure::Services => "services",
            Measure::NewPeople => "new_people",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Measure> {
        [Measure::People, Measure::Services, Measure::NewPeople]
            .into_iter()
            .find(|m| m.key() == s)
    }

    /// The measure's name.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Measure::People => {
                lang.pick("Қызмет алған адамдар", "Получившие услуги", "People served")
            }
            Measure::Services => lang.pick(
                "Көрсетілген қызметтер",
                "Оказанные услуги",
                "Services delivered",
            ),
            Measure::NewPeople => lang.pick("Жаңа адамдар", "Новые люди", "New people"),
        }
        .into()
    }
}

/// What a report can break its counts down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Region (oblast or city of republican significance).
    Region,
    /// District, as recorded.
    District,
    /// Sex.
    Sex,
    /// Age band at the end of the period.
    AgeBand,
    /// Beneficiary, employee or volunteer.
    Kind,
    /// Programme or project.
    Programme,
    /// Service type (services only: one person can receive several).
    ServiceType,
    /// Whether a disability is recorded.
    Disability,
    /// Quarter of the service (of the first service for people, of recording for new people).
    Quarter,
    /// Month, likewise.
    Month,
}

impl Dimension {
    /// Every dimension, in the order a form offers them.
    pub const ALL: [Dimension; 10] = [
        Dimension::Region,
        Dimension::District,
        Dimension::Sex,
        Dimension::AgeBand,
        Dimension::Kind,
        Dimension::Programme,
        Dimension::ServiceType,
        Dimension::Disability,
        Dimension::Quarter,
        Dimension::Month,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Region => "region",
            Dimension::District => "district",
            Dimension::Sex => "sex",
            Dimension::AgeBand => "age_band",
            Dimension::Kind => "kind",
            Dimension::Programme => "programme",
            Dimension::ServiceType => "service_type",
            Dimension::Disability => "disability",
            Dimension::Quarter => "quarter",
            Dimension::Month => "month",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.key() == s)
    }

    /// The dimension's name.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Dimension::Region => lang.pick("Өңір", "Регион", "Region"),
            Dimension::District => lang.pick("Аудан", "Район", "District"),
            Dimension::Sex => lang.pick("Жынысы", "Пол", "Sex"),
            Dimension::AgeBand => lang.pick("Жас тобы", "Возрастная группа", "Age band"),
            Dimension::Kind => lang.pick("Санаты", "Категория", "Category"),
            Dimension::Programme => lang.pick("Бағдарлама", "Программа", "Programme"),
            Dimension::ServiceType => lang.pick("Қызмет түрі", "Вид услуги", "Service type"),
            Dimension::Disability => lang.pick("Мүгедектігі", "Инвалидность", "Disability"),
            Dimension::Quarter => lang.pick("Тоқсан", "Квартал", "Quarter"),
            Dimension::Month => lang.pick("Ай", "Месяц", "Month"),
        }
        .into()
    }
}

/// The period a new report starts with: this year so far (`YYYY-MM`, `YYYY-MM`).
pub fn default_period(today: Date) -> (String, String) {
    (
        format!("{:04}-01", today.year()),
        format!("{:04}-{:02}", today.year(), today.month() as u8),
    )
}

/// The default age bands' lower bounds: 0–17, 18–29, 30–44, 45–59, 60+.
pub const DEFAULT_AGE_BANDS: [u32; 5] = [0, 18, 30, 45, 60];
/// The default small-cell threshold.
pub const DEFAULT_THRESHOLD: u64 = 5;
/// The lowest threshold allowed: below 3 a hidden cell would be known to hold 1.
pub const MIN_THRESHOLD: u64 = 3;

/// What the user asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportSpec {
    /// First month of the period, `YYYY-MM`.
    pub from: String,
    /// Last month of the period, `YYYY-MM`, included.
    pub to: String,
    /// What to count.
    pub measure: Measure,
    /// Up to three dimensions: rows, columns, and one table per category of the third.
    pub by: Vec<Dimension>,
    /// Only these kinds of people (empty: every kind).
    pub kinds: Vec<Kind>,
    /// Only these programmes (empty: every programme, and people with none).
    pub programmes: Vec<String>,
    /// Lower bounds of the age bands, from 0, increasing.
    pub age_bands: Vec<u32>,
    /// Counts from 1 to threshold − 1 are hidden.
    pub threshold: u64,
}

impl Default for ReportSpec {
    fn default() -> Self {
        ReportSpec {
            from: String::new(),
            to: String::new(),
            measure: Measure::People,
            by: vec![Dimension::Region, Dimension::Sex],
            kinds: vec![Kind::Beneficiary],
            programmes: Vec::new(),
            age_bands: DEFAULT_AGE_BANDS.to_vec(),
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

fn invalid(field: &'static str, reason: &str) -> Error {
    Error::InvalidInput {
        field,
        reason: reason.into(),
    }
}

/// A month as (year, month 1–12).
pub(crate) fn parse_month(s: &str, field: &'static str) -> Result<(i32, u8)> {
    let bad = || invalid(field, "Write the month as YYYY-MM, for example 2026-01.");
    let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || y.len() != 4 {
        return Err(bad());
    }
    Ok((year, month))
}

/// The period's first and last months, checked.
pub(crate) fn period(from: &str, to: &str) -> Result<((i32, u8), (i32, u8))> {
    let a = parse_month(from, "from")?;
    let b = parse_month(to, "to")?;
    if b < a {
        return Err(invalid("to", "The period ends before it starts."));
    }
    if months_between(a, b) > 120 {
        return Err(invalid("to", "A report covers at most ten years."));
    }
    Ok((a, b))
}

fn months_between(a: (i32, u8), b: (i32, u8)) -> i32 {
    (b.0 - a.0) * 12 + b.1 as i32 - a.1 as i32
}

/// The last day of a month.
pub(crate) fn month_end((y, m): (i32, u8)) -> Date {
    let month = Month::try_from(m).unwrap_or(Month::December);
    Date::from_calendar_date(y, month, month.length(y))
        .unwrap_or_else(|_| Date::from_calendar_date(y, Month::December, 31).unwrap_or(Date::MIN))
}

/// Check the age bands: from 0, increasing, under 120, at most 12.
pub(crate) fn check_age_bands(bands: &[u32]) -> Result<()> {
    let ok = bands.first() == Some(&0)
        && bands.windows(2).all(|w| w[0] < w[1])
        && bands.iter().all(|&b| b < 120)
        && bands.len() <= 12;
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "age_bands",
            "Age bands start at 0 and go up, for example 0, 18, 30, 45, 60.",
        ))
    }
}

/// The label of the band an age falls in.
pub(crate) fn age_band(bands: &[u32], age: u32) -> usize {
    bands.iter().rposition(|&b| age >= b).unwrap_or(0)
}

pub(crate) fn age_band_label(bands: &[u32], i: usize) -> String {
    match bands.get(i + 1) {
        Some(next) => format!("{}–{}", bands[i], next - 1),
        None => format!("{}+", bands[i]),
    }
}

impl ReportSpec {
    /// Check the spec before anything is read.
    pub fn check(&self) -> Result<()> {
        period(&self.from, &self.to)?;
        if self.by.len() > 3 {
            return Err(invalid(
                "by",
                "Break a report down by at most three things.",
            ));
        }
        for (i, d) in self.by.iter().enumerate() {
            if self.by[..i].contains(d) {
                return Err(invalid("by", "Each breakdown can be chosen once."));
            }
        }
        if self.by.contains(&Dimension::ServiceType) && self.measure != Measure::Services {
            return Err(invalid(
                "by",
                "Only services can be broken down by service type: one person can receive several.",
            ));
        }
        check_age_bands(&self.age_bands)?;
        if !(MIN_THRESHOLD..=100).contains(&self.threshold) {
            return Err(invalid(
                "threshold",
                "The small-cell threshold is between 3 and 100.",
            ));
        }
        Ok(())
    }
}

/// One counted thing — a person or a service — with what the dimensions need. Nothing here
/// identifies anyone; it never leaves the reporting modules. Text is shared (`Rc<str>`): a
/// person's words are read once however many services they had.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub kind: Rc<str>,
    pub sex: Option<Rc<str>>,
    pub age: Option<u32>,
    pub region: Option<Rc<str>>,
    pub district: Option<Rc<str>>,
    pub programme: Option<Rc<str>>,
    pub disability: bool,
    /// `YYYY-MM` of the service, first service, or recording.
    pub month: Rc<str>,
    pub service_type: Option<Rc<str>>,
    pub household_size: Option<i64>,
    /// Whether it comes from an anonymous record.
    pub anonymous: bool,
}

/// What was read, and what was left out.
#[derive(Debug, Clone, Default)]
pub(crate) struct Units {
    pub units: Vec<Unit>,
    pub blocked_left_out: u64,
}

/// One copy of each word read (kinds, regions, months, service types repeat endlessly).
#[derive(Default)]
struct Words(FxHashMap<Box<str>, Rc<str>>);

impl Words {
    fn get(&mut self, s: &str) -> Rc<str> {
        if let Some(w) = self.0.get(s) {
            return w.clone();
        }
        let w: Rc<str> = Rc::from(s);
        self.0.insert(s.into(), w.clone());
        w
    }

    /// A trimmed, non-empty text column.
    fn text(&mut self, v: rusqlite::types::ValueRef<'_>) -> Option<Rc<str>> {
        match v {
            rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t)
                .ok()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| self.get(t)),
            _ => None,
        }
    }

    /// A service type, non-standard ones as "other" (anonymisation does the same).
    fn service(&mut self, v: rusqlite::types::ValueRef<'_>) -> Option<Rc<str>> {
        let t = self.text(v)?;
        Some(if SERVICE_TYPES.contains(&&*t) {
            t
        } else {
            self.get("other")
        })
    }
}

fn age_at(born: Date, on: Date) -> u32 {
    let mut age = on.year() - born.year();
    if (on.month() as u8, on.day()) < (born.month() as u8, born.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

fn born(birth_date: Option<&str>, iin: Option<&str>) -> Option<Date> {
    let parsed = birth_date.and_then(|b| {
        let y: i32 = b.get(0..4)?.parse().ok()?;
        let m: u8 = b.get(5..7)?.parse().ok()?;
        let d: u8 = b.get(8..10)?.parse().ok()?;
        Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
    });
    parsed.or_else(|| {
        iin.and_then(|i| crate::register::ids::Iin::parse(i).ok())
            .map(|i| i.birth_date)
    })
}

/// A person's id (a UUID in text) as a number, to join services to people cheaply.
fn person_key(v: rusqlite::types::ValueRef<'_>) -> Option<u128> {
    match v {
        rusqlite::types::ValueRef::Text(t) => {
            uuid::Uuid::try_parse_ascii(t).ok().map(|u| u.as_u128())
        }
        _ => None,
    }
}

/// The code of "other" among the service types (after the standard ones).
const OTHER_SERVICE: u8 = SERVICE_TYPES.len() as u8;
/// A service without a type.
const NO_SERVICE_TYPE: u8 = u8::MAX;

/// The services of a period as read on their own connection: whose, which month, which type.
/// Plain data (no shared strings), so it can be read on another thread.
#[derive(Default)]
struct ServiceRows {
    /// Each row's person, as [`person_key`] (16 bytes, not 36 characters: at 100,000 people a
    /// three-year report reads a third of a million services).
    /// 0 where the id is missing or not a UUID (no person has the nil UUID).
    person: Vec<u128>,
    /// Each row's month, as an index into `months` ("YYYY-MM").
    month: Vec<u32>,
    months: Vec<String>,
    /// Each row's type: an index into [`SERVICE_TYPES`], [`OTHER_SERVICE`] or
    /// [`NO_SERVICE_TYPE`].
    service_type: Vec<u8>,
}

impl ServiceRows {
    /// One pass over every service. (A covering index by date would read only the period's,
    /// but it made destroying 10,000 people cost 2.2 s instead of 1.8 s: BENCHMARKS.md.)
    fn read(conn: &rusqlite::Connection, first_day: &str, last_day: &str) -> Result<Self> {
        let mut out = ServiceRows::default();
        let mut month_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut stmt = conn.prepare(
            "SELECT subject_id, date, service_type FROM service WHERE date >= ?1 AND date <= ?2",
        )?;
        let mut rows = stmt.query(params![first_day, last_day])?;
        while let Some(r) = rows.next()? {
            out.person.push(person_key(r.get_ref(0)?).unwrap_or(0));
            let date = match r.get_ref(1)? {
                rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
                _ => "",
            };
            let month = date.get(0..7).unwrap_or("");
            let m = match month_index.get(month) {
                Some(&m) => m,
                None => {
                    let m = out.months.len() as u32;
                    out.months.push(month.to_string());
                    month_index.insert(month.to_string(), m);
                    m
                }
            };
            out.month.push(m);
            let t = match r.get_ref(2)? {
                rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or("").trim(),
                _ => "",
            };
            // Non-standard types count as "other", as anonymisation does.
            out.service_type.push(if t.is_empty() {
                NO_SERVICE_TYPE
            } else {
                SERVICE_TYPES
                    .iter()
                    .position(|s| *s == t)
                    .map_or(OTHER_SERVICE, |i| i as u8)
            });
        }
        Ok(out)
    }

    /// The name of a type code, `None` for a service without one.
    fn type_name(code: u8) -> Option<&'static str> {
        match code {
            OTHER_SERVICE => Some("other"),
            NO_SERVICE_TYPE => None,
            i => SERVICE_TYPES.get(i as usize).copied(),
        }
    }
}

/// A person of the register as the reports see them.
struct Person {
    unit: Unit,
    blocked: bool,
    /// The day they were recorded, `YYYY-MM-DD`.
    recorded: String,
}

/// Read the units a measure counts over a period, register and anonymous records together.
///
/// Each table is read once, in order, and joined here: at 100,000 people the database is larger
/// than the page cache, and a join by lookups would decrypt the same pages again and again.
pub(crate) fn read_units(
    vault: &Vault,
    measure: Measure,
    (from, to): ((i32, u8), (i32, u8)),
    kinds: &[Kind],
    programmes: &[String],
    main_service: bool,
) -> Result<Units> {
    let first_day = format!("{:04}-{:02}-01", from.0, from.1);
    let last_day = format!("{:04}-{:02}-31", to.0, to.1);
    let first_month = format!("{:04}-{:02}", from.0, from.1);
    let last_month = format!("{:04}-{:02}", to.0, to.1);
    let end = month_end(to);
    let kind_ok = |k: &str| kinds.is_empty() || kinds.iter().any(|x| x.key() == k);
    let programme_ok = |p: &Option<Rc<str>>| {
        programmes.is_empty()
            || p.as_ref()
                .is_some_and(|p| programmes.iter().any(|x| **x == **p))
    };
    let conn = vault.conn();
    let mut words = Words::default();
    let mut out = Units::default();

    std::thread::scope(|scope| -> Result<Units> {
        // The services are read on a second connection on the other core while this one reads the
        // people: the two scans are the whole cost of a report, and half of each is decryption.
        // If the second connection cannot be opened, the services are read after the people
        // on this one: slower, never wrong.
        let services = match measure {
            Measure::NewPeople => None,
            _ => vault.second_reader().ok().map(|reader| {
                let (first_day, last_day) = (first_day.clone(), last_day.clone());
                scope.spawn(move || ServiceRows::read(&reader, &first_day, &last_day))
            }),
        };

        // The register's people in scope. The services' thread is collected before any error
        // here is returned, so the scope never has to (it would re-raise a panic).
        let mut people: Vec<Person> = Vec::new();
        let mut by_id: FxHashMap<u128, u32> = FxHashMap::default();
        let people_read = (|| -> Result<()> {
            let mut stmt = conn.prepare(
                "SELECT id, kind, sex, birth_date, iin, region, district, programme, disability, \
         household_size, blocked_reason IS NOT NULL, substr(created_at, 1, 10) FROM subject",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let Some(kind) = words.text(r.get_ref(1)?) else {
                    continue;
                };
                let programme = words.text(r.get_ref(7)?);
                if !kind_ok(&kind) || !programme_ok(&programme) {
                    continue;
                }
                let birth: Option<String> = r.get(3)?;
                let iin: Option<String> = if birth.is_none() { r.get(4)? } else { None };
                let disability: Option<String> = r.get(8)?;
                let recorded: String = r.get(11)?;
                let unit = Unit {
                    kind,
                    sex: words.text(r.get_ref(2)?),
                    age: born(birth.as_deref(), iin.as_deref()).map(|b| age_at(b, end)),
                    region: words.text(r.get_ref(5)?),
                    district: words.text(r.get_ref(6)?),
                    programme,
                    disability: disability.is_some_and(|d| !d.trim().is_empty()),
                    household_size: r.get(9)?,
                    month: words.get(recorded.get(0..7).unwrap_or("")),
                    service_type: None,
                    anonymous: false,
                };
                if measure != Measure::NewPeople {
                    if let Some(id) = person_key(r.get_ref(0)?).filter(|&id| id != 0) {
                        by_id.insert(id, people.len() as u32);
                    }
                }
                people.push(Person {
                    unit,
                    blocked: r.get(10)?,
                    recorded,
                });
            }
            Ok(())
        })();
        let services = services.map(|read| read.join());
        people_read?;

        match measure {
            Measure::NewPeople => {
                for p in people {
                    if p.recorded < first_day || p.recorded > last_day {
                        continue;
                    }
                    if p.blocked {
                        out.blocked_left_out += 1;
                    } else {
                        out.units.push(p.unit);
                    }
                }
            }
            Measure::Services | Measure::People => {
                // Per person: the first service in the period and, for a release, how often each
                // type was given.
                let mut first: Vec<Option<Rc<str>>> = vec![None; people.len()];
                let mut types: FxHashMap<(u32, Rc<str>), u32> = FxHashMap::default();
                let rows = match services {
                    Some(Ok(Ok(rows))) => rows,
                    // No second connection, or its scan failed: read them here.
                    _ => ServiceRows::read(conn, &first_day, &last_day)?,
                };
                let months: Vec<Rc<str>> = rows.months.iter().map(|m| words.get(m)).collect();
                let kinds: Vec<Option<Rc<str>>> = (0..=OTHER_SERVICE)
                    .map(|t| ServiceRows::type_name(t).map(|n| words.get(n)))
                    .collect();
                for (row, id) in rows.person.iter().enumerate() {
                    let Some(&i) = by_id.get(id) else {
                        continue;
                    };
                    let p = &people[i as usize];
                    let month = &months[rows.month[row] as usize];
                    let service_type = kinds
                        .get(rows.service_type[row] as usize)
                        .cloned()
                        .flatten();
                    if measure == Measure::Services {
                        if p.blocked {
                            out.blocked_left_out += 1;
                            continue;
                        }
                        let mut u = p.unit.clone();
                        u.month = month.clone();
                        u.service_type = service_type;
                        out.units.push(u);
                    } else {
                        let slot = &mut first[i as usize];
                        if slot.as_deref().is_none_or(|f| **month < *f) {
                            *slot = Some(month.clone());
                        }
                        if main_service {
                            if let Some(t) = service_type {
                                *types.entry((i, t)).or_insert(0) += 1;
                            }
                        }
                    }
                }
                if measure == Measure::People {
                    let mut main: Vec<Option<(u32, Rc<str>)>> = vec![None; people.len()];
                    for ((i, t), n) in types {
                        let best = &mut main[i as usize];
                        // Most frequent; ties to the first type by key, whatever the map's order.
                        let better = match best {
                            None => true,
                            Some((m, b)) => n > *m || (n == *m && *t < **b),
                        };
                        if better {
                            *best = Some((n, t));
                        }
                    }
                    for (i, p) in people.into_iter().enumerate() {
                        let Some(month) = first[i].take() else {
                            continue;
                        };
                        if p.blocked {
                            out.blocked_left_out += 1;
                            continue;
                        }
                        let mut u = p.unit;
                        u.month = month;
                        u.service_type = main[i].take().map(|(_, t)| t);
                        out.units.push(u);
                    }
                }
            }
        }

        // Anonymous records: birth year and months only. Small tables; plain SQL.
        let record =
            "r.kind, r.sex, r.birth_year, r.region, r.district, r.programme, r.disability, \
                  r.household_size";
        let sql = match measure {
        Measure::People => format!(
            "SELECT {record}, (SELECT MIN(a.month) FROM anonymous_service a WHERE a.record = r.id \
             AND a.month >= ?1 AND a.month <= ?2) AS first, {main} FROM anonymous_record r \
             WHERE first IS NOT NULL",
            main = if main_service {
                "(SELECT a.service_type FROM anonymous_service a WHERE a.record = r.id AND a.month >= ?1 \
                 AND a.month <= ?2 GROUP BY a.service_type ORDER BY COUNT(*) DESC, a.service_type LIMIT 1)"
            } else {
                "NULL"
            }
        ),
        Measure::Services => format!(
            "SELECT {record}, a.month, a.service_type FROM anonymous_service a \
             JOIN anonymous_record r ON r.id = a.record WHERE a.month >= ?1 AND a.month <= ?2"
        ),
        Measure::NewPeople => format!(
            "SELECT {record}, r.collected_month, NULL FROM anonymous_record r \
             WHERE r.collected_month >= ?1 AND r.collected_month <= ?2"
        ),
    };
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(params![first_month, last_month])?;
        while let Some(r) = rows.next()? {
            let Some(kind) = words.text(r.get_ref(0)?) else {
                continue;
            };
            let programme = words.text(r.get_ref(5)?);
            if !kind_ok(&kind) || !programme_ok(&programme) {
                continue;
            }
            let birth_year: Option<i64> = r.get(2)?;
            let disability: Option<String> = r.get(6)?;
            let month = words.text(r.get_ref(8)?).unwrap_or_else(|| words.get(""));
            out.units.push(Unit {
                kind,
                sex: words.text(r.get_ref(1)?),
                age: birth_year.map(|y| (end.year() as i64 - y).max(0) as u32),
                region: words.text(r.get_ref(3)?),
                district: words.text(r.get_ref(4)?),
                programme,
                disability: disability.is_some_and(|d| !d.trim().is_empty()),
                household_size: r.get(7)?,
                month,
                service_type: words.service(r.get_ref(9)?),
                anonymous: true,
            });
        }
        Ok(out)
    })
}

/// One category of a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// A stable key (`almaty_city`, `female`, `2026-03`, `0-17`, a programme's name…); empty for
    /// "not stated".
    pub key: String,
    /// The name shown.
    pub label: String,
}

/// A dimension with the categories found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Axis {
    /// Which dimension.
    pub dimension: Dimension,
    /// Its name.
    pub label: String,
    /// Its categories, in a natural order ("not stated" last).
    pub categories: Vec<Category>,
}

/// One published cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// The count, when shown.
    pub count: Option<u64>,
    /// How it is published.
    pub mark: Mark,
    /// What is printed: the count, "<5", or "x".
    pub text: String,
}

/// One row of a printed table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PanelRow {
    /// The category (or "Total").
    pub label: String,
    /// Whether this is the totals row.
    pub total: bool,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// One printed table: rows by the first dimension, columns by the second, one table per
/// category of the third.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Panel {
    /// "Sex: Female" for a table of a third dimension's category; `None` for a lone table.
    pub title: Option<String>,
    /// The row dimension's name (or the measure's, with no dimension).
    pub row_header: String,
    /// Column headings; the last is "Total" when there is a column dimension.
    pub columns: Vec<String>,
    /// The rows, totals last.
    pub rows: Vec<PanelRow>,
    /// The chart beside the table: each row category's total (hidden ones as `None`).
    pub chart: Vec<(String, Option<u64>)>,
}

/// A built report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// What was asked.
    pub spec: ReportSpec,
    /// The language of the words.
    pub lang: Lang,
    /// "People served, 01.2026–12.2026".
    pub title: String,
    /// The measure's name.
    pub measure_label: String,
    /// The dimensions with their categories.
    pub axes: Vec<Axis>,
    /// The tables to print.
    pub panels: Vec<Panel>,
    /// Cells below the threshold.
    pub primary: usize,
    /// Cells hidden to protect them.
    pub secondary: usize,
    /// Counted units that come from anonymous records.
    pub from_anonymous_records: u64,
    /// Blocked people left out.
    pub blocked_left_out: u64,
    /// The grand total, shown only when it is at or above the threshold.
    pub grand_total: Option<u64>,
    /// How the table was made, sentence by sentence, for the method note.
    pub method: Vec<String>,
}

/// What a unit's category depends on, cheap to hash: the shared word (by address), the age,
/// or the flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    Word(usize),
    Age(Option<u32>),
    Flag(bool),
}

impl Slot {
    fn of(d: Dimension, u: &Unit) -> Slot {
        let word = |w: &Option<Rc<str>>| {
            Slot::Word(
                w.as_ref()
                    .map_or(0, |w| Rc::as_ptr(w) as *const u8 as usize),
            )
        };
        match d {
            Dimension::Region => word(&u.region),
            Dimension::District => word(&u.district),
            Dimension::Sex => word(&u.sex),
            Dimension::AgeBand => Slot::Age(u.age),
            Dimension::Kind => Slot::Word(Rc::as_ptr(&u.kind) as *const u8 as usize),
            Dimension::Programme => word(&u.programme),
            Dimension::ServiceType => word(&u.service_type),
            Dimension::Disability => Slot::Flag(u.disability),
            Dimension::Quarter | Dimension::Month => {
                Slot::Word(Rc::as_ptr(&u.month) as *const u8 as usize)
            }
        }
    }
}

/// The category key a unit falls in, or "" for not stated.
fn category_key(d: Dimension, u: &Unit, bands: &[u32]) -> String {
    let text = |v: &Option<Rc<str>>| v.as_deref().unwrap_or("").to_string();
    match d {
        Dimension::Region => text(&u.region),
        Dimension::District => u
            .district
            .as_deref()
            .map(crate::text::fold)
            .unwrap_or_default(),
        Dimension::Sex => text(&u.sex),
        Dimension::AgeBand => u
            .age
            .map(|a| age_band_label(bands, age_band(bands, a)))
            .unwrap_or_default(),
        Dimension::Kind => u.kind.to_string(),
        Dimension::Programme => text(&u.programme),
        Dimension::ServiceType => text(&u.service_type),
        Dimension::Disability => if u.disability { "yes" } else { "no" }.into(),
        Dimension::Quarter => quarter_key(&u.month),
        Dimension::Month => u.month.to_string(),
    }
}

/// The quarter key `YYYY-Qn` of a month key `YYYY-MM` (empty when it is not one).
pub(crate) fn quarter_key(month: &str) -> String {
    match (
        month.get(0..4),
        month.get(5..7).and_then(|m| m.parse::<u8>().ok()),
    ) {
        (Some(y), Some(m @ 1..=12)) => format!("{y}-Q{}", (m - 1) / 3 + 1),
        _ => String::new(),
    }
}

fn category_label(d: Dimension, key: &str, lang: Lang, seen: &HashMap<String, String>) -> String {
    if key.is_empty() {
        return labels::not_stated(lang);
    }
    match d {
        Dimension::Region => labels::region(key, lang),
        Dimension::District => seen.get(key).cloned().unwrap_or_else(|| key.to_string()),
        Dimension::Sex => labels::sex(key, lang),
        Dimension::Kind => labels::kind(key, lang),
        Dimension::ServiceType => labels::service_type(key, lang),
        Dimension::Disability => labels::yes_no(key == "yes", lang),
        Dimension::Quarter => labels::quarter(key, lang),
        Dimension::Month => labels::month(key),
        Dimension::AgeBand | Dimension::Programme => key.to_string(),
    }
}

/// Order categories: a fixed order where there is one, otherwise by name; "not stated" last.
fn order_categories(d: Dimension, keys: &mut [String], bands: &[u32]) {
    let rank = |k: &str| -> (u8, usize, String) {
        if k.is_empty() {
            return (2, 0, String::new());
        }
        let fixed = match d {
            Dimension::Region => crate::register::regions::REGIONS
                .iter()
                .position(|r| r.key == k),
            Dimension::Sex => ["male", "female"].iter().position(|x| *x == k),
            Dimension::Kind => Kind::ALL.iter().position(|x| x.key() == k),
            Dimension::ServiceType => SERVICE_TYPES
                .iter()
                .chain(std::iter::once(&"other"))
                .position(|x| *x == k),
            Dimension::Disability => ["yes", "no"].iter().position(|x| *x == k),
            Dimension::AgeBand => (0..bands.len()).position(|i| age_band_label(bands, i) == k),
            _ => None,
        };
        match fixed {
            Some(i) => (0, i, String::new()),
            None => (1, 0, crate::text::fold(k)),
        }
    };
    keys.sort_by_key(|k| rank(k));
}

/// Every month of the period as `YYYY-MM` (or quarter keys), so a time axis has no gaps.
fn calendar_keys(d: Dimension, from: (i32, u8), to: (i32, u8)) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (mut y, mut m) = from;
    while (y, m) <= to {
        let month = format!("{y:04}-{m:02}");
        let key = if d == Dimension::Quarter {
            quarter_key(&month)
        } else {
            month
        };
        if out.last() != Some(&key) {
            out.push(key);
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// Build a report from units already read (the core of [`Vault::report`], kept apart so the
/// rules are tested without a vault).
pub(crate) fn build(spec: &ReportSpec, units: &Units, lang: Lang) -> Result<Report> {
    spec.check()?;
    let (from, to) = period(&spec.from, &spec.to)?;
    let bands = &spec.age_bands;
    // Categories per dimension, in order, and each unit's position.
    let mut axes = Vec::new();
    let dims = spec.by.len();
    let mut positions: Vec<usize> = vec![0; units.units.len() * dims];
    for (di, &d) in spec.by.iter().enumerate() {
        let mut seen_spelling: HashMap<String, String> = HashMap::new();
        // Units share their words, so a category is worked out once per distinct word (or age),
        // not once per unit: a services report has hundreds of thousands of units.
        let mut slot_ids: FxHashMap<Slot, u32> = FxHashMap::default();
        let mut slot_keys: Vec<String> = Vec::new();
        let unit_slots: Vec<u32> = units
            .units
            .iter()
            .map(|u| {
                let slot = Slot::of(d, u);
                *slot_ids.entry(slot).or_insert_with(|| {
                    let k = category_key(d, u, bands);
                    if d == Dimension::District && !k.is_empty() {
                        if let Some(original) = &u.district {
                            seen_spelling
                                .entry(k.clone())
                                .or_insert_with(|| original.to_string());
                        }
                    }
                    slot_keys.push(k);
                    (slot_keys.len() - 1) as u32
                })
            })
            .collect();
        let mut categories: Vec<String> = match d {
            Dimension::Quarter | Dimension::Month => calendar_keys(d, from, to),
            _ => {
                let mut set: Vec<String> = slot_keys.clone();
                set.sort();
                set.dedup();
                set
            }
        };
        order_categories(d, &mut categories, bands);
        let index: HashMap<&str, usize> = categories
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        // Calendar axes list every month of the period; a unit's month is always in it.
        let slot_position: Vec<usize> = slot_keys
            .iter()
            .map(|k| index.get(k.as_str()).copied().unwrap_or(0))
            .collect();
        for (u, &slot) in unit_slots.iter().enumerate() {
            positions[u * dims + di] = slot_position[slot as usize];
        }
        axes.push(Axis {
            dimension: d,
            label: d.label(lang),
            categories: categories
                .iter()
                .map(|k| Category {
                    key: k.clone(),
                    label: category_label(d, k, lang, &seen_spelling),
                })
                .collect(),
        });
    }

    let mut cube = Cube::zeros(axes.iter().map(|a| a.categories.len()).collect());
    if dims == 0 {
        cube.add(&[], units.units.len() as u64);
    } else {
        let mut inner: FxHashMap<&[usize], u64> = FxHashMap::default();
        for p in positions.chunks(dims) {
            *inner.entry(p).or_insert(0) += 1;
        }
        for (p, n) in inner {
            cube.add(p, n);
        }
    }
    let protection = suppression::protect(&cube, spec.threshold);
    if protection.too_fragmented {
        return Err(invalid(
            "by",
            "Too many small groups: most of this table would be hidden. Choose fewer or broader \
             breakdowns (region instead of district, wider age bands) or a longer period.",
        ));
    }
    if !protection.exposed.is_empty() {
        return Err(invalid(
            "by",
            "Too few people for this table to be published safely: choose fewer breakdowns, \
             wider age bands or a longer period.",
        ));
    }
    let marks = protection.marks;
    let cell = |pos: &[usize]| -> Cell {
        let i = cube.index(pos);
        let n = cube.counts[i];
        match marks[i] {
            Mark::Shown => Cell {
                count: Some(n),
                mark: Mark::Shown,
                text: n.to_string(),
            },
            Mark::Primary => Cell {
                count: None,
                mark: Mark::Primary,
                text: format!("<{}", spec.threshold),
            },
            Mark::Secondary => Cell {
                count: None,
                mark: Mark::Secondary,
                text: "x".into(),
            },
        }
    };
    let total = labels::total(lang);
    let measure_label = spec.measure.label(lang);
    let panels = panels(&axes, &cell, &total, &measure_label);
    let grand = cell(&axes.iter().map(|a| a.categories.len()).collect::<Vec<_>>());

    let primary = marks.iter().filter(|m| **m == Mark::Primary).count();
    let secondary = marks.iter().filter(|m| **m == Mark::Secondary).count();
    let from_anonymous = units.units.iter().filter(|u| u.anonymous).count() as u64;
    let period_label = format!("{:02}.{}–{:02}.{}", from.1, from.0, to.1, to.0);
    let method = method_sentences(
        spec,
        lang,
        primary,
        secondary,
        from_anonymous,
        units.blocked_left_out,
    );
    Ok(Report {
        spec: spec.clone(),
        lang,
        title: format!("{measure_label}, {period_label}"),
        measure_label,
        axes,
        panels,
        primary,
        secondary,
        from_anonymous_records: from_anonymous,
        blocked_left_out: units.blocked_left_out,
        grand_total: grand.count,
        method,
    })
}

fn panels(
    axes: &[Axis],
    cell: &dyn Fn(&[usize]) -> Cell,
    total: &str,
    measure_label: &str,
) -> Vec<Panel> {
    let n: Vec<usize> = axes.iter().map(|a| a.categories.len()).collect();
    let row_labels = |d: usize| -> Vec<(String, bool, usize)> {
        axes[d]
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.label.clone(), false, i))
            .chain(std::iter::once((total.to_string(), true, n[d])))
            .collect()
    };
    let chart_of = |rows: &[PanelRow]| -> Vec<(String, Option<u64>)> {
        rows.iter()
            .filter(|r| !r.total)
            .map(|r| (r.label.clone(), r.cells.last().and_then(|c| c.count)))
            .collect()
    };
    match axes.len() {
        0 => {
            let rows = vec![PanelRow {
                label: total.to_string(),
                total: true,
                cells: vec![cell(&[])],
            }];
            vec![Panel {
                title: None,
                row_header: measure_label.to_string(),
                columns: vec![measure_label.to_string()],
                rows,
                chart: Vec::new(),
            }]
        }
        1 => {
            let rows: Vec<PanelRow> = row_labels(0)
                .into_iter()
                .map(|(label, is_total, i)| PanelRow {
                    label,
                    total: is_total,
                    cells: vec![cell(&[i])],
                })
                .collect();
            vec![Panel {
                title: None,
                row_header: axes[0].label.clone(),
                columns: vec![measure_label.to_string()],
                chart: chart_of(&rows),
                rows,
            }]
        }
        _ => {
            let layers: Vec<Option<(String, usize)>> = if axes.len() == 3 {
                row_labels(2)
                    .into_iter()
                    .map(|(label, _, i)| Some((format!("{}: {label}", axes[2].label), i)))
                    .collect()
            } else {
                vec![None]
            };
            layers
                .into_iter()
                .map(|layer| {
                    let columns: Vec<String> = row_labels(1).into_iter().map(|c| c.0).collect();
                    let rows: Vec<PanelRow> = row_labels(0)
                        .into_iter()
                        .map(|(label, is_total, r)| PanelRow {
                            label,
                            total: is_total,
                            cells: (0..=n[1])
                                .map(|c| match &layer {
                                    Some((_, l)) => cell(&[r, c, *l]),
                                    None => cell(&[r, c]),
                                })
                                .collect(),
                        })
                        .collect();
                    Panel {
                        title: layer.map(|(t, _)| t),
                        row_header: axes[0].label.clone(),
                        columns,
                        chart: chart_of(&rows),
                        rows,
                    }
                })
                .collect()
        }
    }
}

fn method_sentences(
    spec: &ReportSpec,
    lang: Lang,
    primary: usize,
    secondary: usize,
    anonymous: u64,
    blocked: u64,
) -> Vec<String> {
    let t = spec.threshold;
    let mut out = vec![
        match lang {
            Lang::Kk => format!("{t}-ден кіші сандар «<{t}» деп көрсетілген (бастапқы жасыру): {primary} ұяшық."),
            Lang::Ru => format!("Значения меньше {t} показаны как «<{t}» (первичное скрытие): ячеек — {primary}."),
            Lang::En => format!("Counts below {t} are shown as \"<{t}\" (primary suppression): {primary} cells."),
        },
        match lang {
            Lang::Kk => format!("Жасырылған сандарды жиындардан шығарып алуға болмас үшін тағы {secondary} ұяшық «x» деп жасырылды (қосымша жасыру); бұл сызықтық бағдарламалау арқылы тексерілді."),
            Lang::Ru => format!("Чтобы скрытые значения нельзя было вычислить из итогов, дополнительно скрыты ячейки, показанные как «x» (вторичное скрытие), — всего {secondary}; это проверено методом линейного программирования."),
            Lang::En => format!("So that no hidden count can be worked out from the totals, {secondary} more cells are hidden as \"x\" (secondary suppression); this was checked by linear programming."),
        },
        match lang {
            Lang::Kk => "Кестеде ешкімнің аты-жөні, ЖСН-і, байланыс деректері немесе мекенжайы жоқ (94-V Заңның 17-бабы).".to_string(),
            Lang::Ru => "Таблица не содержит ФИО, ИИН, контактов или адресов (статья 17 Закона № 94-V).".to_string(),
            Lang::En => "The table holds no names, IINs, contacts or addresses (Article 17 of Law No. 94-V).".to_string(),
        },
    ];
    if anonymous > 0 {
        out.push(match lang {
            Lang::Kk => format!("Иесіздендірілген жазбалар да есептелді: {anonymous}."),
            Lang::Ru => format!("Учтены и обезличенные записи: {anonymous}."),
            Lang::En => format!("Anonymised records are counted too: {anonymous}."),
        });
    }
    if blocked > 0 {
        out.push(match lang {
            Lang::Kk => format!("Бұғатталған деректер есептелмеді: {blocked}."),
            Lang::Ru => format!("Заблокированные данные не учитывались: {blocked}."),
            Lang::En => format!("Blocked records were left out: {blocked}."),
        });
    }
    if spec.measure == Measure::People
        && spec
            .by
            .iter()
            .any(|d| matches!(d, Dimension::Quarter | Dimension::Month))
    {
        out.push(match lang {
            Lang::Kk => "Әр адам кезеңдегі алғашқы қызметінің айында бір рет есептелді.".into(),
            Lang::Ru => "Каждый человек учтён один раз — в месяце первой услуги за период.".into(),
            Lang::En => {
                "Each person is counted once, in the month of their first service in the period."
                    .into()
            }
        });
    }
    out
}

/// Read and build a report, without journaling: [`Vault::report`] and the export journal it
/// each in their own way.
pub(crate) fn compute(vault: &Vault, spec: &ReportSpec, lang: Lang) -> Result<Report> {
    spec.check()?;
    let p = period(&spec.from, &spec.to)?;
    let units = read_units(vault, spec.measure, p, &spec.kinds, &spec.programmes, false)?;
    build(spec, &units, lang)
}

impl Vault {
    /// Build a report. Journaled (what was counted, never a count of a small group).
    pub fn report(&self, spec: &ReportSpec, lang: Lang) -> Result<Report> {
        let report = compute(self, spec, lang)?;
        self.record(
            Action::ReportBuilt,
            None,
            json!({
                "measure": spec.measure.key(),
                "by": spec.by.iter().map(|d| d.key()).collect::<Vec<_>>(),
                "from": spec.from,
                "to": spec.to,
                "threshold": spec.threshold,
            }),
        )?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests;
