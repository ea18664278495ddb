//! Recording a consent: what the user enters, the checks against Art. 8(4) and the approved
//! inventory, and storing it (with the scan of its form, if given, in the same transaction).

use std::collections::BTreeSet;

use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::{
    age_on, check_evidence, date, required, subject_facts, text, today, Consent, ConsentState,
    SubjectFacts,
};
use crate::error::{Error, Result};
use crate::register::fields::Field;
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

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
    /// Every form, in the order the consent wizard offers them.
    pub const ALL: [ConsentForm; 5] = [
        ConsentForm::Paper,
        ConsentForm::Electronic,
        ConsentForm::Egov,
        ConsentForm::ConsentService,
        ConsentForm::Other,
    ];

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
    /// The person is to be told of each transfer to a third party (Art. 19: within ten
    /// working days).
    #[serde(default)]
    pub notify_transfers: bool,
}

/// A draft checked against the rules: what will be stored.
pub(crate) struct ValidConsent {
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
    notify_transfers: bool,
}

fn scope_text(field: &'static str, v: &Option<String>, missing: Error) -> Result<Option<String>> {
    match v {
        None => Ok(None),
        Some(s) => Ok(Some(required(field, s, 500, missing)?)),
    }
}

impl Vault {
    pub(crate) fn check_consent(
        &self,
        facts: &SubjectFacts,
        draft: &ConsentDraft,
    ) -> Result<ValidConsent> {
        let today = today();
        let org = self.organisation()?;
        if org.name.trim().is_empty() || org.bin.trim().is_empty() {
            return Err(Error::invalid("organisation", "consent_operator_missing"));
        }
        if facts.full_name.is_empty() {
            return Err(Error::invalid("subject", "consent_subject_name_missing"));
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
                    Error::invalid("purposes", "consent_purpose_unknown")
                        .with("purpose", key.chars().take(60).collect::<String>())
                })?;
            let for_kind = purpose
                .fields
                .get(&facts.kind)
                .filter(|f| !f.is_empty())
                .ok_or_else(|| {
                    Error::invalid("purposes", "consent_purpose_no_data")
                        .with("purpose", key)
                        .with("kind", facts.kind.key())
                })?;
            fields.extend(for_kind.iter().copied());
            purposes.push(key.to_string());
        }
        if purposes.is_empty() {
            return Err(Error::invalid("purposes", "consent_purposes_none"));
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
            return Err(Error::invalid("given_on", "consent_given_in_future"));
        }
        if facts.born().is_some_and(|b| given_on < b) {
            return Err(Error::invalid("given_on", "consent_given_before_birth"));
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
            return Err(Error::invalid("valid_from", "consent_start_in_future"));
        }
        if valid_from < given_on {
            return Err(Error::invalid("valid_from", "consent_start_before_given"));
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
            return Err(Error::invalid("valid_until", "consent_end_before_start"));
        }
        let form = draft
            .form
            .ok_or_else(|| Error::invalid("form", "consent_form_missing"))?;
        let form_reference = match draft
            .form_reference
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(r) => Some(text("form_reference", r, 100)?),
            None if form.needs_reference() => {
                return Err(Error::invalid(
                    "form_reference",
                    "consent_reference_missing",
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
                        Error::invalid("representative_name", "representative_name_missing"),
                    )?,
                    relation: required(
                        "representative_relation",
                        &r.relation,
                        100,
                        Error::invalid(
                            "representative_relation",
                            "representative_relation_missing",
                        ),
                    )?,
                    document: required(
                        "representative_document",
                        &r.document,
                        300,
                        Error::invalid(
                            "representative_document",
                            "representative_document_missing",
                        ),
                    )?,
                })
            }
            _ if minor => return Err(Error::RepresentativeRequired),
            _ => None,
        };
        Ok(ValidConsent {
            notify_transfers: draft.notify_transfers,
            purposes,
            data_fields: fields.iter().map(|f| f.key().to_string()).collect(),
            inventory_version: inventory.version,
            given_on,
            valid_from,
            valid_until,
            third_parties: scope_text(
                "third_parties",
                &draft.third_parties,
                Error::invalid("third_parties", "third_parties_missing"),
            )?,
            cross_border: scope_text(
                "cross_border",
                &draft.cross_border,
                Error::invalid("cross_border", "cross_border_countries_missing"),
            )?,
            publication: scope_text(
                "publication",
                &draft.publication,
                Error::invalid("publication", "publication_where_missing"),
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
        let number = self.insert_consent_in(&tx, &facts, subject, &v, evidence, None)?;
        tx.commit()?;
        self.consent(number)
    }

    /// Store a checked consent (and the scan of its form) inside the caller's transaction, with
    /// its journal entry; `scan_due` is the day by which the scan of a paper form is to be
    /// attached. Returns the consent's number.
    pub(crate) fn insert_consent_in(
        &self,
        tx: &rusqlite::Connection,
        facts: &SubjectFacts,
        subject: Uuid,
        v: &ValidConsent,
        evidence: Option<(&[u8], &'static str)>,
        scan_due: Option<Date>,
    ) -> Result<i64> {
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
            tx,
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
            self.insert_evidence(tx, facts.number, subject, id, number, (bytes, media_type))?;
        }
        if scan_due.is_some() || v.notify_transfers {
            tx.execute(
                "UPDATE consent SET scan_due = ?1, notify_transfers = ?2 WHERE number = ?3",
                params![scan_due.map(|d| d.to_string()), v.notify_transfers, number],
            )?;
        }
        Ok(number)
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
            scan_due: None,
            notify_transfers: v.notify_transfers,
        })
    }

    /// Check a draft without recording it (the wizard's last step, and printing a form before
    /// it is signed).
    pub fn check_consent_draft(&self, subject: Uuid, draft: &ConsentDraft) -> Result<()> {
        let facts = subject_facts(self.conn(), subject)?;
        facts.ensure_changeable()?;
        self.check_consent(&facts, draft).map(|_| ())
    }
}

