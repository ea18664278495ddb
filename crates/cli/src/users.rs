//! `derbes user …`: the people who use a vault, each with their own password.

use clap::Subcommand;
use derbes_core::vault::Role;
use derbes_core::{Error, Vault};
use serde_json::json;

use crate::output::{self, text, Ctx};
use crate::Secrets;

#[derive(Subcommand)]
pub enum UserCommand {
    /// List the vault's users and their roles.
    List,
    /// Add a user with their own password (read after yours: the next line of stdin, or typed
    /// twice at the prompt).
    Add {
        /// Their name, which they unlock as (`--user NAME`).
        name: String,
        /// responsible (the person responsible for processing) or staff.
        #[arg(long, default_value = "staff", value_parser = ["responsible", "staff"])]
        role: String,
        /// Let a staff member reveal health data and identity numbers.
        #[arg(long)]
        may_reveal: bool,
    },
    /// Remove a user: their password no longer opens the vault; their name stays in the journal.
    Remove {
        /// The user's name or id.
        name: String,
        /// Confirm.
        #[arg(long)]
        yes: bool,
        /// Also re-key the vault, so a copy of the old keyslots file opens no later copy.
        #[arg(long)]
        rekey: bool,
    },
    /// Set a new password for another user who forgot theirs (your own: `derbes passwd`).
    Passwd {
        /// The user's name or id.
        name: String,
    },
    /// Make a user responsible person or staff.
    Role {
        /// The user's name or id.
        name: String,
        /// responsible or staff.
        #[arg(value_parser = ["responsible", "staff"])]
        role: String,
    },
    /// Allow (on) or forbid (off) a staff member to reveal health data and identity numbers.
    Reveal {
        /// The user's name or id.
        name: String,
        /// on or off.
        #[arg(value_parser = ["on", "off"])]
        allowed: String,
    },
}

fn role(code: &str) -> Role {
    Role::parse(code).unwrap_or(Role::Staff)
}

fn role_word(cx: Ctx, role: Role) -> String {
    let id = match role {
        Role::Responsible => "cli-role-responsible",
        Role::Staff => "cli-role-staff",
    };
    cx.say(id, &[])
}

/// After a re-key: what happened.
pub fn say_rekeyed(r: &derbes_core::vault::rekey::Rekeyed, cx: Ctx) {
    cx.println("cli-rekeyed", &[("slots", r.slots.into())]);
}

pub fn user(
    v: &mut Vault,
    command: &UserCommand,
    secrets: &mut Secrets,
    cx: Ctx,
) -> Result<(), Error> {
    match command {
        UserCommand::List => {
            let users = v.users()?;
            if cx.json {
                output::json(&serde_json::to_value(&users).unwrap_or_default());
                return Ok(());
            }
            let width = users
                .iter()
                .map(|u| u.name.chars().count())
                .max()
                .unwrap_or(0)
                .max(4);
            for u in &users {
                let mut notes = vec![role_word(cx, u.role)];
                if u.role == Role::Staff && u.may_reveal {
                    notes.push(cx.say("cli-user-may-reveal", &[]));
                }
                if u.is_you {
                    notes.push(cx.say("cli-user-you", &[]));
                }
                if !u.has_password {
                    notes.push(cx.say("cli-user-no-password", &[]));
                }
                println!("  {:<width$}  {}", u.name, notes.join(", "));
            }
        }
        UserCommand::Add {
            name,
            role: r,
            may_reveal,
        } => {
            let (pw, repeated) = secrets.read_new("cli-prompt-new-user-password")?;
            let added = v.add_user(name, role(r), *may_reveal, &pw, &repeated)?;
            if cx.json {
                output::json(&serde_json::to_value(&added).unwrap_or_default());
            } else {
                cx.println(
                    "cli-user-added",
                    &[
                        ("name", text(&added.name)),
                        ("role", text(role_word(cx, added.role))),
                    ],
                );
            }
        }
        UserCommand::Remove { name, yes, rekey } => {
            let target = v.resolve_user(name)?;
            if !yes {
                return Err(Error::invalid("yes", "cli_confirm_remove_user"));
            }
            if *rekey {
                // Refused before anything is removed, not half-way.
                v.check_rekey()?;
            }
            v.remove_user(target.id)?;
            let rekeyed = if *rekey { Some(v.rekey()?) } else { None };
            if cx.json {
                output::json(&json!({
                    "id": target.id,
                    "removed": true,
                    "rekeyed": rekeyed.is_some(),
                }));
            } else {
                cx.println("cli-user-removed", &[("name", text(&target.name))]);
                if let Some(r) = &rekeyed {
                    say_rekeyed(r, cx);
                }
            }
        }
        UserCommand::Passwd { name } => {
            let target = v.resolve_user(name)?;
            let (pw, repeated) = secrets.read_new("cli-prompt-new-user-password")?;
            v.set_user_password(target.id, &pw, &repeated)?;
            if cx.json {
                output::json(&json!({"id": target.id, "ok": true}));
            } else {
                cx.println("cli-user-password-set", &[("name", text(&target.name))]);
            }
        }
        UserCommand::Role { name, role: r } => {
            let target = v.resolve_user(name)?;
            v.set_user_role(target.id, role(r))?;
            let after = v.resolve_user(&target.id.to_string())?;
            if cx.json {
                output::json(&serde_json::to_value(&after).unwrap_or_default());
            } else {
                cx.println(
                    "cli-user-role-set",
                    &[
                        ("name", text(&after.name)),
                        ("role", text(role_word(cx, after.role))),
                    ],
                );
            }
        }
        UserCommand::Reveal { name, allowed } => {
            let target = v.resolve_user(name)?;
            v.set_user_may_reveal(target.id, allowed == "on")?;
            let after = v.resolve_user(&target.id.to_string())?;
            if cx.json {
                output::json(&serde_json::to_value(&after).unwrap_or_default());
            } else {
                let id = if after.may_reveal {
                    "cli-user-reveal-on"
                } else {
                    "cli-user-reveal-off"
                };
                cx.println(id, &[("name", text(&after.name))]);
            }
        }
    }
    Ok(())
}
