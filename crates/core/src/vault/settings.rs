//! Vault settings kept inside the encrypted database, each change journaled.

use rusqlite::{params, OptionalExtension};
use serde_json::json;

use crate::error::{Error, Result};
use crate::vault::journal::Action;
use crate::vault::role::Permission;
use crate::vault::Vault;

/// Minutes without input before the app locks itself, unless the user chose otherwise.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
/// The range the auto-lock setting accepts: locking must stay meaningful on a shared laptop.
pub const AUTO_LOCK_RANGE: std::ops::RangeInclusive<u32> = 1..=60;

const AUTO_LOCK_KEY: &str = "auto_lock_minutes";

/// Write one setting inside the caller's transaction.
pub(crate) fn put(conn: &rusqlite::Connection, key: &str, value: &str) -> Result<()> {
    conn.execute("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", params![key, value])?;
    Ok(())
}

impl Vault {
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Store a setting and journal that it changed. `journal_value` says whether the value itself
    /// may go into the journal (only for values that can never be personal data).
    pub(crate) fn set_setting(
        &self,
        key: &'static str,
        value: &str,
        journal_value: bool,
    ) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        put(&tx, key, value)?;
        let details = if journal_value {
            json!({"key": key, "value": value})
        } else {
            json!({"key": key})
        };
        crate::vault::journal::append(
            &tx,
            Some(self.user().id),
            Action::SettingsChanged,
            None,
            details,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Minutes of inactivity after which the app locks.
    pub fn auto_lock_minutes(&self) -> Result<u32> {
        Ok(self
            .setting(AUTO_LOCK_KEY)?
            .and_then(|v| v.parse().ok())
            .filter(|m| AUTO_LOCK_RANGE.contains(m))
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
    }

    /// Change the auto-lock delay (1 to 60 minutes).
    pub fn set_auto_lock_minutes(&self, minutes: u32) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        if !AUTO_LOCK_RANGE.contains(&minutes) {
            return Err(Error::invalid("auto_lock_minutes", "auto_lock_range")
                .with("min", *AUTO_LOCK_RANGE.start())
                .with("max", *AUTO_LOCK_RANGE.end()));
        }
        self.set_setting(AUTO_LOCK_KEY, &minutes.to_string(), true)
    }
}
