//! How long an unlock takes with the shipped Argon2id parameters (the budget is 0.3–1 s:
//! slow enough to make guessing a stolen vault's password expensive, quick enough for a person).
//!
//! `cargo bench -p derbes-core --bench unlock`

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::{KdfParams, Password, Vault};
use std::time::Duration;

fn unlock(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let vault_dir = dir.path().join("vault");
    let pw = Password::new("correct horse battery staple");
    let params = KdfParams::default();
    let (v, _) = Vault::create(&vault_dir, "Bench", &pw, &pw.clone(), params).unwrap();
    v.lock("manual").unwrap();
    eprintln!("Argon2id parameters: {params:?}");
    let mut g = c.benchmark_group("vault");
    g.sample_size(10).measurement_time(Duration::from_secs(12));
    g.bench_function("unlock (default Argon2id parameters)", |b| {
        b.iter(|| {
            Vault::unlock(&vault_dir, &pw)
                .unwrap()
                .lock("manual")
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, unlock);
criterion_main!(benches);
