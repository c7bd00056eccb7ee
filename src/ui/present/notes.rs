//! The presenter's notes in a second native window, for the laptop screen
//! while the slides are on the projector. Where the system cannot open a
//! second window (or in tests), egui shows the same notes in a small
//! window over the slides instead.
//!
//! The notes window runs its own frames (an egui deferred viewport), so the
//! main window hands it what to show through [`NotesLink`], and it hands
//! back the keys pressed while it has the keyboard: a presenter who clicks
//! into it can keep using the arrows.

use super::keys::Nav;
use egui::{RichText, ViewportBuilder, ViewportClass, ViewportId};
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

/// Shows the notes window for this frame (call it every frame it should stay open).
pub fn show(ctx: &egui::Context, link: &NotesLink, body_size: f32) {
    let builder = ViewportBuilder::default()
        .with_title("Presenter notes — Relplan")
        .with_inner_size([720.0, 560.0])
        .with_min_inner_size([360.0, 240.0]);
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
}
