//! The release policy: release types, naming, risk scale and gates.

use super::{Band, Id};
use serde::{Deserialize, Serialize};

/// How the organisation runs releases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The kinds of release, user-editable.
    pub release_types: Vec<ReleaseType>,
    /// The pattern release names follow. `{year}`, `{month}`, `{n}` and
    /// `{text}` stand for a four-digit year, a two-digit month, a number and
    /// any text; everything else must appear as written.
    pub naming_convention: String,
    /// The risk scale and its bands.
    pub risk: RiskPolicy,
    /// What the phase gates require.
    pub gates: GatePolicy,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            release_types: Vec::new(),
            naming_convention: "{text} {year}.{month}".to_owned(),
            risk: RiskPolicy::default(),
            gates: GatePolicy::default(),
        }
    }
}

/// A kind of release, such as major, patch or emergency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReleaseType {
    /// Stable id, `RT-n`.
    pub id: Id,
    /// Name, e.g. "Major".
    pub name: String,
    /// What this type is for.
    pub description: String,
    /// How often releases of this type are expected, at most.
    pub expected_frequency: Option<Frequency>,
    /// Whether this type takes the emergency fast path (ECAB approval may be
    /// recorded after deployment, but before closure).
    pub emergency: bool,
}

/// "At most `count` per `unit`".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Frequency {
    /// How many.
    pub count: u32,
    /// Per what.
    pub unit: FrequencyUnit,
}

/// The period of a [`Frequency`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrequencyUnit {
    /// Per week.
    Week,
    /// Per month.
    #[default]
    Month,
    /// Per quarter.
    Quarter,
    /// Per year.
    Year,
}

impl FrequencyUnit {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            FrequencyUnit::Week => "week",
            FrequencyUnit::Month => "month",
            FrequencyUnit::Quarter => "quarter",
            FrequencyUnit::Year => "year",
        }
    }
}

/// The likelihood × impact scale and where its bands begin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RiskPolicy {
    /// Points on each axis: 3, 4 or 5.
    pub scale: u8,
    /// Lowest score in the medium band.
    pub medium_from: u8,
    /// Lowest score in the high band.
    pub high_from: u8,
    /// Lowest score in the critical band.
    pub critical_from: u8,
    /// A residual risk in this band or above blocks entry to Deployment
    /// unless a decision accepts it.
    pub gate_band: Band,
}

impl Default for RiskPolicy {
    fn default() -> Self {
        Self { scale: 5, medium_from: 5, high_from: 10, critical_from: 17, gate_band: Band::Critical }
    }
}

impl RiskPolicy {
    /// The band of a score (likelihood × impact).
    pub fn band(&self, score: u8) -> Band {
        if score >= self.critical_from {
            Band::Critical
        } else if score >= self.high_from {
            Band::High
        } else if score >= self.medium_from {
            Band::Medium
        } else {
            Band::Low
        }
    }

    /// The highest score on this scale.
    pub fn max_score(&self) -> u8 {
        self.scale.saturating_mul(self.scale)
    }
}

/// What the phase gates ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GatePolicy {
    /// Whether a blocked phase change needs a recorded decision to go ahead.
    pub enforce: bool,
    /// Whether the backout plan must have been tested before Deployment.
    pub require_tested_backout: bool,
    /// Days after deployment in which incidents count against the release.
    pub early_life_support_days: u16,
}

impl Default for GatePolicy {
    fn default() -> Self {
        Self { enforce: true, require_tested_backout: true, early_life_support_days: 14 }
    }
}
