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

use std::collections::BTreeMap;
use std::ops::Range;

use pdf_writer::types::{
    CidFontType, FontFlags, LineCapStyle, LineJoinStyle, SystemInfo, UnicodeCmap,
};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

/// DejaVu Sans, regular weight.
const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold weight.
const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

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

/// One embedded font: the TrueType program, its metrics and the glyphs used so far.
struct Font {
    data: &'static [u8],
    face: Face<'static>,
    /// PostScript name, without the subset tag.
    base_name: &'static str,
    /// Resource name in the page dictionaries (`F1`, `F2`).
    resource: &'static [u8],
    /// Maps glyph ids of the full font to the (dense) ids of the subset, which are also the CIDs
    /// written in the content streams.
    remapper: GlyphRemapper,
    /// CID → (glyph id in the full font, first character drawn with it).
    used: BTreeMap<u16, (u16, Option<char>)>,
    /// One font unit in ems.
    unit: f32,
}

impl Font {
    fn load(data: &'static [u8], base_name: &'static str, resource: &'static [u8]) -> Self {
        // The fonts are fixed assets; `tests::bundled_fonts_parse` guards them.
        let face = Face::parse(data, 0).expect("the bundled DejaVu font is a valid TrueType file");
        let unit = 1.0 / f32::from(face.units_per_em().max(1));
        let mut used = BTreeMap::new();
        used.insert(0, (0, None));
        Font {
            data,
            face,
            base_name,
            resource,
            remapper: GlyphRemapper::new(),
            used,
            unit,
        }
    }

    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Advance width of a glyph of the full font, in ems.
    fn advance(&self, gid: u16) -> f32 {
        self.face
            .glyph_hor_advance(GlyphId(gid))
            .map_or(0.0, f32::from)
            * self.unit
    }

    /// Advance width of a character at `size` points.
    fn char_width(&self, c: char, size: f32) -> f32 {
        self.advance(self.glyph(c)) * size
    }

    /// Width of a line of text at `size` points (no kerning, like the content stream).
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// The two-byte CIDs (Identity-H) that draw `text`, recording the glyphs for the subset.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let gid = self.glyph(c);
            let cid = self.remapper.remap(gid);
            let entry = self.used.entry(cid).or_insert((gid, None));
            if gid != 0 && entry.1.is_none() {
                entry.1 = Some(c);
            }
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    /// Glyph ids of the full font in CID order (the inverse of the remapping).
    fn cid_to_gid(&self) -> Vec<u16> {
        let mut by_cid = vec![0u16; usize::from(self.remapper.num_gids())];
        for (&cid, &(gid, _)) in &self.used {
            if let Some(slot) = by_cid.get_mut(usize::from(cid)) {
                *slot = gid;
            }
        }
        by_cid
    }

    /// A six-letter subset tag, derived from the glyphs used (the same subset gives the same tag).
    fn subset_tag(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |byte: u8| {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        };
        self.base_name.bytes().for_each(&mut feed);
        for (cid, (gid, _)) in &self.used {
            cid.to_be_bytes()
                .into_iter()
                .chain(gid.to_be_bytes())
                .for_each(&mut feed);
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
            .collect()
    }
}

/// One table column's geometry.
struct Column {
    x: f32,
    width: f32,
    align: Align,
}

/// Geometry and header of a table being laid out.
struct TableLayout {
    columns: Vec<Column>,
    header: Vec<Vec<String>>,
    /// Whether the header is repeated at the top of each page the table continues on.
    repeat_header: bool,
}

/// Inner padding of table cells, left and right.
const CELL_PAD_X: f32 = 1.6 * MM;
/// Inner padding of table cells, top and bottom.
const CELL_PAD_Y: f32 = 1.2 * MM;

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

    /// Adds a line of small grey text, as at the top of a letterhead (organisation, BIN, address).
    /// Consecutive header lines form one block, closed by a thin rule before the next element.
    pub fn header_line(&mut self, text: &str) {
        let lines = self.wrap(text, HEADER, CONTENT_W);
        self.flow(&lines, HEADER, HEADER.size * 1.3, Align::Left, 0);
        self.header_open |= !lines.is_empty();
    }

    /// Adds the document title: centred, bold and larger; long titles wrap.
    pub fn title(&mut self, text: &str) {
        self.begin_block();
        let lines = self.wrap(text, TITLE, CONTENT_W);
        self.flow(&lines, TITLE, TITLE.size * 1.25, Align::Center, lines.len());
        if !lines.is_empty() {
            self.y += 2.0 * MM;
        }
    }

    /// Adds a subtitle under the title: centred, regular weight, dark grey.
    pub fn subtitle(&mut self, text: &str) {
        self.begin_block();
        let lines = self.wrap(text, SUBTITLE, CONTENT_W);
        self.flow(
            &lines,
            SUBTITLE,
            SUBTITLE.line_height(),
            Align::Center,
            lines.len(),
        );
        if !lines.is_empty() {
            self.y += 3.0 * MM;
        }
    }

    /// Adds a bold section heading, kept on the same page as the start of what follows it.
    pub fn heading(&mut self, text: &str) {
        self.begin_block();
        let lines = self.wrap(text, HEADING, CONTENT_W);
        if lines.is_empty() {
            return;
        }
        if !self.at_page_top() {
            self.y += 3.5 * MM;
        }
        let lh = HEADING.size * 1.3;
        // Keep the heading with at least two lines of the text below it.
        let keep = lines.len() as f32 * lh + 1.5 * MM + 2.0 * BODY.line_height();
        if keep <= CONTENT_H {
            self.ensure(keep);
        }
        self.flow(&lines, HEADING, lh, Align::Left, 0);
        self.y += 1.5 * MM;
    }

