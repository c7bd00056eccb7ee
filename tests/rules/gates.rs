//! Phase gates built on the rules: the risk gate G1, criteria and
//! blockers, decisions that turn blockers into warnings, the emergency fast
//! path, and the whole-book check that the window runs after every edit.

use super::*;

fn critical_risk(accepted_by_title: bool) -> impl FnOnce(&mut Book) {
    move |b: &mut Book| {
        b.risks.push(Risk {
            id: id("RISK-99"),
            title: "Acquirer outage during cut-over".into(),
            likelihood: 5,
            impact: 5,
            residual_likelihood: 4,
            residual_impact: 5,
            status: RiskStatus::Open,
            releases: vec![id("REL-1")],
            ..Risk::default()
        });
        if accepted_by_title {
            rel(b, "REL-1").decisions.push(Decision {
                id: id("DEC-93"),
                kind: DecisionKind::RiskAcceptance,
                title: "Accept: acquirer outage during cut-over".into(),
                rationale: "The acquirer's secondary route takes over within a minute.".into(),
                decided_by: Some(id("P-3")),
                role: Some(Role::ServiceOwner),
                decided_at: Some("2026-06-10T10:00:00Z".parse().expect("time")),
                informed: vec![id("P-1")],
                outcome: String::new(),
            });
        }
    }
}

#[test]
fn g1_the_risk_gate_needs_an_acceptance() {
    let found = breaks_exactly("G1", "REL-1", &base(), critical_risk(false), Severity::Error);
    assert_eq!(found[0].path(), "risks[RISK-99].residual_likelihood");
    assert_eq!(found[0].clause, "8.5.3 c");
    let mut accepted = base();
    critical_risk(true)(&mut accepted);
    assert!(process_findings(&accepted, TODAY).iter().all(|f| f.rule != "G1"));
    // Below the gate band (high, not critical), nothing blocks.
    let mut lower = base();
    critical_risk(false)(&mut lower);
    if let Some(r) = lower.risks.last_mut() {
        r.residual_likelihood = 3;
    }
    assert!(process_findings(&lower, TODAY).iter().all(|f| f.rule != "G1"));
}

#[test]
fn the_gate_lists_criteria_and_blockers() {
    let mut book = base();
    // REL-5 is in Build & Test with work left: moving it to Deployment is blocked.
    let g = gate(&book, &id("REL-5"), Phase::Deployment, TODAY);
    assert_eq!((g.from, g.to), (Phase::BuildAndTest, Phase::Deployment));
    assert!(g.is_blocked());
    let rules: BTreeSet<&str> = g.blocking.iter().map(|b| b.finding.rule).collect();
    for rule in ["R4", "R6", "R13", "R18", "R19"] {
        assert!(rules.contains(rule), "{rule} should block: {rules:?}");
    }
    assert!(g.blocking.iter().all(|b| !b.fix.is_empty() && b.finding.severity == Severity::Error));
    assert!(g.criteria.iter().any(|c| c.side == Side::Exit && c.rule == "R4" && !c.met()));
    assert!(g.criteria.iter().any(|c| c.side == Side::Entry && c.rule == "R19" && !c.met()));
    assert!(g.criteria.iter().any(|c| c.rule == "R10" && c.met()));
    // Not enforced: the same findings, but the move is not blocked.
    book.policy.gates.enforce = false;
    assert!(!gate(&book, &id("REL-5"), Phase::Deployment, TODAY).is_blocked());
}

