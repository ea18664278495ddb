//! The `keyslots` file: the vault's data key, wrapped once per password and once for the
//! recovery key (LUKS-style). The exact byte layout is in `docs/vault-format.md`.
//!
//! Since version 2 each slot holds an X25519 key pair: the password (through Argon2id) wraps the
//! slot's secret key, and the data key is sealed to the slot's public key (libsodium's sealed
//! box). So the responsible person can give a new user a slot, and re-key the database for every
//! remaining user, without knowing anyone else's password; someone removed who kept an old copy of
//! this file holds only the old data key. Version-1 slots wrap the data key directly; they still
//! open, and are turned into version-2 slots the first time they do.
//!
//! File = one line of JSON, a newline, `sha256:<hex of the JSON line's bytes>`, a newline.
//! The checksum catches damage and naive edits before any KDF runs; each slot's AEAD, whose
//! associated data binds the vault id, the slot's identity and its KDF parameters, catches the rest.

use std::fs;
use std::io::Write;
use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use crypto_box::aead::OsRng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::vault::secret::{random_bytes, DataKey, KeyFile};

/// Name of the keyslots file inside a vault folder.
pub const KEYSLOTS_FILE: &str = "keyslots";
const FORMAT: &str = "derbes-keyslots";
/// The version written; [`Keyslots::parse`] also reads version 1.
const VERSION: u32 = 2;
/// The floor for memory cost: a slot asking for less is treated as tampered with.
pub const MIN_MEMORY_KIB: u32 = 64 * 1024;

/// The most any slot may ask for. An edited `keyslots` could otherwise make unlock allocate
/// terabytes or run for ever; no laptop this app runs on tunes beyond these.
pub const MAX_MEMORY_KIB: u32 = 2 * 1024 * 1024;
const MAX_ITERATIONS: u32 = 16;
const MAX_PARALLELISM: u32 = 8;

/// Argon2id cost parameters, stored in each slot so they can be raised later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB (at least [`MIN_MEMORY_KIB`]).
    pub memory_kib: u32,
    /// Passes over memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// Chosen by `cargo bench -p derbes-core --bench unlock` on the project's 2-core machine to
    /// take about 0.5 s per unlock (see BENCHMARKS.md).
    fn default() -> Self {
        Self {
            memory_kib: 256 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

impl KdfParams {
    fn argon2(&self) -> Result<Argon2<'static>> {
        if !(MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib)
            || !(1..=MAX_ITERATIONS).contains(&self.iterations)
            || !(1..=MAX_PARALLELISM).contains(&self.parallelism)
        {
            return Err(Error::KeyslotsDamaged);
        }
        let p = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| Error::KeyslotsDamaged)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, p))
    }
}

/// What a slot is unlocked with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// A user's password.
    Password,
    /// The printed recovery key.
    Recovery,
}

