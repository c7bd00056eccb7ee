//! When each runbook step runs.
//!
//! A deployment's steps start when its window opens. A step that depends on
//! other steps of the same runbook starts when the last of them ends; a step
//! without dependencies starts when the window opens, alongside the others
//! (the release form's runbook timing is this one). Dependencies on steps
//! that are not in the runbook are ignored. Where steps wait for each other
//! in a circle, the one dependency that closes each circle is left out (see
//! [`super::step_order`], which also names it for the check).

use super::Interval;
use super::step_order::step_order;
use crate::model::{Deployment, RunbookStep};
use jiff::SignedDuration;

/// Start and end of each step, in minutes after the window opens, in the runbook's order.
pub fn step_minutes(steps: &[RunbookStep]) -> Vec<(u64, u64)> {
    step_order(steps).minutes
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
    fn a_circle_leaves_out_the_wait_for_a_later_step() {
        // S-1 waits for S-2, which waits for S-1: S-1's wait for the later
        // S-2 is left out, so the steps run in the listed order.
        let steps = [step("S-1", 30, &["S-2"]), step("S-2", 20, &["S-1"]), step("S-3", 10, &[])];
        assert_eq!(step_minutes(&steps), vec![(0, 30), (30, 50), (0, 10)]);
        let steps = [step("S-1", 5, &["S-1"]), step("S-2", 5, &["S-1"])];
        assert_eq!(step_minutes(&steps), vec![(0, 5), (5, 10)], "a step waiting for itself waits for nothing");
    }

    #[test]
    fn a_long_runbook_is_timed_by_id_not_by_scanning() {
        // Step i waits for every earlier step: 2000 steps, two million dependencies.
        let ids: Vec<String> = (0..2000).map(|i| format!("S-{i}")).collect();
        let steps: Vec<RunbookStep> = (0..ids.len())
            .map(|i| RunbookStep {
                id: crate::model::Id::from(ids[i].as_str()),
                duration_minutes: 1,
                depends_on: ids[..i].iter().map(|d| crate::model::Id::from(d.as_str())).collect(),
                ..Default::default()
            })
            .collect();
        let started = std::time::Instant::now();
        let minutes = step_minutes(&steps);
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
        assert_eq!(minutes[1999], (1999, 2000));
    }
}
