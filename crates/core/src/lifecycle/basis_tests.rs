use time::macros::date;
use time::Duration;

use super::basis::*;
use crate::error::Error;
use crate::lifecycle::consent::{today, ConsentDraft, ConsentForm, Scope, WithdrawalDraft};
use crate::register::bulk::BatchSource;
use crate::register::fields::{Field, Kind};
use crate::test_support::{actions, draft, vault};

fn consent(purposes: &[&str]) -> BasisDraft {
    BasisDraft::Consent {
        consent: Box::new(ConsentDraft {
            purposes: purposes.iter().map(|p| p.to_string()).collect(),
            form: Some(ConsentForm::Paper),
            ..Default::default()
        }),
        scan_due: Some((today() + Duration::days(5)).to_string()),
    }
}

fn ground(sub: &str, law: &str) -> BasisDraft {
    BasisDraft::Ground(Ground {
        subparagraph: sub.into(),
        law: law.into(),
        purposes: vec![],
    })
}

fn reason(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { reason, .. } => reason.code,
        Error::Invalid { problems } => problems[0].code,
        other => other.code(),
    }
}

#[test]
fn a_person_comes_in_with_a_consent_or_a_ground_in_one_transaction() {
    let (_t, _d, v) = vault();
    let aigul = draft(
        Kind::Beneficiary,
        &[(Field::Surname, "Серікова"), (Field::Name, "Айгүл")],
    );
    let p = v.add_subject(&aigul, &consent(&["legal_aid"])).unwrap();
    let c = &v.consents(p.id).unwrap()[0];
    assert_eq!(c.purposes, vec!["legal_aid"]);
    assert!(c.state.in_force());
    let emp = draft(
        Kind::Employee,
        &[(Field::Surname, "Ахметов"), (Field::Name, "Руслан")],
    );
    let e = v.add_subject(&emp, &ground("9(10)", "x")).unwrap_err();
    assert_eq!(
        reason(&e),
        "legal_ground_unknown",
        "the code, not how people write it"
    );
    let e = v
        .add_subject(&emp, &ground("art9_10", "Labour Code, Art. 23"))
        .unwrap();
    assert_eq!(e.lifecycle.legal_ground.as_deref(), Some("art9_10"));
    assert_eq!(
        e.lifecycle.legal_ground_law.as_deref(),
        Some("Labour Code, Art. 23")
    );
    // Grounds of courts, law enforcement and statistics are not an NGO's; a ground names its law.
    let before = actions(&v).len();
    for (sub, law, code) in [
        ("art9_1", "Criminal Procedure Code", "legal_ground_unknown"),
        ("art9_9", "Statistics law", "legal_ground_unknown"),
        ("art9_10", "  ", "legal_ground_law_required"),
    ] {
        assert_eq!(
            reason(&v.add_subject(&emp, &ground(sub, law)).unwrap_err()),
            code
        );
    }
    // A minor's consent without a representative: refused, and no person is left behind.
    let born = (today() - Duration::days(365 * 9)).to_string();
    let child = draft(
        Kind::Beneficiary,
        &[
            (Field::Surname, "Нұрланов"),
            (Field::Name, "Ерасыл"),
            (Field::BirthDate, &born),
        ],
    );
    assert!(matches!(
        v.add_subject(&child, &consent(&["legal_aid"])),
        Err(Error::RepresentativeRequired)
    ));
    assert_eq!(actions(&v).len(), before);
    assert_eq!(v.list_subjects(&Default::default()).unwrap().total, 2);
}

