//! PDF documents: consent forms, destruction acts and donor reports, in Kazakh, Russian and
//! English.
//!
//! [`PdfDocument`] is a small flowing-layout builder. Each call appends one element (a title, a
//! paragraph, a label/value field, a table, …) below the previous one on an A4 portrait page with
//! 20 mm margins; a new page starts by itself when the next element does not fit. Every page gets
//! a "1 / N" footer when [`PdfDocument::finish`] writes the file.
//!
//! Text is set in DejaVu Sans (regular and bold, shipped in `assets/fonts`, licence beside them),
//! which covers every Kazakh and Russian letter. Only the glyphs a document uses are embedded (a
//! subset made by the `subsetter` crate), as a CID-keyed TrueType font with a `ToUnicode` map, so
//! the text in the file can be searched, copied and extracted. Lines are wrapped here, measuring
//! each glyph's advance in the font; a word wider than its column is broken between letters.
//!
//! No input text makes the builder panic: control characters are dropped (a tab becomes a space,
//! a line break starts a new line), characters the font lacks are drawn as its empty `.notdef`
//! box, and empty strings draw nothing.
//!
//! ```
//! use derbes_core::documents::pdf::PdfDocument;
//!
//! let mut doc = PdfDocument::new("Келісім / Согласие");
//! doc.header_line("«Үміт» қоғамдық бірлестігі, БСН 123456789012");
//! doc.title("Дербес деректерді өңдеуге келісім");
//! doc.subtitle("Согласие на обработку персональных данных");
//! doc.field("Субъект / Субъект", "Әлиева Гүлнұр Қайратқызы");
//! doc.checkbox(true, "Мен келісемін / Я согласна");
//! doc.signature("Субъект / Субъект");
//! let bytes = doc.finish();
//! assert!(bytes.starts_with(b"%PDF-"));
//! ```

// This file holds the builder itself — page geometry, the type scale, the layout cursor and page
// breaks, the footers — and writes the finished file. The elements (`elements`), tables
// (`table`) and charts (`chart`) add to it in their own files; `text` breaks and draws lines,
// `font` measures glyphs and embeds the fonts.

mod chart;
mod elements;
mod font;
mod table;
mod text;

#[cfg(test)]
mod tests;

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use self::font::{write_font, Font, FontRefs};
pub(crate) use self::font::{BOLD_TTF, REGULAR_TTF};
use self::text::single_line;

/// Points (the unit of PDF) in one millimetre.
const MM: f32 = 72.0 / 25.4;
/// A4 width.
const PAGE_W: f32 = 210.0 * MM;
/// A4 height.
const PAGE_H: f32 = 297.0 * MM;
/// Margin on all four sides.
const MARGIN: f32 = 20.0 * MM;
/// Width of the text block.
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Lowest point (distance from the top edge) that content may reach.
const BOTTOM: f32 = PAGE_H - MARGIN;
/// Height of the text block.
const CONTENT_H: f32 = BOTTOM - MARGIN;
/// Baseline of the page footer, from the top edge.
const FOOTER_BASELINE: f32 = PAGE_H - 11.0 * MM;
/// Capital height of DejaVu Sans, as a fraction of the font size (1493 / 2048).
const CAP_HEIGHT: f32 = 0.729;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.35;
/// Slack for comparisons of accumulated floating-point lengths.
const EPS: f32 = 0.01;

/// Default caption under the signature line.
const SIGNATURE_CAPTION: &str = "қолы / подпись / signature";
/// Default caption under the date line.
const DATE_CAPTION: &str = "күні / дата / date";

/// How one run of text looks.
#[derive(Clone, Copy, Debug)]
struct Style {
    bold: bool,
    /// Font size in points.
    size: f32,
    /// Fill grey level: 0 is black, 1 is white.
    gray: f32,
}

impl Style {
    const fn new(bold: bool, size: f32, gray: f32) -> Self {
        Style { bold, size, gray }
    }

    fn line_height(self) -> f32 {
        self.size * LEADING
    }

    /// The baseline of a line box of height `line_height` whose top is at `top`, placed so that
    /// capital letters sit in the middle of the box.
    fn baseline(self, top: f32, line_height: f32) -> f32 {
        top + (line_height + CAP_HEIGHT * self.size) / 2.0
    }
}

const BODY: Style = Style::new(false, 10.5, 0.0);
const HEADER: Style = Style::new(false, 8.5, 0.4);
const TITLE: Style = Style::new(true, 16.0, 0.0);
const SUBTITLE: Style = Style::new(false, 11.5, 0.25);
const HEADING: Style = Style::new(true, 12.0, 0.0);
const LABEL: Style = Style::new(false, 9.5, 0.4);
const CELL: Style = Style::new(false, 9.0, 0.0);
const CELL_HEAD: Style = Style::new(true, 9.0, 0.0);
const CAPTION: Style = Style::new(true, 10.5, 0.0);
const BAR_LABEL: Style = Style::new(false, 9.0, 0.15);
const BAR_VALUE: Style = Style::new(false, 8.5, 0.25);
const SMALL: Style = Style::new(false, 7.0, 0.45);
const FOOTER: Style = Style::new(false, 8.5, 0.45);

/// Horizontal placement of a line inside its column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Align {
    Left,
    Center,
    Right,
}

