//! Local suppression after the global search: full-domain generalisation for every column, then
//! single values blanked ("*") in the rows that still break k, the least important column first.
//!
//! ## Why
//!
//! Full-domain generalisation coarsens a whole column for the sake of a few rare rows: on a small
//! register, one 93-year-old in a small region can cost every row its exact place. Local
//! suppression (sdcMicro's `localSuppression`, ARX's "suppression of values") keeps the column
//! fine and blanks it only where it identifies.
//!
//! ## What a release then is
//!
//! Under a transformation (one level per QI, as in [`super::anonymise`]) every row is given a
//! *mask*: the set of its QIs shown as `*` (none for most rows). A released class is a set of
//! rows with the same mask and the same generalised values on the QIs not masked — `*` matches
//! nothing but itself, so a row blanked on sex never joins a class of women or of men, and two
//! rows are in one class only if they look identical in the file. Every released class holds at
//! least `k` rows and, when asked, `l` distinct sensitive codes. A QI generalised to its top
//! level is `*` for everyone already and is never masked.
//!
//! ## How values are chosen
//!
//! At a node, the classes that meet k (and l) are kept as they are. The rows of the others are
//! given masks in a fixed order of *masks* — every non-empty subset of the QIs that still split
//! rows, all but the one masking them all — sorted by their weight (the sum of the
//! [`Importance`] weights of the QIs they mask), then by how many values they blank (fewest
//! first), then so that the least important QIs go first. For each mask in turn, the rows still
//! unresolved are grouped by the mask and their values on the other QIs; a group that meets k
//! (and l) is released with that mask. A group that falls short may take in rows of kept classes
//! with the same values outside the mask, blanked the same way: first what those classes hold
//! beyond k, then whole classes (with l-diversity, whole classes only, so that no class loses a
//! sensitive code). The first pass over the masks does so only when it costs, by weight, no more
//! than the next mask would cost the group's own rows; a second pass gives the rows still
//! unresolved the cheapest such rescue left, when it costs less than leaving them out or when
//! leaving them out would pass the suppression limit. What is left cannot be saved by blanking:
//! it is left out, and the node is feasible only if no more than the limit are. A row masked on
//! every QI is never released: it would say only that someone was served, and costs as much as
//! leaving it out.
//!
//! ## The loss, and the search
//!
//! The same Loss Metric as the global search, where a blanked cell costs 1 for its QI (as if
//! generalised to `*`) and a left-out row 1 for every QI; [`LocalOutcome::outcome`] reports it
//! unweighted. The search minimises it with QI `j` counted `w_j` times (ARX's attribute
//! weights), so columns marked important are coarsened or blanked only when that saves more on
//! the others. It is the branch and bound of [`super::anonymise`] over the same lattice, with the
//! weighted no-suppression loss as the bound (blanking and leaving out only add):
//!
//! - it starts from the global optimum, evaluated both with blanking and as it is; the better
//!   is the first best, so the local method never loses more (weighted) than the global one;
//! - then walks down from the best one level of one QI at a time while that gains, so that a
//!   close best is known early;
//! - then takes the nodes in increasing order of the bound, each evaluated once, until the bound
//!   cannot beat the best.
//!
//! An evaluation stops as soon as what it has spent, plus for every row still to be masked the
//! least a mask can cost it (its cheapest single blank, times the lightest mask still to come),
//! can no longer beat the best. The result is the best node under this blanking procedure, which
//! is a heuristic, as sdcMicro's and ARX's local suppression are: blanking the fewest values
//! that make a table k-anonymous is NP-hard (Meyerson and Williams, "On the complexity of optimal
//! K-anonymity", PODS 2004).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::Serialize;

use super::grouping::{FxMap, Grouper};
use super::hierarchy::{Hierarchy, Qi};
use super::metric::Metric;
use super::table::{Diversity, Source, Table};
use super::{Outcome, Requirements};

/// Most QIs whose every subset is tried as a mask (2^10 masks); with more, only the runs of the
/// least important QIs and single QIs are.
const ALL_SUBSETS_UP_TO: usize = 10;
/// Masks are `u32` bitsets.
const MAX_QIS: usize = 32;
/// A unit left out, in [`Evaluation::unit_mask`].
const LEFT_OUT: u32 = u32::MAX;

/// How much each QI matters to whoever receives the release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Importance {
    /// Per QI, how many times its loss counts in the search (at least 1).
    pub weights: Vec<u32>,
    /// Every QI once, most important first: when values must be blanked, the least important
    /// go first.
    pub order: Vec<usize>,
}

impl Importance {
    /// Every QI weighted 1, the first the most important.
    pub fn uniform(q: usize) -> Importance {
        Importance {
            weights: vec![1; q],
            order: (0..q).collect(),
        }
    }

