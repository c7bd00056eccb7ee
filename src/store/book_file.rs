//! A book file that is open: where it is and what it held when opened.

use super::{LoadError, Parsed, SaveError, keep_opened_copy, parse, read_limited, save};
use crate::model::Book;
use std::path::{Path, PathBuf};

/// An open book file.
///
/// It remembers the bytes the file held when it was opened, so that the
/// first save of a session can keep a backup of them.
#[derive(Debug)]
pub struct BookFile {
    path: PathBuf,
    original: Option<Vec<u8>>,
    backup: Option<PathBuf>,
}

impl BookFile {
    /// Opens a book file.
    pub fn open(path: &Path) -> Result<(BookFile, Parsed), LoadError> {
        let bytes = read_limited(path)?;
        let parsed = parse(&bytes, path)?;
        Ok((BookFile { path: path.to_owned(), original: Some(bytes), backup: None }, parsed))
    }

    /// A file that does not exist yet (Save as, or a new book).
    pub fn new_at(path: &Path) -> BookFile {
        BookFile { path: path.to_owned(), original: None, backup: None }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the backup taken at the first save is, once taken.
    pub fn backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// Saves the book. The first save keeps a backup of the file as it was
    /// when opened; if that backup cannot be written, nothing is saved.
    pub fn save(&mut self, book: &Book) -> Result<(), SaveError> {
        if let Some(original) = &self.original {
            self.backup = Some(keep_opened_copy(&self.path, original)?);
        }
        save(book, &self.path)?;
        self.original = None;
        Ok(())
    }
}
