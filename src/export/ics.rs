//! iCalendar (RFC 5545) export of the release schedule.
//!
//! One event per release phase, milestone, deployment window and blackout
//! window, built with the `icalendar` crate:
//!
//! - UIDs are stable and say what the event is, e.g.
//!   `REL-3.deployment.DEP-7@relplan`, so that re-importing or
//!   re-subscribing updates events instead of duplicating them.
//! - Phases and milestones are all-day events; their `DTEND` is the day
//!   after the last day (exclusive), as RFC 5545 requires. Blackouts of whole
//!   days (00:00 to 23:59 or midnight) are all-day events too.
//! - Deployment windows and one-off blackouts are in UTC. Recurring timed
//!   blackouts keep their wall-clock time with `TZID` and an `RRULE`, and the
//!   file carries a `VTIMEZONE` for each such zone (see [`vtimezone`]).
//!   Monthly windows on the 29th to 31st use `BYSETPOS=-1` so that short
//!   months get their last day, as Relplan's own expansion does.
//! - `DTSTAMP` is the time of the book's last recorded change, so the same
//!   book always gives the same bytes.
//! - Text is escaped by the crate; lines are folded here at 75 octets, on
//!   character boundaries, with CRLF (the crate folds by characters, which
//!   can exceed 75 octets with accented text).

mod contents;
mod vtimezone;

pub use contents::contents;

use crate::model::{Blackout, Book, Id, Phase, PhasePlan, Release, Repeat, Window};
use crate::schedule::items::phase_days;
use crate::schedule::{Interval, instant, zone};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike, Property};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use std::collections::BTreeMap;

/// What goes into a calendar file, for its audience.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsOptions {
    /// Only this release (and the book's blackouts).
    pub release: Option<Id>,
    /// Include release phases.
    pub phases: bool,
    /// Include milestones.
    pub milestones: bool,
    /// Include deployment windows.
    pub deployments: bool,
    /// Include blackout windows.
    pub blackouts: bool,
}

impl IcsOptions {
    /// Whether any kind of event is chosen.
    pub fn any(&self) -> bool {
        self.phases || self.milestones || self.deployments || self.blackouts
    }
}

impl Default for IcsOptions {
    fn default() -> Self {
        Self { release: None, phases: true, milestones: true, deployments: true, blackouts: true }
    }
}

/// The domain every UID ends in.
pub const UID_DOMAIN: &str = "relplan";

/// The UID of a release phase, e.g. `REL-3.phase.build_and_test@relplan`.
pub fn phase_uid(release: &Id, phase: Phase) -> String {
    format!("{release}.phase.{}@{UID_DOMAIN}", PhasePlan::field_name(phase).unwrap_or("closed"))
}

/// The UID of a milestone, e.g. `REL-3.milestone.MS-4@relplan`.
pub fn milestone_uid(release: &Id, milestone: &Id) -> String {
    format!("{release}.milestone.{milestone}@{UID_DOMAIN}")
}

/// The UID of a deployment window, e.g. `REL-3.deployment.DEP-7@relplan`.
pub fn deployment_uid(release: &Id, deployment: &Id) -> String {
    format!("{release}.deployment.{deployment}@{UID_DOMAIN}")
}

/// The UID of a blackout window, e.g. `blackout.BO-2@relplan`.
pub fn blackout_uid(blackout: &Id) -> String {
    format!("blackout.{blackout}@{UID_DOMAIN}")
}

