//! Paths: where in a book a value lives.

use crate::model::Id;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One step from a record into one of its parts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    /// A nested record, such as a release's `review` or the book's `policy`.
    Field(CompactString),
    /// A member of a list, found by its id, such as `releases[REL-3]`.
    Item(CompactString, Id),
}

/// The way from the book to a record, such as
/// `releases[REL-3].deployments[DEP-1].window`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// The book itself.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path, then a nested record.
    #[must_use]
    pub fn field(mut self, name: &str) -> Self {
        self.0.push(Step::Field(name.into()));
        self
    }

    /// This path, then the member `id` of the list `list`.
    #[must_use]
    pub fn item(mut self, list: &str, id: &Id) -> Self {
        self.0.push(Step::Item(list.into(), id.clone()));
        self
    }

    /// The id of the innermost list member on the path, if any.
    pub fn last_id(&self) -> Option<&Id> {
        self.0.iter().rev().find_map(|s| match s {
            Step::Item(_, id) => Some(id),
            Step::Field(_) => None,
        })
    }

    /// The steps after the innermost list member (the nested records inside it).
    pub fn tail_fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for s in self.0.iter().rev() {
            match s {
                Step::Field(f) => out.push(f.as_str()),
                Step::Item(..) => break,
            }
        }
        out.reverse();
        out
    }

    /// The path as text with a field name after it, e.g. `releases[REL-3].name`.
    pub fn with_field(&self, field: &str) -> String {
        if self.0.is_empty() { field.to_owned() } else { format!("{self}.{field}") }
    }

    /// An approximation of the memory this path holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.0.capacity() * std::mem::size_of::<Step>()
            + self
                .0
                .iter()
                .map(|s| match s {
                    Step::Field(f) => heap(f),
                    Step::Item(l, id) => heap(l) + heap(&id.0),
                })
                .sum::<usize>()
    }
}

/// The bytes a string keeps on the heap (none when it is stored inline).
fn heap(s: &CompactString) -> usize {
    if s.is_heap_allocated() { s.capacity() } else { 0 }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match step {
                Step::Field(name) => f.write_str(name)?,
                Step::Item(list, id) => write!(f, "{list}[{id}]")?,
            }
        }
        Ok(())
    }
}
