//! Errors meant for people.
//!
//! Every variant carries a stable [`Error::code`] and its [`Error::params`]; its sentence, one a
//! non-technical user can act on, lives in the Fluent files in Kazakh, Russian and English
//! ([`crate::words`]), and `Display` gives the English one. No variant ever holds a password, a
//! key or personal data.

use std::io;

/// What went wrong, in words for the person at the keyboard.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The password did not unwrap any password slot.
    WrongPassword,
    /// The user's slot needs their key file as well as the password.
    KeyFileNeeded,
    /// The user's role does not allow this; `permission` and `role` are stable codes
    /// ([`crate::vault::role::Permission::code`], [`crate::vault::role::Role::code`]).
    NotPermitted {
        /// What was refused.
        permission: &'static str,
        /// The role that may do it.
        role: &'static str,
    },
    /// No user of this vault has that name.
    UserNotFound,
    /// A user of this vault already has that name.
    UserExists,
    /// The vault's last responsible person cannot be removed or made staff.
    LastResponsible,
    /// A user cannot remove themselves while they have the vault open.
    RemoveSelf,
    /// Re-keying would shut out ways in from an older Derbes (version-1 keyslots) that have not
    /// been opened since.
    RekeyOldSlots {
        /// How many.
        count: usize,
    },
    /// Too many wrong passwords in a row: the next try must wait this many seconds.
    UnlockWait {
        /// Seconds left.
        seconds: u64,
    },
    /// The folder holds neither `vault.db` nor `keyslots`.
    NotAVault,
    /// `init` was asked to create a vault where one exists.
    VaultExists,
    /// `init` was pointed at a folder holding other files.
    FolderNotEmpty,
    /// `vault.db` cannot be read: a flipped byte, a truncated file, a foreign file.
    VaultDamaged,
    /// `vault.db` is present but `keyslots` is not.
    KeyslotsMissing,
    /// `keyslots` does not parse, fails its checksum, or belongs to another vault.
    KeyslotsDamaged,
    /// The database was written by a newer Derbes.
    NewerVersion {
        /// Schema version found in the file.
        found: i64,
        /// Newest schema version this build knows.
        known: i64,
    },
    /// The folder or a vault file cannot be written.
    ReadOnly,
    /// The password and its repetition differ.
    PasswordMismatch,
    /// No password was given.
    PasswordEmpty,
    /// The password is refused by the strength rule; `problems` are stable codes.
    PasswordWeak {
        /// Codes of what makes it weak (see [`crate::vault::password::assess`]).
        problems: Vec<String>,
    },
    /// The text is not shaped like a recovery key, or its check characters disagree.
    RecoveryKeyInvalid,
    /// A well-formed recovery key that does not open this vault.
    RecoveryKeyWrong,
    /// The typed confirmation group differs from the recovery key's last group.
    RecoveryGroupMismatch,
    /// Another process holds the vault open.
    VaultInUse,
    /// The action needs an unlocked vault.
    Locked,
    /// A value given by the user is not acceptable; `field` is a stable key.
    InvalidInput {
        /// Stable key of the field, e.g. `auto_lock_minutes`.
        field: &'static str,
        /// Why: the code of a sentence (`reason-<code>` in the locales) and its arguments.
        reason: Reason,
    },
    /// A person's record breaks one or more rules; each problem names its field.
    Invalid {
        /// Every problem found, in form order.
        problems: Vec<FieldProblem>,
    },
    /// Another person already has this IIN.
    DuplicateIin {
        /// The internal number of the existing record (never its personal data).
        existing: i64,
    },
    /// No person with this id or number.
    SubjectNotFound,
    /// The person is blocked (Art. 1(3)): nothing may be done to their data until unblocked.
    Blocked {
        /// The person's internal number.
        number: i64,
    },
    /// The person is under legal hold, which exempts them from retention.
    OnHold {
        /// The person's internal number.
        number: i64,
    },
    /// Making a person public needs an active consent to publication (Art. 7(6)).
    PublicationConsentRequired {
        /// The person's internal number.
        number: i64,
    },
    /// A minor's consent must be given by a legal representative.
    RepresentativeRequired,
    /// No consent with this number.
    ConsentNotFound,
    /// No act with this number.
    ActNotFound,
    /// A file is already at the path a document or an export was to be saved to, and the user
    /// has not said to replace it (an earlier export may be the copy a recipient holds).
    FileExists,
    /// The disk has no room left; the transaction was rolled back.
    DiskFull,
    /// Locking met a full disk: everything done before is saved, but the vault file could not
    /// be tidied (the write-ahead log still holds the newest pages).
    LockedOnFullDisk,
    /// Another input/output failure.
    Io {
        /// The operating system's description (never personal data).
        detail: String,
    },
    /// A bug in Derbes; the message names no personal data.
    Internal(String),
}

