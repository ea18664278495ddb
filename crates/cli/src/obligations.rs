//! `derbes calendar …`, `derbes request …`, `derbes breach …`: the working-day calendar, the
//! requests people make about their data, and breaches — each on its clock.

use std::path::PathBuf;

use clap::Subcommand;
use derbes_core::breaches::{Breach, BreachDraft, BreachKind, SubjectsTold};
use derbes_core::calendar::clock::ClockState;
use derbes_core::calendar::{Clock, Day, Marked, Year};
use derbes_core::documents::{DocLang, IfExists};
use derbes_core::lifecycle::retention::as_of;
use derbes_core::requests::{Channel, Closing, IdentityCheck, Request, RequestDraft, RequestKind};
use derbes_core::{Error, Vault};
use serde_json::json;
use time::PrimitiveDateTime;

use crate::output::{self, text, Ctx};

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// The years the calendar has data for, or one year's days off and transfers.
    List {
        /// One year.
        year: Option<i32>,
    },
    /// The day N working days after DATE: the due day of a term that starts then.
    AddDays {
        /// The day of the event (yyyy-mm-dd or dd.mm.yyyy).
        date: String,
        /// Working days.
        days: u32,
    },
    /// Set a year's data: Kurban Ait and the government's transfers (replaces the year).
    Set {
        /// The year.
        year: i32,
        /// The first day of Kurban Ait.
        #[arg(long)]
        kurban_ait: String,
        /// Kurban Ait's day is still an estimate.
        #[arg(long)]
        estimated: bool,
        /// A day off the government added: DATE or DATE=NOTE (repeat for each).
        #[arg(long = "day-off", value_name = "DATE[=NOTE]")]
        days_off: Vec<String>,
        /// A weekend day worked instead: DATE or DATE=NOTE (repeat for each).
        #[arg(long = "working-day", value_name = "DATE[=NOTE]")]
        working_days: Vec<String>,
    },
    /// Give a year back to the data Derbes ships (or remove a year it does not ship).
    Reset {
        /// The year.
        year: i32,
    },
}

#[derive(Subcommand)]
pub enum RequestCommand {
    /// Take a request from a person (or their representative).
    Add {
        /// The person's № or id.
        person: String,
        /// access, correction, blocking, unblocking, destruction, withdrawal or
        /// publication_refusal.
        #[arg(long)]
        kind: String,
        /// The day it was received (default: today).
        #[arg(long)]
        received: Option<String>,
        /// in_person, post, email, egov or other.
        #[arg(long, default_value = "in_person")]
        channel: String,
        /// id_document, egov_signature, known_in_person or representative_authority.
        #[arg(long, default_value = "id_document")]
        identity: String,
        /// The representative's name and authority (with --identity representative_authority).
        #[arg(long)]
        representative: Option<String>,
        /// What exactly is asked.
        #[arg(long)]
        note: Option<String>,
    },
    /// Every request, open ones first with their clocks.
    List {
        /// Only those still open.
        #[arg(long)]
        open: bool,
    },
    /// One request.
    Show {
        /// The request's №.
        number: i64,
    },
    /// Write the answer to an access request (PDF, kk or ru) from the vault itself.
    Answer {
        /// The request's №.
        number: i64,
        /// The file to write; never over an existing file without --replace.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The answer's language: kk or ru.
        #[arg(long = "lang", alias = "doc-lang", default_value = "kk")]
        doc_lang: String,
        /// Replace a file already at --out.
        #[arg(long)]
        replace: bool,
    },
    /// Close a request: done (Derbes finds the evidence), or refused with --refuse REASON.
    Close {
        /// The request's №.
        number: i64,
        /// Refuse, with the reasons.
        #[arg(long, value_name = "REASON")]
        refuse: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum BreachCommand {
    /// Record a breach.
    Add {
        /// When it was detected: yyyy-mm-ddThh:mm (office time).
        #[arg(long)]
        detected: String,
        /// device_lost, media_lost, unauthorised_access, accidental_publication, malware,
        /// password_leaked, wrong_recipient or other.
        #[arg(long)]
        kind: String,
        /// What happened.
        #[arg(long)]
        description: String,
        /// A category of data affected (repeat): identity, contact, id_number, financial,
        /// health, biometric, social_status, other.
        #[arg(long = "category", required = true)]
        categories: Vec<String>,
        /// Everyone in the register is affected.
        #[arg(long, conflicts_with = "people")]
        all: bool,
        /// A person affected, by № (repeat).
        #[arg(long = "person")]
        people: Vec<i64>,
        /// What was done to contain it.
        #[arg(long)]
        containment: Option<String>,
        /// Whether the people were told: yes, no or not_yet.
        #[arg(long, default_value = "not_yet")]
        told: String,
    },
    /// Every breach, those still to notify first (Derbes adds its own proposals first).
    List,
    /// Write the notice to the authorised body (PDF, kk or ru).
    Notice {
        /// The breach's №.
        number: i64,
        /// The file to write; never over an existing file without --replace.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The notice's language: kk or ru.
        #[arg(long = "lang", alias = "doc-lang", default_value = "kk")]
        doc_lang: String,
        /// Replace a file already at --out.
        #[arg(long)]
        replace: bool,
    },
    /// Record the day the notice was sent to the authorised body.
    Notified {
        /// The breach's №.
        number: i64,
        /// The day (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Close a breach (once notified).
    Close {
        /// The breach's №.
        number: i64,
    },
    /// Confirm a breach Derbes proposed.
    Confirm {
        /// The breach's №.
        number: i64,
    },
    /// Dismiss a breach Derbes proposed, with the reason.
    Dismiss {
        /// The breach's №.
        number: i64,
        /// Why it is not a breach.
        #[arg(long)]
        reason: String,
    },
}

/// A stable code from the command line, as the core's enums read it.
fn parse_code<T: for<'de> serde::Deserialize<'de>>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string())).ok()
}

