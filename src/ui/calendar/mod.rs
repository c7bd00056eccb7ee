//! The calendar: month, week and timeline views of the release schedule.

use crate::model::Book;
use crate::ui::intent::Intents;

/// The calendar's own state.
#[derive(Clone, Debug, Default)]
pub struct CalendarState {}

/// Shows the calendar and returns its edits and selections in `out`.
pub fn calendar_ui(ui: &mut egui::Ui, book: &Book, state: &mut CalendarState, out: &mut Intents) {
    let _ = (book, state, out);
    ui.heading("Calendar");
}
