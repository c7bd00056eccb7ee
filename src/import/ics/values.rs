//! iCalendar values Relplan reads: dates and times (RFC 5545 §3.3.4,
//! §3.3.5), durations (§3.3.6) and the recurrence rules a window can hold
//! (§3.3.10).

use crate::model::Repeat;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// A DTSTART, DTEND or UNTIL value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// A whole day (`VALUE=DATE`).
    Day(Date),
    /// A wall-clock time in a named zone (`TZID=`), or floating when `None`.
    Local(DateTime, Option<String>),
    /// A UTC time (ending in `Z`).
    Utc(Timestamp),
}

impl When {
    /// This value on the wall clock of `tz`.
    pub(super) fn in_zone(&self, tz: &TimeZone, resolve: impl Fn(&str) -> Option<TimeZone>) -> DateTime {
        match self {
            When::Day(d) => d.to_datetime(Time::midnight()),
            When::Utc(t) => tz.to_datetime(*t),
            When::Local(dt, None) => *dt,
            When::Local(dt, Some(name)) => match resolve(name) {
                Some(own) if own.iana_name() != tz.iana_name() => tz.to_datetime(crate::schedule::instant(*dt, &own)),
                _ => *dt,
            },
        }
    }
}

fn number<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("“{text}” is not a valid {what}"))
}

fn date_part(text: &str) -> Result<Date, String> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("“{text}” is not a date (expected YYYYMMDD)"));
    }
    let y: i16 = number(&text[0..4], "year")?;
    let m: i8 = number(&text[4..6], "month")?;
    let d: i8 = number(&text[6..8], "day")?;
    Date::new(y, m, d).map_err(|_| format!("“{text}” is not a date in the calendar"))
}

fn time_part(text: &str) -> Result<Time, String> {
    if text.len() != 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("“{text}” is not a time (expected HHMMSS)"));
    }
    let h: i8 = number(&text[0..2], "hour")?;
    let m: i8 = number(&text[2..4], "minute")?;
    let s: i8 = number(&text[4..6], "second")?;
    // A leap second (60) is read as the last second of the minute.
    Time::new(h, m, s.min(59), 0).map_err(|_| format!("“{text}” is not a time of day"))
}

/// Reads a date or date-time value; `date` says `VALUE=DATE` was given, `tzid` the `TZID` parameter.
pub(super) fn parse_when(value: &str, date: bool, tzid: Option<&str>) -> Result<When, String> {
    let value = value.trim();
    if date || (value.len() == 8 && !value.contains('T')) {
        return date_part(value).map(When::Day);
    }
    let (d, t) =
        value.split_once('T').ok_or_else(|| format!("“{value}” is not a date-time (expected YYYYMMDDTHHMMSS)"))?;
    let (t, utc) = match t.strip_suffix('Z') {
        Some(t) => (t, true),
        None => (t, false),
    };
    let dt = date_part(d)?.to_datetime(time_part(t)?);
    if utc {
        let ts = TimeZone::UTC.to_timestamp(dt).map_err(|e| format!("“{value}” is out of range: {e}"))?;
        Ok(When::Utc(ts))
    } else {
        Ok(When::Local(dt, tzid.map(str::to_owned)))
    }
}

/// Reads a duration such as `P1D`, `PT2H30M`, `P2W` or `-PT15M`.
pub(super) fn parse_duration(text: &str) -> Result<SignedDuration, String> {
    let bad = || format!("“{text}” is not a duration (e.g. P1D or PT2H)");
    let t = text.trim();
    let (sign, t) = match t.as_bytes().first() {
        Some(b'-') => (-1, &t[1..]),
        Some(b'+') => (1, &t[1..]),
        _ => (1, t),
    };
    let t = t.strip_prefix('P').ok_or_else(bad)?;
    let mut seconds: i64 = 0;
    let mut in_time = false;
    let mut digits = String::new();
    let mut any = false;
    for c in t.chars() {
        match c {
            '0'..='9' => digits.push(c),
            'T' if !in_time && digits.is_empty() => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = digits.parse().map_err(|_| bad())?;
                digits.clear();
                any = true;
                let unit = match (c, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return Err(bad()),
                };
                seconds = seconds.checked_add(n.checked_mul(unit).ok_or_else(bad)?).ok_or_else(bad)?;
            }
            _ => return Err(bad()),
        }
    }
    if !any || !digits.is_empty() {
        return Err(bad());
    }
    Ok(SignedDuration::from_secs(sign * seconds))
}

/// A recurrence rule Relplan can hold in a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Rule {
    /// How it repeats.
    pub repeat: Repeat,
    /// The UNTIL value, if any.
    pub until: Option<When>,
    /// The COUNT, if any.
    pub count: Option<u32>,
}

