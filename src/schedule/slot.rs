//! One deployment at another time: the conflicts it would have there, and
//! the next free slot of the same length.
//!
//! Both ask the [`ScheduleIndex`] with binary searches instead of sweeping
//! the whole book, so a calendar can show the conflicts of a deployment
//! while it is dragged. The next free slot starts at the requested time
//! and, while the window conflicts, jumps to the earliest start that could
//! clear every conflict found: the end of the other deployment, blackout or
//! booking, or the next maintenance window long enough. Each jump is
//! necessary, so the first slot without conflicts is the earliest one.

use super::conflicts::{fits, maintenance_unions};
use super::index::{Exception, ScheduleIndex, exception};
use super::recur::{for_each_occurrence, zone};
use super::steps::step_minutes;
use super::{Conflict, ConflictKind, DeploymentRef, Interval};
use crate::model::{Blackout, BlackoutScope, Book, Deployment, Environment, Release};
use jiff::{SignedDuration, Timestamp};

/// How far ahead the next free slot is looked for.
pub const HORIZON_DAYS: i64 = 730;

/// A deployment of the index, ready to be tried at other times.
struct Probe<'a> {
    ix: &'a ScheduleIndex,
    book: &'a Book,
    entry: u32,
    release: &'a Release,
    deployment: &'a Deployment,
    env: u32,
    environment: Option<&'a Environment>,
    items: Vec<u32>,
    /// (person number, step position, offset from the window start, length).
    steps: Vec<(Option<u32>, usize, SignedDuration, SignedDuration)>,
    blackouts: Vec<&'a Blackout>,
    excepted: bool,
}

/// What trying a deployment at one time found.
struct Outcome {
    conflicts: Vec<Conflict>,
    /// The earliest start that could clear every conflict found.
    bound: Option<Timestamp>,
    /// Whether it does not fit a production maintenance window.
    outside_maintenance: bool,
}

impl<'a> Probe<'a> {
    fn new(book: &'a Book, ix: &'a ScheduleIndex, dep: &DeploymentRef) -> Option<Self> {
        let entry = ix.entry_of(book, &dep.deployment)?;
        let (release, deployment) = ix.resolve(book, entry)?;
        let env = ix.deps.get(entry as usize)?.env;
        let items = deployment.config_items.iter().filter_map(|c| ix.items.get(c.as_str())).collect();
        let minutes = |m: u64| SignedDuration::from_mins(i64::try_from(m).unwrap_or(i64::MAX / 120));
        let steps = step_minutes(&deployment.steps)
            .into_iter()
            .zip(&deployment.steps)
            .enumerate()
            .filter_map(|(i, ((from, to), s))| {
                let owner = s.owner.as_ref()?;
                Some((ix.people.get(owner.as_str()), i, minutes(from), minutes(to.saturating_sub(from))))
            })
            .collect();
        let blackouts = book
            .blackouts
            .iter()
            .filter(|b| match &b.scope {
                BlackoutScope::All => true,
                BlackoutScope::Environments(list) => list.contains(&deployment.environment),
            })
            .collect();
        Some(Probe {
            ix,
            book,
            entry,
            release,
            deployment,
            env,
            environment: book.environment(&deployment.environment),
            items,
            steps,
            blackouts,
            excepted: exception(release, deployment) == Exception::Approved,
        })
    }

    fn me(&self) -> DeploymentRef {
        DeploymentRef { release: self.release.id.clone(), deployment: self.deployment.id.clone() }
    }

    fn with(&self, other: u32, at: Interval, other_at: Interval) -> Vec<DeploymentRef> {
        let them = self
            .ix
            .resolve(self.book, other)
            .map(|(r, d)| DeploymentRef { release: r.id.clone(), deployment: d.id.clone() });
        let mut list: Vec<DeploymentRef> = [Some(self.me()), them].into_iter().flatten().collect();
        if other_at.start < at.start {
            list.reverse();
        }
        list
    }

    fn conflict(&self, kind: ConflictKind, when: Interval, deployments: Vec<DeploymentRef>) -> Conflict {
        Conflict {
            kind,
            when,
            deployments,
            environment: None,
            config_items: Vec::new(),
            blackout: None,
            person: None,
            steps: Vec::new(),
            invalid_exception: None,
        }
    }

