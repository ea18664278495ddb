//! Users on real vault files: their own passwords and slots, roles, removal.

use super::*;
use crate::test_support::{actions, bare_vault, PASSWORD};
use crate::vault::journal::Action;
use crate::vault::keyslots::MIN_MEMORY_KIB;

const STAFF_PW: &str = "жаңбыр жауып тұр кеше де бүгін де";

fn cheap() -> KdfParams {
    KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    }
}

fn pw(s: &str) -> Password {
    Password::new(s)
}

fn with_staff() -> (tempfile::TempDir, std::path::PathBuf, Uuid) {
    let (t, dir, mut v) = bare_vault();
    let dana = v
        .add_user_with(
            "Дана Әлиева",
            Role::Staff,
            false,
            &pw(STAFF_PW),
            &pw(STAFF_PW),
            cheap(),
        )
        .unwrap();
    assert_eq!(dana.role, Role::Staff);
    assert!(dana.has_password && !dana.is_you && !dana.may_reveal);
    v.lock("manual").unwrap();
    (t, dir, dana.id)
}

#[test]
fn two_users_unlock_with_their_own_passwords_and_the_journal_names_each() {
    let (_t, dir, dana) = with_staff();
    let v = Vault::unlock_as(&dir, Some("дана әлиева"), &pw(STAFF_PW)).unwrap();
    assert_eq!(v.user().id, dana);
    assert_eq!(v.user().role, Role::Staff);
    let last = v.journal(1, 0).unwrap().1.remove(0);
    assert_eq!(last.action, Action::VaultUnlocked.code());
    assert_eq!(last.user_id.as_deref(), Some(dana.to_string().as_str()));
    v.lock("manual").unwrap();

    // Without a name, the password finds its own slot.
    let v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
    assert_eq!(v.user().name, "Test");
    assert_eq!(v.user().role, Role::Responsible);
    let names: Vec<_> = v.users().unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["Test", "Дана Әлиева"]);
    v.lock("manual").unwrap();

    // One user's password under the other's name opens nothing.
    assert!(matches!(
        Vault::unlock_as(&dir, Some("Test"), &pw(STAFF_PW)),
        Err(Error::WrongPassword)
    ));
}

#[test]
fn staff_cannot_manage_users_and_are_told_who_can() {
    let (_t, dir, _) = with_staff();
    let mut v = Vault::unlock_as(&dir, Some("Дана Әлиева"), &pw(STAFF_PW)).unwrap();
    let before = actions(&v).len();
    let e = v
        .add_user_with(
            "Ерлан",
            Role::Staff,
            false,
            &pw(STAFF_PW),
            &pw(STAFF_PW),
            cheap(),
        )
        .unwrap_err();
    assert!(matches!(
        e,
        Error::NotPermitted {
            permission: "manage_users",
            role: "responsible"
        }
    ));
    assert!(e
        .to_string()
        .starts_with("Only the responsible person may add or remove users"));
    let me = v.user().id;
    assert!(matches!(v.remove_user(me), Err(Error::NotPermitted { .. })));
    assert_eq!(actions(&v).len(), before, "a refusal writes nothing");
    assert_eq!(v.users().unwrap().len(), 2);
}

#[test]
fn a_removed_user_can_no_longer_unlock_and_the_last_responsible_person_stays() {
    let (_t, dir, dana) = with_staff();
    let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
    let me = v.user().id;
    assert!(matches!(v.remove_user(me), Err(Error::RemoveSelf)));
    assert!(matches!(
        v.set_user_role(me, Role::Staff),
        Err(Error::LastResponsible)
    ));
    v.remove_user(dana).unwrap();
    assert_eq!(actions(&v).last().unwrap(), Action::UserRemoved.code());
    assert_eq!(v.users().unwrap().len(), 1);
    // Her name stays for the journal.
    assert_eq!(v.user_name(dana).unwrap().as_deref(), Some("Дана Әлиева"));
    assert!(!Keyslots::read(&dir).unwrap().has_password(dana));
    v.lock("manual").unwrap();
    assert!(matches!(
        Vault::unlock(&dir, &pw(STAFF_PW)),
        Err(Error::WrongPassword)
    ));
}

