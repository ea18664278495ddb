//! `derbes report donor` and `derbes transfer …`: donor reports, releases and the ledger.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use derbes_core::documents::IfExists;
use derbes_core::register::fields::{Field, Kind};
use derbes_core::reports::export::Format;
use derbes_core::reports::identifying::{
    IdentifyingDraft, RecipientDraft, RecipientKind, RecipientRecord,
};
use derbes_core::reports::labels::Lang;
use derbes_core::reports::release::{Attribute, Release, ReleaseSpec, Sensitive};
use derbes_core::reports::table::{self, Dimension, Measure, Report, ReportSpec};
use derbes_core::reports::transfer::{Recipient, Transfer};
use derbes_core::{Error, Vault};
use serde_json::{json, Value};

use crate::output::{self, text, Ctx};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// An anonymised report for a donor: a table with small cells hidden, or with --k a
    /// k-anonymous row-level release. With --out, saved and recorded in the transfer ledger.
    Donor(DonorArgs),
}

#[derive(Args)]
pub struct DonorArgs {
    /// Break down by up to three of: region, district, sex, age_band, kind, programme,
    /// service_type, disability, quarter, month (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "region,sex")]
    by: Vec<String>,
    /// What to count: people, services or new_people.
    #[arg(long, default_value = "people")]
    measure: String,
    /// First month, YYYY-MM (default: January of this year).
    #[arg(long)]
    from: Option<String>,
    /// Last month, YYYY-MM (default: this month).
    #[arg(long)]
    to: Option<String>,
    /// Kinds of people (comma-separated; default beneficiary).
    #[arg(long, value_delimiter = ',', default_value = "beneficiary")]
    kinds: Vec<String>,
    /// Only this programme (repeatable).
    #[arg(long)]
    programme: Vec<String>,
    /// Age bands' lower bounds (comma-separated, from 0).
    #[arg(long, value_delimiter = ',')]
    age_bands: Option<Vec<u32>>,
    /// Counts below this are hidden (at least 3).
    #[arg(long, default_value_t = table::DEFAULT_THRESHOLD)]
    threshold: u64,
    /// Make a row-level release instead, k-anonymous with this k.
    #[arg(long)]
    k: Option<usize>,
    /// Release columns (comma-separated): age, sex, place, disability, household_size, kind,
    /// programme, service_month.
    #[arg(long, value_delimiter = ',')]
    columns: Option<Vec<String>>,
    /// Add the sensitive column: service_type.
    #[arg(long)]
    sensitive: Option<String>,
    /// l-diversity on the sensitive column.
    #[arg(long)]
    l: Option<usize>,
    /// The most rows a release may leave out, in per cent.
    #[arg(long, default_value_t = 5.0)]
    max_suppressed: f64,
    /// Language of the words: kk, ru or en.
    #[arg(long, default_value = "ru")]
    lang: String,
    /// Save to this file (.csv, .xlsx or .pdf) and record the transfer.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace a file already at --out (otherwise refused: it may be a copy already sent).
    #[arg(long)]
    replace: bool,
    /// Who receives the file (required with --out).
    #[arg(long)]
    recipient: Option<String>,
    /// Why it is sent (required with --out).
    #[arg(long)]
    purpose: Option<String>,
}

