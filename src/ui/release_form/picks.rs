//! Pick-lists of the book's records, and a person pick-list with
//! "New person…" (other records are created from their pick-lists through
//! `widgets::create`).

use super::Form;
use crate::edit::{Edit, Path};
use crate::model::{Book, Id, Person, Release};
use crate::ui::intent::Intent;
use crate::ui::widgets::{Fields, RefOption, new_entity_ui};
use egui::Ui;

/// Width of a pick-list's button.
pub(super) const PICK_WIDTH: f32 = 240.0;

/// Every pick-list the form offers, built once per change of the book so
/// that a book with thousands of changes does not rebuild them each frame.
pub(super) struct Options {
    /// The book's people, sorted by name.
    pub people: Vec<RefOption>,
    /// The policy's release types.
    pub release_types: Vec<RefOption>,
    /// The book's environments.
    pub environments: Vec<RefOption>,
    /// The book's configuration items.
    pub config_items: Vec<RefOption>,
    /// The book's change requests.
    pub changes: Vec<RefOption>,
    /// The book's known errors and problems.
    pub known_errors: Vec<RefOption>,
}

impl Options {
    /// The pick-lists of `book`, from the cache while the book is unchanged.
    pub(super) fn of(ctx: &egui::Context, book: &Book) -> std::sync::Arc<Options> {
        crate::ui::memo::memo(ctx, "release_form.options", || {
            let mut people = crate::ui::widgets::people_options(book);
            people.sort_by_key(|o| o.label.to_lowercase());
            Options {
                people,
                release_types: release_type_options(book),
                environments: environment_options(book),
                config_items: config_item_options(book),
                changes: change_options(book),
                known_errors: known_error_options(book),
            }
        })
    }
}

/// The policy's release types.
fn release_type_options(book: &Book) -> Vec<RefOption> {
    let label = |t: &crate::model::ReleaseType| {
        if t.emergency && !t.name.to_lowercase().contains("emergency") {
            format!("{} (emergency)", t.name)
        } else {
            t.name.clone()
        }
    };
    book.policy.release_types.iter().map(|t| RefOption { id: t.id.clone(), label: label(t) }).collect()
}

/// The book's environments.
fn environment_options(book: &Book) -> Vec<RefOption> {
    book.environments
        .iter()
        .map(|e| {
            let kind = e.kind.label();
            let label = if e.name.to_lowercase().contains(&kind.to_lowercase()) {
                e.name.clone()
            } else {
                format!("{} ({kind})", e.name)
            };
            RefOption { id: e.id.clone(), label }
        })
        .collect()
}

/// The book's configuration items, "name (CI-n)".
fn config_item_options(book: &Book) -> Vec<RefOption> {
    book.config_items.iter().map(|c| RefOption { id: c.id.clone(), label: format!("{} ({})", c.name, c.id) }).collect()
}

/// The book's change requests, "RFC-2041 · title".
fn change_options(book: &Book) -> Vec<RefOption> {
    book.changes.iter().map(|c| RefOption { id: c.id.clone(), label: both(&c.rfc, &c.title, &c.id) }).collect()
}

/// The book's known errors and problems, "PRB-311 · title".
fn known_error_options(book: &Book) -> Vec<RefOption> {
    book.known_errors
        .iter()
        .map(|k| RefOption { id: k.id.clone(), label: both(&k.reference, &k.title, &k.id) })
        .collect()
}

/// The release's own decisions, "DEC-n · title (kind)".
pub(super) fn decision_options(release: &Release) -> Vec<RefOption> {
    release
        .decisions
        .iter()
        .map(|d| RefOption { id: d.id.clone(), label: format!("{} · {} ({})", d.id, d.title, d.kind.label()) })
        .collect()
}

/// The text cut to at most `max` characters, with "…" when it was longer,
/// so a long title does not push a list row's status under its buttons.
pub(super) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// "reference · title", falling back to the id when the reference is empty.
fn both(reference: &str, title: &str, id: &Id) -> String {
    let reference = if reference.trim().is_empty() { id.as_str() } else { reference };
    if title.trim().is_empty() { reference.to_owned() } else { format!("{reference} · {title}") }
}

/// A grid row picking a person (or none), with "New person…" to add a
/// person to the book and pick them in one undo step.
pub(super) fn person_row(
    f: &mut Fields<'_>,
    ui: &mut Ui,
    form: &Form<'_>,
    label: &str,
    field: &str,
    value: Option<&Id>,
) {
    let key = egui::Id::unique(("release_form.new_person", &f.at, field));
    ui.label(label);
    ui.horizontal(|ui| {
        person_combo_ui(f, ui, form, label, field, value);
        if let Some(name) = new_entity_ui(ui, key, label, "person") {
            create_person(f, form, label, field, &name);
        }
    });
    ui.end_row();
}

/// The combo box of [`person_row`].
fn person_combo_ui(f: &mut Fields<'_>, ui: &mut Ui, form: &Form<'_>, label: &str, field: &str, value: Option<&Id>) {
    let shown = form.person_name(value);
    let mut chosen: Option<Option<Id>> = None;
    let r = egui::ComboBox::from_id_salt((&f.at, field))
        .selected_text(&shown)
        .width(PICK_WIDTH)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), "— (none)").clicked() {
                chosen = Some(None);
            }
            for o in &form.options.people {
                if ui.selectable_label(value == Some(&o.id), &o.label).clicked() {
                    chosen = Some(Some(o.id.clone()));
                }
            }
        })
        .response;
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{label}: {shown}")));
    if let Some(new) = chosen
        && new.as_ref() != value
    {
        f.set_value(field, &new);
    }
}

/// Adds a person to the book and sets the field to them, as one step.
fn create_person(f: &mut Fields<'_>, form: &Form<'_>, label: &str, field: &str, name: &str) {
    let id = form.new_id(crate::model::IdKind::Person);
    let person = Person { id: id.clone(), name: name.to_owned(), ..Person::default() };
    let insert = Edit::insert(Path::root(), "people", form.book.people.len(), &person);
    let set = Edit::set(f.at.clone(), field, &Some(&id));
    match (insert, set) {
        (Ok(insert), Ok(set)) => f.out.push(Intent::Apply(Edit::Group {
            name: format!("Add person “{name}” as {}", label.to_lowercase()),
            edits: vec![insert, set],
        })),
        (Err(e), _) | (_, Err(e)) => f.out.push(Intent::Problem(e.to_string())),
    }
}
