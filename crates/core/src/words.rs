//! The core's words in Kazakh, Russian and English, kept in Project Fluent files
//! (`crates/core/locales/<lang>/core.ftl`), never in code: every refusal of the core has a stable
//! code and parameters, and its sentence is looked up here by the CLI (and by the UI, which
//! reads the same files). Fluent knows each language's plural forms (Russian's one/few/many).
//!
//! A message's id is the code with a prefix: `error-<code>` for an [`Error`], `problem-<code>`
//! for a [`FieldProblem`], `field-<key>` for a field's name.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A value put into a sentence: a number (which picks a plural form) or a text.
pub use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use crate::error::{Args, Error, FieldProblem, Result};

/// A language Derbes speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order the app offers them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parse `kk`, `ru` or `en`, or say in a sentence what is accepted.
    pub fn parse(s: &str) -> Result<Lang> {
        match s {
            "kk" => Ok(Lang::Kk),
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            _ => Err(Error::invalid("lang", "lang_unknown")),
        }
    }

    /// The language of a POSIX locale such as `kk_KZ.UTF-8` or `ru_RU`; English for any other.
    pub fn from_locale(locale: &str) -> Lang {
        match locale.get(..2) {
            Some("kk") => Lang::Kk,
            Some("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// One of three words.
    pub fn pick<'a>(self, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }

    /// The language's Fluent files, one per area, as shipped inside the binary.
    fn sources(self) -> [(&'static str, &'static str); FILES.len()] {
        macro_rules! files {
            ($lang:literal) => {
                [
                    (
                        "core",
                        include_str!(concat!("../locales/", $lang, "/core.ftl")),
                    ),
                    (
                        "vault",
                        include_str!(concat!("../locales/", $lang, "/vault.ftl")),
                    ),
                    (
                        "register",
                        include_str!(concat!("../locales/", $lang, "/register.ftl")),
                    ),
                    (
                        "lifecycle",
                        include_str!(concat!("../locales/", $lang, "/lifecycle.ftl")),
                    ),
                    (
                        "reports",
                        include_str!(concat!("../locales/", $lang, "/reports.ftl")),
                    ),
                    (
                        "documents",
                        include_str!(concat!("../locales/", $lang, "/documents.ftl")),
                    ),
                    (
                        "backup",
                        include_str!(concat!("../locales/", $lang, "/backup.ftl")),
                    ),
                    (
                        "obligations",
                        include_str!(concat!("../locales/", $lang, "/obligations.ftl")),
                    ),
                    (
                        "cli",
                        include_str!(concat!("../locales/", $lang, "/cli.ftl")),
                    ),
                    (
                        "app",
                        include_str!(concat!("../locales/", $lang, "/app.ftl")),
                    ),
                ]
            };
        }
        match self {
            Lang::Kk => files!("kk"),
            Lang::Ru => files!("ru"),
            Lang::En => files!("en"),
        }
    }
}

/// The Fluent files of each language (`locales/<lang>/<file>.ftl`): the core's errors, record
/// problems and field names; then each area's refusals and words; then the CLI's; then what the
/// desktop app says before its window can open.
pub const FILES: [&str; 10] = [
    "core",
    "vault",
    "register",
    "lifecycle",
    "reports",
    "documents",
    "backup",
    "obligations",
    "cli",
    "app",
];

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(2);
    BUNDLES[i].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.key().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // The sentences go to terminals, PDFs and logs, where invisible isolation marks around
        // each number would only get in the way.
        b.set_use_isolating(false);
        // The files ship inside the binary and a test parses each: an error here is a bug
        // caught before release, and the messages that did parse are still used.
        for (_, source) in lang.sources() {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = b.add_resource(resource);
        }
        b
    })
}

/// Whether `lang`'s files have a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang)
        .get_message(id)
        .and_then(|m| m.value())
        .is_some()
}

