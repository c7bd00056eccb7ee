//! The phase gate: what moving a release to its next phase requires, and
//! the decision record that lets a blocked move go ahead.

use crate::edit::{Edit, EditError, Path};
use crate::model::{Book, Id, Phase, PhasePlan, Release};
use crate::ui::intent::{Intent, Intents};
use jiff::civil::Date;

/// A gate being shown.
#[derive(Clone, Debug)]
pub struct GateState {
    /// The release.
    pub release: Id,
    /// The phase it would move to.
    pub to: Phase,
}

impl GateState {
    /// The gate for moving `release` to `to`.
    pub fn new(release: Id, to: Phase) -> Self {
        Self { release, to }
    }
}

/// The edit that moves a release to `to` on `today`: the phase, the actual
/// end of the phase it leaves and the actual start of the one it enters.
pub fn phase_change_edit(release: &Release, to: Phase, today: Date) -> Result<Edit, EditError> {
    let at = Path::root().item("releases", &release.id);
    let mut edits = vec![Edit::set(at.clone(), "phase", &to)?];
    if let Some(f) = PhasePlan::field_name(release.phase) {
        edits.push(Edit::set(at.clone().field("phases").field(f), "actual_end", &Some(today))?);
    }
    if let Some(f) = PhasePlan::field_name(to) {
        edits.push(Edit::set(at.clone().field("phases").field(f), "actual_start", &Some(today))?);
    }
    Ok(Edit::Group { name: format!("Move {} to {}", release.id, to.label()), edits })
}

/// Shows the gate. Returns `false` when the dialog should close.
pub fn gate_ui(ui: &mut egui::Ui, book: &Book, state: &mut GateState, today: Date, out: &mut Intents) -> bool {
    let Some(release) = book.release(&state.release) else { return false };
    ui.heading(format!("Move {} to {}?", release.name, state.to.label()));
    let mut keep = true;
    ui.horizontal(|ui| {
        if ui.button(format!("Move to {}", state.to.label())).clicked() {
            match phase_change_edit(release, state.to, today) {
                Ok(e) => out.push(Intent::Apply(e)),
                Err(e) => out.push(Intent::Problem(e.to_string())),
            }
            keep = false;
        }
        if ui.button("Cancel").clicked() {
            keep = false;
        }
    });
    keep
}
