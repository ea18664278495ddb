//! `derbes subject …`, `derbes inventory …`, `derbes org …`, `derbes demo`: the register from a
//! terminal. Parsing and printing only; every rule is in derbes-core.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use derbes_core::lifecycle::basis::{subparagraph_code, BasisDraft, Ground};
use derbes_core::lifecycle::consent::{ConsentDraft, ConsentForm, Representative};
use derbes_core::register::bulk::{BatchSource, ImportReport};
use derbes_core::register::fields::{Field, Kind, PersonDraft, ServiceDraft, SERVICE_TYPES};
use derbes_core::register::inventory::InventoryDocument;
use derbes_core::register::organisation::Organisation;
use derbes_core::register::services::ServiceTypeChoice;
use derbes_core::register::subjects::{Access, Person, Query, Row, LIST_COLUMNS};
use derbes_core::{Error, Vault};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::output::{self, text, Ctx};

/// `derbes subject …`
#[derive(Subcommand)]
pub enum SubjectCommand {
    /// Add a person: `derbes subject add --kind beneficiary surname=… name=… iin=…`.
    Add {
        /// beneficiary, employee or volunteer.
        #[arg(long)]
        kind: String,
        /// Field values as KEY=VALUE (keys: surname, name, patronymic, iin, birth_date, sex, phone, email, region, district, settlement, address, id_document, programme, disability, household_size, health_notes, notes).
        values: Vec<String>,
        /// A service received, as DATE=TYPE (repeatable), e.g. 2024-02-15=legal_consultation.
        #[arg(long = "service")]
        services: Vec<String>,
        #[command(flatten)]
        basis: BasisArgs,
    },
    /// Give people a basis at once ("paper consents on file", or an Art. 9 ground), e.g.
    /// `derbes subject basis 3 7 12 --basis consent --purpose legal_aid`.
    Basis {
        /// The people's numbers (№) or ids.
        #[arg(required = true)]
        people: Vec<String>,
        #[command(flatten)]
        basis: BasisArgs,
    },
    /// People processed without a basis: consent ended or withdrawn, no ground, or a ground
    /// without its law — each with one working day to act.
    Lapsed,
    /// Change fields of a person (an empty value clears a field): `derbes subject edit 12 phone=+77011234567`.
    Edit {
        /// The person's number (№) or id.
        person: String,
        /// Field values as KEY=VALUE.
        values: Vec<String>,
        /// Change the kind.
        #[arg(long)]
        kind: Option<String>,
        /// Add a service, as DATE=TYPE (repeatable).
        #[arg(long = "service")]
        services: Vec<String>,
        /// Make the person public or restricted.
        #[arg(long)]
        access: Option<String>,
    },
    /// Show one person; sensitive fields masked unless --reveal (journaled).
    Show {
        /// The person's number (№) or id.
        person: String,
        /// Show sensitive fields in clear (journaled).
        #[arg(long)]
        reveal: bool,
    },
    /// List people (all matches unless --limit).
    List(ListArgs),
    /// Import people from a CSV or XLSX file, all or nothing.
    Import {
        /// The file.
        file: PathBuf,
        /// Kind of the people in the file.
        #[arg(long, default_value = "beneficiary")]
        kind: String,
        /// Check every row and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        basis: BasisArgs,
    },
}

/// `derbes service …`.
#[derive(Subcommand)]
pub enum ServiceCommand {
    /// Import a log of services (one row per visit: the person by IIN, Derbes number, or
    /// surname + name + birth date; the date; the service type; optionally the programme).
    Import {
        /// The file.
        file: PathBuf,
        /// Check every row and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
        /// What a service type of the file stands for, once per value Derbes does not know:
        /// `VALUE=TYPE`, TYPE a standard key (e.g. legal_consultation) or `as-written`.
        #[arg(long = "map", value_name = "VALUE=TYPE")]
        map: Vec<String>,
    },
}

