//! Drawing a slide's blocks: big numbers, facts, text, callouts and the
//! phase track here; tables, the calendar excerpt and the risk matrix in
//! files of their own.

use super::look::Look;
use crate::present::blocks::{Block, Fact, PhaseStep, Stat, StepState, Tone};
use egui::{Align, Layout, Sense, Stroke, Ui, vec2};

/// Draws blocks one under the other, with a gap between them.
pub fn blocks_ui(ui: &mut Ui, look: &Look, blocks: &[Block]) {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            ui.add_space(look.gap());
        }
        block_ui(ui, look, block);
    }
}

fn block_ui(ui: &mut Ui, look: &Look, block: &Block) {
    match block {
        Block::Stats(stats) => stats_ui(ui, look, stats),
        Block::Facts(facts) => facts_ui(ui, look, facts),
        Block::Summary(facts) => summary_ui(ui, look, facts),
        Block::Table(t) => super::table::table_ui(ui, look, t),
        Block::Text { label, text } => {
            caption(ui, look, label);
            ui.label(look.text(text, look.body(), Tone::Normal));
        }
        Block::Callout(cell) => {
            egui::Frame::new()
                .stroke(Stroke::new(look.px(3.0), look.colour(cell.tone)))
                .corner_radius(look.px(10.0))
                .inner_margin(look.px(18.0))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(look.text(&cell.text, look.body(), cell.tone));
                });
        }
        Block::Phases(steps) => phases_ui(ui, look, steps),
        Block::Timeline(t) => super::timeline::timeline_ui(ui, look, t),
        Block::Matrix(m) => super::matrix::matrix_ui(ui, look, m),
    }
}

/// A caption above a block.
pub fn caption(ui: &mut Ui, look: &Look, text: &str) {
    if !text.is_empty() {
        ui.label(look.text(text, look.small(), Tone::Weak).strong());
        ui.add_space(look.px(4.0));
    }
}

/// Tiles with a big number over a caption, as many to a row as fit; the
/// tiles of a row are as tall as its tallest, whose caption may wrap.
fn stats_ui(ui: &mut Ui, look: &Look, stats: &[Stat]) {
    let gap = look.px(20.0);
    let width = ui.available_width();
    let per_row = (((width + gap) / (look.px(250.0) + gap)).floor() as usize).clamp(1, stats.len().max(1));
    let tile = ((width - gap * (per_row as f32 - 1.0)) / per_row as f32).floor();
    let stroke = look.px(2.0);
    for row in stats.chunks(per_row) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            let mut tiles = Vec::new();
            for stat in row {
                // The tile is painted behind its text once the row's height is known.
                let behind = ui.painter().add(egui::Shape::Noop);
                let placed = ui.allocate_ui_with_layout(vec2(tile, 0.0), Layout::top_down(Align::LEFT), |ui| {
                    egui::Frame::new().inner_margin(look.px(16.0) + stroke).show(ui, |ui| {
                        ui.set_width(tile - 2.0 * (look.px(16.0) + stroke));
                        ui.label(look.text(&stat.value, look.stat(), stat.tone).strong());
                        ui.label(look.text(&stat.caption, look.small(), Tone::Normal));
                    });
                });
                tiles.push((behind, placed.response.rect, stat.tone));
            }
            let height = tiles.iter().map(|(_, rect, _)| rect.height()).fold(0.0, f32::max);
            for (behind, rect, tone) in tiles {
                let rect = egui::Rect::from_min_size(rect.min, vec2(tile, height));
                let shape = egui::epaint::RectShape::new(
                    rect,
                    look.px(10.0),
                    look.tint(),
                    Stroke::new(stroke, look.colour(tone)),
                    egui::StrokeKind::Inside,
                );
                ui.painter().set(behind, shape);
            }
        });
        ui.add_space(gap * 0.6);
    }
}

/// Labels and values: side by side when there is room, else stacked.
fn facts_ui(ui: &mut Ui, look: &Look, facts: &[Fact]) {
    let width = ui.available_width();
    let label_width = look.px(280.0);
    let stacked = width < look.px(760.0);
    for fact in facts {
        if stacked {
            ui.label(look.text(&fact.label, look.small(), Tone::Weak));
            ui.label(look.text(&fact.value.text, look.body(), fact.value.tone));
            ui.add_space(look.px(10.0));
            continue;
        }
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(vec2(label_width, 0.0), Layout::top_down(Align::LEFT), |ui| {
                ui.set_width(label_width);
                ui.add_space(look.px(5.0));
                ui.label(look.text(&fact.label, look.small(), Tone::Weak));
            });
            ui.vertical(|ui| {
                ui.set_max_width(width - label_width - look.px(12.0));
                ui.label(look.text(&fact.value.text, look.body(), fact.value.tone));
            });
        });
        ui.add_space(look.px(8.0));
    }
}

/// Labelled values side by side, wrapping to the next line when needed.
fn summary_ui(ui: &mut Ui, look: &Look, facts: &[Fact]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(look.px(56.0), look.px(12.0));
        for fact in facts {
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = look.px(2.0);
                ui.label(look.text(&fact.label, look.small(), Tone::Weak));
                ui.label(look.text(&fact.value.text, look.body(), fact.value.tone));
            });
        }
    });
}

/// The four working phases as segments, the current one filled.
fn phases_ui(ui: &mut Ui, look: &Look, steps: &[PhaseStep]) {
    let gap = look.px(12.0);
    let width = ui.available_width();
    let n = steps.len().max(1) as f32;
    let seg = ((width - gap * (n - 1.0)) / n).floor();
    let height = look.px(64.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for step in steps {
            ui.allocate_ui_with_layout(vec2(seg, 0.0), Layout::top_down(Align::LEFT), |ui| {
                let (rect, response) = ui.allocate_exact_size(vec2(seg, height), Sense::hover());
                let (fill, text, stroke, word) = match step.state {
                    StepState::Current => (look.t.accent, look.t.on_accent, look.t.accent, "now"),
                    StepState::Done => (look.tint(), look.t.text, look.rule(), "done"),
                    StepState::Next => (egui::Color32::WHITE, look.t.text_weak, look.rule(), "to come"),
                };
                let painter = ui.painter();
                painter.rect(rect, look.px(10.0), fill, Stroke::new(look.px(2.0), stroke), egui::StrokeKind::Inside);
                let label = match step.state {
                    StepState::Done => format!("✔ {}", step.phase.label()),
                    StepState::Current => format!("▶ {}", step.phase.label()),
                    StepState::Next => step.phase.label().to_owned(),
                };
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    &label,
                    egui::FontId::proportional(look.body()),
                    text,
                );
                let name = format!("{}, {word}, {}", step.phase.label(), step.dates);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                ui.add_space(look.px(6.0));
                ui.label(look.text(&step.dates, look.small(), Tone::Weak));
            });
        }
    });
}
