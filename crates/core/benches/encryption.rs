//! What encryption costs: the same code and workload on an encrypted vault (SQLCipher, as
//! shipped) and on a plain one (the same SQLCipher library with no key), side by side, with the
//! ratio. Budgets (issue 6): under 1.1 for reads, 1.3 for writes, 1.6 for secure deletes.
//!
//! `cargo bench -p derbes-core --features bench-plain --bench encryption`
//!
//! Each figure is the median of several runs (spread in brackets). Plain mode exists only in
//! builds with the `bench-plain` feature and only while `DERBES_BENCH_PLAIN=1`.

use std::path::Path;
use std::time::{Duration, Instant};

use derbes_core::lifecycle::end::Ground;
use derbes_core::register::bulk::BatchSource;
use derbes_core::register::fields::Kind;
use derbes_core::register::subjects::Query;
use derbes_core::vault::keyslots::MIN_MEMORY_KIB;
use derbes_core::{register::import, KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;
const DESTROY: usize = 10_000;

fn cheap() -> KdfParams {
    KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    }
}

fn pw() -> Password {
    Password::new("correct horse battery staple")
}

/// Median and spread of `runs` timings of `f`.
fn measure(runs: usize, mut f: impl FnMut() -> Duration) -> (Duration, Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs).map(|_| f()).collect();
    t.sort();
    (t[runs / 2], t[0], t[runs - 1])
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn csv() -> Vec<u8> {
    let today = time::macros::date!(2026 - 11 - 22);
    let mut out = String::from("Фамилия;Имя;Отчество;ИИН;Телефон;Область\n");
    use derbes_core::register::fields::Field::*;
    for d in derbes_core::demo::data::generate_iter(PEOPLE, 3, today) {
        let row: Vec<String> = [Surname, Name, Patronymic, Iin, Phone, Region]
            .iter()
            .map(|f| d.values.get(f).cloned().unwrap_or_default())
            .collect();
        out.push_str(&row.join(";"));
        out.push('\n');
    }
    out.into_bytes()
}

type Row = (&'static str, &'static str, (Duration, Duration, Duration));

fn workload(label: &str, csv: &[u8]) -> Vec<Row> {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("v");
    let (vault, _) = Vault::create(&original, "Bench", &pw(), &pw(), cheap()).unwrap();
    let mut rows: Vec<Row> = Vec::new();
    let t = Instant::now();
    derbes_core::demo::fill(&vault, PEOPLE, 7).unwrap();
    let fill = t.elapsed();
    rows.push((
        "write",
        "add 100,000 people with services",
        (fill, fill, fill),
    ));
    eprintln!("[{label}] filled in {fill:.2?}");

    let q = |search: Option<&str>| Query {
        limit: Some(50),
        search: search.map(str::to_string),
        ..Query::default()
    };
    let reps = |n: usize, f: &dyn Fn()| {
        measure(15, || {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed() / n as u32
        })
    };
    rows.push((
        "read",
        "first page of 50 with the total",
        reps(50, &|| {
            vault.list_subjects(&q(None)).unwrap();
        }),
    ));
    rows.push((
        "read",
        "search: name fragment",
        reps(20, &|| {
            vault.list_subjects(&q(Some("серік"))).unwrap();
        }),
    ));
    rows.push((
        "read",
        "search: part of an IIN",
        reps(50, &|| {
            vault.list_subjects(&q(Some("850615"))).unwrap();
        }),
    ));
    rows.push((
        "read",
        "filter: kind + region (full scan)",
        reps(10, &|| {
            vault
                .list_subjects(&Query {
                    limit: Some(50),
                    kind: Some(Kind::Beneficiary),
                    region: Some("karaganda".into()),
                    ..Query::default()
                })
                .unwrap();
        }),
    ));
    let on = derbes_core::lifecycle::retention::as_of(None).unwrap();
    rows.push((
        "read",
        "due list of 100,000 people",
        measure(5, || {
            let t = Instant::now();
            vault.due(on).unwrap();
            t.elapsed()
        }),
    ));
    vault.lock("exit").unwrap();
    // The two modes are what they claim: SQLite's plain header, or none to be seen.
    let head = std::fs::read(original.join("vault.db")).unwrap();
    assert_eq!(
        head.starts_with(b"SQLite format 3\0"),
        label == "plain",
        "{label}"
    );

    rows.push((
        "secure delete",
        "destroy 10,000 due people",
        measure(5, || {
            let copy = dir.path().join("copy");
            copy_dir(&original, &copy);
            let v = Vault::unlock(&copy, &pw()).unwrap();
            let ids: Vec<_> = v
                .due(on)
                .unwrap()
                .people
                .iter()
                .take(DESTROY)
                .map(|d| d.id)
                .collect();
            let t = Instant::now();
            v.destroy(&ids, Ground::RetentionEnded, None).unwrap();
            let took = t.elapsed();
            v.lock("exit").unwrap();
            std::fs::remove_dir_all(&copy).unwrap();
            took
        }),
    ));
    rows.push((
        "write",
        "import a 100,000-row CSV",
        measure(3, || {
            let d = tempfile::tempdir().unwrap();
            let (v, _) =
                Vault::create(&d.path().join("v"), "Bench", &pw(), &pw(), cheap()).unwrap();
            let t = Instant::now();
            let table = import::read_csv_bytes(csv).unwrap();
            let mapping = import::guess_mapping(&table.headers);
            let drafts = import::drafts(&table, &mapping, None, Kind::Beneficiary);
            let report = v
                .add_people(
                    &drafts,
                    &paper_consents(v),
                    false,
                    BatchSource::Import,
                    &mut |_, _| {},
                )
                .unwrap();
            let took = t.elapsed();
            assert!(report.imported);
            v.lock("exit").unwrap();
            took
        }),
    ));
    rows
}

fn main() {
    let csv = csv();
    std::env::remove_var("DERBES_BENCH_PLAIN");
    let encrypted = workload("encrypted", &csv);
    std::env::set_var("DERBES_BENCH_PLAIN", "1");
    let plain = workload("plain", &csv);
    std::env::remove_var("DERBES_BENCH_PLAIN");

    let f = |d: Duration| {
        if d < Duration::from_millis(10) {
            format!("{:.2} ms", d.as_secs_f64() * 1e3)
        } else if d < Duration::from_secs(1) {
            format!("{:.0} ms", d.as_secs_f64() * 1e3)
        } else {
            format!("{:.2} s", d.as_secs_f64())
        }
    };
    println!("| kind | operation (100,000 people) | encrypted | plain | ratio |");
    println!("|---|---|---|---|---|");
    for ((kind, op, e), (_, _, p)) in encrypted.iter().zip(&plain) {
        println!(
            "| {kind} | {op} | {} ({}–{}) | {} ({}–{}) | {:.2} |",
            f(e.0),
            f(e.1),
            f(e.2),
            f(p.0),
            f(p.1),
            f(p.2),
            e.0.as_secs_f64() / p.0.as_secs_f64()
        );
    }
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
