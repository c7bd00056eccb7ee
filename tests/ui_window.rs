//! The window around the book: the palette over releases and recent books,
//! closing with the window's own button, the title's unsaved marker, a
//! broken book's message, the About box, the release list's filters and
//! sort, undo inside a text field, and the preferences that outlive a run.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::ui::{Prefs, RelplanApp, Theme};
use ui_support::{app_with_example, app_with_file, book, settle};

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

/// The example book saved to `dir/name`.
fn example_file(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let example = relplan::templates::example().expect("example");
    relplan::store::save(&example, &path).expect("saved");
    path
}

fn palette(h: &mut Harness<'static, RelplanApp>, query: &str) {
    h.key_press_modifiers(CTRL_SHIFT, Key::P);
    h.run();
    let field = h.get_by_label("Search commands and releases");
    field.focus();
    field.type_text(query);
    h.run();
    h.key_press(Key::Enter);
    // A command may start background work (opening a book), so wait for it
    // rather than for a fixed number of frames.
    settle(h);
}

#[test]
fn the_palette_finds_a_release_by_fuzzy_search_and_shows_it() {
    let mut h = app_with_example();
    h.run();
    let target = book(&h).releases.iter().find(|r| r.name == "Payments 2027.03.1").map(|r| r.id.clone());
    palette(&mut h, "paymnts 2027.03");
    assert_eq!(h.state().selected_release_id(), target.as_ref(), "the release is selected");
}

#[test]
fn open_recent_is_a_command_and_the_palette_lists_the_recent_books() {
    let dir = ui_support::temp_folder("recent");
    let mut other = relplan::templates::example().expect("example");
    other.name = "Card platform book".to_owned();
    let path = dir.join("card-platform.ron");
    relplan::store::save(&other, &path).expect("saved");
    ui_support::isolate();
    let prefs = Prefs { recent: vec![path.clone()], ..Prefs::default() };
    let example = relplan::templates::example().expect("example");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_eframe(move |cc| RelplanApp::with_book(&cc.egui_ctx, prefs.clone(), example.clone()));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open recent").hover();
    h.run();
    assert!(h.query_by_label(&path.display().to_string()).is_some(), "the File menu lists the recent book");
    h.key_press(Key::Escape);
    h.run();
    palette(&mut h, "Open recent: card");
    assert_eq!(book(&h).name, "Card platform book", "the recent book is open");
    assert_eq!(h.state().session().and_then(|s| s.path()), Some(path.as_path()));
}

#[test]
fn the_window_button_with_unsaved_changes_asks_and_save_saves_then_closes() {
    let dir = ui_support::temp_folder("close");
    let path = example_file(&dir, "plan.ron");
    let mut h = app_with_file(path.clone());
    let releases = book(&h).releases.len();
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    assert!(h.state().title().starts_with("• "), "the title marks unsaved changes: {}", h.state().title());
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.run();
    assert!(h.query_by_label("Save changes before closing?").is_some(), "closing asks first");
    assert!(!h.state().close_confirmed(), "the window stays open while it asks");
    h.get_by_label("Save").click();
    settle(&mut h);
    let saved = relplan::store::load(&path).expect("the saved book opens").book;
    assert_eq!(saved.releases.len(), releases + 1, "Save wrote the change before closing");
    assert!(h.state().close_confirmed(), "and then the window closes");
    assert!(!h.state().title().starts_with("• "), "nothing is left unsaved");
}

#[test]
fn a_broken_book_shows_the_stores_message_in_the_window() {
    let dir = ui_support::temp_folder("broken");
    let path = dir.join("broken.ron");
    std::fs::write(&path, "(format: \"relplan-book\", version: 1, book: (name: \"x\", releases: [ (id: ")
        .expect("written");
    let h = app_with_file(path);
    assert!(h.query_by_label("The book could not be opened").is_some(), "the window says so");
    let message = h.query_by_label_contains("broken.ron:1:");
    assert!(message.is_some(), "it names the file, with the line and column of the problem");
}

#[test]
fn the_about_box_shows_the_version_and_commit() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Relplan").click();
    h.run();
    let version = format!("Version {}", relplan::version::LONG_VERSION);
    assert!(h.query_by_label(&version).is_some(), "{version}");
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().has_dialog());
}

/// The release list's rows, top to bottom (each is named "name — phase — type").
fn list_rows(h: &Harness<'static, RelplanApp>) -> Vec<String> {
    let names: Vec<String> = book(h).releases.iter().map(|r| format!("{} — ", r.name)).collect();
    h.get_all_by_label_contains(" — ")
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| names.iter().any(|n| l.starts_with(n.as_str())))
        .collect()
}

#[test]
fn the_release_list_filters_by_phase_and_sorts_by_date() {
    let mut h = app_with_example();
    h.run();
    let all = book(&h).releases.len();
    assert!(h.query_by_label(&format!("{all} of {all} releases")).is_some());
    h.get_by_label("Phase filter: All phases").click();
    h.run();
    h.get_by_label("Closed").click();
    h.run();
    let closed = book(&h).releases.iter().filter(|r| r.phase == relplan::model::Phase::Closed).count();
    assert!(closed > 0 && closed < all);
    assert!(h.query_by_label(&format!("{closed} of {all} releases")).is_some(), "only closed releases are listed");
    h.get_by_label("Phase filter: Closed").click();
    h.run();
    h.get_by_label("All phases").click();
    h.run();
    let earliest_first = list_rows(&h);
    assert_eq!(earliest_first.len(), all);
    h.get_by_label_contains("Sort order").click();
    h.run();
    h.get_by_label("Date, latest first").click();
    h.run();
    let latest_first = list_rows(&h);
    assert_ne!(latest_first, earliest_first);
    assert_eq!(latest_first, earliest_first.into_iter().rev().collect::<Vec<_>>(), "the order turns round");
}

