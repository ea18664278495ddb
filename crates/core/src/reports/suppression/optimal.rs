//! Secondary suppression as an integer programme over the whole table, in the manner of the
//! optimal method of tau-ARGUS (Fischetti and Salazar): hide the fewest cells, then the least
//! mass, so that no hidden cell can be worked out.
//!
//! One binary variable per non-zero cell (a primary cell is fixed at 1; zeros are always
//! published and hide nothing). The model's constraints say what the heuristic reaches by
//! search: in every equation of the table (a line and its total), a hidden cell is never the
//! only hidden one — `Σ_{j ≠ c} x_j ≥ x_c` for each cell `c` of the line. The objective is
//! `Σ (W + count_c) · x_c` with `W` larger than the whole table's mass, so one cell fewer always
//! beats any difference in mass.
//!
//! Those constraints are necessary, not sufficient: the attacker of [`super::audit`] also knows
//! the bounds of every hidden cell and every equation at once. So each solution is audited by
//! the same linear programmes as the heuristic's; for each hidden group with an exposed cell, a
//! cut "hide at least one more of the cells around this group" is added and the programme
//! solved again (a cutting-plane loop, as Fischetti and Salazar add protection cuts). A result
//! that needed cuts is no longer proven minimal, and is said so.

use std::time::Instant;

use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem, Variable};

use super::{equations_by_cell, exposed_cells, Cube, Mark};

/// What the integer programme found.
pub(super) struct Found {
    /// One mark per cell.
    pub marks: Vec<Mark>,
    /// Proven to hide the fewest cells (then the least mass) under the model: solved to
    /// optimality, with no cut added for the audit.
    pub proven: bool,
}

/// The most rounds of cuts before giving the table back to the heuristic.
const MAX_ROUNDS: usize = 50;

/// Solve, or `None` when the deadline passed, the solver failed, or no suppression protects
/// the table (the heuristic then says which cells are exposed).
pub(super) fn solve(cube: &Cube, threshold: u64, deadline: Instant) -> Option<Found> {
    let equations = cube.equations();
    let by_cell = equations_by_cell(cube, &equations);
    let primary = |c: usize| cube.counts[c] > 0 && cube.counts[c] < threshold;
    let mass: u64 = cube.counts.iter().sum();
    let weight = (mass + 1) as f64;
    let mut cuts: Vec<Vec<usize>> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let left = deadline.checked_duration_since(Instant::now())?;
        let mut p = Problem::new(OptimizationDirection::Minimize);
        p.set_time_limit(left);
        let vars: Vec<Option<Variable>> = cube
            .counts
            .iter()
            .enumerate()
            .map(|(c, &n)| {
                (n > 0).then(|| {
                    let objective = weight + n as f64;
                    if primary(c) {
                        p.add_integer_var(objective, (1, 1))
                    } else {
                        p.add_binary_var(objective)
                    }
                })
            })
            .collect();
        for (total, members) in &equations {
            let line: Vec<(usize, Variable)> = std::iter::once(total)
                .chain(members)
                .filter_map(|&c| vars[c].map(|v| (c, v)))
                .collect();
            for &(c, v) in &line {
                let mut expr = LinearExpr::empty();
                for &(j, w) in &line {
                    if j != c {
                        expr.add(w, 1.0);
                    }
                }
                expr.add(v, -1.0);
                p.add_constraint(expr, ComparisonOp::Ge, 0.0);
            }
        }
        for cut in &cuts {
            let mut expr = LinearExpr::empty();
            for &c in cut {
                if let Some(v) = vars[c] {
                    expr.add(v, 1.0);
                }
            }
            p.add_constraint(expr, ComparisonOp::Ge, 1.0);
        }
        let outcome = p.solve().ok()?;
        let optimal = outcome.is_optimal();
        let solution = outcome.into_solution().ok()?;
        let marks: Vec<Mark> = (0..cube.counts.len())
            .map(|c| match vars[c] {
                _ if primary(c) => Mark::Primary,
                Some(v) if solution.var_value(v) > 0.5 => Mark::Secondary,
                _ => Mark::Shown,
            })
            .collect();
        let exposed = exposed_cells(cube, &equations, &by_cell, &marks, threshold);
        if exposed.is_empty() {
            return Some(Found {
                marks,
                proven: optimal && cuts.is_empty(),
            });
        }
        let before = cuts.len();
        for cell in exposed {
            let around = surroundings(cube, &equations, &by_cell, &marks, cell);
            if around.is_empty() {
                return None;
            }
            if !cuts.contains(&around) {
                cuts.push(around);
            }
        }
        if cuts.len() == before {
            return None;
        }
    }
    None
}

/// The shown non-zero cells in the equations around the hidden group that holds `cell`: one of
/// them must be hidden too for the group to stop giving itself away.
fn surroundings(
    cube: &Cube,
    equations: &[(usize, Vec<usize>)],
    by_cell: &[Vec<usize>],
    marks: &[Mark],
    cell: usize,
) -> Vec<usize> {
    let mut group = vec![cell];
    let mut in_group = vec![false; marks.len()];
    in_group[cell] = true;
    let mut around = Vec::new();
    let mut is_around = vec![false; marks.len()];
    let mut i = 0;
    while i < group.len() {
        for &e in &by_cell[group[i]] {
            let (total, members) = &equations[e];
            for &c in std::iter::once(total).chain(members) {
                if marks[c] != Mark::Shown {
                    if !in_group[c] {
                        in_group[c] = true;
                        group.push(c);
                    }
                } else if cube.counts[c] > 0 && !is_around[c] {
                    is_around[c] = true;
                    around.push(c);
                }
            }
        }
        i += 1;
    }
    around.sort_unstable();
    around
}
