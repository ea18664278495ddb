//! The engine against hand-worked tables, an independent re-check and a brute force over the
//! whole lattice.

use super::grouping::{radix_sort, Grouper};
use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Nested bands: level `i` groups leaves by `leaf / base^i`, then one group on top. `scramble`
/// makes the group codes sparse (not 0..groups); `repeat` adds a second identity level.
fn bands(leaves: u32, base: u32, scramble: bool, repeat: bool) -> Hierarchy {
    let code = |g: u32| if scramble { g * 7 + 3 } else { g };
    let mut levels = vec![(0..leaves).collect::<Vec<u32>>()];
    if repeat && leaves > 1 {
        levels.push((0..leaves).map(code).collect());
    }
    let mut w = base;
    while w < leaves {
        levels.push((0..leaves).map(|x| code(x / w)).collect());
        w *= base;
    }
    if leaves > 1 {
        levels.push(vec![code(0); leaves as usize]);
    }
    Hierarchy::new(levels).expect("bands nest")
}

fn req(k: usize, l: Option<usize>, max_suppressed: f64) -> Requirements {
    Requirements {
        k,
        l,
        max_suppressed,
    }
}

/// Age over 4 leaves ({0,1}, {2,3}, *) and sex over 2 (*).
fn age_sex() -> Vec<Hierarchy> {
    vec![
        Hierarchy::new(vec![vec![0, 1, 2, 3], vec![0, 0, 1, 1], vec![0, 0, 0, 0]]).unwrap(),
        Hierarchy::new(vec![vec![0, 1], vec![0, 0]]).unwrap(),
    ]
}

fn rows(r: &[[u32; 2]]) -> Vec<Vec<u32>> {
    r.iter().map(|x| x.to_vec()).collect()
}

#[test]
fn hand_table_bands_ages() {
    // (0,0) leaves two singletons, (0,1) too; (1,0) gives two classes of 3 at loss 1/6,
    // (2,0) two classes of 3 at loss 1/2.
    let qi = rows(&[[0, 0], [1, 0], [2, 1], [3, 1], [0, 0], [2, 1]]);
    let h = age_sex();
    let o = anonymise(&qi, None, &h, req(2, None, 0.0)).unwrap();
    assert_eq!(o.levels, vec![1, 0]);
    assert_eq!(o.suppressed, Vec::<usize>::new());
    assert_eq!(o.classes, 2);
    assert_eq!(o.smallest_class, 3);
    assert_eq!(o.k_achieved, 3);
    assert_eq!(o.l_achieved, None);
    assert!((o.information_loss - 1.0 / 6.0).abs() < 1e-15);
    assert_eq!(o.nodes_total, 6);
    assert!(o.nodes_evaluated >= 1 && o.nodes_evaluated <= 6);

    // A fixed choice: sex only coarsened leaves four classes, two of them singletons.
    let e = evaluate(&qi, None, &h, req(2, None, 0.0), &[0, 1]);
    assert_eq!(e.suppressed, vec![1, 3]);
    assert_eq!(e.classes, 2);
    assert_eq!(e.smallest_class, 2);
    // Kept rows lose nothing on age and all of sex; the two suppressed rows lose everything.
    assert!((e.information_loss - (4.0 + 4.0) / 12.0).abs() < 1e-15);
    assert_eq!(e.nodes_evaluated, 1);
}

#[test]
fn hand_table_suppression_beats_banding() {
    // With one row of 7 allowed out, suppressing the lone (3,1) costs 2/14 < banding's 7/3/14.
    let qi = rows(&[[0, 0], [0, 0], [0, 0], [2, 1], [2, 1], [2, 1], [3, 1]]);
    let o = anonymise(&qi, None, &age_sex(), req(2, None, 0.2)).unwrap();
    assert_eq!(o.levels, vec![0, 0]);
    assert_eq!(o.suppressed, vec![6]);
    assert_eq!(o.classes, 2);
    assert_eq!(o.k_achieved, 3);
    assert!((o.information_loss - 2.0 / 14.0).abs() < 1e-15);
    // Without the allowance, banding ages wins.
    let o = anonymise(&qi, None, &age_sex(), req(2, None, 0.0)).unwrap();
    assert_eq!(o.levels, vec![1, 0]);
    assert!((o.information_loss - 7.0 / 3.0 / 14.0).abs() < 1e-15);
}

