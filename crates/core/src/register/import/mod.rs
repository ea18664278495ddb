//! Reading people from the tables NGOs already keep: CSV and Excel (XLSX) files.
//!
//! This module only parses; it never touches the vault. [`read_file`] turns a file into a
//! [`Table`] of trimmed text cells, [`guess_mapping`] proposes which standard [`Field`] each
//! column holds, [`drafts`] turns the rows into [`PersonDraft`]s, and the value normalisers
//! ([`parse_date`], [`parse_excel_serial`], [`parse_sex`], [`normalise_phone`],
//! [`split_full_name`]) help the validator read what people actually type.
//!
//! CSV files come as Excel and other tools write them: UTF-8 with or without a BOM,
//! Windows-1251 (Excel in a Russian or Kazakh locale), UTF-16 with a BOM (Excel's "Unicode
//! text"), separated by `;`, `,` or tab. Hostile files are bounded by [`MAX_FILE_BYTES`],
//! [`MAX_ROWS`] and [`MAX_COLUMNS`]; no input makes this module panic.
//!
//! Error messages name rows and columns but never quote a cell: cells are personal data.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use serde::Serialize;
use time::{Date, Month};

use crate::register::fields::{Field, Kind, PersonDraft, Sex};
use crate::{Error, Result};

/// Files larger than this (250 MB) are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 250 * 1024 * 1024;
/// At most this many filled rows besides the header row.
pub const MAX_ROWS: usize = 1_000_000;
/// At most this many columns.
pub const MAX_COLUMNS: usize = 200;
/// An XLSX is a zip archive; a small file can unpack to gigabytes (a "zip bomb") that the
/// Excel reader would hold in memory, so the declared unpacked size is bounded too (2 GB).
const MAX_UNPACKED_XLSX_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Title lines above the real header ("Список получателей, 2024") are skipped when they are
/// among this many first filled rows; see [`Table::header_row`].
const HEADER_SEARCH_ROWS: usize = 10;
/// How many records the delimiter sniffer looks at.
const SNIFF_RECORDS: usize = 50;

const NOT_A_TABLE: &str = "This file is not a CSV or Excel (XLSX) table.";
const NO_ROWS: &str = "The file has no filled rows to import.";
const DAMAGED_XLSX: &str =
    "This Excel file is damaged and cannot be read; open it in Excel, save it again and retry.";
const OLD_OR_LOCKED_EXCEL: &str = "This is an old Excel (XLS) file or a password-protected one; \
     save it in Excel as XLSX without a password, or as CSV, and try again.";
const OPEN_DOCUMENT: &str =
    "This is an OpenDocument (ODS) spreadsheet; save it as XLSX or CSV and try again.";

/// The limits a file must stay within. Tests shrink them to stay fast.
#[derive(Debug, Clone, Copy)]
struct Limits {
    file_bytes: u64,
    rows: usize,
    columns: usize,
    unpacked_bytes: u64,
}

const LIMITS: Limits = Limits {
    file_bytes: MAX_FILE_BYTES,
    rows: MAX_ROWS,
    columns: MAX_COLUMNS,
    unpacked_bytes: MAX_UNPACKED_XLSX_BYTES,
};

impl Limits {
    fn check_file_size(&self, len: u64) -> Result<()> {
        if len > self.file_bytes {
            return Err(file_problem(format!(
                "The file is larger than {}; split it into smaller files and import them one by one.",
                size_text(self.file_bytes)
            )));
        }
        Ok(())
    }

    fn too_many_rows(&self) -> Error {
        file_problem(format!(
            "The table has more than {} rows; split it into smaller files and import them one by one.",
            group_thousands(self.rows)
        ))
    }

    fn too_many_columns(&self, row_number: usize) -> Error {
        file_problem(format!(
            "Row {row_number} has more than {} columns; remove the columns you do not need and try again.",
            self.columns
        ))
    }
}

fn file_problem(reason: impl Into<String>) -> Error {
    Error::InvalidInput {
        field: "file",
        reason: reason.into(),
    }
}

/// A byte limit as people read it: `2 GB`, `250 MB`, or bytes for the small limits of tests.
fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    match bytes {
        GB.. => format!("{} GB", bytes / GB),
        MB.. => format!("{} MB", bytes / MB),
        _ => format!("{bytes} bytes"),
    }
}

/// `1000000` → `1,000,000`, as the sentence is read by people.
fn group_thousands(n: usize) -> String {
    let digits: Vec<char> = n.to_string().chars().collect();
    digits
        .rchunks(3)
        .rev()
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(",")
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/// What kind of file a [`Table`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Delimited text.
    Csv,
    /// An Excel 2007+ workbook.
    Xlsx,
}

impl Format {
    /// The stable key: `csv` or `xlsx`.
    pub fn key(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// How the file was read, for the import wizard to show ("CSV, windows-1251, `;`").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// CSV or XLSX, decided by the file's content, not its name.
    pub format: Format,
    /// CSV only: `"UTF-8"`, `"UTF-8 with BOM"`, `"UTF-16LE"`, `"UTF-16BE"` or `"windows-1251"`.
    pub encoding: Option<&'static str>,
    /// CSV only: `;`, `,` or tab.
    pub delimiter: Option<char>,
    /// XLSX only: the name of the worksheet that was read.
    pub sheet: Option<String>,
}

/// A table of trimmed text cells: the header row and the filled rows under it.
///
/// Rows are numbered as the user sees them in Excel: when the header is the first line of the
/// file it is row 1 and the first data row is row 2. Empty rows are left out of [`Table::rows`]
/// but still counted, so `rows[i]` is row [`Table::row_number`]`(i)` of the file, which is what a
/// rejection report should name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Column titles as written (trimmed); `""` for a column that has data but no title. There
    /// are as many as the widest row has cells.
    pub headers: Vec<String>,
    /// Data rows, each cell trimmed. A row may be shorter than `headers` (trailing empty cells
    /// are not stored): read cells with [`Table::cell`].
    pub rows: Vec<Vec<String>>,
    /// `row_numbers[i]` is the user-visible number of `rows[i]`.
    pub row_numbers: Vec<usize>,
    /// The user-visible number of the header row (1 unless title lines sit above it).
    pub header_row: usize,
    /// How the file was read.
    pub source: SourceInfo,
}

impl Table {
    /// The cell of data row `row` (0-based index into [`Table::rows`]) in `column`; `""` when
    /// either is out of range or the cell is empty.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .map_or("", String::as_str)
    }

    /// The row number the user sees for data row `row` (0-based index into [`Table::rows`]).
    pub fn row_number(&self, row: usize) -> usize {
        self.row_numbers
            .get(row)
            .copied()
            .unwrap_or(self.header_row + 1 + row)
    }
}

/// Collects the filled rows of a file, enforcing the limits as it goes.
struct TableBuilder {
    limits: Limits,
    /// `(row number as the user sees it, trimmed cells without trailing empty ones)`.
    filled: Vec<(usize, Vec<String>)>,
}

impl TableBuilder {
    fn new(limits: Limits) -> Self {
        TableBuilder {
            limits,
            filled: Vec::new(),
        }
    }

    /// Add one row; wholly empty rows are dropped.
    fn push(&mut self, row_number: usize, mut cells: Vec<String>) -> Result<()> {
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            return Ok(());
        }
        if cells.len() > self.limits.columns {
            return Err(self.limits.too_many_columns(row_number));
        }
        // The header and any title lines above it are the "+ 1"; exact enough for a limit.
        if self.filled.len() > self.limits.rows {
            return Err(self.limits.too_many_rows());
        }
        self.filled.push((row_number, cells));
        Ok(())
    }

    fn finish(self, source: SourceInfo) -> Result<Table> {
        let header_index = header_index(&self.filled).ok_or_else(|| file_problem(NO_ROWS))?;
        let mut filled = self.filled.into_iter().skip(header_index);
        let (header_row, mut headers) = filled.next().ok_or_else(|| file_problem(NO_ROWS))?;
        let (row_numbers, rows): (Vec<usize>, Vec<Vec<String>>) = filled.unzip();
        let width = rows.iter().map(Vec::len).fold(headers.len(), usize::max);
        headers.resize(width, String::new());
        Ok(Table {
            headers,
            rows,
            row_numbers,
            header_row,
            source,
        })
    }
}

