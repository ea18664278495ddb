//! The IPC commands, one file per domain. Each parses its arguments, calls `derbes-core`, and
//! maps errors; none holds a rule of its own.

pub mod backup;
pub mod import;
pub mod journal;
pub mod keys;
pub mod lifecycle;
pub mod obligations;
pub mod papers;
pub mod register;
pub mod reports;
pub mod settings;
pub mod users;
pub mod vault;
