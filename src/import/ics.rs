//! Blackout windows from an iCalendar file: public holidays, or an
//! organisation's change-freeze calendar.
//!
//! Each event becomes a blackout window for every environment. An event
//! whose UID was imported before (kept in `Blackout::source_uid`) updates
//! that blackout (its name, reason and window; the environments it covers
//! stay as the user set them) instead of adding another; a cancelled event
//! removes it. All-day events cover whole days (00:00 to 23:59, the book's
//! convention); timed events keep their `TZID` zone, and UTC or floating
//! times are placed in the zone the book's windows use. Weekly, monthly
//! and yearly rules are kept; any other repetition is imported as its first
//! occurrence and said so. Everything becomes one edit, so one undo
//! removes the whole import. A file that cannot be read as a calendar gives
//! an [`ImportError`] and changes nothing. Relplan's own calendar files
//! update their blackouts and skip the release plans' events ([`own`]).

mod own;
mod values;

use super::{ImportError, ImportPreview};
use crate::edit::{Edit, EditError, IdPlanner, Path};
use crate::model::{Blackout, BlackoutScope, Book, IdKind, Repeat, Window};
use icalendar::parser::{Component, Property, read_calendar, unfold};
use jiff::civil::{DateTime, Time};
use jiff::tz::TimeZone;
use std::collections::{HashMap, HashSet};
use values::{When, parse_duration, parse_rrule, parse_when};

/// An event read from the file, ready to become a blackout.
struct Draft {
    uid: String,
    name: String,
    reason: String,
    window: Window,
    cancelled: bool,
    /// The blackout of this book that the event was exported from.
    target: Option<crate::model::Id>,
}

/// Reads an iCalendar file and says which blackout windows it would add or update.
pub fn preview(book: &Book, bytes: &[u8], path: &std::path::Path) -> Result<ImportPreview, ImportError> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|e| {
        ImportError(format!("{file} is not a calendar file: byte {} is not UTF-8 text.", e.valid_up_to() + 1))
    })?;
    let head = text.trim_start();
    if !head.get(..15).is_some_and(|h| h.eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        return Err(ImportError(format!("{file} is not an iCalendar file: it does not start with BEGIN:VCALENDAR.")));
    }
    if !text.to_ascii_uppercase().contains("END:VCALENDAR") {
        return Err(ImportError(format!("{file} ends before END:VCALENDAR; the file may be cut short.")));
    }
    let unfolded = unfold(&text.replace("\r\n", "\n")).replace('\n', "\r\n");
    let calendar = read_calendar(&unfolded)
        .map_err(|e| ImportError(format!("{file} is not a valid calendar file: {}.", parse_problem(&e))))?;
    let mut events = Vec::new();
    collect_events(&calendar.components, &mut events);
    let default_zone = default_zone(book);
    let mut problems = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut seen = HashSet::new();
    let calendar_name = calendar.properties.iter().find(|p| p.name.as_str().eq_ignore_ascii_case("X-WR-CALNAME"));
    let this_book = own::of_this_book(book, calendar_name.map(|p| p.val.as_str().trim()));
    let mut skipped = 0;
    for (n, event) in events.iter().enumerate() {
        let label =
            text_of(event, "SUMMARY").filter(|s| !s.trim().is_empty()).unwrap_or_else(|| format!("event {}", n + 1));
        if event.find_prop("RECURRENCE-ID").is_some() {
            problems.push(format!("“{label}”: a change to one occurrence of a repeating event is not imported."));
            continue;
        }
        let uid = text_of(event, "UID").unwrap_or_default();
        let own = own::classify(&uid);
        if own == Some(own::Own::Plan) {
            skipped += 1;
            continue;
        }
        match draft(event, &label, n, &default_zone, &mut problems) {
            // A blackout of this book, exported by Relplan: it updates that blackout.
            Ok(mut d)
                if let (true, Some(own::Own::Blackout(id))) = (this_book, &own)
                    && book.blackouts.iter().any(|b| &b.id == id)
                    && seen.insert(d.uid.clone()) =>
            {
                (d.name, d.reason) = own::own_text(&d.name, &d.reason);
                d.target = Some(id.clone());
                drafts.push(d);
            }
            Ok(d) if !seen.insert(d.uid.clone()) => {
                problems.push(format!("“{label}”: UID {} appears more than once; only the first is imported.", d.uid));
            }
            Ok(d) => drafts.push(d),
            Err(why) => problems.push(format!("“{label}” is not imported: {why}.")),
        }
    }
    let (lines, edits, unchanged) =
        plan(book, &drafts).map_err(|e| ImportError(format!("{file} could not be imported: {e}.")))?;
    let mut title = format!("Blackout windows from {file}");
    if unchanged > 0 {
        title.push_str(&format!(" ({unchanged} already up to date)"));
    }
    if events.is_empty() {
        problems.push(format!("{file} has no events."));
    }
    if skipped > 0 {
        let noun = if skipped == 1 { "event" } else { "events" };
        problems.push(format!(
            "{skipped} phase, milestone and deployment {noun} from Relplan skipped: they belong to release plans, not blackout windows."
        ));
    }
    let edit = (!edits.is_empty()).then(|| Edit::Group { name: format!("Import blackout windows from {file}"), edits });
    Ok(ImportPreview { title, lines, problems, edit, ..ImportPreview::default() })
}

