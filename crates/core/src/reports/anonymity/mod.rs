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

use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// One quasi-identifier's generalisation hierarchy over leaf codes `0..leaves`.
#[derive(Debug, Clone)]
pub struct Hierarchy {
    /// `levels[0]` must be the identity (`levels[0][leaf] == leaf`). `levels[l][leaf]` is the
    /// code of the group the leaf belongs to at level `l`. The last level maps every leaf to one
    /// group (`*`). Groups must nest: two leaves together at level `l` stay together at every
    /// higher level. Group codes need not be dense.
    pub levels: Vec<Vec<u32>>,
}

impl Hierarchy {
    /// Checks and wraps `levels`: at least one leaf, every level as long as the first, level 0
    /// the identity, groups nesting from each level to the next, and one group at the top.
    /// The error is a message for the developer, not for the user.
    pub fn new(levels: Vec<Vec<u32>>) -> Result<Hierarchy, String> {
        let h = Hierarchy { levels };
        h.check()?;
        Ok(h)
    }

    /// Number of levels (at least 1; level 0 is the leaves themselves).
    pub fn height(&self) -> usize {
        self.levels.len()
    }

    /// Number of leaf codes.
    pub fn leaves(&self) -> usize {
        self.levels.first().map_or(0, Vec::len)
    }

    /// The checks of [`Hierarchy::new`]; also re-run by the engine, since `levels` is public.
    fn check(&self) -> Result<(), String> {
        let Some(first) = self.levels.first() else {
            return Err("a hierarchy needs at least one level".into());
        };
        let d = first.len();
        if d == 0 {
            return Err("a hierarchy needs at least one leaf".into());
        }
        if u32::try_from(d).is_err() {
            return Err(format!("{d} leaves do not fit u32 codes"));
        }
        if let Some(l) = self.levels.iter().position(|lv| lv.len() != d) {
            return Err(format!(
                "level {l} has {} entries, level 0 has {d}",
                self.levels[l].len()
            ));
        }
        if let Some(leaf) = (0..d).find(|&i| first[i] as usize != i) {
            return Err(format!(
                "level 0 must be the identity, but leaf {leaf} maps to {}",
                first[leaf]
            ));
        }
        for l in 0..self.levels.len() - 1 {
            // Nesting: the map "group at l → group at l+1" must be a function.
            let mut up: FxMap<u32, u32> = FxMap::default();
            for (leaf, (&lo, &hi)) in self.levels[l].iter().zip(&self.levels[l + 1]).enumerate() {
                let seen = *up.entry(lo).or_insert(hi);
                if seen != hi {
                    return Err(format!(
                        "levels {l} and {} do not nest: group {lo} at level {l} is split \
                         (leaf {leaf} goes to {hi}, another leaf to {seen})",
                        l + 1
                    ));
                }
            }
        }
        let top = self.levels.last().unwrap_or(first);
        if top.iter().any(|&g| g != top[0]) {
            return Err(format!(
                "the top level (level {}) must map every leaf to one group",
                self.levels.len() - 1
            ));
        }
        Ok(())
    }
}

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

// ---------------------------------------------------------------------------------------------
// Hashing: std's SipHash is needlessly slow for integer keys, and no new dependency is wanted.

/// FxHash-style multiplicative hasher; `finish` rotates so the well-mixed high bits reach the
/// low bits the table indexes with.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

const FX_K: u64 = 0xf135_7aea_2e62_a9c5;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = self.0.wrapping_add(x).wrapping_mul(FX_K);
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

// ---------------------------------------------------------------------------------------------
// Preparation.

/// Marks an empty slot of the flat grouping table.
const EMPTY: u32 = u32::MAX;
/// Largest key space grouped through a flat table (4 M slots, 16 MB) rather than a hash map.
const FLAT_MAX: u64 = 1 << 22;
/// Coarser nodes tried before a node is evaluated (see `Search::settle`).
const PROBES: usize = 2;
/// Class-list entries kept for roll-ups (16 bytes each).
const CACHE_ENTRIES: usize = 1 << 20;

/// One QI with its leaves put in tree order and its groups renumbered densely per level.
///
/// Tree order (leaves sorted by their group at the top level, then the next one down, …) makes
/// every group at every level a run of consecutive leaves, so group numbers grow with the leaf.
/// With the distinct tuples sorted as well, tuples of one class tend to come one after another
/// (always so at the bottom node): grouping checks the previous key first, and its table
/// accesses stay local.
struct Qi {
    /// Number of leaves (`d`).
    leaves: usize,
    /// Caller's leaf code → leaf in tree order.
    rank: Vec<u32>,
    /// Per level: leaf (tree order) → dense group, non-decreasing.
    gen: Vec<Vec<u32>>,
    /// Per level: number of groups.
    groups: Vec<u32>,
    /// Per level, per group: leaves in the group minus one (the LM numerator).
    waste: Vec<Vec<u32>>,
    /// Per level: Σ over rows of `waste` — the loss of the level if nothing were suppressed.
    full: Vec<u64>,
}

