//! `derbes service import`: a log of past services from the spreadsheets an NGO kept, matched to
//! the register's people, dry run first, all or nothing, unknown service types confirmed once.

mod common;
use common::{derbes, ok};

fn init() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    let people = t.path().join("people.csv");
    std::fs::write(
        &people,
        "Фамилия;Имя;Дата рождения;Дата регистрации\n\
         Ахметов;Марат;05.05.1985;10.04.2023\n\
         Ким;Анна;03.02.2001;\n",
    )
    .unwrap();
    derbes(&v)
        .args([
            "subject", "import", "--basis", "art9:10", "--law", "Test law",
        ])
        .arg(&people)
        .assert()
        .success();
    (t, v)
}

#[test]
fn a_service_log_goes_in_after_its_unknown_types_are_confirmed() {
    let (t, v) = init();
    let log = t.path().join("services.csv");
    std::fs::write(
        &log,
        "ФИО;Дата рождения;Дата услуги;Вид услуги;Программа\n\
         Ахметов Марат;05.05.1985;15.02.2025;Юрконсультация;Право\n\
         Ким Анна;03.02.2001;16.02.2025;Продуктовый набор;\n\
         Ким Анна;03.02.2001;17.02.2025;Юридическая консультация;\n",
    )
    .unwrap();

    // "Юрконсультация" is no standard name: the dry run says so, and nothing is written.
    let out = derbes(&v)
        .args(["service", "import", "--dry-run"])
        .arg(&log)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Юрконсультация (1) → not recognised"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Продуктовый набор (1) → food_package"),
        "{stdout}"
    );
    assert!(stdout.contains("row      2"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 3 rows would be rejected"));

    let map = "Юрконсультация=legal_consultation";
    let dry = ok(
        &v,
        &[
            "service",
            "import",
            "--dry-run",
            "--map",
            map,
            log.to_str().unwrap(),
        ],
    );
    assert_eq!(dry["accepted"], 3);
    assert_eq!(dry["people"], 2);
    assert_eq!(dry["matchedBy"]["nameAndBirthDate"], 3);
    assert_eq!(dry["imported"], false);

    let done = ok(
        &v,
        &["service", "import", "--map", map, log.to_str().unwrap()],
    );
    assert_eq!(done["imported"], true);
    let journal = ok(&v, &["journal", "list"]);
    let entry = journal
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "services.imported")
        .expect("journaled");
    assert_eq!(entry["details"]["rows"], 3);

    // Once more: everything is already on file.
    let again = derbes(&v)
        .args(["service", "import", "--map", map])
        .arg(&log)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8(again.stdout)
        .unwrap()
        .contains("Imported 0 services of 0 people (3 already on file)"),);
}

#[test]
fn a_wrong_map_is_refused_in_one_sentence() {
    let (t, v) = init();
    let log = t.path().join("services.csv");
    std::fs::write(
        &log,
        "ФИО;Дата рождения;Дата;Услуга\nКим Анна;03.02.2001;16.02.2025;Обед\n",
    )
    .unwrap();
    let err = common::refused(
        &v,
        &[
            "service",
            "import",
            "--map",
            "Обед=lunch",
            log.to_str().unwrap(),
        ],
    );
    assert!(err.contains("\"lunch\" is not a service type"), "{err}");
    let err = common::refused(
        &v,
        &["service", "import", "--map", "Обед", log.to_str().unwrap()],
    );
    assert!(err.contains("VALUE=TYPE"), "{err}");
    // Kept as written: counted as "other" in reports.
    let done = ok(
        &v,
        &[
            "service",
            "import",
            "--map",
            "Обед=as-written",
            log.to_str().unwrap(),
        ],
    );
    assert_eq!(done["accepted"], 1);
}
