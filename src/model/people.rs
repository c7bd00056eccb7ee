//! People and the roles they hold.

use super::Id;
use serde::{Deserialize, Serialize};

/// A person who plans, approves, runs or is told about releases.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    /// Stable id, `P-n`.
    pub id: Id,
    /// Full name.
    pub name: String,
    /// E-mail address, for exports and communications.
    pub email: String,
    /// Team or organisation.
    pub team: String,
    /// Roles this person holds in the release process.
    pub roles: Vec<Role>,
}

/// A role in the release and change process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Plans and coordinates releases.
    ReleaseManager,
    /// Runs change management.
    ChangeManager,
    /// Member of the change advisory board.
    CabMember,
    /// Member of the emergency change advisory board.
    EcabMember,
    /// Owns a service.
    ServiceOwner,
    /// Owns a technical component or runbook step.
    TechnicalOwner,
    /// Is affected by releases and agrees their schedule.
    Stakeholder,
    /// Audits the process.
    Auditor,
}

impl Role {
    /// Every role, for pick-lists.
    pub const ALL: [Role; 8] = [
        Role::ReleaseManager,
        Role::ChangeManager,
        Role::CabMember,
        Role::EcabMember,
        Role::ServiceOwner,
        Role::TechnicalOwner,
        Role::Stakeholder,
        Role::Auditor,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Role::ReleaseManager => "Release manager",
            Role::ChangeManager => "Change manager",
            Role::CabMember => "CAB member",
            Role::EcabMember => "ECAB member",
            Role::ServiceOwner => "Service owner",
            Role::TechnicalOwner => "Technical owner",
            Role::Stakeholder => "Stakeholder",
            Role::Auditor => "Auditor",
        }
    }
}
