//! The k-anonymity engine on 100,000 synthetic rows with realistic skew (budget: the whole
//! anonymised release in 2 s, of which the engine may take about 1 s; aim under 0.5 s).
//! Five quasi-identifiers — age (91 leaves, 5 levels), place (200 districts, 4 levels), sex,
//! disability, household size (12 leaves, 4 levels): 320 lattice nodes.
//!
//! `cargo bench -p derbes-core --bench anonymity -- --warm-up-time 1 --measurement-time 5 --sample-size 10`

use criterion::{criterion_group, criterion_main, Criterion};
use derbes_core::reports::anonymity::{anonymise, Hierarchy, Requirements};
use std::hint::black_box;

const ROWS: usize = 100_000;
const REGIONS: u32 = 20;

/// An index drawn with the given weights.
fn pick(rng: &mut fastrand::Rng, weights: &[u32]) -> u32 {
    let total: u32 = weights.iter().sum();
    let mut x = rng.u32(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if x < w {
            return i as u32;
        }
        x -= w;
    }
    weights.len() as u32 - 1
}

struct Data {
    qi: Vec<Vec<u32>>,
    sensitive: Vec<u32>,
    hierarchies: Vec<Hierarchy>,
}

fn data() -> Data {
    let mut rng = fastrand::Rng::with_seed(20_261_122);
    // 20 regions of 8–12 districts (200 in all), the cities and a few oblasts bigger.
    let per_region: Vec<u32> = (0..REGIONS).map(|r| 8 + (r * 7) % 5).collect();
    let region_weight: Vec<u32> = (0..REGIONS)
        .map(|r| if r < 3 { 30 } else { 6 + (r * 5) % 11 })
        .collect();
    let mut first_district = vec![0u32];
    for &d in &per_region {
        first_district.push(first_district.last().unwrap() + d);
    }
    let districts = *first_district.last().unwrap();
    // Within a region, one or two big districts (a centre) and a long tail.
    let district_weights: Vec<Vec<u32>> = per_region
        .iter()
        .map(|&d| (0..d).map(|i| 60 / (i + 1) + 2).collect())
        .collect();
    let household_weights = [10, 18, 20, 18, 12, 8, 5, 3, 2, 2, 1, 1];
    let programme_weights = [30, 20, 12, 10, 8, 6, 5, 4, 3, 2];

    let mut qi = Vec::with_capacity(ROWS);
    let mut sensitive = Vec::with_capacity(ROWS);
    for _ in 0..ROWS {
        let age = match rng.u32(0..100) {
            0..=27 => rng.u32(0..18),
            28..=87 => rng.u32(18..65),
            _ => rng.u32(65..91),
        };
        let region = pick(&mut rng, &region_weight);
        let district =
            first_district[region as usize] + pick(&mut rng, &district_weights[region as usize]);
        let sex = u32::from(rng.u32(0..100) < 52);
        let disability = u32::from(rng.u32(0..100) < 10);
        let household = pick(&mut rng, &household_weights);
        qi.push(vec![age, district, sex, disability, household]);
        sensitive.push(pick(&mut rng, &programme_weights));
    }

    let age = Hierarchy::new(vec![
        (0..91).collect(),
        (0..91).map(|a| a / 5).collect(),
        (0..91).map(|a| a / 10).collect(),
        (0..91)
            .map(|a| match a {
                0..=19 => 0,
                20..=59 => 1,
                _ => 2,
            })
            .collect(),
        vec![0; 91],
    ])
    .unwrap();
    let region_of = |d: u32| {
        (0..REGIONS)
            .rfind(|&r| first_district[r as usize] <= d)
            .unwrap()
    };
    let place = Hierarchy::new(vec![
        (0..districts).collect(),
        (0..districts).map(region_of).collect(),
        (0..districts).map(|d| region_of(d) / 4).collect(),
        vec![0; districts as usize],
    ])
    .unwrap();
    let binary = || Hierarchy::new(vec![vec![0, 1], vec![0, 0]]).unwrap();
    // Household sizes 1–12 as codes 0–11.
    let household = Hierarchy::new(vec![
        (0..12).collect(),
        vec![0, 1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5],
        vec![0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
        vec![0; 12],
    ])
    .unwrap();
    Data {
        qi,
        sensitive,
        hierarchies: vec![age, place, binary(), binary(), household],
    }
}

fn bench(c: &mut Criterion) {
    let d = data();
    let mut g = c.benchmark_group("anonymity");
    g.sample_size(10);
    let k5 = Requirements {
        k: 5,
        l: None,
        max_suppressed: 0.05,
    };
    g.bench_function("anonymise 100k rows, k=5", |b| {
        b.iter(|| anonymise(black_box(&d.qi), None, &d.hierarchies, k5).unwrap())
    });
    let k5l2 = Requirements { l: Some(2), ..k5 };
    g.bench_function("anonymise 100k rows, k=5, l=2", |b| {
        b.iter(|| anonymise(black_box(&d.qi), Some(&d.sensitive), &d.hierarchies, k5l2).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
