//! The Configuration items tab: the components whose versions releases change.

use super::common::{Tone, create_person, person_name};
use super::entity_list::{Card, CardHead, Filter};
use crate::edit::Path;
use crate::model::{Book, ConfigItem, Id, IdKind};
use crate::ui::intent::Intents;
use crate::ui::widgets::{Fields, people_options};
use egui::Ui;

impl Card for ConfigItem {
    const LIST: &'static str = "config_items";
    const NOUN: &'static str = "configuration item";
    const PLURAL: &'static str = "configuration items";
    const KIND: IdKind = IdKind::ConfigItem;
    const FILTER_HINT: &'static str = "id, name, kind or version";

    fn items(book: &Book) -> &[Self] {
        &book.config_items
    }

    fn head(&self, book: &Book) -> CardHead {
        let owner = self.owner.as_ref().map(|id| format!("owner {}", person_name(book, id)));
        let detail = [Some(self.kind.clone()), owner]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let status = if self.version.trim().is_empty() {
            String::new()
        } else {
            format!("v{}", self.version.trim_start_matches('v'))
        };
        CardHead { title: self.name.clone(), detail, status, tone: Tone::Weak }
    }

    fn matches(&self, filter: &Filter) -> bool {
        filter.hits(&[self.id.as_str(), &self.name, &self.kind, &self.version])
    }

    fn body_ui(&self, ui: &mut Ui, book: &Book, at: Path, out: &mut Intents) {
        Fields::grid(ui, ("book.config_item", &self.id), |ui| {
            let mut f = Fields::new(at, out);
            f.text(ui, "Name", "name", &self.name);
            f.text(ui, "Kind", "kind", &self.kind);
            f.text(ui, "Version in production", "version", &self.version);
            f.reference(ui, "Owner", "owner", self.owner.as_ref(), &people_options(book), Some(create_person(book)));
            f.multiline(ui, "Description", "description", &self.description);
        });
    }

    fn new_item(_book: &Book, id: Id) -> Self {
        ConfigItem { id, ..ConfigItem::default() }
    }
}
