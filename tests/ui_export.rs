//! The Export dialog as a person uses it: File › Export…, pick a format and
//! one release, read what goes in, type where it goes and export; the
//! file is written in the background while the window keeps drawing.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::{app_with_example, settle};

#[test]
fn the_export_dialog_previews_and_writes_one_release_as_markdown() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export…").click();
    h.run();
    assert!(h.query_by_label("What goes in").is_some(), "the dialog is open");
    assert!(h.query_by_label_contains("6 releases with every part of the plan").is_some(), "the whole book by default");
    h.get_by_label("Markdown").click();
    h.run();
    h.get_by_label("One release").click();
    h.run();
    assert!(
        h.query_by_label_contains("1 release with every part of the plan").is_some(),
        "the preview follows the choice"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("one-release.md");
    let field = h.get_by_label("Save to");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Save to").type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export").click();
    h.run();
    assert!(h.query_by_label("What goes in").is_none(), "the dialog closes while the export runs");
    settle(&mut h);
    let text = std::fs::read_to_string(&path).expect("the Markdown file is written");
    assert!(text.starts_with("# REL-1 Payments 2026.06.1"), "{}", &text[..80.min(text.len())]);
    assert!(!text.contains("## REL-2"), "only the chosen release");
    assert!(h.query_by_label_contains("Exported").is_some(), "the status bar says it is done");
}

#[test]
fn snapshot_of_the_export_dialog() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("One release").click();
    h.run();
    assert!(h.query_by_label_contains("Paper").is_some(), "PDF is the first choice, with its paper");
    h.snapshot("export-dialog-light");
}
