//! The list of recently opened vault folders, kept in the app's config folder.
//!
//! Paths only — no names of people, nothing from inside a vault — so it can live outside the
//! encryption. The most recent comes first; folders that are no longer vaults drop out.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::vault::{display_name, looks_like_vault};

const MAX: usize = 8;

/// A vault the user opened before.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RecentVault {
    /// The vault folder.
    pub path: PathBuf,
    /// Its display name (the folder's name).
    pub name: String,
}

/// The recent-vaults file at `file`.
#[derive(Debug, Clone)]
pub struct RecentVaults {
    file: PathBuf,
}

impl RecentVaults {
    /// Use `file` (e.g. `~/.config/kz.derbes.app/recent-vaults.json`).
    pub fn at(file: PathBuf) -> Self {
        Self { file }
    }

    /// The remembered vaults that still exist, most recent first.
    pub fn list(&self) -> Vec<RecentVault> {
        let paths: Vec<PathBuf> = fs::read(&self.file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        paths
            .into_iter()
            .filter(|p| looks_like_vault(p))
            .map(|p| RecentVault {
                name: display_name(&p),
                path: p,
            })
            .collect()
    }

    /// Put `dir` first. Best effort: failing to remember a vault must not stop anyone using it.
    pub fn remember(&self, dir: &Path) {
        let mut paths: Vec<PathBuf> = self
            .list()
            .into_iter()
            .map(|r| r.path)
            .filter(|p| p != dir)
            .collect();
        paths.insert(0, dir.to_path_buf());
        paths.truncate(MAX);
        if let Some(parent) = self.file.parent() {
            let _ = fs::create_dir_all(parent);
        }
        if let Ok(bytes) = serde_json::to_vec_pretty(&paths) {
            let tmp = self.file.with_extension("tmp");
            if fs::write(&tmp, bytes).is_ok() {
                let _ = fs::rename(tmp, &self.file);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{KdfParams, Password, Vault};

    #[test]
    fn remembers_vaults_most_recent_first_and_forgets_vanished_ones() {
        let t = tempfile::tempdir().unwrap();
        let r = RecentVaults::at(t.path().join("cfg/recent.json"));
        assert!(r.list().is_empty());
        let pw = Password::new("correct horse battery staple");
        let cheap = KdfParams {
            memory_kib: crate::vault::keyslots::MIN_MEMORY_KIB,
            iterations: 1,
            parallelism: 1,
        };
        let a = t.path().join("A");
        let b = t.path().join("B");
        for d in [&a, &b] {
            Vault::create(d, "X", &pw, &pw.clone(), cheap)
                .unwrap()
                .0
                .lock("manual")
                .unwrap();
        }
        r.remember(&a);
        r.remember(&b);
        r.remember(&a);
        let names: Vec<String> = r.list().into_iter().map(|v| v.name).collect();
        assert_eq!(names, ["A", "B"]);
        fs::remove_dir_all(&b).unwrap();
        assert_eq!(r.list().len(), 1);
        r.remember(&t.path().join("not-a-vault"));
        assert_eq!(r.list().len(), 1);
    }
}
