//! People in the register: validation against the rules and the approved inventory, storage,
//! search, masking of sensitive fields, and journaled reveals.
//!
//! A person is restricted by default. Sensitive fields (identity numbers, health, financial,
//! biometric — see [`crate::register::fields::Category::is_sensitive`]) leave this module masked unless the
//! caller asks to reveal them, and every reveal is journaled. Nothing here writes a value into
//! the journal or an error message.
//!
//! The one import from an area above the register is deliberate: a person's page and every change
//! to a record read the person's consent state from [`crate::lifecycle::consent`] (whether they
//! may be public, whether they are blocked), as the lifecycle reads the register — one rule about
//! one person seen from two sides, kept in the lifecycle where the law puts it.
//!
//! The files under this one: `validate` (the rules a record must pass and how values are
//! normalised), `store` (writing and reading rows, their sort key and search text) and `search`
//! (listing the register with filters and search). This file holds the types a record leaves
//! the core as, masking, and the operations on one person: [`Vault::add_subject`],
//! [`Vault::edit_subject`], [`Vault::subject`], [`Vault::reveal_subject`] and
//! [`Vault::set_access`].

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::register::fields::{Field, Kind, PersonDraft};
use crate::register::ids::mask_iin;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

mod search;
mod store;
mod validate;

pub use search::{Page, Query, Row, AGE_BANDS, LIST_COLUMNS};
pub(crate) use store::Writer;
pub use validate::validate;

use store::{columns, insert_services, load_services, load_values, search_doc, sort_key, Stored};

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
    /// The day they first came, `YYYY-MM-DD`, when given.
    pub registered_on: Option<String>,
}

impl ValidPerson {
    /// Surname, name and patronymic, as a consent names the person.
    pub fn full_name(&self) -> String {
        [Field::Surname, Field::Name, Field::Patronymic]
            .iter()
            .filter_map(|f| self.values.get(f))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
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
    /// An employee or volunteer who sees personal data at work, and so signs a confidentiality
    /// undertaking (Art. 11(2)); see [`Vault::set_sees_data`].
    pub sees_data: bool,
}

/// Consent, ground, hold and blocking facts shown on a person's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lifecycle {
    /// The best state among the person's consents; `None` without any.
    pub consent_state: Option<crate::lifecycle::consent::ConsentState>,
    /// Whether a consent to publication is in force.
    pub publication_consent: bool,
    /// The Art. 9 ground for processing without consent, if recorded (`art9_10` for 9(10)).
    pub legal_ground: Option<String>,
    /// The law that ground relies on.
    pub legal_ground_law: Option<String>,
    /// The purposes the ground covers (empty: every purpose of the person's kind).
    pub ground_purposes: Vec<String>,
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

fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

impl Vault {
    /// Add a person inside `tx` (the caller adds their basis for processing and commits): the
    /// record is checked against the rules, the approved inventory and `check` (the purposes
    /// the basis covers), stored restricted, indexed for search, and journaled (by id, no values).
    /// The public door is [`Vault::add_subject`] in [`crate::lifecycle::basis`].
    pub(crate) fn insert_subject_in(
        &self,
        tx: &rusqlite::Transaction<'_>,
        draft: &PersonDraft,
        check: &dyn Fn(&ValidPerson) -> Vec<crate::error::FieldProblem>,
    ) -> Result<(Uuid, i64, ValidPerson)> {
        let inventory = self.inventory()?;
        let valid = validate(draft, &inventory.document, today())?;
        let problems = check(&valid);
        if !problems.is_empty() {
            return Err(Error::Invalid { problems });
        }
        let (id, number) = Writer::new(tx)?.insert(&valid)?;
        journal::append(
            tx,
            Some(self.user().id),
            Action::SubjectCreated,
            Some(&id.to_string()),
            json!({"number": number, "kind": valid.kind.key(), "inventory": inventory.version}),
        )?;
        Ok((id, number, valid))
    }

    /// A stored person as the front ends see it, without a journal entry (the caller made one).
    pub(crate) fn subject_quietly(&self, id: Uuid) -> Result<Person> {
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
        // A field the record did not have must be one of the purposes the person's basis covers
        // (Art. 14); a field it has may always be corrected (Art. 24).
        let added: Vec<Field> = changes
            .values
            .iter()
            .filter(|(f, v)| !v.trim().is_empty() && !values.contains_key(f))
            .map(|(f, _)| *f)
            .chain((!changes.services.is_empty()).then_some(Field::Services))
            .collect();
        if !added.is_empty() {
            let covers = self.covered_purposes(id, kind)?;
            let inventory = self.inventory()?;
            let problems = crate::lifecycle::basis::outside_purposes(
                added,
                kind,
                &covers,
                &inventory.document,
            );
            if !problems.is_empty() {
                return Err(Error::Invalid { problems });
            }
        }
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
            registered_on: None,
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
        self.require(Permission::RevealSensitive)?;
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

    /// A person with every field in clear, for a document that must carry their data (the
    /// answer to their own access request); the caller checks the permission and journals.
    pub(crate) fn subject_in_full(&self, id: Uuid) -> Result<Person> {
        self.subject_unjournaled(id, &Field::ALL)
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
            sees_data: crate::register::confidants::sees_data(self.conn(), id)?,
        })
    }

    fn lifecycle(&self, id: Uuid) -> Result<Lifecycle> {
        let today = today();
        let (legal_ground, ended_on, hold_reason, blocked_reason, legal_ground_law, purposes) =
            self.conn().query_row(
                "SELECT legal_ground, ended_on, hold_reason, blocked_reason, legal_ground_law, ground_purposes
                 FROM subject WHERE id = ?1",
                [id.to_string()],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )?;
        Ok(Lifecycle {
            consent_state: crate::lifecycle::consent::best_state(self.conn(), id, today)?,
            publication_consent: crate::lifecycle::consent::publication_in_force(
                self.conn(),
                id,
                today,
            )?,
            legal_ground,
            legal_ground_law,
            ground_purposes: purposes
                .and_then(|p| serde_json::from_str(&p).ok())
                .unwrap_or_default(),
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
}

#[cfg(test)]
mod tests;
