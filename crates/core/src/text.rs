//! Folding text for search and matching: case, ё/е, and Kazakh letters to the Russian letters
//! people type instead when a Kazakh keyboard layout is not at hand (қ→к, ғ→г, ү/ұ→у, …).

/// Lower-case and fold `s` so that "Жәрдемқызы", "жардемкызы" and "ЖӘРДЕМҚЫЗЫ" compare equal.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            out.push(match l {
                'ё' => 'е',
                'ә' => 'а',
                'ғ' => 'г',
                'қ' => 'к',
                'ң' => 'н',
                'ө' => 'о',
                'ұ' | 'ү' => 'у',
                'һ' => 'х',
                'і' => 'и',
                other => other,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn kazakh_and_russian_spellings_meet() {
        assert_eq!(fold("Жәрдемқызы"), fold("ЖАРДЕМКЫЗЫ"));
        assert_eq!(fold("Семён"), "семен");
        assert_eq!(fold("Өмірзақ"), "омирзак");
        assert_eq!(fold("Ұлбосын Үкібай"), "улбосын укибай");
    }
}
