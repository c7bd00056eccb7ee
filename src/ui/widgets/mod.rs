//! Form widgets that read a value from the book and return edits.

pub mod create;
mod fields;
mod list;
mod reference;

pub use fields::{Fields, field_width};
pub use list::{ListRow, list_ui};
pub use reference::{Create, RefOption, new_entity_ui, people_options};

/// A combo box with an accessible name (`label`) that is not drawn: for
/// compact filter bars where the shown value says what it is.
pub fn named_combo(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    selected: &str,
    contents: impl FnOnce(&mut egui::Ui),
) -> egui::Response {
    let r = egui::ComboBox::from_id_salt(id_salt).selected_text(selected).show_ui(ui, contents).response;
    let name = format!("{label}: {selected}");
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    r
}

/// Gives a text field the keyboard in the first frame it is shown (a dialog
/// just opened), and leaves the focus alone after that: Enter in a one-line
/// field ends the editing by giving the focus up, which a request every
/// frame would undo before the dialog could see it (and Tab could never
/// reach the dialog's buttons).
pub fn focus_on_open(ui: &egui::Ui, field: &egui::Response) {
    let pass = ui.ctx().cumulative_pass_nr();
    let id = field.id.with("relplan.focus_on_open");
    let last: Option<u64> = ui.data_mut(|d| d.get_temp(id));
    ui.data_mut(|d| d.insert_temp(id, pass));
    if last.is_none_or(|last| last + 1 < pass) {
        field.request_focus();
    }
}
