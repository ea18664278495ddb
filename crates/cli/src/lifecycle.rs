//! `derbes consent …`, `block`, `unblock`, `hold`, `retention …`, `anonymize`, `destroy`,
//! `acts …`: the data's lifecycle from a terminal. Parsing and printing only.

use std::path::PathBuf;

use clap::Subcommand;
use derbes_core::documents::{self, DocLang};
use derbes_core::lifecycle::consent::{
    Consent, ConsentDraft, ConsentForm, Refusal, RefusalGround, Representative, Scope,
    WithdrawalDraft,
};
use derbes_core::lifecycle::end::{Act, EndAction, Ground};
use derbes_core::lifecycle::retention;
use derbes_core::{Error, Vault};
use serde_json::{json, Value};

use crate::output::{self, text, Ctx};

/// `derbes consent …`
#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per process; boxing would only add noise
pub enum ConsentCommand {
    /// Record a consent a person (or their legal representative) gave.
    Add {
        /// The person's number (№) or id.
        person: String,
        /// Purpose keys from the inventory, comma-separated (e.g. legal_aid,social_support).
        #[arg(long, value_delimiter = ',', required = true)]
        purpose: Vec<String>,
        /// The day it was given (default: today).
        #[arg(long)]
        given: Option<String>,
        /// First day of validity (default: the day it was given).
        #[arg(long)]
        from: Option<String>,
        /// Last day of validity (default: until the purpose is achieved).
        #[arg(long)]
        until: Option<String>,
        /// Allow transfer to these third parties.
        #[arg(long)]
        third_parties: Option<String>,
        /// Allow cross-border transfer to these countries.
        #[arg(long)]
        cross_border: Option<String>,
        /// Allow publication in public sources, saying where.
        #[arg(long)]
        publish: Option<String>,
        /// paper, electronic, egov, consent_service or other.
        #[arg(long, default_value = "paper")]
        form: String,
        /// The consent's reference number on eGov or a consent service.
        #[arg(long)]
        reference: Option<String>,
        /// The legal representative's full name (required for a minor).
        #[arg(long, requires_all = ["relation", "document"])]
        representative: Option<String>,
        /// The representative's relation to the person (mother, guardian…).
        #[arg(long)]
        relation: Option<String>,
        /// The document that makes them the legal representative.
        #[arg(long)]
        document: Option<String>,
        /// The scan of the signed form (PDF, JPEG or PNG, at most 10 MB).
        #[arg(long, requires = "signed_form")]
        evidence: Option<PathBuf>,
        /// Confirm the scan is the signed consent form, not a copy of an identity document
        /// (which must not be kept, Art. 7(10)).
        #[arg(long)]
        signed_form: bool,
        /// The person is to be told of each transfer to a third party (Art. 19).
        #[arg(long)]
        notify_transfers: bool,
    },
    /// Record a request to withdraw a consent, whole or by scope (accepted unless --refuse).
    Withdraw {
        /// The consent's number.
        consent: i64,
        /// all, third_parties, cross_border or publication.
        #[arg(long, default_value = "all")]
        scope: String,
        /// The day the person asked (default: today).
        #[arg(long)]
        on: Option<String>,
        /// How the request arrived (in writing, eGov, e-mail…).
        #[arg(long)]
        channel: String,
        /// Refuse it under Art. 8(2): law or obligation (needs --note).
        #[arg(long, requires = "note")]
        refuse: Option<String>,
        /// Which law or unfulfilled obligation prevents the withdrawal.
        #[arg(long)]
        note: Option<String>,
    },
    /// List a person's consents.
    List {
        /// The person's number (№) or id.
        person: String,
    },
    /// Write the pre-filled consent form as PDF for signature.
    Form {
        /// The consent's number.
        consent: i64,
        /// kk or ru.
        #[arg(long, default_value = "kk")]
        lang: String,
        /// Where to write the PDF.
        #[arg(long)]
        out: PathBuf,
        /// Replace a file already at --out (otherwise refused).
        #[arg(long)]
        replace: bool,
    },
    /// Attach the scan of the signed form to a consent.
    Attach {
        /// The consent's number.
        consent: i64,
        /// The scan (PDF, JPEG or PNG, at most 10 MB).
        file: PathBuf,
        /// Confirm the scan is the signed consent form, not a copy of an identity document
        /// (which must not be kept, Art. 7(10)).
        #[arg(long, required = true)]
        signed_form: bool,
    },
}

