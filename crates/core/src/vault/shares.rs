//! The recovery key, replaced whole or split among trusted people.
//!
//! Splitting makes a **new** recovery key, puts its slot in place of the old one (so the old key
//! stops working: a split that left it would add nothing), and hands out `n` shares of it by
//! Shamir's secret sharing over GF(256) (the `blahaj` crate): any `k` of them rebuild the key,
//! fewer reveal nothing about it. The new key itself is never shown or stored; each share is
//! shown and printed once, naming its holder and the vault.
//!
//! A share is 25 bytes written as 40 Crockford base32 characters in 10 groups of 4, like the
//! recovery key: a format byte (1), a byte of the vault's tag, a byte naming the split, `k`,
//! the share's x, the 18 bytes of y, and a 2-byte check (SHA-256 of the bytes before it) that
//! catches a typo before anything else runs.

use blahaj::{Share, Sharks};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::vault::journal::Action;
use crate::vault::keyslots::{KdfParams, Keyslots};
use crate::vault::role::Permission;
use crate::vault::secret::{crockford_decode, crockford_encode, random_bytes, RecoveryKey};
use crate::vault::Vault;

const FORMAT: u8 = 1;
const SHARE_BYTES: usize = 25;
/// Most people a recovery key can be split among.
pub const MAX_SHARES: usize = 10;
/// The longest holder's name, in characters.
const HOLDER_MAX: usize = 200;

/// One printed share.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryShare {
    /// Who keeps it.
    pub holder: String,
    /// Its number, 1 to `count`.
    pub index: u8,
    /// How many shares open the vault.
    pub threshold: u8,
    /// How many shares there are.
    pub count: u8,
    /// The share, `XXXX-XXXX-…` (10 groups).
    pub text: String,
}

fn vault_tag(vault_id: Uuid) -> u8 {
    Sha256::digest(format!("derbes-share-v1|{vault_id}").as_bytes())[0]
}

fn check(bytes: &[u8]) -> [u8; 2] {
    let d = Sha256::digest(bytes);
    [d[0], d[1]]
}

/// A share as read back.
struct Parsed {
    split: u8,
    threshold: u8,
    share: Share,
}

fn parse(text: &str, vault_id: Uuid, position: usize) -> Result<Parsed> {
    let invalid = || Error::invalid("shares", "share_invalid").with("number", position);
    let bytes = crockford_decode(text, 40).ok_or_else(invalid)?;
    if bytes.len() != SHARE_BYTES || bytes[0] != FORMAT {
        return Err(invalid());
    }
    if check(&bytes[..SHARE_BYTES - 2]) != bytes[SHARE_BYTES - 2..] {
        return Err(invalid());
    }
    if bytes[1] != vault_tag(vault_id) {
        return Err(Error::invalid("shares", "share_other_vault").with("number", position));
    }
    let share = Share::try_from(&bytes[4..SHARE_BYTES - 2]).map_err(|_| invalid())?;
    Ok(Parsed {
        split: bytes[2],
        threshold: bytes[3],
        share,
    })
}

/// Rebuild the recovery key of the vault `vault_id` from shares as people typed them (blank
/// entries are skipped). Refuses, naming the share, a typo or a share of another vault; refuses
/// shares of different splits, the same share twice, and fewer than the split needs.
pub fn combine(vault_id: Uuid, texts: &[String]) -> Result<RecoveryKey> {
    let mut parsed: Vec<Parsed> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        parsed.push(parse(text, vault_id, i + 1)?);
    }
    let Some(first) = parsed.first() else {
        return Err(Error::invalid("shares", "shares_too_few")
            .with("needed", 2)
            .with("given", 0));
    };
    let (split, threshold) = (first.split, first.threshold);
    if parsed
        .iter()
        .any(|p| p.split != split || p.threshold != threshold)
    {
        return Err(Error::invalid("shares", "shares_mixed"));
    }
    let mut xs: Vec<u8> = parsed.iter().map(|p| p.share.x.0).collect();
    xs.sort_unstable();
    xs.dedup();
    if xs.len() != parsed.len() {
        return Err(Error::invalid("shares", "share_duplicate"));
    }
    if parsed.len() < usize::from(threshold) {
        return Err(Error::invalid("shares", "shares_too_few")
            .with("needed", threshold)
            .with("given", parsed.len()));
    }
    let shares: Vec<Share> = parsed.into_iter().map(|p| p.share).collect();
    let secret = Zeroizing::new(
        Sharks(threshold)
            .recover(shares.iter())
            .map_err(|_| Error::invalid("shares", "shares_mixed"))?,
    );
    RecoveryKey::from_random(&secret)
}

