//! Decisions and waivers: what was decided, why, by whom and in which
//! role, when, who was told, and what came of it; then the action items
//! agreed in meetings about the release.

use super::chips::chips_row;
use super::overview::subheading;
use super::when::timestamp_row;
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{Decision, DecisionKind, IdKind, Release, Role};
use crate::ui::intent::Intents;
use crate::ui::widgets::{Fields, ListRow, create, list_ui};
use egui::Ui;

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let waivers = r.decisions.iter().filter(|d| d.kind != DecisionKind::General).count();
    let decisions = match r.decisions.len() {
        0 => "none recorded".to_owned(),
        1 => format!("1 decision · {waivers} waivers or exceptions"),
        n => format!("{n} decisions · {waivers} waivers or exceptions"),
    };
    let open = r.actions.iter().filter(|a| !a.done).count();
    match r.actions.len() {
        0 => decisions,
        n => format!("{decisions} · {open} of {n} action items open"),
    }
}

/// Draws the section.
pub(super) fn decisions_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let row = |d: &Decision| {
        let when = d
            .decided_at
            .map_or_else(|| "no date".to_owned(), |ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string());
        ListRow {
            title: picks::short(&d.title, 60),
            status: format!("{} · {when} · {}", d.kind.label(), form.person_name(d.decided_by.as_ref())),
        }
    };
    let body = |ui: &mut Ui, d: &Decision, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.choice(ui, "Kind", "kind", d.kind, &DecisionKind::ALL, DecisionKind::label);
            f.text(ui, "Title", "title", &d.title);
            f.multiline(ui, "Rationale", "rationale", &d.rationale);
            picks::person_row(&mut f, ui, form, "Decided by", "decided_by", d.decided_by.as_ref());
            f.opt_choice(ui, "Role", "role", d.role, &Role::ALL, Role::label);
            timestamp_row(&mut f, ui, "When", "decided_at", d.decided_at);
            chips_row(
                &mut f,
                ui,
                "Informed",
                "informed",
                &d.informed,
                &form.options.people,
                "Add person",
                Some(create::person(form.book)),
            );
            f.multiline(ui, "Outcome", "outcome", &d.outcome);
        });
    };
    let new = || Decision {
        id: form.new_id(IdKind::Decision),
        decided_by: r.owner.clone(),
        role: Some(Role::ReleaseManager),
        ..Decision::default()
    };
    list_ui(ui, out, &form.at, "decisions", "decision", &r.decisions, row, body, new);
    subheading(ui, "Action items");
    super::review::actions_ui(ui, form, &form.at, &r.actions, "action item", out);
}
