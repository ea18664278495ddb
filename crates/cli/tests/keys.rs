//! Keys people can keep, from the command line: a key file as a second factor, a new recovery
//! key, and a recovery key split among trusted people.

mod common;
use common::{derbes, ok, PW};

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    (t, v)
}

fn with_stdin(v: &std::path::Path, stdin: &str, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("derbes")
        .unwrap()
        .arg("--vault")
        .arg(v)
        .env_remove("DERBES_VAULT")
        .env("DERBES_LANG", "en")
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap()
}

#[test]
fn a_key_file_is_needed_once_set_and_can_be_given_up() {
    let (t, v) = setup();
    let key = t.path().join("stick.derbes-key");
    let k = key.to_str().unwrap();
    ok(&v, &["key-file", "set", "--out", k]);
    let out = derbes(&v).arg("unlock-check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs its key file"), "{err}");
    derbes(&v)
        .args(["--key-file", k, "unlock-check"])
        .assert()
        .success();
    // A password change keeps the key file.
    let new_pw = "a new passphrase for the key file test 5";
    let out = with_stdin(
        &v,
        &format!("{PW}\n{new_pw}\n"),
        &["--password-stdin", "--key-file", k, "passwd"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = with_stdin(
        &v,
        &format!("{new_pw}\n"),
        &["--password-stdin", "unlock-check"],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("key file"));
    let out = with_stdin(
        &v,
        &format!("{new_pw}\n"),
        &["--password-stdin", "--key-file", k, "key-file", "remove"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = with_stdin(
        &v,
        &format!("{new_pw}\n"),
        &["--password-stdin", "unlock-check"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_split_recovery_key_opens_with_any_two_shares_and_the_pdf_has_a_page_each() {
    let (t, v) = setup();
    let pdf = t.path().join("shares.pdf");
    let shares = ok(
        &v,
        &[
            "recovery-key",
            "split",
            "--threshold",
            "2",
            "--holder",
            "Гүлнар",
            "--holder",
            "Ерлан",
            "--holder",
            "Dana",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    let texts: Vec<String> = shares
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts.len(), 3);
    let pdf_bytes = std::fs::read(&pdf).unwrap();
    assert!(pdf_bytes.starts_with(b"%PDF"));
    let pages = pdf_bytes
        .windows(10)
        .filter(|w| w == b"/Type /Pag" || w == b"/Type/Page")
        .count();
    assert!(pages >= 3, "{pages}");

    let out = with_stdin(
        &v,
        &format!("{}\n{}\n\n", texts[2], texts[0]),
        &["--shares-stdin", "unlock-check"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = with_stdin(
        &v,
        &format!("{}\n", texts[1]),
        &["--shares-stdin", "unlock-check"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs 2 shares"));
    // Forgot the password: two shares and a new one.
    let new_pw = "after the shares a new passphrase 11";
    let out = with_stdin(
        &v,
        &format!("{}\n{}\n\n{new_pw}\n", texts[0], texts[1]),
        &["--shares-stdin", "passwd"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = with_stdin(
        &v,
        &format!("{new_pw}\n"),
        &["--password-stdin", "unlock-check"],
    );
    assert!(out.status.success());

    // A new whole recovery key replaces the split.
    let out = with_stdin(
        &v,
        &format!("{new_pw}\n"),
        &["--password-stdin", "--json", "recovery-key", "new"],
    );
    assert!(out.status.success());
    let key: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = with_stdin(
        &v,
        &format!("{}\n{}\n\n", texts[0], texts[1]),
        &["--shares-stdin", "unlock-check"],
    );
    assert_eq!(out.status.code(), Some(1));
    let out = with_stdin(
        &v,
        &format!("{}\n", key["recoveryKey"].as_str().unwrap()),
        &["--recovery-key-stdin", "unlock-check"],
    );
    assert!(out.status.success());
}
