//! Conflicts on the release schedule, found by sorting and sweeping.
//!
//! Five rules, each a sweep over one sorted list of the [`ScheduleIndex`]:
//!
//! - two deployments to the same environment overlap;
//! - deployments of different releases to different environments touch the
//!   same configuration item at the same time (the same environment is the
//!   first rule already);
//! - a deployment falls inside a blackout window that covers its
//!   environment, and has no blackout exception (its `blackout_exception`
//!   names a decision of kind "blackout exception" of its release that
//!   says who decided and when);
//! - a person owns two runbook steps that run at the same time (steps run
//!   as [`super::steps`] places them);
//! - a deployment to a production environment does not fit inside one of
//!   the environment's maintenance windows (adjacent or overlapping windows
//!   count as one). A production environment without maintenance windows
//!   sets no limit.
//!
//! A sweep keeps only the entries still running at the current start, so
//! the work grows with the number of entries and the number of conflicts,
//! not with the square of the entries.

pub use super::windows::{fits, maintenance_unions};

use super::index::ScheduleIndex;
use super::{Interval, ItemKind};
use crate::model::{Book, Id};
use jiff::tz::TimeZone;
use std::collections::HashMap;

/// Which rule a conflict breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConflictKind {
    /// Two deployments to one environment at the same time.
    Environment,
    /// Two deployments change one configuration item at the same time.
    ConfigItem,
    /// A deployment inside a blackout without an approved exception.
    Blackout,
    /// A person owns two runbook steps at the same time.
    Person,
    /// A production deployment outside the maintenance windows.
    Maintenance,
}

impl ConflictKind {
    /// Every kind.
    pub const ALL: [ConflictKind; 5] = [
        ConflictKind::Environment,
        ConflictKind::ConfigItem,
        ConflictKind::Blackout,
        ConflictKind::Person,
        ConflictKind::Maintenance,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Environment => "Same environment",
            ConflictKind::ConfigItem => "Same configuration item",
            ConflictKind::Blackout => "Inside a blackout",
            ConflictKind::Person => "Person double-booked",
            ConflictKind::Maintenance => "Outside maintenance window",
        }
    }

    /// The kind of calendar item the conflict is about.
    pub fn item_kind(self) -> ItemKind {
        ItemKind::Deployment
    }
}

/// A deployment, by the ids of its release and itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeploymentRef {
    /// The release.
    pub release: Id,
    /// The deployment.
    pub deployment: Id,
}

/// One conflict on the schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Which rule.
    pub kind: ConflictKind,
    /// When: the time the two sides share, or the deployment's window.
    pub when: Interval,
    /// The deployments involved (one or two), earliest first.
    pub deployments: Vec<DeploymentRef>,
    /// The environment, for same-environment, blackout and maintenance conflicts.
    pub environment: Option<Id>,
    /// The configuration items both deployments change.
    pub config_items: Vec<Id>,
    /// The blackout window.
    pub blackout: Option<Id>,
    /// The person booked twice.
    pub person: Option<Id>,
    /// The two steps the person is booked on.
    pub steps: Vec<Id>,
    /// A recorded exception that does not count (missing, or not a blackout exception).
    pub invalid_exception: Option<Id>,
}

