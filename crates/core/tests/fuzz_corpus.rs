//! Replays the fuzz targets' saved corpus (`fuzz/corpus/<target>/`) through the same code the
//! targets run (`derbes_core::fuzzing`), on stable Rust, in every test run. Also writes a real
//! XLSX and feeds every truncation and a few byte flips of it to the XLSX import.

use std::path::Path;

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn csv_corpus() {
    let inputs = corpus("import_csv");
    assert!(!inputs.is_empty());
    for input in inputs {
        derbes_core::fuzzing::import_csv(&input);
    }
}

#[test]
fn iin_corpus() {
    for input in corpus("iin") {
        derbes_core::fuzzing::iin(&input);
    }
}

#[test]
fn keyslots_corpus() {
    for input in corpus("keyslots") {
        derbes_core::fuzzing::keyslots(&input);
    }
}

#[test]
fn xlsx_corpus_and_damaged_workbooks() {
    for input in corpus("import_xlsx") {
        derbes_core::fuzzing::import_xlsx(&input);
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Тегі", "Аты", "ЖСН", "Туған күні", "Телефон"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Әлиев").unwrap();
    sheet.write_string(1, 1, "Асқар").unwrap();
    sheet.write_string(1, 2, "850615300123").unwrap();
    sheet.write_number(1, 3, 31213.0).unwrap();
    sheet.write_string(1, 4, "+7 701 000 00 00").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    derbes_core::fuzzing::import_xlsx(&bytes);
    for cut in (0..bytes.len()).step_by(97) {
        derbes_core::fuzzing::import_xlsx(&bytes[..cut]);
    }
    for at in (30..bytes.len()).step_by(211) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5a;
        derbes_core::fuzzing::import_xlsx(&flipped);
    }
}
