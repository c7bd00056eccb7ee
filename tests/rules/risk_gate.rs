//! The risk gate G1 in detail: which decisions accept which risk (by id as
//! a whole token, by title as a whole phrase, never when who, why or when
//! is missing), and scores clamped to the policy's scale as the register
//! shows them.

use super::*;
use relplan::model::RiskPolicy;
use relplan::risk::{Which, band_of, score_of};

/// REL-1 (closed, so G1 is an error) with RISK-1 open at residual 4 × 5
/// (critical), titled `title`.
fn critical_risk_1(title: &str) -> Book {
    let mut book = base();
    let r = book.risks.iter_mut().find(|r| r.id.as_str() == "RISK-1").expect("RISK-1");
    r.title = title.into();
    (r.residual_likelihood, r.residual_impact, r.status) = (4, 5, RiskStatus::Open);
    r.releases = vec![id("REL-1")];
    book
}

/// A complete risk-acceptance decision with these words.
fn acceptance(title: &str, rationale: &str) -> Decision {
    Decision {
        id: id("DEC-95"),
        kind: DecisionKind::RiskAcceptance,
        title: title.into(),
        rationale: rationale.into(),
        decided_by: Some(id("P-3")),
        role: Some(Role::ServiceOwner),
        decided_at: Some("2026-06-10T10:00:00Z".parse().expect("time")),
        informed: vec![id("P-1")],
        outcome: String::new(),
    }
}

/// The G1 findings of REL-1 once `decision` is recorded on it.
fn g1_with(mut book: Book, decision: Decision) -> Vec<String> {
    rel(&mut book, "REL-1").decisions.push(decision);
    process_findings(&book, TODAY).into_iter().filter(|f| f.rule == "G1").map(|f| f.path()).collect()
}

const BLOCKED: &str = "risks[RISK-1].residual_likelihood";

#[test]
fn an_acceptance_of_risk_12_does_not_accept_risk_1() {
    let book = critical_risk_1("Settlement file arrives late");
    let found = breaks_exactly("G1", "REL-1", &base(), |b| *b = book.clone(), Severity::Error);
    assert_eq!(found.iter().map(Finding::path).collect::<Vec<_>>(), vec![BLOCKED]);
    for words in ["Accept RISK-12", "Accept RISK-10 and RISK-11", "Accept risk-1x", "Accept XRISK-1"] {
        assert_eq!(g1_with(book.clone(), acceptance(words, "Scheme fallback.")), vec![BLOCKED], "{words}");
    }
    let by_rationale = acceptance("Accept the cut-over risk", "RISK-12 and RISK-1, with the fallback route.");
    assert!(g1_with(book.clone(), by_rationale).is_empty(), "named by id in the rationale");
    for words in ["Accept RISK-1", "Accept risk-1.", "Accept (RISK-1)", "RISK-1: accepted for wave 1"] {
        assert!(g1_with(book.clone(), acceptance(words, "Scheme fallback.")).is_empty(), "{words}");
    }
}

#[test]
fn a_title_is_accepted_only_as_a_whole_phrase_and_only_when_no_id_is_named() {
    let book = critical_risk_1("Outage");
    let not = [
        ("Accept the outages of the card terminals", "Low volume at night."),
        ("Accept RISK-3 outage on the acquirer link", "The secondary route takes over."),
        ("Accept the cut-over", "An outage is possible and accepted."),
        ("Accept the blackout", "Outage-free so far."),
    ];
    for (title, why) in not {
        assert_eq!(g1_with(book.clone(), acceptance(title, why)), vec![BLOCKED], "{title} / {why}");
    }
    for title in ["Accept: outage", "OUTAGE accepted for the cut-over night", "Accept the “Outage” risk"] {
        assert!(g1_with(book.clone(), acceptance(title, "Low volume at night.")).is_empty(), "{title}");
    }
    let long = critical_risk_1("Acquirer  outage during\tcut-over");
    assert!(g1_with(long, acceptance("Accept: acquirer outage during cut-over", "Fallback.")).is_empty());
}

