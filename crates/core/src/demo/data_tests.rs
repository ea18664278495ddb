//! The demo generator: deterministic, plausible, valid and varied people.

use super::*;
use crate::register::fields::SERVICE_TYPES;
use crate::register::regions::REGIONS;
use std::collections::HashSet;
use time::macros::date;

const TODAY: Date = date!(2025 - 03 - 15);

fn parse_date(s: &str) -> Date {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s, format).unwrap()
}

fn sex_of(p: &PersonDraft) -> Sex {
    Sex::from_key(&p.values[&Field::Sex]).unwrap()
}

#[test]
fn same_seed_same_people_other_seed_other_people() {
    let a = generate(500, 7, TODAY);
    assert_eq!(a, generate(500, 7, TODAY));
    assert_ne!(a, generate(500, 8, TODAY));
    assert_eq!(generate_iter(500, 7, TODAY).len(), 500);
    assert!(generate(0, 7, TODAY).is_empty());
}

#[test]
fn iins_are_valid_agree_and_are_unique() {
    let people = generate(20_000, 1, TODAY);
    let mut seen = HashSet::new();
    for p in &people {
        let text = &p.values[&Field::Iin];
        let iin = Iin::parse(text).unwrap();
        assert_eq!(iin.birth_date, parse_date(&p.values[&Field::BirthDate]));
        assert!(iin.birth_date <= TODAY);
        assert_eq!(iin.sex, sex_of(p));
        assert!(seen.insert(text.clone()), "duplicate IIN {text}");
    }
}

#[test]
fn a_crowded_birthday_still_gets_unique_iins() {
    let mut people = People {
        rng: Rng::with_seed(3),
        today: TODAY,
        left: 0,
        kinds: KIND_BLOCK,
        next_kind: 0,
        serials_used: HashMap::new(),
    };
    let day = date!(1990 - 05 - 05);
    let mut seen = HashSet::new();
    for _ in 0..12_000 {
        let (birth, iin) = people.unique_iin(day, Sex::Female);
        assert_eq!(iin.birth_date, birth);
        assert!(birth <= day);
        assert!(seen.insert(iin.as_string()));
    }
}

#[test]
fn the_register_looks_like_a_real_one() {
    let people = generate(5_000, 42, TODAY);
    let n = people.len() as f64;
    let share =
        |f: &dyn Fn(&PersonDraft) -> bool| people.iter().filter(|p| f(p)).count() as f64 / n;
    let age = |p: &PersonDraft| age_on(parse_date(&p.values[&Field::BirthDate]), TODAY);

    let kind = |k: Kind| share(&|p| p.kind == Some(k));
    assert_eq!(kind(Kind::Beneficiary), 0.85);
    assert_eq!(kind(Kind::Employee), 0.10);
    assert_eq!(kind(Kind::Volunteer), 0.05);

    let minors = share(&|p| age(p) < 18);
    let elderly = share(&|p| age(p) > 65);
    assert!((0.16..0.25).contains(&minors), "minors {minors}");
    assert!((0.11..0.19).contains(&elderly), "elderly {elderly}");
    assert!(share(&|p| age(p) < 6) > 0.03);
    assert!(share(&|p| age(p) > 85) > 0.005);
    for p in &people {
        match p.kind.unwrap() {
            Kind::Employee => assert!((20..=64).contains(&age(p))),
            Kind::Volunteer => assert!((16..=70).contains(&age(p))),
            Kind::Beneficiary => assert!(p.values.contains_key(&Field::HouseholdSize)),
        }
    }

    let disabled = share(&|p| p.values.contains_key(&Field::Disability));
    assert!((0.05..0.12).contains(&disabled), "disability {disabled}");
    let has = |f: Field| share(&|p| p.values.contains_key(&f));
    assert!(
        (0.80..0.90).contains(&has(Field::Phone)),
        "phone {}",
        has(Field::Phone)
    );
    assert!(
        (0.24..0.36).contains(&has(Field::Email)),
        "email {}",
        has(Field::Email)
    );
    assert!((0.54..0.66).contains(&has(Field::IdDocument)));
    assert!((0.07..0.13).contains(&has(Field::HealthNotes)));
    assert!((0.16..0.24).contains(&has(Field::Notes)));
    assert!((0.80..0.90).contains(&has(Field::Patronymic)));

    let regions: HashSet<&str> = people
        .iter()
        .map(|p| p.values[&Field::Region].as_str())
        .collect();
    assert_eq!(regions.len(), 20);
    assert!(regions
        .iter()
        .all(|r| crate::register::regions::by_key(r).is_some()));

    let all_text: String = people
        .iter()
        .flat_map(|p| [&p.values[&Field::Surname], &p.values[&Field::Name]])
        .map(String::as_str)
        .collect();
    for letter in ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і'] {
        assert!(all_text.contains(letter), "no {letter}");
    }
}