impl SlotKind {
    fn as_str(self) -> &'static str {
        match self {
            SlotKind::Password => "password",
            SlotKind::Recovery => "recovery",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct KdfRecord {
    algorithm: String,
    version: u32,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct AeadRecord {
    algorithm: String,
    nonce: String,
}

/// One way into the vault: a password's or the recovery key's copy of the data key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Slot {
    /// Slot id (UUID).
    pub id: Uuid,
    /// Password or recovery.
    pub kind: SlotKind,
    /// The user a password slot belongs to; `None` for the recovery slot.
    pub user_id: Option<Uuid>,
    /// One byte (two hex digits) of a hash of the user's name ([`name_tag`]): enough to pick a
    /// named user's slot without trying the others, too little to tell who the user is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_tag: Option<String>,
    kdf: KdfRecord,
    aead: AeadRecord,
    /// Version 2: the slot's X25519 secret key. Version 1: the data key itself.
    wrapped_key: String,
    /// Version 2: the slot's X25519 public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    public_key: Option<String>,
    /// Version 2: the data key, sealed to `public_key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed_key: Option<String>,
    /// The slot also needs the user's key file: the key derivation's input is the password
    /// followed by the key file's 32 bytes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub key_file: bool,
}

/// What the key derivation is fed for a slot: the secret, then — for a slot that needs one —
/// the key file's 32 bytes.
fn kdf_input(secret: &[u8], key_file: Option<&KeyFile>) -> Zeroizing<Vec<u8>> {
    let mut input = Zeroizing::new(Vec::with_capacity(secret.len() + 32));
    input.extend_from_slice(secret);
    if let Some(k) = key_file {
        input.extend_from_slice(k.factor());
    }
    input
}

/// What opening a slot yields beside the data key: its key-encryption key, so that a version-1
/// slot can be rewritten as version 2 without a second Argon2 run.
pub(crate) struct Opened {
    pub(crate) key: DataKey,
    kek: Zeroizing<[u8; 32]>,
}

/// The slot tag of a user's name: the first byte of SHA-256 over the vault id and the name as
/// it is compared (trimmed, lower case). One byte: among a handful of users it picks the slot,
/// while a list of candidate names matches it one time in 256 by chance.
pub fn name_tag(vault_id: Uuid, name: &str) -> String {
    let folded = name.trim().to_lowercase();
    let digest = Sha256::digest(format!("derbes-user-tag-v1|{vault_id}|{folded}").as_bytes());
    hex::encode(&digest[..1])
}

/// The parsed `keyslots` file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Keyslots {
    format: String,
    version: u32,
    /// The vault this file belongs to; must equal the id stored inside `vault.db`.
    pub vault_id: Uuid,
    /// The wrapped copies of the data key.
    pub slots: Vec<Slot>,
}

/// The associated data of a slot's AEAD: everything about the slot except what it encrypts, so
/// no field can be changed or moved to another slot or vault without the slot failing to open.
fn aad(vault_id: Uuid, slot: &Slot) -> String {
    let kdf = &slot.kdf;
    let v1 = format!(
        "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        vault_id,
        slot.id,
        slot.kind.as_str(),
        slot.user_id.map(|u| u.to_string()).unwrap_or_default(),
        kdf.algorithm,
        kdf.version,
        kdf.memory_kib,
        kdf.iterations,
        kdf.parallelism,
        kdf.salt
    );
    match &slot.public_key {
        None => format!("derbes-keyslot-v1|{v1}"),
        Some(pk) => format!(
            "derbes-keyslot-v2|{v1}|{}|{}{}",
            slot.name_tag.as_deref().unwrap_or_default(),
            pk,
            if slot.key_file { "|key-file" } else { "" }
        ),
    }
}

fn aead_seal(kek: &[u8; 32], nonce: &[u8; 24], msg: &[u8], aad: &str) -> Result<Vec<u8>> {
    XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*kek))
        .encrypt(
            &XNonce::from(*nonce),
            Payload {
                msg,
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| Error::Internal("key wrapping failed".into()))
}

fn key_from(bytes: &[u8]) -> Result<[u8; 32]> {
    bytes.try_into().map_err(|_| Error::KeyslotsDamaged)
}

/// The data key sealed to a slot's public key.
fn seal_to(public_key: &crypto_box::PublicKey, key: &DataKey) -> Result<String> {
    public_key
        .seal(&mut OsRng, key.as_bytes())
        .map(hex::encode)
        .map_err(|_| Error::Internal("sealing the data key failed".into()))
}

fn derive_kek(secret: &[u8], kdf: &KdfRecord) -> Result<Zeroizing<[u8; 32]>> {
    if kdf.algorithm != "argon2id" || kdf.version != 19 {
        return Err(Error::KeyslotsDamaged);
    }
    let params = KdfParams {
        memory_kib: kdf.memory_kib,
        iterations: kdf.iterations,
        parallelism: kdf.parallelism,
    };
    let salt = hex::decode(&kdf.salt).map_err(|_| Error::KeyslotsDamaged)?;
    if salt.len() != 32 {
        return Err(Error::KeyslotsDamaged);
    }
    let mut kek = Zeroizing::new([0u8; 32]);
    params
        .argon2()?
        .hash_password_into(secret, &salt, kek.as_mut())
        .map_err(|e| Error::Internal(format!("key derivation failed: {e}")))?;
    Ok(kek)
}

