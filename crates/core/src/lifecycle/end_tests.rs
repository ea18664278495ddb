//! Anonymisation and destruction, including the forensic tests: every page of the database and
//! its WAL is decrypted by the test itself (AES-256-CBC, SQLCipher 4's page layout) and searched
//! for marker values stored in every field of a person.

use std::path::Path;

use aes::cipher::{block_padding::NoPadding, BlockDecryptMut, KeyIvInit};

use super::*;
use crate::error::Reason;
use crate::lifecycle::consent::{ConsentDraft, ConsentForm, Representative};
use crate::register::fields::{Field, Kind, PersonDraft, ServiceDraft, Sex};
use crate::test_support::{draft, iin, vault, with_services, PASSWORD};
use crate::vault::keyslots::{Keyslots, SlotKind};
use time::macros::date;

const PAGE: usize = 4096;
const RESERVE: usize = 80; // IV (16) + HMAC-SHA512 (64)

/// Greek letters: nothing else in a test vault holds them, so even a 3-letter piece of a marker
/// (a trigram in the search index) found in a page is a real trace.
const SURNAME: &str = "Ψωξφχsurname";
const NAME: &str = "Ψωξλμname";
const PATRONYMIC: &str = "Ψωξπρpatronymic";
const EMAIL: &str = "psi.marker.email@example.org";
const ADDRESS: &str = "Ψωξ address line 17";
const ID_DOCUMENT: &str = "ΨΩΞDOC-771199";
const NOTES: &str = "Ψωξ notes: fled in March";
const HEALTH: &str = "Ψωξ health: diagnosis";
const SETTLEMENT: &str = "Ψωξsettlement";
const DISTRICT: &str = "Ψωξdistrict";
const PROGRAMME: &str = "Ψωξprogramme";
const DISABILITY: &str = "Ψωξdisability";
const SERVICE: &str = "Ψωξservice";
const RECIPIENT: &str = "Ψωξrecipient";
const REPRESENTATIVE: &str = "Ψωξrepresentative";
const ATTACHMENT: &[u8] = b"PSIATTACHMENTMARKER";

fn data_key(dir: &Path) -> [u8; 32] {
    let (opened, _) = Keyslots::read(dir)
        .unwrap()
        .unlock(SlotKind::Password, None, PASSWORD.as_bytes())
        .unwrap()
        .unwrap();
    *opened.key.as_bytes()
}

fn decrypt_page(key: &[u8; 32], page: &[u8], first: bool) -> Vec<u8> {
    let start = if first { 16 } else { 0 }; // page 1 starts with the plaintext salt
    let iv = &page[PAGE - RESERVE..PAGE - RESERVE + 16];
    let mut buf = page[start..PAGE - RESERVE].to_vec();
    cbc::Decryptor::<aes::Aes256>::new(key.into(), iv.into())
        .decrypt_padded_mut::<NoPadding>(&mut buf)
        .unwrap();
    buf
}

/// Every decrypted page of `vault.db` and of every frame in `vault.db-wal`.
fn decrypted_pages(dir: &Path) -> Vec<Vec<u8>> {
    let key = data_key(dir);
    let db = std::fs::read(dir.join("vault.db")).unwrap();
    assert_eq!(db.len() % PAGE, 0);
    let mut pages: Vec<Vec<u8>> = db
        .chunks(PAGE)
        .enumerate()
        .map(|(i, p)| decrypt_page(&key, p, i == 0))
        .collect();
    // The decryption is right: page 1 carries SQLite's header fields after the salt.
    assert_eq!(
        &pages[0][0..2],
        &[0x10, 0x00],
        "page size 4096 in the header"
    );
    assert_eq!(pages[0][5], 64, "max payload fraction");
    if let Ok(wal) = std::fs::read(dir.join("vault.db-wal")) {
        for frame in wal.get(32..).unwrap_or_default().chunks(24 + PAGE) {
            if frame.len() == 24 + PAGE {
                let number = u32::from_be_bytes(frame[0..4].try_into().unwrap());
                pages.push(decrypt_page(&key, &frame[24..], number == 1));
            }
        }
    }
    pages
}

