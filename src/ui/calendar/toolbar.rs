//! The calendar's toolbar: which view, which period, which items, and the
//! zone times are shown in.

use super::geometry::{add_days, monday_of};
use super::{CalendarState, CalendarView, LaneMode, TimelineSpan};
use crate::model::{Book, Phase};
use crate::schedule::ItemKind;
use crate::ui::widgets::named_combo;
use egui::{RichText, Ui};
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

/// The first day of the quarter that contains `day`.
pub fn quarter_start(day: Date) -> Date {
    let month = (day.month() - 1) / 3 * 3 + 1;
    date(day.year(), month, 1)
}

fn add_months(day: Date, n: i32) -> Date {
    day.checked_add(jiff::Span::new().months(n)).unwrap_or(day)
}

/// The period the view shows, as its first and last day.
pub fn period(view: CalendarView, span: TimelineSpan, anchor: Date) -> (Date, Date) {
    match (view, span) {
        (CalendarView::Month, _) => (anchor.first_of_month(), anchor.last_of_month()),
        (CalendarView::Week, _) => {
            let first = monday_of(anchor);
            (first, add_days(first, 6))
        }
        (CalendarView::Timeline, TimelineSpan::Quarter) => {
            let first = quarter_start(anchor);
            (first, add_months(first, 3).yesterday().unwrap_or(first))
        }
        (CalendarView::Timeline, TimelineSpan::Year) => (date(anchor.year(), 1, 1), date(anchor.year(), 12, 31)),
    }
}

fn step(view: CalendarView, span: TimelineSpan, anchor: Date, forward: bool) -> Date {
    let sign = if forward { 1 } else { -1 };
    match (view, span) {
        (CalendarView::Month, _) => add_months(anchor.first_of_month(), sign),
        (CalendarView::Week, _) => add_days(anchor, 7 * i64::from(sign)),
        (CalendarView::Timeline, TimelineSpan::Quarter) => add_months(quarter_start(anchor), 3 * sign),
        (CalendarView::Timeline, TimelineSpan::Year) => add_months(date(anchor.year(), 1, 1), 12 * sign),
    }
}

fn title(view: CalendarView, span: TimelineSpan, anchor: Date) -> String {
    let (first, last) = period(view, span, anchor);
    match (view, span) {
        (CalendarView::Month, _) => anchor.strftime("%B %Y").to_string(),
        (CalendarView::Week, _) => {
            let week = first.iso_week_date().week();
            if first.month() == last.month() {
                format!("Week {week} · {} – {}", first.strftime("%-d"), last.strftime("%-d %b %Y"))
            } else {
                format!("Week {week} · {} – {}", first.strftime("%-d %b"), last.strftime("%-d %b %Y"))
            }
        }
        (CalendarView::Timeline, TimelineSpan::Quarter) => {
            format!(
                "Q{} {} · {} – {}",
                (first.month() - 1) / 3 + 1,
                first.year(),
                first.strftime("%b"),
                last.strftime("%b")
            )
        }
        (CalendarView::Timeline, TimelineSpan::Year) => first.year().to_string(),
    }
}

