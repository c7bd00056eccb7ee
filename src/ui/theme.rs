//! Design tokens and the three themes: light, dark and projector.
//!
//! Every colour, size and spacing the views use comes from [`Tokens`], so a
//! theme is one function and views never hard-code a colour.

use egui::{Color32, FontFamily, FontId, TextStyle};
use serde::{Deserialize, Serialize};

/// A theme the user can choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on light backgrounds.
    #[default]
    Light,
    /// Light text on dark backgrounds.
    Dark,
    /// Black on white, large type and thick lines, for a projector at the back of a room.
    Projector,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Projector];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Projector => "Projector (high contrast)",
        }
    }

    /// The theme's name on the command line.
    pub fn from_name(name: &str) -> Option<Theme> {
        match name.to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "projector" => Some(Theme::Projector),
            _ => None,
        }
    }
}

/// Colours and sizes shared by every view.
#[derive(Clone, Copy, Debug)]
pub struct Tokens {
    /// Window background.
    pub background: Color32,
    /// Panel background.
    pub panel: Color32,
    /// Background of a raised card or selected row.
    pub raised: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub text_weak: Color32,
    /// Links, focus and the current phase.
    pub accent: Color32,
    /// Text on the accent colour.
    pub on_accent: Color32,
    /// Done, met, success.
    pub good: Color32,
    /// Needs attention.
    pub warning: Color32,
    /// Blocking, failed, error.
    pub error: Color32,
    /// Risk bands low, medium, high, critical (Okabe–Ito, safe for colour blindness).
    pub bands: [Color32; 4],
    /// Text on each band colour.
    pub on_bands: [Color32; 4],
    /// Body text size in points.
    pub body_size: f32,
    /// Heading size in points.
    pub heading_size: f32,
    /// Small text size in points.
    pub small_size: f32,
    /// Space between items.
    pub spacing: f32,
    /// Height of a row in lists.
    pub row_height: f32,
    /// Stroke width of outlines.
    pub stroke: f32,
}

impl Theme {
    /// This theme's tokens.
    pub fn tokens(self) -> Tokens {
        let bands = [
            Color32::from_rgb(0x00, 0x9E, 0x73),
            Color32::from_rgb(0xF0, 0xE4, 0x42),
            Color32::from_rgb(0xE6, 0x9F, 0x00),
            Color32::from_rgb(0xD5, 0x5E, 0x00),
        ];
        let on_bands = [Color32::WHITE, Color32::BLACK, Color32::BLACK, Color32::WHITE];
        match self {
            Theme::Light => Tokens {
                background: Color32::from_rgb(0xF6, 0xF7, 0xF9),
                panel: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                raised: Color32::from_rgb(0xE8, 0xEE, 0xF6),
                text: Color32::from_rgb(0x1C, 0x23, 0x2B),
                text_weak: Color32::from_rgb(0x55, 0x60, 0x6E),
                accent: Color32::from_rgb(0x1F, 0x5F, 0xBF),
                on_accent: Color32::WHITE,
                good: Color32::from_rgb(0x1B, 0x7F, 0x3B),
                warning: Color32::from_rgb(0x9A, 0x5B, 0x00),
                error: Color32::from_rgb(0xB4, 0x23, 0x18),
                bands,
                on_bands,
                body_size: 14.0,
                heading_size: 20.0,
                small_size: 12.0,
                spacing: 8.0,
                row_height: 40.0,
                stroke: 1.0,
            },
            Theme::Dark => Tokens {
                background: Color32::from_rgb(0x16, 0x19, 0x1D),
                panel: Color32::from_rgb(0x1E, 0x22, 0x28),
                raised: Color32::from_rgb(0x2A, 0x31, 0x3B),
                text: Color32::from_rgb(0xE6, 0xE9, 0xED),
                text_weak: Color32::from_rgb(0xA3, 0xAB, 0xB6),
                accent: Color32::from_rgb(0x6A, 0xA6, 0xFF),
                on_accent: Color32::from_rgb(0x0B, 0x16, 0x2A),
                good: Color32::from_rgb(0x5F, 0xC9, 0x7E),
                warning: Color32::from_rgb(0xF2, 0xB8, 0x4B),
                error: Color32::from_rgb(0xFF, 0x7B, 0x72),
                bands,
                on_bands,
                body_size: 14.0,
                heading_size: 20.0,
                small_size: 12.0,
                spacing: 8.0,
                row_height: 40.0,
                stroke: 1.0,
            },
            Theme::Projector => Tokens {
                background: Color32::WHITE,
                panel: Color32::WHITE,
                raised: Color32::from_rgb(0xE0, 0xE6, 0xF0),
                text: Color32::BLACK,
                text_weak: Color32::from_rgb(0x30, 0x30, 0x30),
                accent: Color32::from_rgb(0x00, 0x3D, 0x99),
                on_accent: Color32::WHITE,
                good: Color32::from_rgb(0x00, 0x5A, 0x24),
                warning: Color32::from_rgb(0x7A, 0x40, 0x00),
                error: Color32::from_rgb(0x9B, 0x00, 0x00),
                bands,
                on_bands,
                body_size: 20.0,
                heading_size: 30.0,
                small_size: 17.0,
                spacing: 12.0,
                row_height: 56.0,
                stroke: 2.0,
            },
        }
    }

