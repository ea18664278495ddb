//! The data inventory (дербес деректер тізбесі, Art. 25(2)(1)): the purposes of processing and,
//! per purpose and kind of person, the fields collected. Only fields in the approved inventory
//! can be filled. Each approval is a new, immutable version recording who approved it and when.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::register::fields::{Category, Field, Kind};
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// A name in the three interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Kazakh.
    pub kk: String,
    /// Russian.
    pub ru: String,
    /// English.
    pub en: String,
}

/// One purpose of processing and the fields it needs, per kind of person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    /// Stable key, e.g. `legal_aid`.
    pub key: String,
    /// Its name in kk/ru/en.
    pub names: Names,
    /// Fields collected for this purpose, per kind of person.
    pub fields: BTreeMap<Kind, Vec<Field>>,
}

/// The content of an inventory: what the responsible person approves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryDocument {
    /// The purposes of processing.
    pub purposes: Vec<Purpose>,
    /// Each field's category (sensitive ones decide masking).
    pub categories: BTreeMap<Field, Category>,
}

/// An approved version of the inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Inventory {
    /// 1, 2, 3…
    pub version: i64,
    /// When it was approved (RFC 3339 UTC).
    pub approved_at: String,
    /// Who approved it (user id).
    pub approved_by: String,
    /// That user's name, for display.
    pub approved_by_name: Option<String>,
    /// What was approved.
    #[serde(flatten)]
    pub document: InventoryDocument,
}

impl InventoryDocument {
    /// Every field collected for `kind` under any purpose.
    pub fn allowed(&self, kind: Kind) -> BTreeSet<Field> {
        self.purposes
            .iter()
            .flat_map(|p| p.fields.get(&kind).into_iter().flatten().copied())
            .collect()
    }

    /// The category of `field` in this inventory.
    pub fn category(&self, field: Field) -> Category {
        self.categories
            .get(&field)
            .copied()
            .unwrap_or(field.category())
    }

    /// Whether `field` is masked until revealed.
    pub fn is_sensitive(&self, field: Field) -> bool {
        self.category(field).is_sensitive()
    }

    /// Check a document before it is approved.
    fn check(&self) -> Result<()> {
        /// Longest purpose key and name.
        const MAX_KEY: usize = 60;
        const MAX_NAME: usize = 200;
        if self.purposes.is_empty() {
            return Err(Error::invalid("inventory", "inventory_no_purpose"));
        }
        let mut keys = BTreeSet::new();
        for p in &self.purposes {
            if p.key.is_empty()
                || p.key.len() > MAX_KEY
                || !p
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(Error::invalid("inventory", "inventory_purpose_key")
                    .with("key", p.key.chars().take(MAX_KEY).collect::<String>()));
            }
            if !keys.insert(p.key.as_str()) {
                return Err(Error::invalid("inventory", "inventory_purpose_twice")
                    .with("key", p.key.as_str()));
            }
            for n in [&p.names.kk, &p.names.ru, &p.names.en] {
                if n.trim().is_empty() || n.chars().count() > MAX_NAME {
                    return Err(Error::invalid("inventory", "inventory_purpose_names")
                        .with("key", p.key.as_str())
                        .with("max", MAX_NAME));
                }
            }
        }
        for (field, cat) in &self.categories {
            // A field that identifies or concerns health stays sensitive whatever the inventory says.
            if field.category().is_sensitive() && !cat.is_sensitive() {
                return Err(Error::invalid("inventory", "inventory_field_sensitive")
                    .with("key", field.key()));
            }
        }
        Ok(())
    }
}

fn names(kk: &str, ru: &str, en: &str) -> Names {
    Names {
        kk: kk.into(),
        ru: ru.into(),
        en: en.into(),
    }
}

