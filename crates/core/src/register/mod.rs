//! The register of personal data (Art. 7, 25(2)(1), 27-1): the people an NGO keeps — beneficiaries,
//! employees, volunteers — their fields and the approved data inventory (тізбе) that bounds them,
//! the identification numbers (IIN, BIN) and their checks, regions, the operating organisation,
//! search, masking and journaled reveals, and imports from CSV and XLSX.
//!
//! It builds on [`crate::vault`] (the connection and the journal) and nothing above it.

pub mod bulk;
pub mod confidants;
pub mod fields;
pub mod ids;
pub mod import;
pub mod inventory;
pub mod organisation;
pub mod regions;
pub mod services;
pub mod subjects;

/// Every code a [`crate::error::FieldProblem`] or a [`bulk::RowProblem`] can carry; each has its
/// sentence `problem-<code>` in `locales/<lang>/core.ftl` (a test checks every language).
pub const PROBLEM_CODES: &[&str] = &[
    // The record as a whole.
    "required",
    "not_in_inventory",
    // A field outside the purposes the person's basis covers (Art. 14): `purpose` would cover it.
    "outside_purposes",
    // A minor in a batch of consents on file: their representative must be named, one by one.
    "minor_needs_representative",
    "too_long",
    "control_chars",
    // An IIN ([`ids::IdProblem::code`]) and what it must agree with.
    "iin_length",
    "iin_check_digit",
    "iin_birth_date",
    "iin_century_sex",
    "iin_birth_date_mismatch",
    "iin_sex_mismatch",
    // A value as typed ([`import::ValueProblem::code`]).
    "empty",
    "date_format",
    "date_invalid",
    "sex_unknown",
    "phone_characters",
    "phone_length",
    "phone_not_kazakhstan",
    // Dates, numbers and choices.
    "date_future",
    "date_too_old",
    "before_birth",
    "registered_before_birth",
    "email_invalid",
    "region_unknown",
    "number_invalid",
    "service_type",
    // Duplicate IINs in an import: `number` is the existing record's №, `row` the other row.
    "duplicate_iin",
    "duplicate_iin_in_file",
    // A line of a service log: whose it is and what it was.
    "service_person_missing",
    "service_person_not_found",
    "service_person_ambiguous",
    "service_person_blocked",
    "service_type_unconfirmed",
];

#[cfg(test)]
mod tests {
    use super::PROBLEM_CODES;
    use crate::words::{self, Lang};

    #[test]
    fn every_problem_code_has_a_sentence_in_each_language() {
        for lang in Lang::ALL {
            for code in PROBLEM_CODES {
                assert!(
                    words::has(lang, &format!("problem-{code}")),
                    "locales/{}/core.ftl has no problem-{code}",
                    lang.key()
                );
            }
        }
        let mut codes = PROBLEM_CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), PROBLEM_CODES.len(), "a code is listed twice");
    }

    #[test]
    fn problem_arguments_are_put_in_every_language() {
        let row = crate::error::FieldProblem::new("iin", "duplicate_iin_in_file").with("row", 12);
        let number = crate::error::FieldProblem::new("iin", "duplicate_iin").with("number", 7);
        for lang in Lang::ALL {
            for (p, arg) in [(&row, "12"), (&number, "7")] {
                let sentence = words::problem(lang, p);
                assert!(
                    sentence.contains(arg) && !sentence.contains('{'),
                    "{}: {sentence}",
                    lang.key()
                );
            }
        }
    }
}
