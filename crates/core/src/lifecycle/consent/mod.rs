//! Consent to the collection and processing of personal data (Art. 7, 8, 24 of Law No. 94-V), and
//! the Art. 9 grounds for processing without it.
//!
//! A consent records every item of Art. 8(4) — operator and BIN, the person's full name, the term,
//! the purposes and the data collected for them, and separate yes/no scopes for transfer to third
//! parties, cross-border transfer and publication in public sources (Art. 7(6)) — plus the form
//! it was given in, who took it, and who gave it: the person or, for a minor, a legal
//! representative. Withdrawal is by scope or whole; it is refused only with a recorded Art. 8(2)
//! ground. Withdrawing publication makes a public person restricted again.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::register::fields::{Field, Kind};
use crate::register::import::parse_date;
use crate::register::subjects::Access;
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// How many days before its end a consent counts as expiring.
pub const EXPIRING_DAYS: i64 = 30;

/// Largest scan of a signed form kept in the vault.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// How a consent was given (Art. 8(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentForm {
    /// A paper form signed by hand.
    Paper,
    /// An electronic document (signed with an EDS or otherwise).
    Electronic,
    /// The state consent service on eGov.
    Egov,
    /// A non-state consent service.
    ConsentService,
    /// Another way that proves the consent was received.
    Other,
}

impl ConsentForm {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            ConsentForm::Paper => "paper",
            ConsentForm::Electronic => "electronic",
            ConsentForm::Egov => "egov",
            ConsentForm::ConsentService => "consent_service",
            ConsentForm::Other => "other",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<ConsentForm> {
        [
            ConsentForm::Paper,
            ConsentForm::Electronic,
            ConsentForm::Egov,
            ConsentForm::ConsentService,
            ConsentForm::Other,
        ]
        .into_iter()
        .find(|f| f.key() == s)
    }

    /// Whether a reference number is required (a service's consent id).
    fn needs_reference(self) -> bool {
        matches!(self, ConsentForm::Egov | ConsentForm::ConsentService)
    }
}

/// A legal representative who gave consent for the person (a parent, guardian or trustee).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Representative {
    /// Full name.
    pub name: String,
    /// Relation to the person: mother, father, guardian…
    pub relation: String,
    /// The document that proves the right to represent (birth certificate, guardianship order).
    pub document: String,
}

/// What the user enters to record a consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ConsentDraft {
    /// Purpose keys from the approved inventory.
    pub purposes: Vec<String>,
    /// The day the consent was given; today when empty.
    pub given_on: Option<String>,
    /// First day of validity; the day it was given when empty.
    pub valid_from: Option<String>,
    /// Last day of validity; empty means "until the purpose is achieved".
    pub valid_until: Option<String>,
    /// Transfer to third parties: `None` = no; the named recipients otherwise.
    pub third_parties: Option<String>,
    /// Cross-border transfer: `None` = no; the countries otherwise.
    pub cross_border: Option<String>,
    /// Publication in public sources: `None` = no; where otherwise.
    pub publication: Option<String>,
    /// How it was given.
    pub form: Option<ConsentForm>,
    /// The reference number on eGov or a consent service.
    pub form_reference: Option<String>,
    /// Set when a legal representative gave it.
    pub representative: Option<Representative>,
}

/// A scope of consent that can be withdrawn on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The whole consent.
    All,
    /// Transfer to third parties.
    ThirdParties,
    /// Cross-border transfer.
    CrossBorder,
    /// Publication in public sources.
    Publication,
}

impl Scope {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::ThirdParties => "third_parties",
            Scope::CrossBorder => "cross_border",
            Scope::Publication => "publication",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Scope> {
        [
            Scope::All,
            Scope::ThirdParties,
            Scope::CrossBorder,
            Scope::Publication,
        ]
        .into_iter()
        .find(|x| x.key() == s)
    }
}

/// Why a withdrawal may be refused (Art. 8(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// Withdrawal would contradict the law.
    Law,
    /// The person has an obligation still unfulfilled.
    Obligation,
}

impl RefusalGround {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            RefusalGround::Law => "law",
            RefusalGround::Obligation => "obligation",
        }
    }
}

/// What the user enters to record a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawalDraft {
    /// What is withdrawn.
    pub scope: Scope,
    /// The day the person asked; today when empty.
    #[serde(default)]
    pub requested_on: Option<String>,
    /// How the request arrived: in writing, eGov, e-mail…
    pub channel: String,
    /// Set to refuse the withdrawal, with its ground and an explanation.
    #[serde(default)]
    pub refusal: Option<Refusal>,
}

/// A refused withdrawal's recorded reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    /// The Art. 8(2) ground.
    pub ground: RefusalGround,
    /// Which law or obligation.
    pub note: String,
}

/// A recorded withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawal {
    /// What was withdrawn.
    pub scope: Scope,
    /// When the person asked.
    pub requested_on: String,
    /// How the request arrived.
    pub channel: String,
    /// Whether it was refused.
    pub refused: bool,
    /// The refusal's ground key, if refused.
    pub refusal_ground: Option<String>,
    /// The refusal's explanation.
    pub refusal_note: Option<String>,
    /// When it was recorded.
    pub recorded_at: String,
}

