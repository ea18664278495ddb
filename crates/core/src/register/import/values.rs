//! Reading the values people type into a table: dates in the forms they write them, Excel
//! serial dates, sex in three languages, Kazakhstan phone numbers and whole names.
//! [`ValueProblem`] says why a value could not be read, without repeating it.

use serde::Serialize;
use time::{Date, Month};

use super::headers::folded_words;
use crate::register::fields::Sex;

/// Why a value could not be read, by its code; its sentence (`problem-<code>`) never repeats
/// the value: it is personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueProblem {
    /// Nothing was written.
    Empty,
    /// Not shaped like any accepted date form.
    DateFormat,
    /// Shaped like a date, but no such day (31.02.1990, month 13).
    DateInvalid,
    /// Not a word for male or female in Kazakh, Russian or English.
    SexUnknown,
    /// Letters or other characters that are not part of a phone number.
    PhoneCharacters,
    /// Too few or too many digits.
    PhoneLength,
    /// A number outside Kazakhstan's +7 6xx / +7 7xx ranges (e.g. a Russian +7 9xx).
    PhoneNotKazakhstan,
}

impl ValueProblem {
    /// A stable machine code, for front ends to translate.
    pub fn code(self) -> &'static str {
        match self {
            ValueProblem::Empty => "empty",
            ValueProblem::DateFormat => "date_format",
            ValueProblem::DateInvalid => "date_invalid",
            ValueProblem::SexUnknown => "sex_unknown",
            ValueProblem::PhoneCharacters => "phone_characters",
            ValueProblem::PhoneLength => "phone_length",
            ValueProblem::PhoneNotKazakhstan => "phone_not_kazakhstan",
        }
    }
}

impl std::fmt::Display for ValueProblem {
    /// The English sentence (`problem-<code>` in the locales), which never repeats the value.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = format!("problem-{}", self.code());
        f.write_str(&crate::words::message(crate::words::Lang::En, &id, &[]))
    }
}

impl std::error::Error for ValueProblem {}

/// Read a date written as text: `DD.MM.YYYY`, `D.M.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`,
/// `YYYY-MM-DD` (any of `.`, `/`, `-`), or `DD.MM.YY`.
///
/// A two-digit year up to the current year's last two digits is in this century, a larger one
/// in the last: in 2025, `25` is 2025 and `26` is 1926 — right for birth dates. Days come
/// before months (the Kazakh and Russian order); `MM/DD/YYYY` is not guessed. A trailing time
/// (`01.01.1990 0:00:00`) and a trailing year word (`1990 г.`, `1990 ж.`) are ignored. Excel
/// serial numbers are not dates here: see [`parse_excel_serial`].
pub fn parse_date(s: &str) -> Result<Date, ValueProblem> {
    parse_date_in_year(s, time::OffsetDateTime::now_utc().year())
}

pub(super) fn parse_date_in_year(s: &str, current_year: i32) -> Result<Date, ValueProblem> {
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueProblem::Empty);
    }
    let date = without_time(without_year_word(text))?;
    let separator = date
        .chars()
        .find(|c| matches!(c, '.' | '/' | '-'))
        .ok_or(ValueProblem::DateFormat)?;
    let parts: Vec<&str> = date.split(separator).collect();
    let &[first, second, third] = parts.as_slice() else {
        return Err(ValueProblem::DateFormat);
    };
    let number = |part: &str| -> Result<i32, ValueProblem> {
        if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValueProblem::DateFormat);
        }
        part.parse().map_err(|_| ValueProblem::DateFormat)
    };
    let (year, month, day) = match (first.len(), second.len(), third.len()) {
        (4, 1..=2, 1..=2) => (number(first)?, number(second)?, number(third)?),
        (1..=2, 1..=2, 4) => (number(third)?, number(second)?, number(first)?),
        (1..=2, 1..=2, 2) => (
            expand_two_digit_year(number(third)?, current_year),
            number(second)?,
            number(first)?,
        ),
        _ => return Err(ValueProblem::DateFormat),
    };
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(ValueProblem::DateInvalid)?;
    let day = u8::try_from(day).map_err(|_| ValueProblem::DateInvalid)?;
    Date::from_calendar_date(year, month, day).map_err(|_| ValueProblem::DateInvalid)
}

fn without_year_word(text: &str) -> &str {
    ["г.", "ж.", "г", "ж"]
        .iter()
        .find_map(|word| text.strip_suffix(word))
        .unwrap_or(text)
        .trim_end()
}

/// `1990-01-15T00:00:00` or `15.01.1990 0:00:00` → the date part; a tail that is not a time is
/// an error.
fn without_time(text: &str) -> Result<&str, ValueProblem> {
    match text.split_once([' ', 'T']) {
        None => Ok(text),
        Some((date, time)) => {
            let time = time.trim();
            let is_time = time.contains(':')
                && time
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'));
            if is_time {
                Ok(date)
            } else {
                Err(ValueProblem::DateFormat)
            }
        }
    }
}