    /// The QIs in `important` weighted `weight` and ranked first, in the order given; the others
    /// weighted 1 and ranked after them in their own order. Indices out of range or repeated are
    /// ignored.
    pub fn favouring(q: usize, important: &[usize], weight: u32) -> Importance {
        let mut order: Vec<usize> = Vec::with_capacity(q);
        for &j in important {
            if j < q && !order.contains(&j) {
                order.push(j);
            }
        }
        let mut weights = vec![1; q];
        for &j in &order {
            weights[j] = weight.max(1);
        }
        order.extend((0..q).filter(|j| !important.contains(j)));
        Importance { weights, order }
    }

    fn is_valid(&self, q: usize) -> bool {
        let mut seen = vec![false; q];
        self.weights.len() == q
            && self.weights.iter().all(|&w| w >= 1)
            && self.order.len() == q
            && self
                .order
                .iter()
                .all(|&j| j < q && !std::mem::replace(&mut seen[j], true))
    }
}

/// A release with values blanked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalOutcome {
    /// The transformation chosen, the rows left out, and the classes of the released rows (`*`
    /// matching only `*`), their smallest size (k achieved), their fewest distinct sensitive
    /// codes, and the unweighted Loss Metric with each blanked cell costing 1 for its QI.
    pub outcome: Outcome,
    /// Per row, the QIs shown as `*`: bit `j` set when QI `j` is blanked (0 for left-out rows).
    pub blanked: Vec<u32>,
    /// Per QI, how many released rows have it blanked.
    pub blanked_cells: Vec<usize>,
    /// The loss the search minimised: the Loss Metric with QI `j` counted `w_j` times,
    /// `0.0..=1.0`.
    pub weighted_loss: f64,
}

/// The transformation and blanked values of least weighted loss (ties: smaller sum of levels,
/// then the lexicographically smaller levels), found as the module doc says.
///
/// Input as for [`super::anonymise`], plus one [`Importance`] weight and rank per QI (at most 32
/// QIs). Returns `None` when there are no rows, when nothing meets the requirements within the
/// suppression limit (not even the top node), or on malformed input.
pub fn anonymise_local(
    qi: &[Vec<u32>],
    sensitive: Option<&[u32]>,
    hierarchies: &[Hierarchy],
    req: Requirements,
    importance: &Importance,
) -> Option<LocalOutcome> {
    if !importance.is_valid(hierarchies.len()) || hierarchies.len() > MAX_QIS {
        debug_assert!(false, "importance does not fit the hierarchies");
        return None;
    }
    let t = Table::prepare(qi, sensitive, hierarchies, req)?;
    let mut s = Local::new(&t, importance);
    let levels = s.search()?;
    let mut o = s.outcome(&levels);
    o.outcome.nodes_evaluated = s.evaluated;
    Some(o)
}

/// What one given transformation gives with local suppression; `None` if it leaves out more
/// rows than the limit (or on malformed input).
pub fn evaluate_local(
    qi: &[Vec<u32>],
    sensitive: Option<&[u32]>,
    hierarchies: &[Hierarchy],
    req: Requirements,
    importance: &Importance,
    levels: &[usize],
) -> Option<LocalOutcome> {
    let fits = levels.len() == hierarchies.len()
        && levels.iter().zip(hierarchies).all(|(&l, h)| l < h.height());
    if !fits || !importance.is_valid(hierarchies.len()) || hierarchies.len() > MAX_QIS {
        debug_assert!(false, "levels or importance do not fit the hierarchies");
        return None;
    }
    let t = Table::prepare(qi, sensitive, hierarchies, req)?;
    let mut s = Local::new(&t, importance);
    s.eval(levels, None, true)?;
    let mut o = s.outcome(levels);
    o.outcome.nodes_evaluated = 1;
    Some(o)
}

/// A mask and its weight (sum of the weights of the QIs it blanks).
#[derive(Clone, Copy)]
struct Mask {
    bits: u32,
    weight: u64,
}

