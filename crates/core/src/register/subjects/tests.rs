//! The register's rules on real vaults.

use super::search::{age_band_bounds, years_before};
use super::*;
use crate::register::fields::{ServiceDraft, Sex};
use crate::register::ids::Iin;
use crate::vault::keyslots::MIN_MEMORY_KIB;
use crate::{KdfParams, Password};
use time::macros::date;

fn vault() -> (tempfile::TempDir, Vault) {
    let t = tempfile::tempdir().unwrap();
    let pw = Password::new("correct horse battery staple");
    let cheap = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
    let (v, _) = Vault::create(&t.path().join("v"), "Test", &pw, &pw.clone(), cheap).unwrap();
    (t, v)
}

fn iin(birth: Date, sex: Sex, serial: u16) -> String {
    (serial..)
        .find_map(|s| Iin::synthesize(birth, sex, s))
        .unwrap()
        .as_string()
}

fn draft(kind: Kind, pairs: &[(Field, &str)]) -> PersonDraft {
    PersonDraft {
        kind: Some(kind),
        values: pairs.iter().map(|(f, v)| (*f, v.to_string())).collect(),
        services: vec![],
        registered_on: None,
    }
}

fn aigul() -> PersonDraft {
    draft(
        Kind::Beneficiary,
        &[
            (Field::Surname, "Серікова"),
            (Field::Name, "Айгүл"),
            (Field::Patronymic, "Болатқызы"),
            (Field::Iin, &iin(date!(1990 - 03 - 08), Sex::Female, 10)),
            (Field::Phone, "8 (701) 234-56-78"),
            (Field::Region, "Қарағанды облысы"),
        ],
    )
}