impl Qi {
    fn new(h: &Hierarchy) -> Qi {
        let leaves = h.leaves();
        let mut order: Vec<u32> = (0..leaves as u32).collect();
        order.sort_by(|&a, &b| {
            h.levels
                .iter()
                .rev()
                .map(|lv| lv[a as usize].cmp(&lv[b as usize]))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut rank = vec![0u32; leaves];
        for (i, &leaf) in order.iter().enumerate() {
            rank[leaf as usize] = i as u32;
        }
        let mut gen = Vec::with_capacity(h.height());
        let mut groups = Vec::with_capacity(h.height());
        let mut waste = Vec::with_capacity(h.height());
        for level in &h.levels {
            // Groups are runs in tree order: number them as they start.
            let mut g = Vec::with_capacity(leaves);
            let mut size: Vec<u32> = Vec::new();
            let mut prev = None;
            for &leaf in &order {
                let code = level[leaf as usize];
                if prev != Some(code) {
                    size.push(0);
                    prev = Some(code);
                }
                *size.last_mut().unwrap_or(&mut 0) += 1;
                g.push(size.len() as u32 - 1);
            }
            groups.push(size.len() as u32);
            waste.push(size.into_iter().map(|s| s - 1).collect());
            gen.push(g);
        }
        Qi {
            leaves,
            rank,
            gen,
            groups,
            waste,
            full: Vec::new(),
        }
    }

    /// LM numerator of a leaf (tree order) at a level.
    fn waste_of(&self, level: usize, leaf: u32) -> u32 {
        self.waste[level][self.gen[level][leaf as usize] as usize]
    }
}

/// Sorts `(key, index)` pairs by key (LSD radix, 11 bits a pass); `bound` exceeds every key.
fn radix_sort(v: &mut Vec<(u64, u32)>, bound: u64) {
    const BITS: u32 = 11;
    const MASK: u64 = (1 << BITS) - 1;
    let bits = 64 - bound.saturating_sub(1).leading_zeros();
    let mut tmp = vec![(0u64, 0u32); v.len()];
    let mut shift = 0;
    while shift < bits {
        let mut start = [0usize; 1 << BITS];
        for &(k, _) in v.iter() {
            start[((k >> shift) & MASK) as usize] += 1;
        }
        let mut sum = 0;
        for c in start.iter_mut() {
            (*c, sum) = (sum, sum + *c);
        }
        for &(k, i) in v.iter() {
            let d = ((k >> shift) & MASK) as usize;
            tmp[start[d]] = (k, i);
            start[d] += 1;
        }
        std::mem::swap(v, &mut tmp);
        shift += BITS;
    }
}

/// A list of classes (or, at the base, of distinct leaf tuples).
#[derive(Default)]
struct ClassList {
    /// A distinct leaf tuple (a unit) of the class: its leaves give the class's groups.
    rep: Vec<u32>,
    /// Rows in the class.
    count: Vec<u32>,
    /// Sensitive codes present, as a bitset (only when l-diversity uses bitsets).
    bits: Vec<u64>,
}

impl ClassList {
    fn len(&self) -> usize {
        self.count.len()
    }
}

/// How l-diversity is checked during the search.
enum Diversity {
    /// Not asked for.
    Off,
    /// At most 64 distinct sensitive codes: a `u64` bitset per class.
    Bits,
    /// More codes: distinct (unit, dense sensitive code) pairs, packed `unit << 32 | code`.
    Pairs(Vec<u64>),
}

/// Exact (or, for absurd hierarchies, floating) LM numerators as sortable `u128` keys.
struct Metric {
    exact: bool,
    /// Exact: per QI, `L / (d_j − 1)` (0 when `d_j == 1`).
    mult: Vec<u128>,
    /// Exact: what a suppressed row costs, `q · L`.
    sup_weight: u128,
    /// Exact: `n · q · L`.
    den: u128,
    /// Float: per QI, `d_j − 1`.
    span: Vec<f64>,
    rows: usize,
    q: usize,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Metric {
    fn new(n: usize, qis: &[Qi]) -> Metric {
        let q = qis.len();
        let spans: Vec<u128> = qis.iter().map(|h| h.leaves as u128 - 1).collect();
        let lcm = spans
            .iter()
            .filter(|&&s| s > 0)
            .try_fold(1u128, |l, &s| (l / gcd(l, s)).checked_mul(s));
        let den = lcm.and_then(|l| (n as u128).checked_mul(q as u128)?.checked_mul(l));
        match (lcm, den) {
            (Some(l), Some(den)) => Metric {
                exact: true,
                mult: spans
                    .iter()
                    .map(|&s| l.checked_div(s).unwrap_or(0))
                    .collect(),
                sup_weight: q as u128 * l,
                den,
                span: Vec::new(),
                rows: n,
                q,
            },
            _ => Metric {
                exact: false,
                mult: Vec::new(),
                sup_weight: 0,
                den: 0,
                span: spans.iter().map(|&s| s as f64).collect(),
                rows: n,
                q,
            },
        }
    }

    /// The key of a node whose kept rows waste `kept[j]` leaves on QI `j` and which suppresses
    /// `sup` rows. Keys of one table compare like the losses.
    fn key(&self, kept: &[u64], sup: u64) -> u128 {
        if self.exact {
            kept.iter()
                .zip(&self.mult)
                .map(|(&s, &m)| u128::from(s) * m)
                .sum::<u128>()
                + u128::from(sup) * self.sup_weight
        } else {
            let mut x = 0.0f64;
            for (&s, &span) in kept.iter().zip(&self.span) {
                if span > 0.0 {
                    x += s as f64 / span;
                }
            }
            x += sup as f64 * self.q as f64;
            // Non-negative floats order like their bit patterns.
            u128::from(x.to_bits())
        }
    }

    fn loss(&self, key: u128) -> f64 {
        if self.exact {
            if self.den == 0 {
                0.0
            } else {
                key as f64 / self.den as f64
            }
        } else {
            let den = self.rows as f64 * self.q as f64;
            if den == 0.0 {
                0.0
            } else {
                f64::from_bits(key as u64) / den
            }
        }
    }
}

/// Reusable buffers for grouping keys.
#[derive(Default)]
struct Grouper {
    keys: Vec<u64>,
    /// Per entry, its group.
    ids: Vec<u32>,
    /// Per group, its first entry.
    firsts: Vec<u32>,
    table: Vec<u32>,
    map: FxMap<u64, u32>,
}

impl Grouper {
    /// Groups `self.keys` (all `< bound`) into `ids` and `firsts`, in order of first appearance.
    fn group(&mut self, bound: u64) {
        self.ids.clear();
        self.firsts.clear();
        let m = self.keys.len() as u64;
        if self.keys.is_sorted() {
            // The usual case (see `Qi`): classes are runs of equal keys.
            let mut prev = None;
            for (i, &k) in self.keys.iter().enumerate() {
                if prev != Some(k) {
                    prev = Some(k);
                    self.firsts.push(i as u32);
                }
                self.ids.push(self.firsts.len() as u32 - 1);
            }
            return;
        }
        let flat =
            bound <= self.table.len() as u64 || (bound <= FLAT_MAX && bound <= 16 * m + 4096);
        if flat {
            if (self.table.len() as u64) < bound {
                self.table.resize(bound as usize, EMPTY);
            }
            for (i, &k) in self.keys.iter().enumerate() {
                let slot = &mut self.table[k as usize];
                if *slot == EMPTY {
                    *slot = self.firsts.len() as u32;
                    self.firsts.push(i as u32);
                }
                self.ids.push(*slot);
            }
            // Clear only what was touched, so the table is reused at no cost.
            for &f in &self.firsts {
                self.table[self.keys[f as usize] as usize] = EMPTY;
            }
        } else {
            self.map.clear();
            for (i, &k) in self.keys.iter().enumerate() {
                let next = self.firsts.len() as u32;
                let id = *self.map.entry(k).or_insert(next);
                if id == next {
                    self.firsts.push(i as u32);
                }
                self.ids.push(id);
            }
        }
    }

    /// Groups units (`reps`) by their packed group codes under `split`, computing each key on
    /// the fly so that it can give up early: `false` once more than `max` groups are found.
    /// Leaves `ids`, `firsts`, and the groups' keys in `keys`.
    fn group_units(
        &mut self,
        split: &[(&[u32], &[u32], u64)],
        reps: &[u32],
        bound: u64,
        max: usize,
    ) -> bool {
        self.ids.clear();
        self.firsts.clear();
        self.keys.clear();
        let key_of = |u: u32| {
            split.iter().fold(0u64, |k, &(gen, col, radix)| {
                k * radix + u64::from(gen[col[u as usize] as usize])
            })
        };
        let m = reps.len() as u64;
        // Units come sorted and group codes grow with leaves (see `Qi`), so equal keys often
        // come in runs: the previous key is checked first.
        let (mut prev_key, mut prev_id) = (u64::MAX, 0u32);
        let mut within = true;
        if bound <= self.table.len() as u64 || (bound <= FLAT_MAX && bound <= 16 * m + 4096) {
            if (self.table.len() as u64) < bound {
                self.table.resize(bound as usize, EMPTY);
            }
            for (i, &u) in reps.iter().enumerate() {
                let key = key_of(u);
                if key != prev_key {
                    let slot = &mut self.table[key as usize];
                    if *slot == EMPTY {
                        *slot = self.firsts.len() as u32;
                        self.firsts.push(i as u32);
                        self.keys.push(key);
                        if self.firsts.len() > max {
                            within = false;
                            break;
                        }
                    }
                    (prev_key, prev_id) = (key, *slot);
                }
                self.ids.push(prev_id);
            }
            for &k in &self.keys {
                self.table[k as usize] = EMPTY;
            }
        } else {
            self.map.clear();
            for (i, &u) in reps.iter().enumerate() {
                let key = key_of(u);
                if key != prev_key {
                    let next = self.firsts.len() as u32;
                    let id = *self.map.entry(key).or_insert(next);
                    if id == next {
                        self.firsts.push(i as u32);
                        self.keys.push(key);
                        if self.firsts.len() > max {
                            within = false;
                            break;
                        }
                    }
                    (prev_key, prev_id) = (key, id);
                }
                self.ids.push(prev_id);
            }
        }
        within
    }

    /// Replaces the keys by their group numbers; returns the new bound.
    fn densify(&mut self, bound: u64) -> u64 {
        self.group(bound);
        self.keys.clear();
        self.keys.extend(self.ids.iter().map(|&i| u64::from(i)));
        self.firsts.len() as u64
    }
}

/// Where a node's classes are computed from.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// The distinct leaf tuples.
    Base,
    /// The classes of a finer node.
    Finer(&'a ClassList),
}

struct Table<'a> {
    qis: Vec<Qi>,
    /// Per QI, the leaf of each unit (distinct leaf tuple).
    cols: Vec<Vec<u32>>,
    /// The units with their row counts (and sensitive bitsets).
    base: ClassList,
    /// Per row, its unit.
    row_unit: Vec<u32>,
    sensitive: Option<&'a [u32]>,
    diversity: Diversity,
    metric: Metric,
    req: Requirements,
    limit: usize,
    total: usize,
}

impl<'a> Table<'a> {
    /// Checks the input and collapses the rows into distinct tuples. `None` on malformed input
    /// or no rows.
    fn prepare(
        qi: &[Vec<u32>],
        sensitive: Option<&'a [u32]>,
        hierarchies: &[Hierarchy],
        req: Requirements,
    ) -> Option<Table<'a>> {
        let n = qi.len();
        if n == 0 || u32::try_from(n).is_err() {
            return None;
        }
        let q = hierarchies.len();
        let hier_ok = hierarchies.iter().all(|h| h.check().is_ok());
        debug_assert!(hier_ok, "a hierarchy fails Hierarchy::new's checks");
        let sens_ok = match (sensitive, req.l) {
            (Some(s), _) => s.len() == n,
            (None, l) => l.is_none(),
        };
        debug_assert!(
            sens_ok,
            "the sensitive column is missing or of the wrong length"
        );
        if !(hier_ok && sens_ok) {
            return None;
        }

        let mut qis: Vec<Qi> = hierarchies.iter().map(Qi::new).collect();

        // Collapse the rows into units (distinct leaf tuples), sorted by their tree-order
        // leaves, lexicographically: a mixed-radix key per row, radix-sorted. Each row is its
        // own allocation, so the rows are read once, in order, into a flat table of leaves.
        let mut flat: Vec<u32> = Vec::with_capacity(n * q);
        let mut rows_ok = true;
        'rows: for row in qi {
            if row.len() != q {
                rows_ok = false;
                break;
            }
            for (&c, h) in row.iter().zip(&qis) {
                let Some(&r) = h.rank.get(c as usize) else {
                    rows_ok = false;
                    break 'rows;
                };
                flat.push(r);
            }
        }
        debug_assert!(
            rows_ok,
            "a row has the wrong width or a code outside its hierarchy"
        );
        if !rows_ok {
            return None;
        }
        let row_leaves = |i: usize| &flat[i * q..(i + 1) * q];
        let radices: Vec<u64> = qis.iter().map(|h| h.leaves as u64).collect();
        let mut pairs: Vec<(u64, u32)>;
        let bound = match radices.iter().try_fold(1u64, |b, &r| b.checked_mul(r)) {
            Some(bound) => {
                pairs = (0..n)
                    .map(|i| {
                        let key = row_leaves(i)
                            .iter()
                            .zip(&radices)
                            .fold(0u64, |k, (&r, &radix)| k * radix + u64::from(r));
                        (key, i as u32)
                    })
                    .collect();
                bound
            }
            None => {
                let mut keys = vec![0u64; n];
                let mut bound = 1u64;
                for (j, &radix) in radices.iter().enumerate() {
                    if radix == 1 {
                        continue;
                    }
                    if bound.checked_mul(radix).is_none() {
                        // Renumber the keys so far by rank, which keeps their order.
                        let mut ranked: Vec<(u64, u32)> =
                            keys.iter().zip(0..).map(|(&k, i)| (k, i)).collect();
                        radix_sort(&mut ranked, bound);
                        let mut next = 0u64;
                        for w in 0..ranked.len() {
                            if w > 0 && ranked[w].0 != ranked[w - 1].0 {
                                next += 1;
                            }
                            keys[ranked[w].1 as usize] = next;
                        }
                        bound = next + 1;
                    }
                    for (i, k) in keys.iter_mut().enumerate() {
                        *k = *k * radix + u64::from(row_leaves(i)[j]);
                    }
                    bound *= radix;
                }
                pairs = keys.iter().zip(0..).map(|(&k, i)| (k, i)).collect();
                bound
            }
        };
        radix_sort(&mut pairs, bound);
        let mut row_unit = vec![0u32; n];
        let mut firsts: Vec<u32> = Vec::new();
        let mut count: Vec<u32> = Vec::new();
        for (w, &(k, row)) in pairs.iter().enumerate() {
            if w == 0 || k != pairs[w - 1].0 {
                firsts.push(row);
                count.push(0);
            }
            row_unit[row as usize] = firsts.len() as u32 - 1;
            *count.last_mut().unwrap_or(&mut 0) += 1;
        }
        drop(pairs);
        let units = firsts.len();
        let cols: Vec<Vec<u32>> = (0..q)
            .map(|j| firsts.iter().map(|&r| row_leaves(r as usize)[j]).collect())
            .collect();
        drop(flat);

        // Per QI and level, the loss if no row were suppressed (the separable bound).
        for (j, h) in qis.iter_mut().enumerate() {
            let mut hist = vec![0u64; h.leaves];
            for (u, &c) in count.iter().enumerate() {
                hist[cols[j][u] as usize] += u64::from(c);
            }
            h.full = (0..h.gen.len())
                .map(|l| {
                    hist.iter()
                        .enumerate()
                        .map(|(leaf, &c)| c * u64::from(h.waste_of(l, leaf as u32)))
                        .sum()
                })
                .collect();
        }

        // Sensitive codes, renumbered densely, for l-diversity during the search.
        let mut bits = Vec::new();
        let diversity = match (req.l, sensitive) {
            (Some(_), Some(s)) => {
                let mut codes: Vec<u32> = s.to_vec();
                codes.sort_unstable();
                codes.dedup();
                let dense = |c: u32| codes.binary_search(&c).unwrap_or(0) as u64;
                if codes.len() <= 64 {
                    bits = vec![0u64; units];
                    for (&u, &c) in row_unit.iter().zip(s) {
                        bits[u as usize] |= 1 << dense(c);
                    }
                    Diversity::Bits
                } else {
                    let mut pairs: Vec<u64> = row_unit
                        .iter()
                        .zip(s)
                        .map(|(&u, &c)| u64::from(u) << 32 | dense(c))
                        .collect();
                    pairs.sort_unstable();
                    pairs.dedup();
                    Diversity::Pairs(pairs)
                }
            }
            _ => Diversity::Off,
        };

        Some(Table {
            metric: Metric::new(n, &qis),
            qis,
            cols,
            base: ClassList {
                rep: (0..units as u32).collect(),
                count,
                bits,
            },
            row_unit,
            sensitive,
            diversity,
            req,
            limit: suppression_limit(n, req.max_suppressed),
            total: nodes_total(hierarchies),
        })
    }

