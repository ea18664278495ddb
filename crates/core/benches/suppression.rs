//! How many cells each method of secondary suppression hides on the benchmark tables, and how
//! long each takes (issue 16: "state how many cells each method hides"). Not criterion: each
//! table is protected once by each method and the figures printed for BENCHMARKS.md.
//!
//! `cargo bench -p derbes-core --bench suppression`

use std::time::{Duration, Instant};

use derbes_core::reports::suppression::{protect, protect_best, Cube, Protection};

/// A register like one a new user imported (32,561 people): `regions` regions × 2 sexes × 5
/// age bands, skewed as real registers are (a few regions hold most people). At 20 regions,
/// 171 of the 200 inner cells are filled, 39 of them below 5.
fn three_way(regions: usize) -> Cube {
    let weights: Vec<f64> = (0..20).map(|r| 1.0 / ((r + 1) as f64).powf(2.2)).collect();
    let sum: f64 = weights.iter().sum();
    let sexes = [0.67, 0.33];
    let ages = [0.03, 0.27, 0.33, 0.27, 0.10];
    let mut cube = Cube::zeros(vec![regions, 2, 5]);
    let mut x: u64 = 35;
    for (r, w) in weights.iter().enumerate() {
        for (s, sex) in sexes.iter().enumerate() {
            for (a, age) in ages.iter().enumerate() {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let f = 0.2 + 1.6 * ((x >> 33) as f64 / (1u64 << 31) as f64);
                let n = (32561.0 * w / sum * sex * age * f) as u64;
                if r < regions {
                    cube.add(&[r, s, a], n);
                }
            }
        }
    }
    cube
}

/// The same people by region × age band only (sexes added up).
fn region_by_age(regions: usize) -> Cube {
    let full = three_way(regions);
    let mut cube = Cube::zeros(vec![regions, 5]);
    for r in 0..regions {
        for a in 0..5 {
            let n: u64 = (0..2).map(|s| full.counts[full.index(&[r, s, a])]).sum();
            cube.add(&[r, a], n);
        }
    }
    cube
}

fn describe(cube: &Cube, p: &Protection, took: Duration) -> String {
    format!(
        "{} hidden ({:.0} % of filled cells), mass {}, {}{}, {:.2} s",
        p.hidden(),
        p.hidden_share(cube) * 100.0,
        p.hidden_mass(cube),
        p.method.key(),
        if p.safe() { "" } else { ", NOT SAFE" },
        took.as_secs_f64()
    )
}

fn main() {
    let tables = [
        ("region × age band, 10 regions", region_by_age(10)),
        ("region × age band, 20 regions", region_by_age(20)),
        ("region × sex × age band, 6 regions", three_way(6)),
        ("region × sex × age band, 10 regions", three_way(10)),
        ("region × sex × age band, 20 regions", three_way(20)),
    ];
    for (name, cube) in tables {
        let small = cube
            .counts
            .iter()
            .enumerate()
            .filter(|&(i, &n)| cube.is_inner(i) && n > 0 && n < 5)
            .count();
        println!("{name}: {small} cells below 5");
        let t = Instant::now();
        let h = protect(&cube, 5);
        println!("  heuristic:      {}", describe(&cube, &h, t.elapsed()));
        let t = Instant::now();
        let b = protect_best(&cube, 5, Duration::from_secs(30));
        println!("  best of both:   {}", describe(&cube, &b, t.elapsed()));
    }
}
