//! Environments, their maintenance windows, and blackout windows.

use super::{Id, Window};
use serde::{Deserialize, Serialize};

/// A place releases are deployed to: development, test, staging, production…
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Environment {
    /// Stable id, `ENV-n`.
    pub id: Id,
    /// Name, e.g. "Production (EU)".
    pub name: String,
    /// What the environment is for.
    pub kind: EnvironmentKind,
    /// Notes.
    pub description: String,
    /// Windows in which changes to this environment are allowed.
    pub maintenance_windows: Vec<MaintenanceWindow>,
}

/// What an environment is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EnvironmentKind {
    /// Where software is built.
    Development,
    /// Where releases are tested.
    #[default]
    Test,
    /// A production-like rehearsal environment.
    Staging,
    /// The live service.
    Production,
    /// Disaster recovery.
    DisasterRecovery,
    /// Training.
    Training,
}

impl EnvironmentKind {
    /// Every kind, for pick-lists.
    pub const ALL: [EnvironmentKind; 6] = [
        EnvironmentKind::Development,
        EnvironmentKind::Test,
        EnvironmentKind::Staging,
        EnvironmentKind::Production,
        EnvironmentKind::DisasterRecovery,
        EnvironmentKind::Training,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            EnvironmentKind::Development => "Development",
            EnvironmentKind::Test => "Test",
            EnvironmentKind::Staging => "Staging",
            EnvironmentKind::Production => "Production",
            EnvironmentKind::DisasterRecovery => "Disaster recovery",
            EnvironmentKind::Training => "Training",
        }
    }
}

/// A recurring window in which an environment may be changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MaintenanceWindow {
    /// Stable id, `MW-n`.
    pub id: Id,
    /// Name, e.g. "Sunday early morning".
    pub name: String,
    /// When it happens.
    pub window: Window,
}

/// A blackout or change-freeze window: no deployments without an exception.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Blackout {
    /// Stable id, `BO-n`.
    pub id: Id,
    /// Name, e.g. "Year-end freeze".
    pub name: String,
    /// Why changes are frozen.
    pub reason: String,
    /// Which environments the freeze covers.
    pub scope: BlackoutScope,
    /// When it happens.
    pub window: Window,
    /// The calendar UID it was imported from, so that a re-import updates it.
    pub source_uid: Option<String>,
}

/// The environments a blackout covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlackoutScope {
    /// Every environment.
    #[default]
    All,
    /// Only these environments.
    Environments(Vec<Id>),
}