/// The basis for processing a person (or a batch): `--basis consent --purpose …` or
/// `--basis art9:10 --law "Labour Code, Art. 23"`.
#[derive(Args)]
pub struct BasisArgs {
    /// `consent` (a paper consent: its purposes with --purpose), or an Art. 9 ground as
    /// `art9:N` (N = 4, 5, 6, 7, 8 or 10) with the law relied on in --law.
    #[arg(long, value_name = "consent|art9:N")]
    basis: Option<String>,
    /// Purpose keys, comma-separated: what the consent is for, or what the ground covers
    /// (default for a ground: every purpose of the person's kind).
    #[arg(long, value_delimiter = ',')]
    purpose: Vec<String>,
    /// The law an Art. 9 ground relies on.
    #[arg(long)]
    law: Option<String>,
    /// The consent's last day (default: until the purpose is achieved).
    #[arg(long)]
    until: Option<String>,
    /// The day the scan of the signed paper form is due.
    #[arg(long)]
    scan_due: Option<String>,
    /// The legal representative who gave the consent (a parent or guardian of a minor).
    #[arg(long)]
    representative: Option<String>,
    /// The representative's relation (mother, father, guardian, …).
    #[arg(long)]
    relation: Option<String>,
    /// The document that proves the representative's authority.
    #[arg(long)]
    document: Option<String>,
}

impl BasisArgs {
    /// The basis the arguments describe; refused when none is given.
    fn draft(&self) -> Result<BasisDraft, Error> {
        let Some(b) = self.basis.as_deref().map(str::trim) else {
            return Err(Error::invalid("basis", "basis_required"));
        };
        if b.eq_ignore_ascii_case("consent") {
            let representative = self.representative.as_ref().map(|name| Representative {
                name: name.clone(),
                relation: self.relation.clone().unwrap_or_default(),
                document: self.document.clone().unwrap_or_default(),
            });
            return Ok(BasisDraft::Consent {
                consent: Box::new(ConsentDraft {
                    purposes: self.purpose.clone(),
                    valid_until: self.until.clone(),
                    form: Some(ConsentForm::Paper),
                    representative,
                    ..Default::default()
                }),
                scan_due: self.scan_due.clone(),
            });
        }
        let code = subparagraph_code(b).ok_or_else(|| {
            Error::invalid("legal_ground", "legal_ground_unknown").with(
                "allowed",
                "consent, art9:4, art9:5, art9:6, art9:7, art9:8, art9:10",
            )
        })?;
        Ok(BasisDraft::Ground(Ground {
            subparagraph: code.to_string(),
            law: self.law.clone().unwrap_or_default(),
            purposes: self.purpose.clone(),
        }))
    }
}

/// Filters and output for `subject list`.
#[derive(Args)]
pub struct ListArgs {
    /// Any part of a name, an IIN or a phone.
    #[arg(long)]
    search: Option<String>,
    /// beneficiary, employee or volunteer.
    #[arg(long)]
    kind: Option<String>,
    /// Programme name.
    #[arg(long)]
    programme: Option<String>,
    /// Region key (e.g. almaty_city) or name.
    #[arg(long)]
    region: Option<String>,
    /// restricted or public.
    #[arg(long)]
    access: Option<String>,
    /// 0-17, 18-29, 30-44, 45-59 or 60+.
    #[arg(long)]
    age_band: Option<String>,
    /// Status (active, …).
    #[arg(long)]
    status: Option<String>,
    /// At most N people.
    #[arg(long)]
    limit: Option<i64>,
    /// Skip the first N.
    #[arg(long, default_value_t = 0)]
    offset: i64,
    /// Print CSV (stable English headers).
    #[arg(long)]
    csv: bool,
    /// Show sensitive fields in clear (journaled).
    #[arg(long)]
    reveal: bool,
}

/// `derbes inventory …`
#[derive(Subcommand)]
pub enum InventoryCommand {
    /// Show the approved data inventory.
    Show,
    /// Approve a new version: from a JSON file (as `inventory show --json` prints), or the
    /// current one again.
    Approve {
        /// The inventory document (JSON).
        #[arg(long)]
        file: Option<PathBuf>,
    },
}

