//! Calendar files: the .ics export parsed back with the icalendar crate's
//! parser and checked field by field, and the import of holidays and
//! freeze calendars as blackout windows (one undo step, re-import by UID,
//! clear errors for broken files).

use icalendar::parser::{Component, read_calendar, unfold};
use jiff::civil::date;
use relplan::edit::Document;
use relplan::export::ics::{IcsOptions, to_ics};
use relplan::import::ics::preview;
use relplan::model::{Blackout, BlackoutScope, Book, Repeat};
use std::path::Path;

fn example() -> Book {
    relplan::templates::example().expect("the example book opens")
}

/// One property of an event: name, parameters, value.
type Property = (String, Vec<(String, String)>, String);

/// The events of an exported calendar, after checking the file's lines.
fn parse(text: &str) -> (String, Vec<Vec<Property>>) {
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break in {line:?}");
    }
    let unfolded = unfold(text);
    let cal = read_calendar(&unfolded).expect("the export parses");
    let mut events = Vec::new();
    fn walk(cs: &[Component<'_>], out: &mut Vec<Vec<Property>>) {
        for c in cs {
            if c.name.as_str() == "VEVENT" {
                out.push(
                    c.properties
                        .iter()
                        .map(|p| {
                            let params = p
                                .params
                                .iter()
                                .map(|x| {
                                    (
                                        x.key.as_str().to_owned(),
                                        x.val.as_ref().map(|v| v.as_str().to_owned()).unwrap_or_default(),
                                    )
                                })
                                .collect();
                            (p.name.as_str().to_owned(), params, p.val.as_str().to_owned())
                        })
                        .collect(),
                );
            }
            walk(&c.components, out);
        }
    }
    walk(&cal.components, &mut events);
    (unfolded, events)
}

type Event = Vec<(String, Vec<(String, String)>, String)>;

fn value<'e>(e: &'e Event, name: &str) -> Option<&'e str> {
    e.iter().find(|p| p.0 == name).map(|p| p.2.as_str())
}

fn param<'e>(e: &'e Event, name: &str, key: &str) -> Option<&'e str> {
    e.iter().find(|p| p.0 == name).and_then(|p| p.1.iter().find(|x| x.0 == key)).map(|x| x.1.as_str())
}

fn by_uid<'e>(events: &'e [Event], uid: &str) -> &'e Event {
    events.iter().find(|e| value(e, "UID") == Some(uid)).unwrap_or_else(|| panic!("no event {uid}"))
}

#[test]
fn every_phase_milestone_deployment_and_blackout_is_one_event_with_a_stable_uid() {
    let book = example();
    let text = to_ics(&book, &IcsOptions::default());
    assert_eq!(text, to_ics(&book, &IcsOptions::default()), "the same book gives the same bytes");
    let (unfolded, events) = parse(&text);
    for key in
        ["VERSION:2.0", "PRODID:-//Relplan//Relplan release calendar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        assert!(unfolded.contains(&format!("{key}\r\n")), "{key}");
    }
    let phases: usize = book
        .releases
        .iter()
        .map(|r| {
            relplan::model::Phase::ALL
                .iter()
                .filter_map(|p| r.phases.get(*p))
                .filter(|d| relplan::schedule::items::phase_days(d).is_some())
                .count()
        })
        .sum();
    let milestones: usize = book.releases.iter().map(|r| r.milestones.len()).sum();
    let deployments: usize = book.releases.iter().map(|r| r.deployments.len()).sum();
    assert_eq!(events.len(), phases + milestones + deployments + book.blackouts.len());
    let mut uids: Vec<&str> = events.iter().filter_map(|e| value(e, "UID")).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    for e in &events {
        assert_eq!(value(e, "DTSTAMP"), Some("20261124T164000Z"), "DTSTAMP is the book's last change");
        assert!(value(e, "SUMMARY").is_some() && value(e, "DTSTART").is_some() && value(e, "DTEND").is_some());
    }
}

#[test]
fn deployment_windows_are_in_utc() {
    let (_, events) = parse(&to_ics(&example(), &IcsOptions::default()));
    let e = by_uid(&events, "REL-1.deployment.DEP-3@relplan");
    // 01:00 to 04:30 in London in June (BST) is 00:00 to 03:30 UTC.
    assert_eq!(value(e, "DTSTART"), Some("20260614T000000Z"));
    assert_eq!(value(e, "DTEND"), Some("20260614T033000Z"));
    assert_eq!(value(e, "SUMMARY"), Some("REL-1 deploy to Production: Production cut-over"));
    assert_eq!(value(e, "LOCATION"), Some("Production"));
    assert_eq!(value(e, "CATEGORIES"), Some("Deployment"));
    let description = value(e, "DESCRIPTION").unwrap_or_default();
    assert!(
        description.contains("Planned in Europe/London: Sun 14 Jun 2026 01:00 to Sun 14 Jun 2026 04:30."),
        "{description}"
    );
    assert!(description.contains("\nRunbook:\n1. "), "newlines survive escaping: {description}");
}

