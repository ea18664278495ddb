//! What leaves the organisation for statistics (Art. 17: depersonalised first): aggregate tables
//! with small-cell suppression ([`table`], [`suppression`]), k-anonymous row-level releases
//! ([`release`], [`anonymity`]), their files ([`export`]) with their words ([`labels`]), and the
//! append-only transfer ledger of every file sent ([`transfer`]).
//!
//! It reads the register and the lifecycle's anonymous records, never a direct identifier.

pub mod anonymity;
pub mod export;
pub mod identifying;
#[cfg(test)]
mod identifying_tests;
pub mod labels;
pub mod release;
pub mod suppression;
pub mod table;
pub mod transfer;
