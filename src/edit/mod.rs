//! Edits: the only way a book changes.
//!
//! Every change (typing in a form, dragging on the calendar, importing a
//! file, running a command) is an [`Edit`] value, applied by [`apply`].
//! Applying an edit returns its inverse, which is what undo applies, so an
//! undo step holds only what changed and never a copy of the book.
//! [`Document`] pairs a book with its [`History`] and writes the audit
//! trail; it is the one place that edits are committed.

mod describe;
mod document;
mod fresh;
mod history;
mod path;
mod record;
mod records;

pub use document::{Document, StepInfo};
pub use fresh::{IdPlanner, copy_release, release_from_template, renumber};
pub use history::History;
pub use path::{Path, Step};
pub use record::{Entity, List, Record, from_ron, to_ron, walk};

use crate::model::{Book, Id};
use serde::Serialize;
use serde::{Deserialize, de::DeserializeOwned};

/// A change to a book.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Set the field `field` of the record at `at` to `value` (RON text).
    Set {
        /// The record.
        at: Path,
        /// The field's name.
        field: String,
        /// The new value, as RON text.
        value: String,
    },
    /// Insert `item` (RON text, with id `id`) into the list `list` of the
    /// record at `at`, at position `index`.
    Insert {
        /// The record that owns the list.
        at: Path,
        /// The list's name.
        list: String,
        /// Where to insert.
        index: usize,
        /// The new member's id.
        id: Id,
        /// The new member, as RON text.
        item: String,
    },
    /// Remove the member `id` from the list `list` of the record at `at`.
    Remove {
        /// The record that owns the list.
        at: Path,
        /// The list's name.
        list: String,
        /// The member's id.
        id: Id,
    },
    /// Move the member `id` of the list `list` to position `index`.
    Move {
        /// The record that owns the list.
        at: Path,
        /// The list's name.
        list: String,
        /// The member's id.
        id: Id,
        /// Its new position.
        index: usize,
    },
    /// Several edits applied together as one step.
    Group {
        /// The step's name, e.g. "Move deployment DEP-4 to 12 March".
        name: String,
        /// The edits, in order.
        edits: Vec<Edit>,
    },
}

/// Why an edit could not be applied. The book is unchanged when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The path leads nowhere.
    #[error("there is nothing at {0}")]
    NoSuchPath(String),
    /// The record has no such field.
    #[error("there is no field called {0}")]
    NoSuchField(String),
    /// The record has no such list.
    #[error("there is no list called {0}")]
    NoSuchList(String),
    /// No list member has that id.
    #[error("there is no {0} in that list")]
    NoSuchItem(Id),
    /// A member with that id is already in the list.
    #[error("{0} is already in that list")]
    DuplicateId(Id),
    /// A new member has no id.
    #[error("a new entry needs an id")]
    EmptyId,
    /// The value does not fit the field.
    #[error("that value does not fit: {0}")]
    BadValue(String),
    /// The book has handed out every number of a kind's ids, so a new
    /// entry would have to repeat one.
    #[error(
        "no new {noun} can be added: the book has already given out the last {prefix} number there is \
         ({prefix}-{max}), and a new one would repeat an id"
    )]
    IdsUsedUp {
        /// What the new entry is, e.g. "release".
        noun: &'static str,
        /// Its ids' prefix, e.g. "REL".
        prefix: &'static str,
        /// The largest number.
        max: u64,
    },
    /// Nothing to undo or redo.
    #[error("there is nothing to {0}")]
    NothingTo(&'static str),
}

impl Edit {
    /// Sets a field to a value.
    pub fn set<T: Serialize + ?Sized>(at: Path, field: &str, value: &T) -> Result<Edit, EditError> {
        Ok(Edit::Set { at, field: field.to_owned(), value: to_ron(value)? })
    }

    /// Inserts an entity at the end of a list (or at `index`).
    pub fn insert<T: Serialize + Entity>(at: Path, list: &str, index: usize, item: &T) -> Result<Edit, EditError> {
        Ok(Edit::Insert { at, list: list.to_owned(), index, id: item.id().clone(), item: to_ron(item)? })
    }

    /// Removes an entity from a list.
    pub fn remove(at: Path, list: &str, id: &Id) -> Edit {
        Edit::Remove { at, list: list.to_owned(), id: id.clone() }
    }

    /// Moves an entity within its list.
    pub fn move_to(at: Path, list: &str, id: &Id, index: usize) -> Edit {
        Edit::Move { at, list: list.to_owned(), id: id.clone(), index }
    }

    /// An approximation of the memory this edit holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        std::mem::size_of::<Edit>()
            + match self {
                Edit::Set { at, field, value } => at.heap_bytes() + field.capacity() + value.capacity(),
                Edit::Insert { at, list, id, item, .. } => {
                    at.heap_bytes() + list.capacity() + id.0.capacity() + item.capacity()
                }
                Edit::Remove { at, list, id } | Edit::Move { at, list, id, .. } => {
                    at.heap_bytes() + list.capacity() + id.0.capacity()
                }
                Edit::Group { name, edits } => name.capacity() + edits.iter().map(Edit::heap_bytes).sum::<usize>(),
            }
    }
}

/// Applies an edit to a book and returns the edit that undoes it.
///
/// This is the one function that changes a book. When it returns an error
/// the book is exactly as it was.
pub fn apply(book: &mut Book, edit: &Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::Set { at, field, value } => {
            let record = record::walk_mut(book, at)?;
            let old = record.set_field(field, value)?;
            Ok(Edit::Set { at: at.clone(), field: field.clone(), value: old })
        }
        Edit::Insert { at, list, index, id, item } => {
            let l = list_mut(book, at, list)?;
            let inserted = l.insert_ron(*index, item)?;
            if &inserted != id {
                // The text and the stated id disagree: put things back.
                l.remove_id(&inserted)?;
                return Err(EditError::BadValue(format!("the entry's id is {inserted}, not {id}")));
            }
            Ok(Edit::Remove { at: at.clone(), list: list.clone(), id: id.clone() })
        }
        Edit::Remove { at, list, id } => {
            let (index, item) = list_mut(book, at, list)?.remove_id(id)?;
            Ok(Edit::Insert { at: at.clone(), list: list.clone(), index, id: id.clone(), item })
        }
        Edit::Move { at, list, id, index } => {
            let from = list_mut(book, at, list)?.move_id(id, *index)?;
            Ok(Edit::Move { at: at.clone(), list: list.clone(), id: id.clone(), index: from })
        }
        Edit::Group { name, edits } => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply(book, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(err) => {
                        for inv in inverses.iter().rev() {
                            // Undoing what was just done cannot fail; if it
                            // somehow does, the first error is still the one to report.
                            let _ = apply(book, inv);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Group { name: name.clone(), edits: inverses })
        }
    }
}

fn list_mut<'a>(book: &'a mut Book, at: &Path, list: &str) -> Result<&'a mut dyn List, EditError> {
    record::walk_mut(book, at)?.list_mut(list).ok_or_else(|| EditError::NoSuchList(list.to_owned()))
}

/// Reads a field of the record at `at` as a typed value.
pub fn read<T: DeserializeOwned>(book: &Book, at: &Path, field: &str) -> Result<T, EditError> {
    from_ron(&walk(book, at)?.get_field(field)?)
}
