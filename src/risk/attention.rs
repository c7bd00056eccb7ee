//! What the register highlights: reviews that are overdue, and open high or
//! critical risks that have no owner or no treatment.

use super::score::{exposure, is_active};
use crate::model::{Band, Book, Risk, RiskPolicy};
use jiff::civil::Date;

/// Why a risk needs attention. Every flag is `false` for a closed risk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Attention {
    /// Its next review date is before today.
    pub review_overdue: bool,
    /// High or critical, and nobody owns it.
    pub no_owner: bool,
    /// High or critical, and no treatment is chosen.
    pub no_treatment: bool,
}

impl Attention {
    /// Whether any flag is raised.
    pub fn any(self) -> bool {
        self.review_overdue || self.no_owner || self.no_treatment
    }

    /// The flags in words, e.g. "Review overdue, no owner".
    pub fn words(self) -> String {
        let mut parts = Vec::new();
        if self.review_overdue {
            parts.push("review overdue");
        }
        if self.no_owner {
            parts.push("high risk with no owner");
        }
        if self.no_treatment {
            parts.push("high risk with no treatment");
        }
        let text = parts.join(", ");
        let mut chars = text.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }
}

/// Whether a risk is high or critical now: its residual band once treated,
/// its inherent band while untreated.
pub fn is_high(risk: &Risk, policy: &RiskPolicy) -> bool {
    exposure(risk, policy).1 >= Band::High
}

/// Why a risk needs attention as of `today`.
pub fn attention(risk: &Risk, policy: &RiskPolicy, today: Date) -> Attention {
    if !is_active(risk) {
        return Attention::default();
    }
    let high = is_high(risk, policy);
    Attention {
        review_overdue: risk.next_review.is_some_and(|d| d < today),
        no_owner: high && risk.owner.is_none(),
        no_treatment: high && risk.treatment.is_none(),
    }
}

/// The risks (indices into `book.risks`) whose review is overdue.
pub fn overdue_reviews(book: &Book, today: Date) -> Vec<usize> {
    let policy = book.policy.risk;
    (0..book.risks.len()).filter(|&i| attention(&book.risks[i], &policy, today).review_overdue).collect()
}

/// The open high or critical risks (indices into `book.risks`) with no owner or no treatment.
pub fn unowned_or_untreated(book: &Book, today: Date) -> Vec<usize> {
    let policy = book.policy.risk;
    (0..book.risks.len())
        .filter(|&i| {
            let a = attention(&book.risks[i], &policy, today);
            a.no_owner || a.no_treatment
        })
        .collect()
}
