//! Row-level releases for donors who want rows: one row per person served in the period, with
//! no direct identifier and every row indistinguishable from at least k − 1 others on the
//! columns released (k-anonymity), optionally with at least l different values of one
//! sensitive column in each group (distinct l-diversity).
//!
//! Every released column is treated as a quasi-identifier, the one sensitive column aside:
//! what a donor receives is what someone could link. Names, IIN, phone, e-mail, address,
//! document number and notes are never read. Each column generalises along a hierarchy (age →
//! 5-, 10-, 20-year bands → *; district → region → macro-region → *; month → quarter → year →
//! *), and [`crate::reports::anonymity`] finds the combination of levels that loses the least
//! information while meeting k (and l), removing at most a set share of rows — ARX's globally
//! optimal full-domain generalisation. Rows come out sorted by their values, so their order
//! says nothing of the register's.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::{Error, Result};
use crate::register::fields::Kind;
use crate::reports::anonymity::{self, Hierarchy, Requirements};
use crate::reports::labels::{self, word, Lang};
use crate::reports::table::{period, read_units, Measure, Unit};
use crate::vault::journal::Action;
use crate::vault::role::Permission;
use crate::vault::Vault;

/// A column a release can carry; each is a quasi-identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// Age at the end of the period.
    Age,
    /// Sex.
    Sex,
    /// District, coarsened to region and macro-region.
    Place,
    /// Whether a disability is recorded.
    Disability,
    /// Household size.
    HouseholdSize,
    /// Beneficiary, employee or volunteer.
    Kind,
    /// Programme.
    Programme,
    /// Month of the first service in the period.
    ServiceMonth,
}

impl Attribute {
    /// Every attribute, in form order.
    pub const ALL: [Attribute; 8] = [
        Attribute::Age,
        Attribute::Sex,
        Attribute::Place,
        Attribute::Disability,
        Attribute::HouseholdSize,
        Attribute::Kind,
        Attribute::Programme,
        Attribute::ServiceMonth,
    ];

    /// The default quasi-identifiers.
    pub const DEFAULT: [Attribute; 5] = [
        Attribute::Age,
        Attribute::Sex,
        Attribute::Place,
        Attribute::Disability,
        Attribute::HouseholdSize,
    ];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Attribute::Age => "age",
            Attribute::Sex => "sex",
            Attribute::Place => "place",
            Attribute::Disability => "disability",
            Attribute::HouseholdSize => "household_size",
            Attribute::Kind => "kind",
            Attribute::Programme => "programme",
            Attribute::ServiceMonth => "service_month",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.key() == s)
    }

    /// The column's heading.
    pub fn label(self, lang: Lang) -> String {
        word(lang, &format!("release-column-{}", self.key()), &[])
    }

    /// The names of the hierarchy's levels, finest first; the last is "hidden".
    pub fn level_labels(self, lang: Lang) -> Vec<String> {
        let w = |id: &str| word(lang, id, &[]);
        let hidden = w("release-level-hidden");
        let exact = w("release-level-exact");
        match self {
            Attribute::Age => vec![
                w("release-level-years"),
                w("release-level-5-years"),
                w("release-level-10-years"),
                w("release-level-20-years"),
                hidden,
            ],
            Attribute::Place => vec![
                w("release-level-district"),
                w("release-level-region"),
                w("release-level-macro-region"),
                hidden,
            ],
            // The groups of a household's size are numbers, the same in every language.
            Attribute::HouseholdSize => vec![
                exact,
                "1, 2, 3–4, 5–6, 7+".into(),
                "1–2, 3–6, 7+".into(),
                hidden,
            ],
            Attribute::ServiceMonth => vec![
                w("release-level-month"),
                w("release-level-quarter"),
                w("release-level-year"),
                hidden,
            ],
            Attribute::Sex | Attribute::Disability | Attribute::Kind | Attribute::Programme => {
                vec![exact, hidden]
            }
        }
    }
}

/// The one sensitive column a release can carry, not generalised, protected by l-diversity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sensitive {
    /// The person's most frequent service type in the period.
    ServiceType,
}

