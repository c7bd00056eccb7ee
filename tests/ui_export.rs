//! The Export dialog as a person uses it: File › Export…, pick a format and
//! one release, read what goes in, type where it goes and export; the
//! file is written in the background while the window keeps drawing.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
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
    ui_support::retype_field(&mut h, "Save to", &path.display().to_string());
    ui_support::press_export(&mut h);
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

/// Chooses File › Export slides (.pdf)… for REL-5 and types `out` into the
/// path field that stands in for the file dialog (none can be shown here).
fn type_slides_path(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, out: &std::path::Path) {
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export slides (.pdf)…").click();
    ui_support::step_until(h, "the path field", std::time::Duration::from_secs(10), |h| {
        h.query_by_label("Path").is_some()
    });
    assert!(h.get_by_label("Path").accesskit_node().is_focused(), "the field has the keyboard when it opens");
    h.get_by_label("Path").type_text(&out.display().to_string());
    h.run();
}

#[test]
fn the_selected_release_is_exported_as_a_slides_handout_from_the_file_menu() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("rel5-slides.pdf");
    let mut h = app_with_example();
    type_slides_path(&mut h, &out);
    h.get_by_label("Save as").click();
    h.run();
    ui_support::step_until(&mut h, "the slides are written", std::time::Duration::from_secs(10), |_| out.exists());
    let bytes = std::fs::read(&out).expect("the handout");
    assert!(bytes.starts_with(b"%PDF-"));
    let text: String = pdf_extract::extract_text_from_mem(&bytes).expect("readable").split_whitespace().collect();
    assert!(text.contains("REL-5") && text.contains("Acceptancecriteriaandapprovals"), "the selected release's slides");
}

#[test]
fn a_png_of_the_current_view_is_written_without_the_dialog_in_it() {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("PNG picture of the current view").click();
    h.run();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("calendar view.png");
    ui_support::retype_field(&mut h, "Save to", &path.display().to_string());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export").click();
    // The window keeps drawing while the picture is taken and written:
    // step with time passing rather than wait for it to settle.
    let start = std::time::Instant::now();
    let mut dialog_gone = false;
    while h.state().is_busy() || !path.exists() {
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "the picture was not written");
        h.step();
        dialog_gone |= h.query_by_label("What goes in").is_none();
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(dialog_gone, "the dialog closes before the picture is taken");
    h.run();
    let picture = image::open(&path).expect("a PNG that opens").to_rgba8();
    let (w, h_px) = picture.dimensions();
    assert!(w >= 1400 && h_px >= 900, "the whole window, {w}×{h_px}");
    // A real picture of the window: many colours, not one flat fill.
    let mut colours = std::collections::HashSet::new();
    for p in picture.pixels().step_by(97) {
        colours.insert(p.0);
    }
    assert!(colours.len() > 20, "{} colours", colours.len());
    assert!(h.query_by_label_contains("Exported").is_some(), "the status bar says it is done");
}

#[test]
fn enter_in_the_path_field_does_what_its_button_does() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("by-enter.pdf");
    let mut h = app_with_example();
    type_slides_path(&mut h, &out);
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Path").is_none(), "Enter closes the path field");
    ui_support::step_until(&mut h, "the slides are written", std::time::Duration::from_secs(10), |_| out.exists());
    assert!(std::fs::read(&out).expect("the handout").starts_with(b"%PDF-"));
}

/// Whether the radio button `label` is chosen.
fn chosen(h: &egui_kittest::Harness<'static, relplan::ui::RelplanApp>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
}

/// The first line of a CSV file, without its byte-order mark (which it must have).
fn csv_header(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).expect("the CSV is written");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let body = text.strip_prefix('\u{FEFF}').expect("a byte-order mark");
    body.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn the_csv_separator_is_chosen_in_the_export_dialog_and_the_menu_export_follows_it() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("CSV table").click();
    h.run();
    assert!(chosen(&h, "Comma ( , )"), "a comma until the user picks another");
    h.get_by_label("Semicolon ( ; )").click();
    h.run();
    let path = dir.path().join("register.csv");
    ui_support::retype_field(&mut h, "Save to", &path.display().to_string());
    ui_support::press_export(&mut h);
    settle(&mut h);
    assert!(csv_header(&path).starts_with("ID;Title;Description;Category;"), "{}", csv_header(&path));

    // The menu's export of the register uses the same separator.
    let menu_path = dir.path().join("from-menu.csv");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export risk register (.csv)…").click();
    ui_support::step_until(&mut h, "the path field", std::time::Duration::from_secs(10), |h| {
        h.query_by_label("Path").is_some()
    });
    h.get_by_label("Path").type_text(&menu_path.display().to_string());
    h.run();
    h.get_by_label("Save as").click();
    h.run();
    assert!(csv_header(&menu_path).starts_with("ID;Title;"), "{}", csv_header(&menu_path));
    assert!(h.query_by_label_contains("cells separated by “;”").is_some(), "the status bar says which separator");

    // The dialog remembers the choice.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("CSV table").click();
    h.run();
    assert!(chosen(&h, "Semicolon ( ; )"));
    h.get_by_label("Comma ( , )").click();
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().prefs().csv_semicolon, "a cancelled export changes nothing");
}

#[test]
fn the_book_itself_is_never_an_export_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("plan.ron");
    std::fs::write(&book, relplan::templates::EXAMPLE).expect("the example is written");
    let before = std::fs::read(&book).expect("read");
    let mut h = ui_support::app_with_file(book.clone());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Markdown").click();
    h.run();
    // The book's own file, by another path.
    let other_path = dir.path().join(".").join("plan.ron");
    ui_support::retype_field(&mut h, "Save to", &other_path.display().to_string());
    h.get_by_label("✖ That is the book itself; choose another file.");
    let export = h.get_by_role_and_label(egui::accesskit::Role::Button, "Export");
    assert!(export.accesskit_node().is_disabled(), "Export is not offered");
    export.click();
    h.run();
    assert_eq!(std::fs::read(&book).expect("read"), before, "the book is untouched");
}
