//! The clocks of the law: the working-day calendar, subject requests and their access answers,
//! breaches and their notices, and the dashboard's list of clocks. The core decides everything;
//! these carry the arguments.

use std::path::PathBuf;

use derbes_core::breaches::notice::Notice;
use derbes_core::breaches::{Breach, BreachDraft, SubjectsTold};
use derbes_core::calendar::store::StoredYear;
use derbes_core::calendar::{Day, Year};
use derbes_core::clocks::Clocks;
use derbes_core::documents::{DocLang, IfExists};
use derbes_core::requests::answer::Answer;
use derbes_core::requests::{Closing, Request, RequestDraft};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn clocks(state: State<'_, AppState>) -> CmdResult<Clocks> {
    Ok(state.session().vault()?.clocks()?)
}

/// A day of the calendar that differs from a plain week, for the Settings screen.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecialDay {
    date: String,
    #[serde(flatten)]
    day: Day,
}

#[tauri::command]
pub async fn calendar_years(state: State<'_, AppState>) -> CmdResult<Vec<StoredYear>> {
    Ok(state.session().vault()?.calendar_years()?)
}

#[tauri::command]
pub async fn calendar_special_days(
    state: State<'_, AppState>,
    year: i32,
) -> CmdResult<Vec<SpecialDay>> {
    Ok(state
        .session()
        .vault()?
        .calendar()?
        .special_days(year)?
        .into_iter()
        .map(|(d, day)| SpecialDay {
            date: d.to_string(),
            day,
        })
        .collect())
}

#[tauri::command]
pub async fn calendar_set_year(state: State<'_, AppState>, year: Year) -> CmdResult<()> {
    Ok(state.session().vault()?.set_calendar_year(&year)?)
}

#[tauri::command]
pub async fn calendar_reset_year(state: State<'_, AppState>, year: i32) -> CmdResult<()> {
    Ok(state.session().vault()?.reset_calendar_year(year)?)
}

/// The settings of the clocks: the own target for access answers, the failed-unlock threshold.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClockSettings {
    answer_days: u32,
    unlock_threshold: u32,
    /// The term each kind of request is taken with today.
    request_terms: Vec<derbes_core::requests::RequestTerm>,
}

#[tauri::command]
pub async fn clock_settings(state: State<'_, AppState>) -> CmdResult<ClockSettings> {
    let session = state.session();
    let v = session.vault()?;
    Ok(ClockSettings {
        answer_days: v.request_answer_days()?,
        unlock_threshold: v.breach_unlock_threshold()?,
        request_terms: v.request_terms()?,
    })
}

#[tauri::command]
pub async fn clock_settings_set(
    state: State<'_, AppState>,
    answer_days: u32,
    unlock_threshold: u32,
) -> CmdResult<()> {
    let session = state.session();
    let v = session.vault()?;
    if v.request_answer_days()? != answer_days {
        v.set_request_answer_days(answer_days)?;
    }
    if v.breach_unlock_threshold()? != unlock_threshold {
        v.set_breach_unlock_threshold(unlock_threshold)?;
    }
    Ok(())
}

#[tauri::command]
pub async fn requests_list(state: State<'_, AppState>) -> CmdResult<Vec<Request>> {
    Ok(state.session().vault()?.requests()?)
}

#[tauri::command]
pub async fn request_add(state: State<'_, AppState>, draft: RequestDraft) -> CmdResult<Request> {
    Ok(state.session().vault()?.add_request(&draft)?)
}

#[tauri::command]
pub async fn request_close(
    state: State<'_, AppState>,
    number: i64,
    closing: Closing,
) -> CmdResult<Request> {
    Ok(state.session().vault()?.close_request(number, &closing)?)
}

#[tauri::command]
pub async fn request_answer_preview(
    state: State<'_, AppState>,
    number: i64,
    lang: String,
) -> CmdResult<Vec<String>> {
    Ok(state
        .session()
        .vault()?
        .preview_access_answer(number, DocLang::parse(&lang)?)?)
}

