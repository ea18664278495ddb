//! The compliance pack at scale: every paper, the acts, the consent evidence, the ledger and the
//! journal of a vault of 100,000 people (each beneficiary with a recorded consent, so about as many
//! consents and journal entries; an anonymisation act of 10,000, a destruction act of 1,000 and a
//! few transfers) in one ZIP. Budget (issue 14): under 10 s. Also one paper alone
//! (the policy), which is what the Documents screen's Save costs.
//!
//! `cargo bench -p derbes-core --bench papers`

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::documents::papers::{Paper, PaperRequest};
use derbes_core::documents::{DocLang, IfExists};
use derbes_core::lifecycle::consent::{ConsentDraft, ConsentForm};
use derbes_core::lifecycle::end::Ground;
use derbes_core::lifecycle::retention::as_of;
use derbes_core::register::fields::Kind;
use derbes_core::register::subjects::Query;
use derbes_core::reports::export::Format;
use derbes_core::reports::table::{Dimension, ReportSpec};
use derbes_core::reports::transfer::Recipient;
use derbes_core::vault::keyslots::MIN_MEMORY_KIB;
use derbes_core::words::Lang;
use derbes_core::{KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;

fn papers(c: &mut Criterion) {
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
    let mut org = vault.organisation().unwrap();
    org.name = "«Жәрдем» қоғамдық бірлестігі".into();
    org.bin = derbes_core::demo::demo_bin();
    org.responsible_name = "Bench".into();
    vault.set_organisation(&org).unwrap();
    let people = vault
        .list_subjects(&Query {
            kind: Some(Kind::Beneficiary),
            ..Query::default()
        })
        .unwrap();
    // A minor's consent needs a legal representative; the demo's adults are enough here.
    let mut consents = 0;
    for row in &people.rows {
        consents += vault
            .add_consent(
                row.id,
                &ConsentDraft {
                    purposes: vec!["social_support".into()],
                    form: Some(ConsentForm::Paper),
                    form_reference: Some(format!("folder {}", row.number / 500)),
                    ..ConsentDraft::default()
                },
            )
            .is_ok() as usize;
    }
    let due: Vec<_> = vault
        .due(as_of(None).unwrap())
        .unwrap()
        .people
        .iter()
        .take(11_000)
        .map(|d| d.id)
        .collect();
    vault
        .anonymise(&due[..10_000], Ground::RetentionEnded, None)
        .unwrap();
    vault
        .destroy(&due[10_000..], Ground::RetentionEnded, None)
        .unwrap();
    for (i, year) in ["2025", "2026"].into_iter().enumerate() {
        vault
            .export_report(
                &ReportSpec {
                    from: format!("{year}-01"),
                    to: format!("{year}-12"),
                    by: vec![Dimension::Region, Dimension::Sex],
                    ..Default::default()
                },
                Lang::Kk,
                Format::Csv,
                &Recipient {
                    recipient: "Donor".into(),
                    purpose: "Annual report".into(),
                },
                &dir.path().join(format!("report-{i}.csv")),
                IfExists::Replace,
            )
            .unwrap();
    }
    assert!(consents > 50_000, "every adult has a consent: {consents}");
    let pack = dir.path().join("pack.zip");
    let made = vault
        .compliance_pack(DocLang::Kk, &pack, IfExists::Replace, false)
        .unwrap();
    eprintln!(
        "{PEOPLE} people, {} consents: a pack of {} files, {:.1} MB",
        consents,
        made.entries.len() + 1,
        made.size as f64 / 1e6
    );

    let mut g = c.benchmark_group("papers, 100,000 people");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("compliance pack", |b| {
        b.iter(|| {
            vault
                .compliance_pack(DocLang::Kk, &pack, IfExists::Replace, false)
                .unwrap()
        })
    });
    let policy = dir.path().join("policy.pdf");
    g.bench_function("policy", |b| {
        b.iter(|| {
            vault
                .produce_paper(
                    &PaperRequest::new(Paper::Policy, DocLang::Ru),
                    &policy,
                    IfExists::Replace,
                )
                .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, papers);
criterion_main!(benches);
