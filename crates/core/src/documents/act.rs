//! The destruction or anonymisation act (Art. 18, 25), in Kazakh or Russian: its text, which
//! names people by internal number only, and the vault's journaled printing of it.

use serde_json::json;
use time::OffsetDateTime;

use super::typeset::{typeset, Template};
use super::{day, DocLang};
use crate::error::Result;
use crate::lifecycle::end::{Act, EndAction};
use crate::vault::journal::Action;
use crate::vault::Vault;

/// Render a destruction or anonymisation act (its text is in `templates/<lang>/act.typ`). It
/// names people by internal number only; `responsible` signs it beside the performer.
pub fn act(a: &Act, lang: DocLang, responsible: &str) -> Result<Vec<u8>> {
    let data = json!({
        "lang": lang.key(),
        "number": a.number.to_string(),
        "org": {
            "name": a.operator_name,
            "bin": a.operator_bin,
            "address": "",
            "responsible": responsible,
        },
        "act": {
            "action": match a.action {
                EndAction::Destroy => "destroy",
                EndAction::Anonymise => "anonymise",
            },
            "ground": a.ground.key(),
            "reference": a.reference,
            "categories": a.categories,
            "performed_at": format!("{} {}", day(&a.performed_at), a.performed_at.get(11..16).unwrap_or("")),
            "performed_by_name": a.performed_by_name,
            "subjects": a.subjects,
            "transfers": a.transfers.iter().map(|t| json!({
                "recipient": t.recipient,
                "date": day(&t.date),
                "number": t.transfer,
            })).collect::<Vec<_>>(),
            "backups": a.backups.iter().map(|b| json!({
                "made_at": day(&b.made_at),
                "place": b.place,
                "gone": b.gone,
            })).collect::<Vec<_>>(),
        },
    });
    let bytes = typeset(Template::Act, lang, &data, OffsetDateTime::now_utc())?.pdf();
    crate::documents::typeset::forget();
    bytes
}

impl Vault {
    /// An act as PDF. Journaled.
    pub fn act_pdf(&self, number: i64, lang: DocLang) -> Result<Vec<u8>> {
        let a = self.act(number)?;
        let bytes = act(&a, lang, &self.organisation()?.responsible_name)?;
        self.record(
            Action::ActPrinted,
            Some(&a.id.to_string()),
            json!({"act": number, "lang": lang.key()}),
        )?;
        Ok(bytes)
    }
}
