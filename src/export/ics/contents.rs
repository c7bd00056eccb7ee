//! What a calendar file holds, in words, for the Export dialog.

use super::IcsOptions;
use crate::model::{Book, Phase};
use crate::schedule::items::phase_days;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The events [`super::to_ics`] writes with `options`, counted by kind,
/// e.g. "12 milestones and 5 blackout windows".
pub fn contents(book: &Book, options: &IcsOptions) -> String {
    let releases: Vec<_> =
        book.releases.iter().filter(|r| options.release.as_ref().is_none_or(|id| &r.id == id)).collect();
    let mut parts = Vec::new();
    if options.phases {
        let n = releases
            .iter()
            .map(|r| Phase::ALL.iter().filter(|p| r.phases.get(**p).and_then(phase_days).is_some()).count())
            .sum();
        parts.push(count(n, "phase", "phases"));
    }
    if options.milestones {
        parts.push(count(releases.iter().map(|r| r.milestones.len()).sum(), "milestone", "milestones"));
    }
    if options.deployments {
        let n = releases.iter().map(|r| r.deployments.len()).sum();
        parts.push(count(n, "deployment window", "deployment windows"));
    }
    if options.blackouts {
        parts.push(count(book.blackouts.len(), "blackout window", "blackout windows"));
    }
    match parts.as_slice() {
        [] => "No events: choose at least one kind".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
