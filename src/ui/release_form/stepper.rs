//! The phase stepper: Planning ➡ Build & Test ➡ Deployment ➡ Review & Close
//! ➡ Closed, with the current phase marked by shape and words, not colour
//! alone.
//!
//! Done phases are a filled circle with a tick, the current phase a filled
//! circle inside a ring with its label in a framed pill and the word "now"
//! under it, and phases still to come a hollow numbered circle.

use crate::model::Phase;
use crate::ui::theme::tokens;
use egui::{Align2, FontId, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

/// Where a phase stands relative to the release's current phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Done,
    Current,
    Upcoming,
}

fn mark(phase: Phase, current: Phase) -> Mark {
    match phase.cmp(&current) {
        std::cmp::Ordering::Less => Mark::Done,
        std::cmp::Ordering::Equal => Mark::Current,
        std::cmp::Ordering::Greater => Mark::Upcoming,
    }
}

/// The stepper's words for screen readers, e.g.
/// "Phase 2 of 5: Build & Test. Done: Planning. Still to come: …".
fn describe(current: Phase) -> String {
    let all = Phase::ALL;
    let number = all.iter().position(|p| *p == current).map_or(0, |i| i + 1);
    let names = |m: Mark| all.iter().filter(|p| mark(**p, current) == m).map(|p| p.label()).collect::<Vec<_>>();
    let mut text = format!("Phase {number} of {}: {}.", all.len(), current.label());
    let done = names(Mark::Done);
    if !done.is_empty() {
        text.push_str(&format!(" Done: {}.", done.join(", ")));
    }
    let next = names(Mark::Upcoming);
    if !next.is_empty() {
        text.push_str(&format!(" Still to come: {}.", next.join(", ")));
    }
    text
}

/// Draws the stepper across the available width (at most 820 points).
pub(super) fn phase_stepper_ui(ui: &mut Ui, current: Phase) -> egui::Response {
    let t = tokens(ui.ctx());
    let radius = (t.body_size * 0.8).round();
    let label_font = FontId::proportional(t.body_size);
    let caption_font = FontId::proportional(t.small_size);
    let height = 2.0 * radius + 6.0 + t.spacing + t.body_size * 1.6 + t.small_size * 1.3;
    let width = ui.available_width().min(820.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect.expand(2.0));
    let count = Phase::ALL.len();
    #[allow(clippy::cast_precision_loss, reason = "five phases")]
    let step = rect.width() / count as f32;
    let cy = rect.top() + radius + 3.0;
    let line = |done: bool| {
        Stroke::new(if done { t.stroke * 2.0 } else { t.stroke }, if done { t.accent } else { t.text_weak })
    };
    for (index, phase) in Phase::ALL.into_iter().enumerate() {
        #[allow(clippy::cast_precision_loss, reason = "five phases")]
        let cx = rect.left() + step * (index as f32 + 0.5);
        let m = mark(phase, current);
        if index + 1 < count {
            let gap = radius + 8.0;
            painter.line_segment([pos2(cx + gap, cy), pos2(cx + step - gap, cy)], line(m == Mark::Done));
        }
        let centre = pos2(cx, cy);
        let glyph = if m == Mark::Done || (m == Mark::Current && phase == Phase::Closed) {
            "✔".to_owned()
        } else {
            (index + 1).to_string()
        };
        match m {
            Mark::Done => {
                painter.circle_filled(centre, radius, t.accent);
                painter.text(centre, Align2::CENTER_CENTER, glyph, FontId::proportional(t.small_size), t.on_accent);
            }
            Mark::Current => {
                painter.circle_stroke(centre, radius + 3.0, Stroke::new(t.stroke * 2.0, t.accent));
                painter.circle_filled(centre, radius - 1.0, t.accent);
                painter.text(centre, Align2::CENTER_CENTER, glyph, FontId::proportional(t.small_size), t.on_accent);
            }
            Mark::Upcoming => {
                painter.circle(centre, radius, t.panel, Stroke::new(t.stroke, t.text_weak));
                painter.text(centre, Align2::CENTER_CENTER, glyph, FontId::proportional(t.small_size), t.text_weak);
            }
        }
        let label_y = cy + radius + 6.0 + t.spacing * 0.5 + t.body_size * 0.8;
        let colour = if m == Mark::Upcoming { t.text_weak } else { t.text };
        let galley = painter.layout_no_wrap(phase.label().to_owned(), label_font.clone(), colour);
        let label_rect = Align2::CENTER_CENTER.anchor_size(pos2(cx, label_y), galley.size());
        if m == Mark::Current {
            let pill = label_rect.expand2(vec2(t.spacing, t.spacing * 0.35));
            painter.rect_filled(pill, pill.height() / 2.0, t.raised);
            painter.rect_stroke(pill, pill.height() / 2.0, Stroke::new(t.stroke, t.accent), StrokeKind::Outside);
            let caption_y = pill.bottom() + t.small_size * 0.7;
            painter.text(pos2(cx, caption_y), Align2::CENTER_CENTER, "now", caption_font.clone(), t.accent);
        }
        painter.galley(label_rect.min, galley, colour);
    }
    let words = describe(current);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_names_the_current_phase_in_words() {
        let text = describe(Phase::Deployment);
        assert!(text.starts_with("Phase 3 of 5: Deployment."), "{text}");
        assert!(text.contains("Done: Planning, Build & Test."), "{text}");
        assert!(text.contains("Still to come: Review & Close, Closed."), "{text}");
        assert_eq!(
            describe(Phase::Closed),
            "Phase 5 of 5: Closed. Done: Planning, Build & Test, Deployment, Review & Close."
        );
    }
}
