//! Key material and the secrets people type, in types that wipe themselves.
//!
//! Nothing here implements `Display`, and `Debug` prints only a placeholder, so a key, a password
//! or a recovery key cannot end up in a log line or a panic message by accident.

use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::error::{Error, Result};

/// Fill `buf` from the operating system's random source.
pub(crate) fn random_bytes(buf: &mut [u8]) {
    // The OS RNG failing is not recoverable and says nothing secret.
    getrandom::fill(buf).expect("the operating system's random number generator failed");
}

/// The random 256-bit key that opens `vault.db`. Stored only wrapped, in `keyslots`.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DataKey([u8; 32]);

impl DataKey {
    /// A fresh random key.
    pub(crate) fn generate() -> Self {
        let mut k = [0u8; 32];
        random_bytes(&mut k);
        Self(k)
    }

    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The value for SQLCipher's `PRAGMA key`: a raw key, so SQLCipher's own KDF is skipped.
    pub(crate) fn sqlcipher_pragma_value(&self) -> Zeroizing<String> {
        // Hex into a wiped buffer: no unwiped copy of the key is left on the heap.
        let mut hex = Zeroizing::new([0u8; 64]);
        let mut s = Zeroizing::new(String::with_capacity(67));
        s.push_str("x'");
        if hex::encode_to_slice(self.0, &mut hex[..]).is_ok() {
            s.push_str(std::str::from_utf8(&hex[..]).unwrap_or_default());
        }
        s.push('\'');
        s
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<hidden>)")
    }
}

/// A password as typed. Wiped from memory when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Password(String);

impl Password {
    /// Wrap a typed password. The caller should not keep other copies.
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// The password's text, for the KDF and the strength check only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the password is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<hidden>)")
    }
}

impl PartialEq for Password {
    fn eq(&self, other: &Self) -> bool {
        // Only ever used to compare a password with its repetition; not a secret-dependent branch
        // an attacker can observe.
        self.0 == other.0
    }
}

/// Crockford's base32 alphabet: no I, L, O or U, so the key survives being read aloud or copied
/// by hand.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `bytes` (a multiple of 5 bytes) in Crockford's base32, in groups of 4 joined by `-`.
pub(crate) fn crockford_encode(bytes: &[u8]) -> Zeroizing<String> {
    let mut s = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    let mut bits: u64 = 0;
    let mut nbits = 0u32;
    let mut n = 0;
    for &byte in bytes {
        bits = (bits << 8) | byte as u64;
        nbits += 8;
        while nbits >= 5 {
            nbits -= 5;
            if n > 0 && n % 4 == 0 {
                s.push('-');
            }
            s.push(CROCKFORD[((bits >> nbits) & 31) as usize] as char);
            n += 1;
        }
        bits &= (1 << nbits) - 1;
    }
    bits.zeroize();
    s
}

