//! Backups: round trip, verification, refusals that change nothing, roles, the list and what
//! acts say of it, and the forensic test — backup, destroy, restore: the destroyed person is in
//! no decrypted page or WAL frame of the restored vault.

use std::path::{Path, PathBuf};

use super::*;
use crate::lifecycle::end::tests::{direct_identifiers, filler, marked, traces};
use crate::lifecycle::end::Ground;
use crate::lifecycle::log::LOG_FILE;
use crate::test_support::{vault, PASSWORD};
use crate::vault::role::Role;

fn pw() -> Password {
    Password::new(PASSWORD)
}

fn opener(p: &Password) -> Opener<'_> {
    Opener::Password {
        user: None,
        password: p,
        key_file: None,
    }
}

fn people(dir: &Path) -> i64 {
    let v = Vault::unlock(dir, &pw()).unwrap();
    let n = v.list_subjects(&Default::default()).unwrap().total;
    v.lock("exit").unwrap();
    n
}

/// A backup file in its own folder (so no log lies beside it unless a test puts one there).
fn backup_to(v: &Vault, root: &Path, name: &str) -> PathBuf {
    let folder = root.join(format!("stick-{name}"));
    fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("{name}.{EXTENSION}"));
    v.backup(&path, BackupOptions::default()).unwrap();
    path
}

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_backup_verifies_and_restores_into_a_vault_that_opens_with_the_same_passwords() {
    let (t, dir, v) = vault();
    filler(&v, 0, 40);
    let file = backup_to(&v, t.path(), "b1");
    let record = &v.backups().unwrap()[0];
    assert_eq!((record.people, record.gone_at.clone()), (40, None));
    assert_eq!(record.size as u64, fs::metadata(&file).unwrap().len());
    assert!(crate::test_support::actions(&v).contains(&"backup.made".to_string()));
    // A log of this vault's destructions is written beside every backup.
    assert!(file.with_extension(LOG_EXTENSION).is_file());
    v.lock("exit").unwrap();

    let p = pw();
    let verified = verify(&file, opener(&p)).unwrap();
    assert_eq!(verified.header.people, 40);
    assert!(verified.journal_entries > 40 && verified.pages > 10);

    let to = t.path().join("restored");
    let restored = restore(&file, &to, opener(&p), &[]).unwrap();
    assert_eq!((restored.people, restored.logs), (40, 1));
    assert_eq!(restored.replayed, Replayed::default());
    assert_eq!(people(&to), 40);
    // Nothing was left beside the new folder, and the original is untouched.
    assert_eq!(
        dir_entries(t.path())
            .iter()
            .filter(|n| n.starts_with('.'))
            .count(),
        0
    );
    assert_eq!(people(&dir), 40);
    let v = Vault::unlock(&to, &pw()).unwrap();
    assert!(crate::test_support::actions(&v).contains(&"vault.restored".to_string()));
    assert!(v.verify_journal().unwrap().ok);
}

#[test]
fn backup_destroy_restore_leaves_no_byte_of_the_destroyed_in_the_restored_vault() {
    let (t, dir, v) = vault();
    filler(&v, 0, 120);
    let m = marked(&v);
    filler(&v, 120, 30);
    let file = backup_to(&v, t.path(), "before");
    let act = v.destroy(&[m.id], Ground::Request, None).unwrap();
    // The act names the backup that still holds the person.
    assert_eq!(act.backups.len(), 1);
    assert!(!act.backups[0].gone);
    let status = v.backup_status().unwrap();
    assert_eq!(status.holding_ended.len(), 1);
    assert_eq!(status.holding_ended[0].acts, vec![act.number]);
    v.lock("exit").unwrap();
    let all = direct_identifiers(&m);
    let p = pw();

    // Without the newer log the old copy still holds the person: the scan can fail.
    let stale = t.path().join("stale");
    let r = restore(&file, &stale, opener(&p), &[]).unwrap();
    assert_eq!(r.replayed.acts, 0);
    assert_eq!(traces(&stale, &all).len(), all.len());

    // With the vault at hand (its log beside it), the destruction is replayed before the
    // restored vault is ever opened.
    let to = t.path().join("restored");
    let r = restore(&file, &to, opener(&p), std::slice::from_ref(&dir)).unwrap();
    assert_eq!((r.replayed.acts, r.replayed.people), (1, 1));
    assert_eq!(r.people, 150);
    assert_eq!(traces(&to, &all), Vec::<String>::new());
    let v = Vault::unlock(&to, &pw()).unwrap();
    assert!(matches!(v.subject(m.id), Err(Error::SubjectNotFound)));
    let replayed = v.act(act.number).unwrap();
    assert_eq!(
        (replayed.id, replayed.subjects.clone()),
        (act.id, act.subjects)
    );
    assert!(
        crate::test_support::actions(&v).contains(&"lifecycle.destructions_replayed".to_string())
    );
    v.lock("exit").unwrap();
    assert_eq!(traces(&to, &all), Vec::<String>::new(), "after lock");
}

