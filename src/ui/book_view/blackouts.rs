//! The Blackouts tab: change-freeze windows in which no deployment may
//! happen without an approved exception (R17).

use super::common::{Tone, warning_ui};
use super::entity_list::{Card, CardHead, Filter};
use super::window_form::{describe_window, new_blackout_window, window_rows_ui};
use crate::edit::{Edit, Path};
use crate::model::{Blackout, BlackoutScope, Book, Id, IdKind};
use crate::ui::intent::Intents;
use crate::ui::widgets::Fields;
use egui::Ui;

impl Card for Blackout {
    const LIST: &'static str = "blackouts";
    const NOUN: &'static str = "blackout";
    const PLURAL: &'static str = "blackouts";
    const KIND: IdKind = IdKind::Blackout;
    const FILTER_HINT: &'static str = "name or reason";

    fn items(book: &Book) -> &[Self] {
        &book.blackouts
    }

    fn head(&self, book: &Book) -> CardHead {
        CardHead {
            title: self.name.clone(),
            detail: describe_window(&self.window),
            status: scope_words(book, &self.scope),
            tone: Tone::Weak,
        }
    }

    fn matches(&self, filter: &Filter) -> bool {
        filter.hits(&[self.id.as_str(), &self.name, &self.reason])
    }

    fn body_ui(&self, ui: &mut Ui, book: &Book, at: Path, out: &mut Intents) {
        Fields::grid(ui, ("book.blackout", &self.id), |ui| {
            let mut f = Fields::new(at.clone(), out);
            f.text(ui, "Name", "name", &self.name);
            f.multiline(ui, "Reason", "reason", &self.reason);
            scope_rows_ui(ui, book, &self.id, &self.scope, &at, out);
            window_rows_ui(ui, &at.clone().field("window"), &self.window, out);
            if let Some(uid) = &self.source_uid {
                Fields::read_only(ui, "Imported from", &format!("calendar event {uid}"));
            }
        });
    }

    fn new_item(book: &Book, id: Id) -> Self {
        Blackout { id, window: new_blackout_window(book), ..Blackout::default() }
    }
}

/// "All environments", or the chosen environments' names.
fn scope_words(book: &Book, scope: &BlackoutScope) -> String {
    match scope {
        BlackoutScope::All => "All environments".to_owned(),
        BlackoutScope::Environments(ids) if ids.is_empty() => "No environment".to_owned(),
        BlackoutScope::Environments(ids) => ids
            .iter()
            .map(|id| book.environment(id).map_or_else(|| format!("{id} (missing)"), |e| e.name.clone()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The rows of a blackout's scope: two choices, all environments or
/// chosen ones, and for the second a checkbox per environment. The scope
/// is set as a whole.
fn scope_rows_ui(ui: &mut Ui, book: &Book, blackout: &Id, scope: &BlackoutScope, at: &Path, out: &mut Intents) {
    let set = |s: &BlackoutScope| Edit::set(at.clone(), "scope", s);
    ui.label("Covers");
    ui.horizontal(|ui| {
        let all = matches!(scope, BlackoutScope::All);
        if ui.radio(all, "All environments").clicked() && !all {
            out.apply(set(&BlackoutScope::All));
        }
        if ui.radio(!all, "Only these environments").clicked() && all {
            out.apply(set(&BlackoutScope::Environments(Vec::new())));
        }
    });
    ui.end_row();
    let BlackoutScope::Environments(chosen) = scope else { return };
    ui.label("");
    egui::Grid::new(("book.blackout.scope", blackout)).num_columns(3).show(ui, |ui| {
        for (i, env) in book.environments.iter().enumerate() {
            let mut on = chosen.contains(&env.id);
            let name = if env.name.trim().is_empty() { env.id.to_string() } else { env.name.clone() };
            if ui.checkbox(&mut on, name).changed() {
                let ids: Vec<Id> = book
                    .environments
                    .iter()
                    .map(|e| &e.id)
                    .filter(|id| if *id == &env.id { on } else { chosen.contains(id) })
                    .cloned()
                    .collect();
                out.apply(set(&BlackoutScope::Environments(ids)));
            }
            if i % 3 == 2 {
                ui.end_row();
            }
        }
    });
    ui.end_row();
    for id in chosen.iter().filter(|id| book.environment(id).is_none()) {
        ui.label("");
        warning_ui(ui, &format!("{id} is not an environment of this book."));
        ui.end_row();
    }
    if chosen.is_empty() {
        ui.label("");
        warning_ui(ui, "No environment is chosen, so this blackout freezes nothing.");
        ui.end_row();
    }
}
