//! The demo vault: a newcomer sees the product at once, with made-up data only.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::keyslots::{KdfParams, MIN_MEMORY_KIB};
use crate::secret::{random_bytes, Password};
use crate::vault::Vault;

/// How many made-up people the demo vault holds: enough to search, filter and scroll.
pub const DEMO_PEOPLE: usize = 500;

/// A valid, obviously made-up BIN for the demo organisation.
fn demo_bin() -> String {
    let first11 = [2, 6, 0, 1, 0, 1, 5, 0, 0, 0, 0];
    (0u8..10)
        .find_map(|last| {
            let mut d = first11;
            d[10] = last;
            crate::ids::check_digit(&d).map(|c| {
                d.iter()
                    .chain(std::iter::once(&c))
                    .map(|x| char::from(b'0' + x))
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// A new folder for a demo vault under the system's temporary directory.
pub fn demo_folder() -> PathBuf {
    std::env::temp_dir().join(format!("derbes-demo-{}", uuid::Uuid::now_v7()))
}

/// Create and unlock a demo vault in `dir`. Its password is random and never shown: a demo is
/// opened once and discarded when locked ([`discard`]).
pub fn create(dir: &Path) -> Result<Vault> {
    let mut raw = [0u8; 32];
    random_bytes(&mut raw);
    let password = Password::new(hex::encode(raw));
    // The demo holds no real data, so it skips the half-second KDF.
    let cheap = KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    };
    let (vault, _recovery) = Vault::create_unchecked(dir, "Demo", &password, cheap, true)?;
    vault.set_organisation(&crate::organisation::Organisation {
        name: "«Жәрдем» қоғамдық бірлестігі (демо)".into(),
        bin: demo_bin(),
        address: "Қарағанды қ., Бұқар жырау даңғылы, 1".into(),
        responsible_name: "Демо Жауапты".into(),
        responsible_contacts: "+7 700 000 00 00".into(),
    })?;
    fill(&vault, DEMO_PEOPLE, 2026)?;
    Ok(vault)
}

/// Lock a demo vault and delete its folder. Refuses (and only locks) a vault that is not a demo.
pub fn discard(vault: Vault) -> Result<()> {
    let is_demo = vault.is_demo();
    let dir = vault.dir().to_path_buf();
    vault.lock("exit")?;
    if is_demo {
        std::fs::remove_dir_all(dir)?;
    }
    Ok(())
}

/// Add `count` synthetic people to a vault, keeping only the fields its approved inventory
/// collects for each kind of person (the generator knows more than any one NGO should keep).
/// All or nothing, journaled once. Returns how many were added.
pub fn fill(vault: &Vault, count: usize, seed: u64) -> Result<usize> {
    let today = time::OffsetDateTime::now_utc().date();
    let inventory = vault.inventory()?.document;
    let rows: Vec<_> = crate::demo_data::generate_iter(count, seed, today)
        .map(|mut d| {
            if let Some(kind) = d.kind {
                let allowed = inventory.allowed(kind);
                d.values.retain(|f, _| allowed.contains(f));
                if !allowed.contains(&crate::fields::Field::Services) {
                    d.services.clear();
                }
            }
            d
        })
        .enumerate()
        .map(|(i, d)| (i + 1, d))
        .collect();
    let report = vault.add_people(&rows, false, crate::bulk::BatchSource::Demo, &mut |_, _| {})?;
    match report.rejected.first() {
        // Another seed over an existing register can collide on an IIN: say so plainly.
        Some(p) if p.code == "duplicate_iin" || p.code == "duplicate_iin_in_file" => Err(crate::Error::InvalidInput {
            field: "seed",
            reason: "Some synthetic IINs are already in this vault; use another --seed or an empty vault.".into(),
        }),
        Some(p) => Err(crate::Error::Internal(format!("the demo generator made an invalid row ({} {})", p.field, p.code))),
        None => Ok(report.accepted),
    }
}
