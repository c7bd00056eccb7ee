//! Editable lists of entities: add, remove and reorder.

use crate::edit::{Edit, Entity, Path};
use crate::ui::intent::Intents;
use egui::Ui;
use serde::Serialize;

/// What a list row shows in its header.
pub struct ListRow {
    /// The row's title.
    pub title: String,
    /// A short status after the title (e.g. "Met").
    pub status: String,
}

/// Shows a list of entities, each as a collapsible card with buttons to
/// move it up or down and to remove it, and an "Add" button at the end.
///
/// `row` gives each entity's header; `body` shows its fields; `new_item`
/// makes the entity that "Add" inserts (with the id the book hands out next).
#[allow(clippy::too_many_arguments, reason = "a list has this many parts")]
pub fn list_ui<T: Entity + Serialize>(
    ui: &mut Ui,
    out: &mut Intents,
    at: &Path,
    list: &str,
    noun: &str,
    items: &[T],
    row: impl Fn(&T) -> ListRow,
    mut body: impl FnMut(&mut Ui, &T, Path, &mut Intents),
    new_item: impl FnOnce() -> T,
) {
    let count = items.len();
    for (index, item) in items.iter().enumerate() {
        let id = item.id();
        let item_at = at.clone().item(list, id);
        let head = row(item);
        let number = index + 1;
        let title = if head.title.trim().is_empty() { format!("{noun} {number}") } else { head.title.clone() };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let state_id = ui.make_persistent_id((&item_at, "card"));
            let mut title_clicked = false;
            // A click on the calendar asked for this one: open it and bring it into view.
            let reveal = crate::ui::release_form::reveal::take(ui.ctx(), &item_at);
            let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), state_id, false);
            if reveal {
                state.set_open(true);
            }
            let (_, header, _) = state
                .show_header(ui, |ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        row_buttons(ui, out, at, list, noun, id, index, count);
                        if !head.status.is_empty() {
                            // The status takes what the whole title leaves; when
                            // both cannot fit, it gives way first, keeping two
                            // fifths of the row, shortened with "…".
                            let font = egui::TextStyle::Body.resolve(ui.style());
                            let color = ui.visuals().text_color();
                            let title_width =
                                ui.painter().layout_no_wrap(format!("{number}. {title}"), font, color).size().x;
                            let room = ui.available_width() - title_width - ui.spacing().item_spacing.x * 2.0;
                            let most = room.max(ui.available_width() * 0.4);
                            ui.scope(|ui| {
                                ui.set_max_width(most);
                                ui.add(egui::Label::new(egui::RichText::new(&head.status).weak()).truncate())
                                    .on_hover_text(&head.status);
                            });
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let text = egui::RichText::new(format!("{number}. {title}")).strong();
                            let title = ui.add(egui::Label::new(text).truncate().sense(egui::Sense::click()));
                            title_clicked = title.clicked();
                        });
                    });
                })
                .body(|ui| body(ui, item, item_at.clone(), out));
            if reveal {
                header.response.scroll_to_me(Some(egui::Align::Min));
            }
            if title_clicked {
                let mut state =
                    egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), state_id, false);
                state.toggle(ui);
                state.store(ui.ctx());
            }
        });
    }
    if ui.button(format!("Add {noun}")).clicked() {
        out.apply(Edit::insert(at.clone(), list, count, &new_item()));
    }
}

/// The remove, move down and move up buttons of a list row.
#[allow(clippy::too_many_arguments, reason = "the row's place in its list")]
fn row_buttons(
    ui: &mut Ui,
    out: &mut Intents,
    at: &Path,
    list: &str,
    noun: &str,
    id: &crate::model::Id,
    index: usize,
    count: usize,
) {
    let number = index + 1;
    let labelled = |r: &egui::Response, enabled: bool, text: String| {
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &text));
    };
    let remove = ui.small_button("🗙").on_hover_text(format!("Remove {noun} {number}"));
    labelled(&remove, true, format!("Remove {noun} {number}"));
    if remove.clicked() {
        out.apply(Ok(Edit::remove(at.clone(), list, id)));
    }
    let can_down = index + 1 < count;
    let down =
        ui.add_enabled(can_down, egui::Button::new("⬇").small()).on_hover_text(format!("Move {noun} {number} down"));
    labelled(&down, can_down, format!("Move {noun} {number} down"));
    if down.clicked() {
        out.apply(Ok(Edit::move_to(at.clone(), list, id, index + 1)));
    }
    let up =
        ui.add_enabled(index > 0, egui::Button::new("⬆").small()).on_hover_text(format!("Move {noun} {number} up"));
    labelled(&up, index > 0, format!("Move {noun} {number} up"));
    if up.clicked() {
        out.apply(Ok(Edit::move_to(at.clone(), list, id, index - 1)));
    }
}
