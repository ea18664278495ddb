//! Donor reports, row-level releases and the transfer ledger: thin doors to the core.

use std::path::PathBuf;

use derbes_core::documents::IfExists;
use derbes_core::reports::export::Format;
use derbes_core::reports::labels::Lang;
use derbes_core::reports::release::{Attribute, Release, ReleaseSpec};
use derbes_core::reports::table::{self, Dimension, Measure, Report, ReportSpec};
use derbes_core::reports::transfer::{Recipient, Transfer};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;
use crate::state::AppState;

/// Rows of a release shown on screen; the file carries them all.
const PREVIEW_ROWS: usize = 200;

/// The choices the report screens offer, with the core's defaults.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportsMeta {
    measures: [&'static str; 3],
    dimensions: Vec<&'static str>,
    attributes: Vec<&'static str>,
    default_attributes: Vec<&'static str>,
    programmes: Vec<String>,
    report: ReportSpec,
    release: ReleaseSpec,
    min_threshold: u64,
}

#[tauri::command]
pub async fn reports_meta(state: State<'_, AppState>) -> CmdResult<ReportsMeta> {
    let s = state.session();
    let v = s.vault()?;
    let (from, to) = table::default_period(derbes_core::lifecycle::consent::today());
    Ok(ReportsMeta {
        measures: [
            Measure::People.key(),
            Measure::Services.key(),
            Measure::NewPeople.key(),
        ],
        dimensions: Dimension::ALL.iter().map(|d| d.key()).collect(),
        attributes: Attribute::ALL.iter().map(|a| a.key()).collect(),
        default_attributes: Attribute::DEFAULT.iter().map(|a| a.key()).collect(),
        programmes: v.programmes()?,
        report: ReportSpec {
            from: from.clone(),
            to: to.clone(),
            ..Default::default()
        },
        release: ReleaseSpec {
            from,
            to,
            ..Default::default()
        },
        min_threshold: table::MIN_THRESHOLD,
    })
}

#[tauri::command]
pub async fn report_build(
    state: State<'_, AppState>,
    spec: ReportSpec,
    lang: String,
) -> CmdResult<Report> {
    Ok(state
        .session()
        .vault()?
        .report(&spec, Lang::parse(&lang)?)?)
}

#[tauri::command]
pub async fn release_build(
    state: State<'_, AppState>,
    spec: ReleaseSpec,
    lang: String,
) -> CmdResult<Release> {
    Ok(state
        .session()
        .vault()?
        .release(&spec, Lang::parse(&lang)?)?
        .preview(PREVIEW_ROWS))
}

#[tauri::command]
pub async fn report_export(
    state: State<'_, AppState>,
    spec: ReportSpec,
    lang: String,
    format: String,
    to: Recipient,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<Transfer> {
    Ok(state.session().vault()?.export_report(
        &spec,
        Lang::parse(&lang)?,
        Format::parse(&format)?,
        &to,
        &path,
        if_exists,
    )?)
}

#[tauri::command]
pub async fn release_export(
    state: State<'_, AppState>,
    spec: ReleaseSpec,
    lang: String,
    format: String,
    to: Recipient,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<Transfer> {
    Ok(state.session().vault()?.export_release(
        &spec,
        Lang::parse(&lang)?,
        Format::parse(&format)?,
        &to,
        &path,
        if_exists,
    )?)
}

#[tauri::command]
pub async fn transfers_list(state: State<'_, AppState>) -> CmdResult<Vec<Transfer>> {
    Ok(state.session().vault()?.transfers()?)
}

/// The ledger entry a file matches, if any.
#[tauri::command]
pub async fn transfer_verify(
    state: State<'_, AppState>,
    path: PathBuf,
) -> CmdResult<Option<Transfer>> {
    Ok(state.session().vault()?.find_transfer_of_file(&path)?)
}

/// The system's save dialog, filtered to one export format.
#[tauri::command]
pub async fn choose_export_path(
    app: AppHandle,
    suggested_name: String,
    format: String,
) -> CmdResult<Option<PathBuf>> {
    let format = Format::parse(&format)?;
    Ok(app
        .dialog()
        .file()
        .set_file_name(super::lifecycle::file_name(&suggested_name))
        .add_filter(format.key().to_uppercase(), &[format.key()])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok()))
}

/// The system's open dialog, for a file to check against the ledger.
#[tauri::command]
pub async fn choose_file_to_verify(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    Ok(app
        .dialog()
        .file()
        .add_filter("CSV, XLSX, PDF", &["csv", "xlsx", "pdf"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok()))
}