#[test]
fn phases_and_milestones_are_all_day_events_with_exclusive_ends() {
    let (_, events) = parse(&to_ics(&example(), &IcsOptions::default()));
    let phase = by_uid(&events, "REL-1.phase.planning@relplan");
    assert_eq!((value(phase, "DTSTART"), param(phase, "DTSTART", "VALUE")), (Some("20260302"), Some("DATE")));
    assert_eq!(
        (value(phase, "DTEND"), param(phase, "DTEND", "VALUE")),
        (Some("20260411"), Some("DATE")),
        "planned end 10 April"
    );
    assert_eq!(value(phase, "TRANSP"), Some("TRANSPARENT"));
    let ms = by_uid(&events, "REL-1.milestone.MS-6@relplan");
    assert_eq!((value(ms, "DTSTART"), value(ms, "DTEND")), (Some("20260614"), Some("20260615")));
    assert_eq!(value(ms, "SUMMARY"), Some("REL-1 milestone: Production cut-over"));
}

#[test]
fn recurring_blackouts_keep_their_zone_and_repeat_rule() {
    let book = example();
    let (unfolded, events) = parse(&to_ics(&book, &IcsOptions::default()));
    let month_end = by_uid(&events, "blackout.BO-3@relplan");
    assert_eq!(param(month_end, "DTSTART", "TZID"), Some("Europe/London"));
    assert_eq!(value(month_end, "DTSTART"), Some("20250131T180000"));
    assert_eq!(value(month_end, "DTEND"), Some("20250201T120000"));
    assert_eq!(value(month_end, "RRULE"), Some("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"));
    assert!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"), "the zone is defined");
    assert!(unfolded.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    let peak = by_uid(&events, "blackout.BO-1@relplan");
    assert_eq!(
        (value(peak, "DTSTART"), value(peak, "DTEND")),
        (Some("20251120"), Some("20251203")),
        "whole days, exclusive end"
    );
    assert_eq!(value(peak, "RRULE"), Some("FREQ=YEARLY"));
    assert_eq!(value(peak, "LOCATION"), Some("Production, Disaster recovery"));
    let once = by_uid(&events, "blackout.BO-5@relplan");
    assert_eq!((value(once, "DTSTART"), value(once, "DTEND")), (Some("20270308T000000Z"), Some("20270312T180000Z")));
    assert!(value(once, "RRULE").is_none());
}

#[test]
fn an_until_date_becomes_a_utc_until() {
    let mut book = example();
    book.blackouts[3].window.until = Some(date(2026, 6, 30));
    let (_, events) = parse(&to_ics(&book, &IcsOptions::default()));
    let friday = by_uid(&events, "blackout.BO-4@relplan");
    // The last start may be on 30 June until 23:59:59 London time (BST), 22:59:59 UTC.
    assert_eq!(value(friday, "RRULE"), Some("FREQ=WEEKLY;UNTIL=20260630T225959Z"));
}

#[test]
fn text_is_escaped_and_long_lines_fold_between_characters() {
    let mut book = example();
    book.releases[0].name = "Pay; ments, \\ “ünïcödé” release".into();
    book.releases[0].summary = "Première ligne — très longue, avec des caractères accentués répétés: éééééééééééééééééééééééééééééééé.\nSecond line.".into();
    let text =
        to_ics(&book, &IcsOptions { milestones: false, deployments: false, blackouts: false, ..Default::default() });
    let (unfolded, events) = parse(&text);
    assert!(
        unfolded.contains("SUMMARY:REL-1 Pay\\; ments\\, \\\\ “ünïcödé” release: Planning\r\n"),
        "raw text is escaped"
    );
    let e = by_uid(&events, "REL-1.phase.planning@relplan");
    assert_eq!(
        value(e, "SUMMARY"),
        Some("REL-1 Pay; ments, \\ “ünïcödé” release: Planning"),
        "and reads back the same"
    );
    let description = value(e, "DESCRIPTION").unwrap_or_default();
    assert!(description.contains("répétés: éééééééééééééééééééééééééééééééé.\nSecond line."), "{description}");
}

#[test]
fn the_audience_filter_chooses_what_goes_in() {
    let book = example();
    let only = IcsOptions { release: Some("REL-4".into()), phases: false, blackouts: false, ..Default::default() };
    let (_, events) = parse(&to_ics(&book, &only));
    let r = book.release(&"REL-4".into()).expect("REL-4");
    assert_eq!(events.len(), r.milestones.len() + r.deployments.len());
    assert!(events.iter().all(|e| value(e, "UID").is_some_and(|u| u.starts_with("REL-4."))));
    let blackouts = IcsOptions { phases: false, milestones: false, deployments: false, ..Default::default() };
    let (_, events) = parse(&to_ics(&book, &blackouts));
    assert_eq!(events.len(), book.blackouts.len());
}

// Import.

const HOLIDAYS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Holidays//EN\r\n\
BEGIN:VEVENT\r\nUID:xmas-2026@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:boxing-2026@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20261229\r\nSUMMARY:Boxing Day (substitute day)\r\nDESCRIPTION:Bank holiday\\, England and Wales\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:freeze@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Paris:20261218T180000\r\nDURATION:PT62H\r\nRRULE:FREQ=YEARLY;COUNT=3\r\nSUMMARY:Year-end close\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn blackout_by_uid<'b>(book: &'b Book, uid: &str) -> &'b Blackout {
    book.blackouts
        .iter()
        .find(|b| b.source_uid.as_deref() == Some(uid))
        .unwrap_or_else(|| panic!("no blackout from {uid}"))
}

