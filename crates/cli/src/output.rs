//! Printing for people and for machines.

use derbes_core::vault::journal::Entry;
use serde_json::{json, Value};

/// Print one JSON value on stdout.
pub fn json(v: &Value) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

/// A journal entry as JSON, with the `id` every listed object carries.
pub fn journal_json(e: &Entry) -> Value {
    json!({
        "id": e.seq,
        "seq": e.seq,
        "at": e.at,
        "userId": e.user_id,
        "userName": e.user_name,
        "action": e.action,
        "object": e.object,
        "details": e.details,
    })
}

/// The journal as an aligned table.
pub fn journal_table(entries: &[Entry]) {
    println!(
        "{:>6}  {:<20}  {:<24}  {:<30}  details",
        "seq", "when (UTC)", "who", "action"
    );
    for e in entries {
        let who = e.user_name.as_deref().unwrap_or("—");
        let details = if e.details.as_object().is_some_and(|o| o.is_empty()) {
            String::new()
        } else {
            e.details.to_string()
        };
        println!(
            "{:>6}  {:<20}  {:<24}  {:<30}  {}",
            e.seq,
            e.at,
            truncate(who, 24),
            e.action,
            details
        );
    }
}

pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).chain(std::iter::once('…')).collect()
    }
}
