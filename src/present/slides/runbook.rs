//! The runbook slides: one per deployment still to run (at most three),
//! each step with its start time, owner, length and whether it is done.

use super::{duration, main_deployment, runbook_minutes, window_minutes, window_text};
use crate::model::{Deployment, Release};
use crate::present::blocks::{Block, Cell, Column, Fact, Table, Tone, count, short};
use crate::present::deck::{Context, Slide, SlideKind};

/// At most this many runbook slides per release.
const MAX_RUNBOOKS: usize = 3;

/// At most this many steps on one slide; the window shows fewer only when
/// the slide has no room for them.
const MAX_STEPS: usize = 16;

/// The runbook slides of a release.
pub(super) fn runbooks(cx: &Context<'_>, r: &Release) -> Vec<Slide> {
    let open = |d: &&Deployment| {
        if d.steps.is_empty() { d.window.end.date() >= cx.today } else { d.steps.iter().any(|s| !s.done) }
    };
    let mut shown: Vec<&Deployment> = r.deployments.iter().filter(open).take(MAX_RUNBOOKS).collect();
    if shown.is_empty() {
        shown.extend(main_deployment(cx, r));
    }
    if shown.is_empty() {
        let mut s = Slide::new(SlideKind::Runbook, Some(r), "Deployment runbook");
        s.top.push(Block::Callout(Cell::tone("⚠ No deployment is planned yet.", Tone::Warning)));
        s.notes.push("Agree the deployment dates, environments and owners before the next gate.".to_owned());
        return vec![s];
    }
    shown.into_iter().map(|d| runbook(cx, r, d)).collect()
}

/// When a step starts, `from` minutes into a window opening at `start`:
/// "23:30", or "00:15 (+1 day)" past midnight, so an overnight runbook
/// reads as the night it is.
fn step_start(start: jiff::civil::DateTime, from: u64) -> String {
    // Beyond about 1,900 years there is no sensible time to show (and the
    // duration would overflow).
    let minutes = match i64::try_from(from) {
        Ok(m) if m <= 1_000_000_000 => m,
        _ => return "—".to_owned(),
    };
    let Ok(at) = start.checked_add(jiff::SignedDuration::from_mins(minutes)) else { return "—".to_owned() };
    let days = (at.date() - start.date()).get_days();
    let time = at.strftime("%H:%M").to_string();
    match days {
        0 => time,
        1 => format!("{time} (+1 day)"),
        n => format!("{time} (+{n} days)"),
    }
}

fn runbook(cx: &Context<'_>, r: &Release, d: &Deployment) -> Slide {
    let mut s = Slide::new(SlideKind::Runbook, Some(r), format!("Runbook: {}", d.name));
    let times = crate::schedule::steps::step_minutes(&d.steps);
    let start = d.window.start;
    let mut t = Table::new(
        "",
        vec![
            Column::fit("#"),
            Column::fit("Starts"),
            Column::fill("Step", 1.0),
            Column::fit("Owner"),
            Column::fit("Takes"),
            Column::fit("Status"),
        ],
        "⚠ The runbook has no steps yet.",
    );
    for (i, (step, (from, _))) in d.steps.iter().zip(times).enumerate() {
        let at = step_start(start, from);
        let owner = match &step.owner {
            Some(_) => Cell::new(cx.person(step.owner.as_ref())),
            None => Cell::tone("⚠ nobody", Tone::Warning),
        };
        let status = if step.done { Cell::tone("✔ done", Tone::Good) } else { Cell::new("○ to do") };
        t.row(
            vec![
                Cell::tone((i + 1).to_string(), Tone::Weak),
                Cell::new(at),
                Cell::new(short(&step.title, 80)),
                owner,
                Cell::new(duration(u64::from(step.duration_minutes))),
                status,
            ],
            None,
        );
    }
    t.limit(MAX_STEPS);

    let env = cx.book.environment(&d.environment).map_or_else(|| d.environment.to_string(), |e| e.name.clone());
    let total = runbook_minutes(d);
    let window = window_minutes(d);
    let done = d.steps.iter().filter(|x| x.done).count();
    s.top.push(Block::Summary(vec![
        Fact::new("Environment", env),
        Fact::new("Window", window_text(d)),
        Fact::new("Method", d.method.label()),
        Fact::tone(
            "Runbook takes",
            format!("{} of {}", duration(total), duration(window)),
            if total > window { Tone::Bad } else { Tone::Normal },
        ),
        Fact::tone(
            "Done",
            format!("{done} of {} steps", d.steps.len()),
            if done == d.steps.len() && done > 0 { Tone::Good } else { Tone::Normal },
        ),
    ]));
    s.top.push(Block::Table(t));
    if total > window {
        s.top.push(Block::Callout(Cell::tone(
            format!("⚠ The runbook overruns its window by {}.", duration(total - window)),
            Tone::Bad,
        )));
    }
    let conflicts = cx.conflicts_of(&r.id).filter(|c| c.involves(&d.id)).count();
    if conflicts > 0 {
        s.top.push(Block::Callout(Cell::tone(
            format!("⚠ This deployment is in {}; see the schedule.", count(conflicts, "conflict", "conflicts")),
            Tone::Bad,
        )));
    }
    let unowned = d.steps.iter().filter(|x| x.owner.is_none()).count();
    s.notes.push(format!("{} steps, {} in all; {done} done.", d.steps.len(), duration(total)));
    if unowned > 0 {
        s.notes.push(format!("{} without an owner: ask who takes them.", count(unowned, "step", "steps")));
    }
    s.notes.push("Walk the steps with their owners; note any change as an action item.".to_owned());
    s
}

#[cfg(test)]
mod tests {
    use super::step_start;

    #[test]
    fn a_step_after_midnight_says_it_is_the_next_day() {
        let start = jiff::civil::date(2027, 1, 9).at(23, 0, 0, 0);
        assert_eq!(step_start(start, 0), "23:00");
        assert_eq!(step_start(start, 45), "23:45");
        assert_eq!(step_start(start, 75), "00:15 (+1 day)");
        assert_eq!(step_start(start, 60 * 25), "00:00 (+2 days)");
        assert_eq!(step_start(start, u64::MAX), "—");
    }
}
