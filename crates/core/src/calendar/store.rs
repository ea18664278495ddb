//! The calendar a vault keeps: the shipped years, brought in at every unlock, and the years the
//! responsible person corrected, which a newer Derbes leaves alone.

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;
use time::Date;

use super::{shipped, Calendar, Marked, Year};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// The earliest and latest years a calendar may hold: a typing mistake, not a real year, beyond.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A year as the vault holds it, and whether the user changed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredYear {
    /// The year's data.
    #[serde(flatten)]
    pub year: Year,
    /// Whether the responsible person edited it (a newer Derbes then leaves it alone).
    pub edited: bool,
}

/// Add, or refresh, every shipped year the user has not edited. Run at every unlock; writes
/// only what differs.
pub(crate) fn ensure_shipped(conn: &Connection) -> Result<()> {
    for year in shipped::years() {
        let stored = read_year(conn, year.year)?;
        match stored {
            Some(s) if s.edited || s.year == year => continue,
            _ => write_year(conn, &year, false)?,
        }
    }
    Ok(())
}

fn write_year(conn: &Connection, year: &Year, edited: bool) -> Result<()> {
    conn.execute(
        "DELETE FROM calendar_year WHERE year = ?1",
        params![year.year],
    )?;
    conn.execute(
        "INSERT INTO calendar_year (year, kurban_ait, kurban_ait_estimated, source, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            year.year,
            year.kurban_ait.to_string(),
            year.kurban_ait_estimated,
            if edited { "edited" } else { "shipped" },
            journal::now_utc()
        ],
    )?;
    let mut insert =
        conn.prepare("INSERT INTO calendar_day (day, year, kind, note) VALUES (?1, ?2, ?3, ?4)")?;
    for (kind, days) in [
        ("day_off", &year.days_off),
        ("working_day", &year.working_days),
    ] {
        for m in days {
            insert.execute(params![m.date.to_string(), year.year, kind, m.note])?;
        }
    }
    Ok(())
}

fn read_year(conn: &Connection, year: i32) -> Result<Option<StoredYear>> {
    Ok(read_years(conn)?.into_iter().find(|y| y.year.year == year))
}

fn read_years(conn: &Connection) -> Result<Vec<StoredYear>> {
    let mut years: Vec<StoredYear> = {
        let mut stmt = conn.prepare(
            "SELECT year, kurban_ait, kurban_ait_estimated, source FROM calendar_year ORDER BY year",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i32>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (year, kurban, estimated, source) = row?;
            out.push(StoredYear {
                year: Year {
                    year,
                    kurban_ait: parse_date(&kurban)?,
                    kurban_ait_estimated: estimated,
                    days_off: Vec::new(),
                    working_days: Vec::new(),
                },
                edited: source == "edited",
            });
        }
        out
    };
    let mut stmt = conn.prepare("SELECT day, year, kind, note FROM calendar_day ORDER BY day")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (day, year, kind, note) = row?;
        let Some(y) = years.iter_mut().find(|y| y.year.year == year) else {
            continue;
        };
        let m = Marked {
            date: parse_date(&day)?,
            note,
        };
        if kind == "day_off" {
            y.year.days_off.push(m);
        } else {
            y.year.working_days.push(m);
        }
    }
    Ok(years)
}

fn parse_date(s: &str) -> Result<Date> {
    Date::parse(s, &time::format_description::well_known::Iso8601::DATE)
        .map_err(|_| Error::Internal("a calendar date in the vault does not parse".into()))
}

/// Check a year's data before it is kept: every day inside the year, none both off and worked.
pub fn validate(year: &Year) -> Result<()> {
    if !YEARS.contains(&year.year) {
        return Err(Error::invalid("year", "calendar_year_range")
            .with("min", *YEARS.start())
            .with("max", *YEARS.end()));
    }
    let outside = |d: Date| d.year() != year.year;
    if outside(year.kurban_ait) {
        return Err(
            Error::invalid("kurban_ait", "calendar_day_outside_year").with("year", year.year)
        );
    }
    for m in year.days_off.iter().chain(&year.working_days) {
        if outside(m.date) {
            return Err(Error::invalid("day", "calendar_day_outside_year")
                .with("year", year.year)
                .with("date", m.date.to_string()));
        }
        if m.note.chars().count() > 200 {
            return Err(Error::invalid("note", "calendar_note_too_long").with("max", 200));
        }
    }
    for off in &year.days_off {
        if year.working_days.iter().any(|w| w.date == off.date) {
            return Err(
                Error::invalid("day", "calendar_day_both").with("date", off.date.to_string())
            );
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for m in year.days_off.iter().chain(&year.working_days) {
        if !seen.insert(m.date) {
            return Err(Error::invalid("day", "calendar_day_both").with("date", m.date.to_string()));
        }
    }
    Ok(())
}

impl Vault {
    /// The working-day calendar this vault counts deadlines on.
    pub fn calendar(&self) -> Result<Calendar> {
        Ok(Calendar::new(
            read_years(self.conn())?.into_iter().map(|y| y.year),
        ))
    }

    /// The calendar's years as stored, oldest first.
    pub fn calendar_years(&self) -> Result<Vec<StoredYear>> {
        read_years(self.conn())
    }

    /// Keep a year's data (a new year, or a correction), marked as edited so a newer Derbes
    /// does not overwrite it. Journaled with the year and counts, no notes.
    pub fn set_calendar_year(&self, year: &Year) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        validate(year)?;
        let tx = self.conn().unchecked_transaction()?;
        write_year(&tx, year, true)?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::CalendarChanged,
            Some(&year.year.to_string()),
            json!({
                "year": year.year,
                "daysOff": year.days_off.len(),
                "workingDays": year.working_days.len(),
            }),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Give a year back to the shipped data (or remove a year Derbes does not ship).
    pub fn reset_calendar_year(&self, year: i32) -> Result<()> {
        self.require(Permission::ChangeSettings)?;
        let tx = self.conn().unchecked_transaction()?;
        tx.execute("DELETE FROM calendar_year WHERE year = ?1", params![year])?;
        ensure_shipped(&tx)?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::CalendarChanged,
            Some(&year.to_string()),
            json!({"year": year, "reset": true}),
        )?;
        tx.commit()?;
        Ok(())
    }
}
