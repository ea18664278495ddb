//! Names for the demo's people: how a full name is formed (gendered surnames, Kazakh and
//! Russian-style patronymics, Russian spelling of Kazakh letters), then generated data, not
//! logic — the given names and surnames of Kazakhstan's peoples the generator draws from, a
//! long table by nature.

use fastrand::Rng;

use super::data::one;
use crate::register::fields::Sex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ethnicity {
    Kazakh,
    Russian,
    Ukrainian,
    German,
    Korean,
    /// Uzbek, Uyghur, Tatar: Turkic first names with Russian-style patronymics.
    Turkic,
}

pub(super) struct Names {
    pub(super) surname: String,
    pub(super) name: &'static str,
    pub(super) patronymic: Option<String>,
}

pub(super) fn names(rng: &mut Rng, ethnicity: Ethnicity, sex: Sex, birth_year: i32) -> Names {
    use Ethnicity::*;
    let female = sex == Sex::Female;
    let slavic_names = matches!(ethnicity, Russian | Ukrainian | German | Korean);

    let name = if slavic_names {
        if female {
            one(rng, RUSSIAN_FEMALE)
        } else {
            one(rng, RUSSIAN_MALE).0
        }
    } else if ethnicity == Turkic {
        one(rng, if female { TURKIC_FEMALE } else { TURKIC_MALE })
    } else {
        one(rng, if female { KAZAKH_FEMALE } else { KAZAKH_MALE })
    };

    let masculine_surname = match ethnicity {
        // Some Kazakhs have dropped the Russian -ов/-ев for a grandfather's name + -ұлы.
        Kazakh if rng.f64() < 0.1 => format!("{}ұлы", one(rng, KAZAKH_MALE)),
        Kazakh => one(rng, KAZAKH_SURNAMES).to_owned(),
        Russian => one(rng, RUSSIAN_SURNAMES).to_owned(),
        Ukrainian => one(rng, UKRAINIAN_SURNAMES).to_owned(),
        German => one(rng, GERMAN_SURNAMES).to_owned(),
        Korean => one(rng, KOREAN_SURNAMES).to_owned(),
        Turkic => one(rng, TURKIC_SURNAMES).to_owned(),
    };
    let surname = if female {
        feminine_surname(&masculine_surname)
    } else {
        masculine_surname
    };

    let patronymic = if rng.f64() < 0.15 {
        None
    } else if slavic_names {
        let father = one(rng, RUSSIAN_MALE);
        Some(if female { father.2 } else { father.1 }.to_owned())
    } else if ethnicity == Turkic {
        Some(russian_style_patronymic(one(rng, TURKIC_MALE), sex))
    } else {
        // The Kazakh form (Болатұлы) is the rule for the young, the Russian form for many elders.
        let kazakh_form = if birth_year >= 2000 { 0.7 } else { 0.35 };
        let father = one(rng, KAZAKH_MALE);
        Some(if rng.f64() < kazakh_form || ends_in_vowel(father) {
            kazakh_patronymic(father, sex)
        } else {
            russian_style_patronymic(father, sex)
        })
    };

    Names {
        surname,
        name,
        patronymic,
    }
}

/// The woman's form of a surname: Жұмабаев → Жұмабаева, Болатұлы → Болатқызы,
/// Савицкий → Савицкая; Ким, Петренко, Миллер do not change.
pub(super) fn feminine_surname(masculine: &str) -> String {
    if let Some(stem) = masculine.strip_suffix("ұлы") {
        return format!("{stem}қызы");
    }
    if let Some(stem) = masculine.strip_suffix("ий") {
        return format!("{stem}ая");
    }
    if ["ов", "ев", "ёв", "ин", "ын"]
        .iter()
        .any(|end| masculine.ends_with(end))
    {
        return format!("{masculine}а");
    }
    masculine.to_owned()
}

/// Болат → Болатұлы / Болатқызы.
pub(super) fn kazakh_patronymic(father: &str, sex: Sex) -> String {
    match sex {
        Sex::Male => format!("{father}ұлы"),
        Sex::Female => format!("{father}қызы"),
    }
}

pub(super) fn ends_in_vowel(name: &str) -> bool {
    name.chars()
        .last()
        .is_some_and(|c| "аәеёиіоөуұүыэюя".contains(c))
}

