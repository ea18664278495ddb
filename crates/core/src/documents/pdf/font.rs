//! The two embedded fonts (DejaVu Sans regular and bold): their metrics, the glyphs a document
//! draws, and how each is written into the file — subset to those glyphs, as a CID-keyed
//! TrueType font with a `ToUnicode` map.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use super::deflate;

/// DejaVu Sans, regular weight.
pub(crate) const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold weight.
pub(crate) const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// One embedded font: the TrueType program, its metrics and the glyphs used so far.
pub(super) struct Font {
    data: &'static [u8],
    face: Face<'static>,
    /// PostScript name, without the subset tag.
    base_name: &'static str,
    /// Resource name in the page dictionaries (`F1`, `F2`).
    pub(super) resource: &'static [u8],
    /// Maps glyph ids of the full font to the (dense) ids of the subset, which are also the CIDs
    /// written in the content streams.
    remapper: GlyphRemapper,
    /// CID → (glyph id in the full font, first character drawn with it).
    pub(super) used: BTreeMap<u16, (u16, Option<char>)>,
    /// One font unit in ems.
    unit: f32,
}

impl Font {
    pub(super) fn load(
        data: &'static [u8],
        base_name: &'static str,
        resource: &'static [u8],
    ) -> Self {
        // The fonts are fixed assets; `tests::bundled_fonts_parse` guards them.
        let face = Face::parse(data, 0).expect("the bundled DejaVu font is a valid TrueType file");
        let unit = 1.0 / f32::from(face.units_per_em().max(1));
        let mut used = BTreeMap::new();
        used.insert(0, (0, None));
        Font {
            data,
            face,
            base_name,
            resource,
            remapper: GlyphRemapper::new(),
            used,
            unit,
        }
    }

    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Advance width of a glyph of the full font, in ems.
    fn advance(&self, gid: u16) -> f32 {
        self.face
            .glyph_hor_advance(GlyphId(gid))
            .map_or(0.0, f32::from)
            * self.unit
    }

    /// Advance width of a character at `size` points.
    pub(super) fn char_width(&self, c: char, size: f32) -> f32 {
        self.advance(self.glyph(c)) * size
    }

    /// Width of a line of text at `size` points (no kerning, like the content stream).
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// The two-byte CIDs (Identity-H) that draw `text`, recording the glyphs for the subset.
    pub(super) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let gid = self.glyph(c);
            let cid = self.remapper.remap(gid);
            let entry = self.used.entry(cid).or_insert((gid, None));
            if gid != 0 && entry.1.is_none() {
                entry.1 = Some(c);
            }
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    /// Glyph ids of the full font in CID order (the inverse of the remapping).
    fn cid_to_gid(&self) -> Vec<u16> {
        let mut by_cid = vec![0u16; usize::from(self.remapper.num_gids())];
        for (&cid, &(gid, _)) in &self.used {
            if let Some(slot) = by_cid.get_mut(usize::from(cid)) {
                *slot = gid;
            }
        }
        by_cid
    }

    /// A six-letter subset tag, derived from the glyphs used (the same subset gives the same tag).
    fn subset_tag(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |byte: u8| {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        };
        self.base_name.bytes().for_each(&mut feed);
        for (cid, (gid, _)) in &self.used {
            cid.to_be_bytes()
                .into_iter()
                .chain(gid.to_be_bytes())
                .for_each(&mut feed);
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
            .collect()
    }
}

/// The object ids of one embedded font.
pub(super) struct FontRefs {
    pub(super) type0: Ref,
    pub(super) cid: Ref,
    pub(super) descriptor: Ref,
    pub(super) to_unicode: Ref,
    pub(super) file: Ref,
    pub(super) cid_to_gid: Ref,
}

/// Writes one font as a Type0 font over a CIDFontType2 (TrueType) descendant with Identity-H
/// encoding, its subset program and its ToUnicode map.
pub(super) fn write_font(pdf: &mut Pdf, font: &Font, refs: &FontRefs, subset: bool) {
    let system_info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let to_pdf_units = |ems: f32| ems * 1000.0;
    let font_units = |v: i16| f32::from(v) * font.unit * 1000.0;
    // The subset numbers its glyphs by CID. Should subsetting ever fail, the whole font is
    // embedded (under its plain name: a subset tag would claim otherwise) and a CIDToGIDMap
    // stream maps the CIDs back to its glyph ids.
    let subset = if subset {
        subsetter::subset(font.data, 0, &font.remapper).ok()
    } else {
        None
    };
    let base_font = match subset {
        Some(_) => format!("{}+{}", font.subset_tag(), font.base_name),
        None => font.base_name.to_owned(),
    };

    pdf.type0_font(refs.type0)
        .base_font(Name(base_font.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(refs.cid)
        .to_unicode(refs.to_unicode);

    let mut cid_font = pdf.cid_font(refs.cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(Name(base_font.as_bytes()))
        .system_info(system_info)
        .font_descriptor(refs.descriptor)
        .default_width(to_pdf_units(font.advance(0)));
    if subset.is_some() {
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
    } else {
        cid_font.cid_to_gid_map_stream(refs.cid_to_gid);
    }
    let mut widths = cid_font.widths();
    let mut run: Option<(u16, Vec<f32>)> = None;
    for (&cid, &(gid, _)) in &font.used {
        let width = to_pdf_units(font.advance(gid));
        match &mut run {
            Some((start, list)) if usize::from(*start) + list.len() == usize::from(cid) => {
                list.push(width)
            }
            _ => {
                if let Some((start, list)) = run.take() {
                    widths.consecutive(start, list);
                }
                run = Some((cid, vec![width]));
            }
        }
    }
    if let Some((start, list)) = run {
        widths.consecutive(start, list);
    }
    widths.finish();
    cid_font.finish();

    let face = &font.face;
    let bbox = face.global_bounding_box();
    let weight = face.weight().to_number();
    let mut flags = FontFlags::NON_SYMBOLIC;
    if weight >= 600 {
        flags |= FontFlags::FORCE_BOLD;
    }
    pdf.font_descriptor(refs.descriptor)
        .name(Name(base_font.as_bytes()))
        .flags(flags)
        .bbox(Rect::new(
            font_units(bbox.x_min),
            font_units(bbox.y_min),
            font_units(bbox.x_max),
            font_units(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(font_units(face.ascender()))
        .descent(font_units(face.descender()))
        .cap_height(font_units(face.capital_height().unwrap_or(face.ascender())))
        .stem_v(10.0 + 0.244 * (f32::from(weight) - 50.0))
        .font_file2(refs.file);

    let program = subset.as_deref().unwrap_or(font.data);
    pdf.stream(refs.file, &deflate(program))
        .filter(Filter::FlateDecode)
        .pair(
            Name(b"Length1"),
            i32::try_from(program.len()).unwrap_or(i32::MAX),
        );
    if subset.is_none() {
        let map: Vec<u8> = font
            .cid_to_gid()
            .into_iter()
            .flat_map(u16::to_be_bytes)
            .collect();
        pdf.stream(refs.cid_to_gid, &deflate(&map))
            .filter(Filter::FlateDecode);
    }

    let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), system_info);
    for (&cid, &(_, c)) in &font.used {
        if let Some(c) = c {
            cmap.pair(cid, c);
        }
    }
    pdf.cmap(refs.to_unicode, &deflate(&cmap.finish()))
        .filter(Filter::FlateDecode);
}
