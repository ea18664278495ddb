//! The people who use a vault. Each has their own password and keyslot, so nobody uses anyone
//! else's login (shared logins are among the violations inspectors list), and every journal
//! entry names who acted. The responsible person (Law No. 94-V, Art. 25) adds and removes
//! users, sets a password for someone who forgot theirs, and decides whether a staff member may
//! reveal masked fields; what each role may do is [`crate::vault::role`].
//!
//! A new user's slot gets a fresh key pair and the data key sealed to it (see
//! [`crate::vault::keyslots`]), so adding someone needs only the responsible person's open
//! vault, never another user's password. Removing a user removes their slot first, then marks
//! their row: their name stays for the journal, which refers to users by id.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::keyslots::{KdfParams, Keyslots};
use crate::vault::password;
use crate::vault::role::{Permission, Role};
use crate::vault::secret::Password;
use crate::vault::Vault;

/// The longest name of a user, in characters (as for the first user).
const NAME_MAX: usize = 200;

/// One user of the vault, as the Users screen and `derbes user list` show them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UserSummary {
    /// Stable id (what the journal records).
    pub id: Uuid,
    /// Display name, also what they unlock as.
    pub name: String,
    /// Responsible person or staff.
    pub role: Role,
    /// Whether they may reveal masked fields (always for the responsible person).
    pub may_reveal: bool,
    /// When they were added, RFC 3339.
    pub created_at: String,
    /// Whether they have a password slot (false only if an addition was cut short).
    pub has_password: bool,
    /// Whether this is the user who has the vault open.
    pub is_you: bool,
}

/// The name as users are compared: trimmed, case folded.
fn folded(name: &str) -> String {
    name.trim().to_lowercase()
}

fn check_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("user_name", "user_name_empty"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Error::invalid("user_name", "user_name_too_long").with("max", NAME_MAX));
    }
    Ok(name)
}

impl Vault {
    /// The vault's current users, the responsible persons first, then by name. Every user may
    /// see who else uses the vault.
    pub fn users(&self) -> Result<Vec<UserSummary>> {
        let slots = Keyslots::read(self.dir())?;
        let me = self.user().id;
        let mut stmt = self.conn().prepare(
            "SELECT id, name, role, may_reveal, created_at FROM user WHERE removed_at IS NULL \
             ORDER BY role = 'staff', name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut users = vec![];
        for row in rows {
            let (id, name, role, may_reveal, created_at) = row?;
            let id = Uuid::parse_str(&id).map_err(|_| Error::VaultDamaged)?;
            let role = Role::parse(&role).ok_or(Error::VaultDamaged)?;
            users.push(UserSummary {
                id,
                name,
                role,
                may_reveal: role == Role::Responsible || may_reveal,
                created_at,
                has_password: slots.has_password(id),
                is_you: id == me,
            });
        }
        Ok(users)
    }

    /// The current user called `name` (compared trimmed and case-folded), or their id as text.
    pub fn resolve_user(&self, name_or_id: &str) -> Result<UserSummary> {
        let wanted = folded(name_or_id);
        self.users()?
            .into_iter()
            .find(|u| folded(&u.name) == wanted || u.id.to_string() == wanted)
            .ok_or(Error::UserNotFound)
    }

    /// Add a user with their own password (which the responsible person types with them, or
    /// gives them to change at once). Returns the new user.
    pub fn add_user(
        &mut self,
        name: &str,
        role: Role,
        may_reveal: bool,
        password: &Password,
        repeated: &Password,
    ) -> Result<UserSummary> {
        self.add_user_with(
            name,
            role,
            may_reveal,
            password,
            repeated,
            KdfParams::default(),
        )
    }

    /// [`Vault::add_user`] with chosen Argon2 costs (tests use cheap ones).
    pub fn add_user_with(
        &mut self,
        name: &str,
        role: Role,
        may_reveal: bool,
        password: &Password,
        repeated: &Password,
        params: KdfParams,
    ) -> Result<UserSummary> {
        self.require(Permission::ManageUsers)?;
        let name = check_name(name)?;
        if self
            .users()?
            .iter()
            .any(|u| folded(&u.name) == folded(name))
        {
            return Err(Error::UserExists);
        }
        password::check_new(password, repeated, &[name])?;
        let id = Uuid::now_v7();
        let now = crate::vault::now_rfc3339();
        // The slot is sealed first (the slow part), then the row committed, then the slot
        // written: a crash in between leaves a user without a password (listed so; the
        // responsible person gives them one), never a slot without a user.
        let mut keyslots = Keyslots::read(self.dir())?;
        keyslots.set_password(
            (id, name),
            password.expose().as_bytes(),
            self.data_key(),
            params,
        )?;
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "INSERT INTO user (id, name, role, may_reveal, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.to_string(), name, role.code(), may_reveal, now],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::UserAdded,
            Some(&id.to_string()),
            json!({"role": role.code(), "may_reveal": may_reveal}),
        )?;
        tx.commit()?;
        if let Err(e) = keyslots.write_atomic(self.dir()) {
            // No slot was written: the user is taken back out (the journal keeps both entries).
            let _ = self.remove_row(id);
            return Err(e);
        }
        self.resolve_user(&id.to_string())
    }

