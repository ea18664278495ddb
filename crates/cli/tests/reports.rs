//! Donor reports, releases and the transfer ledger from the command line.

mod common;
use common::{derbes, ok, refused};

/// A vault with an organisation and 600 synthetic people.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    ok(
        &v,
        &[
            "org",
            "set",
            "--name",
            "«Жәрдем» ҚБ",
            "--bin",
            &common::bin(),
        ],
    );
    ok(&v, &["demo", "--subjects", "600"]);
    (t, v)
}

const PERIOD: [&str; 4] = ["--from", "2020-01", "--to", "2026-12"];

#[test]
fn a_table_is_printed_with_totals_and_small_cells_hidden() {
    let (_t, v) = setup();
    let out = derbes(&v)
        .args(["report", "donor", "--by", "region,sex", "--lang", "en"])
        .args(PERIOD)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("People served, 01.2020–12.2026"), "{text}");
    assert!(text.contains("Total"));
    assert!(
        text.contains("<5"),
        "600 people over 20 regions leave small cells: {text}"
    );
    let r = ok(
        &v,
        &[
            "report", "donor", "--by", "age_band", "--from", "2020-01", "--to", "2026-12",
        ],
    );
    assert_eq!(r["axes"][0]["dimension"], "age_band");
    assert_eq!(r["spec"]["threshold"], 5);
}

#[test]
fn exports_are_saved_recorded_and_verifiable_and_name_no_one() {
    let (t, v) = setup();
    let people = ok(&v, &["subject", "list", "--limit", "600"]);
    let surnames: Vec<String> = people
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["surname"].as_str().map(String::from))
        .filter(|s| s.chars().count() > 4)
        .take(50)
        .collect();
    assert!(!surnames.is_empty());

    let table = t.path().join("table.xlsx");
    let table_args = [
        "report",
        "donor",
        "--by",
        "region",
        "--out",
        table.to_str().unwrap(),
        "--recipient",
        "Фонд",
        "--purpose",
        "Грант № 3",
        "--from",
        "2020-01",
        "--to",
        "2026-12",
    ];
    let saved = ok(&v, &table_args);
    assert_eq!(saved["number"], 1);
    assert!(table.exists());
    // The same name again is refused: the first file may be the copy the donor holds.
    let err = refused(&v, &table_args);
    assert!(err.contains("already there"), "{err}");

    let rows = t.path().join("rows.csv");
    let saved = ok(
        &v,
        &[
            "report",
            "donor",
            "--k",
            "5",
            "--sensitive",
            "service_type",
            "--l",
            "2",
            "--out",
            rows.to_str().unwrap(),
            "--recipient",
            "Фонд",
            "--purpose",
            "Грант № 3",
            "--from",
            "2020-01",
            "--to",
            "2026-12",
        ],
    );
    assert_eq!(saved["number"], 2);
    assert!(saved["outcome"]["kAchieved"].as_u64().unwrap() >= 5);
    let csv = std::fs::read_to_string(&rows).unwrap();
    assert!(
        csv.starts_with("\u{feff}Возраст,Пол,Место"),
        "{}",
        &csv[..80]
    );
    for s in &surnames {
        assert!(!csv.contains(s.as_str()), "the release names {s}");
    }

    let ledger = ok(&v, &["transfer", "list"]);
    assert_eq!(ledger.as_array().unwrap().len(), 2);
    assert_eq!(ledger[0]["kind"], "release");
    let found = ok(&v, &["transfer", "verify", rows.to_str().unwrap()]);
    assert_eq!(found["number"], 2);
    std::fs::write(&rows, csv.replace("Женский", "Мужской")).unwrap();
    let err = refused(&v, &["transfer", "verify", rows.to_str().unwrap()]);
    assert!(err.contains("not in the transfer ledger"));
    let replaced = ok(&v, &[&table_args[..], &["--replace"]].concat());
    assert_eq!(replaced["number"], 3);
    derbes(&v).args(["journal", "verify"]).assert().success();
}

#[test]
fn wrong_requests_are_refused_in_one_sentence_and_write_nothing() {
    let (t, v) = setup();
    let out = t.path().join("r.pdf");
    let err = refused(
        &v,
        &[
            "report",
            "donor",
            "--out",
            out.to_str().unwrap(),
            "--purpose",
            "x",
        ],
    );
    assert!(err.contains("who receives"), "{err}");
    let err = refused(&v, &["report", "donor", "--by", "colour"]);
    assert!(err.contains("Unknown by \"colour\""), "{err}");
    let err = refused(&v, &["report", "donor", "--by", "service_type"]);
    assert!(err.contains("Only services"), "{err}");
    let err = refused(&v, &["report", "donor", "--threshold", "2"]);
    assert!(err.contains("between 3 and 100"), "{err}");
    let err = refused(
        &v,
        &[
            "report",
            "donor",
            "--out",
            t.path().join("r.docx").to_str().unwrap(),
            "--recipient",
            "a",
            "--purpose",
            "b",
        ],
    );
    assert!(err.contains("CSV, XLSX or PDF"), "{err}");
    assert!(!out.exists());
    assert_eq!(ok(&v, &["transfer", "list"]).as_array().unwrap().len(), 0);
}
