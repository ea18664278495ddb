//! Reading files: CSV encodings, delimiters, quotes and row numbers, XLSX workbooks, the limits,
//! telling formats apart by content, and hostile input.

use super::xlsx::{number_text, read_xlsx_within};
use super::*;

/// The English sentence of a refused file.
fn invalid_input_reason(result: Result<Table>) -> String {
    match result {
        Err(e @ Error::InvalidInput { field, .. }) => {
            assert_eq!(field, "file");
            e.to_string()
        }
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

/// The code of a refused file.
fn refusal_code(result: Result<Table>) -> &'static str {
    match result {
        Err(Error::InvalidInput {
            field: "file",
            reason: crate::error::Reason { code, .. },
        }) => code,
        other => panic!("expected a refused file, got {other:?}"),
    }
}

pub(super) fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

// ---- CSV: encodings ----------------------------------------------------------------------

const KAZAKH_CSV: &str =
    "Тегі;Аты;ЖСН\nСерікова;Айгүл;900101400012\nӨмірзақ;Ұлбосын;850315400023\n";

#[test]
fn utf8_without_bom() {
    let table = read_csv_bytes(KAZAKH_CSV.as_bytes()).unwrap();
    assert_eq!(table.headers, strings(&["Тегі", "Аты", "ЖСН"]));
    assert_eq!(
        table.rows[1],
        strings(&["Өмірзақ", "Ұлбосын", "850315400023"])
    );
    assert_eq!(table.source.format, Format::Csv);
    assert_eq!(table.source.encoding, Some("UTF-8"));
    assert_eq!(table.source.delimiter, Some(';'));
    assert_eq!(table.source.sheet, None);
}

#[test]
fn utf8_with_bom_does_not_leak_into_the_first_header() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(KAZAKH_CSV.as_bytes());
    let table = read_csv_bytes(&bytes).unwrap();
    assert_eq!(table.headers[0], "Тегі");
    assert_eq!(table.source.encoding, Some("UTF-8 with BOM"));
    assert_eq!(table.rows[0][0], "Серікова");
}

#[test]
fn windows_1251_when_not_utf8() {
    let text = "Фамилия;Имя;Отчество\r\nИванова;Мария;Петровна\r\nЁлкин;Семён;Ильич\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!unmappable);
    let table = read_csv_bytes(&bytes).unwrap();
    assert_eq!(table.source.encoding, Some("windows-1251"));
    assert_eq!(table.headers, strings(&["Фамилия", "Имя", "Отчество"]));
    assert_eq!(table.rows[1], strings(&["Ёлкин", "Семён", "Ильич"]));
}

#[test]
fn utf16_from_excel_unicode_text() {
    let text = "Surname\tName\nSerikova\tAigul\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let table = read_csv_bytes(&bytes).unwrap();
    assert_eq!(table.source.encoding, Some("UTF-16LE"));
    assert_eq!(table.source.delimiter, Some('\t'));
    assert_eq!(table.rows[0], strings(&["Serikova", "Aigul"]));
}

// ---- CSV: delimiters, quotes, rows ------------------------------------------------------

#[test]
fn each_delimiter_is_sniffed() {
    for delimiter in [';', ',', '\t'] {
        let text = "Surname|Name|Phone\nAbai|Kunanbayev|87012345678\nA|B|\n"
            .replace('|', &delimiter.to_string());
        let table = read_csv_bytes(text.as_bytes()).unwrap();
        assert_eq!(table.source.delimiter, Some(delimiter), "{delimiter:?}");
        assert_eq!(table.headers.len(), 3);
        assert_eq!(table.rows[0][2], "87012345678");
        assert_eq!(table.cell(1, 2), "", "trailing empty cell reads as empty");
    }
}

#[test]
fn commas_inside_cells_do_not_fool_the_semicolon_sniffer() {
    let text = "Фамилия;Адрес;Примечание\nИванова;ул. Абая, 10, кв. 5;нет\nПетров;мкр. 5, д. 1;да, срочно\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    assert_eq!(table.source.delimiter, Some(';'));
    assert_eq!(table.rows[0][1], "ул. Абая, 10, кв. 5");
}

