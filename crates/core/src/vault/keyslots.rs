//! The `keyslots` file: the vault's data key, wrapped once per password and once for the
//! recovery key (LUKS-style). The exact byte layout is in `docs/vault-format.md`.
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
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::vault::secret::{random_bytes, DataKey};

/// Name of the keyslots file inside a vault folder.
pub const KEYSLOTS_FILE: &str = "keyslots";
const FORMAT: &str = "derbes-keyslots";
const VERSION: u32 = 1;
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

/// One wrapped copy of the data key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Slot {
    /// Slot id (UUID).
    pub id: Uuid,
    /// Password or recovery.
    pub kind: SlotKind,
    /// The user a password slot belongs to; `None` for the recovery slot.
    pub user_id: Option<Uuid>,
    kdf: KdfRecord,
    aead: AeadRecord,
    wrapped_key: String,
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

fn aad(
    vault_id: Uuid,
    slot_id: Uuid,
    kind: SlotKind,
    user_id: Option<Uuid>,
    kdf: &KdfRecord,
) -> String {
    format!(
        "derbes-keyslot-v1|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        vault_id,
        slot_id,
        kind.as_str(),
        user_id.map(|u| u.to_string()).unwrap_or_default(),
        kdf.algorithm,
        kdf.version,
        kdf.memory_kib,
        kdf.iterations,
        kdf.parallelism,
        kdf.salt
    )
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
    /// Wrap `key` under `secret` with fresh salt and nonce.
    fn seal(
        vault_id: Uuid,
        kind: SlotKind,
        user_id: Option<Uuid>,
        secret: &[u8],
        key: &DataKey,
        params: KdfParams,
    ) -> Result<Slot> {
        let id = Uuid::now_v7();
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
        let kek = derive_kek(secret, &kdf)?;
        let mut nonce = [0u8; 24];
        random_bytes(&mut nonce);
        let cipher = XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*kek));
        let aad = aad(vault_id, id, kind, user_id, &kdf);
        let wrapped = cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| Error::Internal("key wrapping failed".into()))?;
        Ok(Slot {
            id,
            kind,
            user_id,
            kdf,
            aead: AeadRecord {
                algorithm: "xchacha20poly1305".into(),
                nonce: hex::encode(nonce),
            },
            wrapped_key: hex::encode(wrapped),
        })
    }

    /// Try to unwrap the data key with `secret`. `Ok(None)` means the secret is not this slot's.
    fn open(&self, vault_id: Uuid, secret: &[u8]) -> Result<Option<DataKey>> {
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
        let aad = aad(vault_id, self.id, self.kind, self.user_id, &self.kdf);
        match cipher.decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &wrapped,
                aad: aad.as_bytes(),
            },
        ) {
            Ok(plain) => {
                let plain = Zeroizing::new(plain);
                let bytes: [u8; 32] = plain
                    .as_slice()
                    .try_into()
                    .map_err(|_| Error::KeyslotsDamaged)?;
                Ok(Some(DataKey::from_bytes(bytes)))
            }
            Err(_) => Ok(None),
        }
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

impl Keyslots {
    /// A new file for a new vault: one password slot for `user_id` and one recovery slot.
    pub(crate) fn create(
        vault_id: Uuid,
        user_id: Uuid,
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
                    Some(user_id),
                    password,
                    key,
                    params,
                )?,
                Slot::seal(vault_id, SlotKind::Recovery, None, recovery, key, params)?,
            ],
        })
    }

    /// Unwrap the data key with a secret, trying each slot of `kind`. Returns the key and the
    /// slot that opened it.
    pub(crate) fn unlock(&self, kind: SlotKind, secret: &[u8]) -> Result<Option<(DataKey, &Slot)>> {
        for slot in self.slots.iter().filter(|s| s.kind == kind) {
            if let Some(key) = slot.open(self.vault_id, secret)? {
                return Ok(Some((key, slot)));
            }
        }
        Ok(None)
    }

    /// Replace the password slot of `user_id` with one sealed under a new password.
    pub(crate) fn reseal_password(
        &mut self,
        user_id: Uuid,
        new_password: &[u8],
        key: &DataKey,
        params: KdfParams,
    ) -> Result<()> {
        let fresh = Slot::seal(
            self.vault_id,
            SlotKind::Password,
            Some(user_id),
            new_password,
            key,
            params,
        )?;
        match self
            .slots
            .iter_mut()
            .find(|s| s.kind == SlotKind::Password && s.user_id == Some(user_id))
        {
            Some(slot) => *slot = fresh,
            None => self.slots.push(fresh),
        }
        Ok(())
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
        let ks: Keyslots = serde_json::from_str(json).map_err(|_| Error::KeyslotsDamaged)?;
        if ks.format != FORMAT || ks.version != VERSION || ks.slots.is_empty() {
            return Err(Error::KeyslotsDamaged);
        }
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
            fs::rename(&tmp, dir.join(KEYSLOTS_FILE))?;
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
        let ks = Keyslots::create(vid, uid, b"pass word", b"recovery", &key, cheap()).unwrap();
        let parsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
        let (k, slot) = parsed
            .unlock(SlotKind::Password, b"pass word")
            .unwrap()
            .unwrap();
        assert_eq!(k.as_bytes(), key.as_bytes());
        assert_eq!(slot.user_id, Some(uid));
        assert!(parsed
            .unlock(SlotKind::Password, b"recovery")
            .unwrap()
            .is_none());
        assert!(parsed
            .unlock(SlotKind::Recovery, b"recovery")
            .unwrap()
            .is_some());
        assert!(parsed
            .unlock(SlotKind::Password, b"wrong")
            .unwrap()
            .is_none());
    }

    #[test]
    fn edited_file_is_reported_damaged() {
        let key = DataKey::generate();
        let ks =
            Keyslots::create(Uuid::now_v7(), Uuid::now_v7(), b"a", b"b", &key, cheap()).unwrap();
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
        let mut ks =
            Keyslots::create(Uuid::now_v7(), Uuid::now_v7(), b"pw", b"rk", &key, cheap()).unwrap();
        ks.slots[0].kdf.iterations = 2;
        let reparsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
        assert!(reparsed
            .unlock(SlotKind::Password, b"pw")
            .unwrap()
            .is_none());
        ks.slots[0].kdf.memory_kib = 1024;
        let reparsed = Keyslots::parse(&ks.render().unwrap()).unwrap();
        assert!(matches!(
            reparsed.unlock(SlotKind::Password, b"pw"),
            Err(Error::KeyslotsDamaged)
        ));
    }

    #[test]
    fn absurd_parameters_are_refused_before_any_work() {
        // Terabytes of memory or billions of passes would hang or abort the app at unlock.
        let key = DataKey::generate();
        let base =
            Keyslots::create(Uuid::now_v7(), Uuid::now_v7(), b"pw", b"rk", &key, cheap()).unwrap();
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
                reparsed.unlock(SlotKind::Password, b"pw"),
                Err(Error::KeyslotsDamaged)
            ));
        }
    }
}