impl Slot {
    /// A version-2 slot for `secret`: a fresh key pair, salt and nonce; the data key sealed to
    /// the new public key.
    fn seal(
        vault_id: Uuid,
        kind: SlotKind,
        user: Option<(Uuid, &str)>,
        secret: &[u8],
        key_file: Option<&KeyFile>,
        key: &DataKey,
        params: KdfParams,
    ) -> Result<Slot> {
        let mut salt = [0u8; 32];
        random_bytes(&mut salt);
        let kdf = KdfRecord {
            algorithm: "argon2id".into(),
            version: 19,
            memory_kib: params.memory_kib,
            iterations: params.iterations,
            parallelism: params.parallelism,
            salt: hex::encode(salt),
        };
        let kek = derive_kek(&kdf_input(secret, key_file), &kdf)?;
        let mut slot = Slot {
            id: Uuid::now_v7(),
            kind,
            user_id: user.map(|(id, _)| id),
            name_tag: user.map(|(_, name)| name_tag(vault_id, name)),
            kdf,
            aead: AeadRecord {
                algorithm: "xchacha20poly1305".into(),
                nonce: String::new(),
            },
            wrapped_key: String::new(),
            public_key: None,
            sealed_key: None,
            key_file: key_file.is_some(),
        };
        slot.wrap_key_pair(vault_id, &kek, key)?;
        Ok(slot)
    }

    /// Give the slot a fresh key pair under `kek`, and seal `key` to it (version 2).
    fn wrap_key_pair(&mut self, vault_id: Uuid, kek: &[u8; 32], key: &DataKey) -> Result<()> {
        let mut secret = Zeroizing::new([0u8; 32]);
        random_bytes(secret.as_mut());
        let secret_key = crypto_box::SecretKey::from(*secret);
        let public_key = secret_key.public_key();
        self.public_key = Some(hex::encode(public_key.as_bytes()));
        self.sealed_key = Some(seal_to(&public_key, key)?);
        let mut nonce = [0u8; 24];
        random_bytes(&mut nonce);
        self.aead = AeadRecord {
            algorithm: "xchacha20poly1305".into(),
            nonce: hex::encode(nonce),
        };
        let wrapped = aead_seal(kek, &nonce, secret.as_ref(), &aad(vault_id, self))?;
        self.wrapped_key = hex::encode(wrapped);
        Ok(())
    }

    /// Try to open the slot with `secret`. `Ok(None)` means the secret is not this slot's.
    fn open(&self, vault_id: Uuid, secret: &[u8]) -> Result<Option<Opened>> {
        if self.aead.algorithm != "xchacha20poly1305" {
            return Err(Error::KeyslotsDamaged);
        }
        let nonce: [u8; 24] = hex::decode(&self.aead.nonce)
            .ok()
            .and_then(|n| n.try_into().ok())
            .ok_or(Error::KeyslotsDamaged)?;
        let wrapped = hex::decode(&self.wrapped_key).map_err(|_| Error::KeyslotsDamaged)?;
        let kek = derive_kek(secret, &self.kdf)?;
        let cipher = XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*kek));
        let aad = aad(vault_id, self);
        let Ok(plain) = cipher.decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &wrapped,
                aad: aad.as_bytes(),
            },
        ) else {
            return Ok(None);
        };
        let plain = Zeroizing::new(plain);
        let key = match (&self.public_key, &self.sealed_key) {
            (None, None) => DataKey::from_bytes(key_from(&plain)?),
            (Some(_), Some(sealed)) => {
                let secret_key = crypto_box::SecretKey::from(key_from(&plain)?);
                let sealed = hex::decode(sealed).map_err(|_| Error::KeyslotsDamaged)?;
                let data = Zeroizing::new(
                    secret_key
                        .unseal(&sealed)
                        .map_err(|_| Error::KeyslotsDamaged)?,
                );
                DataKey::from_bytes(key_from(&data)?)
            }
            _ => return Err(Error::KeyslotsDamaged),
        };
        Ok(Some(Opened { key, kek }))
    }

    /// Whether this is a version-1 slot, which wraps the data key directly.
    pub fn is_direct(&self) -> bool {
        self.public_key.is_none()
    }

    /// The KDF parameters this slot was sealed with.
    pub fn kdf_params(&self) -> KdfParams {
        KdfParams {
            memory_kib: self.kdf.memory_kib,
            iterations: self.kdf.iterations,
            parallelism: self.kdf.parallelism,
        }
    }
}

