//! VTIMEZONE components (RFC 5545 §3.6.5) from jiff's time-zone database.
//!
//! The daylight-saving transitions of the years the events reach are
//! grouped by kind (standard or daylight, offsets and abbreviation). A group
//! whose onsets fall on the same weekday of the same month at the same time
//! every year becomes one observance with a yearly RRULE (e.g. the last
//! Sunday of March at 01:00); any other group lists its onsets with RDATE.
//! A zone without transitions gets one standard observance.

use jiff::civil::{DateTime, Weekday, date};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};
use std::fmt::Write as _;

/// One transition: its local onset (in the offset before it) and what it changes.
struct Onset {
    local: DateTime,
    dst: bool,
    from: Offset,
    to: Offset,
    name: String,
}

/// The VTIMEZONE of `tz` called `tzid`, covering the years from `first`
/// to `last` (or a dozen years after `first` when open-ended), as lines
/// separated by `\n` (the caller folds and ends them).
pub(super) fn vtimezone(tzid: &str, tz: &TimeZone, first: i16, last: Option<i16>) -> String {
    let start_year = first.saturating_sub(1);
    let end_year = last.unwrap_or(first).max(first).saturating_add(if last.is_some() { 2 } else { 12 });
    let at_year = |y: i16| {
        date(y.clamp(1, 9998), 1, 1).to_zoned(TimeZone::UTC).map(|z| z.timestamp()).unwrap_or(Timestamp::UNIX_EPOCH)
    };
    let (from, to) = (at_year(start_year), at_year(end_year));
    let mut onsets: Vec<Onset> = Vec::new();
    for t in tz.following(from).take_while(|t| t.timestamp() < to).take(200) {
        let before = tz.to_offset(t.timestamp().checked_sub(SignedDuration::from_secs(1)).unwrap_or(t.timestamp()));
        onsets.push(Onset {
            local: before.to_datetime(t.timestamp()),
            dst: t.dst().is_dst(),
            from: before,
            to: t.offset(),
            name: t.abbreviation().to_owned(),
        });
    }
    let mut out = format!("BEGIN:VTIMEZONE\nTZID:{tzid}\n");
    if onsets.is_empty() {
        let info = tz.to_offset_info(from);
        let offset = offset_text(info.offset());
        let _ = write!(
            out,
            "BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:{offset}\nTZOFFSETTO:{offset}\nTZNAME:{}\nEND:STANDARD\n",
            info.abbreviation()
        );
    }
    let mut groups: Vec<Vec<&Onset>> = Vec::new();
    for o in &onsets {
        match groups
            .iter_mut()
            .find(|g| g[0].dst == o.dst && g[0].from == o.from && g[0].to == o.to && g[0].name == o.name)
        {
            Some(g) => g.push(o),
            None => groups.push(vec![o]),
        }
    }
    for g in &groups {
        let kind = if g[0].dst { "DAYLIGHT" } else { "STANDARD" };
        let _ = write!(
            out,
            "BEGIN:{kind}\nDTSTART:{}\nTZOFFSETFROM:{}\nTZOFFSETTO:{}\nTZNAME:{}\n",
            local_text(g[0].local),
            offset_text(g[0].from),
            offset_text(g[0].to),
            g[0].name
        );
        match yearly_rule(g) {
            Some(rule) => {
                let _ = writeln!(out, "RRULE:{rule}");
            }
            None if g.len() > 1 => {
                let dates: Vec<String> = g[1..].iter().map(|o| local_text(o.local)).collect();
                let _ = writeln!(out, "RDATE:{}", dates.join(","));
            }
            None => {}
        }
        let _ = writeln!(out, "END:{kind}");
    }
    out.push_str("END:VTIMEZONE\n");
    out
}

/// "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" when every onset of the group is the
/// same weekday of the same month at the same time, in consecutive years.
fn yearly_rule(group: &[&Onset]) -> Option<String> {
    let first = group.first()?;
    if group.len() < 2 {
        return None;
    }
    let d = first.local.date();
    let last_of_month = |x: DateTime| i16::from(x.day()) + 7 > i16::from(x.date().days_in_month());
    let nth = |x: DateTime| (x.day() - 1) / 7 + 1;
    let all_last = group.iter().all(|o| last_of_month(o.local));
    let same = group.iter().enumerate().all(|(i, o)| {
        let l = o.local;
        l.month() == d.month()
            && l.time() == first.local.time()
            && l.weekday() == d.weekday()
            && i64::from(l.year()) == i64::from(d.year()) + i as i64
            && (all_last || nth(l) == nth(first.local))
    });
    if !same {
        return None;
    }
    let ordinal = if all_last { -1 } else { i32::from(nth(first.local)) };
    Some(format!("FREQ=YEARLY;BYMONTH={};BYDAY={ordinal}{}", d.month(), weekday_code(d.weekday())))
}

fn weekday_code(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

fn local_text(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

/// An offset as RFC 5545 writes it: "+0100", "-0430", "+013045".
fn offset_text(o: Offset) -> String {
    let secs = o.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, (a % 3600) / 60, a % 60);
    if s == 0 { format!("{sign}{h:02}{m:02}") } else { format!("{sign}{h:02}{m:02}{s:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn london_gets_two_yearly_rules() {
        let tz = TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC);
        let text = vtimezone("Europe/London", &tz, 2025, None);
        assert!(text.contains("BEGIN:DAYLIGHT\nDTSTART:20240331T010000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100\nTZNAME:BST\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), "{text}");
        assert!(text.contains("BEGIN:STANDARD\nDTSTART:20241027T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000\nTZNAME:GMT\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), "{text}");
    }

    #[test]
    fn a_zone_without_changes_has_one_observance() {
        let tz = TimeZone::get("Asia/Tokyo").unwrap_or(TimeZone::UTC);
        let text = vtimezone("Asia/Tokyo", &tz, 2025, Some(2026));
        assert!(text.contains("TZOFFSETFROM:+0900\nTZOFFSETTO:+0900\nTZNAME:JST"), "{text}");
    }
}
