//! Backups (Art. 22: protection against loss; Art. 18: destruction reaches the copies too).
//!
//! A backup is one file ([`file`]) with the vault's keyslots and its encrypted database, made
//! while the vault is open; it opens with any user's password or the recovery key of that day.
//! [`verify`] checks every page and the journal without restoring; [`restore`] builds a vault in
//! a new folder, never over an existing one, and — before the restored vault is ever opened —
//! replays every later destruction it can find in the destruction logs at hand
//! ([`crate::lifecycle::log`]), so a restored backup never brings the destroyed back.
//!
//! The vault lists its backups (when, where, how big; no data), each act names the backups that
//! still hold its people, and [`Vault::backup_status`] says which to replace or delete, which are
//! older than the organisation keeps backups, and when the last one is too old.
//!
//! This area builds on the vault, the lifecycle (the log and its replay) and the documents
//! (saving a file whole or not at all).

pub mod file;

#[cfg(test)]
mod tests;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::documents::{save_undoably_with, IfExists};
use crate::error::{Error, Result};
use crate::lifecycle::log::{self, Replayed, LOG_EXTENSION};
use crate::vault::journal::{self, Action};
use crate::vault::keyslots::{sync_dir, SlotKind, KEYSLOTS_FILE};
use crate::vault::role::Permission;
use crate::vault::secret::{DataKey, KeyFile, Password, RecoveryKey};
use crate::vault::{check_pages, open_db, owner_only, Access, Vault, DB_FILE};

pub use file::{Header, EXTENSION};

/// Days after the last backup before the dashboard reminds, unless the organisation chose.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
/// The range the reminder accepts.
pub const REMINDER_RANGE: std::ops::RangeInclusive<u32> = 1..=90;
/// How long the organisation keeps a backup before it should be deleted, unless it chose.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;
/// The range the backup retention accepts.
pub const RETENTION_RANGE: std::ops::RangeInclusive<u32> = 7..=3650;
const REMINDER_KEY: &str = "backup_reminder_days";
const RETENTION_KEY: &str = "backup_retention_days";

/// How a backup is opened: a user's password (optionally naming the user), or the recovery key.
#[derive(Clone, Copy)]
pub enum Opener<'a> {
    /// A password, and whose slot to try (every password slot if `None`).
    Password {
        /// The user's name.
        user: Option<&'a str>,
        /// Their password.
        password: &'a Password,
        /// Their key file, if their slot needs one.
        key_file: Option<&'a KeyFile>,
    },
    /// The recovery key of the day the backup was made.
    Recovery(&'a RecoveryKey),
}

/// Options for [`Vault::backup`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupOptions {
    /// What to do if a file is already there (the system's save dialog asks first).
    pub if_exists: IfExists,
    /// Write into a folder a cloud service synchronises even so (the user was warned).
    pub allow_cloud: bool,
}

impl Default for BackupOptions {
    fn default() -> Self {
        BackupOptions {
            if_exists: IfExists::Refuse,
            allow_cloud: false,
        }
    }
}

/// A backup as the vault lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupRecord {
    /// Its id.
    pub id: String,
    /// When it was made.
    pub made_at: String,
    /// Who made it (name).
    pub made_by_name: String,
    /// Where it was written.
    pub place: String,
    /// Its size in bytes.
    pub size: i64,
    /// How many people it holds.
    pub people: i64,
    /// SHA-256 of the file.
    pub sha256: String,
    /// When it was deleted or replaced, if it was.
    pub gone_at: Option<String>,
    /// `deleted` or `replaced`.
    pub gone_how: Option<String>,
    /// The acts made since that name it: it still holds people who are gone from the vault.
    pub acts: Vec<i64>,
    /// The cloud service that synchronises its folder, if any.
    pub cloud: Option<&'static str>,
}

