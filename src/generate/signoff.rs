//! Sign-off parts of a release plan: acceptance criteria, approvals,
//! go/no-go, backout plan, communications and stakeholder agreements.
//! Each is filled in as far as the release's phase on "today" allows.

use super::calendar::TODAY;
use super::plan::Plan;
use super::{Gen, Staff, prose};
use crate::model::{
    Agreement, Approval, ApprovalDecision, BackoutPlan, Communication, Criterion, CriterionStatus, GoNoGo,
    GoNoGoVerdict, Id, IdKind, Phase, Role, Vote,
};

/// Picks the people of one role from the staff.
type Group = fn(&Staff) -> &Vec<Id>;

impl Gen {
    /// Three to six acceptance criteria: met once the release is deployed,
    /// partly assessed during Build & Test, pending before.
    pub(super) fn criteria(&mut self, plan: &Plan) -> Vec<Criterion> {
        let k = self.rng.range(3, 6) as usize;
        let chosen = self.rng.sample(prose::CRITERIA.len(), k);
        let mut out = Vec::with_capacity(k);
        for i in chosen {
            let (description, evidence) = prose::CRITERIA[i];
            let status = if plan.reached(Phase::Deployment) {
                CriterionStatus::Met
            } else if plan.reached(Phase::BuildAndTest) {
                CriterionStatus::ALL[self.rng.weighted(&[40, 50, 10, 0])]
            } else {
                CriterionStatus::Pending
            };
            let evidence = match status {
                CriterionStatus::Met => evidence.to_owned(),
                CriterionStatus::NotMet => "Failed first run; retest booked.".to_owned(),
                _ => String::new(),
            };
            let id = self.book.ledger.next_id(IdKind::Criterion);
            out.push(Criterion { id, description: description.to_owned(), status, evidence });
        }
        out
    }

    /// Two or three approvals (ECAB for emergencies), decided once the
    /// release has entered Deployment and sometimes during Build & Test.
    pub(super) fn approvals(&mut self, plan: &Plan) -> Vec<Approval> {
        let roles: [(Role, Group); 3] = if plan.emergency() {
            [
                (Role::EcabMember, |s| &s.ecab),
                (Role::ServiceOwner, |s| &s.service_owners),
                (Role::ChangeManager, |s| &s.change_managers),
            ]
        } else {
            [
                (Role::ChangeManager, |s| &s.change_managers),
                (Role::ServiceOwner, |s| &s.service_owners),
                (Role::CabMember, |s| &s.cab),
            ]
        };
        let k = self.rng.range(2, 3) as usize;
        let mut out = Vec::with_capacity(k);
        let mut taken: Vec<Id> = Vec::with_capacity(k);
        for (role, group) in roles.into_iter().take(k) {
            let person = self.one_of_except(group, &taken);
            taken.extend(person.clone());
            let early = plan.reached(Phase::BuildAndTest) && self.rng.chance(40);
            let day = if plan.emergency() {
                plan.prod
            } else if plan.reached(Phase::Deployment) {
                plan.first_deploy - self.rng.range(1, 4)
            } else {
                (plan.build_start + TODAY) / 2
            };
            let decided = plan.reached(Phase::Deployment) || (early && day < TODAY);
            let decision = match (decided, self.rng.chance(15)) {
                (false, _) => ApprovalDecision::Pending,
                (true, true) => ApprovalDecision::Conditional,
                (true, false) => ApprovalDecision::Approved,
            };
            let note = match decision {
                ApprovalDecision::Conditional => self.rng.word(prose::CONDITIONS),
                ApprovalDecision::Pending => "",
                _ => self.rng.word(prose::APPROVAL_NOTES),
            };
            let id = self.book.ledger.next_id(IdKind::Approval);
            let at = decided.then(|| self.cal.ts(day.max(plan.build_start), 11, 0));
            out.push(Approval { id, person, role: Some(role), decision, at, note: note.to_owned() });
        }
        out
    }