impl Sensitive {
    /// The column's heading.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Sensitive::ServiceType => word(lang, "release-sensitive-service_type", &[]),
        }
    }
}

/// What the user asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReleaseSpec {
    /// First month of the period, `YYYY-MM`.
    pub from: String,
    /// Last month, included.
    pub to: String,
    /// Only these kinds (empty: every kind).
    pub kinds: Vec<Kind>,
    /// Only these programmes (empty: all).
    pub programmes: Vec<String>,
    /// The columns released, each a quasi-identifier.
    pub columns: Vec<Attribute>,
    /// Every row alike on the columns with at least k − 1 others.
    pub k: usize,
    /// The sensitive column, if any.
    pub sensitive: Option<Sensitive>,
    /// At least l different sensitive values in every group (needs `sensitive`).
    pub l: Option<usize>,
    /// The most rows that may be left out, in per cent.
    pub max_suppressed_percent: f64,
}

impl Default for ReleaseSpec {
    fn default() -> Self {
        ReleaseSpec {
            from: String::new(),
            to: String::new(),
            kinds: vec![Kind::Beneficiary],
            programmes: Vec::new(),
            columns: Attribute::DEFAULT.to_vec(),
            k: 5,
            sensitive: None,
            l: None,
            max_suppressed_percent: 5.0,
        }
    }
}

/// The k a release may ask for.
pub const K_RANGE: std::ops::RangeInclusive<usize> = 2..=100;
/// The l a release may ask for.
pub const L_RANGE: std::ops::RangeInclusive<usize> = 2..=10;
/// The largest share of rows, in per cent, a release may leave out.
pub const MAX_SUPPRESSED_PERCENT: f64 = 20.0;

impl ReleaseSpec {
    /// Check the spec before anything is read.
    pub fn check(&self) -> Result<()> {
        period(&self.from, &self.to)?;
        if self.columns.is_empty() || self.columns.len() > Attribute::ALL.len() {
            return Err(Error::invalid("columns", "release_columns_none"));
        }
        for (i, c) in self.columns.iter().enumerate() {
            if self.columns[..i].contains(c) {
                return Err(Error::invalid("columns", "release_columns_twice"));
            }
        }
        if !K_RANGE.contains(&self.k) {
            return Err(Error::invalid("k", "k_range")
                .with("min", *K_RANGE.start())
                .with("max", *K_RANGE.end()));
        }
        match (self.l, self.sensitive) {
            (Some(_), None) => return Err(Error::invalid("l", "l_needs_sensitive")),
            (Some(l), Some(_)) if !L_RANGE.contains(&l) => {
                return Err(Error::invalid("l", "l_range")
                    .with("min", *L_RANGE.start())
                    .with("max", *L_RANGE.end()))
            }
            _ => {}
        }
        if !(0.0..=MAX_SUPPRESSED_PERCENT).contains(&self.max_suppressed_percent) {
            return Err(
                Error::invalid("max_suppressed_percent", "release_max_suppressed")
                    .with("max", MAX_SUPPRESSED_PERCENT),
            );
        }
        Ok(())
    }
}

/// One column's level in the chosen transformation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnLevel {
    /// The column.
    pub attribute: Attribute,
    /// Its heading.
    pub label: String,
    /// The level chosen, 0 = as recorded.
    pub level: usize,
    /// The level's name ("10-year bands").
    pub level_label: String,
    /// How many levels the hierarchy has.
    pub levels: usize,
}

/// A computed release.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Release {
    /// What was asked.
    pub spec: ReleaseSpec,
    /// The language of the words.
    pub lang: Lang,
    /// Column headings, the sensitive one last.
    pub headers: Vec<String>,
    /// The released rows, sorted (only the first few in a [`Release::preview`]).
    pub rows: Vec<Vec<String>>,
    /// How many rows the release has.
    pub row_count: usize,
    /// People in scope before suppression.
    pub people: usize,
    /// Rows left out because their group was too small (or not diverse enough).
    pub suppressed: usize,
    /// Groups of identical rows.
    pub classes: usize,
    /// The smallest group: the k achieved.
    pub k_achieved: usize,
    /// The fewest different sensitive values in a group, when there is a sensitive column.
    pub l_achieved: Option<usize>,
    /// The transformation chosen.
    pub transformation: Vec<ColumnLevel>,
    /// Information lost, 0–100 % (Iyengar's loss metric; left-out rows count as fully lost).
    pub information_loss_percent: f64,
    /// Transformations examined of all possible.
    pub nodes_evaluated: usize,
    /// All possible transformations.
    pub nodes_total: usize,
    /// How the release was made, sentence by sentence.
    pub method: Vec<String>,
}