/// The message `id` in `lang` with `args` put in; English if `lang` lacks it, the id itself if
/// no language has it (a bug a test catches, never a panic).
pub fn message(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            return b
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// A JSON argument as Fluent takes it: numbers stay numbers (for plural forms), a list is
/// joined with commas, anything else is its text.
fn fluent_value(v: &serde_json::Value) -> FluentValue<'static> {
    match v {
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => FluentValue::from(i),
            None => FluentValue::from(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => FluentValue::from(s.clone()),
        serde_json::Value::Array(items) => FluentValue::from(
            items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| i.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => FluentValue::from(other.to_string()),
    }
}

/// The message `id` with the arguments of a refusal or a problem put in.
pub fn message_with(lang: Lang, id: &str, args: &Args) -> String {
    let values: Vec<(&str, FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (k.as_str(), fluent_value(v)))
        .collect();
    message(lang, id, &values)
}

/// A field's name in `lang` (its key when the files do not name it).
pub fn field_name(lang: Lang, key: &str) -> String {
    let id = format!("field-{key}");
    if has(lang, &id) || has(Lang::En, &id) {
        message(lang, &id, &[])
    } else {
        key.to_string()
    }
}

/// The sentence for one problem with one field, in `lang`: `problem-<code>` with its arguments.
pub fn problem(lang: Lang, p: &FieldProblem) -> String {
    message_with(lang, &format!("problem-{}", p.code), &p.args)
}

/// The sentence for an error, in `lang`.
pub fn error(lang: Lang, e: &Error) -> String {
    let text = |s: &str| FluentValue::from(s.to_string());
    match e {
        Error::Invalid { problems } => match problems.as_slice() {
            [] => message(lang, "error-invalid_input", &[("field", text("—"))]),
            [first, rest @ ..] => {
                let field = text(&field_name(lang, &first.field));
                let sentence = problem(lang, first);
                if rest.is_empty() {
                    message(
                        lang,
                        "invalid-first",
                        &[("field", field), ("problem", text(&sentence))],
                    )
                } else {
                    let sentence = sentence.trim_end_matches('.').to_string();
                    message(
                        lang,
                        "invalid-more",
                        &[
                            ("field", field),
                            ("problem", text(&sentence)),
                            ("more", FluentValue::from(rest.len())),
                        ],
                    )
                }
            }
        },
        Error::InvalidInput { field, reason } => {
            let id = format!("reason-{}", reason.code);
            if !has(Lang::En, &id) {
                return message(
                    lang,
                    "error-invalid_input",
                    &[("field", text(&field_name(lang, field)))],
                );
            }
            let mut args = reason.args.clone();
            args.entry("field")
                .or_insert_with(|| field_name(lang, field).into());
            message_with(lang, &id, &args)
        }
        Error::Internal(detail) => format!("{} ({detail})", message(lang, "error-internal", &[])),
        Error::NotPermitted { permission, role } => message(
            lang,
            "error-not_permitted",
            &[
                (
                    "permission",
                    text(&message(lang, &format!("permission-{permission}"), &[])),
                ),
                ("role", text(&message(lang, &format!("role-{role}"), &[]))),
            ],
        ),
        // Every other error's sentence takes exactly its parameters (a list joins with commas).
        _ => {
            let params = match e.params() {
                serde_json::Value::Object(map) => map,
                _ => Args::new(),
            };
            message_with(lang, &format!("error-{}", e.code()), &params)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_whole() {
        for lang in Lang::ALL {
            for (file, source) in lang.sources() {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("locales/{}/{file}.ftl: {errors:?}", lang.key());
                }
            }
        }
    }

    #[test]
    fn every_language_has_every_message_english_has() {
        let ids = |lang: Lang| -> std::collections::BTreeSet<String> {
            lang.sources()
                .iter()
                .flat_map(|(_, source)| source.lines())
                .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_string()))
                .filter(|id| !id.starts_with('#') && !id.is_empty() && !id.contains(' '))
                .collect()
        };
        let en = ids(Lang::En);
        for lang in [Lang::Kk, Lang::Ru] {
            let theirs = ids(lang);
            let missing: Vec<_> = en.difference(&theirs).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.key());
        }
    }

    /// Every refusal the core, the CLI and the app can make is `Error::invalid(field, "code")`
    /// with the code written in the call: find them all in the sources (tests left out) and ask
    /// each language for its sentence. A call whose code is not a literal fails here too.
    #[test]
    fn every_refusal_in_the_sources_has_a_sentence_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![];
        for dir in ["crates/core/src", "crates/cli/src", "src-tauri/src"] {
            let mut stack = vec![root.join(dir)];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(&d).unwrap().flatten() {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|x| x == "rs") {
                        files.push(path);
                    }
                }
            }
        }
        let (mut calls, mut missing) = (0, vec![]);
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "tests.rs" || name.ends_with("_tests.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            // An inline test module comes last in a file, by the crate's convention.
            let source = source
                .split("#[cfg(test)]\nmod tests {")
                .next()
                .unwrap_or_default();
            for (at, _) in source.match_indices("Error::invalid(") {
                calls += 1;
                let rest = &source[at + "Error::invalid(".len()..];
                let code = rest
                    .split_once(',')
                    .map(|(_, after)| after.trim_start())
                    .filter(|after| after.starts_with('"'))
                    .and_then(|after| after[1..].split_once('"'))
                    .map(|(code, _)| code.to_string());
                let Some(code) = code else {
                    missing.push(format!("{}: a code that is not a literal", path.display()));
                    continue;
                };
                for lang in Lang::ALL {
                    if !has(lang, &format!("reason-{code}")) {
                        missing.push(format!(
                            "{}: reason-{code} ({})",
                            path.display(),
                            lang.key()
                        ));
                    }
                }
            }
        }
        assert!(calls > 0, "the scan found the refusals");
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn russian_counts_take_their_plural_forms() {
        let p = |more: usize| {
            message(
                Lang::Ru,
                "invalid-more",
                &[
                    ("field", "ИИН".into()),
                    ("problem", "опечатка".into()),
                    ("more", more.into()),
                ],
            )
        };
        assert_eq!(p(1), "ИИН: опечатка (ещё 1 ошибка)");
        assert_eq!(p(3), "ИИН: опечатка (ещё 3 ошибки)");
        assert_eq!(p(5), "ИИН: опечатка (ещё 5 ошибок)");
        assert_eq!(p(21), "ИИН: опечатка (ещё 21 ошибка)");
    }

    #[test]
    fn a_bad_iin_is_refused_in_kazakh_and_russian() {
        let e = Error::Invalid {
            problems: vec![FieldProblem::new("iin", "iin_check_digit")],
        };
        assert!(
            error(Lang::Kk, &e).starts_with("ЖСН: ЖСН-да қате бар"),
            "{}",
            error(Lang::Kk, &e)
        );
        assert!(error(Lang::Ru, &e).starts_with("ИИН: В ИИН опечатка"));
        assert_eq!(
            error(Lang::En, &e),
            "IIN: This IIN has a typo: its last digit does not match. Compare it with the document."
        );
    }
}
