//! New entities made from existing ones: a copy of a release, or a release
//! from a template, with fresh ids and references that fit the book.

use crate::model::{Book, Id, IdKind, Ledger, Phase, PhaseDates, Release, Risk};
use std::collections::BTreeMap;

/// Hands out ids after the book's counters without changing the book.
///
/// Committing the insert edit moves the book's counters past them.
pub struct IdPlanner {
    last: BTreeMap<String, u64>,
}

impl IdPlanner {
    /// Plans ids after those already handed out by `ledger`.
    pub fn new(ledger: &Ledger) -> Self {
        Self { last: ledger.last_ids.clone() }
    }

    /// The next id of a kind: the used-up one ([`Id::used_up_kind`]), which
    /// no edit accepts, once the kind's count is at its largest number.
    pub fn next(&mut self, kind: IdKind) -> Id {
        let n = self.last.entry(kind.prefix().to_owned()).or_insert(0);
        let id = Id::after(kind, *n);
        *n = n.saturating_add(1);
        id
    }
}

/// Gives every entity in a release a fresh id, keeping runbook
/// dependencies and blackout exceptions pointing at the renamed entities.
pub fn renumber(release: &mut Release, ids: &mut IdPlanner) {
    release.id = ids.next(IdKind::Release);
    release.milestones.iter_mut().for_each(|x| x.id = ids.next(IdKind::Milestone));
    release.deliverables.iter_mut().for_each(|x| x.id = ids.next(IdKind::Deliverable));
    release.affected_items.iter_mut().for_each(|x| x.id = ids.next(IdKind::AffectedItem));
    release.criteria.iter_mut().for_each(|x| x.id = ids.next(IdKind::Criterion));
    release.approvals.iter_mut().for_each(|x| x.id = ids.next(IdKind::Approval));
    release.go_no_go.votes.iter_mut().for_each(|x| x.id = ids.next(IdKind::Vote));
    release.communications.iter_mut().for_each(|x| x.id = ids.next(IdKind::Communication));
    release.agreements.iter_mut().for_each(|x| x.id = ids.next(IdKind::Agreement));
    release.review.incidents.iter_mut().for_each(|x| x.id = ids.next(IdKind::Incident));
    release.review.actions.iter_mut().for_each(|x| x.id = ids.next(IdKind::Action));
    release.actions.iter_mut().for_each(|x| x.id = ids.next(IdKind::Action));
    let mut decisions = BTreeMap::new();
    for d in &mut release.decisions {
        let new = ids.next(IdKind::Decision);
        decisions.insert(std::mem::replace(&mut d.id, new.clone()), new);
    }
    for dep in &mut release.deployments {
        dep.id = ids.next(IdKind::Deployment);
        let mut steps = BTreeMap::new();
        for s in &mut dep.steps {
            let new = ids.next(IdKind::Step);
            steps.insert(std::mem::replace(&mut s.id, new.clone()), new);
        }
        for s in &mut dep.steps {
            s.depends_on = s.depends_on.iter().filter_map(|d| steps.get(d).cloned()).collect();
        }
        dep.blackout_exception = dep.blackout_exception.as_ref().and_then(|d| decisions.get(d).cloned());
    }
}

/// A copy of a release to plan again: fresh ids, back in Planning, with the
/// plan kept and everything decided or recorded about the original cleared.
pub fn copy_release(book: &Book, original: &Release) -> Release {
    let mut r = original.clone();
    renumber(&mut r, &mut IdPlanner::new(&book.ledger));
    r.name = format!("Copy of {}", original.name);
    r.phase = Phase::Planning;
    for dates in
        [&mut r.phases.planning, &mut r.phases.build_and_test, &mut r.phases.deployment, &mut r.phases.review_and_close]
    {
        *dates = PhaseDates { actual_start: None, actual_end: None, ..dates.clone() };
    }
    r.milestones.iter_mut().for_each(|m| m.done = false);
    r.criteria.iter_mut().for_each(|c| {
        c.status = crate::model::CriterionStatus::Pending;
        c.evidence.clear();
    });
    r.approvals.iter_mut().for_each(|a| {
        a.decision = crate::model::ApprovalDecision::Pending;
        a.at = None;
    });
    r.deployments.iter_mut().flat_map(|d| d.steps.iter_mut()).for_each(|s| s.done = false);
    r.deployments.iter_mut().for_each(|d| d.blackout_exception = None);
    r.go_no_go = crate::model::GoNoGo::default();
    r.backout.tested = false;
    r.backout.tested_on = None;
    r.communications.iter_mut().for_each(|c| c.sent = false);
    r.agreements.iter_mut().for_each(|a| {
        a.agreed = false;
        a.on = None;
    });
    r.decisions.clear();
    r.baseline_recorded_on = None;
    r.review = crate::model::Review::default();
    r
}

