//! Horizontal bar charts, and the numbers written beside their bars.

use super::{Align, PdfDocument, BAR_LABEL, BAR_VALUE, CAPTION, CONTENT_W, MARGIN, MM, PAGE_H};

impl PdfDocument {
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
}

/// A value for a bar chart: digits grouped by three with no-break spaces, a decimal comma and at
/// most two decimals, as written in Kazakh and Russian.
pub(super) fn format_number(value: f64) -> String {
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
