//! The printed shares of a split recovery key, in Kazakh or Russian: one page per holder, to be
//! cut apart and handed out (text in `templates/<lang>/recovery-shares.typ`). Printed once, when
//! the key is split; the shares are never stored, and nothing of them stays in the typesetter.

use serde_json::json;

use super::typeset::{typeset, Template};
use super::{day, DocLang};
use crate::error::Result;
use crate::vault::shares::RecoveryShare;

/// One page per share: who keeps it, which vault it opens, how many are needed, the share.
/// Dated today: shares are printed the day they are made.
pub fn recovery_shares(shares: &[RecoveryShare], vault: &str, lang: DocLang) -> Result<Vec<u8>> {
    let now = time::OffsetDateTime::now_utc();
    let data = json!({
        "vault": vault,
        "date": day(&now.date().to_string()),
        "shares": shares.iter().map(|s| json!({
            "index": s.index,
            "count": s.count,
            "threshold": s.threshold,
            "holder": s.holder,
            "text": s.text.as_str(),
        })).collect::<Vec<_>>(),
    });
    let bytes = typeset(Template::RecoveryShares, lang, &data, now)?.pdf();
    crate::documents::typeset::forget();
    bytes
}