/// What the dashboard and Settings say about backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    /// The newest backup still kept.
    pub last: Option<BackupRecord>,
    /// Days after which a reminder is shown.
    pub reminder_days: u32,
    /// Days a backup is kept.
    pub retention_days: u32,
    /// The reminder's accepted range, in days (for the settings form's hint).
    pub reminder_range: (u32, u32),
    /// The retention's accepted range, in days.
    pub retention_range: (u32, u32),
    /// Whether to remind: no backup yet, or the last is older than `reminder_days`.
    pub overdue: bool,
    /// Kept backups that still hold destroyed or anonymised people: replace or delete them.
    pub holding_ended: Vec<BackupRecord>,
    /// Kept backups older than `retention_days`: delete them.
    pub expired: Vec<BackupRecord>,
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verified {
    /// The backup's own header.
    pub header: Header,
    /// Journal entries checked.
    pub journal_entries: i64,
    /// Pages checked.
    pub pages: i64,
}

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The new vault's folder.
    pub dir: PathBuf,
    /// The backup's header.
    pub header: Header,
    /// How many destruction logs were read.
    pub logs: usize,
    /// What was replayed from them.
    pub replayed: Replayed,
    /// People in the restored vault.
    pub people: i64,
}

/// A cloud service that synchronises the folder of a path, if any: a backup there would be a
/// copy abroad (Art. 12(2), 16).
pub use crate::vault::location::cloud_service;

/// A temporary folder, owner-only, removed with everything in it when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(parent: &Path, prefix: &str) -> Result<Scratch> {
        let dir = parent.join(format!("{prefix}{}", Uuid::new_v4()));
        fs::create_dir(&dir)?;
        owner_only(&dir)?;
        Ok(Scratch(dir))
    }

    /// Keep the folder: it was renamed into place.
    fn keep(mut self) {
        self.0 = PathBuf::new();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !self.0.as_os_str().is_empty() {
            let _ = fs::remove_dir_all(&self.0);
        }
    }
}

fn open_slot(checked: &file::Checked, opener: Opener<'_>) -> Result<DataKey> {
    let (kind, user, secret): (_, _, &[u8]) = match opener {
        Opener::Password { user, password, .. } => {
            if password.is_empty() {
                return Err(Error::PasswordEmpty);
            }
            let user = user.map(str::trim).filter(|u| !u.is_empty());
            (SlotKind::Password, user, password.expose().as_bytes())
        }
        Opener::Recovery(key) => (SlotKind::Recovery, None, key.kdf_input()),
    };
    let key_file = match opener {
        Opener::Password { key_file, .. } => key_file,
        Opener::Recovery(_) => None,
    };
    match checked
        .keyslots
        .unlock_with_key_file(kind, user, secret, key_file)?
    {
        Some((opened, _)) => Ok(DataKey::from_bytes(*opened.key.as_bytes())),
        None => Err(match opener {
            Opener::Password { .. } => Error::WrongPassword,
            Opener::Recovery(_) => Error::RecoveryKeyWrong,
        }),
    }
}

/// Check a backup without restoring it: the file is whole, the password opens it, every page of
/// the database authenticates and the structure is sound, it is the vault its header names, and
/// the journal's chain is intact. The database is copied (still encrypted) to a temporary
/// folder for the check and removed after it.
pub fn verify(path: &Path, opener: Opener<'_>) -> Result<Verified> {
    let checked = file::check(path)?;
    let key = open_slot(&checked, opener)?;
    let scratch = Scratch::new(&std::env::temp_dir(), "derbes-verify-")?;
    let db = scratch.0.join(DB_FILE);
    file::extract_database(path, &checked, &db, false)?;
    let conn = open_db(&db, &key, Access::ReadOnly).map_err(|_| damaged())?;
    check_pages(&conn).map_err(|_| damaged())?;
    let stored: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(|_| damaged())?;
    if stored != Some(checked.header.vault_id.to_string()) {
        return Err(damaged());
    }
    let verification = journal::verify(&conn)?;
    if let Some(problem) = verification.problem {
        return Err(problem.error());
    }
    let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    drop(conn);
    Ok(Verified {
        header: checked.header,
        journal_entries: verification.entries,
        pages,
    })
}

