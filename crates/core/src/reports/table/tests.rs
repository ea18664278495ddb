use super::read::Units;
use super::*;
use crate::error::{Error, Reason};
use crate::lifecycle::end::Ground;
use crate::register::fields::{Field, Kind, Sex};
use crate::test_support::{draft, iin, vault};
use time::macros::date;

fn unit(region: &str, sex: &str, age: u32, month: &str) -> Unit {
    Unit {
        kind: "beneficiary".into(),
        sex: Some(sex.into()),
        age: Some(age),
        region: Some(region.into()),
        district: None,
        programme: None,
        disability: false,
        month: month.into(),
        service_type: None,
        household_size: None,
        anonymous: false,
    }
}

fn spec(by: &[Dimension]) -> ReportSpec {
    ReportSpec {
        from: "2026-01".into(),
        to: "2026-12".into(),
        by: by.to_vec(),
        ..Default::default()
    }
}

fn units(list: Vec<Unit>) -> Units {
    Units {
        units: list,
        blocked_left_out: 0,
    }
}

/// n copies of a unit.
fn many(n: usize, u: Unit) -> Vec<Unit> {
    vec![u; n]
}

#[test]
fn counts_add_up_with_totals() {
    let mut list = many(10, unit("astana", "male", 30, "2026-02"));
    list.extend(many(12, unit("astana", "female", 40, "2026-03")));
    list.extend(many(7, unit("almaty_city", "female", 20, "2026-05")));
    list.extend(many(9, unit("almaty_city", "male", 20, "2026-05")));
    let r = build(
        &spec(&[Dimension::Region, Dimension::Sex]),
        &units(list),
        Lang::En,
    )
    .unwrap();
    assert_eq!(r.axes[0].categories[0].label, "Astana");
    assert_eq!(r.axes[1].categories[1].label, "Female");
    let p = &r.panels[0];
    assert_eq!(p.columns, vec!["Male", "Female", "Total"]);
    let texts: Vec<Vec<&str>> = p
        .rows
        .iter()
        .map(|row| row.cells.iter().map(|c| c.text.as_str()).collect())
        .collect();
    assert_eq!(
        texts,
        vec![
            vec!["10", "12", "22"],
            vec!["9", "7", "16"],
            vec!["19", "19", "38"]
        ]
    );
    assert_eq!(r.grand_total, Some(38));
    assert_eq!(r.primary + r.secondary, 0);
    assert_eq!(
        p.chart,
        vec![("Astana".into(), Some(22)), ("Almaty".into(), Some(16))]
    );
}

#[test]
fn small_cells_are_hidden_and_cannot_be_recovered_from_totals() {
    let mut list = many(2, unit("astana", "male", 30, "2026-02"));
    list.extend(many(12, unit("astana", "female", 40, "2026-03")));
    list.extend(many(7, unit("almaty_city", "female", 20, "2026-05")));
    list.extend(many(9, unit("almaty_city", "male", 20, "2026-05")));
    list.extend(many(8, unit("shymkent", "male", 20, "2026-05")));
    list.extend(many(6, unit("shymkent", "female", 20, "2026-05")));
    let r = build(
        &spec(&[Dimension::Region, Dimension::Sex]),
        &units(list),
        Lang::Ru,
    )
    .unwrap();
    let rows = &r.panels[0].rows;
    assert_eq!(rows[0].cells[0].text, "<5");
    assert_eq!(rows[0].cells[0].count, None);
    assert!(r.secondary >= 3);
    // Nothing hidden can be had back by subtraction in its row or column.
    for row in rows {
        assert_ne!(row.cells.iter().filter(|c| c.count.is_none()).count(), 1);
    }
    for c in 0..3 {
        assert_ne!(
            rows.iter().filter(|r| r.cells[c].count.is_none()).count(),
            1
        );
    }
    assert!(r.method[0].contains("«<5»"));
}

#[test]
fn a_third_dimension_makes_one_table_per_category_and_a_total_table() {
    let mut list = many(10, unit("astana", "male", 30, "2026-02"));
    list.extend(many(10, unit("astana", "female", 70, "2026-08")));
    let r = build(
        &spec(&[Dimension::Region, Dimension::Sex, Dimension::Quarter]),
        &units(list),
        Lang::Kk,
    )
    .unwrap();
    // Four quarters (even empty ones) and their total.
    assert_eq!(r.panels.len(), 5);
    assert_eq!(
        r.panels[0].title.as_deref(),
        Some("Тоқсан: 2026 ж. 1-тоқсан")
    );
    assert_eq!(r.panels[4].title.as_deref(), Some("Тоқсан: Барлығы"));
    assert_eq!(
        r.panels[4].rows.last().unwrap().cells.last().unwrap().text,
        "20"
    );
}

