//! Grouping integer keys into classes, fast: a multiplicative hasher, an LSD radix sort, and a
//! [`Grouper`] that groups by a flat table, a hash map or runs of sorted keys.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

// ---------------------------------------------------------------------------------------------
// Hashing: std's SipHash is needlessly slow for integer keys, and no new dependency is wanted.

/// FxHash-style multiplicative hasher; `finish` rotates so the well-mixed high bits reach the
/// low bits the table indexes with.
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

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

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Marks an empty slot of the flat grouping table.
const EMPTY: u32 = u32::MAX;
/// Largest key space grouped through a flat table (4 M slots, 16 MB) rather than a hash map.
const FLAT_MAX: u64 = 1 << 22;

/// Sorts `(key, index)` pairs by key (LSD radix, 11 bits a pass); `bound` exceeds every key.
pub(super) fn radix_sort(v: &mut Vec<(u64, u32)>, bound: u64) {
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

/// Reusable buffers for grouping keys.
#[derive(Default)]
pub(super) struct Grouper {
    pub(super) keys: Vec<u64>,
    /// Per entry, its group.
    pub(super) ids: Vec<u32>,
    /// Per group, its first entry.
    pub(super) firsts: Vec<u32>,
    pub(super) table: Vec<u32>,
    pub(super) map: FxMap<u64, u32>,
}

impl Grouper {
    /// Groups `self.keys` (all `< bound`) into `ids` and `firsts`, in order of first appearance.
    pub(super) fn group(&mut self, bound: u64) {
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
    pub(super) fn group_units(
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
    pub(super) fn densify(&mut self, bound: u64) -> u64 {
        self.group(bound);
        self.keys.clear();
        self.keys.extend(self.ids.iter().map(|&i| u64::from(i)));
        self.firsts.len() as u64
    }
}
