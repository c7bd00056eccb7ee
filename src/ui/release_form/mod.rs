//! The selected release as a form, one section per part of the plan.

use crate::check::Finding;
use crate::model::{Book, Release};
use crate::ui::intent::Intents;

/// Shows a release's plan as a form and returns its edits in `out`.
pub fn release_form_ui(ui: &mut egui::Ui, book: &Book, release: &Release, findings: &[Finding], out: &mut Intents) {
    let _ = (book, findings, out);
    ui.heading(&release.name);
}
