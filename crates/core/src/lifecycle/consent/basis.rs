//! The basis for processing across the register: the Art. 9 grounds, the overview of consent
//! states and of people with no basis, and publication in public sources, which needs a consent
//! to it in force.

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;
use time::{Date, Duration};
use uuid::Uuid;

use super::{subject_facts, today, EXPIRING_DAYS};
use crate::error::{Error, Result};
use crate::vault::journal::{self, Action};
use crate::vault::Vault;

/// Counts of consent states and of people with no basis for processing, for the dashboard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsentOverview {
    /// Consents in force.
    pub active: i64,
    /// Consents in force that end within 30 days.
    pub expiring: i64,
    /// Consents whose term ended.
    pub expired: i64,
    /// Consents withdrawn as a whole.
    pub withdrawn: i64,
    /// People (not anonymised, not under legal hold) with neither a consent in force nor a
    /// complete Art. 9 ground an NGO may use.
    pub without_basis: i64,
}

impl Vault {
    /// Whether a person may be public: a consent to publication in public sources is in force.
    pub fn publication_permitted(&self, id: Uuid) -> Result<()> {
        let facts = subject_facts(self.conn(), id)?;
        if publication_in_force(self.conn(), id, today())? {
            Ok(())
        } else {
            Err(Error::PublicationConsentRequired {
                number: facts.number,
            })
        }
    }

    /// Consent states across the register as of `on`, and people with no basis for processing.
    pub fn consent_overview(&self, on: Date) -> Result<ConsentOverview> {
        let on_s = on.to_string();
        let soon = (on + Duration::days(EXPIRING_DAYS)).to_string();
        let mut o = ConsentOverview::default();
        let mut stmt = self.conn().prepare(
            "SELECT CASE
                WHEN EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'all' AND w.refused = 0) THEN 'withdrawn'
                WHEN c.valid_until IS NOT NULL AND c.valid_until < ?1 THEN 'expired'
                WHEN c.valid_until IS NOT NULL AND c.valid_until <= ?2 THEN 'expiring'
                ELSE 'active' END AS state, count(*)
             FROM consent c GROUP BY state",
        )?;
        let rows = stmt.query_map(params![on_s, soon], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (state, n) = row?;
            match state.as_str() {
                "withdrawn" => o.withdrawn = n,
                "expired" => o.expired = n,
                "expiring" => o.expiring = n,
                _ => o.active = n,
            }
        }
        o.without_basis = self.conn().query_row(
            &format!(
                "SELECT count(*) FROM subject s WHERE s.status = 'active' AND s.hold_reason IS NULL
                 AND NOT (s.legal_ground IN ({}) AND trim(coalesce(s.legal_ground_law, '')) != '')
                 AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = s.id AND {})",
                crate::lifecycle::basis::ART9_GROUNDS
                    .iter()
                    .map(|g| format!("'{g}'"))
                    .collect::<Vec<_>>()
                    .join(", "),
                IN_FORCE_SQL
            ),
            params![on_s],
            |r| r.get(0),
        )?;
        Ok(o)
    }
}

/// SQL that is true for a consent `c` in force on `?1`.
pub(crate) const IN_FORCE_SQL: &str = "c.valid_from <= ?1 AND (c.valid_until IS NULL OR c.valid_until >= ?1)
    AND NOT EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'all' AND w.refused = 0)";

/// Whether a consent to publication is in force for a person on `on`.
pub(crate) fn publication_in_force(conn: &Connection, subject: Uuid, on: Date) -> Result<bool> {
    Ok(conn.query_row(
        &format!(
            "SELECT EXISTS (SELECT 1 FROM consent c WHERE c.subject_id = ?2 AND c.publication = 1 AND {}
               AND NOT EXISTS (SELECT 1 FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'publication' AND w.refused = 0))",
            IN_FORCE_SQL
        ),
        params![on.to_string(), subject.to_string()],
        |r| r.get(0),
    )?)
}

/// Make restricted every public person whose consent to publication is no longer in force (it
/// expired since the vault was last open). Run at unlock; each change is journaled.
pub(crate) fn restrict_lapsed_publications(conn: &Connection, user: Uuid) -> Result<()> {
    let on = today();
    let public: Vec<(String, i64)> = {
        let mut stmt = conn.prepare("SELECT id, number FROM subject WHERE access = 'public'")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    for (id, number) in public {
        let Ok(uuid) = Uuid::parse_str(&id) else {
            continue;
        };
        if publication_in_force(conn, uuid, on)? {
            continue;
        }
        conn.execute(
            "UPDATE subject SET access = 'restricted', updated_at = ?1 WHERE id = ?2",
            params![journal::now_utc(), id],
        )?;
        journal::append(
            conn,
            Some(user),
            Action::SubjectAccessChanged,
            Some(&id),
            json!({"number": number, "access": "restricted", "reason": "publication_consent_ended"}),
        )?;
    }
    Ok(())
}

/// The day a person's last consent stopped being in force, and whether it was withdrawn (rather
/// than expired); `None` when they never had one.
pub(crate) fn last_lapse(conn: &Connection, subject: Uuid) -> Result<Option<(Date, bool)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.valid_until,
                (SELECT min(w.requested_on) FROM consent_withdrawal w WHERE w.consent_id = c.id AND w.scope = 'all' AND w.refused = 0)
         FROM consent c WHERE c.subject_id = ?1",
    )?;
    let rows = stmt.query_map([subject.to_string()], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, Option<String>>(1)?,
        ))
    })?;
    let mut last: Option<(Date, bool)> = None;
    for row in rows {
        let (until, withdrawn) = row?;
        let parse = |s: &str| {
            Date::parse(
                s.get(..10).unwrap_or(s),
                &time::format_description::well_known::Iso8601::DATE,
            )
            .ok()
        };
        let end = match (
            withdrawn.as_deref().and_then(parse),
            until.as_deref().and_then(parse),
        ) {
            (Some(w), _) => Some((w, true)),
            (None, Some(u)) => u.next_day().map(|d| (d, false)),
            (None, None) => None,
        };
        if let Some(e) = end {
            if last.is_none_or(|l| e.0 > l.0) {
                last = Some(e);
            }
        }
    }
    Ok(last)
}
