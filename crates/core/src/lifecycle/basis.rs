//! A lawful basis for every person (Art. 7(1), 9): nobody enters the register without one, and
//! a basis that lapses puts the person on the dashboard with one working day to act (Art. 18,
//! 25(2)(8)).
//!
//! A basis is either a **consent** (recorded with the person, or a paper form whose scan is due
//! by a day) or an **Art. 9 ground**: its sub-paragraph and the law relied on, e.g. 9(10) and
//! the Labour Code. Only the grounds an NGO can rely on are offered ([`ART9_GROUNDS`]); those of
//! courts, law enforcement and state statistics are not.
//!
//! The basis also bounds the record (Art. 14): a person's fields are those of the purposes
//! their consent or ground covers, not of every purpose in the inventory.

use std::collections::{BTreeSet, HashSet};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::consent::{subject_facts, today, ConsentDraft};
use crate::calendar::Clock;
use crate::error::{Error, FieldProblem, Result};
use crate::register::bulk::{BatchHooks, BatchSource, ImportReport};
use crate::register::fields::{Field, Kind, PersonDraft};
use crate::register::inventory::InventoryDocument;
use crate::register::subjects::{Person, ValidPerson};
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// The Art. 9 grounds an NGO can rely on, by sub-paragraph: 9(4) a ratified international
/// treaty; 9(5) protecting constitutional rights when consent cannot be obtained; 9(6) lawful
/// journalism, science, creative or literary work; 9(7) data published under the law; 9(8) the
/// person did not fulfil a legal duty to provide the data; 9(10) other cases set by the laws
/// (employees under the Labour Code and tax law).
pub const ART9_GROUNDS: [&str; 6] = ["art9_4", "art9_5", "art9_6", "art9_7", "art9_8", "art9_10"];

/// The longest law reference kept.
const LAW_MAX: usize = 300;

/// An Art. 9 ground as recorded on a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ground {
    /// The sub-paragraph, one of [`ART9_GROUNDS`] (`art9_10` for 9(10)).
    pub subparagraph: String,
    /// The law relied on, e.g. "Labour Code, Art. 23".
    pub law: String,
    /// The purposes it covers (inventory keys); none: every purpose of the person's kind.
    #[serde(default)]
    pub purposes: Vec<String>,
}

/// The basis a person is added with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum BasisDraft {
    /// A consent given now. A paper form whose scan is not attached yet names the day it is due
    /// (`scan_due`).
    #[serde(rename = "consent")]
    Consent {
        /// The consent, as for [`Vault::add_consent`].
        consent: Box<ConsentDraft>,
        /// The day by which the scan of the signed paper form is to be attached.
        #[serde(default)]
        scan_due: Option<String>,
    },
    /// An Art. 9 ground.
    #[serde(rename = "ground")]
    Ground(Ground),
}

/// Why a person has no basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LapseReason {
    /// Never had one (entered before Derbes asked for it).
    NoBasis,
    /// Their consent ended.
    ConsentExpired,
    /// They withdrew their consent.
    ConsentWithdrawn,
    /// An Art. 9 ground without the law relied on.
    GroundIncomplete,
    /// A ground only state bodies have (courts, law enforcement, statistics).
    GroundNotForNgo,
}

/// A person processed without a basis, and the clock to act (destroy, or find the basis).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lapse {
    /// The person's id.
    pub id: Uuid,
    /// Their internal number.
    pub number: i64,
    /// Their kind.
    pub kind: Kind,
    /// Surname, name and patronymic, for the list the responsible person works through.
    pub full_name: String,
    /// Why.
    pub reason: LapseReason,
    /// The day the basis ended (or the person was entered without one).
    pub since: Date,
    /// One working day from then (Art. 25(2)(8)).
    pub clock: Clock,
}

fn law_text(law: &str) -> Result<String> {
    let t = law.trim();
    if t.is_empty() {
        return Err(Error::invalid("law", "legal_ground_law_required"));
    }
    if t.chars().count() > LAW_MAX || t.chars().any(char::is_control) {
        return Err(Error::invalid("law", "legal_ground_law_too_long").with("max", LAW_MAX));
    }
    Ok(t.to_string())
}

