//! The Loss Metric of a node as a sortable key: an exact integer numerator over a common
//! denominator, or a float for hierarchies whose denominator would not fit 128 bits.

use super::hierarchy::Qi;

/// Exact (or, for absurd hierarchies, floating) LM numerators as sortable `u128` keys.
pub(super) struct Metric {
    pub(super) exact: bool,
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
