//! Forms for the book's shared records: policy, people, environments,
//! blackout windows, configuration items, changes and known errors.

use crate::model::Book;
use crate::ui::intent::Intents;

/// Which part of the book is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BookTab {
    /// The release policy.
    #[default]
    Policy,
}

/// The book view's own state.
#[derive(Clone, Debug, Default)]
pub struct BookViewState {
    /// The tab shown.
    pub tab: BookTab,
}

/// Shows the book's shared records and returns their edits in `out`.
pub fn book_view_ui(ui: &mut egui::Ui, book: &Book, state: &mut BookViewState, out: &mut Intents) {
    let _ = (out, state.tab);
    ui.heading(&book.name);
}
