//! Review and close: the post-implementation review's outcome, the
//! incidents raised in the early-life-support window, conclusions,
//! improvement actions and when the review was completed.

use super::overview::subheading;
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{Action, IdKind, Incident, Outcome, Release};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::{RichText, Ui};
use jiff::civil::Date;

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let v = &r.review;
    let outcome = v.outcome.map_or("no outcome yet", Outcome::label);
    let done = v.actions.iter().filter(|a| a.done).count();
    let completed = v.completed_on.map_or_else(|| "not completed".to_owned(), |d| format!("completed {d}"));
    format!("{outcome} · {} incidents · {done} of {} actions done · {completed}", v.incidents.len(), v.actions.len())
}

/// The early-life-support window: from the last deployment's end to the
/// policy's number of days after it.
fn early_life(form: &Form<'_>) -> Option<(Date, Date)> {
    let end = form.release.deployments.iter().map(|d| d.window.end.date()).max()?;
    let days = i64::from(form.book.policy.gates.early_life_support_days);
    Some((end, end.checked_add(jiff::Span::new().days(days)).unwrap_or(end)))
}

/// Draws the section.
pub(super) fn review_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    let v = &r.review;
    let at = form.at.clone().field("review");
    let mut f = Fields::new(at.clone(), out);
    Fields::grid(ui, ("release_form.review", &r.id), |ui| {
        f.opt_choice(ui, "Outcome", "outcome", v.outcome, &Outcome::ALL, Outcome::label);
    });

    subheading(ui, "Incidents in early life support");
    let window = early_life(form);
    match window {
        Some((from, to)) => ui.label(
            RichText::new(format!(
                "Incidents raised from {from} to {to} ({} days after the last deployment) count against this release.",
                form.book.policy.gates.early_life_support_days
            ))
            .color(t.text_weak),
        ),
        None => ui.label(
            RichText::new("No deployment is planned yet, so the early-life-support window is not known.")
                .color(t.text_weak),
        ),
    };
    let row = |i: &Incident| {
        let raised = i.raised_on.map_or_else(|| "no date".to_owned(), |d| format!("raised {d}"));
        let outside = match (window, i.raised_on) {
            (Some((from, to)), Some(d)) if d < from || d > to => " · outside the window",
            _ => "",
        };
        let title = if i.reference.is_empty() { i.title.clone() } else { format!("{} · {}", i.reference, i.title) };
        ListRow { title: picks::short(&title, 70), status: format!("{raised}{outside}") }
    };
    let body = |ui: &mut Ui, i: &Incident, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.text(ui, "Reference", "reference", &i.reference);
            f.text(ui, "Title", "title", &i.title);
            f.date(ui, "Raised on", "raised_on", i.raised_on, form.today);
        });
    };
    let new = || Incident { id: form.new_id(IdKind::Incident), raised_on: Some(form.today), ..Incident::default() };
    list_ui(ui, out, &at, "incidents", "incident", &v.incidents, row, body, new);

    ui.add_space(tokens(ui.ctx()).spacing);
    let mut f = Fields::new(at.clone(), out);
    Fields::grid(ui, ("release_form.review.conclusions", &r.id), |ui| {
        f.multiline(ui, "Conclusions", "conclusions", &v.conclusions);
    });

    subheading(ui, "Improvement actions");
    actions_ui(ui, form, &at, &v.actions, "improvement action", out);

    let mut f = Fields::new(at, out);
    Fields::grid(ui, ("release_form.review.completed", &r.id), |ui| {
        f.date(ui, "Review completed on", "completed_on", v.completed_on, form.today);
    });
}

/// A list of action items (the review's improvement actions, or the
/// actions agreed in meetings) with their owner, due date and whether done.
pub(super) fn actions_ui(ui: &mut Ui, form: &Form<'_>, at: &Path, actions: &[Action], noun: &str, out: &mut Intents) {
    let today = form.today;
    let row = |a: &Action| {
        let due = match (a.done, a.due) {
            (true, _) => "✔ done".to_owned(),
            (false, Some(d)) if d < today => format!("⚠ overdue since {d}"),
            (false, Some(d)) => format!("○ due {d}"),
            (false, None) => "○ no due date".to_owned(),
        };
        ListRow {
            title: picks::short(&a.title, 60), status: format!("{due} · {}", form.person_name(a.owner.as_ref()))
        }
    };
    let body = |ui: &mut Ui, a: &Action, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.text(ui, "Action", "title", &a.title);
            picks::person_row(&mut f, ui, form, "Owner", "owner", a.owner.as_ref());
            f.date(ui, "Due", "due", a.due, today.checked_add(jiff::Span::new().days(30)).unwrap_or(today));
            f.check(ui, "Done", "done", a.done);
        });
    };
    let new = || Action { id: form.new_id(IdKind::Action), ..Action::default() };
    list_ui(ui, out, at, "actions", noun, actions, row, body, new);
}
