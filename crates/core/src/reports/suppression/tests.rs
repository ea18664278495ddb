use proptest::prelude::*;

use std::time::Duration;

use super::*;

/// A 2-D cube from its inner cells, totals computed.
fn table(rows: &[&[u64]]) -> Cube {
    let mut cube = Cube::zeros(vec![rows.len(), rows[0].len()]);
    for (r, row) in rows.iter().enumerate() {
        for (c, &n) in row.iter().enumerate() {
            cube.add(&[r, c], n);
        }
    }
    cube
}

fn hidden(marks: &[Mark]) -> usize {
    marks.iter().filter(|m| **m != Mark::Shown).count()
}

#[test]
fn totals_are_sums_of_their_lines() {
    let cube = table(&[&[1, 2, 3], &[4, 5, 6]]);
    assert_eq!(cube.counts[cube.index(&[0, 3])], 6);
    assert_eq!(cube.counts[cube.index(&[2, 1])], 7);
    assert_eq!(cube.counts[cube.index(&[2, 3])], 21);
    for (total, members) in cube.equations() {
        let sum: u64 = members.iter().map(|&m| cube.counts[m]).sum();
        assert_eq!(cube.counts[total], sum);
    }
}

#[test]
fn nothing_small_nothing_hidden() {
    let cube = table(&[&[10, 0], &[7, 30]]);
    assert!(protect(&cube, 5).marks.iter().all(|m| *m == Mark::Shown));
}

#[test]
fn a_small_cell_takes_a_partner_in_its_line() {
    // One dimension: 3 is hidden, and so is the next smallest, 10; the total stays.
    let mut cube = Cube::zeros(vec![3]);
    for (i, n) in [3, 10, 20].into_iter().enumerate() {
        cube.add(&[i], n);
    }
    let marks = protect(&cube, 5).marks;
    assert_eq!(
        marks,
        vec![Mark::Primary, Mark::Secondary, Mark::Shown, Mark::Shown]
    );
    assert!(audit(&cube, &marks, 5).iter().all(|i| !i.exposed()));
}

#[test]
fn a_two_way_table_hides_a_rectangle() {
    let cube = table(&[&[2, 10, 12], &[9, 14, 20], &[30, 25, 8]]);
    let marks = protect(&cube, 5).marks;
    assert_eq!(marks[cube.index(&[0, 0])], Mark::Primary);
    // No line with a single hidden cell.
    for (total, members) in cube.equations() {
        let n = std::iter::once(total)
            .chain(members)
            .filter(|&c| marks[c] != Mark::Shown)
            .count();
        assert_ne!(n, 1);
    }
    // At least the primary cell and three partners.
    assert!(hidden(&marks) >= 4);
    assert!(audit(&cube, &marks, 5).iter().all(|i| !i.exposed()));
}

#[test]
fn ones_that_sum_to_their_total_are_not_enough() {
    // Two 1s in a line whose other cells are 0: hiding both still gives 1 + 1 = 2 away,
    // because hidden cells are known to be at least 1. More must go.
    let cube = table(&[&[1, 1, 0], &[20, 30, 40]]);
    let marks = protect(&cube, 5).marks;
    let intervals = audit(&cube, &marks, 5);
    assert!(intervals.iter().all(|i| !i.exposed()), "{intervals:?}");
    assert!(hidden(&marks) > 2);
}

#[test]
fn audit_catches_a_naive_suppression() {
    // Only the primary cell hidden: the row total gives it back.
    let cube = table(&[&[2, 10], &[9, 14]]);
    let mut marks = vec![Mark::Shown; cube.counts.len()];
    marks[cube.index(&[0, 0])] = Mark::Primary;
    let intervals = audit(&cube, &marks, 5);
    assert_eq!(intervals.len(), 1);
    assert!(intervals[0].exposed());
    assert_eq!(intervals[0].low, 2.0);
}

#[test]
fn three_dimensions_are_protected() {
    let mut cube = Cube::zeros(vec![2, 3, 2]);
    let values = [7, 1, 12, 0, 9, 22, 3, 15, 6, 8, 2, 40];
    let mut i = 0;
    for a in 0..2 {
        for b in 0..3 {
            for c in 0..2 {
                cube.add(&[a, b, c], values[i]);
                i += 1;
            }
        }
    }
    let marks = protect(&cube, 5).marks;
    for (cell, &n) in cube.counts.iter().enumerate() {
        if n > 0 && n < 5 {
            assert_eq!(marks[cell], Mark::Primary);
        }
    }
    assert!(audit(&cube, &marks, 5).iter().all(|i| !i.exposed()));
}

