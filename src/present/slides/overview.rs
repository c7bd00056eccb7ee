//! The overview slide: the release, where it stands on its four phases,
//! what it delivers and the numbers that say how ready it is.

use super::{day, from_today, main_deployment, short_day};
use crate::check::Severity;
use crate::model::{CriterionStatus, Phase, Release};
use crate::present::blocks::{Block, Fact, PhaseStep, Stat, StepState, Tone, count};
use crate::present::deck::{Context, Slide, SlideKind};

/// The overview slide of a release.
pub(super) fn overview(cx: &Context<'_>, r: &Release) -> Slide {
    let mut s = Slide::new(SlideKind::Overview, Some(r), r.name.clone());
    s.kicker = format!("{} · {} · overview", r.id, r.phase.label());
    s.top.push(Block::Phases(phase_track(r)));
    if !r.summary.trim().is_empty() {
        s.left.push(Block::Text { label: "What it delivers".to_owned(), text: r.summary.trim().to_owned() });
    }
    s.left.push(Block::Facts(facts(cx, r)));
    s.right.push(Block::Stats(stats(cx, r)));
    s.notes = notes(cx, r);
    s
}

fn phase_track(r: &Release) -> Vec<PhaseStep> {
    [Phase::Planning, Phase::BuildAndTest, Phase::Deployment, Phase::ReviewAndClose]
        .into_iter()
        .map(|phase| {
            let dates = r.phases.get(phase).and_then(crate::schedule::items::phase_days);
            let dates =
                dates.map_or_else(|| "no dates".to_owned(), |(a, b)| format!("{} – {}", short_day(a), short_day(b)));
            let state = match phase.cmp(&r.phase) {
                std::cmp::Ordering::Less => StepState::Done,
                std::cmp::Ordering::Equal => StepState::Current,
                std::cmp::Ordering::Greater => StepState::Next,
            };
            PhaseStep { phase, dates, state }
        })
        .collect()
}

fn facts(cx: &Context<'_>, r: &Release) -> Vec<Fact> {
    let kind = cx.book.release_type(&r.release_type).map_or_else(|| "no type".to_owned(), |t| t.name.clone());
    let mut out = vec![
        Fact::new("Version", if r.version.is_empty() { "—".to_owned() } else { r.version.clone() }),
        Fact::new("Type and priority", format!("{kind} · {} priority", r.priority.label())),
        Fact::new("Release manager", cx.person(r.owner.as_ref())),
    ];
    let next = r.milestones.iter().filter(|m| !m.done).min_by_key(|m| m.date);
    if let Some(m) = next {
        let tone = if m.date < cx.today { Tone::Warning } else { Tone::Normal };
        let late = if m.date < cx.today { "⚠ overdue: " } else { "" };
        out.push(Fact::tone(
            "Next milestone",
            format!("{late}{} · {} ({})", m.name, day(m.date), from_today(cx.today, m.date)),
            tone,
        ));
    }
    if let Some(d) = main_deployment(cx, r) {
        let date = d.window.start.date();
        out.push(Fact::new("Main deployment", format!("{} · {} ({})", d.name, day(date), from_today(cx.today, date))));
    }
    out
}

fn stats(cx: &Context<'_>, r: &Release) -> Vec<Stat> {
    let met = r.criteria.iter().filter(|c| matches!(c.status, CriterionStatus::Met | CriterionStatus::Waived)).count();
    let all_met = met == r.criteria.len() && !r.criteria.is_empty();
    let summary = crate::risk::summary(cx.book, &r.id);
    let errors =
        cx.findings.iter().filter(|f| f.release.as_ref() == Some(&r.id) && f.severity == Severity::Error).count();
    let conflicts = cx.conflicts_of(&r.id).count();
    let risk_tone = match summary.highest {
        Some((_, band)) if band >= crate::model::Band::High => Tone::Warning,
        _ => Tone::Good,
    };
    vec![
        Stat::new(
            format!("{met} of {}", r.criteria.len()),
            "acceptance criteria met",
            if all_met { Tone::Good } else { Tone::Warning },
        ),
        Stat::new(
            summary.active().to_string(),
            match summary.highest {
                Some((score, band)) => format!("open risks, highest {score} · {}", band.label()),
                None => "open risks".to_owned(),
            },
            risk_tone,
        ),
        Stat::new(errors.to_string(), "check errors", if errors == 0 { Tone::Good } else { Tone::Bad }),
        Stat::new(conflicts.to_string(), "schedule conflicts", if conflicts == 0 { Tone::Good } else { Tone::Bad }),
    ]
}

fn notes(cx: &Context<'_>, r: &Release) -> Vec<String> {
    let mut out = vec![format!("{} is in {}; {} owns it.", r.name, r.phase.label(), cx.person(r.owner.as_ref()))];
    let late: Vec<String> =
        r.milestones.iter().filter(|m| !m.done && m.date < cx.today).map(|m| format!("“{}”", m.name)).collect();
    if !late.is_empty() {
        out.push(format!("Overdue: {}. Ask whether the dates still hold.", late.join(", ")));
    }
    let open = r.actions.iter().filter(|a| !a.done).count();
    if open > 0 {
        out.push(format!("{} from earlier meetings still open.", count(open, "action item", "action items")));
    }
    out.push("Decisions taken here (D) go into the book and the minutes (M).".to_owned());
    out
}