#[test]
fn quoted_delimiters_and_newlines_stay_in_their_cell() {
    let text = "Surname,Address,Notes\r\n\"Serikova\",\"Abai st, 10\",\"line one\r\nline two\"\r\nOmirzak,\"Dostyk \"\"5\"\"\",\r\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    assert_eq!(table.source.delimiter, Some(','));
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0][1], "Abai st, 10");
    assert_eq!(table.rows[0][2], "line one\r\nline two");
    assert_eq!(table.rows[1][1], "Dostyk \"5\"");
    // The embedded newline is inside row 2, as Excel shows it; the next record is row 3.
    assert_eq!(table.row_numbers, vec![2, 3]);
}

#[test]
fn cells_are_trimmed_and_empty_rows_skipped_but_counted() {
    let text = "  Тегі ; Аты \n\n ;  \nСерікова ;  Айгүл\n\n\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    assert_eq!(table.headers, strings(&["Тегі", "Аты"]));
    assert_eq!(table.rows, vec![strings(&["Серікова", "Айгүл"])]);
    // Row 2 is blank and row 3 holds only spaces; the person is on row 4.
    assert_eq!(table.header_row, 1);
    assert_eq!(table.row_numbers, vec![4]);
    assert_eq!(table.row_number(0), 4);
}

#[test]
fn row_numbers_with_crlf_and_lone_cr() {
    let crlf = "a;b\r\n1;2\r\n\r\n3;4\r\n";
    assert_eq!(
        read_csv_bytes(crlf.as_bytes()).unwrap().row_numbers,
        vec![2, 4]
    );
    let cr = "a;b\r1;2\r\r3;4\r";
    assert_eq!(
        read_csv_bytes(cr.as_bytes()).unwrap().row_numbers,
        vec![2, 4]
    );
}

#[test]
fn title_line_above_the_header_is_skipped() {
    let text = "Список получателей помощи, 2024;;;\n;;;\nФамилия;Имя;ИИН;Телефон\nИванова;Мария;900101400012;87012345678\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    assert_eq!(table.header_row, 3);
    assert_eq!(table.headers[0], "Фамилия");
    assert_eq!(table.row_numbers, vec![4]);
}

#[test]
fn title_line_without_delimiters_does_not_hide_the_delimiter() {
    let text = "Список получателей\nФамилия;Имя;ИИН\nИванова;Мария;900101400012\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    assert_eq!(table.source.delimiter, Some(';'));
    assert_eq!(table.header_row, 2);
    assert_eq!(table.headers, strings(&["Фамилия", "Имя", "ИИН"]));
}

#[test]
fn excel_sep_line_names_the_delimiter_and_is_not_a_row() {
    let text = "sep=,\nSurname;x,Name\nA;b,C\n";
    let table = read_csv_bytes(text.as_bytes()).unwrap();
    assert_eq!(table.source.delimiter, Some(','));
    assert_eq!(table.headers, strings(&["Surname;x", "Name"]));
    assert_eq!(table.row_numbers, vec![2]);
}

#[test]
fn data_wider_than_the_header_gets_untitled_columns() {
    let table = read_csv_bytes("a;b\n1;2;3\n".as_bytes()).unwrap();
    assert_eq!(table.headers, strings(&["a", "b", ""]));
    assert_eq!(table.cell(0, 2), "3");
}

#[test]
fn header_only_file_has_no_rows_and_empty_file_is_refused() {
    let table = read_csv_bytes(b"Surname;Name\n").unwrap();
    assert!(table.rows.is_empty());
    for empty in [&b""[..], b"\n\n", b" ; \r\n"] {
        assert_eq!(refusal_code(read_csv_bytes(empty)), "import_no_rows");
    }
}

#[test]
fn binary_files_are_not_tables() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0";
    assert_eq!(refusal_code(read_bytes(png)), "import_not_a_table");
    let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0";
    assert_eq!(refusal_code(read_bytes(xls)), "import_old_or_locked_excel");
    assert_eq!(
        refusal_code(read_bytes(b"PK\x03\x04 not really a zip")),
        "import_xlsx_damaged"
    );
    let mut ods = b"PK\x03\x04".to_vec();
    ods.extend_from_slice(&[0; 26]);
    ods.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
    assert_eq!(refusal_code(read_bytes(&ods)), "import_open_document");
}

// ---- Limits --------------------------------------------------------------------------

const SMALL: Limits = Limits {
    file_bytes: 1000,
    rows: 3,
    columns: 4,
    unpacked_bytes: 4096,
};
/// Workbooks are zip archives of several kilobytes even when nearly empty.
const SMALL_XLSX: Limits = Limits {
    file_bytes: 1 << 20,
    unpacked_bytes: 1 << 20,
    ..SMALL
};

