//! Reading older versions of the book format.
//!
//! Each format version that was ever released keeps a reader here. A file
//! of an older version is read with its own reader and converted, one
//! version at a time, to the current model. Version 1 is the current
//! version, so today the chain has a single link; when version 2 arrives,
//! the version 1 model moves into a module of its own (`v1.rs`) with a
//! conversion to version 2, and `tests/fixtures/book-v1.ron` keeps proving
//! that version 1 files still open.

use super::error::ParseError;
use super::format::FORMAT_VERSION;
use crate::model::Book;

/// Reads the text of a file of format `version` (at most [`FORMAT_VERSION`])
/// into the current model.
pub(crate) fn read_version(text: &str, version: u32, origin: &std::path::Path) -> Result<Book, ParseError> {
    match version {
        FORMAT_VERSION => super::parse::parse_current(text, origin),
        _ => Err(ParseError {
            path: origin.to_owned(),
            line: 1,
            column: 1,
            field: "version".to_owned(),
            message: format!("book format version {version} never existed; the first version is 1"),
        }),
    }
}
