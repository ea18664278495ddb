//! k-anonymity by globally optimal full-domain generalisation, with optional distinct
//! l-diversity and a bounded share of suppressed rows.
//!
//! This is the engine behind an anonymised release. It knows nothing of the vault: every
//! quasi-identifier (QI) arrives as integer leaf codes with a [`Hierarchy`] of ever coarser
//! groups over them (age → 5-year band → … → `*`).
//!
//! ## What is searched
//!
//! As in ARX, a *transformation* picks one generalisation level per QI (full-domain
//! generalisation: every value of a QI is coarsened to the same level); the transformations form
//! a lattice, the product of the levels. Under a transformation the rows fall into equivalence
//! classes by their generalised QI tuple; a class is kept when it holds at least `k` rows (and,
//! if asked, at least `l` distinct sensitive values), and the rows of every other class are
//! suppressed. A transformation is *feasible* when no more than `floor(max_suppressed × n)` rows
//! are suppressed. [`anonymise`] returns the feasible transformation of least information loss
//! over the whole lattice — globally optimal, not the end of a greedy walk.
//!
//! ## The loss
//!
//! Iyengar's Loss Metric (LM), normalised to 0..=1: a kept row whose value of QI `j` lies in a
//! group of `g` of the QI's `d` leaves costs `(g − 1)/(d − 1)` for that QI; a suppressed row
//! costs 1 for every QI. Internally the loss is kept as an exact integer numerator over the
//! common denominator `n · q · lcm(d_j − 1)`, so ties are ties and the tie-break (smaller sum of
//! levels, then the lexicographically smaller levels) is honoured exactly; only absurd
//! hierarchies whose denominator would not fit 128 bits fall back to `f64`.
//!
//! ## How it stays fast
//!
//! - **Branch and bound.** Were no row suppressed, the loss would be separable: a sum over QIs
//!   of a per-level constant `f_j(l)`, precomputed once. Suppression only raises the loss (a
//!   suppressed row costs 1 per QI, never less than its generalisation would), so that sum is a
//!   lower bound. The lattice is walked in increasing order of the bound (a heap fed with each
//!   node's successors, each node generated once) and the walk stops as soon as the next bound
//!   cannot beat the best feasible node found. Every node that could still beat the best lies
//!   in a box `[0, caps]` of the lattice, since the bound is separable and monotone.
//! - **Predictive tagging.** Feasibility is monotone: coarsening only merges classes, and a
//!   kept class stays kept. So the top node (everything `*`) is checked first — if it fails,
//!   nothing passes — and an infeasible node is raised, one QI at a time by binary search
//!   within the box, to a maximal infeasible node whose whole down-set is then known infeasible
//!   without being evaluated (as ARX's Flash does along its paths). Before paying for a fine
//!   node, a coarser one is tried: if that is infeasible, so is the fine one. With more than a
//!   handful of QIs most of the nodes below the optimum are infeasible, and this is what keeps
//!   their number of evaluations small.
//! - **Distinct tuples, not rows.** The rows are first collapsed into distinct leaf tuples with
//!   counts (and a bitset of sensitive codes when there are at most 64 of them). A node's
//!   classes are found by generalising those tuples — or, better, by rolling up the smaller
//!   class list of an already evaluated finer node. Classes are keyed by a mixed-radix packing
//!   of group codes into a `u64` (renumbered when the product would overflow), looked up in a
//!   flat table when the key space is small and in a hash map with a multiplicative hasher
//!   otherwise. An evaluation gives up as soon as it has found more classes than a feasible
//!   node can have (see `Table::class_cap`).
//! - **Rows only once.** Which rows are suppressed is worked out for the chosen node alone.
//!
//! ## Where it lives
//!
//! - `hierarchy`: the caller's [`Hierarchy`], and each QI prepared for the search (tree order,
//!   dense groups, per-level waste).
//! - `metric`: the Loss Metric as exact integer keys.
//! - `grouping`: the hasher, the radix sort and the grouping of keys into classes.
//! - `table`: the rows collapsed into distinct tuples, a node's classes and its key, and the
//!   outcome of the chosen node.
//! - `lattice`: the branch-and-bound search with predictive tagging.

use serde::Serialize;

mod grouping;
mod hierarchy;
mod lattice;
mod metric;
mod table;

pub use hierarchy::Hierarchy;
use table::Table;