/// The sorted masks over `q` QIs (see the module doc).
fn masks(imp: &Importance) -> Vec<Mask> {
    let q = imp.weights.len();
    let mut rank = vec![0usize; q];
    for (r, &j) in imp.order.iter().enumerate() {
        rank[j] = r;
    }
    let candidates: Vec<u32> = if q <= ALL_SUBSETS_UP_TO {
        (1..(1u32 << q)).collect()
    } else {
        // Runs of the least important QIs, and every QI alone.
        let mut v: Vec<u32> = (1..=q)
            .map(|n| imp.order[q - n..].iter().fold(0u32, |m, &j| m | 1 << j))
            .collect();
        v.extend((0..q).map(|j| 1u32 << j));
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut out: Vec<(Mask, Vec<usize>)> = candidates
        .into_iter()
        .map(|bits| {
            let members: Vec<usize> = (0..q).filter(|&j| bits >> j & 1 == 1).collect();
            let weight = members.iter().map(|&j| u64::from(imp.weights[j])).sum();
            // Ranks of the QIs blanked, most important first: a larger list keeps more of
            // what matters.
            let mut ranks: Vec<usize> = members.iter().map(|&j| rank[j]).collect();
            ranks.sort_unstable();
            (Mask { bits, weight }, ranks)
        })
        .collect();
    out.sort_by(|(a, ra), (b, rb)| {
        (a.weight, a.bits.count_ones())
            .cmp(&(b.weight, b.bits.count_ones()))
            .then_with(|| rb.cmp(ra))
    });
    out.into_iter().map(|(m, _)| m).collect()
}

/// Distinct sensitive codes per unit, when l-diversity is asked for with more than 64 codes.
struct UnitCodes {
    start: Vec<u32>,
    codes: Vec<u32>,
}

/// Rows of one unit given one mask and one released class.
#[derive(Clone, Copy)]
struct Segment {
    unit: u32,
    rows: u32,
    /// The QIs blanked, or [`LEFT_OUT`].
    mask: u32,
    /// The released class (meaningless for rows left out).
    group: u32,
}

/// What one node's evaluation decided (kept only in detail mode): per unit, its rows in
/// segments, given to the unit's rows in row order.
#[derive(Default)]
struct Evaluation {
    per_unit: Vec<Vec<Segment>>,
    groups: u32,
}

/// Units grouped by key, each group's units in a run: `self[g]` is group `g`.
struct Groups {
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// Groups `units` by `keys` (one per unit), numbered in order of first appearance.
    fn of(keys: &[u64], units: &[u32], group_of: &mut FxMap<u64, u32>) -> Groups {
        group_of.clear();
        let mut id = Vec::with_capacity(units.len());
        let mut start: Vec<u32> = vec![0];
        for &k in keys {
            let next = start.len() as u32 - 1;
            let g = *group_of.entry(k).or_insert(next);
            if g == next {
                start.push(0);
            }
            start[g as usize + 1] += 1;
            id.push(g);
        }
        for g in 1..start.len() {
            start[g] += start[g - 1];
        }
        let mut fill = start.clone();
        let mut items = vec![0u32; units.len()];
        for (&g, &u) in id.iter().zip(units) {
            items[fill[g as usize] as usize] = u;
            fill[g as usize] += 1;
        }
        Groups { start, items }
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }
}

impl std::ops::Index<usize> for Groups {
    type Output = [u32];
    fn index(&self, g: usize) -> &[u32] {
        &self.items[self.start[g] as usize..self.start[g + 1] as usize]
    }
}

/// The units of each class: (start per class, units).
fn class_members(unit_class: &[u32], classes: usize) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; classes + 1];
    for &c in unit_class {
        starts[c as usize + 1] += 1;
    }
    for c in 0..classes {
        starts[c + 1] += starts[c];
    }
    let mut fill = starts.clone();
    let mut units = vec![0u32; unit_class.len()];
    for (u, &c) in unit_class.iter().enumerate() {
        units[fill[c as usize] as usize] = u as u32;
        fill[c as usize] += 1;
    }
    (starts, units)
}

struct Local<'t, 'a> {
    t: &'t Table<'a>,
    weighted: Metric,
    weights: Vec<u64>,
    masks: Vec<Mask>,
    unit_codes: Option<UnitCodes>,
    g: Grouper,
    evaluated: usize,
    detail: Evaluation,
    /// Evaluate without masks: the global method's outcome of a node.
    plain: bool,
}

/// The QIs that split rows at a node, as (leaf → group, leaf of each unit, radix).
type Split<'x> = Vec<(&'x [u32], &'x [u32], u64)>;

/// Keys of `units` over `split`, comparable within one call (densified when they would
/// overflow `u64`).
fn project(split: &Split<'_>, units: &[u32], keys: &mut Vec<u64>, map: &mut FxMap<u64, u64>) {
    keys.clear();
    keys.resize(units.len(), 0);
    let mut bound = 1u64;
    for &(gen, col, radix) in split {
        if bound.checked_mul(radix).is_none() {
            map.clear();
            for k in keys.iter_mut() {
                let next = map.len() as u64;
                *k = *map.entry(*k).or_insert(next);
            }
            bound = map.len() as u64;
        }
        for (k, &u) in keys.iter_mut().zip(units) {
            *k = *k * radix + u64::from(gen[col[u as usize] as usize]);
        }
        bound *= radix;
    }
}

impl<'t, 'a> Local<'t, 'a> {
    fn new(t: &'t Table<'a>, imp: &Importance) -> Self {
        let unit_codes = match &t.diversity {
            Diversity::Pairs(pairs) => {
                let units = t.base.len();
                let mut start = vec![0u32; units + 1];
                for &p in pairs {
                    start[(p >> 32) as usize + 1] += 1;
                }
                for u in 0..units {
                    start[u + 1] += start[u];
                }
                // Pairs are sorted by unit, then code.
                let codes = pairs.iter().map(|&p| (p & 0xffff_ffff) as u32).collect();
                Some(UnitCodes { start, codes })
            }
            _ => None,
        };
        Local {
            t,
            weighted: t.metric.weighted(&imp.weights),
            weights: imp.weights.iter().map(|&w| u64::from(w)).collect(),
            masks: masks(imp),
            unit_codes,
            g: Grouper::default(),
            evaluated: 0,
            detail: Evaluation::default(),
            plain: false,
        }
    }

