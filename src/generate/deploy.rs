//! The plan parts of a release: decisions and deployments with their
//! runbooks; the sign-off parts are in `signoff`.

use super::calendar::TODAY;
use super::plan::{DR, PROD, Plan, STAGING, TEST};
use super::{Gen, prose};
use crate::model::{
    CriterionStatus, Decision, DecisionKind, Deployment, DeploymentMethod, Id, IdKind, Phase, Release, Role,
    RunbookStep,
};

/// Typical minutes for each step in [`prose::STEPS`].
const STEP_MINUTES: [i32; 10] = [10, 5, 15, 15, 10, 30, 5, 20, 30, 10];

/// Steps every runbook has: open the bridge, deploy, smoke test, close.
const CORE_STEPS: [usize; 4] = [0, 5, 7, 9];

/// Steps a runbook may add.
const EXTRA_STEPS: [usize; 6] = [1, 2, 3, 4, 6, 8];

impl Gen {
    /// Fills in everything between scope and review.
    pub(super) fn plan_parts(&mut self, plan: &Plan, cis: &[usize], r: &mut Release) {
        let owner = r.owner.clone();
        r.criteria = self.criteria(plan);
        let exception = plan.in_freeze.then(|| self.exception(plan, &owner));
        r.decisions.extend(exception.clone());
        if let Some(d) = self.occasional_decision(plan, &owner) {
            if d.kind == DecisionKind::Waiver
                && let Some(c) = r.criteria.iter_mut().find(|c| c.status == CriterionStatus::Met)
            {
                c.status = CriterionStatus::Waived;
                c.evidence = format!("Waived by {}.", d.id);
            }
            r.decisions.push(d);
        }
        let exception_id = exception.map(|d| d.id);
        for &(env, day) in &plan.deploys {
            let d = self.deployment(plan, env, day, cis, &owner, exception_id.clone());
            r.deployments.push(d);
        }
        r.approvals = self.approvals(plan);
        r.go_no_go = self.go_no_go(plan, &owner);
        r.backout = self.backout(plan);
        r.communications = self.communications(plan);
        r.agreements = self.agreements(plan);
    }

    /// The ECAB's exception for an emergency deployment inside a blackout.
    fn exception(&mut self, plan: &Plan, owner: &Option<Id>) -> Decision {
        let (title, rationale, outcome) = prose::EXCEPTION;
        let informed = [owner.clone(), self.one_of(|s| &s.service_owners)].into_iter().flatten().collect();
        Decision {
            id: self.book.ledger.next_id(IdKind::Decision),
            kind: DecisionKind::BlackoutException,
            title: title.to_owned(),
            rationale: rationale.to_owned(),
            decided_by: self.one_of(|s| &s.ecab),
            role: Some(Role::EcabMember),
            decided_at: Some(self.cal.ts(plan.prod, 11, 0)),
            informed,
            outcome: if plan.prod < TODAY { outcome.to_owned() } else { String::new() },
        }
    }

    /// About one release in eight records a decision; only decisions dated
    /// before "today" are kept.
    fn occasional_decision(&mut self, plan: &Plan, owner: &Option<Id>) -> Option<Decision> {
        if !self.rng.chance(12) {
            return None;
        }
        let which = self.rng.below(prose::DECISIONS.len());
        let (kind, title, rationale, outcome) = prose::DECISIONS[which];
        let kind = DecisionKind::ALL[kind];
        let (day, ok) = match kind {
            DecisionKind::Waiver | DecisionKind::GateOverride => {
                (plan.first_deploy - 1, plan.reached(Phase::Deployment))
            }
            DecisionKind::RiskAcceptance => (plan.build_start, plan.reached(Phase::BuildAndTest)),
            _ => (plan.build_start - 1, true),
        };
        if !ok || day >= TODAY {
            return None;
        }
        let (decided_by, role) = match kind {
            DecisionKind::RiskAcceptance => (self.one_of(|s| &s.service_owners), Role::ServiceOwner),
            DecisionKind::General => (owner.clone(), Role::ReleaseManager),
            _ => (self.one_of(|s| &s.change_managers), Role::ChangeManager),
        };
        let informed = [owner.clone(), self.one_of(|s| &s.stakeholders)].into_iter().flatten().collect();
        Some(Decision {
            id: self.book.ledger.next_id(IdKind::Decision),
            kind,
            title: title.to_owned(),
            rationale: rationale.to_owned(),
            decided_by,
            role: Some(role),
            decided_at: Some(self.cal.ts(day, 16, 0)),
            informed,
            outcome: outcome.to_owned(),
        })
    }

