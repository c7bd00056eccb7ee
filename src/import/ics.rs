//! Blackout windows from an iCalendar file.

use super::{ImportError, ImportPreview};
use crate::model::Book;
use std::path::Path;

/// Reads an iCalendar file and says which blackout windows it would add or update.
pub fn preview(book: &Book, bytes: &[u8], path: &Path) -> Result<ImportPreview, ImportError> {
    let _ = (book, bytes);
    Err(ImportError(format!("Importing {} is not available yet.", path.display())))
}
