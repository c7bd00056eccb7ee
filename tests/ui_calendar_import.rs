//! Importing a calendar file through the menu, as a person does: File ›
//! Import blackouts from a calendar, the file's path, a preview that
//! changes nothing, then Import as one undo step. The book's own export
//! in the same file is recognised: its events are not added again.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::export::ics::{IcsOptions, to_ics};
use relplan::ui::RelplanApp;
use std::time::Duration;
use ui_support::{app_with_example, book, step_until};

const CHRISTMAS: &str = "BEGIN:VEVENT\r\nUID:xmas-2026@example.org\r\nDTSTAMP:20260101T000000Z\r\n\
DTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\n";

fn import_through_the_menu(h: &mut Harness<'static, RelplanApp>, path: &std::path::Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import blackouts from a calendar (.ics)…").click();
    step_until(h, "the path field", Duration::from_secs(10), |h| h.query_by_label("Path").is_some());
    h.get_by_label("Path").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Import").click();
    h.run();
}

#[test]
fn the_preview_changes_nothing_and_import_is_one_undo_step() {
    let mut h = app_with_example();
    h.run();
    let before = book(&h);
    // The book's own calendar, with a holiday added by another tool.
    let own = to_ics(&before, &IcsOptions::default());
    let text = own.replace("END:VCALENDAR\r\n", &format!("{CHRISTMAS}END:VCALENDAR\r\n"));
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("team calendar.ics");
    std::fs::write(&path, text).expect("written");
    import_through_the_menu(&mut h, &path);
    assert!(h.query_by_label("Blackout windows from team calendar.ics (5 already up to date)").is_some());
    assert!(h.query_by_label("Add “Christmas Day”: once, 25 Dec 2026, all day").is_some());
    assert!(h.query_by_label_contains("events from Relplan skipped").is_some(), "the preview says what it skips");
    assert_eq!(book(&h), before, "nothing changes while the preview is shown");
    h.get_by_label("Import 1 entry").click();
    h.run();
    let after = book(&h);
    assert_eq!(after.blackouts.len(), before.blackouts.len() + 1, "only the holiday is added");
    assert_eq!(after.ledger.audit.len(), before.ledger.audit.len() + 1, "one step");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(book(&h).blackouts, before.blackouts, "one undo takes the whole import back");
}

#[test]
fn cancel_leaves_the_book_as_it_was() {
    let mut h = app_with_example();
    h.run();
    let before = book(&h);
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("holidays.ics");
    std::fs::write(&path, format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{CHRISTMAS}END:VCALENDAR\r\n")).expect("written");
    import_through_the_menu(&mut h, &path);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label_contains("Blackout windows from").is_none(), "the preview is closed");
    assert_eq!(book(&h), before);
}
