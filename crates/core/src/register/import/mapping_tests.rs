//! From cells to drafts: guessing the mapping from headers, the value normalisers, and drafts.

use super::tests::strings;
use super::values::parse_date_in_year;
use super::*;
use crate::register::fields::Sex;
use time::macros::date;

#[test]
fn drafts_turn_excel_serial_birth_dates_into_dates() {
    let t = super::read_csv_bytes("Фамилия;Имя;Дата рождения\nИванова;Елена;33239\n".as_bytes())
        .unwrap();
    let mapping = super::guess_mapping(&t.headers);
    let rows = super::drafts(
        &t,
        &mapping,
        None,
        crate::register::fields::Kind::Beneficiary,
    );
    assert_eq!(
        rows[0].1.values[&crate::register::fields::Field::BirthDate],
        "1991-01-01"
    );
}

// ---- Mapping ------------------------------------------------------------------------------

fn guessed(headers: &[&str]) -> Vec<Option<Field>> {
    guess_mapping(&strings(headers))
}

#[test]
fn kazakh_headers() {
    use Field::*;
    let headers = [
        "Тегі",
        "Аты",
        "Әкесінің аты",
        "ЖСН",
        "Туған күні",
        "Жынысы",
        "Телефон",
        "Электрондық пошта",
        "Облыс",
        "Аудан",
        "Елді мекен",
        "Мекенжай",
        "Жеке куәлік нөмірі",
        "Бағдарлама",
        "Мүгедектік",
        "Отбасы мүшелерінің саны",
        "Денсаулық",
        "Ескертпе",
    ];
    let expected = [
        Surname,
        Name,
        Patronymic,
        Iin,
        BirthDate,
        Sex,
        Phone,
        Email,
        Region,
        District,
        Settlement,
        Address,
        IdDocument,
        Programme,
        Disability,
        HouseholdSize,
        HealthNotes,
        Notes,
    ];
    assert_eq!(guessed(&headers), expected.map(Some).to_vec());
}

#[test]
fn russian_headers() {
    use Field::*;
    let headers = [
        "Фамилия",
        "Имя",
        "Отчество",
        "ИИН",
        "Дата рождения",
        "Пол",
        "Тел.",
        "Эл. почта",
        "Область",
        "Район",
        "Населённый пункт",
        "Адрес",
        "№ удостоверения",
        "Программа",
        "Инвалидность",
        "Кол-во членов семьи",
        "Здоровье",
        "Примечание",
    ];
    let expected = [
        Surname,
        Name,
        Patronymic,
        Iin,
        BirthDate,
        Sex,
        Phone,
        Email,
        Region,
        District,
        Settlement,
        Address,
        IdDocument,
        Programme,
        Disability,
        HouseholdSize,
        HealthNotes,
        Notes,
    ];
    assert_eq!(guessed(&headers), expected.map(Some).to_vec());
    assert_eq!(
        guessed(&[
            "Регион",
            "Город/село",
            "Номер документа",
            "Проект",
            "Состав семьи",
            "Комментарий"
        ]),
        [
            Region,
            Settlement,
            IdDocument,
            Programme,
            HouseholdSize,
            Notes
        ]
        .map(Some)
        .to_vec()
    );
}

#[test]
fn english_headers_and_stable_keys() {
    use Field::*;
    let headers = [
        "Last name",
        "First name",
        "Middle name",
        "IIN",
        "Date of birth",
        "Gender",
        "Mobile",
        "E-mail",
        "Region",
        "District",
        "Settlement",
        "Address",
        "ID document",
        "Project",
        "Disability",
        "Household size",
        "Health notes",
        "Notes",
    ];
    let expected = [
        Surname,
        Name,
        Patronymic,
        Iin,
        BirthDate,
        Sex,
        Phone,
        Email,
        Region,
        District,
        Settlement,
        Address,
        IdDocument,
        Programme,
        Disability,
        HouseholdSize,
        HealthNotes,
        Notes,
    ];
    assert_eq!(guessed(&headers), expected.map(Some).to_vec());
    assert_eq!(
        guessed(&[
            "Surname",
            "Name",
            "Patronymic",
            "DOB",
            "Sex",
            "Phone",
            "Programme"
        ]),
        [Surname, Name, Patronymic, BirthDate, Sex, Phone, Programme]
            .map(Some)
            .to_vec()
    );
    let keys: Vec<String> = Field::ALL
        .iter()
        .filter(|f| **f != Services)
        .map(|f| f.key().to_owned())
        .collect();
    let mapping = guess_mapping(&keys);
    for (key, field) in keys.iter().zip(mapping) {
        assert_eq!(field.map(Field::key), Some(key.as_str()));
    }
}

