//! The meeting-room walkthrough (Present, F5): the deck's slides filling
//! the window in the projector theme, the presenter's keys, the grid of
//! all slides, the presenter's notes in a second window, and the panels
//! for live decisions and the minutes.
//!
//! The slides themselves are built by [`crate::present`]; this module only
//! draws them and turns keys and clicks into navigation and edits.
//!
//! Files: `look` (sizes scaled to the window), `slide_view` (one slide),
//! `fit` (its tables folded to the room it has), `blocks`, `table`,
//! `timeline` and `matrix` (its parts), `grid` (all slides), `keys`,
//! `notes` (the second window) and `screens` (which screen it goes on),
//! `decide_panel` and `decide_form` (live decisions), `minutes_view`.

mod blocks;
mod decide_form;
mod decide_panel;
mod fit;
mod grid;
mod keys;
mod look;
mod matrix;
mod minutes_view;
mod notes;
mod screens;
mod slide_view;
mod table;
mod timeline;

use crate::check::Finding;
use crate::model::Book;
use crate::present::{Deck, Scope};
use crate::ui::intent::Intents;
use crate::ui::theme::Theme;
use decide_form::DecideForm;
use keys::Nav;
use look::Look;
use screens::Placement;
use std::rc::Rc;

/// The panel beside the slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Live decisions.
    Decide,
    /// The minutes so far.
    Minutes,
}

/// What the walkthrough asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Leave the walkthrough.
    Leave,
    /// Save the minutes to a file.
    SaveMinutes,
    /// Export the deck being presented to PDF.
    ExportSlides,
}

/// The state of a walkthrough.
pub struct PresentState {
    /// What it covers.
    pub scope: Scope,
    /// The slide shown, from 0.
    pub index: usize,
    /// The presenter's zoom, 1 for slides fitted to the window.
    pub zoom: f32,
    /// The highlighted card while the grid of all slides is open.
    pub grid: Option<usize>,
    /// Whether the presenter's notes are open.
    pub notes_open: bool,
    /// The panel beside the slides, if open.
    pub side: Option<Side>,
    /// The audit entry that opened the walkthrough, once written.
    pub meeting_start: Option<usize>,
    form: DecideForm,
    deck: Option<(Rc<Vec<Finding>>, Rc<Deck>)>,
    notes: notes::NotesLink,
    grid_moved: bool,
    placement: Placement,
    /// Whether to look for a second screen next frame, and open the notes if one is found.
    screen_check: Option<bool>,
}

impl PresentState {
    /// A walkthrough of `scope`, from its first slide.
    pub fn new(scope: Scope) -> Self {
        Self {
            scope,
            index: 0,
            zoom: 1.0,
            grid: None,
            notes_open: false,
            side: None,
            meeting_start: None,
            form: DecideForm::default(),
            deck: None,
            notes: notes::NotesLink::default(),
            grid_moved: false,
            placement: Placement::Unknown,
            screen_check: Some(true),
        }
    }

    /// Looks for a screen the slides are not on: as the walkthrough starts
    /// (opening the notes there when there is one), and again when N opens
    /// the notes (a projector may have been plugged in since).
    pub fn find_screens(&mut self, frame: &eframe::Frame) {
        if self.screen_check.is_some() {
            self.screens_found(screens::detect(frame));
        }
    }

    fn screens_found(&mut self, placement: Placement) {
        let Some(open_if_found) = self.screen_check.take() else { return };
        self.placement = placement;
        if open_if_found && matches!(placement, Placement::Screen(_)) {
            self.notes_open = true;
        }
    }

    /// The deck, built again only when the book's findings were (that is,
    /// when the book changed).
    pub fn deck(&mut self, book: &Book, findings: &Rc<Vec<Finding>>) -> Rc<Deck> {
        if let Some((f, deck)) = &self.deck
            && Rc::ptr_eq(f, findings)
            && deck.scope == self.scope
        {
            return deck.clone();
        }
        let deck = Rc::new(crate::present::deck(book, &self.scope, crate::ui::today(), findings));
        self.deck = Some((findings.clone(), deck.clone()));
        self.index = self.index.min(deck.slides.len().saturating_sub(1));
        deck
    }

