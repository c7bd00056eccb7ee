//! The schedule slide: a calendar excerpt of the release (phases,
//! milestones, deployments by environment, blackouts across them), its
//! key dates and the conflicts its deployments are in.

use super::{day, from_today};
use crate::model::{BlackoutScope, Id, Phase, Release};
use crate::present::blocks::{Block, Cell, Column, Lane, Span, SpanKind, Table, Timeline, Tone, count, short};
use crate::present::deck::{Context, Slide, SlideKind};
use crate::schedule::{Interval, ItemFilter, Kinds, Source, calendar_items, zone};
use jiff::ToSpan;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// At most this many days on the excerpt.
const MAX_DAYS: i32 = 150;

/// At most this many key dates on the slide; the window shows fewer only
/// when the slide has no room for them.
const MAX_KEY_DATES: usize = 10;

/// At most this many conflicts on the slide.
const MAX_CONFLICTS: usize = 6;

/// The schedule slide of a release.
pub(super) fn schedule(cx: &Context<'_>, r: &Release) -> Slide {
    let mut s = Slide::new(SlideKind::Schedule, Some(r), "Schedule");
    s.top.push(Block::Timeline(timeline(cx, r)));
    s.left.push(Block::Table(key_dates(cx, r)));
    let tz = release_zone(r);
    let conflicts: Vec<_> = cx.conflicts_of(&r.id).collect();
    let mut t = Table::new(
        "Conflicts",
        vec![Column::fit("Kind"), Column::fill("What clashes", 1.0)],
        "✔ No conflicts: no clash of environment, configuration item, person, blackout or maintenance window.",
    );
    for c in &conflicts {
        t.row(
            vec![
                Cell::tone(format!("⚠ {}", c.kind.label()), Tone::Bad),
                Cell::new(short(&c.describe(cx.book, &tz), 160)),
            ],
            None,
        );
    }
    t.limit(MAX_CONFLICTS);
    s.right.push(Block::Table(t));
    s.notes.push(match conflicts.len() {
        0 => "No schedule conflicts.".to_owned(),
        n => format!("{}: agree who moves, or record an exception.", count(n, "conflict", "conflicts")),
    });
    s.notes.push("Shaded days are blackout or freeze windows that cover this release's environments.".to_owned());
    s
}

/// The zone the release's days are counted in: its first deployment's, or UTC.
fn release_zone(r: &Release) -> TimeZone {
    r.deployments.first().map_or(TimeZone::UTC, |d| zone(&d.window.zone))
}

/// The days the excerpt shows: the release's planned extent, starting at
/// most four weeks before today and at most [`MAX_DAYS`] long.
fn range(r: &Release, today: Date) -> (Date, Date) {
    let (first, last) = crate::schedule::items::release_extent(r).unwrap_or((today, today));
    let earliest = today.checked_sub(28.days()).unwrap_or(today);
    let first = first.max(earliest).min(last);
    let first = first.checked_sub(3.days()).unwrap_or(first);
    let last = last.checked_add(3.days()).unwrap_or(last);
    let last = last.max(first.checked_add(27.days()).unwrap_or(first));
    let last = last.min(first.checked_add((MAX_DAYS - 1).days()).unwrap_or(last));
    (first, last)
}