/// What the release must meet.
#[derive(Debug, Clone, Copy)]
pub struct Requirements {
    /// Every kept equivalence class holds at least `k` rows (meant to be ≥ 2).
    pub k: usize,
    /// Distinct l-diversity on the sensitive column, if any (meant to be ≥ 2): every kept class
    /// holds at least `l` distinct sensitive codes.
    pub l: Option<usize>,
    /// Fraction of rows that may be suppressed, `0.0..=1.0` (e.g. 0.05); see
    /// [`suppression_limit`].
    pub max_suppressed: f64,
}

/// The chosen transformation and what it achieves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Generalisation level per quasi-identifier.
    pub levels: Vec<usize>,
    /// Indices of the rows removed (in classes smaller than `k` or not l-diverse), ascending.
    pub suppressed: Vec<usize>,
    /// Equivalence classes among the kept rows.
    pub classes: usize,
    /// Size of the smallest kept class (0 if nothing is kept).
    pub smallest_class: usize,
    /// The k the release achieves; equal to `smallest_class`.
    pub k_achieved: usize,
    /// Least number of distinct sensitive codes in a kept class, when a sensitive column is
    /// given (`Some(0)` if nothing is kept).
    pub l_achieved: Option<usize>,
    /// Normalised Loss Metric, `0.0..=1.0` (see the module doc).
    pub information_loss: f64,
    /// Lattice nodes whose classes were computed ([`evaluate`]: 1).
    pub nodes_evaluated: usize,
    /// Nodes in the lattice (product of the heights; saturating).
    pub nodes_total: usize,
}

/// How many rows a release of `rows` rows may suppress: `floor(max_suppressed × rows)`, clamped
/// to `0..=rows` (a NaN counts as 0). [`anonymise`] and [`evaluate`] use exactly this.
pub fn suppression_limit(rows: usize, max_suppressed: f64) -> usize {
    // `as` saturates and maps NaN to 0.
    ((max_suppressed * rows as f64).floor() as usize).min(rows)
}

/// Finds the feasible transformation of least information loss (ties: smaller sum of levels,
/// then the lexicographically smaller levels).
///
/// `qi[row][j]` is the leaf code of `row` for quasi-identifier `j` (`j < hierarchies.len()`);
/// `sensitive` holds one code per row and is required when `req.l` is set (any `u32` codes, any
/// number of them). Returns `None` when there are no rows, when no transformation — not even the
/// top one, everything `*` — meets the requirements within the suppression limit, or on
/// malformed input (rows of the wrong width, codes outside a hierarchy, a sensitive column of
/// the wrong length or missing while `l` is set; these also trip a `debug_assert`).
pub fn anonymise(
    qi: &[Vec<u32>],
    sensitive: Option<&[u32]>,
    hierarchies: &[Hierarchy],
    req: Requirements,
) -> Option<Outcome> {
    let t = Table::prepare(qi, sensitive, hierarchies, req)?;
    t.search()
}

/// What one given transformation (`levels`, one per QI) gives, with the same meaning of the
/// fields as [`anonymise`]. Whether it is feasible is then
/// `suppressed.len() <= suppression_limit(n, req.max_suppressed)`.
///
/// Malformed input (see [`anonymise`]; also `levels` of the wrong length or beyond a height)
/// trips a `debug_assert` and otherwise yields an outcome with every row suppressed.
pub fn evaluate(
    qi: &[Vec<u32>],
    sensitive: Option<&[u32]>,
    hierarchies: &[Hierarchy],
    req: Requirements,
    levels: &[usize],
) -> Outcome {
    let total = nodes_total(hierarchies);
    let valid_levels = levels.len() == hierarchies.len()
        && levels.iter().zip(hierarchies).all(|(&l, h)| l < h.height());
    debug_assert!(valid_levels, "levels {levels:?} do not fit the hierarchies");
    let prepared = if valid_levels {
        Table::prepare(qi, sensitive, hierarchies, req)
    } else {
        None
    };
    match prepared {
        Some(t) => {
            let mut o = t.outcome(levels);
            o.nodes_evaluated = 1;
            o
        }
        None => Outcome {
            levels: levels.to_vec(),
            suppressed: (0..qi.len()).collect(),
            classes: 0,
            smallest_class: 0,
            k_achieved: 0,
            l_achieved: sensitive.map(|_| 0),
            information_loss: if qi.is_empty() || hierarchies.is_empty() {
                0.0
            } else {
                1.0
            },
            nodes_evaluated: 0,
            nodes_total: total,
        },
    }
}

fn nodes_total(hierarchies: &[Hierarchy]) -> usize {
    hierarchies
        .iter()
        .fold(1usize, |acc, h| acc.saturating_mul(h.height()))
}

#[cfg(test)]
mod tests;
