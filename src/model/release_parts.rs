//! The parts of a release plan: milestones, deliverables, deployments and
//! their runbooks, acceptance, approvals, go/no-go, backout,
//! communications, agreements and decisions.

use super::{Id, Role, Window};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A milestone on the release schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Milestone {
    /// Stable id, `MS-n`.
    pub id: Id,
    /// Name, e.g. "Code freeze".
    pub name: String,
    /// The day.
    pub date: Date,
    /// Whether it has been reached.
    pub done: bool,
}

/// Something the release builds, kept in the definitive media library.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Deliverable {
    /// Stable id, `DLV-n`.
    pub id: Id,
    /// Name, e.g. "payments-api container image".
    pub name: String,
    /// Version of the deliverable.
    pub version: String,
    /// Where it is kept in the definitive media library.
    pub dml_location: String,
    /// Checksum, e.g. "sha256:…".
    pub checksum: String,
}

/// A configuration item the release changes, with its recorded baseline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AffectedItem {
    /// Stable id, `AFF-n`.
    pub id: Id,
    /// The configuration item.
    pub config_item: Id,
    /// Version recorded in the baseline before deployment.
    pub baseline_version: String,
    /// Version after the release.
    pub target_version: String,
}

/// A deployment of the release to one environment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Deployment {
    /// Stable id, `DEP-n`.
    pub id: Id,
    /// Name, e.g. "Production cut-over".
    pub name: String,
    /// Target environment.
    pub environment: Id,
    /// The deployment window (a one-off window).
    pub window: Window,
    /// How it is deployed.
    pub method: DeploymentMethod,
    /// Configuration items this deployment touches.
    pub config_items: Vec<Id>,
    /// The decision that allows it inside a blackout window, if any.
    pub blackout_exception: Option<Id>,
    /// The runbook, in order.
    pub steps: Vec<RunbookStep>,
}

/// How a deployment is carried out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeploymentMethod {
    /// By a pipeline, no manual steps.
    #[default]
    Automated,
    /// By hand, following the runbook.
    Manual,
    /// In waves, a part of the users at a time.
    Phased,
    /// To a small share of traffic first.
    Canary,
    /// Side by side, then switched over.
    BlueGreen,
    /// All at once.
    BigBang,
}

impl DeploymentMethod {
    /// Every method.
    pub const ALL: [DeploymentMethod; 6] = [
        DeploymentMethod::Automated,
        DeploymentMethod::Manual,
        DeploymentMethod::Phased,
        DeploymentMethod::Canary,
        DeploymentMethod::BlueGreen,
        DeploymentMethod::BigBang,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            DeploymentMethod::Automated => "Automated",
            DeploymentMethod::Manual => "Manual",
            DeploymentMethod::Phased => "Phased",
            DeploymentMethod::Canary => "Canary",
            DeploymentMethod::BlueGreen => "Blue-green",
            DeploymentMethod::BigBang => "Big bang",
        }
    }
}

/// One step of a deployment runbook.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RunbookStep {
    /// Stable id, `STEP-n`.
    pub id: Id,
    /// What is done.
    pub title: String,
    /// Who does it.
    pub owner: Option<Id>,
    /// How long it takes, in minutes.
    pub duration_minutes: u32,
    /// Steps of the same deployment that must finish first.
    pub depends_on: Vec<Id>,
    /// Commands, checks or notes.
    pub notes: String,
    /// Whether it has been done.
    pub done: bool,
}

/// An acceptance criterion.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, `AC-n`.
    pub id: Id,
    /// What must be true.
    pub description: String,
    /// Met, not met, waived or not yet assessed.
    pub status: CriterionStatus,
    /// Evidence: test report, link, sign-off.
    pub evidence: String,
}

/// Where an acceptance criterion stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CriterionStatus {
    /// Not yet assessed.
    #[default]
    Pending,
    /// Met.
    Met,
    /// Not met.
    NotMet,
    /// Waived by a recorded decision.
    Waived,
}

impl CriterionStatus {
    /// Every status.
    pub const ALL: [CriterionStatus; 4] =
        [CriterionStatus::Pending, CriterionStatus::Met, CriterionStatus::NotMet, CriterionStatus::Waived];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            CriterionStatus::Pending => "Pending",
            CriterionStatus::Met => "Met",
            CriterionStatus::NotMet => "Not met",
            CriterionStatus::Waived => "Waived",
        }
    }
}

/// An approval of the release.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Approval {
    /// Stable id, `APR-n`.
    pub id: Id,
    /// Who.
    pub person: Option<Id>,
    /// In which role.
    pub role: Option<Role>,
    /// Their decision.
    pub decision: ApprovalDecision,
    /// When.
    pub at: Option<Timestamp>,
    /// Conditions or remarks.
    pub note: String,
}

