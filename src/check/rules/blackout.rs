//! R17: no deployment inside a blackout or change-freeze window unless an
//! exception is approved.
//!
//! A blackout repeats weekly, monthly or yearly; instead of expanding
//! every occurrence, the check works out which few occurrences could touch
//! a deployment (from the number of periods between the two) and compares
//! only those, in the blackout's own time zone.

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::model::{Blackout, BlackoutScope, Book, Decision, DecisionKind, Deployment, Id, Phase, Repeat, Window};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// R17: deployments clear of blackouts, or with an approved exception.
pub static R17_CLEAR: Need = Need {
    rule: "R17",
    clause: "ITIL",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "No deployment falls inside a blackout without an approved exception",
    fix: "Move the deployment out of the blackout, or record a Blackout exception decision (who approved it, when, \
          why) and pick it as the deployment's exception.",
};

/// A blackout ready to test: its zone looked up and its first occurrence
/// in whole seconds of wall-clock time (see [`secs`]).
pub struct Prepared<'a> {
    /// The blackout.
    pub blackout: &'a Blackout,
    zone: TimeZone,
    /// The first occurrence's start.
    first: i64,
    /// How long each occurrence lasts, in seconds.
    length: i64,
    /// The last day an occurrence may start on, in days (see [`days`]).
    until: Option<i64>,
}

/// The book's blackouts whose window and zone make sense (the structural
/// checks report the others).
pub fn prepare(book: &Book) -> Vec<Prepared<'_>> {
    book.blackouts
        .iter()
        .filter(|b| b.window.end > b.window.start)
        .filter_map(|b| {
            let zone = TimeZone::get(&b.window.zone).ok()?;
            Some(prepared(b, zone))
        })
        .collect()
}

fn prepared(b: &Blackout, zone: TimeZone) -> Prepared<'_> {
    let w = &b.window;
    let (first, length) = (secs(w.start), secs(w.end) - secs(w.start));
    Prepared { blackout: b, zone, first, length, until: w.until.map(days) }
}

const DAY: i64 = 86_400;
const WEEK: i64 = 7 * DAY;

/// Days from 1970-01-01 to a date, in the proleptic Gregorian calendar.
fn days(d: Date) -> i64 {
    days_from_civil(i64::from(d.year()), i64::from(d.month()), i64::from(d.day()))
}

/// Howard Hinnant's `days_from_civil`.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Months since January of year 0 for a day number (see [`days`]); the
/// year-and-month half of Hinnant's `civil_from_days`.
fn civil_month(day: i64) -> i64 {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    year * 12 + month - 1
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Wall-clock time as seconds since 1970-01-01 00:00, every day 86 400 s
/// long: within one zone, wall-clock order and arithmetic, cheaply.
fn secs(dt: DateTime) -> i64 {
    let t = dt.time();
    days(dt.date()) * DAY + i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second())
}