#[test]
fn hand_table_l_diversity() {
    let qi = rows(&[[0, 0], [1, 0], [2, 1], [3, 1], [0, 0], [2, 1]]);
    let sens = [0, 1, 5, 5, 0, 5];
    // The {2,3} band holds only code 5: nothing short of the top is 2-diverse without suppression.
    let o = anonymise(&qi, Some(&sens), &age_sex(), req(2, Some(2), 0.0)).unwrap();
    assert_eq!(o.levels, vec![2, 1]);
    assert_eq!(o.suppressed, Vec::<usize>::new());
    assert_eq!((o.classes, o.k_achieved, o.l_achieved), (1, 6, Some(3)));
    assert!((o.information_loss - 1.0).abs() < 1e-15);
    // Allowed to drop half the rows, the band is suppressed instead.
    let o = anonymise(&qi, Some(&sens), &age_sex(), req(2, Some(2), 0.5)).unwrap();
    assert_eq!(o.levels, vec![1, 0]);
    assert_eq!(o.suppressed, vec![2, 3, 5]);
    assert_eq!((o.classes, o.k_achieved, o.l_achieved), (1, 3, Some(2)));
    assert!((o.information_loss - 7.0 / 12.0).abs() < 1e-15);
    // l = 4 is more than the 3 codes there are.
    assert_eq!(
        anonymise(&qi, Some(&sens), &age_sex(), req(2, Some(4), 0.0)),
        None
    );
}

#[test]
fn hierarchy_new_rejects_malformed_levels() {
    assert!(Hierarchy::new(vec![]).is_err());
    assert!(Hierarchy::new(vec![vec![]]).is_err());
    // Level 0 not the identity.
    assert!(Hierarchy::new(vec![vec![1, 0], vec![0, 0]]).is_err());
    // Levels of unequal length.
    assert!(Hierarchy::new(vec![vec![0, 1], vec![0]]).is_err());
    // Not nesting: {0,1},{2,3} then {0},{1,2,3}... splits group 0 of level 1.
    assert!(Hierarchy::new(vec![
        vec![0, 1, 2, 3],
        vec![0, 0, 1, 1],
        vec![5, 6, 6, 6],
        vec![0, 0, 0, 0],
    ])
    .is_err());
    // Top with two groups.
    assert!(Hierarchy::new(vec![vec![0, 1, 2], vec![0, 0, 1]]).is_err());
    // Fine: sparse codes, a repeated level, a single leaf.
    let h = Hierarchy::new(vec![
        vec![0, 1, 2],
        vec![9, 9, 4],
        vec![9, 9, 4],
        vec![7, 7, 7],
    ])
    .unwrap();
    assert_eq!((h.height(), h.leaves()), (4, 3));
    let one = Hierarchy::new(vec![vec![0]]).unwrap();
    assert_eq!((one.height(), one.leaves()), (1, 1));
}

#[test]
fn no_rows_and_too_few_rows() {
    let h = age_sex();
    assert_eq!(anonymise(&[], None, &h, req(2, None, 0.05)), None);
    let qi = rows(&[[0, 0], [0, 0]]);
    assert_eq!(anonymise(&qi, None, &h, req(3, None, 0.05)), None);
    assert!(anonymise(&qi, None, &h, req(2, None, 0.0)).is_some());
    let e = evaluate(&[], None, &h, req(2, None, 0.0), &[0, 0]);
    assert_eq!((e.classes, e.information_loss), (0, 0.0));
}

#[test]
fn zero_quasi_identifiers_make_one_class() {
    let qi = vec![vec![]; 5];
    let o = anonymise(&qi, None, &[], req(3, None, 0.0)).unwrap();
    assert_eq!(o.levels, Vec::<usize>::new());
    assert_eq!((o.classes, o.k_achieved, o.information_loss), (1, 5, 0.0));
    assert_eq!((o.nodes_total, o.nodes_evaluated), (1, 1));
    assert_eq!(anonymise(&qi, None, &[], req(6, None, 0.0)), None);
    // Suppressing everything is within a 100 % allowance, so it is feasible (and releases
    // nothing); with no QI there is no loss to speak of.
    let all = anonymise(&qi, None, &[], req(6, None, 1.0)).unwrap();
    assert_eq!(all.suppressed, vec![0, 1, 2, 3, 4]);
    assert_eq!(
        (all.classes, all.k_achieved, all.information_loss),
        (0, 0, 0.0)
    );
}

