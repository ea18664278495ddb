use super::identifying::*;
use crate::documents::typeset::tests::text_of;
use crate::documents::{DocLang, IfExists};
use crate::error::Error;
use crate::lifecycle::basis::BasisDraft;
use crate::lifecycle::consent::{ConsentDraft, ConsentForm};
use crate::register::fields::{Field, Kind};
use crate::test_support::{draft, vault};
use crate::Vault;

fn reason(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { reason, .. } => reason.code,
        other => other.code(),
    }
}

fn consent(third: Option<&str>, abroad: Option<&str>, notify: bool) -> BasisDraft {
    BasisDraft::Consent {
        consent: Box::new(ConsentDraft {
            purposes: vec!["legal_aid".into()],
            form: Some(ConsentForm::Paper),
            third_parties: third.map(String::from),
            cross_border: abroad.map(String::from),
            notify_transfers: notify,
            ..Default::default()
        }),
        scan_due: None,
    }
}

fn person(v: &Vault, surname: &str, basis: &BasisDraft) -> i64 {
    v.add_subject(
        &draft(
            Kind::Beneficiary,
            &[
                (Field::Surname, surname),
                (Field::Name, "Айгүл"),
                (Field::Phone, "+77011234567"),
            ],
        ),
        basis,
    )
    .unwrap()
    .number
}

fn operator(v: &Vault) -> i64 {
    v.add_recipient(&RecipientDraft {
        name: "«Азаматтық альянс» гранттар операторы".into(),
        country: "Қазақстан".into(),
        abroad: false,
        kind: RecipientKind::StateBody,
        protects: None,
    })
    .unwrap()
    .number
}

fn draft_to(recipient: i64, people: Vec<i64>, fields: Vec<Field>) -> IdentifyingDraft {
    IdentifyingDraft {
        recipient,
        purpose: "Грант қатысушыларының тізімі".into(),
        fields,
        people,
        exception: None,
    }
}

#[test]
fn the_basis_is_checked_per_person_and_a_refusal_writes_nothing() {
    let (t, _d, v) = vault();
    let to = operator(&v);
    let yes = person(
        &v,
        "Серікова",
        &consent(Some("Азаматтық альянс гранттар операторы"), None, false),
    );
    let other = person(&v, "Ахметова", &consent(Some("UNICEF"), None, false));
    let none = person(&v, "Жұмабаева", &consent(None, None, false));
    let out = t.path().join("list.csv");
    let e = v
        .export_identifying(
            &draft_to(
                to,
                vec![yes, other, none],
                vec![Field::Surname, Field::Phone],
            ),
            &out,
            IfExists::Refuse,
        )
        .unwrap_err();
    assert_eq!(reason(&e), "transfer_basis_missing");
    let sentence = e.to_string();
    assert!(
        sentence.contains(&format!("№ {other}")) && sentence.contains(&format!("№ {none}")),
        "{sentence}"
    );
    assert!(!sentence.contains(&format!("№ {yes},")), "{sentence}");
    assert!(!out.exists());
    assert!(v.transfers().unwrap().is_empty());
    // Only the person whose consent names the recipient goes; only the fields it covers.
    let check = v
        .check_transfer(&draft_to(
            to,
            vec![yes],
            vec![Field::Surname, Field::Phone, Field::HealthNotes],
        ))
        .unwrap();
    assert_eq!(check.fields, vec![Field::Surname, Field::Phone]);
    assert_eq!(check.left_out, vec![Field::HealthNotes]);
    let tr = v
        .export_identifying(
            &draft_to(
                to,
                vec![yes],
                vec![Field::Surname, Field::Phone, Field::HealthNotes],
            ),
            &out,
            IfExists::Refuse,
        )
        .unwrap();
    assert_eq!(tr.kind, "identifying");
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("Серікова") && csv.contains("+77011234567"));
    assert!(!csv.contains("health_notes"));
    // Same ledger, same hash, same "never replace silently".
    assert_eq!(
        v.find_transfer_of_file(&out).unwrap().unwrap().number,
        tr.number
    );
    let again = v.export_identifying(
        &draft_to(to, vec![yes], vec![Field::Surname]),
        &out,
        IfExists::Refuse,
    );
    assert_eq!(reason(&again.unwrap_err()), "file_exists");
    assert_eq!(v.recipient(to).unwrap().transfers, 1);
}

