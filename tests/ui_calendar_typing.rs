//! The conflicts follow every change of the book, typed ones included:
//! a runbook step typed from 30 to 40 minutes runs into the same person's
//! next step, and the calendar's conflicts panel says so.

mod ui_calendar_support;
mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::model::{Book, Id, RunbookStep};
use ui_calendar_support::fixed_day;

/// DEP-13's runbook as three steps: Oliver's first check (30 minutes),
/// Marta's (30 minutes), then Oliver's again after Marta's.
fn book() -> Book {
    let mut book = relplan::templates::example().expect("example");
    let people: Vec<Id> = book.people.iter().take(2).map(|p| p.id.clone()).collect();
    let step = |n: u32, owner: &Id, after: &[&str]| RunbookStep {
        id: Id::from(format!("STEP-90{n}").as_str()),
        title: format!("Check {n}"),
        owner: Some(owner.clone()),
        duration_minutes: 30,
        depends_on: after.iter().map(|a| Id::from(*a)).collect(),
        ..RunbookStep::default()
    };
    let steps = vec![step(1, &people[0], &[]), step(2, &people[1], &[]), step(3, &people[0], &["STEP-902"])];
    let dep = book.releases.iter_mut().flat_map(|r| r.deployments.iter_mut()).find(|d| d.id.as_str() == "DEP-13");
    dep.expect("DEP-13").steps = steps;
    book
}

#[test]
fn typing_a_longer_step_shows_the_double_booking_in_the_conflicts_panel() {
    fixed_day();
    let mut h = ui_support::app_with(book());
    h.run();
    h.get_by_label("Calendar").click();
    h.run();
    assert!(h.query_by_label_contains("No conflicts").is_some(), "Check 1 ends as Check 3 starts");
    h.get_by_label_contains("Deployment DEP-13 of REL-4").click();
    h.run_steps(30);
    h.get_by_label_contains("1. Check 1").click();
    h.run_steps(10);
    // The step's duration (the first of the form's "Duration" fields, in the open card).
    let spin = egui::accesskit::Role::SpinButton;
    h.get_all_by_role_and_label(spin, "Duration").next().expect("Check 1's duration").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_all_by_role_and_label(spin, "Duration").next().expect("the field").type_text("40");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let minutes = ui_support::book(&h)
        .releases
        .iter()
        .flat_map(|r| &r.deployments)
        .flat_map(|d| &d.steps)
        .find(|s| s.id.as_str() == "STEP-901")
        .map(|s| s.duration_minutes);
    assert_eq!(minutes, Some(40), "the duration was typed");
    h.get_by_label("Calendar").click();
    h.run();
    assert!(h.query_by_label("⚠ Person double-booked").is_some(), "the panel shows the new conflict");
    assert!(h.query_by_label_contains("No conflicts").is_none());
}
