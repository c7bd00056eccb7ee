//! Pick-lists of entities of the book, with "create new".

use super::Fields;
use crate::edit::{Edit, EditError};
use crate::model::{Book, Id};
use crate::ui::intent::Intent;
use egui::Ui;

/// One entry of a pick-list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefOption {
    /// The entity's id.
    pub id: Id,
    /// What the user sees.
    pub label: String,
}

/// Makes the edit that inserts a new entity from its id and typed name.
pub type MakeEntity = Box<dyn Fn(&Id, &str) -> Result<Edit, EditError>>;

/// How to create a new entity from a pick-list: its id and a function that
/// makes the edit inserting it with a given name.
pub struct Create {
    /// The id the new entity gets.
    pub id: Id,
    /// What kind of thing is created, e.g. "person".
    pub noun: &'static str,
    /// Makes the insert edit from the id and the typed name.
    pub make: MakeEntity,
}

/// The book's people as pick-list entries.
pub fn people_options(book: &Book) -> Vec<RefOption> {
    book.people.iter().map(|p| RefOption { id: p.id.clone(), label: p.name.clone() }).collect()
}

impl Fields<'_> {
    /// A reference to another entity, or none.
    pub fn reference(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: Option<&Id>,
        options: &[RefOption],
        create: Option<Create>,
    ) {
        self.reference_inner(ui, label, field, value, options, create, false);
    }

    /// A reference that must be set.
    pub fn required_reference(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: &Id,
        options: &[RefOption],
        create: Option<Create>,
    ) {
        self.reference_inner(ui, label, field, Some(value), options, create, true);
    }

    #[allow(clippy::too_many_arguments, reason = "one private helper behind the two public shapes")]
    fn reference_inner(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: Option<&Id>,
        options: &[RefOption],
        create: Option<Create>,
        required: bool,
    ) {
        ui.label(label);
        let shown = match value {
            Some(id) => {
                options.iter().find(|o| &o.id == id).map_or_else(|| format!("{id} (missing)"), |o| o.label.clone())
            }
            None => "— (none)".to_owned(),
        };
        let mut chosen: Option<Option<Id>> = None;
        ui.horizontal(|ui| {
            let r = egui::ComboBox::from_id_salt((&self.at, field))
                .selected_text(&shown)
                .width(220.0)
                .show_ui(ui, |ui| {
                    if !required && ui.selectable_label(value.is_none(), "— (none)").clicked() {
                        chosen = Some(None);
                    }
                    for o in options {
                        if ui.selectable_label(value == Some(&o.id), &o.label).clicked() {
                            chosen = Some(Some(o.id.clone()));
                        }
                    }
                })
                .response;
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{label}: {shown}")));
            if let Some(create) = create {
                self.create_ui(ui, label, field, create, required);
            }
        });
        match chosen {
            Some(Some(id)) if value != Some(&id) => {
                let edit = if required {
                    Edit::set(self.at.clone(), field, &id)
                } else {
                    Edit::set(self.at.clone(), field, &Some(&id))
                };
                self.out.apply(edit);
            }
            Some(None) if value.is_some() => self.out.apply(Edit::set(self.at.clone(), field, &None::<Id>)),
            _ => {}
        }
        ui.end_row();
    }

    fn create_ui(&mut self, ui: &mut Ui, label: &str, field: &str, create: Create, required: bool) {
        let key = egui::Id::unique(("relplan.create", &self.at, field));
        let Some(name) = new_entity_ui(ui, key, label, create.noun) else { return };
        let set = if required {
            Edit::set(self.at.clone(), field, &create.id)
        } else {
            Edit::set(self.at.clone(), field, &Some(&create.id))
        };
        match ((create.make)(&create.id, &name), set) {
            (Ok(insert), Ok(set)) => self.out.push(Intent::Apply(Edit::Group {
                name: format!("Create {} “{name}” as {}", create.noun, label.to_lowercase()),
                edits: vec![insert, set],
            })),
            (Err(e), _) | (_, Err(e)) => self.out.push(Intent::Problem(e.to_string())),
        }
    }
}

/// A "New <noun>…" button that turns into a name field with Add and
/// Cancel; returns the trimmed name in the frame the user adds it (Add or
/// Enter). Escape or Cancel goes back to the button. `key` keeps the draft
/// between frames; `label` is the field the new entity is for, which names
/// the button and the name field for screen readers.
pub fn new_entity_ui(ui: &mut Ui, key: egui::Id, label: &str, noun: &str) -> Option<String> {
    let mut draft: Option<String> = ui.data(|d| d.get_temp(key));
    let mut added = None;
    match &mut draft {
        None => {
            let r = ui
                .button(format!("New {noun}…"))
                .on_hover_text(format!("Add a new {noun} to the book for {}", label.to_lowercase()));
            let name = format!("New {noun} for {}", label.to_lowercase());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if r.clicked() {
                draft = Some(String::new());
            }
        }
        Some(text) => {
            let accessible = format!("Name of the new {noun} for {}", label.to_lowercase());
            let r = ui
                .add(egui::TextEdit::singleline(text).hint_text("Name").desired_width(180.0))
                .accessible_name(accessible);
            super::focus_on_open(ui, &r);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add")).clicked() || enter;
            if add && !text.trim().is_empty() {
                added = Some(text.trim().to_owned());
                draft = None;
            } else if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                draft = None;
            }
        }
    }
    ui.data_mut(|d| match draft {
        Some(n) => {
            d.insert_temp(key, n);
        }
        None => d.remove::<String>(key),
    });
    added
}
