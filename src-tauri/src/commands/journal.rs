//! Reading and checking the journal.

use derbes_core::vault::journal::{Entry, Verification};
use serde::Serialize;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// A page of the journal.
#[derive(Serialize)]
pub struct JournalPage {
    total: i64,
    entries: Vec<Entry>,
}

#[tauri::command]
pub async fn journal_list(
    state: State<'_, AppState>,
    limit: i64,
    offset: i64,
) -> CmdResult<JournalPage> {
    let s = state.session();
    let (total, entries) = s.vault()?.journal(limit, offset)?;
    Ok(JournalPage { total, entries })
}

#[tauri::command]
pub async fn journal_verify(state: State<'_, AppState>) -> CmdResult<Verification> {
    Ok(state.session().vault()?.verify_journal()?)
}
