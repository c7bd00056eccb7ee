//! The undo and redo stacks, and the save point.

use super::{Edit, EditError, Path, apply};
use crate::model::Book;

/// One undo step: the edit that was done and the edit that undoes it.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// Name shown in the undo list and the audit trail.
    pub name: String,
    /// Does the step again.
    pub redo: Edit,
    /// Undoes the step.
    pub undo: Edit,
    /// Unique number of the book state this step leads to.
    pub serial: u64,
    /// While someone is still typing into a field, the field; the next
    /// keystroke into the same field joins this step instead of making a new one.
    pub typing: Option<(Path, String)>,
}

/// Undo and redo stacks with an exact save point.
///
/// Each book state reached by an edit gets a unique serial number; the
/// history remembers the serial of the saved state, so undoing back to it
/// makes the book clean again, and a new edit after undoing past it never does.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Entry>,
    undone: Vec<Entry>,
    last_serial: u64,
    saved: Option<u64>,
}

impl History {
    /// A history whose current state is the saved one.
    pub fn new_saved() -> Self {
        Self { saved: Some(0), ..Self::default() }
    }

    /// The serial of the current book state (0 before any edit).
    pub fn state(&self) -> u64 {
        self.done.last().map_or(0, |e| e.serial)
    }

    /// Whether the book differs from the saved state.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.state())
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.state());
    }

    /// Marks a given state as saved: the state that was written by a save
    /// that ran in the background while editing went on.
    pub fn mark_saved_state(&mut self, state: u64) {
        self.saved = Some(state);
    }

    /// Marks the book as never saved: it is dirty whatever the state.
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// Records a step that has already been applied. Returns `true` when it
    /// joined the previous step (typing into the same field).
    pub(crate) fn record(&mut self, name: String, redo: Edit, undo: Edit, typing: Option<(Path, String)>) -> bool {
        self.undone.clear();
        self.last_serial += 1;
        let serial = self.last_serial;
        if let (Some(key), Some(top)) = (&typing, self.done.last_mut())
            && top.typing.as_ref() == Some(key)
        {
            top.name = name;
            top.redo = redo;
            top.serial = serial;
            return true;
        }
        self.done.push(Entry { name, redo, undo, serial, typing });
        false
    }

    /// Ends the current typing step: the next keystroke starts a new one.
    pub fn seal(&mut self) {
        if let Some(top) = self.done.last_mut() {
            top.typing = None;
        }
    }

    /// Undoes the last step and returns its name.
    pub(crate) fn undo(&mut self, book: &mut Book) -> Result<String, EditError> {
        let top = self.done.last().ok_or(EditError::NothingTo("undo"))?;
        apply(book, &top.undo)?;
        let mut entry = self.done.pop().ok_or(EditError::NothingTo("undo"))?;
        entry.typing = None;
        let name = entry.name.clone();
        self.undone.push(entry);
        Ok(name)
    }

    /// Redoes the last undone step and returns its name.
    pub(crate) fn redo(&mut self, book: &mut Book) -> Result<String, EditError> {
        let top = self.undone.last().ok_or(EditError::NothingTo("redo"))?;
        apply(book, &top.redo)?;
        let entry = self.undone.pop().ok_or(EditError::NothingTo("redo"))?;
        let name = entry.name.clone();
        self.done.push(entry);
        Ok(name)
    }

    /// Names of the steps that can be undone, oldest first.
    pub fn done_names(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.done.iter().map(|e| e.name.as_str())
    }

    /// Names of the steps that can be redone, next first.
    pub fn undone_names(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.undone.iter().rev().map(|e| e.name.as_str())
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.done.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.undone.len()
    }

    /// An approximation of the memory the history holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.done
            .iter()
            .chain(&self.undone)
            .map(|e| {
                std::mem::size_of::<Entry>()
                    + e.name.capacity()
                    + e.redo.heap_bytes()
                    + e.undo.heap_bytes()
                    + e.typing.as_ref().map_or(0, |(p, f)| p.heap_bytes() + f.capacity())
            })
            .sum()
    }
}