impl Prepared<'_> {
    /// Whether the blackout covers this environment.
    fn covers(&self, environment: &Id) -> bool {
        match &self.blackout.scope {
            BlackoutScope::All => true,
            BlackoutScope::Environments(list) => list.contains(environment),
        }
    }

    /// The start of the `k`-th occurrence (0 is the first), if there is one.
    fn start(&self, k: i64) -> Option<i64> {
        let w = &self.blackout.window;
        let months = |n: i64| {
            let total = i64::from(w.start.year()) * 12 + i64::from(w.start.month()) - 1 + n;
            let (year, month) = (total.div_euclid(12), total.rem_euclid(12) + 1);
            let day = i64::from(w.start.day()).min(days_in_month(year, month));
            days_from_civil(year, month, day) * DAY + self.first.rem_euclid(DAY)
        };
        let start = match w.repeat {
            _ if k < 0 => return None,
            Repeat::Never if k > 0 => return None,
            Repeat::Never => self.first,
            Repeat::Weekly => self.first + k * WEEK,
            Repeat::Monthly => months(k),
            Repeat::Yearly => months(k * 12),
        };
        match self.until {
            Some(until) if start.div_euclid(DAY) > until => None,
            _ => Some(start),
        }
    }

    /// The number of an occurrence that overlaps `[from, to)` (wall-clock
    /// seconds in the blackout's zone), if any: only the occurrences that
    /// start in the period before `from` up to the period of `to` can.
    fn overlapping(&self, from: i64, to: i64) -> Option<i64> {
        let month_of = |t: i64| civil_month(t.div_euclid(DAY));
        let (k0, k1) = match self.blackout.window.repeat {
            Repeat::Never => (0, 0),
            Repeat::Weekly => ((from - self.first).div_euclid(WEEK), (to - self.first).div_euclid(WEEK)),
            Repeat::Monthly | Repeat::Yearly => {
                let first = month_of(self.first);
                let per = if self.blackout.window.repeat == Repeat::Yearly { 12 } else { 1 };
                ((month_of(from) - first).div_euclid(per), (month_of(to) - first).div_euclid(per))
            }
        };
        (k0 - 1..=k1).find(|&k| self.start(k).is_some_and(|start| start < to && from < start + self.length))
    }

    /// The wall-clock start of occurrence `k`, for messages.
    fn start_time(&self, k: i64) -> Option<DateTime> {
        let s = self.start(k)?;
        let (day, second) = (s.div_euclid(DAY), s.rem_euclid(DAY));
        let date = Date::new(1970, 1, 1).ok()?.checked_add(jiff::SignedDuration::from_hours(24 * day)).ok()?;
        let [h, m, sec] = [second / 3600, second % 3600 / 60, second % 60].map(|x| i8::try_from(x).unwrap_or(0));
        Some(date.to_datetime(jiff::civil::Time::new(h, m, sec, 0).ok()?))
    }
}

/// A window's start and end as instants, when its zone is known.
fn instants(w: &Window, zone: &TimeZone) -> Option<(jiff::Timestamp, jiff::Timestamp)> {
    Some((zone.to_timestamp(w.start).ok()?, zone.to_timestamp(w.end).ok()?))
}

/// Whether a decision approves a blackout exception: who, when and why.
fn exception_ok(d: &Decision) -> bool {
    d.kind == DecisionKind::BlackoutException
        && d.decided_by.is_some()
        && d.decided_at.is_some()
        && !blank(&d.rationale)
}

/// R17 for every deployment of the release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    cx.touch(&R17_CLEAR);
    let (r, ix) = (cx.r, cx.ix);
    if ix.blackouts.is_empty() {
        return;
    }
    for d in &r.deployments {
        let Some(zone) = ix.zone(&d.window.zone) else { continue };
        // Instants are only needed when a blackout keeps another zone's time.
        let mut instant = None;
        for b in ix.blackouts.iter().filter(|b| b.covers(&d.environment)) {
            let (from, to) = if b.blackout.window.zone == d.window.zone {
                (secs(d.window.start), secs(d.window.end))
            } else {
                let Some((from, to)) = *instant.get_or_insert_with(|| instants(&d.window, zone)) else { continue };
                (secs(b.zone.to_datetime(from)), secs(b.zone.to_datetime(to)))
            };
            let Some(k) = b.overlapping(from, to) else { continue };
            let hit = b.start_time(k).unwrap_or(b.blackout.window.start);
            let exception = d.blackout_exception.as_ref().and_then(|id| r.decisions.iter().find(|x| &x.id == id));
            let ok = exception.is_some_and(exception_ok);
            let at = cx.here();
            cx.check(&R17_CLEAR, ok, || fail(at.item("deployments", &d.id), d, b.blackout, hit, exception));
        }
    }
}

