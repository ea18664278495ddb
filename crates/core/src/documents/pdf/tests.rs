//! Tests of the PDF writer: text survives extraction in all three languages, fonts are subset
//! (or embedded whole), long words wrap within their column, and no input makes it panic.

use ttf_parser::Face;

use super::chart::format_number;
use super::table::looks_numeric;
use super::text::{clean_text, single_line};
use super::*;

const KAZAKH_LETTERS: &str = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";

/// Every page's text, in page order, as a text extractor sees it.
fn extract(bytes: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text extracts");
    (pages.len(), text)
}

fn sample() -> Vec<u8> {
    let mut doc = PdfDocument::new("Келісім / Согласие / Consent");
    doc.header_line(
        "«Үміт» қоғамдық бірлестігі · ОО «Умит» · NGO “Umit” — БСН / БИН / BIN 123456789012",
    );
    doc.header_line("Алматы қ., Абай даңғылы 10, 050000 · +7 727 000 00 00 · info@umit.kz");
    doc.title("Дербес деректерді өңдеуге келісім");
    doc.subtitle(
        "Согласие на обработку персональных данных · Consent to the processing of personal data",
    );
    doc.heading("1. Субъект туралы мәлімет / Сведения о субъекте / Data subject");
    doc.field(
        "Тегі, аты, әкесінің аты / ФИО / Full name",
        "Әлиева Гүлнұр Қайратқызы",
    );
    doc.field("ЖСН / ИИН / IIN", "900101400123");
    doc.field(
        "Мекенжайы / Адрес / Address",
        "Қазақстан Республикасы, Шығыс Қазақстан облысы, Өскемен қ., Ұлы Дала көшесі, 15-үй, 42-пәтер",
    );
    doc.field("Телефон / Phone", "");
    doc.heading("2. Келісім мәтіні / Текст согласия / Consent text");
    doc.paragraph(
        "Мен, төменде қол қоюшы, «Дербес деректер және оларды қорғау туралы» Қазақстан \
         Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңына сәйкес өзімнің дербес \
         деректерімді жинауға және өңдеуге келісім беремін. Барлық әріптер: ә ғ қ ң ө ұ ү һ і \
         Ә Ғ Қ Ң Ө Ұ Ү Һ І.\nЯ, нижеподписавшийся, даю согласие на обработку персональных \
         данных в соответствии с Законом Республики Казахстан «О персональных данных и их \
         защите».\nI, the undersigned, consent to the collection and processing of my personal data.",
    );
    doc.checkbox(
        true,
        "Деректерді жинауға келісемін / Согласен на сбор данных / I agree to collection",
    );
    doc.checkbox(false, "Үшінші тұлғаларға беруге келісемін / Согласен на передачу третьим лицам / I agree to transfer to third parties, which is a long sentence that wraps onto a second line");
    doc.signature("Субъект / Субъект / Data subject");
    doc.signature("Жауапты тұлға / Ответственное лицо / Officer");

    doc.heading("3. Жойылған деректер / Уничтоженные данные / Destroyed records");
    let rows: Vec<Vec<String>> = (1..=70)
        .map(|i| {
            vec![
                i.to_string(),
                format!("Субъект №{i}: Сәрсенбаев Нұрлан / Иванов Иван / John Smith"),
                if i % 7 == 0 {
                    "Келісім кері қайтарылды; согласие отозвано; consent withdrawn by the subject in writing".to_owned()
                } else {
                    "Сақтау мерзімі өтті / Срок хранения истёк".to_owned()
                },
                format!("{}.03.2025", 1 + i % 28),
            ]
        })
        .collect();
    doc.table(
        &[
            "№",
            "Субъект / Subject",
            "Негіз / Основание / Reason",
            "Күні / Дата",
        ],
        &rows,
        &[0.5, 3.0, 3.0, 1.3],
    );
    doc.bar_chart(
        "Өңірлер бойынша субъектілер / Субъекты по регионам / Subjects by region",
        &[
            ("Алматы".to_owned(), 1234.0),
            ("Астана".to_owned(), 987.0),
            (
                "Шығыс Қазақстан облысы / Восточно-Казахстанская область".to_owned(),
                456.5,
            ),
            ("Маңғыстау".to_owned(), 12.0),
            ("Ұлытау".to_owned(), 0.0),
        ],
    );
    doc.paragraph(&format!("Сөз: {}", "Ұзынсөзбөлінбейтінжолақ".repeat(12)));
    doc.finish()
}

