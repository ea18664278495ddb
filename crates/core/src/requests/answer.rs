//! The answer to an access request (Art. 24(1)(1)-(2), 25(2)(6), (9)), written from the vault
//! itself: whether data is held, for which purposes and on which basis, where it came from, how
//! it is processed, the data items, how long they are processed and kept, and to whom they were
//! given in a form that identifies the person. Free of charge.

use std::path::Path;

use serde_json::{json, Value};

use super::RequestKind;
use crate::documents::typeset::Template;
use crate::documents::{self, day, DocLang, IfExists, LaidOut};
use crate::error::{Error, Result};
use crate::register::fields::Field;
use crate::reports::labels;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// An access answer laid out and recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// № of the answer (counted over all answers).
    pub number: i64,
    /// The request it answers.
    pub request: i64,
    /// SHA-256 of the PDF as written.
    pub sha256: String,
    /// Pages.
    pub pages: usize,
}

impl Vault {
    /// What the answer to access request `number` says, as its template reads it.
    fn answer_data(&self, request: i64, answer_number: i64, lang: DocLang) -> Result<Value> {
        let r = self.request(request)?;
        if r.kind != RequestKind::Access {
            return Err(Error::invalid("request", "request_not_access").with("number", request));
        }
        if !r.subject_present {
            return Err(
                Error::invalid("request", "request_subject_gone").with("number", r.subject_number)
            );
        }
        let org = self.organisation()?;
        let person = self.subject_in_full(r.subject_id)?;
        let inventory = self.inventory()?;
        let name_of = |key: &str| -> String {
            inventory
                .document
                .purposes
                .iter()
                .find(|p| p.key == key)
                .map(|p| match lang {
                    DocLang::Kk => p.names.kk.clone(),
                    DocLang::Ru => p.names.ru.clone(),
                })
                .unwrap_or_else(|| key.to_string())
        };
        let words = match lang {
            DocLang::Kk => crate::words::Lang::Kk,
            DocLang::Ru => crate::words::Lang::Ru,
        };
        // Each value as the person reads it: codes (sex, region, dates) in words.
        let shown = |f: Field, v: &str| -> String {
            match f {
                Field::Sex => labels::sex(v, words),
                Field::Region => labels::region(v, words),
                Field::BirthDate => day(v),
                _ => v.to_string(),
            }
        };
        let data_items: Vec<Value> = Field::ALL
            .iter()
            .filter_map(|f| {
                person
                    .values
                    .get(f)
                    .filter(|v| !v.value.trim().is_empty())
                    .map(|v| json!({"field": f.key(), "value": shown(*f, &v.value)}))
            })
            .collect();
        let consents = self.consents(r.subject_id)?;
        let mut purposes: Vec<String> = Vec::new();
        for c in &consents {
            for p in &c.purposes {
                let n = name_of(p);
                if !purposes.contains(&n) {
                    purposes.push(n);
                }
            }
        }
        let consent_rows: Vec<Value> = consents
            .iter()
            .map(|c| {
                json!({
                    "number": c.number,
                    "given_on": day(&c.given_on),
                    "valid_until": c.valid_until.as_deref().map(day),
                    "third_parties": c.third_parties,
                    "cross_border": c.cross_border,
                    "publication": c.publication,
                })
            })
            .collect();
        let covered = self.covered_purposes(r.subject_id, person.kind)?;
        let rules: Vec<Value> = self
            .retention_rules()?
            .iter()
            .filter(|rule| rule.kind == person.kind)
            .filter(|rule| rule.purpose.as_ref().is_none_or(|p| covered.contains(p)))
            .map(|rule| {
                json!({
                    "purpose": rule.purpose.as_deref().map(name_of),
                    "mode": serde_json::to_value(rule.mode).unwrap_or_default(),
                    "anchor": rule.anchor.map(|a| a.key()),
                    "months": rule.months,
                })
            })
            .collect();
        let full_name = [Field::Surname, Field::Name, Field::Patronymic]
            .iter()
            .filter_map(|f| person.values.get(f).map(|v| v.value.trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(json!({
            "lang": lang.key(),
            "number": answer_number.to_string(),
            "date": day(&journal::now_utc()),
            "org": {
                "name": org.name,
                "bin": org.bin,
                "address": org.address,
                "responsible": org.responsible_name,
                "contacts": org.responsible_contacts,
            },
            "request": {
                "number": r.number,
                "received_on": day(&r.received_on.to_string()),
                "representative": r.representative,
            },
            "person": {
                "name": full_name,
                "number": person.number,
                "kind": person.kind.key(),
                "created": day(&person.created_at),
                "ended_on": person.lifecycle.ended_on.as_deref().map(day),
            },
            "purposes": purposes,
            "ground": person.lifecycle.legal_ground,
            "consents": consent_rows,
            "items": data_items,
            "services": person.services.iter().map(|s| json!({"date": day(&s.date), "type": labels::service_type(&s.service_type, words)})).collect::<Vec<_>>(),
            "rules": rules,
            // The identifying transfers that carried this person; anonymised exports carry no
            // one's data and are not listed.
            "recipients": self
                .transfers_carrying(&[person.number])?
                .into_iter()
                .map(|c| json!({"name": c.recipient, "date": day(&c.date), "purpose": c.purpose}))
                .collect::<Vec<_>>(),
        }))
    }

    /// Lay out the answer to access request `number` and save it to `out`; the request records
    /// the answer (its №, language and hash) as its evidence. Needs the permission to see
    /// masked fields: the answer carries every item of the person's data in clear.
    pub fn save_access_answer(
        &self,
        request: i64,
        lang: DocLang,
        out: &Path,
        if_exists: IfExists,
    ) -> Result<Answer> {
        self.require(Permission::RevealSensitive)?;
        crate::documents::check_target(out, if_exists)?;
        let r = self.request(request)?;
        if !r.is_open() {
            return Err(Error::invalid("request", "request_closed").with("number", request));
        }
        let number: i64 = self.conn().query_row(
            "SELECT COALESCE(max(answer_number), 0) + 1 FROM subject_request",
            [],
            |row| row.get(0),
        )?;
        let data = self.answer_data(request, number, lang)?;
        let LaidOut {
            bytes,
            sha256,
            pages,
        } = documents::lay_out(Template::AccessAnswer, lang, &data)?;
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE subject_request SET answer_number = ?1, answer_lang = ?2, answer_sha256 = ?3, answer_at = ?4
             WHERE number = ?5",
            rusqlite::params![number, lang.key(), sha256, journal::now_utc(), request],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::RequestAnswered,
            Some(&r.subject_id.to_string()),
            json!({"request": request, "answer": number, "lang": lang.key(), "number": r.subject_number, "sha256": sha256}),
        )?;
        documents::save_and_commit(tx, out, &bytes, if_exists)?;
        Ok(Answer {
            number,
            request,
            sha256,
            pages,
        })
    }

    /// The answer's pages as SVG, to look at before saving; nothing is recorded but a journal
    /// entry that the person's data was shown.
    pub fn preview_access_answer(&self, request: i64, lang: DocLang) -> Result<Vec<String>> {
        self.require(Permission::RevealSensitive)?;
        let next: i64 = self.conn().query_row(
            "SELECT COALESCE(max(answer_number), 0) + 1 FROM subject_request",
            [],
            |row| row.get(0),
        )?;
        let data = self.answer_data(request, next, lang)?;
        let pages = documents::preview(Template::AccessAnswer, lang, &data)?;
        let r = self.request(request)?;
        self.record(
            Action::SubjectViewed,
            Some(&r.subject_id.to_string()),
            json!({"number": r.subject_number, "request": request}),
        )?;
        Ok(pages)
    }
}