    fn check(&self, at: Interval) -> Outcome {
        let mut out = Outcome { conflicts: Vec::new(), bound: None, outside_maintenance: false };
        let raise = |t: Timestamp, out: &mut Outcome| out.bound = Some(out.bound.map_or(t, |b| b.max(t)));
        for other in self.ix.in_environment(self.env, at).filter(|&o| o != self.entry) {
            let o = self.ix.deps[other as usize].interval;
            let mut c = self.conflict(ConflictKind::Environment, o.intersection(&at), self.with(other, at, o));
            c.environment = Some(self.deployment.environment.clone());
            out.conflicts.push(c);
            raise(o.end, &mut out);
        }
        let first_ci = out.conflicts.len();
        for &ci in &self.items {
            for touch in self.ix.touching(ci, at).filter(|t| t.dep != self.entry) {
                let (mine, theirs) = (self.ix.deps[self.entry as usize], self.ix.deps[touch.dep as usize]);
                if mine.release == theirs.release || mine.env == theirs.env {
                    continue;
                }
                let them = self.with(touch.dep, at, touch.interval);
                let id = self.ix.items.id(ci);
                match out.conflicts[first_ci..].iter_mut().find(|c| c.deployments == them) {
                    Some(c) => c.config_items.extend(id),
                    None => {
                        let mut c = self.conflict(ConflictKind::ConfigItem, touch.interval.intersection(&at), them);
                        c.config_items.extend(id);
                        out.conflicts.push(c);
                    }
                }
                raise(touch.interval.end, &mut out);
            }
        }
        if !self.excepted {
            let invalid = match exception(self.release, self.deployment) {
                Exception::NotValid(id) => Some(id),
                _ => None,
            };
            for b in &self.blackouts {
                let mut last = None;
                for_each_occurrence(&b.window, &zone(&b.window.zone), at, |o| last = Some(o.interval));
                if let Some(o) = last {
                    let mut c = self.conflict(ConflictKind::Blackout, o.intersection(&at), vec![self.me()]);
                    c.environment = Some(self.deployment.environment.clone());
                    c.blackout = Some(b.id.clone());
                    c.invalid_exception = invalid.clone();
                    out.conflicts.push(c);
                    raise(o.end, &mut out);
                }
            }
        }
        for &(person, step, offset, length) in &self.steps {
            let Some(person) = person else { continue };
            let start = at.start.checked_add(offset).unwrap_or(at.start);
            let mine = Interval::new(start, start.checked_add(length).unwrap_or(start));
            if length <= SignedDuration::ZERO {
                continue;
            }
            for booking in self.ix.booked(person, mine).filter(|b| b.dep != self.entry) {
                let mut c = self.conflict(
                    ConflictKind::Person,
                    booking.interval.intersection(&mine),
                    self.with(booking.dep, mine, booking.interval),
                );
                c.person = self.ix.people.id(person);
                let theirs =
                    self.ix.resolve(self.book, booking.dep).and_then(|(_, d)| d.steps.get(booking.step as usize));
                c.steps =
                    [self.deployment.steps.get(step), theirs].into_iter().flatten().map(|s| s.id.clone()).collect();
                out.conflicts.push(c);
                raise(booking.interval.end.checked_sub(offset).unwrap_or(booking.interval.end), &mut out);
            }
        }
        if let Some(env) = self.environment.filter(|_| self.ix.is_production(self.env))
            && !env.maintenance_windows.is_empty()
        {
            {
                let week = SignedDuration::from_hours(24 * 8);
                let around = Interval::new(
                    at.start.checked_sub(week).unwrap_or(at.start),
                    at.end.checked_add(week).unwrap_or(at.end),
                );
                if !fits(&maintenance_unions(env, around), at) {
                    let mut c = self.conflict(ConflictKind::Maintenance, at, vec![self.me()]);
                    c.environment = Some(env.id.clone());
                    out.conflicts.push(c);
                    out.outside_maintenance = true;
                }
            }
        }
        out
    }

    /// The earliest start at or after `from` where a window of `length` fits a maintenance window.
    fn next_maintenance_fit(&self, from: Timestamp, length: SignedDuration, until: Timestamp) -> Option<Timestamp> {
        let env = self.environment?;
        let back = from.checked_sub(SignedDuration::from_hours(24 * 8)).unwrap_or(from);
        let unions = maintenance_unions(env, Interval::new(back, until));
        unions.iter().filter(|u| u.end > from).find_map(|u| {
            let start = u.start.max(from);
            (start.duration_until(u.end) >= length).then_some(start)
        })
    }
}

/// The conflicts a deployment would have if its window were `at`.
pub fn conflicts_if_moved(book: &Book, ix: &ScheduleIndex, dep: &DeploymentRef, at: Interval) -> Vec<Conflict> {
    let Some(probe) = Probe::new(book, ix, dep) else { return Vec::new() };
    let mut conflicts = probe.check(at).conflicts;
    // Two steps of this runbook with one owner, running side by side.
    let steps = &probe.deployment.steps;
    let spans = super::steps::step_intervals(probe.deployment, at);
    for (i, a) in steps.iter().enumerate() {
        for (j, b) in steps.iter().enumerate().skip(i + 1) {
            let (Some(x), Some(y)) = (spans.get(i), spans.get(j)) else { continue };
            if a.owner.is_some() && a.owner == b.owner && x.overlaps(y) && x.length() > SignedDuration::ZERO {
                let mut c = probe.conflict(ConflictKind::Person, x.intersection(y), vec![probe.me()]);
                c.person = a.owner.clone();
                c.steps = vec![a.id.clone(), b.id.clone()];
                conflicts.push(c);
            }
        }
    }
    conflicts.sort_by_key(|a| (a.when.start, a.kind));
    conflicts
}

/// The earliest window of the deployment's length, starting at or after
/// `not_before`, without a conflict; `None` when there is none within
/// [`HORIZON_DAYS`] or the deployment is not in the index.
pub fn next_free_slot(book: &Book, ix: &ScheduleIndex, dep: &DeploymentRef, not_before: Timestamp) -> Option<Interval> {
    let probe = Probe::new(book, ix, dep)?;
    let length = ix.deps.get(probe.entry as usize)?.interval.length();
    let until = not_before.checked_add(SignedDuration::from_hours(24 * HORIZON_DAYS)).ok()?;
    let mut t = round_up_to_minute(not_before);
    for _ in 0..20_000 {
        if t > until {
            return None;
        }
        let at = Interval::new(t, t.checked_add(length).ok()?);
        let outcome = probe.check(at);
        if outcome.conflicts.is_empty() {
            return Some(at);
        }
        let mut next = outcome.bound.unwrap_or(t);
        if outcome.outside_maintenance {
            next = next.max(probe.next_maintenance_fit(t, length, until)?);
        }
        t = if next > t { next } else { t.checked_add(SignedDuration::from_mins(1)).ok()? };
    }
    None
}

fn round_up_to_minute(t: Timestamp) -> Timestamp {
    let secs = t.as_second();
    let rounded =
        secs.div_euclid(60) * 60 + if secs.rem_euclid(60) == 0 && t.subsec_nanosecond() == 0 { 0 } else { 60 };
    Timestamp::from_second(rounded).unwrap_or(t)
}
