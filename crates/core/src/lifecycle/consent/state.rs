//! A recorded consent as read back — with its withdrawals and evidence — and its state on a
//! given day (active, expiring, expired, withdrawn).

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use time::{Date, Duration};
use uuid::Uuid;

use super::{subject_facts, today, ConsentForm, Evidence, Representative, Scope, Withdrawal};
use crate::error::{Error, Result};
use crate::vault::Vault;

/// How many days before its end a consent counts as expiring.
pub const EXPIRING_DAYS: i64 = 30;

/// Where a consent stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ConsentState {
    /// In force.
    Active,
    /// In force, ending within [`EXPIRING_DAYS`] days.
    Expiring,
    /// Its term ended.
    Expired,
    /// Withdrawn as a whole.
    Withdrawn,
}

impl ConsentState {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            ConsentState::Active => "active",
            ConsentState::Expiring => "expiring",
            ConsentState::Expired => "expired",
            ConsentState::Withdrawn => "withdrawn",
        }
    }

    /// Whether processing may rely on it.
    pub fn in_force(self) -> bool {
        matches!(self, ConsentState::Active | ConsentState::Expiring)
    }
}

/// A recorded consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// Stable id.
    pub id: Uuid,
    /// The consent's number in this vault (printed on the form).
    pub number: i64,
    /// The person's id.
    pub subject_id: Uuid,
    /// The person's internal number.
    pub subject_number: i64,
    /// Operator's name as on the consent.
    pub operator_name: String,
    /// Operator's BIN.
    pub operator_bin: String,
    /// The person's surname, name and patronymic as on the consent.
    pub subject_name: String,
    /// Purpose keys.
    pub purposes: Vec<String>,
    /// Field keys of the data collected for those purposes.
    pub data_fields: Vec<String>,
    /// The inventory version the purposes and data come from.
    pub inventory_version: i64,
    /// The day it was given.
    pub given_on: String,
    /// First day of validity.
    pub valid_from: String,
    /// Last day, or `None` for "until the purpose is achieved".
    pub valid_until: Option<String>,
    /// Transfer to third parties allowed (and not withdrawn).
    pub third_parties: bool,
    /// The recipients named.
    pub third_party_recipients: Option<String>,
    /// Cross-border transfer allowed (and not withdrawn).
    pub cross_border: bool,
    /// The countries named.
    pub cross_border_countries: Option<String>,
    /// Publication allowed (and not withdrawn).
    pub publication: bool,
    /// Where it may be published.
    pub publication_where: Option<String>,
    /// How it was given.
    pub form: ConsentForm,
    /// Reference on eGov or a consent service.
    pub form_reference: Option<String>,
    /// User id of the staff member who took it.
    pub taken_by: String,
    /// That user's name.
    pub taken_by_name: Option<String>,
    /// The legal representative who gave it, if any.
    pub representative: Option<Representative>,
    /// State today.
    pub state: ConsentState,
    /// Scopes withdrawn (accepted withdrawals).
    pub withdrawn_scopes: Vec<Scope>,
    /// Every withdrawal request, accepted or refused, oldest first.
    pub withdrawals: Vec<Withdrawal>,
    /// The attached scan, if any.
    pub evidence: Option<Evidence>,
    /// When it was recorded.
    pub created_at: String,
    /// A paper form whose scan is still to be attached: the day it is due.
    pub scan_due: Option<String>,
    /// The person is to be told of each transfer to a third party (Art. 19).
    pub notify_transfers: bool,
}

impl Vault {
    /// One consent by its number.
    pub fn consent(&self, number: i64) -> Result<Consent> {
        let id: String = self
            .conn()
            .query_row("SELECT id FROM consent WHERE number = ?1", [number], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::ConsentNotFound)?;
        load(self.conn(), "c.id = ?1", &id, today())?
            .pop()
            .ok_or(Error::ConsentNotFound)
    }

    /// A person's consents, newest first.
    pub fn consents(&self, subject: Uuid) -> Result<Vec<Consent>> {
        subject_facts(self.conn(), subject)?;
        load(
            self.conn(),
            "c.subject_id = ?1",
            &subject.to_string(),
            today(),
        )
    }
}

/// The best state among a person's consents (active over expiring over expired over withdrawn).
pub(crate) fn best_state(
    conn: &Connection,
    subject: Uuid,
    on: Date,
) -> Result<Option<ConsentState>> {
    Ok(load(conn, "c.subject_id = ?1", &subject.to_string(), on)?
        .iter()
        .map(|c| c.state)
        .min())
}

/// Every person's consents in force on `on`, as the purposes they cover: one read for a batch
/// (an import of past services) instead of one per person.
pub(crate) fn purposes_in_force(
    conn: &Connection,
    on: Date,
) -> Result<std::collections::HashMap<Uuid, BTreeSet<String>>> {
    let mut out: std::collections::HashMap<Uuid, BTreeSet<String>> = Default::default();
    for c in load(conn, "?1 = ?1", "", on)? {
        if c.state.in_force() {
            out.entry(c.subject_id).or_default().extend(c.purposes);
        }
    }
    Ok(out)
}

