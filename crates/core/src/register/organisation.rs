//! The organisation that operates the register: what consents and generated documents name as
//! the operator (Art. 8(4)(1): name and BIN) and whom a subject or the regulator contacts.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::register::ids::{parse_bin, IdProblem};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// The operator's details, as set in Settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// Full name, e.g. «Жәрдем» қоғамдық бірлестігі.
    pub name: String,
    /// БСН / БИН, 12 digits.
    pub bin: String,
    /// Legal address.
    pub address: String,
    /// The person responsible for organising processing (Art. 25(2)(10)).
    pub responsible_name: String,
    /// That person's phone and e-mail.
    pub responsible_contacts: String,
    /// The head of the organisation, who signs its orders and approves its policy.
    #[serde(default)]
    pub head_name: String,
    /// The head's position (Төраға, Директор…).
    #[serde(default)]
    pub head_position: String,
}

const KEYS: [&str; 7] = [
    "organisation.name",
    "organisation.bin",
    "organisation.address",
    "organisation.responsible_name",
    "organisation.responsible_contacts",
    "organisation.head_name",
    "organisation.head_position",
];

fn clean(field: &'static str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(Error::invalid(field, "organisation_too_long").with("max", max));
    }
    if v.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(field, "organisation_control_chars"));
    }
    Ok(v.to_string())
}

/// A BIN that is not right: the refusal for what is wrong with it.
fn bin_refusal(p: IdProblem) -> Error {
    match p {
        IdProblem::Length => Error::invalid("bin", "bin_length"),
        // The check digit is the only other thing a BIN can get wrong (it encodes no date).
        IdProblem::CheckDigit | IdProblem::BirthDate | IdProblem::CenturySex => {
            Error::invalid("bin", "bin_check_digit")
        }
    }
}

impl Vault {
    /// The organisation's details (empty strings where not yet set).
    pub fn organisation(&self) -> Result<Organisation> {
        let get = |k: &str| -> Result<String> { Ok(self.setting(k)?.unwrap_or_default()) };
        Ok(Organisation {
            name: get(KEYS[0])?,
            bin: get(KEYS[1])?,
            address: get(KEYS[2])?,
            responsible_name: get(KEYS[3])?,
            responsible_contacts: get(KEYS[4])?,
            head_name: get(KEYS[5])?,
            head_position: get(KEYS[6])?,
        })
    }

    /// Check and save the organisation's details in one transaction, journaled by key.
    pub fn set_organisation(&self, org: &Organisation) -> Result<Organisation> {
        self.require(Permission::ChangeSettings)?;
        let name = clean("name", &org.name, 300)?;
        if name.is_empty() {
            return Err(Error::invalid("name", "organisation_name_required"));
        }
        let bin = if org.bin.trim().is_empty() {
            String::new()
        } else {
            parse_bin(&org.bin).map_err(bin_refusal)?
        };
        let clean_org = Organisation {
            name,
            bin,
            address: clean("address", &org.address, 500)?,
            responsible_name: clean("responsible_name", &org.responsible_name, 200)?,
            responsible_contacts: clean("responsible_contacts", &org.responsible_contacts, 300)?,
            head_name: clean("head_name", &org.head_name, 200)?,
            head_position: clean("head_position", &org.head_position, 200)?,
        };
        let values = [
            &clean_org.name,
            &clean_org.bin,
            &clean_org.address,
            &clean_org.responsible_name,
            &clean_org.responsible_contacts,
            &clean_org.head_name,
            &clean_org.head_position,
        ];
        let tx = self.conn().unchecked_transaction()?;
        let mut changed = Vec::new();
        for (key, value) in KEYS.iter().zip(values) {
            if self.setting(key)?.as_deref().unwrap_or("") != value.as_str() {
                crate::vault::settings::put(&tx, key, value)?;
                changed.push(*key);
            }
        }
        if !changed.is_empty() {
            crate::vault::journal::append(
                &tx,
                Some(self.user().id),
                crate::vault::journal::Action::SettingsChanged,
                None,
                serde_json::json!({"keys": changed}),
            )?;
        }
        tx.commit()?;
        Ok(clean_org)
    }
}
