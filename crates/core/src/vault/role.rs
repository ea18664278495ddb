//! Who may do what. A vault has two roles: the **responsible person** (Law No. 94-V, Art. 25:
//! the person the organisation makes responsible for processing personal data) may do
//! everything; **staff** keep the register, consents, requests and services and register
//! breaches, but do not destroy or anonymise, change settings or users, or export anything
//! row by row or identifying. Revealing masked fields (health, identity numbers) is the
//! responsible person's, and a staff member's only where the responsible person allowed it.
//!
//! Every door that needs more than staff calls [`Vault::require`] first; the refusal names the
//! permission and the role it needs, and the front ends hide what the user's role cannot do
//! (they learn it from [`Vault::permissions`]).

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vault::Vault;

/// A user's role in a vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The person responsible for processing: everything.
    Responsible,
    /// Staff: the daily work, none of the irreversible or outward-facing actions.
    Staff,
}

impl Role {
    /// The stable code, as stored in the database and shown to front ends.
    pub fn code(self) -> &'static str {
        match self {
            Role::Responsible => "responsible",
            Role::Staff => "staff",
        }
    }

    /// The role for a stable code.
    pub fn parse(code: &str) -> Option<Role> {
        match code {
            "responsible" => Some(Role::Responsible),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}

/// An action that not every role may take. What is not listed here, every user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Add and remove users, set their passwords and allowances, re-key the vault.
    ManageUsers,
    /// Settings, the organisation's details, the data inventory, retention rules.
    ChangeSettings,
    /// Anonymise or destroy people, and print the acts.
    EndLife,
    /// Release a legal hold, unblock, place a hold: decisions about keeping data.
    DecideKeeping,
    /// Row-level releases and any export that is not an aggregate table.
    ExportRows,
    /// Show masked fields (health data, identity numbers) in clear.
    RevealSensitive,
    /// Write a backup: a whole copy of the vault that leaves the laptop.
    BackUp,
}

impl Permission {
    /// Every permission, for front ends that ask what a user may do.
    pub const ALL: [Permission; 7] = [
        Permission::ManageUsers,
        Permission::ChangeSettings,
        Permission::EndLife,
        Permission::DecideKeeping,
        Permission::ExportRows,
        Permission::RevealSensitive,
        Permission::BackUp,
    ];

    /// The stable code, used in refusals and their sentences (`permission-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Permission::ManageUsers => "manage_users",
            Permission::ChangeSettings => "change_settings",
            Permission::EndLife => "end_life",
            Permission::DecideKeeping => "decide_keeping",
            Permission::ExportRows => "export_rows",
            Permission::RevealSensitive => "reveal_sensitive",
            Permission::BackUp => "back_up",
        }
    }

    /// Whether a user with `role` (and, for staff, the responsible person's allowance to
    /// reveal masked fields) has this permission.
    pub fn granted(self, role: Role, may_reveal: bool) -> bool {
        match (role, self) {
            (Role::Responsible, _) => true,
            (Role::Staff, Permission::RevealSensitive) => may_reveal,
            (Role::Staff, _) => false,
        }
    }
}

impl Vault {
    /// Refuse unless the user who unlocked the vault has `permission`.
    pub fn require(&self, permission: Permission) -> Result<()> {
        let user = self.user();
        if permission.granted(user.role, user.may_reveal) {
            Ok(())
        } else {
            Err(Error::NotPermitted {
                permission: permission.code(),
                role: Role::Responsible.code(),
            })
        }
    }

    /// What the user who unlocked the vault may do, for front ends to show only that.
    pub fn permissions(&self) -> Vec<Permission> {
        let user = self.user();
        Permission::ALL
            .into_iter()
            .filter(|p| p.granted(user.role, user.may_reveal))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_responsible_person_may_do_everything_and_staff_only_what_was_allowed() {
        for p in Permission::ALL {
            assert!(p.granted(Role::Responsible, false));
            assert_eq!(
                p.granted(Role::Staff, true),
                p == Permission::RevealSensitive,
                "{p:?}"
            );
            assert!(!p.granted(Role::Staff, false));
        }
        for r in [Role::Responsible, Role::Staff] {
            assert_eq!(Role::parse(r.code()), Some(r));
        }
    }
}