/// The toolbar: view and period on the first row; filters, the zone and
/// the conflicts panel switch on the second.
pub fn toolbar_ui(ui: &mut Ui, book: &Book, state: &mut CalendarState, today: Date, tz: &TimeZone) {
    let anchor = state.anchor.unwrap_or(today);
    ui.horizontal_wrapped(|ui| {
        if ui.button("⏴").on_hover_text("Earlier").widget_info_labeled("Earlier").clicked() {
            state.anchor = Some(step(state.view, state.span, anchor, false));
        }
        if ui.button("Today").clicked() {
            state.anchor = None;
        }
        if ui.button("⏵").on_hover_text("Later").widget_info_labeled("Later").clicked() {
            state.anchor = Some(step(state.view, state.span, anchor, true));
        }
        ui.add_space(4.0);
        ui.label(RichText::new(title(state.view, state.span, anchor)).heading());
        ui.separator();
        for (view, label) in
            [(CalendarView::Month, "Month"), (CalendarView::Week, "Week"), (CalendarView::Timeline, "Timeline")]
        {
            if ui.selectable_label(state.view == view, label).clicked() {
                state.view = view;
            }
        }
        if state.view == CalendarView::Timeline {
            ui.separator();
            for (span, label) in [(TimelineSpan::Quarter, "Quarter"), (TimelineSpan::Year, "Year")] {
                if ui.selectable_label(state.span == span, label).clicked() {
                    state.span = span;
                }
            }
            ui.separator();
            for (lanes, label) in [(LaneMode::Environment, "By environment"), (LaneMode::Release, "By release")] {
                if ui.selectable_label(state.lanes == lanes, label).clicked() {
                    state.lanes = lanes;
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        filters_ui(ui, book, state);
        ui.separator();
        zone_ui(ui, book, state, tz);
        let panel = if state.conflicts.hidden { "Show conflicts" } else { "Hide conflicts" };
        if ui.button(panel).clicked() {
            state.conflicts.hidden = !state.conflicts.hidden;
        }
    });
}

trait LabeledExt {
    fn widget_info_labeled(self, label: &str) -> Self;
}

impl LabeledExt for egui::Response {
    fn widget_info_labeled(self, label: &str) -> Self {
        self.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
        self
    }
}

fn zone_ui(ui: &mut Ui, book: &Book, state: &mut CalendarState, tz: &TimeZone) {
    let shown = tz.iana_name().unwrap_or("UTC").to_owned();
    named_combo(ui, "relplan.calendar.zone", "Show times in", &format!("Times in {shown}"), |ui| {
        let system = TimeZone::system();
        let system_name = system.iana_name().unwrap_or("UTC");
        if ui.selectable_label(state.zone.is_none(), format!("This computer ({system_name})")).clicked() {
            state.zone = None;
        }
        let mut zones: Vec<&str> = vec!["UTC"];
        let used = book
            .blackouts
            .iter()
            .map(|b| b.window.zone.trim())
            .chain(book.environments.iter().flat_map(|e| e.maintenance_windows.iter().map(|m| m.window.zone.trim())))
            .chain(book.releases.iter().flat_map(|r| r.deployments.iter().map(|d| d.window.zone.trim())));
        for z in used {
            if !z.is_empty() && !zones.contains(&z) && TimeZone::get(z).is_ok() {
                zones.push(z);
            }
        }
        for z in zones {
            if ui.selectable_label(state.zone.as_deref() == Some(z), z).clicked() {
                state.zone = Some(z.to_owned());
            }
        }
    });
}

fn filters_ui(ui: &mut Ui, book: &Book, state: &mut CalendarState) {
    let f = &mut state.filter;
    let release = f
        .release
        .as_ref()
        .and_then(|id| book.release(id))
        .map_or_else(|| "All releases".to_owned(), |r| format!("{} {}", r.id, r.name));
    named_combo(ui, "relplan.calendar.filter.release", "Release filter", &release, |ui| {
        if ui.selectable_label(f.release.is_none(), "All releases").clicked() {
            f.release = None;
        }
        for r in &book.releases {
            if ui.selectable_label(f.release.as_ref() == Some(&r.id), format!("{} {}", r.id, r.name)).clicked() {
                f.release = Some(r.id.clone());
            }
        }
    });
    let kind = f.release_type.as_ref().and_then(|id| book.release_type(id)).map_or("All types", |t| t.name.as_str());
    named_combo(ui, "relplan.calendar.filter.type", "Release type filter", kind, |ui| {
        if ui.selectable_label(f.release_type.is_none(), "All types").clicked() {
            f.release_type = None;
        }
        for t in &book.policy.release_types {
            if ui.selectable_label(f.release_type.as_ref() == Some(&t.id), &t.name).clicked() {
                f.release_type = Some(t.id.clone());
            }
        }
    });
    let env =
        f.environment.as_ref().and_then(|id| book.environment(id)).map_or("All environments", |e| e.name.as_str());
    named_combo(ui, "relplan.calendar.filter.environment", "Environment filter", env, |ui| {
        if ui.selectable_label(f.environment.is_none(), "All environments").clicked() {
            f.environment = None;
        }
        for e in &book.environments {
            if ui.selectable_label(f.environment.as_ref() == Some(&e.id), &e.name).clicked() {
                f.environment = Some(e.id.clone());
            }
        }
    });
    let phase = f.phase.map_or("Any phase", Phase::label);
    named_combo(ui, "relplan.calendar.filter.phase", "Phase filter", phase, |ui| {
        if ui.selectable_label(f.phase.is_none(), "Any phase").clicked() {
            f.phase = None;
        }
        for p in Phase::ALL {
            if ui.selectable_label(f.phase == Some(p), format!("Now in {}", p.label())).clicked() {
                f.phase = Some(p);
            }
        }
    });
    let kinds = [ItemKind::Phase, ItemKind::Milestone, ItemKind::Deployment, ItemKind::Blackout, ItemKind::Maintenance];
    let on = kinds.iter().filter(|k| f.kinds.has(**k)).count();
    let shown = if on == kinds.len() {
        "Showing everything".to_owned()
    } else {
        format!("Showing {on} of {} kinds", kinds.len())
    };
    ui.menu_button(shown, |ui| {
        for kind in kinds {
            ui.checkbox(f.kinds.get_mut(kind), kind.label());
        }
    });
    let narrowed = f.release.is_some() || f.release_type.is_some() || f.environment.is_some() || f.phase.is_some();
    if ui.add_enabled(narrowed || f.kinds != Default::default(), egui::Button::new("Clear filters")).clicked() {
        *f = Default::default();
    }
}