    /// The classes of `node`, computed from `src`; `g.ids` then maps each entry of `src` to its
    /// class. `None` as soon as more than `max_classes` classes turn up (see
    /// [`Table::class_cap`]).
    fn classify(
        &self,
        node: &[usize],
        src: Source<'_>,
        g: &mut Grouper,
        max_classes: usize,
    ) -> Option<ClassList> {
        let reps = match src {
            Source::Base => &self.base.rep,
            Source::Finer(c) => &c.rep,
        };
        // The QIs that split rows at this node: (leaf → group, leaf of each unit, radix).
        let split: Vec<(&[u32], &[u32], u64)> = self
            .qis
            .iter()
            .zip(&self.cols)
            .zip(node)
            .filter(|((h, _), &l)| h.groups[l] > 1)
            .map(|((h, col), &l)| (&h.gen[l][..], &col[..], u64::from(h.groups[l])))
            .collect();
        match split.iter().try_fold(1u64, |b, s| b.checked_mul(s.2)) {
            Some(bound) => {
                if !g.group_units(&split, reps, bound, max_classes) {
                    return None;
                }
            }
            None => {
                // Keys would overflow u64: build them QI by QI, renumbering on the way.
                g.keys.clear();
                g.keys.resize(reps.len(), 0);
                let mut bound = 1u64;
                for &(gen, col, radix) in &split {
                    if bound.checked_mul(radix).is_none() {
                        bound = g.densify(bound);
                    }
                    for (k, &r) in g.keys.iter_mut().zip(reps) {
                        *k = *k * radix + u64::from(gen[col[r as usize] as usize]);
                    }
                    bound *= radix;
                }
                g.group(bound);
            }
        }

        let from = match src {
            Source::Base => &self.base,
            Source::Finer(c) => c,
        };
        let classes = g.firsts.len();
        let mut out = ClassList {
            rep: g.firsts.iter().map(|&f| from.rep[f as usize]).collect(),
            count: vec![0; classes],
            bits: Vec::new(),
        };
        for (&id, &c) in g.ids.iter().zip(&from.count) {
            out.count[id as usize] += c;
        }
        if !from.bits.is_empty() {
            out.bits = vec![0; classes];
            for (&id, &b) in g.ids.iter().zip(&from.bits) {
                out.bits[id as usize] |= b;
            }
        }
        Some(out)
    }

