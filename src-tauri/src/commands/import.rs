//! Importing people, and the log of their past services, from CSV and XLSX files.

use std::path::PathBuf;

use derbes_core::register::bulk::{BatchSource, ImportReport};
use derbes_core::register::fields::{Field, Kind};
use derbes_core::register::import;
use std::collections::BTreeMap;

use derbes_core::register::import::ServiceColumn;
use derbes_core::register::services::{ServiceImportReport, ServiceTypeChoice};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;
use crate::state::AppState;

/// What the mapping step shows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    row_count: usize,
    format: &'static str,
    encoding: Option<&'static str>,
    delimiter: Option<String>,
    sheet: Option<String>,
    mapping: Vec<Option<Field>>,
    full_name_column: Option<usize>,
    /// The column read as the day each person first came, unless mapped to a field.
    registered_on_column: Option<usize>,
}

/// Payload of the `import-progress` event.
#[derive(Clone, Serialize)]
pub struct Progress {
    done: usize,
    total: usize,
}

#[tauri::command]
pub async fn choose_import_file(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    Ok(app
        .dialog()
        .file()
        .add_filter("CSV, Excel", &["csv", "xlsx", "txt"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok()))
}

#[tauri::command]
pub async fn import_preview(path: PathBuf) -> CmdResult<Preview> {
    let table = import::read_file(&path)?;
    Ok(Preview {
        mapping: import::guess_mapping(&table.headers),
        full_name_column: import::full_name_column(&table.headers),
        registered_on_column: import::registered_on_column(&table.headers),
        row_count: table.rows.len(),
        rows: table.rows.iter().take(20).cloned().collect(),
        format: table.source.format.key(),
        encoding: table.source.encoding,
        delimiter: table.source.delimiter.map(String::from),
        sheet: table.source.sheet.clone(),
        headers: table.headers,
    })
}

// Each argument is a named field of the front end's call: a struct would only rename them.
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn import_run(
    app: AppHandle,
    state: State<'_, AppState>,
    path: PathBuf,
    kind: Kind,
    mapping: Vec<Option<Field>>,
    full_name_column: Option<usize>,
    dry_run: bool,
    basis: derbes_core::lifecycle::basis::BasisDraft,
) -> CmdResult<ImportReport> {
    let table = import::read_file(&path)?;
    let rows = import::drafts(&table, &mapping, full_name_column, kind);
    let s = state.session();
    let report = s.vault()?.add_people(
        &rows,
        &basis,
        dry_run,
        BatchSource::Import,
        &mut |done, total| {
            let _ = app.emit("import-progress", Progress { done, total });
        },
    )?;
    Ok(report)
}

/// What the mapping step of a service log shows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePreview {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    row_count: usize,
    format: &'static str,
    encoding: Option<&'static str>,
    delimiter: Option<String>,
    sheet: Option<String>,
    mapping: Vec<Option<ServiceColumn>>,
}

#[tauri::command]
pub async fn service_import_preview(path: PathBuf) -> CmdResult<ServicePreview> {
    let table = import::read_file(&path)?;
    Ok(ServicePreview {
        mapping: import::guess_service_mapping(&table.headers),
        row_count: table.rows.len(),
        rows: table.rows.iter().take(20).cloned().collect(),
        format: table.source.format.key(),
        encoding: table.source.encoding,
        delimiter: table.source.delimiter.map(String::from),
        sheet: table.source.sheet.clone(),
        headers: table.headers,
    })
}

/// Check (`dry_run`) or import a service log under the user's mapping and service-type choices.
#[tauri::command]
pub async fn service_import_run(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Vec<Option<ServiceColumn>>,
    choices: BTreeMap<String, ServiceTypeChoice>,
    dry_run: bool,
) -> CmdResult<ServiceImportReport> {
    let table = import::read_file(&path)?;
    let lines = import::service_lines(&table, &mapping);
    let s = state.session();
    Ok(s.vault()?.import_services(&lines, &choices, dry_run)?)
}