#[test]
fn case_punctuation_and_letter_variants_do_not_matter() {
    use Field::*;
    assert_eq!(
        guessed(&[
            "ФАМИЛИЯ:",
            "имя*",
            "ИИН получателя",
            "1. Дата рождения (ДД.ММ.ГГГГ)",
            "EMAIL",
            "Телефон 2"
        ]),
        [Surname, Name, Iin, BirthDate, Email, Phone]
            .map(Some)
            .to_vec()
    );
    // Kazakh letters typed as their Russian look-alikes.
    assert_eq!(
        guessed(&["Теги", "Акесинин аты", "Туган куни"]),
        [Surname, Patronymic, BirthDate].map(Some).to_vec()
    );
}

#[test]
fn each_field_goes_to_one_column_and_unknown_headers_to_none() {
    use Field::*;
    assert_eq!(
        guessed(&["Телефон", "Телефон", "Дата", "", "Сумма"]),
        vec![Some(Phone), None, None, None, None]
    );
    // The longer, exact "Әкесінің аты" wins over the "аты" inside it even when it comes later.
    assert_eq!(
        guessed(&["Әкесінің аты (толық)", "Аты"]),
        vec![Some(Patronymic), Some(Name)]
    );
    assert_eq!(
        guessed(&["Аты", "Әкесінің аты"]),
        vec![Some(Name), Some(Patronymic)]
    );
    assert_eq!(guessed(&[]), Vec::<Option<Field>>::new());
}

#[test]
fn full_name_columns_are_recognised_and_left_unmapped() {
    for header in [
        "ФИО",
        "Ф.И.О.",
        "Аты-жөні",
        "Full name",
        "Фамилия, имя, отчество",
        "ФИО получателя",
        "Тегі, аты",
        "Фамилия и имя",
        "Полное имя",
    ] {
        assert!(is_full_name_header(header), "{header}");
    }
    for header in ["Фамилия", "Name", "Аты", "Отчество"] {
        assert!(!is_full_name_header(header), "{header}");
    }
    let headers = strings(&["№", "ФИО", "ИИН"]);
    assert_eq!(guess_mapping(&headers), vec![None, None, Some(Field::Iin)]);
    assert_eq!(full_name_column(&headers), Some(1));
    assert_eq!(full_name_column(&strings(&["Фамилия", "Имя"])), None);
}

// ---- Normalisers ------------------------------------------------------------------------

#[test]
fn dates_in_the_forms_people_write() {
    let good = [
        ("15.01.1990", date!(1990 - 01 - 15)),
        ("5.1.1990", date!(1990 - 01 - 05)),
        ("15/01/1990", date!(1990 - 01 - 15)),
        ("1990-01-15", date!(1990 - 01 - 15)),
        ("15-01-1990", date!(1990 - 01 - 15)),
        (" 15.01.1990 ", date!(1990 - 01 - 15)),
        ("15.01.1990 0:00:00", date!(1990 - 01 - 15)),
        ("1990-01-15T00:00:00", date!(1990 - 01 - 15)),
        ("15.01.1990 г.", date!(1990 - 01 - 15)),
        ("15.01.1990ж.", date!(1990 - 01 - 15)),
        ("29.02.2024", date!(2024 - 02 - 29)),
    ];
    for (text, expected) in good {
        assert_eq!(parse_date_in_year(text, 2025), Ok(expected), "{text}");
    }
    assert_eq!(parse_date("15.01.1990"), Ok(date!(1990 - 01 - 15)));
}

