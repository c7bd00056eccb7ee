//! Structural checks: every id unique (`ids`), every reference pointing at
//! something (`references`) and runbook steps that do not wait for each
//! other in a circle (`circles`), no impossible values (`values`).
//!
//! Each part works on one piece of the book at a time (the book's own
//! lists, one release, the risks), so that the whole-book check
//! (`crate::check::whole_book`) can run them release by release on
//! several threads; [`structural_findings`] runs them in order on one.

mod circles;
mod ids;
mod references;
mod values;

pub(crate) use ids::{book_ids, ids_clean, release_ids, risk_id};
pub(crate) use references::RefSets;

use super::{Finding, Severity};
use crate::edit::Path;
use crate::model::{Book, Id};

/// Runs every structural check over a book.
pub fn structural_findings(book: &Book) -> Vec<Finding> {
    let mut c = Checker::new(book);
    if !ids_clean(book) {
        c.id_problems();
    }
    let sets = RefSets::of(book);
    c.policy();
    c.book_references(&sets);
    for r in &book.releases {
        c.release_references(&sets, r);
    }
    c.risk_references(&sets);
    c.windows();
    for r in &book.releases {
        c.release_parts(r);
    }
    c.risk_values();
    c.out
}

/// Runs structural checks and collects their findings.
pub(crate) struct Checker<'a> {
    book: &'a Book,
    out: Vec<Finding>,
    release: Option<Id>,
    /// Time zone names already looked up, and whether they exist.
    zones: rustc_hash::FxHashMap<&'a str, bool>,
}

impl<'a> Checker<'a> {
    /// A checker of `book` with no findings yet.
    pub(crate) fn new(book: &'a Book) -> Self {
        Self { book, out: Vec::new(), release: None, zones: Default::default() }
    }

    /// The findings so far, leaving none.
    pub(crate) fn take(&mut self) -> Vec<Finding> {
        std::mem::take(&mut self.out)
    }

    /// Whether `zone` names a time zone Relplan knows.
    fn known_zone(&mut self, zone: &'a str) -> bool {
        *self.zones.entry(zone).or_insert_with(|| jiff::tz::TimeZone::get(zone).is_ok())
    }

    fn push(&mut self, rule: &'static str, severity: Severity, at: Path, field: Option<&str>, message: String) {
        let release = self.release.clone();
        let field = field.map(Into::into);
        self.out.push(Finding { rule, clause: "", severity, release, at, field, message, position: None });
    }

    fn error(&mut self, rule: &'static str, at: Path, field: &str, message: String) {
        self.push(rule, Severity::Error, at, Some(field), message);
    }
}
