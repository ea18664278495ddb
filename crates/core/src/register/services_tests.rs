use std::collections::BTreeMap;

use time::macros::date;

use super::*;
use crate::register::fields::{Field, Kind, Sex};
use crate::register::import::{guess_service_mapping, read_bytes, service_lines};
use crate::reports::table::{period, read_units, Measure};
use crate::test_support::{self, draft, iin};

struct Register {
    _t: tempfile::TempDir,
    v: Vault,
    aigul_iin: String,
    aigul: i64,
    marat: i64,
}

/// Three people: Aigul (with an IIN), Marat (no IIN), and two namesakes "Ким Анна" born the
/// same day, told apart only by their patronymic.
fn register() -> Register {
    let (t, _, v) = test_support::vault();
    let aigul_iin = iin(date!(1990 - 01 - 01), Sex::Female, 1);
    let add = |pairs: &[(Field, &str)]| {
        v.add_subject(&draft(Kind::Beneficiary, pairs), &test_support::basis())
            .unwrap()
            .number
    };
    let aigul = add(&[
        (Field::Surname, "Серікова"),
        (Field::Name, "Айгүл"),
        (Field::Iin, &aigul_iin),
    ]);
    let marat = add(&[
        (Field::Surname, "Ахметов"),
        (Field::Name, "Марат"),
        (Field::BirthDate, "1985-05-05"),
    ]);
    for patronymic in ["Сергеевна", "Олеговна"] {
        add(&[
            (Field::Surname, "Ким"),
            (Field::Name, "Анна"),
            (Field::Patronymic, patronymic),
            (Field::BirthDate, "2001-02-03"),
        ]);
    }
    Register {
        _t: t,
        v,
        aigul_iin,
        aigul,
        marat,
    }
}

fn lines(csv: &str) -> Vec<ServiceLine> {
    let table = read_bytes(csv.as_bytes()).unwrap();
    service_lines(&table, &guess_service_mapping(&table.headers))
}

fn no_choices() -> BTreeMap<String, ServiceTypeChoice> {
    BTreeMap::new()
}

