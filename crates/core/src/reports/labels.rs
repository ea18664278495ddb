//! The words of reports and releases in Kazakh, Russian and English. Donor reports go to foreign
//! funds as well as to the state grant operator, so unlike the legal documents they are made in
//! English too. The words themselves live in `locales/<lang>/reports.ftl`, never here: this
//! module only says which message a report needs.

use crate::words;
/// The language of a report or release: one of the languages Derbes speaks.
pub use crate::words::Lang;
use fluent_bundle::FluentValue;

/// The message `id` of `reports.ftl` in `lang`, with `args` put in.
pub(crate) fn word(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    words::message(lang, id, args)
}

/// The message `<prefix>-<key>` when the files have it (a key from the register: a service
/// type, a kind, a sex); `None` for a key they do not name.
fn keyed(prefix: &str, key: &str, lang: Lang) -> Option<String> {
    let id = format!("{prefix}-{key}");
    words::has(Lang::En, &id).then(|| word(lang, &id, &[]))
}

/// "Not stated", for a missing value.
pub fn not_stated(lang: Lang) -> String {
    word(lang, "report-not-stated", &[])
}

/// "Total".
pub fn total(lang: Lang) -> String {
    word(lang, "report-total", &[])
}

/// A service type's name; unknown keys stay as they are.
pub fn service_type(key: &str, lang: Lang) -> String {
    keyed("report-service", key, lang).unwrap_or_else(|| key.to_string())
}

/// A kind of person.
pub fn kind(key: &str, lang: Lang) -> String {
    keyed("report-kind", key, lang).unwrap_or_else(|| key.to_string())
}

/// Sex.
pub fn sex(key: &str, lang: Lang) -> String {
    keyed("report-sex", key, lang).unwrap_or_else(|| not_stated(lang))
}

/// Yes or no.
pub fn yes_no(yes: bool, lang: Lang) -> String {
    word(lang, if yes { "report-yes" } else { "report-no" }, &[])
}

/// A macro-region (the coarsest place before "*").
pub fn macro_region(key: &str, lang: Lang) -> String {
    keyed("report-macro_region", key, lang).unwrap_or_else(|| not_stated(lang))
}

/// A region's name by key (the register's own names, in `register/regions.rs`).
pub fn region(key: &str, lang: Lang) -> String {
    match crate::register::regions::by_key(key) {
        Some(r) => lang.pick(r.kk, r.ru, r.en).to_string(),
        None => not_stated(lang),
    }
}

/// A quarter key `YYYY-Qn` as people write it.
pub fn quarter(key: &str, lang: Lang) -> String {
    let (y, q) = key.split_once("-Q").unwrap_or((key, ""));
    // As text: a year is not a number to format, and "Q1" is not a count.
    word(
        lang,
        "report-quarter",
        &[
            ("year", y.to_string().into()),
            ("quarter", q.to_string().into()),
        ],
    )
}

/// A month key `YYYY-MM` as `MM.YYYY`.
pub fn month(key: &str) -> String {
    match key.split_once('-') {
        Some((y, m)) => format!("{m}.{y}"),
        None => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fields::{Kind, SERVICE_TYPES};
    use crate::reports::release::{Attribute, Sensitive};
    use crate::reports::table::{Dimension, Measure};

    /// Every message id written out in `src/reports` (`"report-…"`, `"release-…"`,
    /// `"export-…"`): a typo would print the id itself in a donor's file.
    fn literal_ids() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for prefix in ["\"report-", "\"release-", "\"export-"] {
                        for (at, _) in text.match_indices(prefix) {
                            let id: String = text[at + 1..]
                                .chars()
                                .take_while(|c| {
                                    c.is_ascii_lowercase()
                                        || c.is_ascii_digit()
                                        || "-_".contains(*c)
                                })
                                .collect();
                            // A prefix completed with a key ("report-service") is checked below.
                            if text[at + 1 + id.len()..].starts_with('"') && !id.ends_with('-') {
                                out.push(id);
                            }
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reports");
        walk(&dir, &mut out);
        out
    }

    #[test]
    fn every_word_a_report_uses_is_in_every_language() {
        let prefixes = [
            "report-service",
            "report-kind",
            "report-sex",
            "report-macro_region",
        ];
        let ids = literal_ids();
        assert!(ids.iter().any(|i| i == "report-method-primary"), "{ids:?}");
        for lang in Lang::ALL {
            for id in ids.iter().filter(|i| !prefixes.contains(&i.as_str())) {
                assert!(words::has(lang, id), "{}: no {id}", lang.key());
            }
            let mut keyed_words = Vec::new();
            for key in SERVICE_TYPES.iter().chain(&["other"]) {
                keyed_words.push(service_type(key, lang));
            }
            for k in Kind::ALL {
                keyed_words.push(kind(k.key(), lang));
            }
            for key in ["male", "female"] {
                keyed_words.push(sex(key, lang));
            }
            for key in ["north", "south", "east", "west", "central"] {
                keyed_words.push(macro_region(key, lang));
            }
            for r in crate::register::regions::REGIONS {
                assert!(
                    words::has(lang, &format!("report-macro_region-{}", r.macro_region)),
                    "{}",
                    r.macro_region
                );
            }
            for m in [Measure::People, Measure::Services, Measure::NewPeople] {
                keyed_words.push(m.label(lang));
            }
            for d in Dimension::ALL {
                keyed_words.push(d.label(lang));
            }
            for a in Attribute::ALL {
                keyed_words.push(a.label(lang));
                keyed_words.extend(a.level_labels(lang));
            }
            keyed_words.push(Sensitive::ServiceType.label(lang));
            for w in keyed_words {
                assert!(
                    !w.is_empty() && !w.contains("report-") && !w.contains("release-"),
                    "{}: {w}",
                    lang.key()
                );
            }
        }
    }

    #[test]
    fn words_read_as_before() {
        assert_eq!(service_type("food_package", Lang::Ru), "Продуктовый набор");
        assert_eq!(service_type("typed by hand", Lang::Ru), "typed by hand");
        assert_eq!(kind("beneficiary", Lang::Kk), "Бенефициар");
        assert_eq!(sex("", Lang::En), "Not stated");
        assert_eq!(macro_region("central", Lang::En), "Centre");
        assert_eq!(yes_no(false, Lang::Kk), "Жоқ");
        assert_eq!(quarter("2026-Q3", Lang::Kk), "2026 ж. 3-тоқсан");
        assert_eq!(quarter("2026-Q3", Lang::Ru), "3 кв. 2026");
        assert_eq!(quarter("2026-Q3", Lang::En), "Q3 2026");
        assert_eq!(total(Lang::Ru), "Всего");
        assert_eq!(month("2026-03"), "03.2026");
    }
}
