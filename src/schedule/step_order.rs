//! The order a runbook's steps can run in, and the circles of dependencies
//! that keep some of them from running at all.
//!
//! Steps are looked up by id through a map, so a runbook of thousands of
//! steps that each wait for all the earlier ones is ordered in time
//! proportional to its dependencies, not to their number times the steps.
//!
//! A circle (A waits for B, which waits for A) cannot be run as written.
//! So that times can still be shown, exactly one dependency of each circle
//! found is left out: walking the runbook from its last step back through
//! what each step waits for, the wait that leads back to a step already on
//! the way is the one left out. For a runbook meant to run in its listed
//! order that is the wait for a later step, the one that looks wrong.
//! Every place that shows times (calendar, release form, slides) uses this
//! order, and the check names each circle and the dependency left out.

use crate::model::{Id, RunbookStep};
use rustc_hash::FxHashMap;

/// At most this many circles are described; more are only counted.
pub const MAX_CIRCLES: usize = 20;

/// When the steps of a runbook run, and the circles that were broken to
/// work it out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepOrder {
    /// Start and end of each step, in minutes after the window opens, in
    /// the runbook's order: a step starts when the last step it waits for
    /// ends (the dependencies left out aside), or when the window opens.
    pub minutes: Vec<(u64, u64)>,
    /// The circles found, at most [`MAX_CIRCLES`] of them.
    pub circles: Vec<Circle>,
    /// How many more dependencies close circles than are described.
    pub more_circles: usize,
}

/// Steps that wait for each other in a circle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Circle {
    /// Positions of the steps: each waits for the next, and the last for
    /// the first. The first's wait for the second is the one left out. A
    /// single step is one that waits for itself.
    pub steps: Vec<usize>,
}

/// Step ids to positions: a scan for short runbooks, a map for long ones.
enum Lookup<'a> {
    Scan(&'a [RunbookStep]),
    Map(FxHashMap<&'a Id, usize>),
}

impl<'a> Lookup<'a> {
    fn new(steps: &'a [RunbookStep]) -> Self {
        if steps.len() <= 16 {
            return Lookup::Scan(steps);
        }
        let mut map = FxHashMap::with_capacity_and_hasher(steps.len(), Default::default());
        for (i, s) in steps.iter().enumerate() {
            // The first of two steps with one id is the one a dependency means.
            map.entry(&s.id).or_insert(i);
        }
        Lookup::Map(map)
    }

    fn get(&self, id: &Id) -> Option<usize> {
        match self {
            Lookup::Scan(steps) => steps.iter().position(|s| &s.id == id),
            Lookup::Map(map) => map.get(id).copied(),
        }
    }
}

/// Where a step is in the walk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    NotSeen,
    /// On the way being walked, at this depth.
    OnTheWay(usize),
    Placed,
}

/// Works out when the steps of a runbook run. Dependencies on steps that
/// are not in the runbook are ignored.
pub fn step_order(steps: &[RunbookStep]) -> StepOrder {
    let n = steps.len();
    let lookup = Lookup::new(steps);
    let mut out = StepOrder { minutes: vec![(0, 0); n], ..StepOrder::default() };
    let mut mark = vec![Mark::NotSeen; n];
    // The way walked so far: each step and how many of its dependencies
    // have been looked at. Kept on the heap, so a long chain cannot
    // overflow the stack.
    let mut way: Vec<(usize, usize)> = Vec::new();
    for root in (0..n).rev() {
        if mark[root] != Mark::NotSeen {
            continue;
        }
        mark[root] = Mark::OnTheWay(0);
        way.push((root, 0));
        while let Some(&mut (i, ref mut next)) = way.last_mut() {
            let Some(dep) = steps[i].depends_on.get(*next) else {
                // Everything i waits for is placed: so is i, and the step
                // that waits for it starts after it.
                mark[i] = Mark::Placed;
                let end = out.minutes[i].0.saturating_add(u64::from(steps[i].duration_minutes));
                out.minutes[i].1 = end;
                way.pop();
                if let Some(&(waiting, _)) = way.last() {
                    out.minutes[waiting].0 = out.minutes[waiting].0.max(end);
                }
                continue;
            };
            *next += 1;
            let Some(j) = lookup.get(dep) else { continue };
            match mark[j] {
                Mark::NotSeen => {
                    mark[j] = Mark::OnTheWay(way.len());
                    way.push((j, 0));
                }
                Mark::Placed => out.minutes[i].0 = out.minutes[i].0.max(out.minutes[j].1),
                Mark::OnTheWay(depth) => {
                    // i waits for j, which already waits (through the way)
                    // for i: this wait is left out.
                    if out.circles.len() < MAX_CIRCLES {
                        let mut circle: Vec<usize> = vec![i];
                        circle.extend(way[depth..way.len() - 1].iter().map(|&(k, _)| k));
                        out.circles.push(Circle { steps: circle });
                    } else {
                        out.more_circles += 1;
                    }
                }
            }
        }
    }
    out
}