#[test]
fn age_bands_are_configurable_and_missing_values_are_not_stated() {
    let mut list = many(5, unit("astana", "male", 17, "2026-02"));
    list.extend(many(6, unit("astana", "male", 18, "2026-02")));
    let mut no_age = unit("astana", "male", 0, "2026-02");
    no_age.age = None;
    list.extend(many(5, no_age));
    let mut s = spec(&[Dimension::AgeBand]);
    let r = build(&s, &units(list.clone()), Lang::En).unwrap();
    let labels: Vec<_> = r.axes[0]
        .categories
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, vec!["0–17", "18–29", "Not stated"]);
    s.age_bands = vec![0, 14, 65];
    let r = build(&s, &units(list), Lang::En).unwrap();
    let labels: Vec<_> = r.axes[0]
        .categories
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, vec!["14–64", "Not stated"]);
    s.age_bands = vec![5, 18];
    assert!(matches!(
        s.check(),
        Err(Error::InvalidInput {
            field: "age_bands",
            ..
        })
    ));
}

#[test]
fn specs_that_make_no_sense_are_refused_in_a_sentence() {
    let mut s = spec(&[Dimension::ServiceType]);
    assert!(s.check().unwrap_err().to_string().contains("service type"));
    s.measure = Measure::Services;
    assert!(s.check().is_ok());
    s.threshold = 2;
    let e = s.check().unwrap_err();
    assert!(matches!(
        &e,
        Error::InvalidInput {
            field: "threshold",
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        "The small-cell threshold is between 3 and 100."
    );
    assert_eq!(
        crate::words::error(Lang::Ru, &e),
        "Порог малых ячеек — от 3 до 100."
    );
    assert_eq!(
        crate::words::error(Lang::Kk, &e),
        "Шағын ұяшық шегі 3-тен 100-ге дейін."
    );
    let mut s = spec(&[
        Dimension::Region,
        Dimension::Sex,
        Dimension::Kind,
        Dimension::Month,
    ]);
    assert!(s.check().is_err());
    s.by = vec![Dimension::Sex, Dimension::Sex];
    assert!(s.check().is_err());
    s.by = vec![];
    s.from = "2026-13".into();
    assert!(matches!(
        s.check(),
        Err(Error::InvalidInput { field: "from", .. })
    ));
    s.from = "2027-01".into();
    assert!(matches!(
        s.check(),
        Err(Error::InvalidInput { field: "to", .. })
    ));
}

#[test]
fn a_table_too_small_to_protect_is_refused() {
    let list = vec![
        unit("astana", "male", 30, "2026-02"),
        unit("almaty_city", "male", 30, "2026-02"),
        unit("shymkent", "male", 30, "2026-02"),
        unit("abai", "male", 30, "2026-02"),
    ];
    // Four 1s whose "<5" total can only be 4.
    let e = build(
        &spec(&[Dimension::Region, Dimension::Sex]),
        &units(list),
        Lang::En,
    )
    .unwrap_err();
    assert!(matches!(
        &e,
        Error::InvalidInput {
            field: "by",
            reason: Reason {
                code: "report_too_few_people",
                ..
            }
        }
    ));
    assert!(e.to_string().starts_with("Too few people"));
}

/// The register and anonymous records together, read from a real vault.
#[test]
fn reads_the_register_and_anonymous_records_and_leaves_blocked_people_out() {
    let (_t, _dir, v) = vault();
    let mut ids = Vec::new();
    for i in 0..14u16 {
        let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
        let mut d = draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, "Test"),
                (Field::Name, "Person"),
                (Field::Iin, &iin(date!(1990 - 05 - 01), sex, i + 1)),
                (Field::Region, "astana"),
            ],
        );
        d.services = vec![
            crate::register::fields::ServiceDraft {
                date: "2026-03-10".into(),
                service_type: "food_package".into(),
            },
            crate::register::fields::ServiceDraft {
                date: "2026-04-02".into(),
                service_type: "Haircut".into(),
            },
            crate::register::fields::ServiceDraft {
                date: "2025-04-02".into(),
                service_type: "shelter".into(),
            },
        ];
        ids.push(v.add_subject(&d, &crate::test_support::basis()).unwrap().id);
    }
    // Two anonymised (still counted), one blocked (left out).
    v.anonymise(&ids[0..2], Ground::Request, None).unwrap();
    v.block(ids[2], "court").unwrap();

    let mut s = spec(&[Dimension::Sex]);
    s.from = "2026-01".into();
    let r = v.report(&s, Lang::En).unwrap();
    assert_eq!(r.grand_total, Some(13));
    assert_eq!(r.from_anonymous_records, 2);
    assert_eq!(r.blocked_left_out, 1);
    assert!(r.method.iter().any(|m| m.contains("Blocked")));

    s.measure = Measure::Services;
    s.by = vec![Dimension::ServiceType, Dimension::Month];
    s.to = "2026-04".into();
    let r = v.report(&s, Lang::En).unwrap();
    let types: Vec<_> = r.axes[0]
        .categories
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    // Free-text types count as "other"; 2025 services are outside the period.
    assert_eq!(types, vec!["food_package", "other"]);
    assert_eq!(r.grand_total, Some(26));
    assert_eq!(r.axes[1].categories.len(), 4);

    let (_, entries) = v.journal(5, 0).unwrap();
    assert_eq!(entries[0].action, "report.built");
    let details = entries[0].details.to_string();
    assert!(!details.contains("Test") && details.contains("service_type"));
}

