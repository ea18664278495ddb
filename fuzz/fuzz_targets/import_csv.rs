//! Any bytes as a CSV import: read, map the headers, and check every row against the rules.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    derbes_core::fuzzing::import_csv(data);
});
