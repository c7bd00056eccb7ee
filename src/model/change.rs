//! Change requests, configuration items and known errors.

use super::{Band, Id};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// A configuration item: a component whose version a release changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigItem {
    /// Stable id, `CI-n`.
    pub id: Id,
    /// Name, e.g. "payments-api".
    pub name: String,
    /// Kind of item: application, database, server, network device…
    pub kind: String,
    /// Version currently in production.
    pub version: String,
    /// Person who owns it.
    pub owner: Option<Id>,
    /// Notes.
    pub description: String,
}

/// A request for change (RFC) that a release implements.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChangeRequest {
    /// Stable id, `CHG-n`.
    pub id: Id,
    /// The RFC number in the change-management system, e.g. "RFC-2041".
    pub rfc: String,
    /// Title.
    pub title: String,
    /// What changes and why.
    pub description: String,
    /// Assessed risk band, once assessed.
    pub risk: Option<Band>,
    /// The risk assessment in words.
    pub risk_assessment: String,
    /// The impact assessment in words.
    pub impact_assessment: String,
    /// The change authority that must authorise it.
    pub authority: ChangeAuthority,
    /// The authorisation, once given.
    pub authorisation: Option<Authorisation>,
}

/// The body that authorises a change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeAuthority {
    /// The change advisory board.
    #[default]
    Cab,
    /// The emergency change advisory board.
    Ecab,
    /// A standard, pre-authorised change.
    Standard,
}

impl ChangeAuthority {
    /// Every authority, for pick-lists.
    pub const ALL: [ChangeAuthority; 3] = [ChangeAuthority::Cab, ChangeAuthority::Ecab, ChangeAuthority::Standard];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            ChangeAuthority::Cab => "CAB",
            ChangeAuthority::Ecab => "ECAB",
            ChangeAuthority::Standard => "Standard (pre-authorised)",
        }
    }
}

/// Who authorised a change, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Authorisation {
    /// The authority that decided.
    pub authority: ChangeAuthority,
    /// The person who signed for it.
    pub by: Option<Id>,
    /// When.
    pub at: Timestamp,
    /// Conditions or remarks.
    pub note: String,
}

/// A known error or problem that a release resolves or ships with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KnownError {
    /// Stable id, `KE-n`.
    pub id: Id,
    /// Reference in the problem-management system, e.g. "PRB-311".
    pub reference: String,
    /// Title.
    pub title: String,
    /// Problem or known error.
    pub kind: KnownErrorKind,
    /// Description.
    pub description: String,
    /// Workaround, if any.
    pub workaround: String,
    /// Open or resolved.
    pub status: ProblemStatus,
}

/// Whether a record is a problem (cause unknown) or a known error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KnownErrorKind {
    /// Cause not yet known.
    Problem,
    /// Cause known, workaround documented.
    #[default]
    KnownError,
}

/// Whether a problem is still open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProblemStatus {
    /// Still open.
    #[default]
    Open,
    /// Resolved.
    Resolved,
}