fn services_on_file(v: &Vault) -> Vec<(String, String, Option<String>)> {
    let mut stmt = v
        .conn()
        .prepare("SELECT date, service_type, programme FROM service ORDER BY date, service_type")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn a_log_matches_people_by_iin_number_and_name_with_birth_date() {
    let r = register();
    let csv = format!(
        "ИИН;Номер;Фамилия;Имя;Отчество;Дата рождения;Дата услуги;Вид услуги;Программа\n\
         {iin};;;;;;15.02.2025;Юридическая консультация;Право\n\
         ;{marat};;;;;2025-03-01;food_package;\n\
         ;;ахметов;МАРАТ;;05.05.1985;02.03.2025;Азық-түлік жиынтығы;\n\
         ;;Ким;Анна;Олеговна;03.02.2001;04.03.2025;Training;\n",
        iin = r.aigul_iin,
        marat = r.marat
    );
    let report =
        r.v.import_services(&lines(&csv), &no_choices(), false)
            .unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert!(report.imported);
    assert_eq!((report.rows, report.accepted, report.people), (4, 4, 3));
    assert_eq!(
        report.matched_by,
        MatchedBy {
            iin: 1,
            number: 1,
            name_and_birth_date: 2
        }
    );
    assert_eq!(report.first_day.as_deref(), Some("2025-02-15"));
    assert_eq!(report.last_day.as_deref(), Some("2025-03-04"));
    // Standard types recognised by their Russian, Kazakh and English names.
    assert_eq!(
        services_on_file(&r.v),
        vec![
            (
                "2025-02-15".into(),
                "legal_consultation".into(),
                Some("Право".into())
            ),
            ("2025-03-01".into(), "food_package".into(), None),
            ("2025-03-02".into(), "food_package".into(), None),
            ("2025-03-04".into(), "training".into(), None),
        ]
    );
    let entry = &r.v.journal(1, 0).unwrap().1[0];
    assert_eq!(entry.action, "services.imported");
    assert_eq!(entry.details["rows"], 4);
    assert_eq!(entry.details["people"], 3);
    // Counts only: nothing of the file's cells.
    let details = entry.details.to_string();
    for cell in ["Серікова", "Ахметов", "Право", &r.aigul_iin] {
        assert!(!details.contains(cell), "{details}");
    }
    let _ = r.aigul;
}

#[test]
fn namesakes_without_a_patronymic_are_refused_as_ambiguous_and_nothing_is_written() {
    let r = register();
    let csv = format!(
        "ИИН;Фамилия;Имя;Дата рождения;Дата;Услуга\n\
         {};;;;01.02.2025;shelter\n\
         ;Ким;Анна;03.02.2001;01.02.2025;shelter\n\
         ;Петров;Пётр;01.01.1970;01.02.2025;shelter\n\
         ;;;;01.02.2025;shelter\n",
        r.aigul_iin
    );
    let report =
        r.v.import_services(&lines(&csv), &no_choices(), false)
            .unwrap();
    assert!(!report.imported);
    let codes: Vec<(usize, &str)> = report.rejected.iter().map(|p| (p.row, p.code)).collect();
    assert_eq!(
        codes,
        vec![
            (3, "service_person_ambiguous"),
            (4, "service_person_not_found"),
            (5, "service_person_missing"),
        ]
    );
    assert_eq!(
        report.rejected[0]
            .args
            .get("count")
            .map(|c| c.to_string())
            .as_deref(),
        Some("2")
    );
    // All or nothing: the good first row did not go in either.
    assert!(services_on_file(&r.v).is_empty());
    assert!(!test_support::actions(&r.v).contains(&"services.imported".to_string()));
    // Every refusal reads as a sentence in each language, naming no cell.
    for p in &report.rejected {
        for lang in Lang::ALL {
            let s = p.sentence(lang);
            assert!(!s.contains("problem-") && !s.contains("Ким"), "{s}");
        }
    }
}

#[test]
fn an_unknown_service_type_waits_for_the_users_choice() {
    let r = register();
    let csv = format!(
        "ИИН;Дата;Услуга\n{i};01.02.2025;Юрконсультация\n{i};02.02.2025;юрконсультация\n{i};03.02.2025;Обед\n",
        i = r.aigul_iin
    );
    let l = lines(&csv);
    let dry = r.v.import_services(&l, &no_choices(), true).unwrap();
    assert_eq!(dry.types.len(), 2, "one entry per value, ignoring case");
    assert_eq!((dry.types[0].rows, dry.types[0].recognised), (2, None));
    assert!(dry
        .rejected
        .iter()
        .all(|p| p.code == "service_type_unconfirmed"));
    assert_eq!(dry.rejected.len(), 3);

    let mut choices = BTreeMap::new();
    choices.insert(
        "ЮРКОНСУЛЬТАЦИЯ".to_string(),
        ServiceTypeChoice::Standard("legal_consultation".into()),
    );
    choices.insert("обед".to_string(), ServiceTypeChoice::AsWritten);
    let dry = r.v.import_services(&l, &choices, true).unwrap();
    assert!(dry.rejected.is_empty(), "{:?}", dry.rejected);
    assert!(!dry.imported, "a dry run writes nothing");
    assert!(services_on_file(&r.v).is_empty());

    // A choice that is not a standard type is no choice.
    let mut wrong = choices.clone();
    wrong.insert("обед".into(), ServiceTypeChoice::Standard("lunch".into()));
    let refused = r.v.import_services(&l, &wrong, true).unwrap();
    assert_eq!(refused.rejected.len(), 1);

    let done = r.v.import_services(&l, &choices, false).unwrap();
    assert!(done.imported);
    let types: Vec<String> = services_on_file(&r.v).into_iter().map(|s| s.1).collect();
    assert_eq!(types, ["legal_consultation", "legal_consultation", "Обед"]);
}

#[test]
fn importing_the_same_log_twice_adds_nothing_the_second_time() {
    let r = register();
    // Two identical visits on one day are two services.
    let csv = format!(
        "ИИН;Дата;Услуга\n{i};01.02.2025;shelter\n{i};01.02.2025;shelter\n{i};05.02.2025;training\n",
        i = r.aigul_iin
    );
    let first =
        r.v.import_services(&lines(&csv), &no_choices(), false)
            .unwrap();
    assert_eq!((first.accepted, first.already_recorded), (3, 0));
    let again =
        r.v.import_services(&lines(&csv), &no_choices(), false)
            .unwrap();
    assert_eq!((again.accepted, again.already_recorded), (0, 3));
    assert_eq!(services_on_file(&r.v).len(), 3);
}

#[test]
fn dates_and_blocked_people_are_checked() {
    let r = register();
    let marat_id =
        r.v.list_subjects(&crate::register::subjects::Query::default())
            .unwrap()
            .rows
            .into_iter()
            .find(|p| p.number == r.marat)
            .unwrap()
            .id;
    r.v.block(marat_id, "the person asked").unwrap();
    let tomorrow = crate::lifecycle::consent::today() + time::Duration::days(1);
    let csv = format!(
        "ИИН;Номер;Дата;Услуга\n\
         {i};;{tomorrow};shelter\n\
         {i};;31.02.2025;shelter\n\
         ;{m};01.02.2025;shelter\n\
         {i};;01.02.2025;\n",
        i = r.aigul_iin,
        m = r.marat
    );
    let report =
        r.v.import_services(&lines(&csv), &no_choices(), true)
            .unwrap();
    let codes: Vec<(usize, &str)> = report.rejected.iter().map(|p| (p.row, p.code)).collect();
    assert_eq!(
        codes,
        vec![
            (2, "date_future"),
            (3, "date_invalid"),
            (4, "service_person_blocked"),
            (5, "service_type"),
        ]
    );
}

#[test]
fn services_outside_the_purposes_a_basis_covers_are_refused() {
    let (_t, _, v) = test_support::vault();
    // A purpose that collects names only, approved beside the default ones.
    let mut inventory = v.inventory().unwrap().document;
    let mut newsletter = inventory.purposes[0].clone();
    newsletter.key = "newsletter".into();
    newsletter.fields = [(Kind::Beneficiary, vec![Field::Surname, Field::Name])].into();
    inventory.purposes.push(newsletter);
    v.approve_inventory(&inventory).unwrap();
    let purpose = "newsletter".to_string();
    let p = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "А"), (Field::Name, "Б")],
            ),
            &crate::lifecycle::basis::BasisDraft::Ground(crate::lifecycle::basis::Ground {
                subparagraph: "art9_10".into(),
                law: "Test law".into(),
                purposes: vec![purpose],
            }),
        )
        .unwrap();
    let csv = format!("Номер;Дата;Услуга\n{};01.02.2025;shelter\n", p.number);
    let report = v
        .import_services(&lines(&csv), &no_choices(), true)
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].code, "outside_purposes");
}

