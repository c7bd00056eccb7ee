//! The calendar as a release manager uses it: drag a deployment into a
//! blackout, see the conflict, undo the drag; move an item with the arrow
//! keys; jump from the conflicts panel; and snapshots of the month, week
//! and timeline views. Today is fixed at 2026-11-27 and times are shown in
//! Europe/London, the example book's zone, so that the images are stable.

mod ui_support;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jiff::civil::date;
use relplan::ui::RelplanApp;
use std::sync::OnceLock;
use ui_support::{app_with_example, book};

/// Fixes today and the computer's zone before any harness starts.
fn fixed_day() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        // SAFETY: set once, before any harness starts a thread that reads them.
        unsafe {
            std::env::set_var("RELPLAN_TODAY", "2026-11-27");
            std::env::set_var("TZ", "Europe/London");
        }
    });
}

fn calendar() -> Harness<'static, RelplanApp> {
    fixed_day();
    let mut h = app_with_example();
    h.run();
    h.get_by_label("Calendar").click();
    h.run();
    h
}

fn dep12_start(h: &Harness<'static, RelplanApp>) -> jiff::civil::DateTime {
    let b = book(h);
    let r = b.release(&"REL-4".into()).expect("REL-4");
    r.deployments.iter().find(|d| d.id.as_str() == "DEP-12").expect("DEP-12").window.start
}

/// Presses at `from`, moves to `to` in small steps (a frame each) and releases.
fn drag(
    h: &mut Harness<'static, RelplanApp>,
    from: Pos2,
    to: Pos2,
    before_release: impl FnOnce(&mut Harness<'static, RelplanApp>),
) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=6 {
        let f = i as f32 / 6.0;
        h.hover_at(from + (to - from) * f);
        h.run();
    }
    before_release(h);
    h.drop_at(to);
    h.run();
}

#[test]
fn dragging_a_deployment_into_a_blackout_shows_the_conflict_and_undo_puts_it_back() {
    let mut h = calendar();
    assert_eq!(dep12_start(&h), date(2026, 11, 15).at(1, 0, 0, 0));
    assert!(h.query_by_label_contains("No conflicts").is_some(), "no upcoming conflict to start with");
    let from = h.get_by_label_contains("Deployment DEP-12 of REL-4").rect().center();
    let to = h.get_by_label("Sun 29 Nov 2026").rect().center();
    let edits_before = book(&h).ledger.audit.len();
    drag(&mut h, from, to, |h| {
        assert_eq!(dep12_start(h), date(2026, 11, 15).at(1, 0, 0, 0), "nothing changes while dragging");
    });
    assert_eq!(dep12_start(&h), date(2026, 11, 29).at(1, 0, 0, 0), "the drop moves it two weeks on");
    assert_eq!(book(&h).ledger.audit.len(), edits_before + 1, "one drag is one step");
    h.get_by_label_contains(
        "Deployment DEP-12 of REL-4 “Production wave 1: 20 pilot stores”, Sun 29 Nov 2026 01:00–04:00, in conflict",
    );
    h.get_by_label("⚠ Inside a blackout");
    assert!(h.query_by_label_contains("No conflicts").is_none());
    assert_eq!(h.state().selected_release_id().map(|i| i.as_str()), Some("REL-1"), "a drag is not a click");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(dep12_start(&h), date(2026, 11, 15).at(1, 0, 0, 0), "Ctrl+Z undoes the whole drag");
    assert!(h.query_by_label_contains("No conflicts").is_some(), "and the conflict is gone");
}

#[test]
fn escape_cancels_a_drag() {
    let mut h = calendar();
    let from = h.get_by_label_contains("Deployment DEP-12 of REL-4").rect().center();
    let to = h.get_by_label("Sun 29 Nov 2026").rect().center();
    drag(&mut h, from, to, |h| {
        h.key_press(Key::Escape);
        h.run();
    });
    assert_eq!(dep12_start(&h), date(2026, 11, 15).at(1, 0, 0, 0));
}

