//! Consent to the collection and processing of personal data (Art. 7, 8, 24 of Law No. 94-V), and
//! the Art. 9 grounds for processing without it.
//!
//! A consent records every item of Art. 8(4) — operator and BIN, the person's full name, the term,
//! the purposes and the data collected for them, and separate yes/no scopes for transfer to third
//! parties, cross-border transfer and publication in public sources (Art. 7(6)) — plus the form
//! it was given in, who took it, and who gave it: the person or, for a minor, a legal
//! representative. Withdrawal is by scope or whole; it is refused only with a recorded Art. 8(2)
//! ground. Withdrawing publication makes a public person restricted again.
//!
//! Recording a consent from a checked draft is in `draft`; withdrawing it in `withdrawal`; the
//! scan of the signed form in `evidence`; a recorded consent as read back, and where it stands
//! on a day, in `state`; the register-wide view — Art. 9 grounds, people without a basis, and
//! publication, which needs a consent to it in force — in `basis`. What they share (today, the
//! checks of entered text, a person's facts) is here.

use rusqlite::{Connection, OptionalExtension};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::register::fields::Kind;
use crate::register::import::parse_date;
use crate::register::subjects::Access;

mod basis;
mod draft;
mod evidence;
mod state;
mod withdrawal;

pub use basis::ConsentOverview;
pub(crate) use basis::{
    last_lapse, publication_in_force, restrict_lapsed_publications, IN_FORCE_SQL,
};
pub(crate) use draft::{insert_batch_consent, BatchConsent};
pub use draft::{ConsentDraft, ConsentForm, Representative};
pub use evidence::{check_evidence, read_evidence_file, Evidence, MAX_EVIDENCE_BYTES};
pub(crate) use state::{best_state, purposes_in_force};
pub use state::{Consent, ConsentState, EXPIRING_DAYS};
pub use withdrawal::{Refusal, RefusalGround, Scope, Withdrawal, WithdrawalDraft};

/// Today in UTC, the day the rules count from.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// A date a person typed, or the refusal that says how to write it. The sentence depends on
/// the problem (`date_format`, `date_invalid`), passed as an argument.
pub(crate) fn date(field: &'static str, s: &str) -> Result<Date> {
    parse_date(s)
        .map_err(|p| Error::invalid(field, "lifecycle_date_format").with("problem", p.code()))
}

/// Trimmed text, refused when longer than `max` or holding control characters.
fn text(field: &'static str, s: &str, max: usize) -> Result<String> {
    let t = s.trim();
    if t.chars().count() > max {
        return Err(Error::invalid(field, "lifecycle_too_long").with("max", max));
    }
    if t.chars().any(char::is_control) {
        return Err(Error::invalid(field, "lifecycle_control_chars"));
    }
    Ok(t.to_string())
}

/// Text that must be given: `missing` is the refusal when it is empty.
fn required(field: &'static str, s: &str, max: usize, missing: Error) -> Result<String> {
    let t = text(field, s, max)?;
    if t.is_empty() {
        return Err(missing);
    }
    Ok(t)
}

/// Whole years between `birth` and `on`.
pub(crate) fn age_on(birth: Date, on: Date) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month() as u8, on.day()) < (birth.month() as u8, birth.day()) {
        years -= 1;
    }
    years
}

/// What a person's row tells the consent rules.
pub(crate) struct SubjectFacts {
    pub number: i64,
    pub kind: Kind,
    pub access: Access,
    pub blocked: bool,
    pub hold: bool,
    pub full_name: String,
    pub birth_date: Option<Date>,
    pub iin: Option<String>,
}

pub(crate) fn subject_facts(conn: &Connection, id: Uuid) -> Result<SubjectFacts> {
    conn.query_row(
        "SELECT number, kind, access, blocked_reason IS NOT NULL, hold_reason IS NOT NULL,
                trim(coalesce(surname, '') || ' ' || coalesce(name, '') || ' ' || coalesce(patronymic, '')),
                birth_date, iin
         FROM subject WHERE id = ?1",
        [id.to_string()],
        |r| {
            let kind: String = r.get(1)?;
            let access: String = r.get(2)?;
            let birth: Option<String> = r.get(6)?;
            Ok(SubjectFacts {
                number: r.get(0)?,
                kind: Kind::from_key(&kind).unwrap_or(Kind::Beneficiary),
                access: Access::from_key(&access).unwrap_or(Access::Restricted),
                blocked: r.get(3)?,
                hold: r.get(4)?,
                full_name: r.get::<_, String>(5)?.split_whitespace().collect::<Vec<_>>().join(" "),
                birth_date: birth.and_then(|b| {
                    Date::parse(&b, &time::format_description::well_known::Iso8601::DATE).ok()
                }),
                iin: r.get(7)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::SubjectNotFound)
}

impl SubjectFacts {
    /// The birth date, from the record or else from the IIN (which encodes it).
    fn born(&self) -> Option<Date> {
        self.birth_date.or_else(|| {
            self.iin
                .as_deref()
                .and_then(|i| crate::register::ids::Iin::parse(i).ok())
                .map(|i| i.birth_date)
        })
    }

    /// Refuse any change to a blocked record.
    pub(crate) fn ensure_changeable(&self) -> Result<()> {
        if self.blocked {
            return Err(Error::Blocked {
                number: self.number,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
