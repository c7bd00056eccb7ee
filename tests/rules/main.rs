//! The ISO/IEC 20000 process rules: for each rule R1–R20 and the risk gate
//! G1, a book that breaks exactly that rule and a book that satisfies it;
//! severities that follow the release's phase; the emergency fast path;
//! the example and generated books; and, in `gates.rs`, the phase gate.
//!
//! Every book starts from the bundled example, whose closed release REL-1
//! is made spotless first (its deployments touch the payments database,
//! which gets a baseline entry), so that one change breaks one rule.

use jiff::civil::{Date, date};
use relplan::check::gate::{Side, gate};
use relplan::check::{Finding, Severity, process_findings};
use relplan::model::{
    AffectedItem, ApprovalDecision, Book, CriterionStatus, Decision, DecisionKind, Frequency, FrequencyUnit,
    GoNoGoVerdict, Id, Phase, Release, Risk, RiskStatus, Role,
};
use std::collections::BTreeSet;

const TODAY: Date = date(2026, 11, 27);

fn id(s: &str) -> Id {
    Id::from(s)
}

/// The example book with REL-1 free of findings.
fn base() -> Book {
    let mut book = relplan::templates::example().expect("the example book opens");
    rel(&mut book, "REL-1").affected_items.push(AffectedItem {
        id: id("AFF-99"),
        config_item: id("CI-4"),
        baseline_version: "16.4 (schema V118)".into(),
        target_version: "16.4 (schema V119)".into(),
    });
    book
}

fn rel<'a>(book: &'a mut Book, which: &str) -> &'a mut Release {
    book.releases.iter_mut().find(|r| r.id.as_str() == which).expect("release exists")
}

fn findings_of<'a>(findings: &'a [Finding], which: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.release.as_ref().is_some_and(|r| r.as_str() == which)).collect()
}

/// The rules that have findings in `bad` which `ok` does not have.
fn new_rules(ok: &Book, bad: &Book) -> BTreeSet<&'static str> {
    let before = process_findings(ok, TODAY);
    process_findings(bad, TODAY).into_iter().filter(|f| !before.contains(f)).map(|f| f.rule).collect()
}

/// In `ok`, release `which` has no finding of `rule`; `break_it` applied
/// to `ok` adds findings of `rule` and of no other rule, the worst of them
/// `worst`. Returns the new findings.
fn breaks_exactly(
    rule: &str,
    which: &str,
    ok: &Book,
    break_it: impl FnOnce(&mut Book),
    worst: Severity,
) -> Vec<Finding> {
    let before = process_findings(ok, TODAY);
    let mine: Vec<&Finding> = findings_of(&before, which).into_iter().filter(|f| f.rule == rule).collect();
    assert!(mine.is_empty(), "{rule} already found for {which} in the good book: {mine:#?}");
    let mut bad = ok.clone();
    break_it(&mut bad);
    assert_eq!(new_rules(ok, &bad), BTreeSet::from([rule]), "breaking {rule}");
    let found: Vec<Finding> =
        process_findings(&bad, TODAY).into_iter().filter(|f| f.rule == rule && !before.contains(f)).collect();
    assert_eq!(found.iter().map(|f| f.severity).max(), Some(worst), "{found:#?}");
    for f in &found {
        assert!(!f.message.is_empty() && !f.clause.is_empty(), "{f:?}");
    }
    found
}

#[test]
fn the_clean_release_has_no_findings() {
    let all = process_findings(&base(), TODAY);
    assert!(findings_of(&all, "REL-1").is_empty(), "{:#?}", findings_of(&all, "REL-1"));
    assert!(findings_of(&all, "REL-3").is_empty(), "{:#?}", findings_of(&all, "REL-3"));
}

#[test]
fn r1_the_policy_has_an_emergency_type() {
    let found = breaks_exactly(
        "R1",
        "REL-1",
        &base(),
        |b| b.policy.release_types.iter_mut().for_each(|t| t.emergency = false),
        Severity::Warning,
    );
    assert_eq!(found[0].path(), "policy.release_types");
}

