//! The frame loop: what the window does each frame, in order, and the one
//! place where the views' intents become edits, commands and file
//! operations.

use super::app::{MainView, RelplanApp, Status};
use super::commands;
use super::dialogs::Dialog;
use super::intent::{Intent, Intents};
use super::theme::Theme;

impl RelplanApp {
    fn apply_look(&mut self, ctx: &egui::Context) {
        // The walkthrough is always in the projector theme, at its own zoom.
        let look = if self.present.is_some() {
            (Theme::Projector, 1.0)
        } else {
            (self.prefs.theme, self.prefs.clamped_zoom())
        };
        if self.applied_look != Some(look) {
            look.0.apply(ctx);
            ctx.set_zoom_factor(look.1);
            self.applied_look = Some(look);
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.close_confirmed {
            return;
        }
        // Closing the window ends a walkthrough, before any question about saving.
        self.stop_presenting();
        let dirty = self.session.as_ref().is_some_and(|s| s.doc.is_dirty());
        if dirty && self.screenshot.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmClose);
        } else {
            self.close_confirmed = true;
        }
    }

    /// Applies what the views asked for this frame.
    pub(super) fn apply_intents(&mut self, intents: Intents) {
        for intent in intents.0 {
            match intent {
                Intent::Apply(edit) | Intent::Typing(edit) if self.session.is_none() => {
                    let _ = edit;
                }
                Intent::Apply(edit) => {
                    if let Some(s) = &mut self.session
                        && let Err(e) = s.doc.apply(edit)
                    {
                        self.status = Some(Status { text: format!("That change was not made: {e}"), is_error: true });
                    }
                }
                Intent::Typing(edit) => {
                    if let Some(s) = &mut self.session
                        && let Err(e) = s.doc.apply_typing(edit)
                    {
                        self.status = Some(Status { text: format!("That change was not made: {e}"), is_error: true });
                    }
                }
                Intent::Seal => {
                    if let Some(s) = &mut self.session {
                        s.doc.seal();
                    }
                }
                Intent::SelectRelease(id) => {
                    self.selected = Some(id);
                    self.view = MainView::Release;
                }
                Intent::Reveal(id, at) => {
                    super::release_form::reveal::request(&self.ctx, &id, at);
                    self.selected = Some(id);
                    self.view = MainView::Release;
                }
                Intent::Run(cmd) => self.run_command(cmd),
                Intent::OpenFile(path) => {
                    if self.session.as_ref().is_some_and(|s| s.doc.is_dirty()) {
                        self.dialog = Some(super::dialogs::Dialog::ConfirmOpen(path));
                    } else {
                        self.jobs.push(super::jobs::open(path));
                    }
                }
                Intent::Problem(text) => self.set_status(text, true),
            }
        }
    }
}

impl eframe::App for RelplanApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        self.find_screens(frame);
        self.poll_jobs(&ctx);
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        self.notice_external_changes(&ctx);
        self.guard_frame(&ctx);
        // Only a focused text field keeps Ctrl+Z for itself; a focused button
        // or chip leaves undo to the book.
        let text_focus = ctx.text_edit_focused();
        let mut intents = Intents::default();
        for cmd in commands::pressed(&ctx, text_focus) {
            intents.push(Intent::Run(cmd));
        }
        super::memo::set_book_key(&ctx, self.book_key());
        self.frame_ui(ui, &mut intents);
        self.apply_intents(intents);
        let title = self.title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
        super::screenshot::step(self, &ctx);
        super::screenshot::step_png(self, &ctx);
        self.report_first_frame(&ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The book is closed: its lock goes now, and its journal writes any
        // copy not yet written (the changes were saved or discarded unless
        // the window is going away some other way).
        self.session = None;
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none()
            && let Err(e) = self.prefs.save()
        {
            eprintln!("Relplan could not save its settings: {e}");
        }
    }
}