/// `derbes retention …`
#[derive(Subcommand)]
pub enum RetentionCommand {
    /// Show the retention rules.
    Rules,
    /// Who has passed retention on a day (default: today).
    Due {
        /// The day to ask about.
        #[arg(long)]
        as_of: Option<String>,
    },
}

/// `derbes acts …`
#[derive(Subcommand)]
pub enum ActsCommand {
    /// List destruction and anonymisation acts.
    List,
    /// Show one act; with --out, write it as PDF.
    Show {
        /// The act's number.
        act: i64,
        /// Write the act as PDF here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace a file already at --out (otherwise refused).
        #[arg(long)]
        replace: bool,
        /// kk or ru.
        #[arg(long, default_value = "kk")]
        lang: String,
    },
}

fn print_consent(c: &Consent, cx: Ctx) {
    if cx.json {
        output::json(&serde_json::to_value(c).unwrap_or_default());
        return;
    }
    let yes = |b: bool, d: &Option<String>| match (b, d) {
        (true, Some(d)) => cx.say("cli-yes-where", &[("where", text(d))]),
        (true, None) => cx.say("cli-yes", &[]),
        _ => cx.say("cli-no", &[]),
    };
    cx.println(
        "cli-consent-heading",
        &[
            ("number", c.number.into()),
            ("person", c.subject_number.into()),
            ("state", c.state.key().into()),
        ],
    );
    let until = match &c.valid_until {
        Some(d) => d.clone(),
        None => cx.say("cli-consent-until-purpose", &[]),
    };
    let mut lines = vec![
        ("cli-consent-purposes", c.purposes.join(", ")),
        ("cli-consent-given-on", c.given_on.clone()),
        (
            "cli-consent-valid",
            cx.say(
                "cli-consent-valid-range",
                &[("from", text(&c.valid_from)), ("until", text(until))],
            ),
        ),
        (
            "cli-consent-third-parties",
            yes(c.third_parties, &c.third_party_recipients),
        ),
        (
            "cli-consent-cross-border",
            yes(c.cross_border, &c.cross_border_countries),
        ),
        (
            "cli-consent-publication",
            yes(c.publication, &c.publication_where),
        ),
        ("cli-consent-form", c.form.key().to_string()),
    ];
    if let Some(r) = &c.representative {
        lines.push((
            "cli-consent-given-by",
            cx.say(
                "cli-consent-by-representative",
                &[("relation", text(&r.relation))],
            ),
        ));
    }
    lines.push((
        "cli-consent-evidence",
        match &c.evidence {
            Some(e) => e.media_type.clone(),
            None => cx.say("cli-consent-no-evidence", &[]),
        },
    ));
    cx.print_labelled("  ", &lines);
}

fn print_act(a: &Act, cx: Ctx) {
    if cx.json {
        output::json(&serde_json::to_value(a).unwrap_or_default());
        return;
    }
    cx.println(
        "cli-act-heading",
        &[
            ("number", a.number.into()),
            ("action", a.action.key().into()),
            ("count", a.subjects.len().into()),
            ("ground", a.ground.key().into()),
            ("at", text(&a.performed_at)),
            ("by", text(&a.performed_by_name)),
        ],
    );
    let numbers: Vec<String> = a.subjects.iter().map(|n| format!("№ {n}")).collect();
    cx.print_labelled(
        "  ",
        &[
            ("cli-act-people", output::truncate(&numbers.join(", "), 400)),
            ("cli-act-categories", a.categories.join(", ")),
        ],
    );
}

