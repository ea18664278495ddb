//! Typesetting with Typst, used as a library: each document is a template per language in
//! `crates/core/templates/` (text a lawyer can read and correct), filled from a JSON file of
//! what the vault knows, and laid out with the embedded DejaVu fonts into a PDF/A-2b file for
//! archiving, or into SVG pages for a preview that never touches the disk.
//!
//! Nothing here reads the file system or the network: templates and fonts are compiled into the
//! program, and the only other file a template can read is `/data.json`, the document's data.

//!
//! The engine is the default feature `typeset`; a build without it (the fuzz targets, which
//! never print) refuses every document with a stable code instead.

#[cfg(feature = "typeset")]
mod engine;
#[cfg(feature = "typeset")]
pub(crate) mod world;

#[cfg(all(test, feature = "typeset"))]
pub(crate) mod tests;

use super::DocLang;

#[cfg(feature = "typeset")]
pub use self::engine::{forget, typeset, Typeset};
#[cfg(not(feature = "typeset"))]
pub use self::without::{forget, typeset, Typeset};

/// A template, by the name of its file in each language's folder (`kk/policy.typ`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// The personal-data policy (Art. 25(2)(1-1)).
    Policy,
    /// The approved data inventory, тізбе (Art. 25(2)(1)).
    Inventory,
    /// The order appointing the person responsible for organising processing (Art. 25(2)(10)).
    Order,
    /// The retention schedule.
    Retention,
    /// A confidentiality undertaking (Art. 11(2)).
    Undertaking,
    /// The compliance pack's index page.
    PackIndex,
    /// The consent form for signature (Art. 8(4)).
    ConsentForm,
    /// The destruction or anonymisation act (Art. 18, 25).
    Act,
    /// A donor report or a row-level release (every word in its data, any language).
    Report,
    /// The printed shares of a split recovery key, one page per holder.
    RecoveryShares,
    /// The answer to a person's access request (`<lang>/access-answer.typ`).
    AccessAnswer,
    /// The notice of a breach to the authorised body (`<lang>/breach-notice.typ`).
    BreachNotice,
}

impl Template {
    /// The file name of the template in each language's folder, without `.typ`.
    pub fn key(self) -> &'static str {
        match self {
            Template::Policy => "policy",
            Template::Inventory => "inventory",
            Template::Order => "order",
            Template::Retention => "retention",
            Template::Undertaking => "undertaking",
            Template::PackIndex => "pack-index",
            Template::ConsentForm => "consent-form",
            Template::Act => "act",
            Template::Report => "report",
            Template::RecoveryShares => "recovery-shares",
            Template::AccessAnswer => "access-answer",
            Template::BreachNotice => "breach-notice",
        }
    }

    #[cfg_attr(not(feature = "typeset"), allow(dead_code))]
    fn path(self, lang: DocLang) -> String {
        match self {
            // Its words come with its data, from the Fluent files.
            Template::Report => "report.typ".into(),
            _ => format!("{}/{}.typ", lang.key(), self.key()),
        }
    }
}

/// A build without the typesetter: every document is refused, nothing panics.
#[cfg(not(feature = "typeset"))]
mod without {
    use super::{DocLang, Template};
    use crate::error::{Error, Result};

    /// Never made in this build.
    pub struct Typeset(());

    impl Typeset {
        /// Never reached.
        pub fn pages(&self) -> usize {
            0
        }
        /// Never reached.
        pub fn pdf(&self) -> Result<Vec<u8>> {
            Err(refusal("pdf"))
        }
        /// Never reached.
        pub fn svg_pages(&self) -> Vec<String> {
            Vec::new()
        }
    }

    fn refusal(template: &str) -> Error {
        Error::invalid("template", "document_template_broken")
            .with("template", template)
            .with("detail", "this build has no typesetter")
    }

    /// Refuse: this build cannot typeset.
    pub fn typeset(
        template: Template,
        _lang: DocLang,
        _data: &serde_json::Value,
        _at: time::OffsetDateTime,
    ) -> Result<Typeset> {
        Err(refusal(template.key()))
    }

    /// Nothing to forget.
    pub fn forget() {}
}
