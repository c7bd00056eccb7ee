//! A deployment's runbook: ordered steps with an owner, a duration, the
//! steps they depend on, notes and a done mark, and how the steps fit the
//! deployment window.

use super::chips::chips_row;
use super::overview::subheading;
use super::when::{clock, duration_words, minutes};
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{Deployment, IdKind, RunbookStep};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, ListRow, RefOption, list_ui};
use egui::{RichText, Ui};

/// When each step starts and ends, in minutes after the window opens, if
/// every step starts as soon as the steps it depends on are done: the
/// timing the calendar and the slides use ([`crate::schedule::step_order`]).
#[derive(Debug, PartialEq, Eq)]
struct Timing {
    /// Start and end of each step, in the runbook's order.
    spans: Vec<(u64, u64)>,
    /// The dependencies left out because they close a circle, as (the
    /// waiting step, the step it waits for); how many more were left out.
    left_out: Vec<(crate::model::Id, crate::model::Id)>,
    more_left_out: usize,
}

impl Timing {
    /// Minutes until the last step ends.
    fn total(&self) -> u64 {
        self.spans.iter().map(|s| s.1).max().unwrap_or(0)
    }

    /// What the times leave out, when steps wait for each other in a circle.
    fn circle_words(&self) -> Option<String> {
        let (waiting, waited_for) = self.left_out.first()?;
        let n = self.left_out.len() + self.more_left_out;
        Some(if n == 1 {
            format!(
                "⚠ Steps wait for each other in a circle, so they cannot all start; times are worked out as if \
                 {waiting} did not wait for {waited_for}"
            )
        } else {
            format!(
                "⚠ Steps wait for each other in circles, so they cannot all start; times are worked out without \
                 the {n} dependencies that close them, such as {waiting} waiting for {waited_for}"
            )
        })
    }
}

/// Works out [`Timing`]. Dependencies on steps not in this runbook are ignored.
fn schedule(steps: &[RunbookStep]) -> Timing {
    let order = crate::schedule::step_order::step_order(steps);
    let left_out = order
        .circles
        .iter()
        .map(|c| {
            let waiting = c.steps[0];
            let waited_for = c.steps.get(1).copied().unwrap_or(waiting);
            (steps[waiting].id.clone(), steps[waited_for].id.clone())
        })
        .collect();
    Timing { spans: order.minutes, left_out, more_left_out: order.more_circles }
}

/// The zone's short name at a time ("CET", "BST", "UTC"), or the name as
/// written when it is not a zone the computer knows.
fn zone_short(zone: &str, at: jiff::civil::DateTime) -> String {
    let zone = zone.trim();
    let Ok(tz) = jiff::tz::TimeZone::get(zone) else { return zone.to_owned() };
    at.to_zoned(tz).map_or_else(|_| zone.to_owned(), |z| z.strftime("%Z").to_string())
}

