//! The destruction log (Art. 18): every destruction and anonymisation act with the internal ids
//! of the people it ended — no personal data — sealed so that only a copy of the same vault can
//! read it.
//!
//! A restored backup must not bring the destroyed back. The vault writes its log beside itself
//! after every act ([`LOG_FILE`]) and beside every backup; restoring an older backup replays the
//! acts it does not have yet ([`replay`]) before the restored vault is opened. The log is
//! cumulative, so the newest one at hand is enough, and replaying it twice changes nothing.
//!
//! The file: `DRBSLOG\n`, a format version (u32, little-endian), the vault's id (16 bytes), a
//! 24-byte nonce, then the log as JSON sealed with XChaCha20-Poly1305 under a random key kept in
//! the vault's database (`meta.destruction_log_key`). That key survives a re-key, so a log written
//! after one still opens in an older copy; the vault's id is the associated data.

use std::fs;
use std::io::Write;
use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::lifecycle::end::{self, EndAction};
use crate::vault::journal::{self, Action};
use crate::vault::secret::random_bytes;
use crate::vault::Vault;

/// The log a vault keeps beside itself, rewritten after every act.
pub const LOG_FILE: &str = "destructions.derbes-log";
/// The extension of every destruction log (beside a vault or a backup).
pub const LOG_EXTENSION: &str = "derbes-log";
const MAGIC: &[u8; 8] = b"DRBSLOG\n";
const VERSION: u32 = 1;
const KEY_META: &str = "destruction_log_key";
const HEADER_LEN: usize = 8 + 4 + 16 + 24;

/// One act as the log carries it: the act's own record (numbers, never names of the people) and
/// the internal ids of the people it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedAct {
    /// The act's id.
    pub id: Uuid,
    /// № of the act.
    pub number: i64,
    /// `anonymise` or `destroy`.
    pub action: String,
    /// The ground's key.
    pub ground: String,
    /// A reference such as a court decision's number.
    pub reference: Option<String>,
    /// The people's internal numbers (JSON array, as the act stores it).
    pub subjects: String,
    /// The people's internal ids.
    pub people: Vec<Uuid>,
    /// The categories removed (JSON array, as the act stores it).
    pub categories: String,
    /// When.
    pub performed_at: String,
    /// Who (user id).
    pub performed_by: String,
    /// That user's name.
    pub performed_by_name: String,
    /// The operator, as on the day.
    pub operator_name: String,
    /// The operator's BIN.
    pub operator_bin: String,
    /// The backups that held the people (JSON array of ids).
    pub backups: String,
}

/// A vault's destruction log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DestructionLog {
    /// The vault it belongs to.
    pub vault_id: Uuid,
    /// When it was written.
    pub written_at: String,
    /// Every act, oldest first.
    pub acts: Vec<LoggedAct>,
}

/// What a replay did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replayed {
    /// Acts the vault did not have yet.
    pub acts: usize,
    /// People of those acts it still held, now destroyed or anonymised.
    pub people: usize,
}

/// Give the vault its log key if it has none (at creation, and at the first unlock by a Derbes
/// that keeps logs).
pub(crate) fn ensure_key(conn: &Connection) -> Result<()> {
    let present: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?1)",
        [KEY_META],
        |r| r.get(0),
    )?;
    if !present {
        let mut key = Zeroizing::new([0u8; 32]);
        random_bytes(key.as_mut());
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)",
            params![KEY_META, hex::encode(*key)],
        )?;
    }
    Ok(())
}

fn key(conn: &Connection) -> Result<Zeroizing<[u8; 32]>> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [KEY_META], |r| {
            r.get(0)
        })
        .optional()?;
    let text = Zeroizing::new(text.ok_or(Error::Internal("no destruction log key".into()))?);
    let mut key = Zeroizing::new([0u8; 32]);
    hex::decode_to_slice(text.as_bytes(), key.as_mut())
        .map_err(|_| Error::Internal("the destruction log key is damaged".into()))?;
    Ok(key)
}