/// Where a consent stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    /// In force.
    Active,
    /// In force, ending within [`EXPIRING_DAYS`] days.
    Expiring,
    /// Its term ended.
    Expired,
    /// Withdrawn as a whole.
    Withdrawn,
}

impl ConsentState {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            ConsentState::Active => "active",
            ConsentState::Expiring => "expiring",
            ConsentState::Expired => "expired",
            ConsentState::Withdrawn => "withdrawn",
        }
    }

    /// Whether processing may rely on it.
    pub fn in_force(self) -> bool {
        matches!(self, ConsentState::Active | ConsentState::Expiring)
    }
}

/// Facts about the attached scan (the bytes are fetched separately).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// A recorded consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// Stable id.
    pub id: Uuid,
    /// The consent's number in this vault (printed on the form).
    pub number: i64,
    /// The person's id.
    pub subject_id: Uuid,
    /// The person's internal number.
    pub subject_number: i64,
    /// Operator's name as on the consent.
    pub operator_name: String,
    /// Operator's BIN.
    pub operator_bin: String,
    /// The person's surname, name and patronymic as on the consent.
    pub subject_name: String,
    /// Purpose keys.
    pub purposes: Vec<String>,
    /// Field keys of the data collected for those purposes.
    pub data_fields: Vec<String>,
    /// The inventory version the purposes and data come from.
    pub inventory_version: i64,
    /// The day it was given.
    pub given_on: String,
    /// First day of validity.
    pub valid_from: String,
    /// Last day, or `None` for "until the purpose is achieved".
    pub valid_until: Option<String>,
    /// Transfer to third parties allowed (and not withdrawn).
    pub third_parties: bool,
    /// The recipients named.
    pub third_party_recipients: Option<String>,
    /// Cross-border transfer allowed (and not withdrawn).
    pub cross_border: bool,
    /// The countries named.
    pub cross_border_countries: Option<String>,
    /// Publication allowed (and not withdrawn).
    pub publication: bool,
    /// Where it may be published.
    pub publication_where: Option<String>,
    /// How it was given.
    pub form: ConsentForm,
    /// Reference on eGov or a consent service.
    pub form_reference: Option<String>,
    /// User id of the staff member who took it.
    pub taken_by: String,
    /// That user's name.
    pub taken_by_name: Option<String>,
    /// The legal representative who gave it, if any.
    pub representative: Option<Representative>,
    /// State today.
    pub state: ConsentState,
    /// Scopes withdrawn (accepted withdrawals).
    pub withdrawn_scopes: Vec<Scope>,
    /// Every withdrawal request, accepted or refused, oldest first.
    pub withdrawals: Vec<Withdrawal>,
    /// The attached scan, if any.
    pub evidence: Option<Evidence>,
    /// When it was recorded.
    pub created_at: String,
}

/// The grounds for processing without consent (Art. 9) a small NGO meets.
pub const LEGAL_GROUNDS: [&str; 7] = [
    "labour_law",           // employees: labour and tax law (Art. 9(8))
    "legal_duty",           // data the person is legally bound to provide
    "court_or_enforcement", // courts and law enforcement within a case
    "protect_rights",       // protecting rights when consent cannot be obtained
    "research_or_journalism",
    "state_statistics",
    "other_law",
];

/// Counts of consent states and of people with no basis for processing, for the dashboard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentOverview {
    /// Consents in force.
    pub active: i64,
    /// Consents in force that end within 30 days.
    pub expiring: i64,
    /// Consents whose term ended.
    pub expired: i64,
    /// Consents withdrawn as a whole.
    pub withdrawn: i64,
    /// People (not anonymised) with neither a consent in force nor an Art. 9 ground.
    pub without_basis: i64,
}

/// Today in UTC, the day the rules count from.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

fn bad(field: &'static str, reason: impl Into<String>) -> Error {
    Error::InvalidInput {
        field,
        reason: reason.into(),
    }
}

fn date(field: &'static str, s: &str) -> Result<Date> {
    parse_date(s).map_err(|p| bad(field, p.sentence()))
}

/// Trimmed text, refused when longer than `max` or holding control characters.
fn text(field: &'static str, s: &str, max: usize) -> Result<String> {
    let t = s.trim();
    if t.chars().count() > max {
        return Err(bad(
            field,
            format!("This is too long ({max} characters at most)."),
        ));
    }
    if t.chars().any(char::is_control) {
        return Err(bad(
            field,
            "Remove the invisible control characters from this field.",
        ));
    }
    Ok(t.to_string())
}

fn required(field: &'static str, s: &str, max: usize, what: &str) -> Result<String> {
    let t = text(field, s, max)?;
    if t.is_empty() {
        return Err(bad(field, format!("Enter {what}.")));
    }
    Ok(t)
}

/// Whole years between `birth` and `on`.
pub(crate) fn age_on(birth: Date, on: Date) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month() as u8, on.day()) < (birth.month() as u8, birth.day()) {
        years -= 1;
    }
    years
}

