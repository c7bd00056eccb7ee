//! The PDF's fonts and the measuring and placing of their glyphs.
//!
//! The report uses the fonts the window already ships (from
//! `epaint_default_fonts`): Ubuntu Light for text and Hack for characters
//! Ubuntu lacks. A character neither has is written as `?`. krilla embeds
//! only the glyphs used, with a map back to the text, so the PDF's text
//! can be searched and copied.
//!
//! Placement is simple and fast: one glyph per character, advances from
//! the font's metrics, no kerning or ligatures. That is right for the Latin,
//! Greek and Cyrillic text these fonts cover.

use krilla::text::Font;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::collections::HashMap;

/// Which face a run of text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Ubuntu Light.
    Sans,
    /// Hack, for characters Ubuntu lacks.
    Mono,
}

/// A font: its krilla handle and a cache of glyph ids and advances.
struct Loaded {
    font: Font,
    /// Glyph id and advance (in em) of the first 0x500 code points.
    table: Vec<Option<(u32, f32)>>,
    /// The same for other characters, filled as they are met.
    more: HashMap<char, Option<(u32, f32)>>,
    data: &'static [u8],
}

impl Loaded {
    fn new(data: &'static [u8]) -> Option<Self> {
        let font = Font::new(data.into(), 0)?;
        let mut loaded = Self { font, table: Vec::new(), more: HashMap::new(), data };
        loaded.table = (0..0x500u32).map(|c| char::from_u32(c).and_then(|c| loaded.look_up(c))).collect();
        Some(loaded)
    }

    fn look_up(&self, c: char) -> Option<(u32, f32)> {
        let font = skrifa::FontRef::new(self.data).ok()?;
        let gid = font.charmap().map(c)?;
        let upem = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em.max(1));
        let advance = font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(gid)?;
        Some((gid.to_u32(), advance / upem))
    }

    fn glyph(&mut self, c: char) -> Option<(u32, f32)> {
        if let Some(hit) = self.table.get(c as usize) {
            return *hit;
        }
        if let Some(hit) = self.more.get(&c) {
            return *hit;
        }
        let found = self.look_up(c);
        self.more.insert(c, found);
        found
    }
}

/// The report's fonts.
pub struct Fonts {
    sans: Loaded,
    mono: Loaded,
}

impl Fonts {
    /// Loads the bundled fonts.
    pub fn new() -> Result<Self, String> {
        let sans = Loaded::new(epaint_default_fonts::UBUNTU_LIGHT);
        let mono = Loaded::new(epaint_default_fonts::HACK_REGULAR);
        match (sans, mono) {
            (Some(sans), Some(mono)) => Ok(Self { sans, mono }),
            _ => Err("the bundled fonts could not be read".to_owned()),
        }
    }

    /// The krilla font of a face.
    pub fn font(&self, face: Face) -> Font {
        match face {
            Face::Sans => self.sans.font.clone(),
            Face::Mono => self.mono.font.clone(),
        }
    }

    /// The face, glyph id and advance (in em) for a character; `?` in the
    /// text face when no font has it. Control characters have no glyph.
    pub(super) fn glyph(&mut self, c: char) -> (Face, char, u32, f32) {
        if let Some((g, a)) = self.sans.glyph(c) {
            return (Face::Sans, c, g, a);
        }
        if let Some((g, a)) = self.mono.glyph(c) {
            return (Face::Mono, c, g, a);
        }
        let (g, a) = self.sans.glyph('?').unwrap_or((0, 0.5));
        (Face::Sans, '?', g, a)
    }

    /// The width of a text at a size, in points.
    pub fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().filter(|c| !c.is_control()).map(|c| self.glyph(c).3).sum::<f32>() * size
    }
}
