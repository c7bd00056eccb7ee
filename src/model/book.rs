//! The release book: the whole document.

use super::{
    Blackout, ChangeRequest, ConfigItem, Environment, Id, KnownError, Ledger, Person, Policy, Release, ReleaseType,
    Risk,
};
use serde::{Deserialize, Serialize};

/// A release book: one service's or organisation's releases, with the
/// policy, people, environments and risks they share.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Book {
    /// Name of the book, usually the service or organisation.
    pub name: String,
    /// What the book covers.
    pub description: String,
    /// The release policy.
    pub policy: Policy,
    /// People.
    pub people: Vec<Person>,
    /// Environments.
    pub environments: Vec<Environment>,
    /// Blackout and change-freeze windows.
    pub blackouts: Vec<Blackout>,
    /// Configuration items.
    pub config_items: Vec<ConfigItem>,
    /// Change requests.
    pub changes: Vec<ChangeRequest>,
    /// Known errors and problems.
    pub known_errors: Vec<KnownError>,
    /// Releases.
    pub releases: Vec<Release>,
    /// The risk register.
    pub risks: Vec<Risk>,
    /// Id counters and the audit trail.
    pub ledger: Ledger,
}

impl Book {
    /// The release with this id.
    pub fn release(&self, id: &Id) -> Option<&Release> {
        self.releases.iter().find(|r| &r.id == id)
    }

    /// The person with this id.
    pub fn person(&self, id: &Id) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// The release type with this id.
    pub fn release_type(&self, id: &Id) -> Option<&ReleaseType> {
        self.policy.release_types.iter().find(|t| &t.id == id)
    }

    /// The environment with this id.
    pub fn environment(&self, id: &Id) -> Option<&Environment> {
        self.environments.iter().find(|e| &e.id == id)
    }

    /// The risks linked to a release.
    pub fn risks_of<'a>(&'a self, release: &'a Id) -> impl Iterator<Item = &'a Risk> + 'a {
        self.risks.iter().filter(move |r| r.releases.contains(release))
    }
}