/// An attacker independent of the linear programmes: tries every value within ±2 of the truth
/// for each hidden inner cell (in a two-way table, any other consistent table is reachable by
/// ±1 steps around cycles), recomputes the totals and keeps the tables that agree with
/// everything published. Returns, per hidden cell, whether some consistent table gives it a
/// different value.
fn brute_force_alternatives(cube: &Cube, marks: &[Mark], threshold: u64) -> Vec<(usize, bool)> {
    let (rows, cols) = (cube.shape[0], cube.shape[1]);
    let inner: Vec<(usize, usize)> = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .collect();
    let unknown: Vec<(usize, usize)> = inner
        .iter()
        .copied()
        .filter(|&(r, c)| marks[cube.index(&[r, c])] != Mark::Shown)
        .collect();
    let fits = |c: usize, v: i64| match marks[c] {
        Mark::Shown => v == cube.counts[c] as i64,
        Mark::Primary => v >= 1 && v < threshold as i64,
        Mark::Secondary => v >= threshold as i64,
    };
    let mut differs = vec![false; cube.counts.len()];
    let mut values: Vec<i64> = vec![0; unknown.len()];
    fn walk(
        k: usize,
        values: &mut Vec<i64>,
        unknown: &[(usize, usize)],
        cube: &Cube,
        check: &mut dyn FnMut(&[i64]),
    ) {
        if k == unknown.len() {
            check(values);
            return;
        }
        let truth = cube.counts[cube.index(&[unknown[k].0, unknown[k].1])] as i64;
        for v in (truth - 2).max(0)..=truth + 2 {
            values[k] = v;
            walk(k + 1, values, unknown, cube, check);
        }
    }
    let mut check = |values: &[i64]| {
        let mut t = Cube::zeros(cube.shape.clone());
        for &(r, c) in &inner {
            let v = match unknown.iter().position(|&u| u == (r, c)) {
                Some(i) => values[i],
                None => cube.counts[cube.index(&[r, c])] as i64,
            };
            if v < 0 {
                return;
            }
            t.add(&[r, c], v as u64);
        }
        if (0..t.counts.len()).all(|c| fits(c, t.counts[c] as i64)) {
            for (c, d) in differs.iter_mut().enumerate() {
                if t.counts[c] != cube.counts[c] {
                    *d = true;
                }
            }
        }
    };
    walk(0, &mut values, &unknown, cube, &mut check);
    (0..cube.counts.len())
        .filter(|&c| marks[c] != Mark::Shown)
        .map(|c| (c, differs[c]))
        .collect()
}