#[test]
fn a_field_outside_the_purposes_of_the_basis_is_refused_with_the_purpose_it_needs() {
    let (_t, _d, v) = vault();
    // Humanitarian aid collects a phone but not an e-mail; legal aid does.
    let with_email = draft(
        Kind::Beneficiary,
        &[
            (Field::Surname, "Серікова"),
            (Field::Name, "Айгүл"),
            (Field::Email, "a@example.kz"),
        ],
    );
    match v.add_subject(&with_email, &consent(&["humanitarian_aid"])) {
        Err(Error::Invalid { problems }) => {
            assert_eq!(
                (problems[0].field.as_str(), problems[0].code),
                ("email", "outside_purposes")
            );
            assert_eq!(problems[0].args["purpose"], "legal_aid");
        }
        other => panic!("{other:?}"),
    }
    let p = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Серікова"), (Field::Name, "Айгүл")],
            ),
            &consent(&["humanitarian_aid"]),
        )
        .unwrap();
    let add_email = draft(Kind::Beneficiary, &[(Field::Email, "a@example.kz")]);
    assert_eq!(
        reason(&v.edit_subject(p.id, &add_email).unwrap_err()),
        "outside_purposes"
    );
    // A field the record has can always be corrected; a consent for legal aid opens e-mail.
    v.edit_subject(p.id, &draft(Kind::Beneficiary, &[(Field::Name, "Айгуль")]))
        .unwrap();
    v.add_consent(
        p.id,
        &ConsentDraft {
            purposes: vec!["legal_aid".into()],
            form: Some(ConsentForm::Paper),
            ..Default::default()
        },
    )
    .unwrap();
    v.edit_subject(p.id, &add_email).unwrap();
}

#[test]
fn an_import_asks_once_for_the_batch() {
    let (_t, _d, v) = vault();
    let rows = vec![
        (
            2,
            draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "A"),
                    (Field::Name, "B"),
                    (Field::Phone, "+77011112233"),
                ],
            ),
        ),
        (
            3,
            draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "C"),
                    (Field::Name, "D"),
                    (Field::Email, "c@d.kz"),
                ],
            ),
        ),
    ];
    let report = v
        .add_people(
            &rows,
            &consent(&["humanitarian_aid"]),
            false,
            BatchSource::Import,
            &mut |_, _| {},
        )
        .unwrap();
    assert!(!report.imported);
    assert_eq!(
        (report.rejected[0].row, report.rejected[0].code),
        (3, "outside_purposes")
    );
    let report = v
        .add_people(
            &rows,
            &consent(&["legal_aid"]),
            false,
            BatchSource::Import,
            &mut |_, _| {},
        )
        .unwrap();
    assert!(report.imported);
    let people = v.list_subjects(&Default::default()).unwrap().rows;
    for p in &people {
        let cs = v.consents(p.id).unwrap();
        assert_eq!(cs.len(), 1, "a paper consent each");
        assert_eq!(cs[0].form, ConsentForm::Paper);
    }
    assert!(v.lapsed_bases(today()).unwrap().is_empty());
    // A ground for a batch of employees.
    let staff = vec![(
        2,
        draft(Kind::Employee, &[(Field::Surname, "E"), (Field::Name, "F")]),
    )];
    let bad = v.add_people(
        &staff,
        &ground("art9_10", ""),
        false,
        BatchSource::Import,
        &mut |_, _| {},
    );
    assert_eq!(reason(&bad.unwrap_err()), "legal_ground_law_required");
    assert!(
        v.add_people(
            &staff,
            &ground("art9_10", "Labour Code"),
            false,
            BatchSource::Import,
            &mut |_, _| {}
        )
        .unwrap()
        .imported
    );
}

#[test]
fn a_lapsed_basis_puts_the_person_on_the_list_with_one_working_day() {
    let (_t, _d, v) = vault();
    let p = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Серікова"), (Field::Name, "Айгүл")],
            ),
            &consent(&["humanitarian_aid"]),
        )
        .unwrap();
    assert!(v.lapsed_bases(today()).unwrap().is_empty());
    let number = v.consents(p.id).unwrap()[0].number;
    v.withdraw_consent(
        number,
        &WithdrawalDraft {
            scope: Scope::All,
            requested_on: None,
            channel: "paper".into(),
            refusal: None,
        },
    )
    .unwrap();
    let l = v.lapsed_bases(today()).unwrap();
    assert_eq!(l.len(), 1);
    assert_eq!(
        (l[0].number, l[0].reason),
        (p.number, LapseReason::ConsentWithdrawn)
    );
    assert_eq!(l[0].since, today());
    assert_eq!(
        l[0].clock.due,
        v.calendar().unwrap().add_working_days(today(), 1).ok()
    );
    // Seen on the day after next, it is overdue.
    let later = v.calendar().unwrap().add_working_days(today(), 2).unwrap();
    assert_eq!(
        v.lapsed_bases(later).unwrap()[0].clock.state,
        crate::calendar::clock::ClockState::Overdue
    );
    // A legal hold keeps the person off the list; so does a ground set for many at once.
    v.hold(p.id, "litigation").unwrap();
    assert!(v.lapsed_bases(today()).unwrap().is_empty());
    v.release_hold(p.id).unwrap();
    assert_eq!(v.lapsed_bases(today()).unwrap().len(), 1);
    assert_eq!(
        v.set_basis_many(&[p.id], &consent(&["humanitarian_aid"]))
            .unwrap(),
        1
    );
    assert!(v.lapsed_bases(today()).unwrap().is_empty());
}