/// `derbes org …`
#[derive(Subcommand)]
pub enum OrgCommand {
    /// Show the organisation's details.
    Show,
    /// Set the organisation's details (only the options given change).
    Set {
        /// Organisation name.
        #[arg(long)]
        name: Option<String>,
        /// БСН / БИН (12 digits).
        #[arg(long)]
        bin: Option<String>,
        /// Legal address.
        #[arg(long)]
        address: Option<String>,
        /// The person responsible for processing personal data.
        #[arg(long)]
        responsible: Option<String>,
        /// That person's phone and e-mail.
        #[arg(long)]
        contacts: Option<String>,
        /// The head of the organisation, who signs its orders.
        #[arg(long)]
        head: Option<String>,
        /// The head's position (Төраға, Директор…).
        #[arg(long)]
        head_position: Option<String>,
    },
}

fn kind(s: &str) -> Result<Kind, Error> {
    Kind::from_key(s).ok_or_else(|| Error::invalid("kind", "cli_kind_unknown"))
}

fn access(s: &str) -> Result<Access, Error> {
    Access::from_key(s).ok_or_else(|| Error::invalid("access", "cli_access_unknown"))
}

fn values(pairs: &[String]) -> Result<BTreeMap<Field, String>, Error> {
    pairs
        .iter()
        .map(|p| {
            let (k, v) = p
                .split_once('=')
                .ok_or_else(|| Error::invalid("values", "cli_values_format"))?;
            // The key, never the value: a key is one of the CLI's words, a value may be personal.
            let f = Field::from_key(k.trim())
                .filter(|f| *f != Field::Services)
                .ok_or_else(|| {
                    Error::invalid("values", "cli_field_unknown").with("key", k.trim())
                })?;
            Ok((f, v.to_string()))
        })
        .collect()
}

fn services(pairs: &[String]) -> Result<Vec<ServiceDraft>, Error> {
    pairs
        .iter()
        .map(|p| {
            let (d, t) = p
                .split_once('=')
                .ok_or_else(|| Error::invalid("service", "cli_service_format"))?;
            Ok(ServiceDraft {
                date: d.to_string(),
                service_type: t.to_string(),
            })
        })
        .collect()
}

fn person_id(vault: &Vault, s: &str) -> Result<Uuid, Error> {
    vault.resolve_subject(s)
}

fn person_json(p: &Person) -> Value {
    let mut o = json!({"id": p.id, "number": p.number, "kind": p.kind, "access": p.access, "status": p.status, "createdAt": p.created_at, "updatedAt": p.updated_at, "services": p.services, "lifecycle": p.lifecycle});
    for (f, v) in &p.values {
        o[f.key()] = json!(v.value);
    }
    o
}

fn print_person(p: &Person, cx: Ctx) {
    if cx.json {
        output::json(&person_json(p));
        return;
    }
    println!(
        "№ {}  {}  {}  {}",
        p.number,
        p.kind.key(),
        p.access.key(),
        p.status
    );
    for (f, v) in &p.values {
        println!("  {:<15} {}", f.key(), v.value);
    }
    for s in &p.services {
        println!("  service         {}  {}", s.date, s.service_type);
    }
}

fn row_json(r: &Row) -> Value {
    let mut o = json!({"id": r.id, "number": r.number, "kind": r.kind, "access": r.access, "status": r.status});
    for (f, v) in &r.values {
        o[f.key()] = json!(v);
    }
    o
}

fn print_rows(rows: &[Row], as_json: bool, as_csv: bool) -> Result<(), Error> {
    if as_json {
        output::json(&Value::Array(rows.iter().map(row_json).collect()));
    } else if as_csv {
        let mut w = csv::Writer::from_writer(std::io::stdout().lock());
        let mut header = vec!["id", "number", "kind", "access", "status"];
        header.extend(LIST_COLUMNS.iter().map(|f| f.key()));
        w.write_record(&header).map_err(|e| Error::Io {
            detail: e.to_string(),
        })?;
        for r in rows {
            let mut rec = vec![
                r.id.to_string(),
                r.number.to_string(),
                r.kind.key().into(),
                r.access.key().into(),
                r.status.clone(),
            ];
            rec.extend(
                LIST_COLUMNS
                    .iter()
                    .map(|f| r.values.get(f).cloned().unwrap_or_default()),
            );
            w.write_record(&rec).map_err(|e| Error::Io {
                detail: e.to_string(),
            })?;
        }
        w.flush()?;
    } else {
        println!(
            "{:>6}  {:<11}  {:<34}  {:<12}  {:<10}  {:<16}  region",
            "№", "kind", "name", "IIN", "born", "phone"
        );
        for r in rows {
            let v = |f: Field| r.values.get(&f).map(String::as_str).unwrap_or("");
            let name = format!(
                "{} {} {}",
                v(Field::Surname),
                v(Field::Name),
                v(Field::Patronymic)
            );
            println!(
                "{:>6}  {:<11}  {:<34}  {:<12}  {:<10}  {:<16}  {}",
                r.number,
                r.kind.key(),
                output::truncate(name.trim(), 34),
                v(Field::Iin),
                v(Field::BirthDate),
                v(Field::Phone),
                v(Field::Region)
            );
        }
    }
    Ok(())
}

