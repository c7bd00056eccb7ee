//! The window as a person uses it: menus, shortcuts, dialogs, undo, files
//! and the unsaved-changes guard.

mod ui_support;

use egui_kittest::kittest::Queryable;

use egui::{Key, Modifiers};
use ui_support::{app_with_example, app_with_file, book, settle};

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

#[test]
fn a_blank_release_is_added_from_the_release_menu_and_undone_with_the_keyboard() {
    let mut h = app_with_example();
    h.run();
    let before = book(&h).releases.len();
    h.get_by_label("Release").click();
    h.run();
    h.get_all_by_label_contains("New release").next().expect("the menu item").click();
    h.run();
    h.get_by_label("Blank release").click();
    h.run();
    let after = book(&h);
    assert_eq!(after.releases.len(), before + 1);
    let added = after.releases.last().map(|r| r.id.clone());
    assert_eq!(h.state().selected_release_id(), added.as_ref(), "the new release is shown");
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(book(&h).releases.len(), before, "Ctrl+Z undoes it");
    h.key_press_modifiers(CTRL_SHIFT, Key::Z);
    h.run();
    assert_eq!(book(&h).releases.len(), before + 1, "Ctrl+Shift+Z redoes it");
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    h.key_press_modifiers(CTRL, Key::Y);
    h.run();
    assert_eq!(book(&h).releases.len(), before + 1, "Ctrl+Y redoes it too");
}

#[test]
fn a_release_from_a_template_brings_its_plan_and_risks() {
    let mut h = app_with_example();
    h.run();
    let before = book(&h);
    h.key_press_modifiers(CTRL, Key::N);
    h.run();
    h.get_by_label("From the standard template").click();
    h.run();
    let after = book(&h);
    let new = after.releases.iter().find(|r| before.release(&r.id).is_none()).expect("a new release");
    assert!(!new.deployments.is_empty() && new.deployments.iter().all(|d| !d.steps.is_empty()), "it has a runbook");
    assert!(!new.criteria.is_empty(), "it has acceptance criteria");
    assert!(after.risks_of(&new.id).count() > 0, "its typical risks come with it");
    let findings = relplan::check::structural_findings(&after);
    assert!(findings.is_empty(), "every reference fits the book: {findings:?}");
}

#[test]
fn deleting_a_release_needs_no_confirmation_and_undo_brings_it_back() {
    let mut h = app_with_example();
    h.run();
    let selected = h.state().selected_release_id().cloned().expect("a release is selected");
    h.get_by_label("Release").click();
    h.run();
    h.get_by_label("Delete release").click();
    h.run();
    assert!(book(&h).release(&selected).is_none());
    assert!(!h.state().has_dialog(), "no confirmation dialog");
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert!(book(&h).release(&selected).is_some());
}

#[test]
fn closing_with_unsaved_changes_asks_save_discard_or_cancel() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    assert!(h.state().session().is_some_and(|s| s.doc.is_dirty()));
    h.key_press_modifiers(CTRL, Key::Q);
    h.run();
    h.get_by_label("Save changes before closing?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().close_confirmed(), "Cancel keeps the window open");
    assert!(h.query_by_label("Save changes before closing?").is_none());
    h.key_press_modifiers(CTRL, Key::Q);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(h.state().close_confirmed(), "Discard closes");
}

#[test]
fn closing_a_saved_book_does_not_ask() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(CTRL, Key::Q);
    h.run();
    assert!(h.query_by_label("Save changes before closing?").is_none());
    assert!(h.state().close_confirmed());
}

#[test]
fn save_then_reopen_finds_everything_there() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).expect("the example is written");
    let mut h = app_with_file(path.clone());
    let selected = h.state().selected_release_id().cloned().expect("a release is selected");
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    let edited = book(&h);
    h.key_press_modifiers(CTRL, Key::S);
    settle(&mut h);
    assert!(!h.state().session().is_some_and(|s| s.doc.is_dirty()), "saved");
    let on_disk = relplan::store::load(&path).expect("the saved book opens").book;
    assert_eq!(on_disk, edited, "the file holds exactly what the window showed");
    let copy = on_disk.releases.iter().find(|r| r.name.starts_with("Copy of")).expect("the duplicate was saved");
    assert_ne!(copy.id, selected);
    let h2 = app_with_file(path);
    assert!(h2.get_all_by_label_contains(&copy.name).count() >= 1, "the reopened book lists the copy");
}

#[test]
fn the_palette_finds_commands_by_fuzzy_search() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(CTRL_SHIFT, Key::P);
    h.run();
    let field = h.get_by_label("Search commands and releases");
    field.focus();
    field.type_text("drk thm");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().prefs().theme, relplan::ui::Theme::Dark);
}

#[test]
fn the_history_panel_lists_steps_and_jumps_back() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("History panel").click();
    h.run();
    h.get_by_label_contains("✔ Duplicate");
    h.get_by_label("○ As opened").click();
    h.run();
    assert!(!h.state().session().is_some_and(|s| s.doc.is_dirty()), "back at the opened state");
    h.get_by_label_contains("○ Duplicate");
}

#[test]
fn zoom_and_theme_persist_in_the_preferences() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(CTRL, Key::Plus);
    h.run();
    assert!(h.state().prefs().zoom > 1.0);
    h.key_press_modifiers(CTRL, Key::Num0);
    h.run();
    assert!((h.state().prefs().zoom - 1.0).abs() < f32::EPSILON);
}

/// Book A open with an unsaved change, and book B dropped on the window:
/// the window asks first. Returns A's path, B's path and A's release count
/// with the change.
fn dropping_another_book_on_unsaved_changes(
    dir: &std::path::Path,
) -> (egui_kittest::Harness<'static, relplan::ui::RelplanApp>, std::path::PathBuf, std::path::PathBuf, usize) {
    let a = dir.join("a.ron");
    let b = dir.join("b.ron");
    std::fs::write(&a, relplan::templates::EXAMPLE).expect("a is written");
    let mut other = relplan::templates::example().expect("example");
    other.name = "The other book".into();
    relplan::store::save(&other, &b).expect("b is written");
    let mut h = app_with_file(a.clone());
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    let releases = book(&h).releases.len();
    ui_support::drop_file(&mut h, b.clone());
    h.run();
    assert!(h.query_by_label("Open another book?").is_some(), "the window asks first");
    (h, a, b, releases)
}

#[test]
fn save_then_open_keeps_the_changes_and_opens_the_other_book() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (mut h, a, _b, releases) = dropping_another_book_on_unsaved_changes(dir.path());
    h.get_by_label("Save, then open").click();
    settle(&mut h);
    settle(&mut h);
    assert_eq!(book(&h).name, "The other book", "the other book is open");
    let saved = relplan::store::load(&a).expect("a opens").book;
    assert_eq!(saved.releases.len(), releases, "the change was saved to a first");
}

#[test]
fn a_new_book_from_a_template_offers_to_save_the_open_books_changes_first() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let a = dir.path().join("a.ron");
    std::fs::write(&a, relplan::templates::EXAMPLE).expect("a is written");
    let mut h = app_with_file(a.clone());
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    let releases = book(&h).releases.len();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New book from template…").click();
    h.run();
    h.get_by_label_contains("they are lost if you continue");
    h.get_by_label("Save them first").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("they are lost if you continue").is_none(), "nothing is left to lose");
    assert!(h.query_by_label("From the standard template").is_some(), "the dialog stays open");
    assert_eq!(relplan::store::load(&a).expect("a opens").book.releases.len(), releases, "the change is saved");
}