/// Check a ground against the list and the inventory: a sub-paragraph an NGO may use, a law,
/// purposes the inventory has for this kind of person.
fn check_ground(g: &Ground, kind: Kind, inventory: &InventoryDocument) -> Result<Ground> {
    if !ART9_GROUNDS.contains(&g.subparagraph.as_str()) {
        return Err(Error::invalid("legal_ground", "legal_ground_unknown")
            .with("allowed", ART9_GROUNDS.to_vec()));
    }
    for p in &g.purposes {
        let known = inventory
            .purposes
            .iter()
            .any(|x| &x.key == p && x.fields.get(&kind).is_some_and(|f| !f.is_empty()));
        if !known {
            return Err(Error::invalid("purposes", "legal_ground_purpose_unknown")
                .with("purpose", p.clone())
                .with("kind", kind.key()));
        }
    }
    Ok(Ground {
        subparagraph: g.subparagraph.clone(),
        law: law_text(&g.law)?,
        purposes: g.purposes.clone(),
    })
}

/// The purposes a basis covers for a kind of person.
fn covered(purposes: &[String], kind: Kind, inventory: &InventoryDocument) -> Vec<String> {
    if purposes.is_empty() {
        inventory
            .purposes
            .iter()
            .filter(|p| p.fields.get(&kind).is_some_and(|f| !f.is_empty()))
            .map(|p| p.key.clone())
            .collect()
    } else {
        purposes.to_vec()
    }
}

/// Fields of `person` outside the purposes in `purposes` (Art. 14), each with the purpose that
/// would cover it.
pub(crate) fn outside_purposes(
    fields: impl IntoIterator<Item = Field>,
    kind: Kind,
    purposes: &[String],
    inventory: &InventoryDocument,
) -> Vec<FieldProblem> {
    let allowed: BTreeSet<Field> = inventory
        .purposes
        .iter()
        .filter(|p| purposes.contains(&p.key))
        .flat_map(|p| p.fields.get(&kind).into_iter().flatten().copied())
        .collect();
    fields
        .into_iter()
        .filter(|f| !allowed.contains(f))
        .map(|f| {
            let needs = inventory
                .purposes
                .iter()
                .find(|p| p.fields.get(&kind).is_some_and(|x| x.contains(&f)))
                .map(|p| p.key.clone())
                .unwrap_or_default();
            FieldProblem::new(f.key(), "outside_purposes").with("purpose", needs)
        })
        .collect()
}

fn fields_of(p: &ValidPerson) -> Vec<Field> {
    let mut f: Vec<Field> = p.values.keys().copied().collect();
    if !p.services.is_empty() {
        f.push(Field::Services);
    }
    f
}

/// Write a ground on a person inside `tx` and journal it (sub-paragraph only: the law's
/// words are the organisation's, never personal data, but they stay out of the journal too).
fn write_ground(
    tx: &Connection,
    user: Uuid,
    id: Uuid,
    number: i64,
    g: Option<&Ground>,
) -> Result<()> {
    tx.execute(
        "UPDATE subject SET legal_ground = ?1, legal_ground_law = ?2, ground_purposes = ?3, updated_at = ?4 WHERE id = ?5",
        params![
            g.map(|g| g.subparagraph.clone()),
            g.map(|g| g.law.clone()),
            g.filter(|g| !g.purposes.is_empty())
                .map(|g| serde_json::to_string(&g.purposes).unwrap_or_default()),
            journal::now_utc(),
            id.to_string()
        ],
    )?;
    journal::append(
        tx,
        Some(user),
        Action::LegalGroundChanged,
        Some(&id.to_string()),
        json!({"number": number, "ground": g.map(|g| g.subparagraph.clone())}),
    )?;
    Ok(())
}

