//! The risk register and the likelihood × impact matrices.

use crate::model::{Book, Id};
use crate::ui::intent::Intents;

/// The risk view's own state.
#[derive(Clone, Debug, Default)]
pub struct RiskViewState {}

/// Shows the register and matrices and returns their edits in `out`.
pub fn risks_ui(ui: &mut egui::Ui, book: &Book, selected: Option<&Id>, state: &mut RiskViewState, out: &mut Intents) {
    let _ = (book, selected, state, out);
    ui.heading("Risks");
}
