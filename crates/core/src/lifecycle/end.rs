//! The end of the data's life (Art. 18, 25): anonymise or destroy people, each action leaving a
//! destruction act that names people only by internal number.
//!
//! **Destroy** deletes the person, their services, consents, withdrawals, attachments and search
//! entries. **Anonymise** removes every direct identifier and keeps only an
//! [anonymous record](crate::vault::schema) — kind, sex, birth year, region and district, programme,
//! whether there is a disability, household size, the month of collection and of each standard
//! service type — under a random id, so nothing in the vault can tell whose it was (Art. 1(7)).
//!
//! Both run in WAL mode with `secure_delete` (deleted cells and freed pages are zeroed), the
//! search index's FTS5 `secure-delete`, and a `wal_checkpoint(TRUNCATE)` afterwards, so no
//! decrypted page of the database or its WAL holds a destroyed value. (The bulk import's
//! rollback-journal path is deliberately not used: a rollback journal keeps whole pre-images.)

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::register::fields::Field;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// Why data is destroyed (Art. 18).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// The retention period ended (Art. 18(1)).
    RetentionEnded,
    /// The person withdrew consent.
    ConsentWithdrawn,
    /// The person asked (Art. 24).
    Request,
    /// A court decision entered into force (Art. 18(3)).
    CourtDecision,
    /// Processing without consent or ground was found (Art. 18(3-1)).
    UnlawfulProcessing,
}

impl Ground {
    /// Every ground, in the order the end-of-life dialog offers them.
    pub const ALL: [Ground; 5] = [
        Ground::RetentionEnded,
        Ground::ConsentWithdrawn,
        Ground::Request,
        Ground::CourtDecision,
        Ground::UnlawfulProcessing,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Ground::RetentionEnded => "retention_ended",
            Ground::ConsentWithdrawn => "consent_withdrawn",
            Ground::Request => "request",
            Ground::CourtDecision => "court_decision",
            Ground::UnlawfulProcessing => "unlawful_processing",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Ground> {
        [
            Ground::RetentionEnded,
            Ground::ConsentWithdrawn,
            Ground::Request,
            Ground::CourtDecision,
            Ground::UnlawfulProcessing,
        ]
        .into_iter()
        .find(|g| g.key() == s)
    }
}

/// What an act did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndAction {
    /// Direct identifiers removed; an anonymous record kept.
    Anonymise,
    /// Everything removed.
    Destroy,
}

impl EndAction {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            EndAction::Anonymise => "anonymise",
            EndAction::Destroy => "destroy",
        }
    }
}

/// A destruction (or anonymisation) act: a record with no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Act {
    /// № of the act.
    pub number: i64,
    /// Stable id.
    pub id: Uuid,
    /// Anonymise or destroy.
    pub action: EndAction,
    /// The ground.
    pub ground: Ground,
    /// A reference such as a court decision's number.
    pub reference: Option<String>,
    /// Internal numbers of the people concerned.
    pub subjects: Vec<i64>,
    /// Keys of the categories of data destroyed (`identity`, `contact`, …, `services`,
    /// `consents`, `attachments`).
    pub categories: Vec<String>,
    /// When (RFC 3339 UTC).
    pub performed_at: String,
    /// Who (user id).
    pub performed_by: String,
    /// That user's name.
    pub performed_by_name: String,
    /// The operator, as on the day.
    pub operator_name: String,
    /// The operator's BIN.
    pub operator_bin: String,
    /// The backups made before the act that still held these people when it was made: each must
    /// be replaced by a newer backup or destroyed (Art. 18).
    pub backups: Vec<HeldBackup>,
    /// The identifying transfers made before the act that carried these people (recipient and
    /// date, no data): the organisation asks each recipient to destroy its copy.
    pub transfers: Vec<CarriedTo>,
}

/// An identifying transfer that carried someone an act ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CarriedTo {
    /// The ledger entry.
    pub transfer: i64,
    /// The recipient.
    pub recipient: String,
    /// The day of the transfer.
    pub date: String,
}

/// A backup named by an act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HeldBackup {
    /// The backup's id.
    pub id: String,
    /// When it was made.
    pub made_at: String,
    /// Where it was written.
    pub place: String,
    /// Whether it has since been deleted or replaced.
    pub gone: bool,
}

