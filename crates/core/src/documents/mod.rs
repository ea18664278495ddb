//! Documents the law asks for, generated from what the vault knows, in Kazakh or Russian, as
//! PDF/A with the fonts embedded: the consent form for signature (Art. 8(4)), the destruction or
//! anonymisation act (Art. 18, 25), the papers an inspector asks for and the compliance pack
//! ([`papers`]), the printed shares of a split recovery key.
//!
//! A consent form and an undertaking name a person, so they are personal data: they are written
//! only where the user chooses, and each printing is journaled. An act names people only by
//! internal number.
//!
//! Every document's text is a Typst template in `crates/core/templates/<lang>/`, typeset by
//! [`typeset`]; this area fills them from the register and the lifecycle, and is read by nothing
//! below it except the reports' PDF export, which typesets with the same engine.

// This file holds what the documents share: their language and the date format. The consent
// form is in `consent_form`, the act in `act`, saving a document (or an export) where the user
// chose in `save`.

pub mod papers;
pub mod typeset;

mod act;
mod consent_form;
mod recovery_shares;
mod save;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use self::act::act;
pub use self::consent_form::consent_form;
pub use self::recovery_shares::recovery_shares;
pub use self::save::{check_target, free_path, save, IfExists};
pub(crate) use self::save::{save_undoably, save_undoably_with};

/// The language of a generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocLang {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
}

impl DocLang {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            DocLang::Kk => "kk",
            DocLang::Ru => "ru",
        }
    }

    /// Parse `kk` or `ru`.
    pub fn from_key(s: &str) -> Option<DocLang> {
        match s {
            "kk" => Some(DocLang::Kk),
            "ru" => Some(DocLang::Ru),
            _ => None,
        }
    }

    /// Parse `kk` or `ru`, or say in a sentence what is accepted.
    pub fn parse(s: &str) -> Result<DocLang> {
        Self::from_key(s).ok_or_else(|| Error::invalid("lang", "doc_lang_unknown"))
    }

    fn pick<'a>(self, kk: &'a str, ru: &'a str) -> &'a str {
        match self {
            DocLang::Kk => kk,
            DocLang::Ru => ru,
        }
    }
}

/// `YYYY-MM-DD…` as `dd.mm.yyyy`.
pub(crate) fn day(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
        _ => iso.to_string(),
    }
}

/// A document laid out as PDF: its bytes, their SHA-256 and its pages. Typst's memory of the
/// data is emptied before this returns.
pub(crate) struct LaidOut {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// SHA-256 of the PDF, hex.
    pub sha256: String,
    /// Pages.
    pub pages: usize,
}

/// Lay out `template` with `data` as a PDF.
pub(crate) fn lay_out(
    template: typeset::Template,
    lang: DocLang,
    data: &serde_json::Value,
) -> Result<LaidOut> {
    use sha2::Digest;
    let laid = typeset::typeset(template, lang, data, time::OffsetDateTime::now_utc())?;
    let bytes = laid.pdf();
    let pages = laid.pages();
    drop(laid);
    typeset::forget();
    let bytes = bytes?;
    Ok(LaidOut {
        sha256: hex::encode(sha2::Sha256::digest(&bytes)),
        bytes,
        pages,
    })
}

/// Lay out `template` with `data` as SVG pages, to look at before saving.
pub(crate) fn preview(
    template: typeset::Template,
    lang: DocLang,
    data: &serde_json::Value,
) -> Result<Vec<String>> {
    let laid = typeset::typeset(template, lang, data, time::OffsetDateTime::now_utc())?;
    let pages = laid.svg_pages();
    drop(laid);
    typeset::forget();
    Ok(pages)
}

/// Write `bytes` to `out` and commit `tx`, which recorded them: both or neither (a file the
/// write replaced comes back if the commit fails).
pub(crate) fn save_and_commit(
    tx: rusqlite::Transaction<'_>,
    out: &std::path::Path,
    bytes: &[u8],
    if_exists: IfExists,
) -> Result<()> {
    let saved = save_undoably(out, bytes, if_exists)?;
    if let Err(e) = tx.commit() {
        saved.undo();
        return Err(e.into());
    }
    saved.keep();
    Ok(())
}
