//! Transfers that identify people (Art. 7(6), 15, 16, 19, 22(1)(5)): a list of participants
//! for a state grant operator, a referral to a partner. Each goes to a **recipient** kept as a
//! record of its own (name, country, kind; abroad, whether the country ensures protection,
//! Art. 16(2)), into the same ledger as anonymised exports, with the same hash of the file and
//! the same "never replace silently".
//!
//! Derbes checks the basis **per person** before anything is written: a consent in force that
//! allows transfer to third parties and names this recipient (abroad: that allows cross-border
//! transfer and names the country), or a complete Art. 9 ground; to a country that does not
//! ensure protection, without such a consent, only under an Art. 16(3) exception. It refuses
//! with the list of people who lack one, and exports only the fields every person's basis
//! covers. Where a consent provides for notice of transfers, a task to notify the person within
//! ten working days appears (Art. 19).

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::export::{Format, Letterhead};
use super::transfer::{Draft, Recipient as To, Transfer};
use crate::calendar::Clock;
use crate::documents::IfExists;
use crate::error::{Error, Result};
use crate::lifecycle::basis::ART9_GROUNDS;
use crate::lifecycle::consent::today;
use crate::register::fields::Field;
use crate::vault::journal::{self, Action};
use crate::vault::role::Permission;
use crate::vault::Vault;

/// The Art. 16(3) exceptions for a transfer abroad, to a country that does not ensure protection,
/// without the person's consent: 2) a ratified international treaty; 3) the laws, to protect the
/// constitutional order, public order, rights and freedoms, health and morals; 4) protecting
/// constitutional rights when consent cannot be obtained.
pub const ART16_EXCEPTIONS: [&str; 3] = ["art16_3_2", "art16_3_3", "art16_3_4"];
/// Working days to notify a person of a transfer, where their consent provides for it (Art. 19).
pub const NOTIFY_DAYS: u32 = 10;

/// What kind of organisation a recipient is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientKind {
    /// A donor or grant-maker.
    Donor,
    /// A partner organisation (a shelter, a clinic, another NGO).
    Partner,
    /// A state body or a state grant operator.
    StateBody,
    /// Anyone else.
    Other,
}

/// A recipient as entered.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientDraft {
    /// Its name, as consents name it.
    pub name: String,
    /// Its country, as consents name it ("Казахстан", "Germany").
    pub country: String,
    /// Whether that is abroad (a cross-border transfer, Art. 16).
    pub abroad: bool,
    /// Kind.
    pub kind: RecipientKind,
    /// Abroad: whether the country ensures the protection of personal data (Art. 16(2)).
    #[serde(default)]
    pub protects: Option<bool>,
}

/// A stored recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecipientRecord {
    /// Stable id.
    pub id: String,
    /// № in the list of recipients.
    pub number: i64,
    /// Name.
    pub name: String,
    /// Country.
    pub country: String,
    /// Abroad.
    pub abroad: bool,
    /// Kind.
    pub kind: RecipientKind,
    /// Abroad: the country ensures protection.
    pub protects: Option<bool>,
    /// Transfers to it in the ledger (anonymised and identifying).
    pub transfers: i64,
}

/// An identifying transfer as asked for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentifyingDraft {
    /// The recipient's №.
    pub recipient: i64,
    /// Why (printed in the ledger).
    pub purpose: String,
    /// The fields asked for.
    pub fields: Vec<Field>,
    /// The people, by internal number.
    pub people: Vec<i64>,
    /// Abroad, to a country that does not ensure protection: the Art. 16(3) exception relied on
    /// for people who did not consent to the cross-border transfer.
    #[serde(default)]
    pub exception: Option<String>,
}

/// One person's basis for a transfer, or why they have none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonCheck {
    /// Internal number.
    pub number: i64,
    /// `consent:N`, `art9_10`, `art16_3_2`…; `None` when there is no basis.
    pub basis: Option<String>,
    /// Why not: `no_consent_to_recipient`, `no_cross_border_consent`, `not_found`, `blocked`.
    pub lacking: Option<&'static str>,
    /// Fields this person's basis covers.
    #[serde(skip)]
    fields: BTreeSet<Field>,
    /// The consent asks for notice of transfers (Art. 19).
    pub notify: bool,
    #[serde(skip)]
    id: Option<Uuid>,
}

/// What a transfer would carry: each person's basis, and the fields every basis covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferCheck {
    /// Every person asked for.
    pub people: Vec<PersonCheck>,
    /// The numbers of those without a basis.
    pub lacking: Vec<i64>,
    /// Fields that will be exported.
    pub fields: Vec<Field>,
    /// Fields asked for that some person's basis does not cover: left out.
    pub left_out: Vec<Field>,
}