/// Every act of the vault, with the ids of the people each ended.
pub(crate) fn read(conn: &Connection, vault_id: Uuid) -> Result<DestructionLog> {
    // Every tombstone in one pass, grouped by act (not one scan of the table per act).
    let mut people: std::collections::HashMap<i64, Vec<Uuid>> = std::collections::HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT act, subject_id FROM tombstone")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (act, id) = row?;
            if let Ok(id) = Uuid::parse_str(&id) {
                people.entry(act).or_default().push(id);
            }
        }
    }
    let mut stmt = conn.prepare(
        "SELECT number, id, action, ground, reference, subjects, categories, performed_at,
                performed_by, performed_by_name, operator_name, operator_bin, backups
         FROM destruction_act ORDER BY number",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(LoggedAct {
            number: r.get(0)?,
            id: Uuid::parse_str(&r.get::<_, String>(1)?).unwrap_or_default(),
            action: r.get(2)?,
            ground: r.get(3)?,
            reference: r.get(4)?,
            subjects: r.get(5)?,
            people: Vec::new(),
            categories: r.get(6)?,
            performed_at: r.get(7)?,
            performed_by: r.get(8)?,
            performed_by_name: r.get(9)?,
            operator_name: r.get(10)?,
            operator_bin: r.get(11)?,
            backups: r.get(12)?,
        })
    })?;
    let mut acts = Vec::new();
    for act in rows {
        let mut act = act?;
        act.people = people.remove(&act.number).unwrap_or_default();
        acts.push(act);
    }
    Ok(DestructionLog {
        vault_id,
        written_at: journal::now_utc(),
        acts,
    })
}

fn cipher(key: &[u8; 32]) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*key))
}

/// The log as a sealed file.
pub(crate) fn seal(conn: &Connection, log: &DestructionLog) -> Result<Vec<u8>> {
    let key = key(conn)?;
    let json = Zeroizing::new(serde_json::to_vec(log).map_err(|e| Error::Internal(e.to_string()))?);
    let mut nonce = [0u8; 24];
    random_bytes(&mut nonce);
    let sealed = cipher(&key)
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &json,
                aad: log.vault_id.as_bytes(),
            },
        )
        .map_err(|_| Error::Internal("sealing the destruction log failed".into()))?;
    let mut out = Vec::with_capacity(HEADER_LEN + sealed.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(log.vault_id.as_bytes());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// The vault a log file belongs to, read from its header without opening it; `None` if the
/// file is not a destruction log.
pub fn vault_of(bytes: &[u8]) -> Option<Uuid> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return None;
    }
    Uuid::from_slice(&bytes[12..28]).ok()
}

/// Open a sealed log of the vault `vault_id`, with the key in `conn`. Refuses a file that is no
/// log, a log of another vault, one from a newer Derbes, and one that was edited or cut short.
pub(crate) fn open(conn: &Connection, vault_id: Uuid, bytes: &[u8]) -> Result<DestructionLog> {
    let Some(owner) = vault_of(bytes) else {
        return Err(Error::invalid("log", "log_not_a_log"));
    };
    let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap_or_default());
    if version > VERSION {
        return Err(Error::invalid("log", "log_newer"));
    }
    if owner != vault_id {
        return Err(Error::invalid("log", "log_foreign"));
    }
    let nonce: [u8; 24] = bytes[28..HEADER_LEN].try_into().unwrap_or_default();
    let key = key(conn)?;
    let json = Zeroizing::new(
        cipher(&key)
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &bytes[HEADER_LEN..],
                    aad: vault_id.as_bytes(),
                },
            )
            .map_err(|_| Error::invalid("log", "log_damaged"))?,
    );
    let log: DestructionLog =
        serde_json::from_slice(&json).map_err(|_| Error::invalid("log", "log_damaged"))?;
    if log.vault_id != vault_id {
        return Err(Error::invalid("log", "log_damaged"));
    }
    Ok(log)
}

/// Write the sealed log to `path` whole or not at all (a temporary file beside it, then a
/// rename over the older log).
pub(crate) fn write(path: &Path, sealed: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!("{LOG_EXTENSION}.tmp"));
    let written = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = f.set_permissions(fs::Permissions::from_mode(0o600));
        }
        f.write_all(sealed)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(())
}

