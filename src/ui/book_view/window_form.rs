//! Time windows: the form that edits one, the sentence that describes it,
//! and the windows new maintenance windows and blackouts start with.

use super::common::{date_time_ui, note_ui, repeat_label, warning_ui};
use crate::edit::{Edit, Path};
use crate::model::{Book, Repeat, Window};
use crate::ui::intent::Intents;
use crate::ui::widgets::Fields;
use egui::Ui;
use jiff::civil::{Date, Weekday};

/// The rows of a window's form, inside a two-column grid. `at` is the path
/// of the window record itself (e.g. `…maintenance_windows[MW-2].window`).
pub(super) fn window_rows_ui(ui: &mut Ui, at: &Path, window: &Window, out: &mut Intents) {
    for (label, field, value) in [("Starts", "start", window.start), ("Ends", "end", window.end)] {
        ui.label(label);
        let salt = format!("{}", at.clone().field(field));
        date_time_ui(ui, &salt, label, value, out, |v| Edit::set(at.clone(), field, &v));
        ui.end_row();
    }
    if window.end <= window.start {
        ui.label("");
        let words = if window.end == window.start {
            "The window ends when it starts, so it has no length."
        } else {
            "The window ends before it starts."
        };
        warning_ui(ui, words);
        ui.end_row();
    }

    let mut fields = Fields::new(at.clone(), out);
    fields.text(ui, "Time zone", "zone", &window.zone);
    if let Some(problem) = zone_problem(&window.zone) {
        ui.label("");
        warning_ui(ui, &problem);
        ui.end_row();
    }
    fields.choice(ui, "Repeats", "repeat", window.repeat, &Repeat::ALL, repeat_label);
    if window.repeat != Repeat::Never || window.until.is_some() {
        let default = window.start.date().checked_add(jiff::Span::new().years(1)).unwrap_or(window.start.date());
        fields.date(ui, "Repeats until", "until", window.until, default);
        if window.repeat == Repeat::Never {
            ui.label("");
            note_ui(ui, "A window that happens once ignores this date.");
            ui.end_row();
        }
    }
    ui.label("");
    note_ui(ui, &describe_window(window));
    ui.end_row();
}

/// Why a zone name is not usable, or `None` when it is.
fn zone_problem(zone: &str) -> Option<String> {
    if zone.trim().is_empty() {
        Some("No time zone: enter an IANA name such as Europe/London or UTC.".to_owned())
    } else if jiff::tz::TimeZone::get(zone).is_err() {
        Some(format!("“{zone}” is not a known time zone: use an IANA name such as Europe/London or UTC."))
    } else {
        None
    }
}

/// The window in words, e.g. "Yearly from 27 Nov 2026 00:00 to 1 Dec 2026
/// 23:59, Europe/London".
pub(super) fn describe_window(w: &Window) -> String {
    let start_format = if w.repeat == Repeat::Weekly { "%A %-d %b %Y %H:%M" } else { "%-d %b %Y %H:%M" };
    let start = w.start.strftime(start_format).to_string();
    let end = if w.end.date() == w.start.date() {
        w.end.strftime("%H:%M").to_string()
    } else {
        w.end.strftime(start_format).to_string()
    };
    let zone = if w.zone.trim().is_empty() { "no time zone" } else { w.zone.as_str() };
    let mut text = match w.repeat {
        Repeat::Never => format!("Once, from {start} to {end}, {zone}"),
        r => format!("{} from {start} to {end}, {zone}", repeat_label(r)),
    };
    if let (Some(until), true) = (w.until, w.repeat != Repeat::Never) {
        text.push_str(&format!(", until {}", until.strftime("%-d %b %Y")));
    }
    text
}

/// The zone new windows start in: the one the book's windows already use,
/// else this computer's, else UTC.
fn default_zone(book: &Book) -> String {
    let used = book
        .blackouts
        .iter()
        .map(|b| &b.window.zone)
        .chain(book.environments.iter().flat_map(|e| e.maintenance_windows.iter().map(|m| &m.window.zone)))
        .find(|z| !z.trim().is_empty());
    match used {
        Some(z) => z.clone(),
        None => jiff::tz::TimeZone::system().iana_name().unwrap_or("UTC").to_owned(),
    }
}

fn today() -> Date {
    crate::ui::today()
}

/// A new maintenance window: weekly, next Sunday 02:00 to 04:00.
pub(super) fn new_maintenance_window(book: &Book) -> Window {
    let day = today().nth_weekday(1, Weekday::Sunday).unwrap_or_else(|_| today());
    Window {
        start: day.at(2, 0, 0, 0),
        end: day.at(4, 0, 0, 0),
        zone: default_zone(book),
        repeat: Repeat::Weekly,
        until: None,
    }
}

/// A new blackout window: once, from today for a week.
pub(super) fn new_blackout_window(book: &Book) -> Window {
    let day = today();
    let last = day.checked_add(jiff::Span::new().days(6)).unwrap_or(day);
    Window {
        start: day.at(0, 0, 0, 0),
        end: last.at(23, 59, 0, 0),
        zone: default_zone(book),
        repeat: Repeat::Never,
        until: None,
    }
}

/// A date and time for tests and examples.
#[cfg(test)]
fn at(y: i16, m: i8, d: i8, h: i8, min: i8) -> jiff::civil::DateTime {
    jiff::civil::date(y, m, d).at(h, min, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_a_yearly_freeze() {
        let w = Window {
            start: at(2026, 11, 27, 0, 0),
            end: at(2026, 12, 1, 23, 59),
            zone: "Europe/London".into(),
            repeat: Repeat::Yearly,
            until: None,
        };
        assert_eq!(describe_window(&w), "Yearly from 27 Nov 2026 00:00 to 1 Dec 2026 23:59, Europe/London");
    }

    #[test]
    fn describes_a_weekly_window_on_one_day() {
        let w = Window {
            start: at(2026, 3, 1, 2, 0),
            end: at(2026, 3, 1, 4, 30),
            zone: "UTC".into(),
            repeat: Repeat::Weekly,
            until: Some(jiff::civil::date(2026, 12, 31)),
        };
        assert_eq!(describe_window(&w), "Weekly from Sunday 1 Mar 2026 02:00 to 04:30, UTC, until 31 Dec 2026");
    }

    #[test]
    fn a_one_off_window_ignores_until() {
        let w = Window {
            start: at(2026, 3, 1, 2, 0),
            end: at(2026, 3, 2, 4, 0),
            zone: String::new(),
            repeat: Repeat::Never,
            until: Some(jiff::civil::date(2026, 12, 31)),
        };
        assert_eq!(describe_window(&w), "Once, from 1 Mar 2026 02:00 to 2 Mar 2026 04:00, no time zone");
    }

    #[test]
    fn unknown_zones_are_reported() {
        assert!(zone_problem("Europe/London").is_none());
        assert!(zone_problem("UTC").is_none());
        assert!(zone_problem("Mars/Olympus").is_some());
        assert!(zone_problem(" ").is_some());
    }
}
