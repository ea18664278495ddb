//! Bringing in the log of services an NGO kept before Derbes, so that its reports start with
//! its history ("people served in 2025") instead of empty.
//!
//! Each line of the log ([`ServiceLine`], read by [`crate::register::import::service_lines`])
//! names a person by IIN, by Derbes number, or by surname + name + birth date when exactly one
//! person has them (a patronymic, when given, tells namesakes apart). A service type is one of
//! the standard ones, recognised by its key or its name in Kazakh, Russian or English, or a
//! choice the user confirms once per file for each value Derbes does not know
//! ([`ServiceTypeChoice`]).
//!
//! As for people, a dry run comes first and lists every row that cannot go in and why; the log
//! goes in all or nothing, in one transaction, with one journal entry (counts only). A line
//! identical to a service already on file (same person, day and type) is counted as already
//! recorded and skipped, so importing the same file twice adds nothing the second time.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use crate::error::{FieldProblem, Result};
use crate::register::bulk::RowProblem;
use crate::register::fields::{Field, Kind, SERVICE_TYPES};
use crate::register::import::{parse_date, ServiceLine};
use crate::reports::labels;
use crate::text::fold;
use crate::vault::journal::{self, Action};
use crate::vault::Vault;
use crate::words::Lang;

/// The longest service type or programme a line may carry, in characters.
pub const MAX_TEXT: usize = 100;

/// What a value of the file's service-type column stands for, as the user confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "as", content = "key")]
pub enum ServiceTypeChoice {
    /// One of [`SERVICE_TYPES`].
    Standard(String),
    /// Kept as written; reports count it as "other".
    AsWritten,
}

/// How people were found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchedBy {
    /// Lines matched by IIN.
    pub iin: usize,
    /// Lines matched by Derbes number.
    pub number: usize,
    /// Lines matched by surname, name and birth date.
    pub name_and_birth_date: usize,
}

/// One distinct value of the file's service-type column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceTypeInFile {
    /// The value as first written in the file (a service's name, not a person's data).
    pub value: String,
    /// Lines carrying it.
    pub rows: usize,
    /// The standard type Derbes recognised it as, if any.
    pub recognised: Option<&'static str>,
    /// What it will be stored as: the recognised type, the user's choice, or nothing yet (its
    /// lines are refused until the user chooses).
    pub chosen: Option<ServiceTypeChoice>,
}

/// What an import of services did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceImportReport {
    /// Lines read.
    pub rows: usize,
    /// Lines that will be (or were) added.
    pub accepted: usize,
    /// Lines identical to a service already on file, skipped.
    pub already_recorded: usize,
    /// Different people the accepted lines belong to.
    pub people: usize,
    /// How the lines' people were found.
    pub matched_by: MatchedBy,
    /// The first and last day among the accepted lines.
    pub first_day: Option<String>,
    /// See `first_day`.
    pub last_day: Option<String>,
    /// Every distinct service type in the file, in the order first seen.
    pub types: Vec<ServiceTypeInFile>,
    /// Every problem of every refused line (never a cell's value).
    pub rejected: Vec<RowProblem>,
    /// Whether the lines were written (never on a dry run or when a line was refused).
    pub imported: bool,
}

/// The standard service type a value names: its key, or its name in Kazakh, Russian or English,
/// ignoring case and Kazakh/Russian letter variants.
pub fn recognise_service_type(value: &str) -> Option<&'static str> {
    let v = fold(value.trim());
    if v.is_empty() {
        return None;
    }
    SERVICE_TYPES.iter().copied().find(|key| {
        fold(key) == v
            || Lang::ALL
                .iter()
                .any(|&lang| fold(&labels::service_type(key, lang)) == v)
    })
}

/// A person of the register as the matching sees them.
struct Candidate {
    id: Uuid,
    number: i64,
    kind: Kind,
    blocked: bool,
    birth: Option<Date>,
    patronymic: String,
}

/// The register's people, indexed by each key a line may use.
struct Index {
    people: Vec<Candidate>,
    by_iin: HashMap<String, usize>,
    by_number: HashMap<i64, usize>,
    by_name: HashMap<(String, String, Date), Vec<usize>>,
}

impl Index {
    fn read(vault: &Vault) -> Result<Index> {
        let mut index = Index {
            people: Vec::new(),
            by_iin: HashMap::new(),
            by_number: HashMap::new(),
            by_name: HashMap::new(),
        };
        let mut stmt = vault.conn().prepare(
            "SELECT id, number, kind, blocked_reason IS NOT NULL, iin, surname, name, patronymic, \
             birth_date FROM subject",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let kind: String = r.get(2)?;
            let (Ok(id), Some(kind)) = (Uuid::parse_str(&id), Kind::from_key(&kind)) else {
                continue;
            };
            let iin: Option<String> = r.get(4)?;
            let surname: Option<String> = r.get(5)?;
            let name: Option<String> = r.get(6)?;
            let birth = r
                .get::<_, Option<String>>(8)?
                .and_then(|b| parse_date(&b).ok());
            let i = index.people.len();
            index.people.push(Candidate {
                id,
                number: r.get(1)?,
                kind,
                blocked: r.get(3)?,
                birth,
                patronymic: fold(r.get::<_, Option<String>>(7)?.as_deref().unwrap_or("")),
            });
            index.by_number.insert(index.people[i].number, i);
            if let Some(iin) = iin {
                index.by_iin.insert(iin, i);
            }
            if let (Some(s), Some(n), Some(b)) = (surname, name, birth) {
                index
                    .by_name
                    .entry((fold(s.trim()), fold(n.trim()), b))
                    .or_default()
                    .push(i);
            }
        }
        Ok(index)
    }