fn codes(e: Error) -> Vec<(String, &'static str)> {
    match e {
        Error::Invalid { problems } => problems.into_iter().map(|p| (p.field, p.code)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn last_action(v: &Vault) -> journal::Entry {
    v.journal(1, 0).unwrap().1.remove(0)
}

#[test]
fn a_valid_person_is_stored_restricted_with_birth_date_and_sex_from_the_iin() {
    let (_t, v) = vault();
    let p = v
        .add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    assert_eq!(p.number, 1);
    assert_eq!(p.access, Access::Restricted);
    assert_eq!(p.values[&Field::BirthDate].value, "1990-03-08");
    assert_eq!(p.values[&Field::Sex].value, "female");
    assert_eq!(p.values[&Field::Phone].value, "+77012345678");
    assert_eq!(p.values[&Field::Region].value, "karaganda");
    let shown = &p.values[&Field::Iin];
    assert!(shown.masked && shown.sensitive);
    assert!(shown.value.starts_with("90") && shown.value.contains('•'));
    let e = v.journal(2, 0).unwrap().1.remove(1);
    assert_eq!(e.action, "subject.created");
    assert!(
        !serde_json::to_string(&e).unwrap().contains("Серікова"),
        "no personal data in the journal"
    );
}

#[test]
fn the_iin_must_agree_with_birth_date_and_sex_and_the_error_names_the_field() {
    let (_t, v) = vault();
    let mut d = aigul();
    d.values.insert(Field::BirthDate, "09.03.1990".into());
    d.values.insert(Field::Sex, "ер".into());
    let c = codes(
        v.add_subject(&d, &crate::test_support::basis())
            .unwrap_err(),
    );
    assert!(
        c.contains(&("birth_date".into(), "iin_birth_date_mismatch")),
        "{c:?}"
    );
    assert!(c.contains(&("sex".into(), "iin_sex_mismatch")), "{c:?}");

    let mut d = aigul();
    let mut bad = d.values[&Field::Iin].clone();
    let last = bad.pop().unwrap().to_digit(10).unwrap();
    bad.push(char::from_digit((last + 1) % 10, 10).unwrap());
    d.values.insert(Field::Iin, bad);
    assert_eq!(
        codes(
            v.add_subject(&d, &crate::test_support::basis())
                .unwrap_err()
        ),
        [("iin".to_string(), "iin_check_digit")]
    );
    assert_eq!(
        v.list_subjects(&Query::default()).unwrap().total,
        0,
        "nothing stored"
    );
}

#[test]
fn dates_phones_regions_and_sizes_are_checked() {
    let (_t, v) = vault();
    let d = draft(
        Kind::Beneficiary,
        &[
            (Field::Surname, "А"),
            (Field::Name, "Б"),
            (Field::BirthDate, "01.01.2999"),
            (Field::Phone, "12345"),
            (Field::Region, "Atlantis"),
            (Field::HouseholdSize, "0"),
            (Field::Email, "not-an-email"),
        ],
    );
    let c: Vec<&str> = codes(
        v.add_subject(&d, &crate::test_support::basis())
            .unwrap_err(),
    )
    .into_iter()
    .map(|(_, c)| c)
    .collect();
    for expected in [
        "date_future",
        "phone_length",
        "region_unknown",
        "number_invalid",
        "email_invalid",
    ] {
        assert!(c.contains(&expected), "{expected} missing from {c:?}");
    }
    let c = codes(
        v.add_subject(
            &draft(Kind::Beneficiary, &[(Field::Name, "Б")]),
            &crate::test_support::basis(),
        )
        .unwrap_err(),
    );
    assert_eq!(c, [("surname".to_string(), "required")]);
    let c = codes(
        v.add_subject(
            &PersonDraft {
                kind: None,
                ..aigul()
            },
            &crate::test_support::basis(),
        )
        .unwrap_err(),
    );
    assert_eq!(c, [("kind".to_string(), "required")]);
}

#[test]
fn only_fields_in_the_approved_inventory_can_be_filled() {
    let (_t, v) = vault();
    let e = draft(
        Kind::Employee,
        &[
            (Field::Surname, "Иванова"),
            (Field::Name, "Елена"),
            (Field::HealthNotes, "—"),
        ],
    );
    assert_eq!(
        codes(
            v.add_subject(&e, &crate::test_support::basis())
                .unwrap_err()
        ),
        [("health_notes".to_string(), "not_in_inventory")]
    );
    let vol = draft(
        Kind::Volunteer,
        &[
            (Field::Surname, "Ким"),
            (Field::Name, "Ольга"),
            (Field::Iin, &iin(date!(2000 - 01 - 01), Sex::Female, 1)),
        ],
    );
    assert_eq!(
        codes(
            v.add_subject(&vol, &crate::test_support::basis())
                .unwrap_err()
        ),
        [("iin".to_string(), "not_in_inventory")]
    );

    // A new inventory version without phones for beneficiaries closes that field.
    let mut doc = v.inventory().unwrap().document;
    for p in &mut doc.purposes {
        if let Some(fields) = p.fields.get_mut(&Kind::Beneficiary) {
            fields.retain(|f| *f != Field::Phone);
        }
    }
    let inv = v.approve_inventory(&doc).unwrap();
    assert_eq!(inv.version, 2);
    assert_eq!(
        codes(
            v.add_subject(&aigul(), &crate::test_support::basis())
                .unwrap_err()
        ),
        [("phone".to_string(), "not_in_inventory")]
    );
}

#[test]
fn a_second_person_with_the_same_iin_is_refused_pointing_to_the_first() {
    let (_t, v) = vault();
    v.add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    let mut twin = aigul();
    twin.values.insert(Field::Surname, "Другая".into());
    match v.add_subject(&twin, &crate::test_support::basis()) {
        Err(Error::DuplicateIin { existing }) => assert_eq!(existing, 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn editing_checks_the_whole_record_and_journals_field_names_only() {
    let (_t, v) = vault();
    let p = v
        .add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    let other = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Ким"),
                    (Field::Name, "Ольга"),
                    (Field::Iin, &iin(date!(1985 - 05 - 05), Sex::Female, 3)),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    let changed = v
        .edit_subject(
            p.id,
            &draft(Kind::Beneficiary, &[(Field::Phone, "+7 777 111 2233")]),
        )
        .unwrap();
    assert_eq!(changed.values[&Field::Phone].value, "+77771112233");
    let e = last_action(&v);
    assert_eq!(e.action, "subject.updated");
    assert_eq!(e.details["fields"], serde_json::json!(["phone"]));
    // Taking another person's IIN is refused.
    let stolen = v.reveal_subject(other.id, &[Field::Iin]).unwrap().values[&Field::Iin]
        .value
        .clone();
    assert!(matches!(
        v.edit_subject(
            p.id,
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Iin, &stolen),
                    (Field::BirthDate, ""),
                    (Field::Sex, "")
                ]
            )
        ),
        Err(Error::DuplicateIin { existing: 2 })
    ));
    // A service is added and dated.
    let with_service = PersonDraft {
        kind: None,
        values: BTreeMap::new(),
        services: vec![ServiceDraft {
            date: "15.02.2024".into(),
            service_type: "legal_consultation".into(),
        }],
        registered_on: None,
    };
    let s = v.edit_subject(p.id, &with_service).unwrap();
    assert_eq!(
        s.services,
        [Service {
            date: "2024-02-15".into(),
            service_type: "legal_consultation".into()
        }]
    );
}

#[test]
fn revealing_shows_clear_values_and_is_journaled() {
    let (_t, v) = vault();
    let p = v
        .add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    let clear = v.reveal_subject(p.id, &[Field::Iin]).unwrap();
    assert!(!clear.values[&Field::Iin].masked);
    assert_eq!(clear.values[&Field::Iin].value.len(), 12);
    let e = last_action(&v);
    assert_eq!(e.action, "subject.revealed");
    assert_eq!(e.details["fields"], serde_json::json!(["iin"]));
    v.subject(p.id).unwrap();
    assert_eq!(last_action(&v).action, "subject.viewed");
}

#[test]
fn search_finds_names_across_kazakh_and_russian_spellings_iin_and_phone() {
    let (_t, v) = vault();
    let p = v
        .add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    v.add_subject(
        &draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, "Семёнов"),
                (Field::Name, "Пётр"),
                (Field::Iin, &iin(date!(1960 - 10 - 10), Sex::Male, 7)),
            ],
        ),
        &crate::test_support::basis(),
    )
    .unwrap();
    v.add_subject(
        &draft(
            Kind::Employee,
            &[
                (Field::Surname, "Жұмабаев"),
                (Field::Name, "Ерлан"),
                (Field::Iin, &iin(date!(2012 - 01 - 01), Sex::Male, 1)),
            ],
        ),
        &crate::test_support::basis(),
    )
    .unwrap();
    let find = |s: &str| -> Vec<i64> {
        v.list_subjects(&Query {
            search: Some(s.into()),
            ..Query::default()
        })
        .unwrap()
        .rows
        .iter()
        .map(|r| r.number)
        .collect()
    };
    assert_eq!(find("серік"), [1]);
    assert_eq!(find("СЕРИК"), [1], "қ/к-style folding and case");
    assert_eq!(find("айгул болат"), [1], "several words");
    assert_eq!(find("семен"), [2], "ё/е");
    assert_eq!(find("жумаб"), [3]);
    let full_iin = v.reveal_subject(p.id, &[Field::Iin]).unwrap().values[&Field::Iin]
        .value
        .clone();
    assert_eq!(find(&full_iin), [1]);
    assert_eq!(find(&full_iin[4..10]), [1], "any part of the IIN");
    assert_eq!(find("8 701 234 56 78"), [1], "phone as typed with 8");
    assert_eq!(find("2345678"), [1]);
    assert_eq!(
        find("8 (701) 234"),
        [1],
        "the start of a phone with the trunk prefix"
    );
    assert_eq!(
        find(&format!("{} {}", &full_iin[..3], &full_iin[3..8])),
        [1],
        "an IIN typed in groups is not a phone"
    );
    assert_eq!(
        find("Се"),
        [2, 1],
        "short queries match the start of a name (Семёнов sorts before Серікова)"
    );
    assert!(find("zzz").is_empty());
    assert!(
        find("\"; DROP TABLE subject; --").is_empty(),
        "SQL and FTS syntax are inert"
    );
}