/// The inventory a new vault starts with: sensible for a Kazakh NGO, editable in Settings.
pub fn default_document() -> InventoryDocument {
    use Field::*;
    let identity = [Surname, Name, Patronymic, Iin, BirthDate, Sex];
    let place = [Region, District, Settlement, Address];
    let purpose = |key: &str, n: Names, per_kind: Vec<(Kind, Vec<Field>)>| Purpose {
        key: key.into(),
        names: n,
        fields: per_kind.into_iter().collect(),
    };
    let cat = |fields: &[Field]| fields.to_vec();
    InventoryDocument {
        purposes: vec![
            purpose(
                "legal_aid",
                names("Құқықтық көмек", "Правовая помощь", "Legal aid"),
                vec![(
                    Kind::Beneficiary,
                    [
                        &identity[..],
                        &[Phone, Email],
                        &place[..],
                        &[IdDocument, Programme, Services, Notes],
                    ]
                    .concat(),
                )],
            ),
            purpose(
                "humanitarian_aid",
                names(
                    "Гуманитарлық көмек",
                    "Гуманитарная помощь",
                    "Humanitarian aid",
                ),
                vec![(
                    Kind::Beneficiary,
                    [
                        &identity[..],
                        &[Phone],
                        &place[..],
                        &[Programme, Services, Disability, HouseholdSize, Notes],
                    ]
                    .concat(),
                )],
            ),
            purpose(
                "social_support",
                names(
                    "Әлеуметтік қолдау",
                    "Социальная поддержка",
                    "Social support",
                ),
                vec![
                    (
                        Kind::Beneficiary,
                        [
                            &identity[..],
                            &[Phone, Email],
                            &place[..],
                            &[
                                Programme,
                                Services,
                                Disability,
                                HouseholdSize,
                                HealthNotes,
                                Notes,
                            ],
                        ]
                        .concat(),
                    ),
                    (
                        Kind::Volunteer,
                        cat(&[
                            Surname, Name, Patronymic, BirthDate, Sex, Phone, Email, Region,
                            Settlement, Programme, Notes,
                        ]),
                    ),
                ],
            ),
            purpose(
                "payroll",
                names("Еңбекақы төлеу", "Начисление заработной платы", "Payroll"),
                vec![(
                    Kind::Employee,
                    [
                        &identity[..],
                        &[Phone, Email, Region, Settlement, Address, IdDocument, Notes],
                    ]
                    .concat(),
                )],
            ),
            purpose(
                "donor_reporting",
                names(
                    "Донорларға есеп беру",
                    "Отчётность перед донорами",
                    "Donor reporting",
                ),
                vec![(
                    Kind::Beneficiary,
                    cat(&[
                        BirthDate,
                        Sex,
                        Region,
                        District,
                        Programme,
                        Services,
                        Disability,
                        HouseholdSize,
                    ]),
                )],
            ),
        ],
        categories: Field::ALL.iter().map(|f| (*f, f.category())).collect(),
    }
}

fn load_current(conn: &Connection) -> Result<Option<Inventory>> {
    load(conn, None)
}