    fn qis(&self) -> &[Qi] {
        &self.t.qis
    }

    /// The weighted bound of a node: its loss were no value blanked and no row left out.
    fn bound(&self, node: &[usize], buf: &mut Vec<u64>) -> u128 {
        buf.clear();
        buf.extend(self.qis().iter().zip(node).map(|(h, &l)| h.full[l]));
        self.weighted.key(buf, 0)
    }

    /// Branch and bound over the lattice (see the module doc); the best node's levels.
    fn search(&mut self) -> Option<Vec<usize>> {
        let q = self.qis().len();
        let heights: Vec<usize> = self.qis().iter().map(|h| h.gen.len()).collect();
        let mut buf = Vec::new();
        let mut best: Option<(u128, usize, Vec<usize>)> = None;
        let beats =
            |best: &Option<(u128, usize, Vec<usize>)>, key: u128, sum: usize, node: &[usize]| {
                best.as_ref()
                    .is_none_or(|(k, s, l)| (key, sum, node) < (*k, *s, l.as_slice()))
            };
        // Seed with the global optimum: feasible without blanking, so feasible here, and
        // usually close to the best, which lets the bound prune from the start.
        let seed = self.t.search().map(|o| o.levels);
        // Nodes evaluated, so that none is twice: a node that could not beat the best then
        // cannot beat a better one later.
        let mut seen: FxMap<Vec<usize>, ()> = FxMap::default();
        // The global optimum as it is, no value blanked, stays the answer if nothing beats
        // it: the local method never loses more (weighted) than the global one.
        let mut plain: Option<(u128, Vec<usize>)> = None;
        if let Some(seed) = &seed {
            seen.insert(seed.clone(), ());
            if let Some(key) = self.eval(seed, None, false) {
                best = Some((key, seed.iter().sum(), seed.clone()));
            }
            self.plain = true;
            let key = self.eval(seed, None, false);
            self.plain = false;
            if let Some(key) = key {
                if best.as_ref().is_none_or(|b| key < b.0) {
                    best = Some((key, seed.iter().sum(), seed.clone()));
                    plain = Some((key, seed.clone()));
                }
            }
        }
        // Then down from it, one level of one QI at a time, while that gains: a close best
        // early lets the bound and the quick bound discard most fine nodes at the cost of
        // one grouping each.
        while let Some((_, _, here)) = best.clone() {
            let mut moved = false;
            for j in 0..q {
                if here[j] == 0 {
                    continue;
                }
                let mut next = here.clone();
                next[j] -= 1;
                if seen.insert(next.clone(), ()).is_some() {
                    continue;
                }
                let limit = best.as_ref().map(|b| b.0);
                if let Some(key) = self.eval(&next, limit, false) {
                    let sum = next.iter().sum();
                    if beats(&best, key, sum, &next) {
                        best = Some((key, sum, next));
                        moved = true;
                    }
                }
            }
            if !moved {
                break;
            }
        }
        let mut heap = BinaryHeap::new();
        let bottom = vec![0usize; q];
        heap.push(Reverse((self.bound(&bottom, &mut buf), 0usize, bottom)));
        while let Some(Reverse((lb, sum, node))) = heap.pop() {
            if !beats(&best, lb, sum, &node) {
                break;
            }
            if seen.insert(node.clone(), ()).is_none() {
                let limit = best.as_ref().map(|b| b.0);
                if let Some(key) = self.eval(&node, limit, false) {
                    if beats(&best, key, sum, &node) {
                        best = Some((key, sum, node.clone()));
                    }
                }
            }
            let last = node.iter().rposition(|&l| l > 0).unwrap_or(0);
            for j in last..q {
                if node[j] + 1 < heights[j] {
                    let mut next = node.clone();
                    next[j] += 1;
                    let b = self.bound(&next, &mut buf);
                    if beats(&best, b, sum + 1, &next) {
                        heap.push(Reverse((b, sum + 1, next)));
                    }
                }
            }
        }
        let (key, _, levels) = best?;
        self.plain = plain.is_some_and(|p| p == (key, levels.clone()));
        self.eval(&levels, None, true)?;
        Some(levels)
    }

    /// Distinct sensitive codes among `units` (l-diversity with more than 64 codes).
    fn distinct_codes(&self, units: &[u32], seen: &mut FxMap<u32, ()>) -> usize {
        let Some(uc) = &self.unit_codes else {
            return 0;
        };
        seen.clear();
        for &u in units {
            let (a, b) = (uc.start[u as usize], uc.start[u as usize + 1]);
            for &c in &uc.codes[a as usize..b as usize] {
                seen.insert(c, ());
            }
        }
        seen.len()
    }