fn print_report(r: &ImportReport, cx: Ctx, dry_run: bool) -> Result<(), Error> {
    if cx.json {
        output::json(&serde_json::to_value(r).unwrap_or_default());
    } else {
        for p in &r.rejected {
            cx.println(
                "cli-import-row",
                &[
                    ("row", text(format!("{:>6}", p.row))),
                    ("field", text(format!("{:<14}", p.field))),
                    ("problem", text(p.sentence(cx.lang))),
                ],
            );
        }
        match (r.imported, dry_run) {
            (true, _) => cx.println("cli-imported", &[("count", r.accepted.into())]),
            (false, true) if r.rejected.is_empty() => {
                cx.println("cli-import-dry-run-ok", &[("count", r.rows.into())])
            }
            _ => {}
        }
    }
    if r.rejected.is_empty() {
        Ok(())
    } else {
        let rows: std::collections::BTreeSet<usize> = r.rejected.iter().map(|p| p.row).collect();
        Err(Error::invalid("file", "cli_import_rejected")
            .with("rejected", rows.len())
            .with("rows", r.rows))
    }
}

/// Run `derbes subject …` on an unlocked vault.
pub fn subject(vault: &Vault, cmd: &SubjectCommand, cx: Ctx) -> Result<(), Error> {
    match cmd {
        SubjectCommand::Add {
            kind: k,
            values: pairs,
            services: s,
            basis,
        } => {
            let draft = PersonDraft {
                kind: Some(kind(k)?),
                values: values(pairs)?,
                services: services(s)?,
                registered_on: None,
            };
            let p = vault.add_subject(&draft, &basis.draft()?)?;
            if cx.json {
                output::json(&person_json(&p));
            } else {
                cx.println("cli-person-added", &[("number", p.number.into())]);
            }
        }
        SubjectCommand::Edit {
            person,
            values: pairs,
            kind: k,
            services: s,
            access,
        } => {
            let id = person_id(vault, person)?;
            let access = access.as_deref().map(self::access).transpose()?;
            // Refuse before changing anything, so a refused access leaves the fields as they were.
            if access == Some(Access::Public) {
                vault.publication_permitted(id)?;
            }
            let draft = PersonDraft {
                kind: k.as_deref().map(kind).transpose()?,
                values: values(pairs)?,
                services: services(s)?,
                registered_on: None,
            };
            let mut p =
                if draft.kind.is_some() || !draft.values.is_empty() || !draft.services.is_empty() {
                    Some(vault.edit_subject(id, &draft)?)
                } else {
                    None
                };
            if let Some(a) = access {
                vault.set_access(id, a)?;
                p = None;
            }
            let p = match p {
                Some(p) => p,
                None => vault.subject(id)?,
            };
            if cx.json {
                output::json(&person_json(&p));
            } else {
                cx.println("cli-person-changed", &[("number", p.number.into())]);
            }
        }
        SubjectCommand::Show { person, reveal } => {
            let id = person_id(vault, person)?;
            let p = if *reveal {
                vault.reveal_subject(id, &Field::ALL)?
            } else {
                vault.subject(id)?
            };
            print_person(&p, cx);
        }
        SubjectCommand::List(a) => {
            let q = Query {
                search: a.search.clone(),
                kind: a.kind.as_deref().map(kind).transpose()?,
                programme: a.programme.clone(),
                region: match &a.region {
                    Some(r) => Some(
                        derbes_core::register::regions::recognise(r)
                            .ok_or_else(|| Error::invalid("region", "cli_region_unknown"))?
                            .key
                            .to_string(),
                    ),
                    None => None,
                },
                access: a.access.as_deref().map(access).transpose()?,
                age_band: a.age_band.clone(),
                status: a.status.clone(),
                limit: a.limit,
                offset: a.offset,
                reveal: a.reveal,
            };
            let page = vault.list_subjects(&q)?;
            print_rows(&page.rows, cx.json, a.csv)?;
        }
        SubjectCommand::Basis { people, basis } => {
            let ids = people
                .iter()
                .map(|p| vault.resolve_subject(p))
                .collect::<Result<Vec<_>, _>>()?;
            let n = vault.set_basis_many(&ids, &basis.draft()?)?;
            if cx.json {
                output::json(&json!({"people": n}));
            } else {
                cx.println("cli-basis-set", &[("count", n.into())]);
            }
        }
        SubjectCommand::Lapsed => {
            let on = derbes_core::lifecycle::consent::today();
            let lapses = vault.lapsed_bases(on)?;
            if cx.json {
                output::json(&Value::Array(
                    lapses
                        .iter()
                        .map(|l| {
                            let mut o = serde_json::to_value(l).unwrap_or_default();
                            o["id"] = json!(l.number);
                            o
                        })
                        .collect(),
                ));
            } else {
                for l in &lapses {
                    let reason = serde_json::to_value(l.reason)
                        .ok()
                        .and_then(|r| r.as_str().map(String::from))
                        .unwrap_or_default();
                    cx.println(
                        "cli-lapse-line",
                        &[
                            ("number", l.number.into()),
                            ("reason", text(cx.say(&format!("lapse-{reason}"), &[]))),
                            ("since", text(l.since)),
                            (
                                "due",
                                text(l.clock.due.map(|d| d.to_string()).unwrap_or_default()),
                            ),
                        ],
                    );
                }
            }
        }
        SubjectCommand::Import {
            file,
            kind: k,
            dry_run,
            basis,
        } => {
            let k = kind(k)?;
            let table = derbes_core::register::import::read_file(file)?;
            let mapping = derbes_core::register::import::guess_mapping(&table.headers);
            let full_name = derbes_core::register::import::full_name_column(&table.headers);
            let rows = derbes_core::register::import::drafts(&table, &mapping, full_name, k);
            let report = vault.add_people(
                &rows,
                &basis.draft()?,
                *dry_run,
                BatchSource::Import,
                &mut |_, _| {},
            )?;
            print_report(&report, cx, *dry_run)?;
        }
    }
    Ok(())
}

