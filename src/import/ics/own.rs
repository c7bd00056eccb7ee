//! Relplan's own calendar files read back: the events of
//! [`crate::export::ics`] are known by their UIDs.
//!
//! - A blackout's event (`blackout.BO-2@relplan`) from a calendar of this
//!   book (its `X-WR-CALNAME` is the book's name) updates that blackout
//!   instead of adding a copy. Its title and description are read back
//!   without the words the export added ("Blackout: ", the line about
//!   exceptions and the environments), and a window that covers the same
//!   time (the export writes one-off times in UTC and whole days as
//!   all-day events) is left as the user wrote it.
//! - Phase, milestone and deployment events belong to release plans, not
//!   to blackout windows: they are skipped, and the preview says so.

use crate::export::ics::{UID_DOMAIN, whole_days};
use crate::model::{Book, Id, Window};
use crate::schedule::{instant, zone};

/// What a UID of Relplan's own export names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Own {
    /// A blackout window, by id.
    Blackout(Id),
    /// A release phase, milestone or deployment window.
    Plan,
}

/// What `uid` names, when it is one of Relplan's own.
pub(super) fn classify(uid: &str) -> Option<Own> {
    let body = uid.strip_suffix(UID_DOMAIN)?.strip_suffix('@')?;
    if let Some(id) = body.strip_prefix("blackout.") {
        return (!id.is_empty()).then(|| Own::Blackout(Id::from(id)));
    }
    let mut parts = body.splitn(3, '.');
    let (release, kind, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let plan = ["phase", "milestone", "deployment"].contains(&kind);
    (plan && !release.is_empty() && !rest.is_empty()).then_some(Own::Plan)
}

/// Whether a calendar named `name` (its `X-WR-CALNAME`) was exported from this book.
pub(super) fn of_this_book(book: &Book, name: Option<&str>) -> bool {
    let Some(name) = name else { return false };
    name == book.name || name.strip_prefix(book.name.as_str()).is_some_and(|rest| rest.starts_with(" — "))
}

/// The blackout's name and reason from the title and description the export wrote.
pub(super) fn own_text(summary: &str, description: &str) -> (String, String) {
    let name = summary.strip_prefix("Blackout: ").unwrap_or(summary).trim().to_owned();
    let marker = "No deployments without an approved exception.";
    let reason = match description.find(marker) {
        Some(at) => description[..at].trim(),
        None => description.trim(),
    };
    (name, reason.to_owned())
}

/// Whether two windows cover the same time and repeat alike, however they
/// are written (zone, or 23:59 against midnight for whole days).
pub(super) fn same_time(a: &Window, b: &Window) -> bool {
    if a.repeat != b.repeat || a.until != b.until {
        return false;
    }
    if let (Some(x), Some(y)) = (whole_days(a), whole_days(b)) {
        return x == y;
    }
    let (za, zb) = (zone(&a.zone), zone(&b.zone));
    let exact = instant(a.start, &za) == instant(b.start, &zb) && instant(a.end, &za) == instant(b.end, &zb);
    // A repeating window repeats on its own zone's wall clock: the zone matters too.
    exact && (a.repeat == crate::model::Repeat::Never || za.iana_name() == zb.iana_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relplan_uids_are_told_apart_from_others() {
        assert_eq!(classify("blackout.BO-2@relplan"), Some(Own::Blackout(Id::from("BO-2"))));
        assert_eq!(classify("REL-3.phase.build_and_test@relplan"), Some(Own::Plan));
        assert_eq!(classify("REL-3.milestone.MS-4@relplan"), Some(Own::Plan));
        assert_eq!(classify("REL-3.deployment.DEP-7@relplan"), Some(Own::Plan));
        assert_eq!(classify("20261225@holidays.example"), None);
        assert_eq!(classify("blackout.BO-2@example.org"), None);
        assert_eq!(classify("REL-3.party.X@relplan"), None);
    }

    #[test]
    fn the_exports_own_words_are_taken_off() {
        let (name, reason) = own_text(
            "Blackout: Year-end freeze",
            "Books close.\nNo deployments without an approved exception.\nEnvironments: All environments.",
        );
        assert_eq!((name.as_str(), reason.as_str()), ("Year-end freeze", "Books close."));
        let (_, reason) = own_text("Blackout: X", "No deployments without an approved exception.\nEnvironments: DR.");
        assert_eq!(reason, "");
    }

    #[test]
    fn whole_days_and_zones_written_differently_are_the_same_time() {
        let day = |h, m| jiff::civil::date(2026, 12, 24).at(h, m, 0, 0);
        let w = |start, end, zone: &str| Window { start, end, zone: zone.into(), ..Window::default() };
        let midnight = w(day(0, 0), jiff::civil::date(2026, 12, 25).at(0, 0, 0, 0), "Europe/London");
        assert!(same_time(&midnight, &w(day(0, 0), day(23, 59), "UTC")));
        assert!(same_time(&w(day(9, 0), day(10, 0), "Europe/Berlin"), &w(day(8, 0), day(9, 0), "UTC")));
        assert!(!same_time(&w(day(9, 0), day(10, 0), "Europe/Berlin"), &w(day(9, 0), day(10, 0), "UTC")));
    }
}
