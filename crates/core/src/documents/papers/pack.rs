//! The compliance pack: one ZIP for an inspector, named for the organisation and the day. It
//! holds every paper as PDF (the produced one again when it is current, a new one otherwise),
//! the destruction acts, the consent evidence list, the transfer ledger and the journal with its
//! verification as CSV and JSON tables, and an index page that lists what is inside, which
//! article each item answers, and what is missing. Written whole or not at all, never over a
//! file unasked, recorded and journaled with the papers it produced, in one transaction.

use std::io::{Seek, Write};

use std::path::Path;

use rusqlite::params;
use serde::Serialize;
use serde_json::{json, Value};
use time::OffsetDateTime;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{data, sha256_hex, Paper, PaperRequest};
use crate::documents::typeset::{self, Template};
use crate::documents::{day, DocLang, IfExists};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;
use crate::words::{self, Lang};

/// One item of the pack, as its index lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackEntry {
    /// Its path inside the ZIP.
    pub file: String,
    /// What it is: a paper's key, `act`, `consents`, `transfers`, `journal`, `scan`.
    pub what: String,
    /// The article of Law No. 94-V it answers.
    pub article: &'static str,
    /// For a paper: `current` (produced before, still true) or `new` (produced for this pack,
    /// to be signed); for a table: how many rows.
    pub state: String,
    /// A paper's or an act's number.
    pub number: Option<i64>,
}

/// What a pack holds and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackSummary {
    /// № of the pack.
    pub number: i64,
    /// When it was made (RFC 3339 UTC).
    pub produced_at: String,
    /// Every file in it but the index.
    pub entries: Vec<PackEntry>,
    /// What an inspector will look for and not find, as stable keys (`org_bin_missing`,
    /// `requests_not_kept`…); the index says each in a sentence.
    pub missing: Vec<&'static str>,
    /// Whether the journal's chain verified.
    pub journal_ok: bool,
    /// SHA-256 of the ZIP.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

/// The file name to offer for a pack: the organisation's name made safe for any file system,
/// then the day.
pub fn pack_file_name(org_name: &str, on: OffsetDateTime) -> String {
    let safe: String = org_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let safe: String = safe.chars().take(60).collect();
    let date = format!("{}-{:02}-{:02}", on.year(), u8::from(on.month()), on.day());
    if safe.is_empty() {
        format!("derbes-pack-{date}.zip")
    } else {
        format!("{safe}-{date}.zip")
    }
}

fn lang_of(lang: DocLang) -> Lang {
    match lang {
        DocLang::Kk => Lang::Kk,
        DocLang::Ru => Lang::Ru,
    }
}