pub(super) fn state_of(valid_until: Option<&str>, withdrawn_all: bool, on: Date) -> ConsentState {
    if withdrawn_all {
        return ConsentState::Withdrawn;
    }
    let until = valid_until
        .and_then(|u| Date::parse(u, &time::format_description::well_known::Iso8601::DATE).ok());
    match until {
        Some(u) if u < on => ConsentState::Expired,
        Some(u) if u <= on + Duration::days(EXPIRING_DAYS) => ConsentState::Expiring,
        _ => ConsentState::Active,
    }
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

/// Consents matching `condition` (bound to `?1`), newest first, with withdrawals and evidence.
fn load(conn: &Connection, condition: &str, value: &str, on: Date) -> Result<Vec<Consent>> {
    let sql = format!(
        "SELECT c.id, c.number, c.subject_id, s.number, c.operator_name, c.operator_bin, c.subject_name, c.purposes, c.data_fields,
                c.inventory_version, c.given_on, c.valid_from, c.valid_until, c.third_parties, c.third_party_recipients,
                c.cross_border, c.cross_border_countries, c.publication, c.publication_where, c.form, c.form_reference,
                c.taken_by, u.name, c.representative_name, c.representative_relation, c.representative_document, c.created_at,
                a.media_type, a.size, a.sha256, c.scan_due, c.notify_transfers
         FROM consent c JOIN subject s ON s.id = c.subject_id
         LEFT JOIN user u ON u.id = c.taken_by
         LEFT JOIN attachment a ON a.consent_id = c.id
         WHERE {condition} ORDER BY c.number DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([value], |r| {
        let id: String = r.get(0)?;
        let subject_id: String = r.get(2)?;
        let rep_name: Option<String> = r.get(23)?;
        let media_type: Option<String> = r.get(27)?;
        Ok(Consent {
            id: Uuid::parse_str(&id).unwrap_or_default(),
            number: r.get(1)?,
            subject_id: Uuid::parse_str(&subject_id).unwrap_or_default(),
            subject_number: r.get(3)?,
            operator_name: r.get(4)?,
            operator_bin: r.get(5)?,
            subject_name: r.get(6)?,
            purposes: json_list(&r.get::<_, String>(7)?),
            data_fields: json_list(&r.get::<_, String>(8)?),
            inventory_version: r.get(9)?,
            given_on: r.get(10)?,
            valid_from: r.get(11)?,
            valid_until: r.get(12)?,
            third_parties: r.get(13)?,
            third_party_recipients: r.get(14)?,
            cross_border: r.get(15)?,
            cross_border_countries: r.get(16)?,
            publication: r.get(17)?,
            publication_where: r.get(18)?,
            form: ConsentForm::from_key(&r.get::<_, String>(19)?).unwrap_or(ConsentForm::Other),
            form_reference: r.get(20)?,
            taken_by: r.get(21)?,
            taken_by_name: r.get(22)?,
            representative: rep_name.map(|name| Representative {
                name,
                relation: r
                    .get::<_, Option<String>>(24)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
                document: r
                    .get::<_, Option<String>>(25)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            }),
            state: ConsentState::Active,
            withdrawn_scopes: Vec::new(),
            withdrawals: Vec::new(),
            scan_due: r.get(30)?,
            notify_transfers: r.get(31)?,
            evidence: media_type.map(|media_type| Evidence {
                media_type,
                size: r.get::<_, Option<i64>>(28).ok().flatten().unwrap_or(0),
                sha256: r
                    .get::<_, Option<String>>(29)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            }),
            created_at: r.get(26)?,
        })
    })?;
    let mut consents: Vec<Consent> = rows.collect::<std::result::Result<_, _>>()?;
    let mut w = conn.prepare_cached(
        "SELECT scope, requested_on, channel, refused, refusal_ground, refusal_note, recorded_at
         FROM consent_withdrawal WHERE consent_id = ?1 ORDER BY recorded_at, id",
    )?;
    for c in &mut consents {
        let rows = w.query_map([c.id.to_string()], |r| {
            Ok(Withdrawal {
                scope: Scope::from_key(&r.get::<_, String>(0)?).unwrap_or(Scope::All),
                requested_on: r.get(1)?,
                channel: r.get(2)?,
                refused: r.get(3)?,
                refusal_ground: r.get(4)?,
                refusal_note: r.get(5)?,
                recorded_at: r.get(6)?,
            })
        })?;
        c.withdrawals = rows.collect::<std::result::Result<_, _>>()?;
        c.withdrawn_scopes = c
            .withdrawals
            .iter()
            .filter(|w| !w.refused)
            .map(|w| w.scope)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let all = c.withdrawn_scopes.contains(&Scope::All);
        c.state = state_of(c.valid_until.as_deref(), all, on);
        c.third_parties &= !all && !c.withdrawn_scopes.contains(&Scope::ThirdParties);
        c.cross_border &= !all && !c.withdrawn_scopes.contains(&Scope::CrossBorder);
        c.publication &= !all && !c.withdrawn_scopes.contains(&Scope::Publication);
    }
    Ok(consents)
}
