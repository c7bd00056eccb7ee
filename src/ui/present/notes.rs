//! The presenter's notes in a second native window, for the laptop screen
//! while the slides are on the projector. With a second screen found (see
//! `screens`) the notes open full screen on it as the walkthrough starts;
//! otherwise N opens them in a window kept on top of the slides, and the
//! notes say why. Where the system cannot open a second window (or in
//! tests), egui shows the same notes in a small window over the slides.
//!
//! The notes window runs its own frames (an egui deferred viewport), so the
//! main window hands it what to show through [`NotesLink`], and it hands
//! back the keys pressed while it has the keyboard: a presenter who clicks
//! into it can keep using the arrows.

use super::keys::Nav;
use super::screens::Placement;
use egui::{RichText, ViewportBuilder, ViewportClass, ViewportId};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::sync::{Arc, Mutex};

/// What the notes window shows, and what it asks of the main window.
#[derive(Clone, Debug, Default)]
pub struct NotesPage {
    /// "Slide 7 of 28 · Acceptance".
    pub position: String,
    /// The slide's title.
    pub title: String,
    /// Its talking points.
    pub notes: Vec<String>,
    /// The next slide's title, or "End of the walkthrough".
    pub next: String,
    /// The time of day and how long the walkthrough has run.
    pub clock: String,
    /// Where the window is, for the line that says why it sits over the slides.
    pub placement: Placement,
    /// Keys pressed in the notes window, for the main window to act on.
    pub requests: Vec<Nav>,
    /// The notes window was closed by its own close button.
    pub closed: bool,
}

/// The page shared between the main window and the notes window.
pub type NotesLink = Arc<Mutex<NotesPage>>;

/// The notes viewport's id.
fn viewport_id() -> ViewportId {
    ViewportId::from_hash_of("relplan.present.notes")
}

/// "14:05 · walkthrough 1 h 05 min": the time of day in `tz`, and how long
/// the walkthrough that began at `started` has run.
pub fn clock_text(now: Timestamp, started: Option<Timestamp>, tz: &TimeZone) -> String {
    let time = now.to_zoned(tz.clone()).strftime("%H:%M").to_string();
    let Some(started) = started else { return time };
    let minutes = now.duration_since(started).as_secs().max(0) / 60;
    match minutes {
        0..60 => format!("{time} · walkthrough {minutes} min"),
        _ => format!("{time} · walkthrough {} h {:02} min", minutes / 60, minutes % 60),
    }
}

/// The notes window: full screen on the other monitor when there is one,
/// else a window kept on top of the full-screen slides (never behind them).
pub fn builder(placement: Placement) -> ViewportBuilder {
    let builder = ViewportBuilder::default()
        .with_title("Presenter notes — Relplan")
        .with_inner_size([720.0, 560.0])
        .with_min_inner_size([360.0, 240.0]);
    match placement {
        Placement::Screen(monitor) => builder.with_monitor(monitor),
        Placement::Unknown | Placement::OneScreen => builder.with_always_on_top(),
    }
}

/// Why the notes sit over the slides, if they do.
fn placement_hint(placement: Placement) -> Option<&'static str> {
    match placement {
        Placement::Screen(_) => None,
        Placement::OneScreen => Some(
            "Only one screen was found (or the projector mirrors it), so the notes sit over the slides. N hides them.",
        ),
        Placement::Unknown => Some(
            "Relplan cannot tell whether there is a second screen, so the notes sit over the slides: move them to the \
             laptop's screen, or press N to hide them.",
        ),
    }
}

/// Shows the notes window for this frame (call it every frame it should stay open).
pub fn show(ctx: &egui::Context, link: &NotesLink, body_size: f32) {
    let placement = link.lock().map(|p| p.placement).unwrap_or_default();
    let builder = builder(placement);
    let shared = link.clone();
    ctx.show_viewport_deferred(viewport_id(), builder, move |ui, class| {
        let Ok(mut page) = shared.lock() else { return };
        if class == ViewportClass::Deferred {
            // Its own window: its keys and its close button are its own.
            if ui.ctx().input(|i| i.viewport().close_requested()) {
                page.closed = true;
            }
            let keys = super::keys::pressed(ui.ctx(), false);
            if !keys.is_empty() {
                page.requests.extend(keys);
                ui.ctx().request_repaint_of(ViewportId::ROOT);
            }
            egui::CentralPanel::default().show(ui, |ui| page_ui(ui, &page, body_size));
        } else {
            page_ui(ui, &page, body_size * 0.8);
        }
        ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
    });
}

fn page_ui(ui: &mut egui::Ui, page: &NotesPage, size: f32) {
    ui.set_max_width(680.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&page.position).size(size * 0.8).weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(&page.clock).size(size * 0.8).strong());
        });
    });
    ui.label(RichText::new(&page.title).size(size * 1.2).strong());
    ui.separator();
    if page.notes.is_empty() {
        ui.label(RichText::new("No notes for this slide.").size(size).weak());
    }
    for note in &page.notes {
        ui.label(RichText::new(format!("• {note}")).size(size));
        ui.add_space(size * 0.3);
    }
    ui.separator();
    ui.label(RichText::new(format!("Next: {}", page.next)).size(size * 0.85).weak());
    if let Some(hint) = placement_hint(page.placement) {
        ui.add_space(size * 0.3);
        ui.label(RichText::new(hint).size(size * 0.75).weak());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_says_the_time_and_how_long_the_walkthrough_has_run() {
        let start = Timestamp::from_second(1_795_000_000).unwrap_or_default();
        let at = |minutes: i64| start + jiff::SignedDuration::from_mins(minutes);
        let tz = TimeZone::UTC;
        assert_eq!(clock_text(start, Some(start), &tz), "11:06 · walkthrough 0 min");
        assert_eq!(clock_text(at(47), Some(start), &tz), "11:53 · walkthrough 47 min");
        assert_eq!(clock_text(at(65), Some(start), &tz), "12:11 · walkthrough 1 h 05 min");
        assert_eq!(clock_text(at(5), None, &tz), "11:11", "before the walkthrough is in the audit trail");
    }

    #[test]
    fn the_notes_go_full_screen_on_the_other_monitor_else_stay_above_the_slides() {
        assert_eq!(builder(Placement::Screen(1)).monitor, Some(1));
        assert_eq!(builder(Placement::Screen(1)).window_level, None);
        for p in [Placement::OneScreen, Placement::Unknown] {
            let b = builder(p);
            assert_eq!((b.monitor, b.window_level), (None, Some(egui::WindowLevel::AlwaysOnTop)), "{p:?}");
            assert!(placement_hint(p).is_some_and(|h| h.contains("N ")), "{p:?} says how to hide them");
        }
    }
}
