//! File › Export calendar (.ics)… as a person uses it: the Export dialog
//! opens on the calendar, where they choose its audience (which kinds of
//! events, which releases) before it is written.

mod ui_support;

use egui_kittest::kittest::{NodeT, Queryable};
use ui_support::{app_with_example, settle};

#[test]
fn the_calendar_export_asks_which_events_and_releases_go_in() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export calendar (.ics)…").click();
    h.run();
    assert!(h.query_by_label("What goes in").is_some(), "the Export dialog opens, not a file picker");
    assert!(h.query_by_label("Events").is_some(), "on the calendar's choices");
    assert!(h.query_by_label_contains("blackout windows").is_some(), "every kind by default");
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Phases").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Blackout windows").click();
    h.run();
    h.get_by_label("One release").click();
    h.run();
    h.get_by_label_contains("Release: ").click();
    h.run();
    h.get_by_label_contains("REL-4 ").click();
    h.run();
    let what = h.get_by_label_contains("deployment windows");
    let said = format!("{what:?}");
    assert!(!said.contains("phases") && !said.contains("blackout"), "the preview follows the choice: {said}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rel4.ics");
    ui_support::retype_field(&mut h, "Save to", &path.display().to_string());
    ui_support::press_export(&mut h);
    settle(&mut h);
    let text = std::fs::read_to_string(&path).expect("the calendar is written");
    let uids: Vec<&str> = text.split("\r\n").filter_map(|l| l.strip_prefix("UID:")).collect();
    assert!(!uids.is_empty());
    assert!(uids.iter().all(|u| u.starts_with("REL-4.")), "only REL-4's events: {uids:?}");
    assert!(uids.iter().any(|u| u.contains(".milestone.")) && uids.iter().any(|u| u.contains(".deployment.")));
    assert!(!uids.iter().any(|u| u.contains(".phase.") || u.starts_with("blackout.")), "{uids:?}");
}

#[test]
fn with_no_kind_of_event_chosen_nothing_can_be_exported() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export calendar (.ics)…").click();
    h.run();
    for kind in ["Phases", "Milestones", "Deployment windows", "Blackout windows"] {
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, kind).click();
        h.run();
    }
    assert!(h.query_by_label_contains("choose at least one kind").is_some());
    let export = h.get_by_role_and_label(egui::accesskit::Role::Button, "Export");
    assert!(export.accesskit_node().is_disabled(), "Export waits for a choice");
}