#[test]
fn a_decision_missing_who_why_or_when_does_not_accept() {
    let book = critical_risk_1("Settlement file arrives late");
    let complete = acceptance("Accept RISK-1", "The settlement team reruns the file by hand.");
    assert!(g1_with(book.clone(), complete.clone()).is_empty());
    let no_who = Decision { decided_by: None, ..complete.clone() };
    let no_why = Decision { rationale: "  ".into(), ..complete.clone() };
    let no_when = Decision { decided_at: None, ..complete.clone() };
    let not_an_acceptance = Decision { kind: DecisionKind::General, ..complete };
    for (what, d) in [("who", no_who), ("why", no_why), ("when", no_when), ("kind", not_an_acceptance)] {
        assert_eq!(g1_with(book.clone(), d), vec![BLOCKED], "missing {what}");
    }
}

#[test]
fn the_gate_uses_the_registers_score_clamped_to_a_three_point_scale() {
    let mut book = critical_risk_1("Settlement file arrives late");
    let r = book.risks.iter_mut().find(|r| r.id.as_str() == "RISK-1").expect("RISK-1");
    (r.residual_likelihood, r.residual_impact) = (5, 5);
    // On 3 × 3 the top score is 9; here that is High, and only Critical blocks.
    book.policy.risk = RiskPolicy { scale: 3, medium_from: 3, high_from: 5, critical_from: 10, ..book.policy.risk };
    let risk = book.risks.iter().find(|r| r.id.as_str() == "RISK-1").expect("RISK-1").clone();
    assert_eq!(score_of(&risk, Which::Residual, &book.policy.risk), 9);
    assert_eq!(band_of(&risk, Which::Residual, &book.policy.risk), relplan::model::Band::High);
    let g1 = |b: &Book| -> Vec<Finding> {
        process_findings(b, TODAY).into_iter().filter(|f| f.rule == "G1" && f.path() == BLOCKED).collect()
    };
    assert!(g1(&book).is_empty(), "the register shows 9 · High, below the gate band: {:#?}", g1(&book));
    // Where 9 is Critical, the gate blocks and says 9, as the register does, not 25.
    book.policy.risk.critical_from = 7;
    let found = g1(&book);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("residual score of 9 (Critical)"), "{}", found[0].message);
}

#[test]
fn the_acceptance_the_form_starts_accepts_its_risk_once_it_says_why() {
    use relplan::check::rules::{acceptance as accepting, acceptance_draft, acceptance_missing, held_at_gate};
    let book = critical_risk_1("Settlement file late at month end");
    let risk = book.risks.iter().find(|r| r.id.as_str() == "RISK-1").expect("RISK-1").clone();
    assert!(held_at_gate(&risk, &book.policy.risk), "a critical open risk is held at the gate");
    let now: jiff::Timestamp = "2026-06-10T10:00:00Z".parse().expect("time");
    let draft = acceptance_draft(id("DEC-96"), &risk, Some(id("P-3")), now);
    assert_eq!(draft.title, "Accept RISK-1 “Settlement file late at month end” for Deployment");
    assert_eq!(acceptance_missing(&draft), vec!["why (the rationale)"], "only the rationale is left to write");
    assert_eq!(g1_with(book.clone(), draft.clone()).len(), 1, "the draft alone accepts nothing");
    let mut written = draft;
    written.rationale = "Month-end volumes are covered by the manual fallback run.".into();
    assert!(g1_with(book.clone(), written.clone()).is_empty(), "with its rationale it accepts RISK-1");
    let mut with_it = book;
    rel(&mut with_it, "REL-1").decisions.push(written);
    let r1 = with_it.release(&id("REL-1")).expect("REL-1");
    assert_eq!(accepting(r1, &risk).map(|d| d.id.as_str()), Some("DEC-96"));
    let mut closed = risk;
    closed.status = RiskStatus::Closed;
    assert!(!held_at_gate(&closed, &with_it.policy.risk), "a closed risk is never held");
}