/// Reads an RRULE for a window that starts at `start`; `Err` says why it cannot be held.
///
/// Besides plain FREQ/UNTIL/COUNT rules (with BYDAY, BYMONTHDAY or BYMONTH
/// that only repeat what DTSTART says), it reads the "last day of a short
/// month" forms Relplan writes: `BYMONTHDAY=28,29,30,31;BYSETPOS=-1` for a
/// monthly window on the 31st, `BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1` for
/// a yearly one on 29 February.
pub(super) fn parse_rrule(text: &str, start: DateTime) -> Result<Rule, String> {
    let mut repeat = None;
    let mut rule = Rule { repeat: Repeat::Never, until: None, count: None };
    let weekday = start.weekday().to_sunday_zero_offset();
    let codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
    let (mut month_days, mut set_pos, mut month) = (None, None, None);
    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
        let (key, value) = part.split_once('=').ok_or_else(|| format!("“{part}” is not a rule part"))?;
        let value = value.trim();
        match key.trim().to_ascii_uppercase().as_str() {
            "FREQ" => {
                repeat = Some(match value.to_ascii_uppercase().as_str() {
                    "WEEKLY" => Repeat::Weekly,
                    "MONTHLY" => Repeat::Monthly,
                    "YEARLY" => Repeat::Yearly,
                    other => {
                        return Err(format!(
                            "it repeats {} and Relplan windows repeat weekly, monthly or yearly",
                            other.to_lowercase()
                        ));
                    }
                });
            }
            "INTERVAL" if value == "1" => {}
            "INTERVAL" => {
                return Err(format!("it repeats every {value} periods, and Relplan windows repeat every period"));
            }
            "UNTIL" => rule.until = Some(parse_when(value, false, None)?),
            "COUNT" => rule.count = Some(number(value, "count")?),
            "WKST" => {}
            "BYDAY" if value.eq_ignore_ascii_case(codes[weekday as usize]) => {}
            "BYMONTHDAY" => month_days = Some(value.to_owned()),
            "BYSETPOS" => set_pos = Some(value.to_owned()),
            "BYMONTH" => month = Some(value.to_owned()),
            _ => return Err(format!("its rule {key}={value} is more than a plain weekly, monthly or yearly repeat")),
        }
    }
    rule.repeat = repeat.ok_or_else(|| "its rule has no FREQ".to_owned())?;
    let day = start.day();
    let last_of = |from: i8| (from..=day).map(|d| d.to_string()).collect::<Vec<_>>().join(",");
    let plain_day = month_days.as_deref().is_none_or(|v| v == day.to_string()) && set_pos.is_none();
    let plain_month = month.as_deref().is_none_or(|v| v == start.month().to_string());
    let clamped = set_pos.as_deref() == Some("-1")
        && match rule.repeat {
            Repeat::Monthly => day > 28 && month_days.as_deref() == Some(last_of(28).as_str()) && month.is_none(),
            Repeat::Yearly => start.month() == 2 && day == 29 && month_days.as_deref() == Some("28,29") && plain_month,
            _ => false,
        };
    if !(plain_month && plain_day || clamped) {
        return Err(
            "its BYMONTH, BYMONTHDAY or BYSETPOS parts are more than a plain monthly or yearly repeat".to_owned()
        );
    }
    Ok(rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn durations_read_every_unit() {
        assert_eq!(parse_duration("P1D"), Ok(SignedDuration::from_hours(24)));
        assert_eq!(parse_duration("PT2H30M"), Ok(SignedDuration::from_mins(150)));
        assert_eq!(parse_duration("P2W"), Ok(SignedDuration::from_hours(24 * 14)));
        assert_eq!(parse_duration("-PT15M"), Ok(SignedDuration::from_mins(-15)));
        assert!(parse_duration("P1H").is_err());
        assert!(parse_duration("1D").is_err());
    }

    #[test]
    fn dates_and_times_are_read() {
        assert_eq!(parse_when("20261225", true, None), Ok(When::Day(date(2026, 12, 25))));
        assert_eq!(
            parse_when("20261225T093000", false, Some("Europe/Paris")),
            Ok(When::Local(date(2026, 12, 25).at(9, 30, 0, 0), Some("Europe/Paris".into())))
        );
        assert!(matches!(parse_when("20261225T093000Z", false, None), Ok(When::Utc(_))));
        assert!(parse_when("20261332", true, None).is_err());
    }

    #[test]
    fn plain_rules_are_held_and_others_explained() {
        let start = date(2026, 1, 2).at(12, 0, 0, 0);
        assert_eq!(parse_rrule("FREQ=WEEKLY;BYDAY=FR", start).map(|r| r.repeat), Ok(Repeat::Weekly));
        assert!(parse_rrule("FREQ=DAILY", start).is_err());
        assert!(parse_rrule("FREQ=WEEKLY;INTERVAL=2", start).is_err());
        assert!(parse_rrule("FREQ=WEEKLY;BYDAY=MO,FR", start).is_err());
        let last = date(2026, 1, 31).at(18, 0, 0, 0);
        assert_eq!(
            parse_rrule("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", last).map(|r| r.repeat),
            Ok(Repeat::Monthly)
        );
        assert!(parse_rrule("FREQ=MONTHLY;BYMONTHDAY=1,15", last).is_err());
        let leap = date(2028, 2, 29).at(0, 0, 0, 0);
        assert!(parse_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", leap).is_ok());
    }
}