    /// Applies the theme to egui's style.
    pub fn apply(self, ctx: &egui::Context) {
        let t = self.tokens();
        let mut visuals = match self {
            Theme::Dark => egui::Visuals::dark(),
            Theme::Light | Theme::Projector => egui::Visuals::light(),
        };
        visuals.panel_fill = t.panel;
        visuals.window_fill = t.panel;
        visuals.extreme_bg_color = t.background;
        visuals.faint_bg_color = t.raised;
        // Text takes the theme's colour in every widget state, but not as an
        // override: a selected tab or toggle keeps the selection's own text
        // colour (white on the accent), which an override would replace.
        for w in [
            &mut visuals.widgets.noninteractive,
            &mut visuals.widgets.inactive,
            &mut visuals.widgets.hovered,
            &mut visuals.widgets.active,
            &mut visuals.widgets.open,
        ] {
            w.fg_stroke.color = t.text;
        }
        visuals.hyperlink_color = t.accent;
        visuals.error_fg_color = t.error;
        visuals.warn_fg_color = t.warning;
        visuals.selection.bg_fill = t.accent;
        visuals.selection.stroke.color = t.on_accent;
        visuals.widgets.noninteractive.bg_stroke.width = t.stroke;
        visuals.widgets.inactive.bg_stroke.width = t.stroke;
        if self == Theme::Projector {
            visuals.widgets.noninteractive.bg_stroke.color = Color32::BLACK;
            visuals.widgets.inactive.bg_stroke.color = Color32::from_gray(60);
            visuals.widgets.inactive.bg_fill = Color32::from_gray(235);
            visuals.widgets.inactive.weak_bg_fill = Color32::from_gray(235);
        }
        let egui_theme = if self == Theme::Dark { egui::Theme::Dark } else { egui::Theme::Light };
        ctx.set_theme(egui_theme);
        ctx.set_visuals_of(egui_theme, visuals);
        set_current(ctx, self);
        ctx.all_styles_mut(|style| {
            style.text_styles = [
                (TextStyle::Small, FontId::new(t.small_size, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(t.body_size, FontFamily::Proportional)),
                (TextStyle::Button, FontId::new(t.body_size, FontFamily::Proportional)),
                (TextStyle::Heading, FontId::new(t.heading_size, FontFamily::Proportional)),
                (TextStyle::Monospace, FontId::new(t.body_size - 1.0, FontFamily::Monospace)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(t.spacing, t.spacing * 0.75);
            style.spacing.button_padding = egui::vec2(t.spacing, t.spacing * 0.5);
            style.spacing.interact_size.y = t.body_size + t.spacing * 1.5;
            // On a projector a pale grey scroll bar vanishes: draw it in the
            // text colour so the room can see there is more below.
            style.spacing.scroll.foreground_color = self == Theme::Projector;
        });
    }
}

/// The tokens of the theme in use, stored in egui's memory by the app.
pub fn tokens(ctx: &egui::Context) -> Tokens {
    ctx.data(|d| d.get_temp::<Theme>(egui::Id::unique("relplan.theme"))).unwrap_or_default().tokens()
}

/// Records the theme in use so that [`tokens`] finds it.
pub fn set_current(ctx: &egui::Context, theme: Theme) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("relplan.theme"), theme));
}

#[cfg(test)]
mod tests {
    use super::Theme;

    #[test]
    fn selected_text_keeps_the_selection_colour_and_the_projector_scroll_bar_is_dark() {
        for theme in [Theme::Light, Theme::Dark, Theme::Projector] {
            let ctx = egui::Context::default();
            theme.apply(&ctx);
            let style = ctx.global_style();
            // An override would paint selected tabs in the body text colour on the accent.
            assert_eq!(style.visuals.override_text_color, None, "{theme:?}");
            assert_eq!(style.visuals.selection.stroke.color, theme.tokens().on_accent, "{theme:?}");
            assert_eq!(style.visuals.widgets.inactive.fg_stroke.color, theme.tokens().text, "{theme:?}");
            assert_eq!(style.spacing.scroll.foreground_color, theme == Theme::Projector, "{theme:?}");
        }
    }
}
