//! Consent, retention, blocking and hold, anonymisation and destruction: thin doors to the core.

use std::path::PathBuf;

use derbes_core::documents::{self, DocLang, IfExists};
use derbes_core::lifecycle::basis::{BasisDraft, Ground as LegalGround, Lapse, ART9_GROUNDS};
use derbes_core::lifecycle::consent::{
    Consent, ConsentDraft, ConsentForm, Evidence, WithdrawalDraft,
};
use derbes_core::lifecycle::end::{Act, ActSummary, EndAction, Ground};
use derbes_core::lifecycle::retention::{
    self, Anchor, DueList, Overview, Rule, BASES, REASON_CODES,
};
use derbes_core::register::fields::Kind;
use derbes_core::register::subjects::Person;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use uuid::Uuid;

use crate::error::CmdResult;
use crate::state::AppState;

/// A purpose as the consent wizard shows it.
#[derive(Serialize)]
pub struct PurposeMeta {
    key: String,
    names: derbes_core::register::inventory::Names,
    kinds: Vec<&'static str>,
}

/// The choices the lifecycle screens offer.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleMeta {
    legal_grounds: &'static [&'static str],
    reason_codes: &'static [&'static str],
    bases: &'static [&'static str],
    anchors: [&'static str; 5],
    grounds: [&'static str; 5],
    forms: [&'static str; 5],
    purposes: Vec<PurposeMeta>,
}

/// The result of ending everyone due.
#[derive(Serialize)]
pub struct EndDue {
    act: Act,
    skipped: Vec<i64>,
}

#[tauri::command]
pub async fn lifecycle_meta(state: State<'_, AppState>) -> CmdResult<LifecycleMeta> {
    let s = state.session();
    let inventory = s.vault()?.inventory()?;
    Ok(LifecycleMeta {
        legal_grounds: &ART9_GROUNDS,
        reason_codes: &REASON_CODES,
        bases: &BASES,
        anchors: Anchor::ALL.map(Anchor::key),
        grounds: Ground::ALL.map(Ground::key),
        forms: ConsentForm::ALL.map(ConsentForm::key),
        purposes: inventory
            .document
            .purposes
            .into_iter()
            .map(|p| PurposeMeta {
                kinds: Kind::ALL
                    .iter()
                    .filter(|k| p.fields.get(k).is_some_and(|f| !f.is_empty()))
                    .map(|k| k.key())
                    .collect(),
                key: p.key,
                names: p.names,
            })
            .collect(),
    })
}

#[tauri::command]
pub async fn consent_list(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Consent>> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.consents(v.resolve_subject(&id)?)?)
}

#[tauri::command]
pub async fn consent_check(
    state: State<'_, AppState>,
    id: String,
    draft: ConsentDraft,
) -> CmdResult<()> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.check_consent_draft(v.resolve_subject(&id)?, &draft)?)
}

#[tauri::command]
pub async fn consent_add(
    state: State<'_, AppState>,
    id: String,
    draft: ConsentDraft,
) -> CmdResult<Consent> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.add_consent(v.resolve_subject(&id)?, &draft)?)
}

#[tauri::command]
pub async fn consent_withdraw(
    state: State<'_, AppState>,
    number: i64,
    withdrawal: WithdrawalDraft,
) -> CmdResult<Consent> {
    Ok(state
        .session()
        .vault()?
        .withdraw_consent(number, &withdrawal)?)
}

#[tauri::command]
pub async fn choose_evidence_file(app: AppHandle) -> CmdResult<Option<PathBuf>> {
    Ok(app
        .dialog()
        .file()
        .add_filter("PDF, JPEG, PNG", &["pdf", "jpg", "jpeg", "png"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok()))
}

#[tauri::command]
pub async fn consent_attach(
    state: State<'_, AppState>,
    number: i64,
    path: PathBuf,
) -> CmdResult<Evidence> {
    Ok(state
        .session()
        .vault()?
        .attach_consent_evidence_file(number, &path)?)
}

#[tauri::command]
pub async fn default_save_path(app: AppHandle, suggested_name: String) -> CmdResult<PathBuf> {
    let dir = app
        .path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .unwrap_or_default();
    // Never suggest a file that is already there: "name (2).pdf" instead.
    Ok(documents::free_path(&dir, &file_name(&suggested_name)))
}

/// Keep a suggested name to one plain file name.
pub(crate) fn file_name(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '\0') && !c.is_control())
        .collect();
    if clean.trim().is_empty() {
        "derbes.pdf".into()
    } else {
        clean
    }
}

#[tauri::command]
pub async fn choose_save_path(
    app: AppHandle,
    suggested_name: String,
) -> CmdResult<Option<PathBuf>> {
    // The filter follows the suggested name: a PDF, or the compliance pack's ZIP.
    let (label, ext) = if suggested_name.to_lowercase().ends_with(".zip") {
        ("ZIP", "zip")
    } else {
        ("PDF", "pdf")
    };
    Ok(app
        .dialog()
        .file()
        .set_file_name(file_name(&suggested_name))
        .add_filter(label, &[ext])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok()))
}