#[test]
fn bundled_fonts_parse() {
    for data in [REGULAR_TTF, BOLD_TTF] {
        let face = Face::parse(data, 0).expect("font parses");
        for c in KAZAKH_LETTERS
            .chars()
            .chain("АБВабвЁёABCabc№«»—".chars())
            .filter(|c| *c != ' ')
        {
            assert!(face.glyph_index(c).is_some(), "DejaVu Sans lacks {c}");
        }
    }
}

#[test]
fn trilingual_document_is_valid_and_extractable() {
    let bytes = sample();
    let _ = std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/pdf-sample.pdf"),
        &bytes,
    );
    assert!(bytes.starts_with(b"%PDF-"));
    let (pages, text) = extract(&bytes);
    assert!(pages >= 3, "expected 3+ pages, got {pages}");
    for needle in [
        "Дербес деректерді өңдеуге келісім",
        "Согласие на обработку",
        "Consent to the processing",
        "Әлиева Гүлнұр Қайратқызы",
        "ә ғ қ ң ө ұ ү һ і",
        "Ә Ғ Қ Ң Ө Ұ Ү Һ І",
        "Жойылған деректер",
        "Шығыс Қазақстан",
        "қолы / подпись / signature",
        "БИН / BIN 123456789012",
        "Субъект №70",
        "1\u{A0}234",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not found in the extracted text:\n{text}"
        );
    }
    assert!(text.contains(&format!("1 / {pages}")), "footer missing");
    assert!(
        text.contains(&format!("{pages} / {pages}")),
        "last footer missing"
    );
    // The table header is repeated on the pages the table continues on.
    assert!(text.matches("Негіз / Основание").count() >= 2);
}

#[test]
fn fonts_are_subset_and_text_is_unicode_mapped() {
    let bytes = sample();
    // Two subsets of ~700 KB fonts: the whole file stays small.
    assert!(bytes.len() < 200_000, "PDF is {} bytes", bytes.len());
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut names = Vec::new();
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict() {
            if dict.get(b"Subtype").and_then(|s| s.as_name()).ok() == Some(&b"Type0"[..]) {
                assert!(dict.get(b"ToUnicode").is_ok());
                names.push(
                    String::from_utf8_lossy(dict.get(b"BaseFont").unwrap().as_name().unwrap())
                        .into_owned(),
                );
            }
        }
    }
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with("+DejaVuSans") && names[0].len() == 7 + 10,
        "{names:?}"
    );
    assert!(names[1].ends_with("+DejaVuSans-Bold"), "{names:?}");
}

#[test]
fn whole_fonts_are_embedded_when_not_subsetting() {
    let mut doc = PdfDocument::new("Толық қаріп");
    doc.heading("Толық қаріп / Полный шрифт");
    doc.paragraph(KAZAKH_LETTERS);
    let bytes = doc.finish_with(false);
    // Both fonts whole (compressed): far bigger than a subset.
    assert!(bytes.len() > 500_000, "PDF is {} bytes", bytes.len());
    let (pages, text) = extract(&bytes);
    assert_eq!(pages, 1);
    assert!(text.contains(KAZAKH_LETTERS), "{text}");
    assert!(text.contains("Полный шрифт"), "{text}");
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let maps = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"CIDToGIDMap")
                .is_ok_and(|m| m.as_reference().is_ok())
        })
        .count();
    assert_eq!(maps, 2);
    let names: Vec<&[u8]> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"BaseFont").and_then(|n| n.as_name()).ok())
        .collect();
    assert!(names.iter().all(|n| !n.contains(&b'+')), "{names:?}");
}

