//! Reading the units a report counts: the register's people and their services (the services
//! on a second connection, on the other core), joined here, and the anonymous records.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use rusqlite::params;
use time::{Date, Month};

use super::spec::{month_end, Measure};
use crate::error::Result;
use crate::register::fields::{Kind, SERVICE_TYPES};
use crate::vault::Vault;

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
    /// Each row's programme, as an index into `programmes`; [`NO_PROGRAMME`] when the service
    /// names none (it was given under the person's).
    programme: Vec<u32>,
    programmes: Vec<String>,
}

/// A service that names no programme of its own.
const NO_PROGRAMME: u32 = u32::MAX;

impl ServiceRows {
    /// One pass over every service. (A covering index by date would read only the period's,
    /// but it made destroying 10,000 people cost 2.2 s instead of 1.8 s: BENCHMARKS.md.)
    fn read(conn: &rusqlite::Connection, first_day: &str, last_day: &str) -> Result<Self> {
        let mut out = ServiceRows::default();
        let mut month_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut programme_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut stmt = conn.prepare(
            "SELECT subject_id, date, service_type, programme FROM service \
             WHERE date >= ?1 AND date <= ?2",
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
            let programme = match r.get_ref(3)? {
                rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or("").trim(),
                _ => "",
            };
            out.programme.push(if programme.is_empty() {
                NO_PROGRAMME
            } else if let Some(&p) = programme_index.get(programme) {
                p
            } else {
                let p = out.programmes.len() as u32;
                out.programmes.push(programme.to_string());
                programme_index.insert(programme.to_string(), p);
                p
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
         household_size, blocked_reason IS NOT NULL, coalesce(registered_on, substr(created_at, 1, 10)) FROM subject",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let Some(kind) = words.text(r.get_ref(1)?) else {
                    continue;
                };
                let programme = words.text(r.get_ref(7)?);
                // A person without a programme of their own may be counted under the programme
                // their services name (history imported from a service log): for measures that
                // read services, the programme is checked per unit below.
                let programme_later = measure != Measure::NewPeople && programme.is_none();
                if !kind_ok(&kind) || !(programme_later || programme_ok(&programme)) {
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
                // Per person: the programme named by their earliest service that names one.
                let mut named: Vec<Option<(Rc<str>, Rc<str>)>> = vec![None; people.len()];
                let mut types: FxHashMap<(u32, Rc<str>), u32> = FxHashMap::default();
                let rows = match services {
                    Some(Ok(Ok(rows))) => rows,
                    // No second connection, or its scan failed: read them here.
                    _ => ServiceRows::read(conn, &first_day, &last_day)?,
                };
                let months: Vec<Rc<str>> = rows.months.iter().map(|m| words.get(m)).collect();
                let programmes: Vec<Rc<str>> =
                    rows.programmes.iter().map(|p| words.get(p)).collect();
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
                    let service_programme = programmes.get(rows.programme[row] as usize);
                    if measure == Measure::Services {
                        let programme = service_programme.or(p.unit.programme.as_ref()).cloned();
                        if !programme_ok(&programme) {
                            continue;
                        }
                        if p.blocked {
                            out.blocked_left_out += 1;
                            continue;
                        }
                        let mut u = p.unit.clone();
                        u.month = month.clone();
                        u.service_type = service_type;
                        u.programme = programme;
                        out.units.push(u);
                    } else {
                        if let Some(sp) = service_programme {
                            let slot = &mut named[i as usize];
                            if slot.as_ref().is_none_or(|(m, _)| **month < **m) {
                                *slot = Some((month.clone(), sp.clone()));
                            }
                        }
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
                        let mut p = p;
                        if p.unit.programme.is_none() {
                            p.unit.programme = named[i].take().map(|(_, programme)| programme);
                        }
                        if !programme_ok(&p.unit.programme) {
                            continue;
                        }
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