/// Run `derbes inventory …`.
pub fn inventory(vault: &Vault, cmd: &InventoryCommand, cx: Ctx) -> Result<(), Error> {
    let inv = match cmd {
        InventoryCommand::Show => vault.inventory()?,
        InventoryCommand::Approve { file } => {
            let doc: InventoryDocument = match file {
                Some(f) => {
                    let text = std::fs::read_to_string(f)?;
                    serde_json::from_str(&text).map_err(|e| {
                        Error::invalid("file", "cli_inventory_file_invalid")
                            .with("detail", e.to_string())
                    })?
                }
                None => vault.inventory()?.document,
            };
            vault.approve_inventory(&doc)?
        }
    };
    if cx.json {
        output::json(&serde_json::to_value(&inv.document).unwrap_or_default());
    } else {
        cx.println(
            "cli-inventory-heading",
            &[
                ("version", inv.version.into()),
                ("at", text(&inv.approved_at)),
                ("by", text(&inv.approved_by)),
            ],
        );
        for p in &inv.document.purposes {
            println!();
            println!(
                "  {} — {} / {} / {}",
                p.key, p.names.kk, p.names.ru, p.names.en
            );
            for (k, fields) in &p.fields {
                let list: Vec<&str> = fields.iter().map(|f| f.key()).collect();
                println!("    {:<12} {}", k.key(), list.join(", "));
            }
        }
    }
    Ok(())
}

