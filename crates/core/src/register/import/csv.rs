//! Reading CSV: the encoding (UTF-8 with or without a BOM, UTF-16 with a BOM, else
//! Windows-1251), Excel's `sep=` line, sniffing the delimiter (`;`, `,` or tab), and numbering
//! rows as Excel shows them, blank lines included.

use std::collections::BTreeMap;

use super::{Format, Limits, SourceInfo, Table, TableBuilder, LIMITS};
use crate::{Error, Result};

/// How many records the delimiter sniffer looks at.
const SNIFF_RECORDS: usize = 50;

/// Read CSV bytes into a [`Table`].
///
/// The encoding is UTF-8 (with or without a BOM), UTF-16 with a BOM, or else Windows-1251 when
/// the bytes are not valid UTF-8. The delimiter is `;`, `,` or tab: the one that splits the
/// first lines into the most consistent number of columns (quotes respected), unless the file
/// starts with Excel's `sep=X` line. Cells are trimmed; empty rows are skipped but counted in
/// the row numbers, as Excel would show them.
pub fn read_csv_bytes(bytes: &[u8]) -> Result<Table> {
    read_csv_within(bytes, LIMITS)
}

pub(super) fn read_csv_within(bytes: &[u8], limits: Limits) -> Result<Table> {
    limits.check_file_size(bytes.len() as u64)?;
    let (text, encoding) = decode(bytes);
    if !looks_like_text(&text) {
        return Err(Error::invalid("file", "import_not_a_table"));
    }
    let (body, declared) = split_sep_line(&text);
    let delimiter = declared.unwrap_or_else(|| sniff_delimiter(body));

    let mut builder = TableBuilder::new(limits);
    let mut reader = csv_reader(body, delimiter);
    let mut record = csv::StringRecord::new();
    let mut row_number = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // Only invalid UTF-8 makes the csv reader fail, and `body` is a `str`; be safe anyway.
            Err(_) => return Err(Error::invalid("file", "import_not_a_table")),
        }
        // The csv reader skips blank lines; Excel shows each as a row, so count them.
        let start = record.position().map_or(0, |p| p.byte());
        row_number += 1 + skipped_blank_lines(body, start);
        let cells = record.iter().map(|c| c.trim().to_owned()).collect();
        builder.push(row_number, cells)?;
    }
    builder.finish(SourceInfo {
        format: Format::Csv,
        encoding: Some(encoding),
        delimiter: Some(delimiter),
        sheet: None,
    })
}

/// Decode the bytes and name the encoding that was used.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1251};
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 with BOM");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _) = UTF_16LE.decode_with_bom_removal(bytes);
        return (text.into_owned(), "UTF-16LE");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (text, _) = UTF_16BE.decode_with_bom_removal(bytes);
        return (text.into_owned(), "UTF-16BE");
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        // Every byte means something in Windows-1251, so this never fails; the Kazakh letters
        // it lacks were already written as "?" by whoever saved the file.
        Err(_) => {
            let (text, _) = WINDOWS_1251.decode_without_bom_handling(bytes);
            (text.into_owned(), "windows-1251")
        }
    }
}

/// Binary files (PDF, images, Word) decode as Windows-1251 too; they give themselves away by
/// NUL bytes or by many control characters.
fn looks_like_text(text: &str) -> bool {
    const SAMPLE: usize = 64 * 1024;
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SAMPLE) {
        chars += 1;
        match c {
            '\0' => return false,
            // Tab, line breaks, form feed, and DOS's end-of-file mark are normal in text files.
            '\t' | '\n' | '\r' | '\x0c' | '\x1a' => {}
            c if c.is_control() => controls += 1,
            _ => {}
        }
    }
    controls * 100 <= chars
}

/// Excel reads, and sometimes writes, a first line `sep=;` naming the delimiter; Excel does not
/// show it as a row, so neither do we.
fn split_sep_line(text: &str) -> (&str, Option<char>) {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let declared = first
        .trim_end_matches('\r')
        .strip_prefix("sep=")
        .and_then(|d| {
            let mut chars = d.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if (c.is_ascii_punctuation() && c != '"') || c == '\t' => Some(c),
                _ => None,
            }
        });
    match declared {
        Some(delimiter) => (rest, Some(delimiter)),
        None => (text, None),
    }
}

fn csv_reader(text: &str, delimiter: char) -> csv::Reader<&[u8]> {
    // Delimiters are ASCII after `split_sep_line` or sniffing; anything else falls back to ','.
    let delimiter = u8::try_from(delimiter).unwrap_or(b',');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Pick `;`, `,` or tab: the candidate under which the first records most consistently have
/// the same number of cells (at least two), so a title line above the header does not mislead;
/// ties go to more columns, then to the order `;` (Excel in a Russian locale), `,`, tab. A file
/// with one column gets `,`.
fn sniff_delimiter(text: &str) -> char {
    struct Score {
        delimiter: char,
        agreeing: usize,
        sampled: usize,
        columns: usize,
    }
    let mut best: Option<Score> = None;
    for delimiter in [';', ',', '\t'] {
        let counts: Vec<usize> = csv_reader(text, delimiter)
            .into_records()
            .map_while(std::result::Result::ok)
            // A line of spaces says nothing; a line of delimiters does.
            .filter(|r| r.len() > 1 || r.iter().any(|c| !c.trim().is_empty()))
            .take(SNIFF_RECORDS)
            .map(|r| r.len())
            .collect();
        // The most common number of cells; on a tie, the larger.
        let mut tally: BTreeMap<usize, usize> = BTreeMap::new();
        for &n in &counts {
            *tally.entry(n).or_default() += 1;
        }
        let Some((&columns, &agreeing)) = tally.iter().max_by_key(|&(n, times)| (times, n)) else {
            continue;
        };
        if columns < 2 {
            continue;
        }
        let score = Score {
            delimiter,
            agreeing,
            sampled: counts.len(),
            columns,
        };
        let better = match &best {
            None => true,
            Some(b) => {
                // Compare agreeing/sampled fractions without division.
                let (ours, theirs) = (score.agreeing * b.sampled, b.agreeing * score.sampled);
                ours > theirs || (ours == theirs && score.columns > b.columns)
            }
        };
        if better {
            best = Some(score);
        }
    }
    best.map_or(',', |b| b.delimiter)
}

/// The blank lines the csv reader passed over before the record starting at byte `start`: a
/// record's reported start is where the previous one ended, so these are the line breaks in the
/// run of `\r`/`\n` there, less the `\n` that completes the previous record's own `\r\n`.
fn skipped_blank_lines(text: &str, start: u64) -> usize {
    let bytes = text.as_bytes();
    let Some(start) = usize::try_from(start).ok().filter(|&s| s <= bytes.len()) else {
        return 0;
    };
    let rest = bytes.get(start..).unwrap_or_default();
    let run = rest
        .iter()
        .take_while(|&&b| matches!(b, b'\r' | b'\n'))
        .count();
    let mut gap = rest.get(..run).unwrap_or_default();
    let previous = start.checked_sub(1).and_then(|i| bytes.get(i));
    if previous == Some(&b'\r') && gap.first() == Some(&b'\n') {
        gap = gap.get(1..).unwrap_or_default();
    }
    line_breaks(gap)
}

/// Line breaks in `gap` (`\r\n`, `\n` or a lone `\r` each count once).
fn line_breaks(gap: &[u8]) -> usize {
    let newlines = gap.iter().filter(|&&b| b == b'\n').count();
    let lone_returns = gap
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && gap.get(i + 1) != Some(&b'\n'))
        .count();
    newlines + lone_returns
}