#[test]
fn contacts_are_well_formed() {
    for p in generate(2_000, 5, TODAY) {
        if let Some(phone) = p.values.get(&Field::Phone) {
            assert_eq!(phone.len(), 12);
            assert!(phone.starts_with("+77"));
            assert!(MOBILE_PREFIXES.contains(&&phone[2..5]));
            assert!(phone[1..].bytes().all(|b| b.is_ascii_digit()));
        }
        if let Some(email) = p.values.get(&Field::Email) {
            let (local, domain) = email.split_once('@').unwrap();
            assert!(!local.is_empty() && local.is_ascii(), "{email}");
            assert!(EMAIL_DOMAINS.iter().any(|(d, _)| *d == domain));
        }
        if let Some(doc) = p.values.get(&Field::IdDocument) {
            assert_eq!(doc.len(), 9);
            assert!(doc.bytes().all(|b| b.is_ascii_digit()));
        }
        if let Some(size) = p.values.get(&Field::HouseholdSize) {
            assert!((1..=9).contains(&size.parse::<u8>().unwrap()));
        }
    }
}

#[test]
fn services_fall_between_birth_and_today_over_several_years() {
    let people = generate(5_000, 9, TODAY);
    let mut years = HashSet::new();
    let mut types = HashSet::new();
    for p in &people {
        let birth = &p.values[&Field::BirthDate];
        if p.kind != Some(Kind::Beneficiary) {
            assert!(p.services.is_empty());
            let programme = p.values.get(&Field::Programme).map(String::as_str);
            if p.kind == Some(Kind::Employee) {
                assert!(programme.is_none() || programme == Some(ADMIN_PROGRAMME));
            }
            continue;
        }
        assert!(p.services.len() <= 12);
        assert!(p.services.windows(2).all(|w| w[0].date <= w[1].date));
        for s in &p.services {
            let date = parse_date(&s.date);
            assert!(s.date >= *birth && date <= TODAY, "{} born {birth}", s.date);
            assert!(date.year() >= TODAY.year() - 5);
            assert!(SERVICE_TYPES.contains(&s.service_type.as_str()));
            years.insert(date.year());
            types.insert(s.service_type.as_str());
        }
    }
    assert!(years.len() >= 5, "{years:?}");
    assert_eq!(types.len(), SERVICE_TYPES.len());
    // Legal aid is mostly legal consultations.
    let legal: Vec<_> = people
        .iter()
        .filter(|p| p.values.get(&Field::Programme).map(String::as_str) == Some(PROGRAMMES[0]))
        .flat_map(|p| &p.services)
        .collect();
    let consultations = legal
        .iter()
        .filter(|s| s.service_type == "legal_consultation")
        .count();
    assert!(consultations * 2 > legal.len());
}