#[test]
fn a_retention_period_set_by_law_is_a_basis_until_it_ends() {
    let (_t, _d, v) = vault();
    // An employee whose ground was cleared is still kept under the law on accounting (10 years
    // after employment ends, the default rule): not on the list while that runs.
    let e = v
        .add_subject(
            &draft(
                Kind::Employee,
                &[(Field::Surname, "Ахметов"), (Field::Name, "Руслан")],
            ),
            &ground("art9_10", "Labour Code"),
        )
        .unwrap();
    v.set_legal_ground(e.id, None).unwrap();
    assert!(v.lapsed_bases(today()).unwrap().is_empty());
    // A ground without its law (as old vaults have after the move to sub-paragraphs) is listed.
    v.conn()
        .execute("UPDATE subject SET legal_ground = 'art9_10', legal_ground_law = NULL, kind = 'volunteer' WHERE id = ?1", [e.id.to_string()])
        .unwrap();
    let l = v.lapsed_bases(today()).unwrap();
    assert_eq!(l[0].reason, LapseReason::GroundIncomplete);
}

#[test]
fn sub_paragraphs_are_read_as_people_write_them() {
    for (s, code) in [
        ("art9:10", Some("art9_10")),
        ("9(10)", Some("art9_10")),
        ("art9_5", Some("art9_5")),
        ("8", Some("art9_8")),
        ("9(1)", None),
        ("art9:9", None),
        ("x", None),
    ] {
        assert_eq!(subparagraph_code(s), code, "{s}");
    }
    let _ = date!(2026 - 01 - 01);
}

#[test]
fn a_batch_of_consents_needs_the_operator_and_no_minor_and_a_consent_names_a_purpose() {
    let (_t, _d, v) = crate::test_support::bare_vault();
    let adult = draft(
        Kind::Beneficiary,
        &[(Field::Surname, "A"), (Field::Name, "B")],
    );
    let rows = vec![(2, adult.clone())];
    let e = v
        .add_people(
            &rows,
            &consent(&["legal_aid"]),
            true,
            BatchSource::Import,
            &mut |_, _| {},
        )
        .unwrap_err();
    assert_eq!(
        reason(&e),
        "consent_operator_missing",
        "no consents without the operator"
    );
    let (_t, _d, v) = vault();
    let born = (today() - Duration::days(365 * 9)).to_string();
    let child = draft(
        Kind::Beneficiary,
        &[
            (Field::Surname, "C"),
            (Field::Name, "D"),
            (Field::BirthDate, &born),
        ],
    );
    let report = v
        .add_people(
            &[(2, adult.clone()), (3, child)],
            &consent(&["legal_aid"]),
            false,
            BatchSource::Import,
            &mut |_, _| {},
        )
        .unwrap();
    assert!(!report.imported);
    assert_eq!(
        (report.rejected[0].row, report.rejected[0].code),
        (3, "minor_needs_representative")
    );
    // With no purpose, the consent says so, not that every field is outside.
    assert_eq!(
        reason(&v.add_subject(&adult, &consent(&[])).unwrap_err()),
        "consent_purposes_none"
    );
    assert_eq!(v.lapsed_bases(today()).unwrap().len(), 0);
}
