//! Consent rules on real vaults.

use super::state::state_of;
use super::*;
use crate::error::{Error, Reason};
use crate::register::fields::{Field, Kind, Sex};
use crate::register::subjects::Access;
use crate::test_support::{draft, iin, vault};
use crate::vault::Vault;
use time::macros::date;
use time::Duration;

fn adult(v: &Vault) -> Uuid {
    v.add_subject(
        &draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, "Серікова"),
                (Field::Name, "Айгүл"),
                (Field::Iin, &iin(date!(1990 - 03 - 08), Sex::Female, 10)),
            ],
        ),
        &crate::test_support::basis(),
    )
    .unwrap()
    .id
}

fn minor(v: &Vault) -> Uuid {
    let born = today() - Duration::days(365 * 10);
    v.add_subject(
        &draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, "Нұрланов"),
                (Field::Name, "Ерасыл"),
                (Field::BirthDate, &born.to_string()),
            ],
        ),
        &crate::test_support::basis(),
    )
    .unwrap()
    .id
}

fn basic() -> ConsentDraft {
    ConsentDraft {
        purposes: vec!["legal_aid".into()],
        form: Some(ConsentForm::Paper),
        ..Default::default()
    }
}

fn publishing() -> ConsentDraft {
    ConsentDraft {
        publication: Some("the organisation's annual report".into()),
        ..basic()
    }
}

#[test]
fn a_consent_states_every_item_of_article_8_4() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    let c = v
        .add_consent(
            id,
            &ConsentDraft {
                third_parties: Some("UNICEF Kazakhstan".into()),
                valid_until: Some("31.12.2030".into()),
                ..basic()
            },
        )
        .unwrap();
    assert_eq!(c.number, 1);
    assert_eq!(c.operator_name, "«Жәрдем» қоғамдық бірлестігі");
    assert_eq!(c.operator_bin.len(), 12);
    assert_eq!(c.subject_name, "Серікова Айгүл");
    assert_eq!(c.valid_until.as_deref(), Some("2030-12-31"));
    assert!(c.third_parties && !c.cross_border && !c.publication);
    assert_eq!(c.purposes, vec!["legal_aid"]);
    // The data list comes from the inventory for this purpose and kind.
    assert!(c.data_fields.contains(&"iin".to_string()));
    assert!(!c.data_fields.contains(&"household_size".to_string()));
    assert_eq!(c.state, ConsentState::Active);
    assert_eq!(v.consents(id).unwrap().len(), 1);
    let e = &v.journal(1, 0).unwrap().1[0];
    assert_eq!(e.action, "consent.recorded");
    let journaled = serde_json::to_string(e).unwrap();
    assert!(!journaled.contains("Серікова") && !journaled.contains("UNICEF"));
}

#[test]
fn a_minor_needs_a_legal_representative() {
    let (_t, _d, v) = vault();
    let id = minor(&v);
    assert!(matches!(
        v.add_consent(id, &basic()),
        Err(Error::RepresentativeRequired)
    ));
    let half = ConsentDraft {
        representative: Some(Representative {
            name: "Нұрланова Гүлнар".into(),
            relation: "".into(),
            document: "Туу туралы куәлік № 123".into(),
        }),
        ..basic()
    };
    assert!(matches!(
        v.add_consent(id, &half),
        Err(Error::InvalidInput {
            field: "representative_relation",
            ..
        })
    ));
    let full = ConsentDraft {
        representative: Some(Representative {
            name: "Нұрланова Гүлнар".into(),
            relation: "анасы".into(),
            document: "Туу туралы куәлік № 123".into(),
        }),
        ..basic()
    };
    let c = v.add_consent(id, &full).unwrap();
    assert_eq!(c.representative.unwrap().relation, "анасы");
    // Age is judged on the consent's date: the same child as an adult needs no representative.
    assert!(v.check_consent_draft(adult(&v), &basic()).is_ok());
}

#[test]
fn without_a_birth_date_the_iin_tells_the_age() {
    let (_t, _d, v) = vault();
    let born = today() - Duration::days(365 * 12);
    let child = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Бала"),
                    (Field::Name, "Кіші"),
                    (Field::Iin, &iin(born, Sex::Male, 7)),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    // The IIN filled the birth date in; clear it to leave only the IIN.
    v.conn()
        .execute("UPDATE subject SET birth_date = NULL", [])
        .unwrap();
    assert!(matches!(
        v.add_consent(child, &basic()),
        Err(Error::RepresentativeRequired)
    ));
}

#[test]
fn a_consent_and_its_scan_are_recorded_together_or_not_at_all() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    assert!(v
        .add_consent_with_evidence(id, &basic(), Some(b"not a scan"))
        .is_err());
    assert!(v.consents(id).unwrap().is_empty());
    let c = v
        .add_consent_with_evidence(id, &basic(), Some(b"%PDF-1.4 signed"))
        .unwrap();
    assert_eq!(c.evidence.unwrap().media_type, "application/pdf");
}

