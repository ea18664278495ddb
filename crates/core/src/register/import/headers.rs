//! Guessing which standard field each column holds from its header, in Kazakh, Russian or
//! English, and recognising columns that hold the whole name ("ФИО").

use crate::register::fields::Field;

/// Header spellings per field, in Kazakh, Russian and English; the stable key is added too.
/// Compared after [`normalise_header`], so case, punctuation and Kazakh/Russian letter variants
/// do not matter.
pub(super) const FIELD_HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Surname,
        &["тегі", "фамилия", "surname", "last name", "family name"],
    ),
    (
        Field::Name,
        &["аты", "есімі", "имя", "first name", "given name", "name"],
    ),
    (
        Field::Patronymic,
        &[
            "әкесінің аты",
            "әкесінің есімі",
            "отчество",
            "patronymic",
            "middle name",
        ],
    ),
    (
        Field::Iin,
        &[
            "жсн",
            "иин",
            "iin",
            "жеке сәйкестендіру нөмірі",
            "индивидуальный идентификационный номер",
        ],
    ),
    (
        Field::BirthDate,
        &[
            "туған күні",
            "туылған күні",
            "туған күні айы жылы",
            "дата рождения",
            "дата рожд",
            "date of birth",
            "birth date",
            "birthday",
            "dob",
        ],
    ),
    (Field::Sex, &["жынысы", "жыныс", "пол", "sex", "gender"]),
    (
        Field::Phone,
        &[
            "телефон",
            "тел",
            "телефон нөмірі",
            "ұялы телефон",
            "номер телефона",
            "мобильный",
            "сотовый",
            "phone",
            "phone number",
            "mobile",
            "mobile phone",
        ],
    ),
    (
        Field::Email,
        &[
            "e-mail",
            "эл почта",
            "электронная почта",
            "электрондық пошта",
            "эл пошта",
            "email address",
        ],
    ),
    (
        Field::Region,
        &["облыс", "область", "регион", "region", "oblast"],
    ),
    (Field::District, &["аудан", "район", "district"]),
    (
        Field::Settlement,
        &[
            "елді мекен",
            "қала ауыл",
            "населённый пункт",
            "нас пункт",
            "город село",
            "город",
            "село",
            "settlement",
            "city",
            "town",
            "village",
            "locality",
        ],
    ),
    (
        Field::Address,
        &[
            "мекенжай",
            "мекенжайы",
            "тұрғылықты мекенжайы",
            "адрес",
            "адрес проживания",
            "address",
        ],
    ),
    (
        Field::IdDocument,
        &[
            "жеке куәлік нөмірі",
            "жеке куәлік",
            "куәлік нөмірі",
            "№ удостоверения",
            "номер удостоверения",
            "удостоверение личности",
            "уд личности",
            "номер документа",
            "документ",
            "паспорт",
            "id document",
            "document number",
            "passport",
        ],
    ),
    (
        Field::Programme,
        &[
            "бағдарлама",
            "жоба",
            "программа",
            "проект",
            "programme",
            "program",
            "project",
        ],
    ),
    (
        Field::Disability,
        &[
            "мүгедектік",
            "мүгедектік тобы",
            "инвалидность",
            "группа инвалидности",
            "disability",
        ],
    ),
    (
        Field::HouseholdSize,
        &[
            "отбасы мүшелерінің саны",
            "отбасы саны",
            "состав семьи",
            "кол-во членов семьи",
            "количество членов семьи",
            "число членов семьи",
            "household size",
            "family size",
        ],
    ),
    (
        Field::HealthNotes,
        &[
            "денсаулық",
            "денсаулық жағдайы",
            "здоровье",
            "состояние здоровья",
            "health notes",
            "health",
        ],
    ),
    (
        Field::Notes,
        &[
            "ескертпе",
            "примечание",
            "примечания",
            "комментарий",
            "notes",
            "note",
            "comment",
            "comments",
        ],
    ),
];

/// Headers of one column holding the whole name ("Серікова Айгүл Болатқызы").
const FULL_NAME_HEADERS: &[&str] = &[
    "фио",
    "аты-жөні",
    "тегі аты",
    "фамилия имя",
    "фамилия и имя",
    "полное имя",
    "full name",
    "fullname",
];

