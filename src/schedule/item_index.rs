//! The book's dated items sorted once, so that a view asks for the items
//! of its visible range with binary searches instead of walking every
//! release each frame.
//!
//! [`ItemIndex::items`] returns exactly what [`super::calendar_items`]
//! returns (the tests compare the two); build the index once per state of
//! the book, as the schedule index is.

use super::items::{CalendarItem, ItemFilter, Near, Source, ZoneCache, calendar_items_among, phase_days};
use super::recur::instant;
use super::{Interval, ItemKind};
use crate::model::{Book, Phase};
use jiff::SignedDuration;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The dated items of a book, sorted.
#[derive(Clone, Debug, Default)]
pub struct ItemIndex {
    /// (first day, last day, release, phase), by first day.
    phases: Vec<(Date, Date, u32, Phase)>,
    /// The longest phase, in days.
    longest_phase: i64,
    /// (day, release, milestone), by day.
    milestones: Vec<(Date, u32, u32)>,
    /// (window, release, deployment), by start.
    deployments: Vec<(Interval, u32, u32)>,
    longest_deployment: SignedDuration,
}

impl ItemIndex {
    /// Sorts the phases, milestones and deployment windows of `book`.
    pub fn build(book: &Book) -> Self {
        let mut ix = ItemIndex::default();
        let mut zones = ZoneCache::default();
        for (ri, r) in book.releases.iter().enumerate() {
            let ri = ri as u32;
            for phase in Phase::ALL {
                if let Some((a, b)) = r.phases.get(phase).and_then(phase_days) {
                    ix.longest_phase = ix.longest_phase.max(a.duration_until(b).as_hours() / 24 + 1);
                    ix.phases.push((a, b, ri, phase));
                }
            }
            for (mi, m) in r.milestones.iter().enumerate() {
                ix.milestones.push((m.date, ri, mi as u32));
            }
            for (di, d) in r.deployments.iter().enumerate() {
                let tz = zones.get(&d.window.zone);
                let at = Interval::new(instant(d.window.start, &tz), instant(d.window.end, &tz));
                ix.longest_deployment = ix.longest_deployment.max(at.length());
                ix.deployments.push((at, ri, di as u32));
            }
        }
        ix.phases.sort_unstable_by_key(|p| (p.0, p.2, p.3));
        ix.milestones.sort_unstable();
        ix.deployments.sort_unstable_by_key(|d| (d.0.start, d.1, d.2));
        ix
    }

    /// The items of `book` (the book the index was built from) that share
    /// time with `range` and pass `filter`, with whole-day items placed in
    /// `tz`, ordered by start.
    pub fn items<'a>(
        &self,
        book: &'a Book,
        range: Interval,
        tz: &TimeZone,
        filter: &ItemFilter,
    ) -> Vec<CalendarItem<'a>> {
        let mut out = self.items_by_kind(book, range, tz, filter);
        out.sort_unstable_by_key(|a| (a.interval.start, a.kind()));
        out
    }

    /// [`ItemIndex::items`] without the final sort: blackouts and maintenance
    /// windows, then phases, milestones and deployments, each kind in order
    /// of start. Enough for a view that takes the kinds apart anyway.
    pub fn items_by_kind<'a>(
        &self,
        book: &'a Book,
        range: Interval,
        tz: &TimeZone,
        filter: &ItemFilter,
    ) -> Vec<CalendarItem<'a>> {
        // Blackouts and maintenance windows come from the book; releases from the index.
        let mut out = calendar_items_among(book, [], range, tz, filter);
        let near = Near::new(range, tz);
        let mut zones = ZoneCache::default();
        zones.near(near.first, usize::try_from(near.first.duration_until(near.last).as_hours() / 24 + 2).unwrap_or(0));
        let k = filter.kinds;
        let release = |ri: u32| book.releases.get(ri as usize).filter(|r| filter.passes_release(r));
        if k.phases {
            let earliest = near.first.checked_sub(jiff::Span::new().days(self.longest_phase)).unwrap_or(Date::MIN);
            let from = self.phases.partition_point(|p| p.0 < earliest);
            for &(a, b, ri, phase) in self.phases[from..].iter().take_while(|p| p.0 <= near.last) {
                if !near.days(a, b) {
                    continue;
                }
                let Some(release) = release(ri) else { continue };
                let interval = zones.days(a, b, tz);
                if interval.overlaps(&range) {
                    out.push(CalendarItem { source: Source::Phase { release, phase }, interval, days: Some((a, b)) });
                }
            }
        }
        if k.milestones {
            let from = self.milestones.partition_point(|m| m.0 < near.first);
            for &(day, ri, mi) in self.milestones[from..].iter().take_while(|m| m.0 <= near.last) {
                let Some(release) = release(ri) else { continue };
                let Some(milestone) = release.milestones.get(mi as usize) else { continue };
                let interval = zones.days(day, day, tz);
                if interval.overlaps(&range) {
                    out.push(CalendarItem {
                        source: Source::Milestone { release, milestone },
                        interval,
                        days: Some((day, day)),
                    });
                }
            }
        }
        if k.deployments {
            let earliest = range.start.checked_sub(self.longest_deployment).unwrap_or(range.start);
            let from = self.deployments.partition_point(|d| d.0.start < earliest);
            for &(interval, ri, di) in self.deployments[from..].iter().take_while(|d| d.0.start <= range.end) {
                if !interval.overlaps(&range) {
                    continue;
                }
                let Some(release) = release(ri) else { continue };
                let Some(deployment) = release.deployments.get(di as usize) else { continue };
                if filter.environment.as_ref().is_some_and(|e| &deployment.environment != e) {
                    continue;
                }
                out.push(CalendarItem { source: Source::Deployment { release, deployment }, interval, days: None });
            }
        }
        out
    }

    /// How many items of a kind the index holds (for reports).
    pub fn count(&self, kind: ItemKind) -> usize {
        match kind {
            ItemKind::Phase => self.phases.len(),
            ItemKind::Milestone => self.milestones.len(),
            ItemKind::Deployment => self.deployments.len(),
            ItemKind::Blackout | ItemKind::Maintenance => 0,
        }
    }
}
