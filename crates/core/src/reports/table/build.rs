//! A built report — axes, cells, panels, totals — and how it is built from the units read:
//! counted into a cube, small cells suppressed, every cell published with its mark.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use serde::Serialize;

use super::categories::{calendar_keys, category_key, category_label, order_categories, Slot};
use super::panels::{method_sentences, panels};
use super::read::Units;
use super::spec::{period, Dimension, ReportSpec};
use crate::error::{Error, Result};
use crate::reports::labels::{self, Lang};
use crate::reports::suppression::{self, Cube, Mark};

/// One category of a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// A stable key (`almaty_city`, `female`, `2026-03`, `0-17`, a programme's name…); empty for
    /// "not stated".
    pub key: String,
    /// The name shown.
    pub label: String,
}

/// A dimension with the categories found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Axis {
    /// Which dimension.
    pub dimension: Dimension,
    /// Its name.
    pub label: String,
    /// Its categories, in a natural order ("not stated" last).
    pub categories: Vec<Category>,
}

/// One published cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// The count, when shown.
    pub count: Option<u64>,
    /// How it is published.
    pub mark: Mark,
    /// What is printed: the count, "<5", or "x".
    pub text: String,
}

/// One row of a printed table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PanelRow {
    /// The category (or "Total").
    pub label: String,
    /// Whether this is the totals row.
    pub total: bool,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// One printed table: rows by the first dimension, columns by the second, one table per
/// category of the third.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Panel {
    /// "Sex: Female" for a table of a third dimension's category; `None` for a lone table.
    pub title: Option<String>,
    /// The row dimension's name (or the measure's, with no dimension).
    pub row_header: String,
    /// Column headings; the last is "Total" when there is a column dimension.
    pub columns: Vec<String>,
    /// The rows, totals last.
    pub rows: Vec<PanelRow>,
    /// The chart beside the table: each row category's total (hidden ones as `None`).
    pub chart: Vec<(String, Option<u64>)>,
}

/// A built report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// What was asked.
    pub spec: ReportSpec,
    /// The language of the words.
    pub lang: Lang,
    /// "People served, 01.2026–12.2026".
    pub title: String,
    /// The measure's name.
    pub measure_label: String,
    /// The dimensions with their categories.
    pub axes: Vec<Axis>,
    /// The tables to print.
    pub panels: Vec<Panel>,
    /// Cells below the threshold.
    pub primary: usize,
    /// Cells hidden to protect them.
    pub secondary: usize,
    /// How the secondary cells were chosen (the integer programme, or the heuristic).
    pub suppression_method: crate::reports::suppression::Method,
    /// Counted units that come from anonymous records.
    pub from_anonymous_records: u64,
    /// Blocked people left out.
    pub blocked_left_out: u64,
    /// The grand total, shown only when it is at or above the threshold.
    pub grand_total: Option<u64>,
    /// How the table was made, sentence by sentence, for the method note.
    pub method: Vec<String>,
}

