//! Each live decision, applied to the example book through a document:
//! what it changes, the words it leaves in the audit trail, and undo.

use super::*;
use crate::edit::Document;
use crate::model::{AuditKind, Book};

fn example() -> Book {
    crate::templates::example().expect("the example book opens")
}

fn now() -> Timestamp {
    Timestamp::from_second(1_795_000_000).unwrap_or_default()
}

/// Applies a decision about REL-5 and returns the document and the audit line.
fn decide(book: Book, d: &Decision) -> (Document, String) {
    let mut doc = Document::new(book).with_clock(now);
    let edit = edit(doc.book(), &Id::from("REL-5"), d, now()).expect("the decision is recorded");
    doc.apply(edit).expect("the edit applies");
    let last = doc.book().ledger.audit.last().expect("an audit entry");
    assert_eq!(last.kind, AuditKind::Edit);
    let what = last.what.clone();
    (doc, what)
}

fn rel5(doc: &Document) -> &Release {
    doc.book().release(&Id::from("REL-5")).expect("REL-5")
}

#[test]
fn a_criterion_marked_met_keeps_the_evidence_and_undoes_in_one_step() {
    let d = Decision::CriterionMet { criterion: Id::from("AC-22"), evidence: "Performance report PR-88".into() };
    let (mut doc, what) = decide(example(), &d);
    let c = rel5(&doc).criteria.iter().find(|c| c.id.as_str() == "AC-22").expect("AC-22");
    assert_eq!(c.status, CriterionStatus::Met);
    assert_eq!(c.evidence, "Performance report PR-88");
    assert!(what.starts_with("REL-5: criterion AC-22 marked met — “At 1.5 times"), "{what}");
    assert!(what.ends_with("(evidence: Performance report PR-88)"), "{what}");
    doc.undo().expect("undo");
    let c = rel5(&doc).criteria.iter().find(|c| c.id.as_str() == "AC-22").expect("AC-22");
    assert_eq!((c.status, c.evidence.as_str()), (CriterionStatus::Pending, ""));
}

#[test]
fn a_criterion_already_met_is_refused_in_words() {
    let d = Decision::CriterionMet { criterion: Id::from("AC-20"), evidence: String::new() };
    let err = edit(&example(), &Id::from("REL-5"), &d, now()).expect_err("refused");
    assert_eq!(err.to_string(), "AC-20 is already met.");
}

#[test]
fn an_approval_completes_the_persons_pending_one_with_the_time() {
    let d = Decision::Approval {
        approval: None,
        person: Id::from("P-5"),
        role: None,
        decision: ApprovalDecision::Approved,
        note: "Failover rehearsal passed".into(),
    };
    let (doc, what) = decide(example(), &d);
    let a = rel5(&doc).approvals.iter().find(|a| a.id.as_str() == "APR-16").expect("APR-16");
    assert_eq!((a.decision, a.at), (ApprovalDecision::Approved, Some(now())));
    assert_eq!(rel5(&doc).approvals.len(), 3, "no new approval was added");
    assert_eq!(what, "REL-5: Aisha Bello (Technical owner) approved the release — Failover rehearsal passed");
}

#[test]
fn an_approval_from_someone_new_is_added() {
    let d = Decision::Approval {
        approval: None,
        person: Id::from("P-7"),
        role: Some(Role::CabMember),
        decision: ApprovalDecision::Conditional,
        note: String::new(),
    };
    let (doc, what) = decide(example(), &d);
    let a = rel5(&doc).approvals.last().expect("an approval");
    assert_eq!(a.person, Some(Id::from("P-7")));
    assert_eq!(a.role, Some(Role::CabMember));
    assert_eq!(what, "REL-5: Sophie Clarke (CAB member) approved the release with conditions");
}

