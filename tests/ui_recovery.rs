//! After the app is killed (SIGKILL) with unsaved edits, the next start
//! offers them, Restore brings them back, and the recovery file goes only
//! when the restored book is saved; Discard throws them away. Several
//! recovered books are offered each on its own (in a list that scrolls in
//! a small window), and a panic keeps the very last edit.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::ui::StartOptions;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use ui_support::{app_started, app_with_file, book, data_dir, settle};

/// The tests here that look at the shared recovery folder run one at a time.
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn recovery_files() -> Vec<PathBuf> {
    recovery_files_in(&data_dir())
}

fn recovery_files_in(data: &Path) -> Vec<PathBuf> {
    let dir = data.join("recovery");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ron"));
    files
}

/// The app in a child process (see the test below): opens the book named
/// by `RELPLAN_KILL_BOOK`, duplicates a release, waits until the journal
/// has it, says so, and goes on running until it is killed.
#[test]
#[ignore = "run by a_killed_app_s_unsaved_edits_are_restored_on_the_next_start in a process of its own"]
fn app_to_be_killed() {
    let Some(path) = std::env::var_os("RELPLAN_KILL_BOOK") else { return };
    let mut h = app_with_file(PathBuf::from(path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let copy = book(&h).releases.iter().find(|r| r.name.starts_with("Copy of")).map(|r| r.id.clone());
    let start = Instant::now();
    while recovery_files().is_empty() && start.elapsed() < Duration::from_secs(30) {
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    println!("READY {}", copy.map(|id| id.0).unwrap_or_default());
    loop {
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
}

fn kill_app_with_unsaved_edits(book_path: &Path) -> String {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "app_to_be_killed", "--ignored", "--nocapture", "--test-threads=1"])
        .env("RELPLAN_KILL_BOOK", book_path)
        .env("RELPLAN_TEST_DIR", data_dir().parent().unwrap())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| l.split_once("READY ").map(|(_, id)| id.to_owned()));
    // SIGKILL: no destructor, no panic hook, nothing runs on the way out.
    child.kill().unwrap();
    child.wait().unwrap();
    ready.filter(|id| !id.is_empty()).expect("the app made its edit and journalled it")
}

#[test]
fn a_killed_app_s_unsaved_edits_are_restored_on_the_next_start() {
    let _alone = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
    let copy = kill_app_with_unsaved_edits(&path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "the edit was never saved");
    let left = recovery_files();
    assert_eq!(left.len(), 1, "the killed app left its journal: {left:?}");

    let mut h = app_started(StartOptions { file: Some(path.clone()), recover: true, ..Default::default() });
    h.get_by_label("Recover unsaved changes");
    h.get_by_label_contains(&format!("File: {}", path.display()));
    h.get_by_label("Restore “Northwind Payments”").click();
    settle(&mut h);
    assert!(h.query_by_label("Recover unsaved changes").is_none());
    let restored = book(&h);
    assert!(restored.releases.iter().any(|r| r.id.0 == copy), "the duplicated release {copy} is back");
    assert!(h.state().session().is_some_and(|s| s.doc.is_dirty()), "restored changes are unsaved");
    assert!(left[0].exists(), "the recovery file stays until the restored book is saved");
    assert!(
        h.query_by_label("Read-only: this book is not saved to its file").is_none(),
        "the lock the killed app left is recognised as its own and taken over"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.run();
    let saved = relplan::store::load(&path).unwrap().book;
    let differences = relplan::store::compare(&saved, &restored);
    assert!(differences.is_empty(), "the file holds the restored book: {differences:#?}");
    assert!(!left[0].exists(), "saving the restored book removed the recovery file");
    drop(h);

    // A book never saved to a file is offered too, and Discard removes it.
    let mut journal = relplan::store::Journal::start().unwrap();
    let mut never_saved = relplan::templates::example().unwrap();
    never_saved.name = "Draft plan".into();
    journal.changed(1, Instant::now(), || (never_saved, relplan::store::JournalContext::default()));
    let file = journal.file().to_owned();
    drop(journal);
    let mut h = app_started(StartOptions { recover: true, ..Default::default() });
    h.get_by_label("Never saved to a file");
    h.get_by_label("Discard “Draft plan”").click();
    settle(&mut h);
    assert!(!file.exists(), "discarding removes the recovery file");
    assert!(h.query_by_label("Recover unsaved changes").is_none());
    assert!(h.state().session().is_some(), "the start goes on to open a book");
}

/// Leaves unsaved changes to `name` in the recovery folder, as a Relplan
/// that stopped would.
fn leave_changes(name: &str, file: &Path) -> PathBuf {
    let mut journal = relplan::store::Journal::start().unwrap();
    let mut book = relplan::templates::example().unwrap();
    book.name = name.into();
    let context = relplan::store::JournalContext { book_path: Some(file.to_owned()), base: None };
    journal.changed(1, Instant::now(), || (book, context));
    let recovery = journal.file().to_owned();
    drop(journal);
    assert!(recovery.exists());
    recovery
}

#[test]
fn two_recovered_books_are_each_offered_restore_or_discard_on_their_own() {
    let _alone = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let (alpha, beta) = (dir.path().join("alpha.ron"), dir.path().join("beta.ron"));
    for path in [&alpha, &beta] {
        std::fs::write(path, relplan::templates::EXAMPLE).unwrap();
    }
    let alpha_recovery = leave_changes("Alpha plan", &alpha);
    let beta_recovery = leave_changes("Beta plan", &beta);
    let mut h = app_started(StartOptions { recover: true, ..Default::default() });
    h.get_by_label("Recover unsaved changes");
    h.get_by_label_contains(&format!("File: {}", alpha.display()));
    h.get_by_label_contains(&format!("File: {}", beta.display()));
    for name in ["Alpha plan", "Beta plan"] {
        h.get_by_label(&format!("Restore “{name}”"));
        h.get_by_label(&format!("Discard “{name}”"));
    }
    h.get_by_label("Discard “Alpha plan”").click();
    settle(&mut h);
    assert!(!alpha_recovery.exists(), "discarding one removes its recovery file");
    assert!(beta_recovery.exists(), "and only its own");
    h.get_by_label("Recover unsaved changes");
    assert!(h.query_by_label("Restore “Alpha plan”").is_none(), "the discarded book is no longer offered");
    assert!(h.query_by_label("Discard “Alpha plan”").is_none());
    assert!(h.state().session().is_none(), "nothing opens while a book waits for a choice");
    h.get_by_label("Restore “Beta plan”").click();
    settle(&mut h);
    assert!(h.query_by_label("Recover unsaved changes").is_none(), "no book waits any more");
    assert_eq!(book(&h).name, "Beta plan");
    assert_eq!(h.state().session().and_then(|s| s.path()), Some(beta.as_path()));
    assert!(beta_recovery.exists(), "the restored book's recovery file stays until it is saved");
    assert_eq!(std::fs::read_to_string(&alpha).unwrap(), relplan::templates::EXAMPLE, "alpha.ron was never touched");
    drop(h);
    relplan::store::recoverable().into_iter().for_each(relplan::store::Recovered::discard);
}

#[test]
fn many_recovered_books_scroll_between_the_title_and_decide_later_in_a_small_window() {
    let _alone = one_at_a_time();
    /// Discards what is left to recover, even when the test fails.
    struct DiscardAfter;
    impl Drop for DiscardAfter {
        fn drop(&mut self) {
            relplan::store::recoverable().into_iter().for_each(relplan::store::Recovered::discard);
        }
    }
    let _discard = DiscardAfter;
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (1..=6).map(|i| format!("Plan {i}")).collect();
    for name in &names {
        let path = dir.path().join(format!("{name}.ron"));
        std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
        leave_changes(name, &path);
    }
    let start = StartOptions { recover: true, theme: Some(relplan::ui::Theme::Projector), ..Default::default() };
    let mut h = ui_support::app_started_sized(start, egui::vec2(1280.0, 800.0));
    let window = h.ctx.content_rect();
    for name in &names {
        let discard = format!("Discard “{name}”");
        h.get_by_label(&discard).scroll_to_me();
        h.run();
        for label in ["Recover unsaved changes", discard.as_str(), "Decide later"] {
            let rect = h.get_by_label(label).rect();
            assert!(window.contains_rect(rect), "{label} at {rect:?} is outside the window {window:?}");
        }
    }
}

/// The app in a child process (see the test below): opens the book named
/// by `RELPLAN_PANIC_BOOK`, duplicates a release (the journal takes its
/// copy), duplicates another at once (too soon for a new copy), and panics.
#[test]
#[ignore = "run by a_panic_keeps_the_very_last_edit in a process of its own"]
fn app_that_panics() {
    let Some(path) = std::env::var_os("RELPLAN_PANIC_BOOK") else { return };
    relplan::store::install_panic_hook();
    let mut h = app_with_file(PathBuf::from(path));
    let releases = book(&h).releases.len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    // One frame: the edit is made at its end, after the journal was looked after.
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.step();
    assert_eq!(book(&h).releases.len(), releases + 2, "both edits were made");
    panic!("a bug in a view");
}

#[test]
fn a_panic_keeps_the_very_last_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "app_that_panics", "--ignored", "--nocapture", "--test-threads=1"])
        .env("RELPLAN_PANIC_BOOK", &path)
        .env("RELPLAN_TEST_DIR", dir.path())
        .output()
        .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(
        said.contains("panicked") && said.contains("a bug in a view"),
        "the child panicked where it should: {said}"
    );
    let left = recovery_files_in(&dir.path().join("data"));
    assert_eq!(left.len(), 1, "the panic left the unsaved changes: {left:?}");
    let recovered = relplan::store::load(&left[0]).unwrap().book;
    let before = relplan::templates::example().unwrap().releases.len();
    assert_eq!(recovered.releases.len(), before + 2, "the edit made just before the panic is kept too");
}