#[test]
fn limits_are_refused_with_a_sentence() {
    let big = "a;b\n".repeat(300);
    let reason = invalid_input_reason(read_bytes_within(big.as_bytes(), SMALL));
    assert!(reason.starts_with("The file is larger than"), "{reason}");

    let ok = "h\n1\n2\n3\n";
    assert_eq!(
        read_bytes_within(ok.as_bytes(), SMALL).unwrap().rows.len(),
        3
    );
    let reason = invalid_input_reason(read_bytes_within(b"h\n1\n2\n3\n4\n", SMALL));
    assert_eq!(
        reason,
        "The table has more than 3 rows; split it into smaller files and import them one by one."
    );

    let reason = invalid_input_reason(read_bytes_within(b"a;b\n1;2;3;4;5\n", SMALL));
    assert!(
        reason.starts_with("Row 2 has more than 4 columns"),
        "{reason}"
    );
    // Trailing empty cells do not count as columns.
    assert!(read_bytes_within(b"a;b\n1;2;;;;;;\n", SMALL).is_ok());

    let xlsx = workbook_bytes(|sheet| {
        sheet.write_string(0, 0, "a").unwrap();
        sheet.write_string(1, 5, "wide").unwrap();
    });
    let reason = invalid_input_reason(read_xlsx_within(&xlsx, SMALL_XLSX));
    assert!(
        reason.starts_with("Row 2 has more than 4 columns"),
        "{reason}"
    );

    let xlsx = workbook_bytes(|sheet| {
        for row in 0..5 {
            sheet.write_string(row, 0, "x").unwrap();
        }
    });
    let reason = invalid_input_reason(read_xlsx_within(&xlsx, SMALL_XLSX));
    assert!(
        reason.starts_with("The table has more than 3 rows"),
        "{reason}"
    );

    let tiny_unpacked = Limits {
        unpacked_bytes: 100,
        ..SMALL_XLSX
    };
    let reason = invalid_input_reason(read_xlsx_within(&xlsx, tiny_unpacked));
    assert!(
        reason.starts_with("This Excel file unpacks to more than"),
        "{reason}"
    );
}

#[test]
fn the_real_limits_are_said_in_every_language() {
    use crate::words::{self, Lang};
    assert_eq!(
        LIMITS
            .check_file_size(MAX_FILE_BYTES + 1)
            .unwrap_err()
            .to_string(),
        "The file is larger than 250 MB; split it into smaller files and import them one by one."
    );
    let unpacked = || {
        with_size(
            Error::invalid("file", "import_xlsx_unpacks_too_large"),
            LIMITS.unpacked_bytes,
        )
    };
    assert_eq!(
        unpacked().to_string(),
        "This Excel file unpacks to more than 2 GB; save it as CSV or split it into smaller files."
    );
    for lang in [Lang::Kk, Lang::Ru] {
        for e in [
            LIMITS.check_file_size(MAX_FILE_BYTES + 1).unwrap_err(),
            LIMITS.too_many_rows(),
            LIMITS.too_many_columns(7),
            unpacked(),
        ] {
            let sentence = words::error(lang, &e);
            assert!(
                !sentence.contains('{') && !sentence.contains("reason-"),
                "{sentence}"
            );
        }
    }
}

#[test]
fn read_file_picks_the_format_by_content() {
    let dir = tempfile::tempdir().unwrap();
    // Named .csv but is an XLSX, and the other way round.
    let xlsx_path = dir.path().join("list.csv");
    std::fs::write(
        &xlsx_path,
        workbook_bytes(|s| {
            s.write_string(0, 0, "Surname").unwrap();
            s.write_string(1, 0, "Abai").unwrap();
        }),
    )
    .unwrap();
    assert_eq!(read_file(&xlsx_path).unwrap().source.format, Format::Xlsx);
    let csv_path = dir.path().join("list.xlsx");
    std::fs::write(&csv_path, "Surname;Name\nAbai;K\n").unwrap();
    assert_eq!(read_file(&csv_path).unwrap().source.format, Format::Csv);
    assert!(read_file(&dir.path().join("missing.csv")).is_err());
}

// ---- XLSX --------------------------------------------------------------------------------

