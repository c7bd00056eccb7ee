//! What the risk view works out from the book once per change, not once per
//! frame: the filtered and sorted rows, both matrices and the moves between
//! them. With 20,000 risks, sorting by a text column every frame would cost
//! more than a frame's budget.
//!
//! The cache is keyed on the window's [`BookKey`] (see `crate::ui::memo`),
//! which every edit, undo, redo and opened book changes, together with the
//! filters, the order and the day: the same rule as every other result
//! cached in the window.

use crate::model::{Book, Id};
use crate::risk::{self, Filter, Matrix, Movement, Sort, Which};
use crate::ui::memo::BookKey;
use jiff::civil::Date;

/// Everything the cache depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    book: BookKey,
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
    /// The result for this state of the book (`at`), filter, order and day.
    pub fn get(&mut self, book: &Book, at: BookKey, filter: &Filter, sort: Sort, today: Date) -> &Computed {
        let key = Key { book: at, filter: filter.clone(), sort, today };
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
