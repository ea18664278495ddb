use time::macros::{date, datetime};

use super::*;
use crate::documents::typeset::tests::text_of;
use crate::documents::{DocLang, IfExists};
use crate::register::fields::{Field, Kind};
use crate::test_support::{draft, vault};

fn code_of(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { reason, .. } => reason.code,
        other => other.code(),
    }
}

fn stolen(at: PrimitiveDateTime) -> BreachDraft {
    BreachDraft {
        detected_at: at,
        kind: BreachKind::DeviceLost,
        description: "Ноутбук украли из офиса".into(),
        categories: vec!["identity".into(), "contact".into()],
        whole_register: true,
        people: vec![],
        containment: Some("Пароль сменён, ключ восстановления перевыпущен".into()),
        subjects_told: SubjectsTold::NotYet,
    }
}

#[test]
fn a_breach_has_one_working_day_from_detection_to_notify() {
    let (_t, _d, v) = vault();
    for i in 0..3 {
        v.add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, &format!("Person{i}")), (Field::Name, "X")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    }
    // Detected on Friday 20 March 2026: Nauryz and its moved days make it Thursday 26 March.
    let b = v
        .add_breach(&stolen(datetime!(2026 - 03 - 20 18:30)))
        .unwrap();
    assert_eq!(b.clock.due, Some(date!(2026 - 03 - 26)));
    assert_eq!(
        (b.affected, b.whole_register, b.status),
        (3, true, BreachStatus::Open)
    );
    assert!(b.awaits_notice());
    assert_eq!(b.clock.state, crate::calendar::clock::ClockState::Overdue);
    // Closing before the notice is refused; the notice day stops the clock.
    assert_eq!(
        code_of(&v.close_breach(b.number).unwrap_err()),
        "breach_not_notified"
    );
    assert_eq!(
        code_of(
            &v.breach_notified(b.number, date!(2026 - 03 - 19))
                .unwrap_err()
        ),
        "breach_notified_before_detection"
    );
    let n = v.breach_notified(b.number, date!(2026 - 03 - 26)).unwrap();
    assert_eq!(n.clock.state, crate::calendar::clock::ClockState::DueToday);
    assert!(!n.awaits_notice());
    let told = v
        .breach_follow_up(b.number, SubjectsTold::Yes, None)
        .unwrap();
    assert_eq!(told.subjects_told, Some(SubjectsTold::Yes));
    assert_eq!(told.containment, b.containment);
    assert_eq!(
        v.close_breach(b.number).unwrap().status,
        BreachStatus::Closed
    );
}

#[test]
fn bad_breaches_are_refused_with_nothing_written() {
    let (_t, _d, v) = vault();
    let future = OffsetDateTime::now_utc() + time::Duration::days(2);
    let at = PrimitiveDateTime::new(future.date(), future.time());
    assert_eq!(
        code_of(&v.add_breach(&stolen(at)).unwrap_err()),
        "breach_in_future"
    );
    let mut d = stolen(datetime!(2026 - 03 - 20 10:00));
    d.description = " ".into();
    assert_eq!(
        code_of(&v.add_breach(&d).unwrap_err()),
        "breach_text_required"
    );
    let mut d = stolen(datetime!(2026 - 03 - 20 10:00));
    d.categories = vec!["everything".into()];
    assert_eq!(
        code_of(&v.add_breach(&d).unwrap_err()),
        "breach_category_unknown"
    );
    let mut d = stolen(datetime!(2026 - 03 - 20 10:00));
    d.whole_register = false;
    d.people = vec![42];
    assert_eq!(
        code_of(&v.add_breach(&d).unwrap_err()),
        "breach_person_unknown"
    );
    assert_eq!(
        code_of(
            &v.add_breach(&stolen(datetime!(2023 - 03 - 20 10:00)))
                .unwrap_err()
        ),
        "calendar_year_missing"
    );
    assert!(v.breaches().unwrap().is_empty());
}

#[test]
fn people_affected_are_linked_by_number_and_counted() {
    let (_t, _d, v) = vault();
    let a = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "A"), (Field::Name, "X")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    let b = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "B"), (Field::Name, "X")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    let mut d = stolen(datetime!(2026 - 12 - 01 09:00));
    d.kind = BreachKind::WrongRecipient;
    d.whole_register = false;
    d.people = vec![b.number, a.number, b.number];
    let br = v.add_breach(&d).unwrap();
    assert_eq!(br.people, vec![a.number, b.number]);
    assert_eq!(br.affected, 2);
}

#[test]
fn the_notice_names_the_responsible_person_and_no_one_affected() {
    let (t, _d, v) = vault();
    let mut d = stolen(datetime!(2026 - 12 - 01 09:00));
    d.whole_register = false;
    let p = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Жанұзақова"), (Field::Name, "X")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    d.people = vec![p.number];
    let b = v.add_breach(&d).unwrap();
    for (lang, title) in [(DocLang::Kk, "ХАБАРЛАМА"), (DocLang::Ru, "УВЕДОМЛЕНИЕ")]
    {
        let out = t.path().join(format!("notice-{}.pdf", lang.key()));
        v.save_breach_notice(b.number, lang, &out, IfExists::Refuse)
            .unwrap();
        let pdf = std::fs::read(&out).unwrap();
        let text = text_of(&pdf);
        for item in [title, "+77010000000", "Test", "Ноутбук украли"] {
            assert!(
                text.contains(item),
                "{} notice lacks {item}: {text}",
                lang.key()
            );
        }
        assert!(!text.contains("Жанұзақова"));
    }
    assert_eq!(v.breach(b.number).unwrap().notice_number, Some(2));
}

#[test]
fn derbes_proposes_a_breach_for_a_burst_of_failed_unlocks_and_a_broken_journal() {
    let (_t, _d, v) = vault();
    journal::append(
        v.conn(),
        None,
        Action::VaultUnlockFailed,
        None,
        json!({"count": 4}),
    )
    .unwrap();
    assert!(
        v.propose_breaches().unwrap().is_empty(),
        "below the threshold"
    );
    v.set_breach_unlock_threshold(4).unwrap();
    let made = v.propose_breaches().unwrap();
    assert_eq!(made.len(), 1);
    assert_eq!(
        (made[0].kind, made[0].status),
        (BreachKind::UnlockAttempts, BreachStatus::Proposed)
    );
    assert!(made[0].awaits_notice());
    // Proposed once only.
    assert!(v.propose_breaches().unwrap().is_empty());
    let dismissed = v
        .dismiss_breach(made[0].number, "Директор забыла пароль")
        .unwrap();
    assert_eq!(dismissed.status, BreachStatus::Dismissed);
    assert!(!dismissed.awaits_notice());
    assert_eq!(
        code_of(&v.confirm_breach(made[0].number).unwrap_err()),
        "breach_not_proposed"
    );

    // Someone edits a journal entry behind Derbes's back (the trigger is dropped first).
    v.conn()
        .execute_batch(
            "DROP TRIGGER journal_no_update; UPDATE journal SET details = '{}' WHERE seq = 2;",
        )
        .unwrap();
    let made = v.propose_breaches().unwrap();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].kind, BreachKind::JournalBroken);
    let confirmed = v.confirm_breach(made[0].number).unwrap();
    assert_eq!(confirmed.status, BreachStatus::Open);
    assert!(v.propose_breaches().unwrap().is_empty());
}
