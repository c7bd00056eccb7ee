//! Risk scoring, bands, matrices and the register's rows. Pure functions
//! over the book: no egui, no files.
//!
//! - [`score`]: positions on the likelihood × impact scale, scores, bands
//!   and the words for each point of the scale.
//! - [`matrix`]: the cells of a heat map with their counts and bands, and
//!   the moves from inherent to residual positions.
//! - [`columns`]: the register's columns and the text of each cell.
//! - [`register`]: the register's filters and sort order.
//! - [`attention`]: overdue reviews and open high risks nobody owns or treats.
//! - [`summary`]: a release's risk summary (highest residual score, count per band).
//!
//! Every function reads the policy's [`crate::model::RiskPolicy`], so a
//! 3 × 3 or 4 × 4 scale and moved band thresholds work everywhere.

pub mod attention;
pub mod columns;
pub mod matrix;
pub mod register;
pub mod score;
pub mod summary;

pub use attention::{Attention, attention, is_high, overdue_reviews, unowned_or_untreated};
pub use columns::{Column, cell_text};
pub use matrix::{Matrix, MatrixCell, Movement, matrix, movements};
pub use register::{Filter, OwnerFilter, Sort, members, rows, sort_rows};
pub use score::{
    Position, Which, band_of, exposure, impact_label, is_active, likelihood_label, position, scale_of, score_of,
    score_text,
};
pub use summary::{RiskSummary, summaries, summary};
