//! The demo vault: a newcomer sees the product at once, with made-up data only.
//!
//! This area sits on top of every other: it makes a vault and fills it through the same calls
//! the app uses. [`data`] generates the synthetic people (also for the benchmarks).

pub mod data;
mod names;
mod places;

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::vault::keyslots::{KdfParams, MIN_MEMORY_KIB};
use crate::vault::secret::{random_bytes, Password};
use crate::vault::Vault;

/// How many made-up people the demo vault holds: enough to search, filter and scroll.
pub const DEMO_PEOPLE: usize = 500;

/// A valid BIN (check digit by the law's rule) for made-up organisations: the demo's, the
/// tests' and the benchmarks'.
pub fn demo_bin() -> String {
    let first11 = [2, 6, 0, 1, 0, 1, 5, 0, 0, 0, 0];
    (0u8..10)
        .find_map(|last| {
            let mut d = first11;
            d[10] = last;
            crate::register::ids::check_digit(&d).map(|c| {
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
    let (vault, _recovery) = Vault::create_demo(dir, &password, cheap)?;
    vault.set_organisation(&crate::register::organisation::Organisation {
        name: "«Жәрдем» қоғамдық бірлестігі (демо)".into(),
        bin: demo_bin(),
        address: "Қарағанды қ., Бұқар жырау даңғылы, 1".into(),
        responsible_name: "Демо Жауапты".into(),
        responsible_contacts: "+7 700 000 00 00".into(),
        head_name: "Демо Басшы".into(),
        head_position: "Төраға".into(),
    })?;
    fill(&vault, DEMO_PEOPLE, 2026)?;
    showcase(&vault)?;
    Ok(vault)
}

/// Give a demo's people the lifecycle a real register has: consents in every state (one given
/// by a parent for a child, one allowing publication), employees under labour law, one person
/// blocked and one under legal hold — so every screen has something to show.
fn showcase(vault: &Vault) -> Result<()> {
    use crate::lifecycle::consent::{
        ConsentDraft, ConsentForm, Representative, Scope, WithdrawalDraft,
    };
    use crate::register::fields::{Field, Kind};
    let today = time::OffsetDateTime::now_utc().date();
    let day = |days: i64| (today + time::Duration::days(days)).to_string();
    let page = vault.list_subjects(&crate::register::subjects::Query {
        limit: Some(120),
        ..Default::default()
    })?;
    let mut n = 0;
    for row in &page.rows {
        if row.kind != Kind::Beneficiary {
            continue;
        }
        n += 1;
        let minor = row
            .values
            .get(&Field::BirthDate)
            .and_then(|b| crate::register::import::parse_date(b).ok())
            .is_some_and(|b| crate::lifecycle::consent::age_on(b, today) < 18);
        let draft = ConsentDraft {
            purposes: vec![if n % 3 == 0 {
                "humanitarian_aid"
            } else {
                "legal_aid"
            }
            .into()],
            given_on: Some(day(-400 - n)),
            valid_until: match n % 5 {
                0 => Some(day(12)),      // expiring
                1 => Some(day(-3)),      // expired
                _ => Some(day(700 + n)), // active
            },
            third_parties: (n % 4 == 0).then(|| "ҚР Денсаулық сақтау министрлігі".into()),
            publication: (n % 7 == 0).then(|| "ұйымның жылдық есебі".into()),
            form: Some(if n % 6 == 0 {
                ConsentForm::Egov
            } else {
                ConsentForm::Paper
            }),
            form_reference: (n % 6 == 0).then(|| format!("EGOV-{:06}", 4200 + n)),
            representative: minor.then(|| Representative {
                name: "Демо Ата-ана".into(),
                relation: "анасы".into(),
                document: "туу туралы куәлік".into(),
            }),
            valid_from: None,
            cross_border: None,
            // Those who allowed transfer to the ministry asked to be told of it (Art. 19).
            notify_transfers: n % 8 == 0,
        };
        let c = match vault.add_consent(row.id, &draft) {
            Ok(c) => c,
            // A baby born after the demo's consent date: nothing to show for them.
            Err(crate::Error::InvalidInput {
                reason:
                    crate::error::Reason {
                        code: "consent_given_before_birth",
                        ..
                    },
                ..
            }) => continue,
            Err(e) => return Err(e),
        };
        if n % 11 == 0 {
            vault.withdraw_consent(
                c.number,
                &WithdrawalDraft {
                    scope: Scope::All,
                    requested_on: None,
                    channel: "жазбаша өтініш".into(),
                    refusal: None,
                },
            )?;
        }
        if n == 8 {
            vault.block(row.id, "inaccurate_data")?;
        }
        if n == 9 {
            vault.hold(row.id, "litigation")?;
        }
        if n >= 60 {
            break;
        }
    }
    obligations(vault, &page.rows)
}

/// The clocks a register has running: an access request due soon, a correction answered, and a
/// lost USB stick notified the day after — so the Requests and Breaches screens have something
/// to show and the dashboard a clock.
fn obligations(vault: &Vault, rows: &[crate::register::subjects::Row]) -> Result<()> {
    use crate::breaches::{BreachDraft, BreachKind, SubjectsTold};
    use crate::requests::{Channel, Closing, IdentityCheck, RequestDraft, RequestKind};
    let today = time::OffsetDateTime::now_utc().date();
    let calendar = vault.calendar()?;
    let Some(first) = rows.first() else {
        return Ok(());
    };
    let request = |kind, subject, received_on| RequestDraft {
        subject,
        kind,
        received_on,
        channel: Channel::InPerson,
        representative: None,
        identity_check: IdentityCheck::IdDocument,
        note: None,
    };
    // Without calendar data for this year the demo has no clocks rather than none at all.
    if calendar.add_working_days(today, 1).is_err() {
        return Ok(());
    }
    vault.add_request(&request(RequestKind::Access, first.id, today))?;
    if let Some(second) = rows.get(1) {
        let r = vault.add_request(&request(RequestKind::Correction, second.id, today))?;
        vault.close_request(
            r.number,
            &Closing::Refused {
                reason: "Деректер құжаттарға сәйкес келеді / Данные соответствуют документам"
                    .into(),
            },
        )?;
    }
    let detected = today - time::Duration::days(2);
    let Ok(next) = calendar.add_working_days(detected, 1) else {
        return Ok(());
    };
    let b = vault.add_breach(&BreachDraft {
        detected_at: time::PrimitiveDateTime::new(
            detected,
            time::Time::from_hms(10, 30, 0).unwrap_or(time::Time::MIDNIGHT),
        ),
        kind: BreachKind::MediaLost,
        description: "Флеш-жинақтауыш жоғалды / Утерян флеш-накопитель".into(),
        categories: vec!["identity".into(), "contact".into()],
        whole_register: false,
        people: rows.iter().take(12).map(|r| r.number).collect(),
        containment: Some("Файлдар шифрланған; құпиясөз ауыстырылды".into()),
        subjects_told: SubjectsTold::Yes,
    })?;
    if next <= today {
        vault.breach_notified(b.number, next)?;
    }
    Ok(())
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
    use crate::lifecycle::basis::{BasisDraft, Ground};
    use crate::register::fields::Kind;
    let today = time::OffsetDateTime::now_utc().date();
    let inventory = vault.inventory()?.document;
    // Beneficiaries and volunteers consented to social support (the purpose every demo person
    // fits, and one no retention rule keeps for ever); their records hold its fields only.
    let consented = ["social_support".to_string()];
    let fields_of = |kind: Kind| -> std::collections::BTreeSet<crate::register::fields::Field> {
        if kind == Kind::Employee {
            return inventory.allowed(kind);
        }
        inventory
            .purposes
            .iter()
            .filter(|p| consented.contains(&p.key))
            .flat_map(|p| p.fields.get(&kind).into_iter().flatten().copied())
            .collect()
    };
    let rows: Vec<_> = crate::demo::data::generate_iter(count, seed, today)
        .map(|mut d| {
            if let Some(kind) = d.kind {
                let allowed = fields_of(kind);
                d.values.retain(|f, _| allowed.contains(f));
                if !allowed.contains(&crate::register::fields::Field::Services) {
                    d.services.clear();
                }
            }
            d
        })
        .enumerate()
        .map(|(i, d)| (i + 1, d))
        .collect();
    // Every demo person has a basis, as in a real register: employees are processed under the
    // Labour Code (Art. 9(10)); beneficiaries and volunteers gave paper consents.
    let basis_of = |kind: Kind| match kind {
        Kind::Employee => BasisDraft::Ground(Ground {
            subparagraph: "art9_10".into(),
            law: "Қазақстан Республикасының Еңбек кодексі, 23-бап / Трудовой кодекс РК, ст. 23"
                .into(),
            purposes: vec![],
        }),
        _ => BasisDraft::Consent {
            consent: Box::new(crate::lifecycle::consent::ConsentDraft {
                purposes: consented.to_vec(),
                form: Some(crate::lifecycle::consent::ConsentForm::Paper),
                // Given for the demo's children by a parent.
                representative: Some(crate::lifecycle::consent::Representative {
                    name: "Демо Ата-ана".into(),
                    relation: "анасы".into(),
                    document: "туу туралы куәлік".into(),
                }),
                ..Default::default()
            }),
            scan_due: None,
        },
    };
    let report = vault.add_people_by_kind(
        &rows,
        &basis_of,
        false,
        crate::register::bulk::BatchSource::Demo,
        &mut |_, _| {},
    )?;
    match report.rejected.first() {
        // Another seed over an existing register can collide on an IIN: say so plainly.
        Some(p) if p.code == "duplicate_iin" || p.code == "duplicate_iin_in_file" => {
            Err(crate::Error::invalid("seed", "demo_seed_collision"))
        }
        Some(p) => Err(crate::Error::Internal(format!(
            "the demo generator made an invalid row ({} {})",
            p.field, p.code
        ))),
        None => Ok(report.accepted),
    }
}