    /// Most classes a feasible node can have. A kept class holds at least `k` rows (and at
    /// least `l`, to hold `l` distinct codes) and a suppressed one at least 1, so with `C`
    /// classes at most `(n − C)·k/(k − 1)` rows are kept; past this many classes, more than the
    /// limit must be suppressed. Lets an evaluation stop early on a hopelessly fine node.
    fn class_cap(&self) -> usize {
        let k = self.req.k.max(self.req.l.unwrap_or(0)) as u128;
        let (n, limit) = (self.row_unit.len() as u128, self.limit as u128);
        if k < 2 {
            return usize::MAX;
        }
        // The largest C with (n − C)·k ≥ (n − limit)·(k − 1).
        let need = ((n - limit) * (k - 1)).div_ceil(k);
        usize::try_from(n - need).unwrap_or(usize::MAX)
    }

    /// Distinct sensitive codes per class, from the pairs; `g.ids` maps units to classes.
    fn distinct_from_pairs(pairs: &[u64], classes: usize, g: &Grouper) -> Vec<u32> {
        let mut seen: FxMap<u64, ()> = FxMap::default();
        seen.reserve(pairs.len().min(1 << 20));
        let mut distinct = vec![0u32; classes];
        for &p in pairs {
            let class = g.ids[(p >> 32) as usize];
            if seen
                .insert(u64::from(class) << 32 | (p & 0xffff_ffff), ())
                .is_none()
            {
                distinct[class as usize] += 1;
            }
        }
        distinct
    }