#[test]
fn two_digit_years_pivot_on_the_current_year() {
    assert_eq!(
        parse_date_in_year("15.01.25", 2025),
        Ok(date!(2025 - 01 - 15))
    );
    assert_eq!(
        parse_date_in_year("15.01.26", 2025),
        Ok(date!(1926 - 01 - 15))
    );
    assert_eq!(
        parse_date_in_year("01.02.90", 2025),
        Ok(date!(1990 - 02 - 01))
    );
    assert_eq!(
        parse_date_in_year("01.02.00", 2025),
        Ok(date!(2000 - 02 - 01))
    );
}

#[test]
fn bad_dates_say_why() {
    use ValueProblem::*;
    let bad = [
        ("", Empty),
        ("   ", Empty),
        ("завтра", DateFormat),
        ("15.01", DateFormat),
        ("15.01.1990.1", DateFormat),
        ("15.01-1990", DateFormat),
        ("1990", DateFormat),
        ("33239", DateFormat),
        ("15.01.1990 утром", DateFormat),
        ("123.01.1990", DateFormat),
        ("+1.01.1990", DateFormat),
        ("31.02.1990", DateInvalid),
        ("15.13.1990", DateInvalid),
        ("00.01.1990", DateInvalid),
        ("01/15/1990", DateInvalid),
    ];
    for (text, problem) in bad {
        assert_eq!(parse_date_in_year(text, 2025), Err(problem), "{text:?}");
    }
}

#[test]
fn excel_serial_dates() {
    assert_eq!(parse_excel_serial("33239"), Ok(date!(1991 - 01 - 01)));
    assert_eq!(parse_excel_serial(" 45658 "), Ok(date!(2025 - 01 - 01)));
    assert_eq!(parse_excel_serial("1000"), Ok(date!(1902 - 09 - 26)));
    assert_eq!(parse_excel_serial(""), Err(ValueProblem::Empty));
    for bad in ["999", "123456", "33239.5", "-3323", "01.01.1991", "3323a"] {
        assert_eq!(
            parse_excel_serial(bad),
            Err(ValueProblem::DateFormat),
            "{bad}"
        );
    }
}

#[test]
fn sex_in_three_languages() {
    for male in [
        "м",
        "М.",
        "муж",
        "Мужской",
        "male",
        "M",
        "ер",
        "Ер адам",
        "ЕРКЕК",
        " ер ",
    ] {
        assert_eq!(parse_sex(male), Ok(Sex::Male), "{male}");
    }
    for female in [
        "ж",
        "Ж.",
        "жен",
        "женский",
        "Female",
        "f",
        "әйел",
        "Әйел адам",
        "айел",
        "ЖЕН.",
    ] {
        assert_eq!(parse_sex(female), Ok(Sex::Female), "{female}");
    }
    assert_eq!(parse_sex(""), Err(ValueProblem::Empty));
    for unknown in ["x", "мж", "1", "unknown", "ер әйел"] {
        assert_eq!(
            parse_sex(unknown),
            Err(ValueProblem::SexUnknown),
            "{unknown}"
        );
    }
}

#[test]
fn phones_normalise_to_plus_seven() {
    for text in [
        "8 (701) 234-56-78",
        "+7 701 234 5678",
        "87012345678",
        "7012345678",
        "77012345678",
        "+7(701)234-56-78",
        "8.701.234.56.78",
    ] {
        assert_eq!(
            normalise_phone(text).as_deref(),
            Ok("+77012345678"),
            "{text}"
        );
    }
    assert_eq!(
        normalise_phone("8 7172 55-66-77").as_deref(),
        Ok("+77172556677")
    );
    use ValueProblem::*;
    for (text, problem) in [
        ("", Empty),
        ("701 234 56", PhoneLength),
        ("870123456789", PhoneLength),
        ("+7 701 234 567", PhoneLength),
        ("8 701 234 56 78 (мама)", PhoneCharacters),
        ("87012345678, 87771234567", PhoneCharacters),
        ("+996 555 123 456", PhoneNotKazakhstan),
        ("+7 912 345 67 89", PhoneNotKazakhstan),
        ("8 912 345 67 89", PhoneNotKazakhstan),
        ("9123456789", PhoneNotKazakhstan),
    ] {
        assert_eq!(normalise_phone(text), Err(problem), "{text}");
    }
}

