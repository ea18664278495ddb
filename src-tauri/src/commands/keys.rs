//! Keys people keep: a key file for one's own password, the recovery key replaced or split
//! among trusted people, unlocking with a key file or with shares, and copying a revealed value
//! to the clipboard for at most 30 seconds. The core decides; these carry the arguments.

use std::path::PathBuf;

use derbes_core::documents::{self, DocLang, IfExists};
use derbes_core::register::fields::Field;
use derbes_core::vault::clipboard::CLEAR_AFTER;
use derbes_core::vault::shares::RecoveryShare;
use derbes_core::{KeyFile, Password, Vault};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;
use crate::state::AppState;

fn read_key_file(path: Option<PathBuf>) -> derbes_core::Result<Option<KeyFile>> {
    path.as_deref().map(KeyFile::read).transpose()
}

#[tauri::command]
pub async fn choose_key_file(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    Ok(app
        .dialog()
        .file()
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok()))
}

#[tauri::command]
pub async fn choose_key_file_target(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    Ok(app
        .dialog()
        .file()
        .set_file_name("derbes.derbes-key")
        .blocking_save_file()
        .and_then(|f| f.into_path().ok()))
}

/// Unlock with a password and the user's key file.
#[tauri::command]
pub async fn unlock_vault_with_key_file(
    state: State<'_, AppState>,
    folder: PathBuf,
    user_name: Option<String>,
    password: String,
    key_file: PathBuf,
) -> CmdResult<()> {
    let key = KeyFile::read(&key_file)?;
    let mut s = state.session();
    s.lock("manual")?;
    s.selected = Some(folder.clone());
    let vault = Vault::unlock_with_key_file(
        &folder,
        user_name.as_deref(),
        &Password::new(password),
        Some(&key),
    )?;
    state.recent.remember(vault.dir());
    Ok(s.open(vault)?)
}

/// Whether the signed-in user's password needs a key file.
#[tauri::command]
pub async fn key_file_status(state: State<'_, AppState>) -> CmdResult<bool> {
    Ok(state.session().vault()?.has_key_file()?)
}

#[tauri::command]
pub async fn key_file_set(
    state: State<'_, AppState>,
    password: String,
    current: Option<PathBuf>,
    out: PathBuf,
) -> CmdResult<()> {
    let current = read_key_file(current)?;
    Ok(state.session().vault_mut()?.set_key_file(
        &Password::new(password),
        current.as_ref(),
        &out,
    )?)
}

#[tauri::command]
pub async fn key_file_remove(
    state: State<'_, AppState>,
    password: String,
    current: PathBuf,
) -> CmdResult<()> {
    let current = KeyFile::read(&current)?;
    Ok(state
        .session()
        .vault_mut()?
        .remove_key_file(&Password::new(password), &current)?)
}

/// A new recovery key, shown once.
#[tauri::command]
pub async fn recovery_key_new(state: State<'_, AppState>) -> CmdResult<String> {
    let mut s = state.session();
    let key = s.vault_mut()?.new_recovery_key()?;
    Ok(key.display().to_string())
}

/// Split a new recovery key among `holders`; the shares are kept in the session (never on disk)
/// until the vault locks, so they can be saved as a PDF once.
#[tauri::command]
pub async fn recovery_key_split(
    state: State<'_, AppState>,
    threshold: u8,
    holders: Vec<String>,
) -> CmdResult<Vec<RecoveryShare>> {
    let mut s = state.session();
    let shares = s.vault_mut()?.split_recovery_key(threshold, &holders)?;
    s.pending_shares = Some(shares.clone());
    Ok(shares)
}

/// The shares just made, as a PDF (one page per holder) where the user chose.
#[tauri::command]
pub async fn recovery_shares_save(
    state: State<'_, AppState>,
    path: PathBuf,
    lang: String,
    if_exists: IfExists,
) -> CmdResult<PathBuf> {
    let s = state.session();
    let vault = s.vault()?;
    let shares = s
        .pending_shares
        .as_ref()
        .ok_or_else(|| derbes_core::Error::invalid("shares", "shares_not_pending"))?;
    let bytes = documents::recovery_shares(shares, &vault.name(), DocLang::parse(&lang)?)?;
    documents::save(&path, &bytes, if_exists)?;
    Ok(path)
}

/// Unlock with shares of a split recovery key, and set a new password for the responsible
/// person, in one step.
#[tauri::command]
pub async fn recover_with_shares(
    state: State<'_, AppState>,
    folder: PathBuf,
    shares: Vec<String>,
    new_password: String,
    new_password_confirm: String,
) -> CmdResult<()> {
    let mut s = state.session();
    s.lock("manual")?;
    let vault = Vault::recover_with_shares(
        &folder,
        &shares,
        &Password::new(new_password),
        &Password::new(new_password_confirm),
    )?;
    state.recent.remember(vault.dir());
    Ok(s.open(vault)?)
}

/// Reveal one masked field of a person (journaled) and put it on the clipboard, to be cleared
/// after 30 seconds or at lock if it is still there.
#[tauri::command]
pub async fn clipboard_copy_revealed(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    field: Field,
) -> CmdResult<()> {
    let value = {
        let s = state.session();
        let v = s.vault()?;
        let person = v.reveal_subject(v.resolve_subject(&id)?, &[field])?;
        person
            .values
            .get(&field)
            .map(|v| zeroize::Zeroizing::new(v.value.clone()))
            .ok_or_else(|| derbes_core::Error::invalid("field", "clipboard_nothing"))?
    };
    let copy = state.copy_sensitive(&value)?;
    std::thread::spawn(move || {
        std::thread::sleep(CLEAR_AFTER);
        if let Some(state) = app.try_state::<AppState>() {
            state.expire_sensitive(copy);
        }
    });
    Ok(())
}