#[test]
fn a_vote_fills_the_attendees_place_or_adds_one() {
    let d = Decision::Vote { person: Id::from("P-2"), verdict: GoNoGoVerdict::NoGo, note: "Peak test not run".into() };
    let (doc, what) = decide(example(), &d);
    let v = rel5(&doc).go_no_go.votes.iter().find(|v| v.id.as_str() == "VOTE-22").expect("VOTE-22");
    assert_eq!((v.verdict, v.at, v.note.as_str()), (Some(GoNoGoVerdict::NoGo), Some(now()), "Peak test not run"));
    assert_eq!(what, "REL-5: Rajesh Iyer voted no-go — Peak test not run");

    let d = Decision::Vote { person: Id::from("P-12"), verdict: GoNoGoVerdict::Go, note: String::new() };
    let (doc, _) = decide(doc.into_book(), &d);
    let v = rel5(&doc).go_no_go.votes.last().expect("a vote");
    assert_eq!((v.person.as_ref().map(Id::as_str), v.verdict), (Some("P-12"), Some(GoNoGoVerdict::Go)));
    assert_eq!(rel5(&doc).go_no_go.votes.len(), 6);
}

#[test]
fn a_verdict_is_signed_by_someone_at_a_time() {
    let d = Decision::Verdict { verdict: GoNoGoVerdict::Go, signed_by: Id::from("P-1") };
    let (doc, what) = decide(example(), &d);
    let g = &rel5(&doc).go_no_go;
    assert_eq!(
        (g.verdict, g.signed_by.clone(), g.signed_at),
        (Some(GoNoGoVerdict::Go), Some(Id::from("P-1")), Some(now()))
    );
    assert_eq!(what, "REL-5: go/no-go verdict Go, signed by Claire Donovan");
}

#[test]
fn an_action_item_gets_a_fresh_id_an_owner_and_a_due_date() {
    let due = Date::constant(2026, 12, 4);
    let d = Decision::ActionItem { title: "Rerun the peak test".into(), owner: Some(Id::from("P-4")), due: Some(due) };
    let (mut doc, what) = decide(example(), &d);
    let a = rel5(&doc).actions.first().expect("an action item");
    assert_eq!((a.id.as_str(), a.title.as_str(), a.due), ("ACT-9", "Rerun the peak test", Some(due)));
    assert_eq!(what, "REL-5: action item ACT-9 “Rerun the peak test” for Tomasz Nowak, due 4 Dec 2026");
    // The next one never reuses the id, even after an undo.
    doc.undo().expect("undo");
    assert_eq!(doc.book().ledger.peek_id(IdKind::Action).as_str(), "ACT-10");
}

#[test]
fn a_new_risk_is_linked_to_the_release_and_scored_on_the_policys_scale() {
    let d = Decision::Risk {
        title: "Bridge call clashes with the store trading call".into(),
        category: RiskCategory::Operational,
        likelihood: 3,
        impact: 9,
        owner: Some(Id::from("P-10")),
    };
    let (doc, what) = decide(example(), &d);
    let risk = doc.book().risks.last().expect("a risk");
    assert_eq!(risk.releases, vec![Id::from("REL-5")]);
    assert_eq!((risk.likelihood, risk.impact), (3, 5), "impact is kept on the 5-point scale");
    assert_eq!(
        what,
        "REL-5: new risk RISK-16 “Bridge call clashes with the store trading call” (operational, 3 × 5 = 15 High), owner Marta Silva"
    );
}

#[test]
fn empty_titles_and_pending_approvals_are_refused() {
    let book = example();
    let rel = Id::from("REL-5");
    let empty = Decision::ActionItem { title: "  ".into(), owner: None, due: None };
    assert_eq!(edit(&book, &rel, &empty, now()).expect_err("refused").to_string(), "Say what the action is.");
    let pending = Decision::Approval {
        approval: None,
        person: Id::from("P-3"),
        role: None,
        decision: ApprovalDecision::Pending,
        note: String::new(),
    };
    assert!(edit(&book, &rel, &pending, now()).is_err());
    let nowhere = Decision::Verdict { verdict: GoNoGoVerdict::Go, signed_by: Id::from("P-1") };
    assert_eq!(
        edit(&book, &Id::from("REL-99"), &nowhere, now()).expect_err("refused").to_string(),
        "There is no release REL-99."
    );
}
