//! The vault: a folder holding `vault.db` (SQLCipher 4) and `keyslots`.
//!
//! This area owns the encryption and its keys (Art. 22: the protection of personal data), the
//! hash-chained journal, the schema's migrations, the settings, auto-lock and the list of recent
//! vaults. It knows nothing of people: it opens, migrates, journals and locks, and it uses only
//! [`crate::error`] and [`crate::text`] (registered as an SQL function for search). What an
//! unlock does beyond opening the file lives in [`crate::unlocked`], above every area.
//!
//! [`Vault`] is the unlocked state: it owns the only connection to the database. Dropping it or
//! calling [`Vault::lock`] closes the connection, and with it SQLCipher's copy of the key; the
//! data key itself is never kept after the database is opened.

mod access;
pub mod clipboard;
pub mod idle;
pub mod journal;
pub mod keyslots;
pub mod location;
pub mod password;
pub mod recent;
pub mod rekey;
pub mod role;
pub mod schema;
pub mod secret;
pub mod settings;
pub mod shares;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::vault::keyslots::{sync_dir, KdfParams, Keyslots, SlotKind, KEYSLOTS_FILE};
pub use crate::vault::role::{Permission, Role};
use crate::vault::secret::{recovery_group_matches, DataKey, KeyFile, Password, RecoveryKey};
use journal::Action;

/// Name of the database file inside a vault folder.
pub const DB_FILE: &str = "vault.db";
/// Side file counting failed unlocks (a count and two times; no secrets, no personal data).
pub const FAILURES_FILE: &str = "unlock-failures.json";
/// Lock file held while a process has the vault open.
pub const LOCK_FILE: &str = "vault.lock";
/// The longest name of a user, in characters.
const USER_NAME_MAX: usize = 200;

/// A person who uses the vault.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct User {
    /// Stable id, recorded in the journal.
    pub id: Uuid,
    /// Display name.
    pub name: String,
    /// The responsible person or staff ([`role`]).
    pub role: Role,
    /// For staff: whether the responsible person allowed them to reveal masked fields.
    pub may_reveal: bool,
}

/// Exclusive hold on a vault folder, so two processes never write one vault at once.
#[derive(Debug)]
struct FolderLock(fs::File);

impl FolderLock {
    fn acquire(dir: &Path) -> Result<Self> {
        let f = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK_FILE))?;
        let _ = owner_only(&dir.join(LOCK_FILE));
        match f.try_lock() {
            Ok(()) => Ok(Self(f)),
            Err(fs::TryLockError::WouldBlock) => Err(Error::VaultInUse),
            Err(fs::TryLockError::Error(e)) => Err(e.into()),
        }
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Failures {
    count: u64,
    first: String,
    last: String,
}

/// Failed unlocks in a row that cost nothing more than the key derivation itself.
const FREE_FAILURES: u64 = 3;
/// The longest wait between tries: guessing slows down, the owner is never locked out for good.
const MAX_WAIT_SECONDS: u64 = 30;