/// An act in the list (without its list of numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActSummary {
    /// № of the act.
    pub number: i64,
    /// Anonymise or destroy.
    pub action: EndAction,
    /// The ground.
    pub ground: Ground,
    /// How many people.
    pub people: i64,
    /// When.
    pub performed_at: String,
    /// Who (name).
    pub performed_by_name: String,
}

/// Fields an anonymous record keeps (coarsened where they are dates).
const KEPT: [Field; 7] = [
    Field::Sex,
    Field::BirthDate, // as the birth year
    Field::Region,
    Field::District,
    Field::Programme,
    Field::Disability,
    Field::HouseholdSize,
];

impl Vault {
    /// Anonymise people: direct identifiers removed, an anonymous statistical record kept.
    /// All or nothing: one blocked, held or unknown person refuses the whole action.
    pub fn anonymise(&self, ids: &[Uuid], ground: Ground, reference: Option<&str>) -> Result<Act> {
        self.require(Permission::EndLife)?;
        self.end_of_life(ids, EndAction::Anonymise, ground, reference)
    }

    /// Destroy people and everything about them. All or nothing, like [`Vault::anonymise`].
    pub fn destroy(&self, ids: &[Uuid], ground: Ground, reference: Option<&str>) -> Result<Act> {
        self.require(Permission::EndLife)?;
        self.end_of_life(ids, EndAction::Destroy, ground, reference)
    }

    /// Anonymise or destroy everyone due on `as_of`, ground "retention ended". Blocked people
    /// are left alone; their numbers are returned beside the act.
    pub fn end_due(&self, action: EndAction, as_of: Date) -> Result<(Act, Vec<i64>)> {
        self.require(Permission::EndLife)?;
        // Looking ahead is fine; ending data early under "retention ended" is not.
        if as_of > crate::lifecycle::consent::today() {
            return Err(Error::invalid("as_of", "end_due_in_future"));
        }
        let due = self.due(as_of)?;
        let skipped: Vec<i64> = due
            .people
            .iter()
            .filter(|d| d.blocked)
            .map(|d| d.number)
            .collect();
        let ids: Vec<Uuid> = due
            .people
            .iter()
            .filter(|d| !d.blocked)
            .map(|d| d.id)
            .collect();
        if ids.is_empty() {
            return Err(Error::invalid("due", "nobody_due"));
        }
        let act = self.end_of_life(&ids, action, Ground::RetentionEnded, None)?;
        Ok((act, skipped))
    }

