//! `derbes user …` and `--user NAME`: two people, two passwords, one vault.

use assert_cmd::Command;
use std::path::Path;

const PW: &str = "correct horse battery staple";
const STAFF_PW: &str = "жаңбыр жауып тұр кеше де бүгін де";

fn derbes(vault: &Path) -> Command {
    let mut c = Command::cargo_bin("derbes").unwrap();
    c.arg("--vault")
        .arg(vault)
        .arg("--password-stdin")
        .env_remove("DERBES_VAULT")
        .env_remove("DERBES_USER")
        .env("DERBES_LANG", "en");
    c
}

fn run(vault: &Path, stdin: &str, args: &[&str]) -> std::process::Output {
    derbes(vault)
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap()
}

fn ok(vault: &Path, stdin: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = run(vault, stdin, &all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let vault = t.path().join("Кеңсе қоймасы");
    ok(&vault, &format!("{PW}\n"), &["init", "--name", "Айгүл"]);
    // Her password to unlock, then the new user's.
    let added = ok(
        &vault,
        &format!("{PW}\n{STAFF_PW}\n"),
        &["user", "add", "Дана", "--role", "staff"],
    );
    assert_eq!(added["role"], "staff");
    (t, vault)
}

#[test]
fn each_user_unlocks_with_their_own_password_and_the_journal_names_them() {
    let (_t, vault) = setup();
    let users = ok(&vault, &format!("{PW}\n"), &["user", "list"]);
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Айгүл", "Дана"]);

    let check = ok(
        &vault,
        &format!("{STAFF_PW}\n"),
        &["--user", "Дана", "unlock-check"],
    );
    assert_eq!(check["user"], "Дана");
    // Without --user the password still finds its slot.
    let check = ok(&vault, &format!("{STAFF_PW}\n"), &["unlock-check"]);
    assert_eq!(check["user"], "Дана");
    // Her password under Aigerim's name opens nothing.
    let out = run(
        &vault,
        &format!("{STAFF_PW}\n"),
        &["--user", "Айгүл", "unlock-check"],
    );
    assert_eq!(out.status.code(), Some(1));

    let journal = ok(&vault, &format!("{PW}\n"), &["journal", "list"]);
    let who: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "vault.unlocked")
        .filter_map(|e| e["userName"].as_str())
        .collect();
    assert!(who.contains(&"Дана") && who.contains(&"Айгүл"), "{who:?}");
}

#[test]
fn staff_are_refused_destruction_and_user_management_in_one_sentence() {
    let (_t, vault) = setup();
    let person = ok(
        &vault,
        &format!("{STAFF_PW}\n"),
        &[
            "--user",
            "Дана",
            "subject",
            "add",
            "--basis",
            "art9:10",
            "--law",
            "Test law",
            "--kind",
            "beneficiary",
            "surname=Ахметова",
            "name=Гүлнар",
        ],
    );
    let number = person["number"].to_string();
    for args in [
        vec!["destroy", number.as_str(), "--yes"],
        vec!["user", "add", "Ерлан"],
        vec!["user", "remove", "Айгүл", "--yes"],
    ] {
        let mut all = vec!["--user", "Дана"];
        all.extend(args.iter().copied());
        let out = run(&vault, &format!("{STAFF_PW}\n{STAFF_PW}\n"), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("Only the responsible person may"), "{err}");
        assert_eq!(err.trim().lines().count(), 1);
    }
    // The person is still there.
    let shown = ok(&vault, &format!("{PW}\n"), &["subject", "show", &number]);
    assert_eq!(shown["number"].to_string(), number);
}

#[test]
fn a_removed_user_is_locked_out_and_a_forgotten_password_is_replaced() {
    let (_t, vault) = setup();
    let new = "көктем келді қар еріді өзен тасыды";
    ok(
        &vault,
        &format!("{PW}\n{new}\n"),
        &["user", "passwd", "Дана"],
    );
    assert_eq!(
        run(&vault, &format!("{STAFF_PW}\n"), &["unlock-check"])
            .status
            .code(),
        Some(1)
    );
    ok(
        &vault,
        &format!("{new}\n"),
        &["--user", "дана", "unlock-check"],
    );

    let out = run(&vault, &format!("{PW}\n"), &["user", "remove", "Дана"]);
    assert_eq!(out.status.code(), Some(1), "removal needs --yes");
    ok(
        &vault,
        &format!("{PW}\n"),
        &["user", "remove", "Дана", "--yes"],
    );
    let out = run(&vault, &format!("{new}\n"), &["unlock-check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("password does not open"));
    let out = run(
        &vault,
        &format!("{PW}\n"),
        &["user", "remove", "Айгүл", "--yes"],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn removing_with_rekey_keeps_everyone_else_in() {
    let (_t, vault) = setup();
    let done = ok(
        &vault,
        &format!("{PW}\n"),
        &["user", "remove", "Дана", "--yes", "--rekey"],
    );
    assert_eq!(done["rekeyed"], true);
    ok(
        &vault,
        &format!("{PW}\n"),
        &["--user", "Айгүл", "unlock-check"],
    );
    let journal = ok(&vault, &format!("{PW}\n"), &["journal", "verify"]);
    assert_eq!(journal["ok"], true);
    let again = ok(&vault, &format!("{PW}\n"), &["rekey"]);
    assert_eq!(again["slots"], 2);
}
