//! The findings slide: what the ISO/IEC 20000 checks find open about the
//! release, errors first, and how its next phase gate stands.

use crate::check::{Finding, Severity};
use crate::model::Release;
use crate::present::blocks::{Block, Cell, Column, Stat, Table, Tone, count, short};
use crate::present::deck::{Context, Slide, SlideKind};

/// At most this many findings on the slide; the window shows fewer only
/// when the slide has no room for them.
const MAX_FINDINGS: usize = 14;

/// The findings slide of a release.
pub(super) fn findings(cx: &Context<'_>, r: &Release) -> Slide {
    let mut s = Slide::new(SlideKind::Findings, Some(r), "Open check findings");
    let mut mine: Vec<&Finding> =
        cx.findings.iter().filter(|f| f.release.as_ref() == Some(&r.id) && f.severity != Severity::Info).collect();
    mine.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let errors = mine.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = mine.len() - errors;
    let mut stats = vec![
        Stat::new(errors.to_string(), "errors", if errors == 0 { Tone::Good } else { Tone::Bad }),
        Stat::new(warnings.to_string(), "warnings", if warnings == 0 { Tone::Good } else { Tone::Warning }),
    ];
    if let Some(next) = r.phase.next() {
        let gate = crate::check::gate::gate(cx.book, &r.id, next, cx.today);
        let (met, all) = gate.met_count();
        let blocked = gate.is_blocked();
        stats.push(Stat::new(
            if blocked { "⚠ Blocked".to_owned() } else { "✔ Open".to_owned() },
            format!("gate to {}: {met} of {all} criteria met", next.label()),
            if blocked { Tone::Bad } else { Tone::Good },
        ));
    }
    s.top.push(Block::Stats(stats));
    let mut t = Table::new(
        "",
        vec![Column::fit("Severity"), Column::fit("Rule"), Column::fill("Finding", 1.0)],
        "✔ The checks find nothing open about this release.",
    );
    for f in &mine {
        let severity = match f.severity {
            Severity::Error => Cell::tone("✖ Error", Tone::Bad),
            Severity::Warning => Cell::tone("⚠ Warning", Tone::Warning),
            Severity::Info => Cell::tone("Info", Tone::Weak),
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
    s
}
