//! The clocks at scale: the dashboard's list of every deadline (which also verifies the
//! journal's chain, to propose a breach), the list of people without a basis, and the basis
//! check of an identifying transfer of 1,000 people, on a vault of 100,000 people with 200
//! requests, 20 breaches and 2,000 lapsed consents. The dashboard is the first screen after
//! unlock: it must feel instant.
//!
//! `cargo bench -p derbes-core --bench obligations`

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::breaches::{BreachDraft, BreachKind, SubjectsTold};
use derbes_core::lifecycle::consent::{today, Scope, WithdrawalDraft};
use derbes_core::register::fields::{Field, Kind};
use derbes_core::register::subjects::Query;
use derbes_core::reports::identifying::{IdentifyingDraft, RecipientDraft, RecipientKind};
use derbes_core::requests::{Channel, IdentityCheck, RequestDraft, RequestKind};
use derbes_core::vault::keyslots::MIN_MEMORY_KIB;
use derbes_core::{KdfParams, Password, Vault};

const PEOPLE: usize = 100_000;

fn obligations(c: &mut Criterion) {
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
    let people = vault
        .list_subjects(&Query {
            kind: Some(Kind::Beneficiary),
            limit: Some(3_000),
            ..Query::default()
        })
        .unwrap()
        .rows;
    for (i, row) in people.iter().enumerate().take(200) {
        vault
            .add_request(&RequestDraft {
                subject: row.id,
                kind: RequestKind::ALL[i % RequestKind::ALL.len()],
                received_on: today(),
                channel: Channel::InPerson,
                representative: None,
                identity_check: IdentityCheck::IdDocument,
                note: None,
            })
            .unwrap();
    }
    for _ in 0..20 {
        vault
            .add_breach(&BreachDraft {
                detected_at: time::PrimitiveDateTime::new(today(), time::Time::MIDNIGHT),
                kind: BreachKind::MediaLost,
                description: "USB stick".into(),
                categories: vec!["contact".into()],
                whole_register: true,
                people: vec![],
                containment: None,
                subjects_told: SubjectsTold::NotYet,
            })
            .unwrap();
    }
    // The first 1,000 go in the transfer below; the next 2,000 withdraw their consent.
    for row in people.iter().skip(1_000).take(2_000) {
        let consent = vault.consents(row.id).unwrap()[0].number;
        vault
            .withdraw_consent(
                consent,
                &WithdrawalDraft {
                    scope: Scope::All,
                    requested_on: None,
                    channel: "paper".into(),
                    refusal: None,
                },
            )
            .unwrap();
    }
    let to = vault
        .add_recipient(&RecipientDraft {
            name: "Grant operator".into(),
            country: "Қазақстан".into(),
            abroad: false,
            kind: RecipientKind::StateBody,
            protects: None,
        })
        .unwrap()
        .number;
    let transfer = IdentifyingDraft {
        recipient: to,
        purpose: "participants".into(),
        fields: vec![Field::Surname, Field::Name, Field::Phone],
        people: people.iter().take(1_000).map(|r| r.number).collect(),
        exception: None,
    };

    let mut g = c.benchmark_group("obligations_100k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("dashboard_clocks", |b| b.iter(|| vault.clocks().unwrap()));
    g.bench_function("lapsed_bases", |b| {
        b.iter(|| assert_eq!(vault.lapsed_bases(today()).unwrap().len(), 2_000))
    });
    g.bench_function("requests_list_200", |b| {
        b.iter(|| vault.requests().unwrap())
    });
    g.bench_function("transfer_check_1000", |b| {
        b.iter(|| vault.check_transfer(&transfer).unwrap())
    });
    g.finish();
}

criterion_group!(benches, obligations);
criterion_main!(benches);
