//! Which glyphs of each face the pages use, and the number (CID) each has
//! in the font subset the PDF embeds.
//!
//! A glyph gets its CID the first time a page shows it, in the order the
//! subsetter will give it (its `GlyphRemapper`); the CID is then cached by
//! glyph id, so every later use costs one array look-up. With each CID go
//! the glyph's advance (for the font's widths, the very advance the layout
//! placed it by) and the character it was shown for (for the map from
//! glyphs back to text that search and copy rely on).

use subsetter::GlyphRemapper;

/// The glyphs one face has shown.
pub(super) struct Subset {
    /// Old glyph id → CID, in the order glyphs were first shown.
    pub(super) remapper: GlyphRemapper,
    /// CID by glyph id; 0 for a glyph not shown yet (CID 0 is the font's
    /// "missing glyph", always glyph 0).
    cid_of: Vec<u16>,
    /// Advance in em, by CID.
    pub(super) widths: Vec<f32>,
    /// The character each CID stands for (none for glyph 0).
    pub(super) chars: Vec<Option<char>>,
}

impl Subset {
    fn new() -> Self {
        Self { remapper: GlyphRemapper::new(), cid_of: Vec::new(), widths: vec![0.0], chars: vec![None] }
    }

    /// The CID of glyph `gid`, shown for `c` with `advance` (in em).
    #[inline]
    pub(super) fn cid(&mut self, gid: u32, c: char, advance: f32) -> u16 {
        let Ok(gid) = u16::try_from(gid) else { return 0 };
        if let Some(&cid) = self.cid_of.get(usize::from(gid))
            && cid != 0
        {
            return cid;
        }
        self.first_use(gid, c, advance)
    }

    #[cold]
    fn first_use(&mut self, gid: u16, c: char, advance: f32) -> u16 {
        if gid == 0 {
            self.widths[0] = advance;
            return 0;
        }
        let cid = self.remapper.remap(gid);
        let at = usize::from(gid);
        if self.cid_of.len() <= at {
            self.cid_of.resize(at + 1, 0);
        }
        self.cid_of[at] = cid;
        let i = usize::from(cid);
        if self.widths.len() <= i {
            self.widths.resize(i + 1, 0.0);
            self.chars.resize(i + 1, None);
        }
        self.widths[i] = advance;
        self.chars[i] = Some(c);
        cid
    }
}

/// The subsets of every face, by [`super::fonts::Face::slot`].
#[derive(Default)]
pub(super) struct Used {
    slots: Vec<Option<Subset>>,
}

impl Used {
    /// The subset of a face, started on first use.
    #[inline]
    pub(super) fn face(&mut self, slot: usize) -> &mut Subset {
        if self.slots.len() <= slot {
            self.slots.resize_with(slot + 1, || None);
        }
        self.slots[slot].get_or_insert_with(Subset::new)
    }

    /// The faces used, with their subsets.
    pub(super) fn iter(&self) -> impl Iterator<Item = (usize, &Subset)> {
        self.slots.iter().enumerate().filter_map(|(i, s)| Some((i, s.as_ref()?)))
    }
}
