//! The likelihood × impact heat map: one cell per position on the policy's
//! scale, each with its score, its band and the risks that sit in it.

use super::score::{Position, Which, position, scale_of};
use crate::model::{Band, Risk, RiskPolicy};
use std::collections::BTreeMap;

/// One cell of a heat map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    /// Where the cell is.
    pub position: Position,
    /// Likelihood × impact.
    pub score: u8,
    /// The band of that score under the policy.
    pub band: Band,
    /// The risks in the cell, as indices into `book.risks`, in the order given.
    pub risks: Vec<usize>,
}

impl MatrixCell {
    /// How many risks sit in the cell.
    pub fn count(&self) -> usize {
        self.risks.len()
    }
}

/// A heat map of some risks' inherent or residual positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    /// Points on each axis.
    pub scale: u8,
    /// Which assessment the positions are.
    pub which: Which,
    /// The cells, impact varying fastest: likelihood 1 impact 1, likelihood 1 impact 2, …
    pub cells: Vec<MatrixCell>,
}

impl Matrix {
    /// The cell at a position (positions off the scale are clamped onto it).
    pub fn cell(&self, at: Position) -> &MatrixCell {
        let n = usize::from(self.scale.max(1));
        let l = usize::from(at.likelihood.clamp(1, self.scale.max(1))) - 1;
        let i = usize::from(at.impact.clamp(1, self.scale.max(1))) - 1;
        &self.cells[l * n + i]
    }

    /// How many risks the matrix holds.
    pub fn total(&self) -> usize {
        self.cells.iter().map(MatrixCell::count).sum()
    }

    /// How many risks sit in each band, lowest band first.
    pub fn per_band(&self) -> [usize; 4] {
        let mut out = [0; 4];
        for c in &self.cells {
            out[c.band as usize] += c.count();
        }
        out
    }
}

/// The heat map of the risks `members` (indices into `risks`), placed by
/// their `which` assessment on the policy's scale.
pub fn matrix(risks: &[Risk], members: &[usize], which: Which, policy: &RiskPolicy) -> Matrix {
    let scale = scale_of(policy);
    let mut cells = Vec::with_capacity(usize::from(scale) * usize::from(scale));
    for likelihood in 1..=scale {
        for impact in 1..=scale {
            let position = Position { likelihood, impact };
            let score = position.score();
            cells.push(MatrixCell { position, score, band: policy.band(score), risks: Vec::new() });
        }
    }
    let n = usize::from(scale);
    for &index in members {
        if let Some(risk) = risks.get(index) {
            let p = position(risk, which, policy);
            cells[usize::from(p.likelihood - 1) * n + usize::from(p.impact - 1)].risks.push(index);
        }
    }
    Matrix { scale, which, cells }
}

/// Risks that moved from one cell to another between their inherent and
/// residual assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Movement {
    /// The inherent position.
    pub from: Position,
    /// The residual position.
    pub to: Position,
    /// How many risks made this move.
    pub count: usize,
}

/// The moves from inherent to residual positions of the risks `members`,
/// grouped by (from, to), in a fixed order. Risks whose residual position
/// is their inherent one are left out.
pub fn movements(risks: &[Risk], members: &[usize], policy: &RiskPolicy) -> Vec<Movement> {
    let mut moves: BTreeMap<(Position, Position), usize> = BTreeMap::new();
    for risk in members.iter().filter_map(|&i| risks.get(i)) {
        let from = position(risk, Which::Inherent, policy);
        let to = position(risk, Which::Residual, policy);
        if from != to {
            *moves.entry((from, to)).or_default() += 1;
        }
    }
    moves.into_iter().map(|((from, to), count)| Movement { from, to, count }).collect()
}
