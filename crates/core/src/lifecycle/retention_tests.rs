//! Retention rules, the due list, hold and blocking on real vaults.

use super::*;
use crate::error::Reason;
use crate::lifecycle::consent::{ConsentDraft, ConsentForm, Scope, WithdrawalDraft};
use crate::register::fields::{Field, Kind};
use crate::test_support::{draft, vault, with_services};
use time::macros::date;

fn person(v: &Vault, kind: Kind, surname: &str, services: &[&str]) -> Uuid {
    v.add_subject(
        &with_services(
            draft(kind, &[(Field::Surname, surname), (Field::Name, "Test")]),
            services,
        ),
        &crate::test_support::basis(),
    )
    .unwrap()
    .id
}

fn due_numbers(v: &Vault, on: Date) -> Vec<i64> {
    v.due(on).unwrap().people.iter().map(|d| d.number).collect()
}

#[test]
fn months_are_added_by_the_calendar() {
    assert_eq!(add_months(date!(2020 - 01 - 15), 36), date!(2023 - 01 - 15));
    assert_eq!(add_months(date!(2020 - 01 - 31), 1), date!(2020 - 02 - 29));
    assert_eq!(add_months(date!(2021 - 01 - 31), 1), date!(2021 - 02 - 28));
    assert_eq!(add_months(date!(2020 - 11 - 30), 3), date!(2021 - 02 - 28));
    assert_eq!(add_months(date!(2020 - 12 - 01), 12), date!(2021 - 12 - 01));
}

#[test]
fn a_new_vault_has_the_default_rules() {
    let (_t, _d, v) = vault();
    assert_eq!(v.retention_rules().unwrap(), default_rules());
}

#[test]
fn the_due_list_turns_on_the_boundary_day() {
    let (_t, _d, v) = vault();
    let _a = person(
        &v,
        Kind::Beneficiary,
        "Әлиев",
        &["2020-01-15", "2019-05-01"],
    );
    let _b = person(&v, Kind::Beneficiary, "Бекова", &["2021-06-30"]);
    // 3 years after the last service.
    assert!(due_numbers(&v, date!(2023 - 01 - 14)).is_empty());
    assert_eq!(due_numbers(&v, date!(2023 - 01 - 15)), vec![1]);
    assert_eq!(due_numbers(&v, date!(2024 - 06 - 29)), vec![1]);
    assert_eq!(due_numbers(&v, date!(2024 - 06 - 30)), vec![1, 2]);
    let list = v.due(date!(2024 - 06 - 30)).unwrap();
    assert_eq!(list.people[0].due_since, "2023-01-15");
    assert_eq!(list.people[0].rule.anchor, Some(Anchor::LastService));
    assert_eq!(list.people[0].full_name, "Әлиев Test");
}

#[test]
fn the_longest_rule_wins_and_an_unknown_end_keeps_the_person() {
    let (_t, _d, v) = vault();
    let id = person(&v, Kind::Beneficiary, "Жұмабаев", &["2015-03-01"]);
    let consent = ConsentDraft {
        purposes: vec!["humanitarian_aid".into()],
        form: Some(ConsentForm::Paper),
        given_on: Some("01.03.2015".into()),
        ..Default::default()
    };
    v.add_consent(id, &consent).unwrap();
    // The purpose rule (5 years after the programme ends) applies and the programme has not
    // ended: kept, although 3 years after the last service passed long ago.
    assert!(due_numbers(&v, date!(2026 - 01 - 01)).is_empty());
    v.set_end_date(id, Some("2019-12-31")).unwrap();
    assert!(due_numbers(&v, date!(2024 - 12 - 30)).is_empty());
    let list = v.due(date!(2024 - 12 - 31)).unwrap();
    assert_eq!(list.people.len(), 1);
    assert_eq!(list.people[0].due_since, "2024-12-31");
    assert_eq!(
        list.people[0].rule.purpose.as_deref(),
        Some("humanitarian_aid")
    );
}

