//! A book file that is open: where it is, what it held when opened, and
//! whether someone changed it behind our back.

use super::backup::{DEFAULT_KEEP_VERSIONS, keep_previous_version};
use super::fingerprint::{DiskState, Fingerprint, disk_state};
use super::format::{FORMAT_VERSION, scan_header};
use super::write::{PlainWriter, SaveWriter, is_read_only, read_only_file, write_atomic_with};
use super::{LoadError, Parsed, SaveError, keep_opened_copy, parse, read_limited};
use crate::model::Book;
use std::path::{Path, PathBuf};

/// An open book file.
///
/// It remembers the bytes the file held when it was opened, so that the
/// first save of a session can keep a backup of them, and a fingerprint of
/// what is on disk, so that a save never silently overwrites a version
/// someone else wrote meanwhile (a colleague, `git pull`, a sync tool).
/// A file written by a newer Relplan is never saved over.
#[derive(Debug)]
pub struct BookFile {
    path: PathBuf,
    original: Option<Vec<u8>>,
    backup: Option<PathBuf>,
    on_disk: Option<Fingerprint>,
    newer_version: Option<u32>,
    keep_versions: usize,
}

impl BookFile {
    /// Opens a book file.
    pub fn open(path: &Path) -> Result<(BookFile, Parsed), LoadError> {
        let bytes = read_limited(path)?;
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        let parsed = parse(&bytes, path)?;
        let file = BookFile {
            path: path.to_owned(),
            on_disk: Some(Fingerprint::of(&bytes, modified)),
            original: Some(bytes),
            backup: None,
            newer_version: parsed.newer_version,
            keep_versions: DEFAULT_KEEP_VERSIONS,
        };
        Ok((file, parsed))
    }

    /// A file that does not exist yet (Save as, or a new book).
    pub fn new_at(path: &Path) -> BookFile {
        BookFile {
            path: path.to_owned(),
            original: None,
            backup: None,
            on_disk: None,
            newer_version: None,
            keep_versions: DEFAULT_KEEP_VERSIONS,
        }
    }

