//! The password rule: what makes a vault password acceptable, and why one is not.
//!
//! Strength is judged by zxcvbn (the estimator KeePassXC and Dropbox use), not by character-class
//! rules: a long phrase of ordinary words is strong, `P@ssw0rd1` is not. Problems and suggestions
//! come back as stable codes that the UI translates.

use serde::Serialize;
use zxcvbn::feedback::{Suggestion, Warning};
use zxcvbn::Score;

use crate::error::{Error, Result};
use crate::vault::secret::Password;

/// Fewest characters a vault password may have.
pub const MIN_LENGTH: usize = 10;
/// Lowest zxcvbn score (0–4) accepted: 3 means "safely unguessable: moderate protection from an
/// offline slow-hash scenario", which with Argon2 in front is what a stolen laptop faces.
pub const MIN_SCORE: u8 = 3;

/// How strong a password is and what, if anything, is wrong with it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// zxcvbn's score, 0 (trivial) to 4 (very strong).
    pub score: u8,
    /// Whether the vault will accept it.
    pub acceptable: bool,
    /// Codes of what is wrong: `empty`, `too_short`, `weak`, and zxcvbn's warnings.
    pub problems: Vec<String>,
    /// Codes of how to improve it.
    pub suggestions: Vec<String>,
    /// The minimum length, for the UI's "at least N characters".
    pub min_length: usize,
}

fn warning_code(w: Warning) -> &'static str {
    match w {
        Warning::StraightRowsOfKeysAreEasyToGuess => "straight_row",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "key_pattern",
        Warning::RepeatsLikeAaaAreEasyToGuess => "simple_repeat",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "extended_repeat",
        Warning::ThisIsATop10Password => "top10",
        Warning::ThisIsATop100Password => "top100",
        Warning::ThisIsACommonPassword => "common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "similar_to_common",
        Warning::SequencesLikeAbcAreEasyToGuess => "sequence",
        Warning::RecentYearsAreEasyToGuess => "recent_years",
        Warning::AWordByItselfIsEasyToGuess => "word_by_itself",
        Warning::DatesAreOftenEasyToGuess => "dates",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "names_by_themselves",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "common_names",
    }
}

fn suggestion_code(s: Suggestion) -> &'static str {
    match s {
        Suggestion::UseAFewWordsAvoidCommonPhrases => "use_few_words",
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => "no_need_symbols",
        Suggestion::AddAnotherWordOrTwo => "add_another_word",
        Suggestion::CapitalizationDoesntHelpVeryMuch => "capitalization",
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "all_uppercase",
        Suggestion::ReversedWordsArentMuchHarderToGuess => "reversed_words",
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "predictable_substitutions",
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => "longer_keyboard_pattern",
        Suggestion::AvoidRepeatedWordsAndCharacters => "avoid_repeated",
        Suggestion::AvoidSequences => "avoid_sequences",
        Suggestion::AvoidRecentYears => "avoid_recent_years",
        Suggestion::AvoidYearsThatAreAssociatedWithYou => "avoid_years_associated",
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "avoid_dates",
    }
}