fn damaged() -> Error {
    Error::invalid("backup", "backup_damaged")
}

/// The destruction logs to replay: those given (a log file, or a folder — a vault's or a backup
/// stick's — whose logs are read), and every log beside the backup file itself. A log given by
/// name must be this vault's; one found beside the backup is skipped if it is another's.
fn gather_logs(backup: &Path, given: &[PathBuf], vault_id: Uuid) -> Result<Vec<Vec<u8>>> {
    fn logs_in(dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file() && p.extension().and_then(|e| e.to_str()) == Some(LOG_EXTENSION)
            })
            .collect();
        found.sort();
        found
    }
    let mut out = Vec::new();
    for path in given {
        if path.is_dir() {
            for found in logs_in(path) {
                let bytes = fs::read(&found)?;
                if log::vault_of(&bytes) == Some(vault_id) {
                    out.push(bytes);
                }
            }
            continue;
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::invalid("log", "log_not_found"))
            }
            Err(e) => return Err(e.into()),
        };
        match log::vault_of(&bytes) {
            None => return Err(Error::invalid("log", "log_not_a_log")),
            Some(id) if id != vault_id => return Err(Error::invalid("log", "log_foreign")),
            Some(_) => out.push(bytes),
        }
    }
    let beside = backup
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    for found in logs_in(beside) {
        if let Ok(bytes) = fs::read(&found) {
            if log::vault_of(&bytes) == Some(vault_id) {
                out.push(bytes);
            }
        }
    }
    Ok(out)
}

/// Refuse a restore target that is a file, a vault, or a folder with anything in it.
fn check_target(to: &Path) -> Result<()> {
    if !to.exists() {
        return Ok(());
    }
    if !to.is_dir() {
        return Err(Error::invalid("folder", "folder_is_file"));
    }
    if crate::vault::looks_like_vault(to)
        || to.join(DB_FILE).exists()
        || to.join(KEYSLOTS_FILE).exists()
    {
        return Err(Error::VaultExists);
    }
    if fs::read_dir(to)?.next().is_some() {
        return Err(Error::FolderNotEmpty);
    }
    Ok(())
}

/// Restore a backup into `to`, a new or empty folder; an existing vault is never touched.
///
/// The vault is built in a hidden folder beside `to`, opened there with `opener` (which brings
/// an older schema up to date), every later destruction found in the logs is replayed onto it
/// (`logs`, and every log beside the backup), the restore is journaled, and only then is the
/// folder renamed to `to`. Anything that fails leaves `to` as it was and removes the rest.
pub fn restore(backup: &Path, to: &Path, opener: Opener<'_>, logs: &[PathBuf]) -> Result<Restored> {
    check_target(to)?;
    let checked = file::check(backup)?;
    let parent = to
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::invalid("folder", "restore_parent_missing"));
    }
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vault".into());
    let logs = gather_logs(backup, logs, checked.header.vault_id)?;
    sweep_interrupted(parent, &name);
    let staging = Scratch::new(parent, &format!(".{name}.restoring-"))?;
    file::extract_database(backup, &checked, &staging.0.join(DB_FILE), true)?;
    {
        let path = staging.0.join(KEYSLOTS_FILE);
        fs::write(&path, &checked.keyslots_bytes)?;
        owner_only(&path)?;
        // Opened for writing: Windows refuses to flush a file opened only to read.
        fs::OpenOptions::new().write(true).open(&path)?.sync_all()?;
    }
    let vault = match opener {
        Opener::Password {
            user,
            password,
            key_file,
        } => Vault::unlock_with_key_file(&staging.0, user, password, key_file),
        Opener::Recovery(key) => Vault::unlock_with_recovery_key(&staging.0, key),
    }
    .map_err(|e| match e {
        Error::VaultDamaged | Error::KeyslotsDamaged => damaged(),
        other => other,
    })?;
    let mut replayed = Replayed::default();
    for bytes in &logs {
        let r = vault.replay_destruction_log(bytes)?;
        replayed.acts += r.acts;
        replayed.people += r.people;
    }
    let people: i64 = vault
        .conn()
        .query_row("SELECT count(*) FROM subject", [], |r| r.get(0))?;
    vault.record(
        Action::VaultRestored,
        Some(&checked.header.vault_id.to_string()),
        json!({
            "madeAt": checked.header.made_at,
            "logs": logs.len(),
            "acts": replayed.acts,
            "people": replayed.people,
        }),
    )?;
    // The restored copy keeps its own log, now with the replayed acts.
    vault.write_destruction_log()?;
    vault.lock("exit")?;
    for leftover in ["vault.lock", crate::vault::FAILURES_FILE] {
        let _ = fs::remove_file(staging.0.join(leftover));
    }
    if to.exists() {
        fs::remove_dir(to)?;
    }
    fs::rename(&staging.0, to)?;
    staging.keep();
    sync_dir(parent)?;
    Ok(Restored {
        dir: to.to_path_buf(),
        header: checked.header,
        logs: logs.len(),
        replayed,
        people,
    })
}

