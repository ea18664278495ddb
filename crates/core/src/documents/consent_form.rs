//! The consent form for signature (Art. 8(4)), in Kazakh or Russian: its text, pre-filled with
//! a consent's items, and the vault's printing of it, which is journaled because the form names
//! the person.

use serde_json::json;
use time::OffsetDateTime;

use super::typeset::{typeset, Template};
use super::{day, DocLang};
use crate::error::Result;
use crate::lifecycle::consent::{Consent, ConsentForm};
use crate::vault::journal::Action;
use crate::vault::Vault;

fn form_key(form: ConsentForm) -> &'static str {
    match form {
        ConsentForm::Paper => "paper",
        ConsentForm::Electronic => "electronic",
        ConsentForm::Egov => "egov",
        ConsentForm::ConsentService => "consent_service",
        ConsentForm::Other => "other",
    }
}

/// Render a consent form for signature, pre-filled with a recorded consent's items (its text is
/// in `templates/<lang>/consent-form.typ`).
pub fn consent_form(
    c: &Consent,
    purposes: &[String],
    lang: DocLang,
    taken_by: &str,
) -> Result<Vec<u8>> {
    let data = json!({
        "lang": lang.key(),
        // A form printed before the consent is recorded has its number written in by hand.
        "number": if c.number == 0 { "____".to_string() } else { c.number.to_string() },
        "org": {
            "name": c.operator_name,
            "bin": c.operator_bin,
            "address": "",
        },
        "consent": {
            "subject_name": c.subject_name,
            "representative": c.representative.as_ref().map(|r| json!({
                "name": r.name,
                "relation": r.relation,
                "document": r.document,
            })),
            "valid_from": day(&c.valid_from),
            "valid_until": c.valid_until.as_deref().map(day),
            "third_parties": c.third_parties,
            "third_party_recipients": c.third_party_recipients,
            "cross_border": c.cross_border,
            "cross_border_countries": c.cross_border_countries,
            "publication": c.publication,
            "publication_where": c.publication_where,
            "data_fields": c.data_fields,
            "purposes": purposes,
            "form": form_key(c.form),
            "form_reference": c.form_reference,
            "taken_by": taken_by,
            "given_on": day(&c.given_on),
        },
    });
    let bytes = typeset(
        Template::ConsentForm,
        lang,
        &data,
        OffsetDateTime::now_utc(),
    )?
    .pdf();
    // The form names the person: nothing of it stays in the typesetter's memory.
    crate::documents::typeset::forget();
    bytes
}

impl Vault {
    /// The consent form of a recorded consent as PDF. Journaled: the form names the person.
    pub fn consent_form_pdf(&self, number: i64, lang: DocLang) -> Result<Vec<u8>> {
        let c = self.consent(number)?;
        // Printing is a use of the data, which blocking freezes.
        crate::lifecycle::consent::subject_facts(self.conn(), c.subject_id)?.ensure_changeable()?;
        let bytes = self.render_consent_form(&c, lang)?;
        self.record(
            Action::ConsentFormPrinted,
            Some(&c.subject_id.to_string()),
            json!({"number": c.subject_number, "consent": number, "lang": lang.key()}),
        )?;
        Ok(bytes)
    }

    /// The form for a consent not yet recorded, pre-filled from a checked draft, to print for
    /// signature. Journaled (without a consent number).
    pub fn consent_form_draft_pdf(
        &self,
        subject: uuid::Uuid,
        draft: &crate::lifecycle::consent::ConsentDraft,
        lang: DocLang,
    ) -> Result<Vec<u8>> {
        let c = self.draft_consent(subject, draft)?;
        let bytes = self.render_consent_form(&c, lang)?;
        self.record(
            Action::ConsentFormPrinted,
            Some(&subject.to_string()),
            json!({"number": c.subject_number, "consent": null, "lang": lang.key()}),
        )?;
        Ok(bytes)
    }

    fn render_consent_form(&self, c: &Consent, lang: DocLang) -> Result<Vec<u8>> {
        let inventory = self.inventory()?;
        let purposes: Vec<String> = c
            .purposes
            .iter()
            .map(|k| {
                inventory
                    .document
                    .purposes
                    .iter()
                    .find(|p| &p.key == k)
                    .map(|p| lang.pick(&p.names.kk, &p.names.ru).to_string())
                    .unwrap_or_else(|| k.clone())
            })
            .collect();
        let taken_by = c.taken_by_name.clone().unwrap_or_default();
        consent_form(c, &purposes, lang, &taken_by)
    }
}
