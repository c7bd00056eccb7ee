//! Backups in the data folder: as many earlier versions as the user chose
//! (five unless set), and a bounded number of copies of the book as it was
//! opened, one per session that saved it.

use relplan::store::{BookFile, KEEP_OPENED_COPIES, kept_versions, opened_copies};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Backups go to a temporary data folder, set once for this test binary.
fn isolate() {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("relplan-backup-tests-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // SAFETY: set once, inside get_or_init, before any test reads it.
        unsafe { std::env::set_var("RELPLAN_DATA_DIR", &dir) };
        dir
    });
}

fn named(name: &str) -> relplan::model::Book {
    let mut book = relplan::templates::example().unwrap();
    book.name = name.to_owned();
    book
}

fn names(copies: &[PathBuf]) -> Vec<String> {
    copies.iter().map(|c| relplan::store::load(c).unwrap().book.name).collect()
}

#[test]
fn the_number_of_versions_kept_is_the_one_chosen() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut file = BookFile::new_at(&path);
    file.set_keep_versions(2);
    for i in 0..6 {
        file.save(&named(&format!("Version {i}"))).unwrap();
    }
    assert_eq!(names(&kept_versions(&path)), ["Version 3", "Version 4"], "the two versions before the last save");
    // Zero is taken as one: a version someone else wrote is never lost.
    file.set_keep_versions(0);
    file.save(&named("Version 6")).unwrap();
    assert_eq!(names(&kept_versions(&path)), ["Version 5"]);
}

#[test]
fn copies_as_opened_are_kept_for_the_last_few_sessions_only() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    relplan::store::save(&named("Session 0"), &path).unwrap();
    let sessions = KEEP_OPENED_COPIES + 3;
    for session in 1..=sessions {
        let (mut file, _) = BookFile::open(&path).unwrap();
        file.save(&named(&format!("Session {session}"))).unwrap();
        // Later saves of the same session take no new copy as opened.
        file.save(&named(&format!("Session {session}, again"))).unwrap();
    }
    let expected: Vec<String> =
        (sessions - KEEP_OPENED_COPIES..sessions).map(|s| format!("Session {s}, again")).collect();
    assert_eq!(names(&opened_copies(&path)), expected, "the book as the last sessions opened it");
}

/// A disk that is full: every write fails.
struct Full;

impl relplan::store::SaveWriter for Full {
    fn write_bytes(&mut self, _: &mut dyn std::io::Write, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device"))
    }
}

#[test]
fn a_save_tried_again_after_a_failure_keeps_no_duplicate_backups() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    relplan::store::save(&named("On disk"), &path).unwrap();
    // The first save of a session fails, and is tried again: one copy as opened.
    let (mut file, _) = BookFile::open(&path).unwrap();
    for _ in 0..3 {
        assert!(file.save_with(&named("Never written"), &mut Full).is_err());
    }
    assert_eq!(names(&opened_copies(&path)), ["On disk"]);
    file.save(&named("First save")).unwrap();
    assert_eq!(names(&opened_copies(&path)), ["On disk"], "the copy as opened is taken once");
    // A later save fails again and again: the version it would replace is kept once.
    for _ in 0..3 {
        assert!(file.save_with(&named("Never written"), &mut Full).is_err());
    }
    assert_eq!(names(&kept_versions(&path)), ["First save"]);
    assert_eq!(relplan::store::load(&path).unwrap().book.name, "First save");
}
