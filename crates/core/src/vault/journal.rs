//! The journal: an append-only, hash-chained record of every action on the vault.
//!
//! Each entry stores who (a user id), what (an [`Action`] code), when (UTC), on which object
//! (an internal id), and details that are codes and counts — never personal data. Its hash covers
//! all of that and the previous entry's hash, so changing or deleting an entry breaks the chain
//! at that entry; the head (last seq and hash) is kept in `meta` so cutting off the tail shows too.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::error::{Error, Result};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const HEAD_KEY: &str = "journal_head";

/// Everything the journal can record. The code is stable: it is hashed and shown translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// The vault was created.
    VaultCreated,
    /// Unlocked with a password.
    VaultUnlocked,
    /// Failed unlock attempts since the last success (counted outside the database).
    VaultUnlockFailed,
    /// Locked by the user, by idle time, or by closing.
    VaultLocked,
    /// A user's password was changed.
    PasswordChanged,
    /// The recovery key opened the vault.
    RecoveryKeyUsed,
    /// The user proved they wrote the recovery key down.
    RecoveryKeyConfirmed,
    /// A setting changed (details name the key, not the value when it could be personal).
    SettingsChanged,
    /// A user was added (object: the user's id; details: the role).
    UserAdded,
    /// A user was removed and their keyslot with them (object: the user's id).
    UserRemoved,
    /// A user's role or allowance changed (object: the user's id; details: what changed).
    UserChanged,
    /// The database was re-encrypted under a new key (details: slots resealed, whether a new
    /// recovery key was made).
    VaultRekeyed,
    /// A demo vault was filled with synthetic data.
    DemoCreated,
    /// The journal was checked.
    JournalVerified,
    /// A version of the data inventory was approved.
    InventoryApproved,
    /// A subject request was taken (object: the person's id; details: request №, kind, term).
    RequestRegistered,
    /// An access answer was produced (details: request №, answer №, language, hash).
    RequestAnswered,
    /// A request was closed (details: request №, outcome).
    RequestClosed,
    /// A breach was registered or proposed (object: the breach id; details: №, kind, count).
    BreachRecorded,
    /// A breach was changed: notified, subjects told, closed (details: №, what).
    BreachUpdated,
    /// The notice of a breach was produced (details: №, language, hash).
    BreachNoticeProduced,
    /// A recipient of transfers was added (object: its id; details: №, abroad).
    RecipientAdded,
    /// A person was told of a transfer of their data (Art. 19; details: transfer and person №).
    TransferNoticeGiven,
    /// A year of the working-day calendar was set or reset (object: the year; details: counts).
    CalendarChanged,
    /// A person was added to the register.
    SubjectCreated,
    /// A person's record was changed (details list the field keys, never values).
    SubjectUpdated,
    /// A person's full record was opened.
    SubjectViewed,
    /// Masked (sensitive) fields of a person were shown in clear.
    SubjectRevealed,
    /// A person was made public or restricted.
    SubjectAccessChanged,
    /// People were imported from a file (details: row count).
    SubjectsImported,
    /// A log of past services was imported (details: rows added, rows already on file, people).
    ServicesImported,
    /// A consent was recorded (details: consent number, purposes, scopes).
    ConsentRecorded,
    /// A withdrawal of consent was recorded, accepted or refused (details: scope, outcome).
    ConsentWithdrawn,
    /// The scan of a signed consent was attached (details: type and size).
    ConsentEvidenceAttached,
    /// A consent form was printed (details: consent number, language).
    ConsentFormPrinted,
    /// The Art. 9 ground for processing without consent was set or cleared.
    LegalGroundChanged,
    /// The date the purpose was achieved (or programme or job ended) was set or cleared.
    EndDateChanged,
    /// A person was blocked (details: the reason, which names no one).
    SubjectBlocked,
    /// A person was unblocked.
    SubjectUnblocked,
    /// A legal hold was placed.
    HoldPlaced,
    /// A legal hold was released.
    HoldReleased,
    /// The retention rules were changed.
    RetentionRulesChanged,
    /// People were anonymised (details: act number, count).
    SubjectsAnonymised,
    /// People were destroyed (details: act number, count).
    SubjectsDestroyed,
    /// A destruction or anonymisation act was printed.
    ActPrinted,
    /// An aggregate report was built (details: measure, breakdowns, period).
    ReportBuilt,
    /// A k-anonymous row-level release was computed (details: k, l, columns, outcome).
    ReleaseBuilt,
    /// An anonymised report or release was saved for a recipient (details: ledger number,
    /// format, file hash).
    TransferRecorded,
    /// A user's slot now needs a key file (a new one was made).
    KeyFileSet,
    /// A user's slot no longer needs a key file.
    KeyFileRemoved,
    /// The recovery key was replaced (details: whether split into shares, how many, how many open).
    RecoveryKeyReplaced,
    /// A backup was written (object: the backup's id; details: its size and how many people).
    BackupMade,
    /// A backup was deleted or said to be gone (object: the backup's id; details: how).
    BackupGone,
    /// The vault was restored from a backup (details: when the backup was made, acts replayed).
    VaultRestored,
    /// A newer vault's destructions were replayed onto this copy (details: acts, people).
    DestructionsReplayed,
    /// An employee or volunteer was marked as seeing personal data at work, or no longer.
    SeesDataChanged,
    /// A compliance document was produced (details: its kind, number and language).
    PaperProduced,
    /// A compliance document was shown in a preview, not saved (details: its kind).
    PaperPreviewed,
    /// The compliance pack was written (details: its number and what it holds).
    PackProduced,
}

