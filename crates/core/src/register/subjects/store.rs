//! How a person is kept in the vault: inserting records and services, the list's sort key and
//! the search index's text, and loading a stored row back, values in clear.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use uuid::Uuid;

use super::{Access, Service, ValidPerson};
use crate::error::{Error, Result};
use crate::register::fields::{Field, Kind};
use crate::text::fold;
use crate::vault::journal;

/// Columns of `subject`: every standard field but `services`, which has a table of its own.
pub(super) fn columns() -> impl Iterator<Item = Field> {
    Field::ALL.into_iter().filter(|f| *f != Field::Services)
}

/// The list order: folded surname, name and patronymic, so Kazakh letters sort beside their
/// Russian look-alikes (Ә by А, Қ by К) and case does not matter. Indexed, so the first page of
/// 100,000 people needs no sort.
pub(super) fn sort_key(values: &BTreeMap<Field, String>) -> String {
    [Field::Surname, Field::Name, Field::Patronymic]
        .iter()
        .map(|f| values.get(f).map(|v| fold(v)).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\u{1}")
}

/// The text the search index holds for a person: folded names, the IIN, phone digits.
pub(super) fn search_doc(values: &BTreeMap<Field, String>) -> String {
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
            "INSERT INTO subject (id, number, kind, access, status, surname, name, patronymic, iin, birth_date, sex, phone, email, region, district, settlement, address, id_document, programme, disability, household_size, health_notes, notes, created_at, updated_at, sort_key, registered_on)
             VALUES (?1, ?2, ?3, 'restricted', 'active', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24)",
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
            p.registered_on,
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
pub(super) fn insert_services(tx: &Transaction<'_>, id: Uuid, services: &[Service]) -> Result<()> {
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
pub(super) struct Stored {
    pub(super) number: i64,
    pub(super) kind: Kind,
    pub(super) access: Access,
    pub(super) status: String,
    pub(super) values: BTreeMap<Field, String>,
    pub(super) created_at: String,
    pub(super) updated_at: String,
}

pub(super) fn load_values(conn: &Connection, id: Uuid) -> Result<Option<Stored>> {
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

pub(super) fn load_services(conn: &Connection, id: Uuid) -> Result<Vec<Service>> {
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
