//! Helpers shared by the core's unit tests: cheap vaults, valid IINs, drafts.

use std::path::PathBuf;

use time::Date;

use crate::register::fields::{Field, Kind, PersonDraft, ServiceDraft, Sex};
use crate::register::ids::Iin;
use crate::register::organisation::Organisation;
use crate::vault::keyslots::MIN_MEMORY_KIB;
use crate::{KdfParams, Password, Vault};

/// The password every test vault has.
pub const PASSWORD: &str = "correct horse battery staple";

/// The cheapest key derivation a slot accepts: tests unlock often.
pub fn cheap() -> KdfParams {
    KdfParams {
        memory_kib: MIN_MEMORY_KIB,
        iterations: 1,
        parallelism: 1,
    }
}

/// A vault with a cheap KDF and no organisation details yet.
pub fn bare_vault() -> (tempfile::TempDir, PathBuf, Vault) {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("v");
    let pw = Password::new(PASSWORD);
    let (v, _) = Vault::create(&dir, "Test", &pw, &pw.clone(), cheap()).unwrap();
    (t, dir, v)
}

/// Name the operator and record a consent to publication for a person.
pub fn publishable(v: &Vault, id: uuid::Uuid) {
    set_organisation(v);
    v.add_consent(
        id,
        &crate::lifecycle::consent::ConsentDraft {
            purposes: vec![v.inventory().unwrap().document.purposes[0].key.clone()],
            form: Some(crate::lifecycle::consent::ConsentForm::Paper),
            publication: Some("annual report".into()),
            ..Default::default()
        },
    )
    .unwrap();
}

/// A vault with a cheap KDF and the organisation filled in.
pub fn vault() -> (tempfile::TempDir, PathBuf, Vault) {
    let (t, dir, v) = bare_vault();
    set_organisation(&v);
    (t, dir, v)
}

fn set_organisation(v: &Vault) {
    v.set_organisation(&Organisation {
        name: "«Жәрдем» қоғамдық бірлестігі".into(),
        bin: crate::demo::demo_bin(),
        address: "Қарағанды қ.".into(),
        responsible_name: "Test".into(),
        responsible_contacts: "+77010000000".into(),
        head_name: "Head".into(),
        head_position: "Төраға".into(),
    })
    .unwrap();
}

/// A valid IIN for a birth date and sex.
pub fn iin(birth: Date, sex: Sex, serial: u16) -> String {
    (serial..)
        .find_map(|s| Iin::synthesize(birth, sex, s))
        .unwrap()
        .as_string()
}

/// A draft from field/value pairs.
pub fn draft(kind: Kind, pairs: &[(Field, &str)]) -> PersonDraft {
    PersonDraft {
        kind: Some(kind),
        values: pairs.iter().map(|(f, v)| (*f, v.to_string())).collect(),
        services: vec![],
        registered_on: None,
    }
}

/// A draft with services on the given dates.
pub fn with_services(mut d: PersonDraft, dates: &[&str]) -> PersonDraft {
    d.services = dates
        .iter()
        .map(|date| ServiceDraft {
            date: date.to_string(),
            service_type: "consultation".into(),
        })
        .collect();
    d
}

/// The journal's actions, oldest first.
pub fn actions(v: &Vault) -> Vec<String> {
    v.journal(1000, 0)
        .unwrap()
        .1
        .into_iter()
        .rev()
        .map(|e| e.action)
        .collect()
}

/// A basis for test people whose basis is not what the test is about: Art. 9(10), covering
/// every purpose of the person's kind.
pub fn basis() -> crate::lifecycle::basis::BasisDraft {
    crate::lifecycle::basis::BasisDraft::Ground(crate::lifecycle::basis::Ground {
        subparagraph: "art9_10".into(),
        law: "Test law, Art. 1".into(),
        purposes: vec![],
    })
}