impl Action {
    /// The stable code stored in the journal.
    pub fn code(self) -> &'static str {
        match self {
            Action::VaultCreated => "vault.created",
            Action::VaultUnlocked => "vault.unlocked",
            Action::VaultUnlockFailed => "vault.unlock_failed",
            Action::VaultLocked => "vault.locked",
            Action::PasswordChanged => "vault.password_changed",
            Action::RecoveryKeyUsed => "vault.recovery_key_used",
            Action::RecoveryKeyConfirmed => "vault.recovery_key_confirmed",
            Action::SettingsChanged => "settings.changed",
            Action::UserAdded => "user.added",
            Action::UserRemoved => "user.removed",
            Action::UserChanged => "user.changed",
            Action::VaultRekeyed => "vault.rekeyed",
            Action::DemoCreated => "demo.created",
            Action::JournalVerified => "journal.verified",
            Action::InventoryApproved => "inventory.approved",
            Action::SubjectCreated => "subject.created",
            Action::SubjectUpdated => "subject.updated",
            Action::SubjectViewed => "subject.viewed",
            Action::SubjectRevealed => "subject.revealed",
            Action::SubjectAccessChanged => "subject.access_changed",
            Action::SubjectsImported => "subjects.imported",
            Action::ServicesImported => "services.imported",
            Action::ConsentRecorded => "consent.recorded",
            Action::ConsentWithdrawn => "consent.withdrawn",
            Action::ConsentEvidenceAttached => "consent.evidence_attached",
            Action::ConsentFormPrinted => "consent.form_printed",
            Action::LegalGroundChanged => "subject.legal_ground_changed",
            Action::EndDateChanged => "subject.end_date_changed",
            Action::SubjectBlocked => "subject.blocked",
            Action::SubjectUnblocked => "subject.unblocked",
            Action::HoldPlaced => "subject.hold_placed",
            Action::HoldReleased => "subject.hold_released",
            Action::RetentionRulesChanged => "retention.rules_changed",
            Action::SubjectsAnonymised => "subjects.anonymised",
            Action::SubjectsDestroyed => "subjects.destroyed",
            Action::ActPrinted => "act.printed",
            Action::ReportBuilt => "report.built",
            Action::ReleaseBuilt => "release.built",
            Action::TransferRecorded => "transfer.recorded",
            Action::KeyFileSet => "vault.key_file_set",
            Action::KeyFileRemoved => "vault.key_file_removed",
            Action::RecoveryKeyReplaced => "vault.recovery_key_replaced",
            Action::BackupMade => "backup.made",
            Action::BackupGone => "backup.gone",
            Action::VaultRestored => "vault.restored",
            Action::DestructionsReplayed => "lifecycle.destructions_replayed",
            Action::SeesDataChanged => "subject.sees_data_changed",
            Action::PaperProduced => "paper.produced",
            Action::PaperPreviewed => "paper.previewed",
            Action::PackProduced => "pack.produced",
            Action::CalendarChanged => "calendar.changed",
            Action::RecipientAdded => "recipient.added",
            Action::TransferNoticeGiven => "transfer.notice_given",
            Action::RequestRegistered => "request.registered",
            Action::RequestAnswered => "request.answered",
            Action::RequestClosed => "request.closed",
            Action::BreachRecorded => "breach.recorded",
            Action::BreachUpdated => "breach.updated",
            Action::BreachNoticeProduced => "breach.notice_produced",
        }
    }
}