/// `derbes consent …`
pub fn consent(v: &Vault, cmd: &ConsentCommand, cx: Ctx) -> Result<(), Error> {
    match cmd {
        ConsentCommand::Add {
            person,
            purpose,
            given,
            from,
            until,
            third_parties,
            cross_border,
            publish,
            form,
            reference,
            representative,
            relation,
            document,
            evidence,
            notify_transfers,
            ..
        } => {
            let id = v.resolve_subject(person)?;
            let form = ConsentForm::from_key(form)
                .ok_or_else(|| Error::invalid("form", "cli_consent_form_unknown"))?;
            let draft = ConsentDraft {
                purposes: purpose.clone(),
                given_on: given.clone(),
                valid_from: from.clone(),
                valid_until: until.clone(),
                third_parties: third_parties.clone(),
                cross_border: cross_border.clone(),
                publication: publish.clone(),
                form: Some(form),
                form_reference: reference.clone(),
                representative: representative.as_ref().map(|name| Representative {
                    name: name.clone(),
                    relation: relation.clone().unwrap_or_default(),
                    document: document.clone().unwrap_or_default(),
                }),
                notify_transfers: *notify_transfers,
            };
            let scan = evidence
                .as_deref()
                .map(derbes_core::lifecycle::consent::read_evidence_file)
                .transpose()?;
            // The consent and its scan are recorded together, or neither is.
            let c = v.add_consent_with_evidence(id, &draft, scan.as_deref())?;
            print_consent(&c, cx);
        }
        ConsentCommand::Withdraw {
            consent,
            scope,
            on,
            channel,
            refuse,
            note,
        } => {
            let scope = Scope::from_key(scope)
                .ok_or_else(|| Error::invalid("scope", "cli_withdrawal_scope_unknown"))?;
            let refusal = match refuse.as_deref() {
                None => None,
                Some(key) => Some(
                    RefusalGround::from_key(key)
                        .ok_or_else(|| Error::invalid("refuse", "cli_refusal_ground_unknown"))?,
                ),
            }
            .map(|ground| Refusal {
                ground,
                note: note.clone().unwrap_or_default(),
            });
            let c = v.withdraw_consent(
                *consent,
                &WithdrawalDraft {
                    scope,
                    requested_on: on.clone(),
                    channel: channel.clone(),
                    refusal,
                },
            )?;
            print_consent(&c, cx);
        }
        ConsentCommand::List { person } => {
            let list = v.consents(v.resolve_subject(person)?)?;
            if cx.json {
                output::json(&serde_json::to_value(&list).unwrap_or_default());
            } else if list.is_empty() {
                cx.println("cli-no-consents", &[]);
            } else {
                for c in &list {
                    print_consent(c, cx);
                }
            }
        }
        ConsentCommand::Form {
            consent,
            lang: l,
            out,
            replace,
        } => {
            documents::check_target(out, if_exists(*replace))?;
            let bytes = v.consent_form_pdf(*consent, DocLang::parse(l)?)?;
            documents::save(out, &bytes, if_exists(*replace))?;
            if cx.json {
                output::json(&json!({"consent": consent, "path": out}));
            } else {
                cx.println("cli-consent-form-written", &[("path", text(out.display()))]);
            }
        }
        ConsentCommand::Attach { consent, file, .. } => {
            let e = v.attach_consent_evidence_file(*consent, file)?;
            if cx.json {
                output::json(&serde_json::to_value(&e).unwrap_or_default());
            } else {
                cx.println(
                    "cli-scan-attached",
                    &[
                        ("type", text(&e.media_type)),
                        ("size", e.size.into()),
                        ("consent", (*consent).into()),
                    ],
                );
            }
        }
    }
    Ok(())
}

/// `derbes block|unblock|hold`.
pub fn flag(
    v: &Vault,
    person: &str,
    what: &str,
    reason: Option<&str>,
    cx: Ctx,
) -> Result<(), Error> {
    let id = v.resolve_subject(person)?;
    let reason = reason.unwrap_or_default();
    let said = match what {
        "block" => v.block(id, reason).map(|_| "cli-record-blocked"),
        "unblock" => v.unblock(id, reason).map(|_| "cli-record-unblocked"),
        "hold" => v.hold(id, reason).map(|_| "cli-record-held"),
        _ => v.release_hold(id).map(|_| "cli-record-released"),
    }?;
    let number = v.subject(id)?.number;
    if cx.json {
        output::json(&json!({"id": id, "number": number, "done": what}));
    } else {
        cx.println(said, &[("number", number.into())]);
    }
    Ok(())
}

/// `derbes retention …`
pub fn retention(v: &Vault, cmd: &RetentionCommand, cx: Ctx) -> Result<(), Error> {
    match cmd {
        RetentionCommand::Rules => {
            let rules = v.retention_rules()?;
            if cx.json {
                let list: Vec<Value> = rules
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut o = serde_json::to_value(r).unwrap_or_default();
                        o["id"] = json!(i + 1);
                        o
                    })
                    .collect();
                output::json(&Value::Array(list));
            } else {
                for r in &rules {
                    let how = match (r.anchor, r.months) {
                        (Some(a), Some(m)) => cx.say(
                            "cli-rule-months-after",
                            &[("months", m.into()), ("anchor", a.key().into())],
                        ),
                        _ if r.mode == retention::Mode::ForLife => cx.say("cli-rule-for-life", &[]),
                        _ => cx.say("cli-rule-until-purpose", &[]),
                    };
                    let purpose = match &r.purpose {
                        Some(p) => p.clone(),
                        None => cx.say("cli-rule-any-purpose", &[]),
                    };
                    println!(
                        "{:<12} {:<18} {:<40} ({})",
                        r.kind.key(),
                        purpose,
                        how,
                        r.basis
                    );
                }
            }
        }
        RetentionCommand::Due { as_of } => {
            let list = v.due(retention::as_of(as_of.as_deref())?)?;
            if cx.json {
                output::json(&serde_json::to_value(&list.people).unwrap_or_default());
            } else {
                cx.println(
                    "cli-due-summary",
                    &[
                        ("count", list.people.len().into()),
                        ("date", text(&list.as_of)),
                        ("held", list.held.into()),
                    ],
                );
                let blocked = format!("  {}", cx.say("cli-due-blocked", &[]));
                for d in &list.people {
                    let row = cx.say(
                        "cli-due-row",
                        &[
                            ("number", text(format!("{:<7}", d.number))),
                            ("kind", text(format!("{:<12}", d.kind.key()))),
                            ("since", text(&d.due_since)),
                            ("name", text(output::truncate(&d.full_name, 40))),
                        ],
                    );
                    println!("  {row}{}", if d.blocked { blocked.as_str() } else { "" });
                }
            }
        }
    }
    Ok(())
}

