//! Vault settings.

use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn set_auto_lock_minutes(state: State<'_, AppState>, minutes: u32) -> CmdResult<()> {
    let mut s = state.session();
    s.vault()?.set_auto_lock_minutes(minutes)?;
    if let Some(idle) = s.idle.as_mut() {
        idle.set_minutes(minutes);
    }
    Ok(())
}
