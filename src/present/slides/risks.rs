//! The risks slide: the release's top risks by current exposure, and the
//! heat map of where its open risks sit now.

use crate::model::{Band, Release};
use crate::present::blocks::{Block, Cell, Column, MatrixCell, RiskMatrix, Table, Target, Tone, count, short};
use crate::present::deck::{Context, Slide, SlideKind};
use crate::risk::{Which, exposure, is_active, matrix, score_of, score_text};

/// At most this many risks in the table; the window shows fewer only when
/// the slide has no room for them.
const TOP: usize = 10;

/// The risks slide of a release.
pub(super) fn risks(cx: &Context<'_>, r: &Release) -> Slide {
    let policy = &cx.book.policy.risk;
    let mut s = Slide::new(SlideKind::Risks, Some(r), "Risks");
    let mut active: Vec<usize> = cx
        .book
        .risks
        .iter()
        .enumerate()
        .filter(|(_, x)| x.releases.contains(&r.id) && is_active(x))
        .map(|(i, _)| i)
        .collect();
    active.sort_by_key(|&i| std::cmp::Reverse(exposure(&cx.book.risks[i], policy).0));
    let mut t = Table::new(
        "Top risks by current exposure",
        vec![Column::fit("Risk"), Column::fill("Title", 1.0), Column::fit("Score"), Column::fit("Owner")],
        "✔ No open risks are linked to this release.",
    );
    for &i in &active {
        let risk = &cx.book.risks[i];
        let (score, band) = exposure(risk, policy);
        let inherent = score_of(risk, Which::Inherent, policy);
        let now = score_text(score, band);
        let text = if risk.treatment.is_some() && inherent != score { format!("{inherent} ➡ {now}") } else { now };
        let tone = match band {
            Band::Critical => Tone::Bad,
            Band::High => Tone::Warning,
            Band::Medium | Band::Low => Tone::Normal,
        };
        let owner = match &risk.owner {
            Some(_) => Cell::new(cx.person(risk.owner.as_ref())),
            None => Cell::tone("⚠ nobody", Tone::Warning),
        };
        t.row(
            vec![
                Cell::tone(risk.id.to_string(), Tone::Weak),
                Cell::new(short(&risk.title, 80)),
                Cell::tone(text, tone),
                owner,
            ],
            Some(Target::Risk(risk.id.clone())),
        );
    }
    t.limit(TOP);
    s.left.push(Block::Table(t));

    let m = matrix(&cx.book.risks, &active, Which::Residual, policy);
    // The matrix places treated risks by their residual position and
    // untreated ones by their inherent one: the same exposure as the table.
    let mut cells: Vec<MatrixCell> = m
        .cells
        .iter()
        .map(|c| MatrixCell {
            likelihood: c.position.likelihood,
            impact: c.position.impact,
            score: c.score,
            band: c.band,
            count: 0,
        })
        .collect();
    for &i in &active {
        let risk = &cx.book.risks[i];
        let which = if risk.treatment.is_some() { Which::Residual } else { Which::Inherent };
        let p = crate::risk::position(risk, which, policy);
        let n = usize::from(m.scale);
        if let Some(cell) = cells.get_mut(usize::from(p.likelihood - 1) * n + usize::from(p.impact - 1)) {
            cell.count += 1;
        }
    }
    s.right.push(Block::Matrix(RiskMatrix {
        scale: m.scale,
        caption: "Where the open risks sit now".to_owned(),
        cells,
    }));

    let high = active.iter().filter(|&&i| exposure(&cx.book.risks[i], policy).1 >= Band::High).count();
    s.notes.push(format!("{} open; {high} high or critical.", count(active.len(), "risk", "risks")));
    let untreated = active.iter().filter(|&&i| cx.book.risks[i].treatment.is_none()).count();
    if untreated > 0 {
        s.notes.push(format!("{} without a treatment decision.", count(untreated, "risk", "risks")));
    }
    s.notes.push("New risks raised in the room: D, then “Add a risk”.".to_owned());
    s
}
