//! Aggregate reports for donors: counts of people, services or new people over a period,
//! broken down by up to three dimensions, with totals and small cells suppressed so that the
//! table proves the work and identifies no one (Art. 17: data passed on for statistics must be
//! depersonalised first).
//!
//! People are counted from the register and from the anonymous records that anonymisation
//! leaves behind. Blocked people are left out (blocking stops all processing) and counted
//! aside. "People" are the people who received at least one service in the period, each
//! counted once — in the month or quarter of their first service in the period, so that the
//! table adds up. "New people" were first recorded in the period.
//!
//! What a report asks for and its checks are in `spec`; reading the register and the anonymous
//! records on two connections in `read`; the categories of each dimension in `categories`;
//! counting, suppressing and the built [`Report`] in `build`; the printed tables with their
//! charts and the method note in `panels`.

use serde_json::json;

use crate::error::Result;
use crate::reports::labels::Lang;
use crate::vault::journal::Action;
use crate::vault::Vault;

mod build;
mod categories;
mod panels;
mod read;
mod spec;

use build::build;
pub use build::{Axis, Category, Cell, Panel, PanelRow, Report};
pub(crate) use categories::quarter_key;
pub(crate) use read::{read_units, Unit};
pub(crate) use spec::period;
pub use spec::{
    default_period, Dimension, Measure, ReportSpec, DEFAULT_AGE_BANDS, DEFAULT_THRESHOLD,
    MAX_THRESHOLD, MIN_THRESHOLD,
};

/// Read and build a report, without journaling: [`Vault::report`] and the export journal it
/// each in their own way.
pub(crate) fn compute(vault: &Vault, spec: &ReportSpec, lang: Lang) -> Result<Report> {
    spec.check()?;
    let p = period(&spec.from, &spec.to)?;
    let units = read_units(vault, spec.measure, p, &spec.kinds, &spec.programmes, false)?;
    build(spec, &units, lang)
}

impl Vault {
    /// Build a report. Journaled (what was counted, never a count of a small group).
    pub fn report(&self, spec: &ReportSpec, lang: Lang) -> Result<Report> {
        let report = compute(self, spec, lang)?;
        self.record(
            Action::ReportBuilt,
            None,
            json!({
                "measure": spec.measure.key(),
                "by": spec.by.iter().map(|d| d.key()).collect::<Vec<_>>(),
                "from": spec.from,
                "to": spec.to,
                "threshold": spec.threshold,
            }),
        )?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests;
