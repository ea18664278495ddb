//! Small-cell suppression for count tables with totals, primary and secondary.
//!
//! A published count below the threshold could single someone out ("2 girls under 18 in this
//! district received shelter"), so it is shown as "<5" (primary suppression). That alone is not
//! enough: the row total minus the other cells would give it back. Secondary suppression hides
//! more cells until no suppressed cell can be worked out from the totals.
//!
//! The table is a cube of counts with a "total" position on every dimension, so every marginal
//! is a cell too. Each line of the cube along one dimension is an equation: the total equals the
//! sum of the line's cells. Cells are hidden until every hidden cell is safe against an attacker
//! who knows every published number, every equation, that a hidden "<5" cell holds 1 to
//! threshold − 1, that a hidden secondary cell holds at least the threshold (it would be "<5"
//! otherwise), and that zeros are published. For each hidden cell the attacker's best bounds are
//! two linear programmes; a cell is exposed when fewer than two whole numbers fit between them.
//! Which cells to hide is decided two ways, and the better result is kept ([`protect_best`]):
//! an integer programme over the whole table that hides the fewest cells, then the least mass
//! (`optimal`, as tau-ARGUS's optimal method), within a time limit; and the usual heuristic (the
//! smallest count in an equation that has exactly one hidden cell, inner cells before totals),
//! which is also the fallback. Either way the linear programmes are the proof that the result
//! holds.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use microlp::{ComparisonOp, OptimizationDirection, Problem};
use serde::Serialize;

/// A table of counts with totals: `shape[d]` categories on dimension `d`, and one more position
/// per dimension for its total. `counts` is in row-major order over the positions, the last
/// dimension fastest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cube {
    /// Categories per dimension, totals excluded.
    pub shape: Vec<usize>,
    /// One count per position, totals included: `Π (shape[d] + 1)` of them.
    pub counts: Vec<u64>,
}

/// How a cell is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// The count is shown (zeros are always shown).
    Shown,
    /// Hidden because it is below the threshold: shown as "<5".
    Primary,
    /// Hidden so that a primary cell cannot be worked out from the totals: shown as "x".
    Secondary,
}

impl Cube {
    /// A cube of zeros.
    pub fn zeros(shape: Vec<usize>) -> Cube {
        let len = shape.iter().map(|n| n + 1).product();
        Cube {
            shape,
            counts: vec![0; len],
        }
    }

    /// Strides of the row-major layout.
    fn strides(&self) -> Vec<usize> {
        let mut strides = vec![1; self.shape.len()];
        for d in (0..self.shape.len().saturating_sub(1)).rev() {
            strides[d] = strides[d + 1] * (self.shape[d + 1] + 1);
        }
        strides
    }

    /// The flat index of a position (`pos[d] == shape[d]` is dimension `d`'s total).
    pub fn index(&self, pos: &[usize]) -> usize {
        self.strides().iter().zip(pos).map(|(s, p)| s * p).sum()
    }

    /// Add `n` at a position of categories, and to every total above it.
    pub fn add(&mut self, categories: &[usize], n: u64) {
        let strides = self.strides();
        let dims = self.shape.len();
        // Every subset of dimensions replaced by its total: 2^dims cells.
        for mask in 0..(1usize << dims) {
            let mut i = 0;
            for d in 0..dims {
                let p = if mask & (1 << d) != 0 {
                    self.shape[d]
                } else {
                    categories[d]
                };
                i += strides[d] * p;
            }
            self.counts[i] += n;
        }
    }

    /// Whether a flat index is an inner cell (no coordinate is a total).
    pub fn is_inner(&self, index: usize) -> bool {
        let mut rest = index;
        for (d, stride) in self.strides().iter().enumerate() {
            if rest / stride == self.shape[d] {
                return false;
            }
            rest %= stride;
        }
        true
    }

    /// Every equation of the cube: `(total cell, member cells)`, along each dimension.
    pub fn equations(&self) -> Vec<(usize, Vec<usize>)> {
        let strides = self.strides();
        let mut out = Vec::new();
        for (&stride, &n) in strides.iter().zip(&self.shape) {
            for start in 0..self.counts.len() {
                // Lines along d start where d's coordinate is 0.
                if !(start / stride).is_multiple_of(n + 1) {
                    continue;
                }
                let members = (0..n).map(|i| start + i * stride).collect();
                out.push((start + n * stride, members));
            }
        }
        out
    }
}

mod optimal;