    /// Evaluates a node: the weighted key of its best blanking, or `None` when more rows than
    /// the limit must be left out or when the key would not beat `limit` (strictly above it).
    /// With `detail`, records each unit's mask and class in `self.detail`.
    fn eval(&mut self, node: &[usize], limit: Option<u128>, detail: bool) -> Option<u128> {
        self.evaluated += 1;
        let t = self.t;
        let req = t.req;
        let l_needed = req.l.filter(|_| !matches!(t.diversity, Diversity::Off));
        let over = |key: u128| limit.is_some_and(|b| key > b);
        let mut g = std::mem::take(&mut self.g);
        let cl = t.classify(node, Source::Base, &mut g, usize::MAX)?;
        let unit_class = std::mem::take(&mut g.ids);
        self.g = g;
        let units = t.base.len();
        let qis = &t.qis;
        let span = |j: usize| qis[j].leaves as u64 - 1;

        // Which classes are kept as they are.
        let class_distinct: Option<Vec<u32>> = match (&t.diversity, l_needed) {
            (_, None) => None,
            (Diversity::Bits, _) => Some(cl.bits.iter().map(|b| b.count_ones()).collect()),
            (Diversity::Pairs(pairs), _) => {
                let gr = Grouper {
                    ids: unit_class.clone(),
                    ..Default::default()
                };
                Some(Table::distinct_from_pairs(pairs, cl.len(), &gr))
            }
            (Diversity::Off, _) => None,
        };
        let kept: Vec<bool> = (0..cl.len())
            .map(|c| {
                cl.count[c] as usize >= req.k
                    && match (l_needed, &class_distinct) {
                        (Some(l), Some(d)) => d[c] as usize >= l,
                        _ => true,
                    }
            })
            .collect();

        let mut waste: Vec<u64> = qis.iter().zip(node).map(|(h, &l)| h.full[l]).collect();
        let mut sup = 0u64;
        if over(self.weighted.key(&waste, 0)) {
            return None;
        }
        let mut pool: Vec<u32> = (0..units as u32)
            .filter(|&u| !kept[unit_class[u as usize] as usize])
            .collect();
        // The QIs that still split rows; masks over them only, never all of them.
        let eligible: u32 = (0..qis.len())
            .filter(|&j| qis[j].groups[node[j]] > 1)
            .fold(0, |m, j| m | 1 << j);
        // What blanking QI j costs `rows` rows of unit u, in leaves.
        let extra = |u: u32, j: usize, rows: u64| -> u64 {
            rows * (span(j) - u64::from(qis[j].waste_of(node[j], t.cols[j][u as usize])))
        };

        // Per unit to be masked, its rows times the least share of a QI a blank can lose: a
        // mask of weight W costs it at least W times this.
        let norm = t.row_unit.len() as f64 * self.weights.iter().sum::<u64>() as f64;
        let mut floor: Vec<f64> = Vec::new();
        if limit.is_some() {
            floor = vec![0.0; units];
            for &u in &pool {
                floor[u as usize] = (0..qis.len())
                    .filter(|&j| eligible >> j & 1 == 1)
                    .map(|j| {
                        extra(u, j, u64::from(t.base.count[u as usize])) as f64 / span(j) as f64
                    })
                    .fold(f64::INFINITY, f64::min);
                if !floor[u as usize].is_finite() {
                    floor[u as usize] = 0.0;
                }
            }
        }
        // A quick bound: every unit still to be masked blanks at least its cheapest value.
        if limit.is_some() && !pool.is_empty() {
            let mut bw = waste.clone();
            let mut bsup = 0u64;
            for &u in &pool {
                let cheapest = (0..qis.len())
                    .filter(|&j| eligible >> j & 1 == 1)
                    .map(|j| {
                        let e = extra(u, j, u64::from(t.base.count[u as usize]));
                        (self.weighted.key_one(j, e), j, e)
                    })
                    .min();
                match cheapest {
                    Some((_, j, e)) => bw[j] += e,
                    None => bsup += u64::from(t.base.count[u as usize]),
                }
            }
            if bsup > t.limit as u64 || over(self.weighted.key(&bw, bsup)) {
                return None;
            }
        }

        // Per unit, the rows still in their kept class; per kept class, the same summed.
        let mut left: Vec<u32> = t.base.count.clone();
        let mut class_left: Vec<u64> = (0..cl.len())
            .map(|c| if kept[c] { u64::from(cl.count[c]) } else { 0 })
            .collect();
        let mut groups = cl.len() as u32;
        let mut segments: Vec<Segment> = Vec::new();
        // The units of each class, built when first needed.
        let mut class_units: Option<(Vec<u32>, Vec<u32>)> = None;

        let usable: Vec<Mask> = self
            .masks
            .iter()
            .copied()
            .filter(|m| !self.plain && m.bits & !eligible == 0 && m.bits != eligible)
            .collect();
        let all_weight: u64 = (0..qis.len())
            .filter(|&j| eligible >> j & 1 == 1)
            .map(|j| self.weights[j])
            .sum();
        let mut keys: Vec<u64> = Vec::new();
        let mut dense: FxMap<u64, u64> = FxMap::default();
        let mut group_of: FxMap<u64, u32> = FxMap::default();
        let stats = |units: &[u32]| -> (u64, u64) {
            units.iter().fold((0u64, 0u64), |(c, b), &u| {
                (
                    c + u64::from(t.base.count[u as usize]),
                    b | t.base.bits.get(u as usize).copied().unwrap_or(0),
                )
            })
        };

        // Two passes over the masks. The first takes rows in from kept classes only when that
        // costs less than the next mask would cost the group's own rows; the second, for the
        // rows the first could not place, takes the cheapest rescue left — when it costs less
        // than leaving them out, or when leaving them out would pass the limit.
        let passes: Vec<(usize, bool)> = (0..usable.len())
            .map(|i| (i, false))
            .chain((0..usable.len()).map(|i| (i, true)))
            .collect();
        let first_weight = usable.first().map_or(all_weight, |m| m.weight);
        for &(i, repair) in &passes {
            if pool.is_empty() {
                break;
            }
            let m = &usable[i];
            let next_weight = if repair {
                all_weight
            } else {
                usable.get(i + 1).map_or(all_weight, |n| n.weight)
            };
            let split: Split<'_> = (0..qis.len())
                .filter(|&j| eligible >> j & 1 == 1 && m.bits >> j & 1 == 0)
                .map(|j| {
                    let (h, l) = (&qis[j], node[j]);
                    (&h.gen[l][..], &t.cols[j][..], u64::from(h.groups[l]))
                })
                .collect();
            project(&split, &pool, &mut keys, &mut dense);
            let members = Groups::of(&keys, &pool, &mut group_of);
            let mut resolved: Vec<usize> = Vec::new();
            let mut failing: Vec<usize> = Vec::new();
            for gi in 0..members.len() {
                let us = &members[gi];
                let (count, bits) = stats(us);
                if self.meets(us, count, bits) {
                    resolved.push(gi);
                } else {
                    failing.push(gi);
                }
            }
            // A group short of k (or l) may take in rows of kept classes with its values
            // outside the mask, blanked the same way, when that costs less than the next mask
            // would cost its own rows.
            let mut rescued: Vec<(usize, Vec<(u32, u64)>)> = Vec::new();
            let mut unsaved: u64 = failing.iter().map(|&gi| stats(&members[gi]).0).sum();
            if !failing.is_empty() && class_left.iter().any(|&n| n > 0) {
                let candidates: Vec<u32> = (0..cl.len() as u32)
                    .filter(|&c| class_left[c as usize] > 0)
                    .collect();
                // Keys of the failing groups and of the candidates, comparable: one call.
                let mut both: Vec<u32> = failing.iter().map(|&gi| members[gi][0]).collect();
                both.extend(candidates.iter().map(|&c| cl.rep[c as usize]));
                project(&split, &both, &mut keys, &mut dense);
                let mut wanted: FxMap<u64, usize> = FxMap::default();
                for (x, &gi) in failing.iter().enumerate() {
                    wanted.insert(keys[x], gi);
                }
                let mut offers: FxMap<usize, Vec<u32>> = FxMap::default();
                for (y, &c) in candidates.iter().enumerate() {
                    if let Some(&gi) = wanted.get(&keys[failing.len() + y]) {
                        offers.entry(gi).or_default().push(c);
                    }
                }
                for &gi in &failing {
                    let Some(offered) = offers.remove(&gi) else {
                        continue;
                    };
                    let (own, own_bits) = stats(&members[gi]);
                    let plan = if l_needed.is_none() {
                        Self::plan_rows(req.k as u64, own, &offered, &class_left)
                    } else {
                        let cu =
                            class_units.get_or_insert_with(|| class_members(&unit_class, cl.len()));
                        self.plan_classes(
                            &members[gi],
                            own,
                            own_bits,
                            &offered,
                            &class_left,
                            &cl.bits,
                            cu,
                        )
                    };
                    let Some(plan) = plan else {
                        continue;
                    };
                    let taken: u64 = plan.iter().map(|&(_, n)| n).sum();
                    // What the second pass does not save is left out: past the limit, a
                    // rescue is the only way.
                    let worth = u128::from(own + taken) * u128::from(m.weight)
                        <= u128::from(own) * u128::from(next_weight)
                        || (repair && unsaved > t.limit as u64);
                    if worth {
                        unsaved -= own;
                        for &(c, n) in &plan {
                            class_left[c as usize] -= n;
                        }
                        rescued.push((gi, plan));
                    }
                }
            }
            let mut done = vec![false; members.len()];
            for &gi in &resolved {
                done[gi] = true;
            }
            for (gi, _) in &rescued {
                done[*gi] = true;
            }
            let rescued_plans: FxMap<usize, Vec<(u32, u64)>> = rescued.into_iter().collect();
            for gi in (0..members.len()).filter(|&gi| done[gi]) {
                for &u in &members[gi] {
                    let rows = u64::from(t.base.count[u as usize]);
                    for (j, w) in waste.iter_mut().enumerate() {
                        if m.bits >> j & 1 == 1 {
                            *w += extra(u, j, rows);
                        }
                    }
                    if detail {
                        segments.push(Segment {
                            unit: u,
                            rows: rows as u32,
                            mask: m.bits,
                            group: groups,
                        });
                    }
                }
                // Rows taken from kept classes: from their units in order.
                if let Some(plan) = rescued_plans.get(&gi) {
                    let cu =
                        class_units.get_or_insert_with(|| class_members(&unit_class, cl.len()));
                    for &(c, mut n) in plan {
                        let (a, b) = (cu.0[c as usize] as usize, cu.0[c as usize + 1] as usize);
                        for &u in &cu.1[a..b] {
                            if n == 0 {
                                break;
                            }
                            let take = n.min(u64::from(left[u as usize]));
                            if take == 0 {
                                continue;
                            }
                            left[u as usize] -= take as u32;
                            n -= take;
                            for (j, w) in waste.iter_mut().enumerate() {
                                if m.bits >> j & 1 == 1 {
                                    *w += extra(u, j, take);
                                }
                            }
                            if detail {
                                segments.push(Segment {
                                    unit: u,
                                    rows: take as u32,
                                    mask: m.bits,
                                    group: groups,
                                });
                            }
                        }
                    }
                }
                groups += 1;
            }
            pool = (0..members.len())
                .filter(|&gi| !done[gi])
                .flat_map(|gi| members[gi].iter().copied())
                .collect();
            // What is spent, plus what the rows still unresolved must spend at least: a mask
            // of the second pass at the least, or one of the first as heavy as the next.
            if let Some(best) = limit {
                let weight = if repair {
                    usable.get(i + 1).map_or(all_weight, |n| n.weight)
                } else {
                    first_weight
                };
                let pending: f64 =
                    pool.iter().map(|&u| floor[u as usize]).sum::<f64>() * weight as f64;
                if self.weighted.loss(self.weighted.key(&waste, sup)) + pending / norm
                    > self.weighted.loss(best) * (1.0 + 1e-9) + 1e-12
                {
                    return None;
                }
            }
        }

        // What blanking cannot save is left out.
        for &u in &pool {
            let c = u64::from(t.base.count[u as usize]);
            sup += c;
            for (j, w) in waste.iter_mut().enumerate() {
                *w -= c * u64::from(qis[j].waste_of(node[j], t.cols[j][u as usize]));
            }
            if detail {
                segments.push(Segment {
                    unit: u,
                    rows: c as u32,
                    mask: LEFT_OUT,
                    group: 0,
                });
            }
        }
        if sup > t.limit as u64 {
            return None;
        }
        let key = self.weighted.key(&waste, sup);
        if over(key) {
            return None;
        }
        if detail {
            // Rows still in their kept class come first in each unit.
            let mut per_unit: Vec<Vec<Segment>> = vec![Vec::new(); units];
            for (u, &c) in unit_class.iter().enumerate() {
                if kept[c as usize] && left[u] > 0 {
                    per_unit[u].push(Segment {
                        unit: u as u32,
                        rows: left[u],
                        mask: 0,
                        group: c,
                    });
                }
            }
            for s in segments {
                per_unit[s.unit as usize].push(s);
            }
            self.detail = Evaluation { per_unit, groups };
        }
        Some(key)
    }

