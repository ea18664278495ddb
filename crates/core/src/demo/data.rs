//! Synthetic people for the demo vault and the 100,000-person benchmarks.
//!
//! Everything here is made up, but shaped like a small Kazakh NGO's register: Kazakh, Russian
//! and other Kazakhstani names with gendered surnames and patronymics, valid and unique IINs
//! that agree with birth date and sex, every region weighted by population, minors and the
//! elderly, disabilities, health notes and services spread over several years.
//!
//! The generator is pure and deterministic: the same `(count, seed, today)` always gives the
//! same people, so benchmarks and screenshots are reproducible. It touches no database.

use std::collections::HashMap;
use std::fmt::Write as _;

use fastrand::Rng;
use time::{Date, Month};

use crate::register::fields::{Field, Kind, PersonDraft, ServiceDraft, Sex};
use crate::register::ids::Iin;

/// The programme staff are attached to, if any.
pub const ADMIN_PROGRAMME: &str = "Әкімшілік";

/// The volunteers' own programme.
pub const VOLUNTEER_PROGRAMME: &str = "Еріктілер мектебі";

/// The NGO programmes a demo person can belong to, in Kazakh as a Kazakh NGO names them.
pub const PROGRAMMES: [&str; 6] = [
    "Құқықтық көмек",
    "Әлеуметтік қолдау",
    "Гуманитарлық көмек",
    "Инклюзия",
    "Зорлық-зомбылықтан зардап шеккендерге көмек",
    VOLUNTEER_PROGRAMME,
];

/// `count` synthetic people, the same for the same `seed` and `today` (see [`generate_iter`]).
pub fn generate(count: usize, seed: u64, today: Date) -> Vec<PersonDraft> {
    generate_iter(count, seed, today).collect()
}

/// Stream `count` synthetic people without holding them all, for large demo vaults and
/// benchmarks. Deterministic for a given `seed` and `today`; nobody is born after `today` and
/// no service is dated after it. IINs are unique across the whole stream.
pub fn generate_iter(
    count: usize,
    seed: u64,
    today: Date,
) -> impl ExactSizeIterator<Item = PersonDraft> {
    People {
        rng: Rng::with_seed(seed),
        today,
        left: count,
        kinds: KIND_BLOCK,
        next_kind: KIND_BLOCK.len(),
        serials_used: HashMap::new(),
    }
}

/// Kinds are dealt from shuffled blocks of 20 so that even a 20-person demo shows every kind
/// and large sets hit 85 / 10 / 5 % exactly.
const KIND_BLOCK: [Kind; 20] = {
    let mut block = [Kind::Beneficiary; 20];
    block[0] = Kind::Volunteer;
    block[1] = Kind::Employee;
    block[2] = Kind::Employee;
    block
};

struct People {
    rng: Rng,
    today: Date,
    left: usize,
    kinds: [Kind; 20],
    next_kind: usize,
    /// How many serials have been tried per (birth day, sex): serials walk a permutation of
    /// 0..10 000, so no two people of the same birth day and sex can share an IIN.
    serials_used: HashMap<(i32, Sex), u16>,
}

impl Iterator for People {
    type Item = PersonDraft;