/// A paper consent recorded for one person of a batch ("paper consents on file").
pub(crate) struct BatchConsent<'a> {
    pub subject: Uuid,
    pub subject_number: i64,
    pub full_name: String,
    pub purposes: &'a [String],
    pub data_fields: Vec<&'static str>,
    pub inventory_version: i64,
    pub operator_name: &'a str,
    pub operator_bin: &'a str,
    pub given_on: &'a str,
    pub scan_due: Option<Date>,
    pub user: Uuid,
    /// For a minor: the legal representative who gave the consent.
    pub representative: Option<&'a Representative>,
}

/// Store one consent of a batch inside the batch's transaction: a paper form, given today,
/// until the purpose is achieved, no transfer, no publication. The batch's journal entry
/// counts them; each consent is not journaled on its own.
pub(crate) fn insert_batch_consent(tx: &rusqlite::Connection, c: &BatchConsent<'_>) -> Result<i64> {
    let number: i64 = tx.query_row(
        "SELECT max(coalesce((SELECT max(number) FROM consent), 0),
                    coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'consent_number_high'), 0)) + 1",
        [],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO consent (id, number, subject_id, operator_name, operator_bin, subject_name, purposes, data_fields, inventory_version,
            valid_from, valid_until, third_parties, third_party_recipients, cross_border, cross_border_countries, publication, publication_where,
            form, form_reference, given_on, taken_by, created_at, scan_due,
            representative_name, representative_relation, representative_document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, NULL, 0, NULL, 0, NULL, 0, NULL, 'paper', NULL, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            Uuid::now_v7().to_string(),
            number,
            c.subject.to_string(),
            c.operator_name,
            c.operator_bin,
            c.full_name,
            serde_json::to_string(c.purposes).unwrap_or_default(),
            serde_json::to_string(&c.data_fields).unwrap_or_default(),
            c.inventory_version,
            c.given_on,
            c.user.to_string(),
            journal::now_utc(),
            c.scan_due.map(|d| d.to_string()),
            c.representative.map(|r| r.name.clone()),
            c.representative.map(|r| r.relation.clone()),
            c.representative.map(|r| r.document.clone()),
        ],
    )?;
    let _ = c.subject_number;
    Ok(number)
}
