//! Imports: data from other tools' files, previewed and then applied as
//! one undoable edit.

pub mod ics;
pub mod risk_csv;

use crate::edit::Edit;

/// What an import would do, for the user to confirm.
#[derive(Clone, Debug, Default)]
pub struct ImportPreview {
    /// What is imported, e.g. "Blackout windows from holidays.ics".
    pub title: String,
    /// What is worth knowing about the file as a whole (how it was read,
    /// how many entries need no change); not entries.
    pub notes: Vec<String>,
    /// One line per entry that would be added, updated or removed, and
    /// nothing else: the confirm button counts them.
    pub lines: Vec<String>,
    /// Rows or events that cannot be imported, with their place in the file.
    pub problems: Vec<String>,
    /// The single edit that makes the import; `None` when there is nothing to import.
    pub edit: Option<Edit>,
}

/// Why a file could not be imported at all. The book is not changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} Nothing was imported.")]
pub struct ImportError(pub String);
