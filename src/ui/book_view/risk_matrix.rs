//! A small likelihood × impact matrix that shows where the policy's bands
//! fall. Each cell writes its score, so colour never carries the meaning alone.

use crate::model::RiskPolicy;
use crate::ui::theme;
use egui::{Align2, FontId, Rect, RichText, Sense, Ui, vec2};

/// Paints the matrix: likelihood up the side (highest at the top), impact
/// along the bottom, each cell filled with its band's colour.
pub(super) fn risk_matrix_ui(ui: &mut Ui, risk: &RiskPolicy) {
    let t = theme::tokens(ui.ctx());
    let n = risk.scale.clamp(1, 7);
    let cell = (t.row_height * 0.8).round();
    let gutter = cell * 0.6;
    ui.vertical(|ui| {
        ui.label(RichText::new("Likelihood ⬆  ×  impact ➡").color(t.text_weak));
        let size = vec2(gutter + cell * f32::from(n), gutter + cell * f32::from(n));
        let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Image,
                true,
                format!("Risk matrix, {n} × {n}: the scores of each band are listed under Bands"),
            )
        });
        let painter = ui.painter_at(rect);
        let font = FontId::proportional(t.small_size);
        let grid_line = egui::Stroke::new(1.0, t.panel);
        for likelihood in 1..=n {
            let row = f32::from(n - likelihood);
            let y = rect.top() + row * cell;
            painter.text(
                egui::pos2(rect.left() + gutter * 0.5, y + cell * 0.5),
                Align2::CENTER_CENTER,
                likelihood.to_string(),
                font.clone(),
                t.text_weak,
            );
            for impact in 1..=n {
                let x = rect.left() + gutter + f32::from(impact - 1) * cell;
                let cell_rect = Rect::from_min_size(egui::pos2(x, y), vec2(cell, cell));
                let score = likelihood.saturating_mul(impact);
                let band = risk.band(score) as usize;
                painter.rect_filled(cell_rect, 0.0, t.bands[band]);
                painter.rect_stroke(cell_rect, 0.0, grid_line, egui::StrokeKind::Inside);
                painter.text(
                    cell_rect.center(),
                    Align2::CENTER_CENTER,
                    score.to_string(),
                    font.clone(),
                    t.on_bands[band],
                );
            }
        }
        for impact in 1..=n {
            let x = rect.left() + gutter + (f32::from(impact) - 0.5) * cell;
            let y = rect.top() + f32::from(n) * cell + gutter * 0.5;
            painter.text(egui::pos2(x, y), Align2::CENTER_CENTER, impact.to_string(), font.clone(), t.text_weak);
        }
    });
}