#[test]
fn holidays_become_blackout_windows_in_one_undoable_step() {
    let book = example();
    let before = book.blackouts.len();
    let p = preview(&book, HOLIDAYS.as_bytes(), Path::new("/tmp/holidays.ics")).expect("a preview");
    assert_eq!(p.title, "Blackout windows from holidays.ics");
    assert_eq!(p.lines.len(), 3, "{:?}", p.lines);
    assert_eq!(p.lines[0], "Add “Christmas Day”: once, 25 Dec 2026, all day");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let mut doc = Document::new(book);
    doc.apply_import(p.edit.expect("an edit")).expect("it applies");
    let b = doc.book();
    assert_eq!(b.blackouts.len(), before + 3);
    let xmas = blackout_by_uid(b, "xmas-2026@example.org");
    assert_eq!(
        (xmas.window.start, xmas.window.end),
        (date(2026, 12, 25).at(0, 0, 0, 0), date(2026, 12, 25).at(23, 59, 0, 0))
    );
    assert_eq!(
        (xmas.window.zone.as_str(), xmas.window.repeat, &xmas.scope),
        ("Europe/London", Repeat::Never, &BlackoutScope::All)
    );
    assert_eq!(blackout_by_uid(b, "boxing-2026@example.org").reason, "Bank holiday, England and Wales");
    let close = blackout_by_uid(b, "freeze@example.org");
    assert_eq!(close.window.zone, "Europe/Paris");
    assert_eq!(
        (close.window.start, close.window.end),
        (date(2026, 12, 18).at(18, 0, 0, 0), date(2026, 12, 21).at(8, 0, 0, 0))
    );
    assert_eq!(
        (close.window.repeat, close.window.until),
        (Repeat::Yearly, Some(date(2028, 12, 18))),
        "COUNT=3 ends in 2028"
    );
    doc.undo().expect("undo");
    assert_eq!(doc.book().blackouts.len(), before, "one undo removes the whole import");
}

#[test]
fn importing_again_updates_by_uid_instead_of_adding() {
    let mut doc = Document::new(example());
    let first = preview(doc.book(), HOLIDAYS.as_bytes(), Path::new("holidays.ics")).expect("a preview");
    doc.apply_import(first.edit.expect("an edit")).expect("it applies");
    let count = doc.book().blackouts.len();
    let id = blackout_by_uid(doc.book(), "boxing-2026@example.org").id.clone();

    let same = preview(doc.book(), HOLIDAYS.as_bytes(), Path::new("holidays.ics")).expect("a preview");
    assert!(same.edit.is_none() && same.lines.is_empty(), "nothing changed: {:?}", same.lines);
    assert_eq!(same.title, "Blackout windows from holidays.ics (3 already up to date)");

    let changed = HOLIDAYS
        .replace(
            "DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20261229",
            "DTSTART;VALUE=DATE:20261226\r\nDTEND;VALUE=DATE:20261227",
        )
        .replace("SUMMARY:Christmas Day\r\n", "SUMMARY:Christmas Day\r\nSTATUS:CANCELLED\r\n");
    let p = preview(doc.book(), changed.as_bytes(), Path::new("holidays.ics")).expect("a preview");
    assert_eq!(p.lines.len(), 2, "{:?}", p.lines);
    assert!(
        p.lines.iter().any(|l| l.starts_with(&format!("Update {id} “Boxing Day (substitute day)”"))),
        "{:?}",
        p.lines
    );
    assert!(p.lines.iter().any(|l| l.starts_with("Remove ")), "{:?}", p.lines);
    doc.apply_import(p.edit.expect("an edit")).expect("it applies");
    let b = doc.book();
    assert_eq!(b.blackouts.len(), count - 1);
    let boxing = blackout_by_uid(b, "boxing-2026@example.org");
    assert_eq!((&boxing.id, boxing.window.start.date()), (&id, date(2026, 12, 26)), "same blackout, new date");
}