    /// The person a line names, or why none.
    fn find(&self, line: &ServiceLine) -> std::result::Result<(usize, Key), FieldProblem> {
        let iin: String = line.iin.chars().filter(|c| !c.is_whitespace()).collect();
        if !iin.is_empty() {
            return self
                .by_iin
                .get(&iin)
                .map(|&i| (i, Key::Iin))
                .ok_or_else(|| {
                    FieldProblem::new("iin", "service_person_not_found").with("by", "iin")
                });
        }
        let number = line.number.trim().trim_start_matches('№').trim();
        if !number.is_empty() {
            return number
                .parse::<i64>()
                .ok()
                .and_then(|n| self.by_number.get(&n))
                .map(|&i| (i, Key::Number))
                .ok_or_else(|| {
                    FieldProblem::new("number", "service_person_not_found").with("by", "number")
                });
        }
        if line.surname.is_empty() || line.name.is_empty() || line.birth_date.is_empty() {
            return Err(FieldProblem::new("person", "service_person_missing"));
        }
        let birth =
            parse_date(&line.birth_date).map_err(|p| FieldProblem::new("birth_date", p.code()))?;
        let key = (fold(line.surname.trim()), fold(line.name.trim()), birth);
        let mut found: Vec<usize> = self.by_name.get(&key).cloned().unwrap_or_default();
        let patronymic = fold(line.patronymic.trim());
        if found.len() > 1 && !patronymic.is_empty() {
            found.retain(|&i| self.people[i].patronymic == patronymic);
        }
        match found.as_slice() {
            [] => Err(FieldProblem::new("surname", "service_person_not_found").with("by", "name")),
            [i] => Ok((*i, Key::Name)),
            many => {
                Err(FieldProblem::new("surname", "service_person_ambiguous")
                    .with("count", many.len()))
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Key {
    Iin,
    Number,
    Name,
}

/// A line that passed every check, ready to write.
struct Accepted {
    person: usize,
    date: Date,
    service_type: String,
    programme: Option<String>,
}

fn text_problem(field: &str, t: &str) -> Option<FieldProblem> {
    if t.chars().count() > MAX_TEXT {
        Some(FieldProblem::new(field, "too_long").with("max", MAX_TEXT))
    } else if t.chars().any(char::is_control) {
        Some(FieldProblem::new(field, "control_chars"))
    } else {
        None
    }
}

impl Vault {
    /// Check a service log and, unless `dry_run` or a line is refused, add every new line in one
    /// transaction. `choices` holds the user's confirmation of each service type Derbes did not
    /// recognise, keyed by the value as written (compared ignoring case and letter variants).
    pub fn import_services(
        &self,
        lines: &[ServiceLine],
        choices: &BTreeMap<String, ServiceTypeChoice>,
        dry_run: bool,
    ) -> Result<ServiceImportReport> {
        let today = crate::lifecycle::consent::today();
        let index = Index::read(self)?;
        let inventory = self.inventory()?;
        let choices: HashMap<String, &ServiceTypeChoice> =
            choices.iter().map(|(k, v)| (fold(k.trim()), v)).collect();
        let mut types: Vec<ServiceTypeInFile> = Vec::new();
        let mut type_at: HashMap<String, usize> = HashMap::new();
        let mut rejected: Vec<RowProblem> = Vec::new();
        let mut accepted: Vec<Accepted> = Vec::new();
        let mut matched_by = MatchedBy::default();
        // Computed once, and only when a line got that far: what each person's basis covers.
        let mut covered: Option<HashMap<Uuid, std::collections::BTreeSet<String>>> = None;

        for line in lines {
            let mut problems: Vec<FieldProblem> = Vec::new();
            let found = index.find(line).map_err(|p| problems.push(p)).ok();
            let person = found.map(|(i, _)| &index.people[i]);
            if let Some(p) = person.filter(|p| p.blocked) {
                problems.push(
                    FieldProblem::new("person", "service_person_blocked").with("number", p.number),
                );
            }
            let date = match parse_date(&line.date) {
                Err(p) => {
                    problems.push(FieldProblem::new("date", p.code()));
                    None
                }
                Ok(d) if d > today => {
                    problems.push(FieldProblem::new("date", "date_future"));
                    None
                }
                Ok(d) if person.and_then(|p| p.birth).is_some_and(|b| d < b) => {
                    problems.push(FieldProblem::new("date", "before_birth"));
                    None
                }
                Ok(d) => Some(d),
            };
            let written = line.service_type.trim();
            let service_type = if written.is_empty() {
                problems
                    .push(FieldProblem::new("service_type", "service_type").with("max", MAX_TEXT));
                None
            } else if let Some(p) = text_problem("service_type", written) {
                problems.push(p);
                None
            } else {
                let folded = fold(written);
                let at = *type_at.entry(folded.clone()).or_insert_with(|| {
                    let recognised = recognise_service_type(written);
                    let chosen = choices
                        .get(&folded)
                        .map(|c| (*c).clone())
                        .or(recognised.map(|k| ServiceTypeChoice::Standard(k.to_string())));
                    types.push(ServiceTypeInFile {
                        value: written.to_string(),
                        rows: 0,
                        recognised,
                        chosen,
                    });
                    types.len() - 1
                });
                types[at].rows += 1;
                match &types[at].chosen {
                    Some(ServiceTypeChoice::Standard(k)) if SERVICE_TYPES.contains(&k.as_str()) => {
                        Some(k.clone())
                    }
                    Some(ServiceTypeChoice::AsWritten) => Some(written.to_string()),
                    _ => {
                        problems.push(FieldProblem::new(
                            "service_type",
                            "service_type_unconfirmed",
                        ));
                        None
                    }
                }
            };
            let programme = line.programme.trim();
            if let Some(p) = text_problem("programme", programme) {
                problems.push(p);
            }
            if let Some(p) = person.filter(|_| problems.is_empty()) {
                // Services must be in the inventory for the person's kind, and among the
                // purposes their basis covers (Art. 14).
                let in_inventory = inventory
                    .document
                    .allowed(p.kind)
                    .contains(&Field::Services);
                if !in_inventory {
                    problems.push(
                        FieldProblem::new("services", "not_in_inventory")
                            .with("kind", p.kind.key()),
                    );
                } else {
                    let covered = match &mut covered {
                        Some(c) => c,
                        None => covered.insert(self.covered_purposes_of_all()?),
                    };
                    let purposes: Vec<String> = covered
                        .get(&p.id)
                        .map(|s| s.iter().cloned().collect())
                        .unwrap_or_default();
                    problems.extend(crate::lifecycle::basis::outside_purposes(
                        [Field::Services],
                        p.kind,
                        &purposes,
                        &inventory.document,
                    ));
                }
            }
            match (found, date, service_type) {
                (Some((person, key)), Some(date), Some(service_type)) if problems.is_empty() => {
                    match key {
                        Key::Iin => matched_by.iin += 1,
                        Key::Number => matched_by.number += 1,
                        Key::Name => matched_by.name_and_birth_date += 1,
                    }
                    accepted.push(Accepted {
                        person,
                        date,
                        service_type,
                        programme: (!programme.is_empty()).then(|| programme.to_string()),
                    });
                }
                _ => rejected.extend(problems.into_iter().map(|p| RowProblem::new(line.row, p))),
            }
        }

        // Lines already on file: a multiset, so a file with two identical visits adds both once.
        let mut on_file: HashMap<(Uuid, String, String), usize> = HashMap::new();
        if !accepted.is_empty() {
            let mut stmt = self
                .conn()
                .prepare("SELECT subject_id, date, service_type FROM service")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                if let Ok(id) = Uuid::parse_str(&id) {
                    *on_file.entry((id, r.get(1)?, r.get(2)?)).or_insert(0) += 1;
                }
            }
        }
        let mut already_recorded = 0;
        accepted.retain(|a| {
            let key = (
                index.people[a.person].id,
                a.date.to_string(),
                a.service_type.clone(),
            );
            match on_file.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    already_recorded += 1;
                    false
                }
                _ => true,
            }
        });
        let mut people: Vec<usize> = accepted.iter().map(|a| a.person).collect();
        people.sort_unstable();
        people.dedup();
        let first_day = accepted.iter().map(|a| a.date).min().map(|d| d.to_string());
        let last_day = accepted.iter().map(|a| a.date).max().map(|d| d.to_string());

        let mut report = ServiceImportReport {
            rows: lines.len(),
            accepted: accepted.len(),
            already_recorded,
            people: people.len(),
            matched_by,
            first_day,
            last_day,
            types,
            rejected,
            imported: false,
        };
        if dry_run || !report.rejected.is_empty() {
            return Ok(report);
        }
        let tx = self.conn().unchecked_transaction()?;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO service (id, subject_id, date, service_type, programme) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for a in &accepted {
                stmt.execute(rusqlite::params![
                    Uuid::now_v7().to_string(),
                    index.people[a.person].id.to_string(),
                    a.date.to_string(),
                    a.service_type,
                    a.programme
                ])?;
            }
        }
        journal::append(
            &tx,
            Some(self.user().id),
            Action::ServicesImported,
            None,
            json!({
                "rows": report.accepted,
                "alreadyRecorded": report.already_recorded,
                "people": report.people,
            }),
        )?;
        tx.commit()?;
        report.imported = true;
        Ok(report)
    }
}

#[cfg(test)]
#[path = "services_tests.rs"]
mod tests;