#[test]
fn surnames_and_patronymics_agree_with_sex() {
    let people = generate(5_000, 11, TODAY);
    let (mut female_ova, mut male_ov, mut qyzy, mut uly) = (0, 0, 0, 0);
    for p in &people {
        let surname = p.values[&Field::Surname].as_str();
        let patronymic = p.values.get(&Field::Patronymic).map(String::as_str);
        match sex_of(p) {
            Sex::Female => {
                assert!(
                    !["ов", "ев", "ин", "ұлы", "ий"]
                        .iter()
                        .any(|e| surname.ends_with(e)),
                    "{surname}"
                );
                if let Some(pat) = patronymic {
                    assert!(
                        ["қызы", "вна", "ична"].iter().any(|e| pat.ends_with(e)),
                        "{pat}"
                    );
                    qyzy += usize::from(pat.ends_with("қызы"));
                }
                female_ova += usize::from(surname.ends_with("ова") || surname.ends_with("ева"));
            }
            Sex::Male => {
                assert!(
                    !["ова", "ева", "ина", "қызы", "ая"]
                        .iter()
                        .any(|e| surname.ends_with(e)),
                    "{surname}"
                );
                if let Some(pat) = patronymic {
                    assert!(
                        ["ұлы", "вич", "ич"].iter().any(|e| pat.ends_with(e)),
                        "{pat}"
                    );
                    uly += usize::from(pat.ends_with("ұлы"));
                }
                male_ov += usize::from(surname.ends_with("ов") || surname.ends_with("ев"));
            }
        }
    }
    assert!(female_ova > 500 && male_ov > 300 && qyzy > 200 && uly > 100);
}

#[test]
fn gendered_forms() {
    assert_eq!(feminine_surname("Жұмабаев"), "Жұмабаева");
    assert_eq!(feminine_surname("Болатұлы"), "Болатқызы");
    assert_eq!(feminine_surname("Ғабдуллин"), "Ғабдуллина");
    assert_eq!(feminine_surname("Савицкий"), "Савицкая");
    assert_eq!(feminine_surname("Ким"), "Ким");
    assert_eq!(feminine_surname("Цой"), "Цой");
    assert_eq!(feminine_surname("Петренко"), "Петренко");
    assert_eq!(russian_style_patronymic("Асқар", Sex::Male), "Аскарович");
    assert_eq!(russian_style_patronymic("Ерлан", Sex::Female), "Ерлановна");
    assert_eq!(
        russian_style_patronymic("Серікбай", Sex::Male),
        "Серикбаевич"
    );
    assert_eq!(russian_style_patronymic("Равиль", Sex::Female), "Равилевна");
    assert_eq!(
        russian_style_patronymic("Өмірзақ", Sex::Male),
        "Омирзакович"
    );
    assert_eq!(russian_style_patronymic("Ілияс", Sex::Female), "Илиясовна");
    assert_eq!(kazakh_patronymic("Болат", Sex::Female), "Болатқызы");
    let mut s = String::new();
    latin("Әсел Нұрмағанбетова", &mut s);
    assert_eq!(s, "asel nurmaganbetova".replace(' ', ""));
}

#[test]
fn tables_are_sound() {
    let keys: HashSet<&str> = AREAS.iter().map(|a| a.key).collect();
    assert_eq!(keys.len(), 20);
    assert!(REGIONS.iter().all(|r| keys.contains(r.key)));
    assert!(AREAS.iter().all(|a| !a.districts.is_empty()));
    assert!(KAZAKH_MALE.len() >= 60 && KAZAKH_FEMALE.len() >= 60);
    assert!(KAZAKH_MALE.len() + TURKIC_MALE.len() + RUSSIAN_MALE.len() >= 60);
    let surnames = KAZAKH_SURNAMES.len()
        + RUSSIAN_SURNAMES.len()
        + UKRAINIAN_SURNAMES.len()
        + GERMAN_SURNAMES.len()
        + KOREAN_SURNAMES.len()
        + TURKIC_SURNAMES.len();
    assert!(surnames >= 80);
    for list in [
        KAZAKH_MALE,
        KAZAKH_FEMALE,
        RUSSIAN_FEMALE,
        KAZAKH_SURNAMES,
        RUSSIAN_SURNAMES,
    ] {
        let unique: HashSet<_> = list.iter().collect();
        assert_eq!(unique.len(), list.len());
    }
    for p in PROGRAMMES {
        assert!(services_of(p)
            .iter()
            .all(|(t, _)| SERVICE_TYPES.contains(t)));
    }
}
