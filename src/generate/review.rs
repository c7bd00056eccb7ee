//! The post-implementation review of a release that has been deployed.

use super::calendar::TODAY;
use super::plan::{ELS_DAYS, Plan};
use super::{Gen, prose};
use crate::model::{Action, Incident, Outcome, Phase, Release, Review};

impl Gen {
    /// Closed releases get a completed review; releases in Review & Close
    /// get the outcome and the incidents raised so far; others none yet.
    pub(super) fn review(&mut self, plan: &Plan, cis: &[usize], r: &mut Release) {
        if !plan.reached(Phase::ReviewAndClose) {
            return;
        }
        let closed = plan.reached(Phase::Closed);
        let outcome = Outcome::ALL[self.rng.weighted(&[82, 14, 4])];
        let count = match outcome {
            Outcome::Success => self.rng.range(0, 1),
            Outcome::Partial => self.rng.range(1, 3),
            Outcome::Failed => self.rng.range(2, 4),
        };
        let ci_name = |g: &Gen, k: usize| {
            cis.get(k % cis.len().max(1)).and_then(|&c| g.book.config_items.get(c)).map(|c| c.name.clone())
        };
        let mut review = Review { outcome: Some(outcome), ..Review::default() };
        for k in 0..count {
            let day = plan.prod + self.rng.range(0, ELS_DAYS - 1);
            if day >= TODAY {
                continue;
            }
            let ci = ci_name(self, k as usize).unwrap_or_default();
            let title = prose::fill(self.rng.word(prose::INCIDENTS), &ci, "", "");
            let id = self.book.ledger.next_id(crate::model::IdKind::Incident);
            // Incident numbers rise with the ids, with gaps for other services' incidents.
            let number = 410_000 + id.number().map_or(0, |(_, n)| n as usize) * 40 + self.rng.below(40);
            review.incidents.push(Incident {
                id,
                reference: format!("INC0{number}"),
                title,
                raised_on: Some(self.cal.date(day)),
            });
        }
        if closed {
            let picks = self.rng.sample(prose::CONCLUSIONS.len(), 2);
            let mut text = match outcome {
                Outcome::Success => "Release met its objectives.".to_owned(),
                Outcome::Partial => "Release delivered with issues in early life support.".to_owned(),
                Outcome::Failed => "Release was backed out and will be re-planned.".to_owned(),
            };
            for p in picks {
                text.push(' ');
                text.push_str(prose::CONCLUSIONS[p]);
            }
            review.conclusions = text;
            for k in 0..self.rng.range(1, 2) {
                let ci = ci_name(self, k as usize).unwrap_or_default();
                let due = plan.review_end + self.rng.range(14, 60);
                review.actions.push(Action {
                    id: self.book.ledger.next_id(crate::model::IdKind::Action),
                    title: prose::fill(self.rng.word(prose::ACTIONS), &ci, "", ""),
                    owner: self.one_of(|s| &s.technical),
                    due: Some(self.cal.date(due)),
                    done: due < TODAY,
                });
            }
            review.completed_on = Some(self.cal.date(plan.review_end));
        }
        r.review = review;
    }
}
