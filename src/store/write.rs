//! Atomic writes: a file on disk is always either the old version or the
//! new one, complete.
//!
//! The bytes pass through a [`SaveWriter`] on their way into the temporary
//! file. Saving uses [`PlainWriter`]; tests put in a writer that fails at a
//! chosen byte to prove that a failure anywhere leaves the original as it was.

use super::error::SaveError;
use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How the bytes of a save reach the temporary file beside the original.
pub trait SaveWriter {
    /// Writes all of `bytes` to `out`, or fails.
    fn write_bytes(&mut self, out: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()>;
}

/// The writer every real save uses: all the bytes, then a flush.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainWriter;

impl SaveWriter for PlainWriter {
    fn write_bytes(&mut self, out: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()> {
        out.write_all(bytes)?;
        out.flush()
    }
}

/// Writes `bytes` to `path` atomically.
///
/// The bytes go to a temporary file in the same folder, which is flushed to
/// disk and then renamed over the original; the folder is flushed too. The
/// original's permissions are kept. A symbolic link is followed, so the file
/// it points to is replaced and the link stays. A read-only file is never
/// replaced (renaming over it would work in a writable folder, and silently
/// undo the read-only mark). On any failure the file at `path` is exactly as
/// it was.
///
/// What is not a plain file is never replaced: a device (such as
/// `/dev/null`) or a named pipe is written into directly, with no temporary
/// file, and a folder is refused.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, &mut PlainWriter)
}

/// [`write_atomic`], with the bytes passing through `writer`.
pub fn write_atomic_with(path: &Path, bytes: &[u8], writer: &mut dyn SaveWriter) -> Result<(), SaveError> {
    let target = real_target(path);
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(SaveError::new(path, "it is a folder, not a file; name a file inside it"));
        }
        Ok(meta) if !meta.is_file() => return write_in_place(path, &target, bytes, writer),
        _ => {}
    }
    if is_read_only(&target) {
        return Err(read_only_file(path));
    }
    let mut file = AtomicWriteFile::options().open(&target).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => read_only_folder(path),
        _ => SaveError::io(path, &e),
    })?;
    if let Err(e) = writer.write_bytes(&mut file, bytes) {
        // Discarding removes the temporary copy; the original is untouched.
        let _ = file.discard();
        return Err(SaveError::io(path, &e));
    }
    file.commit().map_err(|e| SaveError::io(path, &e))
}

/// Writes into a device or a named pipe as it is: it is opened for writing
/// (a pipe waits for its reader), never truncated, renamed or backed up.
fn write_in_place(path: &Path, target: &Path, bytes: &[u8], writer: &mut dyn SaveWriter) -> Result<(), SaveError> {
    let mut out = std::fs::OpenOptions::new().write(true).open(target).map_err(|e| {
        if is_socket(target) {
            SaveError::new(path, "that is a socket, which cannot be written as a file")
        } else {
            SaveError::io(path, &e)
        }
    })?;
    writer.write_bytes(&mut out, bytes).map_err(|e| SaveError { untouched: false, ..SaveError::io(path, &e) })
}

#[cfg(unix)]
fn is_socket(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_socket())
}

#[cfg(not(unix))]
fn is_socket(_: &Path) -> bool {
    false
}

/// Whether the file at `path` exists and may not be written: it is marked
/// read-only, or the system refuses to open it for writing. Opening for
/// writing changes nothing in the file (it is neither truncated nor touched).
pub fn is_read_only(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => {
            meta.permissions().readonly()
                || std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
        }
        _ => false,
    }
}

/// The refusal to replace a read-only file.
pub(super) fn read_only_file(path: &Path) -> SaveError {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    SaveError {
        window_hint: Some(format!(
            "use Save as… to keep your changes in another file, or make {name} writable and save again"
        )),
        ..SaveError::new(path, format!("{name} is read-only"))
    }
}

/// The failure to write into a folder that may not be written.
fn read_only_folder(path: &Path) -> SaveError {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => ".".to_owned(),
    };
    SaveError {
        window_hint: Some("use Save as… to put the book in another folder".to_owned()),
        ..SaveError::new(path, format!("its folder {folder} is read-only, so no file can be written there"))
    }
}

/// The file a path really names: the target of a symbolic link.
fn real_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
        _ => path.to_owned(),
    }
}