/// What a person's row tells the consent rules.
pub(crate) struct SubjectFacts {
    pub number: i64,
    pub kind: Kind,
    pub access: Access,
    pub blocked: bool,
    pub hold: bool,
    pub full_name: String,
    pub birth_date: Option<Date>,
    pub iin: Option<String>,
}

pub(crate) fn subject_facts(conn: &Connection, id: Uuid) -> Result<SubjectFacts> {
    conn.query_row(
        "SELECT number, kind, access, blocked_reason IS NOT NULL, hold_reason IS NOT NULL,
                trim(coalesce(surname, '') || ' ' || coalesce(name, '') || ' ' || coalesce(patronymic, '')),
                birth_date, iin
         FROM subject WHERE id = ?1",
        [id.to_string()],
        |r| {
            let kind: String = r.get(1)?;
            let access: String = r.get(2)?;
            let birth: Option<String> = r.get(6)?;
            Ok(SubjectFacts {
                number: r.get(0)?,
                kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
                access: Access::from_key(&access).unwrap_or(Access::Restricted),
                blocked: r.get(3)?,
                hold: r.get(4)?,
                full_name: r.get::<_, String>(5)?.split_whitespace().collect::<Vec<_>>().join(" "),
                birth_date: birth.and_then(|b| {
                    Date::parse(&b, &time::format_description::well_known::Iso8601::DATE).ok()
                }),
                iin: r.get(7)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::SubjectNotFound)
}

impl SubjectFacts {
    /// The birth date, from the record or else from the IIN (which encodes it).
    fn born(&self) -> Option<Date> {
        self.birth_date.or_else(|| {
            self.iin
                .as_deref()
                .and_then(|i| crate::register::ids::Iin::parse(i).ok())
                .map(|i| i.birth_date)
        })
    }

    /// Refuse any change to a blocked record.
    pub(crate) fn ensure_changeable(&self) -> Result<()> {
        if self.blocked {
            return Err(Error::Blocked {
                number: self.number,
            });
        }
        Ok(())
    }
}

/// A draft checked against the rules: what will be stored.
struct ValidConsent {
    purposes: Vec<String>,
    data_fields: Vec<String>,
    inventory_version: i64,
    given_on: Date,
    valid_from: Date,
    valid_until: Option<Date>,
    third_parties: Option<String>,
    cross_border: Option<String>,
    publication: Option<String>,
    form: ConsentForm,
    form_reference: Option<String>,
    representative: Option<Representative>,
    operator_name: String,
    operator_bin: String,
    subject_name: String,
}

fn scope_text(field: &'static str, v: &Option<String>, what: &str) -> Result<Option<String>> {
    match v {
        None => Ok(None),
        Some(s) => Ok(Some(required(field, s, 500, what)?)),
    }
}

impl Vault {
    fn check_consent(&self, facts: &SubjectFacts, draft: &ConsentDraft) -> Result<ValidConsent> {
        let today = today();
        let org = self.organisation()?;
        if org.name.trim().is_empty() || org.bin.trim().is_empty() {
            return Err(bad(
                "organisation",
                "Enter the organisation's name and BIN in Settings first: a consent must name the operator (Art. 8(4)).",
            ));
        }
        if facts.full_name.is_empty() {
            return Err(bad(
                "subject",
                "A consent names the person: enter their surname and name first.",
            ));
        }
        let inventory = self.inventory()?;
        let mut purposes: Vec<String> = Vec::new();
        let mut fields: BTreeSet<Field> = BTreeSet::new();
        for key in &draft.purposes {
            let key = key.trim();
            if key.is_empty() || purposes.iter().any(|p| p == key) {
                continue;
            }
            let purpose = inventory
                .document
                .purposes
                .iter()
                .find(|p| p.key == key)
                .ok_or_else(|| {
                    bad(
                        "purposes",
                        format!(
                            "\"{}\" is not a purpose in the approved data inventory.",
                            key.chars().take(60).collect::<String>()
                        ),
                    )
                })?;
            let for_kind = purpose.fields.get(&facts.kind).filter(|f| !f.is_empty()).ok_or_else(|| {
                bad(
                    "purposes",
                    format!(
                        "The purpose \"{key}\" collects no data about a {} in the approved inventory.",
                        facts.kind.key()
                    ),
                )
            })?;
            fields.extend(for_kind.iter().copied());
            purposes.push(key.to_string());
        }
        if purposes.is_empty() {
            return Err(bad(
                "purposes",
                "Choose at least one purpose of processing.",
            ));
        }
        let given_on = match draft
            .given_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => date("given_on", s)?,
            None => today,
        };
        if given_on > today {
            return Err(bad(
                "given_on",
                "The day the consent was given cannot be in the future.",
            ));
        }
        if facts.born().is_some_and(|b| given_on < b) {
            return Err(bad(
                "given_on",
                "The consent cannot be dated before the person's birth.",
            ));
        }
        let valid_from = match draft
            .valid_from
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => date("valid_from", s)?,
            None => given_on,
        };
        if valid_from > today {
            return Err(bad(
                "valid_from",
                "A consent is recorded once it is in force: its start cannot be in the future.",
            ));
        }
        if valid_from < given_on {
            return Err(bad(
                "valid_from",
                "A consent cannot be valid before the day it was given.",
            ));
        }
        let valid_until = match draft
            .valid_until
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => Some(date("valid_until", s)?),
            None => None,
        };
        if valid_until.is_some_and(|u| u < valid_from) {
            return Err(bad(
                "valid_until",
                "The consent's end date is before its start.",
            ));
        }
        let form = draft
            .form
            .ok_or_else(|| bad("form", "Choose how the consent was given."))?;
        let form_reference = match draft
            .form_reference
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(r) => Some(text("form_reference", r, 100)?),
            None if form.needs_reference() => {
                return Err(bad(
                    "form_reference",
                    "Enter the consent's reference number on the service.",
                ))
            }
            None => None,
        };
        let minor = facts.born().is_some_and(|b| age_on(b, given_on) < 18);
        let representative = match &draft.representative {
            Some(r)
                if !(r.name.trim().is_empty()
                    && r.relation.trim().is_empty()
                    && r.document.trim().is_empty()) =>
            {
                Some(Representative {
                    name: required(
                        "representative_name",
                        &r.name,
                        300,
                        "the representative's full name",
                    )?,
                    relation: required(
                        "representative_relation",
                        &r.relation,
                        100,
                        "the representative's relation to the person",
                    )?,
                    document: required(
                        "representative_document",
                        &r.document,
                        300,
                        "the document that makes them the legal representative",
                    )?,
                })
            }
            _ if minor => return Err(Error::RepresentativeRequired),
            _ => None,
        };
        Ok(ValidConsent {
            purposes,
            data_fields: fields.iter().map(|f| f.key().to_string()).collect(),
            inventory_version: inventory.version,
            given_on,
            valid_from,
            valid_until,
            third_parties: scope_text(
                "third_parties",
                &draft.third_parties,
                "the third parties who may receive the data",
            )?,
            cross_border: scope_text(
                "cross_border",
                &draft.cross_border,
                "the countries the data may be transferred to",
            )?,
            publication: scope_text(
                "publication",
                &draft.publication,
                "where the data may be published",
            )?,
            form,
            form_reference,
            representative,
            operator_name: org.name,
            operator_bin: org.bin,
            subject_name: facts.full_name.clone(),
        })
    }

    /// Record a consent a person (or their legal representative) gave. Refused for a blocked or
    /// anonymised record, a minor without a representative, or a purpose outside the inventory.
    pub fn add_consent(&self, subject: Uuid, draft: &ConsentDraft) -> Result<Consent> {
        self.add_consent_with_evidence(subject, draft, None)
    }

    /// Record a consent and the scan of its signed form together: both or neither.
    pub fn add_consent_with_evidence(
        &self,
        subject: Uuid,
        draft: &ConsentDraft,
        evidence: Option<&[u8]>,
    ) -> Result<Consent> {
        let facts = subject_facts(self.conn(), subject)?;
        facts.ensure_changeable()?;
        let v = self.check_consent(&facts, draft)?;
        // Checked before anything is written, so a bad scan leaves no consent behind.
        let evidence = evidence
            .map(|bytes| check_evidence(bytes).map(|media_type| (bytes, media_type)))
            .transpose()?;
        let tx = self.conn().unchecked_transaction()?;
        // Numbers of destroyed consents are never handed out again: signed forms carry them.
        let number: i64 = tx.query_row(
            "SELECT max(coalesce((SELECT max(number) FROM consent), 0),
                        coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'consent_number_high'), 0)) + 1",
            [],
            |r| r.get(0),
        )?;
        let id = Uuid::now_v7();
        let rep = v.representative.as_ref();
        tx.execute(
            "INSERT INTO consent (id, number, subject_id, operator_name, operator_bin, subject_name, purposes, data_fields, inventory_version,
                valid_from, valid_until, third_parties, third_party_recipients, cross_border, cross_border_countries, publication, publication_where,
                form, form_reference, given_on, taken_by, representative_name, representative_relation, representative_document, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
            params![
                id.to_string(),
                number,
                subject.to_string(),
                v.operator_name,
                v.operator_bin,
                v.subject_name,
                serde_json::to_string(&v.purposes).unwrap_or_default(),
                serde_json::to_string(&v.data_fields).unwrap_or_default(),
                v.inventory_version,
                v.valid_from.to_string(),
                v.valid_until.map(|d| d.to_string()),
                v.third_parties.is_some(),
                v.third_parties,
                v.cross_border.is_some(),
                v.cross_border,
                v.publication.is_some(),
                v.publication,
                v.form.key(),
                v.form_reference,
                v.given_on.to_string(),
                self.user().id.to_string(),
                rep.map(|r| r.name.clone()),
                rep.map(|r| r.relation.clone()),
                rep.map(|r| r.document.clone()),
                journal::now_utc(),
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::ConsentRecorded,
            Some(&subject.to_string()),
            json!({
                "number": facts.number,
                "consent": number,
                "purposes": v.purposes,
                "thirdParties": v.third_parties.is_some(),
                "crossBorder": v.cross_border.is_some(),
                "publication": v.publication.is_some(),
                "form": v.form.key(),
                "representative": v.representative.is_some(),
            }),
        )?;
        if let Some((bytes, media_type)) = evidence {
            self.insert_evidence(&tx, facts.number, subject, id, number, (bytes, media_type))?;
        }
        tx.commit()?;
        self.consent(number)
    }

    /// A draft, checked, as the consent it would become (number 0, not stored): what a form
    /// printed for signature shows before the consent is recorded.
    pub(crate) fn draft_consent(&self, subject: Uuid, draft: &ConsentDraft) -> Result<Consent> {
        let facts = subject_facts(self.conn(), subject)?;
        facts.ensure_changeable()?;
        let v = self.check_consent(&facts, draft)?;
        Ok(Consent {
            id: Uuid::nil(),
            number: 0,
            subject_id: subject,
            subject_number: facts.number,
            operator_name: v.operator_name,
            operator_bin: v.operator_bin,
            subject_name: v.subject_name,
            purposes: v.purposes,
            data_fields: v.data_fields,
            inventory_version: v.inventory_version,
            given_on: v.given_on.to_string(),
            valid_from: v.valid_from.to_string(),
            valid_until: v.valid_until.map(|d| d.to_string()),
            third_parties: v.third_parties.is_some(),
            third_party_recipients: v.third_parties,
            cross_border: v.cross_border.is_some(),
            cross_border_countries: v.cross_border,
            publication: v.publication.is_some(),
            publication_where: v.publication,
            form: v.form,
            form_reference: v.form_reference,
            taken_by: self.user().id.to_string(),
            taken_by_name: Some(self.user().name.clone()),
            representative: v.representative,
            state: ConsentState::Active,
            withdrawn_scopes: Vec::new(),
            withdrawals: Vec::new(),
            evidence: None,
            created_at: journal::now_utc(),
        })
    }

    /// Check a draft without recording it (the wizard's last step, and printing a form before
    /// it is signed).
    pub fn check_consent_draft(&self, subject: Uuid, draft: &ConsentDraft) -> Result<()> {
        let facts = subject_facts(self.conn(), subject)?;
        facts.ensure_changeable()?;
        self.check_consent(&facts, draft).map(|_| ())
    }

    /// One consent by its number.
    pub fn consent(&self, number: i64) -> Result<Consent> {
        let id: String = self
            .conn()
            .query_row("SELECT id FROM consent WHERE number = ?1", [number], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::ConsentNotFound)?;
        load(self.conn(), "c.id = ?1", &id, today())?
            .pop()
            .ok_or(Error::ConsentNotFound)
    }

    /// A person's consents, newest first.
    pub fn consents(&self, subject: Uuid) -> Result<Vec<Consent>> {
        subject_facts(self.conn(), subject)?;
        load(
            self.conn(),
            "c.subject_id = ?1",
            &subject.to_string(),
            today(),
        )
    }

    /// Record a person's request to withdraw consent, whole or by scope. Allowed for a blocked
    /// person too: withdrawing is the person's right, and it only ever narrows what is done. Accepted unless
    /// `refusal` gives an Art. 8(2) ground with an explanation. Withdrawing publication (or the
    /// whole consent) makes a public person restricted when no other consent to publication is
    /// in force.
    pub fn withdraw_consent(&self, number: i64, w: &WithdrawalDraft) -> Result<Consent> {
        let consent = self.consent(number)?;
        let facts = subject_facts(self.conn(), consent.subject_id)?;
        if consent.state == ConsentState::Withdrawn {
            return Err(bad(
                "scope",
                "This consent has already been withdrawn as a whole.",
            ));
        }
        if consent.withdrawn_scopes.contains(&w.scope) {
            return Err(bad(
                "scope",
                "This part of the consent has already been withdrawn.",
            ));
        }
        let given = match w.scope {
            Scope::All => true,
            Scope::ThirdParties => consent.third_parties,
            Scope::CrossBorder => consent.cross_border,
            Scope::Publication => consent.publication,
        };
        if !given {
            return Err(bad(
                "scope",
                "The consent does not allow this, so there is nothing to withdraw.",
            ));
        }
        let requested_on = match w
            .requested_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => date("requested_on", s)?,
            None => today(),
        };
        if requested_on > today() {
            return Err(bad(
                "requested_on",
                "The day of the request cannot be in the future.",
            ));
        }
        if requested_on.to_string() < consent.given_on {
            return Err(bad(
                "requested_on",
                "A consent cannot be withdrawn before the day it was given.",
            ));
        }
        let channel = required(
            "channel",
            &w.channel,
            200,
            "how the request arrived (in writing, eGov, e-mail…)",
        )?;
        let refusal = match &w.refusal {
            Some(r) => Some((
                r.ground,
                required(
                    "refusal_note",
                    &r.note,
                    1000,
                    "which law or unfulfilled obligation prevents the withdrawal",
                )?,
            )),
            None => None,
        };
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "INSERT INTO consent_withdrawal (id, consent_id, scope, requested_on, channel, refused, refusal_ground, refusal_note, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                Uuid::now_v7().to_string(),
                consent.id.to_string(),
                w.scope.key(),
                requested_on.to_string(),
                channel,
                refusal.is_some(),
                refusal.as_ref().map(|r| r.0.key()),
                refusal.as_ref().map(|r| r.1.clone()),
                self.user().id.to_string(),
                journal::now_utc(),
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::ConsentWithdrawn,
            Some(&consent.subject_id.to_string()),
            json!({
                "number": facts.number,
                "consent": number,
                "scope": w.scope.key(),
                "outcome": if refusal.is_some() { "refused" } else { "accepted" },
                "refusalGround": refusal.as_ref().map(|r| r.0.key()),
            }),
        )?;
        if refusal.is_none()
            && matches!(w.scope, Scope::All | Scope::Publication)
            && facts.access == Access::Public
            && !publication_in_force(&tx, consent.subject_id, today())?
        {
            tx.execute(
                "UPDATE subject SET access = 'restricted', updated_at = ?1 WHERE id = ?2",
                params![journal::now_utc(), consent.subject_id.to_string()],
            )?;
            journal::append(
                &tx,
                Some(self.user().id),
                Action::SubjectAccessChanged,
                Some(&consent.subject_id.to_string()),
                json!({"number": facts.number, "access": "restricted", "reason": "consent_withdrawn"}),
            )?;
        }
        tx.commit()?;
        self.consent(number)
    }

    /// Attach the scan of the signed form (PDF, JPEG or PNG, recognised by content, at most
    /// 10 MB), replacing an earlier one. Stored inside the vault, encrypted.
    pub fn attach_consent_evidence(&self, number: i64, bytes: &[u8]) -> Result<Evidence> {
        let consent = self.consent(number)?;
        let facts = subject_facts(self.conn(), consent.subject_id)?;
        facts.ensure_changeable()?;
        let media_type = check_evidence(bytes)?;
        let tx = self.conn().unchecked_transaction()?;
        let evidence = self.insert_evidence(
            &tx,
            facts.number,
            consent.subject_id,
            consent.id,
            number,
            (bytes, media_type),
        )?;
        tx.commit()?;
        Ok(evidence)
    }

    /// Store a checked scan for a consent, replacing an earlier one, inside `tx`.
    fn insert_evidence(
        &self,
        tx: &Connection,
        subject_number: i64,
        subject: Uuid,
        consent: Uuid,
        number: i64,
        (bytes, media_type): (&[u8], &'static str),
    ) -> Result<Evidence> {
        let sha = hex::encode(Sha256::digest(bytes));
        tx.execute(
            "DELETE FROM attachment WHERE consent_id = ?1",
            [consent.to_string()],
        )?;
        tx.execute(
            "INSERT INTO attachment (id, subject_id, consent_id, media_type, size, sha256, content, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                Uuid::now_v7().to_string(),
                subject.to_string(),
                consent.to_string(),
                media_type,
                bytes.len() as i64,
                sha,
                bytes,
                journal::now_utc()
            ],
        )?;
        journal::append(
            tx,
            Some(self.user().id),
            Action::ConsentEvidenceAttached,
            Some(&subject.to_string()),
            json!({"number": subject_number, "consent": number, "type": media_type, "size": bytes.len()}),
        )?;
        Ok(Evidence {
            media_type: media_type.into(),
            size: bytes.len() as i64,
            sha256: sha,
        })
    }

    /// Attach a scan from a file; a file over the size cap is refused before it is read.
    pub fn attach_consent_evidence_file(
        &self,
        number: i64,
        path: &std::path::Path,
    ) -> Result<Evidence> {
        self.attach_consent_evidence(number, &read_evidence_file(path)?)
    }

    /// The attached scan's type and bytes. Journaled as a view of the person's record.
    pub fn consent_evidence(&self, number: i64) -> Result<(String, Vec<u8>)> {
        let consent = self.consent(number)?;
        let found: Option<(String, Vec<u8>)> = self
            .conn()
            .query_row(
                "SELECT media_type, content FROM attachment WHERE consent_id = ?1",
                [consent.id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let found = found.ok_or_else(|| bad("evidence", "No scan is attached to this consent."))?;
        self.record(
            Action::SubjectViewed,
            Some(&consent.subject_id.to_string()),
            json!({"number": consent.subject_number, "evidence": number}),
        )?;
        Ok(found)
    }

    /// Whether a person may be public: a consent to publication in public sources is in force.
    pub fn publication_permitted(&self, id: Uuid) -> Result<()> {
        let facts = subject_facts(self.conn(), id)?;
        if publication_in_force(self.conn(), id, today())? {
            Ok(())
        } else {
            Err(Error::PublicationConsentRequired {
                number: facts.number,
            })
        }
    }

    /// Set (or clear, with `None`) the Art. 9 ground for processing a person without consent.
    pub fn set_legal_ground(&self, id: Uuid, ground: Option<&str>) -> Result<()> {
        let facts = subject_facts(self.conn(), id)?;
        facts.ensure_changeable()?;
        if let Some(g) = ground {
            if !LEGAL_GROUNDS.contains(&g) {
                return Err(bad(
                    "legal_ground",
                    format!("The ground must be one of {}.", LEGAL_GROUNDS.join(", ")),
                ));
            }
        }
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE subject SET legal_ground = ?1, updated_at = ?2 WHERE id = ?3",
            params![ground, journal::now_utc(), id.to_string()],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::LegalGroundChanged,
            Some(&id.to_string()),
            json!({"number": facts.number, "ground": ground}),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Consent states across the register as of `on`, and people with no basis for processing.
    pub fn consent_overview(&self, on: Date) -> Result<ConsentOverview> {
        let on_s = on.to_string();
        let soon = (on + Duration::days(EXPIRING_DAYS)).to_string();
        let mut o = ConsentOverview::default();
        let mut stmt = self.conn().prepare(
            "SELECT CASE
                WHEN EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'all' AND w.refused = 0) THEN 'withdrawn'
                WHEN c.valid_until IS NOT NULL AND c.valid_until < ?1 THEN 'expired'
                WHEN c.valid_until IS NOT NULL AND c.valid_until <= ?2 THEN 'expiring'
                ELSE 'active' END AS state, count(*)
             FROM consent c GROUP BY state",
        )?;
        let rows = stmt.query_map(params![on_s, soon], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (state, n) = row?;
            match state.as_str() {
                "withdrawn" => o.withdrawn = n,
                "expired" => o.expired = n,
                "expiring" => o.expiring = n,
                _ => o.active = n,
            }
        }
        o.without_basis = self.conn().query_row(
            &format!(
                "SELECT count(*) FROM subject s WHERE s.status = 'active' AND s.legal_ground IS NULL
                 AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = s.id AND {})",
                IN_FORCE_SQL
            ),
            params![on_s],
            |r| r.get(0),
        )?;
        Ok(o)
    }
}

