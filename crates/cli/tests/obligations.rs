//! The clocks from the command line: the calendar (list, add-days, set, reset), requests
//! (add, answer, close with evidence or reasons) and breaches (add, notice, notified, close),
//! and bad input refused in one sentence with nothing written.

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
            "«Жәрдем» ҚБ",
            "--bin",
            &common::bin(),
            "--responsible",
            "Әлия Нұрова",
            "--contacts",
            "+7 701 000 00 00",
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
            "phone=+77012223344",
        ],
    );
    (t, v)
}

#[test]
fn the_calendar_counts_working_days_and_takes_a_new_year() {
    let (_t, v) = setup();
    let due = ok(&v, &["calendar", "add-days", "20.03.2026", "1"]);
    assert_eq!(due["due"], "2026-03-26");
    let err = refused(&v, &["calendar", "add-days", "2028-12-29", "1"]);
    assert!(err.contains("no data for 2028"), "{err}");
    ok(
        &v,
        &[
            "calendar",
            "set",
            "2028",
            "--kurban-ait",
            "2028-05-04",
            "--estimated",
            "--day-off",
            "2028-01-05=Resolution",
            "--working-day",
            "2028-01-08",
        ],
    );
    // 1 and 2 January fall on the weekend and move to 3 and 4; 5 January is the decree's.
    assert_eq!(
        ok(&v, &["calendar", "add-days", "2028-01-02", "1"])["due"],
        "2028-01-06"
    );
    let days = ok(&v, &["calendar", "list", "2028"]);
    assert!(days
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["date"] == "2028-05-04" && d["holiday"] == "kurban_ait"));
    let err = refused(
        &v,
        &["calendar", "set", "2028", "--kurban-ait", "2027-05-04"],
    );
    assert!(err.contains("not in 2028"), "{err}");
    ok(&v, &["calendar", "reset", "2028"]);
    let years = ok(&v, &["calendar", "list"]);
    assert_eq!(years.as_array().unwrap().len(), 3);
    let out = derbes(&v)
        .args(["--lang", "kk", "calendar", "list", "2026"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Наурыз мейрамы"));
}

#[test]
fn an_access_request_is_answered_from_the_vault_and_closed_with_its_answer() {
    let (t, v) = setup();
    let r = ok(&v, &["request", "add", "1", "--kind", "access"]);
    assert_eq!(r["termSource"], "own_target");
    assert_eq!(r["termDays"], 3);
    let err = refused(&v, &["request", "close", "1"]);
    assert!(err.contains("Produce the answer"), "{err}");
    let out = t.path().join("answer.pdf");
    let a = ok(
        &v,
        &[
            "request",
            "answer",
            "1",
            "--lang",
            "kk",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(a["number"], 1);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    // Never over the file a person may already hold.
    let err = refused(
        &v,
        &["request", "answer", "1", "--out", out.to_str().unwrap()],
    );
    assert!(err.contains("already"), "{err}");
    let closed = ok(&v, &["request", "close", "1"]);
    assert_eq!(closed["closure"]["evidence"]["answer"], 1);
    let listed = derbes(&v).args(["request", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("done on"));
}

#[test]
fn a_correction_needs_the_edit_or_reasons() {
    let (_t, v) = setup();
    ok(
        &v,
        &[
            "request",
            "add",
            "№ 1",
            "--kind",
            "correction",
            "--channel",
            "email",
            "--note",
            "phone is wrong",
        ],
    );
    let err = refused(&v, &["request", "close", "1"]);
    assert!(err.contains("No correction"), "{err}");
    let err = refused(&v, &["request", "close", "1", "--refuse", "  "]);
    assert!(err.contains("Fill this in"), "{err}");
    let c = ok(
        &v,
        &[
            "request",
            "close",
            "1",
            "--refuse",
            "The number given is the one on file",
        ],
    );
    assert_eq!(c["closure"]["outcome"], "refused");
}

#[test]
fn bad_requests_change_nothing() {
    let (_t, v) = setup();
    for (args, words) in [
        (vec!["request", "add", "7", "--kind", "access"], "no person"),
        (
            vec!["request", "add", "1", "--kind", "gossip"],
            "Choose what the person asks for",
        ),
        (
            vec![
                "request",
                "add",
                "1",
                "--kind",
                "access",
                "--received",
                "2099-01-01",
            ],
            "day still to come",
        ),
        (
            vec![
                "request",
                "add",
                "1",
                "--kind",
                "access",
                "--received",
                "2024-03-01",
            ],
            "no data for 2024",
        ),
        (
            vec![
                "request",
                "add",
                "1",
                "--kind",
                "blocking",
                "--identity",
                "representative_authority",
            ],
            "Fill this in",
        ),
    ] {
        let err = refused(&v, &args);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    assert_eq!(ok(&v, &["request", "list"]).as_array().unwrap().len(), 0);
}

#[test]
fn a_breach_is_noticed_notified_and_closed() {
    let (t, v) = setup();
    let b = ok(
        &v,
        &[
            "breach",
            "add",
            "--detected",
            "2026-03-20T18:30",
            "--kind",
            "device_lost",
            "--description",
            "Ноутбук украден",
            "--category",
            "identity",
            "--category",
            "contact",
            "--all",
            "--containment",
            "Пароль сменён",
        ],
    );
    assert_eq!(b["clock"]["due"], "2026-03-26");
    assert_eq!(b["affected"], 1);
    let err = refused(&v, &["breach", "close", "1"]);
    assert!(err.contains("notified"), "{err}");
    let out = t.path().join("notice.pdf");
    ok(
        &v,
        &[
            "breach",
            "notice",
            "1",
            "--lang",
            "ru",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    ok(&v, &["breach", "notified", "1", "--on", "2026-03-26"]);
    assert_eq!(ok(&v, &["breach", "close", "1"])["status"], "closed");
    let err = refused(
        &v,
        &[
            "breach",
            "add",
            "--detected",
            "2099-01-01T10:00",
            "--kind",
            "malware",
            "--description",
            "x",
            "--category",
            "other",
            "--all",
        ],
    );
    assert!(err.contains("still to come"), "{err}");
    let err = refused(
        &v,
        &[
            "breach",
            "add",
            "--detected",
            "yesterday",
            "--kind",
            "malware",
            "--description",
            "x",
            "--category",
            "other",
            "--all",
        ],
    );
    assert!(err.contains("yyyy-mm-ddThh:mm"), "{err}");
    assert_eq!(ok(&v, &["breach", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn nobody_enters_without_a_basis_and_lapses_are_listed() {
    let (_t, v) = setup();
    let err = refused(
        &v,
        &[
            "subject",
            "add",
            "--kind",
            "beneficiary",
            "surname=Ким",
            "name=Ли",
        ],
    );
    assert!(err.contains("basis for processing"), "{err}");
    let err = refused(
        &v,
        &[
            "subject",
            "add",
            "--kind",
            "employee",
            "surname=Ким",
            "name=Ли",
            "--basis",
            "art9:1",
            "--law",
            "x",
        ],
    );
    assert!(err.contains("art9:10"), "{err}");
    let err = refused(
        &v,
        &[
            "subject",
            "add",
            "--kind",
            "employee",
            "surname=Ким",
            "name=Ли",
            "--basis",
            "art9:10",
        ],
    );
    assert!(err.contains("Name the law"), "{err}");
    let e = ok(
        &v,
        &[
            "subject",
            "add",
            "--kind",
            "employee",
            "surname=Ким",
            "name=Ли",
            "--basis",
            "9(10)",
            "--law",
            "Labour Code, Art. 23",
        ],
    );
    assert_eq!(e["lifecycle"]["legalGround"], "art9_10");
    // Outside the consent's purposes: e-mail is collected for legal aid, not humanitarian aid.
    let err = refused(
        &v,
        &[
            "subject",
            "add",
            "--kind",
            "beneficiary",
            "surname=Ким",
            "name=Ли",
            "email=k@l.kz",
            "--basis",
            "consent",
            "--purpose",
            "humanitarian_aid",
        ],
    );
    assert!(err.contains("legal_aid"), "{err}");
    let b = ok(
        &v,
        &[
            "subject",
            "add",
            "--kind",
            "beneficiary",
            "surname=Ким",
            "name=Ли",
            "--basis",
            "consent",
            "--purpose",
            "humanitarian_aid",
        ],
    );
    assert_eq!(b["lifecycle"]["consentState"], "active");
    assert_eq!(ok(&v, &["subject", "lapsed"]).as_array().unwrap().len(), 0);
    // Person 1 of setup() came in with a test ground; clear it and they are listed.
    ok(&v, &["consent", "list", "1"]);
    let n = ok(
        &v,
        &[
            "subject",
            "basis",
            "1",
            "--basis",
            "consent",
            "--purpose",
            "legal_aid",
        ],
    );
    assert_eq!(n["people"], 1);
}