#[test]
fn the_risk_gate_blocks_entering_deployment_until_the_risk_is_accepted() {
    let mut book = base();
    book.risks.push(Risk {
        id: id("RISK-98"),
        title: "Peak-volume latency on the new routing".into(),
        residual_likelihood: 5,
        residual_impact: 4,
        releases: vec![id("REL-5")],
        ..Risk::default()
    });
    let g = gate(&book, &id("REL-5"), Phase::Deployment, TODAY);
    let g1: Vec<&str> = g.blocking.iter().filter(|b| b.finding.rule == "G1").map(|b| b.fix).collect();
    assert_eq!(g1.len(), 1, "{:#?}", g.blocking);
    assert!(g1[0].contains("Risk acceptance decision"), "{}", g1[0]);
    assert!(g.blocking.iter().any(|b| b.finding.path() == "risks[RISK-98].residual_likelihood"));
    assert!(g.criteria.iter().any(|c| c.side == Side::Entry && c.rule == "G1" && !c.met()));
    rel(&mut book, "REL-5").decisions.push(Decision {
        id: id("DEC-97"),
        kind: DecisionKind::RiskAcceptance,
        title: "Accept RISK-98 for the first wave".into(),
        rationale: "Traffic is shifted to the new routing in 10 % steps.".into(),
        decided_by: Some(id("P-3")),
        role: Some(Role::ServiceOwner),
        decided_at: Some("2026-11-20T10:00:00Z".parse().expect("time")),
        informed: vec![id("P-1")],
        outcome: String::new(),
    });
    let g = gate(&book, &id("REL-5"), Phase::Deployment, TODAY);
    assert!(g.blocking.iter().all(|b| b.finding.rule != "G1"), "{:#?}", g.blocking);
    assert!(g.criteria.iter().any(|c| c.rule == "G1" && c.met()));
}

#[test]
fn an_override_decision_turns_the_blockers_into_warnings() {
    let mut book = base();
    let before = gate(&book, &id("REL-5"), Phase::Deployment, TODAY);
    let r5 = rel(&mut book, "REL-5");
    r5.decisions.push(Decision {
        id: id("DEC-94"),
        kind: DecisionKind::GateOverride,
        title: "Gate override: enter Deployment".into(),
        rationale: "Peak-volume test reruns in the first wave.".into(),
        decided_by: Some(id("P-3")),
        role: Some(Role::ServiceOwner),
        decided_at: Some("2026-11-27T10:00:00Z".parse().expect("time")),
        informed: vec![id("P-1"), id("P-2")],
        outcome: String::new(),
    });
    r5.phase = Phase::Deployment;
    let after: Vec<Finding> =
        process_findings(&book, TODAY).into_iter().filter(|f| f.release == Some(id("REL-5"))).collect();
    assert!(after.iter().all(|f| f.severity != Severity::Error), "{after:#?}");
    let overridden = after.iter().filter(|f| f.message.contains("overridden by decision DEC-94")).count();
    assert!(overridden >= before.blocking.len(), "{overridden} of {}", before.blocking.len());
}

#[test]
fn emergency_fast_path_gate_into_deployment_does_not_wait_for_the_ecab() {
    let mut book = base();
    let r3 = rel(&mut book, "REL-3");
    r3.phase = Phase::BuildAndTest;
    r3.approvals.iter_mut().for_each(|a| a.decision = ApprovalDecision::Pending);
    book.changes[2].authorisation = None;
    let g = gate(&book, &id("REL-3"), Phase::Deployment, TODAY);
    assert!(g.emergency);
    assert!(g.blocking.iter().all(|b| b.finding.rule != "R12" && b.finding.rule != "R4"), "{:#?}", g.blocking);
    let closing = gate(&book, &id("REL-3"), Phase::Closed, TODAY);
    assert!(closing.blocking.iter().any(|b| b.finding.rule == "R12"));
}

#[test]
fn the_whole_book_check_is_the_structural_then_the_process_findings() {
    let mut book = relplan::templates::example().expect("example");
    // A broken reference and a duplicate id, so every part has something to say.
    book.releases[0].owner = Some(relplan::model::Id::from("P-999"));
    let copy = book.releases[1].id.clone();
    if let Some(m) = book.releases[2].milestones.first_mut() {
        m.id = copy;
    }
    let today = jiff::civil::date(2026, 11, 27);
    let mut expected = relplan::check::structural_findings(&book);
    assert!(expected.iter().any(|f| f.rule == "S1") && expected.iter().any(|f| f.rule == "S3"), "{expected:?}");
    expected.extend(relplan::check::process_findings(&book, today));
    assert_eq!(relplan::check::all_findings(&book, today), expected);
}