#[cfg(test)]
impl Slot {
    /// A version-1 slot (the data key wrapped directly), as Derbes 0.1 wrote them.
    pub(crate) fn direct_for_tests(
        vault_id: Uuid,
        kind: SlotKind,
        user_id: Option<Uuid>,
        secret: &[u8],
        key: &DataKey,
    ) -> Slot {
        let mut salt = [0u8; 32];
        random_bytes(&mut salt);
        let kdf = KdfRecord {
            algorithm: "argon2id".into(),
            version: 19,
            memory_kib: MIN_MEMORY_KIB,
            iterations: 1,
            parallelism: 1,
            salt: hex::encode(salt),
        };
        let kek = derive_kek(secret, &kdf).unwrap();
        let mut nonce = [0u8; 24];
        random_bytes(&mut nonce);
        let mut slot = Slot {
            id: Uuid::now_v7(),
            kind,
            user_id,
            name_tag: None,
            kdf,
            aead: AeadRecord {
                algorithm: "xchacha20poly1305".into(),
                nonce: hex::encode(nonce),
            },
            wrapped_key: String::new(),
            public_key: None,
            sealed_key: None,
            key_file: false,
        };
        let wrapped = aead_seal(&kek, &nonce, key.as_bytes(), &aad(vault_id, &slot)).unwrap();
        slot.wrapped_key = hex::encode(wrapped);
        slot
    }
}

#[cfg(test)]
impl Keyslots {
    /// Make the recovery slot a version-1 one again, as in a vault from Derbes 0.1.
    pub(crate) fn recovery_as_version_1(&mut self, secret: &[u8], key: &DataKey) {
        let vault_id = self.vault_id;
        for slot in &mut self.slots {
            if slot.kind == SlotKind::Recovery {
                *slot = Slot::direct_for_tests(vault_id, SlotKind::Recovery, None, secret, key);
            }
        }
    }
}

impl Keyslots {
    /// A new file for a new vault: one password slot for its first user and one recovery slot.
    pub(crate) fn create(
        vault_id: Uuid,
        user: (Uuid, &str),
        password: &[u8],
        recovery: &[u8],
        key: &DataKey,
        params: KdfParams,
    ) -> Result<Self> {
        Ok(Self {
            format: FORMAT.into(),
            version: VERSION,
            vault_id,
            slots: vec![
                Slot::seal(
                    vault_id,
                    SlotKind::Password,
                    Some(user),
                    password,
                    None,
                    key,
                    params,
                )?,
                Slot::seal(
                    vault_id,
                    SlotKind::Recovery,
                    None,
                    recovery,
                    None,
                    key,
                    params,
                )?,
            ],
        })
    }

    /// Open the data key with a secret, trying each slot of `kind` — only those whose name tag
    /// matches `user` when a user is named, so a named unlock runs Argon2 once. Returns what the
    /// slot yielded and its index.
    pub(crate) fn unlock(
        &self,
        kind: SlotKind,
        user: Option<&str>,
        secret: &[u8],
    ) -> Result<Option<(Opened, usize)>> {
        self.unlock_with_key_file(kind, user, secret, None)
    }

    /// [`Keyslots::unlock`], with the user's key file if they have one. A slot that needs a key
    /// file is skipped when none is given; if no slot opened and one was skipped so, the answer
    /// is [`Error::KeyFileNeeded`], so the person is asked for the file rather than told the
    /// password is wrong.
    pub(crate) fn unlock_with_key_file(
        &self,
        kind: SlotKind,
        user: Option<&str>,
        secret: &[u8],
        key_file: Option<&KeyFile>,
    ) -> Result<Option<(Opened, usize)>> {
        let tag = user.map(|name| name_tag(self.vault_id, name));
        let (mut skipped, mut tried) = (false, 0);
        for (index, slot) in self.slots.iter().enumerate() {
            if slot.kind != kind {
                continue;
            }
            // A slot without a tag (version 1) may be anyone's.
            if let (Some(wanted), Some(have)) = (&tag, &slot.name_tag) {
                if wanted != have {
                    continue;
                }
            }
            let opened = match (slot.key_file, key_file) {
                (true, None) => {
                    skipped = true;
                    continue;
                }
                (true, Some(k)) => slot.open(self.vault_id, &kdf_input(secret, Some(k)))?,
                (false, _) => slot.open(self.vault_id, secret)?,
            };
            tried += 1;
            if let Some(opened) = opened {
                return Ok(Some((opened, index)));
            }
        }
        // Only when the slot skipped was the one meant (a named user's, or the only kind there
        // is): a wrong password for someone without a key file is just a wrong password.
        if skipped && (tag.is_some() || tried == 0) {
            return Err(Error::KeyFileNeeded);
        }
        Ok(None)
    }