fn check_holders(threshold: usize, holders: &[String]) -> Result<Vec<String>> {
    let holders: Vec<String> = holders.iter().map(|h| h.trim().to_string()).collect();
    if holders.len() < 2 || holders.len() > MAX_SHARES {
        return Err(Error::invalid("holders", "shares_count")
            .with("min", 2)
            .with("max", MAX_SHARES));
    }
    if threshold < 2 || threshold > holders.len() {
        return Err(Error::invalid("threshold", "shares_threshold").with("count", holders.len()));
    }
    if let Some(i) = holders
        .iter()
        .position(|h| h.is_empty() || h.chars().count() > HOLDER_MAX)
    {
        return Err(Error::invalid("holders", "share_holder_name").with("number", i + 1));
    }
    Ok(holders)
}

impl Vault {
    /// Replace the recovery key with a new one, shown once: the old one stops opening the vault
    /// (lost, or known to someone who left). The responsible person's; journaled.
    pub fn new_recovery_key(&mut self) -> Result<RecoveryKey> {
        self.require(Permission::ManageUsers)?;
        let key = RecoveryKey::generate();
        self.replace_recovery_slot(&key, json!({"shares": false}))?;
        Ok(key)
    }

    /// Split a new recovery key among `holders` (2 to 10 people), any `threshold` of whom can
    /// open the vault together; the old recovery key stops working. Returns the shares, to be
    /// shown and printed once — they are never stored. The responsible person's; journaled.
    pub fn split_recovery_key(
        &mut self,
        threshold: u8,
        holders: &[String],
    ) -> Result<Vec<RecoveryShare>> {
        self.require(Permission::ManageUsers)?;
        let holders = check_holders(usize::from(threshold), holders)?;
        let key = RecoveryKey::generate();
        let mut split = [0u8; 1];
        random_bytes(&mut split);
        let tag = vault_tag(self.id());
        let count = holders.len() as u8;
        let shares: Vec<Share> = Sharks(threshold)
            .dealer(key.random_part())
            .take(holders.len())
            .collect();
        let mut out = Vec::with_capacity(shares.len());
        for (i, (share, holder)) in shares.iter().zip(&holders).enumerate() {
            let mut bytes = Zeroizing::new(Vec::with_capacity(SHARE_BYTES));
            bytes.extend_from_slice(&[FORMAT, tag, split[0], threshold]);
            bytes.extend_from_slice(&Zeroizing::new(Vec::<u8>::from(share)));
            let sum = check(&bytes);
            bytes.extend_from_slice(&sum);
            out.push(RecoveryShare {
                holder: holder.clone(),
                index: i as u8 + 1,
                threshold,
                count,
                text: crockford_encode(&bytes).to_string(),
            });
        }
        self.replace_recovery_slot(
            &key,
            json!({"shares": true, "count": count, "threshold": threshold}),
        )?;
        Ok(out)
    }

    /// Put a slot for `key` in place of every recovery slot, and journal it.
    fn replace_recovery_slot(
        &mut self,
        key: &RecoveryKey,
        details: serde_json::Value,
    ) -> Result<()> {
        let mut keyslots = Keyslots::read(self.dir())?;
        keyslots.set_recovery(key.kdf_input(), self.data_key(), KdfParams::default())?;
        let vault_id = self.id();
        self.commit_keyslots_with(keyslots, Action::RecoveryKeyReplaced, vault_id, details)
    }
}

/// The vault's id, read from its keyslots (for combining shares before anything is unlocked).
pub(crate) fn vault_id_of(dir: &std::path::Path) -> Result<Uuid> {
    Ok(Keyslots::read(dir)?.vault_id)
}
