//! The register's columns (ISO 31000 style, as listed in the process
//! guide) and the text of each cell, shared by the register view and the
//! CSV export so that both always say the same thing.

use super::score::{Which, band_of, score_of};
use crate::model::{Book, Risk};
use jiff::civil::Date;

/// A column of the risk register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Column {
    /// The risk's id.
    #[default]
    Id,
    /// Short title.
    Title,
    /// Description.
    Description,
    /// Technical, operational, business or regulatory.
    Category,
    /// What could cause it.
    Cause,
    /// What happens if it occurs.
    Consequence,
    /// Controls already in place.
    Controls,
    /// Inherent likelihood.
    Likelihood,
    /// Inherent impact.
    Impact,
    /// Likelihood × impact.
    InherentScore,
    /// The band of the inherent score.
    InherentBand,
    /// Mitigate, accept, transfer or avoid.
    Treatment,
    /// Treatment actions.
    Actions,
    /// Likelihood after treatment.
    ResidualLikelihood,
    /// Impact after treatment.
    ResidualImpact,
    /// Residual likelihood × residual impact.
    ResidualScore,
    /// The band of the residual score.
    ResidualBand,
    /// Who owns the risk.
    Owner,
    /// Open, monitoring or closed.
    Status,
    /// When the treatment is due.
    Due,
    /// When the risk is next reviewed.
    NextReview,
    /// The linked releases.
    Releases,
}

impl Column {
    /// Every column, in the register's order.
    pub const ALL: [Column; 22] = [
        Column::Id,
        Column::Title,
        Column::Description,
        Column::Category,
        Column::Cause,
        Column::Consequence,
        Column::Controls,
        Column::Likelihood,
        Column::Impact,
        Column::InherentScore,
        Column::InherentBand,
        Column::Treatment,
        Column::Actions,
        Column::ResidualLikelihood,
        Column::ResidualImpact,
        Column::ResidualScore,
        Column::ResidualBand,
        Column::Owner,
        Column::Status,
        Column::Due,
        Column::NextReview,
        Column::Releases,
    ];

    /// The column's heading, also the CSV header.
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Title => "Title",
            Column::Description => "Description",
            Column::Category => "Category",
            Column::Cause => "Cause",
            Column::Consequence => "Consequence",
            Column::Controls => "Existing controls",
            Column::Likelihood => "Likelihood",
            Column::Impact => "Impact",
            Column::InherentScore => "Inherent score",
            Column::InherentBand => "Inherent band",
            Column::Treatment => "Treatment",
            Column::Actions => "Actions",
            Column::ResidualLikelihood => "Residual likelihood",
            Column::ResidualImpact => "Residual impact",
            Column::ResidualScore => "Residual score",
            Column::ResidualBand => "Residual band",
            Column::Owner => "Owner",
            Column::Status => "Status",
            Column::Due => "Due date",
            Column::NextReview => "Next review",
            Column::Releases => "Releases",
        }
    }

    /// The column whose header this is, ignoring case, spaces, `_` and `-`
    /// (so "next_review", "Next Review" and "NEXTREVIEW" all match).
    pub fn from_header(text: &str) -> Option<Column> {
        let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        let wanted = key(text);
        let alias = match wanted.as_str() {
            "controls" => Some(Column::Controls),
            "due" => Some(Column::Due),
            "nextreviewdate" | "review" => Some(Column::NextReview),
            "linkedreleases" | "release" => Some(Column::Releases),
            "riskid" => Some(Column::Id),
            _ => None,
        };
        alias.or_else(|| Column::ALL.into_iter().find(|c| key(c.header()) == wanted))
    }

    /// Whether the column is worked out from others (scores and bands) and
    /// so is written to files but never read back from them.
    pub fn is_derived(self) -> bool {
        matches!(self, Column::InherentScore | Column::InherentBand | Column::ResidualScore | Column::ResidualBand)
    }

    /// The name of the risk's field this column edits, for columns that are stored.
    pub fn field(self) -> Option<&'static str> {
        Some(match self {
            Column::Title => "title",
            Column::Description => "description",
            Column::Category => "category",
            Column::Cause => "cause",
            Column::Consequence => "consequence",
            Column::Controls => "controls",
            Column::Likelihood => "likelihood",
            Column::Impact => "impact",
            Column::Treatment => "treatment",
            Column::Actions => "actions",
            Column::ResidualLikelihood => "residual_likelihood",
            Column::ResidualImpact => "residual_impact",
            Column::Owner => "owner",
            Column::Status => "status",
            Column::Due => "due",
            Column::NextReview => "next_review",
            Column::Releases => "releases",
            Column::Id
            | Column::InherentScore
            | Column::InherentBand
            | Column::ResidualScore
            | Column::ResidualBand => return None,
        })
    }
}

/// A date as the register writes it: `2026-11-27`, or nothing.
fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The text of one cell of the register. People are written by name (by
/// id when the person is missing from the book), releases by id.
pub fn cell_text(book: &Book, risk: &Risk, column: Column) -> String {
    let policy = &book.policy.risk;
    match column {
        Column::Id => risk.id.to_string(),
        Column::Title => risk.title.clone(),
        Column::Description => risk.description.clone(),
        Column::Category => risk.category.label().to_owned(),
        Column::Cause => risk.cause.clone(),
        Column::Consequence => risk.consequence.clone(),
        Column::Controls => risk.controls.clone(),
        Column::Likelihood => risk.likelihood.to_string(),
        Column::Impact => risk.impact.to_string(),
        Column::InherentScore => score_of(risk, Which::Inherent, policy).to_string(),
        Column::InherentBand => band_of(risk, Which::Inherent, policy).label().to_owned(),
        Column::Treatment => risk.treatment.map(|t| t.label().to_owned()).unwrap_or_default(),
        Column::Actions => risk.actions.clone(),
        Column::ResidualLikelihood => risk.residual_likelihood.to_string(),
        Column::ResidualImpact => risk.residual_impact.to_string(),
        Column::ResidualScore => score_of(risk, Which::Residual, policy).to_string(),
        Column::ResidualBand => band_of(risk, Which::Residual, policy).label().to_owned(),
        Column::Owner => match &risk.owner {
            Some(id) => book.person(id).map_or_else(|| id.to_string(), |p| p.name.clone()),
            None => String::new(),
        },
        Column::Status => risk.status.label().to_owned(),
        Column::Due => date_text(risk.due),
        Column::NextReview => date_text(risk.next_review),
        Column::Releases => risk.releases.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", "),
    }
}