/// A PDF document under construction: A4 portrait, 20 mm margins, automatic page breaks.
///
/// Elements are appended top to bottom; [`PdfDocument::finish`] adds the page footers and
/// returns the bytes of the file. See the [module documentation](self) for an example.
pub struct PdfDocument {
    /// Document title (PDF metadata).
    title: String,
    /// Regular and bold DejaVu Sans.
    regular: Font,
    bold: Font,
    /// Content stream of each page so far; the last one is being filled.
    pages: Vec<Content>,
    /// Distance of the layout cursor from the top edge of the current page, in points.
    y: f32,
    /// Header lines were just drawn and wait for their separating rule.
    header_open: bool,
    /// Captions under the two lines of [`PdfDocument::signature`].
    signature_caption: String,
    date_caption: String,
}

impl PdfDocument {
    /// Starts an empty document; `title` becomes the PDF's metadata title (shown by viewers in
    /// the window title), it is not drawn on the page.
    pub fn new(title: &str) -> Self {
        PdfDocument {
            title: single_line(title),
            regular: Font::load(REGULAR_TTF, "DejaVuSans", b"F1"),
            bold: Font::load(BOLD_TTF, "DejaVuSans-Bold", b"F2"),
            pages: vec![Content::new()],
            y: MARGIN,
            header_open: false,
            signature_caption: SIGNATURE_CAPTION.to_owned(),
            date_caption: DATE_CAPTION.to_owned(),
        }
    }

    /// Draws the "page / pages" footer on every page and returns the finished PDF file.
    pub fn finish(self) -> Vec<u8> {
        self.finish_with(true)
    }

    /// [`Self::finish`], optionally embedding the whole fonts instead of subsets (the fallback
    /// should subsetting fail; tests exercise it directly).
    fn finish_with(mut self, subset: bool) -> Vec<u8> {
        self.begin_block();
        let count = self.pages.len();
        for index in 0..count {
            let text = format!("{} / {}", index + 1, count);
            let bytes = self.regular.encode(&text);
            let width = self.regular.width(&text, FOOTER.size);
            let page = &mut self.pages[index];
            page.set_fill_gray(FOOTER.gray);
            page.begin_text();
            page.set_font(Name(self.regular.resource), FOOTER.size);
            page.next_line((PAGE_W - width) / 2.0, PAGE_H - FOOTER_BASELINE);
            page.show(Str(&bytes));
            page.end_text();
        }
        write_pdf(
            &self.title,
            &self.pages,
            [&self.regular, &self.bold],
            subset,
        )
    }

    // ---- layout helpers ----

    /// The content stream of the current page.
    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = MARGIN;
    }

    /// Continue on a new page, unless this one is still empty.
    pub fn page_break(&mut self) {
        if !self.pages.is_empty() && !self.at_page_top() {
            self.new_page();
        }
    }

    fn at_page_top(&self) -> bool {
        self.y <= MARGIN + EPS
    }

    /// Starts a new page unless `height` more points fit on this one (or this one is empty).
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM + EPS && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Like [`Self::ensure`], but only for blocks that fit on a page at all: taller ones start
    /// where they are and break line by line.
    fn keep_together(&mut self, height: f32) {
        if height <= CONTENT_H {
            self.ensure(height);
        }
    }

    /// Closes a block of header lines with a thin rule.
    fn begin_block(&mut self) {
        if !self.header_open {
            return;
        }
        self.header_open = false;
        self.y += 1.2 * MM;
        let y = self.y;
        let page = self.page();
        page.set_stroke_gray(0.6).set_line_width(0.5);
        page.move_to(MARGIN, PAGE_H - y)
            .line_to(MARGIN + CONTENT_W, PAGE_H - y)
            .stroke();
        self.y += 6.0 * MM;
    }
}

/// zlib-compresses a stream.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Serialises pages and fonts into a PDF file.
fn write_pdf(title: &str, pages: &[Content], fonts: [&Font; 2], subset: bool) -> Vec<u8> {
    let mut next_id = 1;
    let mut alloc = || {
        let id = Ref::new(next_id);
        next_id += 1;
        id
    };
    let catalog_id = alloc();
    let tree_id = alloc();
    let info_id = alloc();
    // A font none of whose glyphs were drawn (only .notdef is recorded) is left out.
    let fonts: Vec<(&Font, FontRefs)> = fonts
        .into_iter()
        .filter(|f| f.used.len() > 1)
        .map(|f| {
            let refs = FontRefs {
                type0: alloc(),
                cid: alloc(),
                descriptor: alloc(),
                to_unicode: alloc(),
                file: alloc(),
                cid_to_gid: alloc(),
            };
            (f, refs)
        })
        .collect();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();

    let mut pdf = Pdf::new();
    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();
    let mut info = pdf.document_info(info_id);
    if !title.is_empty() {
        info.title(TextStr(title));
    }
    info.producer(TextStr("Derbes"));
    info.finish();
    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(page_ids.len() as i32);

    for ((page_id, content_id), content) in page_ids.iter().zip(pages) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree_id);
        page.contents(*content_id);
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        for (font, refs) in &fonts {
            font_dict.pair(Name(font.resource), refs.type0);
        }
        font_dict.finish();
        resources.finish();
        page.finish();
        pdf.stream(*content_id, &deflate(content.as_bytes()))
            .filter(Filter::FlateDecode);
    }

    for (font, refs) in &fonts {
        write_font(&mut pdf, font, refs, subset);
    }
    pdf.finish()
}
