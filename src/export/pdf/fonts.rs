//! The PDF's fonts and the measuring and placing of their glyphs.
//!
//! The report uses the fonts the window already ships (from
//! `epaint_default_fonts`): Ubuntu Light for text, Hack for characters
//! Ubuntu lacks, and Noto Emoji in black and white. For a character none
//! has (Chinese, Japanese, Korean, Arabic, Hindi…), the computer's own
//! fonts are asked, the way the window finds them (`system_fallback`);
//! only when no font on the computer has it as an outline is it written
//! as `?`. The PDF embeds only the glyphs used, with a map back to the
//! text, so its text can be searched and copied (see `embed`); a font is
//! used only if it can be embedded that way (TrueType or CFF outlines).
//!
//! Placement is simple and fast: one glyph per character, advances from
//! the font's metrics, no kerning or ligatures. That is right for Latin,
//! Greek, Cyrillic and CJK text; scripts whose letters join (Arabic,
//! Devanagari) print legibly but unjoined.

use super::system_fallback;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use std::collections::HashMap;
use std::sync::Arc;

/// A font file's bytes, shared (static, owned or mapped from disk).
pub(super) type Data = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Which face a run of text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// Ubuntu Light.
    Sans,
    /// Hack, for characters Ubuntu lacks.
    Mono,
    /// Noto Emoji (black and white), for emoji.
    Emoji,
    /// A font of the computer's, for characters neither bundled font has
    /// (an index into the fonts found so far).
    System(u8),
}

impl Face {
    /// A small number that tells faces apart (for arrays of per-face state).
    pub(super) fn slot(self) -> usize {
        match self {
            Face::Sans => 0,
            Face::Mono => 1,
            Face::Emoji => 2,
            Face::System(i) => 3 + usize::from(i),
        }
    }

    /// The face of a [`Face::slot`].
    pub(super) fn of_slot(slot: usize) -> Option<Face> {
        match slot {
            0 => Some(Face::Sans),
            1 => Some(Face::Mono),
            2 => Some(Face::Emoji),
            _ => u8::try_from(slot - 3).ok().map(Face::System),
        }
    }
}

/// The most system fonts one document uses (one per script is typical).
const MAX_SYSTEM_FONTS: usize = 32;

/// The most characters one document asks the computer's fonts for; text
/// with thousands of different unusual characters gets `?` beyond this,
/// rather than a slow export.
const MAX_SYSTEM_LOOKUPS: usize = 1024;

/// A font: its file and a cache of glyph ids and advances.
struct Loaded {
    /// Glyph id and advance (in em) of the first 0x500 code points (empty
    /// for system fonts, which are asked only for other characters).
    table: Vec<Option<(u32, f32)>>,
    /// The same for other characters, filled as they are met.
    more: HashMap<char, Option<(u32, f32)>>,
    data: Data,
    index: u32,
    /// Whether a glyph counts only with an outline: a font of the
    /// computer's may draw some characters (colour emoji) as pictures,
    /// which this PDF does not embed and would print blank.
    outlines_only: bool,
}

impl Loaded {
    fn new(data: Data, index: u32, with_table: bool) -> Option<Self> {
        let font = skrifa::FontRef::from_index((*data).as_ref(), index).ok()?;
        // Only TrueType and CFF outlines can be embedded as subsets.
        if font.glyf().is_err() && font.cff().is_err() {
            return None;
        }
        let outlines_only = !with_table;
        let mut loaded = Self { table: Vec::new(), more: HashMap::new(), data, index, outlines_only };
        if with_table {
            loaded.table = (0..0x500u32).map(|c| char::from_u32(c).and_then(|c| loaded.look_up(c))).collect();
        }
        Some(loaded)
    }

