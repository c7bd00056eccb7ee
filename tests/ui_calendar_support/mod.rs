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

/// Switches the theme from the command palette, as a person would.
pub fn themed(h: &mut Harness<'static, RelplanApp>, theme: &str) {
    use egui::{Key, Modifiers};
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

/// The app on the example book in a window of `width` × `height`, in a
/// theme ("Light theme", "Dark theme", "Projector theme"), with the calendar shown.
pub fn calendar_at(width: f32, height: f32, theme: &str) -> Harness<'static, RelplanApp> {
    fixed_day();
    let book = relplan::templates::example().expect("the example book opens");
    let mut h = ui_support::app_sized(book, egui::vec2(width, height));
    h.run();
    h.get_by_label("Calendar").click();
    h.run();
    themed(&mut h, theme);
    h
}

/// A text as the last frame painted it: the letters shown (a cut text
/// ends in "…"; rows joined by "\n"), where, and the clip rectangle.
#[derive(Debug)]
pub struct Painted {
    pub text: String,
    pub rect: egui::Rect,
    pub clip: egui::Rect,
}

/// Every text the last frame painted.
pub fn painted_texts(h: &Harness<'static, RelplanApp>) -> Vec<Painted> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<Painted>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
            egui::Shape::Text(t) => {
                // Rows joined by "\n", whether they end in a newline or were wrapped.
                let rows: Vec<String> =
                    t.galley.rows.iter().map(|row| row.glyphs.iter().map(|g| g.chr).collect()).collect();
                let text = rows.join("\n");
                out.push(Painted { text, rect: t.galley.rect.translate(t.pos.to_vec2()), clip });
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}
