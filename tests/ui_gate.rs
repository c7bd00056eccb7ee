//! The phase gate and the checks view, clicked through as a release
//! manager would: a blocked gate overridden with a decision record that
//! then shows in the history; a gate that lets the move through; "Go
//! there" from the checks; snapshots of the checks view and of a blocked
//! gate.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::model::{DecisionKind, Id, Outcome, Phase, Role};
use ui_support::{app_with, app_with_example, book};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

fn select(h: &mut H, name: &str) {
    h.get_by_label_contains(&format!("{name} —")).click();
    h.run();
}

fn release_phase(h: &H, id: &str) -> Phase {
    book(h).release(&Id::from(id)).map(|r| r.phase).expect("release exists")
}

/// Opens the checks view and types `text` into its filter.
fn checks_filtered(h: &mut H, text: &str) {
    h.get_by_label("Checks").click();
    h.run();
    let filter = h.get_by_label("Filter findings");
    filter.focus();
    filter.type_text(text);
    h.run();
}

/// Opens the gate of the selected release.
fn open_gate(h: &mut H) {
    h.get_by_label("Move to next phase").click();
    h.run();
    assert!(h.state().has_dialog(), "the gate dialog opens");
}

#[test]
fn a_blocked_gate_moves_only_with_a_decision_record_that_shows_in_the_history() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    open_gate(&mut h);
    // The same words as the walkthrough's findings slide: the gate counts checks.
    let verdict = h.get_by_label_contains("Blocked:");
    assert!(format!("{verdict:?}").contains("checks pass"), "{verdict:?}");
    h.get_by_label_contains("What blocks the move");
    h.get_by_label_contains("Exit criteria of Build & Test");
    h.get_by_label_contains("Entry criteria of Deployment");
    assert!(h.query_by_label("Move to Deployment").is_none(), "a blocked gate has no plain move button");

    h.get_by_label("Override with a decision record…").click();
    h.run();
    let record = "Record decision and move to Deployment";
    assert!(h.get_by_label(record).accesskit_node().is_disabled(), "incomplete record: the button is disabled");
    let rationale = h.get_by_label("Rationale");
    rationale.focus();
    rationale.type_text("Peak-volume test reruns in staging before wave 1; service owner accepts the gap.");
    h.run();
    h.get_by_label("Add person (informed)").click();
    h.run();
    h.get_by_label("Jonathan Reeve").scroll_to_me();
    h.run();
    h.get_by_label("Jonathan Reeve").click();
    h.run();
    h.get_by_label("Remove Jonathan Reeve from informed");
    h.get_by_label(record).click();
    h.run();
    assert!(!h.state().has_dialog(), "the dialog closes");

    let b = book(&h);
    let r5 = b.release(&Id::from("REL-5")).expect("REL-5");
    assert_eq!(r5.phase, Phase::Deployment);
    let d = r5.decisions.last().expect("a decision was recorded");
    assert_eq!(d.kind, DecisionKind::GateOverride);
    assert!(d.title.contains("Deployment"), "{}", d.title);
    assert!(d.rationale.starts_with("Peak-volume test"));
    assert_eq!(d.decided_by, r5.owner);
    assert_eq!(d.role, Some(Role::ReleaseManager));
    assert!(d.decided_at.is_some());
    assert_eq!(d.informed, vec![Id::from("P-12")]);
    assert_eq!(r5.phases.deployment.actual_start, r5.phases.build_and_test.actual_end);

    // The record is in the history: the undo list and the audit trail.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("History panel").click();
    h.run();
    let entries = h.get_all_by_label_contains("overriding the gate (decision").count();
    assert!(entries >= 2, "in the undo list and the audit trail, found {entries}");

    // One undo step takes back both the decision and the move.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let b = book(&h);
    let r5 = b.release(&Id::from("REL-5")).expect("REL-5");
    assert_eq!(r5.phase, Phase::BuildAndTest);
    assert!(r5.decisions.iter().all(|d| d.kind != DecisionKind::GateOverride));
}

#[test]
fn the_gate_into_deployment_lists_an_unaccepted_critical_risk() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    open_gate(&mut h);
    assert!(h.query_by_label("G1 · 8.5.3 c").is_none(), "the example's REL-5 has no risk at the gate band");
    let mut h = app_with(ui_support::with_critical_risk_on_rel_5());
    h.run();
    select(&mut h, "Payments 2027.01.1");
    open_gate(&mut h);
    h.get_by_label_contains("What blocks the move");
    h.get_by_label("G1 · 8.5.3 c");
    h.get_by_label_contains("RISK-98 “Peak-volume latency on the new routing” has a residual score of 20 (Critical)");
    h.get_by_label("risks[RISK-98].residual_likelihood");
    h.get_by_label("No open risk at or above the gate band without a recorded acceptance");
}

