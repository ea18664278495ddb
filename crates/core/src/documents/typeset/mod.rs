//! Typesetting with Typst, used as a library: each document is a template per language in
//! `crates/core/templates/` (text a lawyer can read and correct), filled from a JSON file of
//! what the vault knows, and laid out with the embedded DejaVu fonts into a PDF/A-2b file for
//! archiving, or into SVG pages for a preview that never touches the disk.
//!
//! Nothing here reads the file system or the network: templates and fonts are compiled into the
//! program, and the only other file a template can read is `/data.json`, the document's data.

pub(crate) mod world;

#[cfg(test)]
pub(crate) mod tests;

use std::sync::LazyLock;

use time::OffsetDateTime;
use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::DocLang;
use crate::error::{Error, Result};

use self::world::DocWorld;

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
        }
    }

    fn path(self, lang: DocLang) -> String {
        match self {
            // Its words come with its data, from the Fluent files.
            Template::Report => "report.typ".into(),
            _ => format!("{}/{}.typ", lang.key(), self.key()),
        }
    }
}

/// A document laid out and ready to be written as PDF or shown as SVG pages.
pub struct Typeset {
    document: PagedDocument,
    /// When it was laid out, for the PDF's metadata.
    at: OffsetDateTime,
}

/// Lay out `template` in `lang` with `data` as `/data.json`. `at` is the document's date (its
/// metadata and Typst's `datetime.today()`).
pub fn typeset(
    template: Template,
    lang: DocLang,
    data: &serde_json::Value,
    at: OffsetDateTime,
) -> Result<Typeset> {
    let world = DocWorld::new(&template.path(lang), data, at)?;
    let warned = typst::compile::<PagedDocument>(&world);
    let document = warned
        .output
        .map_err(|errors| template_broken(template, &world, &errors))?;
    Ok(Typeset { document, at })
}

/// A template that fails to compile is a bug of this build, never the user's doing: the refusal
/// names the template and the first error, which carry no personal data (the data is in
/// `/data.json`, not in the source).
fn template_broken(
    template: Template,
    world: &DocWorld,
    errors: &EcoVec<SourceDiagnostic>,
) -> Error {
    let first = errors
        .first()
        .map(|e| format!("{} ({})", e.message, world.locate(e.span)))
        .unwrap_or_default();
    Error::invalid("template", "document_template_broken")
        .with("template", template.key())
        .with("detail", first.chars().take(200).collect::<String>())
}

impl Typeset {
    /// The number of pages.
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    /// The document as PDF/A-2b: fonts embedded, XMP metadata, no encryption.
    pub fn pdf(&self) -> Result<Vec<u8>> {
        static STANDARDS: LazyLock<Option<PdfStandards>> =
            LazyLock::new(|| PdfStandards::new(&[PdfStandard::A_2b]).ok());
        let standards = STANDARDS.clone().ok_or_else(|| {
            Error::invalid("template", "document_template_broken")
                .with("template", "pdf-a")
                .with("detail", "PDF/A-2b")
        })?;
        let options = PdfOptions {
            ident: Smart::Auto,
            creator: Smart::Custom(Some(format!("Derbes {}", env!("CARGO_PKG_VERSION")))),
            timestamp: Some(Timestamp::new_utc(datetime(self.at))),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        typst_pdf::pdf(&self.document, &options).map_err(|errors| {
            let first = errors
                .first()
                .map(|e| e.message.to_string())
                .unwrap_or_default();
            Error::invalid("template", "document_template_broken")
                .with("template", "pdf")
                .with("detail", first.chars().take(200).collect::<String>())
        })
    }

    /// Each page as an SVG image, for a preview shown in the app without writing a file.
    pub fn svg_pages(&self) -> Vec<String> {
        let options = typst_svg::SvgOptions::default();
        self.document
            .pages()
            .iter()
            .map(|page| typst_svg::svg(page, &options))
            .collect()
    }
}

/// `at` as Typst's date and time (UTC).
fn datetime(at: OffsetDateTime) -> Datetime {
    let at = at.to_offset(time::UtcOffset::UTC);
    Datetime::from_ymd_hms(
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
    )
    .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"))
}
