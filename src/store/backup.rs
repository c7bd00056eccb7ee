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

/// Keeps a copy of a book as it was when it was opened, before the first
/// save overwrites it. Returns where the copy is.
pub fn keep_opened_copy(book_path: &Path, original: &[u8]) -> Result<PathBuf, SaveError> {
    let dir = backup_dir(book_path)
        .ok_or_else(|| SaveError { path: book_path.to_owned(), reason: "there is no folder for backups".to_owned() })?;
    std::fs::create_dir_all(&dir).map_err(|e| SaveError::io(&dir, &e))?;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let copy = dir.join(format!("opened-{stamp}.ron"));
    write_atomic(&copy, original)?;
    Ok(copy)
}

/// How many earlier saved versions of each book are kept.
pub const KEEP_VERSIONS: usize = 5;

/// Keeps the version of a book that a save is about to replace, and
/// removes the oldest kept versions beyond [`KEEP_VERSIONS`]. The copy
/// taken when the book was opened is kept apart and never removed here.
pub fn keep_previous_version(book_path: &Path, previous: &[u8]) -> Result<PathBuf, SaveError> {
    let dir = backup_dir(book_path)
        .ok_or_else(|| SaveError { path: book_path.to_owned(), reason: "there is no folder for backups".to_owned() })?;
    std::fs::create_dir_all(&dir).map_err(|e| SaveError::io(&dir, &e))?;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S%.3fZ").to_string();
    let copy = dir.join(format!("version-{stamp}.ron"));
    write_atomic(&copy, previous)?;
    let mut versions: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("version-")))
                .collect()
        })
        .unwrap_or_default();
    versions.sort();
    let excess = versions.len().saturating_sub(KEEP_VERSIONS);
    for old in versions.into_iter().take(excess) {
        // A backup that cannot be removed only costs disk space.
        let _ = std::fs::remove_file(old);
    }
    Ok(copy)
}

/// The kept versions of a book, oldest first.
pub fn kept_versions(book_path: &Path) -> Vec<PathBuf> {
    let Some(dir) = backup_dir(book_path) else { return Vec::new() };
    let mut versions: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    versions.retain(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("version-")));
    versions.sort();
    versions
}

/// A name made safe for any file system: letters, digits, `-` and `_` only.
fn safe_name(s: &str) -> String {
    let cleaned: String =
        s.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(40).collect();
    if cleaned.is_empty() { "book".to_owned() } else { cleaned }
}
