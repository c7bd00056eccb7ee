//! The risk view as a person uses it: click a matrix cell and the register
//! shows only its risks; drag a risk's chip to another cell, or move it
//! with the arrow keys, and one undo puts it back; the view follows edits
//! and another book; and snapshots of the register and the matrices.
//! Sorting, filters, adding and editing are in `ui_risk_register.rs`.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::ui::{CommandId, RelplanApp};
use ui_support::book;
use ui_support::risks::{register_ids, risks_view};

const CTRL: Modifiers = Modifiers::COMMAND;

fn click_at(h: &mut Harness<'static, RelplanApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
}

fn position(h: &Harness<'static, RelplanApp>, id: &str) -> (u8, u8, u8, u8) {
    let b = book(h);
    let r = b.risks.iter().find(|r| r.id.as_str() == id).expect("the risk exists");
    (r.likelihood, r.impact, r.residual_likelihood, r.residual_impact)
}

#[test]
fn clicking_a_cell_filters_the_register_to_its_risks_and_clicking_again_clears_it() {
    let mut h = risks_view();
    let all = book(&h).risks.len();
    // RISK-1, RISK-3, RISK-5, RISK-6 and RISK-9 sit at inherent likelihood 3 × impact 4.
    let cell = h.get_by_label_contains("Inherent cell, likelihood 3, impact 4:");
    assert!(
        cell.accesskit_node().label().is_some_and(|l| l.contains("5 risks") && l.contains("High")),
        "count and band in words"
    );
    cell.click_accesskit();
    h.run();
    let mut shown = register_ids(&h);
    shown.sort();
    let b = book(&h);
    let mut expected: Vec<String> =
        b.risks.iter().filter(|r| (r.likelihood, r.impact) == (3, 4)).map(|r| r.id.to_string()).collect();
    expected.sort();
    assert_eq!(shown, expected);
    assert!(h.query_by_label_contains(&format!("Showing {} of {all} risks", expected.len())).is_some());
    // A mouse click on the cell (away from its chips) clears it again.
    let r = h.get_by_label_contains("Inherent cell, likelihood 3, impact 4:").rect();
    click_at(&mut h, r.right_top() + egui::vec2(-6.0, 6.0));
    assert!(h.query_by_label("Clear the matrix cell filter").is_none(), "a second click clears the filter");
    assert!(h.query_by_label_contains(&format!("Showing {all} of {all} risks")).is_some());
}

#[test]
fn dragging_a_chip_moves_the_risk_in_one_undo_step() {
    let mut h = risks_view();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 2, 4));
    let chip = h.get_by_label_contains("Inherent chip RISK-4:").rect().center();
    let target = h.get_by_label_contains("Inherent cell, likelihood 2, impact 3:").rect().center();
    h.hover_at(chip);
    h.run();
    h.drag_at(chip);
    h.step();
    for k in 1..=6 {
        h.hover_at(chip + (target - chip) * (k as f32 / 6.0));
        h.step();
    }
    h.drop_at(target);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (2, 3, 2, 4), "likelihood and impact both move; residual stays");
    let b = book(&h);
    assert!(b.ledger.audit.last().is_some_and(|e| e.what.contains("Move RISK-4 inherent to likelihood 2 × impact 3")));
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 2, 4), "one undo restores both");
}

#[test]
fn a_focused_chip_moves_with_the_arrow_keys() {
    let mut h = risks_view();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 2, 4));
    h.get_by_label_contains("Residual chip RISK-4:").focus();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 1, 4), "down lowers the residual likelihood");
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 1, 3), "left lowers the residual impact; the chip kept the focus");
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 1, 3), "the scale's edge stops it");
    // Escape leaves the chip, so that Ctrl+Z reaches the app's undo.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 1, 4));
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(position(&h, "RISK-4"), (4, 5, 2, 4));
}

/// What the inherent cell at likelihood 3 × impact 4 says of itself.
fn cell_3_4(h: &Harness<'static, RelplanApp>) -> String {
    h.get_by_label_contains("Inherent cell, likelihood 3, impact 4:").accesskit_node().label().unwrap_or_default()
}

