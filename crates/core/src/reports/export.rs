//! Files for donors: an aggregate report or a release as CSV, XLSX (data sheet and method
//! sheet) or PDF (tables, charts, method, the organisation's letterhead). Only anonymised
//! content reaches this module — a [`Report`] or a [`Release`] — so no export here can carry
//! a name or an IIN.

use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};

use crate::documents::day;
use crate::error::{Error, Result};
use crate::register::organisation::Organisation;
use crate::reports::labels::{word, Lang};
use crate::reports::release::Release;
use crate::reports::table::Report;

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Comma-separated values, UTF-8 with a byte-order mark so Excel reads Kazakh letters.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// A PDF document.
    Pdf,
}

impl Format {
    /// The stable key, also the file extension.
    pub fn key(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
        }
    }

    /// Parse `csv`, `xlsx` or `pdf`, or say in a sentence what is accepted.
    pub fn parse(s: &str) -> Result<Format> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            "pdf" => Ok(Format::Pdf),
            _ => Err(Error::invalid("format", "export_format_unknown")),
        }
    }

    /// The format a file name's extension names.
    pub fn from_path(path: &std::path::Path) -> Result<Format> {
        Format::parse(
            path.extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default(),
        )
    }
}

/// Who the file is for, printed in it and kept in the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Letterhead {
    /// The organisation sending it.
    pub organisation: Organisation,
    /// The recipient.
    pub recipient: String,
    /// Why it is sent.
    pub purpose: String,
    /// The transfer's number in the ledger.
    pub number: i64,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
}

/// A word of the files (`export-…` in `reports.ftl`).
fn w(lang: Lang, id: &str) -> String {
    word(lang, id, &[])
}

/// The facts every file states about itself: (label, value).
fn facts(head: &Letterhead, lang: Lang) -> Vec<(String, String)> {
    vec![
        (w(lang, "export-recipient"), head.recipient.clone()),
        (w(lang, "export-purpose"), head.purpose.clone()),
        (w(lang, "export-ledger-number"), head.number.to_string()),
        (w(lang, "export-date"), day(&head.date)),
    ]
}

fn csv_bytes(rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for row in rows {
            w.write_record(row).map_err(|e| Error::Io {
                detail: e.to_string(),
            })?;
        }
        w.flush()?;
    }
    Ok(out)
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Io {
        detail: e.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Aggregate report

/// The report as one long table: a column per dimension, then the value ("<5" and "x" as
/// printed), totals included.
pub fn report_csv(r: &Report) -> Result<Vec<u8>> {
    let mut rows = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let layered = r.axes.len() == 3;
    if layered {
        header.push(r.axes[2].label.clone());
    }
    if let Some(a) = r.axes.first() {
        header.push(a.label.clone());
    }
    if let Some(a) = r.axes.get(1) {
        header.push(a.label.clone());
    }
    header.push(r.measure_label.clone());
    rows.push(header);
    for (p, panel) in r.panels.iter().enumerate() {
        let layer = layered.then(|| {
            r.axes[2]
                .categories
                .get(p)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| crate::reports::labels::total(r.lang))
        });
        for row in &panel.rows {
            for (c, cell) in row.cells.iter().enumerate() {
                let mut line = Vec::new();
                line.extend(layer.clone());
                if !r.axes.is_empty() {
                    line.push(row.label.clone());
                }
                if r.axes.len() >= 2 {
                    line.push(panel.columns[c].clone());
                }
                line.push(cell.text.clone());
                rows.push(line);
            }
        }
    }
    csv_bytes(&rows)
}

fn report_method(r: &Report, head: &Letterhead) -> Vec<(String, String)> {
    let lang = r.lang;
    let mut out = vec![(
        w(lang, "export-organisation"),
        head.organisation.name.clone(),
    )];
    out.extend(facts(head, lang));
    out.push((w(lang, "export-table"), r.title.clone()));
    out.push((
        w(lang, "export-broken-down-by"),
        r.axes
            .iter()
            .map(|a| a.label.clone())
            .collect::<Vec<_>>()
            .join(", "),
    ));
    out.push((w(lang, "export-threshold"), r.spec.threshold.to_string()));
    out
}

