//! The words of reports and releases in Kazakh, Russian and English. Donor reports go to foreign
//! funds as well as to the state grant operator, so unlike the legal documents they are made in
//! English too.

/// The language of a report or release: one of the languages Derbes speaks.
pub use crate::words::Lang;

/// The word for `key` in a (key, kk, ru, en) table; `None` when it is not there.
pub(crate) fn lookup(table: &[(&str, &str, &str, &str)], key: &str, lang: Lang) -> Option<String> {
    table
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, kk, ru, en)| lang.pick(kk, ru, en).to_string())
}

/// "Not stated", for a missing value.
pub fn not_stated(lang: Lang) -> String {
    lang.pick("Көрсетілмеген", "Не указано", "Not stated")
        .into()
}

/// "Total".
pub fn total(lang: Lang) -> String {
    lang.pick("Барлығы", "Всего", "Total").into()
}

/// A service type's name; unknown keys stay as they are.
pub fn service_type(key: &str, lang: Lang) -> String {
    const NAMES: [(&str, &str, &str, &str); 11] = [
        (
            "legal_consultation",
            "Заң кеңесі",
            "Юридическая консультация",
            "Legal consultation",
        ),
        (
            "psychological_support",
            "Психологиялық қолдау",
            "Психологическая поддержка",
            "Psychological support",
        ),
        (
            "social_support",
            "Әлеуметтік қолдау",
            "Социальная поддержка",
            "Social support",
        ),
        (
            "food_package",
            "Азық-түлік жиынтығы",
            "Продуктовый набор",
            "Food package",
        ),
        (
            "hygiene_kit",
            "Гигиеналық жиынтық",
            "Гигиенический набор",
            "Hygiene kit",
        ),
        (
            "cash_assistance",
            "Ақшалай көмек",
            "Денежная помощь",
            "Cash assistance",
        ),
        (
            "medical_referral",
            "Дәрігерге жолдама",
            "Направление к врачу",
            "Medical referral",
        ),
        ("shelter", "Уақытша баспана", "Временное убежище", "Shelter"),
        ("training", "Оқыту", "Обучение", "Training"),
        ("home_visit", "Үйге бару", "Посещение на дому", "Home visit"),
        (
            "other",
            "Басқа қызметтер",
            "Прочие услуги",
            "Other services",
        ),
    ];
    lookup(&NAMES, key, lang).unwrap_or_else(|| key.to_string())
}

/// A kind of person.
pub fn kind(key: &str, lang: Lang) -> String {
    const NAMES: [(&str, &str, &str, &str); 3] = [
        (
            "beneficiary",
            "Бенефициар",
            "Благополучатель",
            "Beneficiary",
        ),
        ("employee", "Қызметкер", "Сотрудник", "Employee"),
        ("volunteer", "Ерікті", "Волонтёр", "Volunteer"),
    ];
    lookup(&NAMES, key, lang).unwrap_or_else(|| key.to_string())
}

/// Sex.
pub fn sex(key: &str, lang: Lang) -> String {
    const NAMES: [(&str, &str, &str, &str); 2] = [
        ("male", "Ер", "Мужской", "Male"),
        ("female", "Әйел", "Женский", "Female"),
    ];
    lookup(&NAMES, key, lang).unwrap_or_else(|| not_stated(lang))
}

/// Yes or no.
pub fn yes_no(yes: bool, lang: Lang) -> String {
    if yes {
        lang.pick("Иә", "Да", "Yes").into()
    } else {
        lang.pick("Жоқ", "Нет", "No").into()
    }
}

/// A macro-region (the coarsest place before "*").
pub fn macro_region(key: &str, lang: Lang) -> String {
    const NAMES: [(&str, &str, &str, &str); 5] = [
        ("north", "Солтүстік", "Север", "North"),
        ("south", "Оңтүстік", "Юг", "South"),
        ("east", "Шығыс", "Восток", "East"),
        ("west", "Батыс", "Запад", "West"),
        ("central", "Орталық", "Центр", "Centre"),
    ];
    lookup(&NAMES, key, lang).unwrap_or_else(|| not_stated(lang))
}

/// A region's name by key.
pub fn region(key: &str, lang: Lang) -> String {
    match crate::register::regions::by_key(key) {
        Some(r) => lang.pick(r.kk, r.ru, r.en).to_string(),
        None => not_stated(lang),
    }
}

/// A quarter key `YYYY-Qn` as people write it.
pub fn quarter(key: &str, lang: Lang) -> String {
    let (y, q) = key.split_once("-Q").unwrap_or((key, ""));
    match lang {
        Lang::Kk => format!("{y} ж. {q}-тоқсан"),
        Lang::Ru => format!("{q} кв. {y}"),
        Lang::En => format!("Q{q} {y}"),
    }
}

/// A month key `YYYY-MM` as `MM.YYYY`.
pub fn month(key: &str) -> String {
    match key.split_once('-') {
        Some((y, m)) => format!("{m}.{y}"),
        None => key.to_string(),
    }
}