#[derive(Subcommand)]
pub enum TransferCommand {
    /// The transfer ledger, newest first.
    List,
    /// Recipients: `recipient add --name … --country … [--abroad --protects yes|no] --kind …`,
    /// or `recipient list`.
    Recipient {
        #[command(subcommand)]
        command: RecipientCommand,
    },
    /// Transfer identifiable data to a recipient (CSV): refused, with the people who lack a
    /// basis, unless each has a consent naming the recipient or an Art. 9 ground.
    Add {
        /// The recipient's №.
        #[arg(long)]
        recipient: i64,
        /// Why.
        #[arg(long)]
        purpose: String,
        /// A field to transfer (repeat), e.g. --field surname --field phone.
        #[arg(long = "field", required = true)]
        fields: Vec<String>,
        /// A person by № (repeat).
        #[arg(long = "person", required = true)]
        people: Vec<i64>,
        /// Abroad without protection and without consent: art16_3_2, art16_3_3 or art16_3_4.
        #[arg(long)]
        exception: Option<String>,
        /// Only check each person's basis; write nothing.
        #[arg(long)]
        check: bool,
        /// The CSV file to write; never over an existing file without --replace.
        #[arg(long, value_name = "FILE", required_unless_present = "check")]
        out: Option<PathBuf>,
        /// Replace a file already at --out.
        #[arg(long)]
        replace: bool,
    },
    /// Notices of transfers people are owed (Art. 19), or record one given with --done.
    Notices {
        /// Record that the person (№) was told of transfer --transfer.
        #[arg(long, requires = "transfer")]
        done: Option<i64>,
        /// The transfer's №.
        #[arg(long)]
        transfer: Option<i64>,
    },
    /// Find a file in the ledger by its SHA-256.
    Verify {
        /// The file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum RecipientCommand {
    /// Add a recipient.
    Add {
        /// Its name, as consents name it.
        #[arg(long)]
        name: String,
        /// Its country, as consents name it.
        #[arg(long)]
        country: String,
        /// The country is abroad (a cross-border transfer, Art. 16).
        #[arg(long)]
        abroad: bool,
        /// Abroad: whether the country ensures protection of personal data (yes or no).
        #[arg(long)]
        protects: Option<String>,
        /// donor, partner, state_body or other.
        #[arg(long, default_value = "partner")]
        kind: String,
    },
    /// Every recipient.
    List,
}

/// Each non-empty item parsed, or the refusal `unknown` makes for the first that is not known
/// (the item is an option's word, never personal data).
fn parse_list<T>(
    items: &[String],
    parse: impl Fn(&str) -> Option<T>,
    unknown: impl Fn(&str) -> Error,
) -> Result<Vec<T>, Error> {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| parse(s).ok_or_else(|| unknown(s)))
        .collect()
}

fn period(a: &DonorArgs) -> (String, String) {
    let (from, to) = table::default_period(derbes_core::lifecycle::consent::today());
    (a.from.clone().unwrap_or(from), a.to.clone().unwrap_or(to))
}

fn kinds(a: &DonorArgs) -> Result<Vec<Kind>, Error> {
    parse_list(&a.kinds, Kind::from_key, |s| {
        Error::invalid("kinds", "cli_report_kind_unknown").with("value", s)
    })
}

fn recipient(a: &DonorArgs) -> Recipient {
    Recipient {
        recipient: a.recipient.clone().unwrap_or_default(),
        purpose: a.purpose.clone().unwrap_or_default(),
    }
}

/// `derbes report …`
pub fn report(v: &Vault, cmd: &ReportCommand, cx: Ctx) -> Result<(), Error> {
    let ReportCommand::Donor(a) = cmd;
    let lang = Lang::parse(&a.lang)?;
    let (from, to) = period(a);
    if a.k.is_some() {
        let columns = match &a.columns {
            Some(c) => parse_list(c, Attribute::from_key, |s| {
                Error::invalid("columns", "cli_release_column_unknown").with("value", s)
            })?,
            None => Attribute::DEFAULT.to_vec(),
        };
        let sensitive = match a.sensitive.as_deref() {
            None => None,
            Some("service_type") => Some(Sensitive::ServiceType),
            Some(other) => {
                return Err(
                    Error::invalid("sensitive", "cli_sensitive_unknown").with("value", other)
                )
            }
        };
        let spec = ReleaseSpec {
            from,
            to,
            kinds: kinds(a)?,
            programmes: a.programme.clone(),
            columns,
            k: a.k.unwrap_or(5),
            sensitive,
            l: a.l,
            max_suppressed_percent: a.max_suppressed,
        };
        match &a.out {
            Some(path) => {
                let t = v.export_release(
                    &spec,
                    lang,
                    Format::from_path(path)?,
                    &recipient(a),
                    path,
                    crate::lifecycle::if_exists(a.replace),
                )?;
                print_saved(&t, path, cx);
            }
            None => print_release(&v.release(&spec, lang)?, cx),
        }
    } else {
        let spec = ReportSpec {
            from,
            to,
            measure: Measure::from_key(&a.measure)
                .ok_or_else(|| Error::invalid("measure", "cli_measure_unknown"))?,
            by: parse_list(&a.by, Dimension::from_key, |s| {
                Error::invalid("by", "cli_report_by_unknown").with("value", s)
            })?,
            kinds: kinds(a)?,
            programmes: a.programme.clone(),
            age_bands: a
                .age_bands
                .clone()
                .unwrap_or_else(|| table::DEFAULT_AGE_BANDS.to_vec()),
            threshold: a.threshold,
        };
        match &a.out {
            Some(path) => {
                let t = v.export_report(
                    &spec,
                    lang,
                    Format::from_path(path)?,
                    &recipient(a),
                    path,
                    crate::lifecycle::if_exists(a.replace),
                )?;
                print_saved(&t, path, cx);
            }
            None => print_report(&v.report(&spec, lang)?, cx.json),
        }
    }
    Ok(())
}

