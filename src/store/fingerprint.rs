//! What a file looked like when Relplan last read or wrote it, and how it
//! compares with what is on disk now.

use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::SystemTime;

/// The size, modification time and content hash of a file.
///
/// Size and time are cheap to read and tell quickly that a file *may*
/// have changed; the hash decides whether its content really did (a file
/// touched or rewritten with the same bytes has not changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    sha256: [u8; 32],
}

impl Fingerprint {
    /// The fingerprint of bytes that have this modification time on disk.
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self { len: bytes.len() as u64, modified, sha256: Sha256::digest(bytes).into() }
    }

    /// Reads a file and returns its fingerprint and bytes.
    pub fn read(path: &Path) -> std::io::Result<(Fingerprint, Vec<u8>)> {
        let bytes = std::fs::read(path)?;
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        Ok((Self::of(&bytes, modified), bytes))
    }

    /// Whether two fingerprints are of the same content.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }

    /// Whether a file's size and modification time are still the ones
    /// fingerprinted, so that its content need not be read again.
    pub fn same_size_and_time(&self, meta: &std::fs::Metadata) -> bool {
        self.len == meta.len() && self.modified.is_some() && self.modified == meta.modified().ok()
    }

    /// The size in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
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

/// Compares the file at `path` with the fingerprint Relplan expects there
/// (`None`: Relplan never read or wrote it, so any file there is someone
/// else's). Reads the file and compares its size and content hash; the
/// modification time does not count (a file touched, or rewritten with the
/// same bytes, has not changed). The watch looks at the time only to skip
/// reading a file nobody touched.
pub fn disk_state(path: &Path, expected: Option<&Fingerprint>) -> DiskState {
    match (Fingerprint::read(path), expected) {
        (Err(e), Some(_)) if e.kind() == std::io::ErrorKind::NotFound => DiskState::Deleted,
        (Err(e), None) if e.kind() == std::io::ErrorKind::NotFound => DiskState::Unchanged,
        // Unreadable: it cannot be shown to be ours, so it is treated as changed.
        (Err(_), _) => DiskState::Changed,
        (Ok((now, _)), Some(fp)) if now.same_content(fp) => DiskState::Unchanged,
        (Ok(_), _) => DiskState::Changed,
    }
}

impl Fingerprint {
    /// The size and content hash as text (`size:hex`), for remembering in a
    /// recovery file which content some changes were made on.
    pub fn content_id(&self) -> String {
        let hex: String = self.sha256.iter().map(|b| format!("{b:02x}")).collect();
        format!("{}:{hex}", self.len)
    }

    /// The fingerprint a [`Fingerprint::content_id`] names (without a time).
    pub fn from_content_id(id: &str) -> Option<Fingerprint> {
        let (len, hex) = id.split_once(':')?;
        if hex.len() != 64 {
            return None;
        }
        let mut sha256 = [0u8; 32];
        for (i, byte) in sha256.iter_mut().enumerate() {
            *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Fingerprint { len: len.parse().ok()?, modified: None, sha256 })
    }
}

impl Fingerprint {
    /// A fingerprint no file matches, for content that is not known.
    pub fn unknown() -> Fingerprint {
        Fingerprint { len: u64::MAX, modified: None, sha256: [0xFF; 32] }
    }

    /// The modification time, when known.
    pub fn modified(&self) -> Option<SystemTime> {
        self.modified
    }
}