#[test]
fn problems_have_codes_and_sentences_without_values() {
    for problem in [
        ValueProblem::Empty,
        ValueProblem::DateFormat,
        ValueProblem::DateInvalid,
        ValueProblem::SexUnknown,
        ValueProblem::PhoneCharacters,
        ValueProblem::PhoneLength,
        ValueProblem::PhoneNotKazakhstan,
    ] {
        let sentence = problem.to_string();
        assert!(
            sentence.ends_with('.') && !sentence.starts_with("problem-"),
            "{sentence}"
        );
        assert!(crate::register::PROBLEM_CODES.contains(&problem.code()));
    }
}

#[test]
fn full_names_split_surname_first() {
    assert_eq!(
        split_full_name("Серікова Айгүл Болатқызы"),
        ("Серікова".into(), "Айгүл".into(), Some("Болатқызы".into()))
    );
    assert_eq!(
        split_full_name("  Иванов   Иван "),
        ("Иванов".into(), "Иван".into(), None)
    );
    assert_eq!(
        split_full_name("Мамедов Рашид Ахмед оглы"),
        ("Мамедов".into(), "Рашид".into(), Some("Ахмед оглы".into()))
    );
    assert_eq!(
        split_full_name("Абай"),
        ("Абай".into(), String::new(), None)
    );
    assert_eq!(split_full_name(""), (String::new(), String::new(), None));
}

// ---- Drafts ------------------------------------------------------------------------------

#[test]
fn drafts_carry_row_numbers_and_mapped_cells() {
    let text = "ФИО;ИИН;Пол;Тегі;Услуги\nСерікова Айгүл Болатқызы;900101400012;ж;;консультация\n\n;;;;\nИванов Иван;;м;Петров;\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    let mut mapping = guess_mapping(&table.headers);
    assert_eq!(
        mapping,
        vec![
            None,
            Some(Field::Iin),
            Some(Field::Sex),
            Some(Field::Surname),
            None
        ]
    );
    mapping[4] = Some(Field::Services);
    let full_name = full_name_column(&table.headers);
    let drafts = drafts(&table, &mapping, full_name, Kind::Beneficiary);
    assert_eq!(drafts.len(), 2);

    let (row, first) = &drafts[0];
    assert_eq!(*row, 2);
    assert_eq!(first.kind, Some(Kind::Beneficiary));
    assert_eq!(
        first.values.get(&Field::Surname).map(String::as_str),
        Some("Серікова")
    );
    assert_eq!(
        first.values.get(&Field::Name).map(String::as_str),
        Some("Айгүл")
    );
    assert_eq!(
        first.values.get(&Field::Patronymic).map(String::as_str),
        Some("Болатқызы")
    );
    assert_eq!(
        first.values.get(&Field::Iin).map(String::as_str),
        Some("900101400012")
    );
    assert_eq!(first.values.get(&Field::Sex).map(String::as_str), Some("ж"));
    assert!(first.services.is_empty());
    assert!(!first.values.contains_key(&Field::Services));

    let (row, second) = &drafts[1];
    assert_eq!(*row, 5);
    // The mapped surname column wins over the split full name; the empty IIN is left out.
    assert_eq!(
        second.values.get(&Field::Surname).map(String::as_str),
        Some("Петров")
    );
    assert_eq!(
        second.values.get(&Field::Name).map(String::as_str),
        Some("Иван")
    );
    assert!(!second.values.contains_key(&Field::Iin));
    assert!(!second.values.contains_key(&Field::Patronymic));
}

#[test]
fn drafts_tolerate_short_or_long_mappings() {
    let table = read_csv_bytes(b"a;b;c\n1;2;3\n").unwrap();
    let drafts_short = drafts(&table, &[Some(Field::Notes)], Some(99), Kind::Volunteer);
    assert_eq!(drafts_short[0].1.values.len(), 1);
    let long = vec![Some(Field::Notes); 10];
    let drafts_long = drafts(&table, &long, None, Kind::Employee);
    assert_eq!(
        drafts_long[0]
            .1
            .values
            .get(&Field::Notes)
            .map(String::as_str),
        Some("1")
    );
}