#[test]
fn a_second_responsible_person_can_be_removed_and_names_are_unique() {
    let (_t, _dir, mut v) = bare_vault();
    let b = v
        .add_user_with(
            "Бота",
            Role::Responsible,
            false,
            &pw(STAFF_PW),
            &pw(STAFF_PW),
            cheap(),
        )
        .unwrap();
    assert!(matches!(
        v.add_user_with(
            " бота ",
            Role::Staff,
            false,
            &pw(STAFF_PW),
            &pw(STAFF_PW),
            cheap()
        ),
        Err(Error::UserExists)
    ));
    assert!(matches!(
        v.add_user_with(
            "  ",
            Role::Staff,
            false,
            &pw(STAFF_PW),
            &pw(STAFF_PW),
            cheap()
        ),
        Err(Error::InvalidInput {
            field: "user_name",
            ..
        })
    ));
    assert!(matches!(
        v.add_user_with("Ерлан", Role::Staff, false, &pw("123"), &pw("123"), cheap()),
        Err(Error::PasswordWeak { .. })
    ));
    v.set_user_role(b.id, Role::Staff).unwrap();
    v.set_user_role(b.id, Role::Responsible).unwrap();
    v.remove_user(b.id).unwrap();
}

#[test]
fn someone_who_makes_themselves_staff_is_staff_at_once() {
    let (_t, _dir, mut v) = bare_vault();
    v.add_user_with(
        "Бота",
        Role::Responsible,
        false,
        &pw(STAFF_PW),
        &pw(STAFF_PW),
        cheap(),
    )
    .unwrap();
    let me = v.user().id;
    v.set_user_role(me, Role::Staff).unwrap();
    assert_eq!(v.user().role, Role::Staff);
    assert!(matches!(
        v.require(Permission::EndLife),
        Err(Error::NotPermitted { .. })
    ));
    assert!(matches!(
        v.set_user_role(me, Role::Responsible),
        Err(Error::NotPermitted { .. })
    ));
}

#[test]
fn a_forgotten_password_is_replaced_by_the_responsible_person_alone() {
    let (_t, dir, dana) = with_staff();
    let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
    let before = Keyslots::read(&dir).unwrap();
    let new = "көктем келді қар еріді өзен тасыды";
    v.set_user_password_with(dana, &pw(new), &pw(new), cheap())
        .unwrap();
    let after = Keyslots::read(&dir).unwrap();
    // Only her slot changed.
    let others = |k: &Keyslots| -> Vec<_> {
        k.slots
            .iter()
            .filter(|s| s.user_id != Some(dana))
            .cloned()
            .collect()
    };
    assert_eq!(others(&before), others(&after));
    v.lock("manual").unwrap();
    assert!(Vault::unlock(&dir, &pw(STAFF_PW)).is_err());
    let v = Vault::unlock(&dir, &pw(new)).unwrap();
    assert_eq!(v.user().id, dana);
}

#[test]
fn staff_reveal_only_when_allowed() {
    let (_t, dir, dana) = with_staff();
    let v = Vault::unlock_as(&dir, Some("Дана Әлиева"), &pw(STAFF_PW)).unwrap();
    assert!(v.require(Permission::RevealSensitive).is_err());
    assert!(v.permissions().is_empty());
    v.lock("manual").unwrap();
    let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
    assert_eq!(v.permissions().len(), Permission::ALL.len());
    v.set_user_may_reveal(dana, true).unwrap();
    let erlan = v
        .add_user_with(
            "Ерлан",
            Role::Staff,
            true,
            &pw(STAFF_PW),
            &pw(STAFF_PW),
            cheap(),
        )
        .unwrap();
    assert!(
        erlan.may_reveal,
        "the allowance can be given when the user is added"
    );
    v.lock("manual").unwrap();
    let v = Vault::unlock_as(&dir, Some("Дана Әлиева"), &pw(STAFF_PW)).unwrap();
    assert_eq!(v.permissions(), [Permission::RevealSensitive]);
}

