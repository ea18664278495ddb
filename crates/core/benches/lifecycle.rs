//! The end of the data's life at scale: anonymise and destroy 10,000 people due for the end of
//! retention in a vault of 100,000, and the due list itself. Budgets (issue 4 / BENCHMARKS.md):
//! anonymise under 1.5 s, destroy under 2 s.
//!
//! Each sample works on a fresh copy of the same locked vault, so every run deletes the same
//! rows from the same pages; only the action itself is timed.
//!
//! `cargo bench -p derbes-core --bench lifecycle`

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::lifecycle::end::Ground;
use derbes_core::lifecycle::retention::as_of;
use derbes_core::vault::keyslots::MIN_MEMORY_KIB;
use derbes_core::{KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;
const DUE: usize = 10_000;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn lifecycle(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("v");
    let pw = Password::new("correct horse battery staple");
    let cheap = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
    let (vault, _) = Vault::create(&original, "Bench", &pw, &pw.clone(), cheap).unwrap();
    derbes_core::demo::fill(&vault, PEOPLE, 7).unwrap();
    let on = as_of(None).unwrap();
    let due = vault.due(on).unwrap().people.len();
    eprintln!("{PEOPLE} people, {due} due for the end of retention today");
    assert!(due >= DUE, "the demo vault needs at least {DUE} people due");
    vault.lock("exit").unwrap();

    let mut g = c.benchmark_group("lifecycle, 100,000 people");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    let run = |action: &str, iters: u64| {
        let mut total = Duration::ZERO;
        for i in 0..iters {
            let copy = dir.path().join(format!("{action}-{i}"));
            copy_dir(&original, &copy);
            let v = Vault::unlock(&copy, &pw).unwrap();
            let ids: Vec<_> = v
                .due(on)
                .unwrap()
                .people
                .iter()
                .take(DUE)
                .map(|d| d.id)
                .collect();
            let t = Instant::now();
            let act = match action {
                "anonymise" => v.anonymise(&ids, Ground::RetentionEnded, None).unwrap(),
                _ => v.destroy(&ids, Ground::RetentionEnded, None).unwrap(),
            };
            total += t.elapsed();
            assert_eq!(act.subjects.len(), DUE);
            v.lock("exit").unwrap();
            std::fs::remove_dir_all(&copy).unwrap();
        }
        total
    };
    g.bench_function("anonymise 10,000 due people", |b| {
        b.iter_custom(|iters| run("anonymise", iters))
    });
    g.bench_function("destroy 10,000 due people", |b| {
        b.iter_custom(|iters| run("destroy", iters))
    });
    let v = Vault::unlock(&original, &pw).unwrap();
    g.bench_function("due list of 100,000 people", |b| {
        b.iter(|| v.due(on).unwrap())
    });
    g.finish();
}

criterion_group!(benches, lifecycle);
criterion_main!(benches);