/// The book's schedule as iCalendar text.
pub fn to_ics(book: &Book, options: &IcsOptions) -> String {
    let mut cal = Calendar::empty();
    let name = match &options.release {
        Some(id) => format!("{} — {id}", book.name),
        None => book.name.clone(),
    };
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Relplan//Relplan release calendar//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        cal.append_property(Property::new(key, value));
    }
    cal.append_property(Property::new("X-WR-CALNAME", clean(&name)));
    let last_change = book.ledger.audit.last().map_or(Timestamp::UNIX_EPOCH, |e| e.at);
    let in_range = writable(last_change.to_zoned(jiff::tz::TimeZone::UTC).date());
    let stamp = chrono_utc(if in_range { last_change } else { Timestamp::UNIX_EPOCH });
    let mut zones = Zones::default();
    for release in book.releases.iter().filter(|r| options.release.as_ref().is_none_or(|id| &r.id == id)) {
        if options.phases {
            phases(&mut cal, release, stamp);
        }
        if options.milestones {
            for m in release.milestones.iter().filter(|m| writable(m.date)) {
                let mut e = event(&milestone_uid(&release.id, &m.id), stamp);
                e.summary(&clean(&format!("{} milestone: {}", release.id, m.name)));
                let done = if m.done { "Reached." } else { "Not yet reached." };
                e.description(&clean(&format!("{}\n{done}", release_line(release))));
                all_day(&mut e, m.date, m.date);
                e.add_property("CATEGORIES", "Milestone");
                e.add_property("TRANSP", "TRANSPARENT");
                cal.push(e.done());
            }
        }
        if options.deployments {
            let windows =
                |d: &&crate::model::Deployment| writable(d.window.start.date()) && writable(d.window.end.date());
            for d in release.deployments.iter().filter(windows) {
                let mut e = event(&deployment_uid(&release.id, &d.id), stamp);
                let env =
                    book.environment(&d.environment).map_or_else(|| d.environment.to_string(), |x| x.name.clone());
                e.summary(&clean(&format!("{} deploy to {env}: {}", release.id, d.name)));
                e.location(&clean(&env));
                e.description(&clean(&deployment_text(book, release, d)));
                let tz = zone(&d.window.zone);
                let at = Interval::new(instant(d.window.start, &tz), instant(d.window.end, &tz));
                e.starts(DatePerhapsTime::DateTime(CalendarDateTime::Utc(chrono_utc(at.start))));
                e.ends(DatePerhapsTime::DateTime(CalendarDateTime::Utc(chrono_utc(at.end))));
                e.add_property("CATEGORIES", "Deployment");
                e.add_property("TRANSP", "OPAQUE");
                cal.push(e.done());
            }
        }
    }
    if options.blackouts {
        for b in book.blackouts.iter().filter(|b| writable(b.window.start.date()) && writable(b.window.end.date())) {
            cal.push(blackout_event(book, b, stamp, &mut zones));
        }
    }
    let text = cal.to_string();
    finish(&text, &zones.vtimezones())
}

fn phases(cal: &mut Calendar, release: &Release, stamp: chrono::DateTime<chrono::Utc>) {
    for phase in Phase::ALL {
        let Some(dates) = release.phases.get(phase) else { continue };
        let Some((first, last)) = phase_days(dates).filter(|(a, b)| writable(*a) && writable(*b)) else { continue };
        let mut e = event(&phase_uid(&release.id, phase), stamp);
        e.summary(&clean(&format!("{} {}: {}", release.id, release.name, phase.label())));
        let mut text = release_line(release);
        if let (Some(a), Some(b)) = (dates.actual_start, dates.actual_end) {
            text.push_str(&format!("\nActual: {a} to {b}."));
        } else if let Some(a) = dates.actual_start {
            text.push_str(&format!("\nStarted on {a}."));
        }
        e.description(&clean(&text));
        all_day(&mut e, first, last);
        e.add_property("CATEGORIES", "Release phase");
        e.add_property("TRANSP", "TRANSPARENT");
        cal.push(e.done());
    }
}

fn event(uid: &str, stamp: chrono::DateTime<chrono::Utc>) -> icalendar::Event {
    let mut e = icalendar::Event::new();
    e.uid(uid);
    e.timestamp(stamp);
    e
}

fn release_line(r: &Release) -> String {
    let mut text = format!("Release {} {}", r.id, r.name);
    if !r.version.trim().is_empty() {
        text.push_str(&format!(" (version {})", r.version.trim()));
    }
    text.push_str(&format!(", now in {}.", r.phase.label()));
    if !r.summary.trim().is_empty() {
        text.push('\n');
        text.push_str(r.summary.trim());
    }
    text
}

