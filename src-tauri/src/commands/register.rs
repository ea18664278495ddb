//! The register: people, the inventory, the organisation.

use std::collections::BTreeMap;

use derbes_core::register::fields::{Category, Field, Kind, PersonDraft, SERVICE_TYPES};
use derbes_core::register::inventory::{Inventory, InventoryDocument};
use derbes_core::register::organisation::Organisation;
use derbes_core::register::regions::{Region, REGIONS};
use derbes_core::register::subjects::{Access, Page, Person, Query, AGE_BANDS};
use derbes_core::vault::journal::Entry;
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// A field as the form needs to know it.
#[derive(Serialize)]
pub struct FieldMeta {
    key: &'static str,
    category: Category,
    sensitive: bool,
}

/// Everything the register screens need to build their forms and filters.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterMeta {
    fields: Vec<FieldMeta>,
    kinds: Vec<&'static str>,
    regions: &'static [Region],
    service_types: &'static [&'static str],
    age_bands: &'static [&'static str],
    allowed: BTreeMap<&'static str, Vec<&'static str>>,
    programmes: Vec<String>,
}

/// A person as the form sends it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftIn {
    kind: Option<Kind>,
    #[serde(default)]
    values: BTreeMap<Field, String>,
    #[serde(default)]
    services: Vec<ServiceIn>,
}

/// A service as the form sends it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceIn {
    date: String,
    service_type: String,
}

impl From<DraftIn> for PersonDraft {
    fn from(d: DraftIn) -> Self {
        PersonDraft {
            kind: d.kind,
            values: d.values,
            services: d
                .services
                .into_iter()
                .map(|s| derbes_core::register::fields::ServiceDraft {
                    date: s.date,
                    service_type: s.service_type,
                })
                .collect(),
            registered_on: None,
        }
    }
}

#[tauri::command]
pub async fn register_meta(state: State<'_, AppState>) -> CmdResult<RegisterMeta> {
    let s = state.session();
    let v = s.vault()?;
    let inv = v.inventory()?;
    Ok(RegisterMeta {
        fields: Field::ALL
            .iter()
            .map(|f| FieldMeta {
                key: f.key(),
                category: inv.document.category(*f),
                sensitive: inv.document.is_sensitive(*f),
            })
            .collect(),
        kinds: Kind::ALL.iter().map(|k| k.key()).collect(),
        regions: &REGIONS,
        service_types: &SERVICE_TYPES,
        age_bands: &AGE_BANDS,
        allowed: Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.key(),
                    inv.document
                        .allowed(*k)
                        .into_iter()
                        .map(|f| f.key())
                        .collect(),
                )
            })
            .collect(),
        programmes: v.programmes()?,
    })
}

#[tauri::command]
pub async fn subject_list(state: State<'_, AppState>, query: Query) -> CmdResult<Page> {
    Ok(state.session().vault()?.list_subjects(&query)?)
}

#[tauri::command]
pub async fn subject_get(state: State<'_, AppState>, id: String) -> CmdResult<Person> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.subject(v.resolve_subject(&id)?)?)
}

#[tauri::command]
pub async fn subject_reveal(
    state: State<'_, AppState>,
    id: String,
    fields: Vec<Field>,
) -> CmdResult<Person> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.reveal_subject(v.resolve_subject(&id)?, &fields)?)
}

#[tauri::command]
pub async fn subject_create(
    state: State<'_, AppState>,
    draft: DraftIn,
    basis: derbes_core::lifecycle::basis::BasisDraft,
) -> CmdResult<Person> {
    Ok(state
        .session()
        .vault()?
        .add_subject(&draft.into(), &basis)?)
}

#[tauri::command]
pub async fn subject_update(
    state: State<'_, AppState>,
    id: String,
    draft: DraftIn,
) -> CmdResult<Person> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.edit_subject(v.resolve_subject(&id)?, &draft.into())?)
}

#[tauri::command]
pub async fn subject_set_access(
    state: State<'_, AppState>,
    id: String,
    access: Access,
) -> CmdResult<()> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.set_access(v.resolve_subject(&id)?, access)?)
}

#[tauri::command]
pub async fn subject_history(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Entry>> {
    let s = state.session();
    let v = s.vault()?;
    Ok(v.subject_history(v.resolve_subject(&id)?)?)
}

#[tauri::command]
pub async fn org_get(state: State<'_, AppState>) -> CmdResult<Organisation> {
    Ok(state.session().vault()?.organisation()?)
}

#[tauri::command]
pub async fn org_set(state: State<'_, AppState>, org: Organisation) -> CmdResult<Organisation> {
    Ok(state.session().vault()?.set_organisation(&org)?)
}

#[tauri::command]
pub async fn inventory_get(state: State<'_, AppState>) -> CmdResult<Inventory> {
    Ok(state.session().vault()?.inventory()?)
}

#[tauri::command]
pub async fn inventory_approve(
    state: State<'_, AppState>,
    document: InventoryDocument,
) -> CmdResult<Inventory> {
    Ok(state.session().vault()?.approve_inventory(&document)?)
}