impl Vault {
    /// The purposes a stored person's basis covers today: those of their consents in force and
    /// of their ground.
    pub(crate) fn covered_purposes(&self, id: Uuid, kind: Kind) -> Result<Vec<String>> {
        let inventory = self.inventory()?;
        let mut out: BTreeSet<String> = BTreeSet::new();
        for c in self.consents(id)? {
            if c.state.in_force() {
                out.extend(c.purposes);
            }
        }
        let (ground, law, purposes): (Option<String>, Option<String>, Option<String>) =
            self.conn().query_row(
                "SELECT legal_ground, legal_ground_law, ground_purposes FROM subject WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        if ground.is_some_and(|g| ART9_GROUNDS.contains(&g.as_str()))
            && law.is_some_and(|l| !l.trim().is_empty())
        {
            let named: Vec<String> = purposes
                .and_then(|p| serde_json::from_str(&p).ok())
                .unwrap_or_default();
            out.extend(covered(&named, kind, &inventory.document));
        }
        Ok(out.into_iter().collect())
    }

    /// [`Vault::covered_purposes`] for everyone at once, by person: one read of the consents
    /// and one of the grounds, for a batch that touches many people.
    pub(crate) fn covered_purposes_of_all(
        &self,
    ) -> Result<std::collections::HashMap<Uuid, BTreeSet<String>>> {
        let inventory = self.inventory()?;
        let mut out = super::consent::purposes_in_force(self.conn(), today())?;
        let mut stmt = self.conn().prepare(
            "SELECT id, kind, legal_ground, legal_ground_law, ground_purposes FROM subject \
             WHERE legal_ground IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, kind, ground, law, purposes): (
                String,
                String,
                String,
                Option<String>,
                Option<String>,
            ) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let (Ok(id), Some(kind)) = (Uuid::parse_str(&id), Kind::from_key(&kind)) else {
                continue;
            };
            if ART9_GROUNDS.contains(&ground.as_str()) && law.is_some_and(|l| !l.trim().is_empty())
            {
                let named: Vec<String> = purposes
                    .and_then(|p| serde_json::from_str(&p).ok())
                    .unwrap_or_default();
                out.entry(id)
                    .or_default()
                    .extend(covered(&named, kind, &inventory.document));
            }
        }
        Ok(out)
    }

