//! # derbes-core
//!
//! Every rule of Derbes, the personal-data register for small Kazakh NGOs: the encrypted vault
//! and its keys, the hash-chained journal, the register, consent, retention, and the end of the
//! data's life (anonymisation and destruction with their acts). The desktop app and the `derbes` CLI are thin doors to
//! this crate; it holds the only SQL.
//!
//! Start with [`vault::Vault`]: [`vault::Vault::create`] makes a vault, [`vault::Vault::unlock`]
//! opens one, [`vault::Vault::lock`] closes it.

pub mod anonymity;
pub mod bulk;
pub mod consent;
pub mod demo;
pub mod demo_data;
pub mod documents;
pub mod error;
pub mod export;
pub mod fields;
pub mod fuzzing;
pub mod idle;
pub mod ids;
pub mod import;
pub mod inventory;
pub mod journal;
pub mod keyslots;
pub mod labels;
pub mod lifecycle;
pub mod organisation;
pub mod password;
pub mod pdf;
pub mod recent;
pub mod regions;
pub mod release;
pub mod report;
pub mod retention;
pub mod schema;
pub mod secret;
pub mod settings;
pub mod subjects;
pub mod suppression;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod transfer;
pub mod vault;

pub use error::{Error, Result};
pub use keyslots::KdfParams;
pub use secret::{Password, RecoveryKey};
pub use vault::Vault;
