//! The backup file: one file holding a vault's `keyslots` and its encrypted database, exactly as
//! they are in the vault folder — so it opens with any user's password or the recovery key of
//! the day it was made, and nothing in it is in clear.
//!
//! ```text
//! "DRBSBAK\n"               8 bytes
//! format version            u32, little-endian (1)
//! header length H           u32, little-endian
//! header                    H bytes of JSON: vaultId, madeAt, schema, people, keyslotsLen,
//!                           databaseLen, derbes (the version that wrote it)
//! keyslots                  keyslotsLen bytes, the vault's keyslots file
//! vault.db                  databaseLen bytes, the SQLCipher database (its pages authenticated)
//! SHA-256                   32 bytes, of everything before
//! ```
//!
//! The checksum catches a truncated or damaged file before anything is written; SQLCipher's
//! per-page HMAC catches a deliberate edit of the database; the keyslots file has its own
//! checksum and names the vault.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::vault::keyslots::Keyslots;
use crate::vault::schema;

/// The extension of a backup file.
pub const EXTENSION: &str = "derbes-backup";
const MAGIC: &[u8; 8] = b"DRBSBAK\n";
const VERSION: u32 = 1;
/// A header is a few hundred bytes; anything far larger is not one of ours.
const MAX_HEADER: u32 = 64 * 1024;
/// A keyslots file is a few kilobytes per user.
const MAX_KEYSLOTS: u64 = 16 * 1024 * 1024;

/// What a backup says about itself, in clear (no personal data: ids, dates, counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
    /// The vault it is a copy of.
    pub vault_id: Uuid,
    /// When it was made (RFC 3339, UTC).
    pub made_at: String,
    /// The database's schema version.
    pub schema: i64,
    /// How many people the register held.
    pub people: i64,
    /// Length of the keyslots part.
    pub keyslots_len: u64,
    /// Length of the database part.
    pub database_len: u64,
    /// The version of Derbes that wrote it.
    pub derbes: String,
}

/// Hashes everything written through it.
struct Hashing<W> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Write a backup into `out`: the header, `keyslots`, the database read from `database`, and the
/// checksum. Returns the file's SHA-256 (hex) and length.
pub(crate) fn write(
    out: &mut fs::File,
    header: &Header,
    keyslots: &[u8],
    database: &mut impl Read,
) -> io::Result<(String, u64)> {
    let head = serde_json::to_vec(header).map_err(io::Error::other)?;
    let mut w = Hashing {
        inner: io::BufWriter::with_capacity(1 << 20, &mut *out),
        hash: Sha256::new(),
    };
    w.write_all(MAGIC)?;
    w.write_all(&VERSION.to_le_bytes())?;
    w.write_all(&(head.len() as u32).to_le_bytes())?;
    w.write_all(&head)?;
    w.write_all(keyslots)?;
    let copied = io::copy(&mut database.take(header.database_len), &mut w)?;
    if copied != header.database_len {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the database changed size while it was copied",
        ));
    }
    let sum = w.hash.finalize();
    let mut inner = w.inner;
    inner.write_all(&sum)?;
    inner.flush()?;
    let len = 16 + head.len() as u64 + keyslots.len() as u64 + header.database_len + 32;
    Ok((hex::encode(sum), len))
}

/// A backup file whose checksum and keyslots have been checked.
#[derive(Debug)]
pub(crate) struct Checked {
    pub header: Header,
    pub keyslots_bytes: Vec<u8>,
    pub keyslots: Keyslots,
    /// Where the database starts in the file.
    pub database_at: u64,
}

fn damaged() -> Error {
    Error::invalid("backup", "backup_damaged")
}

/// Read and check a backup file: ours, not from a newer Derbes, whole (its length and checksum),
/// and its keyslots belong to the vault its header names. Writes nothing.
pub(crate) fn check(path: &Path) -> Result<Checked> {
    let mut f = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::invalid("backup", "backup_not_found"))
        }
        Err(e) => return Err(e.into()),
    };
    if f.metadata()?.is_dir() {
        return Err(Error::invalid("backup", "backup_not_a_backup"));
    }
    let len = f.metadata()?.len();
    let mut start = [0u8; 16];
    if f.read_exact(&mut start).is_err() || &start[..8] != MAGIC {
        return Err(Error::invalid("backup", "backup_not_a_backup"));
    }
    let version = u32::from_le_bytes(start[8..12].try_into().unwrap_or_default());
    if version > VERSION {
        return Err(Error::invalid("backup", "backup_newer"));
    }
    let head_len = u32::from_le_bytes(start[12..16].try_into().unwrap_or_default());
    if head_len > MAX_HEADER {
        return Err(damaged());
    }
    let mut head = vec![0u8; head_len as usize];
    f.read_exact(&mut head).map_err(|_| damaged())?;
    let header: Header = serde_json::from_slice(&head).map_err(|_| damaged())?;
    let database_at = 16 + u64::from(head_len) + header.keyslots_len;
    let expected = database_at
        .checked_add(header.database_len)
        .and_then(|n| n.checked_add(32));
    if header.keyslots_len > MAX_KEYSLOTS || expected != Some(len) {
        return Err(damaged());
    }
    // The whole file against its checksum, streamed.
    f.seek(SeekFrom::Start(0))?;
    let mut hash = Sha256::new();
    io::copy(&mut (&mut f).take(len - 32), &mut HashSink(&mut hash))?;
    let mut sum = [0u8; 32];
    f.read_exact(&mut sum)?;
    if hash.finalize().as_slice() != sum {
        return Err(damaged());
    }
    if header.schema > schema::latest_version() {
        return Err(Error::invalid("backup", "backup_newer"));
    }
    f.seek(SeekFrom::Start(16 + u64::from(head_len)))?;
    let mut keyslots_bytes = vec![0u8; header.keyslots_len as usize];
    f.read_exact(&mut keyslots_bytes)?;
    let keyslots = Keyslots::parse(&keyslots_bytes).map_err(|_| damaged())?;
    if keyslots.vault_id != header.vault_id {
        return Err(damaged());
    }
    Ok(Checked {
        header,
        keyslots_bytes,
        keyslots,
        database_at,
    })
}

struct HashSink<'a>(&'a mut Sha256);

impl Write for HashSink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Copy the database part of a checked backup to `to` (a new file, owner-only), synced to disk
/// when `durable` (a restore; a verification's scratch copy is read once and removed).
pub(crate) fn extract_database(
    path: &Path,
    checked: &Checked,
    to: &Path,
    durable: bool,
) -> Result<()> {
    let mut f = fs::File::open(path)?;
    f.seek(SeekFrom::Start(checked.database_at))?;
    let mut out = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)?;
    crate::vault::owner_only(to)?;
    let copied = io::copy(&mut f.take(checked.header.database_len), &mut out)?;
    if copied != checked.header.database_len {
        return Err(damaged());
    }
    if durable {
        out.sync_all()?;
    }
    Ok(())
}
