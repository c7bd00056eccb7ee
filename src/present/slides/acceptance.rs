//! The acceptance slide: each criterion with its status and evidence, and
//! each approval with who gave it, in which role, and when.

use crate::model::{ApprovalDecision, CriterionStatus, Release};
use crate::present::blocks::{Block, Cell, Column, Table, Target, Tone, short};
use crate::present::deck::{Context, Slide, SlideKind};

/// At most this many criteria on the slide; the window shows fewer only
/// when the slide has no room for them.
const MAX_CRITERIA: usize = 12;

/// At most this many approvals on the slide.
const MAX_APPROVALS: usize = 8;

/// An approval's conditions are shown whole up to this length, wrapped
/// in their column: a CAB reads the condition it set.
const MAX_CONDITION: usize = 320;

/// A criterion's status with a symbol, so it never rests on colour alone.
pub(super) fn criterion_cell(s: CriterionStatus) -> Cell {
    match s {
        CriterionStatus::Met => Cell::tone("✔ Met", Tone::Good),
        CriterionStatus::NotMet => Cell::tone("✖ Not met", Tone::Bad),
        CriterionStatus::Waived => Cell::tone("Waived", Tone::Warning),
        CriterionStatus::Pending => Cell::new("○ Pending"),
    }
}

/// An approval decision with a symbol.
pub(super) fn approval_cell(d: ApprovalDecision) -> Cell {
    match d {
        ApprovalDecision::Approved => Cell::tone("✔ Approved", Tone::Good),
        ApprovalDecision::Conditional => Cell::tone("✔ With conditions", Tone::Warning),
        ApprovalDecision::Rejected => Cell::tone("✖ Rejected", Tone::Bad),
        ApprovalDecision::Pending => Cell::new("○ Pending"),
    }
}

/// The acceptance slide of a release.
pub(super) fn acceptance(cx: &Context<'_>, r: &Release) -> Slide {
    let mut s = Slide::new(SlideKind::Acceptance, Some(r), "Acceptance criteria and approvals");
    let mut criteria = Table::new(
        "Acceptance criteria",
        vec![Column::fit("Id"), Column::fill("Criterion", 3.0), Column::fit("Status"), Column::fill("Evidence", 1.4)],
        "⚠ No acceptance criteria are recorded.",
    );
    for c in &r.criteria {
        criteria.row(
            vec![
                Cell::tone(c.id.to_string(), Tone::Weak),
                Cell::new(short(&c.description, 130)),
                criterion_cell(c.status),
                Cell::tone(short(&c.evidence, 100), Tone::Weak),
            ],
            Some(Target::Criterion(c.id.clone())),
        );
    }
    criteria.limit(MAX_CRITERIA);
    s.top.push(Block::Table(criteria));
    let mut approvals = Table::new(
        "Approvals",
        vec![
            Column::fit("Approver"),
            Column::fit("Role"),
            Column::fit("Decision"),
            Column::fit("When"),
            Column::fill("Conditions or remarks", 1.0),
        ],
        "⚠ No approvals are recorded.",
    );
    for a in &r.approvals {
        let when = a
            .at
            .map_or_else(String::new, |t| t.to_zoned(jiff::tz::TimeZone::UTC).date().strftime("%-d %b %Y").to_string());
        approvals.row(
            vec![
                Cell::new(cx.person(a.person.as_ref())),
                Cell::tone(a.role.map_or("", |r| r.label()), Tone::Weak),
                approval_cell(a.decision),
                Cell::tone(when, Tone::Weak),
                Cell::tone(short(&a.note, MAX_CONDITION), Tone::Weak),
            ],
            Some(Target::Approval(a.id.clone())),
        );
    }
    approvals.limit(MAX_APPROVALS);
    s.top.push(Block::Table(approvals));

    let pending: Vec<String> = r
        .criteria
        .iter()
        .filter(|c| c.status != CriterionStatus::Met && c.status != CriterionStatus::Waived)
        .map(|c| c.id.to_string())
        .collect();
    if pending.is_empty() {
        s.notes.push("Every criterion is met or waived.".to_owned());
    } else {
        s.notes.push(format!("Not met yet: {}. Ask for the evidence; mark met with D.", pending.join(", ")));
    }
    let waiting: Vec<String> = r
        .approvals
        .iter()
        .filter(|a| a.decision == ApprovalDecision::Pending)
        .map(|a| cx.person(a.person.as_ref()))
        .collect();
    if !waiting.is_empty() {
        s.notes.push(format!("Approvals outstanding: {}.", waiting.join(", ")));
    }
    s.notes.push("Deployment needs every criterion met (or waived by a decision) and an approval (R4, R5).".to_owned());
    s
}
