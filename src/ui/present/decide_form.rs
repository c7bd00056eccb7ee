//! What the decisions panel remembers between frames (the text typed, the
//! people chosen) and the two small widgets it is built from.

use crate::model::{ApprovalDecision, Id, RiskCategory};
use crate::present::SlideKind;
use crate::ui::widgets::{RefOption, named_combo};
use egui::Ui;
use jiff::civil::Date;

/// The panel's fields.
#[derive(Clone, Debug)]
pub struct DecideForm {
    /// The slide the choices were made on; other slides start afresh.
    on: Option<(SlideKind, Id)>,
    /// Evidence for a criterion marked met.
    pub evidence: String,
    /// Who approves.
    pub approver: Option<Id>,
    /// Their decision.
    pub approval: ApprovalDecision,
    /// Conditions or remarks of the approval.
    pub note: String,
    /// Who votes.
    pub voter: Option<Id>,
    /// Their reasons.
    pub vote_note: String,
    /// Who signs the verdict.
    pub signer: Option<Id>,
    /// A new action item.
    pub action_title: String,
    /// Its owner.
    pub action_owner: Option<Id>,
    /// Its due date.
    pub action_due: Option<Date>,
    /// A new risk's title.
    pub risk_title: String,
    /// Its category.
    pub category: RiskCategory,
    /// Its likelihood.
    pub likelihood: u8,
    /// Its impact.
    pub impact: u8,
    /// Its owner.
    pub risk_owner: Option<Id>,
}

impl Default for DecideForm {
    fn default() -> Self {
        Self {
            on: None,
            evidence: String::new(),
            approver: None,
            approval: ApprovalDecision::Approved,
            note: String::new(),
            voter: None,
            vote_note: String::new(),
            signer: None,
            action_title: String::new(),
            action_owner: None,
            action_due: None,
            risk_title: String::new(),
            category: RiskCategory::default(),
            likelihood: 3,
            impact: 3,
            risk_owner: None,
        }
    }
}

impl DecideForm {
    /// Starts afresh when the slide (or its release) changed.
    pub fn follow(&mut self, kind: &SlideKind, release: &Id) {
        let here = Some((*kind, release.clone()));
        if self.on != here {
            *self = Self { on: here, ..Self::default() };
        }
    }
}

/// A single-line text field under its label, named for screen readers.
pub fn text_field(ui: &mut Ui, label: &str, value: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(ui.available_width())).labelled_by(l.id);
}

/// A drop-down of people, named "`label`: chosen person".
pub fn person_combo(ui: &mut Ui, label: &str, value: &mut Option<Id>, people: &[RefOption]) {
    let shown = value
        .as_ref()
        .map(|id| people.iter().find(|p| &p.id == id).map_or_else(|| id.to_string(), |p| p.label.clone()))
        .unwrap_or_else(|| "Choose…".to_owned());
    ui.horizontal(|ui| {
        ui.label(label);
        named_combo(ui, ("present.person", label), label, &shown, |ui| {
            for p in people {
                ui.selectable_value(value, Some(p.id.clone()), &p.label);
            }
        });
    });
}
