//! The Environments tab: where releases are deployed, and the recurring
//! windows in which each environment may be changed.

use super::common::{Tone, count_of, note_ui};
use super::entity_list::{Card, CardHead, Filter};
use super::window_form::{describe_window, new_maintenance_window, window_rows_ui};
use crate::edit::Path;
use crate::model::{Book, Environment, EnvironmentKind, Id, IdKind, MaintenanceWindow};
use crate::ui::intent::Intents;
use crate::ui::theme;
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::{RichText, Ui};

impl Card for Environment {
    const LIST: &'static str = "environments";
    const NOUN: &'static str = "environment";
    const PLURAL: &'static str = "environments";
    const KIND: IdKind = IdKind::Environment;
    const FILTER_HINT: &'static str = "name, kind or description";

    fn items(book: &Book) -> &[Self] {
        &book.environments
    }

    fn head(&self, _book: &Book) -> CardHead {
        let windows = &self.maintenance_windows;
        let detail = match windows.as_slice() {
            [] => "No maintenance window".to_owned(),
            [one] => format!("Maintenance: {}", describe_window(&one.window)),
            many => {
                format!("{}: {}, …", count_of(many.len(), "maintenance window", "maintenance windows"), many[0].name)
            }
        };
        CardHead { title: self.name.clone(), detail, status: self.kind.label().to_owned(), tone: Tone::Weak }
    }

    fn matches(&self, filter: &Filter) -> bool {
        filter.hits(&[self.id.as_str(), &self.name, self.kind.label(), &self.description])
    }

    fn body_ui(&self, ui: &mut Ui, book: &Book, at: Path, out: &mut Intents) {
        Fields::grid(ui, ("book.environment", &self.id), |ui| {
            let mut f = Fields::new(at.clone(), out);
            f.text(ui, "Name", "name", &self.name);
            f.choice(ui, "Kind", "kind", self.kind, &EnvironmentKind::ALL, EnvironmentKind::label);
            f.multiline(ui, "Description", "description", &self.description);
        });
        let t = theme::tokens(ui.ctx());
        ui.add_space(t.spacing);
        ui.label(RichText::new("Maintenance windows").strong());
        note_ui(ui, "When changes to this environment are allowed.");
        list_ui(
            ui,
            out,
            &at,
            "maintenance_windows",
            "maintenance window",
            &self.maintenance_windows,
            |m: &MaintenanceWindow| ListRow { title: m.name.clone(), status: describe_window(&m.window) },
            |ui, m, item_at, out| {
                Fields::grid(ui, ("book.maintenance_window", &self.id, &m.id), |ui| {
                    Fields::new(item_at.clone(), out).text(ui, "Name", "name", &m.name);
                    window_rows_ui(ui, &item_at.field("window"), &m.window, out);
                });
            },
            || MaintenanceWindow {
                id: book.ledger.peek_id(IdKind::MaintenanceWindow),
                name: String::new(),
                window: new_maintenance_window(book),
            },
        );
    }

    fn new_item(_book: &Book, id: Id) -> Self {
        Environment { id, ..Environment::default() }
    }
}
