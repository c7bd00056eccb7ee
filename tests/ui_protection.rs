//! Protection of the open book, used as a person would: a book someone
//! else has open (read-only or break a stale lock), a book from a newer
//! Relplan, and a file changed or deleted on disk while open.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::store::{LockOwner, lock_file_of};
use std::path::{Path, PathBuf};
use std::time::Duration;
use ui_support::{app_with_file, book, settle, step_until};

fn book_file(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("plan.ron");
    std::fs::write(&path, text).unwrap();
    path
}

fn lock_by_sam(book: &Path, age: Duration) {
    let sam = LockOwner {
        user: "Sam".into(),
        host: "sams-laptop".into(),
        pid: 4242,
        since: "2026-11-27 09:00 UTC".into(),
        token: String::new(),
    };
    let lock = lock_file_of(book);
    std::fs::write(&lock, serde_json::to_vec(&sam).unwrap()).unwrap();
    let when = std::time::SystemTime::now() - age;
    std::fs::File::options().write(true).open(&lock).unwrap().set_modified(when).unwrap();
}

fn duplicate_a_release(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    assert!(h.state().session().is_some_and(|s| s.doc.is_dirty()));
}

#[test]
fn a_book_open_elsewhere_opens_read_only_and_saving_is_refused_but_save_as_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    lock_by_sam(&path, Duration::ZERO);
    let mut h = app_with_file(path.clone());
    h.get_by_label_contains("Sam has this book open on sams-laptop");
    assert!(h.query_by_label("Break the lock and open").is_none(), "a live lock is not offered to be broken");
    h.get_by_label("Open read-only").click();
    h.run();
    h.get_by_label("Read-only: this book is not saved to its file");
    assert!(h.state().title().ends_with("(read-only) — Relplan"), "{}", h.state().title());
    duplicate_a_release(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("This book is open read-only");
    h.get_by_label_contains("Relplan did not save it.");
    assert!(h.query_all_by_label("Save as…").count() >= 1, "Save as… is offered");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "Sam's file is untouched");
    assert!(h.state().session().is_some_and(|s| s.doc.is_dirty()), "the changes are still open");
    assert!(lock_file_of(&path).exists(), "Sam's lock stays");
}

#[test]
fn a_stale_lock_can_be_broken_and_the_book_opens_as_usual() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    lock_by_sam(&path, Duration::from_secs(3 * 3600));
    let mut h = app_with_file(path.clone());
    h.get_by_label("This book was left locked");
    h.get_by_label_contains("has not been heard from for 180 minutes");
    h.get_by_label("Break the lock and open").click();
    h.run();
    assert!(h.query_by_label("Read-only: this book is not saved to its file").is_none());
    let owner: LockOwner = serde_json::from_slice(&std::fs::read(lock_file_of(&path)).unwrap()).unwrap();
    assert_eq!(owner.pid, std::process::id(), "the lock is ours now");
    duplicate_a_release(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().session().is_some_and(|s| s.doc.is_dirty()), "saved");
    drop(h);
    assert!(!lock_file_of(&path).exists(), "closing the book removes our lock");
}

#[test]
fn a_book_from_a_newer_relplan_opens_read_only_with_a_banner_and_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let newer = relplan::templates::EXAMPLE.replace("version: 1,", "version: 3,");
    let path = book_file(dir.path(), &newer);
    let mut h = app_with_file(path.clone());
    h.get_by_label("Read-only: this book is not saved to its file");
    h.get_by_label_contains("written by a newer Relplan (book format version 3");
    duplicate_a_release(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("This book is open read-only");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer, "never re-saved");
    assert!(!lock_file_of(&path).exists(), "a book that is only read is not locked");
}

