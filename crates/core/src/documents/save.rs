//! Saving a generated document or an export where the user chose: whole or not at all,
//! replacing a file only when told to, undoably until the action's record is committed, and
//! sweeping what an interrupted save left behind; and the free path to offer for a new file.

use std::fs;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What to do when a file is already at the path chosen for a document or an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IfExists {
    /// Refuse with [`Error::FileExists`]: the default, so an earlier act or a file already sent
    /// to a donor is never lost by saving a second one under the same name.
    Refuse,
    /// Replace it: the user confirmed (the system's save dialog asks, or the user said so).
    Replace,
}

/// Check that a document can be saved at `path`: its folder exists and, unless the user said to
/// replace it, no file is there yet. [`save`] checks again; this lets a slow export fail before
/// the work.
pub fn check_target(path: &Path, if_exists: IfExists) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(Error::invalid("path", "save_folder_missing"));
    }
    if path.is_dir() {
        return Err(Error::invalid("path", "save_path_is_folder"));
    }
    if if_exists == IfExists::Refuse && fs::symlink_metadata(path).is_ok() {
        return Err(Error::FileExists);
    }
    Ok(())
}

/// Write a generated document where the user chose, whole or not at all (a temporary file in
/// the same folder, then a rename), so a full disk leaves no half-written document behind. An
/// existing file is replaced only when `if_exists` says so.
pub fn save(path: &Path, bytes: &[u8], if_exists: IfExists) -> Result<()> {
    save_undoably(path, bytes, if_exists)?.keep();
    Ok(())
}

/// A document written by [`save_undoably`]: in place, with the file it replaced (if any) kept
/// aside until [`Saved::keep`] drops it or [`Saved::undo`] puts it back. Dropped without either,
/// it undoes (a panic between the write and the commit must not leave a file the ledger lacks).
#[must_use = "keep() or undo() the saved file"]
pub(crate) struct Saved {
    path: std::path::PathBuf,
    replaced: Option<std::path::PathBuf>,
    settled: bool,
}

impl Saved {
    /// The file stays; the one it replaced is deleted.
    pub(crate) fn keep(mut self) {
        self.settled = true;
        if let Some(old) = &self.replaced {
            let _ = fs::remove_file(old);
        }
    }

    /// The file goes and the one it replaced, if any, comes back: for an action whose record
    /// could not be committed (an export and its ledger entry are kept together or not at all).
    pub(crate) fn undo(mut self) {
        self.settle_by_undoing();
    }

    fn settle_by_undoing(&mut self) {
        self.settled = true;
        match &self.replaced {
            // One rename: the path is never without a file.
            Some(old) => {
                let _ = fs::rename(old, &self.path);
            }
            None => {
                let _ = fs::remove_file(&self.path);
            }
        }
    }
}

impl Drop for Saved {
    fn drop(&mut self) {
        if !self.settled {
            self.settle_by_undoing();
        }
    }
}

/// [`save`], keeping what it replaced until the caller knows whether the action stands.
///
/// The path always holds a whole file: a new one appears by a link that fails if anything is
/// already there (no window between a check and the write), and a replaced one is first linked
/// (or, on file systems without links, copied) aside, then replaced by one rename.
pub(crate) fn save_undoably(path: &Path, bytes: &[u8], if_exists: IfExists) -> Result<Saved> {
    save_undoably_with(path, if_exists, |f| f.write_all(bytes))
}

/// [`save_undoably`] for a file too large to hold in memory: `write` fills the temporary file
/// (a backup streams a whole vault into it); the rest is the same.
pub(crate) fn save_undoably_with(
    path: &Path,
    if_exists: IfExists,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<Saved> {
    check_target(path, if_exists)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    sweep_leftovers(dir);
    let tmp = dir.join(format!(".derbes-{}.part", uuid::Uuid::new_v4()));
    let aside = dir.join(format!(".derbes-{}.old", uuid::Uuid::new_v4()));
    let mut replaced = None;
    let written = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        write(&mut f)?;
        f.sync_all()?;
        drop(f);
        match if_exists {
            IfExists::Refuse => match fs::hard_link(&tmp, path) {
                Ok(()) => fs::remove_file(&tmp),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
                // No links here (FAT, exFAT): look, then rename.
                Err(_) => {
                    if fs::symlink_metadata(path).is_ok() {
                        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
                    }
                    fs::rename(&tmp, path)
                }
            },
            IfExists::Replace => {
                if fs::symlink_metadata(path).is_ok() {
                    if fs::hard_link(path, &aside).is_err() {
                        fs::copy(path, &aside)?;
                    }
                    replaced = Some(aside.clone());
                }
                fs::rename(&tmp, path)
            }
        }
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        if let Some(old) = &replaced {
            // The original is still in place (the rename failed): drop the spare.
            let _ = fs::remove_file(old);
        }
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(Error::FileExists);
        }
        return Err(e.into());
    }
    Ok(Saved {
        path: path.to_path_buf(),
        replaced,
        settled: false,
    })
}

/// How old a leftover of an interrupted save must be before a later save removes it: far longer
/// than any save takes, so another window's save in progress is never touched.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Remove what an interrupted save left in `dir` (a `.derbes-<uuid>.part` being written, a
/// `.derbes-<uuid>.old` set aside). They are hidden, and a consent form names a person, so they
/// must not linger. Only names of exactly that shape are touched; failures are ignored.
fn sweep_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = name
            .strip_prefix(".derbes-")
            .and_then(|rest| {
                rest.strip_suffix(".part")
                    .or_else(|| rest.strip_suffix(".old"))
            })
            .is_some_and(|id| uuid::Uuid::try_parse(id).is_ok());
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The path to offer for a new document: `name` in `dir`, or — when a file of that name is
/// already there — the first free "name (2).ext", "name (3).ext", …, so the suggestion never
/// points at a file the user would lose.
pub fn free_path(dir: &Path, name: &str) -> std::path::PathBuf {
    let first = dir.join(name);
    if fs::symlink_metadata(&first).is_err() {
        return first;
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    (2..10_000)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}