/// A release (and its risks) from a template book, fitted to `book`: fresh
/// ids; the release type, environments, people and configuration items
/// matched by name, and references with no match cleared.
pub fn release_from_template(book: &Book, template: &Book) -> Option<(Release, Vec<Risk>)> {
    let original = template.releases.first()?;
    let mut ids = IdPlanner::new(&book.ledger);
    let mut r = original.clone();
    renumber(&mut r, &mut ids);
    let by_name = |from: &[(Id, String)], to: &[(Id, String)], id: &Id| -> Option<Id> {
        let name = &from.iter().find(|(i, _)| i == id)?.1;
        to.iter().find(|(_, n)| n.eq_ignore_ascii_case(name)).map(|(i, _)| i.clone())
    };
    let pairs = |v: Vec<(Id, String)>| v;
    let t_types = pairs(template.policy.release_types.iter().map(|t| (t.id.clone(), t.name.clone())).collect());
    let b_types = pairs(book.policy.release_types.iter().map(|t| (t.id.clone(), t.name.clone())).collect());
    r.release_type = by_name(&t_types, &b_types, &r.release_type)
        .or_else(|| book.policy.release_types.first().map(|t| t.id.clone()))
        .unwrap_or_default();
    let t_envs: Vec<_> = template.environments.iter().map(|e| (e.id.clone(), e.name.clone())).collect();
    let b_envs: Vec<_> = book.environments.iter().map(|e| (e.id.clone(), e.name.clone())).collect();
    let t_people: Vec<_> = template.people.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
    let b_people: Vec<_> = book.people.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
    let t_cis: Vec<_> = template.config_items.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let b_cis: Vec<_> = book.config_items.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let person = |p: &Option<Id>| p.as_ref().and_then(|p| by_name(&t_people, &b_people, p));
    r.owner = person(&r.owner);
    for d in &mut r.deployments {
        let env_kind = template.environment(&d.environment).map(|e| e.kind);
        d.environment = by_name(&t_envs, &b_envs, &d.environment)
            .or_else(|| book.environments.iter().find(|e| Some(e.kind) == env_kind).map(|e| e.id.clone()))
            .unwrap_or_default();
        d.config_items = d.config_items.iter().filter_map(|c| by_name(&t_cis, &b_cis, c)).collect();
        d.steps.iter_mut().for_each(|s| s.owner = person(&s.owner));
    }
    r.affected_items.retain_mut(|a| match by_name(&t_cis, &b_cis, &a.config_item) {
        Some(c) => {
            a.config_item = c;
            true
        }
        None => false,
    });
    r.approvals.iter_mut().for_each(|a| a.person = person(&a.person));
    r.go_no_go.votes.iter_mut().for_each(|v| v.person = person(&v.person));
    r.go_no_go.signed_by = person(&r.go_no_go.signed_by);
    r.agreements.iter_mut().for_each(|a| a.stakeholder = person(&a.stakeholder));
    r.review.actions.iter_mut().for_each(|a| a.owner = person(&a.owner));
    r.actions.iter_mut().for_each(|a| a.owner = person(&a.owner));
    r.decisions.iter_mut().for_each(|d| {
        d.decided_by = person(&d.decided_by);
        d.informed = d.informed.iter().filter_map(|p| by_name(&t_people, &b_people, p)).collect();
    });
    r.scope.changes.clear();
    r.scope.resolves.clear();
    r.scope.ships_with.clear();
    let risks = template
        .risks_of(&original.id)
        .map(|risk| {
            let mut risk = risk.clone();
            risk.id = ids.next(IdKind::Risk);
            risk.owner = person(&risk.owner);
            risk.releases = vec![r.id.clone()];
            risk
        })
        .collect();
    Some((r, risks))
}