    fn look_up(&self, c: char) -> Option<(u32, f32)> {
        let font = skrifa::FontRef::from_index((*self.data).as_ref(), self.index).ok()?;
        let gid = font.charmap().map(c)?;
        if self.outlines_only && font.outline_glyphs().get(gid).is_none() {
            return None;
        }
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
    emoji: Loaded,
    /// Fonts of the computer's found so far, with their names.
    system: Vec<(String, Loaded)>,
    /// Face, glyph id and advance of the first 0x500 code points where Ubuntu
    /// or Hack has them: the usual character costs one look-up.
    common: Vec<Option<(Face, u32, f32)>>,
    /// Characters no font has, so that the computer is asked once each.
    missing: std::collections::HashSet<char>,
    /// How many characters the computer's fonts were asked for.
    lookups: usize,
}

impl Fonts {
    /// Loads the bundled fonts.
    pub fn new() -> Result<Self, String> {
        let sans = Loaded::new(Arc::new(epaint_default_fonts::UBUNTU_LIGHT), 0, true);
        let mono = Loaded::new(Arc::new(epaint_default_fonts::HACK_REGULAR), 0, true);
        let emoji = Loaded::new(Arc::new(epaint_default_fonts::NOTO_EMOJI_REGULAR), 0, false);
        match (sans, mono, emoji) {
            (Some(sans), Some(mono), Some(emoji)) => {
                let common = sans
                    .table
                    .iter()
                    .zip(&mono.table)
                    .map(|(s, m)| match (s, m) {
                        (Some((g, a)), _) => Some((Face::Sans, *g, *a)),
                        (None, Some((g, a))) => Some((Face::Mono, *g, *a)),
                        (None, None) => None,
                    })
                    .collect();
                Ok(Self { sans, mono, emoji, system: Vec::new(), common, missing: Default::default(), lookups: 0 })
            }
            _ => Err("the bundled fonts could not be read".to_owned()),
        }
    }

    /// The file (bytes and face index) of a face, if it has been loaded.
    pub(super) fn source(&self, face: Face) -> Option<(&[u8], u32)> {
        let loaded = match face {
            Face::Sans => &self.sans,
            Face::Mono => &self.mono,
            Face::Emoji => &self.emoji,
            Face::System(i) => &self.system.get(usize::from(i))?.1,
        };
        Some(((*loaded.data).as_ref(), loaded.index))
    }

    /// The face, glyph id and advance (in em) for a character; `?` in the
    /// text face when no font has it. Control characters have no glyph.
    #[inline]
    pub(super) fn glyph(&mut self, c: char) -> (Face, char, u32, f32) {
        if let Some(Some((face, g, a))) = self.common.get(c as usize) {
            return (*face, c, *g, *a);
        }
        self.rare_glyph(c)
    }

    /// The same for a character outside the common table.
    fn rare_glyph(&mut self, c: char) -> (Face, char, u32, f32) {
        if let Some((g, a)) = self.sans.glyph(c) {
            return (Face::Sans, c, g, a);
        }
        if let Some((g, a)) = self.mono.glyph(c) {
            return (Face::Mono, c, g, a);
        }
        if let Some((g, a)) = self.emoji.glyph(c) {
            return (Face::Emoji, c, g, a);
        }
        if let Some(found) = self.system_glyph(c) {
            return found;
        }
        let (g, a) = self.sans.glyph('?').unwrap_or((0, 0.5));
        (Face::Sans, '?', g, a)
    }

    /// A character from a font of the computer's: one already in use, or
    /// one the computer offers for it.
    fn system_glyph(&mut self, c: char) -> Option<(Face, char, u32, f32)> {
        for (i, (_, font)) in self.system.iter_mut().enumerate() {
            if let (Some((g, a)), Ok(i)) = (font.glyph(c), u8::try_from(i)) {
                return Some((Face::System(i), c, g, a));
            }
        }
        if self.missing.contains(&c) || self.system.len() >= MAX_SYSTEM_FONTS || self.lookups >= MAX_SYSTEM_LOOKUPS {
            return None;
        }
        self.lookups += 1;
        let found = system_fallback::font_for(c)
            .filter(|f| !self.system.iter().any(|(name, _)| *name == f.name))
            .and_then(|f| Some((f.name, Loaded::new(f.data, f.index, false)?)));
        let Some((name, mut font)) = found else {
            self.missing.insert(c);
            return None;
        };
        let Some((g, a)) = font.glyph(c) else {
            self.missing.insert(c);
            return None;
        };
        let i = u8::try_from(self.system.len()).ok()?;
        self.system.push((name, font));
        Some((Face::System(i), c, g, a))
    }

    /// The width of a text at a size, in points.
    pub fn width(&mut self, text: &str, size: f32) -> f32 {
        text.chars().filter(|c| !c.is_control()).map(|c| self.glyph(c).3).sum::<f32>() * size
    }
}
