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
    // 3: the data's lifecycle — consents and their evidence, the grounds for processing without
    // consent, retention rules, legal hold, blocking, anonymisation and destruction acts.
    r#"
    -- Before consents were recorded, "public" was the user's word alone: now it needs a consent
    -- to publication, which no one has yet.
    UPDATE subject SET access = 'restricted' WHERE access = 'public';
    ALTER TABLE subject ADD COLUMN legal_ground TEXT;      -- Art. 9 ground when there is no consent
    ALTER TABLE subject ADD COLUMN ended_on TEXT;          -- purpose achieved / programme or job ended
    ALTER TABLE subject ADD COLUMN hold_reason TEXT;       -- legal hold: exempt from retention
    ALTER TABLE subject ADD COLUMN blocked_reason TEXT;    -- blocking (Art. 1(3)): every action frozen

    CREATE TABLE consent (
        id                      TEXT PRIMARY KEY,
        number                  INTEGER NOT NULL UNIQUE,  -- № printed on the form
        subject_id              TEXT NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
        operator_name           TEXT NOT NULL,            -- Art. 8(4)(1), as on the day it was given
        operator_bin            TEXT NOT NULL,
        subject_name            TEXT NOT NULL,            -- Art. 8(4)(2)
        purposes                TEXT NOT NULL,            -- JSON array of purpose keys
        data_fields             TEXT NOT NULL,            -- JSON array of field keys, Art. 8(4)(7)
        inventory_version       INTEGER NOT NULL,
        valid_from              TEXT NOT NULL,
        valid_until             TEXT,                     -- NULL: until the purpose is achieved
        third_parties           INTEGER NOT NULL,
        third_party_recipients  TEXT,
        cross_border            INTEGER NOT NULL,
        cross_border_countries  TEXT,
        publication             INTEGER NOT NULL,
        publication_where       TEXT,
        form                    TEXT NOT NULL CHECK (form IN ('paper', 'electronic', 'egov', 'consent_service', 'other')),
        form_reference          TEXT,
        given_on                TEXT NOT NULL,
        taken_by                TEXT NOT NULL,            -- user id
        representative_name     TEXT,                     -- set when a legal representative gave it
        representative_relation TEXT,
        representative_document TEXT,
        created_at              TEXT NOT NULL
    ) STRICT;
    CREATE INDEX consent_subject ON consent (subject_id);

    CREATE TABLE consent_withdrawal (
        id             TEXT PRIMARY KEY,
        consent_id     TEXT NOT NULL REFERENCES consent (id) ON DELETE CASCADE,
        scope          TEXT NOT NULL CHECK (scope IN ('all', 'third_parties', 'cross_border', 'publication')),
        requested_on   TEXT NOT NULL,
        channel        TEXT NOT NULL,
        refused        INTEGER NOT NULL,                  -- 1: refused under Art. 8(2)
        refusal_ground TEXT,                              -- 'law' or 'obligation'
        refusal_note   TEXT,
        recorded_by    TEXT NOT NULL,
        recorded_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX consent_withdrawal_consent ON consent_withdrawal (consent_id);

    -- Scans of signed forms, kept inside the encrypted vault and destroyed with the person.
    CREATE TABLE attachment (
        id         TEXT PRIMARY KEY,
        subject_id TEXT NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
        consent_id TEXT REFERENCES consent (id) ON DELETE CASCADE,
        media_type TEXT NOT NULL,
        size       INTEGER NOT NULL,
        sha256     TEXT NOT NULL,
        content    BLOB NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attachment_subject ON attachment (subject_id);
    CREATE INDEX attachment_consent ON attachment (consent_id);

    CREATE TABLE retention_rule (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('beneficiary', 'employee', 'volunteer')),
        purpose    TEXT,                                  -- NULL: whatever the purpose
        mode       TEXT NOT NULL CHECK (mode IN ('period', 'for_life', 'until_purpose')),
        anchor     TEXT CHECK (anchor IN ('collection', 'last_service', 'programme_end', 'employment_end', 'consent_end')),
        months     INTEGER CHECK (months IS NULL OR months BETWEEN 1 AND 1200),
        basis      TEXT NOT NULL,                         -- why this period, shown beside the rule
        position   INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE destruction_act (
        number            INTEGER PRIMARY KEY,            -- № of the act
        id                TEXT NOT NULL UNIQUE,
        action            TEXT NOT NULL CHECK (action IN ('anonymise', 'destroy')),
        ground            TEXT NOT NULL CHECK (ground IN ('retention_ended', 'consent_withdrawn', 'request', 'court_decision', 'unlawful_processing')),
        reference         TEXT,                           -- e.g. the court decision's number
        subjects          TEXT NOT NULL,                  -- JSON array of internal numbers, nothing else
        categories        TEXT NOT NULL,                  -- JSON array of category keys destroyed
        performed_at      TEXT NOT NULL,
        performed_by      TEXT NOT NULL,                  -- user id
        performed_by_name TEXT NOT NULL,
        operator_name     TEXT NOT NULL,
        operator_bin      TEXT NOT NULL
    ) STRICT;

    -- What anonymisation keeps of a person: coarsened facts that still count in reports and
    -- cannot tell whose they were (Art. 1(7)). Not linked to the person's id or number; ids are
    -- random so they follow neither the register's order nor the act's.
    CREATE TABLE anonymous_record (
        id              INTEGER PRIMARY KEY,
        kind            TEXT NOT NULL,
        sex             TEXT,
        birth_year      INTEGER,
        region          TEXT,
        district        TEXT,
        programme       TEXT,
        disability      TEXT,
        household_size  INTEGER,
        collected_month TEXT NOT NULL                     -- YYYY-MM
    ) STRICT;
    CREATE TABLE anonymous_service (
        record       INTEGER NOT NULL REFERENCES anonymous_record (id) ON DELETE CASCADE,
        month        TEXT NOT NULL,                       -- YYYY-MM
        service_type TEXT NOT NULL
    ) STRICT;
    CREATE INDEX anonymous_service_record ON anonymous_service (record);

    -- Destroyed or anonymised people by internal id only, so an older backup restored later, or a
    -- synced bundle, can replay the destruction.
    CREATE TABLE tombstone (
        subject_id TEXT PRIMARY KEY,
        act        INTEGER NOT NULL REFERENCES destruction_act (number),
        at         TEXT NOT NULL
    ) STRICT;
    "#,
    // 4: the transfer ledger — every anonymised report or release saved for someone outside.
    r#"
    CREATE TABLE transfer (
        number     INTEGER PRIMARY KEY,                  -- № printed in the file
        id         TEXT NOT NULL UNIQUE,
        at         TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        user_name  TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('report', 'release')),
        format     TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
        recipient  TEXT NOT NULL,
        purpose    TEXT NOT NULL,
        parameters TEXT NOT NULL,                        -- JSON: the spec and the language
        outcome    TEXT NOT NULL,                        -- JSON: rows, k and l achieved, hidden cells
        sha256     TEXT NOT NULL,                        -- of the file as written
        size       INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX transfer_sha256 ON transfer (sha256);
    -- The ledger is evidence: append-only from inside the application, like the journal.
    CREATE TRIGGER transfer_no_update BEFORE UPDATE ON transfer
    BEGIN SELECT RAISE(ABORT, 'the transfer ledger is append-only'); END;
    CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
    BEGIN SELECT RAISE(ABORT, 'the transfer ledger is append-only'); END;
    "#,
    // 5: several users — a staff member's allowance to reveal masked fields, and removal that
    // keeps the row (the journal names users by id) while the keyslot is gone.
    r#"
    ALTER TABLE user ADD COLUMN may_reveal INTEGER NOT NULL DEFAULT 0 CHECK (may_reveal IN (0, 1));
    ALTER TABLE user ADD COLUMN removed_at TEXT;
    ALTER TABLE user ADD COLUMN removed_by TEXT;
    "#,
    // 6: backups — each one listed (when, where, how big; never what is in it), so a destruction
    // act can name the copies that still hold the people it ended (Art. 18 reaches backups too).
    r#"
    CREATE TABLE backup (
        id          TEXT PRIMARY KEY,
        made_at     TEXT NOT NULL,
        made_by     TEXT NOT NULL,                       -- user id
        place       TEXT NOT NULL,                       -- the file's path as written
        size        INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        people      INTEGER NOT NULL,
        gone_at     TEXT,                                -- deleted, or replaced by a newer backup
        gone_how    TEXT CHECK (gone_how IN ('deleted', 'replaced'))
    ) STRICT;
    CREATE INDEX backup_made_at ON backup (made_at);
    -- The backups made before an act that still held its people (JSON array of backup ids).
    ALTER TABLE destruction_act ADD COLUMN backups TEXT NOT NULL DEFAULT '[]';
    "#,
    // 7: the papers an inspector asks for — each produced document by kind and number (never
    // its text: it is made again from the vault), with fingerprints of what it said, so the
    // Documents screen can tell one that is out of date; and who in the register sees personal
    // data at work (Art. 11(2): each of them signs a confidentiality undertaking).
    r#"
    CREATE TABLE paper (
        id                TEXT PRIMARY KEY,
        kind              TEXT NOT NULL CHECK (kind IN ('policy', 'inventory', 'order', 'retention', 'undertaking', 'pack')),
        number            INTEGER NOT NULL,              -- № printed on it, counted per kind
        about             TEXT,                          -- undertaking: the user's or person's id; inventory: its version
        lang              TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
        produced_at       TEXT NOT NULL,
        produced_by       TEXT NOT NULL,                 -- user id
        inventory_version INTEGER,                       -- the inventory in force when it was produced
        responsible       TEXT NOT NULL,                 -- SHA-256 of the responsible person's name and contacts
        digest            TEXT NOT NULL,                 -- SHA-256 of all it said but its number and date
        sha256            TEXT NOT NULL,                 -- of the file as written
        UNIQUE (kind, number)
    ) STRICT;
    CREATE INDEX paper_kind_about ON paper (kind, about);
    ALTER TABLE subject ADD COLUMN sees_data INTEGER NOT NULL DEFAULT 0 CHECK (sees_data IN (0, 1));
    "#,
    // 8: the working-day calendar every deadline is counted on: each year's Kurban Ait and the
    // government's transfers (the holidays fixed by law are rules in the code). Shipped years are
    // refreshed by a newer Derbes unless the user edited them.
    r#"
    CREATE TABLE calendar_year (
        year                 INTEGER PRIMARY KEY,
        kurban_ait           TEXT NOT NULL,
        kurban_ait_estimated INTEGER NOT NULL DEFAULT 0 CHECK (kurban_ait_estimated IN (0, 1)),
        source               TEXT NOT NULL CHECK (source IN ('shipped', 'edited')),
        updated_at           TEXT NOT NULL
    ) STRICT;
    CREATE TABLE calendar_day (
        day  TEXT PRIMARY KEY,
        year INTEGER NOT NULL REFERENCES calendar_year (year) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('day_off', 'working_day')),
        note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    "#,
    // 9: subject requests (Art. 13, 24, 25): each with its term, the journal head when it was
    // taken (its evidence must come later), the access answer produced, and how it closed. When
    // the person is destroyed, only their internal number stays: the trigger clears the
    // representative and the note.
    r#"
    CREATE TABLE subject_request (
        id             TEXT PRIMARY KEY,
        number         INTEGER NOT NULL UNIQUE,
        subject_id     TEXT NOT NULL,
        subject_number INTEGER NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('access', 'correction', 'blocking', 'unblocking', 'destruction', 'withdrawal', 'publication_refusal')),
        received_on    TEXT NOT NULL,
        channel        TEXT NOT NULL CHECK (channel IN ('in_person', 'post', 'email', 'egov', 'other')),
        representative TEXT,
        identity_check TEXT NOT NULL CHECK (identity_check IN ('id_document', 'egov_signature', 'known_in_person', 'representative_authority')),
        note           TEXT,
        term_days      INTEGER NOT NULL,
        opened_seq     INTEGER NOT NULL,
        taken_by       TEXT NOT NULL,
        taken_at       TEXT NOT NULL,
        answer_number  INTEGER,
        answer_lang    TEXT,
        answer_sha256  TEXT,
        answer_at      TEXT,
        closed_on      TEXT,
        outcome        TEXT CHECK (outcome IN ('done', 'refused')),
        evidence       TEXT,
        refusal_reason TEXT,
        closed_by      TEXT
    ) STRICT;
    CREATE INDEX subject_request_subject ON subject_request (subject_id);
    CREATE INDEX subject_request_open ON subject_request (closed_on, received_on);
    CREATE TRIGGER subject_request_forget AFTER DELETE ON subject BEGIN
        UPDATE subject_request SET representative = NULL, note = NULL WHERE subject_id = OLD.id;
    END;
    "#,
    // 10: the breach register (Art. 1(15-1), 25(2)(8)): what happened and when it was detected,
    // the people affected (by internal number), containment, the notice to the authorised body
    // and the day it was sent. Derbes proposes a breach itself when it sees one.
    r#"
    CREATE TABLE breach (
        id             TEXT PRIMARY KEY,
        number         INTEGER NOT NULL UNIQUE,
        detected_at    TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('device_lost', 'media_lost', 'unauthorised_access', 'accidental_publication', 'malware', 'password_leaked', 'wrong_recipient', 'journal_broken', 'unlock_attempts', 'other')),
        description    TEXT NOT NULL,
        categories     TEXT NOT NULL,
        whole_register INTEGER NOT NULL DEFAULT 0 CHECK (whole_register IN (0, 1)),
        affected       INTEGER NOT NULL,
        containment    TEXT,
        subjects_told  TEXT CHECK (subjects_told IN ('yes', 'no', 'not_yet')),
        status         TEXT NOT NULL CHECK (status IN ('proposed', 'open', 'closed', 'dismissed')),
        proposed_by    TEXT,
        proposal_key   TEXT UNIQUE,
        notified_on    TEXT,
        notice_number  INTEGER,
        notice_sha256  TEXT,
        recorded_by    TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        closed_on      TEXT,
        dismiss_reason TEXT
    ) STRICT;
    CREATE TABLE breach_subject (
        breach_id      TEXT NOT NULL REFERENCES breach (id) ON DELETE CASCADE,
        subject_number INTEGER NOT NULL,
        PRIMARY KEY (breach_id, subject_number)
    ) STRICT;
    "#,
    // 11: a lawful basis for every person (Art. 7(1), 9). An Art. 9 ground is its sub-paragraph
    // and the law relied on, and covers the purposes it names (none named: every purpose of the
    // person's kind); a paper consent may wait for its scan until a due day. The grounds of the
    // old list move to their sub-paragraphs: labour law is 9(10) under the Labour Code; "a legal
    // duty" and "another law" are 9(10) with the law still to be named; protecting rights is
    // 9(5); research and journalism 9(6). Courts, law enforcement and state statistics
    // (9(1)-(3), (9)) are not an NGO's grounds: kept as recorded, they count as no basis.
    r#"
    ALTER TABLE subject ADD COLUMN legal_ground_law TEXT;
    ALTER TABLE subject ADD COLUMN ground_purposes TEXT;
    ALTER TABLE consent ADD COLUMN scan_due TEXT;
    UPDATE subject SET legal_ground = 'art9_10',
        legal_ground_law = 'Қазақстан Республикасының Еңбек кодексі / Трудовой кодекс Республики Казахстан'
        WHERE legal_ground = 'labour_law';
    UPDATE subject SET legal_ground = 'art9_10' WHERE legal_ground IN ('legal_duty', 'other_law');
    UPDATE subject SET legal_ground = 'art9_5' WHERE legal_ground = 'protect_rights';
    UPDATE subject SET legal_ground = 'art9_6' WHERE legal_ground = 'research_or_journalism';
    "#,
    // 12: transfers that identify people (Art. 7(6), 15, 16, 19, 22(1)(5)). Recipients are
    // records of their own, which anonymised exports point at too; the ledger (rebuilt: SQLite
    // cannot widen a CHECK) takes identifying transfers beside reports and releases, each with
    // the people it carried, the basis for each, and the notice a consent may ask for (Art. 19).
    r#"
    CREATE TABLE recipient (
        id         TEXT PRIMARY KEY,
        number     INTEGER NOT NULL UNIQUE,
        name       TEXT NOT NULL,
        country    TEXT NOT NULL,
        abroad     INTEGER NOT NULL CHECK (abroad IN (0, 1)),
        kind       TEXT NOT NULL CHECK (kind IN ('donor', 'partner', 'state_body', 'other')),
        protects   INTEGER CHECK (protects IN (0, 1)),
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX recipient_name ON recipient (name COLLATE NOCASE, country COLLATE NOCASE);
    ALTER TABLE consent ADD COLUMN notify_transfers INTEGER NOT NULL DEFAULT 0 CHECK (notify_transfers IN (0, 1));

    DROP TRIGGER transfer_no_update;
    DROP TRIGGER transfer_no_delete;
    CREATE TABLE transfer_ledger (
        number       INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        at           TEXT NOT NULL,
        user_id      TEXT NOT NULL,
        user_name    TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('report', 'release', 'identifying')),
        format       TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'pdf')),
        recipient    TEXT NOT NULL,
        purpose      TEXT NOT NULL,
        parameters   TEXT NOT NULL,
        outcome      TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        recipient_id TEXT REFERENCES recipient (id)
    ) STRICT;
    INSERT INTO transfer_ledger (number, id, at, user_id, user_name, kind, format, recipient, purpose, parameters, outcome, sha256, size)
        SELECT number, id, at, user_id, user_name, kind, format, recipient, purpose, parameters, outcome, sha256, size FROM transfer;
    DROP TABLE transfer;
    ALTER TABLE transfer_ledger RENAME TO transfer;
    CREATE INDEX transfer_sha256 ON transfer (sha256);
    CREATE TRIGGER transfer_no_update BEFORE UPDATE ON transfer
    BEGIN SELECT RAISE(ABORT, 'the transfer ledger is append-only'); END;
    CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
    BEGIN SELECT RAISE(ABORT, 'the transfer ledger is append-only'); END;

    CREATE TABLE transfer_subject (
        transfer       INTEGER NOT NULL REFERENCES transfer (number),
        subject_id     TEXT NOT NULL,
        subject_number INTEGER NOT NULL,
        basis          TEXT NOT NULL,
        notify_due     TEXT,
        notified_on    TEXT,
        PRIMARY KEY (transfer, subject_number)
    ) STRICT;
    CREATE INDEX transfer_subject_number ON transfer_subject (subject_number);
    "#,
    // 13: history brought from the spreadsheets an NGO kept before Derbes. A service may name
    // the programme it was given under; a person may carry the day they first came to the
    // organisation, which "new people" reports count instead of the day they were typed in.
    r#"
    ALTER TABLE service ADD COLUMN programme TEXT;
    ALTER TABLE subject ADD COLUMN registered_on TEXT;
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
