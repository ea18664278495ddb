//! Listing the register: the columns a list shows, filters by kind, programme, region, access,
//! status and age band, and search by name (across Kazakh and Russian spellings), IIN or phone
//! through the trigram index.

use std::collections::BTreeMap;

use rusqlite::params_from_iter;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::{mask, today, Access};
use crate::error::{Error, Result};
use crate::register::fields::{Field, Kind};
use crate::text::fold;
use crate::vault::journal::Action;
use crate::vault::Vault;

/// The columns a register list shows (sensitive ones masked).
pub const LIST_COLUMNS: [Field; 9] = [
    Field::Surname,
    Field::Name,
    Field::Patronymic,
    Field::Iin,
    Field::BirthDate,
    Field::Sex,
    Field::Phone,
    Field::Region,
    Field::Programme,
];

/// Age bands for filtering the register.
pub const AGE_BANDS: [&str; 5] = ["0-17", "18-29", "30-44", "45-59", "60+"];

/// `today` minus `years`, as a date (29 February becomes 28 February in a common year).
pub(super) fn years_before(today: Date, years: i32) -> Date {
    let y = today.year() - years;
    today.replace_year(y).unwrap_or_else(|_| {
        today
            .replace_day(28)
            .and_then(|d| d.replace_year(y))
            .unwrap_or(today)
    })
}

/// Birth-date bounds `(born_after, born_on_or_before)` for an age band on `today`: aged at
/// least `lo` means born on or before today − lo years; younger than `hi` means born after
/// today − hi years.
pub(super) fn age_band_bounds(band: &str, today: Date) -> Option<(Option<String>, Option<String>)> {
    let (lo, hi) = match band {
        "0-17" => (0, Some(18)),
        "18-29" => (18, Some(30)),
        "30-44" => (30, Some(45)),
        "45-59" => (45, Some(60)),
        "60+" => (60, None),
        _ => return None,
    };
    let born_after = hi.map(|h| years_before(today, h).to_string());
    let born_on_or_before = (lo > 0).then(|| years_before(today, lo).to_string());
    Some((born_after, born_on_or_before))
}

/// What to list from the register.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Query {
    /// Any part of a name (Kazakh/Russian letters, case and ё/е, қ/к… ignored), an IIN or a phone.
    pub search: Option<String>,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only this programme.
    pub programme: Option<String>,
    /// Only this region key.
    pub region: Option<String>,
    /// Only this access level.
    pub access: Option<Access>,
    /// Only this age band (see [`AGE_BANDS`]).
    pub age_band: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// At most this many rows (all when `None`).
    pub limit: Option<i64>,
    /// Skip this many rows.
    pub offset: i64,
    /// Show sensitive values in clear (journaled with the number of people and the fields).
    pub reveal: bool,
}

/// One row of the register list; sensitive values masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// Stable id.
    pub id: Uuid,
    /// Internal number.
    pub number: i64,
    /// Kind of person.
    pub kind: Kind,
    /// Access level.
    pub access: Access,
    /// Status.
    pub status: String,
    /// Values of the listed columns (sensitive ones masked).
    pub values: BTreeMap<Field, String>,
}

/// A page of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    /// How many people match in all.
    pub total: i64,
    /// The rows of this page.
    pub rows: Vec<Row>,
}

/// Turn a search text into an FTS5 trigram query, or `None` when no term is long enough.
fn fts_query(search: &str) -> Option<String> {
    // An IIN or a phone typed with spaces, dashes or brackets is one number, not several words.
    if search
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        let mut digits: String = search.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 11 && digits.starts_with('8') {
            digits.replace_range(..1, "7");
        } else if digits.len() < 11
            && ["8 ", "8(", "8-", "8 ("]
                .iter()
                .any(|p| search.trim_start().starts_with(p))
        {
            // "8 701 23…": the start of a phone written with the trunk prefix 8.
            digits.replace_range(..1, "7");
        }
        return (digits.len() >= 3).then(|| format!("\"{digits}\""));
    }
    let folded = fold(search);
    let mut terms = Vec::new();
    for word in folded.split_whitespace() {
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        let term = if !digits.is_empty()
            && digits.len() * 2 >= word.chars().filter(|c| c.is_alphanumeric()).count()
        {
            // A phone typed as 8 701 … is stored as 7701…
            if digits.len() == 11 && digits.starts_with('8') {
                format!("7{}", &digits[1..])
            } else {
                digits
            }
        } else {
            word.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '\'')
                .collect()
        };
        if term.chars().count() >= 3 {
            terms.push(format!("\"{}\"", term.replace('"', "\"\"")));
        }
    }
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