    /// Whether rows of `units` (`count` of them, sensitive `bits`) make a class.
    fn meets(&self, units: &[u32], count: u64, bits: u64) -> bool {
        let req = self.t.req;
        count as usize >= req.k
            && req
                .l
                .filter(|_| !matches!(self.t.diversity, Diversity::Off))
                .is_none_or(|l| {
                    if self.unit_codes.is_some() {
                        self.distinct_codes(units, &mut FxMap::default()) >= l
                    } else {
                        bits.count_ones() as usize >= l
                    }
                })
    }

    /// Without l-diversity: the fewest rows from kept classes that bring `own` rows up to `k` —
    /// first what classes hold beyond k (largest surplus first), then whole classes (smallest
    /// first). `None` if the offered classes cannot.
    fn plan_rows(k: u64, own: u64, offered: &[u32], class_left: &[u64]) -> Option<Vec<(u32, u64)>> {
        let mut need = k.saturating_sub(own);
        let mut plan: Vec<(u32, u64)> = Vec::new();
        let mut by_surplus: Vec<u32> = offered.to_vec();
        by_surplus.sort_by_key(|&c| (Reverse(class_left[c as usize]), c));
        for &c in &by_surplus {
            if need == 0 {
                break;
            }
            let surplus = class_left[c as usize].saturating_sub(k);
            let take = surplus.min(need);
            if take > 0 {
                plan.push((c, take));
                need -= take;
            }
        }
        if need > 0 {
            let mut by_size: Vec<u32> = offered.to_vec();
            by_size.sort_by_key(|&c| (class_left[c as usize], c));
            for &c in &by_size {
                if need == 0 {
                    break;
                }
                let already = plan.iter().find(|p| p.0 == c).map_or(0, |p| p.1);
                let rest = class_left[c as usize] - already;
                if rest == 0 {
                    continue;
                }
                match plan.iter_mut().find(|p| p.0 == c) {
                    Some(p) => p.1 += rest,
                    None => plan.push((c, rest)),
                }
                need = need.saturating_sub(rest);
            }
        }
        (need == 0).then_some(plan)
    }

