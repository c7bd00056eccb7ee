//! The whole-book check the window runs after every edit: the structural
//! checks and the process rules, in one pass over the releases, on two
//! threads.
//!
//! A large book does not fit in the processor's caches, so what costs most
//! is reading it from memory. Each release is therefore read once, with
//! every check that concerns it run while it is at hand (its ids, its
//! references, its values, its process rules), rather than once per kind
//! of check. The releases are split in two halves, one per thread; each
//! half gathers its ids in its own set, and the two sets are compared at
//! the end, so that an id used in both halves is still found. Findings
//! come out in the same order as [`structural_findings`] followed by
//! [`process_findings`].
//!
//! [`structural_findings`]: super::structural_findings
//! [`process_findings`]: super::process_findings

use super::Finding;
use super::id_set::IdSet;
use super::rules::{Index, book_findings, release_findings};
use super::structure::{Checker, RefSets, book_ids, release_ids, risk_id};
use crate::model::{Book, Release};
use jiff::civil::Date;

/// Every finding about a book as of `today`: structural problems first,
/// then the process rules.
pub fn all_findings(book: &Book, today: Date) -> Vec<Finding> {
    let sets = RefSets::of(book);
    let ix = Index::new(book, None);
    // The second thread also does the book's own lists and the risks, so it
    // takes somewhat fewer releases.
    let split = book.releases.len() * 11 / 20;
    let (first, second) = book.releases.split_at(split);
    let (a, (b, rest)) = std::thread::scope(|s| {
        let other = s.spawn(|| Half::check(book, &sets, &ix, today, first));
        let mine = book_level(book, &sets, &ix, today, second);
        let theirs = other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (theirs, mine)
    });
    let mut out = Vec::new();
    let ids_clean = a.ids_clean && b.ids_clean && !a.ids.overlaps(&b.ids);
    let mut c = Checker::new(book);
    if !ids_clean {
        c.id_problems();
    }
    out.extend(c.take());
    out.extend(rest.policy);
    out.extend(rest.book_refs);
    out.extend(a.refs);
    out.extend(b.refs);
    out.extend(rest.risk_refs);
    out.extend(rest.windows);
    out.extend(a.parts);
    out.extend(b.parts);
    out.extend(rest.risk_values);
    out.extend(rest.book_rules);
    out.extend(a.process);
    out.extend(b.process);
    out
}

/// What one half of the releases gave.
struct Half<'a> {
    /// Their ids.
    ids: IdSet<'a>,
    /// Whether every id was present and seen once so far.
    ids_clean: bool,
    /// Broken references.
    refs: Vec<Finding>,
    /// Impossible values.
    parts: Vec<Finding>,
    /// Process findings.
    process: Vec<Finding>,
}

impl<'a> Half<'a> {
    fn check(book: &'a Book, sets: &RefSets, ix: &'a Index<'a>, today: Date, releases: &'a [Release]) -> Self {
        Self::check_into(book, sets, ix, today, releases, IdSet::default(), true)
    }

    /// Checks `releases`, adding their ids to `ids` (which may hold others).
    fn check_into(
        book: &'a Book,
        sets: &RefSets,
        ix: &'a Index<'a>,
        today: Date,
        releases: &'a [Release],
        mut ids: IdSet<'a>,
        mut ids_clean: bool,
    ) -> Self {
        let (mut refs, mut parts) = (Checker::new(book), Checker::new(book));
        let mut process = Vec::new();
        for r in releases {
            ids_clean &= release_ids(r, &mut ids);
            refs.release_references(sets, r);
            parts.release_parts(r);
            release_findings(book, ix, today, r, &mut process);
        }
        Half { ids, ids_clean, refs: refs.take(), parts: parts.take(), process }
    }
}

/// The findings about the book's own lists and its risks.
struct BookLevel {
    policy: Vec<Finding>,
    book_refs: Vec<Finding>,
    risk_refs: Vec<Finding>,
    windows: Vec<Finding>,
    risk_values: Vec<Finding>,
    book_rules: Vec<Finding>,
}

/// The book's own lists and risks, then the releases given.
fn book_level<'a>(
    book: &'a Book,
    sets: &RefSets,
    ix: &'a Index<'a>,
    today: Date,
    releases: &'a [Release],
) -> (Half<'a>, BookLevel) {
    let mut ids = IdSet::default();
    let mut clean = book_ids(book, &mut ids);
    let mut c = Checker::new(book);
    c.policy();
    let policy = c.take();
    c.book_references(sets);
    let book_refs = c.take();
    c.windows();
    let windows = c.take();
    // Each risk is read once, for its id, its references and its values.
    let (mut refs, mut values) = (Checker::new(book), Checker::new(book));
    for risk in &book.risks {
        clean &= risk_id(risk, &mut ids);
        refs.risk_reference(sets, risk);
        values.risk_value(risk);
    }
    let (risk_refs, risk_values) = (refs.take(), values.take());
    let mut book_rules = Vec::new();
    book_findings(book, today, &mut book_rules);
    let half = Half::check_into(book, sets, ix, today, releases, ids, clean);
    (half, BookLevel { policy, book_refs, risk_refs, windows, risk_values, book_rules })
}
