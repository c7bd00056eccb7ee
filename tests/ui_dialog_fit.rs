//! Dialogs in a small window with the largest type (the projector theme at
//! 1280 × 800): each one's title and buttons are on screen and its body
//! scrolls between them. The gate gives what blocks the move a list tall
//! enough to read whole findings, and the command palette's scroll bar
//! stays clear of its shortcuts.

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect};
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::ui::{Prefs, RelplanApp, Theme};

type H = egui_kittest::Harness<'static, RelplanApp>;

/// A laptop plugged into a meeting-room projector.
const SMALL: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The example book in a 1280 × 800 window, in `theme`.
fn app(theme: Theme) -> H {
    ui_support::isolate();
    let book = relplan::templates::example().expect("the example book opens");
    egui_kittest::Harness::builder()
        .with_size(SMALL)
        .with_max_steps(12)
        .build_eframe(move |cc| RelplanApp::with_book(&cc.egui_ctx, Prefs { theme, ..Prefs::default() }, book.clone()))
}

/// Fails unless `rect`, the rect of `what`, lies wholly inside the window.
fn assert_in_window(h: &H, what: &str, rect: Rect) {
    let window = h.ctx.content_rect();
    assert!(window.contains_rect(rect), "{what} at {rect:?} is not wholly inside the window {window:?}");
}

/// Fails unless each of the widgets (found by label) lies wholly inside the window.
fn assert_labels_in_window(h: &H, labels: &[&str]) {
    for label in labels {
        assert_in_window(h, label, h.get_by_label(label).rect());
    }
}

/// Runs a command from the palette, as a person who knows its name would.
fn command(h: &mut H, name: &str) {
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::P);
    h.run();
    h.get_by_label("Search commands and releases").type_text(name);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn select(h: &mut H, name: &str) {
    h.get_by_label_contains(&format!("{name} —")).click();
    h.run();
}

#[test]
fn the_export_dialog_fits_a_small_projector_window_and_its_choices_scroll() {
    let mut h = app(Theme::Projector);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert_in_window(&h, "the title", h.get_by_role_and_label(Role::Label, "Export").rect());
    assert_in_window(&h, "the Export button", h.get_by_role_and_label(Role::Button, "Export").rect());
    assert_labels_in_window(&h, &["Save to", "Choose…", "Cancel", "PDF report"]);
    h.snapshot("export-dialog-projector");
    // The end of the preview is below the fold: it scrolls into view, and
    // stays above the path field.
    let last = "A title page, contents and page numbers";
    h.get_by_label(last).scroll_to_me();
    h.run();
    let line = h.get_by_label(last).rect();
    assert_in_window(&h, last, line);
    assert!(line.bottom() <= h.get_by_label("Save to").rect().top(), "the preview scrolls above the path field");
}

#[test]
fn the_gate_and_its_decision_record_fit_a_small_projector_window() {
    let mut h = app(Theme::Projector);
    h.run();
    select(&mut h, "Payments 2027.01.1");
    h.get_by_label("Move to next phase").click();
    h.run();
    assert_labels_in_window(&h, &["Move “Payments 2027.01.1” to Deployment", "Override with a decision record…"]);
    h.get_by_label("Override with a decision record…").click();
    h.run();
    assert_labels_in_window(
        &h,
        &["Move “Payments 2027.01.1” to Deployment", "Rationale", "Record decision and move to Deployment", "Cancel"],
    );
}

#[test]
fn the_gate_shows_whole_findings_in_a_list_of_their_own() {
    let mut h = app(Theme::Light);
    h.run();
    select(&mut h, "Payments 2027.01.1");
    h.get_by_label("Move to next phase").click();
    h.run();
    h.get_by_label_contains("What blocks the move (9)");
    let go = h.get_by_label("Go there: R6 0").rect();
    let message = h.get_by_label("The day the baseline was recorded is not set.").rect();
    let path = h.get_by_label("releases[REL-5].baseline_recorded_on").rect();
    // The list's scroll bar (the one nearest the finding, not the window's
    // own behind the dialog) runs beside it: its extent is what shows of the list.
    let shown = h
        .query_all_by_role(Role::ScrollBar)
        .map(|b| b.rect())
        .filter(|b| b.y_range().contains(go.center().y))
        .min_by(|a, b| (a.center().x - go.right()).abs().total_cmp(&(b.center().x - go.right()).abs()))
        .expect("the findings scroll beside them");
    assert!((shown.center().x - go.right()).abs() < 40.0, "the list's scroll bar {shown:?} is beside {go:?}");
    for (what, rect) in [("its Go there", go), ("its message", message), ("its path", path)] {
        assert!(
            shown.y_range().contains(rect.top()) && shown.y_range().contains(rect.bottom()),
            "the first finding is cut: {what} at {rect:?}, the list shows {:?}",
            shown.y_range()
        );
    }
    let finding = path.bottom() - go.top();
    assert!(shown.height() >= 2.0 * finding, "the list shows {} px, a finding is {finding} px", shown.height());
}

