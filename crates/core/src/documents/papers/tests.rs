//! Tests of the papers: each renders in both languages with the vault's facts in its text
//! layer, as PDF/A; numbers and journals what it produces; and says when it is out of date.

use std::fs;

use super::*;
use crate::documents::typeset::tests::{pdf_a_structure, text_of};
use crate::register::fields::{Field, Kind};
use crate::register::organisation::Organisation;
use crate::test_support::{draft, vault};

/// Text with line breaks, hyphenation and spacing taken out, so a phrase broken across lines
/// is still found.
fn squeezed(s: &str) -> String {
    s.replace("-\n", "")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

fn assert_says(text: &str, needle: &str, what: &str) {
    assert!(
        squeezed(text).contains(&squeezed(needle)),
        "{what}: expected {needle:?} in the text layer:\n{text}"
    );
}

fn organisation(v: &Vault) {
    v.set_organisation(&Organisation {
        name: "«Қамқорлық» қоғамдық қоры".into(),
        bin: crate::demo::demo_bin(),
        address: "Алматы қ., Абай даңғылы, 10".into(),
        responsible_name: "Айгерім Сейітқызы".into(),
        responsible_contacts: "+7 701 234 56 78".into(),
        head_name: "Мұрат Әбенов".into(),
        head_position: "Төраға".into(),
    })
    .unwrap();
}

/// When `DERBES_SCRATCH` names a folder, the papers are also written there to look at.
fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("DERBES_SCRATCH") {
        fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
    }
}