/// An approver's decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApprovalDecision {
    /// Not yet decided.
    #[default]
    Pending,
    /// Approved.
    Approved,
    /// Approved with conditions in the note.
    Conditional,
    /// Rejected.
    Rejected,
}

impl ApprovalDecision {
    /// Every decision.
    pub const ALL: [ApprovalDecision; 4] = [
        ApprovalDecision::Pending,
        ApprovalDecision::Approved,
        ApprovalDecision::Conditional,
        ApprovalDecision::Rejected,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            ApprovalDecision::Pending => "Pending",
            ApprovalDecision::Approved => "Approved",
            ApprovalDecision::Conditional => "Approved with conditions",
            ApprovalDecision::Rejected => "Rejected",
        }
    }
}

/// The go/no-go checkpoint before deployment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GoNoGo {
    /// When the meeting is held.
    pub scheduled: Option<Timestamp>,
    /// Each attendee's vote.
    pub votes: Vec<Vote>,
    /// The signed verdict.
    pub verdict: Option<GoNoGoVerdict>,
    /// Who signed it.
    pub signed_by: Option<Id>,
    /// When it was signed.
    pub signed_at: Option<Timestamp>,
    /// Notes from the meeting.
    pub notes: String,
}

/// Go or no-go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoNoGoVerdict {
    /// Go ahead.
    Go,
    /// Do not go ahead.
    NoGo,
}

impl GoNoGoVerdict {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            GoNoGoVerdict::Go => "Go",
            GoNoGoVerdict::NoGo => "No-go",
        }
    }
}

/// One attendee's go/no-go vote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Vote {
    /// Stable id, `VOTE-n`.
    pub id: Id,
    /// Who voted.
    pub person: Option<Id>,
    /// Their vote; `None` while undecided.
    pub verdict: Option<GoNoGoVerdict>,
    /// Their reasons.
    pub note: String,
    /// When they cast it. Left out of the file while empty, so that books
    /// that never record it stay readable by earlier versions of Relplan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

/// The backout / remediation plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackoutPlan {
    /// How the release is backed out.
    pub plan: String,
    /// What triggers a backout.
    pub trigger: String,
    /// How long a backout takes, in minutes.
    pub duration_minutes: u32,
    /// Whether the backout was tested.
    pub tested: bool,
    /// When it was tested.
    pub tested_on: Option<Date>,
}

/// A planned communication about the release.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Communication {
    /// Stable id, `COM-n`.
    pub id: Id,
    /// Who is told.
    pub audience: String,
    /// How: e-mail, status page, meeting…
    pub channel: String,
    /// When.
    pub date: Option<Date>,
    /// What they are told.
    pub message: String,
    /// Whether it went out.
    pub sent: bool,
}

/// A stakeholder's agreement of the release schedule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Agreement {
    /// Stable id, `AGR-n`.
    pub id: Id,
    /// The stakeholder.
    pub stakeholder: Option<Id>,
    /// Whether they agreed.
    pub agreed: bool,
    /// When.
    pub on: Option<Date>,
    /// Conditions or remarks.
    pub note: String,
}

/// A recorded decision: a waiver, a gate override, an accepted risk.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    /// Stable id, `DEC-n`.
    pub id: Id,
    /// What kind of decision.
    pub kind: DecisionKind,
    /// What was decided.
    pub title: String,
    /// Why.
    pub rationale: String,
    /// Who decided.
    pub decided_by: Option<Id>,
    /// In which role.
    pub role: Option<Role>,
    /// When.
    pub decided_at: Option<Timestamp>,
    /// Who was informed.
    pub informed: Vec<Id>,
    /// What came of it.
    pub outcome: String,
}

/// The kind of a decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecisionKind {
    /// Any other decision.
    #[default]
    General,
    /// Deploying with an unmet acceptance criterion.
    Waiver,
    /// Letting a blocked phase change go ahead.
    GateOverride,
    /// Accepting a risk at or above the gate threshold.
    RiskAcceptance,
    /// Deploying inside a blackout window.
    BlackoutException,
}

impl DecisionKind {
    /// Every kind.
    pub const ALL: [DecisionKind; 5] = [
        DecisionKind::General,
        DecisionKind::Waiver,
        DecisionKind::GateOverride,
        DecisionKind::RiskAcceptance,
        DecisionKind::BlackoutException,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::General => "Decision",
            DecisionKind::Waiver => "Waiver",
            DecisionKind::GateOverride => "Gate override",
            DecisionKind::RiskAcceptance => "Risk acceptance",
            DecisionKind::BlackoutException => "Blackout exception",
        }
    }
}