fn workbook_bytes(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    fill(workbook.add_worksheet());
    workbook.save_to_buffer().unwrap()
}

fn register_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
    let mut workbook = Workbook::new();
    // An empty first sheet: the reader must move on to the next one.
    workbook.add_worksheet().set_name("Мазмұны").unwrap();
    let sheet = workbook.add_worksheet().set_name("Тізім").unwrap();
    let date_format = CellFormat::new().set_num_format("dd.mm.yyyy");
    for (column, header) in ["Тегі", "Аты", "ЖСН", "Туған күні", "Телефон", "Отбасы саны"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "  Серікова ").unwrap();
    sheet.write_string(1, 1, "Айгүл").unwrap();
    sheet.write_number(1, 2, 900101300012.0).unwrap();
    let birth = ExcelDateTime::from_ymd(1991, 1, 1).unwrap();
    sheet
        .write_datetime_with_format(1, 3, &birth, &date_format)
        .unwrap();
    sheet.write_number(1, 4, 87012345678.0).unwrap();
    sheet.write_number(1, 5, 4.0).unwrap();
    // Row 3 left empty; row 4 has an IIN whose leading zero Excel dropped, and a fraction.
    sheet.write_string(3, 0, "Өмірзақ").unwrap();
    sheet.write_number(3, 2, 10203400123.0).unwrap();
    sheet.write_number(3, 5, 2.5).unwrap();
    workbook.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_dates_numbers_and_kazakh_text() {
    let table = read_xlsx_bytes(&register_xlsx()).unwrap();
    assert_eq!(table.source.format, Format::Xlsx);
    assert_eq!(table.source.sheet.as_deref(), Some("Тізім"));
    assert_eq!(table.source.encoding, None);
    assert_eq!(table.source.delimiter, None);
    assert_eq!(
        table.headers,
        strings(&["Тегі", "Аты", "ЖСН", "Туған күні", "Телефон", "Отбасы саны"])
    );
    assert_eq!(
        table.rows[0],
        strings(&[
            "Серікова",
            "Айгүл",
            "900101300012",
            "1991-01-01",
            "87012345678",
            "4"
        ])
    );
    assert_eq!(table.cell(1, 0), "Өмірзақ");
    assert_eq!(table.cell(1, 2), "10203400123");
    assert_eq!(table.cell(1, 5), "2.5");
    assert_eq!(table.row_numbers, vec![2, 4]);
    // The same bytes through the content sniffer.
    assert_eq!(read_bytes(&register_xlsx()).unwrap(), table);
}

#[test]
fn xlsx_without_data_is_refused() {
    let empty = workbook_bytes(|_| {});
    assert_eq!(refusal_code(read_xlsx_bytes(&empty)), "import_no_rows");
}

#[test]
fn numbers_print_like_excel_shows_them() {
    assert_eq!(number_text(900101300012.0), "900101300012");
    assert_eq!(number_text(-3.0), "-3");
    assert_eq!(number_text(0.1), "0.1");
    assert_eq!(number_text(1e20), "100000000000000000000");
    assert_eq!(number_text(f64::NAN), "NaN");
}

// ---- Hostile input ------------------------------------------------------------------------

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
        let _ = read_csv_bytes(&bytes);
        let _ = read_xlsx_bytes(&bytes);
        let _ = read_bytes(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "[;,\t\"\r\n a-zа-яәіңғүұқөһ0-9]{0,300}") {
        if let Ok(table) = read_csv_bytes(text.as_bytes()) {
            let mapping = guess_mapping(&table.headers);
            let _ = drafts(&table, &mapping, Some(0), Kind::Beneficiary);
        }
    }

    #[test]
    fn damaged_xlsx_never_panics(flips in proptest::collection::vec((proptest::prelude::any::<usize>(), proptest::prelude::any::<u8>()), 1..8)) {
        static REGISTER: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let mut bytes = REGISTER.get_or_init(register_xlsx).clone();
        let len = bytes.len();
        for (at, value) in flips {
            bytes[at % len] = value;
        }
        let _ = read_xlsx_bytes(&bytes);
    }

    #[test]
    fn normalisers_never_panic(text in "\\PC{0,40}") {
        let _ = parse_date(&text);
        let _ = parse_excel_serial(&text);
        let _ = parse_sex(&text);
        let _ = normalise_phone(&text);
        let _ = split_full_name(&text);
        let _ = guess_mapping(&[text]);
    }
}