/// A table written as CSV (UTF-8 with a byte-order mark, so Excel reads Kazakh letters) with
/// its headers from the Fluent files (`pack-column-<key>`).
fn csv_table(lang: Lang, columns: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let head: Vec<String> = columns
            .iter()
            .map(|c| words::message(lang, &format!("pack-column-{c}"), &[]))
            .collect();
        w.write_record(&head).map_err(|_| Error::VaultDamaged)?;
        for r in rows {
            w.write_record(r).map_err(|_| Error::VaultDamaged)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The same rows as a JSON array of objects keyed by the stable column keys.
fn json_table(columns: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let list: Vec<Value> = rows
        .iter()
        .map(|r| {
            Value::Object(
                columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| ((*c).to_string(), Value::String(v.clone())))
                    .collect(),
            )
        })
        .collect();
    serde_json::to_vec_pretty(&list).unwrap_or_default()
}

const CONSENT_COLUMNS: [&str; 11] = [
    "consent",
    "person",
    "name",
    "given_on",
    "valid_until",
    "form",
    "reference",
    "representative",
    "withdrawn",
    "scans",
    "taken_by",
];

const ACT_COLUMNS: [&str; 8] = [
    "act",
    "action",
    "ground",
    "reference",
    "people",
    "performed_at",
    "performed_by",
    "backups",
];

const REQUEST_COLUMNS: [&str; 11] = [
    "request",
    "person",
    "kind",
    "received_on",
    "channel",
    "identity_check",
    "term_days",
    "due",
    "closed_on",
    "outcome",
    "evidence",
];

const BREACH_COLUMNS: [&str; 10] = [
    "breach",
    "detected_at",
    "kind",
    "categories",
    "affected",
    "subjects_told",
    "status",
    "due",
    "notified_on",
    "closed_on",
];

const TRANSFER_COLUMNS: [&str; 9] = [
    "transfer",
    "at",
    "user",
    "kind",
    "format",
    "recipient",
    "purpose",
    "sha256",
    "size",
];

/// The journal with everything its hash chain covers, so an inspector can recompute it from the
/// table alone (the chain is described in `docs/vault-format.md`), and the user's name beside.
const JOURNAL_COLUMNS: [&str; 9] = [
    "seq",
    "at",
    "user_id",
    "user",
    "action",
    "object",
    "details",
    "prev_hash",
    "hash",
];

impl Vault {
    /// The file name to offer for a pack made today.
    pub fn pack_suggested_name(&self) -> Result<String> {
        Ok(pack_file_name(
            &self.organisation()?.name,
            OffsetDateTime::now_utc(),
        ))
    }

    /// Every row of `sql`, each column as text (NULL as empty), for the pack's tables.
    fn text_rows(&self, sql: &str) -> Result<Vec<Vec<String>>> {
        use rusqlite::types::ValueRef;
        let mut stmt = self.conn().prepare(sql)?;
        let n = stmt.column_count();
        let rows = stmt.query_map([], |r| {
            (0..n)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        ValueRef::Null | ValueRef::Blob(_) => String::new(),
                        ValueRef::Integer(v) => v.to_string(),
                        ValueRef::Real(v) => v.to_string(),
                        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    })
                })
                .collect()
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The consent evidence list: who, when, how, the reference, withdrawals, scans, who took it.
    fn consent_rows(&self) -> Result<Vec<Vec<String>>> {
        self.text_rows(
            "SELECT c.number, s.number, c.subject_name, c.given_on, c.valid_until, c.form,
                    c.form_reference, c.representative_name,
                    (SELECT group_concat(w.scope || ' ' || w.requested_on, '; ') FROM consent_withdrawal w
                     WHERE w.consent_id = c.id AND w.refused = 0),
                    (SELECT count(*) FROM attachment a WHERE a.consent_id = c.id),
                    u.name
             FROM consent c JOIN subject s ON s.id = c.subject_id LEFT JOIN user u ON u.id = c.taken_by
             ORDER BY c.number",
        )
    }

    fn act_rows(&self) -> Result<Vec<Vec<String>>> {
        self.text_rows(
            "SELECT number, action, ground, reference, json_array_length(subjects),
                    performed_at, performed_by_name, json_array_length(backups)
             FROM destruction_act ORDER BY number",
        )
    }

    /// The register of subject requests, each with its term and due day, how it closed and
    /// the evidence; no representative's name and no note (they may name people).
    fn request_rows(&self) -> Result<Vec<Vec<String>>> {
        let code = |v: serde_json::Value| v.as_str().map(String::from).unwrap_or_default();
        let mut rows: Vec<Vec<String>> = self
            .requests()?
            .into_iter()
            .map(|r| {
                vec![
                    r.number.to_string(),
                    r.subject_number.to_string(),
                    r.kind.key().to_string(),
                    r.received_on.to_string(),
                    code(serde_json::to_value(r.channel).unwrap_or_default()),
                    code(serde_json::to_value(r.identity_check).unwrap_or_default()),
                    r.term_days.to_string(),
                    r.clock.due.map(|d| d.to_string()).unwrap_or_default(),
                    r.closure
                        .as_ref()
                        .map(|c| c.closed_on.to_string())
                        .unwrap_or_default(),
                    r.closure
                        .as_ref()
                        .map(|c| c.outcome.clone())
                        .unwrap_or_default(),
                    r.closure
                        .as_ref()
                        .and_then(|c| c.evidence.as_ref())
                        .map(|e| e.to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        rows.sort_by_key(|r| r[0].parse::<i64>().unwrap_or(0));
        Ok(rows)
    }

    /// The breach register: what, when, how many, the clock to notify and when it was.
    fn breach_rows(&self) -> Result<Vec<Vec<String>>> {
        let code = |v: serde_json::Value| v.as_str().map(String::from).unwrap_or_default();
        let mut rows: Vec<Vec<String>> = self
            .breaches()?
            .into_iter()
            .map(|b| {
                vec![
                    b.number.to_string(),
                    b.detected_at.to_string(),
                    code(serde_json::to_value(b.kind).unwrap_or_default()),
                    b.categories.join(", "),
                    b.affected.to_string(),
                    b.subjects_told
                        .map(|t| code(serde_json::to_value(t).unwrap_or_default()))
                        .unwrap_or_default(),
                    code(serde_json::to_value(b.status).unwrap_or_default()),
                    b.clock.due.map(|d| d.to_string()).unwrap_or_default(),
                    b.notified_on.map(|d| d.to_string()).unwrap_or_default(),
                    b.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        rows.sort_by_key(|r| r[0].parse::<i64>().unwrap_or(0));
        Ok(rows)
    }

    fn transfer_rows(&self) -> Result<Vec<Vec<String>>> {
        self.text_rows(
            "SELECT number, at, user_name, kind, format, recipient, purpose, sha256, size
             FROM transfer ORDER BY number",
        )
    }

    fn journal_rows(&self) -> Result<Vec<Vec<String>>> {
        self.text_rows(
            "SELECT j.seq, j.at, j.user_id, u.name, j.action, j.object, j.details, j.prev_hash, j.hash
             FROM journal j LEFT JOIN user u ON u.id = j.user_id ORDER BY j.seq",
        )
    }

    /// Scans of signed consent forms: (consent number, media type, bytes).
    fn scans(&self) -> Result<Vec<(i64, String, Vec<u8>)>> {
        let mut stmt = self.conn().prepare(
            "SELECT c.number, a.media_type, a.content FROM attachment a JOIN consent c ON c.id = a.consent_id
             ORDER BY c.number, a.created_at",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The paper for `req` as the pack carries it: the last one produced again (same number,
    /// same date) when it still says what the vault says, a new one otherwise, recorded in `tx`.
    fn pack_paper(
        &self,
        tx: &rusqlite::Transaction<'_>,
        req: &PaperRequest,
        state: &super::PaperState,
    ) -> Result<(i64, &'static str, Vec<u8>)> {
        if let (Some(last), true) = (&state.last, state.outdated.is_empty()) {
            let at = OffsetDateTime::parse(
                &last.produced_at,
                &time::format_description::well_known::Rfc3339,
            )
            .map_err(|_| Error::VaultDamaged)?;
            let mut again = req.clone();
            again.lang = last.lang;
            let content = data::content(self, &again)?;
            let data = data::with_heading(content, again.lang, last.number, at);
            let bytes = typeset::typeset(req.paper.template(), again.lang, &data, at)?.pdf()?;
            return Ok((last.number, "current", bytes));
        }
        let (produced, bytes) = self.produce_paper_in(tx, req)?;
        Ok((produced.number, "new", bytes))
    }

    /// Make the compliance pack in `lang` and write it to `out`. Scans of signed consent forms
    /// go in only when `with_scans` (an inspector asks for them by name, and they carry
    /// signatures). Only the responsible person may make it: it lists people by name.
    pub fn compliance_pack(
        &self,
        lang: DocLang,
        out: &Path,
        if_exists: IfExists,
        with_scans: bool,
    ) -> Result<PackSummary> {
        self.require(Permission::ChangeSettings)?;
        self.require(Permission::ExportRows)?;
        crate::documents::check_target(out, if_exists)?;
        let words_lang = lang_of(lang);
        let at = OffsetDateTime::now_utc();
        let tx = self.conn().unchecked_transaction()?;
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut entries: Vec<PackEntry> = Vec::new();

        // The papers, in the order the index lists them.
        let states = self.papers()?;
        let policy_never = states
            .iter()
            .any(|s| s.paper == Paper::Policy && s.last.is_none());
        for (i, state) in states.into_iter().enumerate() {
            let mut req = PaperRequest::new(state.paper, lang);
            req.person = state.person.as_ref().map(|p| p.id);
            let (number, paper_state, bytes) = self.pack_paper(&tx, &req, &state)?;
            let file = match state.paper {
                Paper::Undertaking => format!("undertakings/undertaking-{number:03}.pdf"),
                p => format!("{}-{}.pdf", i + 1, p.key()),
            };
            entries.push(PackEntry {
                file: file.clone(),
                what: state.paper.key().into(),
                article: state.paper.article(),
                state: paper_state.into(),
                number: Some(number),
            });
            files.push((file, bytes));
        }
        crate::documents::typeset::forget();

        // The acts, as the act view prints them; the pack's journal entry counts them.
        let acts = self.act_rows()?;
        let responsible = self.organisation()?.responsible_name;
        for row in &acts {
            let number: i64 = row[0].parse().unwrap_or_default();
            let file = format!("acts/act-{number:04}.pdf");
            files.push((
                file.clone(),
                crate::documents::act(&self.act(number)?, lang, &responsible)?,
            ));
            entries.push(PackEntry {
                file,
                what: "act".into(),
                article: "18, 25(2)(4)",
                state: "current".into(),
                number: Some(number),
            });
        }

        // The tables.
        let consents = self.consent_rows()?;
        let transfers = self.transfer_rows()?;
        let requests = self.request_rows()?;
        let breaches = self.breach_rows()?;
        let journal_rows = self.journal_rows()?;
        let verification = journal::verify(self.conn())?;
        for (name, what, article, columns, rows) in [
            (
                "consents",
                "consents",
                "8(4), 25(2)(5)",
                &CONSENT_COLUMNS[..],
                &consents,
            ),
            ("acts", "acts", "18, 25(2)(4)", &ACT_COLUMNS[..], &acts),
            (
                "requests",
                "requests",
                "24, 25(2)(6)-(9)",
                &REQUEST_COLUMNS[..],
                &requests,
            ),
            (
                "breaches",
                "breaches",
                "1(15-1), 25(2)(8)",
                &BREACH_COLUMNS[..],
                &breaches,
            ),
            (
                "transfers",
                "transfers",
                "22(1)(5)",
                &TRANSFER_COLUMNS[..],
                &transfers,
            ),
            (
                "journal",
                "journal",
                "22(1)(5), 25(2)(3-1)",
                &JOURNAL_COLUMNS[..],
                &journal_rows,
            ),
        ] {
            files.push((
                format!("tables/{name}.csv"),
                csv_table(words_lang, columns, rows)?,
            ));
            files.push((format!("tables/{name}.json"), json_table(columns, rows)));
            entries.push(PackEntry {
                file: format!("tables/{name}.csv"),
                what: what.into(),
                article,
                state: rows.len().to_string(),
                number: None,
            });
        }
        files.push((
            "tables/journal-verification.json".into(),
            serde_json::to_vec_pretty(&json!({
                "ok": verification.ok,
                "entries": verification.entries,
                "problem": verification.problem,
            }))
            .unwrap_or_default(),
        ));
        if with_scans {
            for (k, (consent, media, bytes)) in self.scans()?.into_iter().enumerate() {
                let ext = match media.as_str() {
                    "application/pdf" => "pdf",
                    "image/png" => "png",
                    "image/jpeg" => "jpg",
                    _ => "bin",
                };
                let file = format!("scans/consent-{consent:05}-{}.{ext}", k + 1);
                entries.push(PackEntry {
                    file: file.clone(),
                    what: "scan".into(),
                    article: "25(2)(5)",
                    state: "current".into(),
                    number: Some(consent),
                });
                files.push((file, bytes));
            }
        }

        let missing = self.pack_missing(&consents, &acts, policy_never)?;
        let number: i64 = tx.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM paper WHERE kind = 'pack'",
            [],
            |r| r.get(0),
        )?;
        let index_data =
            self.pack_index_data(lang, number, at, &entries, &missing, verification.ok)?;
        let index = typeset::typeset(Template::PackIndex, lang, &index_data, at)?.pdf()?;
        crate::documents::typeset::forget();

        // Built in memory (its parts already are), then written whole beside the target and
        // put in place.
        let mut zip_bytes = std::io::Cursor::new(Vec::new());
        write_zip(&mut zip_bytes, &index, &files)?;
        drop(files);
        let zip_bytes = zip_bytes.into_inner();
        let sha = sha256_hex(&zip_bytes);
        let size = zip_bytes.len() as u64;
        let saved = crate::documents::save_undoably(out, &zip_bytes, if_exists)?;
        drop(zip_bytes);
        let produced_at = at
            .replace_nanosecond(0)
            .unwrap_or(at)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        let recorded = (|| -> Result<()> {
            // A pack says nothing of its own to compare later: its digest is of no content.
            let f = self.fingerprints_of(&Value::Null)?;
            tx.execute(
                "INSERT INTO paper (id, kind, number, about, lang, produced_at, produced_by, inventory_version, responsible, digest, sha256)
                 VALUES (?1, 'pack', ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    uuid::Uuid::now_v7().to_string(),
                    number,
                    lang.key(),
                    produced_at,
                    self.user().id.to_string(),
                    f.inventory_version,
                    f.responsible,
                    f.digest,
                    sha,
                ],
            )?;
            journal::append(
                &tx,
                Some(self.user().id),
                Action::PackProduced,
                None,
                json!({
                    "number": number,
                    "lang": lang.key(),
                    "files": entries.len() + 1,
                    "scans": with_scans,
                    "missing": missing,
                    "sha256": sha,
                }),
            )?;
            Ok(())
        })();
        if let Err(e) = recorded {
            saved.undo();
            return Err(e);
        }
        if let Err(e) = tx.commit() {
            saved.undo();
            return Err(e.into());
        }
        saved.keep();
        Ok(PackSummary {
            number,
            produced_at,
            entries,
            missing,
            journal_ok: verification.ok,
            sha256: sha,
            size,
        })
    }

    /// What an inspector will ask for and not find.
    fn pack_missing(
        &self,
        consents: &[Vec<String>],
        acts: &[Vec<String>],
        policy_never: bool,
    ) -> Result<Vec<&'static str>> {
        let org = self.organisation()?;
        let mut missing = Vec::new();
        for (value, key) in [
            (&org.name, "org_name_missing"),
            (&org.bin, "org_bin_missing"),
            (&org.address, "org_address_missing"),
            (&org.responsible_name, "responsible_missing"),
            (&org.responsible_contacts, "responsible_contacts_missing"),
            (&org.head_name, "head_missing"),
        ] {
            if value.trim().is_empty() {
                missing.push(key);
            }
        }
        if policy_never {
            missing.push("policy_not_approved");
        }
        let people: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM subject", [], |r| r.get(0))?;
        if people > 0 && consents.is_empty() {
            missing.push("no_consents");
        }
        if acts.is_empty() {
            missing.push("no_acts");
        }
        // A clock the organisation let run out is what an inspector looks for first.
        if self.requests()?.iter().any(|r| r.is_overdue()) {
            missing.push("requests_overdue_missing");
        }
        if self.breaches()?.iter().any(|b| {
            b.awaits_notice() && b.clock.state == crate::calendar::clock::ClockState::Overdue
        }) {
            missing.push("breach_notice_missing");
        }
        Ok(missing)
    }

    fn pack_index_data(
        &self,
        lang: DocLang,
        number: i64,
        at: OffsetDateTime,
        entries: &[PackEntry],
        missing: &[&'static str],
        journal_ok: bool,
    ) -> Result<Value> {
        let org = self.organisation()?;
        let content = json!({
            "org": {
                "name": org.name,
                "bin": org.bin,
                "address": org.address,
                "responsible": org.responsible_name,
                "contacts": org.responsible_contacts,
                "head": org.head_name,
                "head_position": org.head_position,
            },
            "entries": entries,
            "missing": missing,
            "journal_ok": journal_ok,
            "prepared_by": self.user().name,
            "generated": day(&at.date().to_string()),
        });
        Ok(data::with_heading(content, lang, number, at))
    }
}

/// Write the ZIP: the index first, then every file, deflated.
fn write_zip<W: Write + Seek>(
    w: W,
    index: &[u8],
    files: &[(String, Vec<u8>)],
) -> std::io::Result<()> {
    let mut zip = ZipWriter::new(w);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o600);
    let to_io = |e: zip::result::ZipError| std::io::Error::other(e.to_string());
    zip.start_file("0-index.pdf", options).map_err(to_io)?;
    zip.write_all(index)?;
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options).map_err(to_io)?;
        zip.write_all(bytes)?;
    }
    zip.finish().map_err(to_io)?;
    Ok(())
}