/// Which of the first filled rows is the header: the first one with at least half as many
/// filled cells as the fullest of the first [`HEADER_SEARCH_ROWS`] rows, so that a title line
/// ("Список получателей помощи") above the real header is skipped.
fn header_index(filled: &[(usize, Vec<String>)]) -> Option<usize> {
    let filled_cells = |cells: &Vec<String>| cells.iter().filter(|c| !c.is_empty()).count();
    let head = filled.get(..filled.len().min(HEADER_SEARCH_ROWS))?;
    let fullest = head.iter().map(|(_, c)| filled_cells(c)).max()?;
    head.iter()
        .position(|(_, cells)| filled_cells(cells) * 2 >= fullest)
}

// ---------------------------------------------------------------------------------------------
// Reading files
// ---------------------------------------------------------------------------------------------

/// Read a CSV or XLSX file into a [`Table`], telling the two apart by content (an XLSX is a
/// zip archive), not by the file name.
///
/// Files over [`MAX_FILE_BYTES`] are refused before they are read.
pub fn read_file(path: &Path) -> Result<Table> {
    let file = std::fs::File::open(path)?;
    LIMITS.check_file_size(file.metadata()?.len())?;
    // Read one byte past the limit, so a file that grew since the check is still caught.
    let mut bytes = Vec::new();
    file.take(LIMITS.file_bytes + 1).read_to_end(&mut bytes)?;
    read_bytes(&bytes)
}

/// Read the bytes of a CSV or XLSX file into a [`Table`], choosing the format by content.
pub fn read_bytes(bytes: &[u8]) -> Result<Table> {
    read_bytes_within(bytes, LIMITS)
}

fn read_bytes_within(bytes: &[u8], limits: Limits) -> Result<Table> {
    const ZIP: &[u8] = b"PK\x03\x04";
    // Compound File Binary: Excel 97–2003 workbooks, and password-protected XLSX too.
    const CFB: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(ZIP) {
        read_xlsx_within(bytes, limits)
    } else if bytes.starts_with(CFB) {
        Err(file_problem(OLD_OR_LOCKED_EXCEL))
    } else {
        read_csv_within(bytes, limits)
    }
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

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

fn read_csv_within(bytes: &[u8], limits: Limits) -> Result<Table> {
    limits.check_file_size(bytes.len() as u64)?;
    let (text, encoding) = decode(bytes);
    if !looks_like_text(&text) {
        return Err(file_problem(NOT_A_TABLE));
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
            Err(_) => return Err(file_problem(NOT_A_TABLE)),
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

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

/// Read XLSX bytes into a [`Table`]: the first worksheet with a filled cell (visible sheets
/// before hidden ones).
///
/// Date cells become `YYYY-MM-DD` (`YYYY-MM-DD HH:MM:SS` when they carry a time), whole
/// numbers lose their `.0` (an IIN typed as the number 900101300012 reads `900101300012`; one
/// whose leading zero Excel dropped reads as its 11 digits, for the validator to report),
/// strings are trimmed, formula cells give their last computed value, and error cells their
/// code (`#N/A`).
pub fn read_xlsx_bytes(bytes: &[u8]) -> Result<Table> {
    read_xlsx_within(bytes, LIMITS)
}

fn read_xlsx_within(bytes: &[u8], limits: Limits) -> Result<Table> {
    limits.check_file_size(bytes.len() as u64)?;
    if is_open_document(bytes) {
        return Err(file_problem(OPEN_DOCUMENT));
    }
    check_unpacked_size(bytes, limits)?;
    // The workbook reader is a large third-party parser fed hostile input; should it ever
    // panic, the user gets a sentence instead of a crashed app.
    catch_unwind(AssertUnwindSafe(|| read_workbook(bytes, limits)))
        .unwrap_or_else(|_| Err(file_problem(DAMAGED_XLSX)))
}

/// LibreOffice's ODS is a zip too; it stores its media type uncompressed at the very start.
fn is_open_document(bytes: &[u8]) -> bool {
    const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
    let head = bytes.get(..bytes.len().min(128)).unwrap_or_default();
    head.windows(ODS_MIME.len()).any(|w| w == ODS_MIME)
}

/// Refuse archives whose members declare more than the unpacked limit. The zip reader the Excel
/// reader uses stops any member at its declared size, so the declaration is a real bound.
fn check_unpacked_size(bytes: &[u8], limits: Limits) -> Result<()> {
    let archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| file_problem(DAMAGED_XLSX))?;
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_data(index)
            .map_err(|_| file_problem(DAMAGED_XLSX))?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if unpacked > limits.unpacked_bytes {
        return Err(file_problem(format!(
            "This Excel file unpacks to more than {}; save it as CSV or split it into smaller files.",
            size_text(limits.unpacked_bytes)
        )));
    }
    Ok(())
}

fn xlsx_problem(e: XlsxError) -> Error {
    match e {
        XlsxError::Password => file_problem(OLD_OR_LOCKED_EXCEL),
        // A zip without a workbook inside: a Word document, an archive of photos.
        XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => file_problem(NOT_A_TABLE),
        _ => file_problem(DAMAGED_XLSX),
    }
}

fn read_workbook(bytes: &[u8], limits: Limits) -> Result<Table> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_problem)?;
    let mut worksheets: Vec<(bool, String)> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.visible != SheetVisible::Visible, s.name.clone()))
        .collect();
    // Visible sheets first, each group in workbook order (the sort is stable).
    worksheets.sort_by_key(|(hidden, _)| *hidden);
    for (_, name) in worksheets {
        let builder = match read_worksheet(&mut workbook, &name, limits) {
            Ok(builder) => builder,
            Err(SheetError::NotAWorksheet) => continue,
            Err(SheetError::Refused(e)) => return Err(e),
        };
        if builder.filled.is_empty() {
            continue;
        }
        return builder.finish(SourceInfo {
            format: Format::Xlsx,
            encoding: None,
            delimiter: None,
            sheet: Some(name),
        });
    }
    Err(file_problem(NO_ROWS))
}

enum SheetError {
    /// Listed as a worksheet but holds something else (a chart); try the next sheet.
    NotAWorksheet,
    /// Stop with this error.
    Refused(Error),
}

impl From<Error> for SheetError {
    fn from(e: Error) -> Self {
        SheetError::Refused(e)
    }
}

impl From<XlsxError> for SheetError {
    fn from(e: XlsxError) -> Self {
        match e {
            XlsxError::NotAWorksheet(_) => SheetError::NotAWorksheet,
            other => SheetError::Refused(xlsx_problem(other)),
        }
    }
}

/// Stream one worksheet cell by cell, so that a sheet declaring a huge range costs only what
/// it really holds.
fn read_worksheet(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    limits: Limits,
) -> std::result::Result<TableBuilder, SheetError> {
    let mut cells_reader = workbook.worksheet_cells_reader(name)?;
    // Cells usually arrive row by row, but nothing in the format promises it.
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    while let Some(cell) = cells_reader.next_cell()? {
        let text = cell_text(cell.get_value());
        if text.is_empty() {
            continue;
        }
        let (row, column) = cell.get_position();
        let row_number = row as usize + 1;
        let column = column as usize;
        if column >= limits.columns {
            return Err(limits.too_many_columns(row_number).into());
        }
        if !rows.contains_key(&row) && rows.len() > limits.rows {
            return Err(limits.too_many_rows().into());
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        if let Some(slot) = cells.get_mut(column) {
            *slot = text;
        }
    }
    let mut builder = TableBuilder::new(limits);
    for (row, cells) in rows {
        builder.push(row as usize + 1, cells)?;
    }
    Ok(builder)
}

/// A cell's value as the text the user sees, trimmed.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.trim().to_owned(),
        DataRef::SharedString(s) => s.trim().to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(true) => "TRUE".to_owned(),
        DataRef::Bool(false) => "FALSE".to_owned(),
        DataRef::DateTime(dt) => datetime_text(dt),
        DataRef::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).trim().to_owned(),
        DataRef::DurationIso(s) => s.trim().to_owned(),
        DataRef::Error(e) => e.to_string(),
    }
}