#[tauri::command]
pub async fn consent_form_save(
    state: State<'_, AppState>,
    number: i64,
    lang: String,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<PathBuf> {
    // Refuse a taken path before printing: printing is journaled.
    documents::check_target(&path, if_exists)?;
    let bytes = state
        .session()
        .vault()?
        .consent_form_pdf(number, DocLang::parse(&lang)?)?;
    documents::save(&path, &bytes, if_exists)?;
    Ok(path)
}

#[tauri::command]
pub async fn consent_form_draft_save(
    state: State<'_, AppState>,
    id: String,
    draft: ConsentDraft,
    lang: String,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<PathBuf> {
    documents::check_target(&path, if_exists)?;
    let s = state.session();
    let v = s.vault()?;
    let bytes =
        v.consent_form_draft_pdf(v.resolve_subject(&id)?, &draft, DocLang::parse(&lang)?)?;
    documents::save(&path, &bytes, if_exists)?;
    Ok(path)
}

#[tauri::command]
pub async fn act_save(
    state: State<'_, AppState>,
    number: i64,
    lang: String,
    path: PathBuf,
    if_exists: IfExists,
) -> CmdResult<PathBuf> {
    documents::check_target(&path, if_exists)?;
    let bytes = state
        .session()
        .vault()?
        .act_pdf(number, DocLang::parse(&lang)?)?;
    documents::save(&path, &bytes, if_exists)?;
    Ok(path)
}

/// Run `change` on a person, then return their record as it now stands.
fn on_person(
    state: &State<'_, AppState>,
    id: &str,
    change: impl FnOnce(&derbes_core::Vault, Uuid) -> derbes_core::Result<()>,
) -> CmdResult<Person> {
    let s = state.session();
    let v = s.vault()?;
    let id = v.resolve_subject(id)?;
    change(v, id)?;
    Ok(v.subject(id)?)
}

#[tauri::command]
pub async fn subject_set_legal_ground(
    state: State<'_, AppState>,
    id: String,
    ground: Option<LegalGround>,
) -> CmdResult<Person> {
    on_person(&state, &id, |v, id| v.set_legal_ground(id, ground.as_ref()))
}

/// Give many people a basis at once ("paper consents on file", or a ground).
#[tauri::command]
pub async fn subjects_set_basis(
    state: State<'_, AppState>,
    ids: Vec<String>,
    basis: BasisDraft,
) -> CmdResult<usize> {
    let s = state.session();
    let v = s.vault()?;
    let ids = ids
        .iter()
        .map(|id| v.resolve_subject(id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(v.set_basis_many(&ids, &basis)?)
}

/// People processed without a basis, oldest first, each with its one-working-day clock.
#[tauri::command]
pub async fn lapsed_bases(state: State<'_, AppState>) -> CmdResult<Vec<Lapse>> {
    Ok(state
        .session()
        .vault()?
        .lapsed_bases(derbes_core::lifecycle::consent::today())?)
}

#[tauri::command]
pub async fn subject_set_end_date(
    state: State<'_, AppState>,
    id: String,
    date: Option<String>,
) -> CmdResult<Person> {
    on_person(&state, &id, |v, id| v.set_end_date(id, date.as_deref()))
}

#[tauri::command]
pub async fn subject_block(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> CmdResult<Person> {
    on_person(&state, &id, |v, id| v.block(id, &reason))
}

#[tauri::command]
pub async fn subject_unblock(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> CmdResult<Person> {
    on_person(&state, &id, |v, id| v.unblock(id, &reason))
}

#[tauri::command]
pub async fn subject_hold(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> CmdResult<Person> {
    on_person(&state, &id, |v, id| v.hold(id, &reason))
}

#[tauri::command]
pub async fn subject_release_hold(state: State<'_, AppState>, id: String) -> CmdResult<Person> {
    on_person(&state, &id, |v, id| v.release_hold(id))
}

#[tauri::command]
pub async fn retention_rules_get(state: State<'_, AppState>) -> CmdResult<Vec<Rule>> {
    Ok(state.session().vault()?.retention_rules()?)
}

#[tauri::command]
pub async fn retention_rules_set(
    state: State<'_, AppState>,
    rules: Vec<Rule>,
) -> CmdResult<Vec<Rule>> {
    Ok(state.session().vault()?.set_retention_rules(&rules)?)
}

#[tauri::command]
pub async fn retention_due(
    state: State<'_, AppState>,
    as_of: Option<String>,
) -> CmdResult<DueList> {
    let on = retention::as_of(as_of.as_deref())?;
    Ok(state.session().vault()?.due(on)?)
}

#[tauri::command]
pub async fn lifecycle_end(
    state: State<'_, AppState>,
    ids: Vec<String>,
    action: EndAction,
    ground: Ground,
    reference: Option<String>,
) -> CmdResult<Act> {
    let s = state.session();
    let v = s.vault()?;
    let ids = ids
        .iter()
        .map(|i| v.resolve_subject(i))
        .collect::<derbes_core::Result<Vec<_>>>()?;
    Ok(match action {
        EndAction::Anonymise => v.anonymise(&ids, ground, reference.as_deref())?,
        EndAction::Destroy => v.destroy(&ids, ground, reference.as_deref())?,
    })
}

#[tauri::command]
pub async fn lifecycle_end_due(
    state: State<'_, AppState>,
    action: EndAction,
    as_of: Option<String>,
) -> CmdResult<EndDue> {
    let on = retention::as_of(as_of.as_deref())?;
    let (act, skipped) = state.session().vault()?.end_due(action, on)?;
    Ok(EndDue { act, skipped })
}

#[tauri::command]
pub async fn acts_list(state: State<'_, AppState>) -> CmdResult<Vec<ActSummary>> {
    Ok(state.session().vault()?.acts()?)
}

#[tauri::command]
pub async fn act_get(state: State<'_, AppState>, number: i64) -> CmdResult<Act> {
    Ok(state.session().vault()?.act(number)?)
}

#[tauri::command]
pub async fn lifecycle_overview(state: State<'_, AppState>) -> CmdResult<Overview> {
    Ok(state
        .session()
        .vault()?
        .lifecycle_overview(retention::as_of(None)?)?)
}