    fn next(&mut self) -> Option<PersonDraft> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        if self.next_kind == self.kinds.len() {
            self.rng.shuffle(&mut self.kinds);
            self.next_kind = 0;
        }
        let kind = self.kinds[self.next_kind];
        self.next_kind += 1;
        Some(self.person(kind))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for People {}

impl People {
    fn person(&mut self, kind: Kind) -> PersonDraft {
        let today = self.today;
        let (youngest, oldest) = pick(&mut self.rng, age_bands(kind));
        let age = self.rng.u8(youngest..=oldest);
        let birth = birth_date_for_age(&mut self.rng, today, age);
        let sex = self.sex(kind, age);
        let (birth, iin) = self.unique_iin(birth, sex);
        let age = age_on(birth, today);
        let rng = &mut self.rng;

        let area = pick_area(rng);
        let ethnicity = pick(rng, area.profile.ethnicities());
        let names = names(rng, ethnicity, sex, birth.year());

        let email = (rng.f64() < email_chance(kind, age))
            .then(|| email(rng, names.name, &names.surname, birth));

        let mut values = std::collections::BTreeMap::new();
        values.insert(Field::Surname, names.surname);
        values.insert(Field::Name, names.name.to_owned());
        if let Some(p) = names.patronymic {
            values.insert(Field::Patronymic, p);
        }
        values.insert(Field::Iin, iin.as_string());
        values.insert(Field::BirthDate, iso(birth));
        values.insert(Field::Sex, sex.key().to_owned());

        // A small child's number is a parent's; staff are always reachable.
        let phone_chance = match (kind, age) {
            (Kind::Employee, _) => 1.0,
            (_, 0..=9) => 0.7,
            _ => 0.87,
        };
        if rng.f64() < phone_chance {
            values.insert(Field::Phone, phone(rng));
        }
        if let Some(e) = email {
            values.insert(Field::Email, e);
        }

        values.insert(Field::Region, area.key.to_owned());
        let (district, settlement, urban) = place(rng, area);
        if let Some(d) = district {
            values.insert(Field::District, d.to_owned());
        }
        values.insert(Field::Settlement, settlement.to_owned());
        values.insert(Field::Address, address(rng, urban));

        // The ID card is issued at 16; younger people carry a birth certificate.
        let id_chance = match kind {
            _ if age < 16 => 0.0,
            Kind::Employee => 0.95,
            Kind::Volunteer => 0.6,
            Kind::Beneficiary => 0.7,
        };
        if rng.f64() < id_chance {
            values.insert(
                Field::IdDocument,
                format!("0{:08}", rng.u32(0..100_000_000)),
            );
        }

        let programme = programme(rng, kind, sex);
        if let Some(p) = programme {
            values.insert(Field::Programme, p.to_owned());
        }

        let inclusion = programme == Some(PROGRAMMES[3]);
        let disability_chance = match age {
            _ if inclusion => 0.6,
            0..=64 => 0.04,
            _ => 0.12,
        };
        if rng.f64() < disability_chance {
            let group = if age < 18 {
                // Under 18 there are no groups: the status is "disabled child".
                "мүгедек бала"
            } else {
                pick(rng, DISABILITY_GROUPS)
            };
            values.insert(Field::Disability, group.to_owned());
        }

        if kind == Kind::Beneficiary {
            let mut size = pick(rng, household_sizes(age));
            if age < 18 && size == 1 {
                size = 2; // a child does not live alone
            }
            values.insert(Field::HouseholdSize, size.to_string());
        }

        let health_chance = match (kind, age) {
            (Kind::Employee | Kind::Volunteer, _) => 0.03,
            (_, 0..=17) => 0.06,
            (_, 18..=64) => 0.08,
            _ => 0.25,
        };
        if rng.f64() < health_chance {
            values.insert(Field::HealthNotes, health_note(rng, sex, age).to_owned());
        }

        if rng.f64() < 0.2 {
            let notes = match kind {
                Kind::Beneficiary => BENEFICIARY_NOTES,
                Kind::Employee => EMPLOYEE_NOTES,
                Kind::Volunteer => VOLUNTEER_NOTES,
            };
            values.insert(Field::Notes, notes[rng.usize(..notes.len())].to_owned());
        }

        let services = match (kind, programme) {
            (Kind::Beneficiary, Some(p)) => services(rng, p, birth, today),
            _ => Vec::new(),
        };

        PersonDraft {
            kind: Some(kind),
            values,
            services,
        }
    }