#[test]
fn with_no_breakdown_the_report_is_one_total() {
    let list = many(12, unit("astana", "male", 30, "2026-02"));
    let r = build(&spec(&[]), &units(list), Lang::En).unwrap();
    assert_eq!(r.grand_total, Some(12));
    assert_eq!(r.panels[0].rows[0].cells[0].text, "12");
    let r = build(
        &spec(&[]),
        &units(many(3, unit("astana", "male", 30, "2026-02"))),
        Lang::En,
    )
    .unwrap();
    assert_eq!(r.grand_total, None);
    assert_eq!(r.panels[0].rows[0].cells[0].text, "<5");
}

#[test]
fn one_connection_or_two_read_the_same() {
    use crate::vault::tests::without_second_reader;
    let (_t, _d, v) = vault();
    crate::demo::fill(&v, 400, 11).unwrap();
    let today = crate::lifecycle::consent::today();
    let year = today.year();
    let spec = |measure, by: &[Dimension]| ReportSpec {
        from: format!("{}-01", year - 2),
        to: format!("{year}-12"),
        measure,
        by: by.to_vec(),
        kinds: vec![],
        ..Default::default()
    };
    let people = spec(Measure::People, &[Dimension::Region]);
    let services = spec(Measure::Services, &[Dimension::ServiceType]);
    let release = crate::reports::release::ReleaseSpec {
        from: format!("{}-01", year - 2),
        to: format!("{year}-12"),
        kinds: vec![],
        sensitive: Some(crate::reports::release::Sensitive::ServiceType),
        l: Some(2),
        ..Default::default()
    };
    let read = || {
        (
            serde_json::to_value(compute(&v, &people, Lang::En).unwrap()).unwrap(),
            serde_json::to_value(compute(&v, &services, Lang::En).unwrap()).unwrap(),
            serde_json::to_value(crate::reports::release::compute(&v, &release, Lang::En).unwrap())
                .unwrap(),
            serde_json::to_value(v.due(today).unwrap()).unwrap(),
        )
    };
    let two = read();
    let one = without_second_reader(read);
    assert!(
        two.1["grandTotal"].as_i64().unwrap() > 0,
        "services were counted"
    );
    assert!(
        !two.3["people"].as_array().unwrap().is_empty(),
        "someone is due"
    );
    assert_eq!(one, two);
}

#[test]
fn the_method_note_counts_cells_in_each_language() {
    let s = spec(&[Dimension::Region]);
    let m = |lang, primary, secondary| {
        let how = crate::reports::suppression::Method::Optimal;
        super::panels::method_sentences(&s, lang, (primary, secondary, how), 0, 0)
    };
    assert_eq!(
        m(Lang::En, 3, 4),
        vec![
            "Counts below 5 are shown as \"<5\" (primary suppression): 3 cells.",
            "So that no hidden count can be worked out from the totals, 4 more cells are hidden \
             as \"x\" (secondary suppression); this was checked by linear programming.",
            "The cells hidden as \"x\" were chosen by an integer programme over the whole table: \
             the fewest cells, then the smallest counts (the optimal method of the statistical \
             offices' tau-ARGUS).",
            "The table holds no names, IINs, contacts or addresses (Article 17 of Law No. 94-V).",
        ]
    );
    // One cell is one cell.
    assert_eq!(
        m(Lang::En, 1, 1)[..2],
        [
            "Counts below 5 are shown as \"<5\" (primary suppression): 1 cell.",
            "So that no hidden count can be worked out from the totals, 1 more cell is hidden \
             as \"x\" (secondary suppression); this was checked by linear programming.",
        ]
    );
    assert_eq!(
        m(Lang::Ru, 21, 0)[0],
        "Значения меньше 5 показаны как «<5» (первичное скрытие): ячеек — 21."
    );
    assert_eq!(
        m(Lang::Kk, 2, 1)[0],
        "Шегі 5: одан кіші сандар «<5» деп көрсетілген (бастапқы жасыру): 2 ұяшық."
    );
}

#[test]
fn a_fragmented_table_says_the_share_it_would_lose() {
    let refusal = |percent: i64| {
        crate::Error::invalid("by", "report_too_fragmented")
            .with("percent", percent)
            .with("limit", 80)
    };
    for lang in Lang::ALL {
        let said = crate::words::error(lang, &refusal(85));
        assert!(said.contains("85") && said.contains("80"), "{said}");
    }
    let said = crate::words::error(Lang::En, &refusal(-1));
    assert!(said.starts_with("Too many small groups"), "{said}");
}