/// How the secondary cells were chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Nothing needed hiding.
    None,
    /// The integer programme, proven to hide the fewest cells, then the least mass.
    Optimal,
    /// The integer programme's best within its time limit, or after cuts the audit asked for:
    /// no more hidden cells than the heuristic, not proven the fewest.
    IntegerProgramme,
    /// The heuristic: the integer programme ran out of time or found nothing better.
    Heuristic,
}

impl Method {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Method::None => "none",
            Method::Optimal => "optimal",
            Method::IntegerProgramme => "integer_programme",
            Method::Heuristic => "heuristic",
        }
    }
}

/// How long the integer programme may take on one table before the heuristic's result is used.
pub const OPTIMAL_TIME_LIMIT: Duration = Duration::from_secs(2);

/// Which cells to hide, and whether that protects them.
#[derive(Debug, Clone, PartialEq)]
pub struct Protection {
    /// One mark per cell of the cube.
    pub marks: Vec<Mark>,
    /// Hidden cells an attacker could still work out even with every non-zero cell hidden —
    /// three 1s making a "<4" total can only be 1, 1 and 1. Empty when the table is safe; a
    /// table with any is not to be published as it is (fewer breakdowns or a longer period).
    pub exposed: Vec<usize>,
    /// More than [`MAX_HIDDEN`] cells would be hidden: a table that is mostly holes helps no
    /// one, and proving it safe would take minutes. Not to be published as it is either.
    pub too_fragmented: bool,
    /// How the secondary cells were chosen.
    pub method: Method,
}

impl Protection {
    /// Whether the marks protect every hidden cell.
    pub fn safe(&self) -> bool {
        self.exposed.is_empty() && !self.too_fragmented
    }

    /// Hidden cells, totals included.
    pub fn hidden(&self) -> usize {
        self.marks.iter().filter(|m| **m != Mark::Shown).count()
    }

    /// The counts hidden, added up (the second thing kept small).
    pub fn hidden_mass(&self, cube: &Cube) -> u64 {
        self.marks
            .iter()
            .zip(&cube.counts)
            .filter(|(m, _)| **m != Mark::Shown)
            .map(|(_, &n)| n)
            .sum()
    }

    /// The share, 0–1, of the inner cells that could be shown (filled, not below the
    /// threshold; totals aside) which protection hides: what secondary suppression costs the
    /// reader. Cells below the threshold are hidden whatever the method, and do not count.
    pub fn hidden_share(&self, cube: &Cube) -> f64 {
        let (mut showable, mut hidden) = (0usize, 0usize);
        for (i, (&n, m)) in cube.counts.iter().zip(&self.marks).enumerate() {
            if n > 0 && *m != Mark::Primary && cube.is_inner(i) {
                showable += 1;
                if *m == Mark::Secondary {
                    hidden += 1;
                }
            }
        }
        if showable == 0 {
            0.0
        } else {
            hidden as f64 / showable as f64
        }
    }
}

/// The most hidden cells the heuristic goes to before it gives up: beyond, proving a table safe
/// cell by cell would take minutes.
pub const MAX_HIDDEN: usize = 400;

/// The largest share of a table's showable cells that secondary suppression may hide (four in
/// five, [`Protection::hidden_share`]): a table of holes helps no one, and is refused with its
/// share. Small tables reach half easily (one small cell in a 3 × 2 table takes three of the
/// five others), so the limit is higher than that.
pub const MAX_HIDDEN_SHARE: f64 = 0.8;

/// Decide which cells to hide by both methods, within `time_limit` for the integer programme,
/// and keep the better: safe, then fewer hidden cells, then less hidden mass. The heuristic's
/// result is kept on a tie, so the integer programme never makes a table worse.
pub fn protect_best(cube: &Cube, threshold: u64, time_limit: Duration) -> Protection {
    let deadline = Instant::now() + time_limit;
    let heuristic = protect(cube, threshold);
    if heuristic.method == Method::None {
        return heuristic;
    }
    let Some(found) = optimal::solve(cube, threshold, deadline) else {
        return heuristic;
    };
    let candidate = Protection {
        marks: found.marks,
        exposed: Vec::new(),
        too_fragmented: false,
        method: if found.proven {
            Method::Optimal
        } else {
            Method::IntegerProgramme
        },
    };
    let key = |p: &Protection| (!p.safe(), p.hidden(), p.hidden_mass(cube));
    if key(&candidate) < key(&heuristic) || (found.proven && key(&candidate) == key(&heuristic)) {
        candidate
    } else {
        heuristic
    }
}