    fn kept(&self, count: u32, distinct: impl FnOnce() -> u32) -> bool {
        count as usize >= self.req.k
            && self
                .req
                .l
                .is_none_or(|l| self.diversity_is_off() || distinct() as usize >= l)
    }

    fn diversity_is_off(&self) -> bool {
        matches!(self.diversity, Diversity::Off)
    }

    /// The bound key of `node`: its loss were no row suppressed.
    fn lower_bound(&self, node: &[usize], buf: &mut Vec<u64>) -> u128 {
        buf.clear();
        buf.extend(self.qis.iter().zip(node).map(|(h, &l)| h.full[l]));
        self.metric.key(buf, 0)
    }

    /// The key of `node` given its classes, or `None` if it suppresses too many rows.
    fn assess(
        &self,
        node: &[usize],
        cl: &ClassList,
        distinct: Option<&[u32]>,
        buf: &mut Vec<u64>,
    ) -> Option<u128> {
        let is_kept = |c: usize| {
            self.kept(cl.count[c], || match distinct {
                Some(d) => d[c],
                None => cl.bits.get(c).map_or(0, |b| b.count_ones()),
            })
        };
        let mut sup = 0u64;
        for c in 0..cl.len() {
            if !is_kept(c) {
                sup += u64::from(cl.count[c]);
            }
        }
        if sup > self.limit as u64 {
            return None;
        }
        buf.clear();
        buf.extend(self.qis.iter().zip(node).map(|(h, &l)| h.full[l]));
        // Suppressed rows do not count their generalisation: they cost `sup` in full instead.
        if sup > 0 {
            for c in (0..cl.len()).filter(|&c| !is_kept(c)) {
                let unit = cl.rep[c] as usize;
                for (j, (h, &l)) in self.qis.iter().zip(node).enumerate() {
                    buf[j] -= u64::from(cl.count[c]) * u64::from(h.waste_of(l, self.cols[j][unit]));
                }
            }
        }
        Some(self.metric.key(buf, sup))
    }

