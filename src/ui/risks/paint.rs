//! Small pieces the risk view draws in several places: band pills and
//! the words for flags. Colours come from the theme's colour-blind-safe
//! band palette, and the band is always written too.

use crate::model::Band;
use crate::risk::Attention;
use crate::ui::theme::{Tokens, tokens};
use egui::{RichText, Ui};

/// The palette index of a band.
pub(super) fn band_index(band: Band) -> usize {
    band as usize
}

/// A pill with a score and its band in words on the band's colour, e.g.
/// "12 · High". It never wraps, so a wrapping row moves it whole to the next line.
pub(super) fn band_pill_ui(ui: &mut Ui, text: &str, band: Band) -> egui::Response {
    let (size, galley, i) = pill_layout(ui, text, band);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    paint_pill(ui, rect, galley, i);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// The same pill, only painted: for table cells, whose row names its
/// values for screen readers (see `table`), so that a frame of the
/// register creates no widget per cell.
pub(super) fn band_pill_painted(ui: &mut Ui, text: &str, band: Band) {
    let (size, galley, i) = pill_layout(ui, text, band);
    let (_, rect) = ui.allocate_space(size);
    paint_pill(ui, rect, galley, i);
}

const PILL_PAD: egui::Vec2 = egui::vec2(6.0, 1.0);

fn pill_layout(ui: &Ui, text: &str, band: Band) -> (egui::Vec2, std::sync::Arc<egui::Galley>, usize) {
    let t = tokens(ui.ctx());
    let i = band_index(band);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, t.on_bands[i]);
    (galley.size() + PILL_PAD * 2.0, galley, i)
}

fn paint_pill(ui: &Ui, rect: egui::Rect, galley: std::sync::Arc<egui::Galley>, i: usize) {
    if ui.is_rect_visible(rect) {
        let t = tokens(ui.ctx());
        ui.painter().rect_filled(rect, 4.0, t.bands[i]);
        ui.painter().galley(rect.min + PILL_PAD, galley, t.on_bands[i]);
    }
}

/// Text painted in a table cell without a widget of its own (see [`band_pill_painted`]).
pub(super) fn painted_text(ui: &mut Ui, text: &str, colour: egui::Color32, monospace: bool) {
    let style = if monospace { egui::TextStyle::Monospace } else { egui::TextStyle::Body };
    let galley = ui.painter().layout_no_wrap(text.to_owned(), style.resolve(ui.style()), colour);
    let (_, rect) = ui.allocate_space(galley.size());
    if ui.is_rect_visible(rect) {
        ui.painter().galley(rect.min, galley, colour);
    }
}

/// The flags of a risk as short marked words for the register's first
/// column: the icon says there is something, the word says what.
pub(super) fn flag_text(a: Attention) -> String {
    let mut parts = Vec::new();
    if a.review_overdue {
        parts.push("⚠ Overdue");
    }
    if a.no_owner {
        parts.push("⚑ No owner");
    }
    if a.no_treatment {
        parts.push("⚑ Untreated");
    }
    parts.join(" ")
}

/// Text in the theme's error colour, for flagged cells.
pub(super) fn flagged(t: &Tokens, text: impl Into<String>) -> RichText {
    RichText::new(text).color(t.error).strong()
}

/// The score ranges of each band under the policy, e.g. "1–4" for low, for
/// the legend. A band no score reaches is left out.
pub(super) fn band_ranges(policy: &crate::model::RiskPolicy) -> Vec<(Band, String)> {
    let max = policy.max_score().max(1);
    Band::ALL
        .into_iter()
        .filter_map(|band| {
            let from = (1..=max).find(|&s| policy.band(s) == band)?;
            let to = (from..=max).take_while(|&s| policy.band(s) == band).last().unwrap_or(from);
            Some((band, if from == to { format!("{from}") } else { format!("{from}–{to}") }))
        })
        .collect()
}