fn timeline(cx: &Context<'_>, r: &Release) -> Timeline {
    let tz = release_zone(r);
    let (first, last) = range(r, cx.today);
    let interval = crate::schedule::items::day_interval(first, last, &tz);
    let filter = ItemFilter {
        release: Some(r.id.clone()),
        kinds: Kinds { maintenance: false, ..Kinds::default() },
        ..ItemFilter::default()
    };
    let items = calendar_items(cx.book, interval, &tz, &filter);
    let envs: Vec<&Id> = r.deployments.iter().map(|d| &d.environment).collect();
    let deployments: Vec<Interval> =
        items.iter().filter(|i| matches!(i.source, Source::Deployment { .. })).map(|i| i.interval).collect();
    let in_conflict = |dep: &Id| cx.conflicts_of(&r.id).any(|c| c.involves(dep));
    let days_of = |at: Interval| {
        let a = tz.to_datetime(at.start).date();
        let end = at.end.checked_sub(jiff::SignedDuration::from_secs(1)).unwrap_or(at.end).max(at.start);
        (a, tz.to_datetime(end).date())
    };
    let mut phases = Lane { label: "Phases".to_owned(), spans: Vec::new() };
    let mut milestones = Lane { label: "Milestones".to_owned(), spans: Vec::new() };
    let mut by_env: Vec<Lane> = Vec::new();
    let mut shaded = Vec::new();
    for item in &items {
        let (a, b) = item.days.unwrap_or_else(|| days_of(item.interval));
        let span = |label: String, kind: SpanKind, conflict: bool| Span { first: a, last: b, label, kind, conflict };
        match item.source {
            Source::Phase { phase, .. } if phase != Phase::Closed => {
                phases.spans.push(span(phase.label().to_owned(), SpanKind::Phase { current: phase == r.phase }, false));
            }
            Source::Milestone { milestone, .. } => {
                milestones.spans.push(span(
                    short(&milestone.name, 28),
                    SpanKind::Milestone { done: milestone.done },
                    false,
                ));
            }
            Source::Deployment { deployment, .. } => {
                let env = cx
                    .book
                    .environment(&deployment.environment)
                    .map_or_else(|| deployment.environment.to_string(), |e| e.name.clone());
                let lane = match by_env.iter_mut().position(|l| l.label == env) {
                    Some(i) => &mut by_env[i],
                    None => {
                        by_env.push(Lane { label: env, spans: Vec::new() });
                        let n = by_env.len() - 1;
                        &mut by_env[n]
                    }
                };
                lane.spans.push(span(short(&deployment.name, 28), SpanKind::Deployment, in_conflict(&deployment.id)));
            }
            Source::Blackout { blackout, .. } => {
                let covers = match &blackout.scope {
                    BlackoutScope::All => true,
                    BlackoutScope::Environments(list) => list.iter().any(|e| envs.contains(&e)),
                };
                // Short recurring windows (a Friday afternoon) would crowd the
                // excerpt; they show only where a deployment meets them.
                let long = item.interval.length() >= jiff::SignedDuration::from_hours(24);
                if covers && (long || deployments.iter().any(|d| d.overlaps(&item.interval))) {
                    shaded.push(span(short(&blackout.name, 40), SpanKind::Blackout, false));
                }
            }
            _ => {}
        }
    }
    let mut lanes = vec![phases, milestones];
    lanes.extend(by_env);
    let today = (first..=last).contains(&cx.today).then_some(cx.today);
    Timeline { first, last, today, lanes, shaded }
}

/// Milestones not yet reached and deployments still to come, soonest first.
fn key_dates(cx: &Context<'_>, r: &Release) -> Table {
    let mut t = Table::new(
        "Key dates",
        vec![Column::fit("Date"), Column::fill("What", 1.0), Column::fit("When")],
        "No milestones or deployments ahead.",
    );
    let mut rows: Vec<(Date, String, bool)> = Vec::new();
    for m in r.milestones.iter().filter(|m| !m.done) {
        rows.push((m.date, m.name.clone(), m.date < cx.today));
    }
    for d in &r.deployments {
        let date = d.window.start.date();
        let done = !d.steps.is_empty() && d.steps.iter().all(|s| s.done);
        if !done && !r.milestones.iter().any(|m| m.date == date && !m.done) {
            rows.push((date, d.name.clone(), date < cx.today));
        }
    }
    rows.sort();
    for (date, what, late) in rows {
        let when = if late {
            Cell::tone(format!("⚠ {}", from_today(cx.today, date)), Tone::Warning)
        } else {
            Cell::tone(from_today(cx.today, date), Tone::Weak)
        };
        t.row(vec![Cell::new(day(date)), Cell::new(short(&what, 60)), when], None);
    }
    t.limit(MAX_KEY_DATES);
    t
}
