//! Form widgets that read a value from the book and return edits.

mod fields;
mod list;
mod reference;

pub use fields::{Fields, field_width};
pub use list::{ListRow, list_ui};
pub use reference::{Create, RefOption, people_options};

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
