//! Reading and writing book files.
//!
//! A book file is RON text that starts with its format name and version.
//! Opening never changes the file; saving is atomic and leaves either the
//! old file or the new one, never a mix. Errors say where (line:column and
//! field) and why, in plain words.

mod backup;
mod book_file;
mod compare;
mod error;
mod fingerprint;
mod format;
mod journal;
mod locate;
mod lock;
mod migrate;
mod parse;
mod recovery;
mod watch;
mod write;

pub use backup::{
    DEFAULT_KEEP_VERSIONS, KEEP_OPENED_COPIES, backup_dir, data_dir, keep_opened_copy, keep_previous_version,
    kept_versions, opened_copies,
};
pub use book_file::BookFile;
pub use compare::{Difference, compare};
pub use error::{LoadError, ParseError, SaveError, plain_io};
pub use fingerprint::{DiskState, Fingerprint, disk_state};
pub use format::{FORMAT_NAME, FORMAT_VERSION, to_text};
pub use journal::{
    Journal, JournalContext, SNAPSHOT_EVERY, WRITE_AT_LEAST_EVERY, WRITE_WHEN_IDLE, flush_all_after_panic,
    install_panic_hook,
};
pub use locate::line_col;
pub use lock::{
    BookLock, HEARTBEAT_EVERY, LockError, LockHeld, LockOwner, STALE_AFTER, Stale, current_user, inspect, lock_file_of,
};
pub use parse::{Parsed, parse};
pub use recovery::{Recovered, RecoveryInfo, recoverable, recovery_dir};
pub use watch::{FileWatch, POLL_EVERY};
pub use write::{PlainWriter, SaveWriter, is_read_only, write_atomic, write_atomic_with};

use crate::model::Book;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused before they are read.
pub const SIZE_LIMIT: u64 = 256 * 1024 * 1024;

/// Reads a file's bytes, refusing files over [`SIZE_LIMIT`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > SIZE_LIMIT {
        return Err(LoadError::TooLarge { path: path.to_owned(), size, limit: SIZE_LIMIT });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grows meanwhile.
    file.take(SIZE_LIMIT + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > SIZE_LIMIT {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: SIZE_LIMIT });
    }
    Ok(bytes)
}

/// Whether `a` and `b` name the same file (by another path, or through a
/// symbolic link). Writing an export to the book's own file would replace
/// the book with no backup, so both the window and the command line refuse it.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads a book file.
pub fn load(path: &Path) -> Result<Parsed, LoadError> {
    parse(&read_limited(path)?, path)
}

/// Writes a book to a file atomically.
pub fn save(book: &Book, path: &Path) -> Result<(), SaveError> {
    let text = to_text(book).map_err(|e| SaveError::new(path, e.to_string()))?;
    write_atomic(path, text.as_bytes())
}
