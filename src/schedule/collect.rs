//! The calendar items of a book for a range of time.
//!
//! Phases and milestones are whole days without a zone; they are placed on
//! the days of the zone the calendar is shown in. Only the items that share
//! time with the range are built, and a cheap test on dates comes before
//! any time-zone arithmetic, so a view can ask for its visible range every
//! frame even in a book of thousands of releases.

use super::Interval;
use super::items::{CalendarItem, ItemFilter, Source};
use super::recur::{for_each_occurrence, instant, zone};
use crate::model::{Book, Phase, PhaseDates, Release};
use jiff::civil::Date;
use jiff::tz::TimeZone;

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

/// Zones looked up once per call, and the midnights of the days near the
/// range (phases and milestones of many releases share their days).
#[derive(Default)]
pub struct ZoneCache {
    zones: Vec<(String, TimeZone)>,
    base: Option<Date>,
    midnights: Vec<Option<jiff::Timestamp>>,
}

impl ZoneCache {
    /// The zone called `name` (UTC when unknown).
    pub fn get(&mut self, name: &str) -> TimeZone {
        if let Some((_, tz)) = self.zones.iter().find(|(n, _)| n == name) {
            return tz.clone();
        }
        let tz = zone(name);
        self.zones.push((name.to_owned(), tz.clone()));
        tz
    }

    /// Remembers midnights from `first` for `days` days.
    pub(crate) fn near(&mut self, first: Date, days: usize) {
        self.base = Some(first);
        self.midnights = vec![None; days.min(4000)];
    }

    fn midnight(&mut self, d: Date, tz: &TimeZone) -> jiff::Timestamp {
        let slot = self.base.and_then(|b| usize::try_from(b.duration_until(d).as_hours() / 24).ok());
        match slot.and_then(|i| self.midnights.get_mut(i)) {
            Some(Some(t)) => *t,
            Some(cell) => {
                let t = instant(d.to_datetime(jiff::civil::Time::midnight()), tz);
                *cell = Some(t);
                t
            }
            None => instant(d.to_datetime(jiff::civil::Time::midnight()), tz),
        }
    }

    /// [`day_interval`], remembering midnights.
    pub(crate) fn days(&mut self, first: Date, last: Date, tz: &TimeZone) -> Interval {
        let end = last.tomorrow().unwrap_or(last);
        Interval::new(self.midnight(first, tz), self.midnight(end, tz))
    }
}

/// Dates around a range, for a cheap test before any time-zone arithmetic.
#[derive(Clone, Copy, Debug)]
pub struct Near {
    pub(crate) first: Date,
    pub(crate) last: Date,
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
                let interval = zones.days(first, last, tz);
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
            let interval = zones.days(milestone.date, milestone.date, tz);
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
    zones.near(near.first, usize::try_from(near.first.duration_until(near.last).as_hours() / 24 + 2).unwrap_or(0));
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
    out.sort_unstable_by_key(|a| (a.interval.start, a.kind()));
    out
}
