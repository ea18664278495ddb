//! Creating, unlocking, recovering and locking the vault.

use std::path::PathBuf;

use derbes_core::vault::password::{self, Assessment};
use derbes_core::vault::recent::RecentVault;
use derbes_core::{demo, KdfParams, KeyFile, Password, RecoveryKey, Vault};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;
use crate::state::AppState;

/// The vault as the UI shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultInfo {
    path: PathBuf,
    name: String,
    is_demo: bool,
}

/// The signed-in user, and what their role lets them do (the UI shows only that).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserInfo {
    id: String,
    name: String,
    role: derbes_core::vault::Role,
    permissions: Vec<derbes_core::vault::Permission>,
}

/// Which screen the app should show, and what it needs to show it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    state: &'static str,
    vault: Option<VaultInfo>,
    user: Option<UserInfo>,
    recent_vaults: Vec<RecentVault>,
    auto_lock_minutes: u32,
    recovery_key_pending: bool,
}

/// What the create wizard shows once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Created {
    recovery_key: String,
    confirm_group_index: usize,
}

/// Payload of the `vault-locked` event.
#[derive(Clone, Serialize)]
pub struct Locked {
    /// `idle` or `manual`.
    pub reason: &'static str,
    /// The auto-lock delay that ran out, for an idle lock.
    pub minutes: Option<u32>,
}

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> CmdResult<AppStatus> {
    let s = state.session();
    let recent_vaults = state.recent.list();
    Ok(match &s.vault {
        Some(v) => AppStatus {
            state: "unlocked",
            vault: Some(VaultInfo {
                path: v.dir().to_path_buf(),
                name: v.name(),
                is_demo: v.is_demo(),
            }),
            user: Some(UserInfo {
                id: v.user().id.to_string(),
                name: v.user().name.clone(),
                role: v.user().role,
                permissions: v.permissions(),
            }),
            recent_vaults,
            auto_lock_minutes: v.auto_lock_minutes()?,
            recovery_key_pending: s.pending_recovery.is_some(),
        },
        None => {
            let selected = s
                .selected
                .clone()
                .filter(|p| derbes_core::vault::looks_like_vault(p));
            AppStatus {
                state: if selected.is_some() {
                    "locked"
                } else {
                    "no_vault"
                },
                vault: selected.map(|p| VaultInfo {
                    name: derbes_core::vault::display_name(&p),
                    path: p,
                    is_demo: false,
                }),
                user: None,
                recent_vaults,
                auto_lock_minutes: derbes_core::vault::settings::DEFAULT_AUTO_LOCK_MINUTES,
                recovery_key_pending: false,
            }
        }
    })
}

#[tauri::command]
pub async fn default_vault_folder() -> CmdResult<PathBuf> {
    Ok(derbes_core::vault::location::default_folder())
}

/// The cloud service that synchronises `folder` (for a warning), or none.
#[tauri::command]
pub async fn cloud_folder(folder: PathBuf) -> CmdResult<Option<&'static str>> {
    Ok(derbes_core::vault::location::cloud_service(&folder))
}

#[tauri::command]
pub async fn choose_folder(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    // Runs on a worker thread (async command), so the blocking dialog does not freeze the window.
    Ok(app
        .dialog()
        .file()
        .blocking_pick_folder()
        .and_then(|f| f.into_path().ok()))
}

#[tauri::command]
pub async fn assess_password(password: String) -> CmdResult<Assessment> {
    Ok(password::assess(&Password::new(password), &[]))
}

#[tauri::command]
pub async fn create_vault(
    state: State<'_, AppState>,
    folder: PathBuf,
    user_name: String,
    password: String,
    password_confirm: String,
) -> CmdResult<Created> {
    let mut s = state.session();
    s.lock("manual")?;
    let (vault, recovery) = Vault::create(
        &folder,
        &user_name,
        &Password::new(password),
        &Password::new(password_confirm),
        KdfParams::default(),
    )?;
    state.recent.remember(vault.dir());
    s.open(vault)?;
    if let Some(idle) = s.idle.as_mut() {
        idle.pause();
    }
    let shown = recovery.display().to_string();
    s.pending_recovery = Some(recovery);
    Ok(Created {
        recovery_key: shown,
        confirm_group_index: 7,
    })
}

#[tauri::command]
pub async fn confirm_recovery_key(state: State<'_, AppState>, group: String) -> CmdResult<()> {
    let mut s = state.session();
    let key = s
        .pending_recovery
        .take()
        .ok_or(derbes_core::Error::Locked)?;
    let result = s.vault_mut()?.confirm_recovery_key(&key, &group);
    if result.is_err() {
        s.pending_recovery = Some(key);
    } else if let Some(idle) = s.idle.as_mut() {
        idle.resume();
    }
    Ok(result?)
}

#[tauri::command]
pub async fn unlock_vault(
    state: State<'_, AppState>,
    folder: PathBuf,
    user_name: Option<String>,
    password: String,
) -> CmdResult<()> {
    let mut s = state.session();
    s.lock("manual")?;
    s.selected = Some(folder.clone());
    let vault = Vault::unlock_as(&folder, user_name.as_deref(), &Password::new(password))?;
    state.recent.remember(vault.dir());
    Ok(s.open(vault)?)
}

#[tauri::command]
pub async fn recover_vault(
    state: State<'_, AppState>,
    folder: PathBuf,
    recovery_key: String,
    new_password: String,
    new_password_confirm: String,
) -> CmdResult<()> {
    let mut s = state.session();
    s.lock("manual")?;
    let key = RecoveryKey::parse(&recovery_key)?;
    let vault = Vault::recover(
        &folder,
        &key,
        &Password::new(new_password),
        &Password::new(new_password_confirm),
    )?;
    state.recent.remember(vault.dir());
    Ok(s.open(vault)?)
}

#[tauri::command]
pub async fn open_demo(state: State<'_, AppState>) -> CmdResult<()> {
    let mut s = state.session();
    s.lock("manual")?;
    let vault = demo::create(&demo::demo_folder())?;
    Ok(s.open(vault)?)
}

#[tauri::command]
pub async fn lock_vault(app: AppHandle, state: State<'_, AppState>) -> CmdResult<()> {
    let locked = state.session().lock("manual");
    state.clear_sensitive();
    locked?;
    let _ = app.emit(
        "vault-locked",
        Locked {
            reason: "manual",
            minutes: None,
        },
    );
    Ok(())
}

#[tauri::command]
pub async fn touch(state: State<'_, AppState>) -> CmdResult<()> {
    if let Some(idle) = state.session().idle.as_mut() {
        idle.touch();
    }
    Ok(())
}

#[tauri::command]
pub async fn change_password(
    state: State<'_, AppState>,
    current: String,
    new_password: String,
    new_password_confirm: String,
    key_file: Option<PathBuf>,
) -> CmdResult<()> {
    let key_file = key_file.as_deref().map(KeyFile::read).transpose()?;
    let mut s = state.session();
    Ok(s.vault_mut()?.change_password_with_key_file(
        &Password::new(current),
        key_file.as_ref(),
        &Password::new(new_password),
        &Password::new(new_password_confirm),
    )?)
}
