//! The transfer ledger: every anonymised report or release saved for someone outside the
//! organisation — to whom, why, with what parameters, by whom, when, and the SHA-256 of the
//! file, so the NGO can later show exactly what it handed over (and a file can be checked
//! against the ledger). The file is written and the ledger entry made together: if either
//! fails, neither is left.
//!
//! Exports that are not anonymised do not exist here: the only things this module writes are a
//! [`crate::reports::table::Report`] and a [`crate::reports::release::Release`].

use std::path::Path;

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::documents::IfExists;
use crate::error::{Error, Result};
use crate::register::organisation::Organisation;
use crate::reports::export::{self, Format, Letterhead};
use crate::reports::labels::Lang;
use crate::reports::release::ReleaseSpec;
use crate::reports::table::ReportSpec;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// Who a file goes to and why: both required, both printed in the file and kept in the ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    /// The recipient, e.g. "Фонд «Сорос-Казахстан»".
    pub recipient: String,
    /// Why, e.g. "Annual report on grant № 12".
    pub purpose: String,
}

impl Recipient {
    fn check(&self) -> Result<Recipient> {
        let recipient = self.recipient.trim();
        let purpose = self.purpose.trim();
        if recipient.is_empty() {
            return Err(Error::invalid("recipient", "transfer_recipient_missing"));
        }
        if purpose.is_empty() {
            return Err(Error::invalid("purpose", "transfer_purpose_missing"));
        }
        if recipient.chars().count() > 300 || purpose.chars().count() > 1000 {
            return Err(Error::invalid("purpose", "transfer_text_too_long"));
        }
        Ok(Recipient {
            recipient: recipient.into(),
            purpose: purpose.into(),
        })
    }
}

/// One entry of the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Transfer {
    /// Its number, printed in the file.
    pub number: i64,
    /// Stable id.
    pub id: String,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// Who saved it.
    pub user_name: String,
    /// `report` or `release`.
    pub kind: String,
    /// `csv`, `xlsx` or `pdf`.
    pub format: String,
    /// To whom.
    pub recipient: String,
    /// Why.
    pub purpose: String,
    /// The spec and the language, as JSON.
    pub parameters: serde_json::Value,
    /// Rows, k and l achieved, hidden cells, as JSON.
    pub outcome: serde_json::Value,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Size of the file in bytes.
    pub size: i64,
}

fn from_row(r: &Row) -> rusqlite::Result<Transfer> {
    let parameters: String = r.get(8)?;
    let outcome: String = r.get(9)?;
    Ok(Transfer {
        number: r.get(0)?,
        id: r.get(1)?,
        at: r.get(2)?,
        user_name: r.get(3)?,
        kind: r.get(4)?,
        format: r.get(5)?,
        recipient: r.get(6)?,
        purpose: r.get(7)?,
        parameters: serde_json::from_str(&parameters).unwrap_or_default(),
        outcome: serde_json::from_str(&outcome).unwrap_or_default(),
        sha256: r.get(10)?,
        size: r.get(11)?,
    })
}

const COLUMNS: &str =
    "number, id, at, user_name, kind, format, recipient, purpose, parameters, outcome, sha256, size";

/// Renders the file once the letterhead (with the ledger number) is known.
pub(super) type Render<'a> = Box<dyn FnOnce(&Letterhead) -> Result<Vec<u8>> + 'a>;

/// Writes what goes beside a ledger entry (the people an identifying transfer carried) in its
/// transaction, given the entry's number.
pub(super) type Beside<'a> = Box<dyn FnOnce(&rusqlite::Connection, i64) -> Result<()> + 'a>;

/// What to write, made once the ledger number is known.
pub(super) struct Draft<'a> {
    pub(super) kind: &'static str,
    pub(super) parameters: serde_json::Value,
    pub(super) outcome: serde_json::Value,
    pub(super) render: Render<'a>,
    pub(super) beside: Option<Beside<'a>>,
}

impl Vault {
    /// Build a report and save it for a recipient, recorded in the ledger and the journal.
    pub fn export_report(
        &self,
        spec: &ReportSpec,
        lang: Lang,
        format: Format,
        to: &Recipient,
        path: &Path,
        if_exists: IfExists,
    ) -> Result<Transfer> {
        let to = to.check()?;
        // Refuse a wrong name, a taken file or a missing letterhead before the work.
        let organisation = self.ready_to_send(format, path, if_exists)?;
        let report = crate::reports::table::compute(self, spec, lang)?;
        let draft = Draft {
            kind: "report",
            parameters: json!({"spec": spec, "lang": lang.key()}),
            outcome: json!({
                "primary": report.primary,
                "secondary": report.secondary,
                "grandTotal": report.grand_total,
            }),
            beside: None,
            render: Box::new(move |head: &Letterhead| match format {
                Format::Csv => export::report_csv(&report),
                Format::Xlsx => export::report_xlsx(&report, head),
                Format::Pdf => export::report_pdf(&report, head),
            }),
        };
        self.transfer(draft, format, &to, organisation, (path, if_exists))
    }