/// SQL that is true for a consent `c` in force on `?1`.
const IN_FORCE_SQL: &str = "c.valid_from <= ?1 AND (c.valid_until IS NULL OR c.valid_until >= ?1)
    AND NOT EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'all' AND w.refused = 0)";

/// Whether a consent to publication is in force for a person on `on`.
pub(crate) fn publication_in_force(conn: &Connection, subject: Uuid, on: Date) -> Result<bool> {
    Ok(conn.query_row(
        &format!(
            "SELECT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = ?2 AND c.publication = 1 AND {}
               AND NOT EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'publication' AND w.refused = 0))",
            IN_FORCE_SQL
        ),
        params![on.to_string(), subject.to_string()],
        |r| r.get(0),
    )?)
}

/// Make restricted every public person whose consent to publication is no longer in force (it
/// expired since the vault was last open). Run at unlock; each change is journaled.
pub(crate) fn restrict_lapsed_publications(conn: &Connection, user: Uuid) -> Result<()> {
    let on = today();
    let public: Vec<(String, i64)> = {
        let mut stmt = conn.prepare("SELECT id, number FROM subject WHERE access = 'public'")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    for (id, number) in public {
        let Ok(uuid) = Uuid::parse_str(&id) else {
            continue;
        };
        if publication_in_force(conn, uuid, on)? {
            continue;
        }
        conn.execute(
            "UPDATE subject SET access = 'restricted', updated_at = ?1 WHERE id = ?2",
            params![journal::now_utc(), id],
        )?;
        journal::append(
            conn,
            Some(user),
            Action::SubjectAccessChanged,
            Some(&id),
            json!({"number": number, "access": "restricted", "reason": "publication_consent_ended"}),
        )?;
    }
    Ok(())
}

/// The best state among a person's consents (active over expiring over expired over withdrawn).
pub(crate) fn best_state(
    conn: &Connection,
    subject: Uuid,
    on: Date,
) -> Result<Option<ConsentState>> {
    Ok(load(conn, "c.subject_id = ?1", &subject.to_string(), on)?
        .iter()
        .map(|c| c.state)
        .min())
}

/// Read a scan from a file; a file over the size cap is refused before it is read.
pub fn read_evidence_file(path: &std::path::Path) -> Result<Vec<u8>> {
    if std::fs::metadata(path)?.len() > MAX_EVIDENCE_BYTES as u64 {
        return Err(too_big());
    }
    Ok(std::fs::read(path)?)
}

fn too_big() -> Error {
    bad(
        "evidence",
        "The scan is larger than 10 MB; scan it at a lower resolution.",
    )
}

/// A scan's media type, or why it is refused: PDF, JPEG or PNG by content, at most 10 MB.
pub fn check_evidence(bytes: &[u8]) -> Result<&'static str> {
    let media_type = sniff(bytes).ok_or_else(|| {
        bad(
            "evidence",
            "Attach the scan as a PDF, JPEG or PNG file; this file is none of them.",
        )
    })?;
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(too_big());
    }
    Ok(media_type)
}