    /// With l-diversity: whole kept classes (smallest first) until the group meets k and l, so
    /// that no class is left with fewer distinct sensitive codes. `None` if they cannot.
    #[allow(clippy::too_many_arguments)]
    fn plan_classes(
        &self,
        own_units: &[u32],
        own: u64,
        own_bits: u64,
        offered: &[u32],
        class_left: &[u64],
        class_bits: &[u64],
        cu: &(Vec<u32>, Vec<u32>),
    ) -> Option<Vec<(u32, u64)>> {
        let mut by_size: Vec<u32> = offered
            .iter()
            .copied()
            .filter(|&c| {
                // A class some rows were taken from is left alone: its rows' codes are
                // no longer known as a whole.
                let (a, b) = (cu.0[c as usize] as usize, cu.0[c as usize + 1] as usize);
                let full: u64 = cu.1[a..b]
                    .iter()
                    .map(|&u| u64::from(self.t.base.count[u as usize]))
                    .sum();
                class_left[c as usize] == full
            })
            .collect();
        by_size.sort_by_key(|&c| (class_left[c as usize], c));
        let mut units = own_units.to_vec();
        let (mut count, mut bits) = (own, own_bits);
        let mut plan = Vec::new();
        for &c in &by_size {
            if self.meets(&units, count, bits) {
                break;
            }
            let (a, b) = (cu.0[c as usize] as usize, cu.0[c as usize + 1] as usize);
            units.extend_from_slice(&cu.1[a..b]);
            count += class_left[c as usize];
            bits |= class_bits.get(c as usize).copied().unwrap_or(0);
            plan.push((c, class_left[c as usize]));
        }
        self.meets(&units, count, bits).then_some(plan)
    }