    /// Turn the version-1 slot at `index`, just opened, into a version-2 slot (same password
    /// and salt, a new key pair), naming `user_name` in its tag. Nothing else changes.
    pub(crate) fn upgrade(
        &mut self,
        index: usize,
        opened: &Opened,
        user_name: Option<&str>,
    ) -> Result<bool> {
        let vault_id = self.vault_id;
        let Some(slot) = self.slots.get_mut(index) else {
            return Ok(false);
        };
        if !slot.is_direct() {
            return Ok(false);
        }
        slot.name_tag = user_name.map(|name| name_tag(vault_id, name));
        slot.wrap_key_pair(vault_id, &opened.kek, &opened.key)?;
        Ok(true)
    }

    /// Replace every password slot of `user` with one sealed under `password` (a new user, a
    /// changed password, or a password the responsible person sets for someone who forgot
    /// theirs). The other slots are untouched.
    pub(crate) fn set_password(
        &mut self,
        user: (Uuid, &str),
        password: &[u8],
        key: &DataKey,
        params: KdfParams,
    ) -> Result<()> {
        self.set_password_with_key_file(user, password, None, key, params)
    }

    /// [`Keyslots::set_password`], the new slot also needing `key_file` if one is given.
    pub(crate) fn set_password_with_key_file(
        &mut self,
        user: (Uuid, &str),
        password: &[u8],
        key_file: Option<&KeyFile>,
        key: &DataKey,
        params: KdfParams,
    ) -> Result<()> {
        let fresh = Slot::seal(
            self.vault_id,
            SlotKind::Password,
            Some(user),
            password,
            key_file,
            key,
            params,
        )?;
        // In the old slot's place, so the file changes in that slot only.
        let mine = |s: &Slot| s.kind == SlotKind::Password && s.user_id == Some(user.0);
        match self.slots.iter().position(mine) {
            Some(at) => {
                self.slots[at] = fresh;
                let mut index = 0;
                self.slots.retain(|s| {
                    index += 1;
                    index - 1 == at || !mine(s)
                });
            }
            None => self.slots.push(fresh),
        }
        Ok(())
    }

    /// Put one slot for a new recovery key in place of every recovery slot (version 1 or 2): the
    /// old recovery key stops opening the vault.
    pub(crate) fn set_recovery(
        &mut self,
        recovery: &[u8],
        key: &DataKey,
        params: KdfParams,
    ) -> Result<()> {
        let fresh = Slot::seal(
            self.vault_id,
            SlotKind::Recovery,
            None,
            recovery,
            None,
            key,
            params,
        )?;
        self.slots.retain(|s| s.kind != SlotKind::Recovery);
        self.slots.push(fresh);
        Ok(())
    }

    /// Remove every slot of `user`. Returns how many were removed.
    pub(crate) fn remove_user(&mut self, user: Uuid) -> usize {
        let before = self.slots.len();
        self.slots.retain(|s| s.user_id != Some(user));
        before - self.slots.len()
    }

    /// Whether `user` has a password slot.
    pub fn has_password(&self, user: Uuid) -> bool {
        self.slots
            .iter()
            .any(|s| s.kind == SlotKind::Password && s.user_id == Some(user))
    }

    /// Seal `new_key` to every version-2 slot, for a re-keyed database. Version-1 slots cannot
    /// follow without their secret: they are dropped and their count returned, so the caller can
    /// replace them (only a never-used recovery slot of an old vault can still be one).
    pub(crate) fn reseal_data_key(&mut self, new_key: &DataKey) -> Result<usize> {
        let before = self.slots.len();
        self.slots.retain(|s| !s.is_direct());
        for slot in &mut self.slots {
            let pk_hex = slot.public_key.as_deref().ok_or(Error::KeyslotsDamaged)?;
            let pk = crypto_box::PublicKey::from(key_from(
                &hex::decode(pk_hex).map_err(|_| Error::KeyslotsDamaged)?,
            )?);
            slot.sealed_key = Some(seal_to(&pk, new_key)?);
        }
        Ok(before - self.slots.len())
    }