/// Whole numbers without `.0` (IINs and phone numbers typed as numbers), others as Rust's
/// shortest exact form, never in exponent notation.
fn number_text(f: f64) -> String {
    // Below 2^53 every whole f64 is exact and fits an i64.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if f.is_finite() && f.fract() == 0.0 && f.abs() < EXACT {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn datetime_text(dt: &ExcelDateTime) -> String {
    if dt.is_duration() {
        return number_text(dt.as_f64());
    }
    let (year, month, day, hour, minute, second, _) = dt.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

// ---------------------------------------------------------------------------------------------
// Guessing the mapping
// ---------------------------------------------------------------------------------------------

/// Header spellings per field, in Kazakh, Russian and English; the stable key is added too.
/// Compared after [`normalise_header`], so case, punctuation and Kazakh/Russian letter variants
/// do not matter.
const FIELD_HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Surname,
        &["тегі", "фамилия", "surname", "last name", "family name"],
    ),
    (
        Field::Name,
        &["аты", "есімі", "имя", "first name", "given name", "name"],
    ),
    (
        Field::Patronymic,
        &[
            "әкесінің аты",
            "әкесінің есімі",
            "отчество",
            "patronymic",
            "middle name",
        ],
    ),
    (
        Field::Iin,
        &[
            "жсн",
            "иин",
            "iin",
            "жеке сәйкестендіру нөмірі",
            "индивидуальный идентификационный номер",
        ],
    ),
    (
        Field::BirthDate,
        &[
            "туған күні",
            "туылған күні",
            "туған күні айы жылы",
            "дата рождения",
            "дата рожд",
            "date of birth",
            "birth date",
            "birthday",
            "dob",
        ],
    ),
    (Field::Sex, &["жынысы", "жыныс", "пол", "sex", "gender"]),
    (
        Field::Phone,
        &[
            "телефон",
            "тел",
            "телефон нөмірі",
            "ұялы телефон",
            "номер телефона",
            "мобильный",
            "сотовый",
            "phone",
            "phone number",
            "mobile",
            "mobile phone",
        ],
    ),
    (
        Field::Email,
        &[
            "e-mail",
            "эл почта",
            "электронная почта",
            "электрондық пошта",
            "эл пошта",
            "email address",
        ],
    ),
    (
        Field::Region,
        &["облыс", "область", "регион", "region", "oblast"],
    ),
    (Field::District, &["аудан", "район", "district"]),
    (
        Field::Settlement,
        &[
            "елді мекен",
            "қала ауыл",
            "населённый пункт",
            "нас пункт",
            "город село",
            "город",
            "село",
            "settlement",
            "city",
            "town",
            "village",
            "locality",
        ],
    ),
    (
        Field::Address,
        &[
            "мекенжай",
            "мекенжайы",
            "тұрғылықты мекенжайы",
            "адрес",
            "адрес проживания",
            "address",
        ],
    ),
    (
        Field::IdDocument,
        &[
            "жеке куәлік нөмірі",
            "жеке куәлік",
            "куәлік нөмірі",
            "№ удостоверения",
            "номер удостоверения",
            "удостоверение личности",
            "уд личности",
            "номер документа",
            "документ",
            "паспорт",
            "id document",
            "document number",
            "passport",
        ],
    ),
    (
        Field::Programme,
        &[
            "бағдарлама",
            "жоба",
            "программа",
            "проект",
            "programme",
            "program",
            "project",
        ],
    ),
    (
        Field::Disability,
        &[
            "мүгедектік",
            "мүгедектік тобы",
            "инвалидность",
            "группа инвалидности",
            "disability",
        ],
    ),
    (
        Field::HouseholdSize,
        &[
            "отбасы мүшелерінің саны",
            "отбасы саны",
            "состав семьи",
            "кол-во членов семьи",
            "количество членов семьи",
            "число членов семьи",
            "household size",
            "family size",
        ],
    ),
    (
        Field::HealthNotes,
        &[
            "денсаулық",
            "денсаулық жағдайы",
            "здоровье",
            "состояние здоровья",
            "health notes",
            "health",
        ],
    ),
    (
        Field::Notes,
        &[
            "ескертпе",
            "примечание",
            "примечания",
            "комментарий",
            "notes",
            "note",
            "comment",
            "comments",
        ],
    ),
];

/// Headers of one column holding the whole name ("Серікова Айгүл Болатқызы").
const FULL_NAME_HEADERS: &[&str] = &[
    "фио",
    "аты-жөні",
    "тегі аты",
    "фамилия имя",
    "фамилия и имя",
    "полное имя",
    "full name",
    "fullname",
];

/// Lower-case, fold Kazakh letters ([`crate::text::fold`]) and split into words on anything
/// that is not a letter or digit: "Ф.И.О." → `ф и о`, "E-mail" → `e mail`.
fn folded_words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// [`folded_words`] without bare numbers ("1. Фамилия", "Телефон 2").
fn normalise_header(header: &str) -> Vec<String> {
    let mut words = folded_words(header);
    words.retain(|w| !w.chars().all(|c| c.is_ascii_digit()));
    words
}

/// How well a header matches one spelling: an exact match (ignoring spaces, so "E-mail" is
/// "email") beats the spelling appearing as whole words inside a longer header ("ИИН
/// получателя"); among those, longer spellings win ("Әкесінің аты" over "аты").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct MatchScore {
    exact: bool,
    words: usize,
}

fn match_score(header: &[String], spelling: &[String]) -> Option<MatchScore> {
    if spelling.is_empty() || header.is_empty() {
        return None;
    }
    let exact = header.concat() == spelling.concat();
    let inside = header.windows(spelling.len()).any(|w| w == spelling);
    (exact || inside).then_some(MatchScore {
        exact,
        words: spelling.len(),
    })
}

fn best_score<'a>(
    header: &[String],
    spellings: impl IntoIterator<Item = &'a str>,
) -> Option<MatchScore> {
    spellings
        .into_iter()
        .filter_map(|s| match_score(header, &normalise_header(s)))
        .max()
}

/// Whether a header names a column holding the whole name: "ФИО", "Ф.И.О.", "Аты-жөні",
/// "Фамилия, имя, отчество", "Full name" and the like.
pub fn is_full_name_header(header: &str) -> bool {
    best_score(&normalise_header(header), FULL_NAME_HEADERS.iter().copied()).is_some()
}

/// The first column whose header [`is_full_name_header`], to pass to [`drafts`].
pub fn full_name_column(headers: &[String]) -> Option<usize> {
    headers.iter().position(|h| is_full_name_header(h))
}

/// Guess which standard field each column holds, from headers in Kazakh, Russian or English
/// ("Тегі"/"Фамилия"/"Surname", "ЖСН"/"ИИН"/"IIN", "Туған күні"/"Дата рождения"/"DOB", …) or
/// the stable keys (`birth_date`), ignoring case and punctuation.
///
/// Each field goes to at most one column: the best-matching one, the leftmost on a tie; a
/// column that loses its best field may take its next best. Full-name columns ("ФИО") get
/// `None` (see [`full_name_column`]); so do services, which are not imported from a table.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    let mut candidates: Vec<(MatchScore, usize, Field)> = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        if is_full_name_header(header) {
            continue;
        }
        let words = normalise_header(header);
        for &(field, spellings) in FIELD_HEADERS {
            let spellings = spellings.iter().copied().chain([field.key()]);
            if let Some(score) = best_score(&words, spellings) {
                candidates.push((score, column, field));
            }
        }
    }
    // Best score first; on a tie the leftmost column.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut mapping = vec![None; headers.len()];
    let mut taken = Vec::new();
    for (_, column, field) in candidates {
        if taken.contains(&field) {
            continue;
        }
        if let Some(slot @ None) = mapping.get_mut(column) {
            *slot = Some(field);
            taken.push(field);
        }
    }
    mapping
}

// ---------------------------------------------------------------------------------------------
// Value normalisers
// ---------------------------------------------------------------------------------------------

/// Why a value could not be read. [`ValueProblem::sentence`] never repeats the value: it is
/// personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueProblem {
    /// Nothing was written.
    Empty,
    /// Not shaped like any accepted date form.
    DateFormat,
    /// Shaped like a date, but no such day (31.02.1990, month 13).
    DateInvalid,
    /// Not a word for male or female in Kazakh, Russian or English.
    SexUnknown,
    /// Letters or other characters that are not part of a phone number.
    PhoneCharacters,
    /// Too few or too many digits.
    PhoneLength,
    /// A number outside Kazakhstan's +7 6xx / +7 7xx ranges (e.g. a Russian +7 9xx).
    PhoneNotKazakhstan,
}

