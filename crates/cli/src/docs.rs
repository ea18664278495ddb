//! `derbes docs …`: the papers an inspector asks for (policy, inventory, order, retention
//! schedule, undertakings), where each stands, and the compliance pack.

use std::path::PathBuf;

use clap::Subcommand;
use derbes_core::documents::papers::{Paper, PaperRequest, PaperState};
use derbes_core::documents::{DocLang, IfExists};
use derbes_core::{Error, Vault};
use serde_json::json;
use uuid::Uuid;

use crate::output::{self, text, Ctx};

/// Where a paper goes and in which language.
#[derive(clap::Args)]
pub struct PaperOut {
    /// The file to write (PDF; a ZIP for the pack). Never over an existing file without
    /// --replace.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The document's language: kk or ru.
    #[arg(long = "lang", alias = "doc-lang", default_value = "kk")]
    pub doc_lang: String,
    /// Replace a file already at --out.
    #[arg(long)]
    pub replace: bool,
}

impl PaperOut {
    fn if_exists(&self) -> IfExists {
        if self.replace {
            IfExists::Replace
        } else {
            IfExists::Refuse
        }
    }
}

#[derive(Subcommand)]
pub enum DocsCommand {
    /// Every paper and where it stands: never produced, produced on a day, or out of date.
    List,
    /// The personal-data policy (Art. 25(2)(1-1)).
    Policy(PaperOut),
    /// The approved data inventory (Art. 25(2)(1)); an earlier one with --inventory-version.
    Inventory {
        #[command(flatten)]
        out: PaperOut,
        /// An earlier version of the inventory.
        #[arg(long, value_name = "N")]
        inventory_version: Option<i64>,
    },
    /// The order appointing the person responsible for organising processing (Art. 25(2)(10)).
    Order(PaperOut),
    /// The retention schedule: every rule, its basis, anchor and term.
    Retention(PaperOut),
    /// A confidentiality undertaking (Art. 11(2)) of a user (name or id) or of an employee or
    /// volunteer marked as seeing the data (№ or id).
    Undertaking {
        /// The user's name or id, or the person's № or id.
        person: String,
        #[command(flatten)]
        out: PaperOut,
    },
    /// The compliance pack: every paper, the acts, consents, transfers and the journal in one
    /// ZIP for an inspector.
    Pack {
        #[command(flatten)]
        out: PaperOut,
        /// Also put in the scans of signed consent forms.
        #[arg(long)]
        scans: bool,
    },
    /// Mark an employee or volunteer as seeing personal data at work (they sign an
    /// undertaking), or no longer with --off.
    SeesData {
        /// The person's № or id.
        person: String,
        /// No longer sees the data.
        #[arg(long)]
        off: bool,
    },
}

/// The sentence id naming a paper.
fn paper_name(paper: Paper) -> &'static str {
    match paper {
        Paper::Policy => "cli-paper-policy",
        Paper::Inventory => "cli-paper-inventory",
        Paper::Order => "cli-paper-order",
        Paper::Retention => "cli-paper-retention",
        Paper::Undertaking => "cli-paper-undertaking",
    }
}

/// The sentence id saying why a paper is out of date.
fn outdated_why(reason: &str) -> &'static str {
    match reason {
        "inventory_changed" => "cli-paper-why-inventory-changed",
        "responsible_changed" => "cli-paper-why-responsible-changed",
        _ => "cli-paper-why-details-changed",
    }
}

/// A user's id by name or id, or else a register person's by № or id.
fn signatory(v: &Vault, who: &str) -> Result<Uuid, Error> {
    match v.resolve_user(who) {
        Ok(u) => Ok(u.id),
        Err(_) => v.resolve_subject(who),
    }
}

fn state_json(s: &PaperState) -> serde_json::Value {
    json!({
        "id": match &s.person { Some(p) => format!("{}:{}", s.paper.key(), p.id), None => s.paper.key().to_string() },
        "paper": s.paper,
        "state": s.state(),
        "person": s.person,
        "last": s.last,
        "outdated": s.outdated,
    })
}