#[test]
fn a_change_on_disk_is_noticed_compared_and_kept_mine_with_theirs_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    duplicate_a_release(&mut h);
    let theirs = relplan::templates::EXAMPLE.replace("name: \"Northwind Payments\"", "name: \"Northwind (Sam's)\"");
    assert_ne!(theirs, relplan::templates::EXAMPLE);
    std::fs::write(&path, &theirs).unwrap();
    step_until(&mut h, "noticing the change", Duration::from_secs(6), |h| {
        h.query_by_label_contains("changed on disk by someone else, and you have unsaved changes").is_some()
    });
    h.get_by_label("Compare…").click();
    h.run();
    h.get_by_label("Your version and the one on disk");
    h.get_by_label("“Northwind (Sam's)”");
    h.get_by_label("Keep my version").click();
    h.run();
    let mine = book(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().session().is_some_and(|s| s.doc.is_dirty()), "saved after choosing mine");
    assert_eq!(relplan::store::load(&path).unwrap().book, mine);
    let kept = relplan::store::kept_versions(&path);
    assert!(
        kept.iter().any(|k| std::fs::read_to_string(k).is_ok_and(|t| t == theirs)),
        "their version is kept as a backup"
    );
}

#[test]
fn a_change_on_disk_is_never_overwritten_by_a_plain_save_and_can_be_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    duplicate_a_release(&mut h);
    let theirs = relplan::templates::EXAMPLE.replace("name: \"Northwind Payments\"", "name: \"Northwind (Sam's)\"");
    std::fs::write(&path, &theirs).unwrap();
    // Saving before the watch has looked: the check before the save catches it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("The file changed on disk");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "never overwritten silently");
    h.get_by_label("Reload their version (discard mine)").click();
    settle(&mut h);
    assert_eq!(book(&h).name, "Northwind (Sam's)");
    assert!(!h.state().session().is_some_and(|s| s.doc.is_dirty()));
}

#[test]
fn a_file_deleted_while_open_keeps_the_book_and_save_writes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    duplicate_a_release(&mut h);
    std::fs::remove_file(&path).unwrap();
    step_until(&mut h, "noticing the deletion", Duration::from_secs(6), |h| {
        h.query_by_label_contains("was deleted or moved on disk").is_some()
    });
    let mine = book(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert_eq!(relplan::store::load(&path).unwrap().book, mine, "Save wrote the file again");
}

#[test]
fn a_save_into_a_folder_that_vanished_says_why_keeps_the_book_and_offers_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("usb-stick");
    std::fs::create_dir(&folder).unwrap();
    let path = book_file(&folder, relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    duplicate_a_release(&mut h);
    let mine = book(&h);
    std::fs::remove_dir_all(&folder).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("The book was not saved");
    assert!(h.query_all_by_label_contains("the file or its folder does not exist").count() >= 1, "the reason");
    h.get_by_label_contains("Try Save as…");
    assert!(h.state().session().is_some_and(|s| s.doc.is_dirty()), "the changes are still open");
    assert_eq!(book(&h), mine, "nothing was lost");
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn is_dirty(h: &egui_kittest::Harness<'static, relplan::ui::RelplanApp>) -> bool {
    h.state().session().is_some_and(|s| s.doc.is_dirty())
}

#[cfg(unix)]
#[test]
fn a_read_only_book_opens_with_a_banner_and_is_saved_once_made_writable() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    set_mode(&path, 0o444);
    if !std::fs::metadata(&path).unwrap().permissions().readonly() {
        eprintln!("skipped: this file system does not keep a file's read-only mode");
        return;
    }
    let mut h = app_with_file(path.clone());
    h.get_by_label("Read-only: this book is not saved to its file");
    h.get_by_label_contains("Its file is read-only");
    assert!(h.state().title().ends_with("(read-only) — Relplan"), "{}", h.state().title());
    duplicate_a_release(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    h.get_by_label("This book is open read-only");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "the file is untouched");
    h.get_by_label("Close").click();
    h.run();
    // Made writable outside Relplan: Check again, and saving works.
    set_mode(&path, 0o644);
    h.get_by_label("Check again").click();
    h.run();
    assert!(h.query_by_label("Read-only: this book is not saved to its file").is_none());
    let mine = book(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!is_dirty(&h), "saved");
    assert_eq!(relplan::store::load(&path).unwrap().book, mine);
}

