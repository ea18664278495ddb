use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::error::Reason;

fn unit(age: u32, sex: &str, region: &str, district: &str, service: &str) -> Unit {
    Unit {
        kind: "beneficiary".into(),
        sex: Some(sex.into()),
        age: Some(age),
        region: Some(region.into()),
        district: Some(district.into()),
        programme: None,
        disability: false,
        month: "2026-03".into(),
        service_type: Some(service.into()),
        household_size: Some(3),
        anonymous: false,
    }
}

fn spec() -> ReleaseSpec {
    ReleaseSpec {
        from: "2026-01".into(),
        to: "2026-12".into(),
        ..Default::default()
    }
}

/// A population with skew: most in two districts of Astana, a few in three other regions.
fn population() -> Vec<Unit> {
    let services = ["food_package", "shelter", "legal_consultation", "training"];
    let mut rng = fastrand::Rng::with_seed(7);
    (0..300)
        .map(|_| {
            let (region, district) = match rng.u8(0..10) {
                0..=5 => ("astana", "Есіл"),
                6..=8 => ("astana", "Сарыарқа"),
                _ => (["abai", "shymkent", "akmola"][rng.usize(0..3)], "Орталық"),
            };
            let sex = if rng.bool() { "female" } else { "male" };
            unit(
                rng.u32(18..78),
                sex,
                region,
                district,
                services[rng.usize(0..4)],
            )
        })
        .collect()
}

/// Group identical rows on the quasi-identifier columns.
fn classes(r: &Release, qi: usize) -> BTreeMap<Vec<String>, Vec<String>> {
    let mut m: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for row in &r.rows {
        m.entry(row[..qi].to_vec())
            .or_default()
            .push(row.get(qi).cloned().unwrap_or_default());
    }
    m
}

#[test]
fn every_row_has_k_minus_one_twins_and_few_rows_are_left_out() {
    let units = population();
    let r = build(&spec(), &units, Lang::En).unwrap();
    let groups = classes(&r, 5);
    assert!(groups.values().all(|g| g.len() >= 5));
    assert_eq!(r.k_achieved, groups.values().map(Vec::len).min().unwrap());
    assert_eq!(r.classes, groups.len());
    assert_eq!(r.rows.len() + r.suppressed, 300);
    assert!(r.suppressed <= 15);
    assert_eq!(
        r.headers,
        vec!["Age", "Sex", "Place", "Disability", "Household size"]
    );
    // 300 people spread over 60 ages, 5 places and 2 sexes cannot all stay exact.
    assert!(r.transformation.iter().map(|t| t.level).sum::<usize>() > 0);
    assert!(r.information_loss_percent > 0.0 && r.information_loss_percent < 100.0);
    assert!(r.nodes_evaluated >= 1 && r.nodes_total == 5 * 2 * 4 * 2 * 4);
    assert!(r.method[0].contains("k = "));
}

#[test]
fn l_diversity_puts_several_service_types_in_every_group() {
    let units = population();
    let mut s = spec();
    s.sensitive = Some(Sensitive::ServiceType);
    s.l = Some(3);
    let r = build(&s, &units, Lang::Ru).unwrap();
    assert_eq!(r.headers.last().unwrap(), "Основной вид услуги");
    for (_, services) in classes(&r, 5) {
        let distinct: BTreeSet<_> = services.iter().collect();
        assert!(distinct.len() >= 3, "{services:?}");
    }
    assert!(r.l_achieved.unwrap() >= 3);
}

#[test]
fn a_tighter_k_never_loses_less_information() {
    let units = population();
    let mut s = spec();
    s.k = 2;
    let loose = build(&s, &units, Lang::En).unwrap();
    s.k = 10;
    let tight = build(&s, &units, Lang::En).unwrap();
    assert!(tight.information_loss_percent >= loose.information_loss_percent);
    assert!(tight.k_achieved >= 10);
}

#[test]
fn places_generalise_from_district_to_region_to_macro_region() {
    let units = population();
    let mut s = spec();
    s.columns = vec![Attribute::Place];
    s.k = 5;
    s.max_suppressed_percent = 0.0;
    let r = build(&s, &units, Lang::En).unwrap();
    // About 30 people outside Astana over three regions: districts hold, k is met.
    assert_eq!(r.transformation[0].level, 0);
    assert!(r.rows.iter().any(|row| row[0] == "Есіл (Astana)"));
    s.k = 40;
    let r = build(&s, &units, Lang::En).unwrap();
    assert!(r.transformation[0].level >= 2, "{:?}", r.transformation);
}

