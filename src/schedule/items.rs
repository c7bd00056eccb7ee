//! The calendar items of a book for a range of time: release phases,
//! milestones, deployment windows, and the occurrences of blackout and
//! maintenance windows.
//!
//! Phases and milestones are whole days without a zone; they are placed on
//! the days of the zone the calendar is shown in. Only the items that share
//! time with the range are built, and a cheap test on dates comes before
//! any time-zone arithmetic, so a view can ask for its visible range every
//! frame even in a book of thousands of releases.

use super::Interval;
use super::recur::{for_each_occurrence, instant, zone};
use crate::model::{
    Blackout, BlackoutScope, Book, Deployment, Environment, Id, MaintenanceWindow, Milestone, Phase, PhaseDates,
    Release,
};
use jiff::civil::Date;
use jiff::tz::TimeZone;

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

/// The planned days of a phase (the actual ones where none are planned).
pub fn phase_days(dates: &PhaseDates) -> Option<(Date, Date)> {
    let first = dates.planned_start.or(dates.actual_start)?;
    let last = dates.planned_end.or(dates.actual_end)?;
    (last >= first).then_some((first, last))
}

/// The instants from the start of `first` to the end of `last` in `tz`.
pub fn day_interval(first: Date, last: Date, tz: &TimeZone) -> Interval {
    let end = last.tomorrow().unwrap_or(last);
    Interval::new(instant(first.to_datetime(jiff::civil::Time::midnight()), tz), instant(end.into(), tz))
}

/// Zones looked up once per call.
#[derive(Default)]
pub(crate) struct ZoneCache(Vec<(String, TimeZone)>);

impl ZoneCache {
    /// The zone called `name` (UTC when unknown).
    pub(crate) fn get(&mut self, name: &str) -> TimeZone {
        if let Some((_, tz)) = self.0.iter().find(|(n, _)| n == name) {
            return tz.clone();
        }
        let tz = zone(name);
        self.0.push((name.to_owned(), tz.clone()));
        tz
    }
}

/// Dates around a range, for a cheap test before any time-zone arithmetic.
#[derive(Clone, Copy, Debug)]
pub struct Near {
    first: Date,
    last: Date,
}

impl Near {
    /// The days of `range` in `tz`, with a day of slack on each side.
    pub fn new(range: Interval, tz: &TimeZone) -> Self {
        let first = tz.to_datetime(range.start).date().yesterday().unwrap_or(Date::MIN);
        let last = tz.to_datetime(range.end).date().tomorrow().unwrap_or(Date::MAX);
        Self { first, last }
    }

    /// Whether days `a` to `b` may share time with the range.
    pub fn days(&self, a: Date, b: Date) -> bool {
        b >= self.first && a <= self.last
    }

    /// Whether a release has anything near the range (phases, milestones, deployments).
    pub fn release(&self, r: &Release) -> bool {
        Phase::ALL.iter().filter_map(|p| r.phases.get(*p).and_then(phase_days)).any(|(a, b)| self.days(a, b))
            || r.milestones.iter().any(|m| self.days(m.date, m.date))
            || r.deployments
                .iter()
                .any(|d| self.days(d.window.start.date(), d.window.end.date().max(d.window.start.date())))
    }
}

/// The items of one release that share time with `range` and pass the
/// filter's kinds and environment, appended to `out`.
pub fn release_items<'a>(
    release: &'a Release,
    range: Interval,
    tz: &TimeZone,
    filter: &ItemFilter,
    out: &mut Vec<CalendarItem<'a>>,
) {
    release_items_with(release, range, tz, filter, Near::new(range, tz), &mut ZoneCache::default(), out);
}

