//! File names made from titles that people typed.
//!
//! A name made here is one plain file name: no folder separators, no `..`,
//! no characters Windows or macOS refuse, no name Windows reserves for a
//! device (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, with or without an
//! extension), no leading dot (hidden file) and no trailing dot or space.
//! [`inside`] joins such a name to a folder and checks that the result is
//! still in that folder.

use std::path::{Component, Path, PathBuf};

/// The longest stem made, in bytes (leaves room for an extension).
const MAX_STEM: usize = 80;

/// Device names Windows reserves, whatever the extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A safe file stem from a title: letters, digits, `-` and `_`, other
/// characters as single `-`; `fallback` when nothing is left.
pub fn file_stem(title: &str, fallback: &str) -> String {
    let mut out = String::with_capacity(title.len().min(MAX_STEM));
    for c in title.chars() {
        if out.len() >= MAX_STEM {
            break;
        }
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with(['-', '_', '.', ' ']) {
        out.pop();
    }
    if out.is_empty() {
        out = fallback.to_owned();
    }
    if is_reserved(&out) {
        out.insert(0, '_');
    }
    out
}

/// A safe file name: [`file_stem`] of the title with `extension`.
pub fn file_name(title: &str, fallback: &str, extension: &str) -> String {
    format!("{}.{extension}", file_stem(title, fallback))
}

/// Whether Windows reserves this name for a device (`con`, `NUL.txt`, `Com1.tar.gz`…).
pub fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches([' ', '.']);
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem))
}

/// `folder` joined with `name`, or an error when `name` is not one plain
/// file name that stays in `folder`.
pub fn inside(folder: &Path, name: &str) -> Result<PathBuf, String> {
    let candidate = Path::new(name);
    let mut parts = candidate.components();
    let plain = matches!((parts.next(), parts.next()), (Some(Component::Normal(_)), None));
    if !plain || name.contains(['/', '\\', ':']) || is_reserved(name) || name.starts_with('.') {
        return Err(format!("“{name}” is not a safe file name"));
    }
    Ok(folder.join(candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_cannot_leave_the_folder_or_take_device_names() {
        assert_eq!(file_stem("../../etc/passwd", "x"), "etc-passwd");
        assert_eq!(file_stem("..", "export"), "export");
        assert_eq!(file_stem("CON", "x"), "_CON");
        assert_eq!(file_stem("nul.txt", "x"), "nul-txt");
        assert_eq!(file_stem("Com1", "x"), "_Com1");
        assert_eq!(file_stem("Q3 release: “Pay” <v2>", "x"), "Q3-release-Pay-v2");
        assert!(inside(Path::new("/out"), "../x.pdf").is_err());
        assert!(inside(Path::new("/out"), "a/b.pdf").is_err());
        assert!(inside(Path::new("/out"), "CON.pdf").is_err());
        assert_eq!(inside(Path::new("/out"), "book.pdf"), Ok(PathBuf::from("/out/book.pdf")));
    }
}
