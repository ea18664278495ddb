//! The years Derbes knew when it was built. Each year's Kurban Ait and the government's
//! transfers are data: a vault keeps its own copy, which the responsible person can correct
//! (Settings, `derbes calendar set`); a year edited there is never overwritten by a newer
//! Derbes.
//!
//! The test `calendar::tests::oracle` compares these years with the Python `holidays` package
//! (`tests/fixtures/holidays-kz.json`, made by `scripts/holidays-oracle.py`).

use time::macros::date;
use time::Date;

use super::{Marked, Year};

fn marked(date: Date, note: &str) -> Marked {
    Marked {
        date,
        note: note.to_string(),
    }
}

/// The shipped years.
pub fn years() -> Vec<Year> {
    vec![
        Year {
            year: 2025,
            kurban_ait: date!(2025 - 06 - 06),
            kurban_ait_estimated: false,
            // Government Resolution of 2024 (G24G0000436): Friday 3 January off, worked on
            // Sunday 5 January.
            days_off: vec![marked(date!(2025 - 01 - 03), "G24G0000436")],
            working_days: vec![marked(date!(2025 - 01 - 05), "G24G0000436")],
        },
        Year {
            year: 2026,
            kurban_ait: date!(2026 - 05 - 27),
            kurban_ait_estimated: false,
            days_off: vec![],
            // The 2026 Constitution moved Constitution Day to 15 March from 2027; in 2026
            // 30 August (a Sunday) is no longer a holiday, so Monday 31 August is worked.
            working_days: vec![marked(date!(2026 - 08 - 31), "constitution_2026")],
        },
        Year {
            year: 2027,
            kurban_ait: date!(2027 - 05 - 16),
            kurban_ait_estimated: true,
            days_off: vec![marked(date!(2027 - 03 - 15), "constitution_2026")],
            working_days: vec![marked(date!(2027 - 08 - 30), "constitution_2026")],
        },
    ]
}
