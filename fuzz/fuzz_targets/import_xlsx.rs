//! Any bytes as an XLSX import (zip bombs, broken zips, odd cells).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    derbes_core::fuzzing::import_xlsx(data);
});
