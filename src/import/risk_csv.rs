//! Risks from a CSV file.

use super::{ImportError, ImportPreview};
use crate::model::Book;
use std::path::Path;

/// Reads a CSV file of risks and says which risks it would add or update.
pub fn preview(book: &Book, bytes: &[u8], path: &Path) -> Result<ImportPreview, ImportError> {
    let _ = (book, bytes);
    Err(ImportError(format!("Importing {} is not available yet.", path.display())))
}
