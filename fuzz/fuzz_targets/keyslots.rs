//! Any bytes as a keyslots file, raw and with a valid checksum line added (so the JSON and the
//! slot checks are reached).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    derbes_core::fuzzing::keyslots(data);
});
