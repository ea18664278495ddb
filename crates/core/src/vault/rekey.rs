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
use crate::vault::keyslots::{sync_dir, KdfParams, Keyslots, SlotKind, KEYSLOTS_FILE};
use crate::vault::role::Permission;
use crate::vault::secret::{DataKey, RecoveryKey};
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
    /// A new recovery key, when the old one's slot could not follow (a vault made before
    /// keyslots version 2 whose recovery key was never used): shown once, like at creation.
    #[serde(skip)]
    pub new_recovery_key: Option<RecoveryKey>,
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

/// Remove what a re-key cut short before the database swap left behind.
pub(crate) fn remove_leftovers(dir: &Path) {
    if dir.join(REKEY_DB).exists() {
        let _ = fs::remove_file(dir.join(REKEY_DB));
        let _ = fs::remove_file(dir.join(REKEY_SLOTS));
        let _ = fs::remove_file(dir.join(format!("{REKEY_DB}-journal")));
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
    /// Re-encrypt the database under a new data key and reseal every slot to it (see the module
    /// documentation). The responsible person's; journaled.
    pub fn rekey(&mut self) -> Result<Rekeyed> {
        self.require(Permission::ManageUsers)?;
        let dir = self.dir.clone();
        remove_leftovers(&dir);
        let _ = fs::remove_file(dir.join(REKEY_SLOTS));

        let new_key = DataKey::generate();
        let mut keyslots = Keyslots::read(&dir)?;
        keyslots.reseal_data_key(&new_key)?;
        let new_recovery_key = if keyslots.slots.iter().any(|s| s.kind == SlotKind::Recovery) {
            None
        } else {
            let rk = RecoveryKey::generate();
            keyslots.add_recovery(rk.kdf_input(), &new_key, KdfParams::default())?;
            Some(rk)
        };
        let slots = keyslots.slots.len();

        // Journaled first, so the entry is in the copy that becomes the vault.
        let tx = self.conn.transaction()?;
        journal::append(
            &tx,
            Some(self.user.id),
            Action::VaultRekeyed,
            Some(&self.vault_id.to_string()),
            json!({"slots": slots, "new_recovery_key": new_recovery_key.is_some()}),
        )?;
        tx.commit()?;

        if let Err(e) = self.write_rekeyed(&dir, &new_key, &keyslots) {
            remove_leftovers(&dir);
            let _ = fs::remove_file(dir.join(REKEY_SLOTS));
            return Err(e);
        }
        stop_after(1)?;
        self.swap_in(&dir, new_key)?;
        Ok(Rekeyed {
            slots,
            new_recovery_key,
        })
    }

    /// Step 1: the database exported under the new key, the new slots beside it, both synced.
    fn write_rekeyed(&self, dir: &Path, new_key: &DataKey, keyslots: &Keyslots) -> Result<()> {
        let target = dir.join(REKEY_DB);
        let target_text = target.to_str().ok_or(Error::Internal("path".into()))?;
        let key = new_key.sqlcipher_pragma_value();
        // The vault's connection may not create files: the empty file is made here, owner-only
        // before a byte is written, and SQLite takes an empty file for a new database.
        fs::File::create(&target)?;
        crate::vault::owner_only(&target)?;
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
        sync_file(&target)?;
        keyslots.write_atomic_as(dir, REKEY_SLOTS)?;
        Ok(())
    }

    /// Step 2 and 3: close the old database (its WAL folded in and gone), rename the new one over
    /// it, then the new slots over the old ones, and open the new database.
    fn swap_in(&mut self, dir: &Path, new_key: DataKey) -> Result<()> {
        let db = dir.join(DB_FILE);
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let _ = old.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        if let Err((conn, e)) = old.close() {
            self.conn = conn;
            remove_leftovers(dir);
            let _ = fs::remove_file(dir.join(REKEY_SLOTS));
            return Err(e.into());
        }
        // The old database's WAL, if any were left, must never meet the new database.
        for side in ["db-wal", "db-shm"] {
            let _ = fs::remove_file(db.with_extension(side));
        }
        fs::rename(dir.join(REKEY_DB), &db)?;
        sync_dir(dir)?;
        stop_after(2)?;
        promote(dir)?;
        let conn = open_db(&db, &new_key, Access::ReadWrite)?;
        configure(&conn)?;
        self.conn = conn;
        *self.key = new_key;
        Ok(())
    }
}
