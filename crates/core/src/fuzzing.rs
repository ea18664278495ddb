//! The bodies of the fuzz targets (`fuzz/`), kept in the core so that the stable test suite
//! replays the saved corpus through exactly the same code (`tests/fuzz_corpus.rs`). Each must
//! return normally for any input: an `Err` is a fine answer, a panic is a bug.

use crate::register::fields::{Field, Kind};
use crate::vault::keyslots::Keyslots;

/// A CSV import: read, guess the mapping, turn rows into drafts, validate each.
pub fn import_csv(data: &[u8]) {
    if let Ok(table) = crate::register::import::read_csv_bytes(data) {
        check_table(&table);
    }
}

/// An XLSX import, the same way.
pub fn import_xlsx(data: &[u8]) {
    if let Ok(table) = crate::register::import::read_xlsx_bytes(data) {
        check_table(&table);
    }
}

fn check_table(table: &crate::register::import::Table) {
    let mapping = crate::register::import::guess_mapping(&table.headers);
    let full_name = crate::register::import::full_name_column(&table.headers);
    let inventory = crate::register::inventory::default_document();
    let today = time::OffsetDateTime::now_utc().date();
    for (_, draft) in crate::register::import::drafts(table, &mapping, full_name, Kind::Beneficiary)
        .iter()
        .take(200)
    {
        let _ = crate::register::subjects::validate(draft, &inventory, today);
        if let Some(v) = draft.values.get(&Field::BirthDate) {
            let _ = crate::register::import::parse_date(v);
        }
    }
}

/// Text as an IIN and as a BIN; a parsed IIN prints back as the digits it came from.
pub fn iin(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(iin) = crate::register::ids::Iin::parse(&text) {
        let again =
            crate::register::ids::Iin::parse(&iin.as_string()).expect("a parsed IIN parses again");
        assert_eq!(again.as_string(), iin.as_string());
        let _ = crate::register::ids::mask_iin(&iin.as_string());
    }
    let _ = crate::register::ids::parse_bin(&text);
    let _ = crate::register::ids::mask_iin(&text);
}

/// Bytes as a keyslots file, raw and with the checksum line it needs.
pub fn keyslots(data: &[u8]) {
    let _ = Keyslots::parse(data);
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let json = json.split('\n').next().unwrap_or_default();
    let sum = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(json.as_bytes()))
    };
    // Unlocking would run Argon2 for every slot (bounded, but seconds each): left to the tests.
    let _ = Keyslots::parse(format!("{json}\nsha256:{sum}\n").as_bytes());
}