    /// Read and check `dir/keyslots`.
    pub fn read(dir: &Path) -> Result<Self> {
        let path = dir.join(KEYSLOTS_FILE);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::KeyslotsMissing)
            }
            Err(e) => return Err(e.into()),
        };
        Self::parse(&bytes)
    }

    /// Parse and check the bytes of a `keyslots` file (public for the fuzz targets).
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let text = std::str::from_utf8(bytes).map_err(|_| Error::KeyslotsDamaged)?;
        let mut lines = text.split('\n');
        let json = lines.next().ok_or(Error::KeyslotsDamaged)?;
        let sum = lines.next().ok_or(Error::KeyslotsDamaged)?;
        if lines.any(|l| !l.is_empty()) {
            return Err(Error::KeyslotsDamaged);
        }
        let expected = format!("sha256:{}", hex::encode(Sha256::digest(json.as_bytes())));
        if sum != expected {
            return Err(Error::KeyslotsDamaged);
        }
        let mut ks: Keyslots = serde_json::from_str(json).map_err(|_| Error::KeyslotsDamaged)?;
        if ks.format == FORMAT && ks.version > VERSION {
            return Err(Error::NewerVersion {
                found: i64::from(ks.version),
                known: i64::from(VERSION),
            });
        }
        if ks.format != FORMAT || ks.version == 0 || ks.slots.is_empty() {
            return Err(Error::KeyslotsDamaged);
        }
        // A version-1 file has only version-1 slots; whatever is written back is version 2.
        if ks.version == 1 && ks.slots.iter().any(|s| !s.is_direct()) {
            return Err(Error::KeyslotsDamaged);
        }
        ks.version = VERSION;
        Ok(ks)
    }

    fn render(&self) -> Result<Vec<u8>> {
        let json = serde_json::to_string(self).map_err(|e| Error::Internal(e.to_string()))?;
        let sum = hex::encode(Sha256::digest(json.as_bytes()));
        Ok(format!("{json}\nsha256:{sum}\n").into_bytes())
    }

    /// Write `dir/keyslots` atomically: a temporary file, fsync, rename over, fsync the folder.
    /// A crash leaves either the old file or the new one, never a mix.
    pub(crate) fn write_atomic(&self, dir: &Path) -> Result<()> {
        self.write_atomic_as(dir, KEYSLOTS_FILE)
    }

    /// [`Keyslots::write_atomic`] under another name (re-keying writes `keyslots.rekey`).
    pub(crate) fn write_atomic_as(&self, dir: &Path, name: &str) -> Result<()> {
        let bytes = self.render()?;
        let tmp = dir.join(format!("{KEYSLOTS_FILE}.tmp"));
        let result = (|| -> std::io::Result<()> {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&tmp)?;
            // Owner-only before any byte is written; the rename keeps the mode.
            crate::vault::owner_only(&tmp).map_err(|e| std::io::Error::other(e.to_string()))?;
            f.write_all(&bytes)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, dir.join(name))?;
            sync_dir(dir)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map_err(Error::from)
    }
}

