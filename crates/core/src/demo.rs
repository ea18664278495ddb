//! The demo vault: a newcomer sees the product at once, with made-up data only.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::error::Result;
use crate::journal::Action;
use crate::keyslots::{KdfParams, MIN_MEMORY_KIB};
use crate::secret::{random_bytes, Password};
use crate::vault::Vault;

/// A new folder for a demo vault under the system's temporary directory.
pub fn demo_folder() -> PathBuf {
    std::env::temp_dir().join(format!("derbes-demo-{}", uuid::Uuid::now_v7()))
}

/// Create and unlock a demo vault in `dir`. Its password is random and never shown: a demo is
/// opened once and discarded when locked ([`discard`]).
pub fn create(dir: &Path) -> Result<Vault> {
    let mut raw = [0u8; 32];
    random_bytes(&mut raw);
    let password = Password::new(hex::encode(raw));
    // The demo holds no real data, so it skips the half-second KDF.
    let cheap = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
    let (vault, _recovery) = Vault::create_unchecked(dir, "Demo", &password, cheap, true)?;
    vault.set_organisation_name("«Demo» NGO")?;
    vault.record(Action::DemoCreated, None, json!({}))?;
    Ok(vault)
}

/// Lock a demo vault and delete its folder. Refuses (and only locks) a vault that is not a demo.
pub fn discard(vault: Vault) -> Result<()> {
    let is_demo = vault.is_demo();
    let dir = vault.dir().to_path_buf();
    vault.lock("exit")?;
    if is_demo {
        std::fs::remove_dir_all(dir)?;
    }
    Ok(())
}