    /// Add a person with their basis for processing, in one transaction: nobody enters the
    /// register without a consent or an Art. 9 ground (Art. 7(1)), and their fields must be
    /// those of the purposes that basis covers (Art. 14).
    pub fn add_subject(&self, draft: &PersonDraft, basis: &BasisDraft) -> Result<Person> {
        let inventory = self.inventory()?;
        let kind = draft.kind.ok_or_else(|| Error::Invalid {
            problems: vec![FieldProblem::new("kind", "required")],
        })?;
        let (purposes, ground) = match basis {
            BasisDraft::Consent { consent, .. } => {
                // Said before the fields: with no purpose every field would be "outside".
                if consent.purposes.is_empty() {
                    return Err(Error::invalid("purposes", "consent_purposes_none"));
                }
                (consent.purposes.clone(), None)
            }
            BasisDraft::Ground(g) => {
                let g = check_ground(g, kind, &inventory.document)?;
                (covered(&g.purposes, kind, &inventory.document), Some(g))
            }
        };
        let scan_due = match basis {
            BasisDraft::Consent { scan_due, .. } => scan_due
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| super::retention::as_of(Some(s)))
                .transpose()?,
            BasisDraft::Ground(_) => None,
        };
        let check = |p: &ValidPerson| {
            outside_purposes(fields_of(p), p.kind, &purposes, &inventory.document)
        };
        let tx = self.conn().unchecked_transaction()?;
        let (id, number, _) = self.insert_subject_in(&tx, draft, &check)?;
        match (basis, ground) {
            (BasisDraft::Consent { consent, .. }, _) => {
                let facts = subject_facts(&tx, id)?;
                let v = self.check_consent(&facts, consent)?;
                self.insert_consent_in(&tx, &facts, id, &v, None, scan_due)?;
            }
            (BasisDraft::Ground(_), Some(g)) => {
                write_ground(&tx, self.user().id, id, number, Some(&g))?
            }
            (BasisDraft::Ground(_), None) => unreachable!("a ground is checked above"),
        }
        tx.commit()?;
        self.subject_quietly(id)
    }

    /// Add many people with one basis for the whole batch (an import asks once): all or
    /// nothing, as [`crate::register::bulk`] describes. A consent basis records a paper consent
    /// per person (its scan due by `scan_due`); a ground is set on each.
    pub fn add_people(
        &self,
        rows: &[(usize, PersonDraft)],
        basis: &BasisDraft,
        dry_run: bool,
        source: BatchSource,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.add_people_by_kind(rows, &|_| basis.clone(), dry_run, source, progress)
    }

    /// [`Vault::add_people`] with a basis per kind of person (the demo: employees under the
    /// Labour Code, the others by consent).
    pub(crate) fn add_people_by_kind(
        &self,
        rows: &[(usize, PersonDraft)],
        basis_of: &dyn Fn(Kind) -> BasisDraft,
        dry_run: bool,
        source: BatchSource,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let inventory = self.inventory()?;
        let org = self.organisation()?;
        let user = self.user().id;
        let kinds: BTreeSet<Kind> = rows.iter().filter_map(|(_, d)| d.kind).collect();
        let mut prepared: std::collections::BTreeMap<Kind, Prepared> = Default::default();
        for kind in kinds {
            // Synthetic people (the demo, benchmarks) may go into a vault with no operator yet;
            // an import's consents must name it (Art. 8(4)(1)).
            let named = source == BatchSource::Demo
                || (!org.name.trim().is_empty() && !org.bin.trim().is_empty());
            prepared.insert(
                kind,
                prepare(&basis_of(kind), kind, &inventory.document, named)?,
            );
        }
        let today_ = today();
        let check = |p: &ValidPerson| match prepared.get(&p.kind) {
            Some(b) => {
                let mut problems =
                    outside_purposes(fields_of(p), p.kind, &b.covers, &inventory.document);
                // A consent on file for a minor is their legal representative's, whom a batch
                // cannot name: add such a person alone.
                let minor = p
                    .values
                    .get(&Field::BirthDate)
                    .and_then(|d| crate::register::import::parse_date(d).ok())
                    .is_some_and(|born| super::consent::age_on(born, today_) < 18);
                if b.ground.is_none() && b.representative.is_none() && minor {
                    problems.push(FieldProblem::new(
                        "birth_date",
                        "minor_needs_representative",
                    ));
                }
                problems
            }
            None => Vec::new(),
        };
        let given_on = today().to_string();
        let mut after = |tx: &Connection, p: &ValidPerson, id: Uuid, number: i64| -> Result<()> {
            let Some(b) = prepared.get(&p.kind) else {
                return Err(Error::invalid("basis", "basis_required"));
            };
            match &b.ground {
                Some(g) => {
                    tx.execute(
                        "UPDATE subject SET legal_ground = ?1, legal_ground_law = ?2, ground_purposes = ?3 WHERE id = ?4",
                        params![
                            g.subparagraph,
                            g.law,
                            (!g.purposes.is_empty())
                                .then(|| serde_json::to_string(&g.purposes).unwrap_or_default()),
                            id.to_string()
                        ],
                    )?;
                }
                None => {
                    super::consent::insert_batch_consent(
                        tx,
                        &super::consent::BatchConsent {
                            subject: id,
                            subject_number: number,
                            full_name: p.full_name(),
                            purposes: &b.purposes,
                            data_fields: p.values.keys().map(|f| f.key()).collect(),
                            inventory_version: inventory.version,
                            operator_name: &org.name,
                            operator_bin: &org.bin,
                            given_on: &given_on,
                            scan_due: b.scan_due,
                            user,
                            representative: b.representative.as_ref().filter(|_| {
                                p.values
                                    .get(&Field::BirthDate)
                                    .and_then(|d| crate::register::import::parse_date(d).ok())
                                    .is_some_and(|born| super::consent::age_on(born, today_) < 18)
                            }),
                        },
                    )?;
                }
            }
            Ok(())
        };
        self.add_people_with(
            rows,
            dry_run,
            source,
            BatchHooks {
                check: &check,
                after: &mut after,
            },
            progress,
        )
    }

    /// Set (or clear, with `None`) a person's Art. 9 ground.
    pub fn set_legal_ground(&self, id: Uuid, ground: Option<&Ground>) -> Result<()> {
        let facts = subject_facts(self.conn(), id)?;
        facts.ensure_changeable()?;
        let g = ground
            .map(|g| check_ground(g, facts.kind, &self.inventory()?.document))
            .transpose()?;
        let tx = self.conn().unchecked_transaction()?;
        write_ground(&tx, self.user().id, id, facts.number, g.as_ref())?;
        tx.commit()?;
        Ok(())
    }

    /// Give many people a basis at once — "paper consents on file", or a ground — to clear
    /// the list of people without one. All or nothing; returns how many were given it.
    pub fn set_basis_many(&self, ids: &[Uuid], basis: &BasisDraft) -> Result<usize> {
        let inventory = self.inventory()?;
        let tx = self.conn().unchecked_transaction()?;
        for id in ids {
            let facts = subject_facts(&tx, *id)?;
            facts.ensure_changeable()?;
            match basis {
                BasisDraft::Consent { consent, scan_due } => {
                    let v = self.check_consent(&facts, consent)?;
                    let due = scan_due
                        .as_deref()
                        .filter(|s| !s.trim().is_empty())
                        .map(|s| super::retention::as_of(Some(s)))
                        .transpose()?;
                    self.insert_consent_in(&tx, &facts, *id, &v, None, due)?;
                }
                BasisDraft::Ground(g) => {
                    let g = check_ground(g, facts.kind, &inventory.document)?;
                    write_ground(&tx, self.user().id, *id, facts.number, Some(&g))?;
                }
            }
        }
        tx.commit()?;
        Ok(ids.len())
    }

    /// Everyone processed without a basis on `on`: no consent in force and no complete Art. 9
    /// ground an NGO may use — unless a legal hold keeps them, or a retention rule whose basis
    /// is a law still runs for them (the law that sets the period is their 9(10) basis until
    /// it ends). Oldest first, each with its one-working-day clock.
    pub fn lapsed_bases(&self, on: Date) -> Result<Vec<Lapse>> {
        let on_s = on.to_string();
        // id, number, kind, ground, the ground's law, created at.
        type Candidate = (
            String,
            i64,
            String,
            Option<String>,
            Option<String>,
            String,
            String,
        );
        let candidates: Vec<Candidate> = {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT s.id, s.number, s.kind, s.legal_ground, s.legal_ground_law, s.created_at,
                        trim(coalesce(s.surname, '') || ' ' || coalesce(s.name, '') || ' ' || coalesce(s.patronymic, ''))
                 FROM subject s
                 WHERE s.status = 'active' AND s.hold_reason IS NULL
                   AND NOT (s.legal_ground IN ({grounds}) AND trim(coalesce(s.legal_ground_law, '')) != '')
                   AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = s.id AND {in_force})
                 ORDER BY s.number",
                grounds = ART9_GROUNDS.iter().map(|g| format!("'{g}'")).collect::<Vec<_>>().join(", "),
                in_force = super::consent::IN_FORCE_SQL,
            ))?;
            let rows = stmt.query_map([&on_s], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let keys: HashSet<String> = candidates.iter().map(|c| c.0.clone()).collect();
        let kinds: BTreeSet<Kind> = candidates
            .iter()
            .filter_map(|c| Kind::from_key(&c.2))
            .collect();
        let kept = super::retention::kept_by_law(self.conn(), &keys, &kinds, on)?;
        let calendar = self.calendar()?;
        let mut out = Vec::new();
        for (id, number, kind, ground, _law, created, full_name) in candidates {
            if kept.contains(&id) {
                continue;
            }
            let Ok(uuid) = Uuid::parse_str(&id) else {
                continue;
            };
            let created = super::retention::iso_day(&created).unwrap_or(on);
            let (reason, since) = match ground.as_deref() {
                Some(g) if ART9_GROUNDS.contains(&g) => (LapseReason::GroundIncomplete, created),
                Some(_) => (LapseReason::GroundNotForNgo, created),
                None => match super::consent::last_lapse(self.conn(), uuid)? {
                    Some((day, true)) => (LapseReason::ConsentWithdrawn, day),
                    Some((day, false)) => (LapseReason::ConsentExpired, day),
                    None => (LapseReason::NoBasis, created),
                },
            };
            out.push(Lapse {
                id: uuid,
                number,
                kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
                full_name: full_name.split_whitespace().collect::<Vec<_>>().join(" "),
                reason,
                since,
                clock: Clock::count(&calendar, since, 1, on),
            });
        }
        out.sort_by_key(|l| (l.since, l.number));
        Ok(out)
    }
}

