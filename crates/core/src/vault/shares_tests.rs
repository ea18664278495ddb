//! Splitting the recovery key: any k of n open, fewer do not, the old key stops working.

use super::shares::combine;
use crate::error::Error;
use crate::test_support::{vault, PASSWORD};
use crate::vault::role::Role;
use crate::{Password, Vault};

fn code(e: Error) -> String {
    match e {
        Error::InvalidInput { reason, .. } => reason.code.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn any_two_of_three_shares_open_one_does_not_and_the_old_key_stops_working() {
    let t = tempfile::tempdir().unwrap();
    let cheap = crate::test_support::cheap();
    let dir = t.path().join("v");
    let pw = Password::new(PASSWORD);
    let (mut v, old_key) = Vault::create(&dir, "Aigerim", &pw, &pw, cheap).unwrap();
    let holders = ["Гүлнар Әбенова", "Ерлан", "Dana"].map(String::from);
    let shares = v.split_recovery_key(2, &holders).unwrap();
    assert_eq!(shares.len(), 3);
    assert_eq!(shares[0].holder, "Гүлнар Әбенова");
    assert!(shares.iter().all(|s| s.threshold == 2 && s.count == 3));
    assert_eq!(shares[0].text.len(), 49, "{}", shares[0].text);
    assert!(crate::test_support::actions(&v).contains(&"vault.recovery_key_replaced".to_string()));
    // Nothing of a share is stored anywhere in the folder.
    let keyslots = std::fs::read_to_string(dir.join("keyslots")).unwrap();
    for s in &shares {
        assert!(!keyslots.contains(&s.text));
    }
    v.lock("exit").unwrap();

    let texts: Vec<String> = shares.iter().map(|s| s.text.clone()).collect();
    for pair in [[0, 1], [0, 2], [1, 2], [2, 0]] {
        let two = vec![texts[pair[0]].clone(), texts[pair[1]].clone()];
        Vault::unlock_with_shares(&dir, &two)
            .unwrap()
            .lock("exit")
            .unwrap();
    }
    // All three also open, typed loosely.
    let loose: Vec<String> = texts
        .iter()
        .map(|t| t.to_lowercase().replace('-', " "))
        .collect();
    Vault::unlock_with_shares(&dir, &loose)
        .unwrap()
        .lock("exit")
        .unwrap();
    let one = vec![texts[1].clone(), String::new()];
    assert_eq!(
        code(Vault::unlock_with_shares(&dir, &one).unwrap_err()),
        "shares_too_few"
    );
    let twice = vec![texts[1].clone(), texts[1].clone()];
    assert_eq!(
        code(Vault::unlock_with_shares(&dir, &twice).unwrap_err()),
        "share_duplicate"
    );
    // A typo is caught by the share's check and named by its position.
    let mut typo = texts[0].clone().into_bytes();
    typo[3] = if typo[3] == b'A' { b'B' } else { b'A' };
    let typo = vec![texts[2].clone(), String::from_utf8(typo).unwrap()];
    match Vault::unlock_with_shares(&dir, &typo).unwrap_err() {
        Error::InvalidInput { reason, .. } => {
            assert_eq!(reason.code, "share_invalid");
            assert_eq!(reason.args["number"], 2);
        }
        other => panic!("{other:?}"),
    }
    // The old recovery key no longer opens.
    assert!(matches!(
        Vault::unlock_with_recovery_key(&dir, &old_key),
        Err(Error::RecoveryKeyWrong)
    ));
    // Recovering with shares sets a new password.
    let new_pw = Password::new("a brand new passphrase after recovery 9");
    Vault::recover_with_shares(&dir, &texts[1..], &new_pw, &new_pw)
        .unwrap()
        .lock("exit")
        .unwrap();
    Vault::unlock(&dir, &new_pw).unwrap().lock("exit").unwrap();

    // A second split: its shares do not mix with the first's, and the first's stop working.
    let mut v = Vault::unlock(&dir, &new_pw).unwrap();
    let second = v.split_recovery_key(3, &holders).unwrap();
    let key = v.new_recovery_key().unwrap();
    v.lock("exit").unwrap();
    let mixed = vec![
        texts[0].clone(),
        second[1].text.clone(),
        second[2].text.clone(),
    ];
    assert_eq!(
        code(Vault::unlock_with_shares(&dir, &mixed).unwrap_err()),
        "shares_mixed"
    );
    Vault::unlock_with_recovery_key(&dir, &key)
        .unwrap()
        .lock("exit")
        .unwrap();
    let later: Vec<String> = second.iter().map(|s| s.text.clone()).collect();
    assert!(matches!(
        Vault::unlock_with_shares(&dir, &later),
        Err(Error::RecoveryKeyWrong)
    ));
}

#[test]
fn shares_name_their_vault_and_only_the_responsible_person_splits() {
    let (_t, dir, mut v) = vault();
    let holders = ["A", "B", "C"].map(String::from);
    assert_eq!(
        code(v.split_recovery_key(1, &holders).unwrap_err()),
        "shares_threshold"
    );
    assert_eq!(
        code(v.split_recovery_key(4, &holders).unwrap_err()),
        "shares_threshold"
    );
    assert_eq!(
        code(v.split_recovery_key(2, &["A".into()]).unwrap_err()),
        "shares_count"
    );
    assert_eq!(
        code(
            v.split_recovery_key(2, &["A".into(), " ".into()])
                .unwrap_err()
        ),
        "share_holder_name"
    );
    let shares = v.split_recovery_key(2, &holders).unwrap();
    let (_t2, _dir2, other) = vault();
    let texts: Vec<String> = shares.iter().map(|s| s.text.clone()).collect();
    assert_eq!(
        code(combine(other.id(), &texts).unwrap_err()),
        "share_other_vault"
    );
    assert!(combine(v.id(), &texts).is_ok());

    let cheap = crate::test_support::cheap();
    let staff_pw = Password::new("another long staff passphrase 42");
    v.add_user_with("Staff", Role::Staff, false, &staff_pw, &staff_pw, cheap)
        .unwrap();
    v.lock("exit").unwrap();
    let mut staff = Vault::unlock_as(&dir, Some("Staff"), &staff_pw).unwrap();
    assert!(matches!(
        staff.split_recovery_key(2, &holders),
        Err(Error::NotPermitted { .. })
    ));
    assert!(matches!(
        staff.new_recovery_key(),
        Err(Error::NotPermitted { .. })
    ));
}
