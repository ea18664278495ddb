//! Tables: column geometry from relative weights, wrapped cells, numeric columns aligned right,
//! and rows that break across pages under a repeated header.

use std::ops::Range;

use super::{
    Align, PdfDocument, BOTTOM, CELL, CELL_HEAD, CONTENT_H, CONTENT_W, EPS, MARGIN, MM, PAGE_H,
};

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

impl PdfDocument {
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
}

/// Height of a table row whose cells hold `cells` lines.
fn row_height(cells: &[Vec<String>]) -> f32 {
    row_lines(cells) as f32 * CELL.line_height() + 2.0 * CELL_PAD_Y
}

/// Number of lines of a table row (at least one).
fn row_lines(cells: &[Vec<String>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

/// Whether a table cell holds a number (digits with spaces, separators, sign, percent or ₸).
pub(super) fn looks_numeric(text: &str) -> bool {
    let text = text.trim();
    // At most one '.' and one ',' (so "1 234,5" and "1,234.50" are numbers, "12.03.2025" is not).
    text.chars().any(|c| c.is_ascii_digit())
        && text.matches('.').count() <= 1
        && text.matches(',').count() <= 1
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " \u{00A0}\u{202F}.,-+−%₸$€".contains(c))
}
