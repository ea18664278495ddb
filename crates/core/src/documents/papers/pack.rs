//! The compliance pack (filled in below).
use serde::Serialize;

/// One file in the pack.
#[derive(Debug, Clone, Serialize)]
pub struct PackEntry {}

/// What a pack holds.
#[derive(Debug, Clone, Serialize)]
pub struct PackSummary {}
