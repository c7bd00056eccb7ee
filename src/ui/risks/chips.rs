//! Risk chips in the heat map: each names a risk, opens it when clicked,
//! and moves it when dragged to another cell or when focused and moved with
//! the arrow keys (up and down change the likelihood, left and right the
//! impact). A move sets both likelihood and impact in one undo step.

use super::RiskViewState;
use crate::edit::{Edit, EditError, Path};
use crate::model::{Id, Risk};
use crate::risk::{Position, Which};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, Ui, vec2};

/// What a dragged chip carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ChipDrag {
    /// The risk.
    pub risk: Id,
    /// Which of its assessments the chip stands for.
    pub which: Which,
    /// Where it was.
    pub from: Position,
}

/// The edit that moves a risk's inherent or residual assessment to a cell.
pub(super) fn move_edit(risk: &Id, which: Which, to: Position) -> Result<Edit, EditError> {
    let at = Path::root().item("risks", risk);
    let (likelihood, impact) = which.fields();
    Ok(Edit::Group {
        name: format!(
            "Move {risk} {} to likelihood {} × impact {}",
            which.label().to_lowercase(),
            to.likelihood,
            to.impact
        ),
        edits: vec![Edit::set(at.clone(), likelihood, &to.likelihood)?, Edit::set(at, impact, &to.impact)?],
    })
}

/// The size of a chip showing `text` in the theme's small font.
pub(super) fn chip_size(ui: &Ui, text: &str) -> egui::Vec2 {
    let t = tokens(ui.ctx());
    let galley = ui.painter().layout_no_wrap(text.to_owned(), FontId::proportional(t.small_size), t.text);
    vec2(galley.size().x + 10.0, t.small_size + 6.0)
}

/// Draws one chip in `rect` and handles its click, drag and keys.
#[allow(clippy::too_many_arguments, reason = "a chip needs its place, risk, matrix and the view's state")]
pub(super) fn chip_ui(
    ui: &mut Ui,
    rect: Rect,
    risk: &Risk,
    which: Which,
    at: Position,
    scale: u8,
    state: &mut RiskViewState,
    out: &mut Intents,
) {
    let t = tokens(ui.ctx());
    let id = egui::Id::unique(("risks.chip", which, &risk.id));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let title = if risk.title.trim().is_empty() { "untitled" } else { risk.title.as_str() };
    response.widget_info(|| {
        let label =
            format!("{} chip {}: {title}, likelihood {}, impact {}", which.label(), risk.id, at.likelihood, at.impact);
        egui::WidgetInfo::labeled(egui::Role::Button, true, label)
    });
    response.dnd_set_drag_payload(ChipDrag { risk: risk.id.clone(), which, from: at });
    let editing = state.editing.as_ref() == Some(&risk.id);
    let painter = ui.painter();
    let (fill, text_colour) = if editing { (t.accent, t.on_accent) } else { (t.panel, t.text) };
    if response.dragged() {
        // Leave a faint outline where the chip was; the chip follows the pointer.
        painter.rect_stroke(rect, 4.0, Stroke::new(1.0, t.text_weak), StrokeKind::Inside);
        if let Some(pointer) = ui.ctx().pointer_interact_pos() {
            let layer = egui::LayerId::new(egui::Order::Tooltip, id);
            let ghost = Rect::from_center_size(pointer, rect.size());
            let p = ui.ctx().layer_painter(layer);
            p.rect(ghost, 4.0, fill, Stroke::new(t.stroke + 1.0, t.text), StrokeKind::Inside);
            p.text(
                ghost.center(),
                Align2::CENTER_CENTER,
                risk.id.as_str(),
                FontId::proportional(t.small_size),
                text_colour,
            );
        }
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    } else {
        painter.rect(rect, 4.0, fill, Stroke::new(t.stroke, t.text), StrokeKind::Inside);
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            risk.id.as_str(),
            FontId::proportional(t.small_size),
            text_colour,
        );
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
        }
    }
    if response.has_focus() {
        painter.rect_stroke(rect.expand(2.0), 5.0, Stroke::new(2.0, t.accent), StrokeKind::Outside);
        keys_ui(ui, id, &risk.id, which, at, scale, state, out);
    }
    if response.clicked() {
        state.edit(risk.id.clone());
    }
    response.on_hover_ui(|ui| {
        ui.label(format!(
            "{} “{title}”\n{} likelihood {} × impact {}\nDrag to another cell, or focus and use the arrow keys, to move it.",
            risk.id,
            which.label(),
            at.likelihood,
            at.impact
        ));
    });
}

/// Arrow keys on a focused chip move the risk one cell.
#[allow(clippy::too_many_arguments, reason = "the chip's identity, position and the view's state")]
fn keys_ui(
    ui: &mut Ui,
    id: egui::Id,
    risk: &Id,
    which: Which,
    at: Position,
    scale: u8,
    state: &mut RiskViewState,
    out: &mut Intents,
) {
    // Keep the focus on the chip when arrow keys are pressed.
    let filter = egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, ..Default::default() };
    ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
    let mut step = (0i16, 0i16);
    ui.input_mut(|i| {
        use egui::{Key, Modifiers};
        if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            step.0 += 1;
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            step.0 -= 1;
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowRight) {
            step.1 += 1;
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowLeft) {
            step.1 -= 1;
        }
    });
    if step == (0, 0) {
        return;
    }
    let to = at.moved(step.0, step.1, scale);
    if to != at {
        out.apply(move_edit(risk, which, to));
        state.edit(risk.clone());
    }
}
