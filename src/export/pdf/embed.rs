//! A face's font in the PDF: the glyphs the pages used, as a subset of the
//! font file, in a Type 0 font with two-byte CIDs (`Identity-H`).
//!
//! - The subset comes from `subsetter`, which numbers the glyphs in the
//!   order they were first used: those numbers are the CIDs the pages show.
//!   It drops the font's own character map, so the PDF carries one of its
//!   own (`ToUnicode`), from CIDs to the characters they were shown for;
//!   that is what search, copy and text extraction read.
//! - A font with TrueType outlines goes in whole (`FontFile2`, CID font
//!   type 2, CIDs mapped to glyphs one to one). For one with CFF outlines
//!   (OpenType `.otf` fonts, common among a computer's CJK fonts), the
//!   subsetter makes the CFF program CID-keyed with the same numbers, and
//!   only that program goes in (`FontFile3` of subtype `CIDFontType0C`, CID
//!   font type 0).
//! - The widths (`W`) are the advances the layout placed the glyphs by, in
//!   thousandths of an em, so the viewer puts each glyph where the layout
//!   did. The descriptor has the font's real metrics.

use super::subset::Subset;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use skrifa::instance::{LocationRef, Size};
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider, Tag};

const SYSTEM_INFO: SystemInfo = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