/// Run `derbes org …`.
pub fn org(vault: &Vault, cmd: &OrgCommand, cx: Ctx) -> Result<(), Error> {
    let org = match cmd {
        OrgCommand::Show => vault.organisation()?,
        OrgCommand::Set {
            name,
            bin,
            address,
            responsible,
            contacts,
            head,
            head_position,
        } => {
            let cur = vault.organisation()?;
            let next = Organisation {
                name: name.clone().unwrap_or(cur.name),
                bin: bin.clone().unwrap_or(cur.bin),
                address: address.clone().unwrap_or(cur.address),
                responsible_name: responsible.clone().unwrap_or(cur.responsible_name),
                responsible_contacts: contacts.clone().unwrap_or(cur.responsible_contacts),
                head_name: head.clone().unwrap_or(cur.head_name),
                head_position: head_position.clone().unwrap_or(cur.head_position),
            };
            vault.set_organisation(&next)?
        }
    };
    if cx.json {
        output::json(&serde_json::to_value(&org).unwrap_or_default());
    } else {
        cx.print_labelled(
            "",
            &[
                ("cli-org-name", org.name),
                ("cli-org-bin", org.bin),
                ("cli-org-address", org.address),
                ("cli-org-responsible", org.responsible_name),
                ("cli-org-contacts", org.responsible_contacts),
                ("cli-org-head", org.head_name),
                ("cli-org-head-position", org.head_position),
            ],
        );
    }
    Ok(())
}

/// Run `derbes demo --subjects N`: add N synthetic people.
pub fn demo(vault: &Vault, count: usize, seed: u64, cx: Ctx) -> Result<(), Error> {
    let added = derbes_core::demo::fill(vault, count, seed)?;
    if cx.json {
        output::json(&json!({"added": added}));
    } else {
        cx.println("cli-demo-added", &[("count", added.into())]);
    }
    Ok(())
}

/// Run `derbes service …` on an unlocked vault.
pub fn service(vault: &Vault, cmd: &ServiceCommand, cx: Ctx) -> Result<(), Error> {
    let ServiceCommand::Import { file, dry_run, map } = cmd;
    let mut choices = BTreeMap::new();
    for pair in map {
        let (value, key) = pair
            .rsplit_once('=')
            .filter(|(v, k)| !v.trim().is_empty() && !k.trim().is_empty())
            .ok_or_else(|| Error::invalid("map", "cli_service_map_format"))?;
        let choice = match key.trim() {
            "as-written" => ServiceTypeChoice::AsWritten,
            k if SERVICE_TYPES.contains(&k) => ServiceTypeChoice::Standard(k.to_string()),
            k => {
                return Err(Error::invalid("map", "cli_service_type_unknown").with("value", k));
            }
        };
        choices.insert(value.trim().to_string(), choice);
    }
    let table = derbes_core::register::import::read_file(file)?;
    let mapping = derbes_core::register::import::guess_service_mapping(&table.headers);
    let lines = derbes_core::register::import::service_lines(&table, &mapping);
    let r = vault.import_services(&lines, &choices, *dry_run)?;
    if cx.json {
        output::json(&serde_json::to_value(&r).unwrap_or_default());
    } else {
        for t in &r.types {
            let chosen = match &t.chosen {
                Some(ServiceTypeChoice::Standard(k)) => k.clone(),
                Some(ServiceTypeChoice::AsWritten) => "as-written".into(),
                None => cx.say("cli-service-type-unknown", &[]),
            };
            cx.println(
                "cli-service-type-line",
                &[
                    ("value", text(&t.value)),
                    ("rows", t.rows.into()),
                    ("type", text(chosen)),
                ],
            );
        }
        for p in &r.rejected {
            cx.println(
                "cli-import-row",
                &[
                    ("row", text(format!("{:>6}", p.row))),
                    ("field", text(format!("{:<14}", p.field))),
                    ("problem", text(p.sentence(cx.lang))),
                ],
            );
        }
        if r.rejected.is_empty() {
            let args = [
                ("count", r.accepted.into()),
                ("people", r.people.into()),
                ("already", r.already_recorded.into()),
            ];
            if r.imported {
                cx.println("cli-services-imported", &args);
            } else {
                cx.println("cli-services-dry-run-ok", &args);
            }
        }
    }
    if r.rejected.is_empty() {
        Ok(())
    } else {
        let rows: std::collections::BTreeSet<usize> = r.rejected.iter().map(|p| p.row).collect();
        Err(Error::invalid("file", "cli_import_rejected")
            .with("rejected", rows.len())
            .with("rows", r.rows))
    }
}
