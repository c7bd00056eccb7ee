//! What moving or resizing an item on the calendar changes in the book.
//!
//! A move or resize is a [`Shift`] of days and minutes on the wall clock of
//! the zone the calendar is shown in, so that a block dropped on Sunday
//! 01:00 starts at Sunday 01:00 as shown, also across a daylight-saving
//! change. The new times are written in the item's own zone. Each change
//! is one [`Edit::Group`], so one drag or one key press is one undo step.

use crate::edit::{Edit, EditError, Path};
use crate::model::{Book, Deployment, Milestone, PhaseDates, PhasePlan, Release};
use crate::schedule::items::{day_interval, phase_days};
use crate::schedule::{Interval, ItemKey, instant, zone};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// The shortest deployment window a resize leaves.
const SHORTEST_MINUTES: i64 = 15;

/// A move by whole days and minutes on the wall clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shift {
    /// Days.
    pub days: i64,
    /// Minutes.
    pub minutes: i64,
}

impl Shift {
    /// Whether it moves nothing.
    pub fn is_zero(self) -> bool {
        self.days == 0 && self.minutes == 0
    }

    /// The shift in whole days (minutes rounded), for items of whole days.
    pub fn whole_days(self) -> i64 {
        self.days + (self.minutes as f64 / 1440.0).round() as i64
    }

    /// The shift as a duration on the wall clock.
    fn duration(self) -> SignedDuration {
        SignedDuration::from_mins(self.days.saturating_mul(1440).saturating_add(self.minutes))
    }
}

/// Whether a drag moves the whole item or only its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Start and end move together.
    Move,
    /// Only the end moves.
    ResizeEnd,
}

/// An instant moved by `s` on the wall clock of `tz`.
pub fn shift_instant(t: Timestamp, s: Shift, tz: &TimeZone) -> Timestamp {
    match tz.to_datetime(t).checked_add(s.duration()) {
        Ok(dt) => instant(dt, tz),
        Err(_) => t,
    }
}

fn shift_day(d: Date, days: i64) -> Date {
    d.checked_add(jiff::Span::new().days(days)).unwrap_or(d)
}

fn find<'a>(book: &'a Book, key: &ItemKey) -> Option<Found<'a>> {
    let release = book.release(key.release()?)?;
    match key {
        ItemKey::Deployment { deployment, .. } => {
            release.deployments.iter().find(|d| &d.id == deployment).map(|d| Found::Deployment(release, d))
        }
        ItemKey::Milestone { milestone, .. } => {
            release.milestones.iter().find(|m| &m.id == milestone).map(|m| Found::Milestone(release, m))
        }
        ItemKey::Phase { phase, .. } => {
            let dates = release.phases.get(*phase)?;
            Some(Found::Phase(release, *phase, dates))
        }
        ItemKey::Blackout { .. } | ItemKey::Maintenance { .. } => None,
    }
}

enum Found<'a> {
    Deployment(&'a Release, &'a Deployment),
    Milestone(&'a Release, &'a Milestone),
    Phase(&'a Release, crate::model::Phase, &'a PhaseDates),
}

/// Whether the item can be moved or resized on the calendar, and how.
pub fn can_edit(book: &Book, key: &ItemKey, mode: Mode) -> bool {
    match find(book, key) {
        Some(Found::Deployment(..)) => true,
        Some(Found::Milestone(..)) => mode == Mode::Move,
        Some(Found::Phase(_, _, dates)) => {
            dates.planned_end.is_some() && (mode == Mode::ResizeEnd || dates.planned_start.is_some())
        }
        None => false,
    }
}

/// [`can_edit`] for an item at hand (no lookup in the book).
pub fn can_edit_item(item: &crate::schedule::CalendarItem<'_>, mode: Mode) -> bool {
    use crate::schedule::Source;
    match item.source {
        Source::Deployment { .. } => true,
        Source::Milestone { .. } => mode == Mode::Move,
        Source::Phase { release, phase } => release.phases.get(phase).is_some_and(|dates| {
            dates.planned_end.is_some() && (mode == Mode::ResizeEnd || dates.planned_start.is_some())
        }),
        Source::Blackout { .. } | Source::Maintenance { .. } => false,
    }
}

/// Where a deployment's window would be after the shift.
fn deployment_after(d: &Deployment, mode: Mode, s: Shift, tz: &TimeZone) -> Interval {
    let own = zone(&d.window.zone);
    let (start, end) = (instant(d.window.start, &own), instant(d.window.end, &own));
    let new_start = if mode == Mode::Move { shift_instant(start, s, tz) } else { start };
    let mut new_end = shift_instant(end, s, tz);
    let shortest = new_start.checked_add(SignedDuration::from_mins(SHORTEST_MINUTES)).unwrap_or(new_start);
    if mode == Mode::ResizeEnd && new_end < shortest {
        new_end = shortest;
    }
    Interval::new(new_start, new_end)
}

