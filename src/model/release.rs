//! A release and its phases.

use super::{
    Action, AffectedItem, Agreement, Approval, BackoutPlan, Communication, Criterion, Decision, Deliverable,
    Deployment, GoNoGo, Id, Milestone, Review,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A release: everything planned, decided and learned about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Release {
    /// Stable id, `REL-n`.
    pub id: Id,
    /// Name, following the policy's naming convention.
    pub name: String,
    /// Version being released.
    pub version: String,
    /// The release type, from the policy.
    pub release_type: Id,
    /// Priority.
    pub priority: Priority,
    /// The phase the release is in now.
    pub phase: Phase,
    /// The release manager who owns it.
    pub owner: Option<Id>,
    /// What the release delivers, in a few sentences.
    pub summary: String,
    /// Planned and actual dates of each phase.
    pub phases: PhasePlan,
    /// Milestones.
    pub milestones: Vec<Milestone>,
    /// Changes implemented and known errors resolved.
    pub scope: Scope,
    /// What is built and where it is kept.
    pub deliverables: Vec<Deliverable>,
    /// Configuration items changed, with their recorded baseline.
    pub affected_items: Vec<AffectedItem>,
    /// When the baseline of the affected items was recorded.
    pub baseline_recorded_on: Option<Date>,
    /// Deployments, each with its runbook.
    pub deployments: Vec<Deployment>,
    /// Acceptance criteria.
    pub criteria: Vec<Criterion>,
    /// Approvals.
    pub approvals: Vec<Approval>,
    /// The go/no-go checkpoint.
    pub go_no_go: GoNoGo,
    /// The backout / remediation plan.
    pub backout: BackoutPlan,
    /// The communications plan.
    pub communications: Vec<Communication>,
    /// Stakeholders' agreement of the schedule.
    pub agreements: Vec<Agreement>,
    /// Decisions and waivers.
    pub decisions: Vec<Decision>,
    /// Action items agreed in meetings about the release: who does what by
    /// when. Left out of the file while empty, so that books without any
    /// stay readable by earlier versions of Relplan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The post-implementation review.
    pub review: Review,
}

/// The phases of a release, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Phase {
    /// Scope, schedule and resources are planned.
    #[default]
    Planning,
    /// The release is built and tested.
    BuildAndTest,
    /// The release is deployed.
    Deployment,
    /// The deployment is reviewed and the release closed.
    ReviewAndClose,
    /// Done.
    Closed,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 5] =
        [Phase::Planning, Phase::BuildAndTest, Phase::Deployment, Phase::ReviewAndClose, Phase::Closed];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Planning => "Planning",
            Phase::BuildAndTest => "Build & Test",
            Phase::Deployment => "Deployment",
            Phase::ReviewAndClose => "Review & Close",
            Phase::Closed => "Closed",
        }
    }

    /// The phase after this one.
    pub fn next(self) -> Option<Phase> {
        match self {
            Phase::Planning => Some(Phase::BuildAndTest),
            Phase::BuildAndTest => Some(Phase::Deployment),
            Phase::Deployment => Some(Phase::ReviewAndClose),
            Phase::ReviewAndClose => Some(Phase::Closed),
            Phase::Closed => None,
        }
    }
}

/// Priority of a release.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Low.
    Low,
    /// Medium.
    #[default]
    Medium,
    /// High.
    High,
    /// Critical.
    Critical,
}

impl Priority {
    /// Every priority.
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Medium, Priority::High, Priority::Critical];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Medium => "Medium",
            Priority::High => "High",
            Priority::Critical => "Critical",
        }
    }
}

/// Planned and actual dates of the four working phases.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PhasePlan {
    /// Planning.
    pub planning: PhaseDates,
    /// Build & Test.
    pub build_and_test: PhaseDates,
    /// Deployment.
    pub deployment: PhaseDates,
    /// Review & Close.
    pub review_and_close: PhaseDates,
}

impl PhasePlan {
    /// The dates of a working phase (`None` for Closed).
    pub fn get(&self, phase: Phase) -> Option<&PhaseDates> {
        match phase {
            Phase::Planning => Some(&self.planning),
            Phase::BuildAndTest => Some(&self.build_and_test),
            Phase::Deployment => Some(&self.deployment),
            Phase::ReviewAndClose => Some(&self.review_and_close),
            Phase::Closed => None,
        }
    }

    /// The field name of a working phase in the file (`None` for Closed).
    pub fn field_name(phase: Phase) -> Option<&'static str> {
        match phase {
            Phase::Planning => Some("planning"),
            Phase::BuildAndTest => Some("build_and_test"),
            Phase::Deployment => Some("deployment"),
            Phase::ReviewAndClose => Some("review_and_close"),
            Phase::Closed => None,
        }
    }
}

/// Planned and actual start and end of a phase.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PhaseDates {
    /// Planned first day.
    pub planned_start: Option<Date>,
    /// Planned last day.
    pub planned_end: Option<Date>,
    /// Actual first day.
    pub actual_start: Option<Date>,
    /// Actual last day.
    pub actual_end: Option<Date>,
}

/// What a release contains.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scope {
    /// Change requests the release implements.
    pub changes: Vec<Id>,
    /// Known errors and problems the release resolves.
    pub resolves: Vec<Id>,
    /// Known errors the release ships with.
    pub ships_with: Vec<Id>,
    /// Scope notes: what is in and out.
    pub notes: String,
}