fn print_saved(t: &Transfer, path: &std::path::Path, cx: Ctx) {
    if cx.json {
        output::json(&transfer_json(t));
    } else {
        cx.println(
            "cli-report-saved",
            &[
                ("path", text(path.display())),
                ("number", t.number.into()),
                ("sha256", text(&t.sha256)),
            ],
        );
    }
}

fn transfer_json(t: &Transfer) -> Value {
    let mut o = serde_json::to_value(t).unwrap_or_default();
    o["id"] = json!(t.number);
    o
}

fn print_report(r: &Report, as_json: bool) {
    if as_json {
        output::json(&serde_json::to_value(r).unwrap_or_default());
        return;
    }
    println!("{}", r.title);
    for p in &r.panels {
        println!();
        if let Some(t) = &p.title {
            println!("{t}");
        }
        let first = p
            .rows
            .iter()
            .map(|row| row.label.chars().count())
            .chain(std::iter::once(p.row_header.chars().count()))
            .max()
            .unwrap_or(10)
            .min(40);
        let width = p
            .columns
            .iter()
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(8)
            .clamp(6, 16);
        let mut line = format!("{:<first$}", output::truncate(&p.row_header, first));
        for c in &p.columns {
            line.push_str(&format!("  {:>width$}", output::truncate(c, width)));
        }
        println!("{line}");
        for row in &p.rows {
            let mut line = format!("{:<first$}", output::truncate(&row.label, first));
            for c in &row.cells {
                line.push_str(&format!("  {:>width$}", c.text));
            }
            println!("{line}");
        }
    }
    println!();
    for m in &r.method {
        println!("{m}");
    }
}

fn print_release(r: &Release, cx: Ctx) {
    if cx.json {
        output::json(&serde_json::to_value(r).unwrap_or_default());
        return;
    }
    cx.println(
        "cli-release-summary",
        &[
            ("k", r.k_achieved.into()),
            ("classes", r.classes.into()),
            ("rows", r.row_count.into()),
            ("suppressed", r.suppressed.into()),
            // As Rust prints it, so a whole number stays whole and nothing is rounded.
            ("loss", text(r.information_loss_percent)),
        ],
    );
    if let Some(l) = r.l_achieved {
        cx.println("cli-release-l", &[("l", l.into())]);
    }
    for t in &r.transformation {
        println!("  {:<24} {}", t.label, t.level_label);
    }
    println!();
    println!("{}", r.headers.join(" | "));
    for row in r.rows.iter().take(20) {
        println!("{}", row.join(" | "));
    }
    if r.row_count > 20 {
        cx.println(
            "cli-release-more-rows",
            &[("count", (r.row_count - 20).into())],
        );
    }
}

