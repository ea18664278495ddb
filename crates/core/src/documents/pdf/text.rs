//! Text: input cleaned of what cannot be drawn, greedy line breaking measured in the font, and
//! drawing lines of text on the page.

use pdf_writer::{Name, Str};

use super::font::Font;
use super::{Align, PdfDocument, Style, CONTENT_W, EPS, MARGIN, PAGE_H};

impl PdfDocument {
    /// Draws lines across the text width, one under the other, breaking pages between lines;
    /// the first `keep` lines are kept on one page.
    pub(super) fn flow(
        &mut self,
        lines: &[String],
        style: Style,
        lh: f32,
        align: Align,
        keep: usize,
    ) {
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
    pub(super) fn text(
        &mut self,
        x: f32,
        width: f32,
        baseline: f32,
        style: Style,
        line: &str,
        align: Align,
    ) {
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

    /// Breaks `text` into lines no wider than `width` points in `style`.
    pub(super) fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<String> {
        let font = if style.bold {
            &self.bold
        } else {
            &self.regular
        };
        wrap_text(font, &clean_text(text), style.size, width.max(style.size))
    }
}

/// Drops control and invisible formatting characters; tabs and odd spaces become plain spaces
/// and every kind of line break becomes `'\n'`.
pub(super) fn clean_text(text: &str) -> String {
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
pub(super) fn single_line(text: &str) -> String {
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