/// One column's hierarchy over the rows, with the words for every group.
struct Column {
    hierarchy: Hierarchy,
    /// Leaf code per row.
    codes: Vec<u32>,
    /// Per level, per group code: the label.
    labels: Vec<Vec<String>>,
}

/// Build a column from each row's generalisation path: `path(row)[level]` is the group key at
/// that level, the last level being "*" for everyone.
fn column(paths: Vec<Vec<(String, String)>>) -> Result<Column> {
    let height = paths.first().map(|p| p.len()).unwrap_or(1);
    let mut leaf_of: HashMap<String, u32> = HashMap::new();
    let mut leaf_paths: Vec<Vec<(String, String)>> = Vec::new();
    let mut codes = Vec::with_capacity(paths.len());
    for path in paths {
        let next = leaf_of.len() as u32;
        let code = *leaf_of.entry(path[0].0.clone()).or_insert_with(|| {
            leaf_paths.push(path.clone());
            next
        });
        codes.push(code);
    }
    let mut levels = Vec::with_capacity(height);
    let mut labels = Vec::with_capacity(height);
    for level in 0..height {
        let mut group_of: HashMap<&str, u32> = HashMap::new();
        let mut names = Vec::new();
        let map: Vec<u32> = leaf_paths
            .iter()
            .map(|p| {
                let next = group_of.len() as u32;
                *group_of.entry(p[level].0.as_str()).or_insert_with(|| {
                    names.push(p[level].1.clone());
                    next
                })
            })
            .collect();
        levels.push(map);
        labels.push(names);
    }
    if levels.is_empty() || levels[0].is_empty() {
        // No rows: a one-leaf hierarchy keeps the engine's contract.
        levels = vec![vec![0]];
        labels = vec![vec!["*".into()]];
    }
    let hierarchy = Hierarchy::new(levels).map_err(|e| Error::Io {
        detail: format!("release hierarchy: {e}"),
    })?;
    Ok(Column {
        hierarchy,
        codes,
        labels,
    })
}

fn band(age: u32, width: u32) -> (String, String) {
    let lo = age / width * width;
    (format!("{lo}"), format!("{lo}–{}", lo + width - 1))
}