    /// Zooms the slides by `factor`, within limits.
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(look::ZOOM_RANGE.0, look::ZOOM_RANGE.1);
    }
}

/// One frame of the walkthrough over the whole window.
pub struct Frame<'a> {
    /// The book.
    pub book: &'a Book,
    /// The deck.
    pub deck: &'a Deck,
    /// Now, by the book's clock.
    pub now: jiff::Timestamp,
    /// A message for the footer (the last decision, or a problem).
    pub message: Option<(&'a str, bool)>,
}

/// Draws the walkthrough and handles its keys; returns what it asks of the app.
pub fn present_ui(ui: &mut egui::Ui, f: &Frame<'_>, state: &mut PresentState, out: &mut Intents) -> Option<Request> {
    let ctx = ui.ctx().clone();
    let mut navs = keys::pressed(&ctx, state.grid.is_some());
    if let Ok(mut page) = state.notes.lock() {
        navs.append(&mut page.requests);
        if std::mem::take(&mut page.closed) {
            state.notes_open = false;
        }
    }
    let count = f.deck.slides.len();
    for nav in navs {
        if let Some(request) = navigate(state, nav, count) {
            return Some(request);
        }
    }
    let mut request = None;
    if let Some(side) = state.side {
        let width = (ui.available_width() * 0.3).clamp(320.0, 640.0);
        let frame = egui::Frame::side_top_panel(ui.style()).inner_margin(egui::Margin::symmetric(20, 16));
        egui::Panel::right("present.side").exact_size(width).resizable(false).frame(frame).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("present.side.scroll").show(ui, |ui| match side {
                Side::Decide => {
                    if let Some(slide) = f.deck.slides.get(state.index) {
                        decide_panel::decide_ui(ui, f.book, slide, &mut state.form, f.now, out);
                    }
                    ui.separator();
                    if ui.button("Minutes so far (M)").clicked() {
                        state.side = Some(Side::Minutes);
                    }
                }
                Side::Minutes => {
                    request = minutes_view::minutes_ui(ui, f.book, state.meeting_start).map(|a| match a {
                        minutes_view::MinutesAction::Save => Request::SaveMinutes,
                        minutes_view::MinutesAction::ExportSlides => Request::ExportSlides,
                    });
                }
            });
        });
    }
    let tz = jiff::tz::TimeZone::system();
    let clock = notes::clock_text(f.now, None, &tz);
    egui::CentralPanel::default().frame(egui::Frame::new().fill(egui::Color32::WHITE)).show(ui, |ui| {
        let rect = ui.max_rect();
        let look = Look::new(Theme::Projector.tokens(), rect.size(), state.zoom);
        if let Some(highlight) = state.grid {
            let moved = std::mem::take(&mut state.grid_moved);
            if let Some(i) = grid::grid_ui(ui, &look, rect, f.deck, highlight, state.index, moved) {
                state.index = i;
                state.grid = None;
                ui.ctx().request_repaint();
            }
        } else if let Some(slide) = f.deck.slides.get(state.index) {
            let footer = slide_view::Footer {
                deck: &f.deck.title,
                position: (state.index + 1, count),
                clock: &clock,
                message: f.message,
            };
            slide_view::slide_ui(ui, &look, rect, slide, &footer);
        }
    });
    let started = state.meeting_start.and_then(|i| f.book.ledger.audit.get(i)).map(|e| e.at);
    notes_ui(&ctx, f, state, &notes::clock_text(f.now, started, &tz));
    ctx.request_repaint_after(std::time::Duration::from_secs(5));
    request
}