impl Error {
    /// A stable machine code for this error, used by front ends to pick a translation.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassword => "wrong_password",
            Error::KeyFileNeeded => "key_file_needed",
            Error::NotPermitted { .. } => "not_permitted",
            Error::UserNotFound => "user_not_found",
            Error::UserExists => "user_exists",
            Error::LastResponsible => "last_responsible",
            Error::RemoveSelf => "remove_self",
            Error::UnlockWait { .. } => "unlock_wait",
            Error::RekeyOldSlots { .. } => "rekey_old_slots",
            Error::NotAVault => "not_a_vault",
            Error::VaultExists => "vault_exists",
            Error::FolderNotEmpty => "folder_not_empty",
            Error::VaultDamaged => "vault_damaged",
            Error::KeyslotsMissing => "keyslots_missing",
            Error::KeyslotsDamaged => "keyslots_damaged",
            Error::NewerVersion { .. } => "newer_version",
            Error::ReadOnly => "read_only",
            Error::PasswordMismatch => "password_mismatch",
            Error::PasswordEmpty => "password_empty",
            Error::PasswordWeak { .. } => "password_weak",
            Error::RecoveryKeyInvalid => "recovery_key_invalid",
            Error::RecoveryKeyWrong => "recovery_key_wrong",
            Error::RecoveryGroupMismatch => "recovery_group_mismatch",
            Error::VaultInUse => "vault_in_use",
            Error::Locked => "locked",
            Error::InvalidInput { .. } => "invalid_input",
            Error::Invalid { .. } => "invalid",
            Error::DuplicateIin { .. } => "duplicate_iin",
            Error::SubjectNotFound => "subject_not_found",
            Error::Blocked { .. } => "blocked",
            Error::OnHold { .. } => "on_hold",
            Error::PublicationConsentRequired { .. } => "publication_consent_required",
            Error::RepresentativeRequired => "representative_required",
            Error::ConsentNotFound => "consent_not_found",
            Error::ActNotFound => "act_not_found",
            Error::FileExists => "file_exists",
            Error::DiskFull => "disk_full",
            Error::LockedOnFullDisk => "locked_on_full_disk",
            Error::Io { .. } => "io",
            Error::Internal(_) => "internal",
        }
    }

    /// Parameters a translation may interpolate (never personal data).
    pub fn params(&self) -> serde_json::Value {
        match self {
            Error::NewerVersion { found, known } => {
                serde_json::json!({"found": found, "known": known})
            }
            Error::PasswordWeak { problems } => serde_json::json!({"problems": problems}),
            Error::InvalidInput { field, reason } => {
                let mut params = serde_json::Map::new();
                params.insert("field".into(), (*field).into());
                params.insert("reason".into(), reason.code.into());
                params.extend(reason.args.clone());
                serde_json::Value::Object(params)
            }
            Error::Io { detail } => serde_json::json!({"detail": detail}),
            Error::UnlockWait { seconds } => serde_json::json!({"seconds": seconds}),
            Error::RekeyOldSlots { count } => serde_json::json!({"count": count}),
            Error::NotPermitted { permission, role } => {
                serde_json::json!({"permission": permission, "role": role})
            }
            Error::Invalid { problems } => serde_json::json!({"problems": problems}),
            Error::DuplicateIin { existing } => serde_json::json!({"existing": existing}),
            Error::Blocked { number }
            | Error::OnHold { number }
            | Error::PublicationConsentRequired { number } => serde_json::json!({"number": number}),
            _ => serde_json::json!({}),
        }
    }
}

/// The values a sentence needs beside its code — a limit, a count, a format's name, a row —
/// never personal data.
pub type Args = serde_json::Map<String, serde_json::Value>;

/// Why a value was refused: a stable code, whose sentence is `reason-<code>` in
/// `locales/*/*.ftl`, and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The stable code, e.g. `k_range`.
    pub code: &'static str,
    /// What the sentence puts in, e.g. `{"min": 2, "max": 100}`.
    pub args: Args,
}

impl Error {
    /// A refused value: `field` is the field's stable key, `reason` the code of the sentence
    /// that says why (`reason-<reason>` in every language's `.ftl` files; a test checks it).
    pub fn invalid(field: &'static str, reason: &'static str) -> Error {
        Error::InvalidInput {
            field,
            reason: Reason {
                code: reason,
                args: Args::new(),
            },
        }
    }

    /// The same refusal with one more argument for its sentence (other errors are unchanged).
    pub fn with(mut self, name: &str, value: impl Into<serde_json::Value>) -> Error {
        if let Error::InvalidInput { reason, .. } = &mut self {
            reason.args.insert(name.to_string(), value.into());
        }
        self
    }
}