/// One journal entry as read back.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// Who (user id), if a user was known.
    pub user_id: Option<String>,
    /// The user's display name (staff name, joined for display; not part of the hash).
    pub user_name: Option<String>,
    /// What: an [`Action`] code.
    pub action: String,
    /// The object acted on: an internal id.
    pub object: Option<String>,
    /// Codes and counts.
    pub details: serde_json::Value,
}

/// What `verify` found.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// Whether the whole chain checks out.
    pub ok: bool,
    /// Entries examined.
    pub entries: i64,
    /// The first problem, if any.
    pub problem: Option<Problem>,
}

/// The first place the chain breaks.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Problem {
    /// The entry at which the chain breaks.
    pub seq: i64,
    /// `changed`, `missing`, `truncated` or `reordered`.
    pub kind: &'static str,
    /// The last entry the journal's head names, when the entries from `seq` on were cut off.
    #[serde(skip)]
    pub last: Option<i64>,
    /// One sentence for a person, in English ([`Problem::error`] gives it in any language).
    pub message: String,
    /// The parameters of [`Problem::error`] (its `reason` code and the entries it names), so a
    /// front end says the same sentence in the user's language.
    pub params: serde_json::Value,
}

impl Problem {
    fn new(seq: i64, kind: &'static str, last: Option<i64>) -> Problem {
        let mut p = Problem {
            seq,
            kind,
            last,
            message: String::new(),
            params: serde_json::Value::Null,
        };
        let refusal = p.error();
        p.message = refusal.to_string();
        p.params = refusal.params();
        p
    }

    /// The break as a refusal of the journal, with a stable code and the entries it names.
    pub fn error(&self) -> Error {
        match (self.kind, self.last) {
            ("missing", _) => {
                Error::invalid("journal", "journal_entry_missing").with("seq", self.seq)
            }
            ("reordered", _) => Error::invalid("journal", "journal_entry_reordered")
                .with("seq", self.seq)
                .with("previous", self.seq - 1),
            ("changed", _) => {
                Error::invalid("journal", "journal_entry_changed").with("seq", self.seq)
            }
            ("truncated", Some(last)) => Error::invalid("journal", "journal_truncated")
                .with("from", self.seq)
                .with("to", last),
            _ => Error::invalid("journal", "journal_head_missing"),
        }
    }
}

/// Now, as the journal writes times: RFC 3339, UTC, whole seconds.
pub(crate) fn now_utc() -> String {
    // Second precision keeps the journal readable; seq orders entries within a second.
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::now_utc())
        .format(&Rfc3339)
        .unwrap_or_default()
}