#[test]
fn r1_cadence_above_the_expected_frequency_warns() {
    let mut ok = base();
    let major = ok.policy.release_types.iter_mut().find(|t| t.id.as_str() == "RT-1").expect("major");
    major.expected_frequency = Some(Frequency { count: 1, unit: FrequencyUnit::Year });
    let found = breaks_exactly("R1", "REL-1", &ok, |b| rel(b, "REL-5").release_type = id("RT-1"), Severity::Warning);
    assert!(found[0].message.contains("2027") && found[0].message.contains("REL-5"), "{}", found[0].message);
}

#[test]
fn r2_a_release_implements_a_change() {
    breaks_exactly("R2", "REL-1", &base(), |b| rel(b, "REL-1").scope.changes.clear(), Severity::Error);
}

#[test]
fn r3_the_release_has_an_owner() {
    breaks_exactly("R3", "REL-1", &base(), |b| rel(b, "REL-1").owner = None, Severity::Error);
}

#[test]
fn r3_a_passed_production_date_is_noticed() {
    let mut ok = base();
    rel(&mut ok, "REL-5").deployments.retain(|d| d.environment.as_str() != "ENV-4");
    let found = breaks_exactly(
        "R3",
        "REL-5",
        &ok,
        |b| {
            let r5 = rel(b, "REL-5");
            let mut late = r5.deployments[0].clone();
            late.id = id("DEP-99");
            late.environment = id("ENV-4");
            late.config_items.clear();
            late.window.start = date(2026, 11, 15).at(1, 0, 0, 0);
            late.window.end = date(2026, 11, 15).at(3, 0, 0, 0);
            r5.deployments.push(late);
        },
        Severity::Warning,
    );
    assert!(found[0].message.contains("has passed"), "{}", found[0].message);
}

#[test]
fn r4_every_criterion_is_met() {
    breaks_exactly(
        "R4",
        "REL-1",
        &base(),
        |b| rel(b, "REL-1").criteria[0].status = CriterionStatus::NotMet,
        Severity::Error,
    );
}

#[test]
fn r4_an_approval_is_recorded() {
    breaks_exactly("R4", "REL-1", &base(), |b| rel(b, "REL-1").approvals[2].role = None, Severity::Error);
}

#[test]
fn r5_a_waived_criterion_needs_a_waiver_decision() {
    let waived = |b: &mut Book| rel(b, "REL-1").criteria[0].status = CriterionStatus::Waived;
    breaks_exactly("R5", "REL-1", &base(), waived, Severity::Error);
    let mut ok = base();
    waived(&mut ok);
    rel(&mut ok, "REL-1").decisions.push(Decision {
        id: id("DEC-90"),
        kind: DecisionKind::Waiver,
        title: "Waive AC-1".into(),
        rationale: "Certification letter arrives after go-live; test cases passed.".into(),
        decided_by: Some(id("P-3")),
        role: Some(Role::ServiceOwner),
        decided_at: Some("2026-06-10T10:00:00Z".parse().expect("time")),
        informed: vec![id("P-2")],
        outcome: "Letter received on 20 June.".into(),
    });
    assert!(process_findings(&ok, TODAY).iter().all(|f| f.rule != "R5"));
    breaks_exactly("R5", "REL-1", &ok, |b| rel(b, "REL-1").decisions[1].informed.clear(), Severity::Error);
}

#[test]
fn r6_the_baseline_comes_before_deployment() {
    breaks_exactly(
        "R6",
        "REL-1",
        &base(),
        |b| rel(b, "REL-1").baseline_recorded_on = Some(date(2026, 6, 20)),
        Severity::Error,
    );
}

#[test]
fn r7_the_outcome_is_recorded() {
    breaks_exactly("R7", "REL-1", &base(), |b| rel(b, "REL-1").review.outcome = None, Severity::Error);
}

