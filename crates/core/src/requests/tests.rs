use time::macros::date;
use time::Duration;

use super::*;
use crate::documents::typeset::tests::text_of;
use crate::documents::{DocLang, IfExists};
use crate::lifecycle::consent::{ConsentDraft, ConsentForm};
use crate::lifecycle::end::Ground;
use crate::register::fields::{Field, Kind, Sex};
use crate::test_support::{draft, iin, vault};

fn person(v: &Vault) -> Uuid {
    let p = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, "Сәрсенбаева"),
                    (Field::Name, "Әйгерім"),
                    (Field::Iin, &iin(date!(1990 - 04 - 12), Sex::Female, 1)),
                    (Field::BirthDate, "1990-04-12"),
                    (Field::Sex, "female"),
                    (Field::Phone, "+77011234567"),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    v.add_consent(
        p.id,
        &ConsentDraft {
            purposes: vec![v.inventory().unwrap().document.purposes[0].key.clone()],
            form: Some(ConsentForm::Paper),
            ..Default::default()
        },
    )
    .unwrap();
    p.id
}

fn ask(v: &Vault, subject: Uuid, kind: RequestKind, on: Date) -> Result<Request> {
    v.add_request(&RequestDraft {
        subject,
        kind,
        received_on: on,
        channel: Channel::InPerson,
        representative: None,
        identity_check: IdentityCheck::IdDocument,
        note: Some("хочет знать, что о ней хранится".into()),
    })
}

fn today() -> Date {
    super::today()
}

fn code_of(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { reason, .. } => reason.code,
        other => other.code(),
    }
}

#[test]
fn terms_follow_the_kind_and_the_calendar() {
    let (_t, _d, v) = vault();
    let id = person(&v);
    // Friday 20 March 2026, before Nauryz: a correction is due Thursday 26 March.
    let r = ask(&v, id, RequestKind::Correction, date!(2026 - 03 - 20)).unwrap();
    assert_eq!((r.term_days, r.term_source), (1, "art_25_2_8"));
    assert_eq!(r.clock.due, Some(date!(2026 - 03 - 26)));
    // An access answer: the organisation's own target, three working days by default.
    let a = ask(&v, id, RequestKind::Access, date!(2026 - 03 - 20)).unwrap();
    assert_eq!((a.term_days, a.term_source), (3, "own_target"));
    assert_eq!(a.clock.due, Some(date!(2026 - 03 - 30)));
    // A refusal of publication: Art. 6.
    let p = ask(
        &v,
        id,
        RequestKind::PublicationRefusal,
        date!(2025 - 12 - 31),
    )
    .unwrap();
    assert_eq!(p.term_source, "art_6");
    assert_eq!(p.clock.due, Some(date!(2026 - 01 - 05)));
    // The target is the organisation's to set; requests taken before keep theirs.
    v.set_request_answer_days(5).unwrap();
    assert_eq!(v.request(a.number).unwrap().term_days, 3);
    let b = ask(&v, id, RequestKind::Access, date!(2026 - 03 - 20)).unwrap();
    assert_eq!(b.term_days, 5);
    // What a form says before a request is taken is what it is taken with.
    let terms = v.request_terms().unwrap();
    let of = |k| terms.iter().find(|t| t.kind == k).unwrap();
    assert_eq!(
        (
            of(RequestKind::Access).working_days,
            of(RequestKind::Access).source
        ),
        (5, "own_target")
    );
    assert_eq!(
        (
            of(RequestKind::Blocking).working_days,
            of(RequestKind::Blocking).source
        ),
        (1, "art_25_2_8")
    );
    assert_eq!(
        code_of(&v.set_request_answer_days(0).unwrap_err()),
        "request_answer_days_range"
    );
    // An old request is overdue, listed first.
    assert!(v.requests().unwrap()[0].is_overdue());
}

#[test]
fn bad_requests_are_refused_with_nothing_written() {
    let (_t, _d, v) = vault();
    let id = person(&v);
    let before = crate::test_support::actions(&v).len();
    // Unknown person, a day to come, a year without calendar data, a representative unnamed.
    assert!(matches!(
        ask(&v, Uuid::new_v4(), RequestKind::Access, today()),
        Err(Error::SubjectNotFound)
    ));
    assert_eq!(
        code_of(&ask(&v, id, RequestKind::Access, today() + Duration::days(3)).unwrap_err()),
        "request_in_future"
    );
    assert_eq!(
        code_of(&ask(&v, id, RequestKind::Access, date!(2024 - 06 - 03)).unwrap_err()),
        "calendar_year_missing"
    );
    let by_rep = RequestDraft {
        subject: id,
        kind: RequestKind::Blocking,
        received_on: today(),
        channel: Channel::Post,
        representative: Some("  ".into()),
        identity_check: IdentityCheck::RepresentativeAuthority,
        note: None,
    };
    assert_eq!(
        code_of(&v.add_request(&by_rep).unwrap_err()),
        "request_text_required"
    );
    assert!(v.requests().unwrap().is_empty());
    assert_eq!(crate::test_support::actions(&v).len(), before);
    assert_eq!(code_of(&v.request(9).unwrap_err()), "request_not_found");
}

