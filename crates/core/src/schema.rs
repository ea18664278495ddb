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
    // 2: the register — the approved data inventory, people, their services, the search index.
    r#"
    CREATE TABLE inventory_version (
        version     INTEGER PRIMARY KEY,
        approved_at TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        document    TEXT NOT NULL               -- the whole inventory as JSON; never edited
    ) STRICT;

    CREATE TABLE subject (
        number         INTEGER PRIMARY KEY,     -- the internal number people and acts refer to
        id             TEXT NOT NULL UNIQUE,    -- UUIDv7, stable across synced vaults
        kind           TEXT NOT NULL CHECK (kind IN ('beneficiary', 'employee', 'volunteer')),
        access         TEXT NOT NULL DEFAULT 'restricted' CHECK (access IN ('restricted', 'public')),
        status         TEXT NOT NULL DEFAULT 'active',
        surname        TEXT,
        name           TEXT,
        patronymic     TEXT,
        iin            TEXT UNIQUE,
        birth_date     TEXT,
        sex            TEXT CHECK (sex IN ('male', 'female')),
        phone          TEXT,
        email          TEXT,
        region         TEXT,
        district       TEXT,
        settlement     TEXT,
        address        TEXT,
        id_document    TEXT,
        programme      TEXT,
        disability     TEXT,
        household_size INTEGER,
        health_notes   TEXT,
        notes          TEXT,
        sort_key       TEXT NOT NULL,           -- folded surname, name, patronymic: list order
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
    ) STRICT;
    -- Few indexes: each costs every insert, and a scan of 100,000 rows is a few milliseconds.
    CREATE INDEX subject_birth_date ON subject (birth_date);
    CREATE INDEX subject_phone ON subject (phone);
    CREATE INDEX subject_sort ON subject (sort_key, number);
    CREATE INDEX journal_object ON journal (object);

    CREATE TABLE service (
        id           TEXT PRIMARY KEY,
        subject_id   TEXT NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
        date         TEXT NOT NULL,
        service_type TEXT NOT NULL
    ) STRICT;
    CREATE INDEX service_subject ON service (subject_id, date);

    -- Contentless trigram index over folded names, IIN and phone digits, keyed by subject.number.
    -- Contentless: the text is not stored twice. secure-delete: a deleted person's tokens are
    -- overwritten, not merely marked (a plain FTS5 delete leaves them in the index pages).
    CREATE VIRTUAL TABLE subject_search USING fts5 (
        doc, content = '', contentless_delete = 1, tokenize = 'trigram'
    );
    INSERT INTO subject_search (subject_search, rank) VALUES ('secure-delete', 1);
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
