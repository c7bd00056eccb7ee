//! Occurrences of one-off and recurring windows.
//!
//! A window repeats on the wall clock of its own zone: a weekly window at
//! 01:00 Europe/London is at 01:00 London time in winter and in summer, so
//! its instants move by an hour across a daylight-saving change. Monthly and
//! yearly windows keep the day of the first occurrence, or the last day of a
//! shorter month (31 January, 28 February, 31 March; 29 February, then 28
//! February in a common year). The n-th occurrence is always counted from
//! the first, so a short month never shortens the ones after it.
//!
//! A wall-clock time that does not exist (in the gap when clocks go forward)
//! is taken as the time after the gap; one that happens twice (when clocks
//! go back) as the first of the two. This is RFC 5545's rule too.

use super::Interval;
use crate::model::{Repeat, Window};
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Span, Timestamp};

/// At most this many occurrences are looked at per window and call, so that
/// a huge range can never stall the caller.
const MAX_STEPS: i64 = 20_000;

/// One occurrence of a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// 0 for the first occurrence, 1 for the next, and so on.
    pub index: i64,
    /// Its start on the wall clock of the window's zone.
    pub start: DateTime,
    /// When it happens.
    pub interval: Interval,
}

/// The zone called `name`, or UTC when the name is empty or unknown.
pub fn zone(name: &str) -> TimeZone {
    TimeZone::get(name.trim()).unwrap_or(TimeZone::UTC)
}

/// The instant of a wall-clock time in `tz` (after a gap, first of a repeat).
pub fn instant(dt: DateTime, tz: &TimeZone) -> Timestamp {
    tz.to_ambiguous_timestamp(dt)
        .compatible()
        .or_else(|_| TimeZone::UTC.to_timestamp(dt))
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The wall-clock start of the `k`-th occurrence (`None` past `until` or the calendar).
pub fn nth_start(window: &Window, k: i64) -> Option<DateTime> {
    if k < 0 {
        return None;
    }
    let start = window.start;
    let at = match window.repeat {
        Repeat::Never if k == 0 => Some(start),
        Repeat::Never => None,
        Repeat::Weekly => start.checked_add(Span::new().try_weeks(k).ok()?).ok(),
        Repeat::Monthly => {
            let date = start.date().checked_add(Span::new().try_months(k).ok()?).ok()?;
            Some(date.to_datetime(start.time()))
        }
        Repeat::Yearly => {
            let date = start.date().checked_add(Span::new().try_years(k).ok()?).ok()?;
            Some(date.to_datetime(start.time()))
        }
    }?;
    match (window.until, k) {
        (Some(until), k) if k > 0 && at.date() > until => None,
        _ => Some(at),
    }
}

/// How long each occurrence lasts on the wall clock (never negative).
pub fn wall_length(window: &Window) -> SignedDuration {
    window.start.duration_until(window.end).max(SignedDuration::ZERO)
}

/// The `k`-th occurrence of a window in `tz`, if there is one.
pub fn nth(window: &Window, tz: &TimeZone, k: i64) -> Option<Occurrence> {
    let start = nth_start(window, k)?;
    let end = start.checked_add(wall_length(window)).unwrap_or(start);
    Some(Occurrence { index: k, start, interval: Interval::new(instant(start, tz), instant(end, tz)) })
}

/// Every occurrence of `window` (in zone `tz`) that shares time with `range`, in order.
pub fn occurrences(window: &Window, tz: &TimeZone, range: Interval) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for_each_occurrence(window, tz, range, |o| out.push(o));
    out
}

/// Calls `f` for every occurrence of `window` that shares time with `range`, in order.
pub fn for_each_occurrence(window: &Window, tz: &TimeZone, range: Interval, mut f: impl FnMut(Occurrence)) {
    let first = first_candidate(window, tz, range.start);
    // A day of slack covers any offset change between the range's zone and the window's.
    let last_start = tz.to_datetime(range.end).checked_add(SignedDuration::from_hours(26)).unwrap_or(DateTime::MAX);
    let mut k = first;
    while k < first + MAX_STEPS {
        let Some(o) = nth(window, tz, k) else { break };
        if o.start > last_start {
            break;
        }
        if o.interval.overlaps(&range) {
            f(o);
        }
        k += 1;
    }
}

/// The index of an occurrence at or before the first one that can reach `from`.
fn first_candidate(window: &Window, tz: &TimeZone, from: Timestamp) -> i64 {
    let slack = wall_length(window).checked_add(SignedDuration::from_hours(26)).unwrap_or(SignedDuration::MAX);
    let Ok(lo) = tz.to_datetime(from).checked_sub(slack) else { return 0 };
    let start = window.start;
    if lo <= start {
        return 0;
    }
    let k = match window.repeat {
        Repeat::Never => 0,
        Repeat::Weekly => start.date().duration_until(lo.date()).as_hours() / (24 * 7) - 1,
        Repeat::Monthly => {
            let months = i64::from(lo.year() - start.year()) * 12 + i64::from(lo.month() - start.month());
            months - 1
        }
        Repeat::Yearly => i64::from(lo.year() - start.year()) - 1,
    };
    k.max(0)
}

/// Whether a window happens at least once.
pub fn is_recurring(window: &Window) -> bool {
    window.repeat != Repeat::Never
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn window(start: DateTime, end: DateTime, repeat: Repeat) -> Window {
        Window { start, end, zone: "Europe/London".into(), repeat, until: None }
    }

    #[test]
    fn the_first_candidate_is_never_after_the_first_hit() {
        let w = window(date(2025, 1, 31).at(18, 0, 0, 0), date(2025, 2, 1).at(12, 0, 0, 0), Repeat::Monthly);
        let tz = zone(&w.zone);
        let from = instant(date(2026, 3, 1).at(0, 0, 0, 0), &tz);
        let k = first_candidate(&w, &tz, from);
        let hit = nth(&w, &tz, k + 1).map(|o| o.start.date());
        assert!(hit <= Some(date(2026, 2, 28)), "{k} {hit:?}");
    }
}
