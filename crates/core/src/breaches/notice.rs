//! The notice of a breach to the authorised body (Art. 25(2)(8)): what happened and when it was
//! detected, the categories of data and how many people, what was done, whether they were told,
//! and the responsible person's name and contacts. Names no one: people are counted.

use std::path::Path;

use serde_json::json;

use super::BreachStatus;
use crate::documents::typeset::Template;
use crate::documents::{self, day, DocLang, IfExists, LaidOut};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// A notice laid out and recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// № of the notice (counted over all notices).
    pub number: i64,
    /// The breach.
    pub breach: i64,
    /// SHA-256 of the PDF as written.
    pub sha256: String,
}

impl Vault {
    fn notice_data(&self, breach: i64, number: i64, lang: DocLang) -> Result<serde_json::Value> {
        let b = self.breach(breach)?;
        if matches!(b.status, BreachStatus::Dismissed) {
            return Err(Error::invalid("breach", "breach_closed").with("number", breach));
        }
        let org = self.organisation()?;
        Ok(json!({
            "lang": lang.key(),
            "number": number.to_string(),
            "date": day(&journal::now_utc()),
            "org": {
                "name": org.name,
                "bin": org.bin,
                "address": org.address,
                "responsible": org.responsible_name,
                "contacts": org.responsible_contacts,
                "head": org.head_name,
                "head_position": org.head_position,
            },
            "breach": {
                "number": b.number,
                "detected_on": day(&b.detected_at.date().to_string()),
                "detected_time": format!("{:02}:{:02}", b.detected_at.hour(), b.detected_at.minute()),
                "kind": serde_json::to_value(b.kind).unwrap_or_default(),
                "description": if b.proposed_by.is_some() { serde_json::Value::Null } else { b.description.clone().into() },
                "categories": b.categories,
                "whole_register": b.whole_register,
                "affected": b.affected,
                "containment": b.containment,
                "subjects_told": b.subjects_told.map(|s| serde_json::to_value(s).unwrap_or_default()),
            },
        }))
    }

    /// Lay out the notice of breach `number` and save it; the breach records its № and hash.
    /// Every user may (staff register breaches, and the notice cannot wait for anyone).
    pub fn save_breach_notice(
        &self,
        breach: i64,
        lang: DocLang,
        out: &Path,
        if_exists: IfExists,
    ) -> Result<Notice> {
        crate::documents::check_target(out, if_exists)?;
        let number: i64 = self.conn().query_row(
            "SELECT COALESCE(max(notice_number), 0) + 1 FROM breach",
            [],
            |r| r.get(0),
        )?;
        let data = self.notice_data(breach, number, lang)?;
        let LaidOut { bytes, sha256, .. } =
            documents::lay_out(Template::BreachNotice, lang, &data)?;
        let b = self.breach(breach)?;
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE breach SET notice_number = ?1, notice_sha256 = ?2 WHERE number = ?3",
            rusqlite::params![number, sha256, breach],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::BreachNoticeProduced,
            Some(&b.id.to_string()),
            json!({"breach": breach, "notice": number, "lang": lang.key(), "sha256": sha256}),
        )?;
        documents::save_and_commit(tx, out, &bytes, if_exists)?;
        Ok(Notice {
            number,
            breach,
            sha256,
        })
    }

    /// The notice's pages as SVG, to look at before saving.
    pub fn preview_breach_notice(&self, breach: i64, lang: DocLang) -> Result<Vec<String>> {
        let next: i64 = self.conn().query_row(
            "SELECT COALESCE(max(notice_number), 0) + 1 FROM breach",
            [],
            |r| r.get(0),
        )?;
        let data = self.notice_data(breach, next, lang)?;
        documents::preview(Template::BreachNotice, lang, &data)
    }
}
