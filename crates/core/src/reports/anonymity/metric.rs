//! The Loss Metric of a node as a sortable key: an exact integer numerator over a common
//! denominator, or a float for hierarchies whose denominator would not fit 128 bits.

use super::hierarchy::Qi;

/// Exact (or, for absurd hierarchies, floating) LM numerators as sortable `u128` keys.
///
/// A metric may weight its QIs ([`Metric::weighted`]): QI `j` then counts `w_j` times, a
/// suppressed row costs `Σ w_j`, and the loss is normalised by `n · Σ w_j`. Unweighted, every
/// `w_j` is 1.
#[derive(Clone)]
pub(super) struct Metric {
    pub(super) exact: bool,
    /// Exact: per QI, `w_j · L / (d_j − 1)` (0 when `d_j == 1`).
    mult: Vec<u128>,
    /// Exact: what a suppressed row costs, `Σ w_j · L`.
    sup_weight: u128,
    /// Exact: `n · Σ w_j · L`.
    den: u128,
    /// Float: per QI, `(d_j − 1) / w_j`.
    span: Vec<f64>,
    rows: usize,
    /// `Σ w_j` (`q` unweighted).
    q: usize,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Metric {
    pub(super) fn new(n: usize, qis: &[Qi]) -> Metric {
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

    /// The same metric with QI `j` weighted `weights[j]` (each ≥ 1; one per QI). Falls back to
    /// floats when the weighted exact key could overflow.
    pub(super) fn weighted(&self, weights: &[u32]) -> Metric {
        debug_assert!(weights.len() == self.mult.len().max(self.span.len()));
        let wsum: usize = weights.iter().map(|&w| w as usize).sum();
        if self.exact && self.q > 0 {
            let l = self.sup_weight / self.q as u128;
            let scaled = || -> Option<Metric> {
                let mult = self
                    .mult
                    .iter()
                    .zip(weights)
                    .map(|(&m, &w)| m.checked_mul(u128::from(w)))
                    .collect::<Option<Vec<u128>>>()?;
                let sup_weight = l.checked_mul(wsum as u128)?;
                let den = sup_weight.checked_mul(self.rows as u128)?;
                Some(Metric {
                    exact: true,
                    mult,
                    sup_weight,
                    den,
                    span: Vec::new(),
                    rows: self.rows,
                    q: wsum,
                })
            };
            if let Some(m) = scaled() {
                return m;
            }
        }
        // Floats: per QI, `d_j − 1` again (exact metrics keep it as L / mult), over its weight.
        let spans: Vec<f64> = if self.exact {
            let l = if self.q == 0 {
                0
            } else {
                self.sup_weight / self.q as u128
            };
            self.mult
                .iter()
                .map(|&m| l.checked_div(m).map_or(0.0, |s| s as f64))
                .collect()
        } else {
            self.span.clone()
        };
        Metric {
            exact: false,
            mult: Vec::new(),
            sup_weight: 0,
            den: 0,
            span: spans
                .iter()
                .zip(weights)
                .map(|(&s, &w)| {
                    if s > 0.0 {
                        s / f64::from(w.max(1))
                    } else {
                        0.0
                    }
                })
                .collect(),
            rows: self.rows,
            q: wsum,
        }
    }

    /// The key of a node whose kept rows waste `kept[j]` leaves on QI `j` and which suppresses
    /// `sup` rows. Keys of one table compare like the losses.
    pub(super) fn key(&self, kept: &[u64], sup: u64) -> u128 {
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

    /// The key of `s` leaves wasted on QI `j` alone (comparable with other keys of this metric).
    pub(super) fn key_one(&self, j: usize, s: u64) -> u128 {
        if self.exact {
            u128::from(s) * self.mult.get(j).copied().unwrap_or(0)
        } else {
            let span = self.span.get(j).copied().unwrap_or(0.0);
            let x = if span > 0.0 { s as f64 / span } else { 0.0 };
            u128::from(x.to_bits())
        }
    }

    pub(super) fn loss(&self, key: u128) -> f64 {
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