    /// Compute a release and save it for a recipient, recorded in the ledger and the journal.
    pub fn export_release(
        &self,
        spec: &ReleaseSpec,
        lang: Lang,
        format: Format,
        to: &Recipient,
        path: &Path,
        if_exists: IfExists,
    ) -> Result<Transfer> {
        self.require(Permission::ExportRows)?;
        let to = to.check()?;
        // Refuse a wrong name, a taken file or a missing letterhead before the work.
        let organisation = self.ready_to_send(format, path, if_exists)?;
        let release = crate::reports::release::compute(self, spec, lang)?;
        let draft = Draft {
            kind: "release",
            parameters: json!({"spec": spec, "lang": lang.key()}),
            outcome: json!({
                "rows": release.rows.len(),
                "suppressed": release.suppressed,
                "kAchieved": release.k_achieved,
                "lAchieved": release.l_achieved,
                "levels": release.transformation.iter().map(|t| t.level).collect::<Vec<_>>(),
                "informationLossPercent": release.information_loss_percent,
            }),
            beside: None,
            render: Box::new(move |head: &Letterhead| match format {
                Format::Csv => export::release_csv(&release),
                Format::Xlsx => export::release_xlsx(&release, head),
                Format::Pdf => export::release_pdf(&release, head),
            }),
        };
        self.transfer(draft, format, &to, organisation, (path, if_exists))
    }

    /// What must hold before a file is made for a recipient: the name ends in the format's
    /// extension, nothing is at the path unless the user said to replace it, and the
    /// organisation has a name to put on the letterhead. Returns that organisation.
    pub(super) fn ready_to_send(
        &self,
        format: Format,
        path: &Path,
        if_exists: IfExists,
    ) -> Result<Organisation> {
        // A file named .csv holding a PDF would open as garbage at the recipient's end.
        if Format::from_path(path).ok() != Some(format) {
            return Err(Error::invalid("path", "transfer_extension").with("ext", format.key()));
        }
        crate::documents::check_target(path, if_exists)?;
        let organisation = self.organisation()?;
        if organisation.name.trim().is_empty() {
            return Err(Error::invalid(
                "organisation",
                "transfer_organisation_missing",
            ));
        }
        Ok(organisation)
    }

    /// Record the transfer, write the file, and commit — or leave neither.
    pub(super) fn transfer(
        &self,
        draft: Draft,
        format: Format,
        to: &Recipient,
        organisation: Organisation,
        (path, if_exists): (&Path, IfExists),
    ) -> Result<Transfer> {
        let tx = self.conn().unchecked_transaction()?;
        let number: i64 = tx.query_row(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM transfer",
            [],
            |r| r.get(0),
        )?;
        let at = journal::now_utc();
        let head = Letterhead {
            organisation,
            recipient: to.recipient.clone(),
            purpose: to.purpose.clone(),
            number,
            date: at.get(0..10).unwrap_or_default().to_string(),
        };
        let bytes = (draft.render)(&head)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let id = Uuid::now_v7().to_string();
        let user = self.user();
        // The ledger points at the recipient's record when there is one by that name.
        let recipient_id: Option<String> = tx
            .query_row(
                "SELECT id FROM recipient WHERE name = ?1 COLLATE NOCASE ORDER BY number LIMIT 1",
                [to.recipient.trim()],
                |r| r.get(0),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO transfer (number, id, at, user_id, user_name, kind, format, recipient, purpose, parameters, outcome, sha256, size, recipient_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                number,
                id,
                at,
                user.id.to_string(),
                user.name,
                draft.kind,
                format.key(),
                to.recipient,
                to.purpose,
                draft.parameters.to_string(),
                draft.outcome.to_string(),
                sha256,
                bytes.len() as i64,
                recipient_id
            ],
        )?;
        if let Some(beside) = draft.beside {
            beside(&tx, number)?;
        }
        // The journal names the ledger entry, never the recipient's words.
        journal::append(
            &tx,
            Some(user.id),
            Action::TransferRecorded,
            Some(&id),
            json!({"number": number, "kind": draft.kind, "format": format.key(), "sha256": sha256}),
        )?;
        let saved = crate::documents::save_undoably(path, &bytes, if_exists)?;
        if let Err(e) = tx.commit() {
            // The ledger could not record it, so the file must not exist either; a file it
            // replaced comes back.
            saved.undo();
            return Err(e.into());
        }
        saved.keep();
        self.transfer_by_number(number)
    }

    /// The ledger, newest first.
    pub fn transfers(&self) -> Result<Vec<Transfer>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM transfer ORDER BY number DESC"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One ledger entry.
    pub fn transfer_by_number(&self, number: i64) -> Result<Transfer> {
        self.conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM transfer WHERE number = ?1"),
                [number],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::invalid("number", "transfer_not_found").with("number", number))
    }

    /// The ledger entry of a file, found by its SHA-256: proof of what was sent, or `None`
    /// when the file was not saved by Derbes or was changed since.
    pub fn find_transfer_of_file(&self, path: &Path) -> Result<Option<Transfer>> {
        let bytes = std::fs::read(path)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        Ok(self
            .conn()
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM transfer WHERE sha256 = ?1 ORDER BY number LIMIT 1"
                ),
                [sha256],
                from_row,
            )
            .optional()?)
    }
}

#[cfg(test)]
#[path = "transfer_tests.rs"]
mod tests;
