//! A book being worked on: its edits, undo history and audit trail.

use super::{Edit, EditError, History, apply};
use crate::model::{AuditEntry, AuditKind, Book, Id, IdKind};
use jiff::Timestamp;

/// A book together with its undo history.
///
/// This is the one place edits are committed: every change goes through
/// [`Document::apply`] (or its typing and import variants), which applies
/// the edit, records the undo step and appends to the audit trail.
#[derive(Debug)]
pub struct Document {
    book: Book,
    history: History,
    author: String,
    clock: fn() -> Timestamp,
    /// Whether the last audit entry belongs to the step on top of the undo
    /// stack, so that further typing into the same field updates it.
    audit_tracks_top: bool,
}

/// A step in the undo list, for the history panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepInfo {
    /// The step's name.
    pub name: String,
    /// `true` for steps that are done, `false` for steps that were undone and can be redone.
    pub done: bool,
}

impl Document {
    /// Opens a book whose current state is its saved state.
    pub fn new(mut book: Book) -> Self {
        for id in crate::model::all_ids(&book) {
            book.ledger.note_existing(&id);
        }
        Self {
            book,
            history: History::new_saved(),
            author: default_author(),
            clock: Timestamp::now,
            audit_tracks_top: false,
        }
    }

    /// Uses a fixed clock, for tests and reproducible output.
    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> Timestamp) -> Self {
        self.clock = clock;
        self
    }

    /// Uses a fixed clock from now on, for tests and reproducible output.
    pub fn set_clock(&mut self, clock: fn() -> Timestamp) {
        self.clock = clock;
    }

    /// Sets who appears in the audit trail.
    pub fn set_author(&mut self, author: &str) {
        author.trim().clone_into(&mut self.author);
    }

    /// The time the document's clock shows: the time its next audit entry
    /// will carry (fixed in tests and reproducible output).
    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Who appears in the audit trail.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// The book.
    pub fn book(&self) -> &Book {
        &self.book
    }

    /// The undo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Gives up the book.
    pub fn into_book(self) -> Book {
        self.book
    }

    /// Hands out a fresh, never-used id.
    pub fn new_id(&mut self, kind: IdKind) -> Id {
        self.book.ledger.next_id(kind)
    }

    /// Applies an edit as one undo step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.commit(edit, false, AuditKind::Edit)
    }

    /// Applies an edit made by typing: consecutive edits of the same field
    /// join into one undo step until [`Document::seal`] is called.
    pub fn apply_typing(&mut self, edit: Edit) -> Result<(), EditError> {
        self.commit(edit, true, AuditKind::Edit)
    }

    /// Applies an edit that brings in data from a file, as one undo step.
    pub fn apply_import(&mut self, edit: Edit) -> Result<(), EditError> {
        self.commit(edit, false, AuditKind::Import)
    }

    /// Ends the current typing step.
    pub fn seal(&mut self) {
        self.history.seal();
        self.audit_tracks_top = false;
    }

    fn commit(&mut self, edit: Edit, typing: bool, kind: AuditKind) -> Result<(), EditError> {
        let mut used_up = None;
        inserted_ids(&edit, &mut |id| used_up = used_up.or_else(|| id.used_up_kind()));
        if let Some(k) = used_up {
            return Err(EditError::IdsUsedUp { noun: k.noun(), prefix: k.prefix(), max: u64::MAX });
        }
        let undo = apply(&mut self.book, &edit)?;
        inserted_ids(&edit, &mut |id| self.book.ledger.note_existing(id));
        let name = edit.describe();
        let key = match (&edit, typing) {
            (Edit::Set { at, field, .. }, true) => Some((at.clone(), field.clone())),
            _ => None,
        };
        let merged = self.history.record(name.clone(), edit, undo, key);
        if merged && self.audit_tracks_top {
            let at = (self.clock)();
            if let Some(last) = self.book.ledger.audit.last_mut() {
                last.what = name;
                last.at = at;
            }
        } else {
            self.audit(kind, name);
        }
        self.audit_tracks_top = typing;
        Ok(())
    }

    /// Undoes the last step.
    pub fn undo(&mut self) -> Result<String, EditError> {
        let name = self.history.undo(&mut self.book)?;
        self.audit(AuditKind::Undo, format!("Undo: {name}"));
        self.audit_tracks_top = false;
        Ok(name)
    }

    /// Redoes the last undone step.
    pub fn redo(&mut self) -> Result<String, EditError> {
        let name = self.history.redo(&mut self.book)?;
        self.audit(AuditKind::Redo, format!("Redo: {name}"));
        self.audit_tracks_top = false;
        Ok(name)
    }

    /// Undoes or redoes until exactly `done` steps are done.
    pub fn jump_to(&mut self, done: usize) -> Result<(), EditError> {
        while self.history.undo_len() > done {
            self.undo()?;
        }
        while self.history.undo_len() < done {
            self.redo()?;
        }
        Ok(())
    }

    /// The undo list: done steps oldest first, then undone steps.
    pub fn steps(&self) -> Vec<StepInfo> {
        let done = self.history.done_names().map(|n| StepInfo { name: n.to_owned(), done: true });
        let undone = self.history.undone_names().map(|n| StepInfo { name: n.to_owned(), done: false });
        done.chain(undone).collect()
    }

    /// Whether the book has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// Marks a state as saved (see [`History::mark_saved_state`]).
    pub fn mark_saved_state(&mut self, state: u64) {
        self.history.mark_saved_state(state);
    }

    /// Marks the book as never saved (a new book from a template).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Appends an entry to the audit trail that is not an edit, such as the
    /// creation of the book.
    pub fn note(&mut self, kind: AuditKind, what: &str) {
        self.audit(kind, what.to_owned());
        self.audit_tracks_top = false;
    }

    fn audit(&mut self, kind: AuditKind, what: String) {
        let entry = AuditEntry { at: (self.clock)(), who: self.author.clone(), kind, what };
        self.book.ledger.audit.push(entry);
    }
}

/// Calls `f` with every id an edit inserts, nested ones included. Committing
/// moves the id counters past them, so that an id taken with
/// [`crate::model::Ledger::peek_id`] is never handed out again.
fn inserted_ids(edit: &Edit, f: &mut dyn FnMut(&Id)) {
    match edit {
        Edit::Insert { id, item, .. } => {
            f(id);
            // Entities nested in the new one (a deployment's steps, say).
            for part in item.split("(id:\"").skip(1) {
                if let Some(end) = part.find('"') {
                    f(&Id::from(&part[..end]));
                }
            }
        }
        Edit::Group { edits, .. } => edits.iter().for_each(|e| inserted_ids(e, f)),
        Edit::Set { .. } | Edit::Remove { .. } | Edit::Move { .. } => {}
    }
}

/// The operating-system user, or "unknown".
fn default_author() -> String {
    ["RELPLAN_AUTHOR", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}
