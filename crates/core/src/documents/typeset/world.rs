//! The closed world a template is compiled in: the templates and fonts compiled into the
//! program, one data file, and a fixed date. No file system, no packages, no network.

use std::collections::HashMap;
use std::sync::LazyLock;

use time::OffsetDateTime;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::error::{Error, Result};

/// Every template, by its path under `crates/core/templates/`. A lawyer corrects the text
/// there; `style.typ` holds the layout every document shares.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("style.typ", include_str!("../../../templates/style.typ")),
    (
        "kk/words.typ",
        include_str!("../../../templates/kk/words.typ"),
    ),
    (
        "ru/words.typ",
        include_str!("../../../templates/ru/words.typ"),
    ),
    (
        "kk/policy.typ",
        include_str!("../../../templates/kk/policy.typ"),
    ),
    (
        "ru/policy.typ",
        include_str!("../../../templates/ru/policy.typ"),
    ),
    (
        "kk/inventory.typ",
        include_str!("../../../templates/kk/inventory.typ"),
    ),
    (
        "ru/inventory.typ",
        include_str!("../../../templates/ru/inventory.typ"),
    ),
    (
        "kk/order.typ",
        include_str!("../../../templates/kk/order.typ"),
    ),
    (
        "ru/order.typ",
        include_str!("../../../templates/ru/order.typ"),
    ),
    (
        "kk/retention.typ",
        include_str!("../../../templates/kk/retention.typ"),
    ),
    (
        "ru/retention.typ",
        include_str!("../../../templates/ru/retention.typ"),
    ),
    (
        "kk/undertaking.typ",
        include_str!("../../../templates/kk/undertaking.typ"),
    ),
    (
        "ru/undertaking.typ",
        include_str!("../../../templates/ru/undertaking.typ"),
    ),
    (
        "kk/pack-index.typ",
        include_str!("../../../templates/kk/pack-index.typ"),
    ),
    (
        "ru/pack-index.typ",
        include_str!("../../../templates/ru/pack-index.typ"),
    ),
    (
        "kk/consent-form.typ",
        include_str!("../../../templates/kk/consent-form.typ"),
    ),
    (
        "ru/consent-form.typ",
        include_str!("../../../templates/ru/consent-form.typ"),
    ),
    ("kk/act.typ", include_str!("../../../templates/kk/act.typ")),
    ("report.typ", include_str!("../../../templates/report.typ")),
    (
        "kk/recovery-shares.typ",
        include_str!("../../../templates/kk/recovery-shares.typ"),
    ),
    (
        "ru/recovery-shares.typ",
        include_str!("../../../templates/ru/recovery-shares.typ"),
    ),
    ("ru/act.typ", include_str!("../../../templates/ru/act.typ")),
    (
        "kk/access-answer.typ",
        include_str!("../../../templates/kk/access-answer.typ"),
    ),
    (
        "ru/access-answer.typ",
        include_str!("../../../templates/ru/access-answer.typ"),
    ),
    (
        "kk/breach-notice.typ",
        include_str!("../../../templates/kk/breach-notice.typ"),
    ),
    (
        "ru/breach-notice.typ",
        include_str!("../../../templates/ru/breach-notice.typ"),
    ),
];

/// The path templates read their data from.
const DATA: &str = "data.json";

/// DejaVu Sans, regular weight: every letter of Kazakh and Russian.
const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold weight.
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The fonts every document uses, embedded (subset) in each PDF.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = [REGULAR_TTF, BOLD_TTF]
        .into_iter()
        .flat_map(|ttf| Font::iter(Bytes::new(ttf)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// Typst's standard library, built once.
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// The templates as parsed sources, by file id, parsed once.
static SOURCES: LazyLock<HashMap<FileId, Source>> = LazyLock::new(|| {
    TEMPLATES
        .iter()
        .filter_map(|(path, text)| {
            let id = file_id(path)?;
            Some((id, Source::new(id, (*text).to_string())))
        })
        .collect()
});

fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(format!("/{path}")).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn path_of(id: FileId) -> &'static str {
    id.get().vpath().get_without_slash()
}

/// One compilation: the main template, the data, the day.
pub(super) struct DocWorld {
    main: FileId,
    data: Bytes,
    today: Datetime,
}

impl DocWorld {
    pub(super) fn new(main: &str, data: &serde_json::Value, at: OffsetDateTime) -> Result<Self> {
        let main = file_id(main)
            .filter(|id| SOURCES.contains_key(id))
            .ok_or_else(|| {
                Error::invalid("template", "document_template_broken")
                    .with("template", main.to_string())
                    .with("detail", "missing")
            })?;
        let json = serde_json::to_vec(data).map_err(|_| Error::VaultDamaged)?;
        Ok(DocWorld {
            main,
            data: Bytes::new(json),
            today: Datetime::from_ymd(at.year(), u8::from(at.month()), at.day())
                .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date")),
        })
    }
}

impl DocWorld {
    /// `file:line` of a span, for a template's error.
    pub(super) fn locate(&self, span: typst::syntax::DiagSpan) -> String {
        use typst::WorldExt;
        let Some(id) = span.id() else {
            return String::new();
        };
        let line = self
            .range(span)
            .and_then(|range| self.source(id).ok()?.lines().byte_to_line(range.start))
            .map_or(0, |l| l + 1);
        format!("{}:{line}", path_of(id))
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        SOURCES
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(path_of(id).into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let path = path_of(id);
        if path == DATA {
            return Ok(self.data.clone());
        }
        TEMPLATES
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, text)| Bytes::from_string(*text))
            .ok_or_else(|| FileError::NotFound(path.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