/// fsync a directory so a rename inside it is durable.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> KdfParams {
        KdfParams {
            memory_kib: MIN_MEMORY_KIB,
            iterations: 1,
            parallelism: 1,
        }
    }

    #[test]
    fn wrap_and_unwrap_with_each_secret() {
        let key = DataKey::generate();
        let (vid, uid) = (Uuid::now_v7(), Uuid::now_v7());
        let ks = Keyslots::create(
            vid,
            (uid, "Aigerim"),
            b"pass word",
            b"recovery",
            &key,
            cheap(),
        )
        .unwrap();
        let parsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
        let (opened, index) = parsed
            .unlock(SlotKind::Password, None, b"pass word")
            .unwrap()
            .unwrap();
        assert_eq!(opened.key.as_bytes(), key.as_bytes());
        assert_eq!(parsed.slots[index].user_id, Some(uid));
        assert!(!parsed.slots[index].is_direct());
        assert!(parsed
            .unlock(SlotKind::Password, None, b"recovery")
            .unwrap()
            .is_none());
        assert!(parsed
            .unlock(SlotKind::Recovery, None, b"recovery")
            .unwrap()
            .is_some());
        assert!(parsed
            .unlock(SlotKind::Password, None, b"wrong")
            .unwrap()
            .is_none());
    }

    #[test]
    fn edited_file_is_reported_damaged() {
        let key = DataKey::generate();
        let ks = Keyslots::create(
            Uuid::now_v7(),
            (Uuid::now_v7(), "A"),
            b"a",
            b"b",
            &key,
            cheap(),
        )
        .unwrap();
        let good = ks.render().unwrap();
        // A changed byte anywhere fails the checksum.
        for pos in [0, 10, good.len() / 2, good.len() - 3] {
            let mut bad = good.clone();
            bad[pos] ^= 0x01;
            assert!(
                matches!(Keyslots::parse(&bad), Err(Error::KeyslotsDamaged)),
                "pos {pos}"
            );
        }
        assert!(matches!(Keyslots::parse(b""), Err(Error::KeyslotsDamaged)));
        assert!(matches!(
            Keyslots::parse(&good[..good.len() / 2]),
            Err(Error::KeyslotsDamaged)
        ));
    }

    #[test]
    fn weakened_parameters_with_a_recomputed_checksum_do_not_open() {
        // An attacker who lowers the memory cost and fixes the checksum gets no key: the
        // parameters are bound into the AEAD's associated data, and the floor is enforced.
        let key = DataKey::generate();
        let mut ks = Keyslots::create(
            Uuid::now_v7(),
            (Uuid::now_v7(), "A"),
            b"pw",
            b"rk",
            &key,
            cheap(),
        )
        .unwrap();
        ks.slots[0].kdf.iterations = 2;
        let reparsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
        assert!(reparsed
            .unlock(SlotKind::Password, None, b"pw")
            .unwrap()
            .is_none());
        ks.slots[0].kdf.memory_kib = 1024;
        let reparsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
        assert!(matches!(
            reparsed.unlock(SlotKind::Password, None, b"pw"),
            Err(Error::KeyslotsDamaged)
        ));
    }

    #[test]
    fn absurd_parameters_are_refused_before_any_work() {
        // Terabytes of memory or billions of passes would hang or abort the app at unlock.
        let key = DataKey::generate();
        let base = Keyslots::create(
            Uuid::now_v7(),
            (Uuid::now_v7(), "A"),
            b"pw",
            b"rk",
            &key,
            cheap(),
        )
        .unwrap();
        for (memory, iterations, parallelism) in [
            (u32::MAX, 1, 1),
            (MAX_MEMORY_KIB + 1, 1, 1),
            (MIN_MEMORY_KIB, u32::MAX, 1),
            (MIN_MEMORY_KIB, 1, u32::MAX),
        ] {
            let mut ks = Keyslots::parse(&base.render().unwrap()).unwrap();
            ks.slots[0].kdf.memory_kib = memory;
            ks.slots[0].kdf.iterations = iterations;
            ks.slots[0].kdf.parallelism = parallelism;
            let reparsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
            assert!(matches!(
                reparsed.unlock(SlotKind::Password, None, b"pw"),
                Err(Error::KeyslotsDamaged)
            ));
        }
    }
}

#[cfg(test)]
mod version_2 {
    use super::*;

    fn cheap() -> KdfParams {
        KdfParams {
            memory_kib: MIN_MEMORY_KIB,
            iterations: 1,
            parallelism: 1,
        }
    }

    /// A version-1 file as Derbes 0.1 wrote it: the data key wrapped directly, no key pairs.
    fn version_1(vault_id: Uuid, user: Uuid, key: &DataKey) -> Keyslots {
        Keyslots {
            format: FORMAT.into(),
            version: 1,
            vault_id,
            slots: vec![
                Slot::direct_for_tests(
                    vault_id,
                    SlotKind::Password,
                    Some(user),
                    b"old password",
                    key,
                ),
                Slot::direct_for_tests(vault_id, SlotKind::Recovery, None, b"old recovery", key),
            ],
        }
    }

    #[test]
    fn a_version_1_file_opens_and_its_slot_is_upgraded_in_place() {
        let key = DataKey::generate();
        let (vid, uid) = (Uuid::now_v7(), Uuid::now_v7());
        let mut ks = Keyslots::parse(&version_1(vid, uid, &key).render().unwrap()).unwrap();
        let (opened, index) = ks
            .unlock(SlotKind::Password, Some("Aigerim"), b"old password")
            .unwrap()
            .unwrap();
        assert_eq!(opened.key.as_bytes(), key.as_bytes());
        assert!(ks.upgrade(index, &opened, Some("Aigerim")).unwrap());
        let written = ks.render().unwrap();
        assert!(String::from_utf8_lossy(&written).contains("\"version\":2"));
        let again = Keyslots::parse(&written).unwrap();
        assert!(!again.slots[index].is_direct());
        let (opened, _) = again
            .unlock(SlotKind::Password, Some("aigerim "), b"old password")
            .unwrap()
            .unwrap();
        assert_eq!(opened.key.as_bytes(), key.as_bytes());
        // The recovery slot was not opened, so it is still version 1, and still opens.
        assert!(again.slots[1].is_direct());
        assert!(again
            .unlock(SlotKind::Recovery, None, b"old recovery")
            .unwrap()
            .is_some());
    }

