//! Tests of the documents: the consent form and the act carry what the law asks for (and the
//! act no names), and saving never loses a file, undoes cleanly and leaves nothing behind.

use std::fs;
use std::path::Path;

use super::*;
use crate::error::Error;
use crate::lifecycle::consent::{ConsentDraft, ConsentForm, Representative};
use crate::lifecycle::end::Ground;
use crate::register::fields::{Field, Kind};
use crate::test_support::{draft, vault};

/// The text layer with its line breaks (and the hyphens that made them) taken out and every run
/// of spaces made one, so a phrase the typesetter broke across lines is still found.
fn text_of(pdf: &[u8]) -> String {
    let text = crate::documents::typeset::tests::text_of(pdf).replace("-\n", "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_consent_form_carries_every_item_in_kazakh_and_russian() {
    let (_t, dir, v) = vault();
    let id = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Нұрланов"),
                    (Field::Name, "Ерасыл"),
                    (Field::BirthDate, "2015-05-05"),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    let c = v
        .add_consent(
            id,
            &ConsentDraft {
                purposes: vec!["legal_aid".into()],
                form: Some(ConsentForm::Paper),
                third_parties: Some("ЮНИСЕФ".into()),
                representative: Some(Representative {
                    name: "Нұрланова Гүлнар".into(),
                    relation: "анасы".into(),
                    document: "туу туралы куәлік".into(),
                }),
                ..Default::default()
            },
        )
        .unwrap();
    let kk_pdf = v.consent_form_pdf(c.number, DocLang::Kk).unwrap();
    if let Ok(dir) = std::env::var("DERBES_SCRATCH") {
        fs::write(Path::new(&dir).join("consent-form-kk.pdf"), &kk_pdf).unwrap();
    }
    crate::documents::typeset::tests::pdf_a_structure(&kk_pdf);
    let kk = text_of(&kk_pdf);
    for want in [
        "келісім",
        "Жәрдем",
        "Нұрланов Ерасыл",
        "Нұрланова Гүлнар",
        "ЮНИСЕФ",
        "Құқықтық көмек",
        "ЖСН",
        "қол жеткізілгенге",
    ] {
        assert!(kk.contains(want), "{want} missing from: {kk}");
    }
    let ru = text_of(&v.consent_form_pdf(c.number, DocLang::Ru).unwrap());
    for want in [
        "Согласие на сбор",
        "Правовая помощь",
        "Законный представитель",
        "Передача третьим лицам",
    ] {
        assert!(ru.contains(want), "{want} missing from: {ru}");
    }
    assert_eq!(v.journal(1, 0).unwrap().1[0].action, "consent.form_printed");
    // Before a consent is recorded, its form can be printed from the draft for signature.
    let draft = ConsentDraft {
        purposes: vec!["legal_aid".into()],
        form: Some(ConsentForm::Paper),
        representative: Some(Representative {
            name: "Нұрланова Гүлнар".into(),
            relation: "анасы".into(),
            document: "куәлік".into(),
        }),
        ..Default::default()
    };
    let blank = text_of(&v.consent_form_draft_pdf(id, &draft, DocLang::Ru).unwrap());
    assert!(
        blank.contains("№ ____") && blank.contains("Нұрланов Ерасыл"),
        "{blank}"
    );
    assert_eq!(v.consents(id).unwrap().len(), 1, "printing records nothing");
    assert!(
        v.consent_form_draft_pdf(
            id,
            &ConsentDraft {
                representative: None,
                ..draft
            },
            DocLang::Kk
        )
        .is_err(),
        "a minor's form names the representative"
    );
    // For a person to look at: target/consent-form-kk.pdf.
    let _ = fs::write(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/consent-form-kk.pdf"),
        v.consent_form_pdf(c.number, DocLang::Kk).unwrap(),
    );
    let out = dir.parent().unwrap().join("form.pdf");
    save(
        &out,
        &v.consent_form_pdf(c.number, DocLang::Kk).unwrap(),
        IfExists::Refuse,
    )
    .unwrap();
    assert!(fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert!(save(&dir.join("no/such/folder/x.pdf"), b"x", IfExists::Replace).is_err());
}

#[test]
fn the_act_names_numbers_not_people() {
    let (_t, _d, v) = vault();
    let id = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Жойылатын"),
                    (Field::Name, "Адам"),
                    (Field::Notes, "құпия"),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    let a = v.destroy(&[id], Ground::Request, None).unwrap();
    let kk = text_of(&v.act_pdf(a.number, DocLang::Kk).unwrap());
    assert!(kk.contains("жою туралы акт") && kk.contains("№ 1"), "{kk}");
    assert!(!kk.contains("Жойылатын") && !kk.contains("құпия"));
    let ru_pdf = v.act_pdf(a.number, DocLang::Ru).unwrap();
    let _ = fs::write(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/act-ru.pdf"),
        &ru_pdf,
    );
    let ru = text_of(&ru_pdf);
    assert!(
        ru.contains("Акт об уничтожении") && ru.contains("требование субъекта"),
        "{ru}"
    );
}

#[test]
fn saving_never_replaces_a_file_unless_told_to() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("act-1-kk.pdf");
    save(&path, b"first", IfExists::Refuse).unwrap();
    assert!(matches!(
        save(&path, b"second", IfExists::Refuse),
        Err(Error::FileExists)
    ));
    assert_eq!(
        fs::read(&path).unwrap(),
        b"first",
        "the first file is untouched"
    );
    save(&path, b"second", IfExists::Replace).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"second");
    // No temporary file is left behind either way.
    let names: Vec<_> = fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["act-1-kk.pdf"]);
    assert!(matches!(
        save(t.path(), b"x", IfExists::Replace),
        Err(Error::InvalidInput {
            field: "path",
            reason: crate::error::Reason {
                code: "save_path_is_folder",
                ..
            }
        })
    ));
}