    /// NGO clients and staff are mostly women; among the elderly even more so.
    fn sex(&mut self, kind: Kind, age: u8) -> Sex {
        let female = match kind {
            Kind::Beneficiary if age >= 65 => 0.68,
            Kind::Beneficiary if age < 18 => 0.5,
            Kind::Beneficiary => 0.6,
            Kind::Employee => 0.7,
            Kind::Volunteer => 0.6,
        };
        if self.rng.f64() < female {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    /// A valid IIN not given to anyone before in this stream. If all 10 000 serials of a birth
    /// day and sex are taken (only with absurd counts), the person is born a day earlier.
    fn unique_iin(&mut self, mut birth: Date, sex: Sex) -> (Date, Iin) {
        loop {
            let day = birth.to_julian_day();
            let used = self.serials_used.entry((day, sex)).or_insert(0);
            // A per-day offset and a stride coprime with 10 000 make serials look scattered.
            let offset =
                (day.unsigned_abs() * 131 + if sex == Sex::Female { 17 } else { 0 }) % 10_000;
            while *used < 10_000 {
                let serial = (offset + u32::from(*used) * 7919) % 10_000;
                *used += 1;
                if let Some(iin) = Iin::synthesize(birth, sex, serial as u16) {
                    return (birth, iin);
                }
            }
            birth = birth.previous_day().expect("far from the calendar's start");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Ages and dates

type Band = (u8, u8);

/// Ages in years, weighted. Beneficiaries include children (about 24 %) and the elderly (about
/// 18 %), which gives roughly 20 % and 15 % over the whole register.
fn age_bands(kind: Kind) -> &'static [(Band, u32)] {
    match kind {
        Kind::Beneficiary => &[
            ((0, 5), 7),
            ((6, 17), 17),
            ((18, 39), 22),
            ((40, 64), 36),
            ((65, 84), 15),
            ((85, 97), 3),
        ],
        Kind::Employee => &[((20, 29), 25), ((30, 44), 40), ((45, 64), 35)],
        Kind::Volunteer => &[((16, 24), 45), ((25, 44), 35), ((45, 70), 20)],
    }
}

/// The same calendar day `years` before `from` (29 February falls back to the 28th).
fn years_before(from: Date, years: u8) -> Date {
    let year = from.year() - i32::from(years);
    from.replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .expect("a valid date")
}

/// A birth date that makes the person exactly `age` on `today`.
fn birth_date_for_age(rng: &mut Rng, today: Date, age: u8) -> Date {
    let latest = years_before(today, age).to_julian_day();
    let earliest = years_before(today, age + 1).to_julian_day() + 1;
    Date::from_julian_day(rng.i32(earliest..=latest)).expect("a valid date")
}

/// Age in whole years on `today`.
fn age_on(birth: Date, today: Date) -> u8 {
    let before_birthday = (today.month(), today.day()) < (birth.month(), birth.day());
    (today.year() - birth.year() - i32::from(before_birthday)).clamp(0, 255) as u8
}

/// `YYYY-MM-DD`.
fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

// ---------------------------------------------------------------------------------------------
// Names

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ethnicity {
    Kazakh,
    Russian,
    Ukrainian,
    German,
    Korean,
    /// Uzbek, Uyghur, Tatar: Turkic first names with Russian-style patronymics.
    Turkic,
}

struct Names {
    surname: String,
    name: &'static str,
    patronymic: Option<String>,
}

fn names(rng: &mut Rng, ethnicity: Ethnicity, sex: Sex, birth_year: i32) -> Names {
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
fn feminine_surname(masculine: &str) -> String {
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
fn kazakh_patronymic(father: &str, sex: Sex) -> String {
    match sex {
        Sex::Male => format!("{father}ұлы"),
        Sex::Female => format!("{father}қызы"),
    }
}

fn ends_in_vowel(name: &str) -> bool {
    name.chars()
        .last()
        .is_some_and(|c| "аәеёиіоөуұүыэюя".contains(c))
}

/// Ерлан → Ерланович / Ерлановна, Серікбай → Серикбаевич, Равиль → Равилевич. Written in
/// Russian spelling (Асқар → Аскарович), as Russian-language documents write it.
fn russian_style_patronymic(father: &str, sex: Sex) -> String {
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
fn russian_spelling(c: char) -> char {
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

const KAZAKH_MALE: &[&str] = &[
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

const KAZAKH_FEMALE: &[&str] = &[
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
const RUSSIAN_MALE: &[(&str, &str, &str)] = &[
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

const RUSSIAN_FEMALE: &[&str] = &[
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

const TURKIC_MALE: &[&str] = &[
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

const TURKIC_FEMALE: &[&str] = &[
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
const KAZAKH_SURNAMES: &[&str] = &[
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

const RUSSIAN_SURNAMES: &[&str] = &[
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
const UKRAINIAN_SURNAMES: &[&str] = &[
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

const GERMAN_SURNAMES: &[&str] = &[
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

const KOREAN_SURNAMES: &[&str] = &[
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

const TURKIC_SURNAMES: &[&str] = &[
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

// ---------------------------------------------------------------------------------------------
// Regions and places

/// Who lives where, roughly (2021 census): the north is much more Russian and European, the
/// south more Kazakh and Uzbek, the west almost entirely Kazakh.
#[derive(Clone, Copy)]
enum Profile {
    North,
    Mixed,
    South,
    West,
}

impl Profile {
    fn ethnicities(self) -> &'static [(Ethnicity, u32)] {
        use Ethnicity::*;
        match self {
            Profile::North => &[
                (Kazakh, 50),
                (Russian, 36),
                (Ukrainian, 5),
                (German, 4),
                (Korean, 1),
                (Turkic, 4),
            ],
            Profile::Mixed => &[
                (Kazakh, 70),
                (Russian, 18),
                (Ukrainian, 2),
                (German, 1),
                (Korean, 3),
                (Turkic, 6),
            ],
            Profile::South => &[
                (Kazakh, 84),
                (Russian, 5),
                (Ukrainian, 1),
                (German, 1),
                (Korean, 1),
                (Turkic, 8),
            ],
            Profile::West => &[
                (Kazakh, 90),
                (Russian, 7),
                (Ukrainian, 1),
                (German, 1),
                (Turkic, 1),
            ],
        }
    }
}

/// A region as the generator sees it.
struct Area {
    /// Key in [`crate::register::regions::REGIONS`].
    key: &'static str,
    /// Population in thousands, for weighting.
    population: u32,
    profile: Profile,
    /// Cities of regional significance: not part of any district.
    towns: &'static [&'static str],
    /// Districts with a few of their settlements (for the three big cities, city districts).
    districts: &'static [(&'static str, &'static [&'static str])],
}

const fn area(
    key: &'static str,
    population: u32,
    profile: Profile,
    towns: &'static [&'static str],
    districts: &'static [(&'static str, &'static [&'static str])],
) -> Area {
    Area {
        key,
        population,
        profile,
        towns,
        districts,
    }
}

const ALMATY: &[&str] = &["Алматы"];
const ASTANA: &[&str] = &["Астана"];
const SHYMKENT: &[&str] = &["Шымкент"];

/// Population figures are 2024 estimates in thousands, rounded.
const AREAS: [Area; 20] = [
    area(
        "astana",
        1430,
        Profile::Mixed,
        &[],
        &[
            ("Алматы ауданы", ASTANA),
            ("Есіл ауданы", ASTANA),
            ("Сарыарқа ауданы", ASTANA),
            ("Байқоңыр ауданы", ASTANA),
            ("Нұра ауданы", ASTANA),
        ],
    ),
    area(
        "almaty_city",
        2230,
        Profile::Mixed,
        &[],
        &[
            ("Алмалы ауданы", ALMATY),
            ("Әуезов ауданы", ALMATY),
            ("Бостандық ауданы", ALMATY),
            ("Медеу ауданы", ALMATY),
            ("Алатау ауданы", ALMATY),
            ("Жетісу ауданы", ALMATY),
            ("Түрксіб ауданы", ALMATY),
            ("Наурызбай ауданы", ALMATY),
        ],
    ),
    area(
        "shymkent",
        1220,
        Profile::South,
        &[],
        &[
            ("Абай ауданы", SHYMKENT),
            ("Әл-Фараби ауданы", SHYMKENT),
            ("Еңбекші ауданы", SHYMKENT),
            ("Қаратау ауданы", SHYMKENT),
            ("Тұран ауданы", SHYMKENT),
        ],
    ),
    area(
        "abai",
        600,
        Profile::Mixed,
        &["Семей", "Курчатов"],
        &[
            ("Абай ауданы", &["Қарауыл"]),
            ("Аягөз ауданы", &["Аягөз"]),
            ("Бесқарағай ауданы", &["Бесқарағай"]),
            ("Бородулиха ауданы", &["Бородулиха"]),
            ("Жарма ауданы", &["Шар", "Қалбатау"]),
            ("Үржар ауданы", &["Үржар", "Мақаншы"]),
        ],
    ),
    area(
        "akmola",
        790,
        Profile::North,
        &["Көкшетау", "Степногорск"],
        &[
            ("Бурабай ауданы", &["Щучинск", "Бурабай"]),
            ("Целиноград ауданы", &["Қосшы", "Ақмол"]),
            ("Аршалы ауданы", &["Аршалы"]),
            ("Зеренді ауданы", &["Зеренді"]),
            ("Шортанды ауданы", &["Шортанды"]),
        ],
    ),
    area(
        "aktobe",
        930,
        Profile::West,
        &["Ақтөбе"],
        &[
            ("Мұғалжар ауданы", &["Қандыағаш", "Ембі"]),
            ("Хромтау ауданы", &["Хромтау"]),
            ("Алға ауданы", &["Алға"]),
            ("Мәртөк ауданы", &["Мәртөк"]),
            ("Шалқар ауданы", &["Шалқар"]),
        ],
    ),
    area(
        "almaty_region",
        1510,
        Profile::Mixed,
        &["Қонаев"],
        &[
            ("Еңбекшіқазақ ауданы", &["Есік", "Түрген"]),
            ("Іле ауданы", &["Өтеген батыр", "Боралдай"]),
            ("Қарасай ауданы", &["Қаскелең", "Шамалған"]),
            ("Талғар ауданы", &["Талғар"]),
            ("Жамбыл ауданы", &["Ұзынағаш"]),
            ("Ұйғыр ауданы", &["Шонжы"]),
        ],
    ),
    area(
        "atyrau",
        700,
        Profile::West,
        &["Атырау"],
        &[
            ("Жылыой ауданы", &["Құлсары"]),
            ("Мақат ауданы", &["Мақат", "Доссор"]),
            ("Индер ауданы", &["Индербор"]),
            ("Құрманғазы ауданы", &["Ганюшкино"]),
            ("Махамбет ауданы", &["Махамбет"]),
        ],
    ),
    area(
        "east_kazakhstan",
        730,
        Profile::North,
        &["Өскемен", "Риддер"],
        &[
            ("Глубокое ауданы", &["Глубокое"]),
            ("Зайсан ауданы", &["Зайсан"]),
            ("Шемонаиха ауданы", &["Шемонаиха"]),
            ("Ұлан ауданы", &["Молодежный"]),
            ("Алтай ауданы", &["Алтай"]),
            ("Күршім ауданы", &["Күршім"]),
        ],
    ),
    area(
        "zhambyl",
        1220,
        Profile::South,
        &["Тараз"],
        &[
            ("Байзақ ауданы", &["Сарыкемер"]),
            ("Жуалы ауданы", &["Бауыржан Момышұлы"]),
            ("Қордай ауданы", &["Қордай"]),
            ("Меркі ауданы", &["Меркі"]),
            ("Шу ауданы", &["Төле би"]),
            ("Талас ауданы", &["Қаратау"]),
        ],
    ),
    area(
        "zhetisu",
        700,
        Profile::Mixed,
        &["Талдықорған", "Текелі"],
        &[
            ("Ескелді ауданы", &["Қарабұлақ"]),
            ("Кербұлақ ауданы", &["Сарыөзек"]),
            ("Ақсу ауданы", &["Жансүгіров"]),
            ("Алакөл ауданы", &["Үшарал"]),
            ("Панфилов ауданы", &["Жаркент"]),
            ("Сарқан ауданы", &["Сарқан"]),
        ],
    ),
    area(
        "west_kazakhstan",
        690,
        Profile::West,
        &["Орал"],
        &[
            ("Бәйтерек ауданы", &["Переметное", "Дариян"]),
            ("Бөрлі ауданы", &["Ақсай"]),
            ("Теректі ауданы", &["Федоровка"]),
            ("Сырым ауданы", &["Жымпиты"]),
            ("Ақжайық ауданы", &["Чапаев"]),
        ],
    ),
    area(
        "karaganda",
        1130,
        Profile::North,
        &["Қарағанды", "Теміртау", "Балқаш", "Шахтинск", "Саран"],
        &[
            ("Бұқар жырау ауданы", &["Ботақара"]),
            ("Абай ауданы", &["Абай"]),
            ("Қарқаралы ауданы", &["Қарқаралы"]),
            ("Нұра ауданы", &["Киевка"]),
            ("Осакаров ауданы", &["Осакаровка"]),
            ("Шет ауданы", &["Ақсу-Аюлы"]),
        ],
    ),
    area(
        "kostanay",
        830,
        Profile::North,
        &["Қостанай", "Рудный", "Лисаковск", "Арқалық"],
        &[
            ("Қостанай ауданы", &["Затобол"]),
            ("Әулиекөл ауданы", &["Әулиекөл"]),
            ("Денисов ауданы", &["Денисовка"]),
            ("Федоров ауданы", &["Федоровка"]),
            ("Қарабалық ауданы", &["Қарабалық"]),
        ],
    ),
    area(
        "kyzylorda",
        840,
        Profile::South,
        &["Қызылорда"],
        &[
            ("Арал ауданы", &["Арал"]),
            ("Қазалы ауданы", &["Әйтеке би"]),
            ("Қармақшы ауданы", &["Жосалы"]),
            ("Сырдария ауданы", &["Тереңөзек"]),
            ("Шиелі ауданы", &["Шиелі"]),
            ("Жаңақорған ауданы", &["Жаңақорған"]),
        ],
    ),
    area(
        "mangystau",
        790,
        Profile::West,
        &["Ақтау", "Жаңаөзен"],
        &[
            ("Бейнеу ауданы", &["Бейнеу"]),
            ("Қарақия ауданы", &["Құрық"]),
            ("Маңғыстау ауданы", &["Шетпе"]),
            ("Мұнайлы ауданы", &["Маңғыстау"]),
            ("Түпқараған ауданы", &["Форт-Шевченко"]),
        ],
    ),
    area(
        "pavlodar",
        750,
        Profile::North,
        &["Павлодар", "Екібастұз", "Ақсу"],
        &[
            ("Павлодар ауданы", &["Павлодар ауылы"]),
            ("Баянауыл ауданы", &["Баянауыл"]),
            ("Ертіс ауданы", &["Ертіс"]),
            ("Железин ауданы", &["Железинка"]),
            ("Шарбақты ауданы", &["Шарбақты"]),
        ],
    ),
    area(
        "north_kazakhstan",
        530,
        Profile::North,
        &["Петропавл"],
        &[
            ("Айыртау ауданы", &["Саумалкөл"]),
            ("Аққайың ауданы", &["Смирново"]),
            ("Есіл ауданы", &["Явленка"]),
            ("Қызылжар ауданы", &["Бесқұдық"]),
            ("Мағжан Жұмабаев ауданы", &["Булаево"]),
            ("Тайынша ауданы", &["Тайынша"]),
        ],
    ),
    area(
        "turkistan",
        2110,
        Profile::South,
        &["Түркістан", "Кентау", "Арыс"],
        &[
            ("Сайрам ауданы", &["Ақсу"]),
            ("Төле би ауданы", &["Ленгер"]),
            ("Түлкібас ауданы", &["Тұрар Рысқұлов"]),
            ("Мақтаарал ауданы", &["Мырзакент"]),
            ("Сарыағаш ауданы", &["Сарыағаш"]),
            ("Ордабасы ауданы", &["Темірлан"]),
            ("Қазығұрт ауданы", &["Қазығұрт"]),
            ("Созақ ауданы", &["Шолаққорған"]),
        ],
    ),
    area(
        "ulytau",
        220,
        Profile::West,
        &["Жезқазған", "Сәтбаев", "Қаражал"],
        &[
            ("Ұлытау ауданы", &["Ұлытау"]),
            ("Жаңаарқа ауданы", &["Атасу"]),
        ],
    ),
];

fn pick_area(rng: &mut Rng) -> &'static Area {
    let total: u32 = AREAS.iter().map(|a| a.population).sum();
    let mut roll = rng.u32(..total);
    for a in &AREAS {
        if roll < a.population {
            return a;
        }
        roll -= a.population;
    }
    unreachable!("roll is below the total")
}

/// District (if any), settlement, and whether it is a town with flats.
fn place(rng: &mut Rng, area: &'static Area) -> (Option<&'static str>, &'static str, bool) {
    let big_city = area.towns.is_empty();
    // Most people of a region live in its towns.
    if !big_city && rng.f64() < 0.55 {
        return (None, one(rng, area.towns), true);
    }
    let (district, settlements) = area.districts[rng.usize(..area.districts.len())];
    (Some(district), one(rng, settlements), big_city)
}

/// Streets as they are signposted, in Kazakh and Russian.
const KAZAKH_STREETS: &[&str] = &[
    "Абай даңғылы",
    "Төле би көшесі",
    "Қабанбай батыр көшесі",
    "Сәтбаев көшесі",
    "Жамбыл көшесі",
    "Бейбітшілік көшесі",
    "Достық даңғылы",
    "Әл-Фараби даңғылы",
    "Тәуелсіздік даңғылы",
    "Құрманғазы көшесі",
    "Қонаев көшесі",
    "Әуезов көшесі",
    "Наурызбай батыр көшесі",
    "Бөгенбай батыр көшесі",
];

const RUSSIAN_STREETS: &[&str] = &[
    "ул. Ленина",
    "ул. Гагарина",
    "ул. Пушкина",
    "ул. Мира",
    "ул. Школьная",
    "ул. Садовая",
    "ул. Победы",
    "пр. Республики",
    "пр. Абая",
    "ул. Толе би",
    "ул. Байтурсынова",
    "ул. Северная",
];

const MICRODISTRICTS: &[&str] = &[
    "Самал-2",
    "Ақсай-4",
    "Жетісу-2",
    "Нұркент",
    "Шұғыла",
    "Восток-5",
    "Юго-Восток",
    "Қазыбек би",
];

fn address(rng: &mut Rng, urban: bool) -> String {
    let kazakh = rng.bool();
    let house = rng.u16(1..=if urban { 180 } else { 90 });
    let flat = (urban && rng.f64() < 0.75).then(|| rng.u16(1..=240));
    let street = if urban && rng.f64() < 0.2 {
        if kazakh {
            format!("{} шағын ауданы", one(rng, MICRODISTRICTS))
        } else {
            format!("мкр. {}", one(rng, MICRODISTRICTS))
        }
    } else if kazakh {
        one(rng, KAZAKH_STREETS).to_owned()
    } else {
        one(rng, RUSSIAN_STREETS).to_owned()
    };
    match (flat, kazakh) {
        (Some(f), true) => format!("{street}, {house}, {f} пәтер"),
        (Some(f), false) => format!("{street}, {house}, кв. {f}"),
        (None, _) => format!("{street}, {house}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Contacts

const MOBILE_PREFIXES: &[&str] = &[
    "700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778",
];

fn phone(rng: &mut Rng) -> String {
    format!(
        "+7{}{:07}",
        one(rng, MOBILE_PREFIXES),
        rng.u32(..10_000_000)
    )
}

fn email_chance(kind: Kind, age: u8) -> f64 {
    match (kind, age) {
        (_, 0..=13) => 0.0,
        (Kind::Employee, _) => 0.9,
        (Kind::Volunteer, _) => 0.6,
        (_, 14..=17) => 0.2,
        (_, 18..=45) => 0.45,
        (_, 46..=64) => 0.3,
        _ => 0.08,
    }
}

const EMAIL_DOMAINS: &[(&str, u32)] = &[
    ("mail.ru", 40),
    ("gmail.com", 30),
    ("inbox.kz", 8),
    ("yandex.kz", 6),
    ("list.ru", 6),
    ("bk.ru", 5),
    ("mail.kz", 5),
];

fn email(rng: &mut Rng, name: &str, surname: &str, birth: Date) -> String {
    let mut out = String::with_capacity(40);
    let yy = birth.year() % 100;
    match rng.u8(..5) {
        0 => {
            latin(name, &mut out);
            out.push('.');
            latin(surname, &mut out);
        }
        1 => {
            latin(surname, &mut out);
            out.push('.');
            latin(name, &mut out);
        }
        2 => {
            latin(name, &mut out);
            let _ = write!(out, "{yy:02}");
        }
        3 => {
            latin(name, &mut out);
            out.push('_');
            latin(surname, &mut out);
            let _ = write!(out, "{yy:02}");
        }
        _ => {
            let initial = name.chars().next().map_or(0, char::len_utf8);
            latin(&name[..initial], &mut out);
            latin(surname, &mut out);
        }
    }
    out.push('@');
    out.push_str(pick(rng, EMAIL_DOMAINS));
    out
}

/// Lower-case ASCII the way people spell their names in e-mail addresses.
fn latin(s: &str, out: &mut String) {
    for c in s.chars().flat_map(char::to_lowercase) {
        out.push_str(match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' => "y",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' => "kh",
            'һ' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "sch",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            _ => "",
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Programmes, health, notes, services

fn programme(rng: &mut Rng, kind: Kind, sex: Sex) -> Option<&'static str> {
    match kind {
        Kind::Employee => rng.bool().then_some(ADMIN_PROGRAMME),
        Kind::Volunteer if rng.f64() < 0.6 => Some(VOLUNTEER_PROGRAMME),
        Kind::Volunteer => Some(one(rng, &PROGRAMMES[..5])),
        Kind::Beneficiary => {
            // Survivors of violence who come to an NGO are overwhelmingly women.
            let violence = if sex == Sex::Female { 20 } else { 3 };
            Some(pick(
                rng,
                &[
                    (PROGRAMMES[0], 25),
                    (PROGRAMMES[1], 25),
                    (PROGRAMMES[2], 25),
                    (PROGRAMMES[3], 8),
                    (PROGRAMMES[4], violence),
                ],
            ))
        }
    }
}

/// What each programme mostly does, as service types from [`crate::register::fields::SERVICE_TYPES`].
fn services_of(programme: &str) -> &'static [(&'static str, u32)] {
    match programme {
        p if p == PROGRAMMES[0] => &[
            ("legal_consultation", 70),
            ("psychological_support", 10),
            ("social_support", 10),
            ("home_visit", 10),
        ],
        p if p == PROGRAMMES[1] => &[
            ("social_support", 35),
            ("home_visit", 20),
            ("food_package", 15),
            ("cash_assistance", 15),
            ("medical_referral", 15),
        ],
        p if p == PROGRAMMES[2] => &[
            ("food_package", 45),
            ("hygiene_kit", 35),
            ("cash_assistance", 15),
            ("social_support", 5),
        ],
        p if p == PROGRAMMES[3] => &[
            ("training", 35),
            ("psychological_support", 20),
            ("medical_referral", 20),
            ("home_visit", 15),
            ("social_support", 10),
        ],
        _ => &[
            ("psychological_support", 35),
            ("legal_consultation", 25),
            ("shelter", 20),
            ("medical_referral", 10),
            ("hygiene_kit", 10),
        ],
    }
}

/// How many services a beneficiary has had: most a few, some many.
const SERVICE_COUNTS: &[(usize, u32)] = &[
    (0, 8),
    (1, 14),
    (2, 14),
    (3, 12),
    (4, 10),
    (5, 9),
    (6, 8),
    (7, 6),
    (8, 5),
    (9, 4),
    (10, 4),
    (11, 3),
    (12, 3),
];

/// Services in date order, from an intake in the last five years (never before birth) over a
/// stretch of up to two years, never after `today`.
fn services(rng: &mut Rng, programme: &str, birth: Date, today: Date) -> Vec<ServiceDraft> {
    let n = pick(rng, SERVICE_COUNTS);
    if n == 0 {
        return Vec::new();
    }
    let today_day = today.to_julian_day();
    let earliest = (today_day - 5 * 365).max(birth.to_julian_day());
    let intake = rng.i32(earliest..=today_day);
    let last = (intake + rng.i32(30..=730)).min(today_day);
    let mut days: Vec<i32> = (0..n)
        .map(|i| {
            if i == 0 {
                intake
            } else {
                rng.i32(intake..=last)
            }
        })
        .collect();
    days.sort_unstable();
    let types = services_of(programme);
    days.into_iter()
        .map(|d| ServiceDraft {
            date: iso(Date::from_julian_day(d).expect("a valid date")),
            service_type: pick(rng, types).to_owned(),
        })
        .collect()
}

const DISABILITY_GROUPS: &[(&str, u32)] = &[
    ("1 топ", 15),
    ("2 топ", 35),
    ("3 топ", 35),
    ("бала кезінен мүгедек", 15),
];

const HEALTH_NOTES: &[&str] = &[
    "Қант диабеті, 2 типі",
    "Гипертония",
    "Бронх демікпесі",
    "Сахарный диабет 2 типа",
    "Артериальная гипертензия",
    "Есту қабілеті нашар",
    "Көру қабілеті нашар",
    "Аллергия: пенициллин",
    "Созылмалы бронхит",
    "Тұрақты дәрі қабылдайды",
    "После операции, ограничение нагрузок",
    "Омыртқа жарығы",
];

const CHILD_HEALTH_NOTES: &[&str] = &[
    "Бронх демікпесі",
    "Аутизм спектрінің бұзылысы",
    "Церебральды сал ауруы",
    "Аллергия: жаңғақ",
    "Сөйлеу тілінің дамуы кешеуілдеген",
    "Есту қабілеті нашар",
];

const ELDERLY_HEALTH_NOTES: &[&str] = &[
    "Гипертония",
    "Инсульттан кейінгі оңалту",
    "Қант диабеті, 2 типі",
    "Катаракта",
    "Буын ауруы, таяқпен жүреді",
    "Ишемическая болезнь сердца",
    "Деменцияның бастапқы сатысы",
];

fn health_note(rng: &mut Rng, sex: Sex, age: u8) -> &'static str {
    if sex == Sex::Female && (18..=44).contains(&age) && rng.f64() < 0.15 {
        return "Жүктілік, екінші триместр";
    }
    let notes = match age {
        0..=17 => CHILD_HEALTH_NOTES,
        18..=64 => HEALTH_NOTES,
        _ => ELDERLY_HEALTH_NOTES,
    };
    one(rng, notes)
}

const BENEFICIARY_NOTES: &[&str] = &[
    "Кешке хабарласу ыңғайлы",
    "Тек WhatsApp арқылы хабарласу",
    "Орыс тілінде сөйлескенді қалайды",
    "Звонить после 18:00",
    "Предпочитает общение на казахском языке",
    "Көп балалы отбасы",
    "Құжаттардың көшірмесі папкада",
    "Повторный приём через месяц",
    "Серіктес ұйымнан жолданған",
    "По направлению акимата",
    "Мекенжайы өзгерді, жаңартылды",
    "Телефон иногда недоступен",
];

const EMPLOYEE_NOTES: &[&str] = &[
    "Жарты ставка",
    "Бухгалтерия",
    "Работает удалённо по пятницам",
    "Жоба үйлестірушісі",
];

const VOLUNTEER_NOTES: &[&str] = &[
    "Демалыс күндері ғана",
    "Жүргізуші куәлігі бар",
    "Ағылшын тілін біледі",
    "Может помогать с переводом",
];

/// Household sizes: the elderly often live alone or as a couple, families are large.
fn household_sizes(age: u8) -> &'static [(u8, u32)] {
    if age >= 65 {
        &[
            (1, 30),
            (2, 35),
            (3, 12),
            (4, 9),
            (5, 6),
            (6, 4),
            (7, 2),
            (8, 1),
            (9, 1),
        ]
    } else {
        &[
            (1, 8),
            (2, 12),
            (3, 18),
            (4, 20),
            (5, 17),
            (6, 11),
            (7, 7),
            (8, 4),
            (9, 3),
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Random helpers

fn one<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

fn pick<T: Copy>(rng: &mut Rng, weighted: &[(T, u32)]) -> T {
    let total: u32 = weighted.iter().map(|(_, w)| w).sum();
    let mut roll = rng.u32(..total);
    for &(item, weight) in weighted {
        if roll < weight {
            return item;
        }
        roll -= weight;
    }
    unreachable!("roll is below the total")
}

#[cfg(test)]
mod tests {
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
}
