//! Calendar items: what they are (phases, milestones, deployment windows,
//! occurrences of blackout and maintenance windows), where they come from
//! in the book, how they are filtered, and their identity across frames.
//! [`super::collect`] finds the items of a range.

pub use super::collect::{
    Near, ZoneCache, calendar_items, calendar_items_among, day_interval, phase_days, release_extent, release_items,
};

use super::Interval;
use crate::model::{
    Blackout, BlackoutScope, Deployment, Environment, Id, MaintenanceWindow, Milestone, Phase, Release,
};
use jiff::civil::Date;

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// A release phase.
    Phase,
    /// A milestone.
    Milestone,
    /// A deployment window.
    Deployment,
    /// An occurrence of a blackout window.
    Blackout,
    /// An occurrence of a maintenance window.
    Maintenance,
}

impl ItemKind {
    /// Every kind, in drawing order.
    pub const ALL: [ItemKind; 5] =
        [ItemKind::Blackout, ItemKind::Maintenance, ItemKind::Phase, ItemKind::Deployment, ItemKind::Milestone];

    /// A label for people (plural, for filters and legends).
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Phase => "Phases",
            ItemKind::Milestone => "Milestones",
            ItemKind::Deployment => "Deployments",
            ItemKind::Blackout => "Blackouts",
            ItemKind::Maintenance => "Maintenance windows",
        }
    }
}

/// Which kinds of item to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds {
    /// Release phases.
    pub phases: bool,
    /// Milestones.
    pub milestones: bool,
    /// Deployment windows.
    pub deployments: bool,
    /// Blackout windows.
    pub blackouts: bool,
    /// Maintenance windows.
    pub maintenance: bool,
}

impl Default for Kinds {
    fn default() -> Self {
        Self { phases: true, milestones: true, deployments: true, blackouts: true, maintenance: true }
    }
}

impl Kinds {
    /// Whether items of `kind` are shown.
    pub fn has(&self, kind: ItemKind) -> bool {
        match kind {
            ItemKind::Phase => self.phases,
            ItemKind::Milestone => self.milestones,
            ItemKind::Deployment => self.deployments,
            ItemKind::Blackout => self.blackouts,
            ItemKind::Maintenance => self.maintenance,
        }
    }

    /// The switch for `kind`.
    pub fn get_mut(&mut self, kind: ItemKind) -> &mut bool {
        match kind {
            ItemKind::Phase => &mut self.phases,
            ItemKind::Milestone => &mut self.milestones,
            ItemKind::Deployment => &mut self.deployments,
            ItemKind::Blackout => &mut self.blackouts,
            ItemKind::Maintenance => &mut self.maintenance,
        }
    }
}

/// Which items to show. Release, type and phase narrow the releases;
/// the environment narrows deployments, blackouts and maintenance windows
/// (and the releases to those deploying there).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemFilter {
    /// Only this release.
    pub release: Option<Id>,
    /// Only releases of this type.
    pub release_type: Option<Id>,
    /// Only this environment.
    pub environment: Option<Id>,
    /// Only releases that are in this phase now.
    pub phase: Option<Phase>,
    /// Which kinds of item.
    pub kinds: Kinds,
}

impl ItemFilter {
    /// Whether a release's items pass the filter.
    pub fn passes_release(&self, r: &Release) -> bool {
        self.release.as_ref().is_none_or(|id| &r.id == id)
            && self.release_type.as_ref().is_none_or(|t| &r.release_type == t)
            && self.phase.is_none_or(|p| r.phase == p)
            && self.environment.as_ref().is_none_or(|e| r.deployments.iter().any(|d| &d.environment == e))
    }

    /// Whether a blackout covers the filtered environment.
    pub fn passes_blackout(&self, b: &Blackout) -> bool {
        match (&self.environment, &b.scope) {
            (None, _) | (_, BlackoutScope::All) => true,
            (Some(e), BlackoutScope::Environments(list)) => list.contains(e),
        }
    }
}

/// Where an item comes from in the book.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    /// A phase of a release.
    Phase {
        /// The release.
        release: &'a Release,
        /// Which phase.
        phase: Phase,
    },
    /// A milestone of a release.
    Milestone {
        /// The release.
        release: &'a Release,
        /// The milestone.
        milestone: &'a Milestone,
    },
    /// A deployment of a release.
    Deployment {
        /// The release.
        release: &'a Release,
        /// The deployment.
        deployment: &'a Deployment,
    },
    /// An occurrence of a blackout window.
    Blackout {
        /// The blackout.
        blackout: &'a Blackout,
        /// Which occurrence (0 for the first).
        occurrence: i64,
    },
    /// An occurrence of an environment's maintenance window.
    Maintenance {
        /// The environment.
        environment: &'a Environment,
        /// The maintenance window.
        window: &'a MaintenanceWindow,
        /// Which occurrence (0 for the first).
        occurrence: i64,
    },
}

/// The identity of an item, to remember across frames (focus, drag).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemKey {
    /// A phase of a release.
    Phase {
        /// The release.
        release: Id,
        /// Which phase.
        phase: Phase,
    },
    /// A milestone.
    Milestone {
        /// The release.
        release: Id,
        /// The milestone.
        milestone: Id,
    },
    /// A deployment.
    Deployment {
        /// The release.
        release: Id,
        /// The deployment.
        deployment: Id,
    },
    /// An occurrence of a blackout.
    Blackout {
        /// The blackout.
        blackout: Id,
        /// Which occurrence.
        occurrence: i64,
    },
    /// An occurrence of a maintenance window.
    Maintenance {
        /// The environment.
        environment: Id,
        /// The window.
        window: Id,
        /// Which occurrence.
        occurrence: i64,
    },
}

