//! Stable identifiers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable identifier of an entity, such as `REL-12` or `RISK-4`.
///
/// An id is given once, when the entity is created, and never changes. The
/// book's [`crate::model::Ledger`] hands out ids and never hands out the same
/// one twice, even after the entity is deleted.
///
/// Ids are short, so they are stored inline (up to 24 bytes) rather than on
/// the heap: cloning one allocates nothing, and a check that walks the
/// hundred thousand ids of a large book does not chase a pointer for each.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub compact_str::CompactString);

impl Id {
    /// An id made of a kind's prefix and a number, e.g. `REL-12`.
    pub fn new(kind: IdKind, number: u64) -> Self {
        Self(compact_str::format_compact!("{}-{number}", kind.prefix()))
    }

    /// The id that follows number `last` in a kind's count, or, when `last`
    /// is the largest number a count can hold, the kind's used-up id (see
    /// [`Id::used_up_kind`]), which no edit accepts.
    pub fn after(kind: IdKind, last: u64) -> Self {
        match last.checked_add(1) {
            Some(n) => Self::new(kind, n),
            None => Self(compact_str::format_compact!("{}-{}", kind.prefix(), u128::from(u64::MAX) + 1)),
        }
    }

    /// The kind whose count this id says is used up: the id handed out when
    /// no number is left, one past the largest a count can hold.
    pub fn used_up_kind(&self) -> Option<IdKind> {
        let (prefix, number) = self.0.rsplit_once('-')?;
        let kind = IdKind::from_prefix(prefix)?;
        (number.parse::<u128>().ok()? == u128::from(u64::MAX) + 1).then_some(kind)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number after the prefix, when the id has the usual `PREFIX-N` form.
    pub fn number(&self) -> Option<(&str, u64)> {
        let (prefix, number) = self.0.rsplit_once('-')?;
        Some((prefix, number.parse().ok()?))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Self(s.into())
    }
}

impl From<String> for Id {
    fn from(s: String) -> Self {
        Self(s.into())
    }
}

/// The kinds of entity that carry an id, each with its own prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdKind {
    /// A release type of the policy.
    ReleaseType,
    /// A person.
    Person,
    /// An environment.
    Environment,
    /// A maintenance window of an environment.
    MaintenanceWindow,
    /// A blackout or change-freeze window.
    Blackout,
    /// A configuration item.
    ConfigItem,
    /// A change request.
    Change,
    /// A known error or problem.
    KnownError,
    /// A release.
    Release,
    /// A milestone of a release.
    Milestone,
    /// A deliverable of a release.
    Deliverable,
    /// A configuration item affected by a release.
    AffectedItem,
    /// A deployment of a release.
    Deployment,
    /// A runbook step of a deployment.
    Step,
    /// An acceptance criterion.
    Criterion,
    /// An approval.
    Approval,
    /// A go/no-go vote.
    Vote,
    /// A communication.
    Communication,
    /// A stakeholder's agreement of the schedule.
    Agreement,
    /// A decision or waiver.
    Decision,
    /// An incident counted in the early-life-support window.
    Incident,
    /// An action item (from a meeting or a review).
    Action,
    /// A risk.
    Risk,
}

impl IdKind {
    /// Every kind, in a fixed order.
    pub const ALL: [IdKind; 23] = [
        IdKind::ReleaseType,
        IdKind::Person,
        IdKind::Environment,
        IdKind::MaintenanceWindow,
        IdKind::Blackout,
        IdKind::ConfigItem,
        IdKind::Change,
        IdKind::KnownError,
        IdKind::Release,
        IdKind::Milestone,
        IdKind::Deliverable,
        IdKind::AffectedItem,
        IdKind::Deployment,
        IdKind::Step,
        IdKind::Criterion,
        IdKind::Approval,
        IdKind::Vote,
        IdKind::Communication,
        IdKind::Agreement,
        IdKind::Decision,
        IdKind::Incident,
        IdKind::Action,
        IdKind::Risk,
    ];

    /// The prefix of this kind's ids.
    pub fn prefix(self) -> &'static str {
        match self {
            IdKind::ReleaseType => "RT",
            IdKind::Person => "P",
            IdKind::Environment => "ENV",
            IdKind::MaintenanceWindow => "MW",
            IdKind::Blackout => "BO",
            IdKind::ConfigItem => "CI",
            IdKind::Change => "CHG",
            IdKind::KnownError => "KE",
            IdKind::Release => "REL",
            IdKind::Milestone => "MS",
            IdKind::Deliverable => "DLV",
            IdKind::AffectedItem => "AFF",
            IdKind::Deployment => "DEP",
            IdKind::Step => "STEP",
            IdKind::Criterion => "AC",
            IdKind::Approval => "APR",
            IdKind::Vote => "VOTE",
            IdKind::Communication => "COM",
            IdKind::Agreement => "AGR",
            IdKind::Decision => "DEC",
            IdKind::Incident => "INC",
            IdKind::Action => "ACT",
            IdKind::Risk => "RISK",
        }
    }

    /// A noun for this kind, as a release manager would say it.
    pub fn noun(self) -> &'static str {
        match self {
            IdKind::ReleaseType => "release type",
            IdKind::Person => "person",
            IdKind::Environment => "environment",
            IdKind::MaintenanceWindow => "maintenance window",
            IdKind::Blackout => "blackout window",
            IdKind::ConfigItem => "configuration item",
            IdKind::Change => "change",
            IdKind::KnownError => "known error",
            IdKind::Release => "release",
            IdKind::Milestone => "milestone",
            IdKind::Deliverable => "deliverable",
            IdKind::AffectedItem => "affected item",
            IdKind::Deployment => "deployment",
            IdKind::Step => "runbook step",
            IdKind::Criterion => "acceptance criterion",
            IdKind::Approval => "approval",
            IdKind::Vote => "go/no-go vote",
            IdKind::Communication => "communication",
            IdKind::Agreement => "stakeholder agreement",
            IdKind::Decision => "decision",
            IdKind::Incident => "incident",
            IdKind::Action => "action item",
            IdKind::Risk => "risk",
        }
    }

    /// The kind whose prefix this is.
    pub fn from_prefix(prefix: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.prefix() == prefix)
    }
}
