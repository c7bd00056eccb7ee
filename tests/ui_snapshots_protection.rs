//! Snapshot images of the protection dialogs and banners (see
//! `tests/ui_snapshots.rs` for how snapshots are made and accepted).

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use ui_support::{app_with_file, settle};

/// A book file at a fixed place, so that the path shown in the window is
/// the same in every run.
fn fixed_book(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join("relplan-snapshot-books");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn read_only_banner_of_a_book_from_a_newer_relplan() {
    let path = fixed_book("newer.ron", &relplan::templates::EXAMPLE.replace("version: 1,", "version: 2,"));
    let mut h = app_with_file(path);
    h.get_by_label("Read-only: this book is not saved to its file");
    h.snapshot("read-only-newer-light");
}

#[test]
fn compare_dialog_after_a_change_on_disk() {
    let path = fixed_book("shared.ron", relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    if let Some(s) = h.state_mut().session_mut() {
        s.doc.set_clock(|| jiff::Timestamp::from_second(1_795_000_000).unwrap_or_default());
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let theirs = relplan::templates::EXAMPLE
        .replace("name: \"Northwind Payments\"", "name: \"Northwind Payments (Sam)\"")
        .replace("version: \"4.0.0\"", "version: \"4.0.1\"");
    std::fs::write(&path, theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("Compare…").click();
    h.run();
    h.get_by_label("Your version and the one on disk");
    h.snapshot("compare-light");
}