/// The generalisation path of one row for one attribute: (key, label) per level.
fn path(
    a: Attribute,
    u: &Unit,
    lang: Lang,
    spelling: &HashMap<String, String>,
) -> Vec<(String, String)> {
    let star = || ("*".to_string(), "*".to_string());
    let unknown = || (String::new(), labels::not_stated(lang));
    match a {
        Attribute::Age => match u.age {
            Some(age) => vec![
                (age.to_string(), age.to_string()),
                band(age, 5),
                band(age, 10),
                band(age, 20),
                star(),
            ],
            None => vec![unknown(), unknown(), unknown(), unknown(), star()],
        },
        Attribute::Sex => match &u.sex {
            Some(s) => vec![(s.to_string(), labels::sex(s, lang)), star()],
            None => vec![unknown(), star()],
        },
        Attribute::Place => {
            let region = u.region.as_deref().unwrap_or("").to_string();
            let macro_key = crate::register::regions::by_key(&region)
                .map(|r| r.macro_region.to_string())
                .unwrap_or_default();
            let region_label = labels::region(&region, lang);
            let district = u
                .district
                .as_deref()
                .map(crate::text::fold)
                .unwrap_or_default();
            let district_key = format!("{region}|{district}");
            let district_label = match spelling.get(&district_key) {
                Some(d) => format!("{d} ({region_label})"),
                None => region_label.clone(),
            };
            vec![
                (district_key, district_label),
                (region.clone(), region_label),
                (macro_key.clone(), labels::macro_region(&macro_key, lang)),
                star(),
            ]
        }
        Attribute::Disability => vec![
            (u.disability.to_string(), labels::yes_no(u.disability, lang)),
            star(),
        ],
        Attribute::HouseholdSize => match u.household_size.filter(|n| *n > 0) {
            Some(n) => {
                let l1 = match n {
                    1 => "1",
                    2 => "2",
                    3 | 4 => "3–4",
                    5 | 6 => "5–6",
                    _ => "7+",
                };
                let l2 = match n {
                    1 | 2 => "1–2",
                    3..=6 => "3–6",
                    _ => "7+",
                };
                vec![
                    (n.to_string(), n.to_string()),
                    (l1.into(), l1.into()),
                    (l2.into(), l2.into()),
                    star(),
                ]
            }
            None => vec![unknown(), unknown(), unknown(), star()],
        },
        Attribute::Kind => vec![(u.kind.to_string(), labels::kind(&u.kind, lang)), star()],
        Attribute::Programme => match &u.programme {
            Some(p) => vec![(p.to_string(), p.to_string()), star()],
            None => vec![unknown(), star()],
        },
        Attribute::ServiceMonth => {
            let m = u.month.to_string();
            let year = m.get(0..4).unwrap_or("").to_string();
            let quarter = crate::reports::table::quarter_key(&m);
            vec![
                (m.clone(), labels::month(&m)),
                (quarter.clone(), labels::quarter(&quarter, lang)),
                (year.clone(), year),
                star(),
            ]
        }
    }
}

/// Compute a release from units already read (the core of [`Vault::release`]).
pub(crate) fn build(spec: &ReleaseSpec, units: &[Unit], lang: Lang) -> Result<Release> {
    spec.check()?;
    // A district's first spelling, for its label.
    let mut spelling: HashMap<String, String> = HashMap::new();
    for u in units {
        if let Some(d) = &u.district {
            let key = format!(
                "{}|{}",
                u.region.as_deref().unwrap_or(""),
                crate::text::fold(d)
            );
            spelling.entry(key).or_insert_with(|| d.to_string());
        }
    }
    let columns: Vec<Column> = spec
        .columns
        .iter()
        .map(|&a| column(units.iter().map(|u| path(a, u, lang, &spelling)).collect()))
        .collect::<Result<_>>()?;
    let qi: Vec<Vec<u32>> = (0..units.len())
        .map(|r| columns.iter().map(|c| c.codes[r]).collect())
        .collect();
    let sensitive_keys: Option<Vec<String>> = spec.sensitive.map(|_| {
        units
            .iter()
            .map(|u| u.service_type.as_deref().unwrap_or("").to_string())
            .collect()
    });
    let sensitive_codes: Option<Vec<u32>> = sensitive_keys.as_ref().map(|keys| {
        let mut index: HashMap<&str, u32> = HashMap::new();
        keys.iter()
            .map(|k| {
                let next = index.len() as u32;
                *index.entry(k.as_str()).or_insert(next)
            })
            .collect()
    });
    let hierarchies: Vec<Hierarchy> = columns.iter().map(|c| c.hierarchy.clone()).collect();
    let req = Requirements {
        k: spec.k,
        l: spec.l.filter(|_| spec.sensitive.is_some()),
        max_suppressed: spec.max_suppressed_percent / 100.0,
    };
    let outcome = anonymity::anonymise(&qi, sensitive_codes.as_deref(), &hierarchies, req)
        .ok_or_else(|| {
            match spec.l {
                Some(l) => Error::invalid("k", "release_impossible_l").with("l", l),
                None => Error::invalid("k", "release_impossible"),
            }
            .with("people", units.len())
            .with("k", spec.k)
            .with("percent", spec.max_suppressed_percent)
        })?;

    let mut left_out = vec![false; units.len()];
    for &r in &outcome.suppressed {
        left_out[r] = true;
    }
    let mut rows: Vec<Vec<String>> = (0..units.len())
        .filter(|&r| !left_out[r])
        .map(|r| {
            let mut row: Vec<String> = columns
                .iter()
                .zip(&outcome.levels)
                .map(|(c, &level)| {
                    let group = c.hierarchy.levels[level][c.codes[r] as usize];
                    c.labels[level][group as usize].clone()
                })
                .collect();
            if let Some(keys) = &sensitive_keys {
                row.push(if keys[r].is_empty() {
                    labels::not_stated(lang)
                } else {
                    labels::service_type(&keys[r], lang)
                });
            }
            row
        })
        .collect();
    rows.sort();

    let mut headers: Vec<String> = spec.columns.iter().map(|a| a.label(lang)).collect();
    if let Some(s) = spec.sensitive {
        headers.push(s.label(lang));
    }
    let transformation: Vec<ColumnLevel> = spec
        .columns
        .iter()
        .zip(&outcome.levels)
        .map(|(&a, &level)| {
            let names = a.level_labels(lang);
            ColumnLevel {
                attribute: a,
                label: a.label(lang),
                level,
                level_label: names.get(level).cloned().unwrap_or_default(),
                levels: names.len(),
            }
        })
        .collect();
    let loss = (outcome.information_loss * 1000.0).round() / 10.0;
    let method = method_sentences(spec, lang, &outcome, units.len(), loss);
    Ok(Release {
        spec: spec.clone(),
        lang,
        headers,
        row_count: rows.len(),
        rows,
        people: units.len(),
        suppressed: outcome.suppressed.len(),
        classes: outcome.classes,
        k_achieved: outcome.k_achieved,
        l_achieved: outcome.l_achieved,
        transformation,
        information_loss_percent: loss,
        nodes_evaluated: outcome.nodes_evaluated,
        nodes_total: outcome.nodes_total,
        method,
    })
}

