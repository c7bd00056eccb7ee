//! Scope and changes: the change requests the release implements, the
//! known errors it resolves and ships with, and notes on what is in and out.

use super::Form;
use super::chips::chips_row;
use super::overview::subheading;
use crate::model::{ChangeRequest, Release};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, create};
use egui::{RichText, Ui};

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let s = &r.scope;
    let changes = match s.changes.len() {
        0 => "no linked change".to_owned(),
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    };
    format!("{changes} · resolves {} · ships with {}", s.resolves.len(), s.ships_with.len())
}

/// Draws the section.
pub(super) fn scope_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let s = &r.scope;
    let changes = &form.options.changes;
    let known = &form.options.known_errors;
    let mut f = Fields::new(form.at.clone().field("scope"), out);
    Fields::grid(ui, ("release_form.scope", &r.id), |ui| {
        chips_row(
            &mut f,
            ui,
            "Linked changes",
            "changes",
            &s.changes,
            changes,
            "Link change",
            Some(create::change(form.book)),
        );
        chips_row(
            &mut f,
            ui,
            "Resolves",
            "resolves",
            &s.resolves,
            known,
            "Add known error",
            Some(create::known_error(form.book)),
        );
        chips_row(
            &mut f,
            ui,
            "Ships with",
            "ships_with",
            &s.ships_with,
            known,
            "Add known error",
            Some(create::known_error(form.book)),
        );
        f.multiline(ui, "Scope notes", "notes", &s.notes);
    });
    if !s.changes.is_empty() {
        subheading(ui, "Change authorisation");
        authorisations_ui(ui, form);
    }
}

/// Each linked change with its authority, risk and authorisation, read-only
/// (changes are edited in the book view).
fn authorisations_ui(ui: &mut Ui, form: &Form<'_>) {
    let t = tokens(ui.ctx());
    let r = form.release;
    egui::Grid::new(("release_form.scope.changes", &r.id))
        .num_columns(4)
        .spacing([t.spacing * 2.0, t.spacing * 0.5])
        .show(ui, |ui| {
            for id in &r.scope.changes {
                let Some(c) = form.book.changes.iter().find(|c| &c.id == id) else {
                    ui.label(RichText::new(format!("{id} is not in the book")).color(t.error));
                    ui.end_row();
                    continue;
                };
                ui.label(RichText::new(if c.rfc.is_empty() { c.id.as_str() } else { c.rfc.as_str() }).monospace());
                ui.label(&c.title);
                let risk = c.risk.map_or_else(|| "risk not assessed".to_owned(), |b| format!("risk {}", b.label()));
                ui.label(RichText::new(risk).color(if c.risk.is_some() { t.text_weak } else { t.warning }));
                authorisation_label(ui, form, c);
                ui.end_row();
            }
        });
}

fn authorisation_label(ui: &mut Ui, form: &Form<'_>, c: &ChangeRequest) {
    let t = tokens(ui.ctx());
    match &c.authorisation {
        Some(a) => {
            let date = a.at.to_zoned(jiff::tz::TimeZone::UTC).date();
            let by = form.person_name(a.by.as_ref());
            ui.label(RichText::new(format!("✔ {} authorised {date}, {by}", a.authority.label())).color(t.good));
        }
        None => {
            ui.label(RichText::new(format!("⚠ awaiting {} authorisation", c.authority.label())).color(t.warning));
        }
    }
}
