//! Numbered schema migrations, run on every unlock, each in its own transaction.
//!
//! Append new migrations at the end; never edit a released one. The schema version is SQLite's
//! `user_version`, which `rusqlite_migration` keeps.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

const MIGRATIONS: &[&str] = &[
    // 1: the vault itself — identity, users, settings, and the hash-chained journal.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE user (
        id         TEXT PRIMARY KEY,            -- UUIDv7, stable across synced vaults
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('responsible', 'staff')),
        created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE journal (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        user_id   TEXT,
        action    TEXT NOT NULL,
        object    TEXT,
        details   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
    ) STRICT;

    -- The journal is append-only from inside the application.
    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
    BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
    BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
    "#,
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The schema version stored in the database.
pub fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuse a database from a newer Derbes before anything is written to it.
pub fn check_not_newer(conn: &Connection) -> Result<()> {
    let found = current_version(conn)?;
    if found > latest_version() {
        return Err(Error::NewerVersion {
            found,
            known: latest_version(),
        });
    }
    Ok(())
}

/// Bring the schema up to date; each migration commits or rolls back as a whole.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    check_not_newer(conn)?;
    migrations().to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
        other => Error::Internal(format!("schema migration failed: {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn migrate_reaches_latest_and_is_idempotent() {
        let mut c = Connection::open_in_memory().unwrap();
        migrate(&mut c).unwrap();
        assert_eq!(current_version(&c).unwrap(), latest_version());
        migrate(&mut c).unwrap();
        assert_eq!(current_version(&c).unwrap(), latest_version());
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut c = Connection::open_in_memory().unwrap();
        c.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        assert!(matches!(migrate(&mut c), Err(Error::NewerVersion { .. })));
    }
}