fn marked(s: &str) -> Result<Marked, Error> {
    let (d, note) = s.split_once('=').unwrap_or((s, ""));
    Ok(Marked {
        date: as_of(Some(d))?,
        note: note.trim().to_string(),
    })
}

/// A clock in words: due, due today, overdue, or which year the calendar lacks.
fn clock_words(c: &Clock, cx: Ctx) -> String {
    let due = c.due.map(|d| d.to_string()).unwrap_or_default();
    match c.state {
        ClockState::Running => cx.say(
            "cli-clock-running",
            &[("due", text(&due)), ("left", c.left.unwrap_or(0).into())],
        ),
        ClockState::DueToday => cx.say("cli-clock-today", &[("due", text(&due))]),
        ClockState::Overdue => cx.say("cli-clock-overdue", &[("due", text(&due))]),
        ClockState::Unknown => cx.say(
            "cli-clock-unknown",
            &[("year", c.missing_year.unwrap_or(0).into())],
        ),
    }
}

/// Run `derbes calendar …`.
pub fn calendar(v: &Vault, cmd: &CalendarCommand, cx: Ctx) -> Result<(), Error> {
    match cmd {
        CalendarCommand::List { year: None } => {
            let years = v.calendar_years()?;
            if cx.json {
                output::json(&serde_json::to_value(&years).unwrap_or_default());
                return Ok(());
            }
            for y in &years {
                cx.println(
                    "cli-calendar-year",
                    &[
                        ("year", y.year.year.into()),
                        ("kurban", text(y.year.kurban_ait)),
                        ("estimated", text(y.year.kurban_ait_estimated)),
                        ("off", y.year.days_off.len().into()),
                        ("worked", y.year.working_days.len().into()),
                        ("edited", text(y.edited)),
                    ],
                );
            }
        }
        CalendarCommand::List { year: Some(year) } => {
            let days = v.calendar()?.special_days(*year)?;
            if cx.json {
                output::json(&serde_json::Value::Array(
                    days.iter()
                        .map(|(d, day)| {
                            let mut o = serde_json::to_value(day).unwrap_or_default();
                            o["date"] = json!(d.to_string());
                            o
                        })
                        .collect(),
                ));
                return Ok(());
            }
            for (d, day) in days {
                let what = match day {
                    Day::Holiday { holiday, moved } => {
                        let name = cx.say(&format!("holiday-{holiday}"), &[]);
                        if moved {
                            cx.say("cli-calendar-moved", &[("holiday", text(name))])
                        } else {
                            name
                        }
                    }
                    Day::DayOff => cx.say("cli-calendar-day-off", &[]),
                    Day::Working { .. } => cx.say("cli-calendar-working", &[]),
                    Day::Weekend => cx.say("cli-calendar-weekend", &[]),
                };
                println!("{d}  {what}");
            }
        }
        CalendarCommand::AddDays { date, days } => {
            let from = as_of(Some(date))?;
            let due = v.calendar()?.add_working_days(from, *days)?;
            if cx.json {
                output::json(
                    &json!({"from": from.to_string(), "days": days, "due": due.to_string()}),
                );
            } else {
                cx.println(
                    "cli-calendar-due",
                    &[
                        ("from", text(from)),
                        ("days", (*days).into()),
                        ("due", text(due)),
                    ],
                );
            }
        }
        CalendarCommand::Set {
            year,
            kurban_ait,
            estimated,
            days_off,
            working_days,
        } => {
            let y = Year {
                year: *year,
                kurban_ait: as_of(Some(kurban_ait))?,
                kurban_ait_estimated: *estimated,
                days_off: days_off
                    .iter()
                    .map(|s| marked(s))
                    .collect::<Result<_, _>>()?,
                working_days: working_days
                    .iter()
                    .map(|s| marked(s))
                    .collect::<Result<_, _>>()?,
            };
            v.set_calendar_year(&y)?;
            if cx.json {
                output::json(&json!({"id": year, "year": year}));
            } else {
                cx.println("cli-calendar-set", &[("year", (*year).into())]);
            }
        }
        CalendarCommand::Reset { year } => {
            v.reset_calendar_year(*year)?;
            if cx.json {
                output::json(&json!({"id": year, "year": year}));
            } else {
                cx.println("cli-calendar-reset", &[("year", (*year).into())]);
            }
        }
    }
    Ok(())
}

