//! The papers an inspector asks for and the compliance pack: where each stands, a preview (SVG
//! pages, never a file), saving one where the user chose, and the pack. The core decides
//! everything; these carry the arguments.

use std::path::PathBuf;

use derbes_core::documents::papers::{PackSummary, PaperRequest, PaperState, Preview, Produced};
use derbes_core::documents::{DocLang, IfExists};
use derbes_core::register::confidants::Confidant;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// A paper's state as the Documents screen shows it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaperRow {
    #[serde(flatten)]
    state: PaperState,
    /// `never`, `current` or `outdated`.
    status: &'static str,
}

#[tauri::command]
pub async fn papers_list(state: State<'_, AppState>) -> CmdResult<Vec<PaperRow>> {
    Ok(state
        .session()
        .vault()?
        .papers()?
        .into_iter()
        .map(|s| PaperRow {
            status: s.state(),
            state: s,
        })
        .collect())
}

#[tauri::command]
pub async fn paper_preview(
    state: State<'_, AppState>,
    request: PaperRequest,
) -> CmdResult<Preview> {
    Ok(state.session().vault()?.preview_paper(&request)?)
}

#[tauri::command]
pub async fn paper_save(
    state: State<'_, AppState>,
    request: PaperRequest,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<Produced> {
    Ok(state
        .session()
        .vault()?
        .produce_paper(&request, &path, if_exists)?)
}

/// The name to offer for the pack: the organisation and today.
#[tauri::command]
pub async fn pack_file_name(state: State<'_, AppState>) -> CmdResult<String> {
    Ok(state.session().vault()?.pack_suggested_name()?)
}

#[tauri::command]
pub async fn pack_save(
    state: State<'_, AppState>,
    lang: String,
    path: PathBuf,
    if_exists: IfExists,
    scans: bool,
) -> CmdResult<PackSummary> {
    Ok(state
        .session()
        .vault()?
        .compliance_pack(DocLang::parse(&lang)?, &path, if_exists, scans)?)
}

#[tauri::command]
pub async fn confidants_list(state: State<'_, AppState>) -> CmdResult<Vec<Confidant>> {
    Ok(state.session().vault()?.confidants()?)
}

#[tauri::command]
pub async fn person_sees_data(state: State<'_, AppState>, id: String, yes: bool) -> CmdResult<()> {
    let s = state.session();
    let v = s.vault()?;
    v.set_sees_data(v.resolve_subject(&id)?, yes)?;
    Ok(())
}
