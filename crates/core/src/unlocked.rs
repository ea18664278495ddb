//! The doors into a vault: create, unlock and recover, each bringing the areas above the vault
//! up to date in the same transaction (the default data inventory, the default retention rules,
//! and — at unlock — restricting anyone whose consent to publication has lapsed since).
//!
//! It sits above every area so that [`crate::vault`] imports none of them: the vault runs the
//! upkeep it is handed without knowing what it does.

use std::path::Path;

use rusqlite::Connection;
use uuid::Uuid;

use crate::error::Result;
use crate::lifecycle::{consent, retention};
use crate::register::inventory;
use crate::vault::keyslots::KdfParams;
use crate::vault::secret::{KeyFile, Password, RecoveryKey};
use crate::vault::Vault;

/// What a new vault needs before its first use.
fn on_create(conn: &Connection, user: Uuid) -> Result<()> {
    inventory::ensure_default(conn, user)?;
    crate::lifecycle::log::ensure_key(conn)?;
    crate::calendar::store::ensure_shipped(conn)?;
    retention::ensure_defaults(conn)
}

/// What every unlock brings up to date: defaults added by a newer Derbes, and publications whose
/// consent lapsed while the vault was locked (Art. 7(6): public needs a consent in force).
fn on_unlock(conn: &Connection, user: Uuid) -> Result<()> {
    on_create(conn, user)?;
    consent::restrict_lapsed_publications(conn, user)
}

impl Vault {
    /// Create a new vault in `dir` (which must be empty or not exist) for its first user, the
    /// responsible person, and unlock it. Returns the recovery key, which is shown once and never
    /// stored in clear.
    pub fn create(
        dir: &Path,
        user_name: &str,
        password: &Password,
        repeated: &Password,
        params: KdfParams,
    ) -> Result<(Vault, RecoveryKey)> {
        Vault::create_with(dir, user_name, password, repeated, params, on_create)
    }

    /// Create without the password-strength rule: only for the demo vault, whose password is
    /// random and never shown.
    pub(crate) fn create_demo(
        dir: &Path,
        password: &Password,
        params: KdfParams,
    ) -> Result<(Vault, RecoveryKey)> {
        Vault::create_unchecked(dir, "Demo", password, params, true, on_create)
    }

    /// Unlock with a user's password, trying every user's slot.
    pub fn unlock(dir: &Path, password: &Password) -> Result<Vault> {
        Vault::unlock_with(dir, None, password, None, on_unlock)
    }

    /// Unlock as the user named `user` (their slot alone is tried: one Argon2 run), or as
    /// whoever the password belongs to when `user` is `None`.
    pub fn unlock_as(dir: &Path, user: Option<&str>, password: &Password) -> Result<Vault> {
        Vault::unlock_with(dir, user, password, None, on_unlock)
    }

    /// [`Vault::unlock_as`] with the user's key file, for a slot that needs one (a key file
    /// given for a slot that needs none is not used).
    pub fn unlock_with_key_file(
        dir: &Path,
        user: Option<&str>,
        password: &Password,
        key_file: Option<&KeyFile>,
    ) -> Result<Vault> {
        Vault::unlock_with(dir, user, password, key_file, on_unlock)
    }

    /// Unlock with the recovery key (acting as the responsible person). Usually followed by
    /// [`Vault::set_password_after_recovery`].
    pub fn unlock_with_recovery_key(dir: &Path, key: &RecoveryKey) -> Result<Vault> {
        Vault::unlock_by_recovery_with(dir, key, on_unlock)
    }

    /// Unlock with shares of a split recovery key (acting as the responsible person): any
    /// `threshold` of them, as people typed them.
    pub fn unlock_with_shares(dir: &Path, shares: &[String]) -> Result<Vault> {
        let key = crate::vault::shares::combine(crate::vault::shares::vault_id_of(dir)?, shares)?;
        Vault::unlock_with_recovery_key(dir, &key)
    }

    /// Recover with shares of a split recovery key: unlock and give the responsible person a
    /// new password, in one step.
    pub fn recover_with_shares(
        dir: &Path,
        shares: &[String],
        new_password: &Password,
        repeated: &Password,
    ) -> Result<Vault> {
        let key = crate::vault::shares::combine(crate::vault::shares::vault_id_of(dir)?, shares)?;
        Vault::recover(dir, &key, new_password, repeated)
    }

    /// Recover a vault whose password is forgotten: unlock with the recovery key and give the
    /// responsible person a new password, in one step.
    pub fn recover(
        dir: &Path,
        key: &RecoveryKey,
        new_password: &Password,
        repeated: &Password,
    ) -> Result<Vault> {
        Vault::recover_with(dir, key, new_password, repeated, on_unlock)
    }
}

#[cfg(test)]
#[path = "unlocked_tests.rs"]
mod tests;
