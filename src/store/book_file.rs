//! A book file that is open: where it is, what it held when opened, and
//! whether someone changed it behind our back.

use super::backup::keep_previous_version;
use super::{LoadError, Parsed, SaveError, keep_opened_copy, parse, read_limited};
use crate::model::Book;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What a file looked like when Relplan last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    sha256: [u8; 32],
}

impl Fingerprint {
    fn of(bytes: &[u8]) -> Self {
        Self { len: bytes.len() as u64, sha256: Sha256::digest(bytes).into() }
    }
}

/// An open book file.
///
/// It remembers the bytes the file held when it was opened, so that the
/// first save of a session can keep a backup of them, and a fingerprint of
/// what is on disk, so that a save never silently overwrites a version
/// someone else wrote meanwhile (a colleague, `git pull`, a sync tool).
#[derive(Debug)]
pub struct BookFile {
    path: PathBuf,
    original: Option<Vec<u8>>,
    backup: Option<PathBuf>,
    on_disk: Option<Fingerprint>,
}

/// What is on disk compared with what Relplan last read or wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// As Relplan left it.
    Unchanged,
    /// Someone changed it.
    Changed,
    /// It is gone.
    Deleted,
}

impl BookFile {
    /// Opens a book file.
    pub fn open(path: &Path) -> Result<(BookFile, Parsed), LoadError> {
        let bytes = read_limited(path)?;
        let parsed = parse(&bytes, path)?;
        let on_disk = Some(Fingerprint::of(&bytes));
        Ok((BookFile { path: path.to_owned(), original: Some(bytes), backup: None, on_disk }, parsed))
    }

    /// A file that does not exist yet (Save as, or a new book).
    pub fn new_at(path: &Path) -> BookFile {
        BookFile { path: path.to_owned(), original: None, backup: None, on_disk: None }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the backup taken at the first save is, once taken.
    pub fn backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Whether the file on disk is still what Relplan last read or wrote.
    pub fn disk_state(&self) -> DiskState {
        match (std::fs::read(&self.path), &self.on_disk) {
            (Err(e), Some(_)) if e.kind() == std::io::ErrorKind::NotFound => DiskState::Deleted,
            (Err(_), None) => DiskState::Unchanged,
            (Ok(bytes), Some(fp)) if Fingerprint::of(&bytes) == *fp => DiskState::Unchanged,
            (Ok(_), None) => DiskState::Changed,
            _ => DiskState::Changed,
        }
    }

    /// Saves the book, unless the file changed on disk since Relplan last
    /// read or wrote it; then nothing is written and the error says so.
    pub fn save(&mut self, book: &Book) -> Result<(), SaveError> {
        if self.disk_state() == DiskState::Changed {
            return Err(SaveError {
                path: self.path.clone(),
                reason: "the file was changed by someone else since you opened it, so Relplan did not overwrite it \
                         (use Save as… to keep both, or reopen it to see the other version)"
                    .to_owned(),
            });
        }
        self.save_over(book)
    }

    /// Saves the book even if the file changed on disk (after the user chose
    /// to keep their version). The replaced version is kept as a backup.
    pub fn save_over(&mut self, book: &Book) -> Result<(), SaveError> {
        if let Some(original) = &self.original {
            self.backup = Some(keep_opened_copy(&self.path, original)?);
        } else if let Ok(previous) = std::fs::read(&self.path) {
            keep_previous_version(&self.path, &previous)?;
        }
        let text = super::to_text(book).map_err(|e| SaveError { path: self.path.clone(), reason: e.to_string() })?;
        super::write_atomic(&self.path, text.as_bytes())?;
        self.on_disk = Some(Fingerprint::of(text.as_bytes()));
        self.original = None;
        Ok(())
    }
}
