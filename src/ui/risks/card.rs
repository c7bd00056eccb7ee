//! The card beside the register that edits one risk: every field of the
//! register, each change an edit; the scores and bands are worked out and
//! written in words; the risk can be deleted (undoably).

use super::paint::{band_pill_ui, flagged};
use super::{RiskViewState, View};
use crate::edit::{Edit, Path};
use crate::model::{Id, Risk, RiskCategory, RiskStatus, Treatment};
use crate::risk::{Which, attention, band_of, scale_of, score_of, score_text};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, people_options};
use egui::{RichText, Ui};

/// The card of the risk being edited.
pub(super) fn card_ui(ui: &mut Ui, view: &View<'_>, state: &mut RiskViewState, out: &mut Intents) {
    let Some(risk) = state.editing.as_ref().and_then(|id| view.book.risks.iter().find(|r| &r.id == id)) else {
        return;
    };
    let t = tokens(ui.ctx());
    let at = Path::root().item("risks", &risk.id);
    ui.horizontal(|ui| {
        ui.label(RichText::new(risk.id.as_str()).monospace().color(t.text_weak));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let close = ui.button("Close").on_hover_text("Close this card");
            if close.clicked() {
                state.editing = None;
            }
            let name = format!("Delete risk {}", risk.id);
            let del = ui.button("Delete").on_hover_text(format!("{name} (Undo brings it back)"));
            del.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if del.clicked() {
                out.apply(Ok(Edit::remove(Path::root(), "risks", &risk.id)));
                state.editing = None;
            }
        });
    });
    let title = if risk.title.trim().is_empty() { "Untitled risk" } else { risk.title.as_str() };
    ui.label(RichText::new(title).heading());
    let a = attention(risk, &view.book.policy.risk, view.today);
    if a.review_overdue {
        let since = risk.next_review.map(|d| d.to_string()).unwrap_or_default();
        ui.label(flagged(&t, format!("⚠ Review overdue: it was due on {since}")));
    }
    if a.no_owner {
        ui.label(flagged(&t, "⚑ High risk with no owner: choose who owns it"));
    }
    if a.no_treatment {
        ui.label(flagged(&t, "⚑ High risk with no treatment: choose how it is treated"));
    }
    ui.separator();
    egui::ScrollArea::vertical().id_salt(("risks.card", &risk.id)).auto_shrink([false, false]).show(ui, |ui| {
        fields_ui(ui, view, risk, &at, out);
        releases_ui(ui, view, risk, &at, out);
    });
}

fn fields_ui(ui: &mut Ui, view: &View<'_>, risk: &Risk, at: &Path, out: &mut Intents) {
    let policy = view.book.policy.risk;
    let scale = scale_of(&policy);
    let mut f = Fields::new(at.clone(), out);
    let people = people_options(view.book);
    let section = |ui: &mut Ui, text: &str| {
        ui.add_space(4.0);
        ui.label(RichText::new(text).strong());
    };
    section(ui, "Identification");
    Fields::grid(ui, (at, "identify"), |ui| {
        f.text(ui, "Title", "title", &risk.title);
        f.multiline(ui, "Description", "description", &risk.description);
        f.choice(ui, "Category", "category", risk.category, &RiskCategory::ALL, RiskCategory::label);
        f.multiline(ui, "Cause", "cause", &risk.cause);
        f.multiline(ui, "Consequence", "consequence", &risk.consequence);
        f.multiline(ui, "Existing controls", "controls", &risk.controls);
    });
    section(ui, "Inherent assessment");
    Fields::grid(ui, (at, "inherent"), |ui| {
        f.scale(ui, "Likelihood", "likelihood", risk.likelihood, scale);
        f.scale(ui, "Impact", "impact", risk.impact, scale);
        score_row_ui(ui, "Inherent score", risk, Which::Inherent, &policy);
    });
    section(ui, "Treatment");
    Fields::grid(ui, (at, "treatment"), |ui| {
        f.opt_choice(ui, "Treatment", "treatment", risk.treatment, &Treatment::ALL, Treatment::label);
        f.multiline(ui, "Actions", "actions", &risk.actions);
        f.scale(ui, "Residual likelihood", "residual_likelihood", risk.residual_likelihood, scale);
        f.scale(ui, "Residual impact", "residual_impact", risk.residual_impact, scale);
        score_row_ui(ui, "Residual score", risk, Which::Residual, &policy);
    });
    section(ui, "Ownership and review");
    Fields::grid(ui, (at, "ownership"), |ui| {
        f.reference(ui, "Owner", "owner", risk.owner.as_ref(), &people, None);
        f.choice(ui, "Status", "status", risk.status, &RiskStatus::ALL, RiskStatus::label);
        f.date(ui, "Due date", "due", risk.due, view.today);
        f.date(ui, "Next review", "next_review", risk.next_review, view.today);
    });
}

fn score_row_ui(ui: &mut Ui, label: &str, risk: &Risk, which: Which, policy: &crate::model::RiskPolicy) {
    ui.label(label);
    let band = band_of(risk, which, policy);
    band_pill_ui(ui, &score_text(score_of(risk, which, policy), band), band);
    ui.end_row();
}

/// The linked releases: each with an unlink button, and a pick-list to link another.
fn releases_ui(ui: &mut Ui, view: &View<'_>, risk: &Risk, at: &Path, out: &mut Intents) {
    let t = tokens(ui.ctx());
    ui.add_space(4.0);
    ui.label(RichText::new("Linked releases").strong());
    if risk.releases.is_empty() {
        ui.label(
            RichText::new("Not linked to any release: it is a risk to the service as a whole.").color(t.text_weak),
        );
    }
    let mut new: Option<Vec<Id>> = None;
    for id in &risk.releases {
        ui.horizontal(|ui| {
            let name = view.book.release(id).map_or_else(|| "(missing release)".to_owned(), |r| r.name.clone());
            ui.label(RichText::new(id.as_str()).monospace().color(t.text_weak));
            ui.label(name);
            let label = format!("Unlink {id}");
            let r = ui.small_button("🗙").on_hover_text(&label);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if r.clicked() {
                new = Some(risk.releases.iter().filter(|x| *x != id).cloned().collect());
            }
        });
    }
    let mut chosen: Option<Id> = None;
    let r = egui::ComboBox::from_id_salt(("risks.card.link", &risk.id))
        .selected_text("Link a release…")
        .width(260.0)
        .show_ui(ui, |ui| {
            for r in view.book.releases.iter().filter(|r| !risk.releases.contains(&r.id)) {
                if ui.selectable_label(false, format!("{} · {}", r.id, r.name)).clicked() {
                    chosen = Some(r.id.clone());
                }
            }
        })
        .response;
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Link a release"));
    if let Some(id) = chosen {
        let mut all = risk.releases.clone();
        all.push(id);
        new = Some(all);
    }
    if let Some(releases) = new {
        out.apply(Edit::set(at.clone(), "releases", &releases));
    }
}