#[test]
fn the_palette_s_scroll_bar_stays_clear_of_the_shortcuts() {
    let mut h = app(Theme::Light);
    h.run();
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::P);
    h.run();
    let field = h.get_by_label("Search commands and releases").rect();
    let bars: Vec<Rect> = h
        .query_all_by_role(Role::ScrollBar)
        .map(|b| b.rect())
        .filter(|b| field.x_range().contains(b.center().x) && b.top() >= field.bottom())
        .collect();
    assert_eq!(bars.len(), 1, "the palette's list scrolls: {bars:?}");
    let shortcuts: Vec<(String, Rect)> = h
        .get_all_by_label_contains("Ctrl+")
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.value()).map(|l| (l, n.rect())))
        .filter(|(l, _)| l.starts_with("Ctrl+"))
        .collect();
    assert!(shortcuts.len() >= 3, "{shortcuts:?}");
    for (label, rect) in shortcuts {
        assert!(!rect.intersects(bars[0]), "the scroll bar {:?} covers {label} at {rect:?}", bars[0]);
    }
}

#[test]
fn closing_with_unsaved_changes_asks_in_a_dialog_that_fits() {
    let mut h = app(Theme::Projector);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert_labels_in_window(&h, &["Save changes before closing?", "Save", "Discard changes", "Cancel"]);
}

#[test]
fn the_template_dialogs_fit_a_small_projector_window() {
    // A team that keeps many templates of its own.
    ui_support::isolate();
    let example = relplan::templates::example().expect("the example book opens");
    let release = &example.releases[0].id;
    for i in 1..=10 {
        relplan::templates::save_user_template(&example, release, &format!("Team template {i}")).expect("saved");
    }
    let mut h = app(Theme::Projector);
    h.run();
    command(&mut h, "New release");
    assert_labels_in_window(&h, &["New release", "Blank release", "Cancel"]);
    let last = "From the Team template 9 template";
    h.get_by_label(last).scroll_to_me();
    h.run();
    assert_labels_in_window(&h, &["New release", last, "Blank release", "Cancel"]);
    h.get_by_label("Cancel").click();
    h.run();
    command(&mut h, "New book from template");
    assert_labels_in_window(&h, &["New book from a template", "Cancel"]);
    h.get_by_label("Cancel").click();
    h.run();
    command(&mut h, "Save release as template");
    assert_labels_in_window(&h, &["Save release as template", "Template name", "Save template", "Cancel"]);
}

#[test]
fn the_lock_dialog_fits_a_small_projector_window() {
    let dir = tempfile::tempdir().expect("a folder");
    let deep = dir.path().join("a shared folder with a long name").join("release planning").join("2027");
    std::fs::create_dir_all(&deep).expect("folders");
    let path = deep.join("northwind payments release book.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).expect("the book");
    let sam = relplan::store::LockOwner {
        user: "Sam".into(),
        host: "sams-laptop".into(),
        pid: 4242,
        since: "2026-11-27 09:00 UTC".into(),
        token: String::new(),
    };
    std::fs::write(relplan::store::lock_file_of(&path), serde_json::to_vec(&sam).expect("json")).expect("the lock");
    let start = relplan::ui::StartOptions { file: Some(path), theme: Some(Theme::Projector), ..Default::default() };
    let h = ui_support::app_started_sized(start, SMALL);
    assert_labels_in_window(&h, &["This book is open somewhere else", "Open read-only", "Cancel"]);
}