fn entry_hash(
    seq: i64,
    at: &str,
    user_id: Option<&str>,
    action: &str,
    object: Option<&str>,
    details: &str,
    prev: &str,
) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields: no two different entries encode to the same bytes.
    for field in [
        "derbes-journal-v1",
        &seq.to_string(),
        at,
        user_id.unwrap_or(""),
        action,
        object.unwrap_or(""),
        details,
        prev,
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Append one entry. Call inside the same transaction as the change it records, so the change
/// and its journal entry commit together or not at all.
pub fn append(
    conn: &Connection,
    user: Option<Uuid>,
    action: Action,
    object: Option<&str>,
    details: serde_json::Value,
) -> Result<i64> {
    let head: Option<(i64, String)> = conn
        .query_row(
            "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (prev_seq, prev_hash) = head.unwrap_or((0, GENESIS.to_string()));
    let seq = prev_seq + 1;
    let at = now_utc();
    let user = user.map(|u| u.to_string());
    let details = serde_json::to_string(&details).map_err(|e| Error::Internal(e.to_string()))?;
    let hash = entry_hash(
        seq,
        &at,
        user.as_deref(),
        action.code(),
        object,
        &details,
        &prev_hash,
    );
    conn.execute(
        "INSERT INTO journal (seq, at, user_id, action, object, details, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![seq, at, user, action.code(), object, details, prev_hash, hash],
    )?;
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![HEAD_KEY, format!("{seq}:{hash}")],
    )?;
    Ok(seq)
}

/// An [`Entry`] from a row of `seq, at, user_id, user name, action, object, details`.
fn entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Entry> {
    let details: String = r.get(6)?;
    Ok(Entry {
        seq: r.get(0)?,
        at: r.get(1)?,
        user_id: r.get(2)?,
        user_name: r.get(3)?,
        action: r.get(4)?,
        object: r.get(5)?,
        details: serde_json::from_str(&details).unwrap_or(serde_json::Value::Null),
    })
}

/// The number of entries.
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM journal", [], |r| r.get(0))?)
}

/// Entries, newest first.
pub fn list(conn: &Connection, limit: i64, offset: i64) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT j.seq, j.at, j.user_id, u.name, j.action, j.object, j.details
         FROM journal j LEFT JOIN user u ON u.id = j.user_id
         ORDER BY j.seq DESC LIMIT ?1 OFFSET ?2",
    )?;
    let rows = stmt.query_map(params![limit, offset], entry_from_row)?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Entries about one object (e.g. a person's id), newest first.
pub fn for_object(conn: &Connection, object: &str, limit: i64) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT j.seq, j.at, j.user_id, u.name, j.action, j.object, j.details
         FROM journal j LEFT JOIN user u ON u.id = j.user_id
         WHERE j.object = ?1 ORDER BY j.seq DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![object, limit], entry_from_row)?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Walk the whole chain and report the first break.
