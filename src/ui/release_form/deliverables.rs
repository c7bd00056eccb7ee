//! Deliverables and configuration items: what the release builds and where
//! it is kept in the definitive media library, the configuration items it
//! changes with their baseline and target versions, and when the baseline
//! was recorded.

use super::overview::subheading;
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{AffectedItem, Deliverable, Id, IdKind, Release};
use crate::ui::intent::Intents;
use crate::ui::widgets::{Fields, ListRow, create, list_ui};
use egui::Ui;

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let baseline =
        r.baseline_recorded_on.map_or_else(|| "no baseline recorded".to_owned(), |d| format!("baseline {d}"));
    format!("{} deliverables · {} configuration items · {baseline}", r.deliverables.len(), r.affected_items.len())
}

/// Draws the section.
pub(super) fn deliverables_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    subheading(ui, "Deliverables");
    let row = |d: &Deliverable| {
        let mut status = if d.version.is_empty() { "no version".to_owned() } else { format!("version {}", d.version) };
        if d.dml_location.trim().is_empty() || d.checksum.trim().is_empty() {
            status.push_str(" · ⚠ DML location or checksum missing");
        } else {
            status.push_str(" · in the DML");
        }
        ListRow { title: picks::short(&d.name, 60), status }
    };
    let body = |ui: &mut Ui, d: &Deliverable, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.text(ui, "Name", "name", &d.name);
            f.text(ui, "Version", "version", &d.version);
            f.text(ui, "DML location", "dml_location", &d.dml_location);
            f.text(ui, "Checksum", "checksum", &d.checksum);
        });
    };
    let new =
        || Deliverable { id: form.new_id(IdKind::Deliverable), version: r.version.clone(), ..Deliverable::default() };
    list_ui(ui, out, &form.at, "deliverables", "deliverable", &r.deliverables, row, body, new);

    subheading(ui, "Affected configuration items");
    let items = &form.options.config_items;
    let name_of = |id: &Id| form.book.config_items.iter().find(|c| &c.id == id).map(|c| c.name.clone());
    let row = |a: &AffectedItem| ListRow {
        title: name_of(&a.config_item).unwrap_or_else(|| "No configuration item".to_owned()),
        status: format!("{} ➡ {}", or_dash(&a.baseline_version), or_dash(&a.target_version)),
    };
    let body = |ui: &mut Ui, a: &AffectedItem, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            let new_item = Some(create::config_item(form.book));
            f.required_reference(ui, "Configuration item", "config_item", &a.config_item, items, new_item);
            if let Some(ci) = form.book.config_items.iter().find(|c| c.id == a.config_item) {
                Fields::read_only(ui, "In production now", or_dash(&ci.version));
            }
            f.text(ui, "Baseline version", "baseline_version", &a.baseline_version);
            f.text(ui, "Target version", "target_version", &a.target_version);
        });
    };
    let new = || {
        let unused = form.book.config_items.iter().find(|c| !r.affected_items.iter().any(|a| a.config_item == c.id));
        AffectedItem {
            id: form.new_id(IdKind::AffectedItem),
            config_item: unused.map(|c| c.id.clone()).unwrap_or_default(),
            baseline_version: unused.map(|c| c.version.clone()).unwrap_or_default(),
            target_version: String::new(),
        }
    };
    list_ui(ui, out, &form.at, "affected_items", "affected item", &r.affected_items, row, body, new);

    let mut f = Fields::new(form.at.clone(), out);
    Fields::grid(ui, ("release_form.baseline", &r.id), |ui| {
        f.date(ui, "Baseline recorded on", "baseline_recorded_on", r.baseline_recorded_on, form.today);
    });
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() { "—" } else { text }
}
