//! The book's deployments, configuration-item touches and runbook bookings,
//! each sorted once by (what, start), so that conflicts are found by one
//! sweep per list and a moved deployment is checked with binary searches.
//!
//! Entries refer to the book by position (release, deployment, step), so an
//! index is only valid for the book state it was built from; views rebuild
//! it when the book changes.

use super::Interval;
use super::items::ZoneCache;
use super::recur::instant;
use super::steps::step_minutes;
use crate::model::{Book, DecisionKind, Deployment, EnvironmentKind, Id, Release};
use jiff::SignedDuration;
use std::collections::HashMap;

/// A deployment in the index.
#[derive(Clone, Copy, Debug)]
pub struct DepEntry {
    /// Position of the release in the book.
    pub release: u32,
    /// Position of the deployment in its release.
    pub deployment: u32,
    /// The environment, as a number of this index.
    pub env: u32,
    /// When the window is.
    pub interval: Interval,
}

/// A configuration item touched by a deployment.
#[derive(Clone, Copy, Debug)]
pub struct CiEntry {
    /// The configuration item, as a number of this index.
    pub ci: u32,
    /// The deployment entry.
    pub dep: u32,
    /// When the deployment's window is.
    pub interval: Interval,
}

/// A person booked on a runbook step.
#[derive(Clone, Copy, Debug)]
pub struct StepEntry {
    /// The person, as a number of this index.
    pub person: u32,
    /// The deployment entry.
    pub dep: u32,
    /// Position of the step in its runbook.
    pub step: u32,
    /// When the step runs.
    pub interval: Interval,
    /// How long after the window opens the step starts.
    pub offset: SignedDuration,
}

/// FNV-1a: a fast hash for short keys such as ids (no protection against
/// crafted collisions is needed for a local file).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map keyed by ids, with [`Fnv`].
pub(crate) type IdMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Numbers for ids, handed out in order of first use.
#[derive(Clone, Debug, Default)]
pub(crate) struct Numbers {
    map: IdMap<String, u32>,
    ids: Vec<Id>,
}

impl Numbers {
    fn number(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.map.get(id) {
            return n;
        }
        let n = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.map.insert(id.to_owned(), n);
        self.ids.push(Id::from(id));
        n
    }

    /// The number of an id, if it is used anywhere.
    pub(crate) fn get(&self, id: &str) -> Option<u32> {
        self.map.get(id).copied()
    }