/// The version `version` of the inventory, or the newest when `None`.
fn load(conn: &Connection, version: Option<i64>) -> Result<Option<Inventory>> {
    let row: Option<(i64, String, String, Option<String>, String)> = conn
        .query_row(
            "SELECT i.version, i.approved_at, i.approved_by, u.name, i.document FROM inventory_version i LEFT JOIN user u ON u.id = i.approved_by
             WHERE ?1 IS NULL OR i.version = ?1 ORDER BY i.version DESC LIMIT 1",
            [version],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    row.map(
        |(version, approved_at, approved_by, approved_by_name, doc)| {
            let document = serde_json::from_str(&doc).map_err(|_| Error::VaultDamaged)?;
            Ok(Inventory {
                version,
                approved_at,
                approved_by,
                approved_by_name,
                document,
            })
        },
    )
    .transpose()
}

fn insert(conn: &Connection, user: Uuid, doc: &InventoryDocument, default: bool) -> Result<i64> {
    let version: i64 = conn.query_row(
        "SELECT coalesce(max(version), 0) + 1 FROM inventory_version",
        [],
        |r| r.get(0),
    )?;
    let text = serde_json::to_string(doc).map_err(|e| Error::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO inventory_version (version, approved_at, approved_by, document) VALUES (?1, ?2, ?3, ?4)",
        params![version, crate::vault::journal::now_utc(), user.to_string(), text],
    )?;
    journal::append(
        conn,
        Some(user),
        Action::InventoryApproved,
        Some(&version.to_string()),
        json!({"version": version, "default": default, "purposes": doc.purposes.len()}),
    )?;
    Ok(version)
}

/// Give a vault without an inventory the default one, approved by `user`. Runs at creation and
/// when an older vault is first opened by a Derbes that has the register.
pub(crate) fn ensure_default(conn: &Connection, user: Uuid) -> Result<()> {
    if load_current(conn)?.is_none() {
        insert(conn, user, &default_document(), true)?;
    }
    Ok(())
}

impl Vault {
    /// The approved inventory in force.
    pub fn inventory(&self) -> Result<Inventory> {
        load_current(self.conn())?.ok_or(Error::VaultDamaged)
    }

    /// An earlier (or the current) version of the inventory, as it was approved.
    pub fn inventory_version(&self, version: i64) -> Result<Inventory> {
        load(self.conn(), Some(version))?.ok_or_else(|| {
            Error::invalid("version", "inventory_version_unknown").with("version", version)
        })
    }

    /// Approve a new version of the inventory (the current user approves it).
    pub fn approve_inventory(&self, doc: &InventoryDocument) -> Result<Inventory> {
        self.require(Permission::ChangeSettings)?;
        doc.check()?;
        let tx = self.conn().unchecked_transaction()?;
        insert(&tx, self.user().id, doc, false)?;
        tx.commit()?;
        self.inventory()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_inventory_has_the_stable_purposes_and_passes_its_own_checks() {
        let d = default_document();
        let keys: Vec<&str> = d.purposes.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "legal_aid",
                "humanitarian_aid",
                "social_support",
                "payroll",
                "donor_reporting"
            ]
        );
        d.check().unwrap();
        assert!(d.allowed(Kind::Beneficiary).contains(&Field::HealthNotes));
        assert!(!d.allowed(Kind::Employee).contains(&Field::HealthNotes));
        assert!(d.allowed(Kind::Employee).contains(&Field::Iin));
        assert!(d.allowed(Kind::Volunteer).contains(&Field::Phone));
        assert!(!d.allowed(Kind::Volunteer).contains(&Field::Iin));
    }

    #[test]
    fn bad_documents_are_refused() {
        use crate::error::Reason;
        let code = |d: &InventoryDocument| match d.check() {
            Err(Error::InvalidInput {
                field: "inventory",
                reason: Reason { code, .. },
            }) => code,
            other => panic!("expected a refused inventory, got {other:?}"),
        };
        let mut d = default_document();
        d.categories.insert(Field::Iin, Category::Other);
        assert_eq!(
            code(&d),
            "inventory_field_sensitive",
            "an IIN cannot be made non-sensitive"
        );
        assert_eq!(
            d.check().unwrap_err().to_string(),
            "The field \"iin\" must keep a sensitive category."
        );
        let mut d = default_document();
        d.purposes[1].key = "legal_aid".into();
        assert_eq!(code(&d), "inventory_purpose_twice", "duplicate purpose");
        let mut d = default_document();
        d.purposes[0].names.kk = " ".into();
        assert_eq!(
            code(&d),
            "inventory_purpose_names",
            "a purpose needs its Kazakh name"
        );
        assert_eq!(
            d.check().unwrap_err().to_string(),
            "The purpose \"legal_aid\" needs a name in Kazakh, Russian and English (up to 200 characters)."
        );
        let mut d = default_document();
        d.purposes[0].key = "Legal Aid".into();
        assert_eq!(code(&d), "inventory_purpose_key");
        assert_eq!(
            code(&InventoryDocument {
                purposes: vec![],
                categories: BTreeMap::new()
            }),
            "inventory_no_purpose"
        );
    }
}