impl Vault {
    /// List people matching `q`, sorted by surname and name; sensitive values masked.
    pub fn list_subjects(&self, q: &Query) -> Result<Page> {
        let mut wheres: Vec<String> = Vec::new();
        let mut bind: Vec<rusqlite::types::Value> = Vec::new();
        // Each condition binds one value, written `$` in its SQL.
        let mut push = |sql: &str, v: rusqlite::types::Value| {
            bind.push(v);
            wheres.push(sql.replace('$', &format!("?{}", bind.len())));
        };
        use rusqlite::types::Value as V;
        if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            match fts_query(s) {
                Some(m) => push(
                    "number IN (SELECT rowid FROM subject_search WHERE subject_search MATCH $)",
                    V::Text(m),
                ),
                // Too short for the trigram index: match the start of a folded name.
                None => push(
                    "(derbes_fold(surname) LIKE $ || '%' OR derbes_fold(name) LIKE $ || '%')",
                    V::Text(fold(s).replace(['%', '_'], "")),
                ),
            }
        }
        if let Some(k) = q.kind {
            push("kind = $", V::Text(k.key().into()));
        }
        if let Some(p) = &q.programme {
            push("programme = $", V::Text(p.clone()));
        }
        if let Some(r) = &q.region {
            push("region = $", V::Text(r.clone()));
        }
        if let Some(a) = q.access {
            push("access = $", V::Text(a.key().into()));
        }
        if let Some(s) = &q.status {
            push("status = $", V::Text(s.clone()));
        }
        if let Some(band) = &q.age_band {
            let (after, on_or_before) = age_band_bounds(band, today()).ok_or_else(|| {
                Error::invalid("age_band", "age_band_unknown").with("allowed", AGE_BANDS.to_vec())
            })?;
            if let Some(a) = after {
                push("birth_date > $", V::Text(a));
            }
            if let Some(b) = on_or_before {
                push("birth_date <= $", V::Text(b));
            }
        }
        let where_sql = if wheres.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", wheres.join(" AND "))
        };
        let total: i64 = self.conn().query_row(
            &format!("SELECT count(*) FROM subject {where_sql}"),
            params_from_iter(bind.iter()),
            |r| r.get(0),
        )?;
        let listed = LIST_COLUMNS;
        let cols: Vec<&str> = listed.iter().map(|f| f.key()).collect();
        let limit = q.limit.unwrap_or(-1);
        let sql = format!(
            "SELECT id, number, kind, access, status, {} FROM subject {where_sql} ORDER BY sort_key, number LIMIT {limit} OFFSET {}",
            cols.join(", "),
            q.offset.max(0)
        );
        let inventory = self.inventory()?;
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(bind.iter()), |r| {
            let mut values = BTreeMap::new();
            for (i, f) in listed.iter().enumerate() {
                if let Some(v) = r.get::<_, Option<String>>(5 + i)? {
                    let shown = if inventory.document.is_sensitive(*f) && !q.reveal {
                        mask(*f, &v)
                    } else {
                        v
                    };
                    values.insert(*f, shown);
                }
            }
            let id: String = r.get(0)?;
            let kind: String = r.get(2)?;
            let access: String = r.get(3)?;
            Ok(Row {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                number: r.get(1)?,
                kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
                access: Access::from_key(&access).unwrap_or(Access::Restricted),
                status: r.get(4)?,
                values,
            })
        })?;
        let rows: Vec<Row> = rows.collect::<std::result::Result<_, _>>()?;
        if q.reveal && !rows.is_empty() {
            let fields: Vec<&str> = listed
                .iter()
                .filter(|f| inventory.document.is_sensitive(**f))
                .map(|f| f.key())
                .collect();
            self.record(
                Action::SubjectRevealed,
                None,
                json!({"people": rows.len(), "fields": fields}),
            )?;
        }
        Ok(Page { total, rows })
    }
}