    /// The id of a number.
    pub(crate) fn id(&self, n: u32) -> Option<Id> {
        self.ids.get(n as usize).cloned()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The sorted lists conflicts are found in.
#[derive(Clone, Debug, Default)]
pub struct ScheduleIndex {
    /// Every deployment, in book order.
    pub deps: Vec<DepEntry>,
    /// Deployment entries sorted by (environment, start).
    pub by_env: Vec<u32>,
    /// Configuration-item touches sorted by (item, start).
    pub cis: Vec<CiEntry>,
    /// Runbook bookings sorted by (person, start).
    pub steps: Vec<StepEntry>,
    /// The time from the first deployment's start to the last one's end.
    pub span: Option<Interval>,
    pub(crate) envs: Numbers,
    pub(crate) items: Numbers,
    pub(crate) people: Numbers,
    /// Whether each environment number is a production environment.
    pub(crate) production: Vec<bool>,
    pub(crate) longest_dep: SignedDuration,
    pub(crate) longest_step: SignedDuration,
}

impl ScheduleIndex {
    /// Indexes every deployment of `book`.
    pub fn build(book: &Book) -> Self {
        let mut ix = ScheduleIndex::default();
        for env in &book.environments {
            let n = ix.envs.number(env.id.as_str()) as usize;
            ix.production.resize(ix.production.len().max(n + 1), false);
            ix.production[n] = env.kind == EnvironmentKind::Production;
        }
        let mut zones = ZoneCache::default();
        for (ri, release) in book.releases.iter().enumerate() {
            for (di, d) in release.deployments.iter().enumerate() {
                let tz = zones.get(&d.window.zone);
                let interval = Interval::new(instant(d.window.start, &tz), instant(d.window.end, &tz));
                let env = ix.envs.number(d.environment.as_str());
                let dep = u32::try_from(ix.deps.len()).unwrap_or(u32::MAX);
                ix.deps.push(DepEntry { release: ri as u32, deployment: di as u32, env, interval });
                ix.longest_dep = ix.longest_dep.max(interval.length());
                ix.span = Some(match ix.span {
                    Some(s) => Interval::new(s.start.min(interval.start), s.end.max(interval.end)),
                    None => interval,
                });
                for ci in &d.config_items {
                    let ci = ix.items.number(ci.as_str());
                    ix.cis.push(CiEntry { ci, dep, interval });
                }
                ix.add_steps(d, dep, interval);
            }
        }
        ix.production.resize(ix.envs.len(), false);
        let deps = &ix.deps;
        ix.by_env = (0..deps.len() as u32).collect();
        ix.by_env.sort_unstable_by_key(|&i| (deps[i as usize].env, deps[i as usize].interval.start));
        ix.cis.sort_unstable_by_key(|c| (c.ci, c.interval.start));
        ix.steps.sort_unstable_by_key(|s| (s.person, s.interval.start));
        ix
    }

    fn add_steps(&mut self, d: &Deployment, dep: u32, window: Interval) {
        if d.steps.iter().all(|s| s.owner.is_none()) {
            return;
        }
        for (si, ((from, to), step)) in step_minutes(&d.steps).into_iter().zip(&d.steps).enumerate() {
            let Some(owner) = step.owner.as_ref().filter(|_| to > from) else { continue };
            let minutes = |m: u64| SignedDuration::from_mins(i64::try_from(m).unwrap_or(i64::MAX / 120));
            let offset = minutes(from);
            let start = window.start.checked_add(offset).unwrap_or(window.start);
            let end = window.start.checked_add(minutes(to)).unwrap_or(start);
            let interval = Interval::new(start, end);
            self.longest_step = self.longest_step.max(interval.length());
            let person = self.people.number(owner.as_str());
            self.steps.push(StepEntry { person, dep, step: si as u32, interval, offset });
        }
    }

    /// The entry of the deployment with this id.
    pub fn entry_of(&self, book: &Book, deployment: &Id) -> Option<u32> {
        let at = self.deps.iter().position(|e| {
            book.releases
                .get(e.release as usize)
                .and_then(|r| r.deployments.get(e.deployment as usize))
                .is_some_and(|d| &d.id == deployment)
        })?;
        u32::try_from(at).ok()
    }

    /// The release and deployment of an entry.
    pub fn resolve<'a>(&self, book: &'a Book, dep: u32) -> Option<(&'a Release, &'a Deployment)> {
        let e = self.deps.get(dep as usize)?;
        let r = book.releases.get(e.release as usize)?;
        Some((r, r.deployments.get(e.deployment as usize)?))
    }

    /// Whether the environment number is a production environment.
    pub fn is_production(&self, env: u32) -> bool {
        self.production.get(env as usize).copied().unwrap_or(false)
    }

    /// Deployment entries in environment `env` that share time with `at`.
    pub fn in_environment(&self, env: u32, at: Interval) -> impl Iterator<Item = u32> + '_ {
        let deps = &self.deps;
        let lo = self.by_env.partition_point(|&i| deps[i as usize].env < env);
        let hi = self.by_env.partition_point(|&i| deps[i as usize].env <= env);
        let slice = &self.by_env[lo..hi];
        let stop = slice.partition_point(|&i| deps[i as usize].interval.start <= at.end);
        let earliest = at.start.checked_sub(self.longest_dep).unwrap_or(at.start);
        slice[..stop]
            .iter()
            .rev()
            .take_while(move |&&i| deps[i as usize].interval.start >= earliest)
            .copied()
            .filter(move |&i| deps[i as usize].interval.overlaps(&at))
    }