/// Recognise a scan by its first bytes, not its name.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else {
        None
    }
}

fn state_of(valid_until: Option<&str>, withdrawn_all: bool, on: Date) -> ConsentState {
    if withdrawn_all {
        return ConsentState::Withdrawn;
    }
    let until = valid_until
        .and_then(|u| Date::parse(u, &time::format_description::well_known::Iso8601::DATE).ok());
    match until {
        Some(u) if u < on => ConsentState::Expired,
        Some(u) if u <= on + Duration::days(EXPIRING_DAYS) => ConsentState::Expiring,
        _ => ConsentState::Active,
    }
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

/// Consents matching `condition` (bound to `?1`), newest first, with withdrawals and evidence.
fn load(conn: &Connection, condition: &str, value: &str, on: Date) -> Result<Vec<Consent>> {
    let sql = format!(
        "SELECT c.id, c.number, c.subject_id, s.number, c.operator_name, c.operator_bin, c.subject_name, c.purposes, c.data_fields,
                c.inventory_version, c.given_on, c.valid_from, c.valid_until, c.third_parties, c.third_party_recipients,
                c.cross_border, c.cross_border_countries, c.publication, c.publication_where, c.form, c.form_reference,
                c.taken_by, u.name, c.representative_name, c.representative_relation, c.representative_document, c.created_at,
                a.media_type, a.size, a.sha256
         FROM consent c JOIN subject s ON s.id = c.subject_id
         LEFT JOIN user u ON u.id = c.taken_by
         LEFT JOIN attachment a ON a.consent_id = c.id
         WHERE {condition} ORDER BY c.number DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([value], |r| {
        let id: String = r.get(0)?;
        let subject_id: String = r.get(2)?;
        let rep_name: Option<String> = r.get(23)?;
        let media_type: Option<String> = r.get(27)?;
        Ok(Consent {
            id: Uuid::parse_str(&id).unwrap_or_default(),
            number: r.get(1)?,
            subject_id: Uuid::parse_str(&subject_id).unwrap_or_default(),
            subject_number: r.get(3)?,
            operator_name: r.get(4)?,
            operator_bin: r.get(5)?,
            subject_name: r.get(6)?,
            purposes: json_list(&r.get::<_, String>(7)?),
            data_fields: json_list(&r.get::<_, String>(8)?),
            inventory_version: r.get(9)?,
            given_on: r.get(10)?,
            valid_from: r.get(11)?,
            valid_until: r.get(12)?,
            third_parties: r.get(13)?,
            third_party_recipients: r.get(14)?,
            cross_border: r.get(15)?,
            cross_border_countries: r.get(16)?,
            publication: r.get(17)?,
            publication_where: r.get(18)?,
            form: ConsentForm::from_key(&r.get::<_, String>(19)?).unwrap_or(ConsentForm::Other),
            form_reference: r.get(20)?,
            taken_by: r.get(21)?,
            taken_by_name: r.get(22)?,
            representative: rep_name.map(|name| Representative {
                name,
                relation: r
                    .get::<_, Option<String>>(24)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
                document: r
                    .get::<_, Option<String>>(25)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            }),
            state: ConsentState::Active,
            withdrawn_scopes: Vec::new(),
            withdrawals: Vec::new(),
            evidence: media_type.map(|media_type| Evidence {
                media_type,
                size: r.get::<_, Option<i64>>(28).ok().flatten().unwrap_or(0),
                sha256: r
                    .get::<_, Option<String>>(29)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            }),
            created_at: r.get(26)?,
        })
    })?;
    let mut consents: Vec<Consent> = rows.collect::<std::result::Result<_, _>>()?;
    let mut w = conn.prepare_cached(
        "SELECT scope, requested_on, channel, refused, refusal_ground, refusal_note, recorded_at
         FROM consent_withdrawal WHERE consent_id = ?1 ORDER BY recorded_at, id",
    )?;
    for c in &mut consents {
        let rows = w.query_map([c.id.to_string()], |r| {
            Ok(Withdrawal {
                scope: Scope::from_key(&r.get::<_, String>(0)?).unwrap_or(Scope::All),
                requested_on: r.get(1)?,
                channel: r.get(2)?,
                refused: r.get(3)?,
                refusal_ground: r.get(4)?,
                refusal_note: r.get(5)?,
                recorded_at: r.get(6)?,
            })
        })?;
        c.withdrawals = rows.collect::<std::result::Result<_, _>>()?;
        c.withdrawn_scopes = c
            .withdrawals
            .iter()
            .filter(|w| !w.refused)
            .map(|w| w.scope)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let all = c.withdrawn_scopes.contains(&Scope::All);
        c.state = state_of(c.valid_until.as_deref(), all, on);
        c.third_parties &= !all && !c.withdrawn_scopes.contains(&Scope::ThirdParties);
        c.cross_border &= !all && !c.withdrawn_scopes.contains(&Scope::CrossBorder);
        c.publication &= !all && !c.withdrawn_scopes.contains(&Scope::Publication);
    }
    Ok(consents)
}

#[cfg(test)]
mod tests;