    /// The full outcome of the node last evaluated in detail.
    fn outcome(&self, node: &[usize]) -> LocalOutcome {
        let t = self.t;
        let q = t.qis.len();
        let d = &self.detail;
        let rows = t.row_unit.len();
        // Each row's segment: a unit's rows take its segments in row order.
        let mut cursor: Vec<(usize, u32)> = vec![(0, 0); d.per_unit.len()];
        let mut row_segment: Vec<Segment> = Vec::with_capacity(rows);
        for &u in &t.row_unit {
            let (i, used) = &mut cursor[u as usize];
            let segs = &d.per_unit[u as usize];
            while *i < segs.len() && *used >= segs[*i].rows {
                *i += 1;
                *used = 0;
            }
            let s = segs.get(*i).copied().unwrap_or(Segment {
                unit: u,
                rows: 1,
                mask: LEFT_OUT,
                group: 0,
            });
            *used += 1;
            row_segment.push(s);
        }
        let mut blanked = vec![0u32; rows];
        let mut suppressed = Vec::new();
        let mut size = vec![0usize; d.groups as usize];
        let mut blanked_cells = vec![0usize; q];
        let mut waste = vec![0u64; q];
        for (r, (s, &u)) in row_segment.iter().zip(&t.row_unit).enumerate() {
            if s.mask == LEFT_OUT {
                suppressed.push(r);
                continue;
            }
            blanked[r] = s.mask;
            size[s.group as usize] += 1;
            for (j, h) in t.qis.iter().enumerate() {
                if s.mask >> j & 1 == 1 {
                    blanked_cells[j] += 1;
                    waste[j] += h.leaves as u64 - 1;
                } else {
                    waste[j] += u64::from(h.waste_of(node[j], t.cols[j][u as usize]));
                }
            }
        }
        let classes = size.iter().filter(|&&s| s > 0).count();
        let smallest = size.iter().copied().filter(|&s| s > 0).min().unwrap_or(0);
        let l_achieved = t.sensitive.map(|codes| {
            let mut seen: FxMap<u64, ()> = FxMap::default();
            let mut distinct = vec![0usize; d.groups as usize];
            for (s, &code) in row_segment.iter().zip(codes) {
                if s.mask == LEFT_OUT {
                    continue;
                }
                if seen
                    .insert(u64::from(s.group) << 32 | u64::from(code), ())
                    .is_none()
                {
                    distinct[s.group as usize] += 1;
                }
            }
            (0..distinct.len())
                .filter(|&gi| size[gi] > 0)
                .map(|gi| distinct[gi])
                .min()
                .unwrap_or(0)
        });
        let sup = suppressed.len() as u64;
        LocalOutcome {
            outcome: Outcome {
                levels: node.to_vec(),
                suppressed,
                classes,
                smallest_class: smallest,
                k_achieved: smallest,
                l_achieved,
                information_loss: t.metric.loss(t.metric.key(&waste, sup)),
                nodes_evaluated: 0,
                nodes_total: t.total,
            },
            blanked,
            blanked_cells,
            weighted_loss: self.weighted.loss(self.weighted.key(&waste, sup)),
        }
    }
}