#[test]
fn more_than_64_sensitive_codes() {
    // 130 rows, codes 0..130 scattered: the search counts (class, code) pairs instead of bits.
    let h = vec![bands(10, 2, false, false), bands(6, 3, true, false)];
    let qi: Vec<Vec<u32>> = (0..130u32)
        .map(|i| vec![(i * 7) % 10, (i * 5) % 6])
        .collect();
    let sens: Vec<u32> = (0..130u32).map(|i| (i * 37) % 130 + 1000).collect();
    for l in [2, 3, 5, 9] {
        let r = req(2, Some(l), 0.05);
        check_against_brute_force(&qi, Some(&sens), &h, r);
    }
}

#[test]
fn absurd_denominators_fall_back_to_floats() {
    // 13 QIs whose d − 1 are distinct primes near 1000: lcm · n · q overflows u128.
    let primes = [
        1009u32, 1013, 1019, 1021, 1031, 1033, 1039, 1049, 1051, 1061, 1063, 1069, 1087,
    ];
    let h: Vec<Hierarchy> = primes
        .iter()
        .map(|&p| bands(p + 1, 2000, false, false))
        .collect();
    let t = Table::prepare(&[vec![0; 13]], None, &h, req(2, None, 0.0)).unwrap();
    assert!(!t.metric.exact);
    let mut qi = vec![vec![0u32; 13]; 4];
    qi[2][0] = 5;
    qi[3][0] = 5;
    // Pairs: the bottom node, at no loss.
    let o = anonymise(&qi, None, &h, req(2, None, 0.0)).unwrap();
    assert_eq!((o.levels, o.information_loss), (vec![0; 13], 0.0));
    // Fours: only QI 0 must go to the top.
    let o = anonymise(&qi, None, &h, req(4, None, 0.0)).unwrap();
    let mut want = vec![0; 13];
    want[0] = 1;
    assert_eq!(o.levels, want);
    assert!((o.information_loss - 1.0 / 13.0).abs() < 1e-15);
}

#[test]
fn the_search_prunes() {
    // Every tuple appears twice: the bottom node is 2-anonymous at no loss, and once it is
    // found the bound rules out everything else.
    let h = vec![bands(8, 2, false, false), bands(5, 2, false, false)];
    let qi: Vec<Vec<u32>> = (0..40u32).map(|i| vec![(i / 2) % 8, (i / 2) % 5]).collect();
    let o = anonymise(&qi, None, &h, req(2, None, 0.0)).unwrap();
    assert_eq!(o.levels, vec![0, 0]);
    assert_eq!(o.information_loss, 0.0);
    assert_eq!(o.nodes_total, 16);
    assert!(
        o.nodes_evaluated <= 4,
        "{} nodes evaluated",
        o.nodes_evaluated
    );
}

#[test]
fn class_cap_is_sound() {
    // 10 rows, k = 3, 1 may go: 4 classes can still work (3 + 3 + 3 + 1), 5 cannot.
    let qi: Vec<Vec<u32>> = (0..10u32).map(|i| vec![i % 4]).collect();
    let h = vec![bands(4, 2, false, false)];
    let t = Table::prepare(&qi, None, &h, req(3, None, 0.1)).unwrap();
    assert_eq!(t.limit, 1);
    assert_eq!(t.class_cap(), 4);
    // With l = 4, a kept class needs 4 rows: 10 = 4 + 4 + 2 suppressed exceeds 1, but the cap
    // only has to be an upper bound: (10 − C)·4 ≥ 9·3 gives C ≤ 3.
    let sens: Vec<u32> = (0..10).collect();
    let t = Table::prepare(&qi, Some(&sens), &h, req(3, Some(4), 0.1)).unwrap();
    assert_eq!(t.class_cap(), 3);
    // k < 2 would make every class keepable: no cap.
    let t = Table::prepare(&qi, None, &h, req(1, None, 0.0)).unwrap();
    assert_eq!(t.class_cap(), usize::MAX);
}