    /// Adds a paragraph of body text, set flush left and wrapped to the text width; `'\n'` starts
    /// a new line and an empty line between two `'\n'` is kept.
    pub fn paragraph(&mut self, text: &str) {
        self.begin_block();
        let lines = self.wrap(text, BODY, CONTENT_W);
        if lines.is_empty() {
            return;
        }
        self.flow(&lines, BODY, BODY.line_height(), Align::Left, 2);
        self.y += 2.5 * MM;
    }

    /// Adds a labelled value, as on a form: the label in a grey column of about 40 % of the text
    /// width, the value beside it; both wrap, and a hairline separates consecutive fields.
    pub fn field(&mut self, label: &str, value: &str) {
        self.begin_block();
        let label_w = CONTENT_W * 0.4;
        let labels = self.wrap(label, LABEL, label_w - 4.0 * MM);
        let values = self.wrap(value, BODY, CONTENT_W - label_w);
        let lh = BODY.line_height();
        let n = labels.len().max(values.len()).max(1);
        self.keep_together(n as f32 * lh);
        for i in 0..n {
            self.ensure(lh);
            let baseline = BODY.baseline(self.y, lh);
            if let Some(line) = labels.get(i) {
                self.text(MARGIN, label_w, baseline, LABEL, line, Align::Left);
            }
            if let Some(line) = values.get(i) {
                self.text(
                    MARGIN + label_w,
                    CONTENT_W - label_w,
                    baseline,
                    BODY,
                    line,
                    Align::Left,
                );
            }
            self.y += lh;
        }
        self.y += 0.8 * MM;
        let y = self.y;
        let page = self.page();
        page.set_stroke_gray(0.82).set_line_width(0.4);
        page.move_to(MARGIN, PAGE_H - y)
            .line_to(MARGIN + CONTENT_W, PAGE_H - y)
            .stroke();
        self.y += 1.8 * MM;
    }

    /// Adds a square check box, ticked when `checked`, followed by wrapped text.
    pub fn checkbox(&mut self, checked: bool, text: &str) {
        self.begin_block();
        let side = 3.4 * MM;
        let indent = side + 2.5 * MM;
        let lines = self.wrap(text, BODY, CONTENT_W - indent);
        let lh = BODY.line_height();
        self.keep_together(lines.len().max(1) as f32 * lh);
        self.ensure(lh);

        // The box is centred on the capitals of the first line.
        let centre = PAGE_H - (BODY.baseline(self.y, lh) - CAP_HEIGHT * BODY.size / 2.0);
        let (left, bottom) = (MARGIN + 0.3, centre - side / 2.0);
        let page = self.page();
        page.save_state();
        page.set_stroke_gray(0.15).set_line_width(0.7);
        page.rect(left, bottom, side, side).stroke();
        if checked {
            page.set_line_width(1.3)
                .set_line_cap(LineCapStyle::RoundCap)
                .set_line_join(LineJoinStyle::RoundJoin);
            page.move_to(left + side * 0.2, bottom + side * 0.52)
                .line_to(left + side * 0.42, bottom + side * 0.25)
                .line_to(left + side * 0.82, bottom + side * 0.8)
                .stroke();
        }
        page.restore_state();

        if lines.is_empty() {
            self.y += lh;
        }
        for line in &lines {
            self.ensure(lh);
            let baseline = BODY.baseline(self.y, lh);
            self.text(
                MARGIN + indent,
                CONTENT_W - indent,
                baseline,
                BODY,
                line,
                Align::Left,
            );
            self.y += lh;
        }
        self.y += 1.5 * MM;
    }

