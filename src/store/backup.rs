//! Backups of books, kept in the user's data folder.

use super::error::SaveError;
use super::write::write_atomic;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The folder where Relplan keeps its own data (backups, recovery files).
///
/// `RELPLAN_DATA_DIR` overrides it, for tests and portable installs.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("RELPLAN_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Relplan", "Relplan").map(|d| d.data_dir().to_owned())
}

/// The backup folder of one book, keyed by the book's full path, so that
/// two books with the same name in different folders never share backups.
pub fn backup_dir(book_path: &Path) -> Option<PathBuf> {
    let full = std::path::absolute(book_path).unwrap_or_else(|_| book_path.to_owned());
    let digest = Sha256::digest(full.to_string_lossy().as_bytes());
    let key: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let stem = book_path.file_stem().map_or_else(|| "book".into(), |s| s.to_string_lossy().into_owned());
    Some(data_dir()?.join("backups").join(format!("{}-{key}", safe_name(&stem))))
}

/// How many earlier saved versions of each book are kept unless the user
/// chose another number.
pub const DEFAULT_KEEP_VERSIONS: usize = 5;

/// How many copies of a book as it was opened (one per session that saved
/// it) are kept.
pub const KEEP_OPENED_COPIES: usize = 5;

/// Keeps a copy of a book as it was when it was opened, before the first
/// save overwrites it, and removes the oldest such copies beyond
/// [`KEEP_OPENED_COPIES`]. Returns where the copy is.
pub fn keep_opened_copy(book_path: &Path, original: &[u8]) -> Result<PathBuf, SaveError> {
    keep_copy(book_path, "opened-", original, KEEP_OPENED_COPIES)
}

/// Keeps the version of a book that a save is about to replace, and
/// removes the oldest kept versions beyond `keep` (at least one is always
/// kept). The copies taken when the book was opened are kept apart.
pub fn keep_previous_version(book_path: &Path, previous: &[u8], keep: usize) -> Result<PathBuf, SaveError> {
    keep_copy(book_path, "version-", previous, keep.max(1))
}

/// Writes `bytes` as the newest copy named `prefix…` in the book's backup
/// folder (unless the newest one already holds them, as after a save that
/// failed and was tried again), then removes the oldest beyond `keep`.
fn keep_copy(book_path: &Path, prefix: &str, bytes: &[u8], keep: usize) -> Result<PathBuf, SaveError> {
    let dir = backup_dir(book_path).ok_or_else(|| SaveError::new(book_path, "there is no folder for backups"))?;
    std::fs::create_dir_all(&dir).map_err(|e| SaveError::io(&dir, &e))?;
    let mut copies = copies_in(&dir, prefix);
    let copy = match copies.last() {
        Some(newest) if std::fs::read(newest).is_ok_and(|b| b == bytes) => newest.clone(),
        _ => {
            let copy = new_copy_name(&dir, prefix);
            write_atomic(&copy, bytes)?;
            copies.push(copy.clone());
            copy
        }
    };
    let excess = copies.len().saturating_sub(keep);
    for old in copies.into_iter().take(excess) {
        // A backup that cannot be removed only costs disk space.
        let _ = std::fs::remove_file(old);
    }
    Ok(copy)
}

/// A name for a new copy that sorts after every earlier one: the time to
/// the microsecond, moved on by one when that name is taken.
fn new_copy_name(dir: &Path, prefix: &str) -> PathBuf {
    let name = |at: jiff::Timestamp| dir.join(format!("{prefix}{}.ron", at.strftime("%Y%m%dT%H%M%S%.6fZ")));
    let now = jiff::Timestamp::now();
    (0..1000)
        .filter_map(|us| now.checked_add(jiff::SignedDuration::from_micros(us)).ok())
        .map(name)
        .find(|copy| !copy.exists())
        .unwrap_or_else(|| name(now))
}

/// The copies named `prefix…` in a backup folder, oldest first.
fn copies_in(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
                .collect()
        })
        .unwrap_or_default();
    copies.sort();
    copies
}

/// The kept versions of a book, oldest first.
pub fn kept_versions(book_path: &Path) -> Vec<PathBuf> {
    backup_dir(book_path).map(|dir| copies_in(&dir, "version-")).unwrap_or_default()
}

/// The copies of a book as it was opened, oldest first.
pub fn opened_copies(book_path: &Path) -> Vec<PathBuf> {
    backup_dir(book_path).map(|dir| copies_in(&dir, "opened-")).unwrap_or_default()
}

/// A name made safe for any file system: letters, digits, `-` and `_` only.
fn safe_name(s: &str) -> String {
    let cleaned: String =
        s.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(40).collect();
    if cleaned.is_empty() { "book".to_owned() } else { cleaned }
}
