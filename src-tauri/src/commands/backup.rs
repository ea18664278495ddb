//! Backups: write one where the user chose, list them, say one is gone, their reminder, and
//! restore one into a new folder (then open it). The core decides everything; these carry the
//! arguments.

use std::path::PathBuf;

use derbes_core::backup::{self, BackupOptions, BackupRecord, BackupStatus, Opener, Restored};
use derbes_core::documents::{self, IfExists};
use derbes_core::{KeyFile, Password, RecoveryKey, Vault};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    Ok(state.session().vault()?.backup_status()?)
}

#[tauri::command]
pub async fn backups_list(state: State<'_, AppState>) -> CmdResult<Vec<BackupRecord>> {
    Ok(state.session().vault()?.backups()?)
}

/// Where to offer a new backup: the user's home folder (a USB stick is chosen in the dialog),
/// under a name that is not taken.
#[tauri::command]
pub async fn backup_default_path(app: AppHandle, state: State<'_, AppState>) -> CmdResult<PathBuf> {
    let name = backup::suggested_name(&state.session().vault()?.name());
    let dir = app.path().home_dir().unwrap_or_default();
    Ok(documents::free_path(&dir, &name))
}

#[tauri::command]
pub async fn choose_backup_path(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CmdResult<Option<PathBuf>> {
    let name = backup::suggested_name(&state.session().vault()?.name());
    Ok(app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter("Derbes", &[backup::EXTENSION])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok()))
}

#[tauri::command]
pub async fn choose_backup_file(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    Ok(app
        .dialog()
        .file()
        .add_filter("Derbes", &[backup::EXTENSION])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok()))
}

/// The cloud service that synchronises the folder of `path`, if any (said before writing).
#[tauri::command]
pub async fn backup_cloud(path: PathBuf) -> CmdResult<Option<&'static str>> {
    Ok(backup::cloud_service(&path))
}

#[tauri::command]
pub async fn backup_make(
    state: State<'_, AppState>,
    path: PathBuf,
    if_exists: IfExists,
    allow_cloud: bool,
) -> CmdResult<BackupRecord> {
    Ok(state.session().vault()?.backup(
        &path,
        BackupOptions {
            if_exists,
            allow_cloud,
        },
    )?)
}

#[tauri::command]
pub async fn backup_forget(
    state: State<'_, AppState>,
    id: String,
    delete_file: bool,
) -> CmdResult<BackupRecord> {
    Ok(state.session().vault()?.forget_backup(&id, delete_file)?)
}

#[tauri::command]
pub async fn backup_settings_set(
    state: State<'_, AppState>,
    reminder_days: u32,
    retention_days: u32,
) -> CmdResult<()> {
    Ok(state
        .session()
        .vault()?
        .set_backup_settings(reminder_days, retention_days)?)
}

/// Restore `file` into `to` (new or empty), replaying the destruction logs in `replay` and
/// beside the backup, then open the restored vault with the same password or recovery key.
// The arguments are the command's IPC contract, one per credential the UI may send.
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub async fn backup_restore(
    state: State<'_, AppState>,
    file: PathBuf,
    to: PathBuf,
    user_name: Option<String>,
    password: Option<String>,
    recovery_key: Option<String>,
    key_file: Option<PathBuf>,
    replay: Vec<PathBuf>,
) -> CmdResult<Restored> {
    let key_file = key_file.as_deref().map(KeyFile::read).transpose()?;
    let mut s = state.session();
    s.lock("manual")?;
    let user = user_name
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let (restored, vault) = match recovery_key {
        Some(text) => {
            let key = RecoveryKey::parse(&text)?;
            let r = backup::restore(&file, &to, Opener::Recovery(&key), &replay)?;
            (r, Vault::unlock_with_recovery_key(&to, &key)?)
        }
        None => {
            let password = Password::new(password.unwrap_or_default());
            let opener = Opener::Password {
                user,
                password: &password,
                key_file: key_file.as_ref(),
            };
            let r = backup::restore(&file, &to, opener, &replay)?;
            (
                r,
                Vault::unlock_with_key_file(&to, user, &password, key_file.as_ref())?,
            )
        }
    };
    state.recent.remember(vault.dir());
    s.selected = Some(to);
    s.open(vault)?;
    Ok(restored)
}
