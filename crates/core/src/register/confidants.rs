//! Who sees personal data at work (Art. 11(2)): every user of the vault, and the employees and
//! volunteers of the register marked as seeing it, most of whom have no account. Each of them
//! signs a confidentiality undertaking (`documents::papers`).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::register::fields::Kind;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// Someone who sees personal data at work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Confidant {
    /// The user's id, or the person's id in the register.
    pub id: Uuid,
    /// Their full name as the register or the user list has it.
    pub name: String,
    /// `user` (an account of this vault) or `register` (an employee or volunteer).
    pub source: &'static str,
    /// A user's role (`responsible`, `staff`), or a person's kind (`employee`, `volunteer`).
    pub role: String,
    /// The person's internal number in the register (users have none).
    pub number: Option<i64>,
}

/// Whether the person `id` is marked as seeing personal data.
pub(crate) fn sees_data(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT sees_data FROM subject WHERE id = ?1",
            [id.to_string()],
            |r| r.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

impl Vault {
    /// Mark an employee or volunteer as seeing personal data at work, or no longer. The
    /// responsible person decides who sees the data (a change of settings); journaled.
    pub fn set_sees_data(&self, id: Uuid, yes: bool) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        let facts = crate::lifecycle::consent::subject_facts(self.conn(), id)?;
        let kind: String = self.conn().query_row(
            "SELECT kind FROM subject WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )?;
        if Kind::from_key(&kind) == Some(Kind::Beneficiary) {
            return Err(Error::invalid("sees_data", "sees_data_beneficiary"));
        }
        let tx = self.conn().unchecked_transaction()?;
        let changed = tx.execute(
            "UPDATE subject SET sees_data = ?1, updated_at = ?2 WHERE id = ?3 AND sees_data <> ?1",
            params![yes, journal::now_utc(), id.to_string()],
        )?;
        if changed > 0 {
            journal::append(
                &tx,
                Some(self.user().id),
                Action::SeesDataChanged,
                Some(&id.to_string()),
                json!({"number": facts.number, "sees_data": yes}),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Everyone who sees personal data at work: the vault's users (not removed), then the
    /// register's employees and volunteers marked so, by name.
    pub fn confidants(&self) -> Result<Vec<Confidant>> {
        let mut out: Vec<Confidant> = self
            .users()?
            .into_iter()
            .map(|u| Confidant {
                id: u.id,
                name: u.name,
                source: "user",
                role: u.role.code().to_string(),
                number: None,
            })
            .collect();
        let mut stmt = self.conn().prepare(
            "SELECT id, number, kind, trim(coalesce(surname, '') || ' ' || coalesce(name, '') || ' ' || coalesce(patronymic, ''))
             FROM subject WHERE sees_data = 1 ORDER BY sort_key, number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, number, kind, name) = row?;
            out.push(Confidant {
                id: Uuid::parse_str(&id).map_err(|_| Error::VaultDamaged)?,
                name: name.split_whitespace().collect::<Vec<_>>().join(" "),
                source: "register",
                role: kind,
                number: Some(number),
            });
        }
        Ok(out)
    }

    /// The confidant with this id (a user's or a person's).
    pub fn confidant(&self, id: Uuid) -> Result<Confidant> {
        self.confidants()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Error::invalid("person", "confidant_unknown"))
    }
}
