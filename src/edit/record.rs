//! Generic access to the parts of a book, by name and by id.
//!
//! Every record type of the model implements [`Record`] (see
//! `records.rs`), and every list of entities is a [`List`]. Edits reach a
//! value by walking a [`Path`] through these two traits, and carry values
//! as RON text, so one small set of edits covers every field of the model
//! and an undo step holds only the value that changed.

use super::{EditError, Path, Step};
use crate::model::Id;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A record whose fields, nested records and lists can be reached by name.
pub trait Record {
    /// The value of a field, as RON text.
    fn get_field(&self, name: &str) -> Result<String, EditError>;
    /// Replaces a field's value with one given as RON text, and returns the
    /// old value as RON text.
    fn set_field(&mut self, name: &str, value: &str) -> Result<String, EditError>;
    /// A nested record.
    fn child(&self, name: &str) -> Option<&dyn Record>;
    /// A nested record, to change.
    fn child_mut(&mut self, name: &str) -> Option<&mut dyn Record>;
    /// A list of entities.
    fn list(&self, name: &str) -> Option<&dyn List>;
    /// A list of entities, to change.
    fn list_mut(&mut self, name: &str) -> Option<&mut dyn List>;
}

/// An entity: a record with a stable id.
pub trait Entity {
    /// The entity's id.
    fn id(&self) -> &Id;
}

/// A list of entities, whose members are found by id.
pub trait List {
    /// The member with this id.
    fn item(&self, id: &Id) -> Option<&dyn Record>;
    /// The member with this id, to change.
    fn item_mut(&mut self, id: &Id) -> Option<&mut dyn Record>;
    /// The position of the member with this id.
    fn position(&self, id: &Id) -> Option<usize>;
    /// Number of members.
    fn count(&self) -> usize;
    /// Inserts a member given as RON text at `index` (clamped to the end).
    fn insert_ron(&mut self, index: usize, value: &str) -> Result<Id, EditError>;
    /// Removes a member and returns where it was and its RON text.
    fn remove_id(&mut self, id: &Id) -> Result<(usize, String), EditError>;
    /// Moves a member to `index` and returns where it was.
    fn move_id(&mut self, id: &Id, index: usize) -> Result<usize, EditError>;
}

impl<T> List for Vec<T>
where
    T: Record + Entity + Serialize + DeserializeOwned,
{
    fn item(&self, id: &Id) -> Option<&dyn Record> {
        self.iter().find(|x| x.id() == id).map(|x| x as &dyn Record)
    }

    fn item_mut(&mut self, id: &Id) -> Option<&mut dyn Record> {
        self.iter_mut().find(|x| x.id() == id).map(|x| x as &mut dyn Record)
    }

    fn position(&self, id: &Id) -> Option<usize> {
        self.iter().position(|x| x.id() == id)
    }

    fn count(&self) -> usize {
        self.len()
    }

    fn insert_ron(&mut self, index: usize, value: &str) -> Result<Id, EditError> {
        let item: T = from_ron(value)?;
        let id = item.id().clone();
        if id.0.is_empty() {
            return Err(EditError::EmptyId);
        }
        if self.position(&id).is_some() {
            return Err(EditError::DuplicateId(id));
        }
        self.insert(index.min(self.len()), item);
        Ok(id)
    }

    fn remove_id(&mut self, id: &Id) -> Result<(usize, String), EditError> {
        let index = self.position(id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
        let text = to_ron(&self[index])?;
        self.remove(index);
        Ok((index, text))
    }

    fn move_id(&mut self, id: &Id, index: usize) -> Result<usize, EditError> {
        let from = self.position(id).ok_or_else(|| EditError::NoSuchItem(id.clone()))?;
        let item = self.remove(from);
        self.insert(index.min(self.len()), item);
        Ok(from)
    }
}

/// Serializes a value as compact RON text.
pub fn to_ron<T: Serialize + ?Sized>(value: &T) -> Result<String, EditError> {
    ron::to_string(value).map_err(|e| EditError::BadValue(e.to_string()))
}

/// Parses a value from RON text.
pub fn from_ron<T: DeserializeOwned>(text: &str) -> Result<T, EditError> {
    ron::from_str(text).map_err(|e| EditError::BadValue(e.to_string()))
}

/// Replaces `slot` with the value in `text`, returning the old value as text.
pub fn swap_ron<T: Serialize + DeserializeOwned>(slot: &mut T, text: &str) -> Result<String, EditError> {
    let new: T = from_ron(text)?;
    let old = to_ron(slot)?;
    *slot = new;
    Ok(old)
}

/// Follows a path from a record to the record it names.
pub fn walk<'a>(mut at: &'a dyn Record, path: &Path) -> Result<&'a dyn Record, EditError> {
    for step in &path.0 {
        at = match step {
            Step::Field(name) => at.child(name),
            Step::Item(list, id) => at.list(list).and_then(|l| l.item(id)),
        }
        .ok_or_else(|| EditError::NoSuchPath(path.to_string()))?;
    }
    Ok(at)
}

/// Follows a path from a record to the record it names, to change it.
pub fn walk_mut<'a>(mut at: &'a mut dyn Record, path: &Path) -> Result<&'a mut dyn Record, EditError> {
    for step in &path.0 {
        at = match step {
            Step::Field(name) => at.child_mut(name),
            Step::Item(list, id) => at.list_mut(list).and_then(|l| l.item_mut(id)),
        }
        .ok_or_else(|| EditError::NoSuchPath(path.to_string()))?;
    }
    Ok(at)
}