pub fn verify(conn: &Connection) -> Result<Verification> {
    let mut stmt = conn.prepare("SELECT seq, at, user_id, action, object, details, prev_hash, hash FROM journal ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_string();
    let mut n = 0i64;
    let fail = |n, seq, kind, last| {
        Ok(Verification {
            ok: false,
            entries: n,
            problem: Some(Problem::new(seq, kind, last)),
        })
    };
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        let user: Option<String> = r.get(2)?;
        let action: String = r.get(3)?;
        let object: Option<String> = r.get(4)?;
        let details: String = r.get(5)?;
        let prev_hash: String = r.get(6)?;
        let hash: String = r.get(7)?;
        n += 1;
        if seq != expected_seq {
            return fail(n, expected_seq, "missing", None);
        }
        if prev_hash != prev {
            return fail(n, seq, "reordered", None);
        }
        if entry_hash(
            seq,
            &at,
            user.as_deref(),
            &action,
            object.as_deref(),
            &details,
            &prev_hash,
        ) != hash
        {
            return fail(n, seq, "changed", None);
        }
        prev = hash;
        expected_seq += 1;
    }
    let head: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [HEAD_KEY], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(head) = head {
        let (head_seq, head_hash) = head.split_once(':').unwrap_or(("0", ""));
        let head_seq: i64 = head_seq.parse().unwrap_or(0);
        if head_seq != n || head_hash != prev {
            let first_missing = n + 1;
            return fail(n, first_missing, "truncated", Some(head_seq));
        }
    } else if n > 0 {
        return fail(n, n, "truncated", None);
    }
    Ok(Verification {
        ok: true,
        entries: n,
        problem: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn db() -> Connection {
        let mut c = Connection::open_in_memory().unwrap();
        crate::vault::schema::migrate(&mut c).unwrap();
        c
    }

    fn fill(c: &Connection, n: usize) {
        let u = Uuid::now_v7();
        for i in 0..n {
            append(
                c,
                Some(u),
                Action::VaultUnlocked,
                Some(&format!("obj{i}")),
                json!({"i": i}),
            )
            .unwrap();
        }
    }

    fn drop_guards(c: &Connection) {
        c.execute_batch("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;")
            .unwrap();
    }

    #[test]
    fn an_untouched_chain_verifies() {
        let c = db();
        fill(&c, 10);
        let v = verify(&c).unwrap();
        assert!(v.ok, "{v:?}");
        assert_eq!(v.entries, 10);
        assert_eq!(list(&c, 3, 0).unwrap()[0].seq, 10);
    }

    #[test]
    fn the_journal_refuses_updates_and_deletes() {
        let c = db();
        fill(&c, 2);
        assert!(c
            .execute("UPDATE journal SET action = 'x' WHERE seq = 1", [])
            .is_err());
        assert!(c.execute("DELETE FROM journal WHERE seq = 1", []).is_err());
    }

    #[test]
    fn a_changed_entry_is_named() {
        let c = db();
        fill(&c, 5);
        drop_guards(&c);
        c.execute(
            "UPDATE journal SET details = '{\"i\":99}' WHERE seq = 3",
            [],
        )
        .unwrap();
        let v = verify(&c).unwrap();
        assert!(!v.ok);
        let p = v.problem.unwrap();
        assert_eq!((p.seq, p.kind), (3, "changed"));
        assert_eq!(
            p.message,
            "Journal entry 3 was changed after it was written."
        );
        // The front end says it in any language from the same code and entry.
        assert_eq!(p.params["reason"], "journal_entry_changed");
        assert_eq!(p.params["seq"], 3);
    }

    #[test]
    fn a_deleted_entry_is_named() {
        let c = db();
        fill(&c, 5);
        drop_guards(&c);
        c.execute("DELETE FROM journal WHERE seq = 2", []).unwrap();
        let p = verify(&c).unwrap().problem.unwrap();
        assert_eq!((p.seq, p.kind), (2, "missing"));
        assert_eq!(p.message, "Journal entry 2 is missing.");
    }

    #[test]
    fn a_cut_tail_is_noticed() {
        let c = db();
        fill(&c, 5);
        drop_guards(&c);
        c.execute("DELETE FROM journal WHERE seq >= 4", []).unwrap();
        let p = verify(&c).unwrap().problem.unwrap();
        assert_eq!((p.seq, p.kind), (4, "truncated"));
        assert_eq!(
            p.message,
            "The journal ends early: entries from 4 to 5 are missing."
        );
    }

    #[test]
    fn a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link() {
        let c = db();
        fill(&c, 4);
        drop_guards(&c);
        let (at, prev): (String, String) = c
            .query_row("SELECT at, prev_hash FROM journal WHERE seq = 2", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let forged = entry_hash(2, &at, None, "vault.locked", None, "{}", &prev);
        c.execute("UPDATE journal SET user_id = NULL, action = 'vault.locked', object = NULL, details = '{}', hash = ?1 WHERE seq = 2", [forged]).unwrap();
        let p = verify(&c).unwrap().problem.unwrap();
        assert_eq!((p.seq, p.kind), (3, "reordered"));
        assert_eq!(
            p.message,
            "Journal entry 3 does not follow entry 2: the chain was altered."
        );
    }
}
