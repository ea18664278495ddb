//! The CLI contract: exit codes, one-sentence errors, stdin secrets, JSON shapes.

use assert_cmd::Command;

mod common;
use predicates::prelude::*;
use std::path::Path;

const PW: &str = "correct horse battery staple";
const NEW_PW: &str = "тауда қар жауды кеше түнде";

fn derbes(vault: &Path) -> Command {
    let mut c = Command::cargo_bin("derbes").unwrap();
    // The sentences the tests read are English whatever the machine's locale.
    c.arg("--vault")
        .arg(vault)
        .env_remove("DERBES_VAULT")
        .env("DERBES_LANG", "en");
    c
}

/// Create a vault and return its recovery key (from the JSON output).
fn init(vault: &Path) -> String {
    let out = derbes(vault)
        .args([
            "--password-stdin",
            "--json",
            "init",
            "--name",
            "Айгүл Серікова",
        ])
        .write_stdin(format!("{PW}\n"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["recoveryKey"].as_str().unwrap().to_string()
}

/// stderr must be exactly one sentence, with no debug output or SQLCipher noise.
fn one_sentence(stderr: &[u8]) -> String {
    let s = String::from_utf8_lossy(stderr).trim_end().to_string();
    assert_eq!(s.lines().count(), 1, "stderr should be one line: {s:?}");
    assert!(s.ends_with('.'), "a sentence ends with a full stop: {s:?}");
    assert!(!s.contains("Error(") && !s.contains("panicked"), "{s:?}");
    s
}

#[test]
fn init_prints_the_recovery_key_once_and_unlock_check_passes() {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["--password-stdin", "init", "--name", "Test"])
        .write_stdin(format!("{PW}\n"))
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){7}").unwrap());
    derbes(&v)
        .args(["--password-stdin", "unlock-check"])
        .write_stdin(format!("{PW}\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("intact"));
}

#[test]
fn user_errors_exit_1_with_one_sentence() {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    init(&v);
    let out = derbes(&v)
        .args(["--password-stdin", "unlock-check"])
        .write_stdin("nope nope nope\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_sentence(&out.stderr).contains("password does not open"));

    // init over an existing vault is refused.
    let out = derbes(&v)
        .args(["--password-stdin", "init"])
        .write_stdin(format!("{PW}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_sentence(&out.stderr).contains("never overwrites"));

    // A weak password at init, in a new folder.
    let out = derbes(&t.path().join("other"))
        .args(["--password-stdin", "init"])
        .write_stdin("12345\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_sentence(&out.stderr).contains("too weak"));
    assert!(!t.path().join("other").exists());

    // An empty password.
    let out = derbes(&t.path().join("other"))
        .args(["--password-stdin", "init"])
        .write_stdin("\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    one_sentence(&out.stderr);

    // Not a vault.
    let out = derbes(t.path())
        .args(["--password-stdin", "unlock-check"])
        .write_stdin(format!("{PW}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_sentence(&out.stderr).contains("not a Derbes vault"));

    // A damaged database.
    let db = v.join("vault.db");
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[5000] ^= 1;
    std::fs::write(&db, &bytes).unwrap();
    let out = derbes(&v)
        .args(["--password-stdin", "unlock-check"])
        .write_stdin(format!("{PW}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_sentence(&out.stderr).contains("damaged"));
}

#[test]
fn usage_errors_exit_2() {
    let t = tempfile::tempdir().unwrap();
    derbes(t.path()).arg("frobnicate").assert().code(2);
    derbes(t.path()).args(["journal"]).assert().code(2);
}

#[test]
fn json_errors_carry_a_code() {
    let t = tempfile::tempdir().unwrap();
    let out = derbes(t.path())
        .args(["--json", "--password-stdin", "unlock-check"])
        .write_stdin(format!("{PW}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let e: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(e["error"]["code"], "not_a_vault");
}

#[test]
fn passwd_with_the_password_and_with_the_recovery_key() {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    let rk = init(&v);
    derbes(&v)
        .args(["--password-stdin", "passwd"])
        .write_stdin(format!("{PW}\n{NEW_PW}\n"))
        .assert()
        .success();
    derbes(&v)
        .args(["--password-stdin", "unlock-check"])
        .write_stdin(format!("{PW}\n"))
        .assert()
        .code(1);
    derbes(&v)
        .args(["--password-stdin", "unlock-check"])
        .write_stdin(format!("{NEW_PW}\n"))
        .assert()
        .success();

    // Forgotten password: the recovery key sets a new one.
    let third = "зелёный трамвай едет медленно";
    derbes(&v)
        .args(["--recovery-key-stdin", "passwd"])
        .write_stdin(format!("{}\n{third}\n", rk.to_lowercase()))
        .assert()
        .success();
    derbes(&v)
        .args(["--password-stdin", "unlock-check"])
        .write_stdin(format!("{third}\n"))
        .assert()
        .success();
    derbes(&v)
        .args(["--recovery-key-stdin", "unlock-check"])
        .write_stdin(format!("{rk}\n"))
        .assert()
        .success();
    let out = derbes(&v)
        .args(["--recovery-key-stdin", "unlock-check"])
        .write_stdin("AAAA-AAAA\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(one_sentence(&out.stderr).contains("not a valid recovery key"));

    let out = derbes(&v)
        .args(["--password-stdin", "--json", "journal", "list"])
        .write_stdin(format!("{third}\n"))
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actions: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"vault.password_changed"));
    assert!(actions.contains(&"vault.recovery_key_used"));
    assert!(actions.contains(&"vault.unlock_failed"));
    assert!(list.as_array().unwrap().iter().all(|e| e["id"].is_i64()));
}

#[test]
fn journal_verify_reports_an_intact_chain_and_list_honours_limit() {
    // The CLI reports what the core finds; here the chain is intact, and --limit bounds the list.
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    init(&v);
    derbes(&v)
        .args(["--password-stdin", "journal", "verify"])
        .write_stdin(format!("{PW}\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("intact"));
    let out = derbes(&v)
        .args([
            "--password-stdin",
            "--json",
            "journal",
            "list",
            "--limit",
            "1",
        ])
        .write_stdin(format!("{PW}\n"))
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn no_secret_is_ever_printed_except_the_recovery_key_at_init() {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    let rk = init(&v);
    for args in [
        &["--password-stdin", "unlock-check"][..],
        &["--password-stdin", "journal", "list"],
        &["--password-stdin", "--json", "journal", "list"],
    ] {
        let out = derbes(&v)
            .args(args)
            .write_stdin(format!("{PW}\n"))
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        let text = String::from_utf8_lossy(&all);
        assert!(
            !text.contains(PW) && !text.contains(&rk),
            "{args:?} printed a secret"
        );
    }
}

/// kill -9 at several points of a password change (during the unlock, the new slot's Argon2,
/// the atomic rewrite of keyslots): the vault opens afterwards with the old password or the new
/// one — never neither — and its files and journal are intact.
#[cfg(unix)]
#[test]
fn a_killed_password_change_leaves_the_old_or_the_new_password() {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    init(&v);
    let mut current = PW;
    for delay_ms in [150u64, 450, 700, 900, 1100, 1400] {
        let next = if current == PW { NEW_PW } else { PW };
        let mut child = common::spawn_derbes(
            &v,
            &["--password-stdin", "passwd"],
            &format!("{current}\n{next}\n"),
        );
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let opens = |pw: &str| {
            derbes(&v)
                .args(["--password-stdin", "unlock-check"])
                .write_stdin(format!("{pw}\n"))
                .output()
                .unwrap()
                .status
                .success()
        };
        let (old, new) = (opens(current), opens(next));
        assert!(
            old ^ new,
            "after a kill at {delay_ms} ms: old password opens: {old}, new opens: {new}"
        );
        if new {
            current = next;
        }
    }
}

/// The CLI's own words follow the language asked for — `--lang`, else the locale — in its
/// confirmations and its refusals alike; the data it prints (paths, keys) stays as it is.
#[test]
fn confirmations_and_refusals_speak_kazakh_and_russian() {
    let t = tempfile::tempdir().unwrap();
    let speak = |vault: &Path, lang: Option<&str>, locale: &str, args: &[&str]| {
        let mut c = derbes(vault);
        common::speaking(&mut c, lang, locale)
            .arg("--password-stdin")
            .args(args)
            .write_stdin(format!("{PW}\n"))
            .output()
            .unwrap()
    };
    let stdout = |out: std::process::Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let refusal = |out: std::process::Output| {
        assert_eq!(out.status.code(), Some(1));
        one_sentence(&out.stderr)
    };

    let kk = t.path().join("kk");
    let said = stdout(speak(&kk, Some("kk"), "C", &["init", "--name", "Test"]));
    assert!(
        said.starts_with(&format!("Қойма құрылды: {}.\n", kk.display())),
        "{said}"
    );
    assert!(said.contains("Қалпына келтіру кілті (бір рет қана көрсетіледі"));
    assert_eq!(
        refusal(speak(&kk, Some("kk"), "ru_RU.UTF-8", &["destroy", "1"])),
        "Мұны кері қайтару мүмкін емес; растау үшін --yes қосыңыз."
    );

    let ru = t.path().join("ru");
    let said = stdout(speak(&ru, None, "ru_RU.UTF-8", &["init", "--name", "Test"]));
    assert!(
        said.starts_with(&format!("Хранилище создано в папке {}.\n", ru.display())),
        "{said}"
    );
    assert_eq!(
        stdout(speak(
            &ru,
            None,
            "ru_RU.UTF-8",
            &["demo", "--subjects", "2"]
        )),
        "Добавлено 2 вымышленных лица.\n"
    );
    assert_eq!(
        refusal(speak(&ru, None, "ru_RU.UTF-8", &["destroy", "1"])),
        "Это нельзя отменить; для подтверждения добавьте --yes."
    );
    // --lang wins over the locale, and English is what it always was.
    assert_eq!(
        refusal(speak(&ru, Some("en"), "ru_RU.UTF-8", &["destroy", "1"])),
        "This cannot be undone; add --yes to confirm."
    );
}