    /// The go/no-go checkpoint, with votes and a signed verdict once its day has passed.
    pub(super) fn go_no_go(&mut self, plan: &Plan, owner: &Option<Id>) -> GoNoGo {
        let hour = if plan.emergency() {
            17
        } else if plan.urgent() {
            12
        } else {
            14
        };
        let decided = plan.go_day < TODAY;
        let voters = [
            owner.clone(),
            self.one_of(|s| &s.service_owners),
            self.one_of(|s| &s.technical),
            self.one_of(|s| &s.change_managers),
        ];
        let k = self.rng.range(3, 4) as usize;
        let mut votes = Vec::with_capacity(k);
        for person in voters.into_iter().take(k) {
            let note = if decided { self.rng.word(prose::VOTE_NOTES).to_owned() } else { String::new() };
            let id = self.book.ledger.next_id(IdKind::Vote);
            votes.push(Vote { id, person, verdict: decided.then_some(GoNoGoVerdict::Go), note, at: None });
        }
        GoNoGo {
            scheduled: Some(self.cal.ts(plan.go_day, hour, 0)),
            votes,
            verdict: decided.then_some(GoNoGoVerdict::Go),
            signed_by: owner.clone().filter(|_| decided),
            signed_at: decided.then(|| self.cal.ts(plan.go_day, hour, 45)),
            notes: if decided { self.rng.word(prose::GO_NOTES).to_owned() } else { String::new() },
        }
    }

    /// The backout plan, tested before the first deployment.
    pub(super) fn backout(&mut self, plan: &Plan) -> BackoutPlan {
        let day = plan.first_deploy - self.rng.range(1, 3);
        let tested = plan.reached(Phase::Deployment)
            || (plan.reached(Phase::BuildAndTest) && day < TODAY && self.rng.chance(40));
        BackoutPlan {
            plan: self.rng.word(prose::BACKOUT_PLANS).to_owned(),
            trigger: self.rng.word(prose::BACKOUT_TRIGGERS).to_owned(),
            duration_minutes: (self.rng.range(4, 24) * 5) as u32,
            tested,
            tested_on: tested.then(|| self.cal.date(day.max(plan.build_start))),
        }
    }

    /// One to three communications around the production deployment.
    pub(super) fn communications(&mut self, plan: &Plan) -> Vec<Communication> {
        let offsets: [i32; 3] = if plan.urgent() { [-1, 0, 1] } else { [-7, -1, 1] };
        let k = self.rng.range(1, 3) as usize;
        let chosen = self.rng.sample(3, k);
        let mut out = Vec::with_capacity(k);
        for i in chosen {
            let day = plan.prod + offsets[i];
            let message = match i {
                0 if self.rng.chance(50) => 3,
                0 => 0,
                1 => 1,
                _ => 2,
            };
            out.push(Communication {
                id: self.book.ledger.next_id(IdKind::Communication),
                audience: self.rng.word(prose::AUDIENCES).to_owned(),
                channel: self.rng.word(prose::CHANNELS).to_owned(),
                date: Some(self.cal.date(day)),
                message: prose::MESSAGES.get(message).copied().unwrap_or_default().to_owned(),
                sent: day < TODAY,
            });
        }
        out
    }

    /// One or two stakeholders' agreement of the schedule, given during planning.
    pub(super) fn agreements(&mut self, plan: &Plan) -> Vec<Agreement> {
        let k = self.rng.range(1, 2);
        let mut out: Vec<Agreement> = Vec::with_capacity(k as usize);
        for _ in 0..k {
            let day = (plan.plan_start + self.rng.range(0, 4)).min(plan.build_start);
            let agreed = day < TODAY;
            let taken: Vec<Id> = out.iter().filter_map(|a| a.stakeholder.clone()).collect();
            out.push(Agreement {
                id: self.book.ledger.next_id(IdKind::Agreement),
                stakeholder: self.one_of_except(|s| &s.stakeholders, &taken),
                agreed,
                on: agreed.then(|| self.cal.date(day)),
                note: if agreed { self.rng.word(prose::AGREEMENT_NOTES).to_owned() } else { String::new() },
            });
        }
        out
    }
}