fn count(pages: &[Vec<u8>], needle: &[u8]) -> usize {
    pages
        .iter()
        .map(|p| p.windows(needle.len()).filter(|w| *w == needle).count())
        .sum()
}

/// The values as the vault stores them.
fn needles(values: &[&str]) -> Vec<Vec<u8>> {
    values.iter().map(|v| v.as_bytes().to_vec()).collect()
}

/// What the search index keeps of names: folded, and each 3-letter Greek piece (a trigram).
fn search_needles(values: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for v in values {
        let folded: Vec<char> = crate::text::fold(v).chars().collect();
        for w in folded.windows(3) {
            if w.iter().all(|c| ('\u{3b1}'..='\u{3c9}').contains(c)) {
                out.push(w.iter().collect::<String>().into_bytes());
            }
        }
    }
    out
}

pub(crate) struct Marked {
    pub(crate) id: Uuid,
    iin: String,
    phone_digits: String,
}

pub(crate) fn filler(v: &Vault, from: usize, n: usize) {
    let people: Vec<PersonDraft> = (from..from + n)
        .map(|i| {
            with_services(
                draft(
                    Kind::Beneficiary,
                    &[
                        (Field::Surname, &format!("Әбенова{i}")),
                        (Field::Name, "Гүлнар"),
                        (
                            Field::Iin,
                            &iin(date!(1985 - 01 - 01), Sex::Female, 100 + i as u16 * 20),
                        ),
                        (Field::Notes, "Көп балалы отбасы"),
                    ],
                ),
                &["2021-02-03"],
            )
        })
        .collect();
    for p in &people {
        v.add_subject(p, &crate::test_support::basis()).unwrap();
    }
}

pub(crate) fn marked(v: &Vault) -> Marked {
    let iin = iin(date!(1979 - 07 - 23), Sex::Female, 4242);
    let mut d = draft(
        Kind::Beneficiary,
        &[
            (Field::Surname, SURNAME),
            (Field::Name, NAME),
            (Field::Patronymic, PATRONYMIC),
            (Field::Iin, &iin),
            (Field::Phone, "+7 705 918 27 36"),
            (Field::Email, EMAIL),
            (Field::Region, "abai"),
            (Field::District, DISTRICT),
            (Field::Settlement, SETTLEMENT),
            (Field::Address, ADDRESS),
            (Field::IdDocument, ID_DOCUMENT),
            (Field::Programme, PROGRAMME),
            (Field::Disability, DISABILITY),
            (Field::HouseholdSize, "7"),
            (Field::HealthNotes, HEALTH),
            (Field::Notes, NOTES),
        ],
    );
    d.services = vec![ServiceDraft {
        date: "2022-04-05".into(),
        service_type: SERVICE.into(),
    }];
    let id = v.add_subject(&d, &crate::test_support::basis()).unwrap().id;
    let c = v
        .add_consent(
            id,
            &ConsentDraft {
                purposes: vec!["legal_aid".into(), "social_support".into()],
                form: Some(ConsentForm::Paper),
                third_parties: Some(RECIPIENT.into()),
                representative: Some(Representative {
                    name: REPRESENTATIVE.into(),
                    relation: "Ψωξrelation".into(),
                    document: "Ψωξdocument".into(),
                }),
                ..Default::default()
            },
        )
        .unwrap();
    // A scan large enough to need overflow pages.
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    for _ in 0..2000 {
        png.extend_from_slice(ATTACHMENT);
    }
    v.attach_consent_evidence(c.number, &png).unwrap();
    Marked {
        id,
        iin,
        phone_digits: "77059182736".into(),
    }
}