/// Ерлан → Ерланович / Ерлановна, Серікбай → Серикбаевич, Равиль → Равилевич. Written in
/// Russian spelling (Асқар → Аскарович), as Russian-language documents write it.
pub(super) fn russian_style_patronymic(father: &str, sex: Sex) -> String {
    let mut stem: String = father.chars().map(russian_spelling).collect();
    let soft = stem.ends_with('й') || stem.ends_with('ь');
    if soft {
        stem.pop();
    }
    let suffix = match (soft, sex) {
        (false, Sex::Male) => "ович",
        (false, Sex::Female) => "овна",
        (true, Sex::Male) => "евич",
        (true, Sex::Female) => "евна",
    };
    stem.push_str(suffix);
    stem
}

/// A Kazakh letter as Russian spelling writes it.
pub(super) fn russian_spelling(c: char) -> char {
    match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        'Ә' => 'А',
        'Ғ' => 'Г',
        'Қ' => 'К',
        'Ң' => 'Н',
        'Ө' => 'О',
        'Ұ' | 'Ү' => 'У',
        'Һ' => 'Х',
        'І' => 'И',
        other => other,
    }
}

pub(super) const KAZAKH_MALE: &[&str] = &[
    "Ерлан",
    "Нұрлан",
    "Әлібек",
    "Дәурен",
    "Асқар",
    "Болат",
    "Серік",
    "Бауыржан",
    "Қайрат",
    "Марат",
    "Ержан",
    "Нұрсұлтан",
    "Ғалым",
    "Жандос",
    "Дархан",
    "Бекзат",
    "Санжар",
    "Айдос",
    "Алмас",
    "Арман",
    "Асхат",
    "Аслан",
    "Бақыт",
    "Бекжан",
    "Бердібек",
    "Дулат",
    "Ерболат",
    "Ербол",
    "Жанболат",
    "Жасұлан",
    "Мұрат",
    "Мейрам",
    "Нұржан",
    "Нұрбол",
    "Олжас",
    "Рүстем",
    "Саят",
    "Тимур",
    "Талғат",
    "Темірлан",
    "Әділет",
    "Әлихан",
    "Ақжол",
    "Ақылбек",
    "Ануар",
    "Берік",
    "Ғабит",
    "Дамир",
    "Ерасыл",
    "Ерік",
    "Қанат",
    "Қуаныш",
    "Мақсат",
    "Мағжан",
    "Мейіржан",
    "Нұрасыл",
    "Өмірзақ",
    "Рахат",
    "Самат",
    "Сұлтан",
    "Тұрсын",
    "Шыңғыс",
    "Ілияс",
    "Жарқын",
    "Абылай",
    "Арсен",
    "Бейбарыс",
    "Азамат",
    "Бақытжан",
    "Думан",
    "Еркебұлан",
    "Жомарт",
    "Қасым",
    "Мирас",
    "Нұрдәулет",
    "Серікбай",
    "Айбек",
    "Ерназар",
    "Мұхтар",
    "Сырым",
    "Төлеген",
    "Жұмабай",
];

pub(super) const KAZAKH_FEMALE: &[&str] = &[
    "Айгүл",
    "Әсел",
    "Мөлдір",
    "Гүлнар",
    "Жанар",
    "Айжан",
    "Ақмарал",
    "Ақбота",
    "Аружан",
    "Айым",
    "Айнұр",
    "Әйгерім",
    "Ботагөз",
    "Балжан",
    "Гүлмира",
    "Гүлсара",
    "Дана",
    "Динара",
    "Жансая",
    "Жұлдыз",
    "Жібек",
    "Зарина",
    "Зәуре",
    "Іңкәр",
    "Камила",
    "Қарлығаш",
    "Күләш",
    "Күлпаш",
    "Ләззат",
    "Ләйлә",
    "Мадина",
    "Мақпал",
    "Меруерт",
    "Назерке",
    "Назгүл",
    "Нұргүл",
    "Перизат",
    "Райхан",
    "Сабина",
    "Салтанат",
    "Сәуле",
    "Сымбат",
    "Толғанай",
    "Томирис",
    "Ұлжан",
    "Ұлдана",
    "Үміт",
    "Шынар",
    "Шолпан",
    "Айсұлу",
    "Аяулым",
    "Бибігүл",
    "Бақытгүл",
    "Гаухар",
    "Данагүл",
    "Еркежан",
    "Жазира",
    "Жаңыл",
    "Зере",
    "Інжу",
    "Кәмшат",
    "Күнсұлу",
    "Мейрамгүл",
    "Нәзира",
    "Раушан",
    "Сандуғаш",
    "Талшын",
    "Әлия",
    "Әминә",
    "Айдана",
];

