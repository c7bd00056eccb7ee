//! A list of references shown as removable chips, with a pick-list to add
//! one more: linked changes, known errors, informed people, step
//! dependencies, configuration items touched.

use super::picks::PICK_WIDTH;
use crate::edit::Edit;
use crate::model::Id;
use crate::ui::intent::Intent;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Create, Fields, RefOption, new_entity_ui};
use egui::{RichText, Ui};

/// A grid row: `label`, then a chip per id in `current` (each with a
/// remove button) and a pick-list titled `add` of the options not yet in
/// the list. Any change sets the whole list field `field`. With `create`,
/// a "New …" button adds a new record to the book and to the list as one
/// undo step.
#[allow(clippy::too_many_arguments, reason = "a grid row of one list field, read at each call site like a sentence")]
pub(super) fn chips_row(
    f: &mut Fields<'_>,
    ui: &mut Ui,
    label: &str,
    field: &str,
    current: &[Id],
    options: &[RefOption],
    add: &str,
    create: Option<Create>,
) {
    let t = tokens(ui.ctx());
    ui.label(label);
    let mut next: Option<Vec<Id>> = None;
    let rest: Vec<&RefOption> = options.iter().filter(|o| !current.contains(&o.id)).collect();
    // Chips wrap on their own lines; the pick-list always starts a line
    // of its own at the left edge, so it never jumps around.
    ui.vertical(|ui| {
        if !current.is_empty() {
            // The chips wrap at the room left in the row (at least a
            // reading width); the cell then takes the width of the chips
            // themselves, so the column does not grow frame by frame.
            let wrap = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
            let width = ui.available_width().max(CHIPS_WIDTH);
            ui.allocate_ui_with_layout(egui::vec2(width, 0.0), wrap, |ui| {
                for id in current {
                    let option = options.iter().find(|o| &o.id == id);
                    let text = option.map_or_else(|| format!("{id} (missing)"), |o| o.label.clone());
                    if chip_ui(ui, &text, option.is_none(), label) {
                        next = Some(current.iter().filter(|x| *x != id).cloned().collect());
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            if current.is_empty() {
                ui.label(RichText::new("none").color(t.text_weak));
            }
            if let Some(create) = create {
                let key = egui::Id::unique(("relplan.chips.create", &f.at, field));
                if let Some(name) = new_entity_ui(ui, key, label, create.noun) {
                    add_new(f, label, field, current, &create, &name);
                }
            }
            if rest.is_empty() {
                return;
            }
            let r = egui::ComboBox::from_id_salt((&f.at, field, "add"))
                .selected_text(RichText::new(add).color(t.text_weak))
                .width(PICK_WIDTH)
                .show_ui(ui, |ui| {
                    for o in &rest {
                        if ui.selectable_label(false, &o.label).clicked() {
                            next = Some(current.iter().cloned().chain([o.id.clone()]).collect());
                        }
                    }
                })
                .response;
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{add} ({label})")));
        });
    });
    if let Some(list) = next {
        f.set_value(field, &list);
    }
    ui.end_row();
}

/// The least width at which chips wrap onto the next line.
const CHIPS_WIDTH: f32 = 360.0;

/// One chip: a rounded button showing the text and "🗙", named
/// "Remove <text> from <list>"; clicking it removes the entry. Returns
/// whether it was clicked. (A single widget, so that chips wrap like words.)
/// The text is cut with "…" only where a whole line of chips has no room for it.
fn chip_ui(ui: &mut Ui, text: &str, missing: bool, list: &str) -> bool {
    let t = tokens(ui.ctx());
    let padding = ui.spacing().button_padding.x * 2.0;
    let icon = ui.painter().layout_no_wrap("  🗙".to_owned(), egui::TextStyle::Button.resolve(ui.style()), t.text);
    let room = (ui.max_rect().width() - padding - icon.size().x).max(80.0);
    let shown = fit(ui, text, room);
    let colour = if missing { t.error } else { t.text };
    let name = format!("Remove {text} from {}", list.to_lowercase());
    let chip = egui::Button::new(RichText::new(format!("{shown}  🗙")).color(colour))
        .fill(t.raised)
        .corner_radius(t.row_height / 2.0);
    let r = ui.add(chip).on_hover_text(&name);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    r.clicked()
}

/// `text` on one line, cut with "…" to fit `width` points of button text.
fn fit(ui: &Ui, text: &str, width: f32) -> String {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, egui::Color32::WHITE);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let galley = ui.painter().layout_job(job);
    galley.rows.iter().take(1).flat_map(|r| r.row.glyphs.iter().map(|g| g.chr)).collect()
}

/// Adds a new record named `name` to the book and its id to the list, as one step.
fn add_new(f: &mut Fields<'_>, label: &str, field: &str, current: &[Id], create: &Create, name: &str) {
    let list: Vec<Id> = current.iter().cloned().chain([create.id.clone()]).collect();
    match ((create.make)(&create.id, name), Edit::set(f.at.clone(), field, &list)) {
        (Ok(insert), Ok(set)) => f.out.push(Intent::Apply(Edit::Group {
            name: format!("Add new {} “{name}” to {}", create.noun, label.to_lowercase()),
            edits: vec![insert, set],
        })),
        (Err(e), _) | (_, Err(e)) => f.out.push(Intent::Problem(e.to_string())),
    }
}