/// Writes the font of one face as the Type 0 font `type0`, taking further
/// object numbers from `next`.
pub(super) fn write_font(
    pdf: &mut Pdf,
    next: &mut Ref,
    type0: Ref,
    (data, index): (&[u8], u32),
    subset: &Subset,
) -> Result<(), String> {
    let font = FontRef::from_index(data, index).map_err(|_| "a font could not be read".to_owned())?;
    let file =
        subsetter::subset(data, index, &subset.remapper).map_err(|e| format!("a font could not be embedded ({e})"))?;
    let sub = FontRef::new(&file).map_err(|_| "a font could not be embedded".to_owned())?;
    let cff = sub.table_data(Tag::new(b"CFF ")).map(|t| t.as_bytes().to_vec());
    let (cid_ref, descriptor_ref, cmap_ref, file_ref) = (next.bump(), next.bump(), next.bump(), next.bump());

    let name = base_name(&font, subset);
    let type0_name = if cff.is_some() { format!("{name}-Identity-H") } else { name.clone() };
    pdf.type0_font(type0)
        .base_font(Name(type0_name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    let metrics = font.metrics(Size::unscaled(), LocationRef::default());
    let per_em = 1000.0 / f32::from(metrics.units_per_em.max(1));
    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(if cff.is_some() { CidFontType::Type0 } else { CidFontType::Type2 });
    cid.base_font(Name(name.as_bytes()));
    cid.system_info(SYSTEM_INFO);
    cid.font_descriptor(descriptor_ref);
    cid.default_width(0.0);
    if cff.is_none() {
        cid.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    cid.widths().consecutive(0, subset.widths.iter().map(|w| (w * 1000.0 * 1000.0).round() / 1000.0));
    cid.finish();

    let mut flags = FontFlags::SYMBOLIC;
    flags.set(FontFlags::FIXED_PITCH, metrics.is_monospace);
    flags.set(FontFlags::ITALIC, metrics.italic_angle != 0.0);
    let bounds = metrics.bounds.unwrap_or_default();
    let bbox = Rect::new(bounds.x_min * per_em, bounds.y_min * per_em, bounds.x_max * per_em, bounds.y_max * per_em);
    let ascent = metrics.ascent * per_em;
    let weight = font.attributes().weight.value();
    pdf.font_descriptor(descriptor_ref)
        .name(Name(name.as_bytes()))
        .flags(flags)
        .bbox(bbox)
        .italic_angle(metrics.italic_angle)
        .ascent(ascent)
        .descent(metrics.descent * per_em)
        .cap_height(metrics.cap_height.map_or(ascent, |h| h * per_em))
        // A usual estimate of the stems' width from the weight (400 → 88).
        .stem_v(50.0 + (weight / 65.0).powi(2))
        .pair(Name(if cff.is_some() { b"FontFile3" } else { b"FontFile2" }), file_ref);

    let cmap = to_unicode(subset);
    pdf.cmap(cmap_ref, &super::compress::deflate_small(&cmap)).filter(Filter::FlateDecode);

    let is_cff = cff.is_some();
    let program = super::compress::deflate_small(&cff.unwrap_or(file));
    let mut stream = pdf.stream(file_ref, &program);
    stream.filter(Filter::FlateDecode);
    if is_cff {
        stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
    }
    stream.finish();
    Ok(())
}

/// The map from CIDs back to the characters they were shown for.
fn to_unicode(subset: &Subset) -> Vec<u8> {
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (cid, c) in subset.chars.iter().enumerate() {
        if let (Ok(cid), Some(c)) = (u16::try_from(cid), c) {
            cmap.pair(cid, *c);
        }
    }
    cmap.finish().into_vec()
}

/// The font's name as a subset: six capitals that differ between subsets,
/// a plus and the font's PostScript name.
fn base_name(font: &FontRef<'_>, subset: &Subset) -> String {
    let postscript: String = font
        .localized_strings(StringId::POSTSCRIPT_NAME)
        .english_or_first()
        .map(|s| s.chars().filter(|c| c.is_ascii_graphic() && !"[](){}<>/%".contains(*c)).take(100).collect())
        .unwrap_or_default();
    let postscript = if postscript.is_empty() { "Font".to_owned() } else { postscript };
    // FNV-1a over the glyphs shown, for the tag.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for w in &subset.widths {
        for b in w.to_bits().to_le_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    for c in subset.chars.iter().flatten() {
        hash = (hash ^ u64::from(u32::from(*c))).wrapping_mul(0x0100_0000_01b3);
    }
    let tag: String = (0..6).map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8)).collect();
    format!("{tag}+{postscript}")
}

#[cfg(test)]
mod tests {
    use super::super::subset::Used;
    use super::write_font;
    use pdf_writer::{Finish, Name, Pdf, Rect, Ref};
    use skrifa::instance::{LocationRef, Size};
    use skrifa::{FontRef, MetadataProvider};

    /// A one-page PDF showing `text` in the font file `data`, the way the
    /// report shows it: two-byte CIDs in the order glyphs are first used.
    fn one_page(data: &[u8], text: &str) -> Vec<u8> {
        let font = FontRef::new(data).expect("the font reads");
        let upem = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        let advances = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut used = Used::default();
        let mut hex = String::new();
        for c in text.chars() {
            let gid = font.charmap().map(c).expect("the font has the character");
            let advance = advances.advance_width(gid).unwrap_or(0.0) / upem;
            hex.push_str(&format!("{:04X}", used.face(3).cid(gid.to_u32(), c, advance)));
        }
        let content = format!("BT /F3 24 Tf 40 60 Td <{hex}> Tj ET");
        let mut next = Ref::new(1);
        let (catalog, tree, page, body, type0) = (next.bump(), next.bump(), next.bump(), next.bump(), next.bump());
        let mut pdf = Pdf::with_settings(pdf_writer::Settings { pretty: false });
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids([page]).count(1);
        let mut p = pdf.page(page);
        p.parent(tree).media_box(Rect::new(0.0, 0.0, 400.0, 120.0)).contents(body);
        p.resources().fonts().pair(Name(b"F3"), type0);
        p.finish();
        pdf.stream(body, content.as_bytes());
        let (_, subset) = used.iter().next().expect("a face was used");
        write_font(&mut pdf, &mut next, type0, (data, 0), subset).expect("the font is embedded");
        pdf.finish()
    }

    #[test]
    fn a_font_with_cff_outlines_is_embedded_as_its_cff_program_and_reads_back() {
        // Needs an OpenType font with CFF outlines on the computer
        // (assets/install-system-packages.sh installs the URW fonts).
        let path = "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf";
        let data = std::fs::read(path).expect("the URW fonts are installed");
        let bytes = one_page(&data, "Release 2027.03.1");
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("/FontFile3") && raw.contains("/Subtype/CIDFontType0C"), "the CFF program is embedded");
        let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF reads back");
        assert_eq!(text.trim(), "Release 2027.03.1");
    }
}
