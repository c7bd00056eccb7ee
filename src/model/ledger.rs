//! The parts of a book that only ever grow: id counters and the audit trail.

use super::{Id, IdKind};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Id counters and the audit trail.
///
/// Undo never rewinds the ledger: an id once handed out is never handed out
/// again, and the audit trail records undo and redo as steps of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ledger {
    /// The last number handed out for each id prefix.
    pub last_ids: BTreeMap<String, u64>,
    /// Every committed step, oldest first.
    pub audit: Vec<AuditEntry>,
}

impl Ledger {
    /// Hands out a fresh id of the given kind.
    ///
    /// When the kind's count is at the largest number it can hold, the id
    /// handed out is the used-up one ([`Id::used_up_kind`]), which every
    /// edit refuses, so no id is ever handed out twice.
    pub fn next_id(&mut self, kind: IdKind) -> Id {
        let last = self.last_ids.entry(kind.prefix().to_owned()).or_insert(0);
        let id = Id::after(kind, *last);
        *last = last.saturating_add(1);
        id
    }

    /// The id [`Ledger::next_id`] would hand out next, without handing it out.
    ///
    /// Views use it to build a new entity; committing the edit that inserts
    /// it moves the counter past it.
    pub fn peek_id(&self, kind: IdKind) -> Id {
        Id::after(kind, self.last_ids.get(kind.prefix()).copied().unwrap_or(0))
    }

    /// Makes sure no counter is below a number already in use, so that an id
    /// written by hand into the file is never handed out again.
    pub fn note_existing(&mut self, id: &Id) {
        if let Some((prefix, number)) = id.number()
            && IdKind::from_prefix(prefix).is_some()
        {
            let last = self.last_ids.entry(prefix.to_owned()).or_insert(0);
            *last = (*last).max(number);
        }
    }
}

/// One line of the audit trail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditEntry {
    /// When.
    pub at: Timestamp,
    /// Who: the operating-system user or the name set in the preferences.
    pub who: String,
    /// What kind of step.
    pub kind: AuditKind,
    /// What was done, in words.
    pub what: String,
}

/// The kind of an audit entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditKind {
    /// An edit.
    #[default]
    Edit,
    /// An edit was undone.
    Undo,
    /// An undone edit was done again.
    Redo,
    /// The book was created.
    Created,
    /// Data came in from a file.
    Import,
    /// A meeting began or ended (a walkthrough in the presenter mode); the
    /// edits between its start and end are what the meeting decided.
    Meeting,
}

impl AuditKind {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            AuditKind::Edit => "Edit",
            AuditKind::Undo => "Undo",
            AuditKind::Redo => "Redo",
            AuditKind::Created => "Created",
            AuditKind::Import => "Import",
            AuditKind::Meeting => "Meeting",
        }
    }
}