#[test]
fn a_newer_backup_writes_the_log_that_an_older_backup_on_the_same_stick_replays() {
    let (t, _dir, v) = vault();
    filler(&v, 0, 20);
    let stick = t.path().join("stick");
    fs::create_dir(&stick).unwrap();
    let older = stick.join(format!("older.{EXTENSION}"));
    v.backup(&older, BackupOptions::default()).unwrap();
    let ids: Vec<Uuid> = v
        .list_subjects(&Default::default())
        .unwrap()
        .rows
        .iter()
        .map(|r| r.id)
        .collect();
    v.destroy(&ids[..3], Ground::RetentionEnded, None).unwrap();
    v.anonymise(&ids[3..5], Ground::Request, None).unwrap();
    v.backup(
        &stick.join(format!("newer.{EXTENSION}")),
        BackupOptions::default(),
    )
    .unwrap();
    v.lock("exit").unwrap();

    let p = pw();
    let to = t.path().join("restored");
    let r = restore(&older, &to, opener(&p), &[]).unwrap();
    assert_eq!((r.replayed.acts, r.replayed.people), (2, 5));
    assert_eq!(r.people, 15);
    let v = Vault::unlock(&to, &pw()).unwrap();
    assert_eq!(v.anonymous_records().unwrap(), 2);
    assert_eq!(v.acts().unwrap().len(), 2);
    // Replaying the same log again changes nothing.
    let log = fs::read(stick.join(format!("newer.{LOG_EXTENSION}"))).unwrap();
    assert_eq!(v.replay_destruction_log(&log).unwrap(), Replayed::default());
    assert_eq!(v.anonymous_records().unwrap(), 2);
}

#[test]
fn damaged_foreign_truncated_and_newer_backups_are_refused_and_nothing_is_written() {
    let (t, _dir, v) = vault();
    filler(&v, 0, 10);
    let file = backup_to(&v, t.path(), "good");
    v.lock("exit").unwrap();
    let good = fs::read(&file).unwrap();
    let p = pw();
    let to = t.path().join("to");
    let bad = t.path().join(format!("bad.{EXTENSION}"));
    let try_one = |bytes: &[u8], code: &str| {
        fs::write(&bad, bytes).unwrap();
        for result in [
            verify(&bad, opener(&p)).map(|_| ()),
            restore(&bad, &to, opener(&p), &[]).map(|_| ()),
        ] {
            match result {
                Err(Error::InvalidInput { reason, .. }) => assert_eq!(reason.code, code),
                other => panic!("{code}: {other:?}"),
            }
        }
        assert!(!to.exists());
        assert!(!dir_entries(t.path())
            .iter()
            .any(|n| n.contains("restoring")));
    };
    // A flipped byte in the database, in the header's JSON, in the keyslots; cut short.
    for at in [good.len() / 2, 20, good.len() - 40] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x40;
        try_one(&flipped, "backup_damaged");
    }
    try_one(&good[..good.len() - 4096], "backup_damaged");
    try_one(b"surname,name\n", "backup_not_a_backup");
    let mut newer = good.clone();
    newer[8] = 2;
    try_one(&newer, "backup_newer");
    // A consistent file whose database was edited (checksum recomputed): SQLCipher's HMAC
    // catches it.
    let mut edited = good[..good.len() - 32].to_vec();
    let at = edited.len() - 5000;
    edited[at] ^= 1;
    let sum = <sha2::Sha256 as sha2::Digest>::digest(&edited);
    edited.extend_from_slice(&sum);
    try_one(&edited, "backup_damaged");
    // A wrong password: its own sentence, nothing written.
    let wrong = Password::new("not the password at all");
    assert!(matches!(
        restore(&file, &to, opener(&wrong), &[]),
        Err(Error::WrongPassword)
    ));
    assert!(!to.exists());
}

