//! Key files: a second factor for one user's slot.

use std::path::Path;

use crate::backup::{self, BackupOptions, Opener};
use crate::error::Error;
use crate::test_support::{actions, vault, PASSWORD};
use crate::vault::role::Role;
use crate::{KeyFile, Password, Vault};

fn pw() -> Password {
    Password::new(PASSWORD)
}

fn unlock(
    dir: &Path,
    user: Option<&str>,
    p: &Password,
    k: Option<&KeyFile>,
) -> crate::Result<Vault> {
    Vault::unlock_with_key_file(dir, user, p, k)
}

#[test]
fn a_key_file_is_needed_with_the_password_and_the_recovery_key_still_opens() {
    let t = tempfile::tempdir().unwrap();
    let cheap = crate::test_support::cheap();
    let dir = t.path().join("v");
    let (mut v, recovery) = Vault::create(&dir, "Aigerim", &pw(), &pw(), cheap).unwrap();
    let staff_pw = Password::new("another long staff passphrase 42");
    v.add_user_with("Dana", Role::Staff, false, &staff_pw, &staff_pw, cheap)
        .unwrap();
    let file = t.path().join("stick").join("aigerim.derbes-key");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    assert!(!v.has_key_file().unwrap());
    v.set_key_file(&pw(), None, &file).unwrap();
    assert!(v.has_key_file().unwrap());
    assert!(actions(&v).contains(&"vault.key_file_set".to_string()));
    // Never over an existing file: nothing changes.
    let before = std::fs::read(dir.join("keyslots")).unwrap();
    assert!(matches!(
        v.set_key_file(&pw(), None, &file),
        Err(Error::KeyFileNeeded)
    ));
    let key = KeyFile::read(&file).unwrap();
    assert!(matches!(
        v.set_key_file(&pw(), Some(&key), &file),
        Err(Error::FileExists)
    ));
    assert_eq!(std::fs::read(dir.join("keyslots")).unwrap(), before);
    v.lock("exit").unwrap();

    assert!(matches!(
        unlock(&dir, Some("Aigerim"), &pw(), None),
        Err(Error::KeyFileNeeded)
    ));
    // Unnamed, another user's slot was tried too: it is only a password that opens nothing.
    assert!(matches!(
        unlock(&dir, None, &pw(), None),
        Err(Error::WrongPassword)
    ));
    let wrong =
        KeyFile::parse(format!("derbes-key-file-v1 {}\n", "ab".repeat(32)).as_bytes()).unwrap();
    assert!(matches!(
        unlock(&dir, Some("Aigerim"), &pw(), Some(&wrong)),
        Err(Error::WrongPassword)
    ));
    let mut v = unlock(&dir, Some("Aigerim"), &pw(), Some(&key)).unwrap();
    // Another user is not affected, with or without naming them.
    v.lock("exit").unwrap();
    unlock(&dir, Some("Dana"), &staff_pw, None)
        .unwrap()
        .lock("exit")
        .unwrap();
    unlock(&dir, None, &staff_pw, None)
        .unwrap()
        .lock("exit")
        .unwrap();
    // The recovery key covers a lost key file.
    Vault::unlock_with_recovery_key(&dir, &recovery)
        .unwrap()
        .lock("exit")
        .unwrap();

    // A changed password keeps needing the file.
    v = unlock(&dir, Some("Aigerim"), &pw(), Some(&key)).unwrap();
    let new_pw = Password::new("a brand new passphrase for aigerim 7");
    assert!(matches!(
        v.change_password(&pw(), &new_pw, &new_pw),
        Err(Error::KeyFileNeeded)
    ));
    v.change_password_with_key_file(&pw(), Some(&key), &new_pw, &new_pw)
        .unwrap();
    v.lock("exit").unwrap();
    assert!(matches!(
        unlock(&dir, Some("Aigerim"), &new_pw, None),
        Err(Error::KeyFileNeeded)
    ));

    // A backup needs the file too; then the file is given up.
    let mut v = unlock(&dir, Some("Aigerim"), &new_pw, Some(&key)).unwrap();
    let out = t.path().join("b.derbes-backup");
    v.backup(&out, BackupOptions::default()).unwrap();
    let without = Opener::Password {
        user: Some("Aigerim"),
        password: &new_pw,
        key_file: None,
    };
    assert!(matches!(
        backup::verify(&out, without),
        Err(Error::KeyFileNeeded)
    ));
    let with = Opener::Password {
        user: Some("Aigerim"),
        password: &new_pw,
        key_file: Some(&key),
    };
    backup::verify(&out, with).unwrap();
    v.remove_key_file(&new_pw, &key).unwrap();
    assert!(!v.has_key_file().unwrap());
    v.lock("exit").unwrap();
    unlock(&dir, Some("Aigerim"), &new_pw, None)
        .unwrap()
        .lock("exit")
        .unwrap();
}

#[test]
fn a_key_file_is_read_only_from_its_own_line() {
    assert!(KeyFile::parse(b"surname,name\n").is_err());
    assert!(KeyFile::parse(b"derbes-key-file-v1 abcd\n").is_err());
    assert!(KeyFile::parse(&[0xff, 0xfe]).is_err());
    let (t, _dir, mut v) = vault();
    let out = t.path().join("k.derbes-key");
    v.set_key_file(&pw(), None, &out).unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("user: Test") && text.lines().count() == 4,
        "{text}"
    );
    KeyFile::parse(text.as_bytes()).unwrap();
    match KeyFile::read(&t.path().join("missing")) {
        Err(Error::InvalidInput { reason, .. }) => assert_eq!(reason.code, "key_file_not_found"),
        other => panic!("{other:?}"),
    }
}
