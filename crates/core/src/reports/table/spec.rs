//! What the user asks of a report — the measure, the dimensions, the period, the age bands, the
//! threshold — and the checks made before anything is read.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::error::{Error, Result};
use crate::register::fields::Kind;
use crate::reports::labels::{word, Lang};

/// What a report counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// People who received at least one service in the period.
    People,
    /// Services delivered in the period.
    Services,
    /// People first recorded in the period.
    NewPeople,
}

impl Measure {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Measure::People => "people",
            Measure::Services => "services",
            Measure::NewPeople => "new_people",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Measure> {
        [Measure::People, Measure::Services, Measure::NewPeople]
            .into_iter()
            .find(|m| m.key() == s)
    }

    /// The measure's name.
    pub fn label(self, lang: Lang) -> String {
        word(lang, &format!("report-measure-{}", self.key()), &[])
    }
}

/// What a report can break its counts down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Region (oblast or city of republican significance).
    Region,
    /// District, as recorded.
    District,
    /// Sex.
    Sex,
    /// Age band at the end of the period.
    AgeBand,
    /// Beneficiary, employee or volunteer.
    Kind,
    /// Programme or project.
    Programme,
    /// Service type (services only: one person can receive several).
    ServiceType,
    /// Whether a disability is recorded.
    Disability,
    /// Quarter of the service (of the first service for people, of recording for new people).
    Quarter,
    /// Month, likewise.
    Month,
}

impl Dimension {
    /// Every dimension, in the order a form offers them.
    pub const ALL: [Dimension; 10] = [
        Dimension::Region,
        Dimension::District,
        Dimension::Sex,
        Dimension::AgeBand,
        Dimension::Kind,
        Dimension::Programme,
        Dimension::ServiceType,
        Dimension::Disability,
        Dimension::Quarter,
        Dimension::Month,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Region => "region",
            Dimension::District => "district",
            Dimension::Sex => "sex",
            Dimension::AgeBand => "age_band",
            Dimension::Kind => "kind",
            Dimension::Programme => "programme",
            Dimension::ServiceType => "service_type",
            Dimension::Disability => "disability",
            Dimension::Quarter => "quarter",
            Dimension::Month => "month",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.key() == s)
    }

    /// The dimension's name.
    pub fn label(self, lang: Lang) -> String {
        word(lang, &format!("report-dimension-{}", self.key()), &[])
    }
}

/// The period a new report starts with: this year so far (`YYYY-MM`, `YYYY-MM`).
pub fn default_period(today: Date) -> (String, String) {
    (
        format!("{:04}-01", today.year()),
        format!("{:04}-{:02}", today.year(), today.month() as u8),
    )
}

/// The default age bands' lower bounds: 0–17, 18–29, 30–44, 45–59, 60+.
pub const DEFAULT_AGE_BANDS: [u32; 5] = [0, 18, 30, 45, 60];
/// The default small-cell threshold.
pub const DEFAULT_THRESHOLD: u64 = 5;
/// The lowest threshold allowed: below 3 a hidden cell would be known to hold 1.
pub const MIN_THRESHOLD: u64 = 3;
/// The highest threshold allowed.
pub const MAX_THRESHOLD: u64 = 100;

/// What the user asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportSpec {
    /// First month of the period, `YYYY-MM`.
    pub from: String,
    /// Last month of the period, `YYYY-MM`, included.
    pub to: String,
    /// What to count.
    pub measure: Measure,
    /// Up to three dimensions: rows, columns, and one table per category of the third.
    pub by: Vec<Dimension>,
    /// Only these kinds of people (empty: every kind).
    pub kinds: Vec<Kind>,
    /// Only these programmes (empty: every programme, and people with none).
    pub programmes: Vec<String>,
    /// Lower bounds of the age bands, from 0, increasing.
    pub age_bands: Vec<u32>,
    /// Counts from 1 to threshold − 1 are hidden.
    pub threshold: u64,
}

impl Default for ReportSpec {
    fn default() -> Self {
        ReportSpec {
            from: String::new(),
            to: String::new(),
            measure: Measure::People,
            by: vec![Dimension::Region, Dimension::Sex],
            kinds: vec![Kind::Beneficiary],
            programmes: Vec::new(),
            age_bands: DEFAULT_AGE_BANDS.to_vec(),
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

/// A month as (year, month 1–12).
fn parse_month(s: &str, field: &'static str) -> Result<(i32, u8)> {
    let bad = || Error::invalid(field, "report_month_format");
    let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
    let year: i32 = y.parse().map_err(|_| bad())?;
    let month: u8 = m.parse().map_err(|_| bad())?;
    if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || y.len() != 4 {
        return Err(bad());
    }
    Ok((year, month))
}

/// The period's first and last months, checked.
pub(crate) fn period(from: &str, to: &str) -> Result<((i32, u8), (i32, u8))> {
    let a = parse_month(from, "from")?;
    let b = parse_month(to, "to")?;
    if b < a {
        return Err(Error::invalid("to", "report_period_order"));
    }
    if months_between(a, b) > 120 {
        return Err(Error::invalid("to", "report_period_too_long"));
    }
    Ok((a, b))
}

fn months_between(a: (i32, u8), b: (i32, u8)) -> i32 {
    (b.0 - a.0) * 12 + b.1 as i32 - a.1 as i32
}

/// The last day of a month.
pub(super) fn month_end((y, m): (i32, u8)) -> Date {
    let month = Month::try_from(m).unwrap_or(Month::December);
    Date::from_calendar_date(y, month, month.length(y))
        .unwrap_or_else(|_| Date::from_calendar_date(y, Month::December, 31).unwrap_or(Date::MIN))
}

/// Check the age bands: from 0, increasing, under 120, at most 12.
fn check_age_bands(bands: &[u32]) -> Result<()> {
    let ok = bands.first() == Some(&0)
        && bands.windows(2).all(|w| w[0] < w[1])
        && bands.iter().all(|&b| b < 120)
        && bands.len() <= 12;
    if ok {
        Ok(())
    } else {
        Err(Error::invalid("age_bands", "report_age_bands"))
    }
}

/// The label of the band an age falls in.
pub(super) fn age_band(bands: &[u32], age: u32) -> usize {
    bands.iter().rposition(|&b| age >= b).unwrap_or(0)
}

pub(super) fn age_band_label(bands: &[u32], i: usize) -> String {
    match bands.get(i + 1) {
        Some(next) => format!("{}–{}", bands[i], next - 1),
        None => format!("{}+", bands[i]),
    }
}

impl ReportSpec {
    /// Check the spec before anything is read.
    pub fn check(&self) -> Result<()> {
        period(&self.from, &self.to)?;
        if self.by.len() > 3 {
            return Err(Error::invalid("by", "report_by_too_many"));
        }
        for (i, d) in self.by.iter().enumerate() {
            if self.by[..i].contains(d) {
                return Err(Error::invalid("by", "report_by_twice"));
            }
        }
        if self.by.contains(&Dimension::ServiceType) && self.measure != Measure::Services {
            return Err(Error::invalid("by", "report_by_service_type"));
        }
        check_age_bands(&self.age_bands)?;
        if !(MIN_THRESHOLD..=MAX_THRESHOLD).contains(&self.threshold) {
            return Err(Error::invalid("threshold", "report_threshold_range")
                .with("min", MIN_THRESHOLD)
                .with("max", MAX_THRESHOLD));
        }
        Ok(())
    }
}
