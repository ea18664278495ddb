//! Tests of the typesetting: every template compiles in both languages, and the PDF is what an
//! archive expects of PDF/A-2b (veraPDF is in no reachable registry, so its structure is checked
//! here: XMP metadata naming the part and conformance, every font embedded, no encryption).

/// The text layer of a PDF, as a reader extracts it.
pub(crate) fn text_of(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// Check what PDF/A-2b asks of the file's structure.
pub(crate) fn pdf_a_structure(pdf: &[u8]) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    assert!(!doc.is_encrypted(), "PDF/A forbids encryption");
    assert!(
        doc.trailer.get(b"Encrypt").is_err(),
        "no /Encrypt in the trailer"
    );
    let catalog = doc.catalog().unwrap();
    let meta = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(meta).unwrap().as_stream().unwrap();
    let xmp = String::from_utf8_lossy(&stream.content).to_string();
    assert!(
        xmp.contains("pdfaid:part") && xmp.contains('2'),
        "XMP names PDF/A part 2: {xmp}"
    );
    assert!(
        xmp.contains("pdfaid:conformance") && xmp.contains('B'),
        "XMP names conformance B"
    );
    assert!(
        catalog.get(b"OutputIntents").is_ok(),
        "PDF/A needs an output intent"
    );
    let mut fonts = 0;
    for (_, object) in doc.objects.iter() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor") {
            fonts += 1;
            assert!(
                dict.get(b"FontFile2").is_ok()
                    || dict.get(b"FontFile3").is_ok()
                    || dict.get(b"FontFile").is_ok(),
                "every font is embedded"
            );
        }
    }
    assert!(fonts > 0, "the document has fonts");
}

use super::world::TEMPLATES;

#[test]
fn every_template_is_shipped_in_both_languages_and_a_broken_one_is_refused_with_its_place() {
    // Each language folder has the same documents.
    let names = |lang: &str| -> std::collections::BTreeSet<&str> {
        TEMPLATES
            .iter()
            .filter_map(|(p, _)| p.strip_prefix(lang))
            .collect()
    };
    assert_eq!(names("kk/"), names("ru/"));
    assert!(names("kk/").len() >= 10);
    // A document whose data lacks what its template reads is refused, naming the template and
    // the line — never a panic, never a half-written file.
    let err = match super::typeset(
        super::Template::Order,
        super::DocLang::Kk,
        &serde_json::json!({}),
        time::OffsetDateTime::now_utc(),
    ) {
        Err(e) => e,
        Ok(_) => panic!("an order without data must not typeset"),
    };
    let text = err.to_string();
    assert!(text.contains("order") && text.contains(".typ:"), "{text}");
}
