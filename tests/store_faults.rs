//! A save that fails at any byte leaves the file on disk exactly as it was,
//! and says why in plain words. The failing writer is put in through the
//! store's writer seam ([`relplan::store::SaveWriter`]).

use relplan::store::{BookFile, SaveWriter, to_text, write_atomic_with};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Backups go to a temporary data folder, set once for this test binary.
fn isolate() {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("relplan-fault-tests-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // SAFETY: set once, inside get_or_init, before any test reads it.
        unsafe { std::env::set_var("RELPLAN_DATA_DIR", &dir) };
        dir
    });
}

/// Writes the first `at` bytes (in uneven pieces, as a real disk might take
/// them), then fails the way a full disk does. At `at == len` every byte is
/// written and the failure comes at the flush, just before the commit.
struct FailAt {
    at: usize,
}

impl SaveWriter for FailAt {
    fn write_bytes(&mut self, out: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()> {
        let mut done = 0;
        let mut piece = 1;
        while done < self.at.min(bytes.len()) {
            let end = (done + piece).min(self.at).min(bytes.len());
            done += out.write(&bytes[done..end])?;
            piece = piece * 3 % 4093 + 1;
        }
        Err(std::io::Error::new(ErrorKind::StorageFull, "no space left on device"))
    }
}

/// A book of a few kilobytes: one release of the example, and its people.
fn small_book(name: &str) -> relplan::model::Book {
    let mut book = relplan::templates::example().unwrap();
    book.name = name.to_owned();
    book.releases.truncate(1);
    book.risks.clear();
    book.changes.clear();
    book.config_items.clear();
    book.known_errors.clear();
    book.ledger.audit.clear();
    book
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_write_failing_at_every_byte_offset_leaves_the_original_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let old = to_text(&small_book("Before")).unwrap();
    let new = to_text(&small_book("After the save, with a longer name")).unwrap();
    assert_ne!(old, new);
    std::fs::write(&path, &old).unwrap();
    for at in 0..=new.len() {
        let e = write_atomic_with(&path, new.as_bytes(), &mut FailAt { at }).expect_err("the writer fails");
        let message = e.to_string();
        assert!(message.contains("the disk is full"), "at byte {at}: {message}");
        assert!(message.contains("was not changed"), "at byte {at}: {message}");
        let on_disk = std::fs::read(&path).unwrap();
        assert!(on_disk == old.as_bytes(), "at byte {at} of {}, the original changed", new.len());
    }
    assert_eq!(files_in(dir.path()), ["plan.ron"], "no temporary file is left behind");
}

#[test]
fn a_book_save_failing_part_way_keeps_the_file_and_the_next_save_works() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, relplan::templates::EXAMPLE).unwrap();
    let (mut file, parsed) = BookFile::open(&path).unwrap();
    let mut book = parsed.book;
    book.name = "Renamed before the disk filled up".into();
    let len = to_text(&book).unwrap().len();
    for at in (0..=len).step_by(997).chain([len - 1, len]) {
        let e = file.save_with(&book, &mut FailAt { at }).expect_err("the writer fails");
        assert!(e.to_string().contains("the disk is full"), "{e}");
        assert!(e.to_string().contains("your changes are still open"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), relplan::templates::EXAMPLE, "at byte {at}");
        assert_eq!(file.disk_state(), relplan::store::DiskState::Unchanged, "the file is still the one opened");
    }
    file.save(&book).expect("with space again, the save goes through");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), to_text(&book).unwrap());
    let backup = file.backup().expect("the opened copy is kept");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), relplan::templates::EXAMPLE);
}

#[test]
fn a_book_from_a_newer_relplan_is_never_saved_over() {
    isolate();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.ron");
    let newer = relplan::templates::EXAMPLE.replace("version: 1,", "version: 7,");
    std::fs::write(&path, &newer).unwrap();
    let (mut file, parsed) = BookFile::open(&path).expect("a newer book with nothing unknown opens");
    assert_eq!(file.newer_version(), Some(7));
    let e = file.save(&parsed.book).expect_err("never re-saved");
    assert!(e.to_string().contains("newer Relplan"), "{e}");
    assert!(e.to_string().contains("Save as"), "{e}");
    assert!(file.save_over(&parsed.book).is_err(), "not even when asked to overwrite");
    // Save as… onto the same file, and the choice to overwrite, are refused too.
    let mut again = BookFile::new_at(&path);
    assert!(again.save(&parsed.book).is_err());
    let e = again.save_over(&parsed.book).expect_err("a newer file is never overwritten");
    assert!(e.to_string().contains("newer Relplan"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    // Save as… to a new file writes the current format.
    let copy = dir.path().join("copy.ron");
    BookFile::new_at(&copy).save(&parsed.book).expect("Save as… works");
    assert_eq!(relplan::store::load(&copy).unwrap().newer_version, None);
}