fn method_sentences(
    spec: &ReleaseSpec,
    lang: Lang,
    o: &anonymity::Outcome,
    people: usize,
    loss: f64,
) -> Vec<String> {
    let k = o.k_achieved;
    let suppressed = o.suppressed.len();
    let mut out = vec![
        word(
            lang,
            "release-method-k",
            &[
                ("others", k.saturating_sub(1).into()),
                ("k", k.into()),
                ("required", spec.k.into()),
            ],
        ),
        word(
            lang,
            "release-method-rows",
            &[
                ("people", people.into()),
                ("kept", (people - suppressed).into()),
                ("suppressed", suppressed.into()),
            ],
        ),
        word(
            lang,
            "release-method-search",
            &[("total", o.nodes_total.into()), ("loss", loss.into())],
        ),
        word(lang, "release-method-no-identifiers", &[]),
    ];
    if let Some(l) = o.l_achieved {
        out.push(word(lang, "release-method-l", &[("l", l.into())]));
    }
    out
}

impl Release {
    /// The same release with only its first `n` rows, to show on screen.
    pub fn preview(mut self, n: usize) -> Release {
        self.rows.truncate(n);
        self
    }
}

/// Read and compute a release, without journaling: [`Vault::release`] and the export journal
/// it each in their own way.
pub(crate) fn compute(vault: &Vault, spec: &ReleaseSpec, lang: Lang) -> Result<Release> {
    spec.check()?;
    let p = period(&spec.from, &spec.to)?;
    let units = read_units(
        vault,
        Measure::People,
        p,
        &spec.kinds,
        &spec.programmes,
        spec.sensitive.is_some(),
    )?;
    build(spec, &units.units, lang)
}

impl Vault {
    /// Compute a release. Journaled with its parameters and outcome, never its rows.
    pub fn release(&self, spec: &ReleaseSpec, lang: Lang) -> Result<Release> {
        self.require(Permission::ExportRows)?;
        let release = compute(self, spec, lang)?;
        self.record(
            Action::ReleaseBuilt,
            None,
            json!({
                "k": spec.k,
                "l": spec.l,
                "columns": spec.columns.iter().map(|c| c.key()).collect::<Vec<_>>(),
                "from": spec.from,
                "to": spec.to,
                "rows": release.rows.len(),
                "suppressed": release.suppressed,
            }),
        )?;
        Ok(release)
    }
}

#[cfg(test)]
#[path = "release_tests.rs"]
mod tests;
