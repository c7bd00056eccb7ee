//! Atomic writes: a file on disk is always either the old version or the
//! new one, complete.

use super::error::SaveError;
use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically.
///
/// The bytes go to a temporary file in the same folder, which is flushed to
/// disk and then renamed over the original; the folder is flushed too. The
/// original's permissions are kept. A symbolic link is followed, so the file
/// it points to is replaced and the link stays. On any failure the file at
/// `path` is exactly as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = real_target(path);
    let mut file = AtomicWriteFile::options().open(&target).map_err(|e| SaveError::io(path, &e))?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.flush()) {
        // Dropping the file discards the temporary copy; the original is untouched.
        let _ = file.discard();
        return Err(SaveError::io(path, &e));
    }
    file.commit().map_err(|e| SaveError::io(path, &e))
}

/// The file a path really names: the target of a symbolic link.
fn real_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
        _ => path.to_owned(),
    }
}