#[tauri::command]
pub async fn request_answer_save(
    state: State<'_, AppState>,
    number: i64,
    lang: String,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<Answer> {
    Ok(state.session().vault()?.save_access_answer(
        number,
        DocLang::parse(&lang)?,
        &path,
        if_exists,
    )?)
}

#[tauri::command]
pub async fn breaches_list(state: State<'_, AppState>) -> CmdResult<Vec<Breach>> {
    let session = state.session();
    let v = session.vault()?;
    v.propose_breaches()?;
    Ok(v.breaches()?)
}

#[tauri::command]
pub async fn breach_add(state: State<'_, AppState>, draft: BreachDraft) -> CmdResult<Breach> {
    Ok(state.session().vault()?.add_breach(&draft)?)
}

#[tauri::command]
pub async fn breach_notified(
    state: State<'_, AppState>,
    number: i64,
    on: String,
) -> CmdResult<Breach> {
    let on = derbes_core::lifecycle::retention::as_of(Some(&on))?;
    Ok(state.session().vault()?.breach_notified(number, on)?)
}

#[tauri::command]
pub async fn breach_follow_up(
    state: State<'_, AppState>,
    number: i64,
    subjects_told: SubjectsTold,
    containment: Option<String>,
) -> CmdResult<Breach> {
    Ok(state
        .session()
        .vault()?
        .breach_follow_up(number, subjects_told, containment.as_deref())?)
}

#[tauri::command]
pub async fn breach_close(state: State<'_, AppState>, number: i64) -> CmdResult<Breach> {
    Ok(state.session().vault()?.close_breach(number)?)
}

#[tauri::command]
pub async fn breach_confirm(state: State<'_, AppState>, number: i64) -> CmdResult<Breach> {
    Ok(state.session().vault()?.confirm_breach(number)?)
}

#[tauri::command]
pub async fn breach_dismiss(
    state: State<'_, AppState>,
    number: i64,
    reason: String,
) -> CmdResult<Breach> {
    Ok(state.session().vault()?.dismiss_breach(number, &reason)?)
}

#[tauri::command]
pub async fn breach_notice_preview(
    state: State<'_, AppState>,
    number: i64,
    lang: String,
) -> CmdResult<Vec<String>> {
    Ok(state
        .session()
        .vault()?
        .preview_breach_notice(number, DocLang::parse(&lang)?)?)
}

#[tauri::command]
pub async fn breach_notice_save(
    state: State<'_, AppState>,
    number: i64,
    lang: String,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<Notice> {
    Ok(state.session().vault()?.save_breach_notice(
        number,
        DocLang::parse(&lang)?,
        &path,
        if_exists,
    )?)
}

#[tauri::command]
pub async fn recipients_list(
    state: State<'_, AppState>,
) -> CmdResult<Vec<derbes_core::reports::identifying::RecipientRecord>> {
    Ok(state.session().vault()?.recipients()?)
}

#[tauri::command]
pub async fn recipient_add(
    state: State<'_, AppState>,
    draft: derbes_core::reports::identifying::RecipientDraft,
) -> CmdResult<derbes_core::reports::identifying::RecipientRecord> {
    Ok(state.session().vault()?.add_recipient(&draft)?)
}

#[tauri::command]
pub async fn transfer_check(
    state: State<'_, AppState>,
    draft: derbes_core::reports::identifying::IdentifyingDraft,
) -> CmdResult<derbes_core::reports::identifying::TransferCheck> {
    Ok(state.session().vault()?.check_transfer(&draft)?)
}

#[tauri::command]
pub async fn transfer_identifying_save(
    state: State<'_, AppState>,
    draft: derbes_core::reports::identifying::IdentifyingDraft,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<derbes_core::reports::transfer::Transfer> {
    Ok(state
        .session()
        .vault()?
        .export_identifying(&draft, &path, if_exists)?)
}

#[tauri::command]
pub async fn transfer_notices(
    state: State<'_, AppState>,
) -> CmdResult<Vec<derbes_core::reports::identifying::TransferNotice>> {
    Ok(state.session().vault()?.transfer_notices()?)
}

#[tauri::command]
pub async fn transfer_notified(
    state: State<'_, AppState>,
    transfer: i64,
    number: i64,
    on: String,
) -> CmdResult<()> {
    let on = derbes_core::lifecycle::retention::as_of(Some(&on))?;
    Ok(state
        .session()
        .vault()?
        .transfer_notified(transfer, number, on)?)
}