impl Conflict {
    pub(crate) fn new(kind: ConflictKind, when: Interval, deployments: Vec<DeploymentRef>) -> Self {
        Self {
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

    /// The release of the first deployment involved.
    pub fn release(&self) -> Option<&Id> {
        self.deployments.first().map(|d| &d.release)
    }

    /// Whether the conflict involves this deployment.
    pub fn involves(&self, deployment: &Id) -> bool {
        self.deployments.iter().any(|d| &d.deployment == deployment)
    }

    /// The conflict in words, with times in `tz`.
    pub fn describe(&self, book: &Book, tz: &TimeZone) -> String {
        super::describe::describe(self, book, tz)
    }
}

/// Every conflict on the book's schedule, ordered by time.
pub fn detect(book: &Book) -> Vec<Conflict> {
    detect_with(book, &ScheduleIndex::build(book))
}

/// Every conflict, from an index already built for `book`.
pub fn detect_with(book: &Book, ix: &ScheduleIndex) -> Vec<Conflict> {
    let mut out = Vec::new();
    let dep_ref =
        |i: u32| ix.resolve(book, i).map(|(r, d)| DeploymentRef { release: r.id.clone(), deployment: d.id.clone() });
    let pair = |a: u32, b: u32| [a, b].into_iter().filter_map(dep_ref).collect::<Vec<_>>();

    // Same environment: each group of overlapping deployments is one conflict.
    for (env, group) in groups(&ix.by_env, |&i| ix.deps[i as usize].env) {
        for_each_cluster(
            group,
            |&i| ix.deps[i as usize].interval,
            |cluster, when| {
                let mut c = Conflict::new(
                    ConflictKind::Environment,
                    when,
                    cluster.iter().filter_map(|&i| dep_ref(i)).collect(),
                );
                c.environment = ix.envs.id(env);
                c.config_items = shared_items(book, ix, cluster);
                out.push(c);
            },
        );
    }

    // Same configuration item, different releases and environments.
    let mut pairs: HashMap<(u32, u32), usize> = HashMap::new();
    let mut active: Vec<usize> = Vec::new();
    let mut current_ci = None;
    for (n, c) in ix.cis.iter().enumerate() {
        if current_ci != Some(c.ci) {
            active.clear();
            current_ci = Some(c.ci);
        }
        active.retain(|&a| ix.cis[a].interval.end > c.interval.start);
        for &a in &active {
            let other = &ix.cis[a];
            let (x, y) = (ix.deps[other.dep as usize], ix.deps[c.dep as usize]);
            if x.release == y.release || x.env == y.env || !other.interval.overlaps(&c.interval) {
                continue;
            }
            let key = (other.dep.min(c.dep), other.dep.max(c.dep));
            let ci = ix.items.id(c.ci);
            match pairs.get(&key) {
                Some(&k) => out[k].config_items.extend(ci),
                None => {
                    let mut conflict = Conflict::new(
                        ConflictKind::ConfigItem,
                        other.interval.intersection(&c.interval),
                        pair(other.dep, c.dep),
                    );
                    conflict.config_items.extend(ci);
                    pairs.insert(key, out.len());
                    out.push(conflict);
                }
            }
        }
        active.push(n);
    }

    super::windows::blackouts(book, ix, &mut out);

    // A person on two steps at once: each group of overlapping bookings is one conflict.
    for (person, group) in groups(&ix.steps, |s| s.person) {
        for_each_cluster(
            group,
            |s| s.interval,
            |cluster, when| {
                let mut deps: Vec<u32> = Vec::new();
                for s in cluster {
                    if !deps.contains(&s.dep) {
                        deps.push(s.dep);
                    }
                }
                let mut c =
                    Conflict::new(ConflictKind::Person, when, deps.iter().filter_map(|&d| dep_ref(d)).collect());
                c.person = ix.people.id(person);
                c.steps = cluster
                    .iter()
                    .filter_map(|s| ix.resolve(book, s.dep)?.1.steps.get(s.step as usize).map(|x| x.id.clone()))
                    .collect();
                out.push(c);
            },
        );
    }

    super::windows::maintenance(book, ix, &mut out);
    out.sort_by(|a, b| (a.when.start, a.kind, &a.deployments).cmp(&(b.when.start, b.kind, &b.deployments)));
    out
}

/// The configuration items that two or more of the deployments change.
fn shared_items(book: &Book, ix: &ScheduleIndex, deps: &[u32]) -> Vec<Id> {
    let lists: Vec<&[Id]> =
        deps.iter().filter_map(|&d| ix.resolve(book, d)).map(|(_, d)| d.config_items.as_slice()).collect();
    let mut shared: Vec<Id> = Vec::new();
    for (i, list) in lists.iter().enumerate() {
        for ci in list.iter() {
            if !shared.contains(ci) && lists[i + 1..].iter().any(|other| other.contains(ci)) {
                shared.push(ci.clone());
            }
        }
    }
    shared
}

/// The runs of a sorted slice that share a key.
fn groups<T, K: PartialEq + Copy>(sorted: &[T], key: impl Fn(&T) -> K) -> impl Iterator<Item = (K, &[T])> {
    let mut rest = sorted;
    std::iter::from_fn(move || {
        let first = key(rest.first()?);
        let n = rest.iter().take_while(|x| key(x) == first).count();
        let (group, tail) = rest.split_at(n);
        rest = tail;
        Some((first, group))
    })
}

/// Calls `f` for every cluster of two or more entries of `sorted` (sorted by
/// start) whose intervals overlap one after another, with the time from the
/// first overlap to the end of the last one.
fn for_each_cluster<T>(sorted: &[T], interval: impl Fn(&T) -> Interval, mut f: impl FnMut(&[T], Interval)) {
    let mut first = 0;
    let mut end = None;
    let mut shared: Option<Interval> = None;
    for (i, x) in sorted.iter().enumerate() {
        let at = interval(x);
        match end {
            Some(e) if at.start < e => {
                let overlap = Interval::new(at.start, at.end.min(e));
                shared = Some(match shared {
                    Some(s) => Interval::new(s.start.min(overlap.start), s.end.max(overlap.end)),
                    None => overlap,
                });
                end = Some(e.max(at.end));
            }
            _ => {
                if let (Some(when), true) = (shared, i - first > 1) {
                    f(&sorted[first..i], when);
                }
                first = i;
                end = Some(at.end);
                shared = None;
            }
        }
    }
    if let (Some(when), true) = (shared, sorted.len() - first > 1) {
        f(&sorted[first..], when);
    }
}
