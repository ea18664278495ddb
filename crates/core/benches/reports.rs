//! Donor reports with 100,000 people: aggregate tables (with suppression) and k-anonymous
//! releases. Budgets (issue 6 / BENCHMARKS.md): report under 300 ms, release under 2 s.
//!
//! `cargo bench -p derbes-core --bench reports`

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::reports::labels::Lang;
use derbes_core::reports::release::{ReleaseSpec, Sensitive};
use derbes_core::reports::table::{Dimension, Measure, ReportSpec};
use derbes_core::{KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;

fn reports(c: &mut Criterion) {
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
    eprintln!("added {PEOPLE} synthetic people in {:.2?}", t.elapsed());

    let table = |measure, by: &[Dimension]| ReportSpec {
        from: "2024-01".into(),
        to: "2026-12".into(),
        measure,
        by: by.to_vec(),
        kinds: vec![],
        ..Default::default()
    };
    let people = table(Measure::People, &[Dimension::Region, Dimension::Sex]);
    let services = table(
        Measure::Services,
        &[Dimension::ServiceType, Dimension::Quarter],
    );
    let fine = table(
        Measure::People,
        &[Dimension::District, Dimension::AgeBand, Dimension::Sex],
    );
    for (name, spec) in [
        ("people", &people),
        ("services", &services),
        ("fine", &fine),
    ] {
        let r = vault.report(spec, Lang::En).unwrap();
        eprintln!(
            "{name}: total {:?}, {} primary and {} secondary hidden cells",
            r.grand_total, r.primary, r.secondary
        );
    }
    let release = ReleaseSpec {
        from: "2024-01".into(),
        to: "2026-12".into(),
        kinds: vec![],
        ..Default::default()
    };
    let diverse = ReleaseSpec {
        sensitive: Some(Sensitive::ServiceType),
        l: Some(2),
        ..release.clone()
    };
    for spec in [&release, &diverse] {
        let r = vault.release(spec, Lang::En).unwrap();
        eprintln!(
            "release: {} rows, k {}, l {:?}, {} left out, loss {} %, {} of {} nodes",
            r.row_count,
            r.k_achieved,
            r.l_achieved,
            r.suppressed,
            r.information_loss_percent,
            r.nodes_evaluated,
            r.nodes_total
        );
    }

    let mut g = c.benchmark_group("reports, 100,000 people");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("report: people by region × sex", |b| {
        b.iter(|| vault.report(&people, Lang::En).unwrap())
    });
    g.bench_function("report: services by type × quarter", |b| {
        b.iter(|| vault.report(&services, Lang::En).unwrap())
    });
    g.bench_function("report: people by district × age band × sex", |b| {
        b.iter(|| vault.report(&fine, Lang::En).unwrap())
    });
    g.bench_function("release: k = 5, five columns", |b| {
        b.iter(|| vault.release(&release, Lang::En).unwrap())
    });
    g.bench_function("release: k = 5, l = 2 on service type", |b| {
        b.iter(|| vault.release(&diverse, Lang::En).unwrap())
    });
    g.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
