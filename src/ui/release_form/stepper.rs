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
    let width = ui.available_width().min(820.0);
    let count = Phase::ALL.len();
    #[allow(clippy::cast_precision_loss, reason = "five phases")]
    let step = width / count as f32;
    // A label wider than its share of the row (a narrow window, a large
    // theme) is set on two lines rather than running into its neighbour.
    let room = step - t.spacing * 2.5;
    let labels: Vec<Vec<String>> = Phase::ALL
        .iter()
        .map(|p| {
            let wide = ui.painter().layout_no_wrap(p.label().to_owned(), label_font.clone(), t.text).size().x;
            if wide > room { two_lines(p.label()) } else { vec![p.label().to_owned()] }
        })
        .collect();
    let lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    #[allow(clippy::cast_precision_loss, reason = "one or two lines")]
    let extra = (lines - 1) as f32 * t.body_size * 1.2;
    // The current phase's ring reaches 3 points and its stroke beyond the circle.
    let ring = 3.0 + t.stroke * 2.0;
    let height = 2.0 * radius + 2.0 * ring + t.spacing + t.body_size * 1.6 + extra + t.small_size * 1.3;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect.expand(2.0));
    let cy = rect.top() + radius + ring;
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
        let colour = if m == Mark::Upcoming { t.text_weak } else { t.text };
        let galleys: Vec<_> =
            labels[index].iter().map(|line| painter.layout_no_wrap(line.clone(), label_font.clone(), colour)).collect();
        let line_height = galleys.iter().map(|g| g.size().y).fold(0.0, f32::max);
        let block_width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
        #[allow(clippy::cast_precision_loss, reason = "one or two lines")]
        let block = vec2(block_width, line_height * galleys.len() as f32);
        let top = cy + radius + ring + t.spacing * 0.5 + t.body_size * 0.8 - line_height / 2.0;
        let label_rect = Align2::CENTER_TOP.anchor_size(pos2(cx, top), block);
        if m == Mark::Current {
            let pill = label_rect.expand2(vec2(t.spacing, t.spacing * 0.35));
            painter.rect_filled(pill, line_height.min(pill.height()) / 2.0, t.raised);
            painter.rect_stroke(
                pill,
                line_height.min(pill.height()) / 2.0,
                Stroke::new(t.stroke, t.accent),
                StrokeKind::Outside,
            );
            let caption_y = pill.bottom() + t.small_size * 0.7;
            painter.text(pos2(cx, caption_y), Align2::CENTER_CENTER, "now", caption_font.clone(), t.accent);
        }
        for (i, galley) in galleys.into_iter().enumerate() {
            #[allow(clippy::cast_precision_loss, reason = "one or two lines")]
            let y = label_rect.top() + line_height * i as f32;
            painter.galley(pos2(cx - galley.size().x / 2.0, y), galley, colour);
        }
    }
    let words = describe(current);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
    response
}

/// A phase's name on two lines, split at the space nearest its middle
/// ("Review &" / "Close"); a one-word name stays whole.
fn two_lines(label: &str) -> Vec<String> {
    let middle = label.len() / 2;
    // From the end, so a tie keeps "&" with the first word.
    let split = label.match_indices(' ').rev().map(|(i, _)| i).min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![label[..i].to_owned(), label[i + 1..].to_owned()],
        None => vec![label.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_split_at_the_space_nearest_the_middle() {
        assert_eq!(two_lines("Review & Close"), ["Review &", "Close"]);
        assert_eq!(two_lines("Build & Test"), ["Build &", "Test"]);
        assert_eq!(two_lines("Deployment"), ["Deployment"]);
    }

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