impl ValueProblem {
    /// A stable machine code, for front ends to translate.
    pub fn code(self) -> &'static str {
        match self {
            ValueProblem::Empty => "empty",
            ValueProblem::DateFormat => "date_format",
            ValueProblem::DateInvalid => "date_invalid",
            ValueProblem::SexUnknown => "sex_unknown",
            ValueProblem::PhoneCharacters => "phone_characters",
            ValueProblem::PhoneLength => "phone_length",
            ValueProblem::PhoneNotKazakhstan => "phone_not_kazakhstan",
        }
    }

    /// One English sentence saying what is wrong, without the value itself.
    pub fn sentence(self) -> String {
        self.sentence_text().to_owned()
    }

    fn sentence_text(self) -> &'static str {
        match self {
            ValueProblem::Empty => "The value is empty.",
            ValueProblem::DateFormat => {
                "The date is not written in a recognised form; write it as DD.MM.YYYY."
            }
            ValueProblem::DateInvalid => {
                "The date does not exist in the calendar; check the day and the month."
            }
            ValueProblem::SexUnknown => {
                "The sex is not recognised; write male or female (ер or әйел, м or ж)."
            }
            ValueProblem::PhoneCharacters => {
                "The phone number contains letters or other characters that are not part of a number."
            }
            ValueProblem::PhoneLength => {
                "The phone number should have 10 digits after +7 or 8, like +7 701 234 56 78."
            }
            ValueProblem::PhoneNotKazakhstan => {
                "The phone number is not a Kazakhstan number; they start with +7 6 or +7 7."
            }
        }
    }
}

impl std::fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.sentence_text())
    }
}

impl std::error::Error for ValueProblem {}

/// Read a date written as text: `DD.MM.YYYY`, `D.M.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`,
/// `YYYY-MM-DD` (any of `.`, `/`, `-`), or `DD.MM.YY`.
///
/// A two-digit year up to the current year's last two digits is in this century, a larger one
/// in the last: in 2025, `25` is 2025 and `26` is 1926 — right for birth dates. Days come
/// before months (the Kazakh and Russian order); `MM/DD/YYYY` is not guessed. A trailing time
/// (`01.01.1990 0:00:00`) and a trailing year word (`1990 г.`, `1990 ж.`) are ignored. Excel
/// serial numbers are not dates here: see [`parse_excel_serial`].
pub fn parse_date(s: &str) -> Result<Date, ValueProblem> {
    parse_date_in_year(s, time::OffsetDateTime::now_utc().year())
}

fn parse_date_in_year(s: &str, current_year: i32) -> Result<Date, ValueProblem> {
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueProblem::Empty);
    }
    let date = without_time(without_year_word(text))?;
    let separator = date
        .chars()
        .find(|c| matches!(c, '.' | '/' | '-'))
        .ok_or(ValueProblem::DateFormat)?;
    let parts: Vec<&str> = date.split(separator).collect();
    let &[first, second, third] = parts.as_slice() else {
        return Err(ValueProblem::DateFormat);
    };
    let number = |part: &str| -> Result<i32, ValueProblem> {
        if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValueProblem::DateFormat);
        }
        part.parse().map_err(|_| ValueProblem::DateFormat)
    };
    let (year, month, day) = match (first.len(), second.len(), third.len()) {
        (4, 1..=2, 1..=2) => (number(first)?, number(second)?, number(third)?),
        (1..=2, 1..=2, 4) => (number(third)?, number(second)?, number(first)?),
        (1..=2, 1..=2, 2) => (
            expand_two_digit_year(number(third)?, current_year),
            number(second)?,
            number(first)?,
        ),
        _ => return Err(ValueProblem::DateFormat),
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(ValueProblem::DateInvalid)?;
    let day = u8::try_from(day).map_err(|_| ValueProblem::DateInvalid)?;
    Date::from_calendar_date(year, month, day).map_err(|_| ValueProblem::DateInvalid)
}

fn without_year_word(text: &str) -> &str {
    ["г.", "ж.", "г", "ж"]
        .iter()
        .find_map(|word| text.strip_suffix(word))
        .unwrap_or(text)
        .trim_end()
}

/// `1990-01-15T00:00:00` or `15.01.1990 0:00:00` → the date part; a tail that is not a time is
/// an error.
fn without_time(text: &str) -> Result<&str, ValueProblem> {
    match text.split_once([' ', 'T']) {
        None => Ok(text),
        Some((date, time)) => {
            let time = time.trim();
            let is_time = time.contains(':')
                && time
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'));
            if is_time {
                Ok(date)
            } else {
                Err(ValueProblem::DateFormat)
            }
        }
    }
}

fn expand_two_digit_year(year: i32, current_year: i32) -> i32 {
    let century = current_year - current_year.rem_euclid(100);
    if year <= current_year.rem_euclid(100) {
        century + year
    } else {
        century - 100 + year
    }
}

/// Read an Excel serial date number written as text (`"33239"` → 1991-01-01), as it appears
/// when a date column was exported as plain numbers. Only 4 or 5 digits are accepted (years
/// 1902–2173), so call it only for a column known to hold dates. The 1900 date system is
/// assumed, including its phantom 29 February 1900.
pub fn parse_excel_serial(s: &str) -> Result<Date, ValueProblem> {
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueProblem::Empty);
    }
    if !(4..=5).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueProblem::DateFormat);
    }
    let days: i64 = text.parse().map_err(|_| ValueProblem::DateFormat)?;
    // Serial 1 is 1900-01-01, but Excel counts a 29 February 1900 that never was, so for every
    // serial past 60 day zero falls on 1899-12-30.
    time::macros::date!(1899 - 12 - 30)
        .checked_add(time::Duration::days(days))
        .ok_or(ValueProblem::DateInvalid)
}

/// Read sex written in Kazakh, Russian or English, in full or abbreviated: `ер`, `ер адам`,
/// `еркек`, `м`, `муж`, `мужской`, `male`, `m` are male; `әйел`, `әйел адам`, `ж`, `жен`,
/// `женский`, `female`, `f` are female. Case, dots and extra spaces do not matter.
pub fn parse_sex(s: &str) -> Result<Sex, ValueProblem> {
    const MALE: &[&str] = &[
        "ер",
        "ер адам",
        "еркек",
        "м",
        "муж",
        "мужской",
        "мужчина",
        "male",
        "m",
        "man",
    ];
    const FEMALE: &[&str] = &[
        "әйел",
        "әйел адам",
        "ж",
        "жен",
        "женский",
        "женщина",
        "female",
        "f",
        "woman",
    ];
    let words = folded_words(s).join(" ");
    if words.is_empty() {
        return Err(ValueProblem::Empty);
    }
    let is_one_of = |list: &[&str]| list.iter().any(|w| crate::text::fold(w) == words);
    if is_one_of(MALE) {
        Ok(Sex::Male)
    } else if is_one_of(FEMALE) {
        Ok(Sex::Female)
    } else {
        Err(ValueProblem::SexUnknown)
    }
}

/// Normalise a Kazakhstan phone number to `+7XXXXXXXXXX`.
///
/// Accepts `8 (701) 234-56-78`, `+7 701 234 5678`, `87012345678`, `77012345678` and the bare
/// ten digits `7012345678`; spaces, brackets, dashes and dots are ignored. Kazakhstan's numbers
/// are `+7 6xx` and `+7 7xx`; other `+7` numbers are Russian and refused.
pub fn normalise_phone(s: &str) -> Result<String, ValueProblem> {
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueProblem::Empty);
    }
    let international = text.starts_with('+');
    let body = text.strip_prefix('+').unwrap_or(text);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '(' | ')' | '-' | '.'))
    {
        return Err(ValueProblem::PhoneCharacters);
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let national = if international {
        match digits.strip_prefix('7') {
            Some(rest) if rest.len() == 10 => rest,
            Some(_) => return Err(ValueProblem::PhoneLength),
            None => return Err(ValueProblem::PhoneNotKazakhstan),
        }
    } else {
        match digits.len() {
            10 => digits.as_str(),
            11 if digits.starts_with(['7', '8']) => digits.get(1..).unwrap_or_default(),
            _ => return Err(ValueProblem::PhoneLength),
        }
    };
    if !national.starts_with(['6', '7']) {
        return Err(ValueProblem::PhoneNotKazakhstan);
    }
    Ok(format!("+7{national}"))
}