/// The line and reason of a parser error, without the parser's own dump.
fn parse_problem(error: &str) -> String {
    let line = error
        .split_whitespace()
        .skip_while(|w| *w != "line")
        .nth(1)
        .map(|n| n.trim_end_matches([':', ',']))
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()));
    match line {
        Some(n) => format!("the text near line {n} is not iCalendar"),
        None => "its text is not iCalendar".to_owned(),
    }
}

fn collect_events<'a>(components: &'a [Component<'a>], out: &mut Vec<&'a Component<'a>>) {
    for c in components {
        if c.name.as_str().eq_ignore_ascii_case("VEVENT") {
            out.push(c);
        }
        collect_events(&c.components, out);
    }
}

fn text_of(c: &Component<'_>, name: &str) -> Option<String> {
    c.find_prop(name).map(|p| p.val.as_str().trim().to_owned())
}

fn param<'p>(p: &'p Property<'_>, key: &str) -> Option<&'p str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref())
        .map(|v| v.as_str().trim_matches('"'))
}

fn when_of(p: &Property<'_>) -> Result<When, String> {
    let date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    parse_when(p.val.as_str(), date, param(p, "TZID"))
}

/// The zone new windows go in: the one the book's windows use, else this computer's, else UTC.
fn default_zone(book: &Book) -> TimeZone {
    let used = book
        .blackouts
        .iter()
        .map(|b| b.window.zone.as_str())
        .chain(book.environments.iter().flat_map(|e| e.maintenance_windows.iter().map(|m| m.window.zone.as_str())))
        .find_map(|z| TimeZone::get(z.trim()).ok());
    used.or_else(|| TimeZone::try_system().ok().filter(|z| z.iana_name().is_some())).unwrap_or(TimeZone::UTC)
}