    /// Adds a table with a bold, shaded header row and cell borders.
    ///
    /// `widths` are relative column weights (`[2.0, 1.0]` makes the first column twice as wide);
    /// missing, zero, negative or non-finite weights count as the average of the others. Cells
    /// wrap; a row that does not fit moves to the next page, where the header is repeated, and a
    /// row taller than a page is split. Rows shorter than the header are padded with empty cells,
    /// longer ones are cut. Columns whose cells all hold numbers are aligned right.
    pub fn table(&mut self, headers: &[&str], rows: &[Vec<String>], widths: &[f32]) {
        self.begin_block();
        let ncols = if headers.is_empty() {
            rows.iter().map(Vec::len).max().unwrap_or(0)
        } else {
            headers.len()
        };
        if ncols == 0 {
            return;
        }

        // Column geometry from the weights, scaled by the largest so that huge weights cannot
        // overflow the sum; weights that are not positive numbers get the average of the others.
        let usable = |w: &f32| w.is_finite() && *w > 0.0;
        let largest = widths.iter().copied().filter(usable).fold(0.0, f32::max);
        let valid: Vec<f32> = widths
            .iter()
            .copied()
            .filter(usable)
            .map(|w| w / largest)
            .collect();
        let fallback = if valid.is_empty() {
            1.0
        } else {
            valid.iter().sum::<f32>() / valid.len() as f32
        };
        let weights: Vec<f32> = (0..ncols)
            .map(|i| {
                widths
                    .get(i)
                    .copied()
                    .filter(usable)
                    .map_or(fallback, |w| w / largest)
            })
            .collect();
        let total: f32 = weights.iter().sum();
        let mut x = MARGIN;
        let mut columns = Vec::with_capacity(ncols);
        for (i, weight) in weights.iter().enumerate() {
            let width = CONTENT_W * weight / total;
            let numeric = rows
                .iter()
                .filter_map(|r| r.get(i))
                .any(|c| !c.trim().is_empty())
                && rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .all(|c| c.trim().is_empty() || looks_numeric(c));
            let align = if numeric { Align::Right } else { Align::Left };
            columns.push(Column { x, width, align });
            x += width;
        }

        let header: Vec<Vec<String>> = if headers.is_empty() {
            Vec::new()
        } else {
            columns
                .iter()
                .zip(headers)
                .map(|(col, text)| self.wrap(text, CELL_HEAD, col.width - 2.0 * CELL_PAD_X))
                .collect()
        };
        let header_h = row_height(&header);
        let mut table = TableLayout {
            columns,
            header,
            repeat_header: false,
        };
        table.repeat_header = !table.header.is_empty() && header_h <= CONTENT_H / 3.0;

        let body: Vec<Vec<Vec<String>>> = rows
            .iter()
            .map(|row| {
                table
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, col)| {
                        let text = row.get(i).map_or("", String::as_str);
                        self.wrap(text, CELL, col.width - 2.0 * CELL_PAD_X)
                    })
                    .collect()
            })
            .collect();

        // Keep the header with the first row.
        let first_h = body.first().map_or(0.0, |r| row_height(r));
        if table.repeat_header {
            self.keep_together(header_h + first_h.min(CONTENT_H / 2.0));
        }
        if !table.header.is_empty() {
            let header = std::mem::take(&mut table.header);
            self.table_row(&table, &header, true, None);
            table.header = header;
        }
        for (i, cells) in body.iter().enumerate() {
            let shade = (i % 2 == 1).then_some(0.965);
            self.table_row(&table, cells, false, shade);
        }
        self.y += 3.0 * MM;
    }

    /// Adds a horizontal bar chart: a bold caption, then one bar per entry with its label on the
    /// left and its value after the bar; bar lengths are scaled to the largest value. Negative
    /// and non-finite values draw no bar.
    pub fn bar_chart(&mut self, caption: &str, bars: &[(String, f64)]) {
        self.begin_block();
        let caption_lines = self.wrap(caption, CAPTION, CONTENT_W);
        let label_w = CONTENT_W * 0.3;
        let gap = 3.0 * MM;
        let bar_x = MARGIN + label_w + gap;
        let values: Vec<String> = bars.iter().map(|(_, v)| format_number(*v)).collect();
        let value_w = values
            .iter()
            .map(|v| self.regular.width(v, BAR_VALUE.size))
            .fold(0.0, f32::max)
            + 2.0 * MM;
        let max_bar = (MARGIN + CONTENT_W - bar_x - value_w).max(CONTENT_W * 0.2);
        let max = bars
            .iter()
            .map(|(_, v)| *v)
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);

        let lh = BAR_LABEL.size * 1.25;
        let bar_h = 4.2 * MM;
        let row_gap = 2.0 * MM;
        let labels: Vec<Vec<String>> = bars
            .iter()
            .map(|(label, _)| {
                let mut lines = self.wrap(label, BAR_LABEL, label_w);
                if lines.len() > 3 {
                    lines.truncate(3);
                    let last = &mut lines[2];
                    while !last.is_empty()
                        && self.regular.width(last, BAR_LABEL.size)
                            + self.regular.char_width('…', BAR_LABEL.size)
                            > label_w
                    {
                        last.pop();
                    }
                    last.push('…');
                }
                lines
            })
            .collect();
        let row_h = |lines: &Vec<String>| (lines.len() as f32 * lh).max(bar_h) + row_gap;

        if !self.at_page_top() {
            self.y += 2.0 * MM;
        }
        let caption_lh = CAPTION.line_height();
        let first = labels.first().map_or(0.0, row_h);
        self.keep_together(caption_lines.len() as f32 * caption_lh + 1.5 * MM + first);
        self.flow(&caption_lines, CAPTION, caption_lh, Align::Left, 0);
        if !caption_lines.is_empty() {
            self.y += 1.5 * MM;
        }

        for ((lines, (_, value)), text) in labels.iter().zip(bars).zip(&values) {
            let h = row_h(lines);
            self.ensure(h);
            let top = self.y;
            let inner = h - row_gap;
            // Label block and bar are both centred in the row.
            let label_top = top + (inner - lines.len() as f32 * lh) / 2.0;
            for (i, line) in lines.iter().enumerate() {
                let baseline = BAR_LABEL.baseline(label_top + i as f32 * lh, lh);
                self.text(MARGIN, label_w, baseline, BAR_LABEL, line, Align::Right);
            }
            let bar_top = top + (inner - bar_h) / 2.0;
            let length = if value.is_finite() && *value > 0.0 && max > 0.0 {
                ((value / max) as f32 * max_bar).max(0.6)
            } else {
                0.0
            };
            let page = self.page();
            if length > 0.0 {
                page.set_fill_rgb(0.25, 0.45, 0.68);
                page.rect(bar_x, PAGE_H - bar_top - bar_h, length, bar_h)
                    .fill_nonzero();
            }
            // The axis: a vertical line at the root of the bars, drawn row by row.
            page.set_stroke_gray(0.45).set_line_width(0.6);
            page.move_to(bar_x, PAGE_H - top)
                .line_to(bar_x, PAGE_H - top - h)
                .stroke();
            let baseline = BAR_VALUE.baseline(bar_top, bar_h);
            let x = bar_x + length + 1.5 * MM;
            self.text(x, value_w, baseline, BAR_VALUE, text, Align::Left);
            self.y += h;
        }
        self.y += 3.0 * MM;
    }

    /// Adds a signature line: the label on the left, then a line to sign on and a line for the
    /// date, each with a small caption underneath (by default "(қолы / подпись / signature)" and
    /// "(күні / дата / date)"; see [`PdfDocument::set_signature_captions`]). Leaves room above
    /// for the handwritten signature.
    pub fn signature(&mut self, label: &str) {
        self.begin_block();
        let label_w = CONTENT_W * 0.36;
        let sign = (MARGIN + CONTENT_W * 0.40, CONTENT_W * 0.32);
        let date = (MARGIN + CONTENT_W * 0.78, CONTENT_W * 0.22);
        let mut labels = self.wrap(label, BODY, label_w);
        if labels.is_empty() {
            labels.push(String::new());
        }
        let sign_caption = self.wrap(&format!("({})", self.signature_caption), SMALL, sign.1);
        let date_caption = self.wrap(&format!("({})", self.date_caption), SMALL, date.1);
        let lh = BODY.line_height();
        let small_lh = SMALL.size * 1.25;
        let captions = sign_caption.len().max(date_caption.len()) as f32 * small_lh;
        let room = if self.at_page_top() { 0.0 } else { 8.0 * MM };
        let height = room + labels.len() as f32 * lh + 1.0 * MM + captions;
        if height <= CONTENT_H {
            self.ensure(height);
        }
        if !self.at_page_top() {
            self.y += room;
        }
        let mut baseline = self.y;
        for line in &labels {
            self.ensure(lh);
            baseline = BODY.baseline(self.y, lh);
            self.text(MARGIN, label_w, baseline, BODY, line, Align::Left);
            self.y += lh;
        }
        let line_y = baseline + 1.5;
        let page = self.page();
        page.set_stroke_gray(0.1).set_line_width(0.6);
        for (x, w) in [sign, date] {
            page.move_to(x, PAGE_H - line_y)
                .line_to(x + w, PAGE_H - line_y)
                .stroke();
        }
        for ((x, w), lines) in [(sign, &sign_caption), (date, &date_caption)] {
            for (i, line) in lines.iter().enumerate() {
                let top = line_y + 0.8 * MM + i as f32 * small_lh;
                self.text(
                    x,
                    w,
                    SMALL.baseline(top, small_lh),
                    SMALL,
                    line,
                    Align::Center,
                );
            }
        }
        self.y = self.y.max(line_y + 0.8 * MM + captions) + 3.0 * MM;
    }

    /// Replaces the captions drawn under the signature and date lines of
    /// [`PdfDocument::signature`] (they are put in parentheses), e.g. to print them in one
    /// language only.
    pub fn set_signature_captions(&mut self, signature: &str, date: &str) {
        self.signature_caption = single_line(signature);
        self.date_caption = single_line(date);
    }

    /// Adds vertical space of `mm` millimetres; space that would run past the bottom margin
    /// starts a new page instead. Negative and non-finite amounts are ignored.
    pub fn space(&mut self, mm: f32) {
        self.begin_block();
        if mm.is_finite() && mm > 0.0 {
            self.y += mm * MM;
            if self.y > BOTTOM {
                self.new_page();
            }
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

    /// Draws lines across the text width, one under the other, breaking pages between lines;
    /// the first `keep` lines are kept on one page.
    fn flow(&mut self, lines: &[String], style: Style, lh: f32, align: Align, keep: usize) {
        self.keep_together(keep.min(lines.len()) as f32 * lh);
        for line in lines {
            self.ensure(lh);
            let baseline = style.baseline(self.y, lh);
            self.text(MARGIN, CONTENT_W, baseline, style, line, align);
            self.y += lh;
        }
    }

    /// Draws one line of text in the column `[x, x + width]` with its baseline at `baseline`
    /// (measured from the top edge of the page).
    fn text(&mut self, x: f32, width: f32, baseline: f32, style: Style, line: &str, align: Align) {
        if line.is_empty() {
            return;
        }
        let font = if style.bold {
            &mut self.bold
        } else {
            &mut self.regular
        };
        let line_w = font.width(line, style.size);
        let x = match align {
            Align::Left => x,
            Align::Center => x + (width - line_w) / 2.0,
            Align::Right => x + width - line_w,
        };
        let bytes = font.encode(line);
        let resource = Name(font.resource);
        let page = self.page();
        page.set_fill_gray(style.gray);
        page.begin_text();
        page.set_font(resource, style.size);
        page.next_line(x, PAGE_H - baseline);
        page.show(Str(&bytes));
        page.end_text();
    }

    /// Draws one table row (the header when `is_header`), breaking it across pages if needed.
    fn table_row(
        &mut self,
        table: &TableLayout,
        cells: &[Vec<String>],
        is_header: bool,
        shade: Option<f32>,
    ) {
        let lh = CELL.line_height();
        let n = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let mut start = 0;
        let mut fresh = false;
        while start < n {
            let room = BOTTOM - self.y - 2.0 * CELL_PAD_Y;
            let fit = if room > 0.0 {
                ((room + EPS) / lh).floor() as usize
            } else {
                0
            };
            let remaining = n - start;
            if remaining <= fit {
                self.table_row_part(table, cells, is_header, shade, start..n);
                return;
            }
            if !fresh {
                // Move a whole row that would fit on a fresh page; split only taller ones.
                let whole = start == 0
                    && row_height(cells)
                        + if table.repeat_header {
                            row_height(&table.header)
                        } else {
                            0.0
                        }
                        <= CONTENT_H;
                if whole || fit == 0 {
                    self.table_page_break(table, is_header);
                    fresh = true;
                    continue;
                }
            }
            let take = fit.max(1);
            self.table_row_part(table, cells, is_header, shade, start..start + take);
            start += take;
            if start < n {
                self.table_page_break(table, is_header);
                fresh = true;
            }
        }
    }

    fn table_page_break(&mut self, table: &TableLayout, is_header: bool) {
        self.new_page();
        if !is_header && table.repeat_header {
            self.table_row_part(
                table,
                &table.header,
                true,
                None,
                0..row_lines(&table.header),
            );
        }
    }

    /// Draws lines `range` of a row's cells, with their borders.
    fn table_row_part(
        &mut self,
        table: &TableLayout,
        cells: &[Vec<String>],
        is_header: bool,
        shade: Option<f32>,
        range: Range<usize>,
    ) {
        let lh = CELL.line_height();
        let style = if is_header { CELL_HEAD } else { CELL };
        let height = range.len() as f32 * lh + 2.0 * CELL_PAD_Y;
        let top = self.y;
        let bottom = PAGE_H - top - height;
        let page = self.page();
        let fill = if is_header { Some(0.9) } else { shade };
        if let Some(gray) = fill {
            page.set_fill_gray(gray);
            page.rect(MARGIN, bottom, CONTENT_W, height).fill_nonzero();
        }
        page.set_stroke_gray(0.55).set_line_width(0.5);
        for col in &table.columns {
            page.rect(col.x, bottom, col.width, height);
        }
        page.stroke();
        for (col, lines) in table.columns.iter().zip(cells) {
            for (row, i) in range.clone().enumerate() {
                if let Some(line) = lines.get(i) {
                    let baseline = style.baseline(top + CELL_PAD_Y + row as f32 * lh, lh);
                    self.text(
                        col.x + CELL_PAD_X,
                        col.width - 2.0 * CELL_PAD_X,
                        baseline,
                        style,
                        line,
                        col.align,
                    );
                }
            }
        }
        self.y += height;
    }

    /// Breaks `text` into lines no wider than `width` points in `style`.
    fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let font = if style.bold {
            &self.bold
        } else {
            &self.regular
        };
        wrap_text(font, &clean_text(text), style.size, width.max(style.size))
    }
}

