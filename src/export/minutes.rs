//! The minutes of a walkthrough, as Markdown (which reads as plain text
//! too): what the meeting decided, with times, and where each release it
//! covered stands in the book.

use crate::model::{ApprovalDecision, Book, CriterionStatus, GoNoGoVerdict, Id, Release};
use crate::present::meeting::{Meeting, decision_text};
use jiff::tz::TimeZone;
use std::fmt::Write as _;

/// The minutes of `meeting` (found in `book`'s audit trail), with times in `tz`.
pub fn to_markdown(book: &Book, meeting: &Meeting<'_>, tz: &TimeZone) -> String {
    let mut out = String::new();
    let start = meeting.started.at.to_zoned(tz.clone());
    let _ = writeln!(out, "# Minutes: walkthrough of {}", meeting.title);
    let _ = writeln!(out);
    let mut when = format!("{} from {}", start.strftime("%A %-d %B %Y"), start.strftime("%H:%M"));
    match meeting.ended {
        Some(end) => {
            let end = end.at.to_zoned(tz.clone());
            let _ = write!(when, " to {}", end.strftime("%H:%M"));
        }
        None => when.push_str(" (still going on)"),
    }
    let zone = tz.iana_name().unwrap_or("UTC");
    let _ = writeln!(out, "{} · {when} ({zone}) · led by {}", escape(&book.name), escape(&meeting.started.who));
    let _ = writeln!(out);
    let _ = writeln!(out, "## Decided");
    let _ = writeln!(out);
    if meeting.decisions.is_empty() {
        let _ = writeln!(out, "Nothing was recorded in this meeting.");
    } else {
        let _ = writeln!(out, "| Time | By | Decision |");
        let _ = writeln!(out, "|---|---|---|");
        for e in &meeting.decisions {
            let at = e.at.to_zoned(tz.clone()).strftime("%H:%M").to_string();
            let _ = writeln!(out, "| {at} | {} | {} |", escape(&e.who), escape(decision_text(e)));
        }
    }
    let releases: Vec<&Release> = meeting.releases.iter().filter_map(|id| book.release(id)).collect();
    if !releases.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "## Where things stand");
        for r in releases {
            let _ = writeln!(out);
            standing(&mut out, book, r);
        }
    }
    out
}

/// A release's acceptance, approvals, go/no-go and open action items.
fn standing(out: &mut String, book: &Book, r: &Release) {
    let name = |p: Option<&Id>| p.and_then(|p| book.person(p)).map_or_else(|| "nobody".to_owned(), |p| p.name.clone());
    let _ = writeln!(out, "### {} {} ({})", r.id, escape(&r.name), r.phase.label());
    let _ = writeln!(out);
    let met = r.criteria.iter().filter(|c| c.status == CriterionStatus::Met).count();
    let open: Vec<&str> = r
        .criteria
        .iter()
        .filter(|c| matches!(c.status, CriterionStatus::Pending | CriterionStatus::NotMet))
        .map(|c| c.id.as_str())
        .collect();
    let mut line = format!("- Acceptance criteria: {met} of {} met", r.criteria.len());
    if !open.is_empty() {
        let _ = write!(line, " (not yet: {})", open.join(", "));
    }
    let _ = writeln!(out, "{line}");
    let given = r
        .approvals
        .iter()
        .filter(|a| matches!(a.decision, ApprovalDecision::Approved | ApprovalDecision::Conditional))
        .count();
    let waiting: Vec<String> = r
        .approvals
        .iter()
        .filter(|a| a.decision == ApprovalDecision::Pending)
        .map(|a| name(a.person.as_ref()))
        .collect();
    let mut line = format!("- Approvals: {given} of {} given", r.approvals.len());
    if !waiting.is_empty() {
        let _ = write!(line, " (waiting for {})", escape(&waiting.join(", ")));
    }
    let _ = writeln!(out, "{line}");
    let g = &r.go_no_go;
    let count = |v: Option<GoNoGoVerdict>| g.votes.iter().filter(|x| x.verdict == v).count();
    let verdict = match (g.verdict, g.signed_by.as_ref()) {
        (Some(v), Some(p)) => format!("{}, signed by {}", v.label(), escape(&name(Some(p)))),
        (Some(v), None) => format!("{} (not signed)", v.label()),
        (None, _) => "no verdict yet".to_owned(),
    };
    let _ = writeln!(
        out,
        "- Go/no-go: {} go, {} no-go, {} undecided; {verdict}",
        count(Some(GoNoGoVerdict::Go)),
        count(Some(GoNoGoVerdict::NoGo)),
        count(None)
    );
    for a in r.actions.iter().filter(|a| !a.done) {
        let due = a.due.map_or_else(String::new, |d| format!(", due {}", d.strftime("%-d %b %Y")));
        let _ = writeln!(out, "- Action {}: {} ({}{due})", a.id, escape(&a.title), escape(&name(a.owner.as_ref())));
    }
}

/// Text made safe for a Markdown table cell or line: no pipes, line breaks
/// or other control characters (a NUL or an escape would reach the reader's
/// terminal or wiki as is).
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r', '\t'], " ").chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::AuditKind;
    use crate::present::decide::{Decision, edit};
    use crate::present::meeting::{ended_text, last_meeting, started_text};

    fn clock() -> jiff::Timestamp {
        jiff::Timestamp::from_second(1_795_000_000).unwrap_or_default()
    }

    #[test]
    fn control_characters_never_reach_the_minutes() {
        assert_eq!(escape("a\u{0}b\u{1b}[31mc|d\ne"), "ab[31mc\\|d e");
    }

    #[test]
    fn the_minutes_list_each_decision_with_its_time_and_the_standing_after() {
        let book = crate::templates::example().expect("example");
        let mut doc = Document::new(book).with_clock(clock);
        doc.set_author("Claire Donovan");
        let rel = Id::from("REL-5");
        doc.note(AuditKind::Meeting, &started_text("Payments 2027.01.1", std::slice::from_ref(&rel)));
        let met = Decision::CriterionMet { criterion: Id::from("AC-22"), evidence: "PR-88 | page 2".into() };
        doc.apply(edit(doc.book(), &rel, &met, clock()).expect("decision")).expect("applies");
        let item = Decision::ActionItem { title: "Book the DR test".into(), owner: Some(Id::from("P-6")), due: None };
        doc.apply(edit(doc.book(), &rel, &item, clock()).expect("decision")).expect("applies");
        doc.note(AuditKind::Meeting, &ended_text("Payments 2027.01.1"));
        let meeting = last_meeting(&doc.book().ledger.audit).expect("the meeting");
        let text = to_markdown(doc.book(), &meeting, &TimeZone::UTC);
        assert!(text.starts_with("# Minutes: walkthrough of Payments 2027.01.1\n"), "{text}");
        assert!(
            text.contains(
                "Northwind Payments · Wednesday 18 November 2026 from 11:06 to 11:06 (UTC) · led by Claire Donovan"
            ),
            "{text}"
        );
        assert!(
            text.contains("| 11:06 | Claire Donovan | REL-5: criterion AC-22 marked met — “At 1.5 times"),
            "{text}"
        );
        assert!(text.contains("(evidence: PR-88 \\| page 2) |"), "a pipe in the text does not break the table: {text}");
        assert!(text.contains("- Acceptance criteria: 3 of 5 met (not yet: AC-23, AC-24)"), "{text}");
        assert!(text.contains("- Action ACT-9: Book the DR test (Gareth Lloyd)"), "{text}");
    }
}
