//! Positions on the likelihood × impact scale, scores and bands.
//!
//! A risk's stored likelihood and impact may lie outside the policy's scale
//! (a book whose policy went from 5 × 5 to 3 × 3, or a hand-edited file).
//! Positions are clamped to the scale, so every risk lands in a cell of the
//! matrix and its score never exceeds the policy's highest score.

use crate::model::{Band, Risk, RiskPolicy, RiskStatus};

/// Which of a risk's two assessments: before or after treatment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Which {
    /// Before treatment: likelihood × impact.
    #[default]
    Inherent,
    /// After treatment: residual likelihood × residual impact.
    Residual,
}

impl Which {
    /// Both, inherent first.
    pub const BOTH: [Which; 2] = [Which::Inherent, Which::Residual];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Which::Inherent => "Inherent",
            Which::Residual => "Residual",
        }
    }

    /// The names of the risk's fields that hold this assessment: (likelihood, impact).
    pub fn fields(self) -> (&'static str, &'static str) {
        match self {
            Which::Inherent => ("likelihood", "impact"),
            Which::Residual => ("residual_likelihood", "residual_impact"),
        }
    }
}

/// A cell of the matrix: likelihood and impact, each from 1 to the scale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Likelihood, 1 (rare) up to the scale.
    pub likelihood: u8,
    /// Impact, 1 (negligible) up to the scale.
    pub impact: u8,
}

impl Position {
    /// The score of this cell: likelihood × impact.
    pub fn score(self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }

    /// The position moved by a number of steps on each axis, kept on the scale.
    #[must_use]
    pub fn moved(self, likelihood: i16, impact: i16, scale: u8) -> Position {
        let step = |v: u8, d: i16| (i16::from(v) + d).clamp(1, i16::from(scale.max(1))) as u8;
        Position { likelihood: step(self.likelihood, likelihood), impact: step(self.impact, impact) }
    }
}

/// The policy's scale, kept between 1 and 5 whatever the file says.
pub fn scale_of(policy: &RiskPolicy) -> u8 {
    policy.scale.clamp(1, 5)
}

/// Where a risk sits in the matrix, clamped to the policy's scale.
pub fn position(risk: &Risk, which: Which, policy: &RiskPolicy) -> Position {
    let scale = scale_of(policy);
    let (l, i) = match which {
        Which::Inherent => (risk.likelihood, risk.impact),
        Which::Residual => (risk.residual_likelihood, risk.residual_impact),
    };
    Position { likelihood: l.clamp(1, scale), impact: i.clamp(1, scale) }
}

/// A risk's score (likelihood × impact, on the policy's scale).
pub fn score_of(risk: &Risk, which: Which, policy: &RiskPolicy) -> u8 {
    position(risk, which, policy).score()
}

/// A risk's band.
pub fn band_of(risk: &Risk, which: Which, policy: &RiskPolicy) -> Band {
    policy.band(score_of(risk, which, policy))
}

/// Whether the risk still needs attention: open or being monitored, not closed.
pub fn is_active(risk: &Risk) -> bool {
    risk.status != RiskStatus::Closed
}

/// The risk's current exposure: the residual assessment once a treatment
/// is chosen, the inherent one while nothing has been decided.
pub fn exposure(risk: &Risk, policy: &RiskPolicy) -> (u8, Band) {
    let which = if risk.treatment.is_some() { Which::Residual } else { Which::Inherent };
    let score = score_of(risk, which, policy);
    (score, policy.band(score))
}

/// The word for a point on the likelihood axis, for the policy's scale.
pub fn likelihood_label(scale: u8, value: u8) -> &'static str {
    let words: &[&str] = match scale {
        0..=2 => &["Unlikely", "Likely"],
        3 => &["Unlikely", "Possible", "Likely"],
        4 => &["Rare", "Unlikely", "Likely", "Almost certain"],
        _ => &["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
    };
    words.get(usize::from(value.max(1)) - 1).copied().unwrap_or("")
}

/// The word for a point on the impact axis, for the policy's scale.
pub fn impact_label(scale: u8, value: u8) -> &'static str {
    let words: &[&str] = match scale {
        0..=2 => &["Minor", "Severe"],
        3 => &["Minor", "Moderate", "Severe"],
        4 => &["Minor", "Moderate", "Major", "Severe"],
        _ => &["Negligible", "Minor", "Moderate", "Major", "Severe"],
    };
    words.get(usize::from(value.max(1)) - 1).copied().unwrap_or("")
}

/// "12 · High": a score with its band in words.
pub fn score_text(score: u8, band: Band) -> String {
    format!("{score} · {}", band.label())
}
