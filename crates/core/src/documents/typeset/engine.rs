//! The Typst engine: one compilation of a template with its data, and its PDF/A or SVG output.

use std::sync::LazyLock;

use time::OffsetDateTime;
use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::world::DocWorld;
use super::{DocLang, Template};
use crate::error::{Error, Result};

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

/// Empty Typst's memo cache: a document that named a person leaves nothing of it in memory.
pub fn forget() {
    typst::comemo::evict(0);
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
