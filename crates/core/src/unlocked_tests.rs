//! A whole vault with every area on it: what no single area's tests can show — that nothing in
//! clear reaches the disk, that the demo shows every part of the product, and that a vault copied
//! while open opens in a state that was once whole.

use std::fs;

use crate::test_support::{actions, vault, PASSWORD};
use crate::vault::keyslots::MIN_MEMORY_KIB;
use crate::{Error, KdfParams, Password, Vault};

const DB_FILE: &str = "vault.db";

fn pw(s: &str) -> Password {
    Password::new(s)
}

/// The marker must appear in no file of the vault, neither while it is open (WAL) nor at rest.
#[test]
fn no_plaintext_reaches_the_disk() {
    const MARKER: &str = "MARKER-Жәрдем-7f3a9c";
    const PW: &str = PASSWORD;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("Office vault");
    let cheap = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
    let (v, rk) = Vault::create(&dir, "Айгүл Серікова", &pw(PW), &pw(PW), cheap).unwrap();
    v.set_organisation(&crate::register::organisation::Organisation {
        name: format!("{MARKER} қоғамдық бірлестігі"),
        ..Default::default()
    })
    .unwrap();
    let check = |when: &str| {
        let mut seen = 0;
        for e in fs::read_dir(&dir).unwrap() {
            let e = e.unwrap();
            let bytes = fs::read(e.path()).unwrap();
            seen += 1;
            for needle in [
                MARKER.as_bytes(),
                "Жәрдем".as_bytes(),
                "Айгүл".as_bytes(),
                PW.as_bytes(),
                rk.display().as_bytes(),
            ] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle),
                    "{when}: plaintext found in {:?}",
                    e.file_name()
                );
            }
        }
        seen
    };
    assert!(dir.join("vault.db-wal").exists(), "WAL mode is on");
    assert!(check("open") >= 3);
    v.lock("manual").unwrap();
    check("locked");
    let head = fs::read(dir.join(DB_FILE)).unwrap();
    assert!(!head.starts_with(b"SQLite format 3"));
    // And the marker really is stored: it reads back after unlock.
    let v = Vault::unlock(&dir, &pw(PW)).unwrap();
    assert!(v.organisation().unwrap().name.starts_with(MARKER));
    // The journal names the setting, never its value.
    let (_, entries) = v.journal(100, 0).unwrap();
    assert!(!serde_json::to_string(&entries).unwrap().contains(MARKER));
}

#[test]
fn demo_vaults_are_marked_and_discarded() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let v = crate::demo::create(&dir).unwrap();
    assert!(v.is_demo());
    assert!(actions(&v).contains(&"demo.created".to_string()));
    // The demo shows the lifecycle too: consents in several states, a blocked person, a hold.
    let today = time::OffsetDateTime::now_utc().date();
    let o = v.lifecycle_overview(today).unwrap();
    assert!(o.consents.active > 10 && o.consents.expiring > 0 && o.consents.expired > 0);
    assert!(o.consents.withdrawn > 0);
    assert_eq!((o.blocked, o.held), (1, 1));
    crate::demo::discard(v).unwrap();
    assert!(!dir.exists());
}

/// A vault copied while open (as a backup tool or a crash would leave it), whose `-wal` is then
/// lost: it opens in the state before what the WAL held — never between — with every page and
/// the journal intact; or, if it cannot, it says so in a sentence and writes nothing.
#[test]
fn a_deleted_wal_leaves_the_state_before_it() {
    use crate::register::fields::{Field, Kind};
    let (t, dir, v) = vault();
    let before = v.list_subjects(&Default::default()).unwrap().total;
    for i in 0..20 {
        v.add_subject(
            &crate::test_support::draft(
                Kind::Beneficiary,
                &[
                    (Field::Surname, &format!("Уолов{i}")),
                    (Field::Name, "Тест"),
                ],
            ),
            &crate::test_support::basis(),
        )
        .unwrap();
    }
    let wal = dir.join("vault.db-wal");
    assert!(
        fs::metadata(&wal).unwrap().len() > 0,
        "the new people are in the WAL"
    );
    let copy = t.path().join("copy");
    fs::create_dir(&copy).unwrap();
    for f in ["vault.db", "keyslots"] {
        fs::copy(dir.join(f), copy.join(f)).unwrap();
    }
    v.lock("manual").unwrap();

    let db_before = fs::read(copy.join("vault.db")).unwrap();
    match Vault::unlock(&copy, &pw(PASSWORD)) {
        Ok(v2) => {
            v2.check_files().unwrap();
            assert!(v2.verify_journal().unwrap().ok);
            // All twenty or none: each was its own transaction, all of them still in the WAL.
            assert_eq!(v2.list_subjects(&Default::default()).unwrap().total, before);
            v2.lock("manual").unwrap();
        }
        Err(e) => {
            assert!(matches!(e, Error::VaultDamaged), "{e}");
            assert_eq!(fs::read(copy.join("vault.db")).unwrap(), db_before);
        }
    }
}