/// Name, son's patronymic, daughter's patronymic: Russian patronymics are irregular enough
/// (Павел → Павлович, Илья → Ильинична) to be listed rather than derived.
pub(super) const RUSSIAN_MALE: &[(&str, &str, &str)] = &[
    ("Сергей", "Сергеевич", "Сергеевна"),
    ("Андрей", "Андреевич", "Андреевна"),
    ("Александр", "Александрович", "Александровна"),
    ("Алексей", "Алексеевич", "Алексеевна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ("Владимир", "Владимирович", "Владимировна"),
    ("Николай", "Николаевич", "Николаевна"),
    ("Иван", "Иванович", "Ивановна"),
    ("Михаил", "Михайлович", "Михайловна"),
    ("Виктор", "Викторович", "Викторовна"),
    ("Евгений", "Евгеньевич", "Евгеньевна"),
    ("Юрий", "Юрьевич", "Юрьевна"),
    ("Олег", "Олегович", "Олеговна"),
    ("Игорь", "Игоревич", "Игоревна"),
    ("Павел", "Павлович", "Павловна"),
    ("Пётр", "Петрович", "Петровна"),
    ("Анатолий", "Анатольевич", "Анатольевна"),
    ("Геннадий", "Геннадьевич", "Геннадьевна"),
    ("Валерий", "Валерьевич", "Валерьевна"),
    ("Василий", "Васильевич", "Васильевна"),
    ("Константин", "Константинович", "Константиновна"),
    ("Максим", "Максимович", "Максимовна"),
    ("Артём", "Артёмович", "Артёмовна"),
    ("Денис", "Денисович", "Денисовна"),
    ("Роман", "Романович", "Романовна"),
    ("Вадим", "Вадимович", "Вадимовна"),
    ("Вячеслав", "Вячеславович", "Вячеславовна"),
    ("Григорий", "Григорьевич", "Григорьевна"),
    ("Леонид", "Леонидович", "Леонидовна"),
    ("Илья", "Ильич", "Ильинична"),
    ("Никита", "Никитич", "Никитична"),
    ("Фёдор", "Фёдорович", "Фёдоровна"),
    ("Кирилл", "Кириллович", "Кирилловна"),
    ("Степан", "Степанович", "Степановна"),
    ("Тимофей", "Тимофеевич", "Тимофеевна"),
    ("Борис", "Борисович", "Борисовна"),
    ("Станислав", "Станиславович", "Станиславовна"),
    ("Егор", "Егорович", "Егоровна"),
    ("Виталий", "Витальевич", "Витальевна"),
    ("Георгий", "Георгиевич", "Георгиевна"),
    ("Руслан", "Русланович", "Руслановна"),
    ("Эдуард", "Эдуардович", "Эдуардовна"),
    ("Валентин", "Валентинович", "Валентиновна"),
    ("Лев", "Львович", "Львовна"),
    ("Яков", "Яковлевич", "Яковлевна"),
    ("Владислав", "Владиславович", "Владиславовна"),
    ("Антон", "Антонович", "Антоновна"),
    ("Даниил", "Даниилович", "Данииловна"),
    ("Артур", "Артурович", "Артуровна"),
    ("Вальтер", "Вальтерович", "Вальтеровна"),
];

pub(super) const RUSSIAN_FEMALE: &[&str] = &[
    "Елена",
    "Ольга",
    "Наталья",
    "Татьяна",
    "Ирина",
    "Светлана",
    "Марина",
    "Анна",
    "Мария",
    "Екатерина",
    "Юлия",
    "Людмила",
    "Галина",
    "Валентина",
    "Надежда",
    "Любовь",
    "Лариса",
    "Оксана",
    "Виктория",
    "Дарья",
    "Анастасия",
    "Ксения",
    "Алина",
    "Полина",
    "Софья",
    "Вера",
    "Нина",
    "Зоя",
    "Тамара",
    "Раиса",
    "Лидия",
    "Валерия",
    "Кристина",
    "Евгения",
    "Алёна",
    "Жанна",
    "Инна",
    "Яна",
    "Вероника",
    "Маргарита",
    "Елизавета",
    "Алла",
    "Антонина",
    "Варвара",
    "Эльза",
    "Ирма",
];

pub(super) const TURKIC_MALE: &[&str] = &[
    "Рустам",
    "Ильдар",
    "Ринат",
    "Фарид",
    "Шухрат",
    "Бахтияр",
    "Дильшат",
    "Алишер",
    "Равиль",
    "Марсель",
    "Азат",
    "Ильяс",
    "Камиль",
    "Тахир",
    "Абдулла",
    "Анвар",
    "Рашид",
    "Нурмухамед",
];

pub(super) const TURKIC_FEMALE: &[&str] = &[
    "Гульнара",
    "Азиза",
    "Дильноза",
    "Эльмира",
    "Альфия",
    "Гузель",
    "Рената",
    "Наиля",
    "Зульфия",
    "Нигора",
    "Малика",
    "Дилором",
    "Лейсан",
    "Гульшат",
    "Рамиля",
];

/// Masculine forms; [`feminine_surname`] makes the women's.
pub(super) const KAZAKH_SURNAMES: &[&str] = &[
    "Жұмабаев",
    "Серіков",
    "Нұрмағанбетов",
    "Әбдірахманов",
    "Ахметов",
    "Омаров",
    "Сейітов",
    "Қасымов",
    "Сәрсенбаев",
    "Әлімжанов",
    "Байжанов",
    "Бекмұханбетов",
    "Дүйсенбаев",
    "Ермеков",
    "Жақсылықов",
    "Исабеков",
    "Қожахметов",
    "Құдайбергенов",
    "Мұқанов",
    "Нұрғалиев",
    "Оспанов",
    "Рахымжанов",
    "Сұлтанов",
    "Тәжібаев",
    "Төлеуов",
    "Үсенов",
    "Шәкенов",
    "Ыбырайымов",
    "Есенов",
    "Жексенбаев",
    "Бейсенов",
    "Әбенов",
    "Алпысбаев",
    "Бақытжанов",
    "Дәулетов",
    "Ержанов",
    "Ғабдуллин",
    "Жұмағұлов",
    "Мұсабаев",
    "Қалиев",
    "Қуанышев",
    "Мамыров",
    "Сапаров",
    "Тұрсынов",
    "Мусин",
    "Ысқақов",
    "Иманғалиев",
    "Кенжебаев",
    "Ақылбеков",
    "Есімов",
    "Жаңабаев",
    "Керімбаев",
    "Смағұлов",
    "Темірбеков",
    "Өтебаев",
    "Байтұрсынов",
    "Қайратов",
    "Мұхамеджанов",
    "Әміров",
    "Нұрпейісов",
];

pub(super) const RUSSIAN_SURNAMES: &[&str] = &[
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Белов",
    "Медведев",
    "Ершов",
    "Гусев",
    "Титов",
    "Кириллов",
    "Калинин",
    "Яковлев",
    "Голубев",
    "Виноградов",
    "Савицкий",
    "Ковальский",
];

/// Indeclinable: the same for women.
pub(super) const UKRAINIAN_SURNAMES: &[&str] = &[
    "Петренко",
    "Шевченко",
    "Коваленко",
    "Бондаренко",
    "Ткаченко",
    "Кравчук",
    "Мельник",
    "Савчук",
    "Лысенко",
    "Бойко",
];

pub(super) const GERMAN_SURNAMES: &[&str] = &[
    "Миллер",
    "Шмидт",
    "Вебер",
    "Шульц",
    "Беккер",
    "Фишер",
    "Вагнер",
    "Гофман",
    "Кох",
    "Майер",
];

pub(super) const KOREAN_SURNAMES: &[&str] = &[
    "Ким",
    "Пак",
    "Цой",
    "Ли",
    "Тен",
    "Хван",
    "Югай",
    "Хегай",
    "Огай",
    "Нам",
];

pub(super) const TURKIC_SURNAMES: &[&str] = &[
    "Хасанов",
    "Юсупов",
    "Галиев",
    "Сафин",
    "Мухаметов",
    "Рахимов",
    "Каримов",
    "Исмаилов",
    "Абдуллаев",
    "Хакимов",
    "Шарипов",
    "Насыров",
    "Усманов",
    "Валиев",
    "Алиев",
    "Мамедов",
];
