//! The walkthrough inside the app: starting and leaving it, its frame in
//! place of the usual window, the commands that still work while it runs,
//! and the meeting's entries in the audit trail.

use super::app::RelplanApp;
use super::commands::CommandId;
use super::intent::{Intent, Intents};
use super::jobs::PickPurpose;
use super::present::{Frame, PresentState, Request, present_ui};
use crate::model::AuditKind;
use crate::present::{Scope, meeting};

/// How long the footer shows the last message, in seconds.
const MESSAGE_SECS: f64 = 12.0;

impl RelplanApp {
    /// Starts a walkthrough of the selected release, or of the upcoming
    /// releases when none is selected (or the one selected is gone, say
    /// after its duplication was undone: the window says "No release
    /// selected" then too).
    pub(super) fn present_selected(&mut self) {
        let Some(s) = &self.session else { return };
        let scope = self.selected_scope(s.doc.book());
        self.start_presenting(scope);
    }

    /// Starts a walkthrough of `scope`, full screen unless a screenshot is being taken.
    pub fn start_presenting(&mut self, scope: Scope) {
        self.present = Some(PresentState::new(scope));
        self.status = None;
        if self.screenshot.is_none() {
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
    }

    /// Looks for a second screen for the presenter's notes (not while a
    /// screenshot is taken: it shows the slides alone).
    pub(super) fn find_screens(&mut self, frame: &eframe::Frame) {
        if let Some(state) = &mut self.present
            && self.screenshot.is_none()
        {
            state.find_screens(frame);
        }
    }

    /// What Export slides exports: the deck being presented, else the
    /// selected release's, else the upcoming releases'.
    pub(super) fn slides_scope(&self, book: &crate::model::Book) -> Scope {
        match &self.present {
            Some(state) => state.scope.clone(),
            None => self.selected_scope(book),
        }
    }

    /// The selected release, or the upcoming releases when none is selected.
    fn selected_scope(&self, book: &crate::model::Book) -> Scope {
        self.selected.clone().filter(|id| book.release(id).is_some()).map_or(Scope::Upcoming, Scope::Release)
    }

    /// Whether a walkthrough is running.
    pub fn is_presenting(&self) -> bool {
        self.present.is_some()
    }

    /// Leaves the walkthrough, closing its entry in the audit trail.
    pub(super) fn stop_presenting(&mut self) {
        let Some(state) = self.present.take() else { return };
        let mut decided = 0;
        if let (Some(start), Some(s)) = (state.meeting_start, &mut self.session)
            && let Some(m) = meeting::meeting_at(&s.doc.book().ledger.audit, start)
        {
            decided = m.decisions.len();
            let text = meeting::ended_text(&m.title);
            s.doc.note(AuditKind::Meeting, &text);
        }
        if self.screenshot.is_none() {
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        let text = match decided {
            0 => "Walkthrough ended; nothing was decided.".to_owned(),
            1 => "Walkthrough ended with 1 decision. File › Export meeting minutes… writes the minutes.".to_owned(),
            n => format!("Walkthrough ended with {n} decisions. File › Export meeting minutes… writes the minutes."),
        };
        self.set_status(text, false);
    }

    /// What a command does while the walkthrough runs; `false` when it
    /// does what it always does.
    pub(super) fn present_command(&mut self, cmd: CommandId) -> bool {
        let Some(state) = &mut self.present else { return false };
        use CommandId as C;
        match cmd {
            C::ZoomIn => state.zoom_by(1.1),
            C::ZoomOut => state.zoom_by(1.0 / 1.1),
            C::ZoomReset => state.zoom = 1.0,
            C::Present | C::PresentUpcoming => state.index = 0,
            C::Undo | C::Redo | C::Save | C::SaveAs | C::Quit | C::ExportMinutes | C::ExportSlides => return false,
            // Everything else belongs to the planning window.
            _ => {}
        }
        true
    }

    /// One frame of the walkthrough, in place of the usual window.
    pub(super) fn present_frame_ui(&mut self, ui: &mut egui::Ui) {
        let findings = self.findings();
        let now_secs = ui.input(|i| i.time);
        let Some(s) = &mut self.session else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label("Opening the book…");
            });
            return;
        };
        let Some(state) = &mut self.present else { return };
        let deck = state.deck(s.doc.book(), &findings);
        if state.meeting_start.is_none() {
            s.doc.note(AuditKind::Meeting, &meeting::started_text(&deck.title, &deck.releases));
            state.meeting_start = Some(s.doc.book().ledger.audit.len() - 1);
        }
        if self.status.as_ref().map(|x| &x.text) != self.present_message.as_ref().map(|(t, _)| t) {
            self.present_message = self.status.as_ref().map(|x| (x.text.clone(), now_secs));
        }
        let message = self
            .present_message
            .as_ref()
            .filter(|(_, since)| now_secs - since < MESSAGE_SECS)
            .zip(self.status.as_ref())
            .map(|((text, _), status)| (text.as_str(), status.is_error));
        let frame = Frame { book: s.doc.book(), deck: &deck, now: s.doc.now(), message };
        let mut mine = Intents::default();
        let request = present_ui(ui, &frame, state, &mut mine);
        let recorded: Vec<String> =
            mine.0.iter().filter_map(|i| if let Intent::Apply(e) = i { Some(e.describe()) } else { None }).collect();
        if !mine.0.is_empty() {
            self.status = None;
        }
        self.apply_intents(mine);
        if self.status.is_none()
            && let Some(name) = recorded.last()
        {
            let short = crate::present::blocks::short(name, 90);
            self.set_status(format!("✔ Recorded: {short} (Ctrl+Z undoes it)"), false);
        }
        let ctx = ui.ctx().clone();
        self.dialog_ui(&ctx);
        match request {
            Some(Request::Leave) => self.stop_presenting(),
            Some(Request::SaveMinutes) => self.pick_for(PickPurpose::ExportMinutes, "md"),
            Some(Request::ExportSlides) => self.pick_for(PickPurpose::ExportSlides, "pdf"),
            None => {}
        }
    }

    /// The minutes of the book's last walkthrough, if it had one.
    pub(super) fn last_minutes(&self) -> Option<String> {
        let book = self.session.as_ref()?.doc.book();
        let m = meeting::last_meeting(&book.ledger.audit)?;
        Some(crate::export::minutes::to_markdown(book, &m, &jiff::tz::TimeZone::system()))
    }
}