/// Decide which cells to hide: those with `0 < count < threshold`, then as few others as it
/// takes for none of them to be worked out. `threshold` is at least 1 (1 hides nothing).
pub fn protect(cube: &Cube, threshold: u64) -> Protection {
    let mut marks: Vec<Mark> = cube
        .counts
        .iter()
        .map(|&c| {
            if c > 0 && c < threshold {
                Mark::Primary
            } else {
                Mark::Shown
            }
        })
        .collect();
    if !marks.contains(&Mark::Primary) {
        return Protection {
            marks,
            exposed: Vec::new(),
            too_fragmented: false,
            method: Method::None,
        };
    }
    let equations = cube.equations();
    let by_cell = equations_by_cell(cube, &equations);
    loop {
        close_single_gaps(cube, &equations, &mut marks);
        if marks.iter().filter(|m| **m != Mark::Shown).count() > MAX_HIDDEN {
            return Protection {
                marks,
                exposed: Vec::new(),
                too_fragmented: true,
                method: Method::Heuristic,
            };
        }
        let exposed = exposed_cells(cube, &equations, &by_cell, &marks, threshold);
        if exposed.is_empty() {
            return Protection {
                marks,
                exposed,
                too_fragmented: false,
                method: Method::Heuristic,
            };
        }
        // Hide one more cell next to each exposed one: the smallest candidate of its equations,
        // or failing that the smallest anywhere. Then prove the whole table again.
        let mut hid_any = false;
        for cell in exposed {
            let near = by_cell[cell]
                .iter()
                .filter_map(|&e| candidate(cube, &equations[e], &marks))
                .min_by_key(|&(c, inner)| (cube.counts[c], !inner, c));
            let pick = near.map(|(c, _)| c).or_else(|| {
                (0..cube.counts.len())
                    .filter(|&c| marks[c] == Mark::Shown && cube.counts[c] > 0)
                    .min_by_key(|&c| (cube.counts[c], c))
            });
            if let Some(c) = pick {
                marks[c] = Mark::Secondary;
                hid_any = true;
            }
        }
        if !hid_any {
            let exposed = intervals(cube, &equations, &by_cell, &marks, threshold)
                .into_iter()
                .filter(Interval::exposed)
                .map(|i| i.cell)
                .collect();
            return Protection {
                marks,
                exposed,
                too_fragmented: false,
                method: Method::Heuristic,
            };
        }
    }
}

fn equations_by_cell(cube: &Cube, equations: &[(usize, Vec<usize>)]) -> Vec<Vec<usize>> {
    let mut by_cell: Vec<Vec<usize>> = vec![Vec::new(); cube.counts.len()];
    for (e, (total, members)) in equations.iter().enumerate() {
        by_cell[*total].push(e);
        for m in members {
            by_cell[*m].push(e);
        }
    }
    by_cell
}

/// The best cell to hide in an equation: shown, non-zero, smallest, an inner cell before the
/// total. Returns the cell and whether it is an inner one.
fn candidate(cube: &Cube, eq: &(usize, Vec<usize>), marks: &[Mark]) -> Option<(usize, bool)> {
    let (total, members) = eq;
    members
        .iter()
        .map(|&m| (m, true))
        .chain(std::iter::once((*total, false)))
        .filter(|&(c, _)| marks[c] == Mark::Shown && cube.counts[c] > 0)
        .min_by_key(|&(c, inner)| (!inner, cube.counts[c], c))
}