fn expand_two_digit_year(year: i32, current_year: i32) -> i32 {
    let century = current_year - current_year.rem_euclid(100);
    if year <= current_year.rem_euclid(100) {
        century + year
    } else {
        century - 100 + year
    }
}

/// Read an Excel serial date number written as text (`"33239"` → 1991-01-01), as it appears
/// when a date column was exported as plain numbers. Only 4 or 5 digits are accepted (years
/// 1902–2173), so call it only for a column known to hold dates. The 1900 date system is
/// assumed, including its phantom 29 February 1900.
pub fn parse_excel_serial(s: &str) -> Result<Date, ValueProblem> {
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueProblem::Empty);
    }
    if !(4..=5).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueProblem::DateFormat);
    }
    let days: i64 = text.parse().map_err(|_| ValueProblem::DateFormat)?;
    // Serial 1 is 1900-01-01, but Excel counts a 29 February 1900 that never was, so for every
    // serial past 60 day zero falls on 1899-12-30.
    time::macros::date!(1899 - 12 - 30)
        .checked_add(time::Duration::days(days))
        .ok_or(ValueProblem::DateInvalid)
}

/// Read sex written in Kazakh, Russian or English, in full or abbreviated: `ер`, `ер адам`,
/// `еркек`, `м`, `муж`, `мужской`, `male`, `m` are male; `әйел`, `әйел адам`, `ж`, `жен`,
/// `женский`, `female`, `f` are female. Case, dots and extra spaces do not matter.
pub fn parse_sex(s: &str) -> Result<Sex, ValueProblem> {
    const MALE: &[&str] = &[
        "ер",
        "ер адам",
        "еркек",
        "м",
        "муж",
        "мужской",
        "мужчина",
        "male",
        "m",
        "man",
    ];
    const FEMALE: &[&str] = &[
        "әйел",
        "әйел адам",
        "ж",
        "жен",
        "женский",
        "женщина",
        "female",
        "f",
        "woman",
    ];
    let words = folded_words(s).join(" ");
    if words.is_empty() {
        return Err(ValueProblem::Empty);
    }
    let is_one_of = |list: &[&str]| list.iter().any(|w| crate::text::fold(w) == words);
    if is_one_of(MALE) {
        Ok(Sex::Male)
    } else if is_one_of(FEMALE) {
        Ok(Sex::Female)
    } else {
        Err(ValueProblem::SexUnknown)
    }
}

/// Normalise a Kazakhstan phone number to `+7XXXXXXXXXX`.
///
/// Accepts `8 (701) 234-56-78`, `+7 701 234 5678`, `87012345678`, `77012345678` and the bare
/// ten digits `7012345678`; spaces, brackets, dashes and dots are ignored. Kazakhstan's numbers
/// are `+7 6xx` and `+7 7xx`; other `+7` numbers are Russian and refused.
pub fn normalise_phone(s: &str) -> Result<String, ValueProblem> {
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueProblem::Empty);
    }
    let international = text.starts_with('+');
    let body = text.strip_prefix('+').unwrap_or(text);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '(' | ')' | '-' | '.'))
    {
        return Err(ValueProblem::PhoneCharacters);
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let national = if international {
        match digits.strip_prefix('7') {
            Some(rest) if rest.len() == 10 => rest,
            Some(_) => return Err(ValueProblem::PhoneLength),
            None => return Err(ValueProblem::PhoneNotKazakhstan),
        }
    } else {
        match digits.len() {
            10 => digits.as_str(),
            11 if digits.starts_with(['7', '8']) => digits.get(1..).unwrap_or_default(),
            _ => return Err(ValueProblem::PhoneLength),
        }
    };
    if !national.starts_with(['6', '7']) {
        return Err(ValueProblem::PhoneNotKazakhstan);
    }
    Ok(format!("+7{national}"))
}

/// Split a whole name written surname first, as Kazakh and Russian lists do: "Серікова Айгүл
/// Болатқызы" → (`Серікова`, `Айгүл`, `Some("Болатқызы")`). Two words give no patronymic; words
/// after the third stay with the patronymic ("Болат қызы", "Ахмед оглы"); one word is a surname
/// with an empty name, for the validator to report. Extra spaces are ignored.
pub fn split_full_name(s: &str) -> (String, String, Option<String>) {
    let mut words = s.split_whitespace();
    let surname = words.next().unwrap_or_default().to_owned();
    let name = words.next().unwrap_or_default().to_owned();
    let patronymic = words.collect::<Vec<_>>().join(" ");
    (
        surname,
        name,
        (!patronymic.is_empty()).then_some(patronymic),
    )
}
