//! Fonts of the computer's for characters the bundled fonts lack.
//!
//! The same finder the window uses (eframe's system font provider, built
//! on fontique): it follows the operating system's own fallback rules
//! (fontconfig, DirectWrite, CoreText), so Japanese text gets a Japanese
//! font and Arabic an Arabic one. The computer's fonts are listed once per
//! run of Relplan, on a background thread, and only when a document first
//! needs a character the bundled fonts do not have.

use egui::epaint::text::{FallbackRequest, FontFamily, FontProvider};
use egui_system_font_provider::SystemFontProvider;
use std::sync::OnceLock;

/// A font found for a character.
pub(super) struct Found {
    /// A name that tells fonts apart (family, style and face index).
    pub name: String,
    /// The font file's bytes (mapped from disk, not copied).
    pub data: super::fonts::Data,
    /// The face within the file.
    pub index: u32,
}

/// The finder, started on first use and kept for the rest of the run.
fn provider() -> &'static SystemFontProvider {
    static PROVIDER: OnceLock<SystemFontProvider> = OnceLock::new();
    PROVIDER.get_or_init(SystemFontProvider::new)
}

/// A font of the computer's that has `c`, if there is one.
pub(super) fn font_for(c: char) -> Option<Found> {
    let mut buf = [0u8; 4];
    let cluster: &str = c.encode_utf8(&mut buf);
    let found = provider().font_for(&FallbackRequest { cluster, family: &FontFamily::Proportional })?;
    Some(Found { name: found.name, data: found.data.font, index: found.data.index })
}
