//! The release form in a narrow space: the projector theme's large text at
//! 1280 × 800 with the history panel open. Nothing is drawn over anything
//! else: the name gives way to the "Move to next phase" button, and a
//! card's status gives way to its title.

mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::ui::{Prefs, RelplanApp, Theme};

fn narrow_projector() -> Harness<'static, RelplanApp> {
    ui_support::isolate();
    let mut book = relplan::templates::example().expect("example");
    if let Some(r) = book.releases.iter_mut().find(|r| r.id.as_str() == "REL-5") {
        r.name = "Payments 2027.01.1 service pack for the card platform".into();
    }
    let prefs = Prefs { theme: Theme::Projector, ..Prefs::default() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(12)
        .build_eframe(move |cc| RelplanApp::with_book(&cc.egui_ctx, prefs.clone(), book.clone()));
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 service pack for the card platform —").click();
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("History panel").click();
    h.run();
    assert!(h.query_by_label("Audit trail").is_some(), "the history panel is open");
    h
}

#[test]
fn a_long_name_gives_way_to_the_next_phase_button() {
    let h = narrow_projector();
    let button = h.get_by_label("Move to next phase").rect();
    let name = h
        .query_all_by_label("Payments 2027.01.1 service pack for the card platform")
        .map(|n| n.rect())
        .find(|r| r.top() < button.bottom() && r.bottom() > button.top())
        .expect("the name, level with the button");
    assert!(name.right() <= button.left(), "the name ({name:?}) stops before the button ({button:?})");
    if let Some(next) = h.query_by_label("Next: Deployment") {
        assert!(!next.rect().intersects(name), "“Next: Deployment” is not drawn over the name");
    }
}

#[test]
fn a_cards_title_keeps_more_room_than_its_status() {
    let h = narrow_projector();
    // The first deliverable's card: its title and its status, side by side.
    let status = h.get_by_label_contains("version jre21").rect();
    let title = h
        .query_all_by_label_contains("1. payments-base")
        .map(|n| n.rect())
        .filter(|r| r.top() < status.bottom() && r.bottom() > status.top())
        .min_by(|a, b| a.width().total_cmp(&b.width()))
        .expect("the title, level with the status");
    assert!(title.right() <= status.left(), "the status ({status:?}) is not drawn over the title ({title:?})");
    assert!(title.width() >= status.width(), "the title has the larger share: {title:?} vs {status:?}");
}