#[test]
fn abroad_needs_consent_to_the_country_or_an_exception_of_article_16_3() {
    let (t, _d, v) = vault();
    let e = v.add_recipient(&RecipientDraft {
        name: "Global Fund".into(),
        country: "Switzerland".into(),
        abroad: true,
        kind: RecipientKind::Donor,
        protects: None,
    });
    assert_eq!(reason(&e.unwrap_err()), "recipient_protection_unknown");
    let fund = v
        .add_recipient(&RecipientDraft {
            name: "Global Fund".into(),
            country: "Switzerland".into(),
            abroad: true,
            kind: RecipientKind::Donor,
            protects: Some(false),
        })
        .unwrap()
        .number;
    let home_only = person(&v, "Серікова", &consent(Some("Global Fund"), None, false));
    let abroad = person(
        &v,
        "Ахметова",
        &consent(Some("Global Fund"), Some("Switzerland"), true),
    );
    let check = v
        .check_transfer(&draft_to(
            fund,
            vec![home_only, abroad],
            vec![Field::Surname],
        ))
        .unwrap();
    assert_eq!(check.lacking, vec![home_only]);
    assert_eq!(check.people[0].lacking, Some("no_cross_border_consent"));
    let mut d = draft_to(fund, vec![home_only, abroad], vec![Field::Surname]);
    d.exception = Some("art16_3_1".into());
    assert_eq!(
        reason(&v.check_transfer(&d).unwrap_err()),
        "transfer_exception_unknown"
    );
    d.exception = Some("art16_3_4".into());
    let out = t.path().join("fund.csv");
    v.export_identifying(&d, &out, IfExists::Refuse).unwrap();
    // The consent that asked for notice gives a ten-working-day task (Art. 19).
    let notices = v.transfer_notices().unwrap();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].number, abroad);
    assert_eq!(notices[0].clock.working_days, NOTIFY_DAYS);
    v.transfer_notified(
        notices[0].transfer,
        abroad,
        crate::lifecycle::consent::today(),
    )
    .unwrap();
    assert!(v.transfer_notices().unwrap().is_empty());
    assert_eq!(
        reason(
            &v.transfer_notified(
                notices[0].transfer,
                home_only,
                crate::lifecycle::consent::today()
            )
            .unwrap_err()
        ),
        "transfer_notice_not_owed"
    );
}

#[test]
fn the_act_and_the_access_answer_name_the_recipients_and_no_data() {
    let (t, _d, v) = vault();
    let to = operator(&v);
    let n = person(
        &v,
        "Серікова",
        &consent(Some("Азаматтық альянс"), None, false),
    );
    v.export_identifying(
        &draft_to(to, vec![n], vec![Field::Surname]),
        &t.path().join("a.csv"),
        IfExists::Refuse,
    )
    .unwrap();
    let id = v.subject_id(n).unwrap();
    // The access answer lists the recipient.
    let r = v
        .add_request(&crate::requests::RequestDraft {
            subject: id,
            kind: crate::requests::RequestKind::Access,
            received_on: crate::lifecycle::consent::today(),
            channel: crate::requests::Channel::InPerson,
            representative: None,
            identity_check: crate::requests::IdentityCheck::IdDocument,
            note: None,
        })
        .unwrap();
    let answer = t.path().join("answer.pdf");
    v.save_access_answer(r.number, DocLang::Ru, &answer, IfExists::Refuse)
        .unwrap();
    let answer_text = text_of(&std::fs::read(&answer).unwrap());
    assert!(answer_text.contains("Азаматтық"), "{answer_text}");
    // The act that destroys the person names the transfer, never the data.
    let act = v
        .destroy(&[id], crate::lifecycle::end::Ground::Request, None)
        .unwrap();
    let act = v.act(act.number).unwrap();
    assert_eq!(act.transfers.len(), 1);
    let pdf = v.act_pdf(act.number, DocLang::Kk).unwrap();
    let text = text_of(&pdf);
    assert!(text.contains("Азаматтық"), "{text}");
    assert!(!text.contains("Серікова"));
}

#[test]
fn a_lone_generic_word_in_a_consent_names_no_recipient() {
    let (_t, _d, v) = vault();
    let to = operator(&v);
    let vague = person(
        &v,
        "Серікова",
        &consent(Some("фонд, министерство"), None, false),
    );
    let check = v
        .check_transfer(&draft_to(to, vec![vague], vec![Field::Surname]))
        .unwrap();
    assert_eq!(check.lacking, vec![vague]);
    // Abroad, a country is one word: the consent names it whole.
    let fund = v
        .add_recipient(&RecipientDraft {
            name: "Global Fund".into(),
            country: "Switzerland".into(),
            abroad: true,
            kind: RecipientKind::Donor,
            protects: Some(true),
        })
        .unwrap()
        .number;
    let swiss = person(
        &v,
        "Ахметова",
        &consent(Some("The Global Fund"), Some("Switzerland, Germany"), false),
    );
    assert!(v
        .check_transfer(&draft_to(fund, vec![swiss], vec![Field::Surname]))
        .unwrap()
        .lacking
        .is_empty());
}
