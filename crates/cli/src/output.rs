//! Printing for people and for machines.

use derbes_core::vault::journal::Entry;
use derbes_core::words::FluentValue;
use derbes_core::words::{self, Lang};
use serde_json::{json, Value};

/// How a command speaks: the language of its sentences (`--lang`) and whether it prints JSON
/// for machines instead.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The language of every sentence for people.
    pub lang: Lang,
    /// `--json`: machine-readable output, whose keys and values are never translated.
    pub json: bool,
}

impl Ctx {
    /// The CLI's sentence `id` (from `locales/<lang>/cli.ftl`) with `args` put in.
    pub fn say(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        words::message(self.lang, id, args)
    }

    /// Print the sentence `id` on its own line.
    pub fn println(&self, id: &str, args: &[(&str, FluentValue<'_>)]) {
        println!("{}", self.say(id, args));
    }

    /// `label value` lines, the values aligned one space after the longest label, each line
    /// starting with `indent`.
    pub fn print_labelled(&self, indent: &str, lines: &[(&str, String)]) {
        let labels: Vec<String> = lines.iter().map(|(id, _)| self.say(id, &[])).collect();
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
        for (label, (_, value)) in labels.iter().zip(lines) {
            println!("{indent}{label:<width$}{value}");
        }
    }
}

/// A text argument for a sentence.
pub fn text(s: impl std::fmt::Display) -> FluentValue<'static> {
    FluentValue::from(s.to_string())
}

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

#[cfg(test)]
mod tests {
    use derbes_core::words::{self, Lang};

    /// Every sentence id the CLI names (`"cli-…"` in its sources) is in cli.ftl in each
    /// language, so no one ever sees an id instead of a sentence.
    #[test]
    fn every_sentence_the_cli_says_is_in_every_language() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut ids = std::collections::BTreeSet::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let source = std::fs::read_to_string(e.path()).unwrap();
            for (at, _) in source.match_indices("\"cli-") {
                let id: String = source[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                // "cli-…" in this very test is not a sentence id.
                if id.len() > "cli-".len() {
                    ids.insert(id);
                }
            }
        }
        assert!(ids.len() > 40, "the scan found the sentences: {ids:?}");
        let missing: Vec<String> = ids
            .iter()
            .flat_map(|id| {
                Lang::ALL
                    .into_iter()
                    .filter(|l| !words::has(*l, id))
                    .map(move |l| format!("{id} ({})", l.key()))
            })
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
