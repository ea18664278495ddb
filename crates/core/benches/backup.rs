//! Backups at scale: write and verify a backup of a vault of 100,000 people (about 170 MB).
//! Budgets (issue 13 / BENCHMARKS.md): backup under 3 s, verify under 3 s. Verify runs the KDF
//! once (cheap parameters here, as in the other benches; the shipped ones add ~0.45 s).
//!
//! `cargo bench -p derbes-core --bench backup`

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::backup::{self, BackupOptions, Opener};
use derbes_core::documents::IfExists;
use derbes_core::vault::keyslots::MIN_MEMORY_KIB;
use derbes_core::{KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;

fn backups(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let pw = Password::new("correct horse battery staple");
    let cheap = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
    let (vault, _) =
        Vault::create(&dir.path().join("v"), "Bench", &pw, &pw.clone(), cheap).unwrap();
    derbes_core::demo::fill(&vault, PEOPLE, 7).unwrap();
    let file = dir.path().join("bench.derbes-backup");
    let replace = BackupOptions {
        if_exists: IfExists::Replace,
        allow_cloud: false,
    };
    let made = vault.backup(&file, replace).unwrap();
    eprintln!(
        "{PEOPLE} people: a backup of {:.0} MB",
        made.size as f64 / 1e6
    );

    let mut g = c.benchmark_group("backup, 100,000 people");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("backup", |b| {
        b.iter(|| vault.backup(&file, replace).unwrap())
    });
    let opener = Opener::Password {
        user: None,
        password: &pw,
        key_file: None,
    };
    g.bench_function("verify", |b| {
        b.iter(|| backup::verify(&file, opener).unwrap())
    });
    g.finish();
}

criterion_group!(benches, backups);
criterion_main!(benches);
