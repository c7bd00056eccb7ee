//! The likelihood × impact heat maps: likelihood up the side (highest at
//! the top), impact along the bottom. Each cell is filled with its band's
//! colour and writes its count, score and band, so colour never carries the
//! meaning alone. Clicking a cell filters the register; risk chips in the
//! cells can be dragged (see `chips`).

use super::cache::Computed;
use super::chips::{ChipDrag, chip_size, chip_ui, move_edit};
use super::paint::{band_index, band_pill_ui, band_ranges};
use super::{MatrixLayout, RiskViewState, View};
use crate::model::Id;
use crate::risk::{MatrixCell, Position, Which, impact_label, likelihood_label};
use crate::ui::intent::Intents;
use crate::ui::theme::{Tokens, tokens};
use egui::{Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

/// One or two heat maps, side by side or one with arrows. When the window
/// is too narrow for two readable maps side by side, one is shown at a time
/// with a switch between them.
pub(super) fn matrices_ui(
    ui: &mut Ui,
    view: &View<'_>,
    computed: &Computed,
    state: &mut RiskViewState,
    out: &mut Intents,
) {
    let t = tokens(ui.ctx());
    let size = ui.available_size();
    let column = |ui: &mut Ui, w: f32, add: &mut dyn FnMut(&mut Ui)| {
        ui.allocate_ui_with_layout(vec2(w, size.y), egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.set_width(w);
            add(ui);
        });
    };
    let scale = computed.inherent.scale;
    // A cell must hold a count and the longest band name on one line.
    let min_cell = text_width(ui, "Critical", t.small_size) + t.body_size * 2.5;
    let gap = t.spacing * 2.0;
    let w = ((size.x - gap - ui.spacing().item_spacing.x * 2.0) / 2.0).max(160.0);
    let fits_two = w >= text_width(ui, "5", t.small_size) + 12.0 + min_cell * f32::from(scale);
    match state.layout {
        MatrixLayout::SideBySide if fits_two => {
            ui.horizontal_top(|ui| {
                column(ui, w, &mut |ui| matrix_ui(ui, view, computed, Which::Inherent, false, state, out));
                ui.add_space(gap);
                column(ui, w, &mut |ui| matrix_ui(ui, view, computed, Which::Residual, false, state, out));
            });
        }
        MatrixLayout::SideBySide => {
            let w = size.x.min(size.y * 2.4).max(200.0);
            column(ui, w, &mut |ui| {
                let which = state.alone;
                matrix_ui(ui, view, computed, which, false, state, out);
            });
        }
        MatrixLayout::Arrows => {
            let w = size.x.min(size.y * 2.4).max(200.0);
            column(ui, w, &mut |ui| matrix_ui(ui, view, computed, Which::Residual, true, state, out));
        }
    }
    state.narrow = state.layout == MatrixLayout::SideBySide && !fits_two;
}

/// The band legend: each band's name and score range on its colour.
pub(super) fn legend_ui(ui: &mut Ui, policy: &crate::model::RiskPolicy) {
    for (band, range) in band_ranges(policy) {
        band_pill_ui(ui, &format!("{} {range}", band.label()), band);
    }
}

/// Where a matrix's cells and labels go.
struct Geometry {
    grid: Rect,
    cell: egui::Vec2,
    scale: u8,
    words_left: bool,
    words_below: bool,
}

impl Geometry {
    fn cell_rect(&self, at: Position) -> Rect {
        let row = f32::from(self.scale - at.likelihood);
        let col = f32::from(at.impact - 1);
        Rect::from_min_size(self.grid.min + vec2(col * self.cell.x, row * self.cell.y), self.cell)
    }
}

fn text_width(ui: &Ui, text: &str, size: f32) -> f32 {
    ui.painter().layout_no_wrap(text.to_owned(), FontId::proportional(size), egui::Color32::WHITE).size().x
}

