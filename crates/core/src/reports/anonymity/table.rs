//! The input prepared for the search: the rows collapsed into distinct leaf tuples ([`Table`]),
//! the classes of a node rolled up from them or from a finer node, the key of a node, and the
//! full [`Outcome`] of the chosen one.

use super::grouping::{radix_sort, FxMap, Grouper};
use super::hierarchy::{Hierarchy, Qi};
use super::metric::Metric;
use super::{nodes_total, suppression_limit, Outcome, Requirements};

/// A list of classes (or, at the base, of distinct leaf tuples).
#[derive(Default)]
pub(super) struct ClassList {
    /// A distinct leaf tuple (a unit) of the class: its leaves give the class's groups.
    rep: Vec<u32>,
    /// Rows in the class.
    count: Vec<u32>,
    /// Sensitive codes present, as a bitset (only when l-diversity uses bitsets).
    bits: Vec<u64>,
}

impl ClassList {
    pub(super) fn len(&self) -> usize {
        self.count.len()
    }
}

/// How l-diversity is checked during the search.
pub(super) enum Diversity {
    /// Not asked for.
    Off,
    /// At most 64 distinct sensitive codes: a `u64` bitset per class.
    Bits,
    /// More codes: distinct (unit, dense sensitive code) pairs, packed `unit << 32 | code`.
    Pairs(Vec<u64>),
}

/// Where a node's classes are computed from.
#[derive(Clone, Copy)]
pub(super) enum Source<'a> {
    /// The distinct leaf tuples.
    Base,
    /// The classes of a finer node.
    Finer(&'a ClassList),
}

pub(super) struct Table<'a> {
    pub(super) qis: Vec<Qi>,
    /// Per QI, the leaf of each unit (distinct leaf tuple).
    cols: Vec<Vec<u32>>,
    /// The units with their row counts (and sensitive bitsets).
    pub(super) base: ClassList,
    /// Per row, its unit.
    row_unit: Vec<u32>,
    sensitive: Option<&'a [u32]>,
    pub(super) diversity: Diversity,
    pub(super) metric: Metric,
    req: Requirements,
    pub(super) limit: usize,
    total: usize,
}

impl<'a> Table<'a> {
    /// Checks the input and collapses the rows into distinct tuples. `None` on malformed input
    /// or no rows.
    pub(super) fn prepare(
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
    pub(super) fn classify(
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
    pub(super) fn class_cap(&self) -> usize {
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
    pub(super) fn distinct_from_pairs(pairs: &[u64], classes: usize, g: &Grouper) -> Vec<u32> {
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
    pub(super) fn lower_bound(&self, node: &[usize], buf: &mut Vec<u64>) -> u128 {
        buf.clear();
        buf.extend(self.qis.iter().zip(node).map(|(h, &l)| h.full[l]));
        self.metric.key(buf, 0)
    }

    /// The key of `node` given its classes, or `None` if it suppresses too many rows.
    pub(super) fn assess(
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

    /// The full outcome of `node`, suppressed rows included.
    pub(super) fn outcome(&self, node: &[usize]) -> Outcome {
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
