//! The slide of each kind, built from the plan. One file per group of
//! slides; [`release_slides`] puts a release's slides in walkthrough order.

mod acceptance;
mod agenda;
mod backout;
mod findings;
mod go_no_go;
mod overview;
mod risks;
mod runbook;
mod schedule;
mod scope;

pub use agenda::agenda;

use super::blocks::{Block, Cell, Tone};
use super::deck::{Context, Slide, SlideKind};
use crate::model::{Deployment, Release};
use jiff::civil::Date;

/// A release's slides, in the order a walkthrough takes them.
pub fn release_slides(cx: &Context<'_>, r: &Release) -> Vec<Slide> {
    let mut out = vec![overview::overview(cx, r), scope::scope(cx, r), schedule::schedule(cx, r)];
    out.extend(runbook::runbooks(cx, r));
    out.push(risks::risks(cx, r));
    out.push(acceptance::acceptance(cx, r));
    out.push(backout::backout(cx, r));
    out.push(findings::findings(cx, r));
    out.push(go_no_go::go_no_go(cx, r));
    out
}

/// A single slide that says why there is nothing to show.
pub fn nothing(message: &str) -> Slide {
    let mut s = Slide::new(SlideKind::Agenda, None, "Nothing to present");
    s.top.push(Block::Callout(Cell::tone(message, Tone::Warning)));
    s
}

/// "Sun 10 Jan 2027".
pub(super) fn day(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// "10 Jan".
pub(super) fn short_day(d: Date) -> String {
    d.strftime("%-d %b").to_string()
}

/// "today", "tomorrow", "in 12 days", "3 days ago".
pub(super) fn from_today(today: Date, d: Date) -> String {
    let days = (d - today).get_days();
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// "3 h 25 min", "45 min", "2 h".
pub(super) fn duration(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The deployment the release turns on ([`crate::schedule::go_live`]).
pub(super) fn main_deployment<'a>(cx: &Context<'_>, r: &'a Release) -> Option<&'a Deployment> {
    crate::schedule::go_live(cx.book, r)
}

/// The length of a deployment's window in minutes (0 when it ends before it starts).
pub(super) fn window_minutes(d: &Deployment) -> u64 {
    let tz = crate::schedule::zone(&d.window.zone);
    let start = crate::schedule::instant(d.window.start, &tz);
    let end = crate::schedule::instant(d.window.end, &tz);
    u64::try_from(start.duration_until(end).as_mins()).unwrap_or(0)
}

/// A deployment's window in words, in its own zone: "Sun 10 Jan 2027 01:00–05:00 (Europe/London)".
pub(super) fn window_text(d: &Deployment) -> String {
    let tz = crate::schedule::zone(&d.window.zone);
    let at = crate::schedule::Interval::new(
        crate::schedule::instant(d.window.start, &tz),
        crate::schedule::instant(d.window.end, &tz),
    );
    format!("{} ({})", crate::schedule::describe::span_text(at, &tz), d.window.zone)
}

/// The total running time of a runbook, in minutes: when its last step ends.
pub(super) fn runbook_minutes(d: &Deployment) -> u64 {
    crate::schedule::steps::step_minutes(&d.steps).iter().map(|(_, end)| *end).max().unwrap_or(0)
}

#[cfg(test)]
mod tests;
