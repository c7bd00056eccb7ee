//! Names by id, found once per export: people, release types,
//! environments, configuration items, changes, known errors, and the risks
//! of each release. A 2000-release book has about 20,000 risks; looking
//! each up by scanning would make an export quadratic.

use crate::model::{Book, ChangeRequest, ConfigItem, Id, KnownError, Risk};
use std::collections::HashMap;

/// Lookups into one book.
pub struct Lookup<'a> {
    book: &'a Book,
    people: HashMap<&'a Id, &'a str>,
    types: HashMap<&'a Id, &'a str>,
    environments: HashMap<&'a Id, &'a str>,
    config_items: HashMap<&'a Id, &'a ConfigItem>,
    changes: HashMap<&'a Id, &'a ChangeRequest>,
    known_errors: HashMap<&'a Id, &'a KnownError>,
    risks: HashMap<&'a Id, Vec<&'a Risk>>,
}

impl<'a> Lookup<'a> {
    /// The lookups of `book`.
    pub fn new(book: &'a Book) -> Self {
        let mut risks: HashMap<&Id, Vec<&Risk>> = HashMap::new();
        for risk in &book.risks {
            for r in &risk.releases {
                risks.entry(r).or_default().push(risk);
            }
        }
        Self {
            book,
            people: book.people.iter().map(|p| (&p.id, p.name.as_str())).collect(),
            types: book.policy.release_types.iter().map(|t| (&t.id, t.name.as_str())).collect(),
            environments: book.environments.iter().map(|e| (&e.id, e.name.as_str())).collect(),
            config_items: book.config_items.iter().map(|c| (&c.id, c)).collect(),
            changes: book.changes.iter().map(|c| (&c.id, c)).collect(),
            known_errors: book.known_errors.iter().map(|k| (&k.id, k)).collect(),
            risks,
        }
    }

    /// The book.
    pub fn book(&self) -> &'a Book {
        self.book
    }

    /// A person's name (the id when the person is not in the book; nothing for `None`).
    pub fn person(&self, id: Option<&Id>) -> String {
        id.map(|id| self.people.get(id).map_or_else(|| id.to_string(), |n| (*n).to_owned())).unwrap_or_default()
    }

    /// A release type's name (its id when unknown).
    pub fn release_type(&self, id: &Id) -> String {
        self.types.get(id).map_or_else(|| id.to_string(), |n| (*n).to_owned())
    }

    /// An environment's name (its id when unknown).
    pub fn environment(&self, id: &Id) -> String {
        self.environments.get(id).map_or_else(|| id.to_string(), |n| (*n).to_owned())
    }

    /// A configuration item's name (its id when unknown).
    pub fn config_item(&self, id: &Id) -> String {
        self.config_items.get(id).map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    /// A change request.
    pub fn change(&self, id: &Id) -> Option<&'a ChangeRequest> {
        self.changes.get(id).copied()
    }

    /// A known error.
    pub fn known_error(&self, id: &Id) -> Option<&'a KnownError> {
        self.known_errors.get(id).copied()
    }

    /// The risks linked to a release, in register order.
    pub fn risks_of(&self, release: &Id) -> &[&'a Risk] {
        self.risks.get(release).map_or(&[], Vec::as_slice)
    }
}
