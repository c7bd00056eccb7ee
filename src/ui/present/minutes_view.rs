//! The minutes panel (M): what this walkthrough has decided so far, as
//! the minutes file will say it, with buttons to save or copy them and to
//! export the slides for those who could not attend.

use crate::model::Book;
use crate::present::meeting::meeting_at;
use egui::{RichText, Ui};

/// What the minutes panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesAction {
    /// Save the minutes to a file.
    Save,
    /// Export the slides being presented to PDF.
    ExportSlides,
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
    ui.horizontal_wrapped(|ui| {
        if ui.button("Save minutes…").clicked() {
            action = Some(MinutesAction::Save);
        }
        if ui.button("Copy minutes").clicked() {
            ui.ctx().copy_text(text.clone());
        }
        if ui.button("Export slides…").on_hover_text("These slides as a PDF, for those who could not attend").clicked()
        {
            action = Some(MinutesAction::ExportSlides);
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
        markdown_ui(ui, &text);
    });
    action
}

/// The minutes' Markdown, read rather than raw: headings set as headings,
/// table rows as lines of their cells.
fn markdown_ui(ui: &mut Ui, text: &str) {
    let body = ui.style().text_styles.get(&egui::TextStyle::Body).map_or(14.0, |f| f.size);
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("# ") {
            ui.label(RichText::new(h).size(body * 1.25).strong());
        } else if let Some(h) = line.strip_prefix("## ") {
            ui.add_space(body * 0.4);
            ui.label(RichText::new(h).size(body * 1.1).strong());
        } else if let Some(h) = line.strip_prefix("### ") {
            ui.label(RichText::new(h).strong());
        } else if line.starts_with("|---") || line.starts_with("| Time |") || line.trim().is_empty() {
            continue;
        } else if let Some(row) = line.strip_prefix("| ").and_then(|r| r.strip_suffix(" |")) {
            // "| 14:03 | Claire Donovan | decision |" reads as "14:03 · Claire Donovan · decision".
            let cells: Vec<String> = row.split(" | ").map(|c| c.replace("\\|", "|")).collect();
            ui.label(cells.join(" · "));
        } else {
            ui.label(line);
        }
    }
}