/// A person's notice of a transfer that is still to be given (Art. 19).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferNotice {
    /// The ledger entry.
    pub transfer: i64,
    /// The recipient.
    pub recipient: String,
    /// The person's internal number.
    pub number: i64,
    /// Ten working days from the transfer.
    pub clock: Clock,
}

/// A name as compared: folded, letters and digits only, single spaces.
fn plain(s: &str) -> String {
    crate::text::fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a consent's list (of recipients, or of countries; items separated by commas or
/// semicolons) names `name`: an item holds the whole name, or the name holds an item of two
/// words or more ("Азаматтық альянс" names «Азаматтық альянс» гранттар операторы, while a lone
/// generic word such as "Фонд" names no one in particular).
fn names(list: Option<&str>, name: &str) -> bool {
    let name = plain(name);
    if name.is_empty() {
        return false;
    }
    list.unwrap_or_default()
        .split([',', ';', '\n'])
        .map(plain)
        .filter(|item| item.chars().count() >= 3)
        .any(|item| item.contains(&name) || (item.split(' ').count() >= 2 && name.contains(&item)))
}

impl Vault {
    /// Add a recipient.
    pub fn add_recipient(&self, d: &RecipientDraft) -> Result<RecipientRecord> {
        self.require(Permission::ExportRows)?;
        let name = d.name.trim();
        let country = d.country.trim();
        if name.is_empty() {
            return Err(Error::invalid("name", "transfer_recipient_missing"));
        }
        if country.is_empty() {
            return Err(Error::invalid("country", "recipient_country_missing"));
        }
        if name.chars().count() > 300 || country.chars().count() > 100 {
            return Err(Error::invalid("name", "transfer_text_too_long"));
        }
        if d.abroad && d.protects.is_none() {
            return Err(Error::invalid("protects", "recipient_protection_unknown"));
        }
        let exists: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM recipient WHERE name = ?1 COLLATE NOCASE AND country = ?2 COLLATE NOCASE)",
            params![name, country],
            |r| r.get(0),
        )?;
        if exists {
            return Err(Error::invalid("name", "recipient_exists"));
        }
        let tx = self.conn().unchecked_transaction()?;
        let number: i64 = tx.query_row(
            "SELECT COALESCE(max(number), 0) + 1 FROM recipient",
            [],
            |r| r.get(0),
        )?;
        let id = Uuid::now_v7().to_string();
        tx.execute(
            "INSERT INTO recipient (id, number, name, country, abroad, kind, protects, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                number,
                name,
                country,
                d.abroad,
                serde_json::to_value(d.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from)),
                if d.abroad { d.protects } else { None },
                journal::now_utc()
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::RecipientAdded,
            Some(&id),
            json!({"recipient": number, "abroad": d.abroad}),
        )?;
        tx.commit()?;
        self.recipient(number)
    }

    /// Every recipient, by №.
    pub fn recipients(&self) -> Result<Vec<RecipientRecord>> {
        let mut stmt = self.conn().prepare(
            "SELECT r.id, r.number, r.name, r.country, r.abroad, r.kind, r.protects,
                    (SELECT count(*) FROM transfer t WHERE t.recipient_id = r.id)
             FROM recipient r ORDER BY r.number",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(5)?;
            Ok(RecipientRecord {
                id: r.get(0)?,
                number: r.get(1)?,
                name: r.get(2)?,
                country: r.get(3)?,
                abroad: r.get(4)?,
                kind: serde_json::from_value(serde_json::Value::String(kind))
                    .unwrap_or(RecipientKind::Other),
                protects: r.get(6)?,
                transfers: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The recipient with this №.
    pub fn recipient(&self, number: i64) -> Result<RecipientRecord> {
        self.recipients()?
            .into_iter()
            .find(|r| r.number == number)
            .ok_or_else(|| {
                Error::invalid("recipient", "recipient_not_found").with("number", number)
            })
    }

    /// Check a transfer before it is made: each person's basis, the fields to export.
    pub fn check_transfer(&self, d: &IdentifyingDraft) -> Result<TransferCheck> {
        let to = self.recipient(d.recipient)?;
        if let Some(e) = &d.exception {
            if !ART16_EXCEPTIONS.contains(&e.as_str()) {
                return Err(Error::invalid("exception", "transfer_exception_unknown")
                    .with("allowed", ART16_EXCEPTIONS.to_vec()));
            }
        }
        if d.people.is_empty() {
            return Err(Error::invalid("people", "transfer_people_missing"));
        }
        if d.fields.is_empty() {
            return Err(Error::invalid("fields", "transfer_fields_missing"));
        }
        let inventory = self.inventory()?;
        // Abroad to a country without protection, consent to that country is needed, or one of
        // the exceptions of Art. 16(3).
        let unprotected = to.abroad && to.protects != Some(true);
        let mut people = Vec::new();
        let mut seen = BTreeSet::new();
        for &number in &d.people {
            if !seen.insert(number) {
                continue;
            }
            let mut check = PersonCheck {
                number,
                basis: None,
                lacking: None,
                fields: BTreeSet::new(),
                notify: false,
                id: None,
            };
            let Ok(id) = self.subject_id(number) else {
                check.lacking = Some("not_found");
                people.push(check);
                continue;
            };
            check.id = Some(id);
            let facts = crate::lifecycle::consent::subject_facts(self.conn(), id)?;
            if facts.blocked {
                check.lacking = Some("blocked");
                people.push(check);
                continue;
            }
            // A consent in force that allows this transfer.
            let consent = self.consents(id)?.into_iter().find(|c| {
                c.state.in_force()
                    && c.third_parties
                    && names(c.third_party_recipients.as_deref(), &to.name)
                    && (!to.abroad
                        || (c.cross_border
                            && names(c.cross_border_countries.as_deref(), &to.country)))
            });
            if let Some(c) = consent {
                check.basis = Some(format!("consent:{}", c.number));
                check.fields = c
                    .data_fields
                    .iter()
                    .filter_map(|f| Field::from_key(f))
                    .collect();
                check.notify = self.consent_asks_notice(c.number)?;
                people.push(check);
                continue;
            }
            // Otherwise a complete Art. 9 ground (and, abroad without protection, an exception).
            let (ground, law): (Option<String>, Option<String>) = self.conn().query_row(
                "SELECT legal_ground, legal_ground_law FROM subject WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let ground = ground.filter(|g| {
                ART9_GROUNDS.contains(&g.as_str())
                    && law.as_deref().is_some_and(|l| !l.trim().is_empty())
            });
            match (ground, unprotected, &d.exception) {
                (Some(g), false, _) => {
                    check.basis = Some(g);
                }
                (_, true, Some(e)) => {
                    check.basis = Some(e.clone());
                }
                (_, true, None) if to.abroad => check.lacking = Some("no_cross_border_consent"),
                _ => check.lacking = Some("no_consent_to_recipient"),
            }
            if check.basis.is_some() {
                let covers = self.covered_purposes(id, facts.kind)?;
                check.fields = inventory
                    .document
                    .purposes
                    .iter()
                    .filter(|p| {
                        covers.contains(&p.key)
                            || check
                                .basis
                                .as_deref()
                                .is_some_and(|b| b.starts_with("art16"))
                    })
                    .flat_map(|p| p.fields.get(&facts.kind).into_iter().flatten().copied())
                    .collect();
            }
            people.push(check);
        }
        let lacking: Vec<i64> = people
            .iter()
            .filter(|p| p.basis.is_none())
            .map(|p| p.number)
            .collect();
        let (fields, left_out): (Vec<Field>, Vec<Field>) = d
            .fields
            .iter()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .partition(|f| {
                people
                    .iter()
                    .filter(|p| p.basis.is_some())
                    .all(|p| p.fields.contains(f))
            });
        Ok(TransferCheck {
            people,
            lacking,
            fields,
            left_out,
        })
    }

    fn consent_asks_notice(&self, consent: i64) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT notify_transfers FROM consent WHERE number = ?1",
                [consent],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false))
    }

    /// Make an identifying transfer: refused, with nothing written, unless every person has a
    /// basis; the CSV carries only the fields every basis covers; the ledger records it with
    /// the people and their bases; people whose consent asks for notice get a ten-working-day
    /// task (Art. 19). Needs the permission to export rows.
    pub fn export_identifying(
        &self,
        d: &IdentifyingDraft,
        path: &Path,
        if_exists: IfExists,
    ) -> Result<Transfer> {
        self.require(Permission::ExportRows)?;
        let purpose = d.purpose.trim().to_string();
        if purpose.is_empty() {
            return Err(Error::invalid("purpose", "transfer_purpose_missing"));
        }
        let check = self.check_transfer(d)?;
        if !check.lacking.is_empty() {
            return Err(Error::invalid("people", "transfer_basis_missing").with(
                "people",
                check
                    .lacking
                    .iter()
                    .map(|n| format!("№ {n}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
        }
        if check.fields.is_empty() {
            return Err(Error::invalid("fields", "transfer_fields_not_covered"));
        }
        let to = self.recipient(d.recipient)?;
        let organisation = self.ready_to_send(Format::Csv, path, if_exists)?;
        // The rows, read now (in clear: this file is the transfer itself).
        let mut rows: Vec<Vec<String>> = Vec::new();
        for p in &check.people {
            let Some(id) = p.id else { continue };
            let person = self.subject_in_full(id)?;
            let mut row = vec![p.number.to_string()];
            for f in &check.fields {
                row.push(
                    person
                        .values
                        .get(f)
                        .map(|v| v.value.clone())
                        .unwrap_or_default(),
                );
            }
            rows.push(row);
        }
        let header: Vec<String> = std::iter::once("number".to_string())
            .chain(check.fields.iter().map(|f| f.key().to_string()))
            .collect();
        let calendar = self.calendar()?;
        let notify_due = calendar.add_working_days(today(), NOTIFY_DAYS).ok();
        let people: Vec<(Uuid, i64, String, bool)> = check
            .people
            .iter()
            .filter_map(|p| Some((p.id?, p.number, p.basis.clone()?, p.notify)))
            .collect();
        let draft = Draft {
            kind: "identifying",
            parameters: json!({
                "recipient": to.number,
                "fields": check.fields,
                "people": people.len(),
                "exception": d.exception,
            }),
            outcome: json!({"rows": rows.len(), "leftOut": check.left_out}),
            render: Box::new(move |_head: &Letterhead| {
                let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
                w.write_record(&header)
                    .map_err(|e| Error::Internal(e.to_string()))?;
                for r in &rows {
                    w.write_record(r)
                        .map_err(|e| Error::Internal(e.to_string()))?;
                }
                w.into_inner().map_err(|e| Error::Internal(e.to_string()))
            }),
            beside: Some(Box::new(move |tx, number| {
                let mut ins = tx.prepare(
                    "INSERT INTO transfer_subject (transfer, subject_id, subject_number, basis, notify_due)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (id, n, basis, notify) in &people {
                    ins.execute(params![
                        number,
                        id.to_string(),
                        n,
                        basis,
                        notify_due.filter(|_| *notify).map(|d| d.to_string())
                    ])?;
                }
                Ok(())
            })),
        };
        let to = To {
            recipient: to.name.clone(),
            purpose,
        };
        self.transfer(draft, Format::Csv, &to, organisation, (path, if_exists))
    }

    /// The notices of transfers people are still owed (Art. 19), each on its ten-day clock.
    pub fn transfer_notices(&self) -> Result<Vec<TransferNotice>> {
        let calendar = self.calendar()?;
        let mut stmt = self.conn().prepare(
            "SELECT s.transfer, t.recipient, s.subject_number, substr(t.at, 1, 10)
             FROM transfer_subject s JOIN transfer t ON t.number = s.transfer
             WHERE s.notify_due IS NOT NULL AND s.notified_on IS NULL
               AND EXISTS (SELECT 1 FROM subject x WHERE x.id = s.subject_id)
             ORDER BY s.notify_due, s.subject_number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (transfer, recipient, number, at) = row?;
            let from = crate::lifecycle::retention::iso_day(&at).unwrap_or_else(today);
            out.push(TransferNotice {
                transfer,
                recipient,
                number,
                clock: Clock::count(&calendar, from, NOTIFY_DAYS, today()),
            });
        }
        Ok(out)
    }

    /// Record that a person was told of a transfer (the day they were).
    pub fn transfer_notified(&self, transfer: i64, number: i64, on: Date) -> Result<()> {
        let tx = self.conn().unchecked_transaction()?;
        let n = tx.execute(
            "UPDATE transfer_subject SET notified_on = ?1 WHERE transfer = ?2 AND subject_number = ?3 AND notify_due IS NOT NULL",
            params![on.to_string(), transfer, number],
        )?;
        if n == 0 {
            return Err(
                Error::invalid("transfer", "transfer_notice_not_owed").with("number", number)
            );
        }
        journal::append(
            &tx,
            Some(self.user().id),
            Action::TransferNoticeGiven,
            None,
            json!({"transfer": transfer, "number": number}),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The identifying transfers that carried a person: recipient and date, for their access
    /// answer and for the act that destroys them.
    pub fn transfers_carrying(&self, numbers: &[i64]) -> Result<Vec<Carried>> {
        carried(self.conn(), numbers)
    }
}

/// An identifying transfer that carried someone: which, to whom, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Carried {
    /// The ledger entry.
    pub transfer: i64,
    /// The recipient.
    pub recipient: String,
    /// The day.
    pub date: String,
    /// Why.
    pub purpose: String,
}

/// The identifying transfers that carried any of `numbers`, oldest first.
pub(crate) fn carried(conn: &rusqlite::Connection, numbers: &[i64]) -> Result<Vec<Carried>> {
    if numbers.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(numbers).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT DISTINCT t.number, t.recipient, substr(t.at, 1, 10), t.purpose
         FROM transfer_subject s JOIN transfer t ON t.number = s.transfer
         WHERE s.subject_number IN (SELECT value FROM json_each(?1))
         ORDER BY t.number",
    )?;
    let rows = stmt.query_map([list], |r| {
        Ok(Carried {
            transfer: r.get(0)?,
            recipient: r.get(1)?,
            date: r.get(2)?,
            purpose: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
