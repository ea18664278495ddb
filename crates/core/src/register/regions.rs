//! The 17 oblasts and 3 cities of republican significance, with stable keys and their names in
//! Kazakh, Russian and English (2022 administrative division: Abai, Zhetisu and Ulytau included).

use serde::Serialize;

/// One region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Stable key, e.g. `almaty_city`.
    pub key: &'static str,
    /// Kazakh name.
    pub kk: &'static str,
    /// Russian name.
    pub ru: &'static str,
    /// English name.
    pub en: &'static str,
    /// Whether this is a city of republican significance.
    pub city: bool,
    /// Macro-region, for coarsening in anonymised reports.
    pub macro_region: &'static str,
}

const fn r(
    key: &'static str,
    kk: &'static str,
    ru: &'static str,
    en: &'static str,
    city: bool,
    macro_region: &'static str,
) -> Region {
    Region {
        key,
        kk,
        ru,
        en,
        city,
        macro_region,
    }
}

/// All 20, cities first.
pub const REGIONS: [Region; 20] = [
    r("astana", "Астана", "Астана", "Astana", true, "north"),
    r("almaty_city", "Алматы", "Алматы", "Almaty", true, "south"),
    r("shymkent", "Шымкент", "Шымкент", "Shymkent", true, "south"),
    r(
        "abai",
        "Абай облысы",
        "Абайская область",
        "Abai Region",
        false,
        "east",
    ),
    r(
        "akmola",
        "Ақмола облысы",
        "Акмолинская область",
        "Akmola Region",
        false,
        "north",
    ),
    r(
        "aktobe",
        "Ақтөбе облысы",
        "Актюбинская область",
        "Aktobe Region",
        false,
        "west",
    ),
    r(
        "almaty_region",
        "Алматы облысы",
        "Алматинская область",
        "Almaty Region",
        false,
        "south",
    ),
    r(
        "atyrau",
        "Атырау облысы",
        "Атырауская область",
        "Atyrau Region",
        false,
        "west",
    ),
    r(
        "east_kazakhstan",
        "Шығыс Қазақстан облысы",
        "Восточно-Казахстанская область",
        "East Kazakhstan Region",
        false,
        "east",
    ),
    r(
        "zhambyl",
        "Жамбыл облысы",
        "Жамбылская область",
        "Zhambyl Region",
        false,
        "south",
    ),
    r(
        "zhetisu",
        "Жетісу облысы",
        "Жетысуская область",
        "Zhetisu Region",
        false,
        "south",
    ),
    r(
        "west_kazakhstan",
        "Батыс Қазақстан облысы",
        "Западно-Казахстанская область",
        "West Kazakhstan Region",
        false,
        "west",
    ),
    r(
        "karaganda",
        "Қарағанды облысы",
        "Карагандинская область",
        "Karaganda Region",
        false,
        "central",
    ),
    r(
        "kostanay",
        "Қостанай облысы",
        "Костанайская область",
        "Kostanay Region",
        false,
        "north",
    ),
    r(
        "kyzylorda",
        "Қызылорда облысы",
        "Кызылординская область",
        "Kyzylorda Region",
        false,
        "south",
    ),
    r(
        "mangystau",
        "Маңғыстау облысы",
        "Мангистауская область",
        "Mangystau Region",
        false,
        "west",
    ),
    r(
        "pavlodar",
        "Павлодар облысы",
        "Павлодарская область",
        "Pavlodar Region",
        false,
        "north",
    ),
    r(
        "north_kazakhstan",
        "Солтүстік Қазақстан облысы",
        "Северо-Казахстанская область",
        "North Kazakhstan Region",
        false,
        "north",
    ),
    r(
        "turkistan",
        "Түркістан облысы",
        "Туркестанская область",
        "Turkistan Region",
        false,
        "south",
    ),
    r(
        "ulytau",
        "Ұлытау облысы",
        "Улытауская область",
        "Ulytau Region",
        false,
        "central",
    ),
];

/// Fold a name for matching: lower case, ё→е, Kazakh letters to their Russian look-alikes, and
/// words like "oblast"/"облысы"/"область"/"г." dropped.
fn fold(s: &str) -> String {
    let lower = crate::text::fold(s);
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "облысы"
                        | "обл"
                        | "область"
                        | "region"
                        | "oblast"
                        | "г"
                        | "город"
                        | "қаласы"
                        | "kаласы"
                        | "city"
                )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The region with this key.
pub fn by_key(key: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.key == key)
}

/// Each region's names in the three languages, folded once (imports call [`recognise`] for
/// every row).
fn folded_names() -> &'static [(&'static Region, [String; 3])] {
    static TABLE: std::sync::OnceLock<Vec<(&'static Region, [String; 3])>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        REGIONS
            .iter()
            .map(|r| (r, [fold(r.kk), fold(r.ru), fold(r.en)]))
            .collect()
    })
}

/// Recognise a region written as a key or a name in any of the three languages ("Алматы обл.",
/// "г. Алматы", "Karaganda region"; abbreviations such as "ВКО" are not guessed). Cities and
/// regions of the same name are told apart by the words around them; a bare "Алматы" is the city.
pub fn recognise(text: &str) -> Option<&'static Region> {
    let t = text.trim();
    if let Some(r) = by_key(t) {
        return Some(r);
    }
    let lower = crate::text::fold(t);
    let says_region = ["облыс", "област", "обл.", "region", "oblast"]
        .iter()
        .any(|w| lower.contains(w));
    let folded = fold(t);
    if folded.is_empty() {
        return None;
    }
    folded_names()
        .iter()
        .filter(|(r, _)| !(says_region && r.city))
        .find(|(_, names)| names.contains(&folded))
        .map(|(r, _)| *r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_regions_with_unique_keys() {
        let mut keys: Vec<_> = REGIONS.iter().map(|r| r.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 20);
        assert_eq!(REGIONS.iter().filter(|r| r.city).count(), 3);
    }

    #[test]
    fn names_in_any_language_are_recognised() {
        assert_eq!(recognise("karaganda").unwrap().key, "karaganda");
        assert_eq!(recognise("Қарағанды облысы").unwrap().key, "karaganda");
        assert_eq!(
            recognise("Карагандинская область").unwrap().key,
            "karaganda"
        );
        assert_eq!(recognise("Karaganda Region").unwrap().key, "karaganda");
        assert_eq!(recognise("г. Алматы").unwrap().key, "almaty_city");
        assert_eq!(recognise("Алматы").unwrap().key, "almaty_city");
        assert_eq!(recognise("Алматинская обл.").unwrap().key, "almaty_region");
        assert_eq!(recognise("Алматы облысы").unwrap().key, "almaty_region");
        assert_eq!(
            recognise("восточно-казахстанская область").unwrap().key,
            "east_kazakhstan"
        );
        assert_eq!(recognise("Atlantis"), None);
        assert_eq!(recognise(""), None);
    }
}