/// `derbes transfer …`
pub fn transfer(v: &Vault, cmd: &TransferCommand, cx: Ctx) -> Result<(), Error> {
    match cmd {
        TransferCommand::List => {
            let list = v.transfers()?;
            if cx.json {
                output::json(&Value::Array(list.iter().map(transfer_json).collect()));
            } else if list.is_empty() {
                cx.println("cli-no-transfers", &[]);
            } else {
                for t in &list {
                    println!(
                        "№ {:<5} {}  {:<8} {:<5} {:<30} {}  {}",
                        t.number,
                        t.at,
                        t.kind,
                        t.format,
                        output::truncate(&t.recipient, 30),
                        output::truncate(&t.purpose, 40),
                        &t.sha256[..12.min(t.sha256.len())]
                    );
                }
            }
        }
        TransferCommand::Recipient { command } => match command {
            RecipientCommand::Add {
                name,
                country,
                abroad,
                protects,
                kind,
            } => {
                let kind = serde_json::from_value::<RecipientKind>(Value::String(kind.clone()))
                    .map_err(|_| Error::invalid("kind", "cli_recipient_kind_unknown"))?;
                let protects = match protects.as_deref().map(str::trim) {
                    None => None,
                    Some("yes") => Some(true),
                    Some("no") => Some(false),
                    Some(_) => return Err(Error::invalid("protects", "cli_yes_or_no")),
                };
                let r = v.add_recipient(&RecipientDraft {
                    name: name.clone(),
                    country: country.clone(),
                    abroad: *abroad,
                    kind,
                    protects,
                })?;
                if cx.json {
                    output::json(&recipient_json(&r));
                } else {
                    cx.println(
                        "cli-recipient-added",
                        &[("number", r.number.into()), ("name", text(&r.name))],
                    );
                }
            }
            RecipientCommand::List => {
                let list = v.recipients()?;
                if cx.json {
                    output::json(&Value::Array(list.iter().map(recipient_json).collect()));
                } else {
                    for r in &list {
                        println!(
                            "№ {:<4} {:<40} {:<20} {}",
                            r.number,
                            output::truncate(&r.name, 40),
                            output::truncate(&r.country, 20),
                            r.transfers
                        );
                    }
                }
            }
        },
        TransferCommand::Add {
            recipient,
            purpose,
            fields,
            people,
            exception,
            check,
            out,
            replace,
        } => {
            let fields = parse_list(fields, Field::from_key, |s| {
                Error::invalid("field", "cli_field_unknown").with("key", s)
            })?;
            let d = IdentifyingDraft {
                recipient: *recipient,
                purpose: purpose.clone(),
                fields,
                people: people.clone(),
                exception: exception.clone(),
            };
            if *check {
                let c = v.check_transfer(&d)?;
                output::json(&serde_json::to_value(&c).unwrap_or_default());
                return Ok(());
            }
            let Some(out) = out else {
                return Err(Error::invalid("out", "cli_out_required"));
            };
            let if_exists = if *replace {
                IfExists::Replace
            } else {
                IfExists::Refuse
            };
            let t = v.export_identifying(&d, out, if_exists)?;
            if cx.json {
                output::json(&transfer_json(&t));
            } else {
                cx.println(
                    "cli-transfer-written",
                    &[
                        ("number", t.number.into()),
                        ("rows", t.outcome["rows"].as_i64().unwrap_or(0).into()),
                        ("path", text(out.display())),
                    ],
                );
            }
        }
        TransferCommand::Notices { done, transfer } => {
            if let (Some(number), Some(transfer)) = (done, transfer) {
                v.transfer_notified(*transfer, *number, derbes_core::lifecycle::consent::today())?;
            }
            let list = v.transfer_notices()?;
            if cx.json {
                output::json(&serde_json::to_value(&list).unwrap_or_default());
            } else {
                for n in &list {
                    println!(
                        "№ {:<5} {:<30} {:<6} {}",
                        n.transfer,
                        output::truncate(&n.recipient, 30),
                        n.number,
                        n.clock.due.map(|d| d.to_string()).unwrap_or_default()
                    );
                }
            }
        }
        TransferCommand::Verify { file } => match v.find_transfer_of_file(file)? {
            Some(t) => {
                if cx.json {
                    output::json(&transfer_json(&t));
                } else {
                    cx.println(
                        "cli-transfer-found",
                        &[
                            ("number", t.number.into()),
                            ("recipient", text(&t.recipient)),
                            ("date", text(t.at.get(0..10).unwrap_or(&t.at))),
                            ("purpose", text(&t.purpose)),
                        ],
                    );
                }
            }
            None => return Err(Error::invalid("file", "cli_transfer_not_found")),
        },
    }
    Ok(())
}

fn recipient_json(r: &RecipientRecord) -> Value {
    let mut o = serde_json::to_value(r).unwrap_or_default();
    o["id"] = json!(r.number);
    o
}
