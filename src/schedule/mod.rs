//! The release schedule: calendar items, recurring windows expanded, and
//! conflicts between them. Pure functions over the book.
//!
//! Wall-clock windows ([`crate::model::Window`]) live in their own IANA
//! zone; everything here turns them into instants ([`Interval`]s of
//! [`jiff::Timestamp`]) so that items in different zones compare correctly,
//! also across daylight-saving changes.
//!
//! - [`recur`]: the occurrences of one-off and recurring windows.
//! - [`items`] and [`collect`]: the calendar items of a book for a range
//!   of time; [`item_index`] the same from items sorted once per book state.
//! - [`steps`]: when each runbook step runs; [`step_order`] the order they
//!   run in, and the circles of dependencies that keep some from running.
//! - [`index`], [`conflicts`] and [`windows`]: the book's deployments sorted
//!   by environment, configuration item and person, and the conflicts found
//!   by sorting and sweeping them (never by comparing every pair).
//! - [`slot`]: a deployment tried at another time, and its next free slot.
//! - [`describe`]: conflicts and times in words.

pub mod collect;
pub mod conflicts;
pub mod describe;
pub mod index;
pub mod item_index;
pub mod items;
pub mod recur;
pub mod slot;
pub mod step_order;
pub mod steps;
pub mod windows;

pub use conflicts::{Conflict, ConflictKind, DeploymentRef, detect};
pub use index::ScheduleIndex;
pub use item_index::ItemIndex;
pub use items::{CalendarItem, ItemFilter, ItemKey, ItemKind, Kinds, Source, calendar_items};
pub use recur::{Occurrence, instant, occurrences, zone};
pub use slot::{conflicts_if_moved, next_free_slot};

use crate::model::{Book, Deployment, EnvironmentKind, Release};
use jiff::{SignedDuration, Timestamp};

/// The deployment a release goes live with: its earliest to a production
/// environment, else the last one planned. The release list's "deploys"
/// date and the walkthrough's slides both name this one, so a test
/// deployment weeks earlier is never taken for the go-live.
pub fn go_live<'a>(book: &Book, r: &'a Release) -> Option<&'a Deployment> {
    let production =
        |d: &&Deployment| book.environment(&d.environment).is_some_and(|e| e.kind == EnvironmentKind::Production);
    let start = |d: &&Deployment| d.window.start;
    r.deployments.iter().filter(production).min_by_key(start).or_else(|| r.deployments.iter().max_by_key(start))
}

/// A span of time from `start` (included) to `end` (excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    /// The first instant.
    pub start: Timestamp,
    /// The first instant after the span.
    pub end: Timestamp,
}

impl Interval {
    /// The span from `start` to `end`; an end before the start is moved to the start.
    pub fn new(start: Timestamp, end: Timestamp) -> Self {
        Self { start, end: end.max(start) }
    }

    /// Whether the two spans share some time. A span of no length shares
    /// time with a span it falls strictly inside.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
            || (self.start == self.end && other.start <= self.start && self.start < other.end)
            || (other.start == other.end && self.start <= other.start && other.start < self.end)
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// How long the span is.
    pub fn length(&self) -> SignedDuration {
        self.start.duration_until(self.end)
    }

    /// The time both spans share (empty at the later start when they share none).
    pub fn intersection(&self, other: &Interval) -> Interval {
        Interval::new(self.start.max(other.start), self.end.min(other.end))
    }

    /// This span moved by `by`, or unchanged when that leaves the calendar.
    pub fn shifted(&self, by: SignedDuration) -> Interval {
        match (self.start.checked_add(by), self.end.checked_add(by)) {
            (Ok(start), Ok(end)) => Interval::new(start, end),
            _ => *self,
        }
    }
}
