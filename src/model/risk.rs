//! The risk register.

use super::Id;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A risk to a release or to the service, ISO 31000 style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Risk {
    /// Stable id, `RISK-n`.
    pub id: Id,
    /// Short title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Technical, operational, business or regulatory.
    pub category: RiskCategory,
    /// What could cause it.
    pub cause: String,
    /// What happens if it occurs.
    pub consequence: String,
    /// Controls already in place.
    pub controls: String,
    /// Inherent likelihood, 1 (rare) up to the policy's scale.
    pub likelihood: u8,
    /// Inherent impact, 1 (negligible) up to the policy's scale.
    pub impact: u8,
    /// How the risk is treated, once decided.
    pub treatment: Option<Treatment>,
    /// Treatment actions.
    pub actions: String,
    /// Likelihood after treatment.
    pub residual_likelihood: u8,
    /// Impact after treatment.
    pub residual_impact: u8,
    /// Who owns the risk.
    pub owner: Option<Id>,
    /// Open, monitored or closed.
    pub status: RiskStatus,
    /// When the treatment is due.
    pub due: Option<Date>,
    /// When the risk is next reviewed.
    pub next_review: Option<Date>,
    /// The releases this risk belongs to.
    pub releases: Vec<Id>,
}

impl Default for Risk {
    fn default() -> Self {
        Self {
            id: Id::default(),
            title: String::new(),
            description: String::new(),
            category: RiskCategory::default(),
            cause: String::new(),
            consequence: String::new(),
            controls: String::new(),
            likelihood: 1,
            impact: 1,
            treatment: None,
            actions: String::new(),
            residual_likelihood: 1,
            residual_impact: 1,
            owner: None,
            status: RiskStatus::default(),
            due: None,
            next_review: None,
            releases: Vec::new(),
        }
    }
}

impl Risk {
    /// Inherent score: likelihood × impact.
    pub fn inherent_score(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }

    /// Residual score: residual likelihood × residual impact.
    pub fn residual_score(&self) -> u8 {
        self.residual_likelihood.saturating_mul(self.residual_impact)
    }
}

/// The four risk categories of the release process.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RiskCategory {
    /// The technology and its ability to meet service levels.
    #[default]
    Technical,
    /// The people and processes that run the service.
    Operational,
    /// The change's effect on the business.
    Business,
    /// Compliance and penalties.
    Regulatory,
}

impl RiskCategory {
    /// Every category.
    pub const ALL: [RiskCategory; 4] =
        [RiskCategory::Technical, RiskCategory::Operational, RiskCategory::Business, RiskCategory::Regulatory];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            RiskCategory::Technical => "Technical",
            RiskCategory::Operational => "Operational",
            RiskCategory::Business => "Business",
            RiskCategory::Regulatory => "Regulatory",
        }
    }
}

/// How a risk is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Treatment {
    /// Reduce likelihood or impact.
    Mitigate,
    /// Live with it.
    Accept,
    /// Pass it to someone else (insurance, supplier).
    Transfer,
    /// Remove the cause.
    Avoid,
}

impl Treatment {
    /// Every treatment.
    pub const ALL: [Treatment; 4] = [Treatment::Mitigate, Treatment::Accept, Treatment::Transfer, Treatment::Avoid];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Treatment::Mitigate => "Mitigate",
            Treatment::Accept => "Accept",
            Treatment::Transfer => "Transfer",
            Treatment::Avoid => "Avoid",
        }
    }
}

/// Where a risk stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskStatus {
    /// Identified, not yet under control.
    #[default]
    Open,
    /// Treated and being watched.
    Monitoring,
    /// No longer a risk.
    Closed,
}

impl RiskStatus {
    /// Every status.
    pub const ALL: [RiskStatus; 3] = [RiskStatus::Open, RiskStatus::Monitoring, RiskStatus::Closed];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            RiskStatus::Open => "Open",
            RiskStatus::Monitoring => "Monitoring",
            RiskStatus::Closed => "Closed",
        }
    }
}

/// A band of risk scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Band {
    /// Low.
    #[default]
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Critical.
    Critical,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 4] = [Band::Low, Band::Medium, Band::High, Band::Critical];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "Low",
            Band::Medium => "Medium",
            Band::High => "High",
            Band::Critical => "Critical",
        }
    }
}
