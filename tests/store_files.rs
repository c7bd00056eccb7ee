//! Saving: same bytes for an unchanged book, atomic replacement, and clear
//! failures that leave the old file as it was.

use relplan::edit::{Document, Edit, Path as EditPath};
use relplan::store::{BookFile, load, save, to_text};
use relplan::templates::EXAMPLE;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One data folder for backups for the whole test binary, set before any
/// test reads it (tests run in parallel threads).
fn data_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("relplan-store-tests-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // SAFETY: set once, inside get_or_init, before any test uses the variable.
        unsafe { std::env::set_var("RELPLAN_DATA_DIR", &dir) };
        dir
    })
}

#[test]
fn load_then_save_of_an_unchanged_book_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let parsed = load(&path).unwrap();
    save(&parsed.book, &path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
}

#[test]
fn the_first_save_keeps_a_backup_of_the_file_as_opened() {
    let data = data_dir();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let (mut file, parsed) = BookFile::open(&path).unwrap();
    let mut doc = Document::new(parsed.book);
    doc.apply(Edit::set(EditPath::root(), "name", "Renamed").unwrap()).unwrap();
    file.save(doc.book()).unwrap();
    let backup = file.backup().expect("a backup was taken").to_owned();
    assert!(backup.starts_with(data));
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), EXAMPLE);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Renamed"));
}

#[test]
fn a_failed_save_leaves_the_old_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let book = relplan::templates::example().unwrap();
    let missing = dir.path().join("no-such-folder").join("plan.ron");
    let e = save(&book, &missing).unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
    assert!(e.to_string().contains("not changed"), "{e}");
    // A folder where the file should be: nothing in it is touched.
    let folder = dir.path().join("plan.ron");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.txt"), "keep").unwrap();
    assert!(save(&book, &folder).is_err());
    assert_eq!(std::fs::read_to_string(folder.join("inside.txt")).unwrap(), "keep");
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_file_permissions_and_follows_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    std::fs::write(&real, EXAMPLE).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut book = load(&link).unwrap().book;
    book.name = "Changed".into();
    save(&book, &link).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&real).unwrap().contains("Changed"));
}

#[test]
fn the_file_has_one_field_per_line_and_a_header() {
    let text = to_text(&relplan::templates::example().unwrap()).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim_start().starts_with("//"));
    assert_eq!(lines.next(), Some("("));
    assert_eq!(lines.next(), Some("    format: \"relplan-book\","));
    assert_eq!(lines.next(), Some("    version: 1,"));
    assert!(text.lines().all(|l| l.matches(": ").count() <= 1 || l.contains('"')), "one field per line");
}

#[test]
fn a_save_never_overwrites_a_file_changed_behind_our_back() {
    data_dir();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let (mut file, parsed) = BookFile::open(&path).unwrap();
    assert_eq!(file.disk_state(), relplan::store::DiskState::Unchanged);
    let theirs = EXAMPLE.replace("Northwind Payments", "Northwind Payments (edited by a colleague)");
    std::fs::write(&path, &theirs).unwrap();
    assert_eq!(file.disk_state(), relplan::store::DiskState::Changed);
    let e = file.save(&parsed.book).unwrap_err();
    assert!(e.to_string().contains("changed by someone else"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs, "their version is untouched");
    file.save_over(&parsed.book).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE, "keeping mine overwrites only when asked");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(file.disk_state(), relplan::store::DiskState::Deleted);
    file.save(&parsed.book).unwrap();
    assert!(path.exists(), "a deleted file is written again");
}

#[test]
fn the_last_versions_are_kept_per_book_path() {
    data_dir();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a").join("plan.ron");
    let b = dir.path().join("b").join("plan.ron");
    for p in [&a, &b] {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    }
    let mut book = relplan::templates::example().unwrap();
    let mut file = BookFile::new_at(&a);
    for i in 0..8 {
        book.name = format!("Version {i}");
        file.save(&book).unwrap();
    }
    BookFile::new_at(&b).save(&book).unwrap();
    let kept = relplan::store::kept_versions(&a);
    assert_eq!(kept.len(), relplan::store::DEFAULT_KEEP_VERSIONS);
    let newest = std::fs::read_to_string(kept.last().unwrap()).unwrap();
    assert!(newest.contains("Version 6"), "the version before the last save is kept");
    assert!(relplan::store::kept_versions(&b).is_empty(), "two books called plan.ron never share backups");
    assert_ne!(relplan::store::backup_dir(&a), relplan::store::backup_dir(&b));
}

#[test]
fn vote_times_and_action_items_are_written_only_when_a_book_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.ron");
    let mut book = load_example();
    // Without them, the file is as before: earlier versions still read it.
    assert_eq!(to_text(&book).unwrap(), EXAMPLE);
    let release = &mut book.releases[4];
    release.go_no_go.votes[0].at = Some("2026-11-27T14:05:00Z".parse().unwrap());
    release.actions.push(relplan::model::Action {
        id: "ACT-99".into(),
        title: "Rerun the peak-volume test".into(),
        ..Default::default()
    });
    save(&book, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("at: Some(\"2026-11-27T14:05:00Z\")"), "the vote's time is written");
    let again = load(&path).unwrap().book;
    assert_eq!(again, book, "the vote's time and the action item survive a save and a load");
}

fn load_example() -> relplan::model::Book {
    relplan::templates::example().unwrap()
}
