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
//!
//! The files under this one split the work by what they read: `csv` (the encoding, the
//! delimiter, row numbers as Excel shows them), `xlsx` (workbooks, the unpacked-size bound,
//! date cells), `headers` (guessing the mapping) and `values` (the value normalisers). This
//! file holds the [`Table`], the limits and the entry points: [`read_file`], [`read_bytes`]
//! and [`drafts`].

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::register::fields::{Field, Kind, PersonDraft};
use crate::{Error, Result};

mod csv;
mod headers;
mod services;
mod values;
mod xlsx;

pub use self::csv::read_csv_bytes;
pub use headers::{full_name_column, guess_mapping, is_full_name_header, registered_on_column};
pub use services::{guess_service_mapping, service_lines, ServiceColumn, ServiceLine};
pub use values::{
    normalise_phone, parse_date, parse_excel_serial, parse_sex, split_full_name, ValueProblem,
};
pub use xlsx::read_xlsx_bytes;

use self::csv::read_csv_within;
use xlsx::read_xlsx_within;

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
            return Err(with_size(
                Error::invalid("file", "import_file_too_large"),
                self.file_bytes,
            ));
        }
        Ok(())
    }

    fn too_many_rows(&self) -> Error {
        Error::invalid("file", "import_too_many_rows").with("rows", self.rows)
    }

    fn too_many_columns(&self, row_number: usize) -> Error {
        Error::invalid("file", "import_too_many_columns")
            .with("row", row_number)
            .with("columns", self.columns)
    }
}

/// A refusal with a byte limit as people read it: `size` and its `unit` (`gb`, `mb`, or `bytes`
/// for the small limits of tests), for the sentence to say `2 GB`, `250 MB`.
fn with_size(refusal: Error, bytes: u64) -> Error {
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    let (size, unit) = match bytes {
        GB.. => (bytes / GB, "gb"),
        MB.. => (bytes / MB, "mb"),
        _ => (bytes, "bytes"),
    };
    refusal.with("size", size).with("unit", unit)
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
        let no_rows = || Error::invalid("file", "import_no_rows");
        let header_index = header_index(&self.filled).ok_or_else(no_rows)?;
        let mut filled = self.filled.into_iter().skip(header_index);
        let (header_row, mut headers) = filled.next().ok_or_else(no_rows)?;
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
        Err(Error::invalid("file", "import_old_or_locked_excel"))
    } else {
        read_csv_within(bytes, limits)
    }
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
/// services come in as a log of their own ([`service_lines`]). A column headed as the day the
/// person first came ([`registered_on_column`]) fills [`PersonDraft::registered_on`] unless the
/// user mapped it to a field.
pub fn drafts(
    table: &Table,
    mapping: &[Option<Field>],
    full_name_column: Option<usize>,
    kind: Kind,
) -> Vec<(usize, PersonDraft)> {
    let registered = registered_on_column(&table.headers).filter(|&c| {
        Some(c) != full_name_column
            && matches!(
                mapping.get(c),
                None | Some(None) | Some(Some(Field::Services))
            )
    });
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
            if let Some(column) = registered {
                let cell = table.cell(row, column);
                draft.registered_on = match parse_excel_serial(cell) {
                    Ok(d) if cell.bytes().all(|b| b.is_ascii_digit()) => Some(d.to_string()),
                    _ => (!cell.is_empty()).then(|| cell.to_owned()),
                };
            }
            (table.row_number(row), draft)
        })
        .collect()
}

#[cfg(test)]
mod mapping_tests;
#[cfg(test)]
mod tests;
