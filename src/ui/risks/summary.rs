//! A release's risk summary as small badges, for the release list and the
//! release form: the highest open residual score with its band, and how
//! many open risks sit in each residual band. Band colours always come with
//! the band's name or initial and the number.

use super::paint::{band_index, band_pill_ui};
use crate::model::{Band, Book, Id};
use crate::risk::RiskSummary;
use crate::ui::theme::tokens;
use egui::{FontId, Sense, Ui, vec2};

/// The risk summary of a release. Every release's summary is worked out in
/// one pass and kept until the book changes (the release list asks for one
/// per visible row on every frame; with 20,000 risks a pass per row is too
/// slow).
pub(crate) fn release_summary(ctx: &egui::Context, book: &Book, release: &Id) -> RiskSummary {
    let all = crate::ui::memo::memo(ctx, "risks.summaries", || crate::risk::summaries(book));
    all.get(release).copied().unwrap_or_default()
}

/// The compact form for the release list, left to right in at most
/// `max_width`: "max 12 High" (the highest open residual score) on the band's colour, then a badge per band
/// that has open risks ("1 C", "3 M"), highest first. Badges that do not fit
/// are left out from the lowest band up; the words are in the tooltip and
/// for screen readers. Nothing is drawn when the release has no open risks.
pub(crate) fn compact_ui(ui: &mut Ui, s: &RiskSummary, max_width: f32) -> Option<egui::Response> {
    let t = tokens(ui.ctx());
    let (score, band) = s.highest?;
    let font = FontId::proportional(t.small_size);
    let mut parts = vec![(format!("max {score} {}", band.label()), band)];
    for b in Band::ALL.iter().rev() {
        let n = s.per_band[*b as usize];
        if n > 0 {
            parts.push((format!("{n} {}", &b.label()[..1]), *b));
        }
    }
    let (pad, gap) = (vec2(4.0, 1.0), 3.0);
    let mut galleys: Vec<_> = parts
        .iter()
        .map(|(text, b)| (ui.painter().layout_no_wrap(text.clone(), font.clone(), t.on_bands[band_index(*b)]), *b))
        .collect();
    let width = |g: &[(std::sync::Arc<egui::Galley>, Band)]| -> f32 {
        g.iter().map(|(g, _)| g.size().x + pad.x * 2.0 + gap).sum::<f32>() - gap
    };
    while galleys.len() > 1 && width(&galleys) > max_width {
        galleys.pop();
    }
    if width(&galleys) > max_width {
        let short = ui.painter().layout_no_wrap(format!("max {score}"), font, t.on_bands[band_index(band)]);
        galleys = vec![(short, band)];
        if width(&galleys) > max_width {
            return None;
        }
    }
    let height = galleys.iter().map(|(g, _)| g.size().y).fold(0.0, f32::max) + pad.y * 2.0;
    let (rect, response) = ui.allocate_exact_size(vec2(width(&galleys), height), Sense::hover());
    if ui.is_rect_visible(rect) {
        let mut x = rect.left();
        for (g, b) in galleys {
            let i = band_index(b);
            let r = egui::Rect::from_min_size(egui::pos2(x, rect.top()), g.size() + pad * 2.0);
            ui.painter().rect_filled(r, 3.0, t.bands[i]);
            x = r.right() + gap;
            ui.painter().galley(r.min + pad, g, t.on_bands[i]);
        }
    }
    let words = s.words();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
    Some(response.on_hover_text(words))
}

/// The full form for the top of a release's Risks section: the highest open
/// residual score and band, and the count in every band in words.
pub(crate) fn full_ui(ui: &mut Ui, s: &RiskSummary) {
    let t = tokens(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        let Some((score, band)) = s.highest else {
            let text =
                if s.total == 0 { "No risks are linked to this release." } else { "Every linked risk is closed." };
            ui.label(egui::RichText::new(text).color(t.text_weak));
            return;
        };
        ui.label("Highest open residual risk");
        band_pill_ui(ui, &crate::risk::score_text(score, band), band);
        ui.label(egui::RichText::new("· open risks by residual band:").color(t.text_weak));
        for b in Band::ALL.iter().rev() {
            let n = s.per_band[*b as usize];
            // Empty bands are written quietly, so the ones with risks stand out.
            if n == 0 {
                ui.label(egui::RichText::new(format!("0 {}", b.label())).color(t.text_weak));
            } else {
                band_pill_ui(ui, &format!("{n} {}", b.label()), *b);
            }
        }
        let closed = s.total - s.active();
        if closed > 0 {
            ui.label(egui::RichText::new(format!("· {closed} closed")).color(t.text_weak));
        }
    });
}
