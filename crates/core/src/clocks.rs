//! The dashboard of clocks: every deadline the organisation has, in one list, overdue first.
//! It sits above every area, like [`crate::unlocked`], and only reads what they compute:
//! requests and breaches on their working-day clocks, people without a basis, consents about to
//! expire, people due for the end of retention, and the days since the last backup.

use serde::Serialize;
use time::{Date, OffsetDateTime};

use crate::error::Result;
use crate::vault::Vault;

/// One tile: a kind of clock, how many are running, how many are overdue, the nearest due day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tile {
    /// `requests`, `breaches`, `transfer_notices`, `without_basis`, `expiring_consents`,
    /// `retention_due`, `backup`.
    pub key: &'static str,
    /// How many (for `backup`: days since the last one, or `None` when there is none).
    pub count: Option<i64>,
    /// How many are overdue (or 1 when the backup reminder is due).
    pub overdue: i64,
    /// The nearest due day among those still running.
    pub next_due: Option<Date>,
    /// A year the calendar lacks, which leaves some due days uncounted.
    pub missing_year: Option<i32>,
}

/// Every tile, overdue first, then those with something to do, then the quiet ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clocks {
    /// The tiles in the order the dashboard shows them.
    pub tiles: Vec<Tile>,
    /// Breaches Derbes proposed just now (a broken journal, a burst of failed unlocks).
    pub proposed_now: usize,
}

impl Vault {
    /// Every clock as of today. Looks for breaches to propose first, so a proposal shows at
    /// once on the dashboard.
    pub fn clocks(&self) -> Result<Clocks> {
        let proposed_now = self.propose_breaches()?.len();
        let on = OffsetDateTime::now_utc().date();
        let mut tiles = Vec::new();

        let open: Vec<_> = self
            .requests()?
            .into_iter()
            .filter(|r| r.is_open())
            .collect();
        tiles.push(Tile {
            key: "requests",
            count: Some(open.len() as i64),
            overdue: open.iter().filter(|r| r.is_overdue()).count() as i64,
            next_due: open
                .iter()
                .filter(|r| !r.is_overdue())
                .filter_map(|r| r.clock.due)
                .min(),
            missing_year: open.iter().filter_map(|r| r.clock.missing_year).min(),
        });

        let waiting: Vec<_> = self
            .breaches()?
            .into_iter()
            .filter(|b| b.awaits_notice())
            .collect();
        let overdue = |b: &crate::breaches::Breach| {
            b.clock.state == crate::calendar::clock::ClockState::Overdue
        };
        tiles.push(Tile {
            key: "breaches",
            count: Some(waiting.len() as i64),
            overdue: waiting.iter().filter(|b| overdue(b)).count() as i64,
            next_due: waiting
                .iter()
                .filter(|b| !overdue(b))
                .filter_map(|b| b.clock.due)
                .min(),
            missing_year: waiting.iter().filter_map(|b| b.clock.missing_year).min(),
        });

        // People owed a notice of a transfer of their data (Art. 19: ten working days).
        let notices = self.transfer_notices()?;
        let notice_overdue = |n: &crate::reports::identifying::TransferNotice| {
            n.clock.state == crate::calendar::clock::ClockState::Overdue
        };
        tiles.push(Tile {
            key: "transfer_notices",
            count: Some(notices.len() as i64),
            overdue: notices.iter().filter(|n| notice_overdue(n)).count() as i64,
            next_due: notices
                .iter()
                .filter(|n| !notice_overdue(n))
                .filter_map(|n| n.clock.due)
                .min(),
            missing_year: notices.iter().filter_map(|n| n.clock.missing_year).min(),
        });

        let overview = self.lifecycle_overview(on)?;
        // Processing without a basis must stop within one working day of its lapse (Art. 18,
        // 25(2)(8)): destroy, or find the basis.
        let lapses = self.lapsed_bases(on)?;
        let lapse_overdue = |l: &crate::lifecycle::basis::Lapse| {
            l.clock.state == crate::calendar::clock::ClockState::Overdue
        };
        tiles.push(Tile {
            key: "without_basis",
            count: Some(lapses.len() as i64),
            overdue: lapses.iter().filter(|l| lapse_overdue(l)).count() as i64,
            next_due: lapses
                .iter()
                .filter(|l| !lapse_overdue(l))
                .filter_map(|l| l.clock.due)
                .min(),
            missing_year: lapses.iter().filter_map(|l| l.clock.missing_year).min(),
        });
        tiles.push(Tile {
            key: "expiring_consents",
            count: Some(overview.consents.expiring),
            overdue: 0,
            next_due: None,
            missing_year: None,
        });
        tiles.push(Tile {
            key: "retention_due",
            count: Some(overview.due),
            overdue: 0,
            next_due: None,
            missing_year: None,
        });

        let backup = self.backup_status()?;
        let days = backup.last.as_ref().and_then(|b| {
            OffsetDateTime::parse(&b.made_at, &time::format_description::well_known::Rfc3339)
                .ok()
                .map(|t| (OffsetDateTime::now_utc() - t).whole_days())
        });
        tiles.push(Tile {
            key: "backup",
            count: days,
            overdue: i64::from(backup.overdue),
            next_due: None,
            missing_year: None,
        });

        // Overdue first; then those with something running; the order above within each.
        tiles.sort_by_key(|t| (t.overdue == 0, t.count.unwrap_or(1) == 0));
        Ok(Clocks {
            tiles,
            proposed_now,
        })
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use crate::breaches::{BreachDraft, BreachKind, SubjectsTold};
    use crate::register::fields::{Field, Kind};
    use crate::test_support::{draft, vault};

    #[test]
    fn an_overdue_breach_comes_first_and_a_quiet_vault_shows_only_the_backup_reminder() {
        let (_t, _d, v) = vault();
        let c = v.clocks().unwrap();
        // A new vault has nothing due but its first backup.
        let red: Vec<_> = c
            .tiles
            .iter()
            .filter(|t| t.overdue > 0)
            .map(|t| t.key)
            .collect();
        assert_eq!(red, vec!["backup"]);
        let p = v
            .add_subject(
                &draft(
                    Kind::Beneficiary,
                    &[(Field::Surname, "A"), (Field::Name, "B")],
                ),
                &crate::test_support::basis(),
            )
            .unwrap();
        v.set_legal_ground(p.id, None).unwrap();
        v.add_breach(&BreachDraft {
            detected_at: datetime!(2026 - 01 - 05 10:00),
            kind: BreachKind::MediaLost,
            description: "USB stick lost".into(),
            categories: vec!["contact".into()],
            whole_register: true,
            people: vec![],
            containment: None,
            subjects_told: SubjectsTold::NotYet,
        })
        .unwrap();
        let c = v.clocks().unwrap();
        assert_eq!(c.tiles[0].key, "breaches");
        assert_eq!((c.tiles[0].count, c.tiles[0].overdue), (Some(1), 1));
        // The person whose ground was taken away is on the list too, with a day to act.
        let basis = c.tiles.iter().find(|t| t.key == "without_basis").unwrap();
        assert_eq!(basis.count, Some(1));
        assert_eq!(basis.overdue, 0, "lapsed today: due tomorrow");
        assert!(basis.next_due.is_some());
    }
}
