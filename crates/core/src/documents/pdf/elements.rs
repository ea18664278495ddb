//! The flowing elements of a document other than tables and charts: header lines, title,
//! subtitle, headings, paragraphs, labelled fields, check boxes, signature lines and space.

use pdf_writer::types::{LineCapStyle, LineJoinStyle};

use super::text::single_line;
use super::{
    Align, PdfDocument, BODY, BOTTOM, CAP_HEIGHT, CONTENT_H, CONTENT_W, HEADER, HEADING, LABEL,
    MARGIN, MM, PAGE_H, SMALL, SUBTITLE, TITLE,
};

impl PdfDocument {
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
}