pub(crate) fn direct_identifiers(m: &Marked) -> Vec<Vec<u8>> {
    let mut n = needles(&[
        SURNAME,
        NAME,
        PATRONYMIC,
        EMAIL,
        ADDRESS,
        ID_DOCUMENT,
        NOTES,
        HEALTH,
        SETTLEMENT,
        RECIPIENT,
        REPRESENTATIVE,
    ]);
    n.extend(search_needles(&[SURNAME, NAME, PATRONYMIC]));
    n.push(m.iin.clone().into_bytes());
    n.push(m.phone_digits.clone().into_bytes());
    n.push(ATTACHMENT.to_vec());
    n
}

pub(crate) fn traces(dir: &Path, needles: &[Vec<u8>]) -> Vec<String> {
    let pages = decrypted_pages(dir);
    needles
        .iter()
        .filter(|n| count(&pages, n) > 0)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect()
}

fn vocabulary_has(v: &Vault, term: &str) -> bool {
    v.conn()
        .execute_batch("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, subject_search, 'row');")
        .unwrap();
    v.conn()
        .query_row(
            "SELECT count(*) FROM temp.search_terms WHERE term = ?1",
            [term],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        > 0
}

fn assert_sound(dir: &Path, v: Vault) {
    let check: String = v
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert!(v.verify_journal().unwrap().ok);
    v.lock("manual").unwrap();
    let v = Vault::unlock(dir, &crate::Password::new(PASSWORD)).unwrap();
    v.check_files().unwrap();
}

#[test]
fn destroy_leaves_no_byte_of_the_person_in_any_decrypted_page_or_the_wal() {
    let (_t, dir, v) = vault();
    filler(&v, 0, 150);
    let m = marked(&v);
    filler(&v, 150, 50);
    let mut all = direct_identifiers(&m);
    all.extend(needles(&[DISTRICT, PROGRAMME, DISABILITY, SERVICE]));
    // The scanner sees them while the person exists: the test can fail.
    let before = traces(&dir, &all);
    assert_eq!(
        before.len(),
        all.len(),
        "every marker is found before: {before:?}"
    );
    assert!(vocabulary_has(&v, "ψωξ"));

    let act = v.destroy(&[m.id], Ground::Request, None).unwrap();
    assert_eq!(act.action, EndAction::Destroy);
    assert_eq!(act.subjects, vec![151]);
    for c in [
        "identity",
        "contact",
        "id_number",
        "health",
        "services",
        "consents",
        "attachments",
    ] {
        assert!(
            act.categories.contains(&c.to_string()),
            "{c} in {:?}",
            act.categories
        );
    }
    assert_eq!(
        traces(&dir, &all),
        Vec::<String>::new(),
        "right after, vault open"
    );
    assert!(!vocabulary_has(&v, "ψωξ"));
    assert!(matches!(v.subject(m.id), Err(Error::SubjectNotFound)));
    assert_eq!(v.list_subjects(&Default::default()).unwrap().total, 200);
    let journal = serde_json::to_string(&v.journal(10_000, 0).unwrap().1).unwrap();
    assert!(!journal.contains("Ψωξ") && !journal.contains(&m.iin));
    assert_sound(&dir, v);
    assert_eq!(
        traces(&dir, &all),
        Vec::<String>::new(),
        "after lock and unlock"
    );
}

#[test]
fn anonymise_removes_every_direct_identifier_and_keeps_a_statistical_record() {
    let (_t, dir, v) = vault();
    filler(&v, 0, 150);
    let m = marked(&v);
    let mut direct = direct_identifiers(&m);
    // Free text an anonymous record must not carry word for word.
    direct.extend(needles(&[DISABILITY, SERVICE]));
    assert_eq!(traces(&dir, &direct).len(), direct.len());

    let act = v.anonymise(&[m.id], Ground::RetentionEnded, None).unwrap();
    assert_eq!(act.action, EndAction::Anonymise);
    assert!(
        !act.categories.contains(&"services".to_string()),
        "services are kept, coarsened"
    );
    assert_eq!(traces(&dir, &direct), Vec::<String>::new());
    assert!(!vocabulary_has(&v, "ψωξ"));
    assert_eq!(v.anonymous_records().unwrap(), 1);
    let (kind, sex, year, district, programme, household, month): (String, String, i64, String, String, i64, String) = v
        .conn()
        .query_row(
            "SELECT kind, sex, birth_year, district, programme, household_size, collected_month FROM anonymous_record",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), sex.as_str(), year),
        ("beneficiary", "female", 1979)
    );
    assert_eq!(
        (district.as_str(), programme.as_str(), household),
        (DISTRICT, PROGRAMME, 7)
    );
    assert_eq!(month.len(), 7, "collected as a month, not a day: {month}");
    let (service, kind_of_service, disability): (String, String, String) = v
        .conn()
        .query_row(
            "SELECT month, service_type, (SELECT disability FROM anonymous_record) FROM anonymous_service",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (service.as_str(), kind_of_service.as_str()),
        ("2022-04", "other")
    );
    assert_eq!(disability, "yes");
    // The register no longer has the person; nothing links the record back.
    assert!(matches!(v.subject(m.id), Err(Error::SubjectNotFound)));
    let birth_day = b"1979-07-23".to_vec();
    assert_eq!(
        traces(&dir, &[birth_day]),
        Vec::<String>::new(),
        "birth date coarsened"
    );
    assert_sound(&dir, v);
}