#[cfg(unix)]
#[test]
fn a_book_made_read_only_while_open_is_not_saved_over_and_the_window_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    duplicate_a_release(&mut h);
    let mine = book(&h);
    set_mode(&path, 0o444);
    if !std::fs::metadata(&path).unwrap().permissions().readonly() {
        eprintln!("skipped: this file system does not keep a file's read-only mode");
        return;
    }
    // Closing the window, the user chooses to save first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Save").click();
    settle(&mut h);
    h.get_by_label("The book was not saved");
    assert!(
        h.query_all_by_label_contains(
            "plan.ron is read-only (use Save as… to keep your changes in another file, or make plan.ron writable"
        )
        .count()
            >= 1,
        "the reason and what to do, in plain words"
    );
    assert!(!h.state().close_confirmed(), "the window stays open");
    assert!(h.state().title().starts_with("• "), "still marked unsaved: {}", h.state().title());
    assert!(is_dirty(&h));
    assert_eq!(book(&h), mine, "nothing was lost");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "the file is untouched");
    h.get_by_label("Close").click();
    h.run();
    h.get_by_label("Read-only: this book is not saved to its file");
    set_mode(&path, 0o644);
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_says_why_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = book_file(&folder, relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    duplicate_a_release(&mut h);
    let mine = book(&h);
    set_mode(&folder, 0o555);
    let probe = folder.join("probe");
    if std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(&probe);
        set_mode(&folder, 0o755);
        eprintln!("skipped: this user may write into read-only folders");
        return;
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    set_mode(&folder, 0o755);
    h.get_by_label("The book was not saved");
    let reason = format!("its folder {} is read-only", folder.display());
    assert!(h.query_all_by_label_contains(&reason).count() >= 1, "the reason, in plain words");
    assert!(is_dirty(&h), "the changes are still open");
    assert_eq!(book(&h), mine, "nothing was lost");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "the file is untouched");
}

#[test]
fn regaining_focus_looks_at_the_file_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    let mut h = app_with_file(path.clone());
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    h.input_mut().focused = false;
    h.run();
    // Someone changes the book while the window is in the background, and
    // its size and time stay the same: only a full look finds the change.
    let theirs = relplan::templates::EXAMPLE.replace("Northwind Payments", "Northwind Paymentz");
    assert_eq!(theirs.len(), relplan::templates::EXAMPLE.len());
    std::fs::write(&path, &theirs).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
    let quiet = std::time::Instant::now();
    while quiet.elapsed() < relplan::store::POLL_EVERY + Duration::from_millis(500) {
        h.step();
        std::thread::sleep(Duration::from_millis(25));
    }
    assert!(h.query_by_label_contains("changed on disk").is_none(), "the regular look at size and time misses it");
    h.input_mut().focused = true;
    step_until(&mut h, "noticing the change on regaining focus", Duration::from_secs(1), |h| {
        h.query_by_label_contains("The book's file was changed on disk by someone else.").is_some()
    });
    h.get_by_label("Reload").click();
    settle(&mut h);
    assert_eq!(book(&h).name, "Northwind Paymentz");
}

#[test]
fn the_number_of_versions_kept_follows_the_preference() {
    use relplan::ui::{Prefs, RelplanApp, StartOptions};
    let dir = tempfile::tempdir().unwrap();
    let path = book_file(dir.path(), relplan::templates::EXAMPLE);
    ui_support::isolate();
    let prefs = Prefs { keep_versions: 2, ..Prefs::default() };
    let start = StartOptions { file: Some(path.clone()), ..Default::default() };
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .build_eframe(move |cc| RelplanApp::with_options(&cc.egui_ctx, prefs.clone(), start.clone()));
    settle(&mut h);
    for _ in 0..5 {
        duplicate_a_release(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        settle(&mut h);
        assert!(!is_dirty(&h), "saved");
    }
    // Five saves replace four versions (the first is the copy as opened).
    assert_eq!(relplan::store::kept_versions(&path).len(), 2);
    assert_eq!(Prefs::default().keep_versions, 5, "five unless chosen");
}
