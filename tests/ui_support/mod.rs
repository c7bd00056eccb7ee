//! Shared set-up for the UI tests: a harness around the whole app, with
//! settings and backups kept in a temporary folder.

#![allow(dead_code, reason = "each UI test file uses a different part")]

pub mod risks;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::model::Book;
use relplan::ui::{Prefs, RelplanApp, StartOptions};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Keeps settings, recent files and backups out of the user's folders.
pub fn isolate() {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // A test that runs the app in a child process hands it its own folder.
        let dir = std::env::var_os("RELPLAN_TEST_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join(format!("relplan-ui-tests-{}", std::process::id())));
        let _ = std::fs::create_dir_all(&dir);
        // SAFETY: set once, before any harness starts a thread that reads them.
        unsafe {
            std::env::set_var("RELPLAN_CONFIG_DIR", dir.join("config"));
            std::env::set_var("RELPLAN_DATA_DIR", dir.join("data"));
            std::env::set_var("RELPLAN_AUTHOR", "Test Manager");
            std::env::set_var("RELPLAN_TODAY", "2026-11-27");
        }
        dir
    });
}

/// A fixed time for the audit trail, so that snapshots do not change.
fn fixed_clock() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_795_000_000).unwrap_or_default()
}

/// The app on a book in memory.
pub fn app_with(book: Book) -> Harness<'static, RelplanApp> {
    app_sized(book, egui::vec2(1400.0, 900.0))
}

/// The app on a book in memory, in a window of `size` (1920 × 1080 for a projector).
pub fn app_sized(book: Book, size: egui::Vec2) -> Harness<'static, RelplanApp> {
    isolate();
    Harness::builder().with_size(size).with_max_steps(12).build_eframe(move |cc| {
        let mut app = RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), book.clone());
        if let Some(s) = app.session_mut() {
            s.doc.set_clock(fixed_clock);
        }
        app
    })
}

/// The app on the example book, drawing a box for a character that no
/// font has, as the shipped window does (egui's default; kittest panics
/// instead by default, to catch missing glyphs in the window's own text).
pub fn app_with_example_as_shipped() -> Harness<'static, RelplanApp> {
    isolate();
    let book = relplan::templates::example().expect("the example book opens");
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // Grids take a few more frames to settle around very long texts.
        .with_max_steps(64)
        .allow_missing_glyphs()
        .build_eframe(move |cc| RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), book.clone()))
}

/// The app on the bundled example book.
pub fn app_with_example() -> Harness<'static, RelplanApp> {
    app_with(relplan::templates::example().expect("the example book opens"))
}

/// The app on a book file, waiting until it is open.
pub fn app_with_file(path: PathBuf) -> Harness<'static, RelplanApp> {
    app_started(StartOptions { file: Some(path), ..Default::default() })
}

/// The app started as the command line would start it, waiting until
/// background work is done.
pub fn app_started(start: StartOptions) -> Harness<'static, RelplanApp> {
    app_started_sized(start, egui::vec2(1400.0, 900.0))
}

/// [`app_started`] in a window of `size`.
pub fn app_started_sized(start: StartOptions, size: egui::Vec2) -> Harness<'static, RelplanApp> {
    isolate();
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .build_eframe(move |cc| RelplanApp::with_options(&cc.egui_ctx, Prefs::default(), start.clone()));
    settle(&mut harness);
    harness
}

/// The data folder the tests use (backups, recovery files).
pub fn data_dir() -> PathBuf {
    isolate();
    std::env::var_os("RELPLAN_DATA_DIR").map(PathBuf::from).expect("isolate sets the data folder")
}

/// Steps the harness (with real time passing) until `done`, or fails.
pub fn step_until(
    harness: &mut Harness<'static, RelplanApp>,
    what: &str,
    limit: std::time::Duration,
    mut done: impl FnMut(&Harness<'static, RelplanApp>) -> bool,
) {
    let start = std::time::Instant::now();
    while !done(harness) {
        assert!(start.elapsed() < limit, "{what} did not happen within {limit:?}");
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    harness.run();
}

/// Steps the harness until background work (opening, saving) is done.
pub fn settle(harness: &mut Harness<'static, RelplanApp>) {
    for _ in 0..400 {
        harness.step();
        if !harness.state().is_busy() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("background work did not finish");
}

/// The book shown in the window.
pub fn book(harness: &Harness<'static, RelplanApp>) -> Book {
    harness.state().session().expect("a book is open").doc.book().clone()
}

/// A fresh, empty folder for one test's files, named after the test run.
pub fn temp_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("relplan-window-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// A book file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops the file at `path` on the window, as a person drags one from a file manager.
pub fn drop_file(harness: &mut Harness<'static, RelplanApp>, path: PathBuf) {
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(path)));
}

/// The example book with RISK-98, a critical residual risk (5 × 4), on
/// REL-5 "Payments 2027.01.1": held at the gate into Deployment (G1).
pub fn with_critical_risk_on_rel_5() -> Book {
    let mut book = relplan::templates::example().expect("example");
    book.risks.push(relplan::model::Risk {
        id: relplan::model::Id::from("RISK-98"),
        title: "Peak-volume latency on the new routing".into(),
        residual_likelihood: 5,
        residual_impact: 4,
        releases: vec![relplan::model::Id::from("REL-5")],
        ..Default::default()
    });
    book
}

/// Replaces the text of the field labelled `label` with `text`, as a person
/// does: click into it, select all, type.
pub fn retype_field(harness: &mut Harness<'static, RelplanApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Presses the Export dialog's Export button. The export runs in the
/// background: this steps two frames (the click, then the dialog closing)
/// and returns without waiting for it; [`settle`] waits.
pub fn press_export(harness: &mut Harness<'static, RelplanApp>) {
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Export").click();
    harness.step();
    harness.step();
}

/// The walkthrough of the example's Payments 2027.01.1 (REL-5) at slide `n`
/// (from 1), in a window of `size` (1920 × 1080 for a projector).
pub fn presenting_rel_5(size: egui::Vec2, n: usize) -> Harness<'static, RelplanApp> {
    let book = relplan::templates::example().expect("the example book opens");
    let mut h = app_sized(book, size);
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    for _ in 1..n {
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    h.get_by_label(&format!("Slide {n} of 11"));
    h
}