impl Failures {
    fn read(dir: &Path) -> Option<Failures> {
        fs::read(dir.join(FAILURES_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
    }

    /// How long after the last failure the next try must wait: nothing for the first few, then
    /// 1 s, 2 s, 4 s … up to [`MAX_WAIT_SECONDS`].
    fn wait(&self) -> u64 {
        match self.count.checked_sub(FREE_FAILURES) {
            None => 0,
            Some(extra) => 1u64
                .checked_shl(extra.min(16) as u32)
                .unwrap_or(u64::MAX)
                .min(MAX_WAIT_SECONDS),
        }
    }

    /// Seconds still to wait before another try, if any.
    fn remaining(&self, now: OffsetDateTime) -> Option<u64> {
        let wait = self.wait();
        if wait == 0 {
            return None;
        }
        let last = OffsetDateTime::parse(&self.last, &Rfc3339).ok()?;
        // A last failure "in the future" (the clock was set back) counts as long past: a wrong
        // clock must never lock the owner out.
        let elapsed = u64::try_from((now - last).whole_seconds()).unwrap_or(u64::MAX);
        wait.checked_sub(elapsed).filter(|left| *left > 0)
    }
}

pub(crate) fn now_rfc3339() -> String {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::now_utc())
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// Count a failed unlock in the side file. Best effort: a read-only folder simply is not counted.
fn record_failure(dir: &Path) {
    let path = dir.join(FAILURES_FILE);
    let mut f = Failures::read(dir).unwrap_or_default();
    let now = now_rfc3339();
    if f.count == 0 {
        f.first = now.clone();
    }
    f.count += 1;
    f.last = now;
    if let Ok(bytes) = serde_json::to_vec(&f) {
        let tmp = dir.join(format!("{FAILURES_FILE}.tmp"));
        if fs::write(&tmp, bytes).is_ok() {
            let _ = fs::rename(&tmp, &path);
        }
    }
}

fn is_read_only(dir: &Path) -> bool {
    // The folder's own flag is honoured even for root, who could otherwise write anyway.
    fs::metadata(dir)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false)
}

/// What a folder holds, before anything is opened.
fn check_is_vault(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Err(Error::NotAVault);
    }
    let has_db = dir.join(DB_FILE).is_file();
    let has_slots = dir.join(KEYSLOTS_FILE).is_file();
    match (has_db, has_slots) {
        (false, false) => Err(Error::NotAVault),
        (true, false) => Err(Error::KeyslotsMissing),
        (false, true) => Err(Error::VaultDamaged),
        (true, true) => Ok(()),
    }
}

/// How [`open_db`] opens the file.
#[derive(Clone, Copy)]
pub(crate) enum Access {
    /// A new vault.
    Create,
    /// The vault's own connection.
    ReadWrite,
    /// A second connection that only reads ([`Vault::second_reader`]).
    ReadOnly,
}

/// Open `vault.db` with the data key and make sure it reads.
pub(crate) fn open_db(path: &Path, key: &DataKey, access: Access) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX
        | match access {
            Access::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
        };
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher would otherwise print its own diagnostics to stderr; errors reach people as
    // one sentence through `Error` instead.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    if !plain_for_benchmarks() {
        let stmt = zeroize::Zeroizing::new(format!(
            "PRAGMA key = \"{}\";",
            &*key.sqlcipher_pragma_value()
        ));
        conn.execute_batch(&stmt)?;
    }
    // The first read decrypts page 1: a wrong key or a damaged header fails here.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

/// Whether to leave the database unencrypted: only in a build with the `bench-plain` feature
/// (never the app or the CLI) and only when `DERBES_BENCH_PLAIN=1`, so the benchmarks can run
/// the same code on plain SQLite and measure what encryption costs.
fn plain_for_benchmarks() -> bool {
    cfg!(feature = "bench-plain")
        && std::env::var_os("DERBES_BENCH_PLAIN").is_some_and(|v| v == "1")
}

/// Below this size every page's HMAC is checked at unlock (a few tens of milliseconds).
const FULL_CHECK_AT_UNLOCK_BELOW: u64 = 16 * 1024 * 1024;

