//! Snapshot images of the main views in the light and dark themes,
//! rendered headless (on the CPU where there is no GPU) and committed in
//! `tests/snapshots/`. Run with `UPDATE_SNAPSHOTS=1` to accept a change.

mod ui_support;

use egui_kittest::kittest::Queryable;

use egui::{Key, Modifiers};
use relplan::ui::Theme;
use ui_support::app_with_example;

fn themed(theme: Theme) -> egui_kittest::Harness<'static, relplan::ui::RelplanApp> {
    let mut h = app_with_example();
    h.run();
    let label = match theme {
        Theme::Light => "light theme",
        Theme::Dark => "dark theme",
        Theme::Projector => "projector",
    };
    if theme != Theme::Light {
        h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::P);
        h.run();
        let field = h.get_by_label("Search commands and releases");
        field.focus();
        field.type_text(label);
        h.run();
        h.key_press(Key::Enter);
    }
    h.run();
    h
}

fn select(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, name: &str) {
    h.get_by_label_contains(&format!("{name} —")).click();
    h.run();
}

fn release_plan(theme: Theme, name: &str) {
    let mut h = themed(theme);
    select(&mut h, "Payments 2026.11.1");
    h.snapshot(name);
}

fn book_view(theme: Theme, name: &str) {
    let mut h = themed(theme);
    h.get_by_label("Book").click();
    h.run();
    h.snapshot(name);
}

fn history_panel(theme: Theme, name: &str) {
    let mut h = themed(theme);
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("History panel").click();
    h.run();
    h.snapshot(name);
}

#[test]
fn release_plan_light() {
    release_plan(Theme::Light, "release-light");
}

#[test]
fn release_plan_dark() {
    release_plan(Theme::Dark, "release-dark");
}

#[test]
fn book_view_light() {
    book_view(Theme::Light, "book-light");
}

#[test]
fn book_view_dark() {
    book_view(Theme::Dark, "book-dark");
}

#[test]
fn history_panel_light() {
    history_panel(Theme::Light, "history-light");
}

#[test]
fn history_panel_dark() {
    history_panel(Theme::Dark, "history-dark");
}