/// Each action above staff is refused to staff in the core, with nothing written; what staff
/// may do (add a person, block) they can.
#[test]
fn the_core_refuses_staff_every_action_that_needs_the_responsible_person() {
    use crate::lifecycle::end::Ground;
    use crate::register::fields::{Field, Kind};
    use crate::reports::release::ReleaseSpec;
    use crate::test_support::draft;
    use crate::words::Lang;

    let (_t, dir, _) = with_staff();
    let v = Vault::unlock_as(&dir, Some("Дана Әлиева"), &pw(STAFF_PW)).unwrap();
    let person = v
        .add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Ахметова"), (Field::Name, "Гүлнар")],
            ),
            &crate::test_support::basis(),
        )
        .expect("staff keep the register");
    let before = actions(&v).len();
    let inventory = v.inventory().unwrap().document;
    let org = v.organisation().unwrap();
    let rules = v.retention_rules().unwrap();
    let refusals: Vec<(&str, Error)> = vec![
        (
            "destroy",
            v.destroy(&[person.id], Ground::Request, None).unwrap_err(),
        ),
        (
            "anonymise",
            v.anonymise(&[person.id], Ground::Request, None)
                .unwrap_err(),
        ),
        (
            "end_due",
            v.end_due(
                crate::lifecycle::end::EndAction::Destroy,
                crate::lifecycle::consent::today(),
            )
            .unwrap_err(),
        ),
        (
            "reveal",
            v.reveal_subject(person.id, &[Field::Surname]).unwrap_err(),
        ),
        (
            "release",
            v.release(&ReleaseSpec::default(), Lang::En).unwrap_err(),
        ),
        ("inventory", v.approve_inventory(&inventory).unwrap_err()),
        ("organisation", v.set_organisation(&org).unwrap_err()),
        ("retention", v.set_retention_rules(&rules).unwrap_err()),
        ("auto-lock", v.set_auto_lock_minutes(5).unwrap_err()),
        ("hold", v.hold(person.id, "court").unwrap_err()),
        ("release hold", v.release_hold(person.id).unwrap_err()),
        ("unblock", v.unblock(person.id, "done").unwrap_err()),
    ];
    for (what, e) in &refusals {
        assert!(
            matches!(
                e,
                Error::NotPermitted {
                    role: "responsible",
                    ..
                }
            ),
            "{what}: {e:?}"
        );
    }
    assert_eq!(actions(&v).len(), before, "refusals write nothing");
    v.block(person.id, "request").expect("staff may block");
    assert!(v.subject(person.id).is_ok());
}

mod rekey {
    use super::*;
    use crate::register::fields::{Field, Kind};
    use crate::register::subjects::Query;
    use crate::test_support::draft;
    use crate::vault::keyslots::KEYSLOTS_FILE;
    use crate::vault::rekey::{REKEY_DB, REKEY_SLOTS, STOP_AFTER};
    use crate::vault::DB_FILE;
    use std::fs;

