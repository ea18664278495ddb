//! Consent, blocking, hold, retention, anonymisation, destruction and acts from the command line.

mod common;
#[cfg(unix)]
use common::with_file_limit;
#[cfg(unix)]
use common::PW;
use common::{derbes, ok, refused};

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
    ok(
        &v,
        &[
            "subject",
            "add",
            "--basis",
            "art9:10",
            "--law",
            "Test law",
            "--kind",
            "beneficiary",
            "surname=Нұрланов",
            "name=Ерасыл",
            "birth_date=2014-05-05",
            "--service",
            "2015-01-10=legal_consultation",
        ],
    );
    ok(
        &v,
        &[
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
            "--service",
            "2016-03-01=legal_consultation",
        ],
    );
    (t, v)
}

#[test]
fn consent_for_a_minor_publication_withdrawal_and_the_form() {
    let (t, v) = setup();
    let err = refused(
        &v,
        &[
            "consent",
            "add",
            "1",
            "--purpose",
            "legal_aid",
            "--publish",
            "annual report",
        ],
    );
    assert!(err.contains("legal representative"), "{err}");
    let scan = t.path().join("scan.png");
    std::fs::write(
        &scan,
        [
            &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A][..],
            b"scan",
        ]
        .concat(),
    )
    .unwrap();
    let c = ok(
        &v,
        &[
            "consent",
            "add",
            "1",
            "--purpose",
            "legal_aid",
            "--publish",
            "annual report",
            "--representative",
            "Нұрланова Гүлнар",
            "--relation",
            "анасы",
            "--document",
            "туу туралы куәлік",
            "--evidence",
            scan.to_str().unwrap(),
            "--signed-form",
        ],
    );
    assert_eq!(c["number"], 1);
    assert_eq!(c["state"], "active");
    assert_eq!(c["evidence"]["mediaType"], "image/png");
    assert_eq!(c["representative"]["relation"], "анасы");
    let list = ok(&v, &["consent", "list", "1"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(list[0]["id"].is_string());

    ok(&v, &["subject", "edit", "1", "--access", "public"]);
    let form = t.path().join("form.pdf");
    ok(
        &v,
        &[
            "consent",
            "form",
            "1",
            "--lang",
            "ru",
            "--out",
            form.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&form).unwrap().starts_with(b"%PDF-"));

    ok(
        &v,
        &[
            "consent",
            "withdraw",
            "1",
            "--scope",
            "publication",
            "--channel",
            "written application",
        ],
    );
    assert_eq!(ok(&v, &["subject", "show", "1"])["access"], "restricted");
    let err = refused(
        &v,
        &[
            "consent",
            "withdraw",
            "1",
            "--scope",
            "all",
            "--channel",
            "e-mail",
            "--refuse",
            "obligation",
            "--note",
            " ",
        ],
    );
    assert!(err.contains("law or unfulfilled obligation"), "{err}");
    let journal = ok(&v, &["journal", "list"]).to_string();
    for a in [
        "consent.recorded",
        "consent.evidence_attached",
        "consent.form_printed",
        "consent.withdrawn",
    ] {
        assert!(journal.contains(a), "{a}");
    }
    assert!(!journal.contains("Нұрланова") && !journal.contains("annual report"));
}

#[test]
fn blocking_hold_due_list_anonymise_destroy_and_acts() {
    let (t, v) = setup();
    let due = ok(&v, &["retention", "due", "--as-of", "2026-01-01"]);
    assert_eq!(due.as_array().unwrap().len(), 2);
    assert_eq!(due[0]["number"], 1);
    assert_eq!(
        ok(&v, &["retention", "due", "--as-of", "2018-01-09"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        ok(&v, &["retention", "due", "--as-of", "2018-01-10"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    ok(&v, &["block", "1", "--reason", "inaccurate_data"]);
    let err = refused(&v, &["destroy", "1", "--yes"]);
    assert!(err.contains("blocked"), "{err}");
    let err = refused(&v, &["subject", "edit", "1", "name=X"]);
    assert!(err.contains("blocked"), "{err}");
    ok(&v, &["hold", "2", "--reason", "litigation"]);
    let err = refused(&v, &["anonymize", "2", "--yes"]);
    assert!(err.contains("legal hold"), "{err}");
    assert!(
        refused(&v, &["destroy", "--due", "--as-of", "2026-01-01", "--yes"]).contains("Nobody")
    );
    ok(&v, &["hold", "2", "--release"]);
    let err = refused(&v, &["destroy", "2"]);
    assert!(err.contains("--yes"), "{err}");

    let act = ok(
        &v,
        &["anonymize", "--due", "--as-of", "2026-01-01", "--yes"],
    );
    assert_eq!(act["subjects"], serde_json::json!([2]));
    assert_eq!(act["skippedBlocked"], serde_json::json!([1]));
    ok(&v, &["unblock", "1", "--reason", "not_confirmed"]);
    let act = ok(
        &v,
        &[
            "destroy",
            "1",
            "--ground",
            "court_decision",
            "--reference",
            "№ 2-1/2026",
            "--yes",
        ],
    );
    assert_eq!(
        (act["number"].as_i64(), act["action"].as_str()),
        (Some(2), Some("destroy"))
    );
    let acts = ok(&v, &["acts", "list"]);
    assert_eq!(acts.as_array().unwrap().len(), 2);
    let pdf = t.path().join("act.pdf");
    ok(&v, &["acts", "show", "2", "--out", pdf.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // A second save under the same name is refused unless --replace says otherwise.
    let err = refused(&v, &["acts", "show", "1", "--out", pdf.to_str().unwrap()]);
    assert!(err.contains("already there"), "{err}");
    ok(
        &v,
        &[
            "acts",
            "show",
            "1",
            "--out",
            pdf.to_str().unwrap(),
            "--replace",
        ],
    );
    assert_eq!(ok(&v, &["subject", "list"]).as_array().unwrap().len(), 0);
    derbes(&v).args(["unlock-check"]).assert().success();
}

/// kill -9 during a bulk destroy: the vault opens, every page and the journal check out, and
/// either everyone due is gone with their act, or no one is and there is no act.
#[cfg(unix)]
#[test]
fn a_killed_bulk_destroy_leaves_all_or_nothing() {
    let (_t, v) = setup();
    ok(&v, &["demo", "--subjects", "6000", "--seed", "3"]);
    let total = ok(&v, &["subject", "list"]).as_array().unwrap().len();
    let due = ok(&v, &["retention", "due"]).as_array().unwrap().len();
    assert!(due > 500, "the demo has people due: {due}");
    for delay_ms in [700u64, 1100, 1500, 2000] {
        let mut child = common::spawn_derbes(
            &v,
            &["--password-stdin", "destroy", "--due", "--yes"],
            &format!("{PW}\n"),
        );
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        derbes(&v).arg("unlock-check").assert().success();
        let left = ok(&v, &["subject", "list"]).as_array().unwrap().len();
        let acts = ok(&v, &["acts", "list"]).as_array().unwrap().len();
        assert!(
            (left == total && acts == 0) || (left == total - due && acts == 1),
            "after a kill at {delay_ms} ms: {left} of {total} people left, {acts} acts"
        );
        if acts == 1 {
            break; // it finished before the kill
        }
    }
}

/// A full disk during an import and during a bulk destroy: one clear sentence, nothing changed,
/// and the vault opens with every page and the journal intact.
#[cfg(unix)]
#[test]
fn a_full_disk_during_an_import_or_a_bulk_destroy_changes_nothing() {
    let (t, v) = setup();
    ok(&v, &["demo", "--subjects", "3000", "--seed", "5"]);
    let total = ok(&v, &["subject", "list"]).as_array().unwrap().len();
    let db_kib = std::fs::metadata(v.join("vault.db")).unwrap().len() / 1024;

    let file = t.path().join("big.csv");
    let mut csv = String::from("surname,name,notes\n");
    for i in 0..20_000 {
        csv.push_str(&format!("Толық{i},Диск,{}\n", "ұзын жазба ".repeat(8)));
    }
    std::fs::write(&file, csv).unwrap();
    let (code, err) = with_file_limit(
        &v,
        db_kib + 256,
        &[
            "subject",
            "import",
            "--basis",
            "art9:10",
            "--law",
            "Test law",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    derbes(&v).arg("unlock-check").assert().success();
    assert_eq!(
        ok(&v, &["subject", "list"]).as_array().unwrap().len(),
        total
    );

    let due = ok(&v, &["retention", "due"]).as_array().unwrap().len();
    assert!(due > 100, "{due}");
    let db_kib = std::fs::metadata(v.join("vault.db")).unwrap().len() / 1024;
    let (code, err) = with_file_limit(&v, db_kib + 64, &["destroy", "--due", "--yes"]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    derbes(&v).arg("unlock-check").assert().success();
    // Before or after, never between: either nothing was destroyed, or everyone due was, with
    // the act (the disk filled only as the vault was tidied on closing, which says so).
    let left = ok(&v, &["subject", "list"]).as_array().unwrap().len();
    let acts = ok(&v, &["acts", "list"]).as_array().unwrap().len();
    if left == total {
        assert!(err.contains("nothing was changed"), "{err}");
        assert_eq!(acts, 0);
    } else {
        assert!(err.contains("Everything you did is saved"), "{err}");
        assert_eq!((left, acts), (total - due, 1));
        // The unlock above finished the tidying: no WAL holds pages any more.
        let wal = std::fs::metadata(v.join("vault.db-wal")).map_or(0, |m| m.len());
        assert_eq!(wal, 0);
        return;
    }
    // With room again, the same action goes through.
    ok(&v, &["destroy", "--due", "--yes"]);
    assert_eq!(
        ok(&v, &["subject", "list"]).as_array().unwrap().len(),
        total - due
    );
}