fn request_json(r: &Request) -> serde_json::Value {
    let mut o = serde_json::to_value(r).unwrap_or_default();
    o["id"] = json!(r.number);
    o
}

fn request_line(r: &Request, cx: Ctx) -> String {
    let state = match &r.closure {
        Some(c) => cx.say(
            "cli-request-closed-on",
            &[("outcome", text(&c.outcome)), ("on", text(c.closed_on))],
        ),
        None => clock_words(&r.clock, cx),
    };
    cx.say(
        "cli-request-line",
        &[
            ("number", r.number.into()),
            ("person", r.subject_number.into()),
            (
                "kind",
                text(cx.say(&format!("request-kind-{}", r.kind.key()), &[])),
            ),
            ("received", text(r.received_on)),
            ("state", text(state)),
        ],
    )
}

/// Run `derbes request …`.
pub fn request(v: &Vault, cmd: &RequestCommand, cx: Ctx) -> Result<(), Error> {
    let r = match cmd {
        RequestCommand::Add {
            person,
            kind,
            received,
            channel,
            identity,
            representative,
            note,
        } => {
            let draft = RequestDraft {
                subject: v.resolve_subject(person)?,
                kind: RequestKind::parse(kind)?,
                received_on: as_of(received.as_deref())?,
                channel: parse_code::<Channel>(channel)
                    .ok_or_else(|| Error::invalid("channel", "request_channel_unknown"))?,
                representative: representative.clone(),
                identity_check: parse_code::<IdentityCheck>(identity)
                    .ok_or_else(|| Error::invalid("identity", "request_identity_unknown"))?,
                note: note.clone(),
            };
            v.add_request(&draft)?
        }
        RequestCommand::List { open } => {
            let all: Vec<Request> = v
                .requests()?
                .into_iter()
                .filter(|r| !open || r.is_open())
                .collect();
            if cx.json {
                output::json(&serde_json::Value::Array(
                    all.iter().map(request_json).collect(),
                ));
            } else {
                for r in &all {
                    println!("{}", request_line(r, cx));
                }
            }
            return Ok(());
        }
        RequestCommand::Show { number } => v.request(*number)?,
        RequestCommand::Answer {
            number,
            out,
            doc_lang,
            replace,
        } => {
            let if_exists = if *replace {
                IfExists::Replace
            } else {
                IfExists::Refuse
            };
            let a = v.save_access_answer(*number, DocLang::parse(doc_lang)?, out, if_exists)?;
            if cx.json {
                let mut o = serde_json::to_value(&a).unwrap_or_default();
                o["id"] = json!(a.number);
                o["path"] = json!(out);
                output::json(&o);
            } else {
                cx.println(
                    "cli-request-answer-written",
                    &[
                        ("answer", a.number.into()),
                        ("number", (*number).into()),
                        ("path", text(out.display())),
                    ],
                );
            }
            return Ok(());
        }
        RequestCommand::Close { number, refuse } => {
            let closing = match refuse {
                Some(reason) => Closing::Refused {
                    reason: reason.clone(),
                },
                None => Closing::Done,
            };
            v.close_request(*number, &closing)?
        }
    };
    if cx.json {
        output::json(&request_json(&r));
    } else {
        println!("{}", request_line(&r, cx));
    }
    Ok(())
}

