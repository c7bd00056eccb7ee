//! Saving: same bytes for an unchanged book, atomic replacement, and clear
//! failures that leave the old file as it was.

use relplan::edit::{Document, Edit, Path as EditPath};
use relplan::store::{BookFile, load, save, to_text};
use relplan::templates::EXAMPLE;

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
    let data = tempfile::tempdir().unwrap();
    // SAFETY: this test binary sets the variable once, before any thread reads it.
    unsafe { std::env::set_var("RELPLAN_DATA_DIR", data.path()) };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let (mut file, parsed) = BookFile::open(&path).unwrap();
    let mut doc = Document::new(parsed.book);
    doc.apply(Edit::set(EditPath::root(), "name", "Renamed").unwrap()).unwrap();
    file.save(doc.book()).unwrap();
    let backup = file.backup().expect("a backup was taken").to_owned();
    assert!(backup.starts_with(data.path()));
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