/// The checks made at every unlock, cheap at any size: page 1 decrypts (done by `open_db`), the
/// file is as long as its header says (catches truncation at a page boundary), and — for a small
/// vault — every page's HMAC. A larger vault's pages are still authenticated whenever they are
/// read; [`Vault::check_files`] checks them all on request.
fn check_at_unlock(conn: &Connection, path: &Path) -> Result<()> {
    let page_count: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    // SQLCipher answers `page_size` as `cipher_page_size`, in text.
    let page_size: i64 = conn
        .query_row("PRAGMA cipher_page_size", [], |r| r.get::<_, String>(0))?
        .trim()
        .parse()
        .map_err(|_| Error::VaultDamaged)?;
    let len = fs::metadata(path)?.len();
    let expected = page_count * page_size;
    // After a crash the newest pages may still be only in the WAL (SQLite reads them from
    // there and folds them in at the next checkpoint), so the file may be shorter — never longer,
    // and never cut inside a page.
    let wal_len = fs::metadata(path.with_extension("db-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    let len_ok = match i64::try_from(len) {
        Ok(l) if wal_len > 0 => l <= expected && l % page_size == 0,
        Ok(l) => l == expected,
        Err(_) => false,
    };
    if !len_ok {
        return Err(Error::VaultDamaged);
    }
    if len < FULL_CHECK_AT_UNLOCK_BELOW {
        check_pages(conn)?;
    }
    Ok(())
}

/// Every page's HMAC (SQLCipher), then the b-tree structure (SQLite).
pub(crate) fn check_pages(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    if stmt.query([])?.next()?.is_some() {
        return Err(Error::VaultDamaged);
    }
    let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if quick != "ok" {
        return Err(Error::VaultDamaged);
    }
    Ok(())
}

/// Settings every connection needs; see architecture.md for the reasons.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    // Search folds case, ё/е and Kazakh letters the same way in SQL as in Rust.
    conn.create_scalar_function(
        "derbes_fold",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| crate::text::fold(&s))),
    )?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -65536;
         PRAGMA foreign_keys = ON;",
    )?;
    Ok(())
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// How the vault is being opened.
enum Credential<'a> {
    /// A password, the name of the user whose slot to try (all password slots if none), and
    /// the user's key file if their slot needs one.
    Password(&'a Password, Option<&'a str>, Option<&'a KeyFile>),
    Recovery(&'a RecoveryKey),
}

/// What the areas above the vault bring up to date in the transaction that creates or unlocks
/// it (default inventory and retention rules, lapsed publications), given the user acting. The
/// vault calls it without knowing what it does; [`crate::unlocked`] supplies it.
pub(crate) type Upkeep = fn(&Connection, Uuid) -> Result<()>;

/// An unlocked vault.
#[derive(Debug)]
pub struct Vault {
    dir: PathBuf,
    conn: Connection,
    vault_id: Uuid,
    user: User,
    is_demo: bool,
    /// The data key, kept while unlocked so a report can read on a second connection
    /// ([`Vault::second_reader`]); SQLCipher holds it in memory for `conn` anyway. Wiped when
    /// the vault is locked or dropped. Boxed, so moving the vault leaves no copy behind.
    key: Box<DataKey>,
    _lock: FolderLock,
}

impl Vault {
    /// Create a new vault in `dir` (which must be empty or not exist) for its first user, the
    /// responsible person, and unlock it, running `upkeep` in the creating transaction. The
    /// public door is [`Vault::create`] in [`crate::unlocked`].
    pub(crate) fn create_with(
        dir: &Path,
        user_name: &str,
        password: &Password,
        repeated: &Password,
        params: KdfParams,
        upkeep: Upkeep,
    ) -> Result<(Vault, RecoveryKey)> {
        let user_name = user_name.trim();
        if user_name.is_empty() {
            return Err(Error::invalid("user_name", "user_name_empty"));
        }
        if user_name.chars().count() > USER_NAME_MAX {
            return Err(
                Error::invalid("user_name", "user_name_too_long").with("max", USER_NAME_MAX)
            );
        }
        password::check_new(password, repeated, &[user_name])?;
        Self::create_unchecked(dir, user_name, password, params, false, upkeep)
    }

    /// Create without the password-strength rule: only for the demo vault, whose password is
    /// random and never shown.
    pub(crate) fn create_unchecked(
        dir: &Path,
        user_name: &str,
        password: &Password,
        params: KdfParams,
        is_demo: bool,
        upkeep: Upkeep,
    ) -> Result<(Vault, RecoveryKey)> {
        prepare_new_folder(dir)?;
        let lock = FolderLock::acquire(dir)?;
        let result = Self::write_new(dir, user_name, password, params, is_demo, lock, upkeep);
        if result.is_err() {
            // Never leave half a vault behind.
            for f in [
                DB_FILE,
                "vault.db-wal",
                "vault.db-shm",
                KEYSLOTS_FILE,
                "keyslots.tmp",
                LOCK_FILE,
            ] {
                let _ = fs::remove_file(dir.join(f));
            }
        }
        result
    }

    fn write_new(
        dir: &Path,
        user_name: &str,
        password: &Password,
        params: KdfParams,
        is_demo: bool,
        lock: FolderLock,
        upkeep: Upkeep,
    ) -> Result<(Vault, RecoveryKey)> {
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let vault_id = Uuid::now_v7();
        let user = User {
            id: Uuid::now_v7(),
            name: user_name.to_string(),
            role: Role::Responsible,
            may_reveal: true,
        };
        let keyslots = Keyslots::create(
            vault_id,
            (user.id, &user.name),
            password.expose().as_bytes(),
            recovery.kdf_input(),
            &key,
            params,
        )?;

        let mut conn = open_db(&dir.join(DB_FILE), &key, Access::Create)?;
        owner_only(&dir.join(DB_FILE))?;
        configure(&conn)?;
        schema::migrate(&mut conn)?;
        let tx = conn.transaction()?;
        let now = now_rfc3339();
        tx.execute("INSERT INTO meta (key, value) VALUES ('vault_id', ?1), ('created_at', ?2), ('is_demo', ?3)", params![vault_id.to_string(), now, if is_demo { "1" } else { "0" }])?;
        tx.execute(
            "INSERT INTO user (id, name, role, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![user.id.to_string(), user.name, user.role.code(), now],
        )?;
        journal::append(
            &tx,
            Some(user.id),
            Action::VaultCreated,
            Some(&vault_id.to_string()),
            json!({"schema": schema::latest_version(), "demo": is_demo}),
        )?;
        upkeep(&tx, user.id)?;
        tx.commit()?;
        keyslots.write_atomic(dir)?;
        sync_dir(dir)?;
        Ok((
            Vault {
                dir: dir.to_path_buf(),
                conn,
                vault_id,
                user,
                is_demo,
                key: Box::new(key),
                _lock: lock,
            },
            recovery,
        ))
    }

    /// Unlock with a user's password, running `upkeep` in the unlocking transaction. With a
    /// user's name, only that user's slot is tried (one Argon2 run instead of one per user).
    pub(crate) fn unlock_with(
        dir: &Path,
        user: Option<&str>,
        password: &Password,
        key_file: Option<&KeyFile>,
        upkeep: Upkeep,
    ) -> Result<Vault> {
        if password.is_empty() {
            return Err(Error::PasswordEmpty);
        }
        let user = user.map(str::trim).filter(|u| !u.is_empty());
        Self::open(dir, Credential::Password(password, user, key_file), upkeep)
    }

    /// Unlock with the recovery key (acting as the responsible person), running `upkeep`.
    pub(crate) fn unlock_by_recovery_with(
        dir: &Path,
        key: &RecoveryKey,
        upkeep: Upkeep,
    ) -> Result<Vault> {
        Self::open(dir, Credential::Recovery(key), upkeep)
    }

    /// Unlock with the recovery key and give the responsible person a new password, in one
    /// step, running `upkeep`.
    pub(crate) fn recover_with(
        dir: &Path,
        key: &RecoveryKey,
        new_password: &Password,
        repeated: &Password,
        upkeep: Upkeep,
    ) -> Result<Vault> {
        // Check the new password first, so a weak one costs no KDF run and changes nothing.
        password::check_new(new_password, repeated, &[])?;
        let mut vault = Self::open(dir, Credential::Recovery(key), upkeep)?;
        vault.set_password_after_recovery(key, new_password, repeated)?;
        Ok(vault)
    }

    fn open(dir: &Path, cred: Credential<'_>, upkeep: Upkeep) -> Result<Vault> {
        check_is_vault(dir)?;
        if is_read_only(dir) {
            return Err(Error::ReadOnly);
        }
        let lock = FolderLock::acquire(dir)?;
        rekey::remove_leftovers(dir);
        // Many wrong tries in a row: the next waits a little, before any key derivation runs.
        if let Some(seconds) =
            Failures::read(dir).and_then(|f| f.remaining(OffsetDateTime::now_utc()))
        {
            return Err(Error::UnlockWait { seconds });
        }
        let mut keyslots = Keyslots::read(dir)?;
        let (secret, kind, named, key_file): (&[u8], _, _, _) = match &cred {
            Credential::Password(p, user, key_file) => {
                (p.expose().as_bytes(), SlotKind::Password, *user, *key_file)
            }
            Credential::Recovery(k) => (k.kdf_input(), SlotKind::Recovery, None, None),
        };
        let Some((mut opened, mut slot_index)) =
            keyslots.unlock_with_key_file(kind, named, secret, key_file)?
        else {
            record_failure(dir);
            return Err(match cred {
                Credential::Password(..) => Error::WrongPassword,
                Credential::Recovery(_) => Error::RecoveryKeyWrong,
            });
        };
        let mut key = DataKey::from_bytes(*opened.key.as_bytes());
        let mut conn = match open_db(&dir.join(DB_FILE), &key, Access::ReadWrite) {
            Ok(conn) => conn,
            // A re-key stopped between its two renames: the database is already under the new
            // key, whose slots wait in keyslots.rekey.
            Err(first) => {
                let Some(pending) = rekey::finish_interrupted(dir)? else {
                    return Err(first);
                };
                let Some((o, i)) = pending.unlock_with_key_file(kind, named, secret, key_file)?
                else {
                    return Err(first);
                };
                let conn = open_db(&dir.join(DB_FILE), &o.key, Access::ReadWrite)?;
                rekey::promote(dir)?;
                key = DataKey::from_bytes(*o.key.as_bytes());
                (opened, slot_index, keyslots) = (o, i, pending);
                conn
            }
        };
        let slot_user = keyslots.slots[slot_index].user_id;
        if !plain_for_benchmarks() {
            check_at_unlock(&conn, &dir.join(DB_FILE))?;
        }
        // Every vault has at least its first migration; an empty file is not a vault.
        if schema::current_version(&conn)? < 1 {
            return Err(Error::VaultDamaged);
        }
        schema::check_not_newer(&conn)?;
        configure(&conn)?;
        // A lock that met a full disk left committed pages in the WAL and older ones (perhaps of
        // destroyed people) in the file: fold them in now. If the disk is still full, the next
        // lock or destruction tries again.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        schema::migrate(&mut conn)?;

        let stored_id = meta(&conn, "vault_id")?.and_then(|s| Uuid::parse_str(&s).ok());
        if stored_id != Some(keyslots.vault_id) {
            return Err(Error::KeyslotsDamaged);
        }
        let is_demo = meta(&conn, "is_demo")?.as_deref() == Some("1");
        let user = match slot_user {
            Some(id) => load_user(&conn, id)?,
            None => responsible_person(&conn)?,
        };
        // The slot tag is one byte: another user's tag can equal the named one's (one vault in
        // 256), and then their password opens their own slot. Whoever was named must be who
        // opened, or it is a wrong password for the person named.
        if let (Some(name), Some(_)) = (named, slot_user) {
            if name.trim().to_lowercase() != user.name.trim().to_lowercase() {
                record_failure(dir);
                return Err(Error::WrongPassword);
            }
        }
        // A slot from before version 2 becomes one now, while its key-encryption key is at hand.
        // If the file cannot be written, the old slot still opens and this is tried next time.
        let slot_name = slot_user.map(|_| user.name.as_str());
        if keyslots.upgrade(slot_index, &opened, slot_name)? {
            let _ = keyslots.write_atomic(dir);
        }
        drop(opened);
        let mut vault = Vault {
            dir: dir.to_path_buf(),
            conn,
            vault_id: keyslots.vault_id,
            user,
            is_demo,
            key: Box::new(key),
            _lock: lock,
        };
        vault.absorb_failures_and_record_unlock(matches!(cred, Credential::Recovery(_)), upkeep)?;
        Ok(vault)
    }

    fn absorb_failures_and_record_unlock(
        &mut self,
        by_recovery: bool,
        upkeep: Upkeep,
    ) -> Result<()> {
        let path = self.dir.join(FAILURES_FILE);
        let failures = Failures::read(&self.dir);
        let uid = self.user.id;
        let tx = self.conn.transaction()?;
        upkeep(&tx, uid)?;
        if let Some(f) = &failures {
            journal::append(
                &tx,
                None,
                Action::VaultUnlockFailed,
                None,
                json!({"count": f.count, "first": f.first, "last": f.last}),
            )?;
        }
        let action = if by_recovery {
            Action::RecoveryKeyUsed
        } else {
            Action::VaultUnlocked
        };
        journal::append(
            &tx,
            Some(uid),
            action,
            Some(&self.vault_id.to_string()),
            json!({}),
        )?;
        tx.commit()?;
        if failures.is_some() {
            let _ = fs::remove_file(&path);
        }
        Ok(())
    }

    /// Change the current user's password. Rewrites that user's slot atomically; the database
    /// is not re-encrypted.
    pub fn change_password(
        &mut self,
        current: &Password,
        new_password: &Password,
        repeated: &Password,
    ) -> Result<()> {
        self.change_password_with_key_file(current, None, new_password, repeated)
    }

    /// [`Vault::change_password`] for a user whose slot needs a key file: the file is needed to
    /// open the old slot, and the new slot needs it too.
    pub fn change_password_with_key_file(
        &mut self,
        current: &Password,
        key_file: Option<&KeyFile>,
        new_password: &Password,
        repeated: &Password,
    ) -> Result<()> {
        password::check_new(new_password, repeated, &[&self.user.name])?;
        let (mut keyslots, opened, index) = self.open_own_slot(current, key_file)?;
        let slot = &keyslots.slots[index];
        let keep_file = if slot.key_file { key_file } else { None };
        let params = slot.kdf_params().max_with(KdfParams::default());
        let user = (self.user.id, self.user.name.as_str());
        keyslots.set_password_with_key_file(
            user,
            new_password.expose().as_bytes(),
            keep_file,
            &opened.key,
            params,
        )?;
        self.commit_keyslots(keyslots, Action::PasswordChanged, self.user.id)
    }

    /// Open the current user's own password slot (with their key file, if it needs one).
    fn open_own_slot(
        &self,
        current: &Password,
        key_file: Option<&KeyFile>,
    ) -> Result<(Keyslots, keyslots::Opened, usize)> {
        let keyslots = Keyslots::read(&self.dir)?;
        let (opened, index) = keyslots
            .unlock_with_key_file(
                SlotKind::Password,
                Some(&self.user.name),
                current.expose().as_bytes(),
                key_file,
            )?
            .ok_or(Error::WrongPassword)?;
        if keyslots.slots[index].user_id != Some(self.user.id) {
            return Err(Error::WrongPassword);
        }
        Ok((keyslots, opened, index))
    }

    /// Whether the current user's slot needs a key file.
    pub fn has_key_file(&self) -> Result<bool> {
        Ok(Keyslots::read(&self.dir)?
            .slots
            .iter()
            .any(|s| s.user_id == Some(self.user.id) && s.key_file))
    }

    /// Make a key file for the current user and write it to `out` (a USB stick; never replacing
    /// a file): from now on their slot opens only with the password and the file. With the
    /// user's current key file, if they have one, a new file replaces it. Journaled.
    pub fn set_key_file(
        &mut self,
        current: &Password,
        current_file: Option<&KeyFile>,
        out: &Path,
    ) -> Result<()> {
        let (mut keyslots, opened, index) = self.open_own_slot(current, current_file)?;
        let params = keyslots.slots[index]
            .kdf_params()
            .max_with(KdfParams::default());
        let file = KeyFile::generate();
        let text = file.render(&self.name(), &self.user.name);
        let user = (self.user.id, self.user.name.as_str());
        keyslots.set_password_with_key_file(
            user,
            current.expose().as_bytes(),
            Some(&file),
            &opened.key,
            params,
        )?;
        // The file first: a slot that needs a file nobody has would shut the user out.
        crate::documents::save(out, text.as_bytes(), crate::documents::IfExists::Refuse)?;
        if let Err(e) = self.commit_keyslots(keyslots, Action::KeyFileSet, self.user.id) {
            let _ = fs::remove_file(out);
            return Err(e);
        }
        Ok(())
    }

    /// Stop needing a key file: the slot opens with the password alone again. Journaled.
    pub fn remove_key_file(&mut self, current: &Password, current_file: &KeyFile) -> Result<()> {
        let (mut keyslots, opened, index) = self.open_own_slot(current, Some(current_file))?;
        if !keyslots.slots[index].key_file {
            return Ok(());
        }
        let params = keyslots.slots[index]
            .kdf_params()
            .max_with(KdfParams::default());
        let user = (self.user.id, self.user.name.as_str());
        keyslots.set_password(user, current.expose().as_bytes(), &opened.key, params)?;
        self.commit_keyslots(keyslots, Action::KeyFileRemoved, self.user.id)
    }

    /// After a recovery-key unlock: give the responsible person a new password.
    pub fn set_password_after_recovery(
        &mut self,
        key: &RecoveryKey,
        new_password: &Password,
        repeated: &Password,
    ) -> Result<()> {
        password::check_new(new_password, repeated, &[&self.user.name])?;
        let mut keyslots = Keyslots::read(&self.dir)?;
        let (opened, _) = keyslots
            .unlock(SlotKind::Recovery, None, key.kdf_input())?
            .ok_or(Error::RecoveryKeyWrong)?;
        keyslots.set_password(
            (self.user.id, self.user.name.as_str()),
            new_password.expose().as_bytes(),
            &opened.key,
            KdfParams::default(),
        )?;
        self.commit_keyslots(keyslots, Action::PasswordChanged, self.user.id)
    }

    /// Write the new keyslots file and journal it. The journal entry is committed only after the
    /// file is safely renamed into place.
    pub(crate) fn commit_keyslots(
        &mut self,
        keyslots: Keyslots,
        action: Action,
        object: Uuid,
    ) -> Result<()> {
        self.commit_keyslots_with(keyslots, action, object, json!({}))
    }

    /// [`Vault::commit_keyslots`] with details for the journal entry.
    pub(crate) fn commit_keyslots_with(
        &mut self,
        keyslots: Keyslots,
        action: Action,
        object: Uuid,
        details: serde_json::Value,
    ) -> Result<()> {
        keyslots.write_atomic(&self.dir)?;
        let tx = self.conn.transaction()?;
        journal::append(
            &tx,
            Some(self.user.id),
            action,
            Some(&object.to_string()),
            details,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Record that the user typed back the recovery key's last group; refuse a mismatch.
    pub fn confirm_recovery_key(
        &mut self,
        key: &RecoveryKey,
        typed_last_group: &str,
    ) -> Result<()> {
        if !recovery_group_matches(&key.last_group(), typed_last_group) {
            return Err(Error::RecoveryGroupMismatch);
        }
        self.record(Action::RecoveryKeyConfirmed, None, json!({}))
    }

    /// Lock: journal it, fold the WAL back into the database, close the connection (SQLCipher
    /// wipes its key), release the folder.
    pub fn lock(self, reason: &str) -> Result<()> {
        let reason = match reason {
            "idle" | "manual" | "exit" => reason,
            _ => "manual",
        };
        // Each step runs even if the one before failed: a full disk must not leave the vault
        // open. What was committed before is saved either way (it is in the WAL).
        let recorded = self.record(Action::VaultLocked, None, json!({"reason": reason}));
        let folded = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(Error::from);
        let closed = self.conn.close().map_err(|(_, e)| Error::from(e));
        match (recorded, folded, closed) {
            (Ok(()), Ok(()), Ok(())) => Ok(()),
            (r, f, c) => {
                let first = [r, f, c].into_iter().find_map(Result::err);
                Err(match first {
                    Some(Error::DiskFull) => Error::LockedOnFullDisk,
                    Some(e) => e,
                    None => Error::Internal("lock".into()),
                })
            }
        }
    }

    /// Append a journal entry for the current user in its own transaction.
    pub fn record(
        &self,
        action: Action,
        object: Option<&str>,
        details: serde_json::Value,
    ) -> Result<()> {
        let tx = self.conn.unchecked_transaction()?;
        journal::append(&tx, Some(self.user.id), action, object, details)?;
        tx.commit()?;
        Ok(())
    }

    /// The journal, newest first.
    pub fn journal(&self, limit: i64, offset: i64) -> Result<(i64, Vec<journal::Entry>)> {
        Ok((
            journal::count(&self.conn)?,
            journal::list(&self.conn, limit.clamp(1, 10_000), offset.max(0))?,
        ))
    }

    /// Check every page of the database (authentication and structure) — the full check that
    /// unlock skips for large vaults. Takes about a second per 100 MB.
    pub fn check_files(&self) -> Result<()> {
        check_pages(&self.conn)
    }

    /// Check the journal's hash chain.
    pub fn verify_journal(&self) -> Result<journal::Verification> {
        journal::verify(&self.conn)
    }

    /// The folder this vault lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The vault's id (also in `keyslots`).
    pub fn id(&self) -> Uuid {
        self.vault_id
    }

    /// The user who unlocked the vault.
    pub fn user(&self) -> &User {
        &self.user
    }

    /// Read the current user's role and allowance again, after they changed their own: a
    /// responsible person who makes themselves staff is staff from that moment, not from the
    /// next unlock.
    pub(crate) fn reload_user(&mut self) -> Result<()> {
        self.user = load_user(&self.conn, self.user.id)?;
        Ok(())
    }

    /// Whether this is a demo vault full of made-up people.
    pub fn is_demo(&self) -> bool {
        self.is_demo
    }

    /// A display name for the vault: its folder's name.
    pub fn name(&self) -> String {
        display_name(&self.dir)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The data key, for the users area to seal it to a new user's slot.
    pub(crate) fn data_key(&self) -> &DataKey {
        &self.key
    }

    /// A second connection to the vault that can only read (opened read-only, and
    /// `query_only`), for a scan on the other core while `conn` does another (reports read people
    /// and services at once). Its page cache is small: it scans once and is closed.
    pub(crate) fn second_reader(&self) -> Result<Connection> {
        #[cfg(test)]
        if tests::NO_SECOND_READER.with(|off| off.get()) {
            return Err(Error::Internal("no second reader in this test".into()));
        }
        let conn = open_db(&self.dir.join(DB_FILE), &self.key, Access::ReadOnly)?;
        conn.execute_batch(
            "PRAGMA query_only = ON;
             PRAGMA cache_size = -2048;
             PRAGMA temp_store = MEMORY;",
        )?;
        Ok(conn)
    }
}

/// A vault's display name: its folder's name.
pub fn display_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}

/// Whether `dir` looks like a vault (both files present). Reads nothing inside them.
pub fn looks_like_vault(dir: &Path) -> bool {
    check_is_vault(dir).is_ok()
}

fn prepare_new_folder(dir: &Path) -> Result<()> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Error::invalid("folder", "folder_is_file"));
        }
        if dir.join(DB_FILE).exists() || dir.join(KEYSLOTS_FILE).exists() {
            return Err(Error::VaultExists);
        }
        if fs::read_dir(dir)?.next().is_some() {
            return Err(Error::FolderNotEmpty);
        }
        if is_read_only(dir) {
            return Err(Error::ReadOnly);
        }
    } else {
        fs::create_dir_all(dir)?;
        owner_only(dir)?;
    }
    Ok(())
}