#[test]
fn blocked_or_held_people_refuse_the_whole_action() {
    let (_t, _d, v) = vault();
    filler(&v, 0, 3);
    let ids: Vec<Uuid> = (1..=3).map(|n| v.subject_id(n).unwrap()).collect();
    v.block(ids[1], "subject_request").unwrap();
    assert!(matches!(
        v.destroy(&ids, Ground::Request, None),
        Err(Error::Blocked { number: 2 })
    ));
    assert!(matches!(
        v.anonymise(&ids, Ground::Request, None),
        Err(Error::Blocked { number: 2 })
    ));
    v.unblock(ids[1], "not_confirmed").unwrap();
    v.hold(ids[2], "litigation").unwrap();
    assert!(matches!(
        v.destroy(&ids, Ground::Request, None),
        Err(Error::OnHold { number: 3 })
    ));
    assert_eq!(
        v.list_subjects(&Default::default()).unwrap().total,
        3,
        "nothing destroyed"
    );
    assert!(v.acts().unwrap().is_empty());
    let e = v
        .destroy(&ids[..1], Ground::CourtDecision, None)
        .unwrap_err();
    assert!(matches!(
        e,
        Error::InvalidInput {
            field: "reference",
            reason: Reason {
                code: "court_decision_reference_missing",
                ..
            }
        }
    ));
    assert_eq!(e.to_string(), "Enter the court decision's number and date.");
    assert!(matches!(
        v.destroy(&ids[..1], Ground::CourtDecision, Some(&"2".repeat(201))),
        Err(Error::InvalidInput {
            reason: Reason {
                code: "end_reference_too_long",
                ..
            },
            ..
        })
    ));
    assert!(matches!(
        v.destroy(&[], Ground::Request, None),
        Err(Error::InvalidInput {
            field: "subjects",
            reason: Reason {
                code: "end_subjects_none",
                ..
            }
        })
    ));
    assert!(matches!(
        v.destroy(&[Uuid::now_v7()], Ground::Request, None),
        Err(Error::SubjectNotFound)
    ));
}

