//! Dialogs that fit the window, whatever its size and theme.
//!
//! A dialog is its title, a body that may grow (a list, a preview, a form)
//! and its buttons. [`fit_ui`] wraps the whole dialog and [`body_ui`] its
//! body: the body scrolls, and is never taller than the room the window
//! leaves once the title and the buttons are drawn, so that those stay on
//! screen. What the title and the buttons take is measured as they are
//! drawn and used from the next frame on; a modal's first frame is only
//! measured, never shown, and a change of size asks for another frame.
//! [`body_ui`] also serves alone, as the command palette's list.
//!
//! Scroll areas in a body keep their scroll bar beside the content
//! instead of floating over it (egui's default): a floating bar covers the
//! end of the lines under it (a shortcut, a button), and it is hidden until
//! the pointer comes near, so nothing says that the dialog scrolls.

use egui::{Id, Ui};

/// The least height a body is given, however small the window.
const MIN_BODY: f32 = 80.0;

/// What a dialog measured of itself the last time it was drawn.
#[derive(Clone, Copy, Debug, Default)]
struct Measured {
    /// The height of everything but the body.
    rest: f32,
    /// The size of the whole content.
    size: egui::Vec2,
}

impl Measured {
    /// Whether the two differ by less than half a point.
    fn close_to(&self, other: &Measured) -> bool {
        (self.rest - other.rest).abs() < 0.5 && (self.size - other.size).length() < 0.5
    }
}

/// The dialog being drawn: the room for its body, and the height its
/// bodies took so far.
#[derive(Clone, Copy, Debug, Default)]
struct Drawing {
    room: f32,
    body: f32,
}

fn drawing_id() -> Id {
    Id::unique("relplan.dialog_fit.drawing")
}

/// The height a dialog's content can take in this window: all of it but a
/// gap above and below, and the dialog's frame.
fn window_room(ui: &Ui) -> f32 {
    let gap = super::theme::tokens(ui.ctx()).spacing * 2.0;
    let frame = egui::Frame::popup(ui.style()).total_margin().sum().y;
    ui.ctx().content_rect().height() - 2.0 * gap - frame
}

/// Draws a dialog's content with `add`, which draws the title, calls
/// [`body_ui`] for the part that may grow, then draws the buttons. `id`
/// names the dialog, to remember its measures between frames.
pub fn fit_ui<R>(ui: &mut Ui, id: Id, add: impl FnOnce(&mut Ui) -> R) -> R {
    let measured: Option<Measured> = ui.data(|d| d.get_temp(id));
    let window = window_room(ui);
    // Before the first measure, a guess; that frame is not shown.
    let room = measured.map_or(window * 0.6, |m| window - m.rest).max(MIN_BODY);
    let outer = ui.data_mut(|d| {
        let outer = d.get_temp::<Drawing>(drawing_id());
        d.insert_temp(drawing_id(), Drawing { room, body: 0.0 });
        outer
    });
    let top = ui.min_rect().top();
    let inner = add(ui);
    let drawn = ui.data_mut(|d| {
        let drawn = d.get_temp::<Drawing>(drawing_id());
        match outer {
            Some(outer) => {
                d.insert_temp(drawing_id(), outer);
            }
            None => d.remove::<Drawing>(drawing_id()),
        }
        drawn
    });
    let size = egui::vec2(ui.min_rect().width(), ui.min_rect().bottom() - top);
    let now = Measured { rest: size.y - drawn.map_or(0.0, |d| d.body), size };
    if measured.is_none_or(|m| !m.close_to(&now)) {
        ui.data_mut(|d| d.insert_temp(id, now));
        // The modal places itself with last frame's size: draw again.
        ui.ctx().request_repaint();
    }
    inner
}

/// The part of a dialog that may grow: it scrolls, at most `max_height`
/// tall and never taller than the window leaves it (see [`fit_ui`]; out of
/// it, three fifths of the window). `add` is given the height the body may
/// take, to share it out; scroll areas in it keep their bars beside the
/// content too.
pub fn body_ui<R>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    max_height: f32,
    add: impl FnOnce(&mut Ui, f32) -> R,
) -> R {
    let drawing = ui.data(|d| d.get_temp::<Drawing>(drawing_id()));
    let room = drawing.map_or_else(|| window_room(ui) * 0.6, |d| (d.room - d.body).max(MIN_BODY));
    let height = max_height.min(room);
    // As tall as the content up to `height`; never held back by the
    // modal's size last frame, which is what the available height is.
    let top = ui.cursor().top();
    let inner = ui
        .scope(|ui| {
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            egui::ScrollArea::vertical()
                .id_salt(id_salt)
                .max_height(height)
                .min_scrolled_height(height)
                .show(ui, |ui| add(ui, height))
                .inner
        })
        .inner;
    let used = (ui.min_rect().bottom() - top).max(0.0);
    if let Some(mut d) = drawing {
        d.body += used;
        ui.data_mut(|data| data.insert_temp(drawing_id(), d));
    }
    inner
}
