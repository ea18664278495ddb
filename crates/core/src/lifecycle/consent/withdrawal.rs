//! Withdrawing a consent, whole or by scope (Art. 8(2)): what the user enters, the recorded
//! request, accepted or refused with a ground, and its effect on a public person.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::{date, publication_in_force, required, subject_facts, today, Consent, ConsentState};
use crate::error::{Error, Result};
use crate::register::subjects::Access;
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// A scope of consent that can be withdrawn on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The whole consent.
    All,
    /// Transfer to third parties.
    ThirdParties,
    /// Cross-border transfer.
    CrossBorder,
    /// Publication in public sources.
    Publication,
}

impl Scope {
    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::ThirdParties => "third_parties",
            Scope::CrossBorder => "cross_border",
            Scope::Publication => "publication",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<Scope> {
        [
            Scope::All,
            Scope::ThirdParties,
            Scope::CrossBorder,
            Scope::Publication,
        ]
        .into_iter()
        .find(|x| x.key() == s)
    }
}

/// Why a withdrawal may be refused (Art. 8(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// Withdrawal would contradict the law.
    Law,
    /// The person has an obligation still unfulfilled.
    Obligation,
}

impl RefusalGround {
    /// Every ground, as the withdrawal dialog offers them.
    pub const ALL: [RefusalGround; 2] = [RefusalGround::Law, RefusalGround::Obligation];

    /// The stable key.
    pub fn key(self) -> &'static str {
        match self {
            RefusalGround::Law => "law",
            RefusalGround::Obligation => "obligation",
        }
    }

    /// Parse a stable key.
    pub fn from_key(s: &str) -> Option<RefusalGround> {
        RefusalGround::ALL.into_iter().find(|g| g.key() == s)
    }
}

/// What the user enters to record a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WithdrawalDraft {
    /// What is withdrawn.
    pub scope: Scope,
    /// The day the person asked; today when empty.
    #[serde(default)]
    pub requested_on: Option<String>,
    /// How the request arrived: in writing, eGov, e-mail…
    pub channel: String,
    /// Set to refuse the withdrawal, with its ground and an explanation.
    #[serde(default)]
    pub refusal: Option<Refusal>,
}

/// A refused withdrawal's recorded reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    /// The Art. 8(2) ground.
    pub ground: RefusalGround,
    /// Which law or obligation.
    pub note: String,
}

/// A recorded withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Withdrawal {
    /// What was withdrawn.
    pub scope: Scope,
    /// When the person asked.
    pub requested_on: String,
    /// How the request arrived.
    pub channel: String,
    /// Whether it was refused.
    pub refused: bool,
    /// The refusal's ground key, if refused.
    pub refusal_ground: Option<String>,
    /// The refusal's explanation.
    pub refusal_note: Option<String>,
    /// When it was recorded.
    pub recorded_at: String,
}

impl Vault {
    /// Record a person's request to withdraw consent, whole or by scope. Allowed for a blocked
    /// person too: withdrawing is the person's right, and it only ever narrows what is done. Accepted unless
    /// `refusal` gives an Art. 8(2) ground with an explanation. Withdrawing publication (or the
    /// whole consent) makes a public person restricted when no other consent to publication is
    /// in force.
    pub fn withdraw_consent(&self, number: i64, w: &WithdrawalDraft) -> Result<Consent> {
        let consent = self.consent(number)?;
        let facts = subject_facts(self.conn(), consent.subject_id)?;
        if consent.state == ConsentState::Withdrawn {
            return Err(Error::invalid("scope", "consent_already_withdrawn"));
        }
        if consent.withdrawn_scopes.contains(&w.scope) {
            return Err(Error::invalid("scope", "consent_scope_already_withdrawn"));
        }
        let given = match w.scope {
            Scope::All => true,
            Scope::ThirdParties => consent.third_parties,
            Scope::CrossBorder => consent.cross_border,
            Scope::Publication => consent.publication,
        };
        if !given {
            return Err(Error::invalid("scope", "consent_scope_not_given"));
        }
        let requested_on = match w
            .requested_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => date("requested_on", s)?,
            None => today(),
        };
        if requested_on > today() {
            return Err(Error::invalid(
                "requested_on",
                "withdrawal_request_in_future",
            ));
        }
        if requested_on.to_string() < consent.given_on {
            return Err(Error::invalid("requested_on", "withdrawal_before_given"));
        }
        let channel = required(
            "channel",
            &w.channel,
            200,
            Error::invalid("channel", "withdrawal_channel_missing"),
        )?;
        let refusal = match &w.refusal {
            Some(r) => Some((
                r.ground,
                required(
                    "refusal_note",
                    &r.note,
                    1000,
                    Error::invalid("refusal_note", "refusal_note_missing"),
                )?,
            )),
            None => None,
        };
        let tx = self.conn().unchecked_transaction()?;
        tx.execute(
            "INSERT INTO consent_withdrawal (id, consent_id, scope, requested_on, channel, refused, refusal_ground, refusal_note, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                Uuid::now_v7().to_string(),
                consent.id.to_string(),
                w.scope.key(),
                requested_on.to_string(),
                channel,
                refusal.is_some(),
                refusal.as_ref().map(|r| r.0.key()),
                refusal.as_ref().map(|r| r.1.clone()),
                self.user().id.to_string(),
                journal::now_utc(),
            ],
        )?;
        journal::append(
            &tx,
            Some(self.user().id),
            Action::ConsentWithdrawn,
            Some(&consent.subject_id.to_string()),
            json!({
                "number": facts.number,
                "consent": number,
                "scope": w.scope.key(),
                "outcome": if refusal.is_some() { "refused" } else { "accepted" },
                "refusalGround": refusal.as_ref().map(|r| r.0.key()),
            }),
        )?;
        if refusal.is_none()
            && matches!(w.scope, Scope::All | Scope::Publication)
            && facts.access == Access::Public
            && !publication_in_force(&tx, consent.subject_id, today())?
        {
            tx.execute(
                "UPDATE subject SET access = 'restricted', updated_at = ?1 WHERE id = ?2",
                params![journal::now_utc(), consent.subject_id.to_string()],
            )?;
            journal::append(
                &tx,
                Some(self.user().id),
                Action::SubjectAccessChanged,
                Some(&consent.subject_id.to_string()),
                json!({"number": facts.number, "access": "restricted", "reason": "consent_withdrawn"}),
            )?;
        }
        tx.commit()?;
        self.consent(number)
    }
}