/// Other accounts on a shared laptop get no access to the vault's files, not even ciphertext.
/// SQLite gives `-wal` and `-shm` the database file's mode on Unix; on Windows they inherit the
/// folder's access list.
pub(crate) fn owner_only(path: &Path) -> Result<()> {
    Ok(access::owner_only(path)?)
}

/// The user a slot belongs to. A removed user's slot is gone before their row is marked, so
/// a slot of a removed user means the removal was cut short: it does not open the vault.
fn load_user(conn: &Connection, id: Uuid) -> Result<User> {
    let row: Option<(String, String, bool, Option<String>)> = conn
        .query_row(
            "SELECT name, role, may_reveal, removed_at FROM user WHERE id = ?1",
            [id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (name, role, may_reveal, removed_at) = row.ok_or(Error::KeyslotsDamaged)?;
    if removed_at.is_some() {
        return Err(Error::WrongPassword);
    }
    let role = Role::parse(&role).ok_or(Error::VaultDamaged)?;
    Ok(User {
        id,
        name,
        role,
        may_reveal: role == Role::Responsible || may_reveal,
    })
}

fn responsible_person(conn: &Connection) -> Result<User> {
    let id: String = conn
        .query_row(
            "SELECT id FROM user WHERE role = 'responsible' AND removed_at IS NULL \
             ORDER BY created_at LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::VaultDamaged)?;
    load_user(conn, Uuid::parse_str(&id).map_err(|_| Error::VaultDamaged)?)
}

impl KdfParams {
    /// Never weaken a slot when rewriting it: keep whichever cost is higher.
    fn max_with(self, other: KdfParams) -> KdfParams {
        KdfParams {
            memory_kib: self.memory_kib.max(other.memory_kib),
            iterations: self.iterations.max(other.iterations),
            parallelism: self.parallelism.max(other.parallelism),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod key_file_tests;

#[cfg(test)]
mod shares_tests;