#[test]
fn an_exported_calendar_imports_back_to_the_same_windows() {
    let book = example();
    let text =
        to_ics(&book, &IcsOptions { phases: false, milestones: false, deployments: false, ..Default::default() });
    let empty = Book { environments: book.environments.clone(), ..Default::default() };
    let p = preview(&empty, text.as_bytes(), Path::new("export.ics")).expect("a preview");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let mut doc = Document::new(empty);
    doc.apply_import(p.edit.expect("an edit")).expect("it applies");
    for original in &book.blackouts {
        let uid = format!("blackout.{}@relplan", original.id);
        let back = blackout_by_uid(doc.book(), &uid);
        let (a, b) = (&original.window, &back.window);
        assert_eq!((a.repeat, a.until), (b.repeat, b.until), "{uid}");
        let tz = relplan::schedule::zone(&a.zone);
        let own = relplan::schedule::zone(&b.zone);
        assert_eq!(relplan::schedule::instant(a.start, &tz), relplan::schedule::instant(b.start, &own), "{uid}");
        assert_eq!(relplan::schedule::instant(a.end, &tz), relplan::schedule::instant(b.end, &own), "{uid}");
    }
}

#[test]
fn events_that_cannot_be_held_exactly_are_explained() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\nRRULE:FREQ=DAILY;COUNT=5\r\nSUMMARY:Stand-up freeze\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:No start\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=W. Europe Standard Time:20261202T090000\r\nDTEND;TZID=W. Europe Standard Time:20261202T100000\r\nSUMMARY:Windows zone\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";
    let p = preview(&example(), text.as_bytes(), Path::new("odd.ics")).expect("a preview");
    assert_eq!(p.lines.len(), 2, "{:?}", p.lines);
    assert!(
        p.problems
            .iter()
            .any(|x| x.contains("“Stand-up freeze” is imported as its first occurrence only: it repeats daily")),
        "{:?}",
        p.problems
    );
    assert!(
        p.problems.iter().any(|x| x.contains("“No start” is not imported: it has no start (DTSTART)")),
        "{:?}",
        p.problems
    );
    assert!(
        p.problems.iter().any(|x| x.contains("time zone “W. Europe Standard Time” is not known")),
        "{:?}",
        p.problems
    );
}

#[test]
fn a_broken_file_gives_a_clear_error_and_no_edit() {
    let book = example();
    let cases: [(&[u8], &str); 4] = [
        (b"\xff\xfe not text", "holidays.ics is not a calendar file: byte 1 is not UTF-8 text. Nothing was imported."),
        (
            b"Subject,Start Date\nChristmas,25/12/2026\n",
            "holidays.ics is not an iCalendar file: it does not start with BEGIN:VCALENDAR. Nothing was imported.",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026",
            "holidays.ics ends before END:VCALENDAR; the file may be cut short. Nothing was imported.",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis line is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "holidays.ics is not a valid calendar file",
        ),
    ];
    for (bytes, message) in cases {
        let error = preview(&book, bytes, Path::new("/somewhere/holidays.ics")).expect_err("an error");
        assert!(error.to_string().starts_with(message), "{error}");
    }
    let bad_date = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261345\r\nSUMMARY:Bad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let p = preview(&book, bad_date.as_bytes(), Path::new("holidays.ics")).expect("the rest of the file is read");
    assert!(p.edit.is_none());
    assert!(
        p.problems.iter().any(|x| x.contains("“Bad” is not imported: “20261345” is not a date in the calendar")),
        "{:?}",
        p.problems
    );
}

#[test]
fn dates_outside_four_digit_years_are_left_out_rather_than_written_wrongly() {
    let mut book = example();
    let r = &mut book.releases[0];
    let (release, kept, dropped) = (r.id.clone(), r.milestones[0].id.clone(), r.milestones[1].id.clone());
    r.milestones[1].date = date(-9999, 4, 11);
    let text = to_ics(&book, &IcsOptions::default());
    let dates = text.lines().filter(|l| ["DTSTART", "DTEND", "DTSTAMP"].iter().any(|k| l.starts_with(k)));
    assert!(dates.clone().count() > 0);
    for line in dates {
        assert!(!line.contains(":-"), "no negative year is written: {line}");
    }
    assert!(text.contains(&relplan::export::ics::milestone_uid(&release, &kept)), "the other milestones are there");
    assert!(!text.contains(&relplan::export::ics::milestone_uid(&release, &dropped)), "the impossible one is left out");
    parse(&text);
}
