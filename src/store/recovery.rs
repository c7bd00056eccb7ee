//! Recovery files: what the journal writes, and finding the ones a
//! crashed Relplan left behind.
//!
//! A recovery file lives in the user's data folder (never beside the book)
//! and is itself a readable book file: one comment line that says which
//! book it belongs to, then the book as it stood. Beside it is a `.lock`
//! file that the Relplan writing the journal holds locked; the operating
//! system releases that lock when the process ends in any way (even
//! SIGKILL or a power cut), so a recovery file whose lock can be taken
//! belongs to a Relplan that is no longer running.

use super::backup::data_dir;
use super::error::{LoadError, SaveError};
use super::fingerprint::Fingerprint;
use super::write::write_atomic;
use crate::model::Book;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::path::{Path, PathBuf};

/// The start of the first line of every recovery file.
const MARKER: &str = "// relplan-recovery ";

/// The folder of recovery files: `recovery` in the data folder.
pub fn recovery_dir() -> Option<PathBuf> {
    Some(data_dir()?.join("recovery"))
}

/// What a recovery file says about the book it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// The book's file, or `None` for a book never saved to a file.
    pub book_path: Option<PathBuf>,
    /// The book's name when the journal was written.
    pub name: String,
    /// When the journal was written.
    pub written_at: String,
    /// The book file's content (size and hash) that the unsaved changes
    /// were made on, so that a restore can tell whether the file changed since.
    pub base: Option<String>,
}

impl RecoveryInfo {
    /// The name to show: the book's name, its file name, or "Untitled book".
    pub fn display_name(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_owned();
        }
        self.book_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled book".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// The fingerprint of the file content the changes were made on.
    pub fn base_fingerprint(&self) -> Option<Fingerprint> {
        self.base.as_deref().and_then(Fingerprint::from_content_id)
    }
}

/// One recovery file and its lock (held while this value lives).
#[derive(Debug)]
pub(crate) struct RecoverySlot {
    pub file: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

impl RecoverySlot {
    /// A new slot with a name no other journal has, locked.
    pub fn create() -> Result<RecoverySlot, String> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let dir = recovery_dir().ok_or("there is no data folder for recovery files")?;
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {}", dir.display(), super::plain_io(&e)))?;
        let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let stem = format!("book-{stamp}-{}-{n}", std::process::id());
        let lock_path = dir.join(format!("{stem}.lock"));
        let lock = File::create(&lock_path).map_err(|e| super::plain_io(&e))?;
        // Where the file system has no locks, the journal still works; only
        // telling a live journal from an orphan falls back to "orphan".
        let _ = lock.try_lock();
        Ok(RecoverySlot { file: dir.join(format!("{stem}.ron")), lock_path, _lock: lock })
    }

    /// Writes the book and what it belongs to, atomically.
    pub fn write(&self, book: &Book, info: &RecoveryInfo) -> Result<(), SaveError> {
        let head = serde_json::to_string(info).unwrap_or_default();
        let body = super::to_text(book).map_err(|e| SaveError::new(&self.file, e.to_string()))?;
        write_atomic(&self.file, format!("{MARKER}{head}\n{body}").as_bytes())
    }

    /// Removes the recovery file; the lock stays while the slot lives.
    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.file);
    }
}

impl Drop for RecoverySlot {
    fn drop(&mut self) {
        // The recovery file, if still there, is what a later start offers;
        // its lock file is made again then.
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// A recovery file left by a Relplan that is no longer running.
#[derive(Debug)]
pub struct Recovered {
    /// Which book it is.
    pub info: RecoveryInfo,
    pub(crate) slot: RecoverySlot,
}

impl Recovered {
    /// The recovery file.
    pub fn file(&self) -> &Path {
        &self.slot.file
    }

    /// Reads the book it holds.
    pub fn load(&self) -> Result<Book, LoadError> {
        super::load(&self.slot.file).map(|p| p.book)
    }

    /// Throws the recovered changes away: removes the recovery file.
    pub fn discard(self) {
        self.slot.remove();
    }
}

/// The recovery files that no running Relplan is writing, oldest first.
/// Each is locked by the caller from now on, so that two Relplans started
/// together never offer the same one.
pub fn recoverable() -> Vec<Recovered> {
    let Some(dir) = recovery_dir() else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    // Lock files of journals that ended without a recovery file.
    for lock in files.iter().filter(|p| p.extension().is_some_and(|e| e == "lock")) {
        if !lock.with_extension("ron").exists()
            && let Ok(f) = File::open(lock)
            && f.try_lock().is_ok()
        {
            let _ = std::fs::remove_file(lock);
        }
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "ron"));
    files.sort();
    files.into_iter().filter_map(|file| orphan(&file)).collect()
}

fn orphan(file: &Path) -> Option<Recovered> {
    let lock_path = file.with_extension("lock");
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).ok()?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return None,
        // No locks on this file system: it cannot be told; offer it.
        Err(std::fs::TryLockError::Error(_)) => {}
    }
    let info = read_info(file);
    Some(Recovered { info, slot: RecoverySlot { file: file.to_owned(), lock_path, _lock: lock } })
}

/// Reads the first line of a recovery file.
fn read_info(file: &Path) -> RecoveryInfo {
    use std::io::BufRead;
    let mut line = String::new();
    let read = File::open(file).map(std::io::BufReader::new).and_then(|mut r| r.read_line(&mut line));
    match read {
        Ok(_) => line.strip_prefix(MARKER).and_then(|json| serde_json::from_str(json.trim()).ok()),
        Err(_) => None,
    }
    .unwrap_or_default()
}
