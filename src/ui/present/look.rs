//! Type sizes and colours of the slides, scaled to the window.
//!
//! Slides are designed for 1920 × 1080 and scale with the window, so they
//! look the same on a laptop and on a projector; the presenter's zoom
//! multiplies the scale. The sizes keep body text at 30 px on a 1080-line
//! projector, which reads from the back of a meeting room.

use crate::present::blocks::Tone;
use crate::ui::theme::Tokens;
use egui::{Color32, FontId, RichText};

/// The design size of a slide.
pub const DESIGN: egui::Vec2 = egui::vec2(1920.0, 1080.0);

/// The presenter's zoom limits.
pub const ZOOM_RANGE: (f32, f32) = (0.6, 2.0);

/// Sizes and colours for one frame's slide.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    /// The projector theme's tokens.
    pub t: Tokens,
    /// Points per design pixel: window scale times the presenter's zoom.
    pub scale: f32,
}

impl Look {
    /// The look for a slide drawn in `area` at the presenter's `zoom`.
    pub fn new(t: Tokens, area: egui::Vec2, zoom: f32) -> Self {
        let fit = (area.x / DESIGN.x).min(area.y / DESIGN.y).max(0.35);
        Self { t, scale: fit * zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1) }
    }

    /// A design length in whole points, so that everything laid out with
    /// it stays on the pixel grid.
    pub fn px(&self, design: f32) -> f32 {
        (design * self.scale).round()
    }

    /// The slide title.
    pub fn title(&self) -> f32 {
        self.px(58.0)
    }

    /// The line above the title.
    pub fn kicker(&self) -> f32 {
        self.px(26.0)
    }

    /// Body text, table cells.
    pub fn body(&self) -> f32 {
        self.px(30.0)
    }

    /// Captions, labels, table headers.
    pub fn small(&self) -> f32 {
        self.px(23.0)
    }

    /// The big numbers.
    pub fn stat(&self) -> f32 {
        self.px(60.0)
    }

    /// Space between blocks.
    pub fn gap(&self) -> f32 {
        self.px(28.0)
    }

    /// The colour of a tone.
    pub fn colour(&self, tone: Tone) -> Color32 {
        match tone {
            Tone::Normal => self.t.text,
            Tone::Weak => self.t.text_weak,
            Tone::Good => self.t.good,
            Tone::Warning => self.t.warning,
            Tone::Bad => self.t.error,
            Tone::Accent => self.t.accent,
        }
    }

    /// Text at `size` in a tone; warnings, errors and accents are bold too.
    pub fn text(&self, text: &str, size: f32, tone: Tone) -> RichText {
        let rich = RichText::new(text).font(FontId::proportional(size)).color(self.colour(tone));
        if matches!(tone, Tone::Bad | Tone::Warning | Tone::Accent) { rich.strong() } else { rich }
    }

    /// A thin rule colour for separators and grid lines.
    pub fn rule(&self) -> Color32 {
        Color32::from_gray(200)
    }

    /// A light fill behind cards and tiles.
    pub fn tint(&self) -> Color32 {
        Color32::from_rgb(0xF1, 0xF4, 0xF9)
    }
}
