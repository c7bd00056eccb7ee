//! Shared set-up for the calendar's UI tests: the app on the example book
//! with the calendar open, today fixed at 2026-11-27 and times shown in
//! Europe/London (the example book's zone), and the gestures the tests
//! repeat (a drag in small steps, a row of clicks).

#![allow(dead_code, reason = "each calendar test file uses a different part")]

use crate::ui_support;
use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::ui::RelplanApp;
use std::sync::OnceLock;

/// Fixes today and the computer's zone before any harness starts.
pub fn fixed_day() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        // SAFETY: set once, before any harness starts a thread that reads them.
        unsafe {
            std::env::set_var("RELPLAN_TODAY", "2026-11-27");
            std::env::set_var("TZ", "Europe/London");
        }
    });
}

/// The app on the example book with the calendar shown (November 2026).
pub fn calendar() -> Harness<'static, RelplanApp> {
    fixed_day();
    let mut h = ui_support::app_with_example();
    h.run();
    h.get_by_label("Calendar").click();
    h.run();
    h
}

/// Clicks each label in turn, then moves the pointer away.
pub fn switch(h: &mut Harness<'static, RelplanApp>, labels: &[&str]) {
    for l in labels {
        h.get_by_label(l).click();
        h.run();
    }
    h.remove_cursor();
    h.run();
}

/// Presses at `from`, moves to `to` in small steps (a frame each) and releases.
pub fn drag(h: &mut Harness<'static, RelplanApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=6 {
        let f = i as f32 / 6.0;
        h.hover_at(from + (to - from) * f);
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// Whether a widget's rectangle lies inside the window (1400 × 900).
pub fn in_window(rect: egui::Rect) -> bool {
    rect.top() >= 0.0 && rect.bottom() <= 900.0 && rect.left() >= 0.0 && rect.right() <= 1400.0
}
