//! Overview: name, version, type, priority, owner, summary, the planned and
//! actual dates of each phase, and the milestones.

use super::when::date_cell;
use super::{Form, picks};
use crate::model::{IdKind, Milestone, Phase, PhasePlan, Priority};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::{RichText, Ui};

/// A one-line summary for the section header.
pub(super) fn summary(form: &Form<'_>) -> String {
    let r = form.release;
    let done = r.milestones.iter().filter(|m| m.done).count();
    let mut text = format!("{} · owner {}", r.priority.label(), form.person_name(r.owner.as_ref()));
    if !r.milestones.is_empty() {
        text.push_str(&format!(" · {done} of {} milestones reached", r.milestones.len()));
    }
    text
}

/// Draws the section.
pub(super) fn overview_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let types = &form.options.release_types;
    let mut f = Fields::new(form.at.clone(), out);
    Fields::grid(ui, ("release_form.overview", &r.id), |ui| {
        f.text(ui, "Name", "name", &r.name);
        f.text(ui, "Version", "version", &r.version);
        f.required_reference(ui, "Release type", "release_type", &r.release_type, types, None);
        f.choice(ui, "Priority", "priority", r.priority, &Priority::ALL, Priority::label);
        picks::person_row(&mut f, ui, form, "Owner", "owner", r.owner.as_ref());
        f.multiline(ui, "Summary", "summary", &r.summary);
    });
    subheading(ui, "Phase dates");
    phase_dates_ui(ui, form, out);
    subheading(ui, "Milestones");
    milestones_ui(ui, form, out);
}

/// A small heading inside a section.
pub(super) fn subheading(ui: &mut Ui, text: &str) {
    let t = tokens(ui.ctx());
    ui.add_space(t.spacing);
    ui.label(RichText::new(text).strong().color(t.text_weak));
}

/// A table: one row per working phase, planned and actual start and end.
fn phase_dates_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    let columns = [
        ("Planned start", "planned_start"),
        ("Planned end", "planned_end"),
        ("Actual start", "actual_start"),
        ("Actual end", "actual_end"),
    ];
    egui::Grid::new(("release_form.phase_dates", &r.id))
        .num_columns(5)
        .min_col_width(120.0)
        .spacing([t.spacing * 2.0, t.spacing * 0.5])
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for (title, _) in columns {
                ui.label(RichText::new(title).color(t.text_weak));
            }
            ui.end_row();
            let mut previous_end = None;
            for phase in Phase::ALL {
                let (Some(dates), Some(name)) = (r.phases.get(phase), PhasePlan::field_name(phase)) else { continue };
                let current = phase == r.phase;
                let title = if current { format!("▶ {}", phase.label()) } else { phase.label().to_owned() };
                let label = ui.label(if current { RichText::new(title).strong() } else { RichText::new(title) });
                let at = form.at.clone().field("phases").field(name);
                // A click on the phase in the calendar: its dates come into view.
                if crate::ui::release_form::reveal::take(ui.ctx(), &at) {
                    label.scroll_to_me(Some(egui::Align::Center));
                }
                let values = [dates.planned_start, dates.planned_end, dates.actual_start, dates.actual_end];
                for (i, ((title, field), value)) in columns.into_iter().zip(values).enumerate() {
                    // A sensible first date: the day after the previous phase
                    // ends, or the start of this phase, or today.
                    let default = match i {
                        0 => previous_end.map_or(form.today, |d: jiff::civil::Date| d.tomorrow().unwrap_or(d)),
                        1 => dates.planned_start.unwrap_or(form.today),
                        2 => dates.planned_start.unwrap_or(form.today),
                        _ => dates.actual_start.or(dates.planned_end).unwrap_or(form.today),
                    };
                    date_cell(
                        ui,
                        out,
                        &at,
                        field,
                        value,
                        default,
                        &format!("{} {}", phase.label(), title.to_lowercase()),
                    );
                }
                previous_end = dates.planned_end.or(previous_end);
                ui.end_row();
            }
        });
    let late: Vec<&str> = Phase::ALL
        .into_iter()
        .filter_map(|p| {
            let d = r.phases.get(p)?;
            (d.planned_start.zip(d.planned_end).is_some_and(|(s, e)| e < s)).then_some(p.label())
        })
        .collect();
    if !late.is_empty() {
        ui.label(RichText::new(format!("⚠ Planned end before planned start: {}", late.join(", "))).color(t.warning));
    }
}

fn milestones_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let today = form.today;
    let row = |m: &Milestone| ListRow {
        title: m.name.clone(),
        status: if m.done {
            format!("{} · ✔ reached", m.date)
        } else if m.date < today {
            format!("{} · ⚠ overdue", m.date)
        } else {
            format!("{} · due", m.date)
        },
    };
    let body = |ui: &mut Ui, m: &Milestone, at: crate::edit::Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.text(ui, "Name", "name", &m.name);
            f.required_date(ui, "Date", "date", m.date);
            f.check(ui, "Reached", "done", m.done);
        });
    };
    let new = || Milestone { id: form.new_id(IdKind::Milestone), date: today, ..Milestone::default() };
    list_ui(ui, out, &form.at, "milestones", "milestone", &r.milestones, row, body, new);
}
