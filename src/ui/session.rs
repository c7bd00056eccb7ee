//! The book open in the window: its document, its file and what was found in it.

use crate::check::Finding;
use crate::edit::Document;
use crate::store::BookFile;

/// An open book.
pub struct Session {
    /// The book and its undo history.
    pub doc: Document,
    /// The file it came from, or `None` for a book never saved.
    pub file: Option<BookFile>,
    /// Structural problems found when it was opened.
    pub findings: Vec<Finding>,
}

impl Session {
    /// The name shown in the title bar: the book's name, or its file name.
    pub fn display_name(&self) -> String {
        let name = self.doc.book().name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
        self.file
            .as_ref()
            .and_then(|f| f.path().file_name())
            .map_or_else(|| "Untitled book".to_owned(), |n| n.to_string_lossy().into_owned())
    }
}
