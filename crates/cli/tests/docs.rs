//! The papers and the compliance pack from the command line: each paper in both languages, its
//! state, an undertaking for a user and for a marked employee, the pack, and refusals that
//! change nothing.

mod common;
use common::{derbes, ok, refused};

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Әлия Нұрова"])
        .assert()
        .success();
    ok(
        &v,
        &[
            "org",
            "set",
            "--name",
            "«Жәрдем» қоғамдық бірлестігі",
            "--responsible",
            "Әлия Нұрова",
            "--contacts",
            "+7 701 000 00 00",
            "--head",
            "Ерлан Сапаров",
            "--head-position",
            "Төраға",
        ],
    );
    (t, v)
}

#[test]
fn papers_in_both_languages_their_states_and_undertakings() {
    let (t, v) = setup();
    let list = ok(&v, &["docs", "list"]);
    let states: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states, ["never"; 5],
        "four papers and the user's undertaking"
    );
    for (paper, lang) in [
        ("policy", "kk"),
        ("inventory", "ru"),
        ("order", "kk"),
        ("retention", "ru"),
    ] {
        let out = t.path().join(format!("{paper}.pdf"));
        let made = ok(
            &v,
            &[
                "docs",
                paper,
                "--lang",
                lang,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(made["number"], 1);
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{paper} is a PDF");
    }
    let again = t.path().join("policy.pdf");
    let err = refused(&v, &["docs", "policy", "--out", again.to_str().unwrap()]);
    assert!(err.contains("already"), "{err}");
    ok(
        &v,
        &[
            "docs",
            "policy",
            "--replace",
            "--out",
            again.to_str().unwrap(),
        ],
    );

    // An employee who sees the data, then both undertakings.
    let clerk = ok(
        &v,
        &[
            "subject",
            "add",
            "--basis",
            "art9:10",
            "--law",
            "Test law",
            "--kind",
            "employee",
            "surname=Серікова",
            "name=Дана",
        ],
    );
    let number = clerk["number"].to_string();
    ok(&v, &["docs", "sees-data", &number]);
    for who in ["Әлия Нұрова", number.as_str()] {
        let out = t.path().join(format!("undertaking-{}.pdf", who.len()));
        let made = ok(
            &v,
            &["docs", "undertaking", who, "--out", out.to_str().unwrap()],
        );
        assert!(made["number"].as_i64().unwrap() >= 1);
    }
    let list = ok(&v, &["docs", "list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 6);
    assert!(list.iter().all(|s| s["state"] == "current"), "{list:?}");

    // The responsible person changes: the papers say they are out of date, and why.
    ok(&v, &["org", "set", "--responsible", "Дана Серікова"]);
    let out = derbes(&v).args(["docs", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("out of date: the responsible person changed"),
        "{text}"
    );
    let err = refused(&v, &["docs", "sees-data", "999"]);
    assert!(!err.is_empty());
}

#[test]
fn the_pack_in_one_command_lists_what_is_missing() {
    let (t, v) = setup();
    ok(&v, &["demo", "--subjects", "30", "--seed", "3"]);
    let out = t.path().join("pack.zip");
    let pack = ok(
        &v,
        &[
            "docs",
            "pack",
            "--lang",
            "ru",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(pack["number"], 1);
    assert_eq!(pack["journalOk"], true);
    let missing: Vec<&str> = pack["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"org_bin_missing") && missing.contains(&"policy_not_approved"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a ZIP");
    // For people: the missing items in a sentence each, and a second pack is never written
    // over the first.
    let second = t.path().join("pack2.zip");
    let said = derbes(&v)
        .args(["docs", "pack", "--out", second.to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&said.stdout);
    assert!(
        said.contains("The organisation's BIN is not set."),
        "{said}"
    );
    assert!(
        !said.contains("No policy was approved before"),
        "the first pack made one: {said}"
    );
    let err = refused(&v, &["docs", "pack", "--out", out.to_str().unwrap()]);
    assert!(err.contains("already"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
}