/// Replay onto the vault in `conn` every act of `log` it does not have: the act is recorded with
/// its own number (or the next free one) and the people it names who are still here are
/// destroyed or anonymised as the act did — blocks and holds in this older copy do not stop it,
/// as the newer vault already decided. One transaction; journaled when anything was replayed.
pub(crate) fn replay(conn: &Connection, user: Uuid, log: &DestructionLog) -> Result<Replayed> {
    let tx = conn.unchecked_transaction()?;
    let mut done = Replayed::default();
    let mut acts: Vec<&LoggedAct> = log.acts.iter().collect();
    acts.sort_by_key(|a| a.number);
    for act in acts {
        let known: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM destruction_act WHERE id = ?1)",
            [act.id.to_string()],
            |r| r.get(0),
        )?;
        if known {
            continue;
        }
        let action = match act.action.as_str() {
            "anonymise" => EndAction::Anonymise,
            "destroy" => EndAction::Destroy,
            _ => return Err(Error::invalid("log", "log_damaged")),
        };
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS doomed (id TEXT PRIMARY KEY, number INTEGER);
             DELETE FROM temp.doomed;",
        )?;
        {
            let mut ins = tx.prepare(
                "INSERT OR IGNORE INTO temp.doomed (id, number)
                 SELECT id, number FROM subject WHERE id = ?1",
            )?;
            for id in &act.people {
                ins.execute([id.to_string()])?;
            }
        }
        let number: i64 = tx.query_row(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM destruction_act WHERE number = ?1)
                    THEN (SELECT coalesce(max(number), 0) + 1 FROM destruction_act) ELSE ?1 END",
            [act.number],
            |r| r.get(0),
        )?;
        if action == EndAction::Anonymise {
            end::keep_anonymous_records(&tx)?;
        }
        tx.execute(
            "INSERT INTO destruction_act (number, id, action, ground, reference, subjects, categories,
                 performed_at, performed_by, performed_by_name, operator_name, operator_bin, backups)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                number,
                act.id.to_string(),
                act.action,
                act.ground,
                act.reference,
                act.subjects,
                act.categories,
                act.performed_at,
                act.performed_by,
                act.performed_by_name,
                act.operator_name,
                act.operator_bin,
                act.backups,
            ],
        )
        .map_err(|_| Error::invalid("log", "log_damaged"))?;
        let people: i64 = tx.query_row("SELECT count(*) FROM temp.doomed", [], |r| r.get(0))?;
        end::erase_doomed(&tx, number, &act.performed_at)?;
        // Everyone the act named, here or not, so a later sync or restore knows them too.
        {
            let mut tomb = tx.prepare(
                "INSERT OR IGNORE INTO tombstone (subject_id, act, at) VALUES (?1, ?2, ?3)",
            )?;
            for id in &act.people {
                tomb.execute(params![id.to_string(), number, act.performed_at])?;
            }
        }
        done.acts += 1;
        done.people += usize::try_from(people).unwrap_or(0);
    }
    if done.acts > 0 {
        journal::append(
            &tx,
            Some(user),
            Action::DestructionsReplayed,
            Some(&log.vault_id.to_string()),
            json!({"acts": done.acts, "people": done.people}),
        )?;
    }
    tx.commit()?;
    if done.people > 0 {
        // As after any destruction: no page of the WAL keeps what was removed.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
    Ok(done)
}

impl Vault {
    /// This vault's destruction log, sealed.
    pub(crate) fn sealed_destruction_log(&self) -> Result<Vec<u8>> {
        let log = read(self.conn(), self.id())?;
        seal(self.conn(), &log)
    }

    /// Rewrite the log kept beside the vault ([`LOG_FILE`]). Called after every act; a failure
    /// is not the act's (it is committed) and the next act or backup writes the log again.
    pub fn write_destruction_log(&self) -> Result<()> {
        let sealed = self.sealed_destruction_log()?;
        write(&self.dir().join(LOG_FILE), &sealed)
    }

    /// Replay a sealed destruction log of this vault (see [`replay`]).
    pub fn replay_destruction_log(&self, bytes: &[u8]) -> Result<Replayed> {
        let log = open(self.conn(), self.id(), bytes)?;
        replay(self.conn(), self.user().id, &log)
    }
}