/// Remove what a restore into `name` that was cut short (the process killed) left beside it: a
/// hidden folder of encrypted files, untouched for an hour, so a restore in progress in another
/// window is never disturbed.
fn sweep_interrupted(parent: &Path, name: &str) {
    let prefix = format!(".{name}.restoring-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let ours = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .is_some_and(|id| Uuid::try_parse(id).is_ok());
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_dir())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if ours && stale {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// The name to suggest for a new backup of the vault named `vault_name`, made today.
pub fn suggested_name(vault_name: &str) -> String {
    let today = OffsetDateTime::now_utc().date();
    let clean: String = vault_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{clean}-{today}.{EXTENSION}")
}

fn days_since(at: &str, now: OffsetDateTime) -> i64 {
    OffsetDateTime::parse(at, &Rfc3339)
        .map(|t| (now - t).whole_days())
        .unwrap_or(0)
}

impl Vault {
    /// Write a backup of the vault to `out`: a consistent snapshot of the encrypted database
    /// with its keyslots, whole or not at all, never replacing a file unless told to; the
    /// destruction log is written beside it. Listed in the vault and journaled. The
    /// responsible person's.
    pub fn backup(&self, out: &Path, options: BackupOptions) -> Result<BackupRecord> {
        self.require(Permission::BackUp)?;
        // The demo vault is deleted when it locks, and so would be a vault restored from it.
        if self.is_demo() {
            return Err(Error::invalid("path", "backup_demo"));
        }
        if !options.allow_cloud {
            if let Some(service) = cloud_service(out) {
                return Err(Error::invalid("path", "backup_cloud_folder").with("service", service));
            }
        }
        if out.extension().and_then(|e| e.to_str()) != Some(EXTENSION) {
            return Err(Error::invalid("path", "backup_extension").with("extension", EXTENSION));
        }
        crate::documents::check_target(out, options.if_exists)?;
        let keyslots = fs::read(self.dir().join(KEYSLOTS_FILE))?;
        let people: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM subject", [], |r| r.get(0))?;
        let schema = crate::vault::schema::current_version(self.conn())?;
        let made_at = journal::now_utc();
        let snapshot = self.snapshot()?;
        let header = Header {
            vault_id: self.id(),
            made_at: made_at.clone(),
            schema,
            people,
            keyslots_len: keyslots.len() as u64,
            database_len: snapshot.len,
            derbes: env!("CARGO_PKG_VERSION").into(),
        };
        let mut written = None;
        let saved = save_undoably_with(out, options.if_exists, |f| {
            owner_only_file(f)?;
            let mut db = fs::File::open(&snapshot.path)?;
            written = Some(file::write(f, &header, &keyslots, &mut db)?);
            Ok(())
        });
        drop(snapshot);
        let saved = saved?;
        let (sha256, size) = written.ok_or(Error::Internal("backup not written".into()))?;
        let id = Uuid::now_v7();
        let place = out.to_string_lossy().into_owned();
        let log_path = out.with_extension(LOG_EXTENSION);
        let recorded = (|| -> Result<()> {
            log::write(&log_path, &self.sealed_destruction_log()?)?;
            let tx = self.conn().unchecked_transaction()?;
            tx.execute(
                "UPDATE backup SET gone_at = ?1, gone_how = 'replaced'
                 WHERE place = ?2 AND gone_at IS NULL",
                params![made_at, place],
            )?;
            tx.execute(
                "INSERT INTO backup (id, made_at, made_by, place, size, sha256, people)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id.to_string(),
                    made_at,
                    self.user().id.to_string(),
                    place,
                    size as i64,
                    sha256,
                    people
                ],
            )?;
            journal::append(
                &tx,
                Some(self.user().id),
                Action::BackupMade,
                Some(&id.to_string()),
                json!({"size": size, "people": people, "sha256": sha256}),
            )?;
            tx.commit()?;
            Ok(())
        })();
        match recorded {
            Ok(()) => saved.keep(),
            Err(e) => {
                saved.undo();
                return Err(e);
            }
        }
        self.backup_record(&id.to_string())
    }

    /// A consistent copy of the encrypted database to read a backup from: the file itself once
    /// the write-ahead log is folded in (nothing else writes while `self` is borrowed), or, if
    /// a reader keeps the log from being folded, an export under the same key.
    fn snapshot(&self) -> Result<Snapshot> {
        let db = self.dir().join(DB_FILE);
        let (busy, log, done): (i64, i64, i64) =
            self.conn()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        let wal_empty = fs::metadata(db.with_extension("db-wal")).map_or(true, |m| m.len() == 0);
        if busy == 0 && log == done && wal_empty {
            let len = fs::metadata(&db)?.len();
            return Ok(Snapshot {
                path: db,
                len,
                temporary: false,
            });
        }
        let path = self.dir().join("vault.db.backup");
        let _ = fs::remove_file(&path);
        self.export_copy(&path, self.data_key())?;
        let len = fs::metadata(&path)?.len();
        Ok(Snapshot {
            path,
            len,
            temporary: true,
        })
    }

    fn backup_record(&self, id: &str) -> Result<BackupRecord> {
        self.backup_records(Some(id))?
            .into_iter()
            .next()
            .ok_or(Error::invalid("backup", "backup_unknown"))
    }

    fn backup_records(&self, only: Option<&str>) -> Result<Vec<BackupRecord>> {
        let mut stmt = self.conn().prepare(
            "SELECT b.id, b.made_at, coalesce(u.name, ''), b.place, b.size, b.people, b.sha256,
                    b.gone_at, b.gone_how,
                    (SELECT json_group_array(a.number) FROM destruction_act a, json_each(a.backups) j
                     WHERE j.value = b.id)
             FROM backup b LEFT JOIN user u ON u.id = b.made_by
             WHERE ?1 IS NULL OR b.id = ?1
             ORDER BY b.made_at DESC, b.id DESC",
        )?;
        let rows = stmt.query_map([only], |r| {
            let place: String = r.get(3)?;
            Ok(BackupRecord {
                id: r.get(0)?,
                made_at: r.get(1)?,
                made_by_name: r.get(2)?,
                cloud: cloud_service(Path::new(&place)),
                place,
                size: r.get(4)?,
                people: r.get(5)?,
                sha256: r.get(6)?,
                gone_at: r.get(7)?,
                gone_how: r.get(8)?,
                acts: serde_json::from_str(&r.get::<_, String>(9)?).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Every backup the vault made, newest first, kept or gone.
    pub fn backups(&self) -> Result<Vec<BackupRecord>> {
        self.backup_records(None)
    }

    /// The reminder, the last backup, and the backups to replace or delete.
    pub fn backup_status(&self) -> Result<BackupStatus> {
        let reminder_days = self.backup_reminder_days()?;
        let retention_days = self.backup_retention_days()?;
        let now = OffsetDateTime::now_utc();
        let kept: Vec<BackupRecord> = self
            .backups()?
            .into_iter()
            .filter(|b| b.gone_at.is_none())
            .collect();
        let last = kept.first().cloned();
        let overdue = !self.is_demo()
            && last
                .as_ref()
                .is_none_or(|b| days_since(&b.made_at, now) >= i64::from(reminder_days));
        Ok(BackupStatus {
            overdue,
            holding_ended: kept
                .iter()
                .filter(|b| !b.acts.is_empty())
                .cloned()
                .collect(),
            expired: kept
                .iter()
                .filter(|b| days_since(&b.made_at, now) > i64::from(retention_days))
                .cloned()
                .collect(),
            last,
            reminder_days,
            retention_days,
            reminder_range: (*REMINDER_RANGE.start(), *REMINDER_RANGE.end()),
            retention_range: (*RETENTION_RANGE.start(), *RETENTION_RANGE.end()),
        })
    }

    /// Say a backup is gone: deleted here (`delete_file`, when the file is reachable) or by the
    /// user elsewhere. It is then no longer asked for. Journaled.
    pub fn forget_backup(&self, id: &str, delete_file: bool) -> Result<BackupRecord> {
        self.require(Permission::BackUp)?;
        let record = self.backup_record(id)?;
        if record.gone_at.is_some() {
            return Ok(record);
        }
        if delete_file {
            let path = Path::new(&record.place);
            match fs::remove_file(path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
            let _ = fs::remove_file(path.with_extension(LOG_EXTENSION));
        }
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE backup SET gone_at = ?1, gone_how = 'deleted' WHERE id = ?2",
            params![journal::now_utc(), id],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::BackupGone,
            Some(id),
            json!({"how": "deleted", "fileDeleted": delete_file}),
        )?;
        tx.commit()?;
        self.backup_record(id)
    }

    /// Days after the last backup before the dashboard reminds.
    pub fn backup_reminder_days(&self) -> Result<u32> {
        Ok(self
            .setting(REMINDER_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|d| REMINDER_RANGE.contains(d))
            .unwrap_or(DEFAULT_REMINDER_DAYS))
    }

    /// Days a backup is kept before it should be deleted.
    pub fn backup_retention_days(&self) -> Result<u32> {
        Ok(self
            .setting(RETENTION_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|d| RETENTION_RANGE.contains(d))
            .unwrap_or(DEFAULT_RETENTION_DAYS))
    }

    /// Change the reminder (1–90 days) and how long backups are kept (7–3650 days).
    pub fn set_backup_settings(&self, reminder_days: u32, retention_days: u32) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        if !REMINDER_RANGE.contains(&reminder_days) {
            return Err(
                Error::invalid("backup_reminder_days", "backup_reminder_range")
                    .with("min", *REMINDER_RANGE.start())
                    .with("max", *REMINDER_RANGE.end()),
            );
        }
        if !RETENTION_RANGE.contains(&retention_days) {
            return Err(
                Error::invalid("backup_retention_days", "backup_retention_range")
                    .with("min", *RETENTION_RANGE.start())
                    .with("max", *RETENTION_RANGE.end()),
            );
        }
        self.set_setting(REMINDER_KEY, &reminder_days.to_string(), true)?;
        self.set_setting(RETENTION_KEY, &retention_days.to_string(), true)
    }
}

/// Only the user who made it may read a backup on a shared computer (on a FAT-formatted USB
/// stick there are no owners, and the file's encryption is what protects it).
fn owner_only_file(f: &fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match f.set_permissions(fs::Permissions::from_mode(0o600)) {
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = f;
        Ok(())
    }
}

/// The database file a backup is read from; a temporary export is removed when dropped.
struct Snapshot {
    path: PathBuf,
    len: u64,
    temporary: bool,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        if self.temporary {
            let _ = fs::remove_file(&self.path);
        }
    }
}
