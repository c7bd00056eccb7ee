//! The decision record that lets a blocked phase change go ahead: who
//! decides, in which role, when (now), why, and who was informed; and the
//! one undo step that stores it with the phase change.

use crate::check::gate::Gate;
use crate::edit::{Edit, EditError, Path};
use crate::model::{Book, Decision, DecisionKind, Id, Phase, Release, Role};
use crate::ui::theme::tokens;
use egui::{RichText, Ui};
use jiff::Timestamp;
use jiff::civil::Date;

/// The decision record being written in the gate dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DecisionDraft {
    /// Who decides.
    pub decided_by: Option<Id>,
    /// In which role.
    pub role: Option<Role>,
    /// Why the move goes ahead despite the blockers.
    pub rationale: String,
    /// Who was informed.
    pub informed: Vec<Id>,
}

impl DecisionDraft {
    /// What is still missing, in words; empty when the record is complete.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.decided_by.is_none() {
            out.push("who decides");
        }
        if self.role.is_none() {
            out.push("their role");
        }
        if self.rationale.trim().is_empty() {
            out.push("the rationale");
        }
        if self.informed.is_empty() {
            out.push("who was informed");
        }
        out
    }

    /// The decision this draft records for gate `g`, decided at `now`.
    pub fn to_decision(&self, id: Id, g: &Gate, now: Timestamp) -> Decision {
        let mut rules: Vec<&str> = g.blocking.iter().map(|b| b.finding.rule).collect();
        rules.sort_by_key(|r| (r.len(), *r));
        rules.dedup();
        let outstanding: Vec<String> =
            g.blocking.iter().map(|b| format!("{}: {}", b.finding.rule, b.finding.message)).collect();
        Decision {
            id,
            kind: DecisionKind::GateOverride,
            title: format!("Gate override: enter {} despite {}", g.to.label(), rules.join(", ")),
            rationale: self.rationale.trim().to_owned(),
            decided_by: self.decided_by.clone(),
            role: self.role,
            decided_at: Some(now),
            informed: self.informed.clone(),
            outcome: format!("Outstanding when the gate was overridden:\n{}", outstanding.join("\n")),
        }
    }
}

/// The first role a person holds, as the default role of their decision.
pub(super) fn first_role(book: &Book, person: &Id) -> Option<Role> {
    book.person(person).and_then(|p| p.roles.first().copied())
}

/// One undo step: add the decision to the release, then move it to `to`.
pub fn override_edit(release: &Release, to: Phase, today: Date, decision: Decision) -> Result<Edit, EditError> {
    let at = Path::root().item("releases", &release.id);
    let name = format!("Move {} to {}, overriding the gate (decision {})", release.id, to.label(), decision.id);
    let mut edits = vec![Edit::insert(at, "decisions", release.decisions.len(), &decision)?];
    match super::phase_change_edit(release, to, today)? {
        Edit::Group { edits: moves, .. } => edits.extend(moves),
        other => edits.push(other),
    }
    Ok(Edit::Group { name, edits })
}

/// The form: who, role, when, rationale, informed.
pub(super) fn form_ui(ui: &mut Ui, book: &Book, draft: &mut DecisionDraft) {
    let t = tokens(ui.ctx());
    ui.label(RichText::new("Decision record").strong());
    ui.label(
        RichText::new(
            "The move goes ahead despite the blockers only with this record. It is kept in the release's decisions \
             and in the audit trail.",
        )
        .color(t.text_weak),
    );
    let mut people: Vec<&crate::model::Person> = book.people.iter().collect();
    people.sort_by_key(|p| p.name.to_lowercase());
    egui::Grid::new("gate.decision").num_columns(2).spacing([t.spacing, t.spacing * 0.75]).show(ui, |ui| {
        ui.label("Decided by");
        let shown =
            draft.decided_by.as_ref().and_then(|id| book.person(id)).map_or("— choose —", |p| p.name.as_str());
        let mut chosen = None;
        let r = egui::ComboBox::from_id_salt("gate.decided_by").selected_text(shown).width(240.0).show_ui(ui, |ui| {
            for p in &people {
                if ui.selectable_label(draft.decided_by.as_ref() == Some(&p.id), &p.name).clicked() {
                    chosen = Some(p.id.clone());
                }
            }
        });
        r.response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Decided by: {shown}")));
        if let Some(id) = chosen {
            draft.role = first_role(book, &id).or(draft.role);
            draft.decided_by = Some(id);
        }
        ui.end_row();

        ui.label("Role");
        let shown = draft.role.map_or("— choose —", Role::label);
        let r = egui::ComboBox::from_id_salt("gate.role").selected_text(shown).width(240.0).show_ui(ui, |ui| {
            for role in Role::ALL {
                ui.selectable_value(&mut draft.role, Some(role), role.label());
            }
        });
        r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("Role: {shown}")));
        ui.end_row();

        ui.label("When");
        ui.label(RichText::new("Now, when the decision is recorded").color(t.text_weak));
        ui.end_row();

        let label = ui.label("Rationale");
        ui.add(
            egui::TextEdit::multiline(&mut draft.rationale)
                .hint_text("Why the move goes ahead despite the blockers")
                .desired_rows(3)
                .desired_width(300.0),
        )
        .labelled_by(label.id);
        ui.end_row();

        ui.label("Informed");
        informed_ui(ui, &people, draft);
        ui.end_row();
    });
}

/// The people informed, as removable chips, and a pick-list to add one.
fn informed_ui(ui: &mut Ui, people: &[&crate::model::Person], draft: &mut DecisionDraft) {
    let t = tokens(ui.ctx());
    ui.vertical(|ui| {
        let wrap = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
        ui.allocate_ui_with_layout(egui::vec2(300.0, 0.0), wrap, |ui| {
            let mut remove = None;
            for id in &draft.informed {
                let name = people.iter().find(|p| &p.id == id).map_or_else(|| id.to_string(), |p| p.name.clone());
                let label = format!("Remove {name} from informed");
                let chip = egui::Button::new(format!("{name}  🗙")).fill(t.raised).corner_radius(t.row_height / 2.0);
                let r = ui.add(chip).on_hover_text(&label);
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if r.clicked() {
                    remove = Some(id.clone());
                }
            }
            if let Some(id) = remove {
                draft.informed.retain(|x| x != &id);
            }
        });
        let rest: Vec<&&crate::model::Person> = people.iter().filter(|p| !draft.informed.contains(&p.id)).collect();
        if rest.is_empty() {
            return;
        }
        let mut add = None;
        let r = egui::ComboBox::from_id_salt("gate.informed.add")
            .selected_text(RichText::new("Add person").color(t.text_weak))
            .width(240.0)
            .show_ui(ui, |ui| {
                for p in rest {
                    if ui.selectable_label(false, &p.name).clicked() {
                        add = Some(p.id.clone());
                    }
                }
            });
        r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Add person (informed)"));
        if let Some(id) = add {
            draft.informed.push(id);
        }
    });
}