/// Works out the cell size from the room there is, with the axis words when they fit.
fn geometry(ui: &mut Ui, t: &Tokens, scale: u8) -> (Geometry, Rect) {
    let n = f32::from(scale);
    let avail = ui.available_size();
    let widest_left = (1..=scale).map(|v| text_width(ui, &format!("{v} {}", likelihood_label(scale, v)), t.small_size));
    let corner = text_width(ui, "Likelihood ⬆", t.small_size) + 10.0;
    let words_gutter = widest_left.fold(corner, f32::max) + 10.0;
    let words_left = words_gutter <= avail.x * 0.3;
    let gutter = if words_left { words_gutter } else { text_width(ui, "5", t.small_size) + 12.0 };
    let cell_w = ((avail.x - gutter) / n).clamp(40.0, 170.0);
    let widest_below = (1..=scale)
        .map(|v| text_width(ui, &format!("{v} {}", impact_label(scale, v)), t.small_size))
        .fold(0.0, f32::max);
    let words_below = widest_below + 6.0 <= cell_w;
    let below = t.small_size * 1.5 + 4.0;
    let cell_h = ((avail.y - below) / n).clamp(t.small_size * 2.4, cell_w.max(t.body_size * 4.0));
    let total = vec2(gutter + cell_w * n, cell_h * n + below);
    let (outer, _) = ui.allocate_exact_size(total, Sense::hover());
    let grid = Rect::from_min_size(outer.min + vec2(gutter, 0.0), vec2(cell_w * n, cell_h * n));
    (Geometry { grid, cell: vec2(cell_w, cell_h), scale, words_left, words_below }, outer)
}

#[allow(clippy::too_many_arguments, reason = "one matrix reads the view, its data and the view's state")]
fn matrix_ui(
    ui: &mut Ui,
    view: &View<'_>,
    computed: &Computed,
    which: Which,
    arrows: bool,
    state: &mut RiskViewState,
    out: &mut Intents,
) {
    let t = tokens(ui.ctx());
    let matrix = computed.matrix(which);
    let title = match (which, arrows) {
        (Which::Inherent, _) => "Inherent: before treatment",
        (Which::Residual, false) => "Residual: after treatment",
        (Which::Residual, true) => "Residual, with arrows from inherent positions",
    };
    ui.horizontal_wrapped(|ui| {
        if state.narrow && !arrows {
            for w in Which::BOTH {
                if ui
                    .selectable_label(state.alone == w, w.label())
                    .on_hover_text("Too narrow for both side by side")
                    .clicked()
                {
                    state.alone = w;
                }
            }
        }
        ui.label(RichText::new(title).strong());
        ui.label(RichText::new(format!("· {} risks", matrix.total())).color(t.text_weak));
        let hint = if arrows {
            "· click a cell to filter the register; move risks on the side-by-side maps"
        } else {
            "· click a cell to filter, drag a chip to move a risk"
        };
        // The hint only where it fits on the title's line.
        if text_width(ui, hint, t.small_size) + ui.spacing().item_spacing.x <= ui.available_size_before_wrap().x {
            ui.label(RichText::new(hint).size(t.small_size).color(t.text_weak));
        }
    });
    let (geo, outer) = geometry(ui, &t, matrix.scale);
    axes_ui(ui, &t, &geo, outer);
    let mut drop: Option<(ChipDrag, Position)> = None;
    for cell in &matrix.cells {
        let inherent_count = arrows.then(|| computed.inherent.cell(cell.position).count());
        let r = cell_ui(ui, &t, &geo, cell, which, inherent_count, state);
        if let Some(payload) = r.dnd_release_payload::<ChipDrag>()
            && payload.which == which
            && payload.from != cell.position
        {
            drop = Some(((*payload).clone(), cell.position));
        }
    }
    if arrows {
        // The arrows map is an overview; chips are moved on the side-by-side maps.
        arrows_ui(ui, &t, &geo, &computed.moves);
    } else {
        for cell in &matrix.cells {
            chips_ui(ui, &t, &geo, view, cell, which, state, out);
        }
    }
    if let Some((payload, to)) = drop {
        out.apply(move_edit(&payload.risk, which, to));
        state.edit(payload.risk);
    }
}