/// A batch's basis for one kind of person, checked once.
struct Prepared {
    /// The consent's purposes (empty for a ground).
    purposes: Vec<String>,
    /// The purposes the basis covers.
    covers: Vec<String>,
    /// The ground, when the basis is one.
    ground: Option<Ground>,
    /// When the scans of paper consents are due.
    scan_due: Option<Date>,
    /// The legal representative the batch names, who gives the consent of its minors.
    representative: Option<super::consent::Representative>,
}

fn prepare(
    basis: &BasisDraft,
    kind: Kind,
    inventory: &InventoryDocument,
    org_named: bool,
) -> Result<Prepared> {
    match basis {
        BasisDraft::Consent { consent, scan_due } => {
            if consent.purposes.is_empty() {
                return Err(Error::invalid("purposes", "consent_purposes_none"));
            }
            if !org_named {
                return Err(Error::invalid("organisation", "consent_operator_missing"));
            }
            let mut purposes = Vec::new();
            for p in &consent.purposes {
                let Some(x) = inventory.purposes.iter().find(|x| &x.key == p) else {
                    return Err(Error::invalid("purposes", "consent_purpose_unknown")
                        .with("purpose", p.clone()));
                };
                // A batch of several kinds: each person consents to the purposes of their kind.
                if x.fields.get(&kind).is_some_and(|f| !f.is_empty()) {
                    purposes.push(p.clone());
                }
            }
            if purposes.is_empty() {
                return Err(Error::invalid("purposes", "consent_purpose_no_data")
                    .with("purpose", consent.purposes[0].clone())
                    .with("kind", kind.key()));
            }
            let scan_due = scan_due
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| super::retention::as_of(Some(s)))
                .transpose()?;
            Ok(Prepared {
                covers: purposes.clone(),
                purposes,
                ground: None,
                scan_due,
                representative: consent
                    .representative
                    .clone()
                    .filter(|r| !r.name.trim().is_empty()),
            })
        }
        BasisDraft::Ground(g) => {
            let g = check_ground(g, kind, inventory)?;
            Ok(Prepared {
                purposes: Vec::new(),
                covers: covered(&g.purposes, kind, inventory),
                ground: Some(g),
                scan_due: None,
                representative: None,
            })
        }
    }
}

/// The sentence code of a lapse reason, for the front ends.
pub fn lapse_reasons() -> [LapseReason; 5] {
    [
        LapseReason::NoBasis,
        LapseReason::ConsentExpired,
        LapseReason::ConsentWithdrawn,
        LapseReason::GroundIncomplete,
        LapseReason::GroundNotForNgo,
    ]
}

/// The stable code of an Art. 9 sub-paragraph as people write it: `art9_10`, `art9:10`,
/// `9(10)` or `10`. `None` for a sub-paragraph an NGO may not rely on or that does not exist.
pub fn subparagraph_code(s: &str) -> Option<&'static str> {
    let t = s.trim().to_lowercase();
    let n = t
        .trim_start_matches("art")
        .trim_start_matches('.')
        .trim_start_matches("9")
        .trim_start_matches(['_', ':', '(', ' '])
        .trim_end_matches(')');
    let n = if n.is_empty() { t.as_str() } else { n };
    ART9_GROUNDS
        .iter()
        .copied()
        .find(|g| g.trim_start_matches("art9_") == n)
}