#[test]
fn age_is_counted_in_whole_years_on_the_day() {
    assert_eq!(age_on(date!(2008 - 11 - 22), date!(2026 - 11 - 21)), 17);
    assert_eq!(age_on(date!(2008 - 11 - 22), date!(2026 - 11 - 22)), 18);
    assert_eq!(age_on(date!(2008 - 02 - 29), date!(2026 - 02 - 28)), 17);
}

#[test]
fn public_needs_an_active_consent_to_publication() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    assert!(matches!(
        v.set_access(id, Access::Public),
        Err(Error::PublicationConsentRequired { number: 1 })
    ));
    v.add_consent(id, &basic()).unwrap();
    assert!(
        v.set_access(id, Access::Public).is_err(),
        "no publication scope"
    );
    let expired = ConsentDraft {
        given_on: Some("01.01.2020".into()),
        valid_until: Some("31.12.2020".into()),
        ..publishing()
    };
    let c = v.add_consent(id, &expired).unwrap();
    assert_eq!(c.state, ConsentState::Expired);
    assert!(v.set_access(id, Access::Public).is_err(), "expired");
    v.add_consent(id, &publishing()).unwrap();
    v.set_access(id, Access::Public).unwrap();
    assert_eq!(v.subject(id).unwrap().access, Access::Public);
}

#[test]
fn withdrawing_publication_makes_the_person_restricted() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    let c = v.add_consent(id, &publishing()).unwrap();
    v.set_access(id, Access::Public).unwrap();
    let c = v
        .withdraw_consent(
            c.number,
            &WithdrawalDraft {
                scope: Scope::Publication,
                requested_on: None,
                channel: "written application".into(),
                refusal: None,
            },
        )
        .unwrap();
    assert!(!c.publication);
    assert_eq!(c.state, ConsentState::Active, "the rest stays in force");
    let p = v.subject(id).unwrap();
    assert_eq!(p.access, Access::Restricted);
    assert!(!p.lifecycle.publication_consent);
    let history: Vec<String> = v
        .subject_history(id)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(history.contains(&"subject.access_changed".to_string()));
    assert!(v.set_access(id, Access::Public).is_err());
}

#[test]
fn withdrawing_the_whole_consent_and_refusing_with_a_reason() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    let c = v.add_consent(id, &publishing()).unwrap();
    v.set_access(id, Access::Public).unwrap();
    let refuse = |note: &str| WithdrawalDraft {
        scope: Scope::All,
        requested_on: None,
        channel: "e-mail".into(),
        refusal: Some(Refusal {
            ground: RefusalGround::Obligation,
            note: note.into(),
        }),
    };
    assert!(matches!(
        v.withdraw_consent(c.number, &refuse("  ")),
        Err(Error::InvalidInput {
            field: "refusal_note",
            ..
        })
    ));
    let refused = v
        .withdraw_consent(
            c.number,
            &refuse("The grant agreement's reporting is unfinished"),
        )
        .unwrap();
    assert_eq!(
        refused.state,
        ConsentState::Active,
        "a refused withdrawal changes nothing"
    );
    assert_eq!(v.subject(id).unwrap().access, Access::Public);
    let done = v
        .withdraw_consent(
            c.number,
            &WithdrawalDraft {
                refusal: None,
                ..refuse("")
            },
        )
        .unwrap();
    assert_eq!(done.state, ConsentState::Withdrawn);
    assert_eq!(done.withdrawals.len(), 2);
    assert_eq!(v.subject(id).unwrap().access, Access::Restricted);
    assert!(v
        .withdraw_consent(
            c.number,
            &WithdrawalDraft {
                refusal: None,
                ..refuse("")
            }
        )
        .is_err());
}

#[test]
fn states_follow_the_calendar() {
    let on = date!(2026 - 06 - 01);
    assert_eq!(state_of(None, false, on), ConsentState::Active);
    assert_eq!(
        state_of(Some("2026-07-01"), false, on),
        ConsentState::Expiring
    );
    assert_eq!(
        state_of(Some("2026-07-02"), false, on),
        ConsentState::Active
    );
    assert_eq!(
        state_of(Some("2026-06-01"), false, on),
        ConsentState::Expiring
    );
    assert_eq!(
        state_of(Some("2026-05-31"), false, on),
        ConsentState::Expired
    );
    assert_eq!(
        state_of(Some("2030-01-01"), true, on),
        ConsentState::Withdrawn
    );
}