/// One cell: fill, count, score and band; a click filters the register.
fn cell_ui(
    ui: &mut Ui,
    t: &Tokens,
    geo: &Geometry,
    cell: &MatrixCell,
    which: Which,
    inherent_count: Option<usize>,
    state: &mut RiskViewState,
) -> egui::Response {
    let rect = geo.cell_rect(cell.position);
    let at = cell.position;
    let id = egui::Id::unique(("risks.cell", which, at.likelihood, at.impact));
    let response = ui.interact(rect, id, Sense::click());
    let selected = state.filter.cell == Some((which, at));
    let count = cell.count();
    response.widget_info(|| {
        let before = inherent_count.map_or_else(String::new, |n| format!(", {n} before treatment"));
        let label = format!(
            "{} cell, likelihood {}, impact {}: {count} risk{}{before}, score {}, {}",
            which.label(),
            at.likelihood,
            at.impact,
            if count == 1 { "" } else { "s" },
            cell.score,
            cell.band.label()
        );
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, label)
    });
    let i = band_index(cell.band);
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, t.bands[i]);
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, t.panel), StrokeKind::Inside);
    let on = t.on_bands[i];
    let pad = 5.0;
    // Empty cells say 0 quietly, in the small size, so the filled ones stand out.
    let count_font = FontId::proportional(if count == 0 { t.small_size } else { t.body_size + 2.0 });
    let count_text = count.to_string();
    let count_galley = painter.layout_no_wrap(count_text, count_font, on);
    let count_size = count_galley.size();
    painter.galley(rect.min + vec2(pad, 2.0), count_galley, on);
    let band_text = cell.band.label();
    let small = FontId::proportional(t.small_size);
    let band_w = text_width(ui, band_text, t.small_size);
    if band_w + count_size.x + pad * 3.0 <= rect.width() {
        painter.text(
            pos2(rect.right() - pad, rect.top() + 2.0 + count_size.y * 0.5),
            Align2::RIGHT_CENTER,
            band_text,
            small.clone(),
            on,
        );
    } else {
        // Too narrow for both on one line: the band goes under the count.
        painter.text(
            pos2(rect.left() + pad, rect.top() + count_size.y + 2.0),
            Align2::LEFT_TOP,
            band_text,
            small.clone(),
            on,
        );
    }
    if let Some(n) = inherent_count.filter(|n| *n > 0) {
        // How many risks sat here before treatment, between the count and the band when it fits.
        let before = format!("before: {n}");
        if count_size.x + text_width(ui, &before, t.small_size) + band_w + pad * 5.0 <= rect.width() {
            let at = pos2(rect.left() + pad * 2.0 + count_size.x, rect.top() + 2.0 + count_size.y * 0.5);
            painter.text(at, Align2::LEFT_CENTER, before, small, on);
        }
    }
    let dragging_here = response.dnd_hover_payload::<ChipDrag>().is_some_and(|p| p.which == which);
    if dragging_here {
        painter.rect_stroke(rect.shrink(1.0), 2.0, Stroke::new(3.0, t.text), StrokeKind::Inside);
    } else if selected {
        painter.rect_stroke(rect.shrink(1.5), 2.0, Stroke::new(3.0, t.accent), StrokeKind::Inside);
    } else if response.hovered() {
        painter.rect_stroke(rect.shrink(1.0), 2.0, Stroke::new(1.5, t.text), StrokeKind::Inside);
    }
    if response.clicked() {
        state.filter.cell = if selected { None } else { Some((which, at)) };
    }
    response.on_hover_text(if selected {
        "Show the risks of every cell"
    } else {
        "Show only this cell's risks in the register"
    })
}

/// The chips of one cell, as many as fit, the edited risk first, then "+n".
#[allow(clippy::too_many_arguments, reason = "chips need the cell, its matrix and the view's state")]
fn chips_ui(
    ui: &mut Ui,
    t: &Tokens,
    geo: &Geometry,
    view: &View<'_>,
    cell: &MatrixCell,
    which: Which,
    state: &mut RiskViewState,
    out: &mut Intents,
) {
    if cell.risks.is_empty() {
        return;
    }
    let rect = geo.cell_rect(cell.position);
    let top = t.body_size + 2.0 + 8.0;
    let bottom_reserve = if rect.height() - top > (t.small_size + 8.0) * 2.0 { t.small_size + 2.0 } else { 0.0 };
    let area = Rect::from_min_max(
        pos2(rect.left() + 4.0, rect.top() + top),
        pos2(rect.right() - 4.0, rect.bottom() - 3.0 - bottom_reserve),
    );
    let editing: Option<&Id> = state.editing.as_ref();
    let mut order: Vec<usize> = Vec::with_capacity(cell.risks.len().min(16));
    if let Some(e) = editing
        && let Some(&i) = cell.risks.iter().find(|&&i| view.book.risks.get(i).is_some_and(|r| &r.id == e))
    {
        order.push(i);
    }
    let mut cursor = area.min;
    let line_h = t.small_size + 6.0;
    let mut shown = 0;
    let rest = cell.risks.iter().copied().filter(|i| !order.contains(i));
    for i in order.clone().into_iter().chain(rest) {
        let Some(risk) = view.book.risks.get(i) else { continue };
        let size = chip_size(ui, risk.id.as_str());
        if cursor.x + size.x > area.right() && cursor.x > area.left() {
            cursor = pos2(area.left(), cursor.y + line_h + 3.0);
        }
        if cursor.y + line_h > area.bottom() || cursor.x + size.x > area.right() {
            break;
        }
        chip_ui(ui, Rect::from_min_size(cursor, size), risk, which, cell.position, geo.scale, state, out);
        cursor.x += size.x + 4.0;
        shown += 1;
    }
    // The count is written at the top; "+n" says how many chips did not fit, where there is room.
    let hidden = cell.risks.len() - shown;
    let more = format!("+{hidden}");
    if hidden > 0
        && cursor.y + line_h <= area.bottom() + 0.5
        && cursor.x + text_width(ui, &more, t.small_size) <= area.right()
    {
        let on = t.on_bands[band_index(cell.band)];
        ui.painter().text(
            pos2(cursor.x, cursor.y + line_h * 0.5),
            Align2::LEFT_CENTER,
            more,
            FontId::proportional(t.small_size),
            on,
        );
    }
}

