//! The papers an inspector asks for (Art. 27-2, checklist order 149/НҚ), written from what the
//! vault knows: the personal-data policy (Art. 25(2)(1-1)), the approved data inventory
//! (Art. 25(2)(1)), the order appointing the responsible person (Art. 25(2)(10), 25(3)), the
//! retention schedule, and a confidentiality undertaking for each person who sees the data at
//! work (Art. 11(2)). Each is typeset from its template ([`super::typeset`]) in Kazakh or
//! Russian, numbered per kind, dated, and journaled when produced.
//!
//! The vault keeps no copy of a paper's text, only its number and fingerprints of what it said
//! (`paper` table), so the Documents screen can say which papers are out of date and why.

mod data;
mod pack;

#[cfg(test)]
mod tests;

use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::Uuid;

use super::typeset::{self, Template};
use super::{DocLang, IfExists};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

pub use self::pack::{pack_file_name, PackEntry, PackSummary};

/// A kind of paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// The personal-data policy.
    Policy,
    /// The approved data inventory (тізбе).
    Inventory,
    /// The order appointing the person responsible for organising processing.
    Order,
    /// The retention schedule.
    Retention,
    /// A confidentiality undertaking of one person.
    Undertaking,
}

impl Paper {
    /// Every paper, in the order the Documents screen and the pack list them.
    pub const ALL: [Paper; 5] = [
        Paper::Policy,
        Paper::Inventory,
        Paper::Order,
        Paper::Retention,
        Paper::Undertaking,
    ];

    /// The stable key (CLI word, file names, the `paper` table).
    pub fn key(self) -> &'static str {
        match self {
            Paper::Policy => "policy",
            Paper::Inventory => "inventory",
            Paper::Order => "order",
            Paper::Retention => "retention",
            Paper::Undertaking => "undertaking",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Paper> {
        Paper::ALL.into_iter().find(|p| p.key() == s)
    }

    /// The article of Law No. 94-V the paper answers, as printed in the pack's index.
    pub fn article(self) -> &'static str {
        match self {
            Paper::Policy => "25(2)(1-1)",
            Paper::Inventory => "25(2)(1)",
            Paper::Order => "25(2)(10), 25(3)",
            Paper::Retention => "12(2), 18, 25(2)(4)",
            Paper::Undertaking => "11(2)",
        }
    }

    fn template(self) -> Template {
        match self {
            Paper::Policy => Template::Policy,
            Paper::Inventory => Template::Inventory,
            Paper::Order => Template::Order,
            Paper::Retention => Template::Retention,
            Paper::Undertaking => Template::Undertaking,
        }
    }
}

/// Which paper to make: its kind and language, and for an undertaking whose (a user's or a
/// person's id), for an inventory which version (the current one when `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaperRequest {
    /// The kind of paper.
    pub paper: Paper,
    /// Kazakh or Russian.
    pub lang: DocLang,
    /// An undertaking's signatory: a user's or a register person's id.
    #[serde(default)]
    pub person: Option<Uuid>,
    /// An earlier version of the inventory.
    #[serde(default)]
    pub version: Option<i64>,
}

impl PaperRequest {
    /// A request for `paper` in `lang`, with no person or version.
    pub fn new(paper: Paper, lang: DocLang) -> Self {
        PaperRequest {
            paper,
            lang,
            person: None,
            version: None,
        }
    }

    /// What the paper is about, as the `paper` table keeps it.
    fn about(&self, inventory_version: i64) -> Option<String> {
        match self.paper {
            Paper::Undertaking => self.person.map(|p| p.to_string()),
            Paper::Inventory => Some(self.version.unwrap_or(inventory_version).to_string()),
            _ => None,
        }
    }
}

/// A paper shown before it is saved: its pages as SVG images.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The number it would carry if produced now.
    pub number: i64,
    /// Each page, as an SVG document.
    pub pages: Vec<String>,
}

/// A paper as produced: its number and date, and the file's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Produced {
    /// The kind of paper.
    pub paper: Paper,
    /// № printed on it, counted per kind.
    pub number: i64,
    /// Kazakh or Russian.
    pub lang: DocLang,
    /// When (RFC 3339 UTC).
    pub produced_at: String,
    /// SHA-256 of the file.
    pub sha256: String,
    /// Its pages.
    pub pages: usize,
}

