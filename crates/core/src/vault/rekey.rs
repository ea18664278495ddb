//! Re-keying: the whole database re-encrypted under a new data key, every remaining slot
//! resealed to it. After a user is removed, someone who kept a copy of the old `keyslots` file
//! and knows their password could still open a *copy* of the vault made later; re-keying
//! makes every later copy useless to them.
//!
//! The database is exported with `sqlcipher_export` into `vault.db.rekey` under the new key (a
//! consistent snapshot, written while the vault stays open) and the new slots go to
//! `keyslots.rekey`; then the new database is renamed over the old one, then the new slots over
//! the old ones. A crash before the first rename leaves the old pair, and the leftovers are
//! removed at the next unlock; a crash between the renames leaves the new database with the old
//! slots beside `keyslots.rekey`, which the next unlock finishes ([`finish_interrupted`]).

use std::fs;
use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;

use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::keyslots::{sync_dir, Keyslots, SlotKind, KEYSLOTS_FILE};
use crate::vault::role::Permission;
use crate::vault::secret::DataKey;
use crate::vault::{configure, open_db, schema, Access, Vault, DB_FILE};

/// The re-encrypted database, until it replaces `vault.db`.
pub const REKEY_DB: &str = "vault.db.rekey";
/// The resealed slots, until they replace `keyslots`.
pub const REKEY_SLOTS: &str = "keyslots.rekey";

/// What re-keying did.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rekeyed {
    /// How many slots now open the new key.
    pub slots: usize,
}

