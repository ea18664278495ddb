//! The Derbes desktop app: a window, the IPC commands, and the app state. Every rule is in
//! `derbes-core`; this crate wires it to Tauri.

mod commands;
mod error;
mod state;
#[cfg(windows)]
pub mod webview2;

use std::time::{Duration, Instant};

use derbes_core::vault::recent::RecentVaults;
use tauri::{Emitter, Manager, RunEvent};

use crate::commands::vault::Locked;
use crate::state::AppState;

/// How often the idle timer is checked.
const IDLE_CHECK: Duration = Duration::from_secs(5);

/// Start the app.
pub fn run() {
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let config = app.path().app_config_dir()?;
            app.manage(AppState::new(RecentVaults::at(
                config.join("recent-vaults.json"),
            )));
            let handle = app.handle().clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(IDLE_CHECK);
                let state = handle.state::<AppState>();
                let mut s = state.session();
                let due = s
                    .idle
                    .as_ref()
                    .filter(|t| t.is_due(Instant::now()))
                    .map(|t| t.minutes());
                if let Some(minutes) = due {
                    // A failed lock still drops the vault: better locked without its journal line
                    // than left open.
                    let _ = s.lock("idle");
                    drop(s);
                    state.clear_sensitive();
                    let _ = handle.emit(
                        "vault-locked",
                        Locked {
                            reason: "idle",
                            minutes: Some(minutes),
                        },
                    );
                }
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::vault::app_status,
            commands::vault::default_vault_folder,
            commands::vault::cloud_folder,
            commands::vault::choose_folder,
            commands::vault::assess_password,
            commands::vault::create_vault,
            commands::vault::confirm_recovery_key,
            commands::vault::unlock_vault,
            commands::vault::recover_vault,
            commands::vault::open_demo,
            commands::vault::lock_vault,
            commands::vault::touch,
            commands::vault::change_password,
            commands::settings::set_auto_lock_minutes,
            commands::keys::choose_key_file,
            commands::keys::choose_key_file_target,
            commands::keys::unlock_vault_with_key_file,
            commands::keys::key_file_status,
            commands::keys::key_file_set,
            commands::keys::key_file_remove,
            commands::keys::recovery_key_new,
            commands::keys::recovery_key_split,
            commands::keys::recovery_shares_save,
            commands::keys::recover_with_shares,
            commands::keys::clipboard_copy_revealed,
            commands::backup::backup_status,
            commands::backup::backups_list,
            commands::backup::backup_default_path,
            commands::backup::choose_backup_path,
            commands::backup::choose_backup_file,
            commands::backup::backup_cloud,
            commands::backup::backup_make,
            commands::obligations::clocks,
            commands::obligations::recipients_list,
            commands::obligations::recipient_add,
            commands::obligations::transfer_check,
            commands::obligations::transfer_identifying_save,
            commands::obligations::transfer_notices,
            commands::obligations::transfer_notified,
            commands::obligations::calendar_years,
            commands::obligations::calendar_special_days,
            commands::obligations::calendar_set_year,
            commands::obligations::calendar_reset_year,
            commands::obligations::clock_settings,
            commands::obligations::clock_settings_set,
            commands::obligations::requests_list,
            commands::obligations::request_add,
            commands::obligations::request_close,
            commands::obligations::request_answer_preview,
            commands::obligations::request_answer_save,
            commands::obligations::breaches_list,
            commands::obligations::breach_add,
            commands::obligations::breach_notified,
            commands::obligations::breach_follow_up,
            commands::obligations::breach_close,
            commands::obligations::breach_confirm,
            commands::obligations::breach_dismiss,
            commands::obligations::breach_notice_preview,
            commands::obligations::breach_notice_save,
            commands::papers::papers_list,
            commands::papers::paper_preview,
            commands::papers::paper_save,
            commands::papers::pack_file_name,
            commands::papers::pack_save,
            commands::papers::confidants_list,
            commands::papers::person_sees_data,
            commands::backup::backup_forget,
            commands::backup::backup_settings_set,
            commands::backup::backup_restore,
            commands::users::users_list,
            commands::users::user_add,
            commands::users::user_remove,
            commands::users::user_set_password,
            commands::users::user_set_role,
            commands::users::user_set_may_reveal,
            commands::journal::journal_list,
            commands::journal::journal_verify,
            commands::register::register_meta,
            commands::register::subject_list,
            commands::register::subject_get,
            commands::register::subject_reveal,
            commands::register::subject_create,
            commands::register::subject_update,
            commands::register::subject_set_access,
            commands::register::subject_history,
            commands::register::org_get,
            commands::register::org_set,
            commands::register::inventory_get,
            commands::register::inventory_approve,
            commands::import::choose_import_file,
            commands::import::import_preview,
            commands::import::import_run,
            commands::import::service_import_preview,
            commands::import::service_import_run,
            commands::lifecycle::lifecycle_meta,
            commands::lifecycle::consent_list,
            commands::lifecycle::consent_check,
            commands::lifecycle::consent_add,
            commands::lifecycle::consent_withdraw,
            commands::lifecycle::choose_evidence_file,
            commands::lifecycle::consent_attach,
            commands::lifecycle::default_save_path,
            commands::lifecycle::choose_save_path,
            commands::lifecycle::consent_form_save,
            commands::lifecycle::consent_form_draft_save,
            commands::lifecycle::act_save,
            commands::lifecycle::subject_set_legal_ground,
            commands::lifecycle::subjects_set_basis,
            commands::lifecycle::lapsed_bases,
            commands::lifecycle::subject_set_end_date,
            commands::lifecycle::subject_block,
            commands::lifecycle::subject_unblock,
            commands::lifecycle::subject_hold,
            commands::lifecycle::subject_release_hold,
            commands::lifecycle::retention_rules_get,
            commands::lifecycle::retention_rules_set,
            commands::lifecycle::retention_due,
            commands::lifecycle::lifecycle_end,
            commands::lifecycle::lifecycle_end_due,
            commands::lifecycle::acts_list,
            commands::lifecycle::act_get,
            commands::lifecycle::lifecycle_overview,
            commands::reports::reports_meta,
            commands::reports::report_build,
            commands::reports::release_build,
            commands::reports::report_export,
            commands::reports::release_export,
            commands::reports::transfers_list,
            commands::reports::transfer_verify,
            commands::reports::choose_export_path,
            commands::reports::choose_file_to_verify,
        ])
        .build(tauri::generate_context!())
        .expect("the Derbes window could not be created");

    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            // Closing the window locks the vault (and deletes a demo).
            if let Some(state) = handle.try_state::<AppState>() {
                let _ = state.session().lock("exit");
                state.clear_sensitive();
            }
        }
    });
}