#[test]
fn r7_incidents_fall_in_early_life_support() {
    let found = breaks_exactly(
        "R7",
        "REL-1",
        &base(),
        |b| rel(b, "REL-1").review.incidents[1].raised_on = Some(date(2026, 8, 1)),
        Severity::Warning,
    );
    assert!(found[0].message.contains("early-life-support"), "{}", found[0].message);
}

#[test]
fn r8_conclusions_are_recorded() {
    breaks_exactly("R8", "REL-1", &base(), |b| rel(b, "REL-1").review.conclusions.clear(), Severity::Error);
}

#[test]
fn r9_every_phase_has_planned_dates() {
    breaks_exactly(
        "R9",
        "REL-1",
        &base(),
        |b| rel(b, "REL-1").phases.review_and_close.planned_end = None,
        Severity::Error,
    );
}

#[test]
fn r10_each_change_is_assessed_and_authorised() {
    breaks_exactly("R10", "REL-1", &base(), |b| b.changes[0].impact_assessment.clear(), Severity::Error);
    breaks_exactly("R10", "REL-1", &base(), |b| b.changes[0].authorisation = None, Severity::Error);
}

#[test]
fn r11_the_review_is_held() {
    breaks_exactly("R11", "REL-1", &base(), |b| rel(b, "REL-1").review.completed_on = None, Severity::Error);
}

#[test]
fn r12_emergency_approval_may_follow_deployment_but_not_closure() {
    let unauthorised = |b: &mut Book| b.changes[2].authorisation = None;
    breaks_exactly("R12", "REL-3", &base(), unauthorised, Severity::Error);
    let unapproved = |b: &mut Book| {
        rel(b, "REL-3").approvals.iter_mut().for_each(|a| a.decision = ApprovalDecision::Pending);
    };
    breaks_exactly("R12", "REL-3", &base(), unapproved, Severity::Error);
    // In Deployment, the fast path lets the ECAB's approval wait: no error.
    let mut deploying = base();
    rel(&mut deploying, "REL-3").phase = Phase::Deployment;
    let found = breaks_exactly(
        "R12",
        "REL-3",
        &deploying,
        |b| {
            unauthorised(b);
            unapproved(b);
        },
        Severity::Info,
    );
    assert!(found.iter().all(|f| f.severity == Severity::Info), "{found:#?}");
}

#[test]
fn r13_the_backout_was_tested() {
    breaks_exactly("R13", "REL-1", &base(), |b| rel(b, "REL-1").backout.tested = false, Severity::Error);
    let mut relaxed = base();
    relaxed.policy.gates.require_tested_backout = false;
    breaks_exactly("R13", "REL-1", &relaxed, |b| rel(b, "REL-1").backout.tested = false, Severity::Info);
}

#[test]
fn r14_names_follow_the_convention() {
    breaks_exactly("R14", "REL-1", &base(), |b| rel(b, "REL-1").name = "3-D Secure go-live".into(), Severity::Warning);
}

#[test]
fn r15_deliverables_come_from_the_dml() {
    breaks_exactly("R15", "REL-1", &base(), |b| rel(b, "REL-1").deliverables[0].checksum.clear(), Severity::Error);
}

#[test]
fn r16_gates_passed_are_dated_and_overrides_complete() {
    breaks_exactly(
        "R16",
        "REL-1",
        &base(),
        |b| rel(b, "REL-1").phases.build_and_test.actual_end = None,
        Severity::Warning,
    );
    let override_without_reason = |b: &mut Book| {
        rel(b, "REL-1").decisions.push(Decision {
            id: id("DEC-91"),
            kind: DecisionKind::GateOverride,
            title: "Gate override: enter Closed".into(),
            decided_by: Some(id("P-1")),
            ..Decision::default()
        });
    };
    breaks_exactly("R16", "REL-1", &base(), override_without_reason, Severity::Error);
}

