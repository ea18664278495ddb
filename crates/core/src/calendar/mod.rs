//! The working-day calendar of Kazakhstan, which every deadline of the law is counted on.
//!
//! Weekends and the public holidays of the Law "On holidays" are rules ([`rules`]); what changes
//! every year — the day of Kurban Ait and the government's transfers of days off — is **data**
//! ([`Year`]): shipped for the years Derbes knew of when it was built ([`shipped`]), kept in the
//! vault, and editable by the responsible person ([`store`]). A deadline that crosses a year
//! with no data is refused with that year (`calendar_year_missing`), never guessed.
//!
//! Terms are counted as the Civil Code counts them (Art. 173, 175): a term of N working days
//! starts the day after the event and ends on the N-th working day after it.

pub mod clock;
pub mod rules;
pub mod shipped;
pub mod store;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Weekday};

use crate::error::{Error, Result};

pub use clock::Clock;

/// The years a deadline may reach: far enough for any term of the law, bounded so a typing
/// mistake cannot make a loop run for ever.
pub const MAX_TERM_DAYS: u32 = 366;

/// One year's data: the day of Kurban Ait and the government's changes to the usual days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Year {
    /// The year.
    pub year: i32,
    /// The first day of Kurban Ait, a day off that is not moved when it falls on a weekend.
    pub kurban_ait: Date,
    /// Whether that day is still an estimate (the Spiritual Administration announces it).
    #[serde(default)]
    pub kurban_ait_estimated: bool,
    /// Extra days off: a working day the government made a day off, or a holiday added by law.
    #[serde(default)]
    pub days_off: Vec<Marked>,
    /// Extra working days: a weekend day worked in exchange, or a holiday no longer kept.
    #[serde(default)]
    pub working_days: Vec<Marked>,
}

/// A day and why it is marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Marked {
    /// The day.
    pub date: Date,
    /// Why, for the person reading the calendar (e.g. the government's decree).
    #[serde(default)]
    pub note: String,
}

/// What a day is, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Day {
    /// A working day (perhaps a weekend worked in exchange: `transferred`).
    Working {
        /// A weekend day or holiday the year's data made a working day.
        transferred: bool,
    },
    /// Saturday or Sunday.
    Weekend,
    /// A public holiday (`holiday` is its stable code), or the weekday it moved to.
    Holiday {
        /// Stable code of the holiday, e.g. `nauryz`.
        holiday: &'static str,
        /// The weekday a holiday on a weekend moved to.
        moved: bool,
    },
    /// A day off by the year's data (a government transfer).
    DayOff,
}

impl Day {
    /// Whether people work on this day.
    pub fn is_working(self) -> bool {
        matches!(self, Day::Working { .. })
    }
}

/// The calendar as a vault holds it: the years with data.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeMap<i32, YearDays>,
}

/// A year's days off and working days, worked out once.
#[derive(Debug, Clone)]
struct YearDays {
    holidays: BTreeMap<Date, Day>,
    days_off: BTreeSet<Date>,
    working: BTreeSet<Date>,
}

impl Calendar {
    /// A calendar of the given years.
    pub fn new(years: impl IntoIterator<Item = Year>) -> Calendar {
        let years = years
            .into_iter()
            .map(|y| {
                let days = YearDays {
                    holidays: rules::holidays(y.year, y.kurban_ait),
                    days_off: y.days_off.iter().map(|m| m.date).collect(),
                    working: y.working_days.iter().map(|m| m.date).collect(),
                };
                (y.year, days)
            })
            .collect();
        Calendar { years }
    }

    /// The calendar Derbes ships, without a vault's edits.
    pub fn shipped() -> Calendar {
        Calendar::new(shipped::years())
    }

    /// The years that have data.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }

    /// What `date` is; refused when its year has no data.
    pub fn day(&self, date: Date) -> Result<Day> {
        let Some(y) = self.years.get(&date.year()) else {
            return Err(missing_year(date.year()));
        };
        let weekend = matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday);
        if y.working.contains(&date) {
            return Ok(Day::Working {
                transferred: weekend || y.holidays.contains_key(&date),
            });
        }
        if y.days_off.contains(&date) {
            return Ok(Day::DayOff);
        }
        if let Some(h) = y.holidays.get(&date) {
            if let Day::Holiday { moved: false, .. } = h {
                if weekend {
                    // The holiday itself is on a weekend; its day off is the weekday it moved to.
                    return Ok(Day::Weekend);
                }
            }
            return Ok(*h);
        }
        Ok(if weekend {
            Day::Weekend
        } else {
            Day::Working { transferred: false }
        })
    }

    /// Whether people work on `date`.
    pub fn is_working(&self, date: Date) -> Result<bool> {
        Ok(self.day(date)?.is_working())
    }

    /// The `n`-th working day after `from` (the term starts the next day, Civil Code Art. 173);
    /// `n = 0` gives `from` itself.
    pub fn add_working_days(&self, from: Date, n: u32) -> Result<Date> {
        if n > MAX_TERM_DAYS {
            return Err(
                Error::invalid("working_days", "working_days_range").with("max", MAX_TERM_DAYS)
            );
        }
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d = d
                .next_day()
                .ok_or_else(|| missing_year(from.year().saturating_add(1)))?;
            if self.is_working(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// Working days after `from` up to and including `to` (negative when `to` is earlier).
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<i64> {
        if from == to {
            return Ok(0);
        }
        let (a, b, sign) = if from < to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        if (b - a) > Duration::days(i64::from(MAX_TERM_DAYS) * 3) {
            return Err(
                Error::invalid("working_days", "working_days_range").with("max", MAX_TERM_DAYS)
            );
        }
        let mut n = 0;
        let mut d = a;
        while d < b {
            d = d.next_day().ok_or_else(|| missing_year(b.year()))?;
            if self.is_working(d)? {
                n += 1;
            }
        }
        Ok(sign * n)
    }

    /// Every day of `year` that differs from a plain week: days off on weekdays and working
    /// weekend days, in date order.
    pub fn special_days(&self, year: i32) -> Result<Vec<(Date, Day)>> {
        let Some(y) = self.years.get(&year) else {
            return Err(missing_year(year));
        };
        let mut dates: BTreeSet<Date> = y.holidays.keys().copied().collect();
        dates.extend(&y.days_off);
        dates.extend(&y.working);
        let mut out = Vec::new();
        for d in dates {
            let day = self.day(d)?;
            let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
            if day.is_working() == weekend || matches!(day, Day::Working { transferred: true }) {
                out.push((d, day));
            }
        }
        Ok(out)
    }
}

/// The refusal for a deadline that needs a year with no calendar data.
pub fn missing_year(year: i32) -> Error {
    Error::invalid("calendar", "calendar_year_missing").with("year", year)
}