/// Build a report from units already read (the core of [`Vault::report`], kept apart so the
/// rules are tested without a vault).
pub(crate) fn build(spec: &ReportSpec, units: &Units, lang: Lang) -> Result<Report> {
    spec.check()?;
    let (from, to) = period(&spec.from, &spec.to)?;
    let bands = &spec.age_bands;
    // Categories per dimension, in order, and each unit's position.
    let mut axes = Vec::new();
    let dims = spec.by.len();
    let mut positions: Vec<usize> = vec![0; units.units.len() * dims];
    for (di, &d) in spec.by.iter().enumerate() {
        let mut seen_spelling: HashMap<String, String> = HashMap::new();
        // Units share their words, so a category is worked out once per distinct word (or age),
        // not once per unit: a services report has hundreds of thousands of units.
        let mut slot_ids: FxHashMap<Slot, u32> = FxHashMap::default();
        let mut slot_keys: Vec<String> = Vec::new();
        let unit_slots: Vec<u32> = units
            .units
            .iter()
            .map(|u| {
                let slot = Slot::of(d, u);
                *slot_ids.entry(slot).or_insert_with(|| {
                    let k = category_key(d, u, bands);
                    if d == Dimension::District && !k.is_empty() {
                        if let Some(original) = &u.district {
                            seen_spelling
                                .entry(k.clone())
                                .or_insert_with(|| original.to_string());
                        }
                    }
                    slot_keys.push(k);
                    (slot_keys.len() - 1) as u32
                })
            })
            .collect();
        let mut categories: Vec<String> = match d {
            Dimension::Quarter | Dimension::Month => calendar_keys(d, from, to),
            _ => {
                let mut set: Vec<String> = slot_keys.clone();
                set.sort();
                set.dedup();
                set
            }
        };
        order_categories(d, &mut categories, bands);
        let index: HashMap<&str, usize> = categories
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        // Calendar axes list every month of the period; a unit's month is always in it.
        let slot_position: Vec<usize> = slot_keys
            .iter()
            .map(|k| index.get(k.as_str()).copied().unwrap_or(0))
            .collect();
        for (u, &slot) in unit_slots.iter().enumerate() {
            positions[u * dims + di] = slot_position[slot as usize];
        }
        axes.push(Axis {
            dimension: d,
            label: d.label(lang),
            categories: categories
                .iter()
                .map(|k| Category {
                    key: k.clone(),
                    label: category_label(d, k, lang, &seen_spelling),
                })
                .collect(),
        });
    }

    let mut cube = Cube::zeros(axes.iter().map(|a| a.categories.len()).collect());
    if dims == 0 {
        cube.add(&[], units.units.len() as u64);
    } else {
        let mut inner: FxHashMap<&[usize], u64> = FxHashMap::default();
        for p in positions.chunks(dims) {
            *inner.entry(p).or_insert(0) += 1;
        }
        for (p, n) in inner {
            cube.add(p, n);
        }
    }
    let protection =
        suppression::protect_best(&cube, spec.threshold, suppression::OPTIMAL_TIME_LIMIT);
    if !protection.exposed.is_empty() {
        return Err(Error::invalid("by", "report_too_few_people"));
    }
    let share = protection.hidden_share(&cube);
    if protection.too_fragmented || share > suppression::MAX_HIDDEN_SHARE {
        let percent = if protection.too_fragmented {
            None
        } else {
            Some((share * 100.0).round() as u64)
        };
        return Err(Error::invalid("by", "report_too_fragmented")
            .with("percent", percent.map_or(-1, |p| p as i64))
            .with(
                "limit",
                (suppression::MAX_HIDDEN_SHARE * 100.0).round() as u64,
            ));
    }
    let method_used = protection.method;
    let marks = protection.marks;
    let cell = |pos: &[usize]| -> Cell {
        let i = cube.index(pos);
        let n = cube.counts[i];
        match marks[i] {
            Mark::Shown => Cell {
                count: Some(n),
                mark: Mark::Shown,
                text: n.to_string(),
            },
            Mark::Primary => Cell {
                count: None,
                mark: Mark::Primary,
                text: format!("<{}", spec.threshold),
            },
            Mark::Secondary => Cell {
                count: None,
                mark: Mark::Secondary,
                text: "x".into(),
            },
        }
    };
    let total = labels::total(lang);
    let measure_label = spec.measure.label(lang);
    let panels = panels(&axes, &cell, &total, &measure_label);
    let grand = cell(&axes.iter().map(|a| a.categories.len()).collect::<Vec<_>>());

    let primary = marks.iter().filter(|m| **m == Mark::Primary).count();
    let secondary = marks.iter().filter(|m| **m == Mark::Secondary).count();
    let from_anonymous = units.units.iter().filter(|u| u.anonymous).count() as u64;
    let period_label = format!("{:02}.{}–{:02}.{}", from.1, from.0, to.1, to.0);
    let method = method_sentences(
        spec,
        lang,
        (primary, secondary, method_used),
        from_anonymous,
        units.blocked_left_out,
    );
    Ok(Report {
        spec: spec.clone(),
        lang,
        title: format!("{measure_label}, {period_label}"),
        measure_label,
        axes,
        panels,
        primary,
        secondary,
        suppression_method: method_used,
        from_anonymous_records: from_anonymous,
        blocked_left_out: units.blocked_left_out,
        grand_total: grand.count,
        method,
    })
}
