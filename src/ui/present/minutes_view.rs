//! The minutes panel (M): what this walkthrough has decided so far, as
//! the minutes file will say it, with buttons to save or copy them.

use crate::model::Book;
use crate::present::meeting::meeting_at;
use egui::{RichText, Ui};

/// What the minutes panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesAction {
    /// Save the minutes to a file.
    Save,
}

/// Draws the minutes of the walkthrough opened by the audit entry at `start`.
pub fn minutes_ui(ui: &mut Ui, book: &Book, start: Option<usize>) -> Option<MinutesAction> {
    ui.heading("Minutes");
    let Some(meeting) = start.and_then(|i| meeting_at(&book.ledger.audit, i)) else {
        ui.label("The minutes start when the book is open.");
        return None;
    };
    let text = crate::export::minutes::to_markdown(book, &meeting, &jiff::tz::TimeZone::system());
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("Save minutes…").clicked() {
            action = Some(MinutesAction::Save);
        }
        if ui.button("Copy minutes").clicked() {
            ui.ctx().copy_text(text.clone());
        }
    });
    let n = meeting.decisions.len();
    ui.label(
        RichText::new(match n {
            0 => "Nothing decided yet.".to_owned(),
            1 => "1 decision so far.".to_owned(),
            n => format!("{n} decisions so far."),
        })
        .weak(),
    );
    ui.separator();
    egui::ScrollArea::vertical().id_salt("present.minutes").auto_shrink([false, false]).show(ui, |ui| {
        ui.label(RichText::new(text).monospace());
    });
    action
}
