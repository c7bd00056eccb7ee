//! The release book as pure data.
//!
//! Everything a release manager records lives in one [`Book`]. The model
//! knows nothing about screens, files or undo: it is plain data that serde
//! reads and writes. Entities refer to each other only by [`Id`], never by
//! position, so a reference survives reordering and merging in git.
//!
//! Changes to a book go through [`crate::edit`]; reading and writing files
//! is [`crate::store`]'s job.

mod book;
mod change;
mod environment;
mod id;
mod ledger;
mod people;
mod policy;
mod release;
mod release_parts;
mod review;
mod risk;
mod walk;
mod window;

pub use book::Book;
pub use change::{
    Authorisation, ChangeAuthority, ChangeRequest, ConfigItem, KnownError, KnownErrorKind, ProblemStatus,
};
pub use environment::{Blackout, BlackoutScope, Environment, EnvironmentKind, MaintenanceWindow};
pub use id::{Id, IdKind};
pub use ledger::{AuditEntry, AuditKind, Ledger};
pub use people::{Person, Role};
pub use policy::{Frequency, FrequencyUnit, GatePolicy, Policy, ReleaseType, RiskPolicy};
pub use release::{Phase, PhaseDates, PhasePlan, Priority, Release, Scope};
pub use release_parts::{
    AffectedItem, Agreement, Approval, ApprovalDecision, BackoutPlan, Communication, Criterion, CriterionStatus,
    Decision, DecisionKind, Deliverable, Deployment, DeploymentMethod, GoNoGo, GoNoGoVerdict, Milestone, RunbookStep,
    Vote,
};
pub use review::{Action, Incident, Outcome, Review};
pub use risk::{Band, Risk, RiskCategory, RiskStatus, Treatment};
pub use walk::all_ids;
pub use window::{Repeat, Window};