    fn end_of_life(
        &self,
        ids: &[Uuid],
        action: EndAction,
        ground: Ground,
        reference: Option<&str>,
    ) -> Result<Act> {
        // A scattered deletion dirties most pages: a cache that holds them all writes each page
        // to the WAL once instead of spilling it again and again. The commit need not be synced
        // (a crash before the checkpoint loses the whole action, never half of it); the
        // checkpoint right after it is. Both settings return to normal whatever happens.
        // Never through a rollback journal: it would hold whole pre-images of what is destroyed.
        let mode: String = self
            .conn()
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Internal("the vault is not in WAL mode".into()));
        }
        self.conn().execute_batch(
            "PRAGMA secure_delete = ON; PRAGMA cache_size = -524288; PRAGMA synchronous = NORMAL;",
        )?;
        let result = self.end_of_life_inner(ids, action, ground, reference);
        let restored = self
            .conn()
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;");
        let act = result?;
        restored?;
        Ok(act)
    }

    fn end_of_life_inner(
        &self,
        ids: &[Uuid],
        action: EndAction,
        ground: Ground,
        reference: Option<&str>,
    ) -> Result<Act> {
        if ids.is_empty() {
            return Err(Error::invalid("subjects", "end_subjects_none"));
        }
        let reference = match reference.map(str::trim).filter(|s| !s.is_empty()) {
            Some(r) if r.chars().count() > 200 || r.chars().any(char::is_control) => {
                return Err(Error::invalid("reference", "end_reference_too_long"))
            }
            Some(r) => Some(r.to_string()),
            None if ground == Ground::CourtDecision => {
                return Err(Error::invalid(
                    "reference",
                    "court_decision_reference_missing",
                ))
            }
            None => None,
        };
        let org = self.organisation()?;
        let inventory = self.inventory()?;
        let conn = self.conn();
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS doomed (id TEXT PRIMARY KEY, number INTEGER);
             DELETE FROM temp.doomed;",
        )?;
        {
            let mut ins = tx.prepare("INSERT OR IGNORE INTO temp.doomed (id) VALUES (?1)")?;
            for id in ids {
                ins.execute([id.to_string()])?;
            }
        }
        tx.execute(
            "UPDATE temp.doomed SET number = (SELECT number FROM subject s WHERE s.id = doomed.id)",
            [],
        )?;
        let missing: i64 = tx.query_row(
            "SELECT count(*) FROM temp.doomed WHERE number IS NULL",
            [],
            |r| r.get(0),
        )?;
        if missing > 0 {
            return Err(Error::SubjectNotFound);
        }
        let refused: Option<(i64, bool, bool)> = tx
            .query_row(
                "SELECT s.number, s.blocked_reason IS NOT NULL, s.hold_reason IS NOT NULL
                 FROM subject s JOIN temp.doomed d ON d.id = s.id
                 WHERE s.blocked_reason IS NOT NULL OR s.hold_reason IS NOT NULL
                 ORDER BY s.number LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((number, blocked, _)) = refused {
            return Err(if blocked {
                Error::Blocked { number }
            } else {
                Error::OnHold { number }
            });
        }
        let categories = categories(&tx, &inventory.document, action)?;
        let numbers: Vec<i64> = {
            let mut s = tx.prepare("SELECT number FROM temp.doomed ORDER BY number")?;
            let rows = s.query_map([], |r| r.get(0))?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        if action == EndAction::Anonymise {
            keep_anonymous_records(&tx)?;
        }
        let act_number: i64 = tx.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM destruction_act",
            [],
            |r| r.get(0),
        )?;
        let act_id = Uuid::now_v7();
        let now = journal::now_utc();
        let user = self.user();
        // Art. 18 reaches backups: the act names every backup still kept that was made while
        // one of these people was in the register, so that it is replaced or destroyed too.
        let backups: String = tx.query_row(
            "SELECT json_group_array(id) FROM (
                 SELECT b.id FROM backup b
                 WHERE b.gone_at IS NULL AND EXISTS (
                     SELECT 1 FROM subject s JOIN temp.doomed d ON d.id = s.id
                     WHERE s.created_at <= b.made_at)
                 ORDER BY b.made_at)",
            [],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO destruction_act (number, id, action, ground, reference, subjects, categories, performed_at, performed_by, performed_by_name, operator_name, operator_bin, backups)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                act_number,
                act_id.to_string(),
                action.key(),
                ground.key(),
                reference,
                serde_json::to_string(&numbers).unwrap_or_default(),
                serde_json::to_string(&categories).unwrap_or_default(),
                now,
                user.id.to_string(),
                user.name,
                org.name,
                org.bin,
                backups,
            ],
        )?;
        erase_doomed(&tx, act_number, &now)?;
        journal::append(
            &tx,
            Some(user.id),
            match action {
                EndAction::Anonymise => Action::SubjectsAnonymised,
                EndAction::Destroy => Action::SubjectsDestroyed,
            },
            Some(&act_id.to_string()),
            json!({"act": act_number, "people": numbers.len(), "ground": ground.key()}),
        )?;
        tx.commit()?;
        // Fold the WAL (which holds the pre-deletion pages of this transaction's earlier frames
        // and any before it) into the database and cut it to zero length.
        // The action is done once committed; if the checkpoint cannot run now, locking runs it.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        // The log beside the vault learns of the act; if it cannot be written now, the next act
        // or backup writes it whole.
        let _ = self.write_destruction_log();
        self.act(act_number)
    }

    /// Every act, newest first.
    pub fn acts(&self) -> Result<Vec<ActSummary>> {
        let mut stmt = self.conn().prepare(
            "SELECT number, action, ground, json_array_length(subjects), performed_at, performed_by_name
             FROM destruction_act ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ActSummary {
                number: r.get(0)?,
                action: action_from(&r.get::<_, String>(1)?),
                ground: Ground::from_key(&r.get::<_, String>(2)?).unwrap_or(Ground::Request),
                people: r.get(3)?,
                performed_at: r.get(4)?,
                performed_by_name: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// One act by number.
    pub fn act(&self, number: i64) -> Result<Act> {
        self.conn()
            .query_row(
                "SELECT number, id, action, ground, reference, subjects, categories, performed_at, performed_by, performed_by_name, operator_name, operator_bin
                 FROM destruction_act WHERE number = ?1",
                [number],
                |r| {
                    Ok(Act {
                        number: r.get(0)?,
                        id: Uuid::parse_str(&r.get::<_, String>(1)?).unwrap_or_default(),
                        action: action_from(&r.get::<_, String>(2)?),
                        ground: Ground::from_key(&r.get::<_, String>(3)?)
                            .unwrap_or(Ground::Request),
                        reference: r.get(4)?,
                        subjects: serde_json::from_str(&r.get::<_, String>(5)?)
                            .unwrap_or_default(),
                        categories: serde_json::from_str(&r.get::<_, String>(6)?)
                            .unwrap_or_default(),
                        performed_at: r.get(7)?,
                        performed_by: r.get(8)?,
                        performed_by_name: r.get(9)?,
                        operator_name: r.get(10)?,
                        operator_bin: r.get(11)?,
                        backups: Vec::new(),
                        transfers: Vec::new(),
                    })
                },
            )
            .optional()?
            .ok_or(Error::ActNotFound)
            .and_then(|mut act| {
                act.backups = self.held_backups(number)?;
                act.transfers = self.carried_before(&act)?;
                Ok(act)
            })
    }

    /// The identifying transfers, made before the act, that carried the people it ended.
    fn carried_before(&self, act: &Act) -> Result<Vec<CarriedTo>> {
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT t.number, t.recipient, substr(t.at, 1, 10)
             FROM transfer_subject s JOIN transfer t ON t.number = s.transfer
             WHERE s.subject_number IN (SELECT value FROM json_each(?1)) AND t.at <= ?2
             ORDER BY t.number",
        )?;
        let rows = stmt.query_map(
            params![
                serde_json::to_string(&act.subjects).unwrap_or_default(),
                act.performed_at
            ],
            |r| {
                Ok(CarriedTo {
                    transfer: r.get(0)?,
                    recipient: r.get(1)?,
                    date: r.get(2)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The backups an act names, with what became of them.
    fn held_backups(&self, act: i64) -> Result<Vec<HeldBackup>> {
        let mut stmt = self.conn().prepare(
            "SELECT b.id, b.made_at, b.place, b.gone_at IS NOT NULL
             FROM destruction_act a, json_each(a.backups) j JOIN backup b ON b.id = j.value
             WHERE a.number = ?1 ORDER BY b.made_at",
        )?;
        let rows = stmt.query_map([act], |r| {
            Ok(HeldBackup {
                id: r.get(0)?,
                made_at: r.get(1)?,
                place: r.get(2)?,
                gone: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// How many anonymous statistical records the vault keeps.
    pub fn anonymous_records(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM anonymous_record", [], |r| r.get(0))?)
    }
}

fn action_from(s: &str) -> EndAction {
    if s == "anonymise" {
        EndAction::Anonymise
    } else {
        EndAction::Destroy
    }
}

/// The categories of data the action removes from the people in `temp.doomed`.
fn categories(
    conn: &Connection,
    inventory: &crate::register::inventory::InventoryDocument,
    action: EndAction,
) -> Result<Vec<String>> {
    let fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Services)
        .filter(|f| action == EndAction::Destroy || !KEPT.contains(f))
        .collect();
    let probes: Vec<String> = fields
        .iter()
        .map(|f| format!("max({} IS NOT NULL)", f.key()))
        .collect();
    let sql = format!(
        "SELECT {},
            EXISTS (SELECT 1 FROM service WHERE subject_id IN (SELECT id FROM temp.doomed)),
            EXISTS (SELECT 1 FROM consent WHERE subject_id IN (SELECT id FROM temp.doomed)),
            EXISTS (SELECT 1 FROM attachment WHERE subject_id IN (SELECT id FROM temp.doomed))
         FROM subject WHERE id IN (SELECT id FROM temp.doomed)",
        probes.join(", ")
    );
    let present: Vec<bool> = conn.query_row(&sql, [], |r| {
        (0..fields.len() + 3)
            .map(|i| Ok(r.get::<_, Option<bool>>(i)?.unwrap_or(false)))
            .collect()
    })?;
    let mut out: BTreeSet<String> = BTreeSet::new();
    for (f, here) in fields.iter().zip(&present) {
        if *here {
            out.insert(inventory.category(*f).key().to_string());
        }
    }
    let n = fields.len();
    if present[n] && action == EndAction::Destroy {
        out.insert("services".into());
    }
    if present[n + 1] {
        out.insert("consents".into());
    }
    if present[n + 2] {
        out.insert("attachments".into());
    }
    Ok(out.into_iter().collect())
}

/// Remove the people in `temp.doomed` for good, under act `act_number`: their tombstones (ids
/// only), their search entries, and — by cascade — their services, consents, withdrawals and
/// attachments; the numbers they held are never handed out again. Used by an act and by the
/// replay of a newer vault's act onto a restored copy ([`crate::lifecycle::log`]).
pub(crate) fn erase_doomed(tx: &Connection, act_number: i64, now: &str) -> Result<()> {
    let high: Option<i64> =
        tx.query_row("SELECT max(number) FROM temp.doomed", [], |r| r.get(0))?;
    tx.execute(
        "INSERT INTO tombstone (subject_id, act, at) SELECT id, ?1, ?2 FROM temp.doomed",
        params![act_number, now],
    )?;
    tx.execute(
        "DELETE FROM subject_search WHERE rowid IN (SELECT number FROM temp.doomed)",
        [],
    )?;
    tx.execute(
        "INSERT INTO meta (key, value)
         SELECT 'consent_number_high', max(number) FROM consent
         WHERE subject_id IN (SELECT id FROM temp.doomed) HAVING max(number) IS NOT NULL
         ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        [],
    )?;
    // Cascades to services, consents, withdrawals and attachments.
    tx.execute(
        "DELETE FROM subject WHERE id IN (SELECT id FROM temp.doomed)",
        [],
    )?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('subject_number_high', ?1)
         ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        [high.unwrap_or(0).to_string()],
    )?;
    tx.execute("DELETE FROM temp.doomed", [])?;
    Ok(())
}

/// Copy what anonymisation keeps of each doomed person into `anonymous_record` under random
/// ids, so nothing follows the register's numbers or the act.
pub(crate) fn keep_anonymous_records(conn: &Connection) -> Result<()> {
    let ids: Vec<String> = {
        let mut s = conn.prepare("SELECT id FROM temp.doomed")?;
        let rows = s.query_map([], |r| r.get(0))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    // A random id for each record: ids handed out in sequence would tie each act's records to
    // it. Drawn here, unique in the batch and in the table, then used in set-based inserts.
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS anonymous_ids (id TEXT PRIMARY KEY, record INTEGER UNIQUE);
         DELETE FROM temp.anonymous_ids;",
    )?;
    {
        let mut taken = conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM anonymous_record WHERE id = ?1)
                 OR EXISTS (SELECT 1 FROM temp.anonymous_ids WHERE record = ?1)",
        )?;
        let mut put =
            conn.prepare_cached("INSERT INTO temp.anonymous_ids (id, record) VALUES (?1, ?2)")?;
        for id in &ids {
            let record = loop {
                let candidate = fastrand::i64(1..=i64::MAX);
                if !taken.query_row([candidate], |r| r.get::<_, bool>(0))? {
                    break candidate;
                }
            };
            put.execute(params![id, record])?;
        }
    }
    conn.execute(
        "INSERT INTO anonymous_record (id, kind, sex, birth_year, region, district, programme, disability, household_size, collected_month)
         SELECT m.record, s.kind, s.sex, CAST(substr(s.birth_date, 1, 4) AS INTEGER), s.region, s.district, s.programme,
                CASE WHEN s.disability IS NOT NULL THEN 'yes' END, s.household_size, substr(coalesce(s.registered_on, s.created_at), 1, 7)
         FROM temp.anonymous_ids m JOIN subject s ON s.id = m.id
         ORDER BY m.record",
        [],
    )?;
    // Free text could describe the person: a service type outside the standard list is 'other',
    // and a disability is kept only as a yes.
    let standard: Vec<String> = crate::register::fields::SERVICE_TYPES
        .iter()
        .map(|t| format!("'{t}'"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO anonymous_service (record, month, service_type)
             SELECT m.record, substr(v.date, 1, 7), CASE WHEN v.service_type IN ({}) THEN v.service_type ELSE 'other' END
             FROM temp.anonymous_ids m JOIN service v ON v.subject_id = m.id
             ORDER BY m.record, v.date",
            standard.join(", ")
        ),
        [],
    )?;
    conn.execute("DELETE FROM temp.anonymous_ids", [])?;
    Ok(())
}

#[cfg(test)]
#[path = "end_tests.rs"]
pub(crate) mod tests;
