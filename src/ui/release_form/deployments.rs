//! Deployments: where, when (a window in a named time zone) and how the
//! release is deployed, what it touches, any blackout exception, and each
//! deployment's runbook.

use super::chips::chips_row;
use super::when::{clock, datetime_row, duration_words, minutes};
use super::{Form, picks, runbook};
use crate::edit::{Edit, Path};
use crate::model::{Deployment, DeploymentMethod, IdKind, Release, Window};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, ListRow, create, list_ui};
use egui::{RichText, Ui};
use jiff::civil::DateTime;

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let steps: usize = r.deployments.iter().map(|d| d.steps.len()).sum();
    let done: usize = r.deployments.iter().map(|d| d.steps.iter().filter(|s| s.done).count()).sum();
    let first = r.deployments.iter().map(|d| d.window.start).min();
    let mut text = format!("{} deployments · {done} of {steps} steps done", r.deployments.len());
    if let Some(first) = first {
        text.push_str(&format!(" · first {} {}", first.date(), clock(first)));
    }
    text
}

/// Draws the section.
pub(super) fn deployments_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let row = |d: &Deployment| ListRow { title: picks::short(&d.name, 50), status: row_status(form, d) };
    let body = |ui: &mut Ui, d: &Deployment, at: Path, out: &mut Intents| deployment_ui(ui, form, d, &at, out);
    let new = || new_deployment(form);
    list_ui(ui, out, &form.at, "deployments", "deployment", &r.deployments, row, body, new);
}

/// "Production (EU) · 2026-10-11 01:00–03:00 Europe/London · 7 steps".
fn row_status(form: &Form<'_>, d: &Deployment) -> String {
    let env = form.book.environment(&d.environment).map_or("no environment", |e| e.name.as_str());
    let w = &d.window;
    let end = if w.end.date() == w.start.date() { clock(w.end) } else { format!("{} {}", w.end.date(), clock(w.end)) };
    let done = d.steps.iter().filter(|s| s.done).count();
    format!("{env} · {} {}–{end} {} · {done}/{} steps done", w.start.date(), clock(w.start), w.zone, d.steps.len())
}

/// A new deployment: in the same zone and environment as the last one,
/// in the evening of the planned deployment day (or today).
fn new_deployment(form: &Form<'_>) -> Deployment {
    let r = form.release;
    let last = r.deployments.last();
    let zone = last
        .map(|d| d.window.zone.clone())
        .filter(|z| !z.trim().is_empty())
        .or_else(|| jiff::tz::TimeZone::system().iana_name().map(str::to_owned))
        .unwrap_or_else(|| "UTC".to_owned());
    let environment =
        last.map(|d| d.environment.clone()).or_else(|| form.book.environments.first().map(|e| e.id.clone()));
    let day = r.phases.deployment.planned_start.unwrap_or(form.today);
    Deployment {
        id: form.new_id(IdKind::Deployment),
        environment: environment.unwrap_or_default(),
        window: Window {
            start: DateTime::from_parts(day, jiff::civil::time(20, 0, 0, 0)),
            end: DateTime::from_parts(day, jiff::civil::time(22, 0, 0, 0)),
            zone,
            ..Window::default()
        },
        ..Deployment::default()
    }
}

/// The body of one deployment's card.
fn deployment_ui(ui: &mut Ui, form: &Form<'_>, d: &Deployment, at: &Path, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let envs = &form.options.environments;
    let items = &form.options.config_items;
    let decisions = picks::decision_options(form.release);
    let w = &d.window;
    let window_at = at.clone().field("window");
    Fields::grid(ui, (at, "fields"), |ui| {
        let mut f = Fields::new(at.clone(), out);
        f.text(ui, "Name", "name", &d.name);
        f.required_reference(
            ui,
            "Environment",
            "environment",
            &d.environment,
            envs,
            Some(create::environment(form.book)),
        );
        f.choice(ui, "Method", "method", d.method, &DeploymentMethod::ALL, DeploymentMethod::label);
        let mut wf = Fields::new(window_at.clone(), out);
        if let Some(start) = datetime_row(&wf, ui, "Starts", "start", w.start, &w.zone) {
            move_window(&mut wf, d, start);
        }
        if let Some(end) = datetime_row(&wf, ui, "Ends", "end", w.end, &w.zone) {
            wf.set_value("end", &end);
        }
        wf.text(ui, "Time zone", "zone", &w.zone);
        if jiff::tz::TimeZone::get(w.zone.trim()).is_err() {
            ui.label("");
            ui.label(RichText::new("⚠ Unknown time zone: use a name such as Europe/London or UTC").color(t.warning));
            ui.end_row();
        }
        let length = minutes(w.end.duration_since(w.start));
        ui.label("Length");
        if w.end > w.start {
            ui.label(duration_words(length));
        } else if w.end == w.start {
            ui.label(RichText::new("⚠ The window ends when it starts, so it has no length").color(t.error));
        } else {
            ui.label(RichText::new("⚠ The window ends before it starts").color(t.error));
        }
        ui.end_row();
        let mut f = Fields::new(at.clone(), out);
        let new_item = Some(create::config_item(form.book));
        chips_row(
            &mut f,
            ui,
            "Configuration items touched",
            "config_items",
            &d.config_items,
            items,
            "Add item",
            new_item,
        );
        f.reference(ui, "Blackout exception", "blackout_exception", d.blackout_exception.as_ref(), &decisions, None);
    });
    runbook::runbook_ui(ui, form, d, at, out);
}

/// Moves the window's start and keeps its length, in one undo step.
fn move_window(f: &mut Fields<'_>, d: &Deployment, start: DateTime) {
    let w = &d.window;
    let end = w.end.checked_add(start.duration_since(w.start)).unwrap_or(w.end);
    let edits = [Edit::set(f.at.clone(), "start", &start), Edit::set(f.at.clone(), "end", &end)];
    match edits.into_iter().collect::<Result<Vec<_>, _>>() {
        Ok(edits) => f.out.push(Intent::Apply(Edit::Group {
            name: format!("Move the window of {} to {} {}", d.id, start.date(), clock(start)),
            edits,
        })),
        Err(e) => f.out.push(Intent::Problem(e.to_string())),
    }
}
