//! Importing a 100,000-row CSV into an empty vault, all or nothing (budget: under 3 s).
//! Each run uses a fresh vault; the median of three runs is reported with its stages.
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
        let t0 = Instant::now();
        let table = import::read_csv_bytes(&bytes).unwrap();
        let t1 = Instant::now();
        let mapping = import::guess_mapping(&table.headers);
        let rows = import::drafts(&table, &mapping, None, Kind::Beneficiary);
        let t2 = Instant::now();

        let report = vault
            .add_people(
                &rows,
                &paper_consents(&vault),
                false,
                BatchSource::Import,
                &mut |_, _| {},
            )
            .unwrap();
        let t3 = Instant::now();
        assert!(report.imported, "{:?}", report.rejected.first());
        runs.push((t3 - t0, t1 - t0, t2 - t1, t3 - t2));
        vault.lock("manual").unwrap();
    }
    runs.sort();
    let (total, parse, drafts, check_and_write) = runs[1];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("import {ROWS} rows (CSV, 10 columns), median of 3: {:.0} ms  [parse {:.0} ms, map {:.0} ms, check + write {:.0} ms]  (budget 3000 ms)", ms(total), ms(parse), ms(drafts), ms(check_and_write));
}

/// "Paper consents on file" for every purpose of the inventory: the basis an import asks for.
fn paper_consents(v: &derbes_core::Vault) -> derbes_core::lifecycle::basis::BasisDraft {
    derbes_core::lifecycle::basis::BasisDraft::Consent {
        consent: Box::new(derbes_core::lifecycle::consent::ConsentDraft {
            purposes: v
                .inventory()
                .unwrap()
                .document
                .purposes
                .iter()
                .map(|p| p.key.clone())
                .collect(),
            form: Some(derbes_core::lifecycle::consent::ConsentForm::Paper),
            ..Default::default()
        }),
        scan_due: None,
    }
}