/// Split a whole name written surname first, as Kazakh and Russian lists do: "Серікова Айгүл
/// Болатқызы" → (`Серікова`, `Айгүл`, `Some("Болатқызы")`). Two words give no patronymic; words
/// after the third stay with the patronymic ("Болат қызы", "Ахмед оглы"); one word is a surname
/// with an empty name, for the validator to report. Extra spaces are ignored.
pub fn split_full_name(s: &str) -> (String, String, Option<String>) {
    let mut words = s.split_whitespace();
    let surname = words.next().unwrap_or_default().to_owned();
    let name = words.next().unwrap_or_default().to_owned();
    let patronymic = words.collect::<Vec<_>>().join(" ");
    (
        surname,
        name,
        (!patronymic.is_empty()).then_some(patronymic),
    )
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

/// One [`PersonDraft`] per data row, paired with the row number the user sees
/// ([`Table::row_number`]).
///
/// `mapping[i]` says which field column `i` holds (as from [`guess_mapping`], corrected by the
/// user). Cells are copied as they are — trimmed text, not validated or normalised; empty cells
/// are left out. When two columns map to one field, the leftmost filled one wins.
/// `full_name_column`, if given, is split with [`split_full_name`] and fills surname, name and
/// patronymic where no mapped column already did. [`Field::Services`] columns are ignored:
/// services are not imported from a table.
pub fn drafts(
    table: &Table,
    mapping: &[Option<Field>],
    full_name_column: Option<usize>,
    kind: Kind,
) -> Vec<(usize, PersonDraft)> {
    (0..table.rows.len())
        .map(|row| {
            let mut draft = PersonDraft {
                kind: Some(kind),
                ..PersonDraft::default()
            };
            for (column, field) in mapping.iter().enumerate() {
                let Some(field) = *field else { continue };
                let cell = table.cell(row, column);
                if field == Field::Services || cell.is_empty() {
                    continue;
                }
                // A CSV saved from Excel may carry a date column as serial day numbers.
                let value = match (field, parse_excel_serial(cell)) {
                    (Field::BirthDate, Ok(date)) if cell.bytes().all(|b| b.is_ascii_digit()) => {
                        date.to_string()
                    }
                    _ => cell.to_owned(),
                };
                draft.values.entry(field).or_insert(value);
            }
            if let Some(column) = full_name_column {
                let (surname, name, patronymic) = split_full_name(table.cell(row, column));
                for (field, value) in [
                    (Field::Surname, surname),
                    (Field::Name, name),
                    (Field::Patronymic, patronymic.unwrap_or_default()),
                ] {
                    if !value.is_empty() {
                        draft.values.entry(field).or_insert(value);
                    }
                }
            }
            (table.row_number(row), draft)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn drafts_turn_excel_serial_birth_dates_into_dates() {
        let t =
            super::read_csv_bytes("Фамилия;Имя;Дата рождения\nИванова;Елена;33239\n".as_bytes())
                .unwrap();
        let mapping = super::guess_mapping(&t.headers);
        let rows = super::drafts(
            &t,
            &mapping,
            None,
            crate::register::fields::Kind::Beneficiary,
        );
        assert_eq!(
            rows[0].1.values[&crate::register::fields::Field::BirthDate],
            "1991-01-01"
        );
    }

    use super::*;
    use time::macros::date;

    fn invalid_input_reason(result: Result<Table>) -> String {
        match result {
            Err(Error::InvalidInput { field, reason }) => {
                assert_eq!(field, "file");
                reason
            }
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    // ---- CSV: encodings ----------------------------------------------------------------------

    const KAZAKH_CSV: &str =
        "Тегі;Аты;ЖСН\nСерікова;Айгүл;900101400012\nӨмірзақ;Ұлбосын;850315400023\n";

    #[test]
    fn utf8_without_bom() {
        let table = read_csv_bytes(KAZAKH_CSV.as_bytes()).unwrap();
        assert_eq!(table.headers, strings(&["Тегі", "Аты", "ЖСН"]));
        assert_eq!(
            table.rows[1],
            strings(&["Өмірзақ", "Ұлбосын", "850315400023"])
        );
        assert_eq!(table.source.format, Format::Csv);
        assert_eq!(table.source.encoding, Some("UTF-8"));
        assert_eq!(table.source.delimiter, Some(';'));
        assert_eq!(table.source.sheet, None);
    }

    #[test]
    fn utf8_with_bom_does_not_leak_into_the_first_header() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(KAZAKH_CSV.as_bytes());
        let table = read_csv_bytes(&bytes).unwrap();
        assert_eq!(table.headers[0], "Тегі");
        assert_eq!(table.source.encoding, Some("UTF-8 with BOM"));
        assert_eq!(table.rows[0][0], "Серікова");
    }

    #[test]
    fn windows_1251_when_not_utf8() {
        let text = "Фамилия;Имя;Отчество\r\nИванова;Мария;Петровна\r\nЁлкин;Семён;Ильич\r\n";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
        assert!(!unmappable);
        let table = read_csv_bytes(&bytes).unwrap();
        assert_eq!(table.source.encoding, Some("windows-1251"));
        assert_eq!(table.headers, strings(&["Фамилия", "Имя", "Отчество"]));
        assert_eq!(table.rows[1], strings(&["Ёлкин", "Семён", "Ильич"]));
    }

    #[test]
    fn utf16_from_excel_unicode_text() {
        let text = "Surname\tName\nSerikova\tAigul\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let table = read_csv_bytes(&bytes).unwrap();
        assert_eq!(table.source.encoding, Some("UTF-16LE"));
        assert_eq!(table.source.delimiter, Some('\t'));
        assert_eq!(table.rows[0], strings(&["Serikova", "Aigul"]));
    }

    // ---- CSV: delimiters, quotes, rows ------------------------------------------------------

    #[test]
    fn each_delimiter_is_sniffed() {
        for delimiter in [';', ',', '\t'] {
            let text = "Surname|Name|Phone\nAbai|Kunanbayev|87012345678\nA|B|\n"
                .replace('|', &delimiter.to_string());
            let table = read_csv_bytes(text.as_bytes()).unwrap();
            assert_eq!(table.source.delimiter, Some(delimiter), "{delimiter:?}");
            assert_eq!(table.headers.len(), 3);
            assert_eq!(table.rows[0][2], "87012345678");
            assert_eq!(table.cell(1, 2), "", "trailing empty cell reads as empty");
        }
    }

    #[test]
    fn commas_inside_cells_do_not_fool_the_semicolon_sniffer() {
        let text = "Фамилия;Адрес;Примечание\nИванова;ул. Абая, 10, кв. 5;нет\nПетров;мкр. 5, д. 1;да, срочно\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.source.delimiter, Some(';'));
        assert_eq!(table.rows[0][1], "ул. Абая, 10, кв. 5");
    }

    #[test]
    fn quoted_delimiters_and_newlines_stay_in_their_cell() {
        let text = "Surname,Address,Notes\r\n\"Serikova\",\"Abai st, 10\",\"line one\r\nline two\"\r\nOmirzak,\"Dostyk \"\"5\"\"\",\r\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.source.delimiter, Some(','));
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0][1], "Abai st, 10");
        assert_eq!(table.rows[0][2], "line one\r\nline two");
        assert_eq!(table.rows[1][1], "Dostyk \"5\"");
        // The embedded newline is inside row 2, as Excel shows it; the next record is row 3.
        assert_eq!(table.row_numbers, vec![2, 3]);
    }

    #[test]
    fn cells_are_trimmed_and_empty_rows_skipped_but_counted() {
        let text = "  Тегі ; Аты \n\n ;  \nСерікова ;  Айгүл\n\n\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.headers, strings(&["Тегі", "Аты"]));
        assert_eq!(table.rows, vec![strings(&["Серікова", "Айгүл"])]);
        // Row 2 is blank and row 3 holds only spaces; the person is on row 4.
        assert_eq!(table.header_row, 1);
        assert_eq!(table.row_numbers, vec![4]);
        assert_eq!(table.row_number(0), 4);
    }

    #[test]
    fn row_numbers_with_crlf_and_lone_cr() {
        let crlf = "a;b\r\n1;2\r\n\r\n3;4\r\n";
        assert_eq!(
            read_csv_bytes(crlf.as_bytes()).unwrap().row_numbers,
            vec![2, 4]
        );
        let cr = "a;b\r1;2\r\r3;4\r";
        assert_eq!(
            read_csv_bytes(cr.as_bytes()).unwrap().row_numbers,
            vec![2, 4]
        );
    }

    #[test]
    fn title_line_above_the_header_is_skipped() {
        let text = "Список получателей помощи, 2024;;;\n;;;\nФамилия;Имя;ИИН;Телефон\nИванова;Мария;900101400012;87012345678\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.header_row, 3);
        assert_eq!(table.headers[0], "Фамилия");
        assert_eq!(table.row_numbers, vec![4]);
    }

    #[test]
    fn title_line_without_delimiters_does_not_hide_the_delimiter() {
        let text = "Список получателей\nФамилия;Имя;ИИН\nИванова;Мария;900101400012\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.source.delimiter, Some(';'));
        assert_eq!(table.header_row, 2);
        assert_eq!(table.headers, strings(&["Фамилия", "Имя", "ИИН"]));
    }

    #[test]
    fn excel_sep_line_names_the_delimiter_and_is_not_a_row() {
        let text = "sep=,\nSurname;x,Name\nA;b,C\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.source.delimiter, Some(','));
        assert_eq!(table.headers, strings(&["Surname;x", "Name"]));
        assert_eq!(table.row_numbers, vec![2]);
    }

    #[test]
    fn data_wider_than_the_header_gets_untitled_columns() {
        let table = read_csv_bytes("a;b\n1;2;3\n".as_bytes()).unwrap();
        assert_eq!(table.headers, strings(&["a", "b", ""]));
        assert_eq!(table.cell(0, 2), "3");
    }

    #[test]
    fn header_only_file_has_no_rows_and_empty_file_is_refused() {
        let table = read_csv_bytes(b"Surname;Name\n").unwrap();
        assert!(table.rows.is_empty());
        for empty in [&b""[..], b"\n\n", b" ; \r\n"] {
            assert_eq!(invalid_input_reason(read_csv_bytes(empty)), NO_ROWS);
        }
    }

    #[test]
    fn binary_files_are_not_tables() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0";
        assert_eq!(invalid_input_reason(read_bytes(png)), NOT_A_TABLE);
        let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
        assert_eq!(invalid_input_reason(read_bytes(xls)), OLD_OR_LOCKED_EXCEL);
        assert_eq!(
            invalid_input_reason(read_bytes(b"PK\x03\x04 not really a zip")),
            DAMAGED_XLSX
        );
        let mut ods = b"PK\x03\x04".to_vec();
        ods.extend_from_slice(&[0; 26]);
        ods.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
        assert_eq!(invalid_input_reason(read_bytes(&ods)), OPEN_DOCUMENT);
    }

    // ---- Limits --------------------------------------------------------------------------

    const SMALL: Limits = Limits {
        file_bytes: 1000,
        rows: 3,
        columns: 4,
        unpacked_bytes: 4096,
    };
    /// Workbooks are zip archives of several kilobytes even when nearly empty.
    const SMALL_XLSX: Limits = Limits {
        file_bytes: 1 << 20,
        unpacked_bytes: 1 << 20,
        ..SMALL
    };

    #[test]
    fn limits_are_refused_with_a_sentence() {
        let big = "a;b\n".repeat(300);
        let reason = invalid_input_reason(read_bytes_within(big.as_bytes(), SMALL));
        assert!(reason.starts_with("The file is larger than"), "{reason}");

        let ok = "h\n1\n2\n3\n";
        assert_eq!(
            read_bytes_within(ok.as_bytes(), SMALL).unwrap().rows.len(),
            3
        );
        let reason = invalid_input_reason(read_bytes_within(b"h\n1\n2\n3\n4\n", SMALL));
        assert_eq!(
            reason,
            "The table has more than 3 rows; split it into smaller files and import them one by one."
        );

        let reason = invalid_input_reason(read_bytes_within(b"a;b\n1;2;3;4;5\n", SMALL));
        assert!(
            reason.starts_with("Row 2 has more than 4 columns"),
            "{reason}"
        );
        // Trailing empty cells do not count as columns.
        assert!(read_bytes_within(b"a;b\n1;2;;;;;;\n", SMALL).is_ok());

        let xlsx = workbook_bytes(|sheet| {
            sheet.write_string(0, 0, "a").unwrap();
            sheet.write_string(1, 5, "wide").unwrap();
        });
        let reason = invalid_input_reason(read_xlsx_within(&xlsx, SMALL_XLSX));
        assert!(
            reason.starts_with("Row 2 has more than 4 columns"),
            "{reason}"
        );

        let xlsx = workbook_bytes(|sheet| {
            for row in 0..5 {
                sheet.write_string(row, 0, "x").unwrap();
            }
        });
        let reason = invalid_input_reason(read_xlsx_within(&xlsx, SMALL_XLSX));
        assert!(
            reason.starts_with("The table has more than 3 rows"),
            "{reason}"
        );

        let tiny_unpacked = Limits {
            unpacked_bytes: 100,
            ..SMALL_XLSX
        };
        let reason = invalid_input_reason(read_xlsx_within(&xlsx, tiny_unpacked));
        assert!(
            reason.starts_with("This Excel file unpacks to more than"),
            "{reason}"
        );
    }

    #[test]
    fn thousands_are_grouped_in_sentences() {
        assert_eq!(group_thousands(1_000_000), "1,000,000");
        assert_eq!(group_thousands(200), "200");
        assert_eq!(group_thousands(1000), "1,000");
    }

    #[test]
    fn read_file_picks_the_format_by_content() {
        let dir = tempfile::tempdir().unwrap();
        // Named .csv but is an XLSX, and the other way round.
        let xlsx_path = dir.path().join("list.csv");
        std::fs::write(
            &xlsx_path,
            workbook_bytes(|s| {
                s.write_string(0, 0, "Surname").unwrap();
                s.write_string(1, 0, "Abai").unwrap();
            }),
        )
        .unwrap();
        assert_eq!(read_file(&xlsx_path).unwrap().source.format, Format::Xlsx);
        let csv_path = dir.path().join("list.xlsx");
        std::fs::write(&csv_path, "Surname;Name\nAbai;K\n").unwrap();
        assert_eq!(read_file(&csv_path).unwrap().source.format, Format::Csv);
        assert!(read_file(&dir.path().join("missing.csv")).is_err());
    }

    // ---- XLSX --------------------------------------------------------------------------------

    fn workbook_bytes(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        fill(workbook.add_worksheet());
        workbook.save_to_buffer().unwrap()
    }

    fn register_xlsx() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
        let mut workbook = Workbook::new();
        // An empty first sheet: the reader must move on to the next one.
        workbook.add_worksheet().set_name("Мазмұны").unwrap();
        let sheet = workbook.add_worksheet().set_name("Тізім").unwrap();
        let date_format = CellFormat::new().set_num_format("dd.mm.yyyy");
        for (column, header) in ["Тегі", "Аты", "ЖСН", "Туған күні", "Телефон", "Отбасы саны"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, column as u16, *header).unwrap();
        }
        sheet.write_string(1, 0, "  Серікова ").unwrap();
        sheet.write_string(1, 1, "Айгүл").unwrap();
        sheet.write_number(1, 2, 900101300012.0).unwrap();
        let birth = ExcelDateTime::from_ymd(1991, 1, 1).unwrap();
        sheet
            .write_datetime_with_format(1, 3, &birth, &date_format)
            .unwrap();
        sheet.write_number(1, 4, 87012345678.0).unwrap();
        sheet.write_number(1, 5, 4.0).unwrap();
        // Row 3 left empty; row 4 has an IIN whose leading zero Excel dropped, and a fraction.
        sheet.write_string(3, 0, "Өмірзақ").unwrap();
        sheet.write_number(3, 2, 10203400123.0).unwrap();
        sheet.write_number(3, 5, 2.5).unwrap();
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn xlsx_with_dates_numbers_and_kazakh_text() {
        let table = read_xlsx_bytes(&register_xlsx()).unwrap();
        assert_eq!(table.source.format, Format::Xlsx);
        assert_eq!(table.source.sheet.as_deref(), Some("Тізім"));
        assert_eq!(table.source.encoding, None);
        assert_eq!(table.source.delimiter, None);
        assert_eq!(
            table.headers,
            strings(&["Тегі", "Аты", "ЖСН", "Туған күні", "Телефон", "Отбасы саны"])
        );
        assert_eq!(
            table.rows[0],
            strings(&[
                "Серікова",
                "Айгүл",
                "900101300012",
                "1991-01-01",
                "87012345678",
                "4"
            ])
        );
        assert_eq!(table.cell(1, 0), "Өмірзақ");
        assert_eq!(table.cell(1, 2), "10203400123");
        assert_eq!(table.cell(1, 5), "2.5");
        assert_eq!(table.row_numbers, vec![2, 4]);
        // The same bytes through the content sniffer.
        assert_eq!(read_bytes(&register_xlsx()).unwrap(), table);
    }

    #[test]
    fn xlsx_without_data_is_refused() {
        let empty = workbook_bytes(|_| {});
        assert_eq!(invalid_input_reason(read_xlsx_bytes(&empty)), NO_ROWS);
    }

    #[test]
    fn numbers_print_like_excel_shows_them() {
        assert_eq!(number_text(900101300012.0), "900101300012");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(f64::NAN), "NaN");
    }

    // ---- Mapping ------------------------------------------------------------------------------

    fn guessed(headers: &[&str]) -> Vec<Option<Field>> {
        guess_mapping(&strings(headers))
    }

    #[test]
    fn kazakh_headers() {
        use Field::*;
        let headers = [
            "Тегі",
            "Аты",
            "Әкесінің аты",
            "ЖСН",
            "Туған күні",
            "Жынысы",
            "Телефон",
            "Электрондық пошта",
            "Облыс",
            "Аудан",
            "Елді мекен",
            "Мекенжай",
            "Жеке куәлік нөмірі",
            "Бағдарлама",
            "Мүгедектік",
            "Отбасы мүшелерінің саны",
            "Денсаулық",
            "Ескертпе",
        ];
        let expected = [
            Surname,
            Name,
            Patronymic,
            Iin,
            BirthDate,
            Sex,
            Phone,
            Email,
            Region,
            District,
            Settlement,
            Address,
            IdDocument,
            Programme,
            Disability,
            HouseholdSize,
            HealthNotes,
            Notes,
        ];
        assert_eq!(guessed(&headers), expected.map(Some).to_vec());
    }

    #[test]
    fn russian_headers() {
        use Field::*;
        let headers = [
            "Фамилия",
            "Имя",
            "Отчество",
            "ИИН",
            "Дата рождения",
            "Пол",
            "Тел.",
            "Эл. почта",
            "Область",
            "Район",
            "Населённый пункт",
            "Адрес",
            "№ удостоверения",
            "Программа",
            "Инвалидность",
            "Кол-во членов семьи",
            "Здоровье",
            "Примечание",
        ];
        let expected = [
            Surname,
            Name,
            Patronymic,
            Iin,
            BirthDate,
            Sex,
            Phone,
            Email,
            Region,
            District,
            Settlement,
            Address,
            IdDocument,
            Programme,
            Disability,
            HouseholdSize,
            HealthNotes,
            Notes,
        ];
        assert_eq!(guessed(&headers), expected.map(Some).to_vec());
        assert_eq!(
            guessed(&[
                "Регион",
                "Город/село",
                "Номер документа",
                "Проект",
                "Состав семьи",
                "Комментарий"
            ]),
            [
                Region,
                Settlement,
                IdDocument,
                Programme,
                HouseholdSize,
                Notes
            ]
            .map(Some)
            .to_vec()
        );
    }

    #[test]
    fn english_headers_and_stable_keys() {
        use Field::*;
        let headers = [
            "Last name",
            "First name",
            "Middle name",
            "IIN",
            "Date of birth",
            "Gender",
            "Mobile",
            "E-mail",
            "Region",
            "District",
            "Settlement",
            "Address",
            "ID document",
            "Project",
            "Disability",
            "Household size",
            "Health notes",
            "Notes",
        ];
        let expected = [
            Surname,
            Name,
            Patronymic,
            Iin,
            BirthDate,
            Sex,
            Phone,
            Email,
            Region,
            District,
            Settlement,
            Address,
            IdDocument,
            Programme,
            Disability,
            HouseholdSize,
            HealthNotes,
            Notes,
        ];
        assert_eq!(guessed(&headers), expected.map(Some).to_vec());
        assert_eq!(
            guessed(&[
                "Surname",
                "Name",
                "Patronymic",
                "DOB",
                "Sex",
                "Phone",
                "Programme"
            ]),
            [Surname, Name, Patronymic, BirthDate, Sex, Phone, Programme]
                .map(Some)
                .to_vec()
        );
        let keys: Vec<String> = Field::ALL
            .iter()
            .filter(|f| **f != Services)
            .map(|f| f.key().to_owned())
            .collect();
        let mapping = guess_mapping(&keys);
        for (key, field) in keys.iter().zip(mapping) {
            assert_eq!(field.map(Field::key), Some(key.as_str()));
        }
    }

    #[test]
    fn case_punctuation_and_letter_variants_do_not_matter() {
        use Field::*;
        assert_eq!(
            guessed(&[
                "ФАМИЛИЯ:",
                "имя*",
                "ИИН получателя",
                "1. Дата рождения (ДД.ММ.ГГГГ)",
                "EMAIL",
                "Телефон 2"
            ]),
            [Surname, Name, Iin, BirthDate, Email, Phone]
                .map(Some)
                .to_vec()
        );
        // Kazakh letters typed as their Russian look-alikes.
        assert_eq!(
            guessed(&["Теги", "Акесинин аты", "Туган куни"]),
            [Surname, Patronymic, BirthDate].map(Some).to_vec()
        );
    }

    #[test]
    fn each_field_goes_to_one_column_and_unknown_headers_to_none() {
        use Field::*;
        assert_eq!(
            guessed(&["Телефон", "Телефон", "Дата", "", "Сумма"]),
            vec![Some(Phone), None, None, None, None]
        );
        // The longer, exact "Әкесінің аты" wins over the "аты" inside it even when it comes later.
        assert_eq!(
            guessed(&["Әкесінің аты (толық)", "Аты"]),
            vec![Some(Patronymic), Some(Name)]
        );
        assert_eq!(
            guessed(&["Аты", "Әкесінің аты"]),
            vec![Some(Name), Some(Patronymic)]
        );
        assert_eq!(guessed(&[]), Vec::<Option<Field>>::new());
    }

    #[test]
    fn full_name_columns_are_recognised_and_left_unmapped() {
        for header in [
            "ФИО",
            "Ф.И.О.",
            "Аты-жөні",
            "Full name",
            "Фамилия, имя, отчество",
            "ФИО получателя",
            "Тегі, аты",
            "Фамилия и имя",
            "Полное имя",
        ] {
            assert!(is_full_name_header(header), "{header}");
        }
        for header in ["Фамилия", "Name", "Аты", "Отчество"] {
            assert!(!is_full_name_header(header), "{header}");
        }
        let headers = strings(&["№", "ФИО", "ИИН"]);
        assert_eq!(guess_mapping(&headers), vec![None, None, Some(Field::Iin)]);
        assert_eq!(full_name_column(&headers), Some(1));
        assert_eq!(full_name_column(&strings(&["Фамилия", "Имя"])), None);
    }

    // ---- Normalisers ------------------------------------------------------------------------

    #[test]
    fn dates_in_the_forms_people_write() {
        let good = [
            ("15.01.1990", date!(1990 - 01 - 15)),
            ("5.1.1990", date!(1990 - 01 - 05)),
            ("15/01/1990", date!(1990 - 01 - 15)),
            ("1990-01-15", date!(1990 - 01 - 15)),
            ("15-01-1990", date!(1990 - 01 - 15)),
            (" 15.01.1990 ", date!(1990 - 01 - 15)),
            ("15.01.1990 0:00:00", date!(1990 - 01 - 15)),
            ("1990-01-15T00:00:00", date!(1990 - 01 - 15)),
            ("15.01.1990 г.", date!(1990 - 01 - 15)),
            ("15.01.1990ж.", date!(1990 - 01 - 15)),
            ("29.02.2024", date!(2024 - 02 - 29)),
        ];
        for (text, expected) in good {
            assert_eq!(parse_date_in_year(text, 2025), Ok(expected), "{text}");
        }
        assert_eq!(parse_date("15.01.1990"), Ok(date!(1990 - 01 - 15)));
    }

    #[test]
    fn two_digit_years_pivot_on_the_current_year() {
        assert_eq!(
            parse_date_in_year("15.01.25", 2025),
            Ok(date!(2025 - 01 - 15))
        );
        assert_eq!(
            parse_date_in_year("15.01.26", 2025),
            Ok(date!(1926 - 01 - 15))
        );
        assert_eq!(
            parse_date_in_year("01.02.90", 2025),
            Ok(date!(1990 - 02 - 01))
        );
        assert_eq!(
            parse_date_in_year("01.02.00", 2025),
            Ok(date!(2000 - 02 - 01))
        );
    }

    #[test]
    fn bad_dates_say_why() {
        use ValueProblem::*;
        let bad = [
            ("", Empty),
            ("   ", Empty),
            ("завтра", DateFormat),
            ("15.01", DateFormat),
            ("15.01.1990.1", DateFormat),
            ("15.01-1990", DateFormat),
            ("1990", DateFormat),
            ("33239", DateFormat),
            ("15.01.1990 утром", DateFormat),
            ("123.01.1990", DateFormat),
            ("+1.01.1990", DateFormat),
            ("31.02.1990", DateInvalid),
            ("15.13.1990", DateInvalid),
            ("00.01.1990", DateInvalid),
            ("01/15/1990", DateInvalid),
        ];
        for (text, problem) in bad {
            assert_eq!(parse_date_in_year(text, 2025), Err(problem), "{text:?}");
        }
    }

    #[test]
    fn excel_serial_dates() {
        assert_eq!(parse_excel_serial("33239"), Ok(date!(1991 - 01 - 01)));
        assert_eq!(parse_excel_serial(" 45658 "), Ok(date!(2025 - 01 - 01)));
        assert_eq!(parse_excel_serial("1000"), Ok(date!(1902 - 09 - 26)));
        assert_eq!(parse_excel_serial(""), Err(ValueProblem::Empty));
        for bad in ["999", "123456", "33239.5", "-3323", "01.01.1991", "3323a"] {
            assert_eq!(
                parse_excel_serial(bad),
                Err(ValueProblem::DateFormat),
                "{bad}"
            );
        }
    }

    #[test]
    fn sex_in_three_languages() {
        for male in [
            "м",
            "М.",
            "муж",
            "Мужской",
            "male",
            "M",
            "ер",
            "Ер адам",
            "ЕРКЕК",
            " ер ",
        ] {
            assert_eq!(parse_sex(male), Ok(Sex::Male), "{male}");
        }
        for female in [
            "ж",
            "Ж.",
            "жен",
            "женский",
            "Female",
            "f",
            "әйел",
            "Әйел адам",
            "айел",
            "ЖЕН.",
        ] {
            assert_eq!(parse_sex(female), Ok(Sex::Female), "{female}");
        }
        assert_eq!(parse_sex(""), Err(ValueProblem::Empty));
        for unknown in ["x", "мж", "1", "unknown", "ер әйел"] {
            assert_eq!(
                parse_sex(unknown),
                Err(ValueProblem::SexUnknown),
                "{unknown}"
            );
        }
    }

    #[test]
    fn phones_normalise_to_plus_seven() {
        for text in [
            "8 (701) 234-56-78",
            "+7 701 234 5678",
            "87012345678",
            "7012345678",
            "77012345678",
            "+7(701)234-56-78",
            "8.701.234.56.78",
        ] {
            assert_eq!(
                normalise_phone(text).as_deref(),
                Ok("+77012345678"),
                "{text}"
            );
        }
        assert_eq!(
            normalise_phone("8 7172 55-66-77").as_deref(),
            Ok("+77172556677")
        );
        use ValueProblem::*;
        for (text, problem) in [
            ("", Empty),
            ("701 234 56", PhoneLength),
            ("870123456789", PhoneLength),
            ("+7 701 234 567", PhoneLength),
            ("8 701 234 56 78 (мама)", PhoneCharacters),
            ("87012345678, 87771234567", PhoneCharacters),
            ("+996 555 123 456", PhoneNotKazakhstan),
            ("+7 912 345 67 89", PhoneNotKazakhstan),
            ("8 912 345 67 89", PhoneNotKazakhstan),
            ("9123456789", PhoneNotKazakhstan),
        ] {
            assert_eq!(normalise_phone(text), Err(problem), "{text}");
        }
    }

    #[test]
    fn problems_have_codes_and_sentences_without_values() {
        for problem in [
            ValueProblem::Empty,
            ValueProblem::DateFormat,
            ValueProblem::DateInvalid,
            ValueProblem::SexUnknown,
            ValueProblem::PhoneCharacters,
            ValueProblem::PhoneLength,
            ValueProblem::PhoneNotKazakhstan,
        ] {
            assert!(problem.sentence().ends_with('.'));
            assert_eq!(problem.to_string(), problem.sentence());
            assert!(!problem.code().is_empty());
        }
    }

    #[test]
    fn full_names_split_surname_first() {
        assert_eq!(
            split_full_name("Серікова Айгүл Болатқызы"),
            ("Серікова".into(), "Айгүл".into(), Some("Болатқызы".into()))
        );
        assert_eq!(
            split_full_name("  Иванов   Иван "),
            ("Иванов".into(), "Иван".into(), None)
        );
        assert_eq!(
            split_full_name("Мамедов Рашид Ахмед оглы"),
            ("Мамедов".into(), "Рашид".into(), Some("Ахмед оглы".into()))
        );
        assert_eq!(
            split_full_name("Абай"),
            ("Абай".into(), String::new(), None)
        );
        assert_eq!(split_full_name(""), (String::new(), String::new(), None));
    }

    // ---- Drafts ------------------------------------------------------------------------------

    #[test]
    fn drafts_carry_row_numbers_and_mapped_cells() {
        let text = "ФИО;ИИН;Пол;Тегі;Услуги\nСерікова Айгүл Болатқызы;900101400012;ж;;консультация\n\n;;;;\nИванов Иван;;м;Петров;\n";
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        let mut mapping = guess_mapping(&table.headers);
        assert_eq!(
            mapping,
            vec![
                None,
                Some(Field::Iin),
                Some(Field::Sex),
                Some(Field::Surname),
                None
            ]
        );
        mapping[4] = Some(Field::Services);
        let full_name = full_name_column(&table.headers);
        let drafts = drafts(&table, &mapping, full_name, Kind::Beneficiary);
        assert_eq!(drafts.len(), 2);

        let (row, first) = &drafts[0];
        assert_eq!(*row, 2);
        assert_eq!(first.kind, Some(Kind::Beneficiary));
        assert_eq!(
            first.values.get(&Field::Surname).map(String::as_str),
            Some("Серікова")
        );
        assert_eq!(
            first.values.get(&Field::Name).map(String::as_str),
            Some("Айгүл")
        );
        assert_eq!(
            first.values.get(&Field::Patronymic).map(String::as_str),
            Some("Болатқызы")
        );
        assert_eq!(
            first.values.get(&Field::Iin).map(String::as_str),
            Some("900101400012")
        );
        assert_eq!(first.values.get(&Field::Sex).map(String::as_str), Some("ж"));
        assert!(first.services.is_empty());
        assert!(!first.values.contains_key(&Field::Services));

        let (row, second) = &drafts[1];
        assert_eq!(*row, 5);
        // The mapped surname column wins over the split full name; the empty IIN is left out.
        assert_eq!(
            second.values.get(&Field::Surname).map(String::as_str),
            Some("Петров")
        );
        assert_eq!(
            second.values.get(&Field::Name).map(String::as_str),
            Some("Иван")
        );
        assert!(!second.values.contains_key(&Field::Iin));
        assert!(!second.values.contains_key(&Field::Patronymic));
    }

    #[test]
    fn drafts_tolerate_short_or_long_mappings() {
        let table = read_csv_bytes(b"a;b;c\n1;2;3\n").unwrap();
        let drafts_short = drafts(&table, &[Some(Field::Notes)], Some(99), Kind::Volunteer);
        assert_eq!(drafts_short[0].1.values.len(), 1);
        let long = vec![Some(Field::Notes); 10];
        let drafts_long = drafts(&table, &long, None, Kind::Employee);
        assert_eq!(
            drafts_long[0]
                .1
                .values
                .get(&Field::Notes)
                .map(String::as_str),
            Some("1")
        );
    }

    // ---- Hostile input ------------------------------------------------------------------------

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            let _ = read_csv_bytes(&bytes);
            let _ = read_xlsx_bytes(&bytes);
            let _ = read_bytes(&bytes);
        }

        #[test]
        fn random_text_never_panics(text in "[;,\t\"\r\n a-zа-яәіңғүұқөһ0-9]{0,300}") {
            if let Ok(table) = read_csv_bytes(text.as_bytes()) {
                let mapping = guess_mapping(&table.headers);
                let _ = drafts(&table, &mapping, Some(0), Kind::Beneficiary);
            }
        }

        #[test]
        fn damaged_xlsx_never_panics(flips in proptest::collection::vec((proptest::prelude::any::<usize>(), proptest::prelude::any::<u8>()), 1..8)) {
            static REGISTER: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
            let mut bytes = REGISTER.get_or_init(register_xlsx).clone();
            let len = bytes.len();
            for (at, value) in flips {
                bytes[at % len] = value;
            }
            let _ = read_xlsx_bytes(&bytes);
        }

        #[test]
        fn normalisers_never_panic(text in "\\PC{0,40}") {
            let _ = parse_date(&text);
            let _ = parse_excel_serial(&text);
            let _ = parse_sex(&text);
            let _ = normalise_phone(&text);
            let _ = split_full_name(&text);
            let _ = guess_mapping(&[text]);
        }
    }
}
