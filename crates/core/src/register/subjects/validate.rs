//! The rules a person's record must pass before it is stored: the approved inventory, lengths,
//! control characters, each field's form (IIN, dates, sex, phone, e-mail, region, household
//! size), the IIN agreeing with birth date and sex, required names, and services.

use std::collections::BTreeMap;

use time::Date;

use super::{Service, ValidPerson};
use crate::error::{Error, FieldProblem, Result};
use crate::register::fields::{Field, PersonDraft, Sex};
use crate::register::ids::{IdProblem, Iin};
use crate::register::import::{normalise_phone, parse_date, parse_sex, ValueProblem};
use crate::register::inventory::InventoryDocument;

/// Longest text a field accepts; notes may be longer than names.
fn max_len(field: Field) -> usize {
    match field {
        Field::Notes | Field::HealthNotes => 5000,
        Field::Address => 500,
        _ => 300,
    }
}

fn problem(field: Field, code: &'static str) -> FieldProblem {
    FieldProblem::new(field.key(), code)
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
            problems: vec![FieldProblem::new("kind", "required")],
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
            problems.push(problem(field, "not_in_inventory").with("kind", kind.key()));
            continue;
        }
        if text.chars().count() > max_len(field) {
            problems.push(problem(field, "too_long").with("max", max_len(field)));
            continue;
        }
        let multiline = matches!(field, Field::Notes | Field::HealthNotes | Field::Address);
        if text
            .chars()
            .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t')))
        {
            problems.push(problem(field, "control_chars"));
            continue;
        }
        match normalise(field, text, today) {
            Ok(v) => {
                values.insert(field, v);
            }
            Err(code) => problems.push(problem(field, code)),
        }
    }
    // The IIN must agree with the birth date and sex; when they are empty, it fills them.
    if let Some(iin) = values.get(&Field::Iin).and_then(|s| Iin::parse(s).ok()) {
        let bd = iin.birth_date.to_string();
        match values.get(&Field::BirthDate) {
            Some(given) if *given != bd => {
                problems.push(problem(Field::BirthDate, "iin_birth_date_mismatch"))
            }
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
            Some(given) if *given != sex => problems.push(problem(Field::Sex, "iin_sex_mismatch")),
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
            problems.push(problem(required, "required"));
        }
    }
    let mut services = Vec::new();
    if !draft.services.is_empty() && !allowed.contains(&Field::Services) {
        problems.push(problem(Field::Services, "not_in_inventory").with("kind", kind.key()));
    } else {
        let birth = values.get(&Field::BirthDate).and_then(|d| {
            Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
        });
        for s in &draft.services {
            let t = s.service_type.trim();
            match parse_date(&s.date) {
                Err(p) => problems.push(problem(Field::Services, p.code())),
                Ok(d) if d > today => problems.push(problem(Field::Services, "date_future")),
                Ok(d) if birth.is_some_and(|b| d < b) => {
                    problems.push(problem(Field::Services, "before_birth"))
                }
                Ok(_)
                    if t.is_empty()
                        || t.chars().count() > 100
                        || t.chars().any(char::is_control) =>
                {
                    problems.push(problem(Field::Services, "service_type").with("max", 100))
                }
                Ok(d) => services.push(Service {
                    date: d.to_string(),
                    service_type: t.to_string(),
                }),
            }
        }
    }
    let registered_on = match draft.registered_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => {
            let birth = values.get(&Field::BirthDate).and_then(|d| {
                Date::parse(d, &time::format_description::well_known::Iso8601::DATE).ok()
            });
            match parse_date(text) {
                Err(p) => {
                    problems.push(FieldProblem::new("registered_on", p.code()));
                    None
                }
                Ok(d) if d > today => {
                    problems.push(FieldProblem::new("registered_on", "date_future"));
                    None
                }
                Ok(d) if birth.is_some_and(|b| d < b) => {
                    problems.push(FieldProblem::new(
                        "registered_on",
                        "registered_before_birth",
                    ));
                    None
                }
                Ok(d) => Some(d.to_string()),
            }
        }
    };
    if problems.is_empty() {
        services.sort_by(|a, b| a.date.cmp(&b.date));
        Ok(ValidPerson {
            kind,
            values,
            services,
            registered_on,
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

/// Normalise one value, or give the code of what is wrong with it (never the value).
fn normalise(field: Field, text: &str, today: Date) -> std::result::Result<String, &'static str> {
    match field {
        Field::Iin => Iin::parse(text)
            .map(|i| i.as_string())
            .map_err(IdProblem::code),
        Field::BirthDate => {
            let d = parse_date(text).map_err(ValueProblem::code)?;
            if d > today {
                return Err("date_future");
            }
            if d.year() < 1900 {
                return Err("date_too_old");
            }
            Ok(d.to_string())
        }
        Field::Sex => parse_sex(text)
            .map(|s: Sex| s.key().to_string())
            .map_err(ValueProblem::code),
        Field::Phone => normalise_phone(text).map_err(ValueProblem::code),
        Field::Email => {
            let ok = text.split_once('@').is_some_and(|(l, d)| {
                !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
            }) && !text.contains(char::is_whitespace);
            if ok {
                Ok(text.to_lowercase())
            } else {
                Err("email_invalid")
            }
        }
        Field::Region => crate::register::regions::recognise(text)
            .map(|r| r.key.to_string())
            .ok_or("region_unknown"),
        Field::HouseholdSize => match text.parse::<u32>() {
            Ok(n) if (1..=50).contains(&n) => Ok(n.to_string()),
            _ => Err("number_invalid"),
        },
        _ => Ok(text.to_string()),
    }
}
