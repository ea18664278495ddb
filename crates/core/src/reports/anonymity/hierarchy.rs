//! A quasi-identifier's generalisation hierarchy: the caller's [`Hierarchy`] with its checks, and
//! the same hierarchy prepared for the search ([`Qi`]: leaves in tree order, groups renumbered
//! densely, the loss of each level).

use super::grouping::FxMap;

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
    pub(super) fn check(&self) -> Result<(), String> {
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

// ---------------------------------------------------------------------------------------------
// Preparation.

/// One QI with its leaves put in tree order and its groups renumbered densely per level.
///
/// Tree order (leaves sorted by their group at the top level, then the next one down, …) makes
/// every group at every level a run of consecutive leaves, so group numbers grow with the leaf.
/// With the distinct tuples sorted as well, tuples of one class tend to come one after another
/// (always so at the bottom node): grouping checks the previous key first, and its table
/// accesses stay local.
pub(super) struct Qi {
    /// Number of leaves (`d`).
    pub(super) leaves: usize,
    /// Caller's leaf code → leaf in tree order.
    pub(super) rank: Vec<u32>,
    /// Per level: leaf (tree order) → dense group, non-decreasing.
    pub(super) gen: Vec<Vec<u32>>,
    /// Per level: number of groups.
    pub(super) groups: Vec<u32>,
    /// Per level, per group: leaves in the group minus one (the LM numerator).
    pub(super) waste: Vec<Vec<u32>>,
    /// Per level: Σ over rows of `waste` — the loss of the level if nothing were suppressed.
    pub(super) full: Vec<u64>,
}

impl Qi {
    pub(super) fn new(h: &Hierarchy) -> Qi {
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
    pub(super) fn waste_of(&self, level: usize, leaf: u32) -> u32 {
        self.waste[level][self.gen[level][leaf as usize] as usize]
    }
}
