//! The register's rows: which risks pass the filters, and in what order.

use super::attention::attention;
use super::columns::Column;
use super::score::{Position, Which, position, score_of};
use crate::model::{Book, Id, Risk, RiskCategory, RiskStatus};
use jiff::civil::Date;
use std::cmp::Ordering;

/// Whose risks to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum OwnerFilter {
    /// Everyone's, and unowned ones.
    #[default]
    Any,
    /// Only risks nobody owns.
    Nobody,
    /// Only this person's.
    Person(Id),
}

/// The register's filters. The default shows every risk.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Only this category.
    pub category: Option<RiskCategory>,
    /// Only this owner (or only unowned risks).
    pub owner: OwnerFilter,
    /// Only this status.
    pub status: Option<RiskStatus>,
    /// Only risks linked to this release.
    pub release: Option<Id>,
    /// Only risks in this cell of the inherent or residual matrix.
    pub cell: Option<(Which, Position)>,
    /// Only risks whose id, title, description, cause, consequence,
    /// controls or actions contain this text (ignoring case).
    pub text: String,
    /// Only risks that need attention (overdue review, high with no owner or no treatment).
    pub attention_only: bool,
}

impl Filter {
    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Whether a risk passes every filter but the matrix cell.
    pub fn matches_except_cell(&self, book: &Book, risk: &Risk, today: Date) -> bool {
        self.category.is_none_or(|c| risk.category == c)
            && self.status.is_none_or(|s| risk.status == s)
            && match &self.owner {
                OwnerFilter::Any => true,
                OwnerFilter::Nobody => risk.owner.is_none(),
                OwnerFilter::Person(id) => risk.owner.as_ref() == Some(id),
            }
            && self.release.as_ref().is_none_or(|r| risk.releases.contains(r))
            && (!self.attention_only || attention(risk, &book.policy.risk, today).any())
            && text_matches(risk, &self.text)
    }

    /// Whether a risk passes every filter.
    pub fn matches(&self, book: &Book, risk: &Risk, today: Date) -> bool {
        self.matches_cell(book, risk) && self.matches_except_cell(book, risk, today)
    }

    /// Whether a risk sits in the chosen matrix cell (or no cell is chosen).
    pub fn matches_cell(&self, book: &Book, risk: &Risk) -> bool {
        self.cell.is_none_or(|(which, at)| position(risk, which, &book.policy.risk) == at)
    }
}

fn text_matches(risk: &Risk, needle: &str) -> bool {
    let needle = needle.trim();
    if needle.is_empty() {
        return true;
    }
    let needle = needle.to_lowercase();
    [risk.id.as_str(), &risk.title, &risk.description, &risk.cause, &risk.consequence, &risk.controls, &risk.actions]
        .iter()
        .any(|s| s.to_lowercase().contains(&needle))
}

/// The register's order: a column, ascending or descending. Empty cells
/// always come last; ties keep the register's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column sorted on.
    pub column: Column,
    /// Highest first.
    pub descending: bool,
}

impl Sort {
    /// The order after the user clicks a column's heading: the same column
    /// flips direction; a new one starts ascending for text and ids,
    /// descending for scores (worst first).
    #[must_use]
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort { column, descending: !self.descending }
        } else {
            let worst_first = matches!(
                column,
                Column::InherentScore | Column::InherentBand | Column::ResidualScore | Column::ResidualBand
            );
            Sort { column, descending: worst_first }
        }
    }
}

/// A value to sort on; `None` for an empty cell.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Number(u64),
    Text(String),
    Date(Date),
    Id(String, u64),
}

fn id_key(id: &Id) -> Key {
    match id.number() {
        Some((prefix, n)) => Key::Id(prefix.to_owned(), n),
        None => Key::Id(id.0.to_string(), 0),
    }
}

fn text_key(s: &str) -> Option<Key> {
    let s = s.trim();
    (!s.is_empty()).then(|| Key::Text(s.to_lowercase()))
}

fn sort_key(book: &Book, risk: &Risk, column: Column) -> Option<Key> {
    let policy = &book.policy.risk;
    let n = |v: u8| Some(Key::Number(u64::from(v)));
    match column {
        Column::Id => Some(id_key(&risk.id)),
        Column::Title => text_key(&risk.title),
        Column::Description => text_key(&risk.description),
        Column::Cause => text_key(&risk.cause),
        Column::Consequence => text_key(&risk.consequence),
        Column::Controls => text_key(&risk.controls),
        Column::Actions => text_key(&risk.actions),
        Column::Category => n(risk.category as u8),
        Column::Likelihood => n(risk.likelihood),
        Column::Impact => n(risk.impact),
        Column::InherentScore | Column::InherentBand => n(score_of(risk, Which::Inherent, policy)),
        Column::Treatment => risk.treatment.map(|t| Key::Number(t as u64)),
        Column::ResidualLikelihood => n(risk.residual_likelihood),
        Column::ResidualImpact => n(risk.residual_impact),
        Column::ResidualScore | Column::ResidualBand => n(score_of(risk, Which::Residual, policy)),
        Column::Owner => {
            risk.owner.as_ref().and_then(|id| text_key(book.person(id).map_or(id.as_str(), |p| p.name.as_str())))
        }
        Column::Status => n(risk.status as u8),
        Column::Due => risk.due.map(Key::Date),
        Column::NextReview => risk.next_review.map(Key::Date),
        Column::Releases => risk.releases.first().map(id_key),
    }
}

/// Sorts register rows (indices into `book.risks`) in place.
pub fn sort_rows(book: &Book, rows: &mut Vec<usize>, sort: Sort) {
    let mut keyed: Vec<(Option<Key>, usize)> =
        rows.iter().filter_map(|&i| book.risks.get(i).map(|r| (sort_key(book, r, sort.column), i))).collect();
    keyed.sort_by(|(a, ia), (b, ib)| {
        let by_value = match (a, b) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(a), Some(b)) if sort.descending => b.cmp(a),
            (Some(a), Some(b)) => a.cmp(b),
        };
        by_value.then(ia.cmp(ib))
    });
    *rows = keyed.into_iter().map(|(_, i)| i).collect();
}

/// The risks that pass every filter but the matrix cell, in register order:
/// what the matrices show.
pub fn members(book: &Book, filter: &Filter, today: Date) -> Vec<usize> {
    (0..book.risks.len()).filter(|&i| filter.matches_except_cell(book, &book.risks[i], today)).collect()
}

/// The register's rows: indices into `book.risks` of the risks that pass
/// every filter, in the chosen order.
pub fn rows(book: &Book, filter: &Filter, sort: Sort, today: Date) -> Vec<usize> {
    let mut out: Vec<usize> =
        members(book, filter, today).into_iter().filter(|&i| filter.matches_cell(book, &book.risks[i])).collect();
    sort_rows(book, &mut out, sort);
    out
}