    /// A deployment to one environment, with a runbook of four to eight
    /// steps in which each step depends on earlier ones.
    fn deployment(
        &mut self,
        plan: &Plan,
        env: usize,
        day: i32,
        cis: &[usize],
        owner: &Option<Id>,
        exception: Option<Id>,
    ) -> Deployment {
        let (name, start, cap) = match env {
            TEST => ("Deploy to Test", 18 * 60, 240),
            STAGING if plan.emergency() => ("Staging verification", 14 * 60, 180),
            STAGING => ("Staging rehearsal", 19 * 60, 240),
            PROD if plan.emergency() => ("Emergency fix to production", 21 * 60, 179),
            PROD if plan.urgent() => ("Production hotfix", 20 * 60, 180),
            PROD => ("Production cut-over", 60, 240),
            DR => ("DR synchronisation", 6 * 60, 180),
            _ => ("Deployment", 9 * 60, 120),
        };
        let method = if env == PROD {
            DeploymentMethod::ALL[self.rng.weighted(&[25, 10, 15, 20, 25, 5])]
        } else if self.rng.chance(80) {
            DeploymentMethod::Automated
        } else {
            DeploymentMethod::Manual
        };
        let env_name = self.book.environments.get(env).map(|e| e.name.clone()).unwrap_or_default();
        let ci_names: Vec<String> =
            cis.iter().filter_map(|&c| self.book.config_items.get(c)).map(|c| c.name.clone()).collect();
        let ci_owners: Vec<Option<Id>> =
            cis.iter().filter_map(|&c| self.book.config_items.get(c)).map(|c| c.owner.clone()).collect();
        let id = self.book.ledger.next_id(IdKind::Deployment);
        let count = self.rng.range(4, 8) as usize;
        let mut chosen: Vec<usize> = CORE_STEPS.to_vec();
        chosen.extend(self.rng.sample(EXTRA_STEPS.len(), count - 4).into_iter().map(|i| EXTRA_STEPS[i]));
        chosen.sort_unstable();
        let mut steps: Vec<RunbookStep> = Vec::with_capacity(chosen.len());
        let mut parallel = false;
        for (j, &s) in chosen.iter().enumerate() {
            let (title, notes) = prose::STEPS[s];
            let ci = self.rng.below(ci_names.len().max(1));
            let ci_name = ci_names.get(ci).map_or("", String::as_str);
            let step_owner = match s {
                0 | 9 => owner.clone(),
                1 => self.one_of(|s| &s.change_managers),
                _ => ci_owners.get(ci).cloned().flatten(),
            };
            let ids = |k: usize| steps.get(k).map(|x: &RunbookStep| x.id.clone());
            let depends_on: Vec<Id> = if j == 0 {
                Vec::new()
            } else if parallel {
                parallel = false;
                [ids(j - 2), ids(j - 1)].into_iter().flatten().collect()
            } else if j >= 2 && j + 1 < chosen.len() && matches!(chosen[j - 1], 1 | 2) && self.rng.chance(60) {
                // The status-page notice and the snapshot run alongside the next step.
                parallel = true;
                ids(j - 2).into_iter().collect()
            } else {
                ids(j - 1).into_iter().collect()
            };
            let minutes = (STEP_MINUTES[s] + self.rng.range(-1, 2) * 5).max(5) as u32;
            steps.push(RunbookStep {
                id: self.book.ledger.next_id(IdKind::Step),
                title: prose::fill(title, ci_name, "", &env_name),
                owner: step_owner,
                duration_minutes: minutes,
                depends_on,
                notes: prose::fill(notes, ci_name, "", &env_name),
                done: day < TODAY,
            });
        }
        let total: u32 = steps.iter().map(|s| s.duration_minutes).sum();
        let exempt = self.cal.frozen(super::plan::kind(env), day);
        Deployment {
            id,
            name: name.to_owned(),
            environment: self.book.environments.get(env).map(|e| e.id.clone()).unwrap_or_default(),
            window: self.cal.window(day, start, (total + 30).min(cap)),
            method,
            config_items: cis.iter().filter_map(|&c| self.book.config_items.get(c)).map(|c| c.id.clone()).collect(),
            blackout_exception: exception.filter(|_| exempt),
            steps,
        }
    }
}
