//! Adding many people at once — an import file or the demo generator — all or nothing.
//!
//! Every row is checked first (the rules, the inventory, duplicate IINs against the register and
//! within the file). If any row is rejected, nothing is written and the report lists every
//! rejected row and why; otherwise all rows go in one transaction, so a crash or a full disk
//! leaves the vault as it was. The journal gets one entry with the row count.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::json;
use time::OffsetDateTime;

use crate::error::{Args, Error, FieldProblem, Result};
use crate::register::fields::{Field, PersonDraft};
use crate::register::subjects::{validate, ValidPerson, Writer};
use crate::vault::journal::{self, Action};
use crate::vault::Vault;
use crate::words::{self, Lang};

/// One problem with one row of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    /// The row as the user sees it in the file (the header is row 1).
    pub row: usize,
    /// The field's stable key, or `kind`.
    pub field: String,
    /// A stable code for translation, one of [`crate::register::PROBLEM_CODES`]; its sentence
    /// is `problem-<code>`.
    pub code: &'static str,
    /// What the sentence puts in (`row` for a duplicate in the file, `number` for one in the
    /// register), never the value itself.
    pub args: Args,
}

impl RowProblem {
    /// A problem of row `row`.
    pub(crate) fn new(row: usize, problem: FieldProblem) -> RowProblem {
        RowProblem {
            row,
            field: problem.field,
            code: problem.code,
            args: problem.args,
        }
    }

    /// The sentence for this problem in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        words::message_with(lang, &format!("problem-{}", self.code), &self.args)
    }
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Rows read.
    pub rows: usize,
    /// Rows that passed every check.
    pub accepted: usize,
    /// Every problem in every rejected row.
    pub rejected: Vec<RowProblem>,
    /// Whether the rows were written (never when a row was rejected or on a dry run).
    pub imported: bool,
}

/// Why a batch is being written, for the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchSource {
    /// A CSV/XLSX file chosen by the user.
    Import,
    /// Synthetic people for the demo or a benchmark.
    Demo,
}

/// What the caller adds to each row of a batch: a check of its own (the purposes the batch's
/// basis covers) and what it writes beside each person (their basis), in the same transaction.
pub(crate) struct BatchHooks<'a> {
    /// Problems of a checked row beyond the register's rules.
    pub check: &'a dyn Fn(&ValidPerson) -> Vec<FieldProblem>,
    /// Called after each person is inserted, with their id and number.
    pub after:
        &'a mut dyn FnMut(&rusqlite::Connection, &ValidPerson, uuid::Uuid, i64) -> Result<()>,
}

impl Vault {
    /// Check `rows` (row number as the user sees it, draft) and, unless `dry_run` or a row is
    /// rejected, add them all in one transaction. `progress(done, total)` is called as rows are
    /// checked and written. The public door, which gives every row its basis, is
    /// [`Vault::add_people`] in [`crate::lifecycle::basis`].
    pub(crate) fn add_people_with(
        &self,
        rows: &[(usize, PersonDraft)],
        dry_run: bool,
        source: BatchSource,
        hooks: BatchHooks<'_>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let inventory = self.inventory()?;
        let today = OffsetDateTime::now_utc().date();
        let total = rows.len() * if dry_run { 1 } else { 2 };
        let mut rejected = Vec::new();
        let mut valid: Vec<ValidPerson> = Vec::with_capacity(rows.len());
        let mut seen_iin: HashMap<String, usize> = HashMap::new();
        // The register's IINs, read once: a hash lookup per row instead of an index search.
        let existing: HashMap<String, i64> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT iin, number FROM subject WHERE iin IS NOT NULL")?;
            let pairs =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            pairs.collect::<std::result::Result<_, _>>()?
        };
        for (i, (row, draft)) in rows.iter().enumerate() {
            match validate(draft, &inventory.document, today) {
                Ok(p) => {
                    let own = (hooks.check)(&p);
                    let mut ok = own.is_empty();
                    rejected.extend(own.into_iter().map(|f| RowProblem::new(*row, f)));
                    if let Some(iin) = p.values.get(&Field::Iin) {
                        if let Some(first) = seen_iin.insert(iin.clone(), *row) {
                            rejected.push(RowProblem::new(
                                *row,
                                FieldProblem::new("iin", "duplicate_iin_in_file")
                                    .with("row", first),
                            ));
                            ok = false;
                        } else if let Some(number) = existing.get(iin) {
                            rejected.push(RowProblem::new(
                                *row,
                                FieldProblem::new("iin", "duplicate_iin").with("number", *number),
                            ));
                            ok = false;
                        }
                    }
                    if ok {
                        valid.push(p);
                    }
                }
                Err(Error::Invalid { problems }) => {
                    rejected.extend(problems.into_iter().map(|p| RowProblem::new(*row, p)));
                }
                Err(other) => return Err(other),
            }
            if i % 1000 == 0 {
                progress(i, total);
            }
        }
        let mut report = ImportReport {
            rows: rows.len(),
            accepted: valid.len(),
            rejected,
            imported: false,
        };
        if dry_run || !report.rejected.is_empty() || valid.is_empty() {
            progress(total, total);
            return Ok(report);
        }
        // A large batch goes through a rollback journal rather than the WAL, so its new pages are
        // written once, into the database file, instead of into the WAL and again at checkpoint;
        // and it gets a cache big enough not to spill. Crash safety is the same: a hot journal
        // is rolled back at the next open. Both settings return to normal afterwards.
        self.conn()
            .execute_batch("PRAGMA journal_mode = DELETE; PRAGMA cache_size = -524288;")?;
        let result = self.write_batch(
            &valid,
            rows.len(),
            total,
            source,
            inventory.version,
            hooks.after,
            progress,
        );
        let restored = self
            .conn()
            .execute_batch("PRAGMA cache_size = -65536; PRAGMA journal_mode = WAL;");
        result?;
        restored?;
        report.imported = true;
        Ok(report)
    }

    /// Write checked people in one transaction with one journal entry.
    #[allow(clippy::too_many_arguments)]
    fn write_batch(
        &self,
        valid: &[ValidPerson],
        checked: usize,
        total: usize,
        source: BatchSource,
        inventory_version: i64,
        after: &mut dyn FnMut(&rusqlite::Connection, &ValidPerson, uuid::Uuid, i64) -> Result<()>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        let mut writer = Writer::new(&tx)?;
        for (i, p) in valid.iter().enumerate() {
            let (id, number) = writer.insert_checked(p, false)?;
            after(&tx, p, id, number)?;
            if i % 1000 == 0 {
                progress(checked + i, total);
            }
        }
        let action = match source {
            BatchSource::Import => Action::SubjectsImported,
            BatchSource::Demo => Action::DemoCreated,
        };
        journal::append(
            &tx,
            Some(self.user().id),
            action,
            None,
            json!({"rows": valid.len(), "inventory": inventory_version}),
        )?;
        tx.commit()?;
        progress(total, total);
        Ok(())
    }
}
