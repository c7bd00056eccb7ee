//! Snapshots of each kind of walkthrough slide, in the projector theme at
//! 1920 × 1080 as a projector shows them, rendered headless and committed
//! in `tests/snapshots/`. Run with `UPDATE_SNAPSHOTS=1` to accept a change.
//! Each snapshot has its own harness, and the mouse pointer leaves the
//! window first (a projector shows no arrow where the list was clicked).

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

/// The walkthrough of Payments 2027.01.1 at slide `n` (from 1), on a 1080p projector.
fn presenting(n: usize) -> H {
    let mut h = ui_support::presenting_rel_5(egui::vec2(1920.0, 1080.0), n);
    h.remove_cursor();
    h.run();
    h
}

fn snapshot(n: usize, title: &str, name: &str) {
    let mut h = presenting(n);
    assert!(h.query_all_by_label(title).next().is_some(), "slide {n} is “{title}”");
    h.run();
    h.snapshot(name);
}

#[test]
fn agenda() {
    let book = relplan::templates::example().expect("the example book opens");
    let mut h = ui_support::app_sized(book, egui::vec2(1920.0, 1080.0));
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run();
    h.get_by_label("Slide 1 of 32");
    h.remove_cursor();
    h.run();
    h.snapshot("present-agenda");
}

#[test]
fn overview() {
    snapshot(1, "Payments 2027.01.1", "present-overview");
}

#[test]
fn scope() {
    snapshot(2, "Scope and changes", "present-scope");
}

#[test]
fn schedule() {
    snapshot(3, "Schedule", "present-schedule");
}

#[test]
fn runbook() {
    snapshot(5, "Runbook: Production deployment", "present-runbook");
}

#[test]
fn risks() {
    snapshot(7, "Risks", "present-risks");
}

#[test]
fn acceptance() {
    snapshot(8, "Acceptance criteria and approvals", "present-acceptance");
}

#[test]
fn backout() {
    snapshot(9, "Backout plan", "present-backout");
}

#[test]
fn findings() {
    snapshot(10, "Open check findings", "present-findings");
}

#[test]
fn go_no_go() {
    snapshot(11, "Go / no-go", "present-go-no-go");
}

#[test]
fn grid_of_all_slides() {
    let mut h = presenting(8);
    h.key_press(Key::G);
    h.run();
    h.get_by_label("All slides");
    h.snapshot("present-grid");
}

#[test]
fn deciding_beside_the_go_no_go_slide() {
    let mut h = presenting(11);
    h.key_press(Key::D);
    h.run();
    h.get_by_label("Vote go").click();
    h.run();
    h.get_by_label("Attendee: Rajesh Iyer");
    h.remove_cursor();
    h.run();
    h.snapshot("present-decide");
}
