use std::io::Read;

use super::*;
use crate::register::fields::{Field, Kind, ServiceDraft, Sex};
use crate::reports::release::Sensitive;
use crate::reports::table::Dimension;
use crate::test_support::{bare_vault, draft, iin, vault};
use time::macros::date;

const SURNAME: &str = "Маркерханова";
const PHONE: &str = "+77011234567";

/// 40 people with a marker surname and phone, served in 2026.
fn people(v: &Vault) -> Vec<String> {
    let mut iins = Vec::new();
    for i in 0..40u16 {
        let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
        let person_iin = iin(date!(1985 - 03 - 01), sex, i + 1);
        let phone = format!("+770112345{:02}", i);
        let mut d = draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, SURNAME),
                (Field::Name, "Айгерім"),
                (Field::Iin, &person_iin),
                (Field::Phone, if i == 7 { PHONE } else { &phone }),
                (Field::Region, if i < 30 { "astana" } else { "abai" }),
                (Field::District, "Есіл"),
                (Field::HouseholdSize, "4"),
            ],
        );
        d.services = vec![ServiceDraft {
            date: "2026-05-04".into(),
            service_type: if i % 3 == 0 {
                "shelter"
            } else {
                "food_package"
            }
            .into(),
        }];
        v.add_subject(&d, &crate::test_support::basis()).unwrap();
        iins.push(person_iin);
    }
    iins
}

fn to() -> Recipient {
    Recipient {
        recipient: "Фонд «Болашақ үшін»".into(),
        purpose: "Annual report, grant № 7".into(),
    }
}

fn report_spec() -> ReportSpec {
    ReportSpec {
        from: "2026-01".into(),
        to: "2026-12".into(),
        by: vec![Dimension::Region, Dimension::Sex],
        ..Default::default()
    }
}

fn release_spec() -> ReleaseSpec {
    ReleaseSpec {
        from: "2026-01".into(),
        to: "2026-12".into(),
        sensitive: Some(Sensitive::ServiceType),
        ..Default::default()
    }
}

/// Everything readable in a file: CSV as is, XLSX unzipped, PDF's extracted text.
fn readable(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    match path.extension().unwrap().to_str().unwrap() {
        "csv" => String::from_utf8(bytes).unwrap(),
        "xlsx" => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut all = String::new();
            for i in 0..zip.len() {
                zip.by_index(i).unwrap().read_to_string(&mut all).unwrap();
            }
            all
        }
        _ => {
            let doc = lopdf::Document::load_mem(&bytes).unwrap();
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).unwrap()
        }
    }
}

#[test]
fn every_format_of_both_exports_names_no_one_and_is_in_the_ledger() {
    let (t, _dir, v) = vault();
    let iins = people(&v);
    for (i, format) in [Format::Csv, Format::Xlsx, Format::Pdf]
        .into_iter()
        .enumerate()
    {
        for (j, kind) in ["report", "release"].into_iter().enumerate() {
            let path = t.path().join(format!("out-{kind}.{}", format.key()));
            let transfer = match kind {
                "report" => v.export_report(
                    &report_spec(),
                    Lang::Kk,
                    format,
                    &to(),
                    &path,
                    IfExists::Refuse,
                ),
                _ => v.export_release(
                    &release_spec(),
                    Lang::Ru,
                    format,
                    &to(),
                    &path,
                    IfExists::Refuse,
                ),
            }
            .unwrap();
            assert_eq!(transfer.number, (i * 2 + j + 1) as i64);
            assert_eq!(transfer.kind, kind);
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(transfer.sha256, hex::encode(Sha256::digest(&bytes)));
            assert_eq!(transfer.size, bytes.len() as i64);
            let text = readable(&path);
            // The file is what it claims: the organisation or the data is there.
            assert!(
                text.contains("Астана") || text.contains("Жәрдем"),
                "{kind} {format:?}: {text}"
            );
            for marker in [SURNAME, "Айгерім", PHONE, "77011234567", &iins[0], &iins[7]] {
                assert!(!text.contains(marker), "{kind} {format:?} holds {marker}");
            }
        }
    }
    let ledger = v.transfers().unwrap();
    assert_eq!(ledger.len(), 6);
    assert_eq!(ledger[0].number, 6);
    assert_eq!(ledger[0].recipient, "Фонд «Болашақ үшін»");
    assert_eq!(ledger[0].parameters["spec"]["k"], 5);
    assert!(ledger[0].outcome["kAchieved"].as_u64().unwrap() >= 5);
    // The journal has each transfer, without the recipient's words.
    let (_, entries) = v.journal(50, 0).unwrap();
    let recorded: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "transfer.recorded")
        .collect();
    assert_eq!(recorded.len(), 6);
    assert!(!recorded[0].details.to_string().contains("Болашақ"));
    assert!(v.verify_journal().unwrap().ok);
}

#[test]
fn a_file_is_found_in_the_ledger_by_its_hash_until_it_is_changed() {
    let (t, _dir, v) = vault();
    people(&v);
    let path = t.path().join("r.csv");
    let sent = v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Csv,
            &to(),
            &path,
            IfExists::Refuse,
        )
        .unwrap();
    assert_eq!(
        v.find_transfer_of_file(&path).unwrap().unwrap().number,
        sent.number
    );
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.push(b'\n');
    std::fs::write(&path, bytes).unwrap();
    assert!(v.find_transfer_of_file(&path).unwrap().is_none());
}