/// Acts on one key; returns a request for the app when the key leaves.
fn navigate(state: &mut PresentState, nav: Nav, count: usize) -> Option<Request> {
    let last = count.saturating_sub(1);
    let step = |i: usize, by: isize| i.saturating_add_signed(by).min(last);
    if let Some(h) = state.grid {
        state.grid_moved = true;
        let columns = grid::COLUMNS as isize;
        state.grid = match nav {
            Nav::Next => Some(step(h, 1)),
            Nav::Prev => Some(step(h, -1)),
            Nav::Down => Some(step(h, columns)),
            Nav::Up => Some(step(h, -columns)),
            Nav::First => Some(0),
            Nav::Last => Some(last),
            Nav::Open => {
                state.index = h;
                None
            }
            Nav::Grid | Nav::Back => None,
            _ => Some(h),
        };
        return None;
    }
    match nav {
        Nav::Next | Nav::Down | Nav::Open => state.index = step(state.index, 1),
        Nav::Prev | Nav::Up => state.index = step(state.index, -1),
        Nav::First => state.index = 0,
        Nav::Last => state.index = last,
        Nav::Grid => {
            state.grid = Some(state.index);
            state.grid_moved = true;
        }
        Nav::Notes => {
            state.notes_open = !state.notes_open;
            if state.notes_open {
                state.screen_check = Some(false);
            }
        }
        Nav::Decide => state.side = if state.side == Some(Side::Decide) { None } else { Some(Side::Decide) },
        Nav::Minutes => state.side = if state.side == Some(Side::Minutes) { None } else { Some(Side::Minutes) },
        Nav::ZoomIn => state.zoom_by(1.1),
        Nav::ZoomOut => state.zoom_by(1.0 / 1.1),
        Nav::ZoomReset => state.zoom = 1.0,
        Nav::Back if state.side.is_some() => state.side = None,
        Nav::Back => return Some(Request::Leave),
    }
    None
}

/// Hands the notes window its page and keeps it open.
fn notes_ui(ctx: &egui::Context, f: &Frame<'_>, state: &PresentState, clock: &str) {
    if !state.notes_open {
        return;
    }
    let Some(slide) = f.deck.slides.get(state.index) else { return };
    if let Ok(mut page) = state.notes.lock() {
        page.position = format!("Slide {} of {} · {}", state.index + 1, f.deck.slides.len(), slide.kind.label());
        page.title = slide.title.clone();
        page.notes = slide.notes.clone();
        page.next =
            f.deck.slides.get(state.index + 1).map_or_else(|| "End of the walkthrough".to_owned(), |s| s.title.clone());
        page.clock = clock.to_owned();
        page.placement = state.placement;
    }
    notes::show(ctx, &state.notes, Theme::Projector.tokens().body_size);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_open_by_themselves_only_when_a_second_screen_is_found_as_the_walkthrough_starts() {
        let mut state = PresentState::new(Scope::Upcoming);
        state.screens_found(Placement::Screen(1));
        assert!(state.notes_open, "opened on the other screen");
        assert_eq!(state.placement, Placement::Screen(1));

        for placement in [Placement::OneScreen, Placement::Unknown] {
            let mut state = PresentState::new(Scope::Upcoming);
            state.screens_found(placement);
            assert!(!state.notes_open, "{placement:?}: N opens them");
        }

        // Closed with N, then opened again: the screens are looked at again, but nothing opens by itself.
        let mut state = PresentState::new(Scope::Upcoming);
        state.screens_found(Placement::OneScreen);
        navigate(&mut state, Nav::Notes, 5);
        state.screens_found(Placement::Screen(0));
        assert_eq!((state.notes_open, state.placement), (true, Placement::Screen(0)));
        navigate(&mut state, Nav::Notes, 5);
        state.screens_found(Placement::Screen(1));
        assert_eq!((state.notes_open, state.placement), (false, Placement::Screen(0)), "no look while closed");
    }
}
