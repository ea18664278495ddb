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

use super::names::*;
use super::places::*;

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
            registered_on: None,
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

// ---------------------------------------------------------------------------------------------
// Regions and places

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

pub(super) fn one<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

pub(super) fn pick<T: Copy>(rng: &mut Rng, weighted: &[(T, u32)]) -> T {
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
#[path = "data_tests.rs"]
mod tests;