#[test]
fn filters_by_kind_region_age_band_and_access() {
    let (_t, v) = vault();
    let p = v
        .add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    v.add_subject(
        &draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, "Ахмет"),
                (Field::Name, "Әлі"),
                (Field::Iin, &iin(date!(2015 - 06 - 01), Sex::Male, 1)),
                (Field::Region, "almaty_city"),
            ],
        ),
        &crate::test_support::basis(),
    )
    .unwrap();
    v.add_subject(
        &draft(
            Kind::Employee,
            &[
                (Field::Surname, "Иванова"),
                (Field::Name, "Елена"),
                (Field::BirthDate, "1950-01-01"),
            ],
        ),
        &crate::test_support::basis(),
    )
    .unwrap();
    let count = |q: Query| v.list_subjects(&q).unwrap().total;
    assert_eq!(count(Query::default()), 3);
    assert_eq!(
        count(Query {
            kind: Some(Kind::Employee),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        count(Query {
            region: Some("almaty_city".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        count(Query {
            age_band: Some("0-17".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        count(Query {
            age_band: Some("60+".into()),
            ..Query::default()
        }),
        1
    );
    assert_eq!(
        count(Query {
            age_band: Some("30-44".into()),
            ..Query::default()
        }),
        1
    );
    assert!(v
        .list_subjects(&Query {
            age_band: Some("elderly".into()),
            ..Query::default()
        })
        .is_err());
    // Public needs a consent to publication, which needs the operator named.
    crate::test_support::publishable(&v, p.id);
    v.set_access(p.id, Access::Public).unwrap();
    assert_eq!(
        count(Query {
            access: Some(Access::Public),
            ..Query::default()
        }),
        1
    );
    assert_eq!(last_action(&v).action, "subject.access_changed");
    let page = v
        .list_subjects(&Query {
            limit: Some(2),
            offset: 1,
            ..Query::default()
        })
        .unwrap();
    assert_eq!((page.total, page.rows.len()), (3, 2));
    assert!(
        page.rows
            .iter()
            .all(|r| r.values.get(&Field::Iin).is_none_or(|i| i.contains('•'))),
        "lists mask the IIN"
    );
}

#[test]
fn age_bands_are_exact_at_birthdays() {
    let today = date!(2026 - 11 - 22);
    assert_eq!(
        age_band_bounds("0-17", today),
        Some((Some("2008-11-22".into()), None))
    );
    assert_eq!(
        age_band_bounds("18-29", today),
        Some((Some("1996-11-22".into()), Some("2008-11-22".into())))
    );
    // Born 2008-11-22: 18 today, so not a minor (not after the bound) and within 18-29.
    assert_eq!(
        years_before(date!(2024 - 02 - 29), 1),
        date!(2023 - 02 - 28)
    );
}

#[test]
fn a_stored_person_leaves_no_plaintext_in_any_vault_file() {
    const MARKER: &str = "Маркерқызы";
    let (_t, v) = vault();
    let mut d = aigul();
    d.values.insert(Field::Patronymic, MARKER.into());
    d.values.insert(Field::Notes, "MARKER-NOTE-31337".into());
    v.add_subject(&d, &crate::test_support::basis()).unwrap();
    let dir = v.dir().to_path_buf();
    for e in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        for needle in [
            MARKER.as_bytes(),
            "маркеркызы".as_bytes(),
            b"MARKER-NOTE-31337",
        ] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle));
        }
    }
}

#[test]
fn hostile_values_are_refused_or_stored_inert() {
    let (_t, v) = vault();
    // A 1 MB field is refused with a sentence, not stored.
    let huge = "я".repeat(1_000_000);
    let c = codes(
        v.add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, &huge), (Field::Name, "Б")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap_err(),
    );
    assert_eq!(c, [("surname".to_string(), "too_long")]);
    // Control characters in a name are refused; newlines are fine in notes.
    let c = codes(
        v.add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Ива\u{0}нова"), (Field::Name, "Б")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap_err(),
    );
    assert_eq!(c, [("surname".to_string(), "control_chars")]);
    let ok = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Иванова"),
                    (Field::Name, "Б"),
                    (Field::Notes, "line one\nline two"),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    assert_eq!(ok.values[&Field::Notes].value, "line one\nline two");
    // Markup and SQL are just text: stored as typed, found by search, nothing executed.
    let markup = "<img src=x onerror=alert(1)>'); DROP TABLE subject;--";
    let p = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, markup), (Field::Name, "Б")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    assert_eq!(p.values[&Field::Surname].value, markup);
    assert_eq!(
        v.list_subjects(&Query {
            search: Some("onerror".into()),
            ..Query::default()
        })
        .unwrap()
        .total,
        1
    );
    assert_eq!(v.list_subjects(&Query::default()).unwrap().total, 2);
}

#[test]
fn an_import_names_its_problems_by_code_and_arguments() {
    use crate::register::bulk::BatchSource;
    use crate::words::Lang;
    let (_t, v) = vault();
    let existing = v
        .add_subject(&aigul(), &crate::test_support::basis())
        .unwrap();
    let taken = aigul().values[&Field::Iin].clone();
    let other = iin(date!(1985 - 06 - 15), Sex::Male, 20);
    let person = |iin: &str| {
        draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, "Ким"),
                (Field::Name, "Ольга"),
                (Field::Iin, iin),
            ],
        )
    };
    let rows = [
        (2, person(&other)),
        (3, person(&other)),
        (4, person(&taken)),
        (
            5,
            draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Ким"), (Field::Phone, "+7 912 345 67 89")],
            ),
        ),
    ];
    let report = v
        .add_people(
            &rows,
            &crate::test_support::basis(),
            true,
            BatchSource::Import,
            &mut |_, _| {},
        )
        .unwrap();
    let got: Vec<(usize, &str, &str, serde_json::Value)> = report
        .rejected
        .iter()
        .map(|p| {
            (
                p.row,
                p.field.as_str(),
                p.code,
                serde_json::Value::Object(p.args.clone()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, "iin", "duplicate_iin_in_file", json!({"row": 2})),
            (
                4,
                "iin",
                "duplicate_iin",
                json!({"number": existing.number})
            ),
            (5, "name", "required", json!({})),
            (5, "phone", "phone_not_kazakhstan", json!({})),
        ]
    );
    assert_eq!(
        report.rejected[0].sentence(Lang::En),
        "The same IIN is also in row 2 of the file."
    );
    assert_eq!(
        report.rejected[1].sentence(Lang::Ru),
        format!(
            "Лицо с таким ИИН уже есть в реестре (запись № {}).",
            existing.number
        )
    );
    let text = serde_json::to_string(&report).unwrap();
    assert!(
        !text.contains("message") && !text.contains(&other),
        "{text}"
    );
}
