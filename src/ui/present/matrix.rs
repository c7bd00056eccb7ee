//! Drawing the risk heat map of a slide: likelihood up, impact across,
//! each cell in its band's colour with the number of risks written in it,
//! and a key that names the bands (colour never carries meaning alone).

use super::blocks::caption;
use super::look::Look;
use crate::model::Band;
use crate::present::blocks::{RiskMatrix, Tone};
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

/// Draws the matrix with an accessible description of its counts.
pub fn matrix_ui(ui: &mut Ui, look: &Look, m: &RiskMatrix) {
    caption(ui, look, &m.caption);
    let n = usize::from(m.scale.max(1));
    let axis = look.px(56.0);
    let cell = ((ui.available_width() - axis) / n as f32).min(look.px(104.0)).floor();
    let size = vec2(axis + cell * n as f32, cell * n as f32 + axis);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let grid = Rect::from_min_size(pos2(rect.left() + axis, rect.top()), vec2(cell * n as f32, cell * n as f32));
    let small = FontId::proportional(look.small());
    for c in &m.cells {
        let col = usize::from(c.impact.max(1)) - 1;
        let row = n - usize::from(c.likelihood.max(1));
        let r = Rect::from_min_size(
            pos2(grid.left() + col as f32 * cell, grid.top() + row as f32 * cell),
            vec2(cell, cell),
        );
        let band = c.band as usize;
        let full = look.t.bands[band];
        let fill = if c.count > 0 { full } else { full.gamma_multiply(0.28).blend(Color32::from_white_alpha(0)) };
        painter.rect(r.shrink(look.px(2.0)), look.px(6.0), fill, Stroke::NONE, egui::StrokeKind::Inside);
        if c.count > 0 {
            painter.text(
                r.center(),
                Align2::CENTER_CENTER,
                c.count.to_string(),
                FontId::proportional(look.px(40.0)),
                look.t.on_bands[band],
            );
        }
    }
    for i in 0..n {
        let value = (i + 1).to_string();
        let y = grid.bottom() - (i as f32 + 0.5) * cell;
        painter.text(
            pos2(grid.left() - look.px(12.0), y),
            Align2::RIGHT_CENTER,
            &value,
            small.clone(),
            look.t.text_weak,
        );
        let x = grid.left() + (i as f32 + 0.5) * cell;
        painter.text(
            pos2(x, grid.bottom() + look.px(6.0)),
            Align2::CENTER_TOP,
            &value,
            small.clone(),
            look.t.text_weak,
        );
    }
    painter.text(pos2(grid.center().x, rect.bottom()), Align2::CENTER_BOTTOM, "Impact ➡", small.clone(), look.t.text);
    let name = describe(m);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    ui.add_space(look.px(6.0));
    ui.label(look.text("Likelihood ⬆ · numbers are risks in each cell", look.small(), Tone::Weak));
    key_ui(ui, look);
}

/// The bands' names beside their colours.
fn key_ui(ui: &mut Ui, look: &Look) {
    ui.horizontal_wrapped(|ui| {
        for band in Band::ALL {
            let (r, _) = ui.allocate_exact_size(vec2(look.px(22.0), look.px(22.0)), Sense::hover());
            ui.painter().rect_filled(r, look.px(4.0), look.t.bands[band as usize]);
            ui.label(look.text(band.label(), look.small(), Tone::Normal));
            ui.add_space(look.px(10.0));
        }
    });
}

/// The matrix in words: the occupied cells with their counts.
fn describe(m: &RiskMatrix) -> String {
    let cells: Vec<String> = m
        .cells
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            format!(
                "{} at likelihood {} impact {} (score {}, {})",
                c.count,
                c.likelihood,
                c.impact,
                c.score,
                c.band.label().to_lowercase()
            )
        })
        .collect();
    if cells.is_empty() {
        format!("{}: no open risks", m.caption)
    } else {
        format!("{}: {}", m.caption, cells.join("; "))
    }
}
