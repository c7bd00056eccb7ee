//! The findings slide: what the ISO/IEC 20000 checks find open about the
//! release, errors first, and how its next phase gate stands.
//!
//! The gate counts its *checks* (rules due at the gate, each passing or
//! not), never "criteria", so that it is not confused with the release's
//! acceptance criteria. A warning today can be an error at the gate: such
//! a finding is marked as blocking the gate, and no count of errors is
//! shown as good while the gate is blocked.

use crate::check::gate::{Gate, gate};
use crate::check::{Finding, Severity};
use crate::model::Release;
use crate::present::blocks::{Block, Cell, Column, Stat, Table, Tone, count, short};
use crate::present::deck::{Context, Slide, SlideKind};

/// At most this many findings on the slide; the window shows fewer only
/// when the slide has no room for them.
const MAX_FINDINGS: usize = 14;

/// The gate into the release's next phase, if it has one.
pub(super) fn next_gate(cx: &Context<'_>, r: &Release) -> Option<Gate> {
    r.phase.next().map(|next| gate(cx.book, &r.id, next, cx.today))
}

/// The words after the number of findings that block the gate: "findings
/// block the gate to Deployment", or "would block" when the policy does not
/// enforce gates; `None` when nothing blocks it.
pub(super) fn blocking_caption(g: &Gate) -> Option<String> {
    let words = match (g.blocking.len(), g.enforce) {
        (0, _) => return None,
        (1, true) => "finding blocks",
        (_, true) => "findings block",
        (1, false) => "finding would block",
        (_, false) => "findings would block",
    };
    Some(format!("{words} the gate to {}", g.to.label()))
}

/// The gate's tile: open or blocked, how many of its checks pass, and what blocks it.
fn gate_stat(g: &Gate) -> Stat {
    let (pass, all) = g.met_count();
    let checks = format!("gate to {}: {pass} of {all} checks pass", g.to.label());
    let n = g.blocking.len();
    match (n, g.enforce) {
        (0, _) => Stat::new("✔ Open", checks, Tone::Good),
        (_, true) => {
            Stat::new("⚠ Blocked", format!("{checks}; {} it", count(n, "finding blocks", "findings block")), Tone::Bad)
        }
        (_, false) => Stat::new(
            "⚠ Open",
            format!(
                "{checks}; {} it, but gates are not enforced",
                count(n, "finding would block", "findings would block")
            ),
            Tone::Warning,
        ),
    }
}

/// Whether `f` is one of the findings that block the gate.
fn blocks_gate(g: Option<&Gate>, f: &Finding) -> bool {
    g.is_some_and(|g| {
        g.blocking.iter().any(|b| {
            let b = &b.finding;
            (b.rule, &b.at, &b.field, &b.message) == (f.rule, &f.at, &f.field, &f.message)
        })
    })
}

/// The findings slide of a release.
pub(super) fn findings(cx: &Context<'_>, r: &Release) -> Slide {
    let mut s = Slide::new(SlideKind::Findings, Some(r), "Open check findings");
    let gate = next_gate(cx, r);
    let mut mine: Vec<(&Finding, bool)> = cx
        .findings
        .iter()
        .filter(|f| f.release.as_ref() == Some(&r.id) && f.severity != Severity::Info)
        .map(|f| (f, blocks_gate(gate.as_ref(), f)))
        .collect();
    mine.sort_by_key(|(f, blocks)| (std::cmp::Reverse(f.severity), !blocks));
    let errors = mine.iter().filter(|(f, _)| f.severity == Severity::Error).count();
    let warnings = mine.len() - errors;
    let blocked_by_warnings = mine.iter().filter(|(f, blocks)| *blocks && f.severity == Severity::Warning).count();
    let gate_blocked = gate.as_ref().is_some_and(|g| !g.blocking.is_empty());
    let errors_tone = match (errors, gate_blocked) {
        (0, false) => Tone::Good,
        (0, true) => Tone::Normal,
        _ => Tone::Bad,
    };
    let mut stats = vec![
        Stat::new(errors.to_string(), "errors", errors_tone),
        Stat::new(warnings.to_string(), "warnings", if warnings == 0 { Tone::Good } else { Tone::Warning }),
    ];
    stats.extend(gate.as_ref().map(gate_stat));
    s.top.push(Block::Stats(stats));
    let mut t = Table::new(
        "",
        vec![Column::fit("Severity"), Column::fit("Rule"), Column::fill("Finding", 1.0)],
        "✔ The checks find nothing open about this release.",
    );
    for (f, blocks) in &mine {
        let severity = match (f.severity, blocks) {
            (Severity::Error, _) => Cell::tone("✖ Error", Tone::Bad),
            (Severity::Warning, true) => Cell::tone("⚠ Blocks the gate", Tone::Bad),
            (Severity::Warning, false) => Cell::tone("⚠ Warning", Tone::Warning),
            (Severity::Info, _) => Cell::tone("Info", Tone::Weak),
        };
        let rule = if f.clause.is_empty() { f.rule.to_owned() } else { format!("{} · {}", f.rule, f.clause) };
        t.row(vec![severity, Cell::tone(rule, Tone::Weak), Cell::new(short(&f.message, 150))], None);
    }
    t.limit(MAX_FINDINGS);
    s.top.push(Block::Table(t));
    s.notes.push(format!("{} and {}.", count(errors, "error", "errors"), count(warnings, "warning", "warnings")));
    if errors > 0 {
        s.notes.push(
            "Errors block the next phase gate unless a decision overrides them: agree an owner for each.".to_owned(),
        );
    }
    if let Some(g) = gate.as_ref().filter(|_| blocked_by_warnings > 0) {
        s.notes.push(format!(
            "{} today become errors at the gate to {} and block it: agree an owner for each.",
            count(blocked_by_warnings, "warning", "warnings"),
            g.to.label()
        ));
    }
    s
}
