//! The register from the command line: add, show (masked / revealed), list, edit, import with a
//! dry-run report, all-or-nothing, organisation and inventory.

mod common;
use common::derbes;
#[cfg(unix)]
use common::PW;
#[cfg(unix)]
use std::path::Path;

fn init() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("vault");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    (t, v)
}

fn json(out: std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A valid IIN for 8 March 1990, female, computed with the law's check digit.
fn iin_1990_female() -> String {
    let first11 = [9, 0, 0, 3, 0, 8, 4, 0, 0, 1, 0];
    for serial in 0..10u8 {
        let mut d = first11;
        d[10] = serial;
        let sum = |w: [u32; 11]| d.iter().zip(w).map(|(&a, w)| u32::from(a) * w).sum::<u32>() % 11;
        let mut c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        if c == 10 {
            c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
        }
        if c < 10 {
            return d.iter().map(|x| x.to_string()).collect::<String>() + &c.to_string();
        }
    }
    unreachable!()
}

#[test]
fn add_show_reveal_list_and_edit() {
    let (_t, v) = init();
    let iin = iin_1990_female();
    let added = json(
        derbes(&v)
            .args([
                "--json",
                "subject",
                "add",
                "--basis",
                "art9:10",
                "--law",
                "Test law",
                "--kind",
                "beneficiary",
                "surname=Серікова",
                "name=Айгүл",
                &format!("iin={iin}"),
                "phone=8 701 234 56 78",
                "--service",
                "15.02.2024=legal_consultation",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(added["number"], 1);
    assert_eq!(added["birth_date"], "1990-03-08", "filled from the IIN");
    assert_ne!(added["iin"], iin.as_str(), "masked");

    let shown = String::from_utf8(
        derbes(&v)
            .args(["subject", "show", "1"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(shown.contains("90••••••") && !shown.contains(&iin));
    let revealed = String::from_utf8(
        derbes(&v)
            .args(["subject", "show", "1", "--reveal"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(revealed.contains(&iin));

    let list = json(
        derbes(&v)
            .args(["--json", "subject", "list", "--search", "СЕРИК"])
            .output()
            .unwrap(),
    );
    assert_eq!(list.as_array().unwrap().len(), 1);
    let csv = String::from_utf8(
        derbes(&v)
            .args(["subject", "list", "--csv"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(csv.starts_with("id,number,kind,access,status,surname,name"));
    assert!(!csv.contains(&iin), "CSV lists mask too");

    // Public needs a consent to publication (tests/lifecycle.rs records one): refused here.
    let refused = derbes(&v)
        .args(["subject", "edit", "1", "--access", "public"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("consent to publication"));
    derbes(&v)
        .args(["subject", "edit", "1", "phone=+7 777 111 22 33"])
        .assert()
        .success();
    let after = json(
        derbes(&v)
            .args(["--json", "subject", "show", "1"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (after["phone"].as_str(), after["access"].as_str()),
        (Some("+77771112233"), Some("restricted"))
    );

    let journal = json(
        derbes(&v)
            .args(["--json", "journal", "list"])
            .output()
            .unwrap(),
    );
    let actions: Vec<&str> = journal
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in [
        "subject.created",
        "subject.viewed",
        "subject.revealed",
        "subject.updated",
    ] {
        assert!(actions.contains(&a), "{a} missing");
    }
    let text = journal.to_string();
    assert!(
        !text.contains("Серікова") && !text.contains(&iin),
        "no personal data in the journal"
    );
}

#[test]
fn a_bad_row_is_reported_and_nothing_is_imported() {
    let (t, v) = init();
    let iin = iin_1990_female();
    let mut bad_iin = iin.clone();
    bad_iin.replace_range(11.., if iin.ends_with('0') { "1" } else { "0" });
    let file = t.path().join("people.csv");
    // Windows-1251, semicolons, Russian headers — as Excel in a Russian locale saves it.
    let text = format!("Фамилия;Имя;ИИН;Дата рождения\r\nИванова;Елена;{iin};08.03.1990\r\nПетров;Иван;{bad_iin};\r\nКим;Ольга;;01.13.2001\r\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
    std::fs::write(&file, &bytes).unwrap();

    let out = derbes(&v)
        .args([
            "subject", "import", "--basis", "art9:10", "--law", "Test law",
        ])
        .arg(&file)
        .arg("--dry-run")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("row      3") && report.contains("iin"),
        "{report}"
    );
    assert!(
        report.contains("row      4") && report.contains("birth_date"),
        "{report}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 of 3 rows would be rejected"));

    let out = derbes(&v)
        .args([
            "subject", "import", "--basis", "art9:10", "--law", "Test law",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "all or nothing");
    assert_eq!(
        json(
            derbes(&v)
                .args(["--json", "subject", "list"])
                .output()
                .unwrap()
        )
        .as_array()
        .unwrap()
        .len(),
        0
    );

    let good = format!("Фамилия;Имя;ИИН\nИванова;Елена;{iin}\nКим;Ольга;\n");
    std::fs::write(&file, good).unwrap();
    derbes(&v)
        .args([
            "subject", "import", "--basis", "art9:10", "--law", "Test law",
        ])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        json(
            derbes(&v)
                .args(["--json", "subject", "list"])
                .output()
                .unwrap()
        )
        .as_array()
        .unwrap()
        .len(),
        2
    );
    let journal = json(
        derbes(&v)
            .args(["--json", "journal", "list"])
            .output()
            .unwrap(),
    );
    let imported = journal
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "subjects.imported")
        .unwrap();
    assert_eq!(imported["details"]["rows"], 2);

    // Importing the same file again: every IIN is already in the register.
    let out = derbes(&v)
        .args([
            "subject", "import", "--basis", "art9:10", "--law", "Test law",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("record № 1"));
}

#[test]
fn organisation_inventory_and_demo() {
    let (t, v) = init();
    let out = derbes(&v)
        .args([
            "org",
            "set",
            "--name",
            "«Жәрдем» ҚБ",
            "--bin",
            "123456789012",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("BIN"));
    let org = json(
        derbes(&v)
            .args([
                "--json",
                "org",
                "set",
                "--name",
                "«Жәрдем» ҚБ",
                "--responsible",
                "Айгүл",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(org["name"], "«Жәрдем» ҚБ");

    let inv = json(
        derbes(&v)
            .args(["--json", "inventory", "show"])
            .output()
            .unwrap(),
    );
    let keys: Vec<&str> = inv["purposes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "legal_aid",
            "humanitarian_aid",
            "social_support",
            "payroll",
            "donor_reporting"
        ]
    );
    let file = t.path().join("inventory.json");
    std::fs::write(&file, inv.to_string()).unwrap();
    derbes(&v)
        .args(["inventory", "approve", "--file"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("version 2"));

    let added = json(
        derbes(&v)
            .args(["--json", "demo", "--subjects", "300"])
            .output()
            .unwrap(),
    );
    assert_eq!(added["added"], 300);
    let minors = json(
        derbes(&v)
            .args(["--json", "subject", "list", "--age-band", "0-17"])
            .output()
            .unwrap(),
    );
    assert!(!minors.as_array().unwrap().is_empty());
}

/// Start `derbes subject import FILE` in the background, password already given.
#[cfg(unix)]
fn spawn_import(vault: &Path, file: &Path) -> std::process::Child {
    common::spawn_derbes(
        vault,
        &[
            "--password-stdin",
            "subject",
            "import",
            "--basis",
            "art9:10",
            "--law",
            "Test law",
            file.to_str().unwrap(),
        ],
        &format!("{PW}\n"),
    )
}

/// kill -9 in the middle of a large import: the vault still opens, every page checks out, the
/// journal verifies, and the register holds all the rows or none — never part of the file.
#[cfg(unix)]
#[test]
fn a_killed_import_leaves_all_or_nothing() {
    let (t, v) = init();
    let file = t.path().join("big.csv");
    let mut csv = String::from("surname,name,birth_date,sex\n");
    for i in 0..30_000 {
        csv.push_str(&format!(
            "Тест{i},Адам,{:02}.{:02}.19{:02},{}\n",
            i % 28 + 1,
            i % 12 + 1,
            i % 90 + 10,
            if i % 2 == 0 { "м" } else { "ж" }
        ));
    }
    std::fs::write(&file, csv).unwrap();
    for delay_ms in [900u64, 1600, 2400] {
        let mut child = spawn_import(&v, &file);
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        derbes(&v).arg("unlock-check").assert().success();
        let n = json(
            derbes(&v)
                .args(["--json", "subject", "list", "--search", "тест"])
                .output()
                .unwrap(),
        )
        .as_array()
        .unwrap()
        .len();
        assert!(
            n == 0 || n == 30_000,
            "after a kill at {delay_ms} ms the register holds {n} of 30000 rows"
        );
        if n == 30_000 {
            break; // the import finished before the kill; later kills would only re-import duplicates
        }
    }
}

/// A second process on a vault that another holds open is refused with one sentence, and the
/// first finishes its work untouched.
#[cfg(unix)]
#[test]
fn a_second_process_is_refused_while_the_vault_is_open() {
    let (t, v) = init();
    let file = t.path().join("big.csv");
    let mut csv = String::from("surname,name\n");
    for i in 0..40_000 {
        csv.push_str(&format!("Тест{i},Адам\n"));
    }
    std::fs::write(&file, csv).unwrap();
    let mut first = spawn_import(&v, &file);
    // Wait until the first process holds the vault (its unlock takes about half a second).
    let mut refused = None;
    for _ in 0..60 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let out = derbes(&v)
            .args(["subject", "list", "--limit", "1"])
            .output()
            .unwrap();
        if out.status.code() == Some(1) {
            refused = Some(String::from_utf8_lossy(&out.stderr).into_owned());
            break;
        }
    }
    assert!(
        first.wait().unwrap().success(),
        "the first process finishes its import"
    );
    let msg = refused.expect("the second process was never refused while the first held the vault");
    assert!(msg.contains("open in another Derbes window"), "{msg}");
    assert_eq!(
        json(
            derbes(&v)
                .args(["--json", "subject", "list", "--search", "тест", "--limit", "5"])
                .output()
                .unwrap()
        )
        .as_array()
        .unwrap()
        .len(),
        5
    );
}

/// The CLI speaks the user's language: `--lang`, else the locale; a bad IIN is refused in
/// Kazakh, Russian or English, naming the field, never the value.
#[test]
fn a_bad_iin_is_refused_in_the_language_asked_for() {
    let (_t, v) = init();
    let mut bad = iin_1990_female();
    let last = bad.pop().unwrap().to_digit(10).unwrap();
    bad.push(char::from_digit((last + 1) % 10, 10).unwrap());
    let add = [
        "subject",
        "add",
        "--basis",
        "art9:10",
        "--law",
        "Test law",
        "--kind",
        "beneficiary",
        "surname=Ахметова",
        "name=Айгүл",
    ];
    let iin = format!("iin={bad}");
    let refuse = |lang: Option<&str>, locale: &str| {
        let mut c = derbes(&v);
        let out = common::speaking(&mut c, lang, locale)
            .args(add)
            .arg(&iin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.contains(&bad), "the value is never repeated: {err}");
        err
    };
    assert!(refuse(Some("kk"), "C").starts_with("ЖСН: ЖСН-да қате бар"));
    assert!(refuse(Some("ru"), "C").starts_with("ИИН: В ИИН опечатка"));
    assert!(refuse(Some("en"), "kk_KZ.UTF-8").starts_with("IIN: "));
    assert!(refuse(None, "kk_KZ.UTF-8").starts_with("ЖСН: "));
    assert!(refuse(None, "ru_RU.UTF-8").starts_with("ИИН: "));
    assert!(refuse(None, "C.UTF-8").starts_with("IIN: "));
}

#[test]
fn a_vault_at_a_path_with_cyrillic_letters_and_spaces_takes_a_crlf_import() {
    // Windows folder names as NGOs give them; on Windows the CSV comes with CRLF line ends.
    let t = tempfile::tempdir().unwrap();
    let v = t.path().join("Қамқор қоры").join("Кеңсе қоймасы");
    derbes(&v)
        .args(["init", "--name", "Test"])
        .assert()
        .success();
    let file = t.path().join("Қамқор қоры").join("Тізім 2026.csv");
    let iin = iin_1990_female();
    std::fs::write(
        &file,
        format!("Тегі;Аты;ЖСН\r\nСерікова;Айгүл;{iin}\r\nКим;Ольга;\r\n"),
    )
    .unwrap();
    derbes(&v)
        .args([
            "subject", "import", "--basis", "art9:10", "--law", "Test law",
        ])
        .arg(&file)
        .assert()
        .success();
    let listed = json(
        derbes(&v)
            .args(["--json", "subject", "list"])
            .output()
            .unwrap(),
    );
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
    // Serialised, a carriage return left in any field would read \r.
    assert!(
        !listed.to_string().contains("\\r"),
        "a CR stayed in a field: {listed}"
    );
}