    /// Branch and bound over the lattice.
    fn search(&self) -> Option<Outcome> {
        let q = self.qis.len();
        let heights: Vec<usize> = self.qis.iter().map(|h| h.gen.len()).collect();
        let top: Vec<usize> = heights.iter().map(|h| h - 1).collect();
        let mut s = Search::new(self);

        // Coarsening only merges classes, so if the top node fails, every node fails.
        s.eval(&top)?;

        // Min-heap on (bound, sum of levels, levels): the order of the tie-break itself.
        let bottom = vec![0usize; q];
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((
            self.lower_bound(&bottom, &mut s.buf),
            0usize,
            bottom,
        )));
        while let Some(Reverse((lb, sum, node))) = heap.pop() {
            // Every node still queued has a bound key ≥ this one, and its loss is ≥ its bound.
            if !s.beats_best(lb, sum, &node) {
                break;
            }
            if !s.memo.contains_key(&node) && !s.known_infeasible(&node) {
                s.settle(&node);
            }
            // Successors, each generated once: raise only QIs at or after the last raised one.
            let last = node.iter().rposition(|&l| l > 0).unwrap_or(0);
            for j in last..q {
                if node[j] + 1 < heights[j] {
                    let mut next = node.clone();
                    next[j] += 1;
                    let b = self.lower_bound(&next, &mut s.buf);
                    if s.beats_best(b, sum + 1, &next) {
                        heap.push(Reverse((b, sum + 1, next)));
                    }
                }
            }
        }