    #[test]
    fn a_named_unlock_tries_only_that_users_slot() {
        let key = DataKey::generate();
        let vid = Uuid::now_v7();
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let mut ks = Keyslots::create(vid, (a, "Aigerim"), b"pw-a", b"rk", &key, cheap()).unwrap();
        ks.set_password((b, "Dana"), b"pw-b", &key, cheap())
            .unwrap();
        let (_, index) = ks
            .unlock(SlotKind::Password, Some("Dana"), b"pw-b")
            .unwrap()
            .unwrap();
        assert_eq!(ks.slots[index].user_id, Some(b));
        // Aigerim's password under Dana's name: Dana's slot is the only one tried.
        assert!(ks
            .unlock(SlotKind::Password, Some("Dana"), b"pw-a")
            .unwrap()
            .is_none());
        // Without a name every slot is tried.
        assert!(ks
            .unlock(SlotKind::Password, None, b"pw-a")
            .unwrap()
            .is_some());
        assert_ne!(name_tag(vid, "Aigerim"), name_tag(vid, "Dana"));
        assert_eq!(name_tag(vid, " AIGERIM"), name_tag(vid, "aigerim"));
    }

    #[test]
    fn resealing_moves_every_slot_to_the_new_key_and_drops_version_1_slots() {
        let old = DataKey::generate();
        let new = DataKey::generate();
        let (vid, a, b) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let mut ks = Keyslots::create(vid, (a, "A"), b"pw-a", b"rk", &old, cheap()).unwrap();
        ks.set_password((b, "B"), b"pw-b", &old, cheap()).unwrap();
        let kept_old_copy = ks.clone();
        assert_eq!(ks.remove_user(b), 1);
        assert_eq!(ks.reseal_data_key(&new).unwrap(), 0);
        for (secret, kind) in [
            (&b"pw-a"[..], SlotKind::Password),
            (b"rk", SlotKind::Recovery),
        ] {
            let (opened, _) = ks.unlock(kind, None, secret).unwrap().unwrap();
            assert_eq!(opened.key.as_bytes(), new.as_bytes());
        }
        assert!(ks
            .unlock(SlotKind::Password, None, b"pw-b")
            .unwrap()
            .is_none());
        // Someone removed who kept the old file learns only the old key.
        let (opened, _) = kept_old_copy
            .unlock(SlotKind::Password, None, b"pw-b")
            .unwrap()
            .unwrap();
        assert_eq!(opened.key.as_bytes(), old.as_bytes());

        let mut legacy = Keyslots::parse(&version_1(vid, a, &old).render().unwrap()).unwrap();
        assert_eq!(legacy.reseal_data_key(&new).unwrap(), 2);
        assert!(legacy.slots.is_empty());
    }

    #[test]
    fn a_newer_file_says_so_and_a_mixed_version_1_file_is_damaged() {
        let key = DataKey::generate();
        let mut ks = Keyslots::create(
            Uuid::now_v7(),
            (Uuid::now_v7(), "A"),
            b"pw",
            b"rk",
            &key,
            cheap(),
        )
        .unwrap();
        ks.version = 3;
        assert!(matches!(
            Keyslots::parse(&ks.render().unwrap()),
            Err(Error::NewerVersion { found: 3, known: 2 })
        ));
        ks.version = 1;
        assert!(matches!(
            Keyslots::parse(&ks.render().unwrap()),
            Err(Error::KeyslotsDamaged)
        ));
    }

    #[test]
    fn a_swapped_public_key_or_tag_does_not_open() {
        let key = DataKey::generate();
        let vid = Uuid::now_v7();
        let ks = Keyslots::create(vid, (Uuid::now_v7(), "A"), b"pw", b"rk", &key, cheap()).unwrap();
        let mut bad = ks.clone();
        bad.slots[0].public_key = bad.slots[1].public_key.clone();
        assert!(bad
            .unlock(SlotKind::Password, None, b"pw")
            .unwrap()
            .is_none());
        let mut bad = ks.clone();
        bad.slots[0].name_tag = Some(if ks.slots[0].name_tag.as_deref() == Some("00") {
            "01".into()
        } else {
            "00".into()
        });
        assert!(bad
            .unlock(SlotKind::Password, None, b"pw")
            .unwrap()
            .is_none());
    }
}