/// Read exactly `chars` characters of Crockford's base32 as a person typed them: case, spaces
/// and dashes do not matter, O reads as 0 and I or L as 1. `None` for anything else.
pub(crate) fn crockford_decode(text: &str, chars: usize) -> Option<Zeroizing<Vec<u8>>> {
    let mut bits: u64 = 0;
    let mut nbits = 0u32;
    let mut out = Zeroizing::new(Vec::with_capacity(chars * 5 / 8));
    let mut seen = 0usize;
    for c in text.chars() {
        if c == '-' || c.is_whitespace() {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let v = CROCKFORD.iter().position(|&a| a as char == c)?;
        seen += 1;
        if seen > chars {
            return None;
        }
        bits = (bits << 5) | v as u64;
        nbits += 5;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    bits.zeroize();
    (seen == chars).then_some(out)
}
const RECOVERY_RANDOM_BYTES: usize = 18;
const RECOVERY_BYTES: usize = 20;

/// The printable recovery key: 144 random bits and a 16-bit check, written as 32 Crockford
/// base32 characters in 8 groups of 4 (`XXXX-XXXX-…`).
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey([u8; RECOVERY_BYTES]);

impl RecoveryKey {
    /// A fresh random recovery key.
    pub(crate) fn generate() -> Self {
        let mut b = [0u8; RECOVERY_BYTES];
        random_bytes(&mut b[..RECOVERY_RANDOM_BYTES]);
        let check = Sha256::digest(&b[..RECOVERY_RANDOM_BYTES]);
        b[RECOVERY_RANDOM_BYTES..].copy_from_slice(&check[..2]);
        Self(b)
    }

    /// Read a recovery key as a person typed it: case, spaces and dashes do not matter, and the
    /// letters O, I and L are read as 0, 1 and 1.
    pub fn parse(text: &str) -> Result<Self> {
        let out = crockford_decode(text, 32).ok_or(Error::RecoveryKeyInvalid)?;
        if out.len() != RECOVERY_BYTES {
            return Err(Error::RecoveryKeyInvalid);
        }
        let mut b = [0u8; RECOVERY_BYTES];
        b.copy_from_slice(&out);
        let check = Sha256::digest(&b[..RECOVERY_RANDOM_BYTES]);
        if check[..2] != b[RECOVERY_RANDOM_BYTES..] {
            b.zeroize();
            return Err(Error::RecoveryKeyInvalid);
        }
        Ok(Self(b))
    }

    /// The key whose random part is `random` (rebuilt from shares), with its check.
    pub(crate) fn from_random(random: &[u8]) -> Result<Self> {
        if random.len() != RECOVERY_RANDOM_BYTES {
            return Err(Error::RecoveryKeyInvalid);
        }
        let mut b = [0u8; RECOVERY_BYTES];
        b[..RECOVERY_RANDOM_BYTES].copy_from_slice(random);
        let check = Sha256::digest(&b[..RECOVERY_RANDOM_BYTES]);
        b[RECOVERY_RANDOM_BYTES..].copy_from_slice(&check[..2]);
        Ok(Self(b))
    }

    /// The random part, which shares split.
    pub(crate) fn random_part(&self) -> &[u8] {
        &self.0[..RECOVERY_RANDOM_BYTES]
    }

    /// The key in its printed form, `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub fn display(&self) -> Zeroizing<String> {
        crockford_encode(&self.0)
    }

    /// The last group of 4 characters, which the user types back to prove they wrote the key down.
    pub fn last_group(&self) -> Zeroizing<String> {
        let d = self.display();
        Zeroizing::new(d[d.len() - 4..].to_string())
    }

    /// The bytes fed to the KDF.
    pub(crate) fn kdf_input(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(<hidden>)")
    }
}

/// Whether a typed group equals the recovery key's last group (case and spaces ignored).
pub fn recovery_group_matches(key_last_group: &str, typed: &str) -> bool {
    let norm: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            o => o,
        })
        .collect();
    norm == key_last_group
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_key_round_trips_through_its_printed_form() {
        for _ in 0..200 {
            let k = RecoveryKey::generate();
            let shown = k.display();
            assert_eq!(shown.len(), 39);
            assert_eq!(shown.matches('-').count(), 7);
            let back = RecoveryKey::parse(&shown).unwrap();
            assert_eq!(back.0, k.0);
            let sloppy = shown.to_lowercase().replace('-', " ");
            assert_eq!(RecoveryKey::parse(&sloppy).unwrap().0, k.0);
        }
    }

    #[test]
    fn recovery_key_typo_is_caught_by_its_check() {
        let k = RecoveryKey::generate();
        let shown = k.display().to_string();
        let mut caught = 0;
        for pos in [0usize, 5, 10, 20, 30] {
            let mut chars: Vec<char> = shown.chars().collect();
            chars[pos] = if chars[pos] == 'A' { 'B' } else { 'A' };
            let typo: String = chars.into_iter().collect();
            if matches!(RecoveryKey::parse(&typo), Err(Error::RecoveryKeyInvalid)) {
                caught += 1;
            }
        }
        // A 16-bit check misses a random typo with probability 1/65536.
        assert!(caught >= 4);
        assert!(matches!(
            RecoveryKey::parse("ABCD-EFGH"),
            Err(Error::RecoveryKeyInvalid)
        ));
        assert!(matches!(
            RecoveryKey::parse(&format!("{shown}-AAAA")),
            Err(Error::RecoveryKeyInvalid)
        ));
        assert!(matches!(
            RecoveryKey::parse("ÄÄÄÄ"),
            Err(Error::RecoveryKeyInvalid)
        ));
    }

    #[test]
    fn debug_never_shows_secrets() {
        let p = Password::new("hunter2-secret");
        assert!(!format!("{p:?}").contains("hunter2"));
        let k = RecoveryKey::generate();
        assert!(!format!("{k:?}").contains(&k.last_group()[..]));
        let d = DataKey::generate();
        assert!(!format!("{d:?}").contains(&hex::encode(d.as_bytes())[..8]));
    }

    #[test]
    fn last_group_confirmation_is_forgiving_about_case() {
        let k = RecoveryKey::generate();
        let g = k.last_group();
        assert!(recovery_group_matches(&g, &g.to_lowercase()));
        assert!(recovery_group_matches(&g, &format!(" {} ", &*g)));
        assert!(!recovery_group_matches(&g, "ZZZZZ"));
    }
}

/// The first word of the line that holds a key file's secret.
const KEY_FILE_TAG: &str = "derbes-key-file-v1";

/// A key file: a second factor for one user's password slot, kept on a USB stick apart from the
/// laptop (KeePassXC's habit). The slot then opens only with the password *and* the file; losing
/// the file is covered by the recovery key. The file is text: a few lines saying what it is, and
/// one line `derbes-key-file-v1 <64 hex digits>` holding 32 random bytes.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct KeyFile([u8; 32]);

impl KeyFile {
    /// A fresh random key file.
    pub(crate) fn generate() -> Self {
        let mut k = [0u8; 32];
        random_bytes(&mut k);
        Self(k)
    }

    /// Read a key file's bytes; anything else is refused (`key_file_invalid`).
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let invalid = || Error::invalid("key_file", "key_file_invalid");
        let text = std::str::from_utf8(bytes).map_err(|_| invalid())?;
        let hex_text = text
            .lines()
            .find_map(|l| l.trim().strip_prefix(KEY_FILE_TAG))
            .map(str::trim)
            .ok_or_else(invalid)?;
        let mut k = [0u8; 32];
        hex::decode_to_slice(hex_text, &mut k).map_err(|_| invalid())?;
        Ok(Self(k))
    }

    /// Read a key file from disk.
    pub fn read(path: &std::path::Path) -> Result<Self> {
        match std::fs::read(path) {
            Ok(b) => Self::parse(&Zeroizing::new(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(Error::invalid("key_file", "key_file_not_found"))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The file's text, naming the vault and the user it is for (no secret but the key itself).
    pub(crate) fn render(&self, vault: &str, user: &str) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "Derbes key file: keep it on a USB stick, away from the laptop.\n\
             vault: {vault}\nuser: {user}\n{KEY_FILE_TAG} {}\n",
            hex::encode(self.0)
        ))
    }

    /// The bytes appended to the password before the key derivation.
    pub(crate) fn factor(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyFile(<hidden>)")
    }
}
