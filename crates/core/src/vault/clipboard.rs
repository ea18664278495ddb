//! A revealed value copied to the clipboard does not stay there (product rule: no personal data
//! on the clipboard after 30 seconds). The value is cleared after [`CLEAR_AFTER`] and when the
//! vault locks — but only if the clipboard still holds what Derbes put there: something the user
//! copied since, from anywhere, is left alone.
//!
//! The rule is here; the app gives it a real clipboard ([`ClipboardBackend`]) and a timer.

use std::time::Duration;

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// How long a copied sensitive value may stay on the clipboard.
pub const CLEAR_AFTER: Duration = Duration::from_secs(30);

/// The system clipboard, as the app reaches it.
pub trait ClipboardBackend {
    /// Put text on the clipboard.
    fn set(&mut self, text: &str) -> Result<(), String>;
    /// The clipboard's text, if it holds text.
    fn get(&mut self) -> Option<String>;
    /// Empty the clipboard.
    fn clear(&mut self) -> Result<(), String>;
}

/// What Derbes last put on the clipboard: a hash of it (never the value) and a number, so a
/// timer started for an older copy does not clear a newer one early.
#[derive(Default)]
pub struct SensitiveClipboard {
    ours: Option<([u8; 32], u64)>,
    copies: u64,
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

impl SensitiveClipboard {
    /// Copy `value`; returns the copy's number, for [`SensitiveClipboard::expire`] after
    /// [`CLEAR_AFTER`].
    pub fn copy(&mut self, backend: &mut dyn ClipboardBackend, value: &str) -> Result<u64, String> {
        backend.set(value)?;
        self.copies += 1;
        self.ours = Some((digest(value), self.copies));
        Ok(self.copies)
    }

    /// The timer of copy `copy` ran out: clear the clipboard if that copy is the latest and the
    /// clipboard still holds it. Returns whether it was cleared.
    pub fn expire(&mut self, backend: &mut dyn ClipboardBackend, copy: u64) -> bool {
        match self.ours {
            Some((_, latest)) if latest == copy => self.clear_if_ours(backend),
            _ => false,
        }
    }

    /// The vault locks: clear the clipboard if it still holds what Derbes put there.
    pub fn clear_if_ours(&mut self, backend: &mut dyn ClipboardBackend) -> bool {
        let Some((hash, _)) = self.ours.take() else {
            return false;
        };
        let now = backend.get().map(Zeroizing::new);
        if now.as_deref().map(|t| digest(t)) == Some(hash) {
            return backend.clear().is_ok();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Fake(Option<String>);

    impl ClipboardBackend for Fake {
        fn set(&mut self, text: &str) -> Result<(), String> {
            self.0 = Some(text.into());
            Ok(())
        }
        fn get(&mut self) -> Option<String> {
            self.0.clone()
        }
        fn clear(&mut self) -> Result<(), String> {
            self.0 = None;
            Ok(())
        }
    }

    #[test]
    fn a_copied_value_is_cleared_when_its_time_is_up_unless_something_else_was_copied() {
        let (mut fake, mut clip) = (Fake::default(), SensitiveClipboard::default());
        let first = clip.copy(&mut fake, "900308400019").unwrap();
        assert!(clip.expire(&mut fake, first));
        assert_eq!(fake.0, None);

        // The user copied something else meanwhile: it stays.
        let second = clip.copy(&mut fake, "900308400019").unwrap();
        fake.0 = Some("a letter to the donor".into());
        assert!(!clip.expire(&mut fake, second));
        assert_eq!(fake.0.as_deref(), Some("a letter to the donor"));

        // An older copy's timer does not clear a newer copy early; locking clears it.
        let old = clip.copy(&mut fake, "A").unwrap();
        let new = clip.copy(&mut fake, "B").unwrap();
        assert!(!clip.expire(&mut fake, old));
        assert_eq!(fake.0.as_deref(), Some("B"));
        assert!(clip.clear_if_ours(&mut fake));
        assert_eq!(fake.0, None);
        assert!(!clip.expire(&mut fake, new));
    }
}
