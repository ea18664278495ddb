//! The data's lifecycle under the law: the basis for processing — consent (Art. 7, 8, 24) or an
//! Art. 9 ground — how long data is kept (Art. 12(2), 18), legal hold and blocking (Art. 1(3)),
//! and the end: anonymisation and destruction with their acts (Art. 18, 25), and the
//! destruction log that replays them onto a restored backup.
//!
//! It builds on [`crate::vault`] and [`crate::register`]. The register reads a person's consent
//! state back from here (whether publication is consented), a circle the two areas share on
//! purpose: a person's access and their consent are one rule seen from two sides.

pub mod basis;
#[cfg(test)]
mod basis_tests;
pub mod consent;
pub mod end;
pub mod log;
pub mod retention;