/// Axis numbers and words; the axis names in the corner.
fn axes_ui(ui: &Ui, t: &Tokens, geo: &Geometry, outer: Rect) {
    let painter = ui.painter();
    let small = FontId::proportional(t.small_size);
    let y = geo.grid.bottom() + 4.0;
    for v in 1..=geo.scale {
        let r = geo.cell_rect(Position { likelihood: v, impact: 1 });
        let text = if geo.words_left { format!("{v} {}", likelihood_label(geo.scale, v)) } else { v.to_string() };
        painter.text(pos2(geo.grid.left() - 6.0, r.center().y), Align2::RIGHT_CENTER, text, small.clone(), t.text_weak);
        let c = geo.cell_rect(Position { likelihood: 1, impact: v });
        let text = if geo.words_below { format!("{v} {}", impact_label(geo.scale, v)) } else { v.to_string() };
        painter.text(pos2(c.center().x, y), Align2::CENTER_TOP, text, small.clone(), t.text_weak);
    }
    if geo.words_left {
        if geo.cell.y >= t.small_size * 3.6 {
            // Room above the top row's words: each axis named at its own end.
            painter.text(pos2(outer.left(), geo.grid.top()), Align2::LEFT_TOP, "Likelihood ⬆", small.clone(), t.text);
            painter.text(pos2(outer.left(), y), Align2::LEFT_TOP, "Impact ➡", small, t.text);
        } else {
            // Short rows: the bottom corner, on the impact numbers' line,
            // names that axis; the likelihood words name theirs.
            painter.text(pos2(outer.left(), y), Align2::LEFT_TOP, "Impact ➡", small, t.text);
        }
    }
}

/// Arrows from inherent to residual cells, from a small ring at the tail
/// to a head; the number in the middle is how many risks made that move.
fn arrows_ui(ui: &Ui, t: &Tokens, geo: &Geometry, moves: &[crate::risk::Movement]) {
    let painter = ui.painter();
    let mut labels = Vec::with_capacity(moves.len());
    for m in moves {
        let a = geo.cell_rect(m.from).center();
        let b = geo.cell_rect(m.to).center();
        let dir = (b - a).normalized();
        // A small sideways shift keeps the arrows of opposite moves apart.
        let side = vec2(-dir.y, dir.x) * 5.0;
        let shorten = geo.cell.min_elem() * 0.2;
        let start: Pos2 = a + dir * shorten + side;
        let end: Pos2 = b - dir * shorten + side;
        let width = t.stroke + (m.count as f32).log2().clamp(0.0, 3.0);
        let head = (t.small_size * 0.7).max(7.0) + width;
        let back = end - dir * head;
        let wing = vec2(-dir.y, dir.x) * head * 0.5;
        for (colour, extra) in [(t.panel, 3.0), (t.text, 0.0)] {
            painter.line_segment([start, back], Stroke::new(width + extra, colour));
            let tip =
                vec![end + dir * extra * 0.5, back + wing * (1.0 + extra * 0.1), back - wing * (1.0 + extra * 0.1)];
            painter.add(egui::Shape::convex_polygon(tip, colour, Stroke::NONE));
        }
        painter.circle(start, 3.0 + width * 0.5, t.panel, Stroke::new(t.stroke, t.text));
        labels.push((start + (back - start) * 0.5, m.count));
    }
    // The numbers go on top of every arrow.
    for (at, count) in labels {
        let r = t.small_size * 0.72;
        painter.circle(at, r, t.panel, Stroke::new(t.stroke, t.text));
        painter.text(at, Align2::CENTER_CENTER, count.to_string(), FontId::proportional(t.small_size * 0.85), t.text);
    }
}