/// The obvious attack first: an equation with exactly one hidden cell gives it away by
/// subtraction. Hide a second cell in each such equation until there is none.
fn close_single_gaps(cube: &Cube, equations: &[(usize, Vec<usize>)], marks: &mut [Mark]) {
    loop {
        let mut changed = false;
        for eq in equations {
            let hidden = std::iter::once(&eq.0)
                .chain(&eq.1)
                .filter(|&&c| marks[c] != Mark::Shown)
                .count();
            if hidden == 1 {
                if let Some((c, _)) = candidate(cube, eq, marks) {
                    marks[c] = Mark::Secondary;
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// What an attacker can say about one hidden cell: the lowest and highest value consistent with
/// everything published (`None` for no upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// The cell's flat index.
    pub cell: usize,
    /// Lowest possible value.
    pub low: f64,
    /// Highest possible value, if bounded.
    pub high: Option<f64>,
}

impl Interval {
    /// Whether fewer than two whole numbers fit: the attacker knows the value.
    pub fn exposed(&self) -> bool {
        match self.high {
            None => false,
            Some(high) => (high + 1e-6).floor() - (self.low - 1e-6).ceil() < 1.0,
        }
    }
}

/// The attacker's interval for every hidden cell, by linear programming over the equations that
/// touch hidden cells, one connected group of hidden cells at a time.
pub fn audit(cube: &Cube, marks: &[Mark], threshold: u64) -> Vec<Interval> {
    let equations = cube.equations();
    let by_cell = equations_by_cell(cube, &equations);
    intervals(cube, &equations, &by_cell, marks, threshold)
}

fn exposed_cells(
    cube: &Cube,
    equations: &[(usize, Vec<usize>)],
    by_cell: &[Vec<usize>],
    marks: &[Mark],
    threshold: u64,
) -> Vec<usize> {
    intervals(cube, equations, by_cell, marks, threshold)
        .into_iter()
        .filter(Interval::exposed)
        .map(|i| i.cell)
        .collect()
}

fn intervals(
    cube: &Cube,
    equations: &[(usize, Vec<usize>)],
    by_cell: &[Vec<usize>],
    marks: &[Mark],
    threshold: u64,
) -> Vec<Interval> {
    let hidden: Vec<usize> = (0..marks.len())
        .filter(|&c| marks[c] != Mark::Shown)
        .collect();
    let mut seen = vec![false; marks.len()];
    let mut out = Vec::new();
    for &start in &hidden {
        if seen[start] {
            continue;
        }
        // The hidden cells linked to `start` through shared equations, and those equations.
        let mut group = vec![start];
        let mut eqs = BTreeSet::new();
        seen[start] = true;
        let mut i = 0;
        while i < group.len() {
            for &e in &by_cell[group[i]] {
                if eqs.insert(e) {
                    let (total, members) = &equations[e];
                    for &c in std::iter::once(total).chain(members) {
                        if marks[c] != Mark::Shown && !seen[c] {
                            seen[c] = true;
                            group.push(c);
                        }
                    }
                }
            }
            i += 1;
        }
        for &cell in &group {
            out.push(bounds(
                cube, equations, &eqs, &group, marks, threshold, cell,
            ));
        }
    }
    out
}

/// Minimise and maximise one hidden cell over everything the attacker knows.
fn bounds(
    cube: &Cube,
    equations: &[(usize, Vec<usize>)],
    eqs: &BTreeSet<usize>,
    group: &[usize],
    marks: &[Mark],
    threshold: u64,
    cell: usize,
) -> Interval {
    // Ok(None): no bound in that direction. Err: the solver gave up, which proves nothing, so
    // the cell is treated as exposed and another cell gets hidden.
    let solve = |direction| -> Result<Option<f64>, ()> {
        let mut p = Problem::new(direction);
        let vars: Vec<_> = group
            .iter()
            .map(|&c| {
                let objective = if c == cell { 1.0 } else { 0.0 };
                let range = match marks[c] {
                    Mark::Primary => (1.0, threshold.saturating_sub(1).max(1) as f64),
                    _ => (threshold as f64, f64::INFINITY),
                };
                p.add_var(objective, range)
            })
            .collect();
        let var_of = |c: usize| group.iter().position(|&g| g == c).map(|i| vars[i]);
        for &e in eqs {
            let (total, members) = &equations[e];
            // Σ members − total = 0, with the published cells moved to the right-hand side.
            let mut terms = Vec::new();
            let mut rhs = 0.0;
            for (c, sign) in members
                .iter()
                .map(|&m| (m, 1.0))
                .chain(std::iter::once((*total, -1.0)))
            {
                match var_of(c) {
                    Some(v) => terms.push((v, sign)),
                    None => rhs -= sign * cube.counts[c] as f64,
                }
            }
            p.add_constraint(terms.as_slice(), ComparisonOp::Eq, rhs);
        }
        match p.solve() {
            Ok(outcome) => outcome
                .into_solution()
                .map(|s| Some(s.objective()))
                .map_err(|_| ()),
            Err(microlp::Error::Unbounded) => Ok(None),
            Err(_) => Err(()),
        }
    };
    let truth = cube.counts[cell] as f64;
    match (
        solve(OptimizationDirection::Minimize),
        solve(OptimizationDirection::Maximize),
    ) {
        (Ok(low), Ok(high)) => Interval {
            cell,
            low: low.unwrap_or(0.0),
            high,
        },
        _ => Interval {
            cell,
            low: truth,
            high: Some(truth),
        },
    }
}

#[cfg(test)]
mod tests;