/// Headers of a column holding the day a person first came to the organisation.
const REGISTERED_ON_HEADERS: &[&str] = &[
    "тіркелген күні",
    "тіркеу күні",
    "тіркелген",
    "алғашқы қызмет",
    "алғашқы қызмет күні",
    "алғаш келген күні",
    "алғашқы өтініш",
    "дата регистрации",
    "дата постановки на учет",
    "зарегистрирован",
    "первая услуга",
    "дата первой услуги",
    "дата первого обращения",
    "первое обращение",
    "registered on",
    "registered",
    "registration date",
    "date registered",
    "first service",
    "first service date",
    "first visit",
    "registered_on",
];

/// The first column whose header says when a person first came ("Дата регистрации", "Тіркелген
/// күні", "First service"): [`drafts`](super::drafts) reads it into
/// [`PersonDraft::registered_on`](crate::register::fields::PersonDraft::registered_on).
pub fn registered_on_column(headers: &[String]) -> Option<usize> {
    headers.iter().position(|h| {
        best_score(&normalise_header(h), REGISTERED_ON_HEADERS.iter().copied())
            .is_some_and(|s| s.exact)
    })
}

/// Lower-case, fold Kazakh letters ([`crate::text::fold`]) and split into words on anything
/// that is not a letter or digit: "Ф.И.О." → `ф и о`, "E-mail" → `e mail`.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// [`folded_words`] without bare numbers ("1. Фамилия", "Телефон 2").
pub(super) fn normalise_header(header: &str) -> Vec<String> {
    let mut words = folded_words(header);
    words.retain(|w| !w.chars().all(|c| c.is_ascii_digit()));
    words
}

/// How well a header matches one spelling: an exact match (ignoring spaces, so "E-mail" is
/// "email") beats the spelling appearing as whole words inside a longer header ("ИИН
/// получателя"); among those, longer spellings win ("Әкесінің аты" over "аты").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct MatchScore {
    exact: bool,
    words: usize,
}

fn match_score(header: &[String], spelling: &[String]) -> Option<MatchScore> {
    if spelling.is_empty() || header.is_empty() {
        return None;
    }
    let exact = header.concat() == spelling.concat();
    let inside = header.windows(spelling.len()).any(|w| w == spelling);
    (exact || inside).then_some(MatchScore {
        exact,
        words: spelling.len(),
    })
}

pub(super) fn best_score<'a>(
    header: &[String],
    spellings: impl IntoIterator<Item = &'a str>,
) -> Option<MatchScore> {
    spellings
        .into_iter()
        .filter_map(|s| match_score(header, &normalise_header(s)))
        .max()
}

/// Whether a header names a column holding the whole name: "ФИО", "Ф.И.О.", "Аты-жөні",
/// "Фамилия, имя, отчество", "Full name" and the like.
pub fn is_full_name_header(header: &str) -> bool {
    best_score(&normalise_header(header), FULL_NAME_HEADERS.iter().copied()).is_some()
}

/// The first column whose header [`is_full_name_header`], to pass to [`drafts`](super::drafts).
pub fn full_name_column(headers: &[String]) -> Option<usize> {
    headers.iter().position(|h| is_full_name_header(h))
}

/// Guess which standard field each column holds, from headers in Kazakh, Russian or English
/// ("Тегі"/"Фамилия"/"Surname", "ЖСН"/"ИИН"/"IIN", "Туған күні"/"Дата рождения"/"DOB", …) or
/// the stable keys (`birth_date`), ignoring case and punctuation.
///
/// Each field goes to at most one column: the best-matching one, the leftmost on a tie; a
/// column that loses its best field may take its next best. Full-name columns ("ФИО") get
/// `None` (see [`full_name_column`]); so do services, which are not imported from a table.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    let mut candidates: Vec<(MatchScore, usize, Field)> = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        if is_full_name_header(header) {
            continue;
        }
        let words = normalise_header(header);
        for &(field, spellings) in FIELD_HEADERS {
            let spellings = spellings.iter().copied().chain([field.key()]);
            if let Some(score) = best_score(&words, spellings) {
                candidates.push((score, column, field));
            }
        }
    }
    // Best score first; on a tie the leftmost column.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut mapping = vec![None; headers.len()];
    let mut taken = Vec::new();
    for (_, column, field) in candidates {
        if taken.contains(&field) {
            continue;
        }
        if let Some(slot @ None) = mapping.get_mut(column) {
            *slot = Some(field);
            taken.push(field);
        }
    }
    mapping
}
