//! The agenda of a walkthrough of several releases: each release with its
//! phase, its next deployment and how ready it is.

use super::{day, from_today};
use crate::check::Severity;
use crate::model::{CriterionStatus, Release};
use crate::present::blocks::{Block, Cell, Column, Table, Tone, count};
use crate::present::deck::{Context, Slide, SlideKind, next_date};

/// The agenda slide; `left_out` counts upcoming releases not in the deck.
pub fn agenda(cx: &Context<'_>, releases: &[&Release], left_out: usize) -> Slide {
    let mut s = Slide::new(SlideKind::Agenda, None, "Upcoming releases");
    s.kicker = cx.book.name.clone();
    let mut t = Table::new(
        "",
        vec![
            Column::fill("Release", 3.0),
            Column::fit("Phase"),
            Column::fill("Next deployment", 2.0),
            Column::fit("Criteria met"),
            Column::fit("Check errors"),
        ],
        "No release is planned or in progress.",
    );
    for r in releases {
        let deployment =
            r.deployments.iter().filter(|d| d.window.start.date() >= cx.today).min_by_key(|d| d.window.start);
        let next = match (deployment, next_date(r, cx.today)) {
            (Some(d), _) => {
                let date = d.window.start.date();
                Cell::new(format!("{} · {} ({})", d.name, day(date), from_today(cx.today, date)))
            }
            (None, Some(date)) => {
                Cell::new(format!("Deployment phase · {} ({})", day(date), from_today(cx.today, date)))
            }
            (None, None) => Cell::tone("⚠ no date", Tone::Warning),
        };
        let met = r.criteria.iter().filter(|c| c.status == CriterionStatus::Met).count();
        let errors =
            cx.findings.iter().filter(|f| f.release.as_ref() == Some(&r.id) && f.severity == Severity::Error).count();
        t.row(
            vec![
                Cell::new(format!("{} {}", r.id, r.name)),
                Cell::tone(r.phase.label(), Tone::Accent),
                next,
                Cell::tone(
                    format!("{met} of {}", r.criteria.len()),
                    if met == r.criteria.len() { Tone::Good } else { Tone::Normal },
                ),
                if errors == 0 {
                    Cell::tone("✔ none", Tone::Good)
                } else {
                    Cell::tone(format!("⚠ {errors}"), Tone::Bad)
                },
            ],
            None,
        );
    }
    t.more = left_out;
    s.top.push(Block::Table(t));
    s.notes = vec![
        format!("{} in this walkthrough, soonest deployment first.", count(releases.len(), "release", "releases")),
        "Each release has its overview, scope, schedule, runbook, risks, acceptance, backout, findings and go/no-go."
            .to_owned(),
        "G shows every slide; pick one to jump there.".to_owned(),
    ];
    if left_out > 0 {
        s.notes.push(format!("{} later releases are not in this deck.", left_out));
    }
    s
}