fn fail(at: crate::edit::Path, d: &Deployment, b: &Blackout, hit: DateTime, exception: Option<&Decision>) -> Fail {
    let when = d.window.start.strftime("%a %-d %b %Y %H:%M");
    let freeze = format!("the blackout “{}” (from {})", b.name, hit.strftime("%-d %b %Y %H:%M"));
    let message = match exception {
        None => format!("“{}” on {when} falls inside {freeze} and has no approved exception.", d.name),
        Some(x) if x.kind != DecisionKind::BlackoutException => format!(
            "“{}” on {when} falls inside {freeze}; its exception {} is a {}, not a blackout exception.",
            d.name,
            x.id,
            x.kind.label().to_lowercase()
        ),
        Some(x) => format!(
            "“{}” on {when} falls inside {freeze}; its exception {} does not record who approved it, when and why.",
            d.name, x.id
        ),
    };
    Fail::new(at, "blackout_exception", message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn blackout(start: DateTime, hours: i64, repeat: Repeat) -> Blackout {
        let end = start.checked_add(jiff::SignedDuration::from_hours(hours)).unwrap_or(start);
        Blackout { window: Window { start, end, zone: "UTC".into(), repeat, until: None }, ..Blackout::default() }
    }

    #[test]
    fn day_numbers_match_the_calendar() {
        assert_eq!(days(date(1970, 1, 1)), 0);
        assert_eq!(days(date(2000, 3, 1)), 11_017);
        for d in [date(2024, 2, 29), date(1999, 12, 31), date(2026, 11, 27), date(2028, 1, 1)] {
            assert_eq!(civil_month(days(d)), i64::from(d.year()) * 12 + i64::from(d.month()) - 1, "{d}");
        }
    }

    #[test]
    fn months_repeat_on_the_same_day_or_the_last() {
        let b = blackout(date(2025, 1, 31).at(18, 0, 0, 0), 18, Repeat::Monthly);
        let p = prepared(&b, TimeZone::UTC);
        assert_eq!(p.start_time(1), Some(date(2025, 2, 28).at(18, 0, 0, 0)));
        assert_eq!(p.start_time(13), Some(date(2026, 2, 28).at(18, 0, 0, 0)));
        assert_eq!(p.start_time(37), Some(date(2028, 2, 29).at(18, 0, 0, 0)));
        let inside = secs(date(2026, 3, 1).at(9, 0, 0, 0));
        assert_eq!(p.overlapping(inside, inside + 3600), Some(13));
        let outside = secs(date(2026, 3, 1).at(13, 0, 0, 0));
        assert_eq!(p.overlapping(outside, outside + 3600), None);
    }

    #[test]
    fn weeks_and_years_repeat_and_stop() {
        let friday = blackout(date(2025, 1, 3).at(12, 0, 0, 0), 10, Repeat::Weekly);
        let p = prepared(&friday, TimeZone::UTC);
        let next_friday = secs(date(2026, 11, 27).at(21, 0, 0, 0));
        assert!(p.overlapping(next_friday, next_friday + 7200).is_some());
        let saturday = secs(date(2026, 11, 28).at(1, 0, 0, 0));
        assert!(p.overlapping(saturday, saturday + 7200).is_none());
        let before = secs(date(2026, 11, 27).at(10, 0, 0, 0));
        assert!(p.overlapping(before, before + 3 * 3600).is_some(), "runs into the freeze");
        let mut until = friday.clone();
        until.window.until = Some(date(2026, 1, 1));
        assert!(prepared(&until, TimeZone::UTC).overlapping(next_friday, next_friday + 7200).is_none());
        let peak = blackout(date(2025, 11, 20).at(0, 0, 0, 0), 12 * 24, Repeat::Yearly);
        let p = prepared(&peak, TimeZone::UTC);
        let cyber_monday = secs(date(2027, 11, 29).at(1, 0, 0, 0));
        assert_eq!(p.overlapping(cyber_monday, cyber_monday + 3600), Some(2));
    }
}