#[test]
fn an_undone_save_puts_back_the_file_it_replaced() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("report.csv");
    save_undoably(&path, b"new", IfExists::Refuse)
        .unwrap()
        .undo();
    assert!(!path.exists(), "a new file goes");
    fs::write(&path, b"sent to the donor").unwrap();
    let saved = save_undoably(&path, b"replacement", IfExists::Replace).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"replacement");
    saved.undo();
    assert_eq!(fs::read(&path).unwrap(), b"sent to the donor");
    save_undoably(&path, b"replacement", IfExists::Replace)
        .unwrap()
        .keep();
    assert_eq!(fs::read(&path).unwrap(), b"replacement");
    let names: Vec<_> = fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["report.csv"], "nothing set aside is left behind");
    // Forgotten (a panic on the way), it undoes.
    {
        let _forgotten = save_undoably(&path, b"third", IfExists::Replace).unwrap();
    }
    assert_eq!(fs::read(&path).unwrap(), b"replacement");
    assert_eq!(fs::read_dir(t.path()).unwrap().count(), 1);
}

#[test]
fn a_later_save_removes_what_an_interrupted_one_left() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let old_time = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
    let leftover = |name: &str, old: bool| {
        let f = fs::File::create(dir.join(name)).unwrap();
        if old {
            f.set_modified(old_time).unwrap();
        }
    };
    let stale_part = format!(".derbes-{}.part", uuid::Uuid::new_v4());
    let stale_old = format!(".derbes-{}.old", uuid::Uuid::new_v4());
    let fresh_part = format!(".derbes-{}.part", uuid::Uuid::new_v4());
    leftover(&stale_part, true);
    leftover(&stale_old, true);
    leftover(&fresh_part, false); // another window may be saving
    leftover(".derbes-notes.part", true); // not ours: no UUID
    leftover("form.pdf", true);
    save(&dir.join("act.pdf"), b"%PDF-", IfExists::Refuse).unwrap();
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut expected = vec![
        fresh_part,
        ".derbes-notes.part".to_string(),
        "act.pdf".to_string(),
        "form.pdf".to_string(),
    ];
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn the_offered_path_is_a_free_one() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    assert_eq!(free_path(dir, "report.xlsx"), dir.join("report.xlsx"));
    fs::write(dir.join("report.xlsx"), b"1").unwrap();
    assert_eq!(free_path(dir, "report.xlsx"), dir.join("report (2).xlsx"));
    fs::write(dir.join("report (2).xlsx"), b"2").unwrap();
    assert_eq!(free_path(dir, "report.xlsx"), dir.join("report (3).xlsx"));
    fs::write(dir.join("notes"), b"n").unwrap();
    assert_eq!(free_path(dir, "notes"), dir.join("notes (2)"));
    fs::write(dir.join(".hidden"), b"h").unwrap();
    assert_eq!(free_path(dir, ".hidden"), dir.join(".hidden (2)"));
}