#[test]
fn restore_never_writes_over_a_vault_or_a_folder_with_files() {
    let (t, dir, v) = vault();
    let file = backup_to(&v, t.path(), "b");
    v.lock("exit").unwrap();
    let p = pw();
    let before = fs::read(dir.join(DB_FILE)).unwrap();
    assert!(matches!(
        restore(&file, &dir, opener(&p), &[]),
        Err(Error::VaultExists)
    ));
    assert_eq!(fs::read(dir.join(DB_FILE)).unwrap(), before);
    let busy = t.path().join("busy");
    fs::create_dir(&busy).unwrap();
    fs::write(busy.join("letter.txt"), "keep me").unwrap();
    assert!(matches!(
        restore(&file, &busy, opener(&p), &[]),
        Err(Error::FolderNotEmpty)
    ));
    assert_eq!(dir_entries(&busy), vec!["letter.txt"]);
    // An empty folder is fine.
    let empty = t.path().join("empty");
    fs::create_dir(&empty).unwrap();
    restore(&file, &empty, opener(&p), &[]).unwrap();
    assert!(crate::vault::looks_like_vault(&empty));
}

#[test]
fn a_backup_never_replaces_a_file_unless_told_and_warns_of_cloud_folders() {
    let (t, _dir, v) = vault();
    let path = t.path().join(format!("b.{EXTENSION}"));
    fs::write(&path, "an earlier file").unwrap();
    assert!(matches!(
        v.backup(&path, BackupOptions::default()),
        Err(Error::FileExists)
    ));
    assert_eq!(fs::read(&path).unwrap(), b"an earlier file");
    let first = v
        .backup(
            &path,
            BackupOptions {
                if_exists: IfExists::Replace,
                allow_cloud: false,
            },
        )
        .unwrap();
    // Writing over an earlier backup says it was replaced.
    v.backup(
        &path,
        BackupOptions {
            if_exists: IfExists::Replace,
            allow_cloud: false,
        },
    )
    .unwrap();
    let list = v.backups().unwrap();
    assert_eq!(list.len(), 2);
    let old = list.iter().find(|b| b.id == first.id).unwrap();
    assert_eq!(old.gone_how.as_deref(), Some("replaced"));

    let cloud = t.path().join("Dropbox");
    fs::create_dir(&cloud).unwrap();
    let there = cloud.join(format!("b.{EXTENSION}"));
    match v.backup(&there, BackupOptions::default()) {
        Err(Error::InvalidInput { reason, .. }) => assert_eq!(reason.code, "backup_cloud_folder"),
        other => panic!("{other:?}"),
    }
    assert!(!there.exists());
    let made = v
        .backup(
            &there,
            BackupOptions {
                if_exists: IfExists::Refuse,
                allow_cloud: true,
            },
        )
        .unwrap();
    assert_eq!(made.cloud, Some("Dropbox"));
    match v.backup(&t.path().join("b.zip"), BackupOptions::default()) {
        Err(Error::InvalidInput { reason, .. }) => assert_eq!(reason.code, "backup_extension"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn staff_cannot_back_up_and_the_list_says_what_to_replace_delete_or_remind() {
    let (t, dir, mut v) = vault();
    let cheap = crate::test_support::cheap();
    let staff_pw = Password::new("another long staff passphrase 42");
    v.add_user_with("Staff", Role::Staff, false, &staff_pw, &staff_pw, cheap)
        .unwrap();
    let status = v.backup_status().unwrap();
    assert!(status.overdue && status.last.is_none());
    assert_eq!(
        (status.reminder_range, status.retention_range),
        ((1, 90), (7, 3650))
    );
    let json = serde_json::to_value(&status).unwrap();
    assert_eq!(json["reminderRange"], serde_json::json!([1, 90]));
    filler(&v, 0, 5);
    let file = backup_to(&v, t.path(), "b");
    let status = v.backup_status().unwrap();
    assert!(!status.overdue);
    assert_eq!(status.last.as_ref().unwrap().place, file.to_string_lossy());
    // A backup made long ago is overdue for a reminder and older than backups are kept.
    v.conn()
        .execute("UPDATE backup SET made_at = '2020-01-01T00:00:00Z'", [])
        .unwrap();
    let status = v.backup_status().unwrap();
    assert!(status.overdue);
    assert_eq!(status.expired.len(), 1);
    v.set_backup_settings(3, 30).unwrap();
    assert_eq!(v.backup_reminder_days().unwrap(), 3);
    assert!(v.set_backup_settings(0, 30).is_err());
    assert!(v.set_backup_settings(7, 5000).is_err());
    // Deleting it clears both.
    let id = status.expired[0].id.clone();
    let gone = v.forget_backup(&id, true).unwrap();
    assert_eq!(gone.gone_how.as_deref(), Some("deleted"));
    assert!(!file.exists() && !file.with_extension(LOG_EXTENSION).exists());
    let status = v.backup_status().unwrap();
    assert!(status.expired.is_empty() && status.last.is_none());
    v.lock("exit").unwrap();

    let staff = Vault::unlock_as(&dir, Some("Staff"), &staff_pw).unwrap();
    let out = t.path().join(format!("staff.{EXTENSION}"));
    assert!(matches!(
        staff.backup(&out, BackupOptions::default()),
        Err(Error::NotPermitted { .. })
    ));
    assert!(matches!(
        staff.forget_backup(&id, false),
        Err(Error::NotPermitted { .. })
    ));
    assert!(!out.exists());
    staff.lock("exit").unwrap();
    // A staff member's own password opens a backup made while they were a user.
    let v = Vault::unlock(&dir, &pw()).unwrap();
    let file = backup_to(&v, t.path(), "with-staff");
    v.lock("exit").unwrap();
    let to = t.path().join("as-staff");
    restore(
        &file,
        &to,
        Opener::Password {
            user: Some("Staff"),
            password: &staff_pw,
            key_file: None,
        },
        &[],
    )
    .unwrap();
    assert_eq!(people(&to), 5);
}

#[test]
fn the_demo_vault_is_not_backed_up() {
    let t = tempfile::tempdir().unwrap();
    let demo = crate::demo::create(&t.path().join("demo")).unwrap();
    let out = t.path().join(format!("demo.{EXTENSION}"));
    match demo.backup(&out, BackupOptions::default()) {
        Err(Error::InvalidInput { reason, .. }) => assert_eq!(reason.code, "backup_demo"),
        other => panic!("{other:?}"),
    }
    assert!(!out.exists());
    crate::demo::discard(demo).unwrap();
}

#[test]
fn the_recovery_key_opens_a_backup_and_a_log_of_another_vault_is_refused() {
    let t = tempfile::tempdir().unwrap();
    let cheap = crate::test_support::cheap();
    let (v, recovery) = Vault::create(&t.path().join("a"), "A", &pw(), &pw(), cheap).unwrap();
    filler(&v, 0, 3);
    let file = backup_to(&v, t.path(), "a");
    v.lock("exit").unwrap();
    let (other, _) = Vault::create(&t.path().join("b"), "B", &pw(), &pw(), cheap).unwrap();
    filler(&other, 100, 2);
    let ids: Vec<Uuid> = other
        .list_subjects(&Default::default())
        .unwrap()
        .rows
        .iter()
        .map(|r| r.id)
        .collect();
    other.destroy(&ids[..1], Ground::Request, None).unwrap();
    other.lock("exit").unwrap();
    let foreign = t.path().join("b").join(LOG_FILE);
    assert!(foreign.is_file());
    let to = t.path().join("restored");
    match restore(&file, &to, Opener::Recovery(&recovery), &[foreign]) {
        Err(Error::InvalidInput { reason, .. }) => assert_eq!(reason.code, "log_foreign"),
        other => panic!("{other:?}"),
    }
    assert!(!to.exists());
    let r = restore(&file, &to, Opener::Recovery(&recovery), &[]).unwrap();
    assert_eq!(r.people, 3);
}