fn deployment_text(book: &Book, r: &Release, d: &crate::model::Deployment) -> String {
    let mut text = release_line(r);
    text.push_str(&format!("\nMethod: {}.", d.method.label()));
    let w = &d.window;
    text.push_str(&format!(
        "\nPlanned in {}: {} to {}.",
        if w.zone.trim().is_empty() { "UTC" } else { w.zone.trim() },
        w.start.strftime("%a %-d %b %Y %H:%M"),
        w.end.strftime("%a %-d %b %Y %H:%M")
    ));
    let items: Vec<String> = d
        .config_items
        .iter()
        .map(|c| book.config_items.iter().find(|x| &x.id == c).map_or_else(|| c.to_string(), |x| x.name.clone()))
        .collect();
    if !items.is_empty() {
        text.push_str(&format!("\nConfiguration items: {}.", items.join(", ")));
    }
    if !d.steps.is_empty() {
        text.push_str("\nRunbook:");
        for (i, s) in d.steps.iter().enumerate() {
            let owner =
                s.owner.as_ref().and_then(|p| book.person(p)).map(|p| format!(" ({})", p.name)).unwrap_or_default();
            text.push_str(&format!("\n{}. {}{owner}, {} min", i + 1, s.title, s.duration_minutes));
        }
    }
    text
}

fn blackout_event(
    book: &Book,
    b: &Blackout,
    stamp: chrono::DateTime<chrono::Utc>,
    zones: &mut Zones,
) -> icalendar::Event {
    let mut e = event(&blackout_uid(&b.id), stamp);
    e.summary(&clean(&format!("Blackout: {}", b.name)));
    let scope = match &b.scope {
        crate::model::BlackoutScope::All => "All environments".to_owned(),
        crate::model::BlackoutScope::Environments(list) => list
            .iter()
            .map(|id| book.environment(id).map_or_else(|| id.to_string(), |e| e.name.clone()))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut text = format!("No deployments without an approved exception.\nEnvironments: {scope}.");
    if !b.reason.trim().is_empty() {
        text = format!("{}\n{text}", b.reason.trim());
    }
    e.description(&clean(&text));
    e.location(&clean(&scope));
    e.add_property("CATEGORIES", "Blackout");
    e.add_property("TRANSP", "OPAQUE");
    let w = &b.window;
    let tz = zone(&w.zone);
    let tzid = tz.iana_name().unwrap_or("UTC").to_owned();
    if let Some((first, last)) = whole_days(w) {
        all_day(&mut e, first, last);
        if let Some(rule) = rrule(w, true, &tz) {
            e.add_property("RRULE", rule);
        }
    } else if w.repeat == Repeat::Never || tzid == "UTC" {
        let at = Interval::new(instant(w.start, &tz), instant(w.end, &tz));
        e.starts(DatePerhapsTime::DateTime(CalendarDateTime::Utc(chrono_utc(at.start))));
        e.ends(DatePerhapsTime::DateTime(CalendarDateTime::Utc(chrono_utc(at.end))));
        if let Some(rule) = rrule(w, false, &tz) {
            e.add_property("RRULE", rule);
        }
    } else {
        let local = |dt: DateTime| CalendarDateTime::WithTimezone { date_time: chrono_naive(dt), tzid: tzid.clone() };
        e.starts(DatePerhapsTime::DateTime(local(w.start)));
        e.ends(DatePerhapsTime::DateTime(local(w.end.max(w.start))));
        if let Some(rule) = rrule(w, false, &tz) {
            e.add_property("RRULE", rule);
        }
        zones.note(&tzid, &tz, w);
    }
    e.done()
}

/// The first and last day of a window that covers whole days (00:00 to
/// 23:59 or to midnight), if it does.
pub fn whole_days(w: &Window) -> Option<(Date, Date)> {
    if w.start.time() != Time::midnight() || w.end <= w.start {
        return None;
    }
    let t = w.end.time();
    if t == Time::midnight() {
        Some((w.start.date(), w.end.date().yesterday().ok()?))
    } else if t.hour() == 23 && t.minute() == 59 {
        Some((w.start.date(), w.end.date()))
    } else {
        None
    }
}

/// The RRULE of a repeating window (`None` for a one-off window).
fn rrule(w: &Window, dates: bool, tz: &jiff::tz::TimeZone) -> Option<String> {
    let day = w.start.day();
    let mut rule = match w.repeat {
        Repeat::Never => return None,
        Repeat::Weekly => "FREQ=WEEKLY".to_owned(),
        Repeat::Monthly if day > 28 => {
            let days: Vec<String> = (28..=day).map(|d| d.to_string()).collect();
            format!("FREQ=MONTHLY;BYMONTHDAY={};BYSETPOS=-1", days.join(","))
        }
        Repeat::Monthly => "FREQ=MONTHLY".to_owned(),
        Repeat::Yearly if w.start.month() == 2 && day == 29 => {
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1".to_owned()
        }
        Repeat::Yearly => "FREQ=YEARLY".to_owned(),
    };
    if let Some(until) = w.until {
        if dates {
            rule.push_str(&format!(";UNTIL={}", until.strftime("%Y%m%d")));
        } else {
            // RFC 5545: with a zoned DTSTART, UNTIL is in UTC; the last start may be late on `until`.
            let last = instant(until.to_datetime(Time::constant(23, 59, 59, 0)), tz);
            rule.push_str(&format!(";UNTIL={}", chrono_utc(last).format("%Y%m%dT%H%M%SZ")));
        }
    }
    Some(rule)
}

fn all_day(e: &mut icalendar::Event, first: Date, last: Date) {
    let end = last.tomorrow().unwrap_or(last);
    e.starts(DatePerhapsTime::Date(chrono_date(first)));
    e.ends(DatePerhapsTime::Date(chrono_date(end)));
}

/// Whether a date can be written in iCalendar, whose dates have four-digit
/// years (0001 to 9999). Events with a date outside are left out rather
/// than written in a form calendars reject.
fn writable(d: Date) -> bool {
    (1..=9999).contains(&d.year())
}

fn chrono_date(d: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32).unwrap_or_default()
}