#[test]
fn consent_end_is_the_withdrawal_day_and_for_life_never_ends() {
    let (_t, _d, v) = vault();
    let id = person(&v, Kind::Beneficiary, "Омарова", &["2020-01-01"]);
    let c = v
        .add_consent(
            id,
            &ConsentDraft {
                purposes: vec!["legal_aid".into()],
                form: Some(ConsentForm::Paper),
                given_on: Some("01.01.2020".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        due_numbers(&v, date!(2026 - 01 - 01)).is_empty(),
        "open-ended consent keeps"
    );
    v.withdraw_consent(
        c.number,
        &WithdrawalDraft {
            scope: Scope::All,
            requested_on: Some("2024-05-10".into()),
            channel: "in writing".into(),
            refusal: None,
        },
    )
    .unwrap();
    assert!(due_numbers(&v, date!(2025 - 05 - 09)).is_empty());
    assert_eq!(due_numbers(&v, date!(2025 - 05 - 10)), vec![1]);
    // Employees: 10 years after employment ends; payroll consent keeps them for life.
    let e = person(&v, Kind::Employee, "Қасымов", &[]);
    v.set_end_date(e, Some("2010-01-01")).unwrap();
    assert_eq!(
        due_numbers(&v, date!(2026 - 01 - 01)),
        vec![2, 1],
        "longest overdue first"
    );
    v.add_consent(
        e,
        &ConsentDraft {
            purposes: vec!["payroll".into()],
            form: Some(ConsentForm::Paper),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(due_numbers(&v, date!(2099 - 01 - 01)), vec![1]);
}

#[test]
fn hold_exempts_and_blocking_is_listed_and_freezes() {
    let (_t, _d, v) = vault();
    let a = person(&v, Kind::Beneficiary, "Ахметова", &["2010-01-01"]);
    let b = person(&v, Kind::Beneficiary, "Бақытов", &["2010-01-01"]);
    let on = date!(2026 - 01 - 01);
    assert_eq!(due_numbers(&v, on), vec![1, 2]);
    v.hold(a, "litigation: case 2-123/2025").unwrap();
    let list = v.due(on).unwrap();
    assert_eq!((list.people.len(), list.held), (1, 1));
    assert!(v.subject(a).unwrap().lifecycle.hold_reason.is_some());
    v.block(b, "inaccurate_data").unwrap();
    assert!(v.due(on).unwrap().people[0].blocked);
    assert!(matches!(v.block(b, "again"), Err(Error::Blocked { .. })));
    assert!(matches!(
        v.edit_subject(b, &draft(Kind::Beneficiary, &[(Field::Name, "X")])),
        Err(Error::Blocked { number: 2 })
    ));
    assert!(matches!(
        v.set_end_date(b, None),
        Err(Error::Blocked { .. })
    ));
    // Every other action on the person's data is refused too.
    assert!(matches!(
        v.set_access(b, crate::register::subjects::Access::Restricted),
        Err(Error::Blocked { .. })
    ));
    assert!(matches!(
        v.set_legal_ground(b, None),
        Err(Error::Blocked { .. })
    ));
    assert!(matches!(v.hold(b, "audit"), Err(Error::Blocked { .. })));
    assert!(matches!(
        v.destroy(&[b], crate::lifecycle::end::Ground::Request, None),
        Err(Error::Blocked { number: 2 })
    ));
    assert!(matches!(
        v.anonymise(&[b], crate::lifecycle::end::Ground::Request, None),
        Err(Error::Blocked { number: 2 })
    ));
    assert!(v.unblock(b, " ").is_err(), "a reason is required");
    v.unblock(b, "not_confirmed").unwrap();
    v.release_hold(a).unwrap();
    assert_eq!(due_numbers(&v, on), vec![1, 2]);
    // The journal gets reason codes, never the typed words.
    let all = serde_json::to_string(&v.journal(100, 0).unwrap().1).unwrap();
    assert!(all.contains("\"litigation\"") && !all.contains("2-123/2025"));
}

#[test]
fn rules_are_checked_before_they_replace_the_old_ones() {
    let (_t, _d, v) = vault();
    // The refusal names the rule by its place, counted from 1, as the editor shows it.
    let refused = |rules: &[Rule]| {
        let e = v.set_retention_rules(rules).unwrap_err();
        match &e {
            Error::InvalidInput {
                field: "retention_rules",
                reason: Reason { code, args },
            } => (*code, args["rule"].clone(), e.to_string()),
            other => panic!("expected a refusal, got {other:?}"),
        }
    };
    let mut rules = default_rules();
    rules[0].months = Some(0);
    assert_eq!(
        refused(&rules),
        (
            "retention_rule_months_range",
            1.into(),
            "Rule 1: the period must be 1 to 1200 months (100 years).".into()
        )
    );
    rules[0].months = Some(24);
    rules[1].purpose = Some("marketing".into());
    assert_eq!(
        refused(&rules),
        (
            "retention_rule_purpose_unknown",
            2.into(),
            "Rule 2: its purpose is not in the approved data inventory.".into()
        )
    );
    rules[1].purpose = None;
    rules[2].basis = "because".into();
    assert_eq!(
        refused(&rules),
        (
            "retention_rule_basis_missing",
            3.into(),
            "Rule 3: choose why the data is kept this long.".into()
        )
    );
    assert_eq!(
        v.retention_rules().unwrap(),
        default_rules(),
        "unchanged after a refusal"
    );
    rules[2].basis = "organisation_policy".into();
    let saved = v.set_retention_rules(&rules).unwrap();
    assert_eq!(saved[0].months, Some(24));
}

#[test]
fn a_date_that_cannot_be_read_is_refused_with_how_to_write_it() {
    let refusal = |s: &str| {
        let e = as_of(Some(s)).unwrap_err();
        match &e {
            Error::InvalidInput {
                field: "as_of",
                reason:
                    Reason {
                        code: "lifecycle_date_format",
                        args,
                    },
            } => (args["problem"].clone(), e.to_string()),
            other => panic!("expected a refusal, got {other:?}"),
        }
    };
    assert_eq!(
        refusal("31.02.2025"),
        (
            "date_invalid".into(),
            "The date does not exist in the calendar; check the day and the month.".into()
        )
    );
    assert_eq!(
        refusal("soon"),
        (
            "date_format".into(),
            "The date is not written in a recognised form; write it as DD.MM.YYYY.".into()
        )
    );
    // Kazakh and Russian have their own sentence for each problem.
    let e = as_of(Some("31.02.2025")).unwrap_err();
    let kk = crate::words::error(crate::words::Lang::Kk, &e);
    let ru = crate::words::error(crate::words::Lang::Ru, &e);
    assert!(kk.contains("күнтізбеде жоқ"), "{kk}");
    assert!(ru.contains("нет в календаре"), "{ru}");
}

#[test]
fn unblocking_or_releasing_what_is_not_set_names_the_record() {
    let (_t, _d, v) = vault();
    let a = person(&v, Kind::Beneficiary, "Әлиева", &["2020-01-01"]);
    let e = v.unblock(a, "not_confirmed").unwrap_err();
    assert!(matches!(
        e,
        Error::InvalidInput {
            field: "reason",
            reason: Reason {
                code: "subject_not_blocked",
                ..
            }
        }
    ));
    assert_eq!(e.to_string(), "Record № 1 is not blocked.");
    let e = v.release_hold(a).unwrap_err();
    assert_eq!(e.to_string(), "Record № 1 is not under legal hold.");
    assert_eq!(
        crate::words::error(crate::words::Lang::Ru, &e),
        "На запись № 1 не наложен запрет на уничтожение."
    );
    let e = v.block(a, " ").unwrap_err();
    assert_eq!(e.to_string(), "Enter why the data is blocked.");
    let e = v.hold(a, &"x".repeat(501)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The reason must be one line of at most 500 characters."
    );
}