/// The report as a workbook: the tables on the first sheet, the method on the second.
pub fn report_xlsx(r: &Report, head: &Letterhead) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = CellFormat::new().set_bold();
    let shaded = CellFormat::new().set_bold().set_background_color(0xE8EEF4);
    {
        let sheet = book.add_worksheet();
        sheet
            .set_name(w(r.lang, "export-sheet-data"))
            .map_err(xlsx_error)?;
        sheet.set_column_width(0, 32).map_err(xlsx_error)?;
        let mut row: u32 = 0;
        sheet
            .write_string_with_format(row, 0, &r.title, &bold)
            .map_err(xlsx_error)?;
        row += 2;
        for panel in &r.panels {
            if let Some(t) = &panel.title {
                sheet
                    .write_string_with_format(row, 0, t, &bold)
                    .map_err(xlsx_error)?;
                row += 1;
            }
            sheet
                .write_string_with_format(row, 0, &panel.row_header, &shaded)
                .map_err(xlsx_error)?;
            for (c, col) in panel.columns.iter().enumerate() {
                sheet
                    .write_string_with_format(row, c as u16 + 1, col, &shaded)
                    .map_err(xlsx_error)?;
                sheet
                    .set_column_width(c as u16 + 1, 14)
                    .map_err(xlsx_error)?;
            }
            row += 1;
            for prow in &panel.rows {
                let format = if prow.total {
                    &bold
                } else {
                    &CellFormat::new()
                };
                sheet
                    .write_string_with_format(row, 0, &prow.label, format)
                    .map_err(xlsx_error)?;
                for (c, cell) in prow.cells.iter().enumerate() {
                    let col = c as u16 + 1;
                    match cell.count {
                        Some(n) => sheet.write_number_with_format(row, col, n as f64, format),
                        None => sheet.write_string_with_format(row, col, &cell.text, format),
                    }
                    .map_err(xlsx_error)?;
                }
                row += 1;
            }
            row += 1;
        }
    }
    method_sheet(&mut book, r.lang, &report_method(r, head), &r.method)?;
    book.save_to_buffer().map_err(xlsx_error)
}

fn method_sheet(
    book: &mut Workbook,
    lang: Lang,
    facts: &[(String, String)],
    sentences: &[String],
) -> Result<()> {
    let bold = CellFormat::new().set_bold();
    let wrap = CellFormat::new().set_text_wrap();
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet
        .set_name(w(lang, "export-method"))
        .map_err(xlsx_error)?;
    sheet.set_column_width(0, 30).map_err(xlsx_error)?;
    sheet.set_column_width(1, 90).map_err(xlsx_error)?;
    let mut row = 0;
    for (label, value) in facts {
        sheet
            .write_string_with_format(row, 0, label, &bold)
            .map_err(xlsx_error)?;
        sheet
            .write_string_with_format(row, 1, value, &wrap)
            .map_err(xlsx_error)?;
        row += 1;
    }
    row += 1;
    for s in sentences {
        sheet
            .write_string_with_format(row, 1, s, &wrap)
            .map_err(xlsx_error)?;
        row += 1;
    }
    Ok(())
}

/// The letterhead, facts and method every PDF export shares, as a template's data; `extra` adds
/// the tables.
fn pdf_data(
    title: &str,
    head: &Letterhead,
    lang: Lang,
    facts: Vec<(String, String)>,
    method: &[String],
    extra: serde_json::Value,
) -> serde_json::Value {
    let org = &head.organisation;
    let mut data = serde_json::json!({
        "lang": lang.key(),
        "title": title,
        "footer": format!("{} № {}", w(lang, "export-ledger-number"), head.number),
        "bin_label": w(lang, "export-bin"),
        "org": {"name": org.name, "bin": org.bin, "address": org.address},
        "facts": facts,
        "method_heading": w(lang, "export-method"),
        "method": method,
    });
    if let (Some(d), serde_json::Value::Object(e)) = (data.as_object_mut(), extra) {
        d.extend(e);
    }
    data
}

/// Typeset an export's data with the report template (PDF/A like every document).
fn typeset_report(data: &serde_json::Value) -> Result<Vec<u8>> {
    let doc = crate::documents::typeset::typeset(
        crate::documents::typeset::Template::Report,
        crate::documents::DocLang::Kk,
        data,
        time::OffsetDateTime::now_utc(),
    )?;
    let bytes = doc.pdf();
    crate::documents::typeset::forget();
    bytes
}