    /// Touches of configuration item `ci` that share time with `at`.
    pub fn touching(&self, ci: u32, at: Interval) -> impl Iterator<Item = &CiEntry> + '_ {
        let lo = self.cis.partition_point(|c| c.ci < ci);
        let hi = self.cis.partition_point(|c| c.ci <= ci);
        let slice = &self.cis[lo..hi];
        let stop = slice.partition_point(|c| c.interval.start <= at.end);
        let earliest = at.start.checked_sub(self.longest_dep).unwrap_or(at.start);
        slice[..stop]
            .iter()
            .rev()
            .take_while(move |c| c.interval.start >= earliest)
            .filter(move |c| c.interval.overlaps(&at))
    }

    /// Bookings of person `person` that share time with `at`.
    pub fn booked(&self, person: u32, at: Interval) -> impl Iterator<Item = &StepEntry> + '_ {
        let lo = self.steps.partition_point(|s| s.person < person);
        let hi = self.steps.partition_point(|s| s.person <= person);
        let slice = &self.steps[lo..hi];
        let stop = slice.partition_point(|s| s.interval.start <= at.end);
        let earliest = at.start.checked_sub(self.longest_step).unwrap_or(at.start);
        slice[..stop]
            .iter()
            .rev()
            .take_while(move |s| s.interval.start >= earliest)
            .filter(move |s| s.interval.overlaps(&at))
    }
}

/// Whether a deployment may go ahead inside a blackout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exception {
    /// No exception is recorded.
    None,
    /// A decision of kind "blackout exception", with who decided and when, allows it.
    Approved,
    /// The recorded exception is missing, is another kind of decision, or
    /// is not approved yet (it does not say who decided or when).
    NotValid(Id),
}

/// The state of a deployment's blackout exception. Only an approved
/// decision exempts: one of kind "blackout exception" that says who
/// decided and when.
pub fn exception(release: &Release, deployment: &Deployment) -> Exception {
    match &deployment.blackout_exception {
        None => Exception::None,
        Some(id) => match release.decisions.iter().find(|d| &d.id == id) {
            Some(d)
                if d.kind == DecisionKind::BlackoutException && d.decided_by.is_some() && d.decided_at.is_some() =>
            {
                Exception::Approved
            }
            _ => Exception::NotValid(id.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Decision;

    fn with_decision(decision: Decision) -> (Release, Deployment) {
        let deployment = Deployment { blackout_exception: Some(decision.id.clone()), ..Deployment::default() };
        let release = Release { decisions: vec![decision], ..Release::default() };
        (release, deployment)
    }

    fn exception_decision() -> Decision {
        Decision {
            id: Id::from("DEC-1"),
            kind: DecisionKind::BlackoutException,
            decided_by: Some(Id::from("P-1")),
            decided_at: Some(jiff::Timestamp::UNIX_EPOCH),
            ..Decision::default()
        }
    }

    #[test]
    fn only_an_approved_blackout_exception_exempts() {
        let (r, d) = with_decision(exception_decision());
        assert_eq!(exception(&r, &d), Exception::Approved, "who and when set");
        let (r, d) = with_decision(Decision { decided_by: None, ..exception_decision() });
        assert_eq!(exception(&r, &d), Exception::NotValid(Id::from("DEC-1")), "nobody decided");
        let (r, d) = with_decision(Decision { decided_at: None, ..exception_decision() });
        assert_eq!(exception(&r, &d), Exception::NotValid(Id::from("DEC-1")), "no time of decision");
        let (r, d) = with_decision(Decision { kind: DecisionKind::General, ..exception_decision() });
        assert_eq!(exception(&r, &d), Exception::NotValid(Id::from("DEC-1")), "another kind of decision");
        let (r, _) = with_decision(exception_decision());
        assert_eq!(exception(&r, &Deployment::default()), Exception::None, "none recorded");
    }
}