    /// The file that restored changes belong to. `base` is the content the
    /// changes were made on: if the file no longer holds it (or it is not
    /// known), the first save asks before overwriting, as for any change
    /// made behind Relplan's back.
    pub fn resume(path: &Path, base: Option<Fingerprint>) -> BookFile {
        let bytes = std::fs::read(path).ok();
        let newer_version = bytes.as_deref().and_then(newer_version_of);
        let on_disk = match (&bytes, base) {
            (Some(bytes), Some(base)) => {
                let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                let now = Fingerprint::of(bytes, modified);
                Some(if now.same_content(&base) { now } else { base })
            }
            // Changes of unknown origin on an existing file: the first save asks.
            (Some(_), None) => Some(Fingerprint::unknown()),
            (None, base) => base,
        };
        BookFile {
            path: path.to_owned(),
            original: bytes,
            backup: None,
            on_disk,
            newer_version,
            keep_versions: DEFAULT_KEEP_VERSIONS,
        }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the backup taken at the first save is, once taken.
    pub fn backup(&self) -> Option<&Path> {
        self.backup.as_deref()
    }

    /// What Relplan last read from or wrote to the file.
    pub fn fingerprint(&self) -> Option<&Fingerprint> {
        self.on_disk.as_ref()
    }

    /// The format version of a file written by a newer Relplan; such a file
    /// is read-only.
    pub fn newer_version(&self) -> Option<u32> {
        self.newer_version
    }

    /// How many earlier versions of the book the saves keep as backups
    /// ([`DEFAULT_KEEP_VERSIONS`] unless set; at least one).
    pub fn set_keep_versions(&mut self, keep: usize) {
        self.keep_versions = keep.max(1);
    }

    /// Whether the file exists and is read-only, so that saves to it are
    /// refused.
    pub fn is_read_only(&self) -> bool {
        is_read_only(&self.path)
    }

    /// Whether the file on disk still holds what Relplan last read or wrote
    /// (same size and content hash; a file only touched, or rewritten with
    /// the same bytes, is unchanged). The modification time is not looked
    /// at here: the watch uses it to skip reading a file that was not touched.
    pub fn disk_state(&self) -> DiskState {
        disk_state(&self.path, self.on_disk.as_ref())
    }

    /// Saves the book, unless the file changed on disk since Relplan last
    /// read or wrote it; then nothing is written and the error says so.
    pub fn save(&mut self, book: &Book) -> Result<(), SaveError> {
        self.save_with(book, &mut PlainWriter)
    }

    /// [`BookFile::save`], with the bytes passing through `writer`.
    pub fn save_with(&mut self, book: &Book, writer: &mut dyn SaveWriter) -> Result<(), SaveError> {
        self.refuse_newer()?;
        let state = self.disk_state();
        if state == DiskState::Changed && self.on_disk.is_none() {
            return Err(self.error(
                "there is already a file of that name, and Relplan does not save over a file it did not open \
                 (choose another name, or open that file first)",
            ));
        }
        if state == DiskState::Changed {
            return Err(self.error(
                "the file was changed by someone else since you opened it, so Relplan did not overwrite it \
                 (use Save as… to keep both, or reopen it to see the other version)",
            ));
        }
        self.save_over_with(book, writer)
    }

    /// Saves the book even if the file changed on disk (after the user chose
    /// to keep their version). The replaced version is kept as a backup.
    pub fn save_over(&mut self, book: &Book) -> Result<(), SaveError> {
        self.save_over_with(book, &mut PlainWriter)
    }

    /// [`BookFile::save_over`], with the bytes passing through `writer`.
    pub fn save_over_with(&mut self, book: &Book, writer: &mut dyn SaveWriter) -> Result<(), SaveError> {
        self.refuse_newer()?;
        // Refused before any backup is taken, so that retrying leaves no trace.
        if self.is_read_only() {
            return Err(read_only_file(&self.path));
        }
        let previous = std::fs::read(&self.path).ok();
        if let Some(found) = previous.as_deref().and_then(newer_version_of) {
            return Err(self.error(&format!(
                "the file there was written by a newer Relplan (book format version {found}), and saving over \
                 it could lose what that version keeps in it (use Save as… to choose another file)"
            )));
        }
        // The copy as opened is taken once, even when the first save fails
        // and is tried again.
        if let (Some(original), None) = (&self.original, &self.backup) {
            self.backup = Some(keep_opened_copy(&self.path, original)?);
        }
        // The version being replaced, unless it is the copy just kept (a
        // version someone else wrote meanwhile is kept too).
        if let Some(previous) = &previous
            && self.original.as_ref() != Some(previous)
        {
            keep_previous_version(&self.path, previous, self.keep_versions)?;
        }
        let text = super::to_text(book).map_err(|e| self.error(&e.to_string()))?;
        write_atomic_with(&self.path, text.as_bytes(), writer)?;
        let modified = std::fs::metadata(&self.path).and_then(|m| m.modified()).ok();
        self.on_disk = Some(Fingerprint::of(text.as_bytes(), modified));
        self.original = None;
        Ok(())
    }

    fn refuse_newer(&self) -> Result<(), SaveError> {
        match self.newer_version {
            Some(found) => Err(self.error(&format!(
                "this book was written by a newer Relplan (book format version {found}, this Relplan writes \
                 version {FORMAT_VERSION}), so it is open read-only and is never saved over (use Save as… to \
                 keep your changes in a new file)"
            ))),
            None => Ok(()),
        }
    }

    fn error(&self, reason: &str) -> SaveError {
        SaveError::new(&self.path, reason)
    }
}

/// The format version of a book file's bytes, when newer than this program's.
fn newer_version_of(bytes: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    let header = scan_header(text).ok()?;
    (header.version > FORMAT_VERSION).then_some(header.version)
}