#[cfg(test)]
thread_local! {
    /// Tests stop a re-key after this step (1: files written, 2: database swapped), as a crash.
    pub(crate) static STOP_AFTER: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

fn stop_after(_step: u8) -> Result<()> {
    #[cfg(test)]
    if STOP_AFTER.with(|s| s.get()) == _step {
        return Err(Error::Internal(format!("stopped after step {_step}")));
    }
    Ok(())
}

/// Remove what a re-key cut short before the database swap left behind (after the swap,
/// `keyslots.rekey` alone is left, and [`finish_interrupted`] needs it).
pub(crate) fn remove_leftovers(dir: &Path) {
    if dir.join(REKEY_DB).exists() {
        abandon(dir);
    }
}

/// Drop what a re-key wrote, leaving the old pair.
fn abandon(dir: &Path) {
    for name in [REKEY_DB, REKEY_SLOTS, &format!("{REKEY_DB}-journal")] {
        let _ = fs::remove_file(dir.join(name));
    }
}

/// After a crash between the two renames, the database is under the new key and `keyslots`
/// still seals the old one: open with `keyslots.rekey` and put it in place. Returns the slots
/// that opened the database, or `None` if there is nothing to finish.
pub(crate) fn finish_interrupted(dir: &Path) -> Result<Option<Keyslots>> {
    if !dir.join(REKEY_SLOTS).exists() || dir.join(REKEY_DB).exists() {
        return Ok(None);
    }
    let bytes = fs::read(dir.join(REKEY_SLOTS))?;
    Ok(Some(Keyslots::parse(&bytes)?))
}

/// Put `keyslots.rekey` in place once it has opened the database.
pub(crate) fn promote(dir: &Path) -> Result<()> {
    fs::rename(dir.join(REKEY_SLOTS), dir.join(KEYSLOTS_FILE))?;
    Ok(sync_dir(dir)?)
}

fn sync_file(path: &Path) -> Result<()> {
    Ok(fs::OpenOptions::new().write(true).open(path)?.sync_all()?)
}

impl Vault {
    /// Whether [`Vault::rekey`] can run: the user may, and no way in would be shut out. Doors
    /// that remove a user and then re-key ask this before removing.
    pub fn check_rekey(&self) -> Result<()> {
        self.rekeyable_slots().map(|_| ())
    }

    /// The slots that will follow the new key. Only the current users' password slots and the
    /// recovery slot do: a slot naming no current user (a removal or an addition cut short, or
    /// one put there by hand) is left behind. A version-1 slot wraps the data key itself and
    /// cannot follow a new key without its password or recovery key; while one remains, the
    /// re-key is refused, as it would shut that way in for good (opening it once rewrites it).
    fn rekeyable_slots(&self) -> Result<Keyslots> {
        self.require(Permission::ManageUsers)?;
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM user WHERE removed_at IS NULL")?;
        let current: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut keyslots = Keyslots::read(&self.dir)?;
        keyslots.slots.retain(|s| {
            s.kind == SlotKind::Recovery
                || s.user_id.is_some_and(|u| current.contains(&u.to_string()))
        });
        let old = keyslots.slots.iter().filter(|s| s.is_direct()).count();
        if old > 0 {
            return Err(Error::RekeyOldSlots { count: old });
        }
        Ok(keyslots)
    }

    /// Re-encrypt the database under a new data key and reseal every slot to it (see the module
    /// documentation). The responsible person's; journaled.
    pub fn rekey(&mut self) -> Result<Rekeyed> {
        let mut keyslots = self.rekeyable_slots()?;
        let dir = self.dir.clone();
        abandon(&dir);
        let new_key = DataKey::generate();
        keyslots.reseal_data_key(&new_key)?;
        let slots = keyslots.slots.len();

        if let Err(e) = self.write_rekeyed(&dir, &new_key, &keyslots) {
            abandon(&dir);
            return Err(e);
        }
        stop_after(1)?;
        self.swap_in(&dir, new_key)?;
        // Journaled in the re-keyed database, once the re-key is done.
        let tx = self.conn.transaction()?;
        journal::append(
            &tx,
            Some(self.user.id),
            Action::VaultRekeyed,
            Some(&self.vault_id.to_string()),
            json!({"slots": slots}),
        )?;
        tx.commit()?;
        Ok(Rekeyed { slots })
    }

    /// Step 1: the database exported under the new key, the new slots beside it, both synced.
    fn write_rekeyed(&self, dir: &Path, new_key: &DataKey, keyslots: &Keyslots) -> Result<()> {
        self.export_copy(&dir.join(REKEY_DB), new_key)?;
        keyslots.write_atomic_as(dir, REKEY_SLOTS)?;
        Ok(())
    }

    /// A consistent copy of the database at `target` (a new file, owner-only, synced) under
    /// `key`, written with `sqlcipher_export` while the vault stays open.
    pub(crate) fn export_copy(&self, target: &Path, key: &DataKey) -> Result<()> {
        let target_text = target.to_str().ok_or(Error::Internal("path".into()))?;
        let key = key.sqlcipher_pragma_value();
        // The vault's connection may not create files: the empty file is made here, owner-only
        // before a byte is written, and SQLite takes an empty file for a new database.
        fs::File::create(target)?;
        crate::vault::owner_only(target)?;
        self.conn.execute(
            "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
            rusqlite::params![target_text, &*key],
        )?;
        let exported = (|| -> Result<()> {
            self.conn
                .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
            let version = schema::current_version(&self.conn)?;
            self.conn
                .execute_batch(&format!("PRAGMA rekeyed.user_version = {version};"))?;
            Ok(())
        })();
        let detached = self.conn.execute_batch("DETACH DATABASE rekeyed;");
        exported?;
        detached?;
        sync_file(target)
    }

    /// Step 2 and 3: close the old database (its WAL folded in and gone), rename the new one over
    /// it, then the new slots over the old ones, and open the new database.
    fn swap_in(&mut self, dir: &Path, new_key: DataKey) -> Result<()> {
        let db = dir.join(DB_FILE);
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let _ = old.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        if let Err((conn, e)) = old.close() {
            self.conn = conn;
            abandon(dir);
            return Err(e.into());
        }
        // The old database's WAL must never meet the new database; if it cannot be removed, or
        // the rename is refused (on Windows, a program holding vault.db open), the old pair stays
        // and the vault is opened again as it was.
        let mut swapped = Ok(());
        for side in ["db-wal", "db-shm"] {
            let path = db.with_extension(side);
            if path.exists() {
                if let Err(e) = fs::remove_file(&path) {
                    swapped = Err(e);
                }
            }
        }
        if swapped.is_ok() {
            swapped = fs::rename(dir.join(REKEY_DB), &db);
        }
        if let Err(e) = swapped {
            abandon(dir);
            self.reopen(&db)?;
            return Err(e.into());
        }
        sync_dir(dir)?;
        stop_after(2)?;
        *self.key = new_key;
        // From here the database is under the new key; were the next rename to fail, the next
        // unlock finishes it from keyslots.rekey.
        promote(dir)?;
        self.reopen(&db)
    }

    /// Open the vault's database again with the current key.
    fn reopen(&mut self, db: &Path) -> Result<()> {
        let conn = open_db(db, &self.key, Access::ReadWrite)?;
        configure(&conn)?;
        self.conn = conn;
        Ok(())
    }
}
