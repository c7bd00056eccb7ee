//! The post-implementation review.

use super::Id;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The post-implementation review of a release.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Review {
    /// Success, partial success or failure.
    pub outcome: Option<Outcome>,
    /// Incidents within the early-life-support window.
    pub incidents: Vec<Incident>,
    /// What was learned.
    pub conclusions: String,
    /// Improvement actions.
    pub actions: Vec<Action>,
    /// When the review was completed.
    pub completed_on: Option<Date>,
}

/// How a release went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Everything worked.
    Success,
    /// Deployed with problems or partly backed out.
    Partial,
    /// Backed out or failed.
    Failed,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 3] = [Outcome::Success, Outcome::Partial, Outcome::Failed];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Success => "Success",
            Outcome::Partial => "Partial success",
            Outcome::Failed => "Failed",
        }
    }
}

/// An incident raised after deployment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Incident {
    /// Stable id, `INC-n`.
    pub id: Id,
    /// Reference in the incident system.
    pub reference: String,
    /// Title.
    pub title: String,
    /// When it was raised.
    pub raised_on: Option<Date>,
}

/// An action item: an improvement action from a review, or an action
/// agreed in a meeting about the release.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Action {
    /// Stable id, `ACT-n`.
    pub id: Id,
    /// What is to be done.
    pub title: String,
    /// Who does it.
    pub owner: Option<Id>,
    /// By when.
    pub due: Option<Date>,
    /// Whether it is done.
    pub done: bool,
}
