//! A clock of the law: a term of N working days from an event, and where it stands today.

use serde::Serialize;
use time::Date;

use super::Calendar;
use crate::error::Error;

/// Where a clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    /// The due day has passed.
    Overdue,
    /// Today is the last day.
    DueToday,
    /// Working days are left.
    Running,
    /// The due day cannot be counted: a year on the way has no calendar data.
    Unknown,
}

/// A term counted on the calendar from an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Clock {
    /// The day of the event (detection, receipt, transfer).
    pub from: Date,
    /// The term in working days.
    pub working_days: u32,
    /// The last day, when the calendar could count it.
    pub due: Option<Date>,
    /// Working days after today up to the due day (negative when overdue), when countable.
    pub left: Option<i64>,
    /// The year with no calendar data that stopped the count, if any.
    pub missing_year: Option<i32>,
    /// Where it stands.
    pub state: ClockState,
}

impl Clock {
    /// Count a term of `working_days` from `from`, as it stands on `today`. A year without data
    /// never makes a silent guess: the clock says which year it needs.
    pub fn count(calendar: &Calendar, from: Date, working_days: u32, today: Date) -> Clock {
        let mut clock = Clock {
            from,
            working_days,
            due: None,
            left: None,
            missing_year: None,
            state: ClockState::Unknown,
        };
        match calendar.add_working_days(from, working_days) {
            Ok(due) => {
                clock.due = Some(due);
                clock.state = if today > due {
                    ClockState::Overdue
                } else if today == due {
                    ClockState::DueToday
                } else {
                    ClockState::Running
                };
                match calendar.working_days_between(today, due) {
                    Ok(n) => clock.left = Some(n),
                    Err(e) => clock.missing_year = year_of(&e),
                }
            }
            Err(e) => clock.missing_year = year_of(&e),
        }
        clock
    }

    /// Whether the clock is overdue or due today: what the dashboard shows first.
    pub fn is_pressing(&self) -> bool {
        matches!(self.state, ClockState::Overdue | ClockState::DueToday)
    }
}

fn year_of(e: &Error) -> Option<i32> {
    match e {
        Error::InvalidInput { reason, .. } if reason.code == "calendar_year_missing" => reason
            .args
            .get("year")
            .and_then(|y| y.as_i64())
            .and_then(|y| i32::try_from(y).ok()),
        _ => None,
    }
}
