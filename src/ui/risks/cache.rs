//! What the risk view works out from the book once per change, not once per
//! frame: the filtered and sorted rows, both matrices and the moves between
//! them. With 20,000 risks, sorting by a text column every frame would cost
//! more than a frame's budget.
//!
//! The view receives the book but not its undo state, so the cache is keyed
//! on a stamp that every committed change moves: the audit trail (each new
//! step appends an entry; typing into the same field rewrites the last
//! entry's text and time), the risk list's address and length, and the
//! policy. Edits the view itself asks for also drop the cache (see
//! `RiskViewState::invalidate`), which covers typing under a fixed clock.

use crate::model::{Book, Id, RiskPolicy};
use crate::risk::{self, Filter, Matrix, Movement, Sort, Which};
use jiff::civil::Date;
use std::hash::{Hash, Hasher};

/// A fingerprint of the book that changes whenever the book does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    risks_at: usize,
    risks: usize,
    people: usize,
    releases: usize,
    audit: usize,
    last_audit: u64,
    policy: RiskPolicy,
}

impl Stamp {
    /// The book's fingerprint now.
    pub(super) fn of(book: &Book) -> Self {
        let last_audit = book.ledger.audit.last().map_or(0, |e| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            e.what.hash(&mut h);
            e.at.hash(&mut h);
            h.finish()
        });
        Stamp {
            risks_at: book.risks.as_ptr() as usize,
            risks: book.risks.len(),
            people: book.people.len(),
            releases: book.releases.len(),
            audit: book.ledger.audit.len(),
            last_audit,
            policy: book.policy.risk,
        }
    }
}

/// Everything the cache depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    stamp: Stamp,
    filter: Filter,
    sort: Sort,
    today: Date,
}

/// The rows, matrices and counts for one state of the book and the filters.
#[derive(Clone, Debug)]
pub(super) struct Computed {
    key: Key,
    /// The register's rows, sorted: the risks that pass every filter.
    pub rows: Vec<usize>,
    /// Inherent positions of the risks that pass every filter but the cell.
    pub inherent: Matrix,
    /// Residual positions of the same risks.
    pub residual: Matrix,
    /// Moves from inherent to residual cells.
    pub moves: Vec<Movement>,
    /// How many of those risks have an overdue review.
    pub overdue: usize,
    /// How many of those risks are high with no owner or no treatment.
    pub neglected: usize,
}

impl Computed {
    /// The matrix of one assessment.
    pub fn matrix(&self, which: Which) -> &Matrix {
        match which {
            Which::Inherent => &self.inherent,
            Which::Residual => &self.residual,
        }
    }

    /// The register row showing a risk, if it is shown.
    pub fn row_of(&self, book: &Book, id: &Id) -> Option<usize> {
        self.rows.iter().position(|&i| book.risks.get(i).is_some_and(|r| &r.id == id))
    }
}

/// The cached result, rebuilt when its key no longer matches.
#[derive(Clone, Debug, Default)]
pub(super) struct Cache(Option<Computed>);

impl Cache {
    /// Forgets the result, so the next frame works it out again.
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// The result for this book, filter, order and day.
    pub fn get(&mut self, book: &Book, filter: &Filter, sort: Sort, today: Date) -> &Computed {
        let key = Key { stamp: Stamp::of(book), filter: filter.clone(), sort, today };
        let stale = self.0.as_ref().is_none_or(|c| c.key != key);
        if stale {
            self.0 = None;
        }
        self.0.get_or_insert_with(|| compute(book, key))
    }
}

fn compute(book: &Book, key: Key) -> Computed {
    let policy = book.policy.risk;
    let members = risk::members(book, &key.filter, key.today);
    let mut rows: Vec<usize> =
        members.iter().copied().filter(|&i| key.filter.matches_cell(book, &book.risks[i])).collect();
    risk::sort_rows(book, &mut rows, key.sort);
    let (mut overdue, mut neglected) = (0, 0);
    for &i in &members {
        let a = risk::attention(&book.risks[i], &policy, key.today);
        overdue += usize::from(a.review_overdue);
        neglected += usize::from(a.no_owner || a.no_treatment);
    }
    Computed {
        inherent: risk::matrix(&book.risks, &members, Which::Inherent, &policy),
        residual: risk::matrix(&book.risks, &members, Which::Residual, &policy),
        moves: risk::movements(&book.risks, &members, &policy),
        rows,
        overdue,
        neglected,
        key,
    }
}