#[test]
fn a_gate_with_nothing_blocking_lets_the_move_through() {
    let mut example = relplan::templates::example().expect("example");
    if let Some(r4) = example.releases.iter_mut().find(|r| r.id.as_str() == "REL-4") {
        r4.review.outcome = Some(Outcome::Success);
    }
    let mut h = app_with(example);
    h.run();
    select(&mut h, "Payments 2026.11.1");
    open_gate(&mut h);
    h.get_by_label_contains("Ready to move");
    h.get_by_label("Move to Review & Close").click();
    h.run();
    assert!(!h.state().has_dialog());
    assert_eq!(release_phase(&h, "REL-4"), Phase::ReviewAndClose);
    let r4 = book(&h).release(&Id::from("REL-4")).cloned().expect("REL-4");
    assert!(r4.decisions.iter().all(|d| d.kind != DecisionKind::GateOverride));
}

#[test]
fn cancel_leaves_the_release_where_it_was() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    open_gate(&mut h);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().has_dialog());
    assert_eq!(release_phase(&h, "REL-5"), Phase::BuildAndTest);
}

#[test]
fn go_there_from_the_checks_shows_the_release() {
    let mut h = app_with_example();
    h.run();
    checks_filtered(&mut h, "REL-5");
    let go = h.get_all_by_label_contains("Go there:").find(|n| {
        use egui_kittest::kittest::NodeT;
        n.accesskit_node().label().is_some_and(|l| l.contains(" releases[REL-5]"))
    });
    let go = go.expect("a finding in REL-5's plan");
    go.click();
    h.run();
    assert_eq!(h.state().selected_release_id(), Some(&Id::from("REL-5")));
}

#[test]
fn checks_view_snapshot() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2026.11.1");
    h.get_by_label("Checks").click();
    h.run();
    h.get_by_label("Info hidden").click();
    h.run();
    h.snapshot("checks-light");
}

#[test]
fn blocked_gate_snapshot() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    open_gate(&mut h);
    h.get_by_label("Override with a decision record…").click();
    h.run();
    h.snapshot("gate-blocked-light");
}

#[test]
fn a_reference_broken_by_an_edit_is_found_at_once() {
    let mut h = app_with_example();
    h.run();
    let before = h.state_mut().findings().iter().filter(|f| f.rule == "S3").count();
    assert_eq!(before, 0, "the example book has no broken references");
    let owner = book(&h).release(&Id::from("REL-5")).and_then(|r| r.owner.clone()).expect("REL-5 has an owner");
    let edit = relplan::edit::Edit::remove(relplan::edit::Path::root(), "people", &owner);
    h.state_mut().session_mut().expect("open").doc.apply(edit).expect("the person is removed");
    h.run();
    let broken: Vec<String> = h.state_mut().findings().iter().filter(|f| f.rule == "S3").map(|f| f.path()).collect();
    assert!(broken.contains(&"releases[REL-5].owner".to_owned()), "{broken:?}");
}

#[test]
fn go_there_opens_and_scrolls_to_the_section_to_fix() {
    let mut h = app_with_example();
    h.run();
    checks_filtered(&mut h, "R18");
    h.get_by_label("Go there: R18 releases[REL-5].agreements[AGR-15].agreed").click();
    for _ in 0..4 {
        h.run();
    }
    assert_eq!(h.state().selected_release_id(), Some(&Id::from("REL-5")));
    let header = h.get_by_label_contains("Communications and stakeholders").rect();
    let screen = h.ctx.content_rect();
    assert!(screen.contains(header.center()), "the section's header {header:?} is on screen {screen:?}");
    assert!(h.query_all_by_label_contains("Marta Silva").count() > 0);
}

#[test]
fn go_there_on_a_shared_record_opens_it_in_the_book() {
    let mut h = app_with_example();
    h.run();
    checks_filtered(&mut h, "RFC-2172");
    // The finding concerns REL-6, but what to fix is the change request itself.
    h.get_by_label("Go there: R10 changes[CHG-6].risk").click();
    for _ in 0..4 {
        h.run();
    }
    h.get_by_label_contains("Requests for change that releases implement");
    // The change request's card is open, with the field the finding names.
    assert!(h.query_all_by_label_contains("RFC-2172").count() > 0, "the change request is in view");
    assert!(h.query_all_by_label("Risk band").count() > 0, "its card is open");
}