fn small_table() -> impl Strategy<Value = Vec<Vec<u64>>> {
    (2usize..=3, 2usize..=3).prop_flat_map(|(r, c)| {
        prop::collection::vec(
            prop::collection::vec(prop_oneof![Just(0u64), 1u64..5, 5u64..25], c),
            r,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_hidden_cell_has_another_possible_value(rows in small_table(), threshold in 3u64..=5) {
        let refs: Vec<&[u64]> = rows.iter().map(|r| r.as_slice()).collect();
        let cube = table(&refs);
        let Protection { marks, exposed, .. } = protect(&cube, threshold);
        for (cell, &n) in cube.counts.iter().enumerate() {
            if n > 0 && n < threshold {
                prop_assert_eq!(marks[cell], Mark::Primary);
            }
            if n == 0 {
                prop_assert_eq!(marks[cell], Mark::Shown);
            }
        }
        let audited: Vec<usize> = audit(&cube, &marks, threshold)
            .into_iter()
            .filter(Interval::exposed)
            .map(|i| i.cell)
            .collect();
        prop_assert_eq!(&audited, &exposed);
        if !exposed.is_empty() {
            // Given up only when there was nothing left to hide.
            prop_assert!(marks.iter().zip(&cube.counts).all(|(m, &n)| n == 0 || *m != Mark::Shown));
            return Ok(());
        }
        // Skip the brute force when too many cells are hidden for it to finish quickly.
        let unknown_inner = (0..rows.len())
            .flat_map(|r| (0..rows[0].len()).map(move |c| (r, c)))
            .filter(|&(r, c)| marks[cube.index(&[r, c])] != Mark::Shown)
            .count();
        if unknown_inner <= 6 {
            for (cell, other) in brute_force_alternatives(&cube, &marks, threshold) {
                prop_assert!(other, "cell {cell} can be worked out: {:?} {:?}", cube.counts, marks);
            }
        }
    }
}

#[test]
fn the_brute_force_attacker_sees_through_a_naive_suppression() {
    // Proves the attacker above can fail a table: the primary cell alone is hidden.
    let cube = table(&[&[2, 10], &[9, 14]]);
    let mut marks = vec![Mark::Shown; cube.counts.len()];
    marks[cube.index(&[0, 0])] = Mark::Primary;
    assert_eq!(
        brute_force_alternatives(&cube, &marks, 5),
        vec![(cube.index(&[0, 0]), false)]
    );
    // And a protected one passes it.
    let marks = protect(&cube, 5).marks;
    assert!(brute_force_alternatives(&cube, &marks, 5)
        .iter()
        .all(|(_, other)| *other));
}

#[test]
fn a_table_too_small_to_protect_says_so() {
    // Three 1s whose "<4" total can only be 3: nothing hides them.
    let cube = table(&[&[1, 1, 1], &[0, 0, 0]]);
    let p = protect(&cube, 4);
    assert!(!p.exposed.is_empty());
    assert!(p.exposed.contains(&cube.index(&[0, 0])));
}

#[test]
fn a_table_of_mostly_small_cells_is_given_up_quickly() {
    // 40 × 10 cells of 1 to 3: hundreds would be hidden.
    let rows: Vec<Vec<u64>> = (0..40)
        .map(|r| (0..10).map(|c| 1 + ((r * 7 + c * 3) % 3) as u64).collect())
        .collect();
    let refs: Vec<&[u64]> = rows.iter().map(|r| r.as_slice()).collect();
    let p = protect(&table(&refs), 5);
    assert!(p.too_fragmented);
}

fn small_cube() -> impl Strategy<Value = (Vec<usize>, Vec<u64>)> {
    prop_oneof![
        (2usize..=4, 2usize..=4).prop_map(|(a, b)| vec![a, b]),
        (2usize..=3, 2usize..=3).prop_map(|(b, c)| vec![2, b, c]),
    ]
    .prop_flat_map(|shape| {
        let n: usize = shape.iter().product();
        (
            Just(shape),
            prop::collection::vec(prop_oneof![Just(0u64), 1u64..5, 5u64..30], n),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20))]

    #[test]
    fn the_integer_programme_never_hides_more_than_the_heuristic((shape, values) in small_cube(), threshold in 3u64..=5) {
        let mut cube = Cube::zeros(shape.clone());
        let mut pos = vec![0usize; shape.len()];
        for &v in &values {
            cube.add(&pos, v);
            for d in (0..shape.len()).rev() {
                pos[d] += 1;
                if pos[d] < shape[d] { break; }
                pos[d] = 0;
            }
        }
        let heuristic = protect(&cube, threshold);
        let best = protect_best(&cube, threshold, Duration::from_secs(20));
        for (cell, &n) in cube.counts.iter().enumerate() {
            if n > 0 && n < threshold {
                prop_assert_eq!(best.marks[cell], Mark::Primary);
            }
            if n == 0 {
                prop_assert_eq!(best.marks[cell], Mark::Shown);
            }
        }
        if heuristic.safe() {
            prop_assert!(best.safe());
            prop_assert!(best.hidden() <= heuristic.hidden());
        }
        if best.safe() {
            prop_assert!(audit(&cube, &best.marks, threshold).iter().all(|i| !i.exposed()));
        }
    }
}

#[test]
fn the_hidden_share_counts_only_what_protection_costs() {
    // One small cell in a 3 × 2 table: its rectangle hides three of the five showable cells.
    let cube = table(&[&[2, 12], &[9, 7], &[8, 6]]);
    let p = protect_best(&cube, 5, Duration::from_secs(5));
    assert!(p.safe());
    let inner_secondary = (0..cube.counts.len())
        .filter(|&i| cube.is_inner(i) && p.marks[i] == Mark::Secondary)
        .count();
    assert_eq!(p.hidden_share(&cube), inner_secondary as f64 / 5.0);
    // A table of one small count hides it, and costs nothing else.
    let mut one = Cube::zeros(vec![1]);
    one.add(&[0], 3);
    assert_eq!(
        protect_best(&one, 5, Duration::from_secs(1)).hidden_share(&one),
        0.0
    );
}
