//! The release form, used as a release manager would: a release from a
//! template filled in through the form, and a runbook edited.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::model::Phase;
use ui_support::{app_with_example, book};

/// Replaces the text of the first field labelled `label`.
fn retype(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, label: &str, text: &str) {
    let field = h.get_all_by_label(label).next().unwrap_or_else(|| panic!("a field labelled {label}"));
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_all_by_label(label).next().unwrap_or_else(|| panic!("{label}")).type_text(text);
    h.run();
    h.key_press(Key::Tab);
    h.run();
}

/// Scrolls the widget labelled `label` into view and clicks it.
fn press(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn a_release_from_a_template_is_filled_in_through_the_form() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("From the standard template").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("the new release is selected");
    retype(&mut h, "Name", "Payments 2027.05.1");
    retype(&mut h, "Version", "8.1.0");
    retype(&mut h, "Summary", "Tokenised card storage for the web checkout.");
    let b = book(&h);
    let r = b.release(&id).expect("the release is in the book");
    assert_eq!(r.name, "Payments 2027.05.1");
    assert_eq!(r.version, "8.1.0");
    assert_eq!(r.summary, "Tokenised card storage for the web checkout.");
    assert_eq!(r.phase, Phase::Planning);
    let steps: Vec<String> = h.state().session().expect("open").doc.steps().into_iter().map(|s| s.name).collect();
    assert!(steps.iter().any(|s| s == &format!("Set name of {id} to “Payments 2027.05.1”")), "{steps:?}");
    assert_eq!(
        steps.iter().filter(|s| s.starts_with(&format!("Set name of {id}"))).count(),
        1,
        "typing a name is one undo step"
    );
}

#[test]
fn a_ready_release_moves_to_its_next_phase_and_undo_moves_it_back() {
    let mut example = relplan::templates::example().expect("example");
    if let Some(r4) = example.releases.iter_mut().find(|r| r.id.as_str() == "REL-4") {
        r4.review.outcome = Some(relplan::model::Outcome::Success);
    }
    let mut h = ui_support::app_with(example);
    h.run();
    h.get_by_label_contains("Payments 2026.11.1 —").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("selected");
    h.get_by_label_contains("Move to next phase").click();
    h.run();
    h.get_by_label("Move to Review & Close").click();
    h.run();
    assert_eq!(book(&h).release(&id).map(|r| r.phase), Some(Phase::ReviewAndClose));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(book(&h).release(&id).map(|r| r.phase), Some(Phase::Deployment));
}

/// Opens the pick-list labelled `list` and picks `item`.
fn pick(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, list: &str, item: &str) {
    h.get_by_label(list).click();
    h.run();
    h.get_by_label(item).scroll_to_me();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

/// Moves the selected release one phase on: straight through when its gate
/// is open, else with a gate override whose rationale is typed in.
fn next_phase(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, to: &str) {
    press(h, "Move to next phase");
    let plain = format!("Move to {to}");
    if h.query_by_label(&plain).is_some() {
        h.get_by_label(&plain).click();
    } else {
        h.get_by_label("Override with a decision record…").click();
        h.run();
        let rationale = h.get_by_label("Rationale");
        rationale.focus();
        rationale.type_text("Accepted by the change board for this walkthrough.");
        h.run();
        if h.query_by_label("Decided by: — choose —").is_some() {
            pick(h, "Decided by: — choose —", "Jonathan Reeve");
        }
        if h.query_by_label("Remove Jonathan Reeve from informed").is_none() {
            pick(h, "Add person (informed)", "Jonathan Reeve");
        }
        h.get_by_label(&format!("Record decision and move to {to}")).click();
    }
    h.run();
    assert!(!h.state().has_dialog(), "the gate closes after moving to {to}");
}

#[test]
fn a_release_goes_from_an_empty_template_to_closed_in_the_window_and_back_with_undo() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("From the patch template").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("the new release is selected");
    retype(&mut h, "Name", "Payments 2027.02.2");
    let phases = [
        (Phase::BuildAndTest, "Build & Test"),
        (Phase::Deployment, "Deployment"),
        (Phase::ReviewAndClose, "Review & Close"),
        (Phase::Closed, "Closed"),
    ];
    for (phase, label) in phases {
        next_phase(&mut h, label);
        assert_eq!(book(&h).release(&id).map(|r| r.phase), Some(phase));
    }
    let r = book(&h).release(&id).cloned().expect("the release");
    assert_eq!(r.name, "Payments 2027.02.2");
    assert!(r.phases.review_and_close.actual_end.is_some(), "closing is dated");
    assert!(
        r.decisions.iter().any(|d| d.kind == relplan::model::DecisionKind::GateOverride),
        "blocked gates were recorded"
    );
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(book(&h).release(&id).map(|r| r.phase), Some(Phase::Planning), "four undos walk it back");
}

#[test]
fn runbook_steps_are_added_and_reordered() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label_contains("Payments 2027.03.1 —").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("selected");
    let first = book(&h).release(&id).and_then(|r| r.deployments.first().cloned()).expect("a deployment");
    press(&mut h, &format!("1. {}", first.name));
    let before = first.steps.len();
    press(&mut h, "Add runbook step");
    let steps = |h: &egui_kittest::Harness<'static, relplan::ui::RelplanApp>| {
        book(h).release(&id).and_then(|r| r.deployments.first().cloned()).expect("the deployment").steps
    };
    let after = steps(&h);
    assert_eq!(after.len(), before + 1);
    let added = after.last().map(|s| s.id.clone()).expect("a new step");
    press(&mut h, &format!("Move runbook step {} up", before + 1));
    let moved = steps(&h);
    assert_eq!(moved[before - 1].id, added, "the new step moved up one place");
    press(&mut h, "Move runbook step 1 down");
    let swapped = steps(&h);
    assert_eq!(swapped[0].id, first.steps[1].id);
    assert_eq!(swapped[1].id, first.steps[0].id);
    press(&mut h, &format!("Remove runbook step {before}"));
    assert!(!steps(&h).iter().any(|s| s.id == added), "the new step is removed");
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(steps(&h), first.steps, "four undos restore the runbook");
}
