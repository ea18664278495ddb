//! What each paper's template reads as `/data.json`: facts and stable keys from the vault, never
//! sentences (those are in the templates). Names of purposes come in the paper's language, as
//! the inventory gives them.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use time::OffsetDateTime;

use super::{Paper, PaperRequest};
use crate::documents::{day, DocLang};
use crate::error::Result;
use crate::register::fields::{Field, Kind};
use crate::register::inventory::{Inventory, Names};
use crate::vault::Vault;

fn name_in(names: &Names, lang: DocLang) -> &str {
    match lang {
        DocLang::Kk => &names.kk,
        DocLang::Ru => &names.ru,
    }
}

/// Everything `req` says except its number and date: the fingerprint of a produced paper is a
/// hash of this.
pub(super) fn content(v: &Vault, req: &PaperRequest) -> Result<Value> {
    let org = v.organisation()?;
    let inventory = match (req.paper, req.version) {
        (Paper::Inventory, Some(n)) => v.inventory_version(n)?,
        _ => v.inventory()?,
    };
    let mut data = json!({
        "paper": req.paper.key(),
        "org": {
            "name": org.name,
            "bin": org.bin,
            "address": org.address,
            "responsible": org.responsible_name,
            "contacts": org.responsible_contacts,
            "head": org.head_name,
            "head_position": org.head_position,
        },
    });
    let extra = match req.paper {
        Paper::Policy => json!({
            "inventory": inventory_facts(&inventory, v)?,
            "purposes": purposes(&inventory, req.lang),
            "kinds": kinds(&inventory),
            "rules": rules(v, &inventory, req.lang)?,
            "recipients": recipients(v)?,
            "request_days": 3,
        }),
        Paper::Inventory => json!({
            "inventory": inventory_facts(&inventory, v)?,
            "purposes": purposes(&inventory, req.lang),
            "fields": fields(&inventory),
        }),
        Paper::Order => json!({}),
        Paper::Retention => json!({
            "inventory": inventory_facts(&inventory, v)?,
            "rules": rules(v, &inventory, req.lang)?,
        }),
        Paper::Undertaking => {
            let person = v.confidant(req.person.unwrap_or_default())?;
            json!({
                "person": {
                    "name": person.name,
                    "role": person.role,
                    "source": person.source,
                    "number": person.number,
                },
            })
        }
    };
    if let (Some(d), Value::Object(e)) = (data.as_object_mut(), extra) {
        d.extend(e);
    }
    Ok(data)
}

/// `content` with what changes on every printing: the language, the number, the date.
pub(super) fn with_heading(
    mut content: Value,
    lang: DocLang,
    number: i64,
    at: OffsetDateTime,
) -> Value {
    let date = format!("{:02}.{:02}.{}", at.day(), u8::from(at.month()), at.year());
    if let Some(d) = content.as_object_mut() {
        d.insert("lang".into(), json!(lang.key()));
        d.insert("number".into(), json!(number.to_string()));
        d.insert("date".into(), json!(date));
    }
    content
}

fn inventory_facts(inventory: &Inventory, v: &Vault) -> Result<Value> {
    let current = v.inventory()?.version;
    Ok(json!({
        "version": inventory.version,
        "approved": day(&inventory.approved_at),
        "approved_by": inventory.approved_by_name.clone().unwrap_or_default(),
        "current": inventory.version == current,
    }))
}

/// Each purpose with its name and, per kind of person, its fields (stable keys).
fn purposes(inventory: &Inventory, lang: DocLang) -> Value {
    inventory
        .document
        .purposes
        .iter()
        .map(|p| {
            json!({
                "key": p.key,
                "name": name_in(&p.names, lang),
                "groups": Kind::ALL
                    .iter()
                    .filter_map(|k| p.fields.get(k).filter(|f| !f.is_empty()).map(|f| json!({
                        "kind": k.key(),
                        "fields": f.iter().map(|f| f.key()).collect::<Vec<_>>(),
                    })))
                    .collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The kinds of people the inventory collects data about.
fn kinds(inventory: &Inventory) -> Vec<&'static str> {
    Kind::ALL
        .iter()
        .filter(|k| !inventory.document.allowed(**k).is_empty())
        .map(|k| k.key())
        .collect()
}

/// Every field collected for someone, with its category and whether it is sensitive.
fn fields(inventory: &Inventory) -> Value {
    Field::ALL
        .iter()
        .filter_map(|f| {
            let kinds: Vec<&str> = Kind::ALL
                .iter()
                .filter(|k| inventory.document.allowed(**k).contains(f))
                .map(|k| k.key())
                .collect();
            (!kinds.is_empty()).then(|| {
                json!({
                    "key": f.key(),
                    "category": inventory.document.category(*f).key(),
                    "sensitive": inventory.document.is_sensitive(*f),
                    "kinds": kinds,
                })
            })
        })
        .collect()
}

/// The retention rules, with their purpose named in the paper's language.
fn rules(v: &Vault, inventory: &Inventory, lang: DocLang) -> Result<Value> {
    Ok(v.retention_rules()?
        .iter()
        .map(|r| {
            let purpose = r.purpose.as_ref().map(|key| {
                inventory
                    .document
                    .purposes
                    .iter()
                    .find(|p| &p.key == key)
                    .map_or(key.as_str(), |p| name_in(&p.names, lang))
                    .to_string()
            });
            json!({
                "kind": r.kind.key(),
                "purpose": purpose,
                "mode": serde_json::to_value(r.mode).unwrap_or_default(),
                "anchor": r.anchor.map(|a| a.key()),
                "months": r.months,
                "basis": r.basis,
            })
        })
        .collect())
}

/// Whom the organisation has given anonymised data to, from the transfer ledger.
fn recipients(v: &Vault) -> Result<Vec<String>> {
    let names: BTreeSet<String> = v
        .transfers()?
        .into_iter()
        .map(|t| t.recipient.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    Ok(names.into_iter().collect())
}
