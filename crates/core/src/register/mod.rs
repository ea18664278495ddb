//! The register of personal data (Art. 7, 25(2)(1), 27-1): the people an NGO keeps — beneficiaries,
//! employees, volunteers — their fields and the approved data inventory (тізбе) that bounds them,
//! the identification numbers (IIN, BIN) and their checks, regions, the operating organisation,
//! search, masking and journaled reveals, and imports from CSV and XLSX.
//!
//! It builds on [`crate::vault`] (the connection and the journal) and nothing above it.

pub mod bulk;
pub mod fields;
pub mod ids;
pub mod import;
pub mod inventory;
pub mod organisation;
pub mod regions;
pub mod subjects;