#[test]
fn grouping_agrees_with_a_btreemap() {
    // Sorted, flat-table and hash-map paths alike.
    let mut rng = fastrand::Rng::with_seed(5);
    for (m, bound) in [(50, 8), (50, 1_000), (500, 1 << 40), (3, 1 << 23)] {
        let keys: Vec<u64> = (0..m).map(|_| rng.u64(0..bound)).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        for ks in [keys, sorted] {
            let mut g = Grouper {
                keys: ks.clone(),
                ..Grouper::default()
            };
            g.group(bound);
            let mut seen: BTreeMap<u64, u32> = BTreeMap::new();
            for (i, &k) in ks.iter().enumerate() {
                let id = *seen.entry(k).or_insert(g.ids[i]);
                assert_eq!(g.ids[i], id);
                assert_eq!(ks[g.firsts[id as usize] as usize], k);
            }
            assert_eq!(g.firsts.len(), seen.len());
        }
    }
}

#[test]
fn radix_sort_sorts() {
    let mut rng = fastrand::Rng::with_seed(9);
    for bound in [1u64, 2, 2047, 1 << 30, u64::MAX] {
        let mut v: Vec<(u64, u32)> = (0..300).map(|i| (rng.u64(0..bound), i)).collect();
        let mut want = v.clone();
        want.sort_by_key(|&(k, _)| k);
        radix_sort(&mut v, bound);
        // Stable: equal keys keep their order.
        assert_eq!(v, want);
    }
}

// ---------------------------------------------------------------------------------------------
// Independent re-check and brute force.

/// What a node gives, worked out naively from the rows and the raw hierarchies.
struct Naive {
    suppressed: Vec<usize>,
    classes: usize,
    smallest: usize,
    l_achieved: Option<usize>,
    loss: f64,
}

fn naive(
    qi: &[Vec<u32>],
    sens: Option<&[u32]>,
    h: &[Hierarchy],
    r: Requirements,
    node: &[usize],
) -> Naive {
    let mut classes: BTreeMap<Vec<u32>, Vec<usize>> = BTreeMap::new();
    for (i, row) in qi.iter().enumerate() {
        let key = row
            .iter()
            .zip(h)
            .zip(node)
            .map(|((&leaf, h), &l)| h.levels[l][leaf as usize])
            .collect();
        classes.entry(key).or_default().push(i);
    }
    let distinct = |members: &[usize]| -> usize {
        sens.map_or(0, |s| {
            members.iter().map(|&i| s[i]).collect::<BTreeSet<_>>().len()
        })
    };
    let mut suppressed = Vec::new();
    let mut kept = Vec::new();
    for members in classes.values() {
        let ok = members.len() >= r.k && r.l.is_none_or(|l| distinct(members) >= l);
        if ok {
            kept.push(members);
        } else {
            suppressed.extend_from_slice(members);
        }
    }
    suppressed.sort_unstable();
    let q = h.len();
    let mut loss = suppressed.len() as f64 * q as f64;
    for members in &kept {
        for &i in members.iter() {
            for (j, hj) in h.iter().enumerate() {
                let d = hj.leaves();
                if d > 1 {
                    let level = &hj.levels[node[j]];
                    let g = level[qi[i][j] as usize];
                    let size = level.iter().filter(|&&x| x == g).count();
                    loss += (size - 1) as f64 / (d - 1) as f64;
                }
            }
        }
    }
    let n = qi.len();
    Naive {
        suppressed,
        classes: kept.len(),
        smallest: kept.iter().map(|m| m.len()).min().unwrap_or(0),
        l_achieved: sens.map(|_| kept.iter().map(|m| distinct(m)).min().unwrap_or(0)),
        loss: if q == 0 { 0.0 } else { loss / (n * q) as f64 },
    }
}

fn all_nodes(h: &[Hierarchy]) -> Vec<Vec<usize>> {
    let mut nodes = vec![vec![]];
    for hj in h {
        nodes = nodes
            .into_iter()
            .flat_map(|n| {
                (0..hj.height()).map(move |l| {
                    let mut m = n.clone();
                    m.push(l);
                    m
                })
            })
            .collect();
    }
    nodes
}