fn chrono_naive(dt: DateTime) -> chrono::NaiveDateTime {
    chrono_date(dt.date()).and_hms_opt(dt.hour() as u32, dt.minute() as u32, dt.second() as u32).unwrap_or_default()
}

fn chrono_utc(t: Timestamp) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.as_second(), 0).unwrap_or_default()
}

/// Text without carriage returns or other control characters (newlines stay).
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n").chars().filter(|c| *c == '\n' || !c.is_control()).collect()
}

/// The zones that need a VTIMEZONE, with the years their events reach.
#[derive(Default)]
struct Zones(BTreeMap<String, (jiff::tz::TimeZone, i16, Option<i16>)>);

impl Zones {
    fn note(&mut self, name: &str, tz: &jiff::tz::TimeZone, w: &Window) {
        let first = w.start.year();
        let last = if w.repeat == Repeat::Never { Some(w.end.year()) } else { w.until.map(|u| u.year()) };
        let entry = self.0.entry(name.to_owned()).or_insert_with(|| (tz.clone(), first, last));
        entry.1 = entry.1.min(first);
        entry.2 = match (entry.2, last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }

    fn vtimezones(&self) -> Vec<String> {
        self.0.iter().map(|(name, (tz, first, last))| vtimezone::vtimezone(name, tz, *first, *last)).collect()
    }
}

/// The crate's output with the VTIMEZONE blocks added before the first
/// event, every line folded at 75 octets and ended with CRLF.
fn finish(text: &str, vtimezones: &[String]) -> String {
    let unfolded = icalendar::parser::unfold(text);
    let mut lines: Vec<&str> = Vec::new();
    let mut zones_added = vtimezones.is_empty();
    let zone_lines: Vec<&str> = vtimezones.iter().flat_map(|z| z.lines()).collect();
    for line in unfolded.split("\r\n").flat_map(|l| l.split('\n')).filter(|l| !l.is_empty()) {
        if !zones_added && (line.starts_with("BEGIN:VEVENT") || line == "END:VCALENDAR") {
            lines.extend(&zone_lines);
            zones_added = true;
        }
        lines.push(line);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    for line in lines {
        fold_into(&mut out, line);
    }
    out
}

/// Appends `line` folded at 75 octets (RFC 5545 §3.1), never inside a character.
pub fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
}
