//! Backups from the command line: backup, verify, destroy, restore with replay; refusals that
//! change nothing; kill -9 and a full disk during a backup and a restore.

mod common;
use common::{derbes, ok, refused};
use std::path::{Path, PathBuf};

fn setup(people: usize) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    ok(
        &v,
        &["demo", "--subjects", &people.to_string(), "--seed", "7"],
    );
    (t, v)
}

fn count(v: &Path) -> usize {
    ok(v, &["subject", "list"]).as_array().unwrap().len()
}

/// `derbes` with no vault (verify, restore), the password on stdin.
fn bare() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("derbes").unwrap();
    c.arg("--password-stdin")
        .env_remove("DERBES_VAULT")
        .env("DERBES_LANG", "en")
        .write_stdin(format!("{}\n", common::PW));
    c
}

fn bare_json(args: &[&str]) -> serde_json::Value {
    let out = bare().arg("--json").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn bare_refused(args: &[&str]) -> String {
    let out = bare().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?} should be refused");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    err
}

#[test]
fn backup_verify_destroy_and_restore_with_replay() {
    let (t, v) = setup(60);
    let stick = t.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let file = stick.join("office.derbes-backup");
    let f = file.to_str().unwrap();
    let made = ok(&v, &["backup", "--out", f]);
    assert_eq!(made["people"], 60);
    assert!(stick.join("office.derbes-log").is_file());
    // Never over a file silently.
    let err = refused(&v, &["backup", "--out", f]);
    assert!(err.contains("already there"), "{err}");
    let verified = bare_json(&["backup", "verify", f]);
    assert_eq!(verified["header"]["people"], 60);

    ok(&v, &["destroy", "1", "2", "3", "--yes"]);
    let status = ok(&v, &["backup", "status"]);
    assert_eq!(status["holdingEnded"].as_array().unwrap().len(), 1);

    // The stick's log predates the destruction; the vault's own log knows it.
    let plain = t.path().join("plain");
    let r = bare_json(&["restore", f, "--to", plain.to_str().unwrap()]);
    assert_eq!(
        (r["people"].as_i64(), r["replayed"]["acts"].as_i64()),
        (Some(60), Some(0))
    );
    let to = t.path().join("restored");
    let r = bare_json(&[
        "restore",
        f,
        "--to",
        to.to_str().unwrap(),
        "--replay",
        v.to_str().unwrap(),
    ]);
    assert_eq!(r["replayed"]["people"], 3);
    assert_eq!(count(&to), 57);
    derbes(&to).arg("unlock-check").assert().success();
    // Restoring over a vault is refused and changes nothing.
    let err = bare_refused(&["restore", f, "--to", to.to_str().unwrap()]);
    assert!(err.contains("never overwrites"), "{err}");
    assert_eq!(count(&to), 57);

    // Replacing the stale backup clears the reminder to replace it.
    ok(&v, &["backup", "--out", f, "--replace"]);
    let status = ok(&v, &["backup", "status"]);
    assert_eq!(status["holdingEnded"].as_array().unwrap().len(), 0);
    assert_eq!(ok(&v, &["backup", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn a_damaged_or_foreign_backup_is_one_sentence_and_nothing_is_written() {
    let (t, v) = setup(20);
    let file = t.path().join("b.derbes-backup");
    ok(&v, &["backup", "--out", file.to_str().unwrap()]);
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 1;
    let bad = t.path().join("bad.derbes-backup");
    std::fs::write(&bad, &bytes).unwrap();
    let to = t.path().join("to");
    for args in [
        vec!["backup", "verify", bad.to_str().unwrap()],
        vec![
            "restore",
            bad.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    ] {
        let err = bare_refused(&args);
        assert!(err.contains("damaged"), "{err}");
    }
    let csv = t.path().join("people.csv");
    std::fs::write(&csv, "surname,name\nA,B\n").unwrap();
    let err = bare_refused(&["backup", "verify", csv.to_str().unwrap()]);
    assert!(err.contains("not a Derbes backup"), "{err}");
    assert!(!to.exists());
    // In Kazakh too.
    let out = bare()
        .args(["--lang", "kk", "backup", "verify", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("сақтық көшірмесі емес"));
}

/// kill -9 at several points of a backup and of a restore: the vault opens as it was, and the
/// target is either absent or whole (it verifies, or the restored vault opens).
#[cfg(unix)]
#[test]
fn a_killed_backup_or_restore_leaves_both_sides_as_they_were() {
    let (t, v) = setup(4000);
    let total = count(&v);
    let stdin = format!("{}\n", common::PW);
    for (i, delay_ms) in [150u64, 400, 600, 800, 1100].into_iter().enumerate() {
        let out = t.path().join(format!("k{i}.derbes-backup"));
        let mut child = common::spawn_derbes(
            &v,
            &["--password-stdin", "backup", "--out", out.to_str().unwrap()],
            &stdin,
        );
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        derbes(&v).arg("unlock-check").assert().success();
        assert_eq!(count(&v), total);
        if out.exists() {
            bare_json(&["backup", "verify", out.to_str().unwrap()]);
        }
    }
    let file = t.path().join("whole.derbes-backup");
    ok(&v, &["backup", "--out", file.to_str().unwrap()]);
    for (i, delay_ms) in [150u64, 400, 600, 800, 1100].into_iter().enumerate() {
        let to = t.path().join(format!("r{i}"));
        // restore needs no vault; --vault is only where the helper puts it.
        let mut child = common::spawn_derbes(
            &v,
            &[
                "--password-stdin",
                "restore",
                file.to_str().unwrap(),
                "--to",
                to.to_str().unwrap(),
            ],
            &stdin,
        );
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        if to.exists() {
            derbes(&to).arg("unlock-check").assert().success();
            assert_eq!(count(&to), total);
        }
        // A restore into the same folder afterwards goes through.
        if !to.exists() {
            bare_json(&[
                "restore",
                file.to_str().unwrap(),
                "--to",
                to.to_str().unwrap(),
            ]);
            assert_eq!(count(&to), total);
        }
    }
    derbes(&v).arg("unlock-check").assert().success();
}

/// A full disk while the backup is written and while a restore writes the vault: one sentence,
/// no file and no folder left, the vault as it was.
#[cfg(unix)]
#[test]
fn a_full_disk_during_a_backup_or_a_restore_changes_nothing() {
    let (t, v) = setup(3000);
    let total = count(&v);
    let db_kib = std::fs::metadata(v.join("vault.db")).unwrap().len() / 1024;
    let out = t.path().join("full.derbes-backup");
    let (code, err) =
        common::with_file_limit(&v, db_kib / 2, &["backup", "--out", out.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".derbes-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    derbes(&v).arg("unlock-check").assert().success();
    assert_eq!(count(&v), total);

    let file = t.path().join("whole.derbes-backup");
    ok(&v, &["backup", "--out", file.to_str().unwrap()]);
    let to = t.path().join("restored");
    let (code, err) = common::with_file_limit(
        &v,
        db_kib / 2,
        &[
            "restore",
            file.to_str().unwrap(),
            "--to",
            to.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert!(!to.exists());
    let hidden: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("restoring"))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}