/// Run `derbes docs …`.
pub fn docs(v: &Vault, cmd: &DocsCommand, cx: Ctx) -> Result<(), Error> {
    let (paper, out, person, version) = match cmd {
        DocsCommand::List => return list(v, cx),
        DocsCommand::SeesData { person, off } => {
            let id = v.resolve_subject(person)?;
            v.set_sees_data(id, !off)?;
            if cx.json {
                output::json(&json!({"id": id, "seesData": !off}));
            } else {
                cx.println(
                    if *off {
                        "cli-sees-data-off"
                    } else {
                        "cli-sees-data-on"
                    },
                    &[("person", text(person))],
                );
            }
            return Ok(());
        }
        DocsCommand::Pack { out, scans } => return pack(v, out, *scans, cx),
        DocsCommand::Policy(o) => (Paper::Policy, o, None, None),
        DocsCommand::Inventory {
            out,
            inventory_version,
        } => (Paper::Inventory, out, None, *inventory_version),
        DocsCommand::Order(o) => (Paper::Order, o, None, None),
        DocsCommand::Retention(o) => (Paper::Retention, o, None, None),
        DocsCommand::Undertaking { person, out } => {
            (Paper::Undertaking, out, Some(signatory(v, person)?), None)
        }
    };
    let req = PaperRequest {
        paper,
        lang: DocLang::parse(&out.doc_lang)?,
        person,
        version,
    };
    let produced = v.produce_paper(&req, &out.out, out.if_exists())?;
    if cx.json {
        let mut o = serde_json::to_value(&produced).unwrap_or_default();
        o["id"] = json!(produced.number);
        o["path"] = json!(out.out);
        output::json(&o);
    } else {
        cx.println(
            "cli-paper-written",
            &[
                ("paper", text(cx.say(paper_name(paper), &[]))),
                ("number", produced.number.into()),
                ("pages", produced.pages.into()),
                ("path", text(out.out.display())),
            ],
        );
    }
    Ok(())
}

fn list(v: &Vault, cx: Ctx) -> Result<(), Error> {
    let states = v.papers()?;
    if cx.json {
        output::json(&serde_json::Value::Array(
            states.iter().map(state_json).collect(),
        ));
        return Ok(());
    }
    for s in &states {
        let name = cx.say(paper_name(s.paper), &[]);
        let name = match &s.person {
            Some(p) => format!("{name}: {}", p.name),
            None => name,
        };
        let state = match (&s.last, s.state()) {
            (None, _) => cx.say("cli-paper-never", &[]),
            (Some(l), "current") => cx.say(
                "cli-paper-current",
                &[("number", l.number.into()), ("at", text(&l.produced_at))],
            ),
            (Some(l), _) => cx.say(
                "cli-paper-outdated",
                &[
                    ("number", l.number.into()),
                    ("at", text(&l.produced_at)),
                    (
                        "why",
                        text(
                            s.outdated
                                .iter()
                                .map(|w| cx.say(outdated_why(w), &[]))
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                    ),
                ],
            ),
        };
        println!("{:<48} {state}", output::truncate(&name, 47));
    }
    Ok(())
}

fn pack(v: &Vault, out: &PaperOut, scans: bool, cx: Ctx) -> Result<(), Error> {
    let lang = DocLang::parse(&out.doc_lang)?;
    let summary = v.compliance_pack(lang, &out.out, out.if_exists(), scans)?;
    if cx.json {
        let mut o = serde_json::to_value(&summary).unwrap_or_default();
        o["id"] = json!(summary.number);
        o["path"] = json!(out.out);
        output::json(&o);
        return Ok(());
    }
    cx.println(
        "cli-pack-written",
        &[
            ("number", summary.number.into()),
            ("files", (summary.entries.len() + 1).into()),
            ("path", text(out.out.display())),
        ],
    );
    if !summary.journal_ok {
        cx.println("cli-pack-journal-broken", &[]);
    }
    if !summary.missing.is_empty() {
        cx.println("cli-pack-missing", &[]);
        for m in &summary.missing {
            println!("  - {}", cx.say(&format!("pack-missing-{m}"), &[]));
        }
    }
    Ok(())
}