/// Where a paper stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaperState {
    /// The kind of paper.
    pub paper: Paper,
    /// An undertaking's signatory.
    pub person: Option<crate::register::confidants::Confidant>,
    /// The last time it was produced, if ever.
    pub last: Option<Produced>,
    /// Why the last one no longer says what the vault says (empty when it does, or was never
    /// produced): `inventory_changed`, `responsible_changed`, `details_changed`.
    pub outdated: Vec<&'static str>,
    /// The number the next one of this kind will carry (undertakings share one count).
    pub next_number: i64,
}

impl PaperState {
    /// `never`, `current` or `outdated`.
    pub fn state(&self) -> &'static str {
        match (&self.last, self.outdated.is_empty()) {
            (None, _) => "never",
            (Some(_), true) => "current",
            (Some(_), false) => "outdated",
        }
    }
}

/// A paper laid out with its data, before it is recorded.
struct Drafted {
    typeset: typeset::Typeset,
    number: i64,
    at: OffsetDateTime,
    fingerprints: Fingerprints,
}

/// What a paper said, reduced to hashes: enough to tell later that it is out of date.
struct Fingerprints {
    inventory_version: i64,
    responsible: String,
    digest: String,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Vault {
    /// Lay out `req` with the number it would get and today's date, without recording it.
    fn draft_paper(&self, req: &PaperRequest, number: Option<i64>) -> Result<Drafted> {
        check_request(req)?;
        let at = OffsetDateTime::now_utc();
        let number = match number {
            Some(n) => n,
            None => self.next_paper_number(req.paper.key())?,
        };
        let content = data::content(self, req)?;
        let fingerprints = self.fingerprints_of(&content)?;
        let data = data::with_heading(content, req.lang, number, at);
        let typeset = typeset::typeset(req.paper.template(), req.lang, &data, at)?;
        Ok(Drafted {
            typeset,
            number,
            at,
            fingerprints,
        })
    }

    fn next_paper_number(&self, kind: &str) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM paper WHERE kind = ?1",
            [kind],
            |r| r.get(0),
        )?)
    }

    /// A paper's pages as SVG, with the number it would get if produced now; not recorded as
    /// produced. An undertaking's preview is journaled (it names a person); the organisation's
    /// papers name only its own officers, and a preview of them leaves no trace.
    pub fn preview_paper(&self, req: &PaperRequest) -> Result<Preview> {
        let d = self.draft_paper(req, None)?;
        let pages = d.typeset.svg_pages();
        if let Some(person) = req.person.filter(|_| req.paper == Paper::Undertaking) {
            self.record(
                Action::PaperPreviewed,
                Some(&person.to_string()),
                json!({"paper": req.paper.key(), "lang": req.lang.key()}),
            )?;
        }
        crate::documents::typeset::forget();
        Ok(Preview {
            number: d.number,
            pages,
        })
    }

    /// Produce a paper: number it, write it as PDF/A where the user chose (whole or not at
    /// all), and record and journal it in the same transaction as the file.
    pub fn produce_paper(
        &self,
        req: &PaperRequest,
        out: &Path,
        if_exists: IfExists,
    ) -> Result<Produced> {
        self.require(Permission::ChangeSettings)?;
        super::check_target(out, if_exists)?;
        let tx = self.conn().unchecked_transaction()?;
        let (produced, bytes) = self.produce_paper_in(&tx, req)?;
        let saved = super::save_undoably(out, &bytes, if_exists)?;
        if let Err(e) = tx.commit() {
            saved.undo();
            return Err(e.into());
        }
        saved.keep();
        Ok(produced)
    }

    /// Lay out a paper as PDF and record and journal it in `tx`; the caller writes the bytes
    /// (a file, or the pack) and commits `tx` only once they are written.
    fn produce_paper_in(
        &self,
        tx: &rusqlite::Transaction<'_>,
        req: &PaperRequest,
    ) -> Result<(Produced, Vec<u8>)> {
        let d = self.draft_paper(req, None)?;
        let bytes = d.typeset.pdf()?;
        let pages = d.typeset.pages();
        drop(d.typeset);
        crate::documents::typeset::forget();
        let produced =
            self.record_paper(tx, req, d.number, d.at, &d.fingerprints, &bytes, pages)?;
        Ok((produced, bytes))
    }

    #[allow(clippy::too_many_arguments)]
    fn record_paper(
        &self,
        tx: &rusqlite::Connection,
        req: &PaperRequest,
        number: i64,
        at: OffsetDateTime,
        f: &Fingerprints,
        bytes: &[u8],
        pages: usize,
    ) -> Result<Produced> {
        let produced_at = at
            .replace_nanosecond(0)
            .unwrap_or(at)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        let sha256 = sha256_hex(bytes);
        let id = Uuid::now_v7().to_string();
        tx.execute(
            "INSERT INTO paper (id, kind, number, about, lang, produced_at, produced_by, inventory_version, responsible, digest, sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                req.paper.key(),
                number,
                req.about(f.inventory_version),
                req.lang.key(),
                produced_at,
                self.user().id.to_string(),
                f.inventory_version,
                f.responsible,
                f.digest,
                sha256,
            ],
        )?;
        journal::append(
            tx,
            Some(self.user().id),
            Action::PaperProduced,
            Some(&id),
            json!({
                "paper": req.paper.key(),
                "number": number,
                "lang": req.lang.key(),
                "about": req.about(f.inventory_version),
                "sha256": sha256,
            }),
        )?;
        Ok(Produced {
            paper: req.paper,
            number,
            lang: req.lang,
            produced_at,
            sha256,
            pages,
        })
    }

    /// Every paper and where it stands: the four organisation papers, then an undertaking per
    /// person who sees the data.
    pub fn papers(&self) -> Result<Vec<PaperState>> {
        let mut out = Vec::new();
        for paper in [
            Paper::Policy,
            Paper::Inventory,
            Paper::Order,
            Paper::Retention,
        ] {
            out.push(self.paper_state(paper, None)?);
        }
        for c in self.confidants()? {
            out.push(self.paper_state(Paper::Undertaking, Some(c))?);
        }
        Ok(out)
    }

    fn paper_state(
        &self,
        paper: Paper,
        person: Option<crate::register::confidants::Confidant>,
    ) -> Result<PaperState> {
        let about = person.as_ref().map(|p| p.id.to_string());
        let next_number = self.next_paper_number(paper.key())?;
        let last = self
            .conn()
            .query_row(
                "SELECT number, lang, produced_at, sha256, inventory_version, responsible, digest, about
                 FROM paper WHERE kind = ?1 AND (?2 IS NULL OR about = ?2)
                 ORDER BY number DESC LIMIT 1",
                params![paper.key(), about],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<i64>>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )
            .optional()?;
        let Some((
            number,
            lang,
            produced_at,
            sha256,
            inventory_version,
            responsible,
            digest,
            about,
        )) = last
        else {
            return Ok(PaperState {
                paper,
                person,
                last: None,
                outdated: vec![],
                next_number,
            });
        };
        let lang = DocLang::from_key(&lang).unwrap_or(DocLang::Kk);
        let mut req = PaperRequest::new(paper, lang);
        req.person = person.as_ref().map(|p| p.id);
        if paper == Paper::Inventory {
            req.version = about.and_then(|a| a.parse().ok());
        }
        let now = self.fingerprints(&req)?;
        let mut outdated = vec![];
        // Every paper names the responsible person; these three also the inventory's version.
        let inventory_matters =
            matches!(paper, Paper::Policy | Paper::Inventory | Paper::Retention);
        if inventory_matters && inventory_version != Some(now.inventory_version) {
            outdated.push("inventory_changed");
        }
        if responsible != now.responsible {
            outdated.push("responsible_changed");
        }
        if outdated.is_empty() && digest != now.digest {
            outdated.push("details_changed");
        }
        Ok(PaperState {
            paper,
            person,
            last: Some(Produced {
                paper,
                number,
                lang,
                produced_at,
                sha256,
                pages: 0,
            }),
            outdated,
            next_number,
        })
    }

    /// What `req` would say now, as fingerprints (no layout).
    fn fingerprints(&self, req: &PaperRequest) -> Result<Fingerprints> {
        let mut current = req.clone();
        // An inventory paper is out of date when a newer version is approved.
        if req.paper == Paper::Inventory {
            current.version = None;
        }
        self.fingerprints_of(&data::content(self, &current)?)
    }

    /// The fingerprints of a paper saying `content`, as the vault stands now.
    fn fingerprints_of(&self, content: &serde_json::Value) -> Result<Fingerprints> {
        let org = self.organisation()?;
        Ok(Fingerprints {
            inventory_version: self.inventory()?.version,
            responsible: sha256_hex(
                format!("{}\n{}", org.responsible_name, org.responsible_contacts).as_bytes(),
            ),
            digest: sha256_hex(content.to_string().as_bytes()),
        })
    }
}

/// Reject a request that names no one for an undertaking, or someone for another paper.
pub(crate) fn check_request(req: &PaperRequest) -> Result<()> {
    match (req.paper, req.person) {
        (Paper::Undertaking, None) => Err(Error::invalid("person", "paper_person_needed")),
        _ => Ok(()),
    }
}