fn breach_json(b: &Breach) -> serde_json::Value {
    let mut o = serde_json::to_value(b).unwrap_or_default();
    o["id"] = json!(b.number);
    o
}

fn breach_line(b: &Breach, cx: Ctx) -> String {
    let kind = serde_json::to_value(b.kind)
        .ok()
        .and_then(|k| k.as_str().map(String::from))
        .unwrap_or_default();
    let status = serde_json::to_value(b.status)
        .ok()
        .and_then(|k| k.as_str().map(String::from))
        .unwrap_or_default();
    let state = if b.awaits_notice() {
        clock_words(&b.clock, cx)
    } else {
        cx.say(&format!("breach-status-{status}"), &[])
    };
    cx.say(
        "cli-breach-line",
        &[
            ("number", b.number.into()),
            ("kind", text(cx.say(&format!("breach-kind-{kind}"), &[]))),
            (
                "detected",
                text(format!(
                    "{} {:02}:{:02}",
                    b.detected_at.date(),
                    b.detected_at.hour(),
                    b.detected_at.minute()
                )),
            ),
            ("affected", b.affected.into()),
            ("state", text(state)),
        ],
    )
}

/// Run `derbes breach …`.
pub fn breach(v: &Vault, cmd: &BreachCommand, cx: Ctx) -> Result<(), Error> {
    let b = match cmd {
        BreachCommand::Add {
            detected,
            kind,
            description,
            categories,
            all,
            people,
            containment,
            told,
        } => {
            let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
            let detected_at = PrimitiveDateTime::parse(detected.trim(), format)
                .map_err(|_| Error::invalid("detected_at", "breach_detected_format"))?;
            let draft = BreachDraft {
                detected_at,
                kind: parse_code::<BreachKind>(kind)
                    .ok_or_else(|| Error::invalid("kind", "breach_kind_unknown"))?,
                description: description.clone(),
                categories: categories.clone(),
                whole_register: *all,
                people: people.clone(),
                containment: containment.clone(),
                subjects_told: parse_code::<SubjectsTold>(told)
                    .ok_or_else(|| Error::invalid("told", "breach_told_unknown"))?,
            };
            v.add_breach(&draft)?
        }
        BreachCommand::List => {
            v.propose_breaches()?;
            let all = v.breaches()?;
            if cx.json {
                output::json(&serde_json::Value::Array(
                    all.iter().map(breach_json).collect(),
                ));
            } else {
                for b in &all {
                    println!("{}", breach_line(b, cx));
                }
            }
            return Ok(());
        }
        BreachCommand::Notice {
            number,
            out,
            doc_lang,
            replace,
        } => {
            let if_exists = if *replace {
                IfExists::Replace
            } else {
                IfExists::Refuse
            };
            let n = v.save_breach_notice(*number, DocLang::parse(doc_lang)?, out, if_exists)?;
            if cx.json {
                let mut o = serde_json::to_value(&n).unwrap_or_default();
                o["id"] = json!(n.number);
                o["path"] = json!(out);
                output::json(&o);
            } else {
                cx.println(
                    "cli-breach-notice-written",
                    &[
                        ("notice", n.number.into()),
                        ("number", (*number).into()),
                        ("path", text(out.display())),
                    ],
                );
            }
            return Ok(());
        }
        BreachCommand::Notified { number, on } => {
            v.breach_notified(*number, as_of(on.as_deref())?)?
        }
        BreachCommand::Close { number } => v.close_breach(*number)?,
        BreachCommand::Confirm { number } => v.confirm_breach(*number)?,
        BreachCommand::Dismiss { number, reason } => v.dismiss_breach(*number, reason)?,
    };
    if cx.json {
        output::json(&breach_json(&b));
    } else {
        println!("{}", breach_line(&b, cx));
    }
    Ok(())
}