#[test]
fn ctrl_z_in_a_text_field_is_the_fields_own_undo() {
    let mut h = app_with_example();
    h.run();
    let releases = book(&h).releases.len();
    h.key_press_modifiers(CTRL, Key::D);
    h.run();
    assert_eq!(book(&h).releases.len(), releases + 1);
    let search = h.get_by_label("Find release");
    search.focus();
    search.type_text("pay");
    h.run();
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(book(&h).releases.len(), releases + 1, "the book's last step is not undone from a text field");
    h.key_press(Key::Escape);
    h.run();
}

#[test]
fn a_new_book_from_a_template_is_kept_by_the_recovery_journal() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New book from template…").click();
    h.run();
    h.get_all_by_label_contains("From the ").next().expect("a template").click();
    h.run();
    assert!(h.state().session().is_some_and(|s| s.journal.is_some()), "the unsaved book has a journal");
}

#[test]
fn theme_zoom_recent_books_and_the_renderer_outlive_a_run() {
    ui_support::isolate();
    let mut prefs = Prefs { theme: Theme::Dark, zoom: 1.25, ..Prefs::default() };
    prefs.add_recent(std::path::Path::new("/books/payments.ron"));
    assert_eq!(relplan::ui::renderer_for(&mut prefs, Some(relplan::cli::RendererChoice::Glow)), eframe::Renderer::Glow);
    prefs.save().expect("the preferences are written");
    let mut again = Prefs::load();
    assert_eq!(again.theme, Theme::Dark);
    assert!((again.zoom - 1.25).abs() < f32::EPSILON);
    assert_eq!(again.recent, vec![std::path::PathBuf::from("/books/payments.ron")]);
    assert_eq!(relplan::ui::renderer_for(&mut again, None), eframe::Renderer::Glow, "glow is remembered");
    assert_eq!(relplan::ui::renderer_for(&mut again, Some(relplan::cli::RendererChoice::Wgpu)), eframe::Renderer::Wgpu);
    assert_eq!(again.renderer, None, "asking for wgpu forgets glow");
}

#[test]
fn every_release_row_keeps_its_risk_badge_in_a_small_window() {
    // At 1280 × 800 the list is narrow: long names give way to the badges.
    let mut example = relplan::templates::example().expect("example");
    for r in &mut example.releases {
        r.name = format!("{} — card platform, acquirer routing and settlement", r.name);
    }
    let mut h = ui_support::app_sized(example, egui::vec2(1280.0, 800.0));
    h.run();
    let b = book(&h);
    let mut shown = 0;
    for r in &b.releases {
        let summary = relplan::risk::summary(&b, &r.id);
        if summary.highest.is_some() {
            let words = summary.words();
            assert!(h.query_by_label(&words).is_some(), "{} shows its risk badge: {words}", r.name);
            shown += 1;
        }
    }
    assert!(shown >= 4, "the example has releases with open risks ({shown})");
}

#[test]
fn the_list_counts_errors_and_warnings_and_leaves_notes_to_the_checks() {
    let mut h = app_with_example();
    h.run();
    let b = book(&h);
    let findings = relplan::check::all_findings(&b, jiff::Zoned::now().date());
    let count = |id: &relplan::model::Id, info: bool| {
        findings
            .iter()
            .filter(|f| f.release.as_ref() == Some(id) && (f.severity == relplan::check::Severity::Info) == info)
            .count()
    };
    let mut expected: Vec<String> =
        b.releases.iter().map(|r| count(&r.id, false)).filter(|n| *n > 0).map(|n| format!("⚠ {n}")).collect();
    assert!(b.releases.iter().any(|r| count(&r.id, true) > 0), "the example has releases with notes");
    let mut shown: Vec<String> = h
        .query_all_by_label_contains("⚠ ")
        .filter_map(|n| n.accesskit_node().label().or_else(|| n.accesskit_node().value()))
        .filter(|l| l.strip_prefix("⚠ ").is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit())))
        .collect();
    expected.sort();
    shown.sort();
    assert_eq!(shown, expected, "each row counts its errors and warnings only");
    // The form of the selected release names the weights, notes included.
    let selected = h.state().selected_release_id().cloned().expect("a release is selected");
    let header = h.get_by_label_contains("for this release: ").accesskit_node().label().unwrap_or_default();
    if count(&selected, true) > 0 {
        assert!(header.contains(" note"), "{header}");
    }
}

#[test]
fn a_release_row_shows_when_it_goes_live_not_its_first_test_deployment() {
    let mut h = app_with_example();
    h.run();
    let b = book(&h);
    let r5 = b.release(&relplan::model::Id::from("REL-5")).cloned().expect("REL-5");
    let production = |d: &relplan::model::Deployment| {
        b.environment(&d.environment).is_some_and(|e| e.kind == relplan::model::EnvironmentKind::Production)
    };
    let first = r5.deployments.iter().map(|d| d.window.start.date()).min().expect("deployments");
    let live = r5.deployments.iter().filter(|d| production(d)).map(|d| d.window.start.date()).min().expect("prod");
    assert_ne!(first, live, "the example deploys REL-5 to a test environment first");
    let words = |d: jiff::civil::Date| format!("deploys {}", d.strftime("%-d %b %Y"));
    assert!(h.query_by_label_contains(&words(live)).is_some(), "the row says {}", words(live));
    assert!(h.query_by_label_contains(&words(first)).is_none(), "not {}", words(first));
}