impl ItemKey {
    /// Whether this is the key of `item` (without building the item's key).
    pub fn is(&self, item: &CalendarItem<'_>) -> bool {
        match (self, item.source) {
            (ItemKey::Phase { release, phase }, Source::Phase { release: r, phase: p }) => {
                *phase == p && release == &r.id
            }
            (ItemKey::Milestone { release, milestone }, Source::Milestone { release: r, milestone: m }) => {
                milestone == &m.id && release == &r.id
            }
            (ItemKey::Deployment { release, deployment }, Source::Deployment { release: r, deployment: d }) => {
                deployment == &d.id && release == &r.id
            }
            (ItemKey::Blackout { blackout, occurrence }, Source::Blackout { blackout: b, occurrence: o }) => {
                *occurrence == o && blackout == &b.id
            }
            (
                ItemKey::Maintenance { environment, window, occurrence },
                Source::Maintenance { environment: e, window: w, occurrence: o },
            ) => *occurrence == o && window == &w.id && environment == &e.id,
            _ => false,
        }
    }

    /// The release the item belongs to, if any.
    pub fn release(&self) -> Option<&Id> {
        match self {
            ItemKey::Phase { release, .. }
            | ItemKey::Milestone { release, .. }
            | ItemKey::Deployment { release, .. } => Some(release),
            ItemKey::Blackout { .. } | ItemKey::Maintenance { .. } => None,
        }
    }
}

/// One thing on the calendar.
#[derive(Clone, Copy, Debug)]
pub struct CalendarItem<'a> {
    /// Where it comes from.
    pub source: Source<'a>,
    /// When it happens.
    pub interval: Interval,
    /// First and last day, for items of whole days (phases and milestones).
    pub days: Option<(Date, Date)>,
}

impl<'a> CalendarItem<'a> {
    /// What it is.
    pub fn kind(&self) -> ItemKind {
        match self.source {
            Source::Phase { .. } => ItemKind::Phase,
            Source::Milestone { .. } => ItemKind::Milestone,
            Source::Deployment { .. } => ItemKind::Deployment,
            Source::Blackout { .. } => ItemKind::Blackout,
            Source::Maintenance { .. } => ItemKind::Maintenance,
        }
    }

    /// Its identity as borrowed parts (kind, owner id, own id, occurrence),
    /// cheap enough to hash every frame.
    pub fn id_parts(&self) -> (ItemKind, &'a str, &'a str, i64) {
        match self.source {
            Source::Phase { release, phase } => (ItemKind::Phase, release.id.as_str(), phase.label(), 0),
            Source::Milestone { release, milestone } => {
                (ItemKind::Milestone, release.id.as_str(), milestone.id.as_str(), 0)
            }
            Source::Deployment { release, deployment } => {
                (ItemKind::Deployment, release.id.as_str(), deployment.id.as_str(), 0)
            }
            Source::Blackout { blackout, occurrence } => (ItemKind::Blackout, "", blackout.id.as_str(), occurrence),
            Source::Maintenance { environment, window, occurrence } => {
                (ItemKind::Maintenance, environment.id.as_str(), window.id.as_str(), occurrence)
            }
        }
    }

    /// Its identity.
    pub fn key(&self) -> ItemKey {
        match self.source {
            Source::Phase { release, phase } => ItemKey::Phase { release: release.id.clone(), phase },
            Source::Milestone { release, milestone } => {
                ItemKey::Milestone { release: release.id.clone(), milestone: milestone.id.clone() }
            }
            Source::Deployment { release, deployment } => {
                ItemKey::Deployment { release: release.id.clone(), deployment: deployment.id.clone() }
            }
            Source::Blackout { blackout, occurrence } => {
                ItemKey::Blackout { blackout: blackout.id.clone(), occurrence }
            }
            Source::Maintenance { environment, window, occurrence } => {
                ItemKey::Maintenance { environment: environment.id.clone(), window: window.id.clone(), occurrence }
            }
        }
    }

    /// The release it belongs to, if any.
    pub fn release(&self) -> Option<&'a Release> {
        match self.source {
            Source::Phase { release, .. } | Source::Milestone { release, .. } | Source::Deployment { release, .. } => {
                Some(release)
            }
            Source::Blackout { .. } | Source::Maintenance { .. } => None,
        }
    }

    /// The IANA zone of its window, for items that have one.
    pub fn zone(&self) -> Option<&'a str> {
        match self.source {
            Source::Deployment { deployment, .. } => Some(&deployment.window.zone),
            Source::Blackout { blackout, .. } => Some(&blackout.window.zone),
            Source::Maintenance { window, .. } => Some(&window.window.zone),
            Source::Phase { .. } | Source::Milestone { .. } => None,
        }
    }

    /// A short title, e.g. "REL-3 · Production cut-over".
    pub fn title(&self) -> String {
        match self.source {
            Source::Phase { release, phase } => format!("{} {} · {}", release.id, release.name, phase.label()),
            Source::Milestone { release, milestone } => format!("{} · {}", release.id, milestone.name),
            Source::Deployment { release, deployment } => format!("{} · {}", release.id, deployment.name),
            Source::Blackout { blackout, .. } => blackout.name.clone(),
            Source::Maintenance { environment, window, .. } => format!("{}: {}", environment.name, window.name),
        }
    }
}
