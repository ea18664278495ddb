//! Reading XLSX workbooks: telling them from ODS and old or locked Excel files, the bound on
//! their unpacked size (a zip bomb), choosing the worksheet, and cells as the text Excel shows —
//! dates as `YYYY-MM-DD`, whole numbers without `.0`.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use super::{with_size, Format, Limits, SourceInfo, Table, TableBuilder, LIMITS};
use crate::{Error, Result};

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

pub(super) fn read_xlsx_within(bytes: &[u8], limits: Limits) -> Result<Table> {
    limits.check_file_size(bytes.len() as u64)?;
    if is_open_document(bytes) {
        return Err(Error::invalid("file", "import_open_document"));
    }
    check_unpacked_size(bytes, limits)?;
    // The workbook reader is a large third-party parser fed hostile input; should it ever
    // panic, the user gets a sentence instead of a crashed app.
    catch_unwind(AssertUnwindSafe(|| read_workbook(bytes, limits)))
        .unwrap_or_else(|_| Err(Error::invalid("file", "import_xlsx_damaged")))
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
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| Error::invalid("file", "import_xlsx_damaged"))?;
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_data(index)
            .map_err(|_| Error::invalid("file", "import_xlsx_damaged"))?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if unpacked > limits.unpacked_bytes {
        return Err(with_size(
            Error::invalid("file", "import_xlsx_unpacks_too_large"),
            limits.unpacked_bytes,
        ));
    }
    Ok(())
}

fn xlsx_problem(e: XlsxError) -> Error {
    match e {
        XlsxError::Password => Error::invalid("file", "import_old_or_locked_excel"),
        // A zip without a workbook inside: a Word document, an archive of photos.
        XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => {
            Error::invalid("file", "import_not_a_table")
        }
        _ => Error::invalid("file", "import_xlsx_damaged"),
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
    Err(Error::invalid("file", "import_no_rows"))
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
pub(super) fn number_text(f: f64) -> String {
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
