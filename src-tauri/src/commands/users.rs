//! The vault's users: list, add, remove, a new password for someone who forgot theirs, role and
//! allowance. The core checks who may do each; these only carry the arguments.

use derbes_core::users::UserSummary;
use derbes_core::vault::Role;
use derbes_core::{Error, Password};
use tauri::State;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

fn user_id(id: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(id).map_err(|_| Error::UserNotFound)
}

fn role(code: &str) -> Result<Role, Error> {
    Role::parse(code).ok_or_else(|| Error::invalid("role", "role_unknown"))
}

#[tauri::command]
pub async fn users_list(state: State<'_, AppState>) -> CmdResult<Vec<UserSummary>> {
    Ok(state.session().vault()?.users()?)
}

#[tauri::command]
pub async fn user_add(
    state: State<'_, AppState>,
    name: String,
    role_code: String,
    may_reveal: bool,
    password: String,
    password_confirm: String,
) -> CmdResult<UserSummary> {
    Ok(state.session().vault_mut()?.add_user(
        &name,
        role(&role_code)?,
        may_reveal,
        &Password::new(password),
        &Password::new(password_confirm),
    )?)
}

/// What removing (and perhaps re-keying) did.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Removed {
    rekeyed: bool,
}

#[tauri::command]
pub async fn user_remove(
    state: State<'_, AppState>,
    id: String,
    rekey: bool,
) -> CmdResult<Removed> {
    let mut s = state.session();
    let vault = s.vault_mut()?;
    if rekey {
        // Refused before anything is removed, not half-way.
        vault.check_rekey()?;
    }
    vault.remove_user(user_id(&id)?)?;
    if rekey {
        vault.rekey()?;
    }
    Ok(Removed { rekeyed: rekey })
}

#[tauri::command]
pub async fn user_set_password(
    state: State<'_, AppState>,
    id: String,
    password: String,
    password_confirm: String,
) -> CmdResult<()> {
    Ok(state.session().vault_mut()?.set_user_password(
        user_id(&id)?,
        &Password::new(password),
        &Password::new(password_confirm),
    )?)
}

#[tauri::command]
pub async fn user_set_role(
    state: State<'_, AppState>,
    id: String,
    role_code: String,
) -> CmdResult<()> {
    Ok(state
        .session()
        .vault_mut()?
        .set_user_role(user_id(&id)?, role(&role_code)?)?)
}

#[tauri::command]
pub async fn user_set_may_reveal(
    state: State<'_, AppState>,
    id: String,
    may_reveal: bool,
) -> CmdResult<()> {
    Ok(state
        .session()
        .vault_mut()?
        .set_user_may_reveal(user_id(&id)?, may_reveal)?)
}
