//! Drawing a slide table: fitted columns as wide as their widest cell,
//! filling columns sharing the rest, text that wraps, thin rules between
//! rows, and a closing line for the rows left out.

use super::blocks::caption;
use super::look::Look;
use crate::present::blocks::{Table, Tone, Width};
use egui::{Align, FontId, Layout, Stroke, Ui, vec2};

/// The widest share of the table a fitted column may take.
const MAX_FIT_SHARE: f32 = 0.34;

/// Draws a table.
pub fn table_ui(ui: &mut Ui, look: &Look, t: &Table) {
    caption(ui, look, &t.caption);
    if t.rows.is_empty() {
        let tone = if t.empty.starts_with('✔') {
            Tone::Good
        } else if t.empty.starts_with('⚠') {
            Tone::Warning
        } else {
            Tone::Weak
        };
        ui.label(look.text(&t.empty, look.body(), tone));
        return;
    }
    let width = ui.available_width();
    let pad = look.px(18.0);
    let widths = column_widths(ui, look, t, width, pad);
    let header: Vec<(egui::RichText, f32)> =
        t.columns.iter().map(|c| (look.text(&c.header, look.small(), Tone::Weak).strong(), 0.0)).collect();
    row_ui(ui, &widths, pad, header);
    rule(ui, look, width, look.t.text_weak);
    for row in &t.rows {
        let cells = row
            .cells
            .iter()
            .map(|c| {
                let size = cell_size(look, c.tone);
                (look.text(&c.text, size, c.tone), (look.body() - size) * 0.6)
            })
            .collect();
        row_ui(ui, &widths, pad, cells);
        rule(ui, look, width, look.rule());
    }
    if t.more > 0 {
        ui.add_space(look.px(4.0));
        let more = if t.more == 1 { "and 1 more".to_owned() } else { format!("and {} more", t.more) };
        ui.label(look.text(&more, look.small(), Tone::Weak));
    }
}

/// Secondary text (ids, dates, remarks) is set smaller than the rest.
fn cell_size(look: &Look, tone: Tone) -> f32 {
    if tone == Tone::Weak { look.small() } else { look.body() }
}

/// One row: each cell in its column's width, text wrapping inside it.
/// Smaller text sits a little lower, so that first lines share a baseline.
/// The row's own padding is its only space, so that rows stay as close
/// together as reading allows and a slide holds as many as it can.
fn row_ui(ui: &mut Ui, widths: &[f32], pad: f32, cells: Vec<(egui::RichText, f32)>) {
    ui.add_space(pad * 0.3);
    let spacing = std::mem::replace(&mut ui.spacing_mut().item_spacing.y, 0.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for ((cell, drop), &w) in cells.into_iter().zip(widths) {
            ui.allocate_ui_with_layout(vec2(w, 0.0), Layout::top_down(Align::LEFT), |ui| {
                ui.set_width(w - pad);
                ui.add_space(drop);
                ui.add(egui::Label::new(cell).wrap());
            });
            ui.add_space(pad);
        }
    });
    ui.spacing_mut().item_spacing.y = spacing;
    ui.add_space(pad * 0.3);
}

fn rule(ui: &mut Ui, look: &Look, width: f32, colour: egui::Color32) {
    let y = ui.cursor().top();
    let x = ui.cursor().left();
    ui.painter().hline(x..=x + width, y, Stroke::new(look.px(1.5), colour));
    ui.add_space(look.px(2.0));
}

/// The width of each column (padding included): fitted columns as wide as
/// their widest text (within a share of the table), the rest shared by weight.
fn column_widths(ui: &Ui, look: &Look, t: &Table, width: f32, pad: f32) -> Vec<f32> {
    let measure = |text: &str, size: f32| {
        ui.painter().layout_no_wrap(text.to_owned(), FontId::proportional(size), look.t.text).size().x
    };
    let mut widths: Vec<Option<f32>> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| match c.width {
            Width::Fill(_) => None,
            Width::Fit => {
                let header = measure(&c.header, look.small());
                let cells =
                    t.rows.iter().filter_map(|r| r.cells.get(i)).map(|x| measure(&x.text, cell_size(look, x.tone)));
                let widest = cells.fold(header, f32::max);
                Some((widest + pad + look.px(6.0)).min(width * MAX_FIT_SHARE))
            }
        })
        .collect();
    let fitted: f32 = widths.iter().flatten().sum();
    let weights: f32 = t.columns.iter().map(|c| if let Width::Fill(w) = c.width { w } else { 0.0 }).sum();
    // Fitted columns never squeeze the filling ones below 40 % of the table.
    let room_for_fits = if weights > 0.0 { width * 0.6 } else { width };
    if fitted > room_for_fits {
        let k = room_for_fits / fitted;
        widths.iter_mut().flatten().for_each(|w| *w *= k);
    }
    let fitted: f32 = widths.iter().flatten().sum();
    let rest = (width - fitted).max(0.0);
    widths
        .iter()
        .zip(&t.columns)
        .map(|(w, c)| match (w, c.width) {
            (Some(w), _) => *w,
            (None, Width::Fill(weight)) if weights > 0.0 => rest * weight / weights,
            (None, _) => rest,
        })
        .map(f32::floor)
        .collect()
}
