//! A read-only book, or a book in a read-only folder, is never changed by a
//! save: the save is refused in plain words, before any backup is taken,
//! and the book stays as it was on disk.

#![cfg(unix)]

use relplan::store::{BookFile, kept_versions};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Backups go to a temporary data folder, set once for this test binary.
fn isolate() {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("relplan-read-only-tests-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // SAFETY: set once, inside get_or_init, before any test reads it.
        unsafe { std::env::set_var("RELPLAN_DATA_DIR", &dir) };
        dir
    });
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn edited() -> relplan::model::Book {
    let mut book = relplan::templates::example().unwrap();
    book.name = "Edited".into();
    book
}

#[test]
fn a_read_only_book_is_refused_in_plain_words_and_left_as_it_was() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
    let (mut file, _) = BookFile::open(&path).unwrap();
    assert!(!file.is_read_only());
    file.save(&edited()).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let versions = kept_versions(&path);
    set_mode(&path, 0o444);
    if !std::fs::metadata(&path).unwrap().permissions().readonly() {
        eprintln!("skipped: this file system does not keep a file's read-only mode");
        return;
    }
    assert!(file.is_read_only(), "a file marked read-only is seen as such, whoever runs the program");
    let mut other = edited();
    other.name = "Edited again".into();
    for attempt in [file.save(&other), file.save_over(&other)] {
        let e = attempt.expect_err("a read-only book is never saved over").to_string();
        assert!(e.contains("plan.ron is read-only"), "{e}");
        assert!(e.contains("Save as…") && e.contains("make plan.ron writable"), "what to do: {e}");
        assert!(e.contains("The file on disk was not changed"), "{e}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved, "the file is as it was");
    assert!(std::fs::metadata(&path).unwrap().permissions().readonly(), "and still read-only");
    assert_eq!(kept_versions(&path), versions, "a refused save keeps no backup");
    // Made writable again, the next save works.
    set_mode(&path, 0o644);
    file.save(&other).unwrap();
    assert_eq!(relplan::store::load(&path).unwrap().book.name, "Edited again");
}

#[test]
fn a_book_in_a_read_only_folder_is_refused_in_plain_words_and_nothing_is_lost() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
    let (mut file, _) = BookFile::open(&path).unwrap();
    set_mode(&folder, 0o555);
    // The administrator may write anywhere: then there is nothing to see.
    let probe = folder.join("probe");
    if std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(&probe);
        set_mode(&folder, 0o755);
        eprintln!("skipped: this user may write into read-only folders");
        return;
    }
    let result = file.save(&edited());
    set_mode(&folder, 0o755);
    let e = result.expect_err("nothing can be written in a read-only folder").to_string();
    assert!(e.contains(&format!("its folder {} is read-only", folder.display())), "{e}");
    assert!(e.contains("Save as…"), "what to do: {e}");
    assert!(e.contains("The file on disk was not changed"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "the file is as it was");
    let leftovers: Vec<_> = std::fs::read_dir(&folder).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers, ["plan.ron"], "no temporary file is left");
    // Writable again, the same file saves: the changes were never lost.
    file.save(&edited()).unwrap();
    assert_eq!(relplan::store::load(&path).unwrap().book.name, "Edited");
}
