//! `derbes backup …` and `derbes restore …`: one encrypted file to a USB stick, its check, and a
//! restore that replays later destructions.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use derbes_core::backup::{self, BackupOptions, BackupRecord, Opener};
use derbes_core::documents::IfExists;
use derbes_core::{Error, Vault};
use serde_json::json;

use crate::output::{self, text, Ctx};
use crate::Secrets;

/// `derbes backup`: write one with `--out`, or one of the subcommands.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub command: Option<BackupCommand>,
    /// Write a backup of the vault to this file (ending in .derbes-backup).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace a file already at that path (an older backup).
    #[arg(long)]
    pub replace: bool,
    /// Write into a folder a cloud service synchronises even so (a copy abroad is a
    /// cross-border transfer).
    #[arg(long)]
    pub cloud_ok: bool,
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// Check a backup without restoring it: every page, the journal, and that your password
    /// opens it. Needs no --vault.
    Verify {
        /// The backup file.
        file: PathBuf,
    },
    /// The vault's backups, newest first.
    List,
    /// The last backup, the reminder, and the backups to replace or delete.
    Status,
    /// Say a backup is gone (and delete its file with --delete-file).
    Forget {
        /// The backup's id (from `backup list`).
        id: String,
        /// Delete the file too, if it is reachable.
        #[arg(long)]
        delete_file: bool,
    },
    /// Days before the reminder, and days a backup is kept.
    Settings {
        /// Remind when the last backup is older than this many days (1–90).
        #[arg(long)]
        reminder_days: u32,
        /// Ask to delete backups older than this many days (7–3650).
        #[arg(long)]
        retention_days: u32,
    },
}

/// `derbes restore FILE --to DIR`.
#[derive(clap::Args)]
pub struct RestoreArgs {
    /// The backup file.
    pub file: PathBuf,
    /// A new or empty folder for the restored vault.
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// A newer destruction log, or a newer vault's folder, whose later destructions are
    /// replayed (logs beside the backup file are always read). May be given more than once.
    #[arg(long, value_name = "LOG")]
    pub replay: Vec<PathBuf>,
}

fn megabytes(bytes: i64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn record_json(b: &BackupRecord) -> serde_json::Value {
    serde_json::to_value(b).unwrap_or_default()
}

/// What opens a backup, as read from stdin or the prompt: the recovery key, or a password (for
/// `--user`, with `--key-file`).
pub struct Credentials<'a> {
    secret: Secret,
    user: Option<&'a str>,
    key_file: Option<&'a derbes_core::KeyFile>,
}

enum Secret {
    Recovery(derbes_core::RecoveryKey),
    Password(derbes_core::Password),
}

impl<'a> Credentials<'a> {
    /// Read them: the recovery key with `--recovery-key-stdin`, else a password.
    pub fn read(
        secrets: &mut Secrets,
        recovery: bool,
        user: Option<&'a str>,
        key_file: Option<&'a derbes_core::KeyFile>,
    ) -> Result<Self, Error> {
        let secret = if recovery {
            Secret::Recovery(crate::read_recovery_key(secrets)?)
        } else {
            Secret::Password(secrets.read("cli-prompt-password")?)
        };
        Ok(Credentials {
            secret,
            user,
            key_file,
        })
    }

    fn opener(&self) -> Opener<'_> {
        match &self.secret {
            Secret::Recovery(k) => Opener::Recovery(k),
            Secret::Password(password) => Opener::Password {
                user: self.user,
                password,
                key_file: self.key_file,
            },
        }
    }
}

/// `derbes backup verify FILE`, which needs no vault.
pub fn verify(file: &Path, credentials: &Credentials, cx: Ctx) -> Result<(), Error> {
    let v = backup::verify(file, credentials.opener())?;
    if cx.json {
        output::json(&serde_json::to_value(&v).unwrap_or_default());
    } else {
        cx.println(
            "cli-backup-verified",
            &[
                ("made", text(&v.header.made_at)),
                ("pages", v.pages.into()),
                ("entries", v.journal_entries.into()),
                ("people", v.header.people.into()),
            ],
        );
    }
    Ok(())
}

