//! The rows of the checks view, worked out from the findings and the
//! filters: a header per group (the book, then each phase), then that
//! group's findings, worst first. Pure data, so it is unit-tested and only
//! rebuilt when the findings or the filters change.

use crate::check::{Finding, Severity};
use crate::model::{Book, Id, Phase};
use std::collections::HashMap;

/// A group of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// The book as a whole: policy, shared records.
    Book,
    /// Releases in this phase.
    Phase(Phase),
}

impl Group {
    /// A heading for people.
    pub fn label(self) -> &'static str {
        match self {
            Group::Book => "Book and policy",
            Group::Phase(p) => p.label(),
        }
    }
}

/// How many findings of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Information.
    pub info: usize,
}

impl Counts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.info += 1,
        }
    }

    /// All of them.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.info
    }
}

/// One row of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A group's heading, with the counts shown in it and whether it is folded.
    Header {
        /// The group.
        group: Group,
        /// Its findings that pass the filters.
        counts: Counts,
        /// Whether its findings are hidden.
        folded: bool,
    },
    /// A finding, by its index in the findings.
    Finding(usize),
}

/// What the list shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    /// Only this release's findings.
    pub release: Option<Id>,
    /// Which severities: info, warning, error.
    pub show: [bool; 3],
    /// Only findings whose rule, release or message contains this (any case).
    pub text: String,
    /// Groups folded away.
    pub folded: Vec<Group>,
}

impl Filter {
    fn shows(&self, s: Severity) -> bool {
        self.show[s as usize]
    }
}

/// The rows, and the counts of each severity in scope before the
/// severity filter (for the filter buttons).
pub fn build(book: &Book, findings: &[Finding], filter: &Filter) -> (Vec<Row>, Counts) {
    let places: HashMap<&Id, (Phase, usize)> =
        book.releases.iter().enumerate().map(|(i, r)| (&r.id, (r.phase, i))).collect();
    let needle = filter.text.trim().to_lowercase();
    let mut in_scope = Counts::default();
    let mut picked: Vec<(Group, Severity, usize, usize)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if filter.release.is_some() && f.release != filter.release {
            continue;
        }
        if !needle.is_empty() && !matches(f, &needle) {
            continue;
        }
        in_scope.add(f.severity);
        if !filter.shows(f.severity) {
            continue;
        }
        let place = f.release.as_ref().and_then(|r| places.get(r).copied());
        let (group, order) = place.map_or((Group::Book, 0), |(p, k)| (Group::Phase(p), k));
        picked.push((group, f.severity, order, i));
    }
    // Worst first within a group, then in the book's order of releases.
    picked.sort_by(|a, b| (a.0, b.1, a.2, a.3).cmp(&(b.0, a.1, b.2, b.3)));
    let mut rows = Vec::with_capacity(picked.len() + 6);
    let mut start = 0;
    while start < picked.len() {
        let group = picked[start].0;
        let end = picked[start..].iter().position(|p| p.0 != group).map_or(picked.len(), |n| start + n);
        let mut counts = Counts::default();
        picked[start..end].iter().for_each(|p| counts.add(p.1));
        let folded = filter.folded.contains(&group);
        rows.push(Row::Header { group, counts, folded });
        if !folded {
            rows.extend(picked[start..end].iter().map(|p| Row::Finding(p.3)));
        }
        start = end;
    }
    (rows, in_scope)
}

fn matches(f: &Finding, needle: &str) -> bool {
    f.rule.to_lowercase().contains(needle)
        || f.release.as_ref().is_some_and(|r| r.as_str().to_lowercase().contains(needle))
        || f.message.to_lowercase().contains(needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Path;
    use crate::model::Release;

    fn finding(rule: &'static str, severity: Severity, release: Option<&str>) -> Finding {
        Finding {
            rule,
            clause: "",
            severity,
            release: release.map(Id::from),
            at: Path::root(),
            field: None,
            message: format!("{rule} message"),
            position: None,
        }
    }

    fn book() -> Book {
        let rel = |id: &str, phase| Release { id: Id::from(id), phase, ..Release::default() };
        Book {
            releases: vec![rel("REL-1", Phase::Closed), rel("REL-2", Phase::Planning), rel("REL-3", Phase::Planning)],
            ..Book::default()
        }
    }

    #[test]
    fn rows_are_grouped_by_phase_worst_first() {
        let findings = vec![
            finding("R4", Severity::Info, Some("REL-3")),
            finding("R11", Severity::Error, Some("REL-1")),
            finding("R1", Severity::Warning, None),
            finding("R2", Severity::Warning, Some("REL-3")),
            finding("R3", Severity::Warning, Some("REL-2")),
        ];
        let filter = Filter { release: None, show: [true; 3], text: String::new(), folded: Vec::new() };
        let (rows, counts) = build(&book(), &findings, &filter);
        assert_eq!(counts, Counts { errors: 1, warnings: 3, info: 1 });
        let order: Vec<String> = rows
            .iter()
            .map(|r| match r {
                Row::Header { group, .. } => group.label().to_owned(),
                Row::Finding(i) => findings[*i].rule.to_owned(),
            })
            .collect();
        assert_eq!(order, ["Book and policy", "R1", "Planning", "R3", "R2", "R4", "Closed", "R11"]);
    }

    #[test]
    fn filters_hide_rows_but_count_them() {
        let findings =
            vec![finding("R4", Severity::Info, Some("REL-3")), finding("R2", Severity::Error, Some("REL-2"))];
        let mut filter = Filter {
            release: Some(Id::from("REL-3")),
            show: [false, true, true],
            text: String::new(),
            folded: Vec::new(),
        };
        let (rows, counts) = build(&book(), &findings, &filter);
        assert!(rows.is_empty());
        assert_eq!(counts.info, 1);
        filter.release = None;
        filter.folded = vec![Group::Phase(Phase::Planning)];
        let (rows, _) = build(&book(), &findings, &filter);
        assert_eq!(rows.len(), 1, "only the folded header: {rows:?}");
        filter.folded.clear();
        filter.text = "r2".into();
        let (rows, _) = build(&book(), &findings, &filter);
        assert_eq!(rows.len(), 2);
    }
}
