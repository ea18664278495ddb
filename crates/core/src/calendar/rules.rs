//! The public holidays of Kazakhstan as the Law "On holidays in the Republic of Kazakhstan"
//! sets them (`../shared/reference/law.md`), and the rule that moves a national holiday on a
//! weekend to the next working day. The religious ones — Orthodox Christmas (7 January) and
//! Kurban Ait — are not moved.

use std::collections::BTreeMap;

use time::{Date, Month, Weekday};

use super::Day;

/// A holiday fixed by the law: its code, month, day, and whether it moves off a weekend.
const FIXED: [(&str, Month, u8, bool); 13] = [
    ("new_year", Month::January, 1, true),
    ("new_year", Month::January, 2, true),
    ("orthodox_christmas", Month::January, 7, false),
    ("womens_day", Month::March, 8, true),
    ("nauryz", Month::March, 21, true),
    ("nauryz", Month::March, 22, true),
    ("nauryz", Month::March, 23, true),
    ("unity_day", Month::May, 1, true),
    ("defender_day", Month::May, 7, true),
    ("victory_day", Month::May, 9, true),
    ("capital_day", Month::July, 6, true),
    ("constitution_day", Month::August, 30, true),
    ("republic_day", Month::October, 25, true),
];

/// Independence Day, kept apart only because the array above is already long.
const INDEPENDENCE: (&str, Month, u8, bool) = ("independence_day", Month::December, 16, true);

/// Every stable holiday code, for the words in each language.
pub const HOLIDAY_CODES: [&str; 12] = [
    "new_year",
    "orthodox_christmas",
    "womens_day",
    "nauryz",
    "unity_day",
    "defender_day",
    "victory_day",
    "capital_day",
    "constitution_day",
    "republic_day",
    "independence_day",
    "kurban_ait",
];

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The holidays of `year`: each on its own date (`moved: false`), and for each national holiday
/// on a weekend, the weekday it moved to (`moved: true`).
pub fn holidays(year: i32, kurban_ait: Date) -> BTreeMap<Date, Day> {
    let mut out = BTreeMap::new();
    let mut movable = Vec::new();
    for (code, month, day, moves) in FIXED.iter().chain([&INDEPENDENCE]) {
        let Ok(d) = Date::from_calendar_date(year, *month, *day) else {
            continue;
        };
        out.insert(
            d,
            Day::Holiday {
                holiday: code,
                moved: false,
            },
        );
        if *moves && is_weekend(d) {
            movable.push((d, *code));
        }
    }
    if kurban_ait.year() == year {
        out.entry(kurban_ait).or_insert(Day::Holiday {
            holiday: "kurban_ait",
            moved: false,
        });
    }
    // In date order, each moved holiday takes the first weekday after it that is neither a
    // holiday nor already taken by an earlier one (Nauryz on a weekend moves past 23 March).
    for (from, code) in movable {
        let mut d = from;
        while let Some(next) = d.next_day() {
            d = next;
            if !is_weekend(d) && !out.contains_key(&d) {
                out.insert(
                    d,
                    Day::Holiday {
                        holiday: code,
                        moved: true,
                    },
                );
                break;
            }
        }
    }
    out
}
