//! When each runbook step runs.
//!
//! A deployment's steps start when its window opens. A step that depends on
//! other steps of the same runbook starts when the last of them ends; a step
//! without dependencies starts when the window opens, alongside the others
//! (the release form's runbook timing works the same way). Dependencies on
//! steps that are not in the runbook are ignored. Steps caught in a circle
//! of dependencies start after those of their dependencies that could be
//! placed.

use super::Interval;
use crate::model::{Deployment, RunbookStep};
use jiff::SignedDuration;

/// Start and end of each step, in minutes after the window opens, in the runbook's order.
pub fn step_minutes(steps: &[RunbookStep]) -> Vec<(u64, u64)> {
    let length = |i: usize| u64::from(steps[i].duration_minutes);
    let position = |id: &crate::model::Id| steps.iter().position(|s| &s.id == id);
    // Usual case: every step depends only on steps listed before it, so
    // one pass in order places them all.
    let mut out: Vec<(u64, u64)> = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        let mut start = 0;
        for dep in &step.depends_on {
            match position(dep) {
                Some(j) if j < i => start = start.max(out[j].1),
                Some(_) => return step_minutes_in_any_order(steps),
                None => {}
            }
        }
        out.push((start, start + length(i)));
    }
    out
}

/// [`step_minutes`] for runbooks whose steps depend on steps listed after them.
fn step_minutes_in_any_order(steps: &[RunbookStep]) -> Vec<(u64, u64)> {
    let n = steps.len();
    let position = |id: &crate::model::Id| steps.iter().position(|s| &s.id == id);
    let deps: Vec<Vec<usize>> = steps.iter().map(|s| s.depends_on.iter().filter_map(position).collect()).collect();
    let mut waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
    let mut dependants: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, ds) in deps.iter().enumerate() {
        for &j in ds {
            dependants[j].push(i);
        }
    }
    let mut start = vec![0_u64; n];
    let mut ready: Vec<usize> = (0..n).filter(|&i| waiting[i] == 0).rev().collect();
    let length = |i: usize| u64::from(steps[i].duration_minutes);
    while let Some(i) = ready.pop() {
        let end = start[i] + length(i);
        for &k in &dependants[i] {
            start[k] = start[k].max(end);
            waiting[k] -= 1;
            if waiting[k] == 0 {
                ready.push(k);
            }
        }
    }
    (0..n).map(|i| (start[i], start[i] + length(i))).collect()
}

/// When each step of a deployment runs, given when its window opens.
pub fn step_intervals(deployment: &Deployment, window: Interval) -> Vec<Interval> {
    step_minutes(&deployment.steps)
        .into_iter()
        .map(|(from, to)| {
            let at = |m: u64| {
                let d = SignedDuration::from_mins(i64::try_from(m).unwrap_or(i64::MAX / 120));
                window.start.checked_add(d).unwrap_or(window.start)
            };
            Interval::new(at(from), at(to))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn step(id: &str, minutes: u32, deps: &[&str]) -> RunbookStep {
        RunbookStep {
            id: Id::from(id),
            duration_minutes: minutes,
            depends_on: deps.iter().map(|d| Id::from(*d)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn steps_follow_their_dependencies() {
        let steps = [
            step("S-1", 30, &[]),
            step("S-2", 20, &["S-1"]),
            step("S-3", 10, &["S-1"]),
            step("S-4", 5, &["S-2", "S-3"]),
        ];
        assert_eq!(step_minutes(&steps), vec![(0, 30), (30, 50), (30, 40), (50, 55)]);
    }

    #[test]
    fn a_step_may_depend_on_a_later_one() {
        let steps = [step("S-1", 30, &["S-2"]), step("S-2", 20, &[]), step("S-3", 10, &["S-1"])];
        assert_eq!(step_minutes(&steps), vec![(20, 50), (0, 20), (50, 60)]);
    }

    #[test]
    fn a_circle_does_not_hang() {
        let steps = [step("S-1", 30, &["S-2"]), step("S-2", 20, &["S-1"]), step("S-3", 10, &[])];
        assert_eq!(step_minutes(&steps), vec![(0, 30), (0, 20), (0, 10)]);
    }
}