#[test]
fn acts_number_people_only_and_numbers_are_never_reused() {
    let (_t, _d, v) = vault();
    filler(&v, 0, 4);
    let last = v.subject_id(4).unwrap();
    let act = v
        .destroy(
            &[last],
            Ground::CourtDecision,
            Some("№ 2-345/2026 of 01.11.2026"),
        )
        .unwrap();
    assert_eq!((act.number, act.subjects.clone()), (1, vec![4]));
    assert_eq!(act.operator_name, "«Жәрдем» қоғамдық бірлестігі");
    let next = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Жаңа"), (Field::Name, "Адам")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    assert_eq!(next.number, 5, "number 4 belongs to the act");
    let acts = v.acts().unwrap();
    assert_eq!((acts.len(), acts[0].people), (1, 1));
    assert!(matches!(v.act(9), Err(Error::ActNotFound)));
    let tombstone: i64 = v
        .conn()
        .query_row("SELECT count(*) FROM tombstone", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tombstone, 1);
}

#[test]
fn everyone_due_is_ended_in_one_act_blocked_people_are_left() {
    let (_t, _d, v) = vault();
    for (i, d) in ["2010-01-01", "2011-01-01", "2025-12-01"]
        .iter()
        .enumerate()
    {
        v.add_subject(
            &with_services(
                draft(
                    Kind::Beneficiary,
                    &[(Field::Surname, &format!("Due{i}")), (Field::Name, "X")],
                ),
                &[d],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    }
    v.block(v.subject_id(2).unwrap(), "inaccurate_data")
        .unwrap();
    let (act, skipped) = v
        .end_due(EndAction::Anonymise, date!(2026 - 01 - 01))
        .unwrap();
    assert_eq!((act.subjects.clone(), skipped), (vec![1], vec![2]));
    assert_eq!(act.ground, Ground::RetentionEnded);
    assert_eq!(v.anonymous_records().unwrap(), 1);
    assert!(
        v.end_due(EndAction::Destroy, date!(2026 - 01 - 01))
            .is_err(),
        "only the blocked one is left"
    );
}

#[test]
fn anonymous_records_get_random_ids_and_consent_numbers_are_never_reused() {
    let (_t, _d, v) = vault();
    filler(&v, 0, 6);
    let ids: Vec<Uuid> = (1..=6).map(|n| v.subject_id(n).unwrap()).collect();
    for id in &ids[..2] {
        v.add_consent(
            *id,
            &ConsentDraft {
                purposes: vec!["legal_aid".into()],
                form: Some(ConsentForm::Paper),
                ..Default::default()
            },
        )
        .unwrap();
    }
    v.destroy(&ids[1..2], Ground::Request, None).unwrap();
    let next = v
        .add_consent(
            ids[2],
            &ConsentDraft {
                purposes: vec!["legal_aid".into()],
                form: Some(ConsentForm::Paper),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        next.number, 3,
        "consent № 2 was on a destroyed person's signed form"
    );
    for id in &ids[3..] {
        v.anonymise(&[*id], Ground::Request, None).unwrap();
    }
    let record_ids: Vec<i64> = {
        let mut s = v.conn().prepare("SELECT id FROM anonymous_record").unwrap();
        let rows = s.query_map([], |r| r.get(0)).unwrap();
        rows.map(|r| r.unwrap()).collect()
    };
    assert_eq!(record_ids.len(), 3);
    // Sequential ids would be 1, 2, 3 — in the order of the acts.
    assert!(record_ids.iter().all(|id| *id > 1_000), "{record_ids:?}");
}

#[test]
fn everyone_due_is_not_ended_on_a_future_day() {
    let (_t, _d, v) = vault();
    filler(&v, 0, 1);
    let future = crate::lifecycle::consent::today() + time::Duration::days(3650);
    let e = v.end_due(EndAction::Destroy, future).unwrap_err();
    assert!(matches!(
        e,
        Error::InvalidInput {
            field: "as_of",
            reason: Reason {
                code: "end_due_in_future",
                ..
            }
        }
    ));
    assert_eq!(
        e.to_string(),
        "Retention has not ended yet on a future day; end only who is due today or earlier."
    );
    assert_eq!(v.list_subjects(&Default::default()).unwrap().total, 1);
}
