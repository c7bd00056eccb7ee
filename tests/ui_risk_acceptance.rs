//! A risk held at the gate into Deployment, accepted from the release form:
//! its card says it blocks Deployment, one click records a risk-acceptance
//! decision naming it, the card says what the decision still lacks, and
//! once the rationale is written the gate (rule G1) lets the risk through.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::model::{DecisionKind, Id};
use ui_support::{app_with, book};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

/// The G1 findings about RISK-98 in the book shown.
fn g1_on_risk_98(h: &H) -> usize {
    let b = book(h);
    let today = jiff::Zoned::now().date();
    relplan::check::all_findings(&b, today).iter().filter(|f| f.rule == "G1" && f.message.contains("RISK-98")).count()
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn a_blocking_risk_is_accepted_from_its_card_in_one_step_and_the_gate_lets_it_through() {
    let mut h = app_with(ui_support::with_critical_risk_on_rel_5());
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    let decisions_before = book(&h).release(&Id::from("REL-5")).map(|r| r.decisions.len()).expect("REL-5");
    assert_eq!(g1_on_risk_98(&h), 1, "the risk is held at the gate");

    // The card says so even while closed; its title opens it.
    assert!(h.query_by_label("⚠ Blocks Deployment").is_some(), "the closed card says the risk blocks Deployment");
    click(&mut h, "Peak-volume latency on the new routing");
    h.get_by_label_contains("⚠ Blocks Deployment (G1): its residual score is in the Critical band or above");
    click(&mut h, "Record risk acceptance");

    let r5 = book(&h).release(&Id::from("REL-5")).cloned().expect("REL-5");
    assert_eq!(r5.decisions.len(), decisions_before + 1, "one decision added");
    let d = r5.decisions.last().expect("the new decision");
    assert_eq!(d.kind, DecisionKind::RiskAcceptance);
    assert_eq!(d.title, "Accept RISK-98 “Peak-volume latency on the new routing” for Deployment");
    assert_eq!(d.decided_by, r5.owner, "the risk has no owner, so the release owner accepts it");
    assert!(d.decided_at.is_some(), "dated now");
    assert_eq!(g1_on_risk_98(&h), 1, "without a rationale the risk is not yet accepted");
    h.get_by_label_contains(&format!("{} names this risk but does not yet say why (the rationale)", d.id));

    // The new decision is open in the Decisions section: write why.
    let rationale = h.get_all_by_label("Rationale").last().expect("the decision's rationale field");
    rationale.focus();
    h.run();
    h.get_all_by_label("Rationale")
        .last()
        .expect("rationale")
        .type_text("Latency above 800 ms only at peaks we do not reach before March; monitored hourly.");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(g1_on_risk_98(&h), 0, "the gate accepts the risk");
    assert!(h.query_by_label("⚠ Blocks Deployment").is_none(), "the card no longer says it blocks");
    h.get_by_label_contains("✔ Accepted for Deployment by");

    // Undo takes back the rationale, then the decision.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(g1_on_risk_98(&h), 1, "undoing the rationale holds the risk again");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let after = book(&h).release(&Id::from("REL-5")).map(|r| r.decisions.len()).expect("REL-5");
    assert_eq!(after, decisions_before, "and the decision is gone");
}

#[test]
fn snapshot_of_a_risk_card_that_blocks_deployment() {
    let mut h = app_with(ui_support::with_critical_risk_on_rel_5());
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    click(&mut h, "Peak-volume latency on the new routing");
    h.get_by_label("Record risk acceptance").scroll_to_me();
    h.remove_cursor();
    h.run();
    h.snapshot("release-risk-blocks-deployment");
}