/// Judge a candidate password. `context` are words the password must not lean on (the user's
/// name, the organisation, "derbes").
pub fn assess(password: &Password, context: &[&str]) -> Assessment {
    let pw = password.expose();
    if pw.is_empty() {
        return Assessment {
            score: 0,
            acceptable: false,
            problems: vec!["empty".into()],
            suggestions: vec!["use_few_words".into()],
            min_length: MIN_LENGTH,
        };
    }
    // zxcvbn compares lower-cased text, so the context words must be lower-cased too.
    let mut owned: Vec<String> = ["derbes", "дербес", "vault", "қойма", "хранилище"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    owned.extend(
        context
            .iter()
            .flat_map(|c| c.split_whitespace())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase),
    );
    let inputs: Vec<&str> = owned.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(pw, &inputs);
    let score = match entropy.score() {
        Score::Zero => 0,
        Score::One => 1,
        Score::Two => 2,
        Score::Three => 3,
        _ => 4,
    };
    let mut problems = Vec::new();
    if pw.chars().count() < MIN_LENGTH {
        problems.push("too_short".to_string());
    }
    if score < MIN_SCORE {
        problems.push("weak".to_string());
    }
    if leans_on_context(pw, &owned) {
        problems.push("user_input".to_string());
    }
    let mut suggestions = Vec::new();
    if let Some(fb) = entropy.feedback() {
        if let Some(w) = fb.warning() {
            problems.push(warning_code(w).to_string());
        }
        suggestions.extend(
            fb.suggestions()
                .iter()
                .map(|s| suggestion_code(*s).to_string()),
        );
    }
    if problems.iter().any(|p| p == "too_short")
        && !suggestions.iter().any(|s| s == "add_another_word")
    {
        suggestions.push("add_another_word".into());
    }
    let acceptable = !problems
        .iter()
        .any(|p| p == "too_short" || p == "weak" || p == "user_input");
    if problems.iter().any(|p| p == "user_input") {
        suggestions.push("avoid_user_input".into());
    }
    if acceptable {
        // A strong password may still carry a mild zxcvbn remark; do not nag about it.
        problems.clear();
    }
    Assessment {
        score,
        acceptable,
        problems,
        suggestions,
        min_length: MIN_LENGTH,
    }
}

/// Whether little is left of the password once the context words (the user's name, the product)
/// are taken out: zxcvbn alone misses some Kazakh words.
fn leans_on_context(pw: &str, context: &[String]) -> bool {
    let mut rest: String = pw
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    for word in context {
        let w: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        if w.chars().count() >= 3 {
            rest = rest.replace(&w, "");
        }
    }
    rest.chars().count() < MIN_LENGTH / 2
}

/// Check a new password and its repetition; the error says what to fix.
pub fn check_new(password: &Password, repeated: &Password, context: &[&str]) -> Result<()> {
    if password.is_empty() {
        return Err(Error::PasswordEmpty);
    }
    if password != repeated {
        return Err(Error::PasswordMismatch);
    }
    let a = assess(password, context);
    if !a.acceptable {
        return Err(Error::PasswordWeak {
            problems: a.problems,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Assessment {
        assess(&Password::new(s), &["Айгүл Серікова"])
    }

    #[test]
    fn common_and_short_passwords_are_refused_with_reasons() {
        let r = a("password");
        assert!(!r.acceptable);
        assert!(r.problems.contains(&"too_short".to_string()));
        assert!(r
            .problems
            .iter()
            .any(|p| p == "top10" || p == "top100" || p == "common"));
        assert!(!a("P@ssw0rd2024").acceptable);
        assert!(!a("qwertyuiop123").acceptable);
        assert!(!a("").acceptable);
        assert_eq!(a("").problems, vec!["empty"]);
    }

    #[test]
    fn the_users_own_name_does_not_make_a_password() {
        assert!(!a("Серікова Айгүл").acceptable);
    }

    #[test]
    fn a_phrase_of_words_is_accepted_in_any_script() {
        assert!(a("correct horse battery staple").acceptable);
        assert!(a("тауда қар жауды кеше түнде").acceptable);
        assert!(a("зелёный трамвай едет медленно").acceptable);
    }

    #[test]
    fn check_new_names_the_first_problem() {
        let p = Password::new("correct horse battery staple");
        assert!(check_new(&p, &p.clone(), &[]).is_ok());
        assert!(matches!(
            check_new(&p, &Password::new("other"), &[]),
            Err(Error::PasswordMismatch)
        ));
        assert!(matches!(
            check_new(&Password::new(""), &Password::new(""), &[]),
            Err(Error::PasswordEmpty)
        ));
        let w = Password::new("12345678");
        assert!(matches!(
            check_new(&w, &w.clone(), &[]),
            Err(Error::PasswordWeak { .. })
        ));
    }
}