/// Draws the runbook of deployment `d`, whose path is `at`.
pub(super) fn runbook_ui(ui: &mut Ui, form: &Form<'_>, d: &Deployment, at: &Path, out: &mut Intents) {
    subheading(ui, "Runbook");
    let timing = schedule(&d.steps);
    fit_ui(ui, d, &timing);
    let opens = d.window.start;
    let zone = zone_short(&d.window.zone, opens);
    let at_minute = |m: u64| {
        let m = i64::try_from(m).unwrap_or(i64::MAX);
        opens.checked_add(jiff::SignedDuration::from_mins(m)).map_or_else(|_| "—".to_owned(), clock)
    };
    let options: Vec<RefOption> = d
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| RefOption { id: s.id.clone(), label: format!("{}. {}", i + 1, s.title) })
        .collect();
    let row = |s: &RunbookStep| {
        let i = d.steps.iter().position(|x| x.id == s.id).unwrap_or(0);
        let (from, to) = timing.spans.get(i).copied().unwrap_or((0, 0));
        let mark = if s.done { "✔ done" } else { "○" };
        let owner = form.person_name(s.owner.as_ref());
        ListRow {
            title: picks::short(&s.title, 60),
            status: format!(
                "{mark} · {}–{} {zone} · {} · {owner}",
                at_minute(from),
                at_minute(to),
                duration_words(s.duration_minutes.into())
            ),
        }
    };
    let body = |ui: &mut Ui, s: &RunbookStep, at: Path, out: &mut Intents| {
        let others: Vec<RefOption> = options.iter().filter(|o| o.id != s.id).cloned().collect();
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.text(ui, "Title", "title", &s.title);
            picks::person_row(&mut f, ui, form, "Owner", "owner", s.owner.as_ref());
            f.number(ui, "Duration", "duration_minutes", s.duration_minutes, " min");
            chips_row(&mut f, ui, "Depends on", "depends_on", &s.depends_on, &others, "Add step", None);
            f.multiline(ui, "Notes", "notes", &s.notes);
            f.check(ui, "Done", "done", s.done);
        });
    };
    let new = || RunbookStep {
        id: form.new_id(IdKind::Step),
        duration_minutes: 15,
        depends_on: d.steps.last().map(|s| vec![s.id.clone()]).unwrap_or_default(),
        owner: form.release.owner.clone(),
        ..RunbookStep::default()
    };
    list_ui(ui, out, at, "steps", "runbook step", &d.steps, row, body, new);
}

/// "7 steps · 1 h 35 min of work · done after 1 h 35 min · the window is 2 h".
fn fit_ui(ui: &mut Ui, d: &Deployment, timing: &Timing) {
    let t = tokens(ui.ctx());
    if d.steps.is_empty() {
        ui.label(RichText::new("No steps yet.").color(t.text_weak));
        return;
    }
    let work: u64 = d.steps.iter().map(|s| u64::from(s.duration_minutes)).sum();
    let total = timing.total();
    let window = minutes(d.window.end.duration_since(d.window.start));
    let words = |m: u64| duration_words(i64::try_from(m).unwrap_or(i64::MAX));
    let done = d.steps.iter().filter(|s| s.done).count();
    ui.label(
        RichText::new(format!(
            "{} steps, {done} done · {} of work · {} from start to finish, following the dependencies · window {}",
            d.steps.len(),
            words(work),
            words(total),
            duration_words(window)
        ))
        .color(t.text_weak),
    );
    if let Some(words) = timing.circle_words() {
        ui.label(RichText::new(words).color(t.error));
    }
    let over = i64::try_from(total).unwrap_or(i64::MAX).saturating_sub(window);
    if over > 0 {
        ui.label(
            RichText::new(format!("⚠ The runbook needs {} more than the window", duration_words(over)))
                .color(t.warning),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn step(id: &str, minutes: u32, deps: &[&str]) -> RunbookStep {
        RunbookStep {
            id: Id::from(id),
            duration_minutes: minutes,
            depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
            ..RunbookStep::default()
        }
    }

    #[test]
    fn steps_start_when_their_dependencies_end() {
        let steps = [step("A", 10, &[]), step("B", 20, &["A"]), step("C", 5, &["A"]), step("D", 5, &["B", "C"])];
        let timing = schedule(&steps);
        assert_eq!(timing.spans, vec![(0, 10), (10, 30), (10, 15), (30, 35)]);
        assert_eq!(timing.total(), 35);
        assert_eq!(timing.circle_words(), None);
    }

    #[test]
    fn a_circle_is_reported_with_the_dependency_the_times_leave_out() {
        let steps = [step("A", 10, &["B"]), step("B", 10, &["A"])];
        let timing = schedule(&steps);
        assert_eq!(timing.spans, vec![(0, 10), (10, 20)], "A's wait for the later B is left out");
        let words = timing.circle_words().unwrap_or_default();
        assert!(words.contains("as if A did not wait for B"), "{words}");
    }

    #[test]
    fn a_dependency_declared_later_in_the_list_still_counts() {
        let steps = [step("A", 10, &["B"]), step("B", 30, &[])];
        assert_eq!(schedule(&steps).spans, vec![(30, 40), (0, 30)]);
    }
}
