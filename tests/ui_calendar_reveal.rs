//! A click on a calendar item opens its release with that part of the plan
//! open and in view: a deployment's card, a milestone's card, a phase's
//! row of dates.

mod ui_calendar_support;
mod ui_support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::ui::RelplanApp;
use ui_calendar_support::{calendar, in_window, switch};
use ui_support::book;

/// The text field whose text is `value`, where it is on screen.
fn field_with(h: &Harness<'static, RelplanApp>, value: &str) -> Option<egui::Rect> {
    h.query_all_by_value(value).find(|n| n.accesskit_node().role() == Role::TextInput).map(|n| n.rect())
}

#[test]
fn clicking_a_deployment_opens_its_card_in_the_release_form() {
    let mut h = calendar();
    let name = {
        let b = book(&h);
        let r = b.release(&"REL-5".into()).expect("REL-5");
        r.deployments.iter().find(|d| d.id.as_str() == "DEP-14").expect("DEP-14").name.clone()
    };
    assert!(field_with(&h, &name).is_none(), "no card is open yet");
    h.get_by_label_contains("Deployment DEP-14 of REL-5").click();
    h.run_steps(30);
    assert_eq!(h.state().selected_release_id().map(|i| i.as_str()), Some("REL-5"));
    let rect = field_with(&h, &name).expect("DEP-14's card is open, its name in its field");
    assert!(in_window(rect), "and scrolled into view: {rect:?}");
}

#[test]
fn clicking_a_milestone_opens_its_card_in_the_release_form() {
    let mut h = calendar();
    let label = h
        .get_all_by_label_contains("Milestone MS-")
        .next()
        .expect("a milestone")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    // "Milestone MS-32 of REL-5 “CAB authorisation”, Wed 18 Nov 2026"
    let mut words = label.split(' ');
    let (id, release) = (words.nth(1).unwrap_or_default().to_owned(), words.nth(1).unwrap_or_default().to_owned());
    let name = {
        let b = book(&h);
        let r = b.release(&release.as_str().into()).expect("the milestone's release");
        r.milestones.iter().find(|m| m.id.as_str() == id).expect("the milestone").name.clone()
    };
    h.get_by_label(&label).click();
    // The section opens and the card scrolls into view over a few frames.
    h.run_steps(30);
    assert_eq!(h.state().selected_release_id().map(|i| i.as_str()), Some(release.as_str()));
    let rect = field_with(&h, &name).unwrap_or_else(|| panic!("{id}'s card is open"));
    assert!(in_window(rect), "and scrolled into view: {rect:?}");
}

#[test]
fn clicking_a_phase_brings_its_dates_into_view() {
    let mut h = calendar();
    switch(&mut h, &["Timeline", "By release"]);
    h.get_by_label_contains("Phase Build & Test of REL-5").click();
    h.run_steps(30);
    assert_eq!(h.state().selected_release_id().map(|i| i.as_str()), Some("REL-5"));
    let cell = h.get_by_label_contains("Build & Test planned end").rect();
    assert!(in_window(cell), "the phase's dates are in view: {cell:?}");
}