    /// Remove a user: their keyslot goes at once, so their password no longer opens this vault;
    /// their name stays for the journal. The last responsible person cannot be removed, and
    /// nobody removes themselves. Someone who kept a copy of the old `keyslots` file could still
    /// open an old copy of the vault with their password: re-keying closes that too.
    pub fn remove_user(&mut self, user: Uuid) -> Result<()> {
        self.require(Permission::ManageUsers)?;
        let users = self.users()?;
        let target = users
            .iter()
            .find(|u| u.id == user)
            .ok_or(Error::UserNotFound)?;
        if target.is_you {
            return Err(Error::RemoveSelf);
        }
        if target.role == Role::Responsible
            && users.iter().filter(|u| u.role == Role::Responsible).count() < 2
        {
            return Err(Error::LastResponsible);
        }
        let mut keyslots = Keyslots::read(self.dir())?;
        keyslots.remove_user(user);
        keyslots.write_atomic(self.dir())?;
        self.remove_row(user)
    }

    /// Mark a user's row removed and journal it (their slot is already gone).
    fn remove_row(&self, user: Uuid) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE user SET removed_at = ?2, removed_by = ?3 WHERE id = ?1",
            params![
                user.to_string(),
                crate::vault::now_rfc3339(),
                self.user().id.to_string()
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::UserRemoved,
            Some(&user.to_string()),
            json!({}),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Give another user a new password (they forgot theirs): their slot is replaced; nobody
    /// else's changes. Users change their own password with [`Vault::change_password`].
    pub fn set_user_password(
        &mut self,
        user: Uuid,
        password: &Password,
        repeated: &Password,
    ) -> Result<()> {
        self.set_user_password_with(user, password, repeated, KdfParams::default())
    }

    /// [`Vault::set_user_password`] with chosen Argon2 costs (tests use cheap ones).
    pub fn set_user_password_with(
        &mut self,
        user: Uuid,
        password: &Password,
        repeated: &Password,
        params: KdfParams,
    ) -> Result<()> {
        self.require(Permission::ManageUsers)?;
        let target = self
            .users()?
            .into_iter()
            .find(|u| u.id == user)
            .ok_or(Error::UserNotFound)?;
        password::check_new(password, repeated, &[&target.name])?;
        let mut keyslots = Keyslots::read(self.dir())?;
        keyslots.set_password(
            (target.id, &target.name),
            password.expose().as_bytes(),
            self.data_key(),
            params,
        )?;
        self.commit_keyslots(keyslots, Action::PasswordChanged, target.id)
    }

    /// Make a user responsible person or staff. The last responsible person stays one.
    pub fn set_user_role(&mut self, user: Uuid, role: Role) -> Result<()> {
        self.require(Permission::ManageUsers)?;
        let users = self.users()?;
        let target = users
            .iter()
            .find(|u| u.id == user)
            .ok_or(Error::UserNotFound)?;
        if target.role == role {
            return Ok(());
        }
        if target.role == Role::Responsible
            && users.iter().filter(|u| u.role == Role::Responsible).count() < 2
        {
            return Err(Error::LastResponsible);
        }
        self.change_user(
            user,
            "UPDATE user SET role = ?2 WHERE id = ?1",
            &role.code(),
            json!({"role": role.code()}),
        )?;
        if user == self.user().id {
            self.reload_user()?;
        }
        Ok(())
    }

    /// Allow or forbid a staff member to reveal masked fields (health data, identity numbers).
    pub fn set_user_may_reveal(&mut self, user: Uuid, may_reveal: bool) -> Result<()> {
        self.require(Permission::ManageUsers)?;
        self.users()?
            .iter()
            .find(|u| u.id == user)
            .ok_or(Error::UserNotFound)?;
        self.change_user(
            user,
            "UPDATE user SET may_reveal = ?2 WHERE id = ?1",
            &may_reveal,
            json!({"may_reveal": may_reveal}),
        )
    }

    fn change_user(
        &mut self,
        user: Uuid,
        sql: &str,
        value: &dyn rusqlite::ToSql,
        details: serde_json::Value,
    ) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        let changed = tx.execute(sql, params![user.to_string(), value])?;
        if changed != 1 {
            return Err(Error::UserNotFound);
        }
        journal::append(
            &tx,
            Some(self.user().id),
            Action::UserChanged,
            Some(&user.to_string()),
            details,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The name of the user with this id, removed or not (for the journal's display).
    pub fn user_name(&self, id: Uuid) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT name FROM user WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests;
