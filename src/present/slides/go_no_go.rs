//! The go/no-go slide: how ready the release is at a glance, each
//! attendee's vote, and the signed verdict.

use crate::check::Severity;
use crate::model::{ApprovalDecision, CriterionStatus, GoNoGoVerdict, Release};
use crate::present::blocks::{Block, Cell, Column, Fact, Stat, Table, Target, Tone, short};
use crate::present::deck::{Context, Slide, SlideKind};

/// At most this many votes on the slide; the window shows fewer only when
/// the slide has no room for them.
const MAX_VOTES: usize = 12;

/// A vote with a symbol.
fn vote_cell(v: Option<GoNoGoVerdict>) -> Cell {
    match v {
        Some(GoNoGoVerdict::Go) => Cell::tone("✔ Go", Tone::Good),
        Some(GoNoGoVerdict::NoGo) => Cell::tone("✖ No-go", Tone::Bad),
        None => Cell::new("○ Undecided"),
    }
}

/// The go/no-go slide of a release.
pub(super) fn go_no_go(cx: &Context<'_>, r: &Release) -> Slide {
    let g = &r.go_no_go;
    let mut s = Slide::new(SlideKind::GoNoGo, Some(r), "Go / no-go");
    s.top.push(Block::Stats(readiness(cx, r)));
    let mut votes = Table::new(
        "Votes",
        vec![Column::fill("Attendee", 1.2), Column::fit("Vote"), Column::fill("Reason", 1.6)],
        "No attendees are listed for the go/no-go.",
    );
    for v in &g.votes {
        votes.row(
            vec![
                Cell::new(cx.person(v.person.as_ref())),
                vote_cell(v.verdict),
                Cell::tone(short(&v.note, 160), Tone::Weak),
            ],
            Some(Target::Vote(v.id.clone())),
        );
    }
    votes.limit(MAX_VOTES);
    s.left.push(Block::Table(votes));
    let count = |v: Option<GoNoGoVerdict>| g.votes.iter().filter(|x| x.verdict == v).count();
    let (go, no_go, open) = (count(Some(GoNoGoVerdict::Go)), count(Some(GoNoGoVerdict::NoGo)), count(None));
    let verdict = match (g.verdict, g.signed_at) {
        (Some(v), Some(at)) => Fact::tone(
            "Verdict",
            format!(
                "{} · signed by {} on {}",
                v.label(),
                cx.person(g.signed_by.as_ref()),
                at.to_zoned(jiff::tz::TimeZone::UTC).date().strftime("%-d %b %Y")
            ),
            if v == GoNoGoVerdict::Go { Tone::Good } else { Tone::Bad },
        ),
        (Some(v), None) => Fact::tone("Verdict", format!("{} · not signed", v.label()), Tone::Warning),
        (None, _) => Fact::tone("Verdict", "not yet given", Tone::Weak),
    };
    let meeting = g.scheduled.map_or_else(
        || "not scheduled".to_owned(),
        |t| t.to_zoned(jiff::tz::TimeZone::UTC).strftime("%a %-d %b %Y %H:%M UTC").to_string(),
    );
    s.right.push(Block::Facts(vec![
        Fact::new("Meeting", meeting),
        Fact::tone(
            "Tally",
            format!("{go} go · {no_go} no-go · {open} undecided"),
            if no_go > 0 { Tone::Bad } else { Tone::Normal },
        ),
        verdict,
    ]));
    if open > 0 {
        s.notes.push(format!("{open} attendees have not voted: ask each in turn and record it with D."));
    }
    if no_go > 0 {
        s.notes.push("A no-go vote: record its reason and what would change it.".to_owned());
    }
    s.notes.push(
        "R19: the go/no-go is signed before deployment. Sign the verdict with D once the votes are in.".to_owned(),
    );
    s
}

/// The numbers a go/no-go turns on.
fn readiness(cx: &Context<'_>, r: &Release) -> Vec<Stat> {
    let met = r.criteria.iter().filter(|c| matches!(c.status, CriterionStatus::Met | CriterionStatus::Waived)).count();
    let approved = r
        .approvals
        .iter()
        .filter(|a| matches!(a.decision, ApprovalDecision::Approved | ApprovalDecision::Conditional))
        .count();
    let rejected = r.approvals.iter().any(|a| a.decision == ApprovalDecision::Rejected);
    let errors =
        cx.findings.iter().filter(|f| f.release.as_ref() == Some(&r.id) && f.severity == Severity::Error).count();
    let conflicts = cx.conflicts_of(&r.id).count();
    // What blocks the next gate, when something does: errors alone would
    // read "0" while warnings due at the gate hold the release back.
    let gate = super::findings::next_gate(cx, r);
    let checks = match gate.as_ref().and_then(|g| Some((g, super::findings::blocking_caption(g)?))) {
        Some((g, blocks)) => {
            Stat::new(format!("⚠ {}", g.blocking.len()), blocks, if g.enforce { Tone::Bad } else { Tone::Warning })
        }
        None => Stat::new(errors.to_string(), "check errors", if errors == 0 { Tone::Good } else { Tone::Bad }),
    };
    let ok = |good: bool| if good { Tone::Good } else { Tone::Warning };
    vec![
        Stat::new(
            format!("{met} of {}", r.criteria.len()),
            "acceptance criteria met",
            ok(met == r.criteria.len() && met > 0),
        ),
        Stat::new(
            format!("{approved} of {}", r.approvals.len()),
            if rejected { "approvals (one rejected)" } else { "approvals given" },
            if rejected { Tone::Bad } else { ok(approved == r.approvals.len() && approved > 0) },
        ),
        Stat::new(if r.backout.tested { "✔ Yes" } else { "⚠ No" }, "backout tested", ok(r.backout.tested)),
        checks,
        Stat::new(conflicts.to_string(), "conflicts", if conflicts == 0 { Tone::Good } else { Tone::Bad }),
    ]
}
