//! The register with 100,000 people: first page, searches, filters, and adding 100,000 at once.
//! Budgets (issue 3 / BENCHMARKS.md): search under 10 ms, first page under 50 ms, import of
//! 100,000 under 3 s.
//!
//! `cargo bench -p derbes-core --bench register`

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::register::fields::Kind;
use derbes_core::register::subjects::Query;
use derbes_core::{KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;

fn register(c: &mut Criterion) {
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
    let t = Instant::now();
    derbes_core::demo::fill(&vault, PEOPLE, 7).unwrap();
    eprintln!(
        "added {PEOPLE} synthetic people (with their services) in {:.2?}",
        t.elapsed()
    );

    let mut g = c.benchmark_group("register, 100,000 people");
    g.sample_size(30).measurement_time(Duration::from_secs(5));
    let q = |f: &dyn Fn(&mut Query)| {
        let mut q = Query {
            limit: Some(50),
            ..Query::default()
        };
        f(&mut q);
        q
    };
    let first_page = q(&|_| {});
    g.bench_function("first page (50 rows, total count)", |b| {
        b.iter(|| vault.list_subjects(&first_page).unwrap())
    });
    let by_name = q(&|q| q.search = Some("серік".into()));
    g.bench_function("search: name fragment", |b| {
        b.iter(|| vault.list_subjects(&by_name).unwrap())
    });
    let iin_part = q(&|q| q.search = Some("850615".into()));
    g.bench_function("search: part of an IIN", |b| {
        b.iter(|| vault.list_subjects(&iin_part).unwrap())
    });
    let phone = q(&|q| q.search = Some("8 701 23".into()));
    g.bench_function("search: phone", |b| {
        b.iter(|| vault.list_subjects(&phone).unwrap())
    });
    let filtered = q(&|q| {
        q.kind = Some(Kind::Beneficiary);
        q.region = Some("karaganda".into());
        q.age_band = Some("60+".into());
    });
    g.bench_function("filter: kind + region + age band", |b| {
        b.iter(|| vault.list_subjects(&filtered).unwrap())
    });
    g.finish();
}

criterion_group!(benches, register);
criterion_main!(benches);
