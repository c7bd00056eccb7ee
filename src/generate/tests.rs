//! Tests of the generator.

use super::generate;
use crate::model::{DecisionKind, IdKind, Phase, all_ids};
use std::collections::BTreeSet;

#[test]
fn same_seed_gives_equal_books() {
    assert_eq!(generate(40, 7), generate(40, 7));
}

#[test]
fn different_seeds_differ() {
    assert_ne!(generate(40, 7), generate(40, 8));
}

#[test]
fn fifty_releases_have_no_structural_findings() {
    let book = generate(50, 1);
    let findings = crate::check::structural_findings(&book);
    assert!(findings.is_empty(), "{}", findings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
}

#[test]
fn many_seeds_have_no_structural_findings() {
    for seed in 0..20 {
        let book = generate(120, seed);
        let findings = crate::check::structural_findings(&book);
        assert!(findings.is_empty(), "seed {seed}: {}", findings[0]);
    }
}

#[test]
fn release_count_equals_request() {
    for n in [0, 1, 2, 13, 50] {
        assert_eq!(generate(n, 3).releases.len(), n);
    }
}

#[test]
fn releases_have_all_parts() {
    let book = generate(50, 11);
    for r in &book.releases {
        assert!(!r.name.is_empty() && !r.summary.is_empty(), "{}", r.id);
        assert!((3..=5).contains(&r.milestones.len()), "{}", r.id);
        assert!(!r.scope.changes.is_empty(), "{}", r.id);
        assert!((2..=4).contains(&r.deliverables.len()), "{}", r.id);
        assert!(r.deliverables.iter().all(|d| !d.dml_location.is_empty() && d.checksum.len() == 71));
        assert!(!r.affected_items.is_empty(), "{}", r.id);
        assert!((2..=3).contains(&r.deployments.len()), "{}", r.id);
        for d in &r.deployments {
            assert!((4..=8).contains(&d.steps.len()), "{}", d.id);
            assert!(d.steps.iter().all(|s| s.owner.is_some() && s.duration_minutes > 0));
            assert!(d.steps.iter().skip(1).all(|s| !s.depends_on.is_empty()));
        }
        assert!((3..=6).contains(&r.criteria.len()), "{}", r.id);
        assert!((2..=3).contains(&r.approvals.len()), "{}", r.id);
        assert!(!r.go_no_go.votes.is_empty() && r.go_no_go.scheduled.is_some(), "{}", r.id);
        assert!(!r.backout.plan.is_empty(), "{}", r.id);
        assert!((1..=3).contains(&r.communications.len()), "{}", r.id);
        assert!(!r.agreements.is_empty(), "{}", r.id);
        let risks: Vec<_> = book.risks_of(&r.id).collect();
        assert!((8..=12).contains(&risks.len()), "{}", r.id);
        let categories: BTreeSet<_> = risks.iter().map(|k| k.category).collect();
        assert_eq!(categories.len(), 4, "{}", r.id);
        assert!(risks.iter().all(|k| k.residual_score() <= k.inherent_score() && k.owner.is_some()));
        if r.phase == Phase::Closed {
            assert!(r.review.outcome.is_some() && r.review.completed_on.is_some(), "{}", r.id);
            assert!(!r.review.conclusions.is_empty() && !r.review.actions.is_empty(), "{}", r.id);
        }
    }
}

#[test]
fn phases_follow_today() {
    let book = generate(200, 5);
    let count = |p: Phase| book.releases.iter().filter(|r| r.phase == p).count();
    assert!(count(Phase::Closed) > 50, "{}", count(Phase::Closed));
    assert!(count(Phase::Planning) > 50, "{}", count(Phase::Planning));
    assert!(count(Phase::BuildAndTest) + count(Phase::Deployment) > 0);
}

#[test]
fn ledger_counters_match_the_ids() {
    let book = generate(30, 2);
    let mut fresh = crate::model::Ledger::default();
    for id in all_ids(&book) {
        fresh.note_existing(&id);
    }
    assert_eq!(fresh.last_ids, book.ledger.last_ids);
    assert_eq!(book.policy.release_types.len(), 7);
    assert!(book.policy.release_types.iter().any(|t| t.emergency));
    assert_eq!(book.environments.len(), 5);
    assert!((30..=60).contains(&book.people.len()));
    assert_eq!(book.ledger.last_ids.get(IdKind::Release.prefix()), Some(&30));
}

#[test]
fn deployments_avoid_blackouts_unless_excepted() {
    let book = generate(300, 4);
    let mut g = super::Gen::new(0, 0);
    g.policy(0);
    g.people(0);
    g.environments();
    g.blackouts();
    let mut exceptions = 0;
    for r in &book.releases {
        for d in &r.deployments {
            let kind = book.environment(&d.environment).map(|e| e.kind).unwrap_or_default();
            if g.cal.frozen(kind, g.cal.offset(d.window.start.date())) {
                let x = d.blackout_exception.as_ref();
                assert!(x.is_some(), "{} {} is in a blackout", r.id, d.id);
                assert!(r.decisions.iter().any(|k| Some(&k.id) == x && k.kind == DecisionKind::BlackoutException));
                exceptions += 1;
            }
        }
    }
    assert!(exceptions < 30, "{exceptions}");
}

#[test]
fn planned_deployments_fall_in_maintenance_windows() {
    let book = generate(300, 6);
    let emergency = book.policy.release_types.iter().find(|t| t.emergency).map(|t| t.id.clone());
    for r in book.releases.iter().filter(|r| Some(&r.release_type) != emergency.as_ref()) {
        for d in &r.deployments {
            let env = book.environment(&d.environment);
            let windows = env.map(|e| e.maintenance_windows.as_slice()).unwrap_or_default();
            let fits = windows.iter().any(|m| {
                m.window.start.weekday() == d.window.start.weekday()
                    && m.window.start.time() <= d.window.start.time()
                    && d.window.end.time() <= m.window.end.time()
            });
            assert!(fits, "{} {} {:?}", r.id, d.id, d.window);
        }
    }
}

#[test]
fn nobody_approves_twice() {
    let book = generate(100, 9);
    for r in &book.releases {
        let people: BTreeSet<_> = r.approvals.iter().filter_map(|a| a.person.clone()).collect();
        assert_eq!(people.len(), r.approvals.len(), "{}", r.id);
    }
}
