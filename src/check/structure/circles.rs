//! S3: runbook steps that wait for each other in a circle, so that none of
//! them can start. Each finding names the steps and the dependency the
//! timing leaves out until the circle is broken (see
//! [`crate::schedule::step_order`]); a step that waits for itself is
//! reported with the other references.

use super::Checker;
use crate::edit::Path;
use crate::model::{Deployment, RunbookStep};
use crate::schedule::step_order::{Circle, step_order};

/// Circles of more steps than this are named by their first steps and last.
const NAMED: usize = 6;

impl<'a> Checker<'a> {
    /// S3: the circles of dependencies in the runbook of `d`, whose path is `at`.
    pub(crate) fn runbook_circles(&mut self, d: &Deployment, at: &dyn Fn() -> Path) {
        let order = step_order(&d.steps);
        let circles: Vec<&Circle> = order.circles.iter().filter(|c| c.steps.len() > 1).collect();
        for (k, c) in circles.iter().enumerate() {
            let mut message = circle_words(&d.steps, c);
            if k + 1 == circles.len() && order.more_circles > 0 {
                message.push_str(&format!(
                    " {} more dependencies in this runbook close circles too, and are left out the same way.",
                    order.more_circles
                ));
            }
            let waiting = &d.steps[c.steps[0]].id;
            self.error("S3", at().item("steps", waiting), "depends_on", message);
        }
    }
}

/// What a circle means, in words: who waits for whom, and what the times
/// shown leave out.
pub(crate) fn circle_words(steps: &[RunbookStep], c: &Circle) -> String {
    let id = |k: usize| steps[c.steps[k]].id.as_str();
    let (first, second) = (id(0), id(1));
    let n = c.steps.len();
    let until = format!("until then, times are worked out as if {first} did not wait for {second}.");
    if n == 2 {
        return format!(
            "{first} and {second} wait for each other, so neither can start. Remove one of the two dependencies; \
             {until}"
        );
    }
    let mut chain = format!("{first} waits for {second}");
    let shown = if n > NAMED { 4 } else { n };
    for k in 2..shown {
        chain.push_str(&format!(", which waits for {}", id(k)));
    }
    if n > NAMED {
        chain.push_str(&format!(", and so on through {} more steps to {}", n - shown - 1, id(n - 1)));
    }
    chain.push_str(&format!(", which waits for {first}"));
    format!(
        "{chain}: these {n} steps wait for each other in a circle, so none of them can start. Remove one of these \
         dependencies; {until}"
    )
}