#[test]
fn a_failed_write_leaves_no_ledger_entry_and_no_file() {
    let (t, _dir, v) = vault();
    people(&v);
    // Refused before anything is recorded: no such folder.
    let path = t.path().join("no such folder").join("r.pdf");
    assert!(v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Pdf,
            &to(),
            &path,
            IfExists::Refuse
        )
        .is_err());
    // Fails while the ledger entry is written: a name longer than the file system allows.
    let out = t.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let long = out.join(format!("{}.pdf", "report-".repeat(40)));
    let e = v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Pdf,
            &to(),
            &long,
            IfExists::Refuse,
        )
        .unwrap_err();
    assert!(matches!(e, Error::Io { .. }), "{e:?}");
    assert!(v.transfers().unwrap().is_empty());
    assert!(!path.exists());
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "no temporary file is left"
    );
    let (_, entries) = v.journal(5, 0).unwrap();
    assert!(entries.iter().all(|e| e.action != "transfer.recorded"));
    // And the ledger numbers on from there.
    let ok = out.join("r.pdf");
    let sent = v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Pdf,
            &to(),
            &ok,
            IfExists::Refuse,
        )
        .unwrap();
    assert_eq!(sent.number, 1);
}

#[test]
fn a_transfer_needs_a_recipient_a_purpose_and_an_organisation() {
    let (t, _dir, v) = vault();
    people(&v);
    let path = t.path().join("r.csv");
    let mut who = to();
    who.recipient = "  ".into();
    let e = v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Csv,
            &who,
            &path,
            IfExists::Refuse,
        )
        .unwrap_err();
    assert!(matches!(
        e,
        Error::InvalidInput {
            field: "recipient",
            ..
        }
    ));
    who = to();
    who.purpose = String::new();
    assert!(v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Csv,
            &who,
            &path,
            IfExists::Refuse
        )
        .is_err());
    let (t2, _dir2, bare) = bare_vault();
    people(&bare);
    let e = bare
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Csv,
            &to(),
            &t2.path().join("x.csv"),
            IfExists::Refuse,
        )
        .unwrap_err();
    assert!(matches!(
        e,
        Error::InvalidInput {
            field: "organisation",
            ..
        }
    ));
    assert!(!path.exists());
}

#[test]
fn the_ledger_cannot_be_edited_or_emptied() {
    let (t, _dir, v) = vault();
    people(&v);
    v.export_report(
        &report_spec(),
        Lang::En,
        Format::Csv,
        &to(),
        &t.path().join("r.csv"),
        IfExists::Refuse,
    )
    .unwrap();
    assert!(v
        .conn()
        .execute("UPDATE transfer SET recipient = 'someone else'", [])
        .is_err());
    assert!(v.conn().execute("DELETE FROM transfer", []).is_err());
    assert_eq!(v.transfers().unwrap().len(), 1);
}

#[test]
fn formats_parse_from_keys_and_file_names() {
    assert_eq!(Format::parse("XLSX").unwrap(), Format::Xlsx);
    assert_eq!(
        Format::from_path(Path::new("/tmp/report.pdf")).unwrap(),
        Format::Pdf
    );
    assert!(Format::from_path(Path::new("/tmp/report.docx")).is_err());
}

#[test]
fn the_file_name_must_match_the_format() {
    let (t, _dir, v) = vault();
    people(&v);
    let path = t.path().join("r.csv");
    let e = v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Pdf,
            &to(),
            &path,
            IfExists::Refuse,
        )
        .unwrap_err();
    assert!(matches!(e, Error::InvalidInput { field: "path", .. }));
    assert!(!path.exists());
    assert!(v.transfers().unwrap().is_empty());
}

#[test]
fn a_second_export_never_replaces_the_first_unless_told_to() {
    let (t, _dir, v) = vault();
    people(&v);
    let path = t.path().join("r.csv");
    let first = v
        .export_report(
            &report_spec(),
            Lang::En,
            Format::Csv,
            &to(),
            &path,
            IfExists::Refuse,
        )
        .unwrap();
    let e = v
        .export_report(
            &report_spec(),
            Lang::Kk,
            Format::Csv,
            &to(),
            &path,
            IfExists::Refuse,
        )
        .unwrap_err();
    assert!(matches!(e, Error::FileExists), "{e:?}");
    // The file the recipient holds still matches its ledger entry, and nothing was recorded.
    assert_eq!(
        v.find_transfer_of_file(&path).unwrap().unwrap().number,
        first.number
    );
    assert_eq!(v.transfers().unwrap().len(), 1);
    let second = v
        .export_report(
            &report_spec(),
            Lang::Kk,
            Format::Csv,
            &to(),
            &path,
            IfExists::Replace,
        )
        .unwrap();
    assert_eq!(
        v.find_transfer_of_file(&path).unwrap().unwrap().number,
        second.number
    );
}

#[test]
fn a_transfer_not_in_the_ledger_is_refused_by_its_number() {
    let (_t, _dir, v) = vault();
    let e = v.transfer_by_number(99).unwrap_err();
    assert_eq!(e.to_string(), "There is no transfer № 99 in the ledger.");
    assert_eq!(
        crate::words::error(Lang::Ru, &e),
        "В реестре передачи данных нет передачи № 99."
    );
    assert_eq!(e.params()["reason"], "transfer_not_found");
    assert_eq!(e.params()["number"], 99);
}