#[test]
fn an_impossible_release_is_refused_in_a_sentence() {
    let units: Vec<Unit> = population().into_iter().take(4).collect();
    let e = build(&spec(), &units, Lang::En).unwrap_err();
    assert!(matches!(
        &e,
        Error::InvalidInput {
            field: "k",
            reason: Reason {
                code: "release_impossible",
                ..
            }
        }
    ));
    assert_eq!(
        e.to_string(),
        "No release of these 4 people meets k = 5 with at most 5 % of rows left out: release \
         fewer columns, lower k or l, or choose a longer period."
    );
    let mut diverse = spec();
    diverse.sensitive = Some(Sensitive::ServiceType);
    diverse.l = Some(2);
    diverse.max_suppressed_percent = 2.5;
    let e = build(&diverse, &units, Lang::En).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("No release of these 4 people meets k = 5 and l = 2 with at most 2.5 %"),
        "{e}"
    );
    assert!(
        crate::words::error(Lang::Ru, &e).starts_with(
            "Ни один вариант выгрузки этих 4 человек не даёт k = 5 и l = 2, если исключать \
             не более 2.5 % строк"
        ),
        "{}",
        crate::words::error(Lang::Ru, &e)
    );
    let mut s = spec();
    s.l = Some(2);
    assert!(matches!(
        s.check(),
        Err(Error::InvalidInput { field: "l", .. })
    ));
    s.l = None;
    s.columns = vec![Attribute::Age, Attribute::Age];
    assert!(s.check().is_err());
    s.columns = vec![];
    assert!(s.check().is_err());
}

#[test]
fn rows_do_not_follow_the_register_order() {
    let units = population();
    let r = build(&spec(), &units, Lang::En).unwrap();
    let mut sorted = r.rows.clone();
    sorted.sort();
    assert_eq!(r.rows, sorted);
}

#[test]
fn the_method_note_takes_each_languages_plural_forms() {
    let outcome = |k: usize, people: usize, suppressed: usize| anonymity::Outcome {
        levels: vec![0],
        suppressed: (0..suppressed).collect(),
        classes: 1,
        smallest_class: k,
        k_achieved: k,
        l_achieved: Some(if k == 2 { 1 } else { 3 }),
        information_loss: 0.0,
        nodes_evaluated: 1,
        nodes_total: people,
    };
    let m = |lang, k, people, suppressed| {
        method_sentences(&spec(), lang, &outcome(k, people, suppressed), people, 12.5)
    };
    assert_eq!(
        m(Lang::En, 6, 40, 3),
        vec![
            "Every row matches at least 5 others on every column (k = 6; 5 was required).",
            "Of 40 people served in the period, 37 rows are released; 3 rows in groups that were \
             too small were left out.",
            "Of all 40 possible generalisations, the one losing the least information was chosen \
             (ARX's globally optimal full-domain generalisation); information loss: 12.5 %.",
            "Names, IIN, phone, e-mail, address, document number and notes never leave the \
             register (Article 17 of Law No. 94-V).",
            "Every group holds at least 3 different main service types (l-diversity).",
        ]
    );
    let one = m(Lang::En, 2, 2, 1);
    assert_eq!(
        one[0],
        "Every row matches at least 1 other on every column (k = 2; 5 was required)."
    );
    assert_eq!(
        one[1],
        "Of 2 people served in the period, 1 row is released; 1 row in a group that was too \
         small was left out."
    );
    assert_eq!(
        one[4],
        "Every group holds at least 1 main service type (l-diversity)."
    );
    let ru = |k, people, suppressed| m(Lang::Ru, k, people, suppressed);
    assert_eq!(
        ru(2, 21, 0)[0],
        "Каждая строка совпадает по всем столбцам ещё как минимум с 1 строкой (k = 2, \
         требовалось 5)."
    );
    assert_eq!(
        ru(6, 21, 0)[1],
        "Из 21 человека, получившего услуги за период, выгружено строк: 21; исключено строк из \
         слишком малых групп: 0."
    );
    assert_eq!(
        ru(6, 25, 2)[1],
        "Из 25 человек, получивших услуги за период, выгружено строк: 23; исключено строк из \
         слишком малых групп: 2."
    );
    assert_eq!(
        ru(6, 24, 0)[2],
        "Из всех 24 вариантов обобщения выбран теряющий меньше всего информации (метод ARX, \
         полнодоменное обобщение); потеря информации: 12.5 %."
    );
    assert_eq!(
        m(Lang::Kk, 6, 25, 2)[1],
        "Кезеңде қызмет алған 25 адамның 23 жолы берілді; 2 жол тым шағын топта болғандықтан \
         алынып тасталды."
    );
}