    /// A vault with a staff member and one person; returns her id and a copy of the keyslots
    /// file as it was while she was still a user.
    fn vault_with_removed_staff() -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
        let (t, dir, _) = with_staff();
        let kept = fs::read(dir.join(KEYSLOTS_FILE)).unwrap();
        let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        v.add_subject(
            &draft(
                Kind::Beneficiary,
                &[(Field::Surname, "Ахметова"), (Field::Name, "Гүлнар")],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
        let dana = v.resolve_user("Дана Әлиева").unwrap().id;
        v.remove_user(dana).unwrap();
        v.lock("manual").unwrap();
        (t, dir, kept)
    }

    fn found(v: &Vault, text: &str) -> i64 {
        v.list_subjects(&Query {
            search: Some(text.into()),
            ..Default::default()
        })
        .unwrap()
        .total
    }

    #[test]
    fn after_a_rekey_an_old_keyslots_file_opens_no_later_copy() {
        let (_t, dir, kept) = vault_with_removed_staff();
        // Before re-keying, her old file and her password give her the key to a copy made
        // today (with her own tools: Derbes itself would refuse a removed user).
        let her_key = || {
            let (opened, _) = Keyslots::parse(&kept)
                .unwrap()
                .unlock(
                    crate::vault::keyslots::SlotKind::Password,
                    None,
                    STAFF_PW.as_bytes(),
                )
                .unwrap()
                .unwrap();
            opened
        };
        let opens = |key: &crate::vault::secret::DataKey| {
            crate::vault::open_db(&dir.join(DB_FILE), key, crate::vault::Access::ReadOnly).is_ok()
        };
        assert!(opens(&her_key().key));

        let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        let salt_before = fs::read(dir.join(DB_FILE)).unwrap()[..16].to_vec();
        let done = v.rekey().unwrap();
        assert_eq!(done.slots, 2);
        assert_eq!(
            found(&v, "ахмет"),
            1,
            "search works on the re-keyed database"
        );
        assert!(v.verify_journal().unwrap().ok);
        assert_eq!(actions(&v).last().unwrap(), "vault.rekeyed");
        v.lock("manual").unwrap();
        assert_ne!(fs::read(dir.join(DB_FILE)).unwrap()[..16], salt_before[..]);
        assert!(!dir.join(REKEY_DB).exists() && !dir.join(REKEY_SLOTS).exists());

        assert!(
            !opens(&her_key().key),
            "her old key opens no copy made after the re-key"
        );
        let v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        assert_eq!(found(&v, "гүлнар"), 1);
    }

    #[test]
    fn a_rekey_stopped_before_the_swap_leaves_the_old_key_and_no_leftovers() {
        let (_t, dir, _) = vault_with_removed_staff();
        let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        STOP_AFTER.with(|s| s.set(1));
        let e = v.rekey().unwrap_err();
        STOP_AFTER.with(|s| s.set(0));
        assert!(
            matches!(&e, Error::Internal(m) if m.starts_with("stopped")),
            "{e:?}"
        );
        drop(v);
        assert!(dir.join(REKEY_DB).exists(), "the crash left its files");
        let v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        assert!(!dir.join(REKEY_DB).exists() && !dir.join(REKEY_SLOTS).exists());
        assert_eq!(found(&v, "ахмет"), 1);
    }

    #[test]
    fn a_rekey_stopped_between_the_renames_is_finished_by_the_next_unlock() {
        let (_t, dir, _) = vault_with_removed_staff();
        let old_slots = fs::read(dir.join(KEYSLOTS_FILE)).unwrap();
        let mut v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        STOP_AFTER.with(|s| s.set(2));
        let e = v.rekey().unwrap_err();
        STOP_AFTER.with(|s| s.set(0));
        assert!(
            matches!(&e, Error::Internal(m) if m.starts_with("stopped")),
            "{e:?}"
        );
        drop(v);
        assert!(dir.join(REKEY_SLOTS).exists() && !dir.join(REKEY_DB).exists());
        let v = Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
        assert!(!dir.join(REKEY_SLOTS).exists());
        assert_ne!(fs::read(dir.join(KEYSLOTS_FILE)).unwrap(), old_slots);
        assert_eq!(found(&v, "ахмет"), 1);
        v.lock("manual").unwrap();
        Vault::unlock(&dir, &pw(PASSWORD)).unwrap();
    }

    #[test]
    fn a_way_in_from_an_older_derbes_is_never_shut_out_by_a_rekey() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("old");
        let (mut v, rk) =
            Vault::create(&dir, "Test", &pw(PASSWORD), &pw(PASSWORD), cheap()).unwrap();
        // As in a vault from Derbes 0.1 whose recovery key was never used.
        let mut slots = Keyslots::read(&dir).unwrap();
        slots.recovery_as_version_1(rk.kdf_input(), v.data_key());
        slots.write_atomic(&dir).unwrap();
        let before = fs::read(dir.join(KEYSLOTS_FILE)).unwrap();
        assert!(matches!(v.rekey(), Err(Error::RekeyOldSlots { count: 1 })));
        assert_eq!(
            fs::read(dir.join(KEYSLOTS_FILE)).unwrap(),
            before,
            "nothing changed"
        );
        v.lock("manual").unwrap();
        // Opened once with the recovery key, the slot is version 2 and follows a re-key.
        let mut v = Vault::unlock_with_recovery_key(&dir, &rk).unwrap();
        v.rekey().unwrap();
        v.lock("manual").unwrap();
        Vault::unlock_with_recovery_key(&dir, &rk).unwrap();
    }

    #[test]
    fn staff_cannot_rekey() {
        let (_t, dir, _) = with_staff();
        let mut v = Vault::unlock_as(&dir, Some("Дана Әлиева"), &pw(STAFF_PW)).unwrap();
        assert!(matches!(v.rekey(), Err(Error::NotPermitted { .. })));
    }
}

#[test]
fn a_name_whose_one_byte_tag_matches_another_users_does_not_open_as_them() {
    let (_t, dir, _dana) = with_staff();
    let keyslots = crate::vault::keyslots::Keyslots::read(&dir).unwrap();
    let tag = |name: &str| crate::vault::keyslots::name_tag(keyslots.vault_id, name);
    // A name no one has, whose tag happens to be Dana's (one name in 256 does).
    let twin = (0..100_000)
        .map(|i| format!("Someone {i}"))
        .find(|n| tag(n) == tag("Дана Әлиева"))
        .unwrap();
    assert!(matches!(
        Vault::unlock_as(&dir, Some(&twin), &pw(STAFF_PW)),
        Err(Error::WrongPassword)
    ));
    // Named rightly, her password still opens.
    let v = Vault::unlock_as(&dir, Some("Дана Әлиева"), &pw(STAFF_PW)).unwrap();
    assert_eq!(v.user().name, "Дана Әлиева");
}
