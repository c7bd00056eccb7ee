//! Load and save errors, in plain words.

use std::fmt;
use std::path::PathBuf;

/// Why a book could not be opened. The file on disk is never changed by a
/// failed open.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("Could not read {}: {}. The file was not changed.", .path.display(), plain_io(.source))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is bigger than any real book.
    #[error("{} is {} MiB, more than the {} MiB a release book may have, so Relplan did not read it. The file was not changed.", .path.display(), .size / (1024 * 1024), .limit / (1024 * 1024))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not a Relplan book, or is broken at a known place.
    #[error("{}", .0)]
    Parse(ParseError),
    /// The file was written by a newer Relplan and holds something this
    /// Relplan does not know. (A newer file that holds nothing unknown opens
    /// read-only instead.)
    #[error("{} was written by a newer Relplan (book format version {found}; this Relplan reads up to version {supported}) and holds things this Relplan does not know (at {first_unknown}). Relplan did not change it; please update Relplan to open it.", .path.display())]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this program reads.
        supported: u32,
        /// Where the first thing this program does not know is, as
        /// `line:column: what`.
        first_unknown: String,
    },
}

/// Where and why a file could not be read as a book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The file, or a description of the text's source.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The field that was being read, e.g. `book.releases[2].deployments[0].window.start`.
    pub field: String,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path.display(), self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "in {}: ", self.field)?;
        }
        write!(f, "{}. The file was not changed.", self.message)
    }
}

/// Why a book (or an export) could not be written.
///
/// Shown as text ([`std::fmt::Display`]) it speaks to someone in the
/// window, whose changes are still open there; [`SaveError::neutral`] says
/// the same without the window's advice, for the command line and exports.
#[derive(Debug)]
pub struct SaveError {
    /// The file.
    pub path: PathBuf,
    /// Why, in plain words.
    pub reason: String,
    /// What to do about it in the window (such as using Save as…), shown
    /// in brackets after the reason; never on the command line.
    pub window_hint: Option<String>,
    /// Whether the file on disk is exactly as it was. Only bytes written
    /// straight into a device or a pipe can have gone out in part.
    pub untouched: bool,
}

impl SaveError {
    /// A save error that left the file as it was.
    pub fn new(path: &std::path::Path, reason: impl Into<String>) -> Self {
        Self { path: path.to_owned(), reason: reason.into(), window_hint: None, untouched: true }
    }

    /// A save error from a system error.
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::new(path, plain_io(e))
    }

    /// The message without the window's advice: for the command line, and
    /// for exports, where no open changes are at stake.
    pub fn neutral(&self) -> String {
        let outcome =
            if self.untouched { "The file on disk was not changed." } else { "Part of it may have been written." };
        format!("Could not write {}: {}. {outcome}", self.path.display(), self.reason)
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Could not save {}: {}", self.path.display(), self.reason)?;
        if let Some(hint) = &self.window_hint {
            write!(f, " ({hint})")?;
        }
        f.write_str(if self.untouched {
            ". The file on disk was not changed, and your changes are still open."
        } else {
            ". Part of it may have been written; your changes are still open."
        })
    }
}

impl std::error::Error for SaveError {}

/// A system error in plain words.
pub fn plain_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "the file or its folder does not exist".to_owned(),
        K::PermissionDenied => "you do not have permission (the file or its folder may be read-only)".to_owned(),
        K::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        K::StorageFull => "the disk is full".to_owned(),
        K::QuotaExceeded => "your disk quota is used up".to_owned(),
        K::IsADirectory => "that is a folder, not a file".to_owned(),
        K::NotADirectory => "a part of the path is not a folder".to_owned(),
        K::InvalidFilename => "the file name is not allowed here".to_owned(),
        _ => e.to_string(),
    }
}