#[test]
fn a_request_closes_only_with_evidence_made_after_it() {
    let (_t, _d, v) = vault();
    let id = person(&v);
    // An edit before the request does not count.
    v.edit_subject(
        id,
        &draft(Kind::Beneficiary, &[(Field::Phone, "+77017654321")]),
    )
    .unwrap();
    let r = ask(&v, id, RequestKind::Correction, today()).unwrap();
    let e = v.close_request(r.number, &Closing::Done).unwrap_err();
    assert_eq!(code_of(&e), "request_evidence_missing");
    assert!(e.to_string().contains("No correction"), "{e}");
    v.edit_subject(
        id,
        &draft(Kind::Beneficiary, &[(Field::Phone, "+77019999999")]),
    )
    .unwrap();
    let closed = v.close_request(r.number, &Closing::Done).unwrap();
    let c = closed.closure.unwrap();
    assert_eq!(c.outcome, "done");
    assert_eq!(c.evidence.unwrap()["action"], "subject.updated");
    assert_eq!(
        code_of(&v.close_request(r.number, &Closing::Done).unwrap_err()),
        "request_closed"
    );

    // Blocking: the block is the evidence.
    let b = ask(&v, id, RequestKind::Blocking, today()).unwrap();
    assert!(v.close_request(b.number, &Closing::Done).is_err());
    v.block(id, "the person disputes the data").unwrap();
    assert_eq!(
        v.close_request(b.number, &Closing::Done)
            .unwrap()
            .closure
            .unwrap()
            .evidence
            .unwrap()["action"],
        "subject.blocked"
    );

    // A refusal needs its reasons.
    let u = ask(&v, id, RequestKind::Unblocking, today()).unwrap();
    assert_eq!(
        code_of(
            &v.close_request(u.number, &Closing::Refused { reason: " ".into() })
                .unwrap_err()
        ),
        "request_text_required"
    );
    let refused = v
        .close_request(
            u.number,
            &Closing::Refused {
                reason: "Нарушение подтвердилось".into(),
            },
        )
        .unwrap();
    assert_eq!(refused.closure.unwrap().outcome, "refused");
}

#[test]
fn a_destruction_request_closes_with_the_act_and_keeps_only_the_number() {
    let (_t, _d, v) = vault();
    let id = person(&v);
    let number = v.subject(id).unwrap().number;
    let r = v
        .add_request(&RequestDraft {
            subject: id,
            kind: RequestKind::Destruction,
            received_on: today(),
            channel: Channel::Email,
            representative: Some("Сәрсенбаев Ерлан, доверенность № 15".into()),
            identity_check: IdentityCheck::RepresentativeAuthority,
            note: Some("Сәрсенбаева Әйгерім просит удалить".into()),
        })
        .unwrap();
    let act = v.destroy(&[id], Ground::Request, None).unwrap();
    let closed = v.close_request(r.number, &Closing::Done).unwrap();
    assert_eq!(closed.closure.unwrap().evidence.unwrap()["act"], act.number);
    assert!(!closed.subject_present);
    assert_eq!(closed.subject_number, number);
    assert_eq!((closed.representative, closed.note), (None, None));
}

#[test]
fn the_access_answer_carries_the_persons_data_and_closes_the_request() {
    let (t, _d, v) = vault();
    let id = person(&v);
    let r = ask(&v, id, RequestKind::Access, today()).unwrap();
    // Another kind of request gets no access answer.
    let c = ask(&v, id, RequestKind::Correction, today()).unwrap();
    let out = t.path().join("answer.pdf");
    assert_eq!(
        code_of(
            &v.save_access_answer(c.number, DocLang::Kk, &out, IfExists::Refuse)
                .unwrap_err()
        ),
        "request_not_access"
    );
    assert!(!out.exists());
    for (lang, words) in [(DocLang::Kk, "тегін"), (DocLang::Ru, "бесплатно")] {
        let out = t.path().join(format!("answer-{}.pdf", lang.key()));
        let a = v
            .save_access_answer(r.number, lang, &out, IfExists::Refuse)
            .unwrap();
        let pdf = std::fs::read(&out).unwrap();
        crate::documents::typeset::tests::pdf_a_structure(&pdf);
        let text = text_of(&pdf);
        for item in ["Сәрсенбаева", "Әйгерім", "+77011234567", words] {
            assert!(
                text.contains(item),
                "{} answer lacks {item}: {text}",
                lang.key()
            );
        }
        assert_eq!(a.request, r.number);
    }
    let closed = v.close_request(r.number, &Closing::Done).unwrap();
    assert_eq!(closed.closure.unwrap().evidence.unwrap()["answer"], 2);
    // No personal data in the journal's details.
    let (_, entries) = v.journal(100, 0).unwrap();
    for e in entries.iter().filter(|e| e.action.starts_with("request.")) {
        let d = e.details.to_string();
        assert!(
            !d.contains("Сәрсенбаева") && !d.contains("+7701") && !d.contains("хочет"),
            "{d}"
        );
    }
}

#[test]
fn staff_take_requests_but_only_someone_who_may_see_masked_fields_answers() {
    let (t, dir, mut v) = vault();
    let id = person(&v);
    let pw = crate::Password::new("another long staff passphrase");
    v.add_user(
        "Staff",
        crate::vault::role::Role::Staff,
        false,
        &pw,
        &pw.clone(),
    )
    .unwrap();
    v.lock("user").unwrap();
    let s = crate::Vault::unlock_as(
        &dir,
        Some("Staff"),
        &crate::Password::new("another long staff passphrase"),
    )
    .unwrap();
    let r = ask(&s, id, RequestKind::Access, today()).unwrap();
    let e = s
        .save_access_answer(
            r.number,
            DocLang::Ru,
            &t.path().join("a.pdf"),
            IfExists::Refuse,
        )
        .unwrap_err();
    assert!(matches!(
        e,
        Error::NotPermitted {
            permission: "reveal_sensitive",
            ..
        }
    ));
}