/// `derbes restore FILE --to DIR [--replay LOG]`.
pub fn restore(args: &RestoreArgs, credentials: &Credentials, cx: Ctx) -> Result<(), Error> {
    let r = backup::restore(&args.file, &args.to, credentials.opener(), &args.replay)?;
    if cx.json {
        output::json(&serde_json::to_value(&r).unwrap_or_default());
        return Ok(());
    }
    cx.println(
        "cli-restored",
        &[
            ("dir", text(r.dir.display())),
            ("people", r.people.into()),
            ("made", text(&r.header.made_at)),
        ],
    );
    if r.replayed.acts > 0 {
        cx.println(
            "cli-restore-replayed",
            &[
                ("acts", r.replayed.acts.into()),
                ("people", r.replayed.people.into()),
            ],
        );
    } else if r.logs == 0 {
        eprintln!(
            "{}",
            cx.say("cli-restore-no-log", &[("made", text(&r.header.made_at))])
        );
    } else {
        cx.println("cli-restore-nothing-later", &[("logs", r.logs.into())]);
    }
    Ok(())
}

/// `derbes backup …` on an unlocked vault.
pub fn backup(vault: &Vault, args: &BackupArgs, cx: Ctx) -> Result<(), Error> {
    match &args.command {
        None => {
            let Some(out) = &args.out else {
                return Err(Error::invalid("out", "cli_backup_out_missing"));
            };
            let made = vault.backup(
                out,
                BackupOptions {
                    if_exists: if args.replace {
                        IfExists::Replace
                    } else {
                        IfExists::Refuse
                    },
                    allow_cloud: args.cloud_ok,
                },
            )?;
            if cx.json {
                output::json(&record_json(&made));
            } else {
                cx.println(
                    "cli-backup-made",
                    &[
                        ("path", text(&made.place)),
                        ("size", text(megabytes(made.size))),
                        ("people", made.people.into()),
                    ],
                );
            }
        }
        // Dispatched before any vault is unlocked (it needs none).
        Some(BackupCommand::Verify { .. }) => return Err(Error::Internal("verify".into())),
        Some(BackupCommand::List) => {
            let list = vault.backups()?;
            if cx.json {
                output::json(&serde_json::Value::Array(
                    list.iter().map(record_json).collect(),
                ));
            } else {
                for b in &list {
                    let state = match b.gone_how.as_deref() {
                        Some("replaced") => cx.say("cli-backup-state-replaced", &[]),
                        Some(_) => cx.say("cli-backup-state-deleted", &[]),
                        None if !b.acts.is_empty() => cx.say("cli-backup-state-holds-ended", &[]),
                        None => cx.say("cli-backup-state-kept", &[]),
                    };
                    println!(
                        "{}  {}  {:>9}  {:>6}  {}  {}",
                        b.id,
                        b.made_at,
                        megabytes(b.size),
                        b.people,
                        state,
                        b.place
                    );
                }
            }
        }
        Some(BackupCommand::Status) => {
            let s = vault.backup_status()?;
            if cx.json {
                output::json(&serde_json::to_value(&s).unwrap_or_default());
                return Ok(());
            }
            match &s.last {
                Some(b) => cx.println(
                    "cli-backup-last",
                    &[("made", text(&b.made_at)), ("path", text(&b.place))],
                ),
                None => cx.println("cli-backup-none", &[]),
            }
            if s.overdue {
                cx.println("cli-backup-overdue", &[("days", s.reminder_days.into())]);
            }
            for b in &s.holding_ended {
                cx.println(
                    "cli-backup-holds-ended",
                    &[("made", text(&b.made_at)), ("path", text(&b.place))],
                );
            }
            for b in &s.expired {
                cx.println(
                    "cli-backup-expired",
                    &[
                        ("made", text(&b.made_at)),
                        ("path", text(&b.place)),
                        ("days", s.retention_days.into()),
                    ],
                );
            }
        }
        Some(BackupCommand::Forget { id, delete_file }) => {
            let b = vault.forget_backup(id, *delete_file)?;
            if cx.json {
                output::json(&record_json(&b));
            } else {
                cx.println("cli-backup-forgotten", &[("path", text(&b.place))]);
            }
        }
        Some(BackupCommand::Settings {
            reminder_days,
            retention_days,
        }) => {
            vault.set_backup_settings(*reminder_days, *retention_days)?;
            if cx.json {
                output::json(
                    &json!({"reminderDays": reminder_days, "retentionDays": retention_days}),
                );
            } else {
                cx.println(
                    "cli-backup-settings",
                    &[
                        ("reminder", (*reminder_days).into()),
                        ("retention", (*retention_days).into()),
                    ],
                );
            }
        }
    }
    Ok(())
}