        let (_, _, levels) = s.best?;
        let mut o = self.outcome(&levels);
        o.nodes_evaluated = s.memo.len();
        Some(o)
    }

    /// The full outcome of `node`, suppressed rows included.
    fn outcome(&self, node: &[usize]) -> Outcome {
        let mut g = Grouper::default();
        // Without a cap on classes this always yields the list.
        let cl = self
            .classify(node, Source::Base, &mut g, usize::MAX)
            .unwrap_or_default();
        let unit_class = std::mem::take(&mut g.ids);
        // Exact distinct sensitive codes per class: from the bitsets if there are, else from
        // the rows (this is done once).
        let distinct: Option<Vec<u32>> = self.sensitive.map(|s| {
            if !cl.bits.is_empty() {
                return cl.bits.iter().map(|b| b.count_ones()).collect();
            }
            let mut seen: FxMap<u64, ()> = FxMap::default();
            let mut d = vec![0u32; cl.len()];
            for (&u, &code) in self.row_unit.iter().zip(s) {
                let class = unit_class[u as usize];
                if seen
                    .insert(u64::from(class) << 32 | u64::from(code), ())
                    .is_none()
                {
                    d[class as usize] += 1;
                }
            }
            d
        });
        let kept: Vec<bool> = (0..cl.len())
            .map(|c| {
                cl.count[c] as usize >= self.req.k
                    && match (self.req.l, &distinct) {
                        (Some(l), Some(d)) => d[c] as usize >= l,
                        _ => true,
                    }
            })
            .collect();
        let suppressed: Vec<usize> = self
            .row_unit
            .iter()
            .enumerate()
            .filter(|&(_, &u)| !kept[unit_class[u as usize] as usize])
            .map(|(i, _)| i)
            .collect();
        let kept_classes = || (0..cl.len()).filter(|&c| kept[c]);
        let smallest = kept_classes()
            .map(|c| cl.count[c] as usize)
            .min()
            .unwrap_or(0);
        let l_achieved = distinct
            .as_ref()
            .map(|d| kept_classes().map(|c| d[c] as usize).min().unwrap_or(0));

        let mut waste: Vec<u64> = self.qis.iter().zip(node).map(|(h, &l)| h.full[l]).collect();
        for c in (0..cl.len()).filter(|&c| !kept[c]) {
            let unit = cl.rep[c] as usize;
            for (j, (h, &l)) in self.qis.iter().zip(node).enumerate() {
                waste[j] -= u64::from(cl.count[c]) * u64::from(h.waste_of(l, self.cols[j][unit]));
            }
        }
        let key = self.metric.key(&waste, suppressed.len() as u64);
        Outcome {
            levels: node.to_vec(),
            classes: kept_classes().count(),
            smallest_class: smallest,
            k_achieved: smallest,
            l_achieved,
            information_loss: self.metric.loss(key),
            suppressed,
            nodes_evaluated: 0,
            nodes_total: self.total,
        }
    }
}

/// The state of one branch-and-bound search.
struct Search<'t, 'a> {
    t: &'t Table<'a>,
    heights: Vec<usize>,
    /// Best feasible node so far: (key, sum of levels, levels).
    best: Option<(u128, usize, Vec<usize>)>,
    /// Every evaluated node and its key (`None`: infeasible).
    memo: FxMap<Vec<usize>, Option<u128>>,
    /// Class lists of evaluated nodes, to roll coarser nodes up from; FIFO-bounded.
    cache: Vec<(Vec<usize>, ClassList)>,
    cached_entries: usize,
    /// Maximal known infeasible nodes: everything below one of them is infeasible.
    infeasible: Vec<Vec<usize>>,
    /// Minimal known feasible nodes: everything above one of them is feasible.
    feasible: Vec<Vec<usize>>,
    g: Grouper,
    buf: Vec<u64>,
    /// [`Table::class_cap`].
    class_cap: usize,
}

/// Whether node `a` is at or below node `b` in the lattice (no coarser on any QI).
fn le(a: &[usize], b: &[usize]) -> bool {
    a.iter().zip(b).all(|(x, y)| x <= y)
}

impl<'t, 'a> Search<'t, 'a> {
    fn new(t: &'t Table<'a>) -> Self {
        Search {
            t,
            heights: t.qis.iter().map(|h| h.gen.len()).collect(),
            best: None,
            memo: FxMap::default(),
            cache: Vec::new(),
            cached_entries: 0,
            infeasible: Vec::new(),
            feasible: Vec::new(),
            g: Grouper::default(),
            buf: Vec::new(),
            class_cap: t.class_cap(),
        }
    }

    /// Whether a node with this key (or bound), sum and levels would beat the best so far.
    fn beats_best(&self, key: u128, sum: usize, node: &Vec<usize>) -> bool {
        self.best
            .as_ref()
            .is_none_or(|(k, s, l)| (key, sum, node) < (*k, *s, l))
    }

    fn known_infeasible(&self, node: &[usize]) -> bool {
        self.infeasible.iter().any(|m| le(node, m))
    }

    fn known_feasible(&self, node: &[usize]) -> bool {
        self.feasible.iter().any(|m| le(m, node))
    }

