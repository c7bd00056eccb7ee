//! Dates, wall-clock times and timestamps.
//!
//! - [`date_cell`]: an optional date in a table cell (the phase dates),
//!   named for screen readers since no label sits beside it.
//! - [`datetime_row`]: a wall-clock time in a named zone (deployment
//!   windows): a date picker, hour and minute, and the zone.
//! - [`timestamp_row`]: an instant (approvals, go/no-go, decisions), shown
//!   and edited in UTC, with "Now".

use crate::edit::{Edit, Path};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::Fields;
use egui::{RichText, Ui};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// An optional date in a table cell: a date picker with a clear button, or
/// a "Set" button that sets `default`. `name` names the widgets.
pub(super) fn date_cell(
    ui: &mut Ui,
    out: &mut Intents,
    at: &Path,
    field: &str,
    value: Option<Date>,
    default: Date,
    name: &str,
) {
    ui.horizontal(|ui| match value {
        Some(d) => {
            let mut picked = d;
            let salt = format!("{at}.{field}");
            ui.add(egui_extras::DatePickerButton::new(&mut picked).id_salt(&salt).show_icon(false))
                .accessible_name(format!("{name}: {d}"));
            if picked != d {
                out.apply(Edit::set(at.clone(), field, &Some(picked)));
            }
            let clear = format!("Clear {}", name.to_lowercase());
            let weak = tokens(ui.ctx()).text_weak;
            let r =
                ui.add(egui::Button::new(RichText::new("🗙").color(weak)).small().frame(false)).on_hover_text(&clear);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &clear));
            if r.clicked() {
                out.apply(Edit::set(at.clone(), field, &None::<Date>));
            }
        }
        None => {
            let set = format!("Set {}", name.to_lowercase());
            let r = ui.small_button("Set…").on_hover_text(format!("{set} (starts at {default})"));
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &set));
            if r.clicked() {
                out.apply(Edit::set(at.clone(), field, &Some(default)));
            }
        }
    });
}

/// A grid row for a wall-clock time in `zone`: date picker, hour and
/// minute. Returns the new value when the user changed it.
pub(super) fn datetime_row(
    f: &Fields<'_>,
    ui: &mut Ui,
    label: &str,
    field: &str,
    value: DateTime,
    zone: &str,
) -> Option<DateTime> {
    let t = tokens(ui.ctx());
    let label_id = ui.label(label).id;
    let mut changed = None;
    ui.horizontal(|ui| {
        let mut date = value.date();
        let salt = format!("{}.{field}", f.at);
        ui.add(egui_extras::DatePickerButton::new(&mut date).id_salt(&salt).calendar_week(true).show_icon(false))
            .labelled_by(label_id);
        let (mut hour, mut minute) = (value.hour(), value.minute());
        clock_ui(ui, &mut hour, &mut minute, label);
        ui.label(RichText::new(if zone.trim().is_empty() { "no time zone" } else { zone }).color(t.text_weak));
        if (date, hour, minute) != (value.date(), value.hour(), value.minute()) {
            changed = value.with().date(date).hour(hour).minute(minute).build().ok();
        }
    });
    ui.end_row();
    changed
}

/// Hour and minute drag values, "hh : mm".
fn clock_ui(ui: &mut Ui, hour: &mut i8, minute: &mut i8, label: &str) {
    let two_digits = |v: f64, _| format!("{v:02.0}");
    let spacing = ui.spacing().item_spacing.x;
    ui.spacing_mut().item_spacing.x = 2.0;
    ui.add(egui::DragValue::new(hour).range(0..=23).speed(0.1).custom_formatter(two_digits))
        .accessible_name(format!("{label}, hour"));
    ui.label(":");
    ui.add(egui::DragValue::new(minute).range(0..=59).speed(0.25).custom_formatter(two_digits))
        .accessible_name(format!("{label}, minute"));
    ui.spacing_mut().item_spacing.x = spacing;
}

/// A grid row for an optional instant, shown in UTC: date picker, hour and
/// minute, "Now" and "Clear"; "Now" alone when it is not set.
pub(super) fn timestamp_row(f: &mut Fields<'_>, ui: &mut Ui, label: &str, field: &str, value: Option<Timestamp>) {
    let t = tokens(ui.ctx());
    let label_id = ui.label(label).id;
    ui.horizontal(|ui| {
        let now_hint = format!("Set {} to now", label.to_lowercase());
        match value {
            Some(ts) => {
                let dt = ts.to_zoned(TimeZone::UTC).datetime();
                let mut date = dt.date();
                let salt = format!("{}.{field}", f.at);
                ui.add(
                    egui_extras::DatePickerButton::new(&mut date).id_salt(&salt).calendar_week(true).show_icon(false),
                )
                .labelled_by(label_id);
                let (mut hour, mut minute) = (dt.hour(), dt.minute());
                clock_ui(ui, &mut hour, &mut minute, label);
                ui.label(RichText::new("UTC").color(t.text_weak));
                if (date, hour, minute) != (dt.date(), dt.hour(), dt.minute()) {
                    let new = dt.with().date(date).hour(hour).minute(minute).build();
                    match new.and_then(|d| TimeZone::UTC.to_timestamp(d)) {
                        Ok(ts) => f.set_value(field, &Some(ts)),
                        Err(e) => f.out.push(crate::ui::intent::Intent::Problem(e.to_string())),
                    }
                }
                if ui.small_button("Now").on_hover_text(now_hint).clicked() {
                    f.set_value(field, &Some(Timestamp::now()));
                }
                let clear = format!("Clear {}", label.to_lowercase());
                let r = ui.small_button("Clear").on_hover_text(&clear);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &clear));
                if r.clicked() {
                    f.set_value(field, &None::<Timestamp>);
                }
            }
            None => {
                ui.label(RichText::new("not set").color(t.text_weak));
                let r = ui.small_button("Now").on_hover_text(&now_hint);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &now_hint));
                if r.clicked() {
                    f.set_value(field, &Some(Timestamp::now()));
                }
            }
        }
    });
    ui.end_row();
}

/// A length of time in words: "1 h 35 min", "20 min", "2 days 3 h".
pub(super) fn duration_words(minutes: i64) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    let m = minutes.unsigned_abs();
    let (days, hours, mins) = (m / 1440, (m % 1440) / 60, m % 60);
    let text = match (days, hours, mins) {
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m:02} min"),
        (1, h, _) => format!("1 day {h} h"),
        (d, h, _) => format!("{d} days {h} h"),
    };
    format!("{sign}{text}")
}

/// Whole minutes of a signed duration.
pub(super) fn minutes(d: SignedDuration) -> i64 {
    d.as_secs() / 60
}

/// The wall-clock time "hh:mm" of a date-time.
pub(super) fn clock(dt: DateTime) -> String {
    format!("{:02}:{:02}", dt.hour(), dt.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_words() {
        assert_eq!(duration_words(20), "20 min");
        assert_eq!(duration_words(120), "2 h");
        assert_eq!(duration_words(95), "1 h 35 min");
        assert_eq!(duration_words(1500), "1 day 1 h");
        assert_eq!(duration_words(-30), "−30 min");
    }
}