#[test]
fn long_words_are_broken_within_the_text_width() {
    let word = "Қ".repeat(400);
    let doc = PdfDocument::new("");
    for style in [BODY, TITLE, CELL] {
        let lines = doc.wrap(&word, style, 100.0);
        assert!(lines.len() > 10);
        assert_eq!(lines.concat(), word);
        let font = if style.bold { &doc.bold } else { &doc.regular };
        assert!(lines
            .iter()
            .all(|l| font.width(l, style.size) <= 100.0 + EPS));
    }

    let mut doc = PdfDocument::new("Long");
    doc.title(&"Ұ".repeat(300));
    doc.paragraph(&format!("басы {} соңы", "өңдеу".repeat(200)));
    doc.field(&"label".repeat(80), &"мән".repeat(500));
    doc.checkbox(true, &"x".repeat(1000));
    doc.table(&["a"], &[vec!["ң".repeat(20_000)]], &[1.0]);
    doc.bar_chart(&"c".repeat(500), &[("ү".repeat(500), 1.0)]);
    doc.signature(&"қ".repeat(300));
    let (pages, text) = extract(&doc.finish());
    assert!(pages >= 2);
    assert!(text.contains("басы"));
    assert!(text.contains("соңы"));
    assert!(text.contains("өңдеуөңдеу"));
}

#[test]
fn empty_and_control_inputs_do_not_panic() {
    let mut doc = PdfDocument::new("");
    let nasty = [
        "",
        " ",
        "\n\n\n",
        "\t",
        "\u{0}\u{1}\u{7}\u{1b}[31m",
        "\r\n\r",
        "\u{200B}\u{FEFF}\u{202E}",
        "\u{10FFFF}😀𝕏",
    ];
    for s in nasty {
        doc.header_line(s);
        doc.title(s);
        doc.subtitle(s);
        doc.heading(s);
        doc.paragraph(s);
        doc.field(s, s);
        doc.checkbox(true, s);
        doc.checkbox(false, s);
        doc.table(
            &[s, s],
            &[vec![s.to_owned()], vec![], vec![s.to_owned(); 5]],
            &[f32::NAN, -1.0, 0.0],
        );
        doc.table(&[], &[], &[]);
        doc.table(
            &[s, "b"],
            &[vec!["1".to_owned(), s.to_owned()]],
            &[f32::MAX, f32::MAX],
        );
        doc.table(&[], &[vec![s.to_owned()]], &[]);
        doc.bar_chart(s, &[]);
        doc.bar_chart(
            s,
            &[
                (s.to_owned(), f64::NAN),
                (s.to_owned(), -5.0),
                (s.to_owned(), f64::INFINITY),
                (s.to_owned(), 0.0),
            ],
        );
        doc.signature(s);
        doc.set_signature_captions(s, s);
        doc.space(f32::NAN);
        doc.space(-3.0);
        doc.space(1e9);
    }
    let bytes = doc.finish();
    assert!(bytes.starts_with(b"%PDF-"));
    let (pages, _) = extract(&bytes);
    assert!(pages >= 1);

    let (pages, text) = extract(&PdfDocument::new("Бос").finish());
    assert_eq!(pages, 1);
    assert!(text.contains("1 / 1"));

    let mut doc = PdfDocument::new("a\u{0}b");
    doc.paragraph("бір\u{0}екі\tүш\u{7}");
    let (_, text) = extract(&doc.finish());
    assert!(text.contains("бірекі үш"), "{text}");
}

#[test]
fn text_cleaning_and_numbers() {
    assert_eq!(clean_text("a\tb\r\nc\rd\u{0}e\u{200B}"), "a b\nc\nde");
    assert_eq!(single_line(" x\ny "), "x y");
    assert_eq!(format_number(1234567.0), "1\u{A0}234\u{A0}567");
    assert_eq!(format_number(456.5), "456,5");
    assert_eq!(format_number(-0.001), "0");
    assert_eq!(format_number(-12.25), "−12,25");
    assert_eq!(format_number(f64::NAN), "—");
    assert!(looks_numeric("1 234,50 ₸"));
    assert!(looks_numeric("1,234.50"));
    assert!(!looks_numeric("12.03.2025"));
    assert!(!looks_numeric("12.03.2025 ж."));
    assert!(!looks_numeric("—"));
}