/// One problem with one field of a person's record: a stable code, whose sentence is
/// `problem-<code>` in `locales/*/core.ftl` ([`crate::words::problem`]), and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldProblem {
    /// The field's stable key (`iin`, `birth_date`, …), or `kind`, or `services`.
    pub field: String,
    /// A stable code for translation (`iin_check_digit`, `not_in_inventory`, …), one of
    /// [`crate::register::PROBLEM_CODES`].
    pub code: &'static str,
    /// What the sentence puts in (a limit, a row), never the value itself.
    pub args: Args,
}

impl FieldProblem {
    /// A problem with `field` (its stable key), without arguments.
    pub fn new(field: impl Into<String>, code: &'static str) -> FieldProblem {
        debug_assert!(
            crate::register::PROBLEM_CODES.contains(&code),
            "{code} is not in register::PROBLEM_CODES"
        );
        FieldProblem {
            field: field.into(),
            code,
            args: Args::new(),
        }
    }

    /// The same problem with one more argument for its sentence.
    pub fn with(mut self, name: &str, value: impl Into<serde_json::Value>) -> FieldProblem {
        self.args.insert(name.to_string(), value.into());
        self
    }
}

impl std::fmt::Display for Error {
    /// The English sentence; [`crate::words::error`] gives it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::error(crate::words::Lang::En, self))
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => Error::ReadOnly,
            // A file over the file system's size limit (FAT32's 4 GB on a USB stick, or a
            // process limit) is, for a person, the same as no room: nothing was written.
            io::ErrorKind::StorageFull | io::ErrorKind::FileTooLarge => Error::DiskFull,
            _ if e.raw_os_error() == Some(28) => Error::DiskFull, // ENOSPC on older kinds
            _ => Error::Io {
                detail: e.to_string(),
            },
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        // A write that the file system refuses (no space, or over a size limit) comes back as an
        // I/O error on write, sync or truncate: for a person that is a full disk.
        const WRITE_FAILURES: [i32; 5] = [
            rusqlite::ffi::SQLITE_IOERR_WRITE,
            rusqlite::ffi::SQLITE_IOERR_FSYNC,
            rusqlite::ffi::SQLITE_IOERR_DIR_FSYNC,
            rusqlite::ffi::SQLITE_IOERR_TRUNCATE,
            rusqlite::ffi::SQLITE_IOERR_SHMSIZE,
        ];
        if e.sqlite_error()
            .is_some_and(|f| WRITE_FAILURES.contains(&f.extended_code))
        {
            return Error::DiskFull;
        }
        match e.sqlite_error_code() {
            Some(C::NotADatabase | C::DatabaseCorrupt) => Error::VaultDamaged,
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::ReadOnly) => Error::ReadOnly,
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::VaultInUse,
            Some(C::CannotOpen) => Error::Io {
                detail: "the vault file cannot be opened".into(),
            },
            // Other SQL errors are bugs; the message may quote SQL but never bound values.
            _ => Error::Internal(e.to_string()),
        }
    }
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every variant. `code` matches without a wildcard, so a new variant fails to
    /// compile there; add it here too so the UI's translations are checked for it.
    fn one_of_each() -> Vec<Error> {
        vec![
            Error::WrongPassword,
            Error::KeyFileNeeded,
            Error::NotAVault,
            Error::VaultExists,
            Error::FolderNotEmpty,
            Error::VaultDamaged,
            Error::KeyslotsMissing,
            Error::KeyslotsDamaged,
            Error::NewerVersion { found: 9, known: 4 },
            Error::ReadOnly,
            Error::PasswordMismatch,
            Error::PasswordEmpty,
            Error::PasswordWeak { problems: vec![] },
            Error::RecoveryKeyInvalid,
            Error::RecoveryKeyWrong,
            Error::RecoveryGroupMismatch,
            Error::VaultInUse,
            Error::Locked,
            Error::invalid("x", "x"),
            Error::Invalid { problems: vec![] },
            Error::DuplicateIin { existing: 1 },
            Error::SubjectNotFound,
            Error::Blocked { number: 1 },
            Error::OnHold { number: 1 },
            Error::PublicationConsentRequired { number: 1 },
            Error::RepresentativeRequired,
            Error::ConsentNotFound,
            Error::ActNotFound,
            Error::FileExists,
            Error::DiskFull,
            Error::LockedOnFullDisk,
            Error::Io {
                detail: String::new(),
            },
            Error::Internal(String::new()),
        ]
    }

    #[test]
    fn every_error_has_a_sentence_in_each_language() {
        use crate::words::{self, Lang};
        for lang in Lang::ALL {
            for e in one_of_each() {
                let id = format!("error-{}", e.code());
                assert!(
                    words::has(lang, &id),
                    "locales/{}/core.ftl has no {id}",
                    lang.key()
                );
                let sentence = words::error(lang, &e);
                assert!(
                    !sentence.contains("error-") && !sentence.contains("{ $"),
                    "{sentence}"
                );
            }
        }
    }
}