#[test]
fn every_paper_renders_in_kazakh_and_russian_with_the_vaults_facts_as_pdf_a() {
    let (t, _dir, v) = vault();
    organisation(&v);
    let worker = v
        .add_subject(
            &draft(
                Kind::Volunteer,
                &[(Field::Surname, "Жұмабаева"), (Field::Name, "Гүлнұр")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    v.set_sees_data(worker, true).unwrap();
    for lang in [DocLang::Kk, DocLang::Ru] {
        for paper in Paper::ALL {
            let mut req = PaperRequest::new(paper, lang);
            if paper == Paper::Undertaking {
                req.person = Some(worker);
            }
            let out = t.path().join(format!("{}-{}.pdf", paper.key(), lang.key()));
            let produced = v.produce_paper(&req, &out, IfExists::Refuse).unwrap();
            let bytes = fs::read(&out).unwrap();
            keep(&format!("{}-{}.pdf", paper.key(), lang.key()), &bytes);
            assert_eq!(produced.sha256, sha256_hex(&bytes));
            pdf_a_structure(&bytes);
            let text = text_of(&bytes);
            let what = format!("{} in {}", paper.key(), lang.key());
            assert_says(&text, "«Қамқорлық» қоғамдық қоры", &what);
            assert_says(&text, "Айгерім Сейітқызы", &what);
            assert_says(&text, &format!("№ {}", produced.number), &what);
            if lang == DocLang::Kk {
                assert!(
                    text.chars().any(|c| "әғқңөұүһі".contains(c)),
                    "{what}: Kazakh letters survive into the text layer"
                );
            }
            match paper {
                Paper::Inventory | Paper::Policy => {
                    // The inventory's items: a purpose by name, and (in the inventory) its fields.
                    let purpose = match lang {
                        DocLang::Kk => &v.inventory().unwrap().document.purposes[0].names.kk,
                        DocLang::Ru => &v.inventory().unwrap().document.purposes[0].names.ru,
                    };
                    assert_says(&text, purpose, &what);
                    if paper == Paper::Inventory {
                        assert_says(
                            &text,
                            if lang == DocLang::Kk {
                                "ЖСН"
                            } else {
                                "ИИН"
                            },
                            &what,
                        );
                        assert_says(
                            &text,
                            if lang == DocLang::Kk {
                                "Денсаулығы туралы мәліметтер"
                            } else {
                                "Сведения о здоровье"
                            },
                            &what,
                        );
                    }
                }
                Paper::Order => assert_says(&text, "Мұрат Әбенов", &what),
                Paper::Retention => assert_says(
                    &text,
                    if lang == DocLang::Kk {
                        "өмір бойы"
                    } else {
                        "пожизненно"
                    },
                    &what,
                ),
                Paper::Undertaking => assert_says(&text, "Жұмабаева Гүлнұр", &what),
            }
        }
    }
}

#[test]
fn producing_numbers_each_kind_and_journals_it_without_names() {
    let (t, _dir, v) = vault();
    organisation(&v);
    let req = PaperRequest::new(Paper::Policy, DocLang::Ru);
    let first = v
        .produce_paper(&req, &t.path().join("a.pdf"), IfExists::Refuse)
        .unwrap();
    let second = v
        .produce_paper(&req, &t.path().join("b.pdf"), IfExists::Refuse)
        .unwrap();
    let order = v
        .produce_paper(
            &PaperRequest::new(Paper::Order, DocLang::Kk),
            &t.path().join("c.pdf"),
            IfExists::Refuse,
        )
        .unwrap();
    assert_eq!((first.number, second.number, order.number), (1, 2, 1));
    assert!(
        matches!(
            v.produce_paper(&req, &t.path().join("a.pdf"), IfExists::Refuse),
            Err(Error::FileExists)
        ),
        "an earlier paper is never replaced unasked"
    );
    let entries = crate::vault::journal::list(v.conn(), 50, 0).unwrap();
    let produced: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "paper.produced")
        .collect();
    assert_eq!(produced.len(), 3, "the refused save left no record");
    for e in produced {
        let details = e.details.to_string();
        assert!(!details.contains("Айгерім") && !details.contains("Қамқорлық"));
    }
    // A preview records nothing as produced, and shows the number the next one would get.
    let preview = v.preview_paper(&req).unwrap();
    assert_eq!(preview.number, 3);
    assert!(preview.pages.len() >= 2 && preview.pages[0].starts_with("<svg"));
    assert_eq!(v.next_paper_number("policy").unwrap(), 3);
    assert_eq!(v.papers().unwrap()[0].next_number, 3);
    assert!(
        !crate::test_support::actions(&v).contains(&"paper.previewed".to_string()),
        "a policy's preview leaves no trace"
    );
}

#[test]
fn a_paper_says_it_is_out_of_date_and_why() {
    let (t, _dir, v) = vault();
    organisation(&v);
    let state = |paper: Paper| {
        v.papers()
            .unwrap()
            .into_iter()
            .find(|s| s.paper == paper)
            .unwrap()
    };
    assert_eq!(state(Paper::Policy).state(), "never");
    for (i, paper) in [
        Paper::Policy,
        Paper::Inventory,
        Paper::Order,
        Paper::Retention,
    ]
    .into_iter()
    .enumerate()
    {
        v.produce_paper(
            &PaperRequest::new(paper, DocLang::Kk),
            &t.path().join(format!("{i}.pdf")),
            IfExists::Refuse,
        )
        .unwrap();
        assert_eq!(
            state(paper).state(),
            "current",
            "{paper:?}: {:?}",
            state(paper)
        );
    }
    let mut org = v.organisation().unwrap();
    org.responsible_name = "Дана Омарова".into();
    v.set_organisation(&org).unwrap();
    for paper in [
        Paper::Policy,
        Paper::Inventory,
        Paper::Order,
        Paper::Retention,
    ] {
        assert_eq!(state(paper).outdated, ["responsible_changed"], "{paper:?}");
    }
    // Produced again, they are current; then the inventory changes under two of them.
    for (i, paper) in [
        Paper::Policy,
        Paper::Inventory,
        Paper::Order,
        Paper::Retention,
    ]
    .into_iter()
    .enumerate()
    {
        let out = t.path().join(format!("again-{i}.pdf"));
        v.produce_paper(
            &PaperRequest::new(paper, DocLang::Kk),
            &out,
            IfExists::Refuse,
        )
        .unwrap();
    }
    let mut doc = v.inventory().unwrap().document;
    doc.purposes.pop();
    v.approve_inventory(&doc).unwrap();
    assert_eq!(state(Paper::Inventory).outdated, ["inventory_changed"]);
    assert_eq!(state(Paper::Policy).outdated, ["inventory_changed"]);
    assert_eq!(state(Paper::Order).state(), "current");
    let out = t.path().join("retention-3.pdf");
    v.produce_paper(
        &PaperRequest::new(Paper::Retention, DocLang::Kk),
        &out,
        IfExists::Refuse,
    )
    .unwrap();
    let mut rules = v.retention_rules().unwrap();
    rules.pop();
    v.set_retention_rules(&rules).unwrap();
    assert_eq!(state(Paper::Retention).outdated, ["details_changed"]);

    // The earlier inventory is still printable, and says it was replaced.
    let mut old = PaperRequest::new(Paper::Inventory, DocLang::Ru);
    old.version = Some(1);
    let out = t.path().join("old.pdf");
    v.produce_paper(&old, &out, IfExists::Refuse).unwrap();
    let text = text_of(&fs::read(&out).unwrap());
    assert_says(&text, "заменена более поздней версией", "inventory v1");
    old.version = Some(9);
    assert!(matches!(
        v.produce_paper(&old, &t.path().join("none.pdf"), IfExists::Refuse),
        Err(Error::InvalidInput { .. })
    ));
}

#[test]
fn who_sees_the_data_is_the_users_and_the_marked_staff_of_the_register() {
    let (_t, _dir, v) = vault();
    let child = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Ахметов"), (Field::Name, "Нұрлан")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    let clerk = v
        .add_subject(
            &draft(
                Kind::Employee,
                &[(Field::Surname, "Серікова"), (Field::Name, "Әйгерім")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    assert!(matches!(
        v.set_sees_data(child, true),
        Err(Error::InvalidInput {
            field: "sees_data",
            ..
        })
    ));
    assert_eq!(v.confidants().unwrap().len(), 1, "only the user so far");
    v.set_sees_data(clerk, true).unwrap();
    v.set_sees_data(clerk, true).unwrap();
    let people = v.confidants().unwrap();
    assert_eq!(people.len(), 2);
    assert_eq!(people[1].name, "Серікова Әйгерім");
    assert_eq!(people[1].source, "register");
    assert!(v.subject(clerk).unwrap().sees_data);
    let changes = crate::test_support::actions(&v)
        .iter()
        .filter(|a| *a == "subject.sees_data_changed")
        .count();
    assert_eq!(changes, 1, "setting it twice journals once");
    let undertakings = v
        .papers()
        .unwrap()
        .into_iter()
        .filter(|s| s.paper == Paper::Undertaking)
        .count();
    assert_eq!(
        undertakings, 2,
        "one undertaking per person who sees the data"
    );
    assert!(matches!(
        v.preview_paper(&PaperRequest::new(Paper::Undertaking, DocLang::Kk)),
        Err(Error::InvalidInput {
            field: "person",
            ..
        })
    ));
}

fn unzip(path: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

#[test]
fn the_pack_holds_every_paper_act_and_table_its_index_lists_and_its_journal_verifies() {
    use crate::lifecycle::consent::{ConsentDraft, ConsentForm};
    let (t, _dir, v) = vault();
    organisation(&v);
    let person = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Нұрланов"), (Field::Name, "Ерасыл")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    v.add_consent(
        person,
        &ConsentDraft {
            purposes: vec!["legal_aid".into()],
            form: Some(ConsentForm::Paper),
            form_reference: Some("Папка 3".into()),
            ..ConsentDraft::default()
        },
    )
    .unwrap();
    let gone = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Бекова"), (Field::Name, "Сая")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap()
        .id;
    v.destroy(&[gone], crate::lifecycle::end::Ground::Request, None)
        .unwrap();
    // The policy was produced before and is still current: the pack carries it again.
    v.produce_paper(
        &PaperRequest::new(Paper::Policy, DocLang::Ru),
        &t.path().join("policy.pdf"),
        IfExists::Refuse,
    )
    .unwrap();
    let out = t.path().join(pack_file_name(
        "«Қамқорлық» қоғамдық қоры",
        time::OffsetDateTime::now_utc(),
    ));
    assert!(out
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("Қамқорлық-қоғамдық-қоры-20"));
    let summary = v
        .compliance_pack(DocLang::Kk, &out, IfExists::Refuse, false)
        .unwrap();
    let files = unzip(&out);
    keep("pack-index-kk.pdf", &files["0-index.pdf"]);
    assert_eq!(
        files.len(),
        summary.entries.len() + 1 + 6 + 1,
        "the index, every entry, the six JSON twins and the journal's verification"
    );
    for e in &summary.entries {
        assert!(files.contains_key(&e.file), "{} is in the ZIP", e.file);
    }
    let policy = summary.entries.iter().find(|e| e.what == "policy").unwrap();
    assert_eq!((policy.number, policy.state.as_str()), (Some(1), "current"));
    let order = summary.entries.iter().find(|e| e.what == "order").unwrap();
    assert_eq!((order.number, order.state.as_str()), (Some(1), "new"));
    assert!(summary
        .entries
        .iter()
        .any(|e| e.what == "act" && files.contains_key("acts/act-0001.pdf")));
    assert!(summary.journal_ok);
    let verification: serde_json::Value =
        serde_json::from_slice(&files["tables/journal-verification.json"]).unwrap();
    assert_eq!(verification["ok"], true);
    let consents = String::from_utf8(files["tables/consents.csv"].clone()).unwrap();
    assert!(
        consents.starts_with("\u{feff}Келісім №"),
        "headers in the pack's language: {consents}"
    );
    assert!(consents.contains("Нұрланов Ерасыл") && consents.contains("Папка 3"));
    assert!(
        !files.keys().any(|f| f.starts_with("scans/")),
        "no scans unless asked"
    );
    let journal: serde_json::Value = serde_json::from_slice(&files["tables/journal.json"]).unwrap();
    assert!(journal
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "subjects.destroyed"));
    // The index says what each item answers, and what is missing.
    let index = text_of(&files["0-index.pdf"]);
    pdf_a_structure(&files["0-index.pdf"]);
    assert_says(&index, "25(2)(1-1)", "index");
    assert!(
        files.contains_key("tables/requests.csv") && files.contains_key("tables/breaches.json")
    );
    assert!(!summary.missing.contains(&"policy_not_approved"));
    // Recorded: the pack and the papers it made, in the journal.
    let actions = crate::test_support::actions(&v);
    assert!(actions.contains(&"pack.produced".to_string()));
    assert_eq!(
        v.papers().unwrap()[2].state(),
        "current",
        "the order the pack made is recorded"
    );
    assert!(matches!(
        v.compliance_pack(DocLang::Kk, &out, IfExists::Refuse, false),
        Err(Error::FileExists)
    ));
    assert_eq!(
        sha256_hex(&fs::read(&out).unwrap()),
        summary.sha256,
        "the refused pack left the first"
    );
}

#[test]
fn an_empty_vaults_pack_says_what_is_missing_and_scans_go_in_only_when_asked() {
    let (t, _dir, v) = crate::test_support::bare_vault();
    let out = t.path().join("pack.zip");
    let summary = v
        .compliance_pack(DocLang::Ru, &out, IfExists::Refuse, true)
        .unwrap();
    for key in [
        "org_bin_missing",
        "responsible_missing",
        "head_missing",
        "policy_not_approved",
        "no_acts",
    ] {
        assert!(
            summary.missing.contains(&key),
            "{key} in {:?}",
            summary.missing
        );
    }
    let files = unzip(&out);
    let index = text_of(&files["0-index.pdf"]);
    assert_says(&index, "Политика ранее не утверждалась", "index");
    assert_says(&index, "Не указан БИН организации", "index");
    // No leftovers beside the pack.
    let names: Vec<String> = fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".derbes-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn everything_a_pack_can_lack_is_said_in_every_language() {
    let source = include_str!("pack.rs");
    let keys: Vec<&str> = source
        .match_indices("_missing\"")
        .chain(source.match_indices("\"policy_not_approved\""))
        .chain(source.match_indices("\"no_consents\""))
        .chain(source.match_indices("\"no_acts\""))
        .map(|(at, m)| {
            let end = at + m.len();
            let start = source[..end - 1].rfind('"').unwrap() + 1;
            &source[start..end - 1]
        })
        .collect();
    assert!(keys.len() >= 11, "{keys:?}");
    for key in keys {
        for lang in crate::words::Lang::ALL {
            assert!(
                crate::words::has(lang, &format!("pack-missing-{key}")),
                "pack-missing-{key} in {}",
                lang.key()
            );
        }
    }
}