fn release_items_with<'a>(
    release: &'a Release,
    range: Interval,
    tz: &TimeZone,
    filter: &ItemFilter,
    near: Near,
    zones: &mut ZoneCache,
    out: &mut Vec<CalendarItem<'a>>,
) {
    let k = filter.kinds;
    if k.phases {
        for phase in Phase::ALL {
            let Some((first, last)) = release.phases.get(phase).and_then(phase_days) else { continue };
            if near.days(first, last) {
                let interval = day_interval(first, last, tz);
                if interval.overlaps(&range) {
                    out.push(CalendarItem {
                        source: Source::Phase { release, phase },
                        interval,
                        days: Some((first, last)),
                    });
                }
            }
        }
    }
    if k.milestones {
        for milestone in release.milestones.iter().filter(|m| near.days(m.date, m.date)) {
            let interval = day_interval(milestone.date, milestone.date, tz);
            if interval.overlaps(&range) {
                let days = Some((milestone.date, milestone.date));
                out.push(CalendarItem { source: Source::Milestone { release, milestone }, interval, days });
            }
        }
    }
    if k.deployments {
        for deployment in &release.deployments {
            let w = &deployment.window;
            if filter.environment.as_ref().is_some_and(|e| &deployment.environment != e)
                || !near.days(w.start.date(), w.end.date().max(w.start.date()))
            {
                continue;
            }
            let z = zones.get(&w.zone);
            let interval = Interval::new(instant(w.start, &z), instant(w.end, &z));
            if interval.overlaps(&range) {
                out.push(CalendarItem { source: Source::Deployment { release, deployment }, interval, days: None });
            }
        }
    }
}

/// The first and last day a release has anything planned on (phases,
/// milestones, deployment windows), if any. A view keeps these per book
/// state, to skip the releases far from what it shows.
pub fn release_extent(r: &Release) -> Option<(Date, Date)> {
    let phases = Phase::ALL.iter().filter_map(|p| r.phases.get(*p).and_then(phase_days));
    let milestones = r.milestones.iter().map(|m| (m.date, m.date));
    let deployments =
        r.deployments.iter().map(|d| (d.window.start.date(), d.window.end.date().max(d.window.start.date())));
    phases.chain(milestones).chain(deployments).reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
}

/// Every item of `book` that shares time with `range` and passes `filter`,
/// with whole-day items placed in `tz`. Ordered by start.
pub fn calendar_items<'a>(
    book: &'a Book,
    range: Interval,
    tz: &TimeZone,
    filter: &ItemFilter,
) -> Vec<CalendarItem<'a>> {
    calendar_items_among(book, 0..book.releases.len(), range, tz, filter)
}

/// [`calendar_items`] looking only at the releases at `candidates`
/// (positions in `book.releases`); the book's blackouts and maintenance
/// windows are always looked at.
pub fn calendar_items_among<'a>(
    book: &'a Book,
    candidates: impl IntoIterator<Item = usize>,
    range: Interval,
    tz: &TimeZone,
    filter: &ItemFilter,
) -> Vec<CalendarItem<'a>> {
    let mut out = Vec::new();
    let near = Near::new(range, tz);
    let mut zones = ZoneCache::default();
    let k = filter.kinds;
    if k.phases || k.milestones || k.deployments {
        for release in candidates.into_iter().filter_map(|i| book.releases.get(i)).filter(|r| filter.passes_release(r))
        {
            release_items_with(release, range, tz, filter, near, &mut zones, &mut out);
        }
    }
    if k.blackouts {
        for blackout in book.blackouts.iter().filter(|b| filter.passes_blackout(b)) {
            let z = zones.get(&blackout.window.zone);
            for_each_occurrence(&blackout.window, &z, range, |o| {
                let source = Source::Blackout { blackout, occurrence: o.index };
                out.push(CalendarItem { source, interval: o.interval, days: None });
            });
        }
    }
    if k.maintenance {
        let envs = book.environments.iter().filter(|e| filter.environment.as_ref().is_none_or(|id| &e.id == id));
        for environment in envs {
            for window in &environment.maintenance_windows {
                let z = zones.get(&window.window.zone);
                for_each_occurrence(&window.window, &z, range, |o| {
                    let source = Source::Maintenance { environment, window, occurrence: o.index };
                    out.push(CalendarItem { source, interval: o.interval, days: None });
                });
            }
        }
    }
    out.sort_by_key(|a| (a.interval.start, a.kind()));
    out
}
