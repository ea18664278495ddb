//! Importing a 100,000-row CSV into an empty vault, all or nothing (budget: under 3 s).
//! Each run uses a fresh vault; the median of three runs is reported with its stages.
//! Then a 100,000-row log of past services into those 100,000 people (budget: under 3 s),
//! matched by IIN, one type confirmed by the user: its dry run and its import.
//!
//! `cargo bench -p derbes-core --bench import`

use std::time::{Duration, Instant};

use derbes_core::register::bulk::BatchSource;
use derbes_core::register::fields::{Field, Kind};
use derbes_core::{register::import, KdfParams, Password, Vault};

const ROWS: usize = 100_000;

/// A CSV as an NGO might export it: Russian headers, `;`, dd.mm.yyyy dates.
fn csv() -> Vec<u8> {
    let today = time::macros::date!(2026 - 11 - 22);
    let cols = [
        Field::Surname,
        Field::Name,
        Field::Patronymic,
        Field::Iin,
        Field::Phone,
        Field::Region,
        Field::District,
        Field::Settlement,
        Field::Programme,
        Field::HouseholdSize,
    ];
    let mut out = String::from(
        "Фамилия;Имя;Отчество;ИИН;Телефон;Область;Район;Населённый пункт;Программа;Состав семьи\n",
    );
    for d in derbes_core::demo::data::generate_iter(ROWS, 3, today) {
        let row: Vec<String> = cols
            .iter()
            .map(|f| {
                d.values
                    .get(f)
                    .cloned()
                    .unwrap_or_default()
                    .replace(';', ",")
            })
            .collect();
        out.push_str(&row.join(";"));
        out.push('\n');
    }
    out.into_bytes()
}

fn main() {
    let bytes = csv();
    let mut runs = Vec::new();
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let pw = Password::new("correct horse battery staple");
        let (vault, _) = Vault::create(
            &dir.path().join("v"),
            "Bench",
            &pw,
            &pw.clone(),
            KdfParams::default(),
        )
        .unwrap();
        // A consent names its operator: the organisation comes first, as in the app.
        vault
            .set_organisation(&derbes_core::register::organisation::Organisation {
                name: "«Жәрдем» қоғамдық бірлестігі".into(),
                bin: derbes_core::demo::demo_bin(),
                address: "Қарағанды қ.".into(),
                responsible_name: "Bench".into(),
                responsible_contacts: "+77010000000".into(),
                head_name: "Head".into(),
                head_position: "Төраға".into(),
            })
            .unwrap();
        let t0 = Instant::now();
        let table = import::read_csv_bytes(&bytes).unwrap();
        let t1 = Instant::now();
        let mapping = import::guess_mapping(&table.headers);
        let rows = import::drafts(&table, &mapping, None, Kind::Beneficiary);
        let t2 = Instant::now();

        let report = vault
            .add_people(
                &rows,
                &ground(&vault),
                false,
                BatchSource::Import,
                &mut |_, _| {},
            )
            .unwrap();
        let t3 = Instant::now();
        assert!(report.imported, "{:?}", report.rejected.first());
        runs.push((t3 - t0, t1 - t0, t2 - t1, t3 - t2));
        if runs.len() == 3 {
            services(&vault, &rows);
        }
        vault.lock("manual").unwrap();
    }
    runs.sort();
    let (total, parse, drafts, check_and_write) = runs[1];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("import {ROWS} rows (CSV, 10 columns), median of 3: {:.0} ms  [parse {:.0} ms, map {:.0} ms, check + write {:.0} ms]  (budget 3000 ms)", ms(total), ms(parse), ms(drafts), ms(check_and_write));
}

/// The basis the rows come in under: an Art. 9(10) ground for every purpose (a file of
/// children cannot come in under "paper consents on file": each needs their representative).
fn ground(_v: &derbes_core::Vault) -> derbes_core::lifecycle::basis::BasisDraft {
    derbes_core::lifecycle::basis::BasisDraft::Ground(derbes_core::lifecycle::basis::Ground {
        subparagraph: "art9_10".into(),
        law: "Закон РК «О социальной защите»".into(),
        purposes: vec![],
    })
}

/// A log of 100,000 services over the people just imported, as an NGO's Excel has it: IIN,
/// dd.mm.yyyy dates over two years, Russian names of the types and one type of its own.
fn services(vault: &Vault, people: &[(usize, derbes_core::register::fields::PersonDraft)]) {
    use derbes_core::register::services::ServiceTypeChoice;
    let types = [
        "Юридическая консультация",
        "Продуктовый набор",
        "Психологическая поддержка",
        "Юрконсультация",
        "Обучение",
    ];
    let start = time::macros::date!(2024 - 01 - 01);
    // People born before the log starts (a service cannot precede a birth).
    let iins: Vec<&String> = people
        .iter()
        .filter_map(|(_, d)| d.values.get(&Field::Iin))
        .filter(|i| derbes_core::register::ids::Iin::parse(i).is_ok_and(|i| i.birth_date < start))
        .collect();
    let mut csv = String::from("ИИН;Дата услуги;Вид услуги;Программа\n");
    for i in 0..ROWS {
        let day = start + time::Duration::days((i * 7919 % 700) as i64);
        csv.push_str(&format!(
            "{};{:02}.{:02}.{};{};Программа {}\n",
            iins[i * 31 % iins.len()],
            day.day(),
            day.month() as u8,
            day.year(),
            types[i % types.len()],
            i % 3
        ));
    }
    let mut choices = std::collections::BTreeMap::new();
    choices.insert(
        "Юрконсультация".to_string(),
        ServiceTypeChoice::Standard("legal_consultation".into()),
    );
    let t0 = Instant::now();
    let table = import::read_csv_bytes(csv.as_bytes()).unwrap();
    let lines = import::service_lines(&table, &import::guess_service_mapping(&table.headers));
    let t1 = Instant::now();
    let dry = vault.import_services(&lines, &choices, true).unwrap();
    let t2 = Instant::now();
    assert!(dry.rejected.is_empty(), "{:?}", dry.rejected.first());
    let t3 = Instant::now();
    let table = import::read_csv_bytes(csv.as_bytes()).unwrap();
    let lines = import::service_lines(&table, &import::guess_service_mapping(&table.headers));
    let done = vault.import_services(&lines, &choices, false).unwrap();
    let t4 = Instant::now();
    assert!(done.imported && done.accepted == ROWS);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "service log {ROWS} rows into {} people: dry run {:.0} ms [parse {:.0} ms, match + check {:.0} ms]; import {:.0} ms (budget 3000 ms)",
        people.len(),
        ms(t2 - t0),
        ms(t1 - t0),
        ms(t2 - t1),
        ms(t4 - t3)
    );
}
