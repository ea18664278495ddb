//! What the app holds between commands: at most one unlocked vault, the folder of the vault
//! being shown on the unlock screen, a just-created recovery key awaiting confirmation, and the
//! idle timer. Locking drops the vault (and with it the database key).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use derbes_core::vault::clipboard::{ClipboardBackend, SensitiveClipboard};
use derbes_core::vault::idle::IdleTimer;
use derbes_core::vault::recent::RecentVaults;
use derbes_core::vault::shares::RecoveryShare;
use derbes_core::{demo, Error, RecoveryKey, Result, Vault};

/// Everything behind one lock: commands run one at a time against the vault.
#[derive(Default)]
pub struct Session {
    /// The unlocked vault, if any.
    pub vault: Option<Vault>,
    /// The vault folder the unlock screen offers (last used, or chosen).
    pub selected: Option<PathBuf>,
    /// A new vault's recovery key until the user types its last group back.
    pub pending_recovery: Option<RecoveryKey>,
    /// When to lock for inactivity.
    pub idle: Option<IdleTimer>,
    /// The shares of a recovery key just split, until they are saved as a PDF or the vault
    /// locks; never written anywhere else.
    pub pending_shares: Option<Vec<RecoveryShare>>,
}

/// The system clipboard through `arboard`, opened when first used and kept (on Linux the copied
/// text lives as long as this process holds the clipboard).
#[derive(Default)]
struct SystemClipboard(Option<arboard::Clipboard>);

impl SystemClipboard {
    fn board(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.0.is_none() {
            self.0 = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
        }
        self.0.as_mut().ok_or_else(|| "no clipboard".to_string())
    }
}

impl ClipboardBackend for SystemClipboard {
    fn set(&mut self, text: &str) -> Result<(), String> {
        self.board()?.set_text(text).map_err(|e| e.to_string())
    }
    fn get(&mut self) -> Option<String> {
        self.board().ok()?.get_text().ok()
    }
    fn clear(&mut self) -> Result<(), String> {
        self.board()?.clear().map_err(|e| e.to_string())
    }
}

/// The clipboard and what Derbes last put on it.
#[derive(Default)]
struct Clipboard {
    system: SystemClipboard,
    sensitive: SensitiveClipboard,
}

/// Managed Tauri state.
pub struct AppState {
    session: Mutex<Session>,
    clipboard: Mutex<Clipboard>,
    /// Where recently opened vaults are remembered.
    pub recent: RecentVaults,
}

impl AppState {
    /// State with the recent-vaults list stored at `recent`.
    pub fn new(recent: RecentVaults) -> Self {
        let selected = recent.list().into_iter().next().map(|r| r.path);
        Self {
            session: Mutex::new(Session {
                selected,
                ..Session::default()
            }),
            recent,
            clipboard: Mutex::new(Clipboard::default()),
        }
    }

    /// Put a revealed value on the clipboard; the copy's number, for [`AppState::expire_sensitive`].
    pub fn copy_sensitive(&self, value: &str) -> Result<u64> {
        let mut c = self.clipboard.lock().unwrap_or_else(|p| p.into_inner());
        let Clipboard { system, sensitive } = &mut *c;
        sensitive
            .copy(system, value)
            .map_err(|detail| Error::Io { detail })
    }

    /// The copy's time is up: clear it if it is still on the clipboard.
    pub fn expire_sensitive(&self, copy: u64) {
        let mut c = self.clipboard.lock().unwrap_or_else(|p| p.into_inner());
        let Clipboard { system, sensitive } = &mut *c;
        sensitive.expire(system, copy);
    }

    /// The vault locked: clear what Derbes put on the clipboard, if it is still there.
    pub fn clear_sensitive(&self) {
        let mut c = self.clipboard.lock().unwrap_or_else(|p| p.into_inner());
        let Clipboard { system, sensitive } = &mut *c;
        sensitive.clear_if_ours(system);
    }

    /// The session; a poisoned lock (a panic elsewhere) still yields the data.
    pub fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Session {
    /// The unlocked vault, or the "locked" error.
    pub fn vault(&self) -> Result<&Vault> {
        self.vault.as_ref().ok_or(Error::Locked)
    }

    /// The unlocked vault, mutably, or the "locked" error.
    pub fn vault_mut(&mut self) -> Result<&mut Vault> {
        self.vault.as_mut().ok_or(Error::Locked)
    }

    /// Install a freshly unlocked vault and start its idle timer.
    pub fn open(&mut self, vault: Vault) -> Result<()> {
        let minutes = vault.auto_lock_minutes()?;
        self.idle = Some(IdleTimer::new(minutes));
        if !vault.is_demo() {
            self.selected = Some(vault.dir().to_path_buf());
        }
        self.vault = Some(vault);
        Ok(())
    }

    /// Lock whatever is open; a demo vault is deleted rather than kept.
    pub fn lock(&mut self, reason: &str) -> Result<()> {
        self.idle = None;
        self.pending_recovery = None;
        self.pending_shares = None;
        match self.vault.take() {
            Some(v) if v.is_demo() => demo::discard(v),
            Some(v) => v.lock(reason),
            None => Ok(()),
        }
    }
}
