//! # derbes-core
//!
//! Every rule of Derbes, the personal-data register for small Kazakh NGOs. The desktop app and
//! the `derbes` CLI are thin doors to this crate; it holds the only SQL.
//!
//! One folder per area of the law, each depending only on those listed before it:
//!
//! - [`vault`] — the encrypted file, its keys, the journal, migrations, settings (Art. 22);
//! - [`calendar`] — the working days of Kazakhstan every deadline is counted on;
//! - [`register`] — people, fields, the data inventory, IIN/BIN, imports (Art. 7, 25(2)(1));
//! - [`lifecycle`] — consent and Art. 9 grounds, retention, hold and blocking, anonymisation
//!   and destruction with their acts (Art. 7–9, 12, 18);
//! - [`documents`] — the papers the law asks for, as PDF, and saving files safely;
//! - [`reports`] — depersonalised tables and releases for donors, the transfer ledger (Art. 17);
//! - [`users`] — the people who use a vault: their own passwords and keyslots, their roles
//!   (Art. 25: the responsible person; staff);
//! - [`requests`] — what people ask of their data, each on its clock, and the access answer
//!   (Art. 13, 24, 25);
//! - [`breaches`] — the breach register and the notice to the authorised body (Art. 25(2)(8));
//! - [`backup`] — backups, their verification and restore, which replays later destructions
//!   (Art. 18, 22);
//! - [`demo`] — a demo vault of made-up people;
//!
//! and, beside them, [`clocks`] (every deadline for the dashboard, above every area), [`unlocked`] (what an unlock brings up to date, above every area),
//! [`error`] (refusals with a stable code), [`words`] (their sentences in kk/ru/en, from Fluent
//! files) and [`text`] (folding for search, below the vault).
//!
//! Start with [`vault::Vault`]: [`vault::Vault::create`] makes a vault, [`vault::Vault::unlock`]
//! opens one, [`vault::Vault::lock`] closes it.

pub mod backup;
pub mod breaches;
pub mod calendar;
pub mod clocks;
pub mod demo;
pub mod documents;
pub mod error;
pub mod fuzzing;
pub mod lifecycle;
pub mod register;
pub mod reports;
pub mod requests;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod unlocked;
pub mod users;
pub mod vault;
pub mod words;

pub use error::{Error, Result};
pub use vault::keyslots::KdfParams;
pub use vault::secret::{KeyFile, Password, RecoveryKey};
pub use vault::Vault;