fn check_against_brute_force(
    qi: &[Vec<u32>],
    sens: Option<&[u32]>,
    h: &[Hierarchy],
    r: Requirements,
) {
    let n = qi.len();
    let limit = (r.max_suppressed * n as f64).floor() as usize;
    let got = anonymise(qi, sens, h, r);
    let mut best: Option<(f64, usize, Vec<usize>)> = None;
    for node in all_nodes(h) {
        let e = evaluate(qi, sens, h, r, &node);
        let v = naive(qi, sens, h, r, &node);
        assert_eq!(e.suppressed, v.suppressed, "node {node:?}");
        assert_eq!(e.classes, v.classes, "node {node:?}");
        assert_eq!(e.smallest_class, v.smallest, "node {node:?}");
        assert_eq!(e.k_achieved, v.smallest, "node {node:?}");
        assert_eq!(e.l_achieved, v.l_achieved, "node {node:?}");
        assert!((e.information_loss - v.loss).abs() < 1e-9, "node {node:?}");
        if e.suppressed.len() <= limit {
            let cand = (e.information_loss, node.iter().sum::<usize>(), node.clone());
            if best.as_ref().is_none_or(|b| cand < *b) {
                best = Some(cand);
            }
            if let Some(g) = &got {
                assert!(
                    e.information_loss >= g.information_loss,
                    "node {node:?} is feasible with loss {} < {}",
                    e.information_loss,
                    g.information_loss
                );
            }
        }
    }
    match (got, best) {
        (None, None) => {}
        (Some(g), Some((_, _, levels))) => {
            assert_eq!(g.levels, levels, "tie-break or optimum");
            assert!(g.suppressed.len() <= limit);
            assert!(g.nodes_evaluated >= 1 && g.nodes_evaluated <= g.nodes_total);
            let mut e = evaluate(qi, sens, h, r, &g.levels);
            e.nodes_evaluated = g.nodes_evaluated;
            assert_eq!(g, e);
            // Re-check the kept classes directly.
            let v = naive(qi, sens, h, r, &g.levels);
            assert_eq!(g.suppressed, v.suppressed);
            if g.classes > 0 {
                assert!(g.k_achieved >= r.k);
                if let Some(l) = r.l {
                    assert!(g.l_achieved.unwrap() >= l);
                }
            }
        }
        (got, best) => panic!("anonymise gave {got:?}, brute force {best:?}"),
    }
}

/// A random small case: hierarchies, rows, a sensitive column, requirements.
#[derive(Debug, Clone)]
struct Case {
    h: Vec<Hierarchy>,
    qi: Vec<Vec<u32>>,
    sens: Vec<u32>,
    k: usize,
    l: Option<usize>,
    with_sensitive: bool,
    max_suppressed: f64,
}

fn case(
    max_rows: usize,
    sens_codes: u32,
    max_leaves: u32,
    bases: std::ops::RangeInclusive<u32>,
) -> impl Strategy<Value = Case> {
    let hier = (1u32..=max_leaves, bases, any::<bool>(), any::<bool>())
        .prop_map(|(d, b, s, r)| bands(d, b, s, r));
    (
        proptest::collection::vec(hier, 2..=3),
        1..=max_rows,
        2usize..=4,
        proptest::option::of(2usize..=3),
        any::<bool>(),
        prop::sample::select(vec![0.0, 0.05, 0.2]),
    )
        .prop_flat_map(move |(h, n, k, l, with_sensitive, max_suppressed)| {
            let row = h.iter().map(|hj| 0..hj.leaves() as u32).collect::<Vec<_>>();
            (
                proptest::collection::vec(row, n),
                proptest::collection::vec(0..sens_codes, n),
            )
                .prop_map(move |(qi, sens)| Case {
                    h: h.clone(),
                    qi,
                    sens,
                    k,
                    l,
                    with_sensitive: with_sensitive || l.is_some(),
                    max_suppressed,
                })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn optimal_and_sound_on_small_tables(c in case(40, 4, 8, 2..=3)) {
        let sens = c.with_sensitive.then_some(&c.sens[..]);
        check_against_brute_force(&c.qi, sens, &c.h, req(c.k, c.l, c.max_suppressed));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn optimal_with_many_sensitive_codes(c in case(120, 200, 8, 2..=3)) {
        let sens = c.with_sensitive.then_some(&c.sens[..]);
        check_against_brute_force(&c.qi, sens, &c.h, req(c.k, c.l, c.max_suppressed));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Wide hierarchies: key spaces too big for the flat table go through the hash map.
    #[test]
    fn optimal_with_wide_hierarchies(c in case(40, 3, 300, 4..=12)) {
        let sens = c.with_sensitive.then_some(&c.sens[..]);
        check_against_brute_force(&c.qi, sens, &c.h, req(c.k, c.l, c.max_suppressed));
    }
}
