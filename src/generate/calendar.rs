//! The generator's calendar: days counted from a fixed start date, the
//! fixed "today", and the blackout windows deployments must avoid.
//!
//! Days are plain `i32` offsets from [`START`] (a Monday), so that date
//! arithmetic in the generator is integer arithmetic and cannot fail. A
//! table built once turns an offset into a [`Date`].

use crate::model::{EnvironmentKind, Window};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, date};
use jiff::tz::TimeZone;

/// Day 0: the first Monday of 2026. Deployments spread over two years from here.
pub const START: Date = date(2026, 1, 5);

/// The fixed "today" the phases are measured against, as a day offset
/// (2026-11-27 is 326 days after [`START`]).
pub const TODAY: i32 = 326;

/// The time zone of every window.
pub const ZONE: &str = "Europe/London";

/// How many days before [`START`] the table reaches (planning starts early).
const BEFORE: i32 = 400;

/// How many days after [`START`] the table reaches.
const AFTER: i32 = 1200;

/// A one-off freeze: first and last day (offsets) and whom it binds.
#[derive(Clone, Copy, Debug)]
pub struct Freeze {
    /// First frozen day.
    pub first: i32,
    /// Last frozen day.
    pub last: i32,
    /// Whether only production and disaster recovery are frozen.
    pub production_only: bool,
}

/// Day offsets turned into dates and times.
pub struct Calendar {
    days: Vec<Date>,
    tz: TimeZone,
    /// The one-off freezes, as day ranges.
    pub freezes: Vec<Freeze>,
}

impl Calendar {
    /// A calendar covering every day the generator can reach.
    pub fn new() -> Self {
        let mut days = Vec::with_capacity((BEFORE + AFTER + 1) as usize);
        let mut d = START.checked_sub(jiff::Span::new().days(BEFORE)).unwrap_or(START);
        for _ in 0..=(BEFORE + AFTER) {
            days.push(d);
            d = d.tomorrow().unwrap_or(d);
        }
        let tz = TimeZone::get(ZONE).unwrap_or(TimeZone::UTC);
        Self { days, tz, freezes: Vec::new() }
    }

    /// The date of a day offset (clamped to the table).
    pub fn date(&self, day: i32) -> Date {
        let i = (day + BEFORE).clamp(0, BEFORE + AFTER) as usize;
        self.days.get(i).copied().unwrap_or(START)
    }

    /// A wall-clock time on a day.
    pub fn at(&self, day: i32, hour: i8, minute: i8) -> DateTime {
        self.date(day).at(hour.clamp(0, 23), minute.clamp(0, 59), 0, 0)
    }

    /// An instant: a wall-clock time in London on a day.
    pub fn ts(&self, day: i32, hour: i8, minute: i8) -> Timestamp {
        self.tz.to_timestamp(self.at(day, hour, minute)).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// A one-off window on `day`, from `start` minutes after midnight, for
    /// `minutes` minutes (ending by 23:59 of the same day).
    pub fn window(&self, day: i32, start: u32, minutes: u32) -> Window {
        let end = (start + minutes.max(15)).min(23 * 60 + 59);
        let start = start.min(end.saturating_sub(15));
        Window {
            start: self.at(day, (start / 60) as i8, (start % 60) as i8),
            end: self.at(day, (end / 60) as i8, (end % 60) as i8),
            zone: ZONE.to_owned(),
            ..Window::default()
        }
    }

    /// Whether a deployment to an environment of `kind` on `day` falls in
    /// a blackout: the recurring ones set up by the generator (year-end
    /// freeze, month-start billing run for production, Friday trading peak
    /// for production) or a one-off freeze. The generator also keeps live
    /// deployments off the two Sundays a year when London's clocks change,
    /// because the early-morning window does not exist (or happens twice)
    /// then.
    pub fn frozen(&self, kind: EnvironmentKind, day: i32) -> bool {
        let d = self.date(day);
        let live = matches!(kind, EnvironmentKind::Production | EnvironmentKind::DisasterRecovery);
        let year_end = (d.month() == 12 && d.day() >= 19) || (d.month() == 1 && d.day() <= 4);
        let month_start = live && d.day() <= 2;
        let friday = kind == EnvironmentKind::Production && weekday(day) == 4;
        let clock_change = live && weekday(day) == 6 && matches!(d.month(), 3 | 10) && d.day() > 24;
        let one_off = self.freezes.iter().any(|f| (f.first..=f.last).contains(&day) && (live || !f.production_only));
        year_end || month_start || friday || clock_change || one_off
    }

    /// The day offset of a date inside the table.
    pub fn offset(&self, d: Date) -> i32 {
        match self.days.binary_search(&d) {
            Ok(i) | Err(i) => i as i32 - BEFORE,
        }
    }
}

/// Weekday of a day offset: 0 Monday … 6 Sunday.
pub fn weekday(day: i32) -> i32 {
    day.rem_euclid(7)
}

/// The first day on or after `day` that falls on `weekday` (0 Monday … 6 Sunday).
pub fn next_weekday(day: i32, wd: i32) -> i32 {
    day + (wd - weekday(day)).rem_euclid(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_dates_agree() {
        let cal = Calendar::new();
        assert_eq!(cal.date(0), START);
        assert_eq!(cal.date(TODAY), date(2026, 11, 27));
        assert_eq!(cal.offset(date(2026, 11, 27)), TODAY);
        assert_eq!(cal.date(6).weekday(), jiff::civil::Weekday::Sunday);
        assert_eq!(weekday(6), 6);
        assert_eq!(next_weekday(7, 6), 13);
        assert_eq!(cal.date(-1), date(2026, 1, 4));
        assert!(cal.frozen(EnvironmentKind::Test, cal.offset(date(2026, 12, 24))));
        assert!(!cal.frozen(EnvironmentKind::Test, cal.offset(date(2026, 3, 1))));
        assert!(cal.frozen(EnvironmentKind::Production, cal.offset(date(2026, 3, 1))));
    }
}
