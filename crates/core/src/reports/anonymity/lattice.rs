//! The branch-and-bound walk over the lattice of transformations, with predictive tagging of
//! infeasible and feasible nodes (see the module doc of [`super`]).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::grouping::{FxMap, Grouper};
use super::table::{ClassList, Diversity, Source, Table};
use super::Outcome;

/// Coarser nodes tried before a node is evaluated (see `Search::settle`).
const PROBES: usize = 2;
/// Class-list entries kept for roll-ups (16 bytes each).
const CACHE_ENTRIES: usize = 1 << 20;

impl Table<'_> {
    /// Branch and bound over the lattice.
    pub(super) fn search(&self) -> Option<Outcome> {
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