#[test]
fn arrow_keys_move_the_focused_deployment_one_step_each() {
    let mut h = calendar();
    let node = h.get_by_label_contains("Deployment DEP-12 of REL-4");
    node.focus();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(dep12_start(&h), date(2026, 11, 16).at(1, 0, 0, 0), "right: one day later");
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(dep12_start(&h), date(2026, 11, 15).at(1, 0, 0, 0), "left: one day earlier");
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    let b = book(&h);
    let d = b.release(&"REL-4".into()).and_then(|r| r.deployments.iter().find(|d| d.id.as_str() == "DEP-12")).cloned();
    assert_eq!(d.map(|d| d.window.end), Some(date(2026, 11, 16).at(4, 0, 0, 0)), "Shift+right: ends a day later");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(dep12_start(&h), date(2026, 11, 15).at(1, 0, 0, 0), "each key press was one step");
}

#[test]
fn clicking_an_item_opens_its_release() {
    let mut h = calendar();
    h.get_by_label_contains("Deployment DEP-14 of REL-5").click();
    h.run();
    assert_eq!(h.state().selected_release_id().map(|i| i.as_str()), Some("REL-5"));
    assert!(h.query_by_label_contains("Conflicts").is_none(), "the release form is shown");
}

#[test]
fn the_conflicts_panel_lists_past_conflicts_on_request_and_jumps_to_them() {
    let mut h = calendar();
    h.get_by_label("Include past").click();
    h.run();
    h.get_by_label("⚠ Person double-booked");
    h.get_by_label("Show DEP-7 on the calendar").click();
    h.run();
    h.get_by_label_contains("12 – 18 Oct 2026");
    h.get_by_label("Open REL-2").click();
    h.run();
    assert_eq!(h.state().selected_release_id().map(|i| i.as_str()), Some("REL-2"));
}

#[test]
fn the_next_free_slot_clears_a_conflict_in_one_step() {
    let mut h = calendar();
    let from = h.get_by_label_contains("Deployment DEP-12 of REL-4").rect().center();
    let to = h.get_by_label("Sun 29 Nov 2026").rect().center();
    drag(&mut h, from, to, |_| {});
    h.get_by_label("Next free slot for DEP-12").click();
    h.run();
    let start = dep12_start(&h);
    assert_eq!(
        start,
        date(2026, 12, 13).at(1, 0, 0, 0),
        "after the freeze, in a Sunday window that DEP-13 leaves free"
    );
    assert!(h.query_by_label_contains("No conflicts").is_some());
}

fn switch(h: &mut Harness<'static, RelplanApp>, labels: &[&str]) {
    for l in labels {
        h.get_by_label(l).click();
        h.run();
    }
    h.remove_cursor();
    h.run();
}

fn themed(h: &mut Harness<'static, RelplanApp>, theme: &str) {
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::P);
    h.run();
    let field = h.get_by_label("Search commands and releases");
    field.focus();
    field.type_text(theme);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.remove_cursor();
    h.run();
}

#[test]
fn snapshot_month() {
    let mut h = calendar();
    h.snapshot("calendar-month-light");
}

#[test]
fn snapshot_month_dark() {
    let mut h = calendar();
    themed(&mut h, "dark theme");
    h.snapshot("calendar-month-dark");
}

#[test]
fn snapshot_month_projector() {
    let mut h = calendar();
    themed(&mut h, "projector");
    h.snapshot("calendar-month-projector");
}

#[test]
fn snapshot_week() {
    let mut h = calendar();
    switch(&mut h, &["Week"]);
    h.snapshot("calendar-week-light");
}

#[test]
fn snapshot_timeline_by_environment() {
    let mut h = calendar();
    switch(&mut h, &["Timeline"]);
    h.snapshot("calendar-timeline-light");
}

#[test]
fn snapshot_timeline_by_release() {
    let mut h = calendar();
    themed(&mut h, "dark theme");
    switch(&mut h, &["Timeline", "By release"]);
    h.snapshot("calendar-timeline-releases-dark");
}

#[test]
fn snapshot_month_while_dragging() {
    let mut h = calendar();
    let from = h.get_by_label_contains("Deployment DEP-12 of REL-4").rect().center();
    let to = h.get_by_label("Sun 29 Nov 2026").rect().center();
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.run();
    }
    h.snapshot("calendar-month-dragging");
}

fn dep14(h: &Harness<'static, RelplanApp>) -> (jiff::civil::DateTime, jiff::civil::DateTime) {
    let b = book(h);
    let d = b.release(&"REL-5".into()).and_then(|r| r.deployments.iter().find(|d| d.id.as_str() == "DEP-14")).cloned();
    d.map(|d| (d.window.start, d.window.end)).expect("DEP-14")
}