#[test]
fn imported_history_counts_in_reports_under_the_services_programme() {
    let r = register();
    let csv = format!(
        "ИИН;Номер;Дата;Услуга;Программа\n\
         {i};;15.02.2025;shelter;Баспана\n\
         ;{m};20.03.2025;training;\n",
        i = r.aigul_iin,
        m = r.marat
    );
    r.v.import_services(&lines(&csv), &no_choices(), false)
        .unwrap();
    let year = period("2025-01", "2025-12").unwrap();
    let people = read_units(&r.v, Measure::People, year, &[], &[], false).unwrap();
    assert_eq!(people.units.len(), 2, "people served in 2025");
    let sheltered = read_units(
        &r.v,
        Measure::People,
        year,
        &[],
        &["Баспана".to_string()],
        false,
    )
    .unwrap();
    assert_eq!(sheltered.units.len(), 1);
    assert_eq!(sheltered.units[0].programme.as_deref(), Some("Баспана"));
    let services = read_units(
        &r.v,
        Measure::Services,
        year,
        &[],
        &["Баспана".to_string()],
        false,
    )
    .unwrap();
    assert_eq!(services.units.len(), 1);
    assert_eq!(services.units[0].service_type.as_deref(), Some("shelter"));
}

#[test]
fn a_people_file_may_say_when_each_person_first_came() {
    let (_t, _, v) = test_support::vault();
    let csv = "Фамилия;Имя;Дата рождения;Дата регистрации\n\
               Ахметов;Марат;05.05.1985;10.04.2023\n\
               Ким;Анна;03.02.2001;\n\
               Ли;Ольга;03.02.2001;01.01.1999\n";
    let table = read_bytes(csv.as_bytes()).unwrap();
    let mapping = crate::register::import::guess_mapping(&table.headers);
    assert_eq!(
        mapping[3], None,
        "the registration day is no field of the record"
    );
    let rows = crate::register::import::drafts(&table, &mapping, None, Kind::Beneficiary);
    assert_eq!(rows[0].1.registered_on.as_deref(), Some("10.04.2023"));
    assert_eq!(rows[1].1.registered_on, None);
    // Before the birth date: refused, and with it the whole file.
    let refused = v
        .add_people(
            &rows,
            &test_support::basis(),
            false,
            crate::register::bulk::BatchSource::Import,
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(refused.rejected.len(), 1);
    assert_eq!(
        (
            refused.rejected[0].row,
            refused.rejected[0].field.as_str(),
            refused.rejected[0].code
        ),
        (4, "registered_on", "registered_before_birth")
    );
    v.add_people(
        &rows[..2],
        &test_support::basis(),
        false,
        crate::register::bulk::BatchSource::Import,
        &mut |_, _| {},
    )
    .unwrap();
    // "New people" counts the day they came, not the day they were typed in.
    let new_in_2023 = read_units(
        &v,
        Measure::NewPeople,
        period("2023-01", "2023-12").unwrap(),
        &[],
        &[],
        false,
    )
    .unwrap();
    assert_eq!(new_in_2023.units.len(), 1);
}