#[test]
fn purposes_dates_scopes_and_the_operator_are_checked() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    let field = |d: ConsentDraft| match v.add_consent(id, &d) {
        Err(Error::InvalidInput {
            field,
            reason: Reason { code, .. },
        }) => (field, code),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert_eq!(
        field(ConsentDraft {
            purposes: vec![],
            ..basic()
        }),
        ("purposes", "consent_purposes_none")
    );
    assert_eq!(
        field(ConsentDraft {
            purposes: vec!["marketing".into()],
            ..basic()
        }),
        ("purposes", "consent_purpose_unknown")
    );
    assert_eq!(
        field(ConsentDraft {
            purposes: vec!["payroll".into()],
            ..basic()
        }),
        ("purposes", "consent_purpose_no_data"),
        "payroll is for employees"
    );
    assert_eq!(
        field(ConsentDraft {
            form: None,
            ..basic()
        }),
        ("form", "consent_form_missing")
    );
    assert_eq!(
        field(ConsentDraft {
            form: Some(ConsentForm::Egov),
            ..basic()
        }),
        ("form_reference", "consent_reference_missing")
    );
    assert_eq!(
        field(ConsentDraft {
            given_on: Some("01.01.2099".into()),
            ..basic()
        }),
        ("given_on", "consent_given_in_future")
    );
    assert_eq!(
        field(ConsentDraft {
            valid_until: Some("01.01.2000".into()),
            ..basic()
        }),
        ("valid_until", "consent_end_before_start")
    );
    assert_eq!(
        field(ConsentDraft {
            cross_border: Some(" ".into()),
            ..basic()
        }),
        ("cross_border", "cross_border_countries_missing")
    );
    assert_eq!(
        field(ConsentDraft {
            valid_from: Some("01.01.2099".into()),
            ..basic()
        }),
        ("valid_from", "consent_start_in_future")
    );
    let payroll = v
        .add_consent(
            id,
            &ConsentDraft {
                purposes: vec!["payroll".into()],
                ..basic()
            },
        )
        .unwrap_err();
    assert_eq!(
        payroll.to_string(),
        "The purpose \"payroll\" collects no data about a beneficiary in the approved inventory."
    );
    assert_eq!(
        crate::words::error(crate::words::Lang::Ru, &payroll),
        "Цель «payroll» по утверждённому перечню не предусматривает сбора данных о благополучателе."
    );
    assert!(v.consents(id).unwrap().is_empty(), "nothing half-written");
    let (_t2, _d2, other) = crate::test_support::bare_vault();
    let id2 = adult(&other);
    assert!(matches!(
        other.add_consent(id2, &basic()),
        Err(Error::InvalidInput {
            field: "organisation",
            ..
        })
    ));
}

#[test]
fn evidence_is_recognised_by_content_and_capped() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    let c = v.add_consent(id, &basic()).unwrap();
    let code = |r: Result<Evidence>| match r {
        Err(Error::InvalidInput {
            field: "evidence",
            reason: Reason { code, .. },
        }) => code,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(matches!(
        v.consent_evidence(c.number),
        Err(Error::InvalidInput {
            reason: Reason {
                code: "evidence_missing",
                ..
            },
            ..
        })
    ));
    assert_eq!(
        code(v.attach_consent_evidence(c.number, b"MZ\x90\x00 not a scan")),
        "evidence_type"
    );
    assert_eq!(
        code(v.attach_consent_evidence(c.number, b"")),
        "evidence_type"
    );
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(MAX_EVIDENCE_BYTES + 1, b' ');
    let e = v.attach_consent_evidence(c.number, &big).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The scan is larger than 10 MB; scan it at a lower resolution."
    );
    let png = [
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
        b"rest",
    ]
    .concat();
    let e = v.attach_consent_evidence(c.number, &png).unwrap();
    assert_eq!(e.media_type, "image/png");
    assert_eq!(v.consent(c.number).unwrap().evidence.unwrap().size, 12);
    let (t, bytes) = v.consent_evidence(c.number).unwrap();
    assert_eq!((t.as_str(), bytes), ("image/png", png));
}

#[test]
fn a_blocked_person_takes_no_new_consent_and_a_ground_counts_as_a_basis() {
    let (_t, _d, v) = vault();
    let id = adult(&v);
    let emp = v
        .add_subject(
            &draft(
                Kind::Employee,
                &[(Field::Surname, "Ахметов"), (Field::Name, "Руслан")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    // Both came in with a ground; without it they are on the list.
    v.set_legal_ground(id, None).unwrap();
    v.set_legal_ground(emp, None).unwrap();
    assert_eq!(v.consent_overview(today()).unwrap().without_basis, 2);
    let g = |sub: &str, law: &str| crate::lifecycle::basis::Ground {
        subparagraph: sub.into(),
        law: law.into(),
        purposes: vec![],
    };
    v.set_legal_ground(emp, Some(&g("art9_10", "Labour Code, Art. 23")))
        .unwrap();
    assert!(v.set_legal_ground(emp, Some(&g("because", "x"))).is_err());
    // A ground of courts and statistics is not an NGO's; a ground names its law.
    assert!(v.set_legal_ground(emp, Some(&g("art9_9", "x"))).is_err());
    assert!(v.set_legal_ground(emp, Some(&g("art9_10", " "))).is_err());
    v.add_consent(id, &basic()).unwrap();
    let o = v.consent_overview(today()).unwrap();
    assert_eq!((o.active, o.without_basis), (1, 0));
    v.block(id, "subject_request").unwrap();
    assert!(matches!(
        v.add_consent(id, &basic()),
        Err(Error::Blocked { number: 1 })
    ));
}
