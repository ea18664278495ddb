//! Vault behaviour on real files in temporary folders, good input and bad.

use super::*;
use crate::error::Reason;
use crate::test_support::actions;
use crate::vault::keyslots::MIN_MEMORY_KIB;
use std::collections::BTreeMap;

const PW: &str = "correct horse battery staple";

thread_local! {
    /// Set by [`without_second_reader`]: [`Vault::second_reader`] fails on this thread.
    pub(crate) static NO_SECOND_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` as if a second connection could not be opened, to test the one-connection path.
pub(crate) fn without_second_reader<T>(f: impl FnOnce() -> T) -> T {
    NO_SECOND_READER.with(|off| off.set(true));
    let out = f();
    NO_SECOND_READER.with(|off| off.set(false));
    out
}

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

/// A fresh, locked vault in a temp folder; returns (tempdir guard, vault folder, recovery key).
fn new_vault() -> (tempfile::TempDir, PathBuf, RecoveryKey) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("Office vault");
    let (v, rk) = Vault::create(&dir, "Айгүл Серікова", &pw(PW), &pw(PW), cheap()).unwrap();
    v.lock("manual").unwrap();
    (tmp, dir, rk)
}

/// Every file in the folder with its bytes, to prove a failed action wrote nothing.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != LOCK_FILE && e.file_name() != FAILURES_FILE)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn create_lock_unlock_round_trip() {
    let (_t, dir, _) = new_vault();
    assert!(looks_like_vault(&dir));
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    assert_eq!(v.user().name, "Айгүл Серікова");
    assert_eq!(v.user().role, Role::Responsible);
    assert_eq!(v.name(), "Office vault");
    assert!(!v.is_demo());
    assert_eq!(
        actions(&v),
        [
            "vault.created",
            "inventory.approved",
            "vault.locked",
            "vault.unlocked"
        ]
    );
    assert!(v.verify_journal().unwrap().ok);
    v.lock("manual").unwrap();
    // At rest the WAL has been folded back and removed.
    assert!(
        !dir.join("vault.db-wal").exists()
            || fs::metadata(dir.join("vault.db-wal")).unwrap().len() == 0
    );
}

#[test]
fn the_second_reader_sees_the_committed_vault_and_cannot_write() {
    let (_t, dir, _) = new_vault();
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    let reader = v.second_reader().unwrap();
    let count = |c: &Connection| -> i64 {
        c.query_row("SELECT count(*) FROM journal", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&reader), count(v.conn()));
    assert!(reader.execute("DELETE FROM meta", []).is_err());
    assert!(reader.execute_batch("CREATE TABLE leak (x TEXT)").is_err());
    drop(reader);
    v.lock("manual").unwrap();
}

#[test]
fn wrong_password_changes_nothing_and_is_journaled_at_the_next_unlock() {
    let (_t, dir, _) = new_vault();
    let before = snapshot(&dir);
    for _ in 0..2 {
        assert!(matches!(
            Vault::unlock(&dir, &pw("not the password at all")),
            Err(Error::WrongPassword)
        ));
    }
    assert!(matches!(
        Vault::unlock(&dir, &pw("")),
        Err(Error::PasswordEmpty)
    ));
    assert_eq!(before, snapshot(&dir));
    let side = fs::read_to_string(dir.join(FAILURES_FILE)).unwrap();
    assert!(side.contains("\"count\":2"));
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    let (_, entries) = v.journal(10, 0).unwrap();
    let failed = entries
        .iter()
        .find(|e| e.action == "vault.unlock_failed")
        .unwrap();
    assert_eq!(failed.details["count"], 2);
    assert!(!dir.join(FAILURES_FILE).exists());
}

#[test]
fn the_recovery_key_opens_the_vault_and_resets_the_password() {
    let (_t, dir, rk) = new_vault();
    let printed = rk.display().to_string();
    let typed = RecoveryKey::parse(&printed.to_lowercase()).unwrap();
    let v = Vault::unlock_with_recovery_key(&dir, &typed).unwrap();
    assert_eq!(v.user().name, "Айгүл Серікова");
    assert_eq!(actions(&v).last().unwrap(), "vault.recovery_key_used");
    v.lock("manual").unwrap();

    let new_pw = "тауда қар жауды кеше түнде";
    let v = Vault::recover(&dir, &typed, &pw(new_pw), &pw(new_pw)).unwrap();
    assert!(actions(&v).ends_with(&[
        "vault.recovery_key_used".to_string(),
        "vault.password_changed".to_string()
    ]));
    v.lock("manual").unwrap();
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::WrongPassword)
    ));
    Vault::unlock(&dir, &pw(new_pw))
        .unwrap()
        .lock("manual")
        .unwrap();
}

#[cfg(unix)]
#[test]
fn only_the_owner_can_read_the_vault_files() {
    use std::os::unix::fs::PermissionsExt;
    let (_t, dir, _) = new_vault();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join(DB_FILE)), 0o600);
    assert_eq!(mode(&dir.join(KEYSLOTS_FILE)), 0o600);
}

/// Windows: the folder and every file in it grant access to the account that made the vault and
/// to nobody else — not Users, Authenticated Users or Everyone, which a parent folder hands down.
/// (Windows answers with exactly the one entry Derbes wrote; Wine answers with what it maps onto
/// the file's Unix mode, where SYSTEM stands for root and Everyone for "others".)
#[cfg(windows)]
#[test]
fn only_the_owner_can_read_the_vault_files() {
    let (_t, dir, _) = new_vault();
    let mut paths = vec![dir.clone()];
    paths.extend(fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()));
    assert!(paths.len() >= 3, "{paths:?}");
    for p in paths {
        let (me, entries) = super::access::access_list(&p).unwrap();
        assert!(
            entries.iter().any(|e| e.sid == me),
            "{}: {entries:?}",
            p.display()
        );
        let others: Vec<_> = entries
            .iter()
            .filter(|e| e.sid != me && e.sid != "S-1-5-18")
            .collect();
        assert!(others.is_empty(), "{}: {others:?}", p.display());
    }
}

#[test]
fn a_wrong_or_mistyped_recovery_key_is_told_apart() {
    let (_t, dir, _) = new_vault();
    let other = RecoveryKey::generate();
    assert!(matches!(
        Vault::unlock_with_recovery_key(&dir, &other),
        Err(Error::RecoveryKeyWrong)
    ));
    assert!(matches!(
        RecoveryKey::parse("AAAA-BBBB"),
        Err(Error::RecoveryKeyInvalid)
    ));
    // A weak new password is refused before anything is opened.
    let before = snapshot(&dir);
    assert!(matches!(
        Vault::recover(&dir, &other, &pw("123"), &pw("123")),
        Err(Error::PasswordWeak { .. })
    ));
    assert_eq!(before, snapshot(&dir));
}

#[test]
fn changing_the_password_rewrites_one_slot_and_never_the_database() {
    let (_t, dir, rk) = new_vault();
    let mut v = Vault::unlock(&dir, &pw(PW)).unwrap();
    let salt_before = fs::read(dir.join(DB_FILE)).unwrap()[..16].to_vec();
    let slots_before = Keyslots::read(&dir).unwrap();
    let new_pw = "зелёный трамвай едет медленно";
    assert!(matches!(
        v.change_password(&pw("wrong current one"), &pw(new_pw), &pw(new_pw)),
        Err(Error::WrongPassword)
    ));
    assert!(matches!(
        v.change_password(&pw(PW), &pw(new_pw), &pw("different")),
        Err(Error::PasswordMismatch)
    ));
    assert!(matches!(
        v.change_password(&pw(PW), &pw("qwerty"), &pw("qwerty")),
        Err(Error::PasswordWeak { .. })
    ));
    assert_eq!(Keyslots::read(&dir).unwrap(), slots_before);
    v.change_password(&pw(PW), &pw(new_pw), &pw(new_pw))
        .unwrap();
    assert_eq!(actions(&v).last().unwrap(), "vault.password_changed");
    v.lock("manual").unwrap();

    let slots_after = Keyslots::read(&dir).unwrap();
    let recovery = |k: &Keyslots| {
        k.slots
            .iter()
            .find(|s| s.kind == SlotKind::Recovery)
            .cloned()
    };
    assert_eq!(
        recovery(&slots_before),
        recovery(&slots_after),
        "the recovery slot is untouched"
    );
    assert_ne!(slots_before.slots[0], slots_after.slots[0]);
    // Rewritten slots never get weaker than the shipped parameters.
    assert_eq!(slots_after.slots[0].kdf_params(), KdfParams::default());
    assert_eq!(
        fs::read(dir.join(DB_FILE)).unwrap()[..16],
        salt_before[..],
        "same database encryption"
    );
    assert!(!dir.join("keyslots.tmp").exists());

    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::WrongPassword)
    ));
    Vault::unlock(&dir, &pw(new_pw))
        .unwrap()
        .lock("manual")
        .unwrap();
    Vault::unlock_with_recovery_key(&dir, &rk)
        .unwrap()
        .lock("manual")
        .unwrap();
}

#[test]
fn a_folder_that_is_not_a_vault_is_named_so() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(matches!(
        Vault::unlock(tmp.path(), &pw(PW)),
        Err(Error::NotAVault)
    ));
    fs::write(tmp.path().join("notes.txt"), "hello").unwrap();
    assert!(matches!(
        Vault::unlock(tmp.path(), &pw(PW)),
        Err(Error::NotAVault)
    ));
    assert!(matches!(
        Vault::unlock(&tmp.path().join("missing"), &pw(PW)),
        Err(Error::NotAVault)
    ));
    assert!(
        !tmp.path().join(LOCK_FILE).exists(),
        "nothing is written into a folder that is not a vault"
    );
}

#[test]
fn a_flipped_byte_anywhere_in_the_database_is_damage_not_a_panic() {
    let (_t, dir, _) = new_vault();
    let db = dir.join(DB_FILE);
    let good = fs::read(&db).unwrap();
    assert!(good.len() >= 3 * 4096, "the test wants several pages");
    for offset in [
        0,
        7,
        15,
        16,
        100,
        4095,
        4096 + 50,
        good.len() / 2,
        good.len() - 1,
    ] {
        let mut bad = good.clone();
        bad[offset] ^= 0x40;
        fs::write(&db, &bad).unwrap();
        let before = snapshot(&dir);
        let r = Vault::unlock(&dir, &pw(PW));
        assert!(
            matches!(r, Err(Error::VaultDamaged)),
            "offset {offset}: {r:?}"
        );
        assert_eq!(before, snapshot(&dir), "offset {offset}: nothing written");
    }
    fs::write(&db, &good).unwrap();
    Vault::unlock(&dir, &pw(PW))
        .unwrap()
        .lock("manual")
        .unwrap();
}

#[test]
fn a_truncated_database_is_damage() {
    let (_t, dir, _) = new_vault();
    let db = dir.join(DB_FILE);
    let good = fs::read(&db).unwrap();
    for len in [0, 10, 4096, good.len() - 4096, good.len() - 100] {
        fs::write(&db, &good[..len]).unwrap();
        let r = Vault::unlock(&dir, &pw(PW));
        assert!(matches!(r, Err(Error::VaultDamaged)), "length {len}: {r:?}");
        assert_eq!(fs::read(&db).unwrap().len(), len, "nothing written");
    }
    fs::remove_file(&db).unwrap();
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::VaultDamaged)
    ));
}

#[test]
fn a_missing_edited_or_foreign_keyslots_file_is_refused() {
    let (_t, dir, _) = new_vault();
    let (_t2, other, _) = new_vault();
    let ks = dir.join(KEYSLOTS_FILE);
    let good = fs::read(&ks).unwrap();

    fs::remove_file(&ks).unwrap();
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::KeyslotsMissing)
    ));

    let mut edited = good.clone();
    let pos = edited.iter().position(|&b| b == b'"').unwrap() + 3;
    edited[pos] ^= 0x01;
    fs::write(&ks, &edited).unwrap();
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::KeyslotsDamaged)
    ));
    fs::write(&ks, b"{}").unwrap();
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::KeyslotsDamaged)
    ));

    // Another vault's keyslots with that vault's password: opens nothing here.
    fs::copy(other.join(KEYSLOTS_FILE), &ks).unwrap();
    let before = snapshot(&dir);
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::VaultDamaged | Error::KeyslotsDamaged)
    ));
    assert_eq!(before, snapshot(&dir));

    fs::write(&ks, &good).unwrap();
    Vault::unlock(&dir, &pw(PW))
        .unwrap()
        .lock("manual")
        .unwrap();
}

#[test]
fn a_vault_from_a_newer_derbes_is_refused_untouched() {
    let (_t, dir, _) = new_vault();
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    v.conn()
        .pragma_update(None, "user_version", schema::latest_version() + 5)
        .unwrap();
    v.lock("manual").unwrap();
    let before = snapshot(&dir);
    match Vault::unlock(&dir, &pw(PW)) {
        Err(Error::NewerVersion { found, known }) => assert_eq!(
            (found, known),
            (schema::latest_version() + 5, schema::latest_version())
        ),
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    assert_eq!(before, snapshot(&dir));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_refused_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let (_t, dir, _) = new_vault();
    let before = snapshot(&dir);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    let r = Vault::unlock(&dir, &pw(PW));
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(r, Err(Error::ReadOnly)), "{r:?}");
    assert_eq!(before, snapshot(&dir));

    let tmp = tempfile::tempdir().unwrap();
    let ro = tmp.path().join("ro");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let r = Vault::create(&ro, "A", &pw(PW), &pw(PW), cheap());
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(matches!(r, Err(Error::ReadOnly)), "{:?}", r.err());
}

#[test]
fn init_never_overwrites_and_wants_an_empty_folder() {
    let (_t, dir, _) = new_vault();
    let before = snapshot(&dir);
    assert!(matches!(
        Vault::create(&dir, "X", &pw(PW), &pw(PW), cheap()),
        Err(Error::VaultExists)
    ));
    assert_eq!(before, snapshot(&dir));

    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("other.txt"), "x").unwrap();
    assert!(matches!(
        Vault::create(tmp.path(), "X", &pw(PW), &pw(PW), cheap()),
        Err(Error::FolderNotEmpty)
    ));
    let weak = tmp.path().join("new");
    assert!(matches!(
        Vault::create(&weak, "X", &pw("12345"), &pw("12345"), cheap()),
        Err(Error::PasswordWeak { .. })
    ));
    assert!(!weak.exists(), "a refused init creates nothing");
    assert!(matches!(
        Vault::create(&weak, "  ", &pw(PW), &pw(PW), cheap()),
        Err(Error::InvalidInput {
            field: "user_name",
            reason: Reason {
                code: "user_name_empty",
                ..
            },
        })
    ));
    let long = Vault::create(&weak, &"А".repeat(201), &pw(PW), &pw(PW), cheap()).unwrap_err();
    assert_eq!(
        long.to_string(),
        "The name is too long (200 characters at most)."
    );
    assert!(!weak.exists(), "a refused init creates nothing");
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    assert_eq!(
        Vault::create(&file, "X", &pw(PW), &pw(PW), cheap())
            .unwrap_err()
            .to_string(),
        "That path is a file, not a folder."
    );
}

#[test]
fn a_second_process_cannot_open_an_open_vault() {
    let (_t, dir, _) = new_vault();
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    // The lock is per open file description, so a second open in this process stands in for a
    // second process.
    assert!(matches!(
        Vault::unlock(&dir, &pw(PW)),
        Err(Error::VaultInUse)
    ));
    v.lock("manual").unwrap();
    Vault::unlock(&dir, &pw(PW))
        .unwrap()
        .lock("manual")
        .unwrap();
}

#[test]
fn confirming_the_recovery_key_checks_the_last_group() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut v, rk) =
        Vault::create(&tmp.path().join("v"), "A B", &pw(PW), &pw(PW), cheap()).unwrap();
    assert!(matches!(
        v.confirm_recovery_key(&rk, "0000"),
        Err(Error::RecoveryGroupMismatch)
    ));
    v.confirm_recovery_key(&rk, &rk.last_group().to_lowercase())
        .unwrap();
    assert_eq!(actions(&v).last().unwrap(), "vault.recovery_key_confirmed");
}

#[test]
fn auto_lock_setting_is_validated_and_journaled() {
    let (_t, dir, _) = new_vault();
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    assert_eq!(v.auto_lock_minutes().unwrap(), 5);
    assert!(matches!(
        v.set_auto_lock_minutes(0),
        Err(Error::InvalidInput {
            field: "auto_lock_minutes",
            reason: Reason {
                code: "auto_lock_range",
                ..
            },
        })
    ));
    let e = v.set_auto_lock_minutes(61).unwrap_err();
    assert_eq!(e.to_string(), "Auto-lock must be between 1 and 60 minutes.");
    assert_eq!(
        crate::words::error(crate::words::Lang::Ru, &e),
        "Время автоблокировки — от 1 до 60 минут."
    );
    v.set_auto_lock_minutes(15).unwrap();
    assert_eq!(v.auto_lock_minutes().unwrap(), 15);
    let (_, e) = v.journal(1, 0).unwrap();
    assert_eq!(e[0].action, "settings.changed");
    assert_eq!(e[0].details["key"], "auto_lock_minutes");
}

#[test]
fn failed_unlocks_slow_down_up_to_a_cap_and_never_lock_the_owner_out() {
    let f = |count| Failures {
        count,
        ..Default::default()
    };
    let waits: Vec<u64> = (0..12).map(|n| f(n).wait()).collect();
    assert_eq!(waits, [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30]);
    assert_eq!(f(u64::MAX).wait(), MAX_WAIT_SECONDS);

    let (_t, dir, _) = new_vault();
    let write = |count: u64, ago: i64| {
        let last = (OffsetDateTime::now_utc() - time::Duration::seconds(ago))
            .format(&Rfc3339)
            .unwrap();
        let json = format!(r#"{{"count":{count},"first":"{last}","last":"{last}"}}"#);
        fs::write(dir.join(FAILURES_FILE), json).unwrap();
    };
    // Eight failures, the last just now: the correct password too must wait, and the wait is
    // said in seconds; nothing is counted for the refused try.
    write(8, 0);
    match Vault::unlock(&dir, &pw(PW)) {
        Err(Error::UnlockWait { seconds }) => assert!((29..=30).contains(&seconds)),
        other => panic!("{other:?}"),
    }
    assert!(fs::read_to_string(dir.join(FAILURES_FILE))
        .unwrap()
        .contains("\"count\":8"));
    // A last failure in the future (the clock was set back) does not keep anyone out.
    write(8, -86_400 * 30);
    assert!(matches!(
        Vault::unlock(&dir, &pw("not the password")),
        Err(Error::WrongPassword)
    ));
    // Once the wait has passed, the owner gets in, and the failures reach the journal.
    write(8, 31);
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    let (_, entries) = v.journal(10, 0).unwrap();
    assert!(entries
        .iter()
        .any(|e| e.action == "vault.unlock_failed" && e.details["count"] == 8));
    v.lock("manual").unwrap();
    // Three wrong tries in a row cost nothing extra; the fourth waits a second.
    for _ in 0..3 {
        assert!(matches!(
            Vault::unlock(&dir, &pw("not the password")),
            Err(Error::WrongPassword)
        ));
    }
    assert!(matches!(
        Vault::unlock(&dir, &pw("not the password")),
        Err(Error::UnlockWait { seconds: 1 })
    ));
    assert!(Error::UnlockWait { seconds: 4 }
        .to_string()
        .starts_with("Too many wrong passwords in a row. Wait 4 seconds"));
}