    /// Computes a node's classes (rolled up from the smallest cached finer node) and key,
    /// records it, and returns the key (`None`: infeasible).
    fn eval(&mut self, node: &[usize]) -> Option<u128> {
        if let Some(&k) = self.memo.get(node) {
            return k;
        }
        let t = self.t;
        let (cl, key) = match &t.diversity {
            Diversity::Pairs(pairs) => {
                match t.classify(node, Source::Base, &mut self.g, self.class_cap) {
                    Some(cl) => {
                        let distinct = Table::distinct_from_pairs(pairs, cl.len(), &self.g);
                        (None, t.assess(node, &cl, Some(&distinct), &mut self.buf))
                    }
                    None => (None, None),
                }
            }
            _ => {
                let src = self
                    .cache
                    .iter()
                    .filter(|(p, _)| le(p, node))
                    .map(|(_, c)| c)
                    .min_by_key(|c| c.len())
                    .map_or(Source::Base, Source::Finer);
                match t.classify(node, src, &mut self.g, self.class_cap) {
                    Some(cl) => {
                        let key = t.assess(node, &cl, None, &mut self.buf);
                        (Some(cl), key)
                    }
                    None => (None, None),
                }
            }
        };
        self.memo.insert(node.to_vec(), key);
        match key {
            Some(k) => {
                let sum = node.iter().sum();
                if self.beats_best(k, sum, &node.to_vec()) {
                    self.best = Some((k, sum, node.to_vec()));
                }
                self.feasible.retain(|m| !le(node, m));
                self.feasible.push(node.to_vec());
            }
            None => {
                self.infeasible.retain(|m| !le(m, node));
                self.infeasible.push(node.to_vec());
            }
        }
        // Keep class lists that are worth rolling up from: clearly smaller than the base.
        if let Some(cl) = cl {
            if cl.len() < t.base.len() / 2 && cl.len() <= CACHE_ENTRIES {
                self.cached_entries += cl.len();
                self.cache.push((node.to_vec(), cl));
                let mut evict = 0;
                while self.cached_entries > CACHE_ENTRIES {
                    self.cached_entries -= self.cache[evict].1.len();
                    evict += 1;
                }
                self.cache.drain(..evict);
            }
        }
        key
    }

    /// Whether `node` is infeasible, from the tags if they tell, else by evaluating it.
    fn infeasible_at(&mut self, node: &[usize]) -> bool {
        if self.known_infeasible(node) {
            true
        } else if self.known_feasible(node) {
            false
        } else {
            self.eval(node).is_none()
        }
    }

    /// Per QI, the highest level a node able to beat the best can have: the bound is
    /// separable and monotone, so every such node lies in the box `[0, caps]`.
    fn caps(&self) -> Vec<usize> {
        let t = self.t;
        let mut buf: Vec<u64> = t.qis.iter().map(|h| h.full[0]).collect();
        (0..buf.len())
            .map(|j| {
                let mut cap = 0;
                for l in 1..self.heights[j] {
                    buf[j] = t.qis[j].full[l];
                    if self
                        .best
                        .as_ref()
                        .is_some_and(|b| t.metric.key(&buf, 0) > b.0)
                    {
                        break;
                    }
                    cap = l;
                }
                buf[j] = t.qis[j].full[0];
                cap
            })
            .collect()
    }

    /// Settles a node not yet known: shows it infeasible through a coarser (so cheaper) node
    /// if one of a couple tried is, else evaluates it; if infeasible, raises it — one QI at a time, by binary
    /// search within the box of nodes that can still beat the best — to a maximal infeasible
    /// node, whose whole down-set is then known infeasible without evaluation.
    fn settle(&mut self, start: &[usize]) {
        let t = self.t;
        let caps = self.caps();
        let mut node = start.to_vec();
        // Cheap directions first: they are where the search has most nodes left to visit.
        let cost = |j: usize| {
            let (h, l) = (&t.qis[j], start[j]);
            match h.full.get(l + 1) {
                Some(f) if h.leaves > 1 => (f - h.full[l]) as f64 / (h.leaves - 1) as f64,
                _ => f64::INFINITY,
            }
        };
        let mut order: Vec<usize> = (0..node.len()).collect();
        order.sort_by(|&a, &b| cost(a).total_cmp(&cost(b)));

        // Probe the cheapest directions, raised to their caps, before paying for the node
        // itself. Only a couple: when the node turns out feasible, probes are wasted.
        let probes: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&j| caps[j] > node[j])
            .take(PROBES)
            .collect();
        let mut infeasible = false;
        for j in probes {
            let own = node[j];
            node[j] = caps[j];
            if self.infeasible_at(&node) {
                infeasible = true;
                break;
            }
            node[j] = own;
        }
        if !infeasible && self.eval(&node).is_some() {
            return;
        }
        for &j in &order {
            // The highest level of QI j (within the cap) at which the node stays infeasible;
            // the cap is tried first, since from a fine node it often is.
            let (mut lo, mut hi) = (node[j], caps[j].max(node[j]));
            let mut mid = hi;
            while lo < hi {
                node[j] = mid;
                if self.infeasible_at(&node) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
                mid = lo + (hi - lo).div_ceil(2);
            }
            node[j] = lo;
        }
        if !self.known_infeasible(&node) {
            self.infeasible.retain(|m| !le(m, &node));
            self.infeasible.push(node);
        }
    }
}

#[cfg(test)]
mod tests;