/// The report as PDF: letterhead, each table with its chart, the method.
pub fn report_pdf(r: &Report, head: &Letterhead) -> Result<Vec<u8>> {
    let lang = r.lang;
    let panels: Vec<serde_json::Value> = r
        .panels
        .iter()
        .map(|panel| {
            serde_json::json!({
                "title": panel.title,
                "row_header": panel.row_header,
                "columns": panel.columns,
                "rows": panel.rows.iter().map(|row| serde_json::json!({
                    "label": row.label,
                    "cells": row.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "chart": panel.chart.iter()
                    .filter_map(|(label, n)| n.map(|n| (label.clone(), n)))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    typeset_report(&pdf_data(
        &r.title,
        head,
        lang,
        facts(head, lang),
        &r.method,
        serde_json::json!({"panels": panels, "chart_caption": r.measure_label}),
    ))
}

// ---------------------------------------------------------------------------------------------
// Row-level release

/// The release's rows with their headings.
pub fn release_csv(r: &Release) -> Result<Vec<u8>> {
    let mut rows = vec![r.headers.clone()];
    rows.extend(r.rows.iter().cloned());
    csv_bytes(&rows)
}

/// What a release states about itself: (label, value).
pub fn release_facts(r: &Release, head: &Letterhead) -> Vec<(String, String)> {
    let lang = r.lang;
    let mut out = vec![(
        w(lang, "export-organisation"),
        head.organisation.name.clone(),
    )];
    out.extend(facts(head, lang));
    out.extend([
        (w(lang, "export-k-required"), r.spec.k.to_string()),
        (w(lang, "export-k-achieved"), r.k_achieved.to_string()),
        (w(lang, "export-smallest-group"), r.k_achieved.to_string()),
        (w(lang, "export-groups"), r.classes.to_string()),
        (w(lang, "export-rows-released"), r.rows.len().to_string()),
        (w(lang, "export-rows-left-out"), r.suppressed.to_string()),
    ]);
    if let Some(l) = r.l_achieved {
        out.push((w(lang, "export-l-achieved"), l.to_string()));
    }
    for t in &r.transformation {
        out.push((t.label.clone(), t.level_label.clone()));
    }
    out.push((
        w(lang, "export-information-loss"),
        format!("{} %", r.information_loss_percent),
    ));
    out
}

/// The release as a workbook: rows on the first sheet, the method on the second.
pub fn release_xlsx(r: &Release, head: &Letterhead) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let shaded = CellFormat::new().set_bold().set_background_color(0xE8EEF4);
    {
        let sheet = book.add_worksheet();
        sheet
            .set_name(w(r.lang, "export-sheet-data"))
            .map_err(xlsx_error)?;
        for (c, h) in r.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, h, &shaded)
                .map_err(xlsx_error)?;
            sheet.set_column_width(c as u16, 22).map_err(xlsx_error)?;
        }
        for (i, row) in r.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet
                    .write_string(i as u32 + 1, c as u16, v)
                    .map_err(xlsx_error)?;
            }
        }
    }
    method_sheet(&mut book, r.lang, &release_facts(r, head), &r.method)?;
    book.save_to_buffer().map_err(xlsx_error)
}

/// The release as PDF: the method and its figures, then each distinct row once with how many
/// people it stands for (a list of every row would run to thousands of pages; the CSV and XLSX
/// carry them one by one).
pub fn release_pdf(r: &Release, head: &Letterhead) -> Result<Vec<u8>> {
    let lang = r.lang;
    // Distinct rows with their counts (rows are sorted, so equal rows are adjacent).
    let mut groups: Vec<(Vec<String>, usize)> = Vec::new();
    for row in &r.rows {
        match groups.last_mut() {
            Some((last, n)) if last == row => *n += 1,
            _ => groups.push((row.clone(), 1)),
        }
    }
    let mut headers = r.headers.clone();
    headers.push(w(lang, "export-people"));
    let body: Vec<Vec<String>> = groups
        .into_iter()
        .map(|(mut row, n)| {
            row.push(n.to_string());
            row
        })
        .collect();
    typeset_report(&pdf_data(
        &w(lang, "export-release-title"),
        head,
        lang,
        release_facts(r, head),
        &r.method,
        serde_json::json!({
            "panels": [],
            "chart_caption": "",
            "rows_heading": w(lang, "export-rows"),
            "rows": {"headers": headers, "body": body},
        }),
    ))
}