#[test]
fn the_register_and_matrices_follow_an_edit_an_undo_and_another_book() {
    let mut h = risks_view();
    h.get_by_label_contains("Inherent cell, likelihood 3, impact 4:").click_accesskit();
    h.run();
    assert!(cell_3_4(&h).contains(": 5 risks"), "{}", cell_3_4(&h));
    assert!(register_ids(&h).contains(&"RISK-1".to_owned()));
    // An edit: RISK-1 moves out of the cell the register is filtered to.
    h.get_by_label_contains("Inherent chip RISK-1:").focus();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert!(cell_3_4(&h).contains(": 4 risks"), "{}", cell_3_4(&h));
    assert!(!register_ids(&h).contains(&"RISK-1".to_owned()), "the register follows the edit");
    // An undo puts it back.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert!(cell_3_4(&h).contains(": 5 risks"), "{}", cell_3_4(&h));
    assert!(register_ids(&h).contains(&"RISK-1".to_owned()), "the register follows the undo");
    // Another book with as many risks, where RISK-3 sits elsewhere.
    let mut other = relplan::templates::example().expect("the example book opens");
    if let Some(r) = other.risks.iter_mut().find(|r| r.id.as_str() == "RISK-3") {
        r.likelihood = 1;
    }
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("other.ron");
    relplan::store::save(&other, &path).expect("the other book is written");
    ui_support::drop_file(&mut h, path);
    // The undo left the book as it was opened, so it opens without asking.
    ui_support::settle(&mut h);
    assert_eq!(book(&h).risks.len(), other.risks.len());
    assert!(cell_3_4(&h).contains(": 4 risks"), "{}", cell_3_4(&h));
    let shown = register_ids(&h);
    assert!(shown.contains(&"RISK-1".to_owned()) && !shown.contains(&"RISK-3".to_owned()), "{shown:?}");
}

#[test]
fn overdue_reviews_and_unowned_high_risks_are_marked_in_words() {
    let mut b = relplan::templates::example().expect("the example book opens");
    let r = &mut b.risks[3];
    r.next_review = Some(jiff::civil::date(2026, 11, 1));
    r.owner = None;
    r.status = relplan::model::RiskStatus::Open;
    r.treatment = None;
    let mut h = ui_support::app_with(b);
    h.run();
    h.state_mut().run_command(CommandId::ViewRisks);
    h.run();
    assert!(h.query_by_label_contains("1 overdue review").is_some());
    assert!(h.query_by_label_contains("1 high risk with no owner or no treatment").is_some());
    assert!(
        h.query_by_label("⚠ Overdue ⚑ No owner ⚑ Untreated").is_some(),
        "the flags column says what, not only colour"
    );
    assert!(h.query_by_label("⚑ No owner").is_some());
    let row = h.get_by_label_contains("Risk RISK-4 ").accesskit_node().label().unwrap_or_default();
    assert!(
        row.contains("next review 2026-11-01") && row.contains("; Review overdue, high risk with no owner"),
        "{row}"
    );
    h.get_by_label_contains("1 overdue review").click();
    h.run();
    assert_eq!(register_ids(&h), vec!["RISK-4".to_owned()], "the summary filters to the risks that need attention");
}

#[test]
fn a_three_point_policy_gives_a_three_by_three_matrix_with_its_own_bands() {
    let mut b = relplan::templates::example().expect("the example book opens");
    b.policy.risk =
        relplan::model::RiskPolicy { scale: 3, medium_from: 3, high_from: 5, critical_from: 7, ..b.policy.risk };
    let mut h = ui_support::app_with(b);
    h.run();
    h.state_mut().run_command(CommandId::ViewRisks);
    h.run();
    assert_eq!(h.get_all_by_label_contains("Inherent cell, likelihood").count(), 9);
    assert_eq!(h.get_all_by_label_contains("Residual cell, likelihood").count(), 9);
    let top = h.get_by_label_contains("Inherent cell, likelihood 3, impact 3:");
    let label = top.accesskit_node().label().unwrap_or_default();
    assert!(label.contains("score 9, Critical"), "{label}");
    // RISK-4 (likelihood 4, impact 5 on a 5-point scale) sits in the top corner.
    assert!(
        h.query_by_label_contains(
            "Inherent chip RISK-4: Third-party certificate rotation breaks payment routes again, likelihood 3, impact 3"
        )
        .is_some()
    );
    assert!(h.query_by_label("Critical 7–9").is_some(), "the legend follows the policy");
}

fn snapshot_view(name: &str, setup: impl FnOnce(&mut Harness<'static, RelplanApp>)) {
    let mut h = risks_view();
    setup(&mut h);
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshot_register_and_matrices() {
    snapshot_view("risks-light", |_| {});
}

#[test]
fn snapshot_matrix_with_arrows_and_a_risk_open() {
    snapshot_view("risks-arrows-card", |h| {
        h.get_by_label("Arrows").click();
        h.run();
        h.get_by_label_contains("Risk RISK-4 ").click_accesskit();
        h.run();
        assert!(h.query_by_label("Delete risk RISK-4").is_some(), "a click on the row opens the card");
        h.remove_cursor();
    });
}

#[test]
fn snapshot_register_and_matrices_dark() {
    snapshot_view("risks-dark", |h| {
        h.state_mut().run_command(CommandId::ThemeDark);
    });
}
