//! The categories of a dimension: which one a unit falls in, its name, their order, and the
//! months or quarters of a time axis.

use std::collections::HashMap;
use std::rc::Rc;

use super::read::Unit;
use super::spec::{age_band, age_band_label, Dimension};
use crate::register::fields::{Kind, SERVICE_TYPES};
use crate::reports::labels::{self, Lang};

/// What a unit's category depends on, cheap to hash: the shared word (by address), the age,
/// or the flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    Word(usize),
    Age(Option<u32>),
    Flag(bool),
}

impl Slot {
    pub(super) fn of(d: Dimension, u: &Unit) -> Slot {
        let word = |w: &Option<Rc<str>>| {
            Slot::Word(
                w.as_ref()
                    .map_or(0, |w| Rc::as_ptr(w) as *const u8 as usize),
            )
        };
        match d {
            Dimension::Region => word(&u.region),
            Dimension::District => word(&u.district),
            Dimension::Sex => word(&u.sex),
            Dimension::AgeBand => Slot::Age(u.age),
            Dimension::Kind => Slot::Word(Rc::as_ptr(&u.kind) as *const u8 as usize),
            Dimension::Programme => word(&u.programme),
            Dimension::ServiceType => word(&u.service_type),
            Dimension::Disability => Slot::Flag(u.disability),
            Dimension::Quarter | Dimension::Month => {
                Slot::Word(Rc::as_ptr(&u.month) as *const u8 as usize)
            }
        }
    }
}

/// The category key a unit falls in, or "" for not stated.
pub(super) fn category_key(d: Dimension, u: &Unit, bands: &[u32]) -> String {
    let text = |v: &Option<Rc<str>>| v.as_deref().unwrap_or("").to_string();
    match d {
        Dimension::Region => text(&u.region),
        Dimension::District => u
            .district
            .as_deref()
            .map(crate::text::fold)
            .unwrap_or_default(),
        Dimension::Sex => text(&u.sex),
        Dimension::AgeBand => u
            .age
            .map(|a| age_band_label(bands, age_band(bands, a)))
            .unwrap_or_default(),
        Dimension::Kind => u.kind.to_string(),
        Dimension::Programme => text(&u.programme),
        Dimension::ServiceType => text(&u.service_type),
        Dimension::Disability => if u.disability { "yes" } else { "no" }.into(),
        Dimension::Quarter => quarter_key(&u.month),
        Dimension::Month => u.month.to_string(),
    }
}

/// The quarter key `YYYY-Qn` of a month key `YYYY-MM` (empty when it is not one).
pub(crate) fn quarter_key(month: &str) -> String {
    match (
        month.get(0..4),
        month.get(5..7).and_then(|m| m.parse::<u8>().ok()),
    ) {
        (Some(y), Some(m @ 1..=12)) => format!("{y}-Q{}", (m - 1) / 3 + 1),
        _ => String::new(),
    }
}

pub(super) fn category_label(
    d: Dimension,
    key: &str,
    lang: Lang,
    seen: &HashMap<String, String>,
) -> String {
    if key.is_empty() {
        return labels::not_stated(lang);
    }
    match d {
        Dimension::Region => labels::region(key, lang),
        Dimension::District => seen.get(key).cloned().unwrap_or_else(|| key.to_string()),
        Dimension::Sex => labels::sex(key, lang),
        Dimension::Kind => labels::kind(key, lang),
        Dimension::ServiceType => labels::service_type(key, lang),
        Dimension::Disability => labels::yes_no(key == "yes", lang),
        Dimension::Quarter => labels::quarter(key, lang),
        Dimension::Month => labels::month(key),
        Dimension::AgeBand | Dimension::Programme => key.to_string(),
    }
}

/// Order categories: a fixed order where there is one, otherwise by name; "not stated" last.
pub(super) fn order_categories(d: Dimension, keys: &mut [String], bands: &[u32]) {
    let rank = |k: &str| -> (u8, usize, String) {
        if k.is_empty() {
            return (2, 0, String::new());
        }
        let fixed = match d {
            Dimension::Region => crate::register::regions::REGIONS
                .iter()
                .position(|r| r.key == k),
            Dimension::Sex => ["male", "female"].iter().position(|x| *x == k),
            Dimension::Kind => Kind::ALL.iter().position(|x| x.key() == k),
            Dimension::ServiceType => SERVICE_TYPES
                .iter()
                .chain(std::iter::once(&"other"))
                .position(|x| *x == k),
            Dimension::Disability => ["yes", "no"].iter().position(|x| *x == k),
            Dimension::AgeBand => (0..bands.len()).position(|i| age_band_label(bands, i) == k),
            _ => None,
        };
        match fixed {
            Some(i) => (0, i, String::new()),
            None => (1, 0, crate::text::fold(k)),
        }
    };
    keys.sort_by_key(|k| rank(k));
}

/// Every month of the period as `YYYY-MM` (or quarter keys), so a time axis has no gaps.
pub(super) fn calendar_keys(d: Dimension, from: (i32, u8), to: (i32, u8)) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (mut y, mut m) = from;
    while (y, m) <= to {
        let month = format!("{y:04}-{m:02}");
        let key = if d == Dimension::Quarter {
            quarter_key(&month)
        } else {
            month
        };
        if out.last() != Some(&key) {
            out.push(key);
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}
