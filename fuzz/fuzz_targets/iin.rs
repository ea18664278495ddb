//! Any text as an IIN or a BIN: parsed or refused, and what parses prints back the same.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    derbes_core::fuzzing::iin(data);
});
