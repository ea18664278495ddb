//! `derbes`: the Derbes core from a terminal, for scripts, tests and benchmarks.
//!
//! A thin door: it parses arguments, reads secrets, calls `derbes-core`, and prints — its own
//! sentences from `locales/<lang>/cli.ftl`, the core's refusals from the core's files, both in
//! the language of `--lang` (see [`output::Ctx`]). Exit code 0 on success, 1 on a user error
//! (one sentence on stderr), 2 on a usage error.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use derbes_core::words::{self, Lang};
use derbes_core::{Error, KdfParams, Password, RecoveryKey, Vault};
use serde_json::json;

mod backup;
mod docs;
mod lifecycle;
mod obligations;
mod output;
mod register;
mod reports;
mod users;

use output::{text, Ctx};

/// Derbes: an encrypted register of personal data for small NGOs.
#[derive(Parser)]
#[command(name = "derbes", version, about, propagate_version = true)]
struct Cli {
    /// The vault folder (or set DERBES_VAULT).
    #[arg(long, global = true, env = "DERBES_VAULT", value_name = "DIR")]
    vault: Option<PathBuf>,
    /// Read the password(s) from standard input, one per line, instead of prompting.
    #[arg(long, global = true)]
    password_stdin: bool,
    /// Read the recovery key from the first line of standard input and use it instead of the
    /// password.
    #[arg(long, global = true)]
    recovery_key_stdin: bool,
    /// Read shares of a split recovery key from standard input, one per line, ending with a blank
    /// line or the end of input, and use them instead of the password.
    #[arg(long, global = true)]
    shares_stdin: bool,
    /// Unlock as this user: only their keyslot is tried (or set DERBES_USER).
    #[arg(long, global = true, env = "DERBES_USER", value_name = "NAME")]
    user: Option<String>,
    /// Your key file, if your password needs one (made with `derbes key-file set`).
    #[arg(long, global = true, env = "DERBES_KEY_FILE", value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    json: bool,
    /// The language Derbes speaks to you: kk, ru or en (default: DERBES_LANG, else your
    /// locale). Put it before the command: a command's own --lang is its document's language.
    #[arg(long = "lang", env = "DERBES_LANG", value_name = "LANG", value_parser = clap::builder::PossibleValuesParser::new(Lang::ALL.map(Lang::key)))]
    speak: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new vault in an empty or new folder and print its recovery key once.
    Init {
        /// Your name, as the responsible person (default: your login name).
        #[arg(long)]
        name: Option<String>,
    },
    /// Unlock the vault, check its files and its journal, and lock it again.
    UnlockCheck,
    /// Change your password (or set a new one with --recovery-key-stdin).
    Passwd,
    /// The vault's users: list, add, remove, set a password, change a role.
    User {
        #[command(subcommand)]
        command: users::UserCommand,
    },
    /// Replace the recovery key: `new` prints a new one once; `split` shares a new one among
    /// trusted people, any --threshold of whom can open the vault together. Either way the old
    /// recovery key stops working.
    RecoveryKey {
        #[command(subcommand)]
        command: RecoveryKeyCommand,
    },
    /// A key file as a second factor for your password: `set --out FILE` makes one (on a USB
    /// stick), `remove` goes back to the password alone.
    KeyFile {
        #[command(subcommand)]
        command: KeyFileCommand,
    },
    /// Re-encrypt the vault under a new key (after removing a user): every remaining user's
    /// password and the recovery key keep working; an old copy of the keyslots file opens no
    /// later copy of the vault.
    Rekey,
    /// Read or check the journal.
    Journal {
        #[command(subcommand)]
        command: JournalCommand,
    },
    /// Add, change, show, list and import people.
    Subject {
        #[command(subcommand)]
        command: register::SubjectCommand,
    },
    /// Import the log of past services from a CSV or XLSX file, all or nothing.
    Service {
        #[command(subcommand)]
        command: register::ServiceCommand,
    },
    /// Show or approve the data inventory (purposes and the fields each collects).
    Inventory {
        #[command(subcommand)]
        command: register::InventoryCommand,
    },
    /// The organisation's details (name, BIN, responsible person).
    Org {
        #[command(subcommand)]
        command: register::OrgCommand,
    },
    /// Record, withdraw, list and print consents.
    Consent {
        #[command(subcommand)]
        command: lifecycle::ConsentCommand,
    },
    /// Block a person: no change, export, anonymisation or destruction until unblocked.
    Block {
        /// The person's number (№) or id.
        person: String,
        /// Why (a reason code such as subject_request, or text).
        #[arg(long)]
        reason: String,
    },
    /// Unblock a person.
    Unblock {
        /// The person's number (№) or id.
        person: String,
        /// Why (e.g. not_confirmed).
        #[arg(long)]
        reason: String,
    },
    /// Place a legal hold (keeps the person off the due list), or release it.
    Hold {
        /// The person's number (№) or id.
        person: String,
        /// Why (e.g. litigation).
        #[arg(long, required_unless_present = "release")]
        reason: Option<String>,
        /// Release the hold instead.
        #[arg(long)]
        release: bool,
    },
    /// Retention rules and the due list.
    Retention {
        #[command(subcommand)]
        command: lifecycle::RetentionCommand,
    },
    /// Anonymise people (direct identifiers removed, an anonymous statistical record kept).
    Anonymize(EndArgs),
    /// Destroy people and everything about them, beyond recovery.
    Destroy(EndArgs),
    /// Destruction and anonymisation acts.
    Acts {
        #[command(subcommand)]
        command: lifecycle::ActsCommand,
    },
    /// Anonymised reports for donors (tables or k-anonymous releases).
    Report {
        #[command(subcommand)]
        command: reports::ReportCommand,
    },
    /// The transfer ledger: what was sent to whom.
    Transfer {
        #[command(subcommand)]
        command: reports::TransferCommand,
    },
    /// The papers an inspector asks for: the policy, the inventory, the order appointing the
    /// responsible person, the retention schedule, undertakings, and the compliance pack.
    Docs {
        #[command(subcommand)]
        command: docs::DocsCommand,
    },
    /// The working-day calendar every deadline is counted on: list, add-days, set, reset.
    Calendar {
        #[command(subcommand)]
        command: obligations::CalendarCommand,
    },
    /// Requests from people about their data (Art. 24): add, list, show, answer, close.
    Request {
        #[command(subcommand)]
        command: obligations::RequestCommand,
    },
    /// The breach register (Art. 25(2)(8)): add, list, notice, notified, close, confirm,
    /// dismiss.
    Breach {
        #[command(subcommand)]
        command: obligations::BreachCommand,
    },
    /// Write a backup (--out FILE), or verify, list, forget backups and set their reminder.
    Backup(backup::BackupArgs),
    /// Restore a backup into a new folder, replaying every later destruction it can find.
    Restore(backup::RestoreArgs),
    /// Fill the vault with realistic synthetic people (for trying Derbes and for benchmarks).
    Demo {
        /// How many people to add.
        #[arg(long, default_value_t = 200)]
        subjects: usize,
        /// Seed for the generator (the same seed gives the same people).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// Who to anonymise or destroy, and why.
#[derive(clap::Args)]
struct EndArgs {
    /// People by number (№) or id.
    people: Vec<String>,
    /// Everyone due for the end of retention (blocked people are left alone).
    #[arg(long)]
    due: bool,
    /// With --due: the day to ask about (default: today).
    #[arg(long)]
    as_of: Option<String>,
    /// retention_ended, consent_withdrawn, request, court_decision or unlawful_processing.
    #[arg(long, default_value = "request")]
    ground: String,
    /// A reference, such as a court decision's number and date.
    #[arg(long)]
    reference: Option<String>,
    /// Confirm: this cannot be undone.
    #[arg(long)]
    yes: bool,
}

#[derive(Subcommand)]
enum RecoveryKeyCommand {
    /// Make a new recovery key and print it once.
    New,
    /// Split a new recovery key among people (--holder, 2 to 10 times); any --threshold of them
    /// open the vault together. The shares are printed once (and, with --pdf, one page each).
    Split {
        /// How many shares open the vault.
        #[arg(long)]
        threshold: u8,
        /// Who keeps a share (once per person).
        #[arg(long = "holder", value_name = "NAME", required = true)]
        holders: Vec<String>,
        /// Also write the shares as a PDF, one page per holder (never over an existing file).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// The PDF's language: kk or ru.
        #[arg(long = "doc-lang", default_value = "kk")]
        doc_lang: String,
    },
}

#[derive(Subcommand)]
enum KeyFileCommand {
    /// Make a new key file and write it to FILE; from then on your password opens the vault only
    /// with it (give your current one with --key-file if you have one).
    Set {
        /// Where to write the key file (a USB stick); never over an existing file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Open with the password alone again (give the current key file with --key-file).
    Remove,
}

#[derive(Subcommand)]
enum JournalCommand {
    /// List journal entries, newest first.
    List {
        /// At most this many entries (default: all).
        #[arg(long)]
        limit: Option<i64>,
        /// Skip this many of the newest entries.
        #[arg(long, default_value_t = 0)]
        offset: i64,
    },
    /// Check the hash chain; exit 1 and name the first broken entry if it was altered.
    Verify,
}

/// Where secrets come from: a TTY prompt, or successive lines of stdin.
pub(crate) struct Secrets {
    from_stdin: bool,
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
    cx: Ctx,
}

impl Secrets {
    fn new(from_stdin: bool, cx: Ctx) -> Self {
        Self {
            from_stdin,
            lines: None,
            cx,
        }
    }

    fn next_line(&mut self) -> Result<String, Error> {
        let lines = self
            .lines
            .get_or_insert_with(|| std::io::stdin().lock().lines());
        match lines.next() {
            Some(Ok(mut l)) => {
                if l.ends_with('\r') {
                    l.pop();
                }
                Ok(l)
            }
            Some(Err(e)) => Err(e.into()),
            None => Err(Error::invalid("stdin", "cli_stdin_ended")),
        }
    }

    /// A password: the next line of stdin, or typed at the prompt `prompt` (an id in cli.ftl).
    pub(crate) fn read(&mut self, prompt: &str) -> Result<Password, Error> {
        if self.from_stdin {
            return Ok(Password::new(self.next_line()?));
        }
        if !std::io::stdin().is_terminal() {
            return Err(Error::invalid("password", "cli_no_terminal"));
        }
        let prompt = format!("{} ", self.cx.say(prompt, &[]));
        Ok(Password::new(rpassword::prompt_password(prompt)?))
    }

    /// A new password: once from stdin, twice (with repetition) at a prompt.
    pub(crate) fn read_new(&mut self, prompt: &str) -> Result<(Password, Password), Error> {
        let first = self.read(prompt)?;
        let second = if self.from_stdin {
            first.clone()
        } else {
            self.read("cli-prompt-repeat-new-password")?
        };
        Ok((first, second))
    }
}

fn vault_dir(cli: &Cli) -> Result<PathBuf, Error> {
    cli.vault
        .clone()
        .ok_or_else(|| Error::invalid("vault", "cli_vault_missing"))
}

pub(crate) fn read_recovery_key(secrets: &mut Secrets) -> Result<RecoveryKey, Error> {
    let line = secrets.next_line()?;
    RecoveryKey::parse(&line)
}

/// Shares of a split recovery key from stdin, up to a blank line or the end of input.
fn read_shares(secrets: &mut Secrets) -> Result<Vec<String>, Error> {
    let mut shares = Vec::new();
    loop {
        match secrets.next_line() {
            Ok(l) if l.trim().is_empty() => break,
            Ok(l) => shares.push(l),
            Err(_) if !shares.is_empty() => break,
            Err(e) => return Err(e),
        }
    }
    Ok(shares)
}

/// Unlock with whatever the flags say: the recovery key, shares of it, or a password.
fn unlock(cli: &Cli, secrets: &mut Secrets) -> Result<Vault, Error> {
    let dir = vault_dir(cli)?;
    if cli.shares_stdin {
        return Vault::unlock_with_shares(&dir, &read_shares(secrets)?);
    }
    if cli.recovery_key_stdin {
        let key = read_recovery_key(secrets)?;
        return Vault::unlock_with_recovery_key(&dir, &key);
    }
    let pw = secrets.read("cli-prompt-password")?;
    let key_file = key_file(cli)?;
    Vault::unlock_with_key_file(&dir, cli.user.as_deref(), &pw, key_file.as_ref())
}

/// The key file named by `--key-file`, read.
fn key_file(cli: &Cli) -> Result<Option<derbes_core::KeyFile>, Error> {
    cli.key_file
        .as_deref()
        .map(derbes_core::KeyFile::read)
        .transpose()
}

/// Unlock, run `f`, and lock again whatever `f` returned.
fn with_vault(
    cli: &Cli,
    secrets: &mut Secrets,
    f: impl FnOnce(&Vault) -> Result<(), Error>,
) -> Result<(), Error> {
    let vault = unlock(cli, secrets)?;
    let result = f(&vault);
    vault.lock("exit")?;
    result
}

fn run(cli: &Cli, cx: Ctx) -> Result<(), Error> {
    let mut secrets = Secrets::new(
        cli.password_stdin || cli.recovery_key_stdin || cli.shares_stdin,
        cx,
    );
    match &cli.command {
        Command::Init { name } => {
            let dir = vault_dir(cli)?;
            let name = name
                .clone()
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| cx.say("cli-default-user-name", &[]));
            let (pw, repeated) = secrets.read_new("cli-prompt-new-vault-password")?;
            let (vault, recovery) =
                Vault::create(&dir, &name, &pw, &repeated, KdfParams::default())?;
            let id = vault.id();
            vault.lock("exit")?;
            if cx.json {
                output::json(&json!({"id": id, "vault": dir, "recoveryKey": &*recovery.display()}));
            } else {
                cx.println("cli-vault-created", &[("dir", text(dir.display()))]);
                println!();
                cx.println("cli-recovery-key-shown-once", &[]);
                println!();
                println!("    {}", &*recovery.display());
                println!();
                cx.println("cli-recovery-key-only-way", &[]);
            }
        }
        Command::UnlockCheck => {
            let vault = unlock(cli, &mut secrets)?;
            if let Err(e) = vault.check_files() {
                let _ = vault.lock("exit");
                return Err(e);
            }
            let v = vault.verify_journal();
            let user = vault.user().name.clone();
            vault.lock("exit")?;
            let v = v?;
            if cx.json {
                output::json(&json!({"ok": v.ok, "user": user, "journal": v}));
            } else {
                cx.println("cli-vault-opens", &[("user", text(&user))]);
            }
            if let Some(p) = v.problem {
                return Err(p.error());
            }
            if !cx.json {
                cx.println("cli-journal-intact", &[("count", v.entries.into())]);
            }
        }
        Command::Passwd => {
            let dir = vault_dir(cli)?;
            let vault = if cli.shares_stdin {
                let shares = read_shares(&mut secrets)?;
                let (new_pw, repeated) = secrets.read_new("cli-prompt-new-password")?;
                Vault::recover_with_shares(&dir, &shares, &new_pw, &repeated)?
            } else if cli.recovery_key_stdin {
                let key = read_recovery_key(&mut secrets)?;
                let (new_pw, repeated) = secrets.read_new("cli-prompt-new-password")?;
                Vault::recover(&dir, &key, &new_pw, &repeated)?
            } else {
                let current = secrets.read("cli-prompt-current-password")?;
                let (new_pw, repeated) = secrets.read_new("cli-prompt-new-password")?;
                let file = key_file(cli)?;
                let mut vault = Vault::unlock_with_key_file(
                    &dir,
                    cli.user.as_deref(),
                    &current,
                    file.as_ref(),
                )?;
                let changed = vault.change_password_with_key_file(
                    &current,
                    file.as_ref(),
                    &new_pw,
                    &repeated,
                );
                if let Err(e) = changed {
                    vault.lock("exit")?;
                    return Err(e);
                }
                vault
            };
            vault.lock("exit")?;
            if cx.json {
                output::json(&json!({"ok": true}));
            } else {
                cx.println("cli-password-changed", &[]);
            }
        }
        Command::User { command } => {
            let mut vault = unlock(cli, &mut secrets)?;
            let result = users::user(&mut vault, command, &mut secrets, cx);
            vault.lock("exit")?;
            result?
        }
        Command::RecoveryKey { command } => {
            let mut vault = unlock(cli, &mut secrets)?;
            let result = recovery_key(&mut vault, command, cx);
            vault.lock("exit")?;
            result?
        }
        Command::KeyFile { command } => {
            let dir = vault_dir(cli)?;
            let current = secrets.read("cli-prompt-password")?;
            let file = key_file(cli)?;
            let mut vault =
                Vault::unlock_with_key_file(&dir, cli.user.as_deref(), &current, file.as_ref())?;
            let result = match command {
                KeyFileCommand::Set { out } => vault
                    .set_key_file(&current, file.as_ref(), out)
                    .map(|()| ("cli-key-file-set", Some(out.display().to_string()))),
                KeyFileCommand::Remove => match &file {
                    Some(f) => vault
                        .remove_key_file(&current, f)
                        .map(|()| ("cli-key-file-removed", None)),
                    None => Err(Error::invalid("key_file", "cli_key_file_missing")),
                },
            };
            vault.lock("exit")?;
            let (id, path) = result?;
            if cx.json {
                output::json(&json!({"ok": true, "path": path}));
            } else {
                cx.println(id, &[("path", text(path.unwrap_or_default()))]);
            }
        }
        Command::Rekey => {
            let mut vault = unlock(cli, &mut secrets)?;
            let result = vault.rekey();
            vault.lock("exit")?;
            let done = result?;
            if cx.json {
                output::json(&json!({"slots": done.slots}));
            } else {
                users::say_rekeyed(&done, cx);
            }
        }
        Command::Subject { command } => {
            with_vault(cli, &mut secrets, |v| register::subject(v, command, cx))?
        }
        Command::Service { command } => {
            with_vault(cli, &mut secrets, |v| register::service(v, command, cx))?
        }
        Command::Inventory { command } => {
            with_vault(cli, &mut secrets, |v| register::inventory(v, command, cx))?
        }
        Command::Org { command } => {
            with_vault(cli, &mut secrets, |v| register::org(v, command, cx))?
        }
        Command::Consent { command } => {
            with_vault(cli, &mut secrets, |v| lifecycle::consent(v, command, cx))?
        }
        Command::Block { person, reason } => with_vault(cli, &mut secrets, |v| {
            lifecycle::flag(v, person, "block", Some(reason), cx)
        })?,
        Command::Unblock { person, reason } => with_vault(cli, &mut secrets, |v| {
            lifecycle::flag(v, person, "unblock", Some(reason), cx)
        })?,
        Command::Hold {
            person,
            reason,
            release,
        } => with_vault(cli, &mut secrets, |v| {
            let what = if *release { "release" } else { "hold" };
            lifecycle::flag(v, person, what, reason.as_deref(), cx)
        })?,
        Command::Retention { command } => {
            with_vault(cli, &mut secrets, |v| lifecycle::retention(v, command, cx))?
        }
        Command::Anonymize(a) | Command::Destroy(a) => {
            let action = if matches!(cli.command, Command::Anonymize(_)) {
                derbes_core::lifecycle::end::EndAction::Anonymise
            } else {
                derbes_core::lifecycle::end::EndAction::Destroy
            };
            with_vault(cli, &mut secrets, |v| {
                lifecycle::end(
                    v,
                    action,
                    &a.people,
                    a.due,
                    a.as_of.as_deref(),
                    &a.ground,
                    a.reference.as_deref(),
                    a.yes,
                    cx,
                )
            })?
        }
        Command::Acts { command } => {
            with_vault(cli, &mut secrets, |v| lifecycle::acts(v, command, cx))?
        }
        Command::Report { command } => {
            with_vault(cli, &mut secrets, |v| reports::report(v, command, cx))?
        }
        Command::Transfer { command } => {
            with_vault(cli, &mut secrets, |v| reports::transfer(v, command, cx))?
        }
        Command::Docs { command } => with_vault(cli, &mut secrets, |v| docs::docs(v, command, cx))?,
        Command::Calendar { command } => {
            with_vault(cli, &mut secrets, |v| obligations::calendar(v, command, cx))?
        }
        Command::Request { command } => {
            with_vault(cli, &mut secrets, |v| obligations::request(v, command, cx))?
        }
        Command::Breach { command } => {
            with_vault(cli, &mut secrets, |v| obligations::breach(v, command, cx))?
        }
        Command::Backup(args) => match &args.command {
            Some(backup::BackupCommand::Verify { file }) => {
                let key_file = key_file(cli)?;
                let credentials = backup::Credentials::read(
                    &mut secrets,
                    cli.recovery_key_stdin,
                    cli.user.as_deref(),
                    key_file.as_ref(),
                )?;
                backup::verify(file, &credentials, cx)?
            }
            _ => with_vault(cli, &mut secrets, |v| backup::backup(v, args, cx))?,
        },
        Command::Restore(args) => {
            let key_file = key_file(cli)?;
            let credentials = backup::Credentials::read(
                &mut secrets,
                cli.recovery_key_stdin,
                cli.user.as_deref(),
                key_file.as_ref(),
            )?;
            backup::restore(args, &credentials, cx)?
        }
        Command::Demo { subjects, seed } => with_vault(cli, &mut secrets, |v| {
            register::demo(v, *subjects, *seed, cx)
        })?,
        Command::Journal { command } => {
            let vault = unlock(cli, &mut secrets)?;
            let result = match command {
                JournalCommand::List { limit, offset } => vault
                    .journal(limit.unwrap_or(i64::MAX), *offset)
                    .map(|(_, entries)| {
                        if cx.json {
                            output::json(&serde_json::Value::Array(
                                entries.iter().map(output::journal_json).collect(),
                            ));
                        } else {
                            output::journal_table(&entries);
                        }
                    }),
                JournalCommand::Verify => vault.verify_journal().and_then(|v| {
                    if cx.json {
                        output::json(&serde_json::to_value(&v).unwrap_or_default());
                    }
                    match v.problem {
                        Some(p) => Err(p.error()),
                        None => {
                            if !cx.json {
                                cx.println("cli-journal-intact", &[("count", v.entries.into())]);
                            }
                            Ok(())
                        }
                    }
                }),
            };
            vault.lock("exit")?;
            result?;
        }
    }
    Ok(())
}

/// `derbes recovery-key new|split`.
fn recovery_key(vault: &mut Vault, command: &RecoveryKeyCommand, cx: Ctx) -> Result<(), Error> {
    match command {
        RecoveryKeyCommand::New => {
            let key = vault.new_recovery_key()?;
            if cx.json {
                output::json(&json!({"recoveryKey": &*key.display()}));
            } else {
                cx.println("cli-recovery-key-shown-once", &[]);
                println!();
                println!("    {}", &*key.display());
                println!();
                cx.println("cli-recovery-key-replaced", &[]);
            }
        }
        RecoveryKeyCommand::Split {
            threshold,
            holders,
            pdf,
            doc_lang,
        } => {
            let lang = derbes_core::documents::DocLang::parse(doc_lang)?;
            if let Some(path) = pdf {
                derbes_core::documents::check_target(
                    path,
                    derbes_core::documents::IfExists::Refuse,
                )?;
            }
            let shares = vault.split_recovery_key(*threshold, holders)?;
            if let Some(path) = pdf {
                // The key is already replaced: if the PDF cannot be made or written, the shares
                // are still printed below, once.
                let written = derbes_core::documents::recovery_shares(&shares, &vault.name(), lang)
                    .and_then(|bytes| {
                        derbes_core::documents::save(
                            path,
                            &bytes,
                            derbes_core::documents::IfExists::Refuse,
                        )
                    });
                if let Err(e) = written {
                    eprintln!("{}", words::error(cx.lang, &e));
                }
            }
            if cx.json {
                output::json(&serde_json::to_value(&shares).unwrap_or_default());
            } else {
                cx.println(
                    "cli-shares-made",
                    &[
                        ("threshold", (*threshold).into()),
                        ("count", shares.len().into()),
                    ],
                );
                for s in &shares {
                    println!();
                    println!("    {} ({}/{})", s.holder, s.index, s.count);
                    println!("    {}", s.text);
                }
                println!();
                cx.println("cli-shares-once", &[]);
            }
        }
    }
    Ok(())
}

/// The language to speak: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders
/// them), else English.
fn language(cli: &Cli) -> Lang {
    if let Some(l) = &cli.speak {
        return Lang::parse(l).unwrap_or(Lang::En);
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map(|v| Lang::from_locale(&v))
        .unwrap_or(Lang::En)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cx = Ctx {
        lang: language(&cli),
        json: cli.json,
    };
    match run(&cli, cx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = std::io::stdout().flush();
            if cx.json {
                // Machine output stays the same on every machine: the code and parameters say
                // it in any language, the message is the English one.
                eprintln!(
                    "{}",
                    json!({"error": {"code": e.code(), "message": e.to_string(), "params": e.params()}})
                );
            } else {
                eprintln!("{}", words::error(cx.lang, &e));
            }
            ExitCode::from(1)
        }
    }
}