#[test]
fn r17_no_deployment_in_a_blackout_without_an_exception() {
    // Friday 12 June 2026, 13:00: inside the weekly "Friday afternoon" freeze of production.
    let friday = |b: &mut Book| {
        let d = &mut rel(b, "REL-1").deployments[2];
        d.window.start = date(2026, 6, 12).at(13, 0, 0, 0);
        d.window.end = date(2026, 6, 12).at(15, 0, 0, 0);
    };
    let found = breaks_exactly("R17", "REL-1", &base(), friday, Severity::Error);
    assert!(found[0].message.contains("Friday afternoon"), "{}", found[0].message);
    let mut excepted = base();
    friday(&mut excepted);
    let r1 = rel(&mut excepted, "REL-1");
    r1.decisions.push(Decision {
        id: id("DEC-92"),
        kind: DecisionKind::BlackoutException,
        title: "Cut over on Friday afternoon".into(),
        rationale: "The acquirer's certificate expires on Saturday.".into(),
        decided_by: Some(id("P-2")),
        role: Some(Role::ChangeManager),
        decided_at: Some("2026-06-10T10:00:00Z".parse().expect("time")),
        informed: vec![id("P-3")],
        outcome: String::new(),
    });
    r1.deployments[2].blackout_exception = Some(id("DEC-92"));
    assert!(process_findings(&excepted, TODAY).iter().all(|f| f.rule != "R17"));
}

#[test]
fn r17_monthly_and_yearly_blackouts_repeat() {
    // The month-end settlement close, 31 Oct 2026 18:00 onwards (monthly from 31 Jan 2025).
    let month_end = |b: &mut Book| {
        let d = &mut rel(b, "REL-1").deployments[2];
        d.window.start = date(2026, 10, 31).at(20, 0, 0, 0);
        d.window.end = date(2026, 10, 31).at(22, 0, 0, 0);
    };
    breaks_exactly("R17", "REL-1", &base(), month_end, Severity::Error);
    // Black Friday peak freeze, yearly from 20 Nov 2025.
    let peak = |b: &mut Book| {
        let d = &mut rel(b, "REL-1").deployments[2];
        d.window.start = date(2026, 11, 29).at(1, 0, 0, 0);
        d.window.end = date(2026, 11, 29).at(3, 0, 0, 0);
    };
    breaks_exactly("R17", "REL-1", &base(), peak, Severity::Error);
}

#[test]
fn r18_the_schedule_is_agreed() {
    breaks_exactly("R18", "REL-1", &base(), |b| rel(b, "REL-1").agreements[1].agreed = false, Severity::Error);
}

#[test]
fn r19_go_no_go_is_signed() {
    let found = breaks_exactly(
        "R19",
        "REL-1",
        &base(),
        |b| rel(b, "REL-1").go_no_go.verdict = Some(GoNoGoVerdict::NoGo),
        Severity::Error,
    );
    assert!(found[0].message.contains("No-go"));
}

#[test]
fn r20_open_actions_have_owners_before_closure() {
    breaks_exactly(
        "R20",
        "REL-1",
        &base(),
        |b| {
            let a = &mut rel(b, "REL-1").review.actions[0];
            a.done = false;
            a.owner = None;
        },
        Severity::Error,
    );
}

/// The go/no-go of REL-1, cleared and judged in each phase.
#[test]
fn severity_follows_the_phase() {
    let mut book = base();
    rel(&mut book, "REL-1").go_no_go = Default::default();
    let mut seen = Vec::new();
    for phase in Phase::ALL {
        rel(&mut book, "REL-1").phase = phase;
        let severity = process_findings(&book, TODAY)
            .into_iter()
            .find(|f| f.rule == "R19" && f.release == Some(id("REL-1")))
            .map(|f| f.severity);
        seen.push(severity);
    }
    use Severity::*;
    assert_eq!(seen, [Some(Info), Some(Warning), Some(Error), Some(Error), Some(Error)]);
}

mod gates;
mod risk_gate;
mod whole_book;