fn draft(
    e: &Component<'_>,
    label: &str,
    n: usize,
    default: &TimeZone,
    problems: &mut Vec<String>,
) -> Result<Draft, String> {
    let start_prop = e.find_prop("DTSTART").ok_or("it has no start (DTSTART)")?;
    let start = when_of(start_prop)?;
    let resolve = |name: &str| TimeZone::get(name).ok();
    let tz = match &start {
        When::Local(_, Some(name)) => match resolve(name) {
            Some(tz) => tz,
            None => {
                problems.push(format!(
                    "“{label}”: time zone “{name}” is not known; its times are read in {}.",
                    zone_name(default)
                ));
                default.clone()
            }
        },
        _ => default.clone(),
    };
    let from = start.in_zone(&tz, resolve);
    let end = match (e.find_prop("DTEND"), e.find_prop("DURATION")) {
        (Some(p), _) => Some(when_of(p)?.in_zone(&tz, resolve)),
        (None, Some(p)) => {
            let d = parse_duration(p.val.as_str())?;
            let exact = crate::schedule::instant(from, &tz).checked_add(d).map_err(|e| e.to_string())?;
            Some(match start {
                When::Day(_) => from.checked_add(d).map_err(|e| e.to_string())?,
                _ => tz.to_datetime(exact),
            })
        }
        (None, None) => None,
    };
    let all_day = matches!(start, When::Day(_));
    let (wstart, wend) = if all_day {
        // Whole days: DTEND is the day after the last one.
        let first = from.date();
        let last = end.map(|x| x.date()).filter(|x| *x > first).and_then(|x| x.yesterday().ok()).unwrap_or(first);
        (first.to_datetime(Time::midnight()), last.to_datetime(Time::constant(23, 59, 0, 0)))
    } else {
        (from, end.filter(|x| *x >= from).unwrap_or(from))
    };
    let mut window = Window { start: wstart, end: wend, zone: zone_name(&tz), repeat: Repeat::Never, until: None };
    if let Some(p) = e.find_prop("RRULE") {
        match parse_rrule(p.val.as_str(), wstart) {
            Ok(rule) => {
                window.repeat = rule.repeat;
                window.until = match (rule.until, rule.count) {
                    (Some(u), _) => Some(u.in_zone(&tz, resolve).date()),
                    (None, Some(count)) => {
                        crate::schedule::recur::nth_start(&window, i64::from(count.max(1)) - 1).map(|d| d.date())
                    }
                    (None, None) => None,
                };
            }
            Err(why) => problems.push(format!("“{label}” is imported as its first occurrence only: {why}.")),
        }
    }
    if e.find_prop("EXDATE").is_some() || e.find_prop("RDATE").is_some() {
        problems.push(format!("“{label}”: extra or skipped dates (RDATE, EXDATE) are not imported."));
    }
    let uid = text_of(e, "UID").filter(|u| !u.is_empty()).unwrap_or_else(|| {
        problems.push(format!("“{label}” has no UID; importing the file again will add it again."));
        format!("relplan-import-{}-{}", n + 1, wstart.strftime("%Y%m%dT%H%M"))
    });
    let cancelled = text_of(e, "STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
    let name = text_of(e, "SUMMARY").filter(|s| !s.is_empty()).unwrap_or_else(|| "Imported blackout".to_owned());
    let reason = text_of(e, "DESCRIPTION").unwrap_or_default();
    Ok(Draft { uid, name, reason, window, cancelled, target: None })
}

fn zone_name(tz: &TimeZone) -> String {
    tz.iana_name().unwrap_or("UTC").to_owned()
}

/// The preview lines, the edits, and how many events need no change.
fn plan(book: &Book, drafts: &[Draft]) -> Result<(Vec<String>, Vec<Edit>, usize), EditError> {
    let existing: HashMap<&str, &Blackout> =
        book.blackouts.iter().filter_map(|b| b.source_uid.as_deref().map(|u| (u, b))).collect();
    let mut ids = IdPlanner::new(&book.ledger);
    let (mut lines, mut edits, mut unchanged) = (Vec::new(), Vec::new(), 0);
    let mut index = book.blackouts.len();
    for d in drafts {
        let found = match &d.target {
            Some(id) => book.blackouts.iter().find(|b| &b.id == id),
            None => existing.get(d.uid.as_str()).copied(),
        };
        match (found, d.cancelled) {
            (Some(b), true) => {
                lines.push(format!("Remove {} “{}”: cancelled in the calendar", b.id, b.name));
                edits.push(Edit::remove(Path::root(), "blackouts", &b.id));
            }
            (None, true) => {}
            (Some(b), false) => {
                let at = Path::root().item("blackouts", &b.id);
                let before = edits.len();
                if b.name != d.name {
                    edits.push(Edit::set(at.clone(), "name", &d.name)?);
                }
                if b.reason != d.reason {
                    edits.push(Edit::set(at.clone(), "reason", &d.reason)?);
                }
                let (w, new) = (&b.window, &d.window);
                let wat = at.field("window");
                // Relplan's own export of this blackout, at the same time: its window stays as written.
                let same = d.target.is_some() && own::same_time(w, new);
                if !same {
                    if w.start != new.start {
                        edits.push(Edit::set(wat.clone(), "start", &new.start)?);
                    }
                    if w.end != new.end {
                        edits.push(Edit::set(wat.clone(), "end", &new.end)?);
                    }
                    if w.zone != new.zone {
                        edits.push(Edit::set(wat.clone(), "zone", &new.zone)?);
                    }
                    if w.repeat != new.repeat {
                        edits.push(Edit::set(wat.clone(), "repeat", &new.repeat)?);
                    }
                    if w.until != new.until {
                        edits.push(Edit::set(wat, "until", &new.until)?);
                    }
                }
                if edits.len() == before {
                    unchanged += 1;
                } else {
                    lines.push(format!("Update {} “{}”: {}", b.id, d.name, window_words(new)));
                }
            }
            (None, false) => {
                let blackout = Blackout {
                    id: ids.next(IdKind::Blackout),
                    name: d.name.clone(),
                    reason: d.reason.clone(),
                    scope: BlackoutScope::All,
                    window: d.window.clone(),
                    source_uid: Some(d.uid.clone()),
                };
                lines.push(format!("Add “{}”: {}", d.name, window_words(&d.window)));
                edits.push(Edit::insert(Path::root(), "blackouts", index, &blackout)?);
                index += 1;
            }
        }
    }
    Ok((lines, edits, unchanged))
}

/// A window in a few words, e.g. "yearly, 25 Dec 2026, all day".
fn window_words(w: &Window) -> String {
    let whole = w.start.time() == Time::midnight() && w.end.time() == Time::constant(23, 59, 0, 0);
    let day = |d: DateTime| d.strftime("%-d %b %Y").to_string();
    let when = if whole && w.start.date() == w.end.date() {
        format!("{}, all day", day(w.start))
    } else if whole {
        format!("{} to {}, all day", day(w.start), day(w.end))
    } else if w.start.date() == w.end.date() {
        format!("{} {}–{} {}", day(w.start), w.start.strftime("%H:%M"), w.end.strftime("%H:%M"), w.zone)
    } else {
        format!(
            "{} {} to {} {} {}",
            day(w.start),
            w.start.strftime("%H:%M"),
            day(w.end),
            w.end.strftime("%H:%M"),
            w.zone
        )
    };
    let repeat = match (w.repeat, w.until) {
        (Repeat::Never, _) => "once".to_owned(),
        (r, Some(u)) => format!("{} until {}", r.label(), u.strftime("%-d %b %Y")),
        (r, None) => r.label().to_owned(),
    };
    format!("{repeat}, {when}")
}