#[test]
fn in_the_week_a_block_moves_by_the_quarter_hour_and_its_bottom_edge_resizes_it() {
    let mut h = calendar();
    switch(&mut h, &["Week"]);
    assert_eq!(dep14(&h), (date(2026, 11, 24).at(9, 0, 0, 0), date(2026, 11, 24).at(13, 0, 0, 0)));
    let rect = h.get_by_label_contains("Deployment DEP-14 of REL-5").rect();
    let hour = rect.height() / 4.0;
    let from = rect.center();
    drag(&mut h, from, from + egui::vec2(rect.width() * 1.2, hour * 2.0), |_| {});
    assert_eq!(
        dep14(&h),
        (date(2026, 11, 25).at(11, 0, 0, 0), date(2026, 11, 25).at(15, 0, 0, 0)),
        "a day later, two hours later"
    );
    let rect = h.get_by_label_contains("Deployment DEP-14 of REL-5").rect();
    let edge = egui::pos2(rect.center().x, rect.bottom() - 2.0);
    drag(&mut h, edge, edge + egui::vec2(0.0, hour * 1.5), |_| {});
    assert_eq!(
        dep14(&h),
        (date(2026, 11, 25).at(11, 0, 0, 0), date(2026, 11, 25).at(16, 30, 0, 0)),
        "the end moves alone"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(dep14(&h), (date(2026, 11, 24).at(9, 0, 0, 0), date(2026, 11, 24).at(13, 0, 0, 0)));
}

#[test]
fn in_the_timeline_a_phase_end_is_dragged_later() {
    let mut h = calendar();
    switch(&mut h, &["Timeline", "By release"]);
    let planned_end = |h: &Harness<'static, RelplanApp>| {
        book(h).release(&"REL-5".into()).and_then(|r| r.phases.build_and_test.planned_end)
    };
    let before = planned_end(&h).expect("a planned end");
    let start = book(&h).release(&"REL-5".into()).and_then(|r| r.phases.build_and_test.planned_start);
    let rect = h.get_by_label_contains("Phase Build & Test of REL-5").rect();
    let day = h.get_by_label_contains("Phase Planning of REL-5").rect().width()
        / (book(&h)
            .release(&"REL-5".into())
            .and_then(|r| r.phases.planning.planned_start.zip(r.phases.planning.planned_end))
            .map_or(1, |(a, b)| (b - a).get_days() + 1) as f32);
    let edge = egui::pos2(rect.right() - 2.0, rect.center().y);
    drag(&mut h, edge, edge + egui::vec2(day * 7.0, 0.0), |_| {});
    let after = planned_end(&h).expect("a planned end");
    assert_eq!((after - before).get_days(), 7, "{before} → {after}");
    let after_start = book(&h).release(&"REL-5".into()).and_then(|r| r.phases.build_and_test.planned_start);
    assert_eq!(after_start, start, "the start stays");
}

#[test]
fn the_count_of_hidden_items_never_covers_the_day_number_in_large_type() {
    fixed_day();
    let mut h = ui_support::app_sized(relplan::templates::example().expect("example"), egui::vec2(1000.0, 700.0));
    h.run();
    h.get_by_label("Calendar").click();
    h.run();
    themed(&mut h, "projector");
    // June 2026: REL-1's busiest weeks.
    for _ in 0..5 {
        h.get_by_label("Earlier").click();
        h.run();
    }
    assert!(h.query_by_label("June 2026").is_some(), "the month shown");
    let days: Vec<egui::Rect> = h.query_all_by_role(egui::accesskit::Role::Cell).map(|n| n.rect()).collect();
    let pills: Vec<egui::Rect> = h
        .query_all_by_label_contains(" more")
        .filter(|n| {
            use egui_kittest::kittest::NodeT;
            // A day's count reads "N more" (a week's bars say more).
            n.accesskit_node().value().is_some_and(|l| l.split(' ').count() == 2)
        })
        .map(|n| n.rect())
        .collect();
    assert!(!pills.is_empty(), "cramped cells hide some items behind a count");
    for pill in pills {
        let Some(cell) = days.iter().find(|c| c.contains(pill.center())) else { continue };
        // The number starts 6 points in and is at least one digit wide.
        assert!(pill.left() >= cell.left() + 16.0, "the count {pill:?} covers the day number of {cell:?}");
    }
}