/// The planned days of a phase after the shift.
fn phase_after(dates: &PhaseDates, mode: Mode, days: i64) -> Option<(Date, Date)> {
    let (first, last) = phase_days(dates)?;
    Some(match mode {
        Mode::Move => (shift_day(first, days), shift_day(last, days)),
        Mode::ResizeEnd => (first, shift_day(last, days).max(first)),
    })
}

/// Where the item would be drawn after the shift, in the calendar's zone `tz`.
pub fn preview(book: &Book, key: &ItemKey, mode: Mode, s: Shift, tz: &TimeZone) -> Option<Interval> {
    match find(book, key)? {
        Found::Deployment(_, d) => Some(deployment_after(d, mode, s, tz)),
        Found::Milestone(_, m) => {
            let day = shift_day(m.date, s.whole_days());
            Some(day_interval(day, day, tz))
        }
        Found::Phase(_, _, dates) => phase_after(dates, mode, s.whole_days()).map(|(a, b)| day_interval(a, b, tz)),
    }
}

/// The days a whole-day item would cover after the shift.
pub fn preview_days(book: &Book, key: &ItemKey, mode: Mode, s: Shift) -> Option<(Date, Date)> {
    match find(book, key)? {
        Found::Deployment(..) => None,
        Found::Milestone(_, m) => {
            let day = shift_day(m.date, s.whole_days());
            Some((day, day))
        }
        Found::Phase(_, _, dates) => phase_after(dates, mode, s.whole_days()),
    }
}

/// The edit that makes the shift, as one undo step; `None` when it changes nothing.
pub fn shift_edit(book: &Book, key: &ItemKey, mode: Mode, s: Shift, tz: &TimeZone) -> Option<Result<Edit, EditError>> {
    if s.is_zero() || !can_edit(book, key, mode) {
        return None;
    }
    let (edits, name) = match find(book, key)? {
        Found::Deployment(r, d) => {
            let at = deployment_after(d, mode, s, tz);
            return move_deployment_edit(r, d, at, mode);
        }
        Found::Milestone(r, m) => {
            let day = shift_day(m.date, s.whole_days());
            if day == m.date {
                return None;
            }
            let path = Path::root().item("releases", &r.id).item("milestones", &m.id);
            (vec![Edit::set(path, "date", &day)], format!("Move milestone {} “{}” to {}", m.id, m.name, day_words(day)))
        }
        Found::Phase(r, phase, dates) => {
            let (first, last) = phase_after(dates, mode, s.whole_days())?;
            let field = PhasePlan::field_name(phase)?;
            let path = Path::root().item("releases", &r.id).field("phases").field(field);
            let mut edits = vec![Edit::set(path.clone(), "planned_end", &Some(last))];
            let name = if mode == Mode::Move && dates.planned_start.is_some() {
                edits.push(Edit::set(path, "planned_start", &Some(first)));
                format!("Move {} of {} to {} – {}", phase.label(), r.id, day_words(first), day_words(last))
            } else {
                format!("End {} of {} on {}", phase.label(), r.id, day_words(last))
            };
            if Some((first, last)) == phase_days(dates) {
                return None;
            }
            (edits, name)
        }
    };
    Some(edits.into_iter().collect::<Result<Vec<_>, _>>().map(|edits| Edit::Group { name, edits }))
}

/// The edit that puts a deployment's window at `at` (written in its own zone).
pub fn move_deployment_edit(r: &Release, d: &Deployment, at: Interval, mode: Mode) -> Option<Result<Edit, EditError>> {
    let own = zone(&d.window.zone);
    let (start, end) = (own.to_datetime(at.start), own.to_datetime(at.end));
    if start == d.window.start && end == d.window.end {
        return None;
    }
    let path = Path::root().item("releases", &r.id).item("deployments", &d.id).field("window");
    let zone_name = if d.window.zone.trim().is_empty() { "UTC" } else { d.window.zone.trim() };
    let name = match mode {
        Mode::Move => format!("Move deployment {} to {} {zone_name}", d.id, start.strftime("%a %-d %b %Y %H:%M")),
        Mode::ResizeEnd => format!("End deployment {} at {} {zone_name}", d.id, end.strftime("%a %-d %b %Y %H:%M")),
    };
    let edits = [Edit::set(path.clone(), "start", &start), Edit::set(path, "end", &end)];
    Some(edits.into_iter().collect::<Result<Vec<_>, _>>().map(|edits| Edit::Group { name, edits }))
}

fn day_words(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}