/// `derbes anonymize|destroy`.
#[allow(clippy::too_many_arguments)]
pub fn end(
    v: &Vault,
    action: EndAction,
    people: &[String],
    due: bool,
    as_of: Option<&str>,
    ground: &str,
    reference: Option<&str>,
    yes: bool,
    cx: Ctx,
) -> Result<(), Error> {
    if !yes {
        return Err(Error::invalid("yes", "cli_confirm_with_yes"));
    }
    let (act, skipped) = if due {
        if !people.is_empty() {
            return Err(Error::invalid("due", "cli_due_or_people"));
        }
        v.end_due(action, retention::as_of(as_of)?)?
    } else {
        let ground = Ground::from_key(ground)
            .ok_or_else(|| Error::invalid("ground", "cli_end_ground_unknown"))?;
        let ids = people
            .iter()
            .map(|p| v.resolve_subject(p))
            .collect::<Result<Vec<_>, _>>()?;
        let act = match action {
            EndAction::Anonymise => v.anonymise(&ids, ground, reference)?,
            EndAction::Destroy => v.destroy(&ids, ground, reference)?,
        };
        (act, Vec::new())
    };
    if cx.json {
        let mut o = serde_json::to_value(&act).unwrap_or_default();
        o["skippedBlocked"] = json!(skipped);
        output::json(&o);
    } else {
        print_act(&act, cx);
        if !skipped.is_empty() {
            let numbers = skipped
                .iter()
                .map(|n| format!("№ {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            println!(
                "  {}",
                cx.say("cli-left-alone-blocked", &[("numbers", text(numbers))])
            );
        }
    }
    Ok(())
}

/// `derbes acts …`
pub fn acts(v: &Vault, cmd: &ActsCommand, cx: Ctx) -> Result<(), Error> {
    match cmd {
        ActsCommand::List => {
            let list = v.acts()?;
            if cx.json {
                let list: Vec<Value> = list
                    .iter()
                    .map(|a| {
                        let mut o = serde_json::to_value(a).unwrap_or_default();
                        o["id"] = json!(a.number);
                        o
                    })
                    .collect();
                output::json(&Value::Array(list));
            } else if list.is_empty() {
                cx.println("cli-no-acts", &[]);
            } else {
                for a in &list {
                    cx.println(
                        "cli-acts-row",
                        &[
                            ("number", text(format!("{:<5}", a.number))),
                            ("action", text(format!("{:<10}", a.action.key()))),
                            ("ground", text(format!("{:<20}", a.ground.key()))),
                            ("count", text(format!("{:>6}", a.people))),
                            ("at", text(&a.performed_at)),
                            ("by", text(&a.performed_by_name)),
                        ],
                    );
                }
            }
        }
        ActsCommand::Show {
            act,
            out,
            replace,
            lang: l,
        } => {
            let a = v.act(*act)?;
            if let Some(path) = out {
                documents::check_target(path, if_exists(*replace))?;
                let bytes = v.act_pdf(*act, DocLang::parse(l)?)?;
                documents::save(path, &bytes, if_exists(*replace))?;
                if !cx.json {
                    cx.println("cli-act-written", &[("path", text(path.display()))]);
                }
            }
            print_act(&a, cx);
        }
    }
    Ok(())
}

/// `--replace` as the core's choice.
pub(crate) fn if_exists(replace: bool) -> documents::IfExists {
    if replace {
        documents::IfExists::Replace
    } else {
        documents::IfExists::Refuse
    }
}