/// Height of a table row whose cells hold `cells` lines.
fn row_height(cells: &[Vec<String>]) -> f32 {
    row_lines(cells) as f32 * CELL.line_height() + 2.0 * CELL_PAD_Y
}

/// Number of lines of a table row (at least one).
fn row_lines(cells: &[Vec<String>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

/// Drops control and invisible formatting characters; tabs and odd spaces become plain spaces
/// and every kind of line break becomes `'\n'`.
fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{0085}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            // No-break spaces keep their glyph (and their hold on the words beside them).
            '\u{00A0}' | '\u{202F}' => out.push(c),
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            // Zero-width and bidirectional marks, soft hyphen, byte-order mark: invisible.
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean_text`] on one line: line breaks become spaces.
fn single_line(text: &str) -> String {
    clean_text(text).replace('\n', " ").trim().to_owned()
}

/// Greedy line breaking at spaces; words wider than `width` are broken between characters.
/// Blank lines inside the text are kept, leading and trailing ones dropped.
fn wrap_text(font: &Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    if text.trim().is_empty() {
        return lines;
    }
    let space = font.char_width(' ', size);
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_w = font.width(word, size);
            if !line.is_empty() {
                if line_w + space + word_w <= width + EPS {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + word_w;
                    continue;
                }
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if word_w <= width + EPS {
                line.push_str(word);
                line_w = word_w;
                continue;
            }
            for c in word.chars() {
                let w = font.char_width(c, size);
                if !line.is_empty() && line_w + w > width + EPS {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += w;
            }
        }
        lines.push(line);
    }
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    lines.drain(..first);
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Whether a table cell holds a number (digits with spaces, separators, sign, percent or ₸).
fn looks_numeric(text: &str) -> bool {
    let text = text.trim();
    // At most one '.' and one ',' (so "1 234,5" and "1,234.50" are numbers, "12.03.2025" is not).
    text.chars().any(|c| c.is_ascii_digit())
        && text.matches('.').count() <= 1
        && text.matches(',').count() <= 1
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " \u{00A0}\u{202F}.,-+−%₸$€".contains(c))
}

/// A value for a bar chart: digits grouped by three with no-break spaces, a decimal comma and at
/// most two decimals, as written in Kazakh and Russian.
fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    if value.abs() >= 1e15 {
        return format!("{value:e}");
    }
    let fixed = format!("{:.2}", value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if value < 0.0 && (int != "0" || !frac.is_empty()) {
        out.push('−');
    }
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('\u{00A0}');
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// zlib-compresses a stream.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The object ids of one embedded font.
struct FontRefs {
    type0: Ref,
    cid: Ref,
    descriptor: Ref,
    to_unicode: Ref,
    file: Ref,
    cid_to_gid: Ref,
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

/// Writes one font as a Type0 font over a CIDFontType2 (TrueType) descendant with Identity-H
/// encoding, its subset program and its ToUnicode map.
fn write_font(pdf: &mut Pdf, font: &Font, refs: &FontRefs, subset: bool) {
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let to_pdf_units = |ems: f32| ems * 1000.0;
    let font_units = |v: i16| f32::from(v) * font.unit * 1000.0;
    // The subset numbers its glyphs by CID. Should subsetting ever fail, the whole font is
    // embedded (under its plain name: a subset tag would claim otherwise) and a CIDToGIDMap
    // stream maps the CIDs back to its glyph ids.
    let subset = if subset {
        subsetter::subset(font.data, 0, &font.remapper).ok()
    } else {
        None
    };
    let base_font = match subset {
        Some(_) => format!("{}+{}", font.subset_tag(), font.base_name),
        None => font.base_name.to_owned(),
    };

    pdf.type0_font(refs.type0)
        .base_font(Name(base_font.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(refs.cid)
        .to_unicode(refs.to_unicode);

    let mut cid_font = pdf.cid_font(refs.cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(Name(base_font.as_bytes()))
        .system_info(system_info)
        .font_descriptor(refs.descriptor)
        .default_width(to_pdf_units(font.advance(0)));
    if subset.is_some() {
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
    } else {
        cid_font.cid_to_gid_map_stream(refs.cid_to_gid);
    }
    let mut widths = cid_font.widths();
    let mut run: Option<(u16, Vec<f32>)> = None;
    for (&cid, &(gid, _)) in &font.used {
        let width = to_pdf_units(font.advance(gid));
        match &mut run {
            Some((start, list)) if usize::from(*start) + list.len() == usize::from(cid) => {
                list.push(width)
            }
            _ => {
                if let Some((start, list)) = run.take() {
                    widths.consecutive(start, list);
                }
                run = Some((cid, vec![width]));
            }
        }
    }
    if let Some((start, list)) = run {
        widths.consecutive(start, list);
    }
    widths.finish();
    cid_font.finish();

    let face = &font.face;
    let bbox = face.global_bounding_box();
    let weight = face.weight().to_number();
    let mut flags = FontFlags::NON_SYMBOLIC;
    if weight >= 600 {
        flags |= FontFlags::FORCE_BOLD;
    }
    pdf.font_descriptor(refs.descriptor)
        .name(Name(base_font.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            font_units(bbox.x_min),
            font_units(bbox.y_min),
            font_units(bbox.x_max),
            font_units(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(font_units(face.ascender()))
        .descent(font_units(face.descender()))
        .cap_height(font_units(face.capital_height().unwrap_or(face.ascender())))
        .stem_v(10.0 + 0.244 * (f32::from(weight) - 50.0))
        .font_file2(refs.file);

    let program = subset.as_deref().unwrap_or(font.data);
    pdf.stream(refs.file, &deflate(program))
        .filter(Filter::FlateDecode)
        .pair(
            Name(b"Length1"),
            i32::try_from(program.len()).unwrap_or(i32::MAX),
        );
    if subset.is_none() {
        let map: Vec<u8> = font
            .cid_to_gid()
            .into_iter()
            .flat_map(u16::to_be_bytes)
            .collect();
        pdf.stream(refs.cid_to_gid, &deflate(&map))
            .filter(Filter::FlateDecode);
    }

    let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), system_info);
    for (&cid, &(_, c)) in &font.used {
        if let Some(c) = c {
            cmap.pair(cid, c);
        }
    }
    pdf.cmap(refs.to_unicode, &deflate(&cmap.finish()))
        .filter(Filter::FlateDecode);
}

#[cfg(test)]
mod tests {
    use super::*;

    const KAZAKH_LETTERS: &str = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";

    /// Every page's text, in page order, as a text extractor sees it.
    fn extract(bytes: &[u8]) -> (usize, String) {
        let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let text = doc.extract_text(&pages).expect("text extracts");
        (pages.len(), text)
    }

    fn sample() -> Vec<u8> {
        let mut doc = PdfDocument::new("Келісім / Согласие / Consent");
        doc.header_line(
            "«Үміт» қоғамдық бірлестігі · ОО «Умит» · NGO “Umit” — БСН / БИН / BIN 123456789012",
        );
        doc.header_line("Алматы қ., Абай даңғылы 10, 050000 · +7 727 000 00 00 · info@umit.kz");
        doc.title("Дербес деректерді өңдеуге келісім");
        doc.subtitle("Согласие на обработку персональных данных · Consent to the processing of personal data");
        doc.heading("1. Субъект туралы мәлімет / Сведения о субъекте / Data subject");
        doc.field(
            "Тегі, аты, әкесінің аты / ФИО / Full name",
            "Әлиева Гүлнұр Қайратқызы",
        );
        doc.field("ЖСН / ИИН / IIN", "900101400123");
        doc.field(
            "Мекенжайы / Адрес / Address",
            "Қазақстан Республикасы, Шығыс Қазақстан облысы, Өскемен қ., Ұлы Дала көшесі, 15-үй, 42-пәтер",
        );
        doc.field("Телефон / Phone", "");
        doc.heading("2. Келісім мәтіні / Текст согласия / Consent text");
        doc.paragraph(
            "Мен, төменде қол қоюшы, «Дербес деректер және оларды қорғау туралы» Қазақстан \
             Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңына сәйкес өзімнің дербес \
             деректерімді жинауға және өңдеуге келісім беремін. Барлық әріптер: ә ғ қ ң ө ұ ү һ і \
             Ә Ғ Қ Ң Ө Ұ Ү Һ І.\nЯ, нижеподписавшийся, даю согласие на обработку персональных \
             данных в соответствии с Законом Республики Казахстан «О персональных данных и их \
             защите».\nI, the undersigned, consent to the collection and processing of my personal data.",
        );
        doc.checkbox(
            true,
            "Деректерді жинауға келісемін / Согласен на сбор данных / I agree to collection",
        );
        doc.checkbox(false, "Үшінші тұлғаларға беруге келісемін / Согласен на передачу третьим лицам / I agree to transfer to third parties, which is a long sentence that wraps onto a second line");
        doc.signature("Субъект / Субъект / Data subject");
        doc.signature("Жауапты тұлға / Ответственное лицо / Officer");

        doc.heading("3. Жойылған деректер / Уничтоженные данные / Destroyed records");
        let rows: Vec<Vec<String>> = (1..=70)
            .map(|i| {
                vec![
                    i.to_string(),
                    format!("Субъект №{i}: Сәрсенбаев Нұрлан / Иванов Иван / John Smith"),
                    if i % 7 == 0 {
                        "Келісім кері қайтарылды; согласие отозвано; consent withdrawn by the subject in writing".to_owned()
                    } else {
                        "Сақтау мерзімі өтті / Срок хранения истёк".to_owned()
                    },
                    format!("{}.03.2025", 1 + i % 28),
                ]
            })
            .collect();
        doc.table(
            &[
                "№",
                "Субъект / Subject",
                "Негіз / Основание / Reason",
                "Күні / Дата",
            ],
            &rows,
            &[0.5, 3.0, 3.0, 1.3],
        );
        doc.bar_chart(
            "Өңірлер бойынша субъектілер / Субъекты по регионам / Subjects by region",
            &[
                ("Алматы".to_owned(), 1234.0),
                ("Астана".to_owned(), 987.0),
                (
                    "Шығыс Қазақстан облысы / Восточно-Казахстанская область".to_owned(),
                    456.5,
                ),
                ("Маңғыстау".to_owned(), 12.0),
                ("Ұлытау".to_owned(), 0.0),
            ],
        );
        doc.paragraph(&format!("Сөз: {}", "Ұзынсөзбөлінбейтінжолақ".repeat(12)));
        doc.finish()
    }

    #[test]
    fn bundled_fonts_parse() {
        for data in [REGULAR_TTF, BOLD_TTF] {
            let face = Face::parse(data, 0).expect("font parses");
            for c in KAZAKH_LETTERS
                .chars()
                .chain("АБВабвЁёABCabc№«»—".chars())
                .filter(|c| *c != ' ')
            {
                assert!(face.glyph_index(c).is_some(), "DejaVu Sans lacks {c}");
            }
        }
    }

    #[test]
    fn trilingual_document_is_valid_and_extractable() {
        let bytes = sample();
        let _ = std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/pdf-sample.pdf"),
            &bytes,
        );
        assert!(bytes.starts_with(b"%PDF-"));
        let (pages, text) = extract(&bytes);
        assert!(pages >= 3, "expected 3+ pages, got {pages}");
        for needle in [
            "Дербес деректерді өңдеуге келісім",
            "Согласие на обработку",
            "Consent to the processing",
            "Әлиева Гүлнұр Қайратқызы",
            "ә ғ қ ң ө ұ ү һ і",
            "Ә Ғ Қ Ң Ө Ұ Ү Һ І",
            "Жойылған деректер",
            "Шығыс Қазақстан",
            "қолы / подпись / signature",
            "БИН / BIN 123456789012",
            "Субъект №70",
            "1\u{A0}234",
        ] {
            assert!(
                text.contains(needle),
                "{needle:?} not found in the extracted text:\n{text}"
            );
        }
        assert!(text.contains(&format!("1 / {pages}")), "footer missing");
        assert!(
            text.contains(&format!("{pages} / {pages}")),
            "last footer missing"
        );
        // The table header is repeated on the pages the table continues on.
        assert!(text.matches("Негіз / Основание").count() >= 2);
    }

    #[test]
    fn fonts_are_subset_and_text_is_unicode_mapped() {
        let bytes = sample();
        // Two subsets of ~700 KB fonts: the whole file stays small.
        assert!(bytes.len() < 200_000, "PDF is {} bytes", bytes.len());
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let mut names = Vec::new();
        for object in doc.objects.values() {
            if let Ok(dict) = object.as_dict() {
                if dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(&b"Type0"[..]) {
                    assert!(dict.get(b"ToUnicode").is_ok());
                    names.push(
                        String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap())
                            .into_owned(),
                    );
                }
            }
        }
        names.sort();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(
            names[0].ends_with("+DejaVuSans") && names[0].len() == 7 + 10,
            "{names:?}"
        );
        assert!(names[1].ends_with("+DejaVuSans-Bold"), "{names:?}");
    }

    #[test]
    fn whole_fonts_are_embedded_when_not_subsetting() {
        let mut doc = PdfDocument::new("Толық қаріп");
        doc.heading("Толық қаріп / Полный шрифт");
        doc.paragraph(KAZAKH_LETTERS);
        let bytes = doc.finish_with(false);
        // Both fonts whole (compressed): far bigger than a subset.
        assert!(bytes.len() > 500_000, "PDF is {} bytes", bytes.len());
        let (pages, text) = extract(&bytes);
        assert_eq!(pages, 1);
        assert!(text.contains(KAZAKH_LETTERS), "{text}");
        assert!(text.contains("Полный шрифт"), "{text}");
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let maps = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| {
                d.get(b"CIDToGIDMap")
                    .is_ok_and(|m| m.as_reference().is_ok())
            })
            .count();
        assert_eq!(maps, 2);
        let names: Vec<&[u8]> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter_map(|d| d.get(b"BaseFont").and_then(|n| n.as_name()).ok())
            .collect();
        assert!(names.iter().all(|n| !n.contains(&b'+')), "{names:?}");
    }

    #[test]
    fn long_words_are_broken_within_the_text_width() {
        let word = "Қ".repeat(400);
        let doc = PdfDocument::new("");
        for style in [BODY, TITLE, CELL] {
            let lines = doc.wrap(&word, style, 100.0);
            assert!(lines.len() > 10);
            assert_eq!(lines.concat(), word);
            let font = if style.bold { &doc.bold } else { &doc.regular };
            assert!(lines
                .iter()
                .all(|l| font.width(l, style.size) <= 100.0 + EPS));
        }

        let mut doc = PdfDocument::new("Long");
        doc.title(&"Ұ".repeat(300));
        doc.paragraph(&format!("басы {} соңы", "өңдеу".repeat(200)));
        doc.field(&"label".repeat(80), &"мән".repeat(500));
        doc.checkbox(true, &"x".repeat(1000));
        doc.table(&["a"], &[vec!["ң".repeat(20_000)]], &[1.0]);
        doc.bar_chart(&"c".repeat(500), &[("ү".repeat(500), 1.0)]);
        doc.signature(&"қ".repeat(300));
        let (pages, text) = extract(&doc.finish());
        assert!(pages >= 2);
        assert!(text.contains("басы"));
        assert!(text.contains("соңы"));
        assert!(text.contains("өңдеуөңдеу"));
    }

    #[test]
    fn empty_and_control_inputs_do_not_panic() {
        let mut doc = PdfDocument::new("");
        let nasty = [
            "",
            " ",
            "\n\n\n",
            "\t",
            "\u{0}\u{1}\u{7}\u{1b}[31m",
            "\r\n\r",
            "\u{200B}\u{FEFF}\u{202E}",
            "\u{10FFFF}😀𝕏",
        ];
        for s in nasty {
            doc.header_line(s);
            doc.title(s);
            doc.subtitle(s);
            doc.heading(s);
            doc.paragraph(s);
            doc.field(s, s);
            doc.checkbox(true, s);
            doc.checkbox(false, s);
            doc.table(
                &[s, s],
                &[vec![s.to_owned()], vec![], vec![s.to_owned(); 5]],
                &[f32::NAN, -1.0, 0.0],
            );
            doc.table(&[], &[], &[]);
            doc.table(
                &[s, "b"],
                &[vec!["1".to_owned(), s.to_owned()]],
                &[f32::MAX, f32::MAX],
            );
            doc.table(&[], &[vec![s.to_owned()]], &[]);
            doc.bar_chart(s, &[]);
            doc.bar_chart(
                s,
                &[
                    (s.to_owned(), f64::NAN),
                    (s.to_owned(), -5.0),
                    (s.to_owned(), f64::INFINITY),
                    (s.to_owned(), 0.0),
                ],
            );
            doc.signature(s);
            doc.set_signature_captions(s, s);
            doc.space(f32::NAN);
            doc.space(-3.0);
            doc.space(1e9);
        }
        let bytes = doc.finish();
        assert!(bytes.starts_with(b"%PDF-"));
        let (pages, _) = extract(&bytes);
        assert!(pages >= 1);

        let (pages, text) = extract(&PdfDocument::new("Бос").finish());
        assert_eq!(pages, 1);
        assert!(text.contains("1 / 1"));

        let mut doc = PdfDocument::new("a\u{0}b");
        doc.paragraph("бір\u{0}екі\tүш\u{7}");
        let (_, text) = extract(&doc.finish());
        assert!(text.contains("бірекі үш"), "{text}");
    }

    #[test]
    fn text_cleaning_and_numbers() {
        assert_eq!(clean_text("a\tb\r\nc\rd\u{0}e\u{200B}"), "a b\nc\nde");
        assert_eq!(single_line(" x\ny "), "x y");
        assert_eq!(format_number(1234567.0), "1\u{A0}234\u{A0}567");
        assert_eq!(format_number(456.5), "456,5");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(-12.25), "−12,25");
        assert_eq!(format_number(f64::NAN), "—");
        assert!(looks_numeric("1 234,50 ₸"));
        assert!(looks_numeric("1,234.50"));
        assert!(!looks_numeric("12.03.2025"));
        assert!(!looks_numeric("12.03.2025 ж."));
        assert!(!looks_numeric("—"));
    }
}
