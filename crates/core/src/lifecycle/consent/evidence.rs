//! The scan of a consent's signed form: recognised by content, capped in size, stored inside
//! the vault and read back.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::subject_facts;
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// Largest scan of a signed form kept in the vault.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// Facts about the attached scan (the bytes are fetched separately).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

impl Vault {
    /// Attach the scan of the signed form (PDF, JPEG or PNG, recognised by content, at most
    /// 10 MB), replacing an earlier one. Stored inside the vault, encrypted.
    pub fn attach_consent_evidence(&self, number: i64, bytes: &[u8]) -> Result<Evidence> {
        let consent = self.consent(number)?;
        let facts = subject_facts(self.conn(), consent.subject_id)?;
        facts.ensure_changeable()?;
        let media_type = check_evidence(bytes)?;
        let tx = self.conn().unchecked_transaction()?;
        let evidence = self.insert_evidence(
            &tx,
            facts.number,
            consent.subject_id,
            consent.id,
            number,
            (bytes, media_type),
        )?;
        tx.commit()?;
        Ok(evidence)
    }

    /// Store a checked scan for a consent, replacing an earlier one, inside `tx`.
    pub(super) fn insert_evidence(
        &self,
        tx: &Connection,
        subject_number: i64,
        subject: Uuid,
        consent: Uuid,
        number: i64,
        (bytes, media_type): (&[u8], &'static str),
    ) -> Result<Evidence> {
        let sha = hex::encode(Sha256::digest(bytes));
        tx.execute(
            "DELETE FROM attachment WHERE consent_id = ?1",
            [consent.to_string()],
        )?;
        tx.execute(
            "INSERT INTO attachment (id, subject_id, consent_id, media_type, size, sha256, content, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                Uuid::now_v7().to_string(),
                subject.to_string(),
                consent.to_string(),
                media_type,
                bytes.len() as i64,
                sha,
                bytes,
                journal::now_utc()
            ],
        )?;
        journal::append(
            tx,
            Some(self.user().id),
            Action::ConsentEvidenceAttached,
            Some(&subject.to_string()),
            json!({"number": subject_number, "consent": number, "type": media_type, "size": bytes.len()}),
        )?;
        Ok(Evidence {
            media_type: media_type.into(),
            size: bytes.len() as i64,
            sha256: sha,
        })
    }

    /// Attach a scan from a file; a file over the size cap is refused before it is read.
    pub fn attach_consent_evidence_file(
        &self,
        number: i64,
        path: &std::path::Path,
    ) -> Result<Evidence> {
        self.attach_consent_evidence(number, &read_evidence_file(path)?)
    }

    /// The attached scan's type and bytes. Journaled as a view of the person's record.
    pub fn consent_evidence(&self, number: i64) -> Result<(String, Vec<u8>)> {
        let consent = self.consent(number)?;
        let found: Option<(String, Vec<u8>)> = self
            .conn()
            .query_row(
                "SELECT media_type, content FROM attachment WHERE consent_id = ?1",
                [consent.id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let found = found.ok_or_else(|| Error::invalid("evidence", "evidence_missing"))?;
        self.record(
            Action::SubjectViewed,
            Some(&consent.subject_id.to_string()),
            json!({"number": consent.subject_number, "evidence": number}),
        )?;
        Ok(found)
    }
}

/// Read a scan from a file; a file over the size cap is refused before it is read.
pub fn read_evidence_file(path: &std::path::Path) -> Result<Vec<u8>> {
    if std::fs::metadata(path)?.len() > MAX_EVIDENCE_BYTES as u64 {
        return Err(too_big());
    }
    Ok(std::fs::read(path)?)
}

fn too_big() -> Error {
    Error::invalid("evidence", "evidence_too_big")
        .with("max_mb", MAX_EVIDENCE_BYTES / (1024 * 1024))
}

/// A scan's media type, or why it is refused: PDF, JPEG or PNG by content, at most 10 MB.
pub fn check_evidence(bytes: &[u8]) -> Result<&'static str> {
    let media_type = sniff(bytes).ok_or_else(|| Error::invalid("evidence", "evidence_type"))?;
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(too_big());
    }
    Ok(media_type)
}

/// Recognise a scan by its first bytes, not its name.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else {
        None
    }
}
