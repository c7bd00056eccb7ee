//! The release's risks: the book's register entries linked to this
//! release, each as a compact card whose header always shows the inherent
//! and residual score and band in words, with the assessment and the
//! treatment side by side when opened.
//!
//! Risks live in the book's register (`risks[RISK-n]`), not in the release,
//! so this list is not a `list_ui` (whose reordering would move risks
//! within the whole register): it has its own add and remove.

use super::{Form, picks};
use crate::check::rules::{acceptance, acceptance_draft, acceptance_missing, held_at_gate, unfinished_acceptance};
use crate::edit::{Edit, Path};
use crate::model::{Band, Decision, IdKind, Risk, RiskCategory, RiskStatus, Treatment};
use crate::risk::{Which, score_of};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::tokens;
use crate::ui::widgets::Fields;
use egui::collapsing_header::CollapsingState;
use egui::{RichText, Ui};

/// A one-line summary for the section header.
pub(super) fn summary(ctx: &egui::Context, form: &Form<'_>) -> String {
    let s = crate::ui::risks::summary::release_summary(ctx, form.book, &form.release.id);
    match s.highest {
        Some((score, band)) => {
            let risks = if s.total == 1 { "1 risk" } else { &format!("{} risks", s.total) };
            format!("{risks}, {} open · highest open residual: {score} {}", s.active(), band.label())
        }
        None if s.total == 1 => "1 risk, closed".to_owned(),
        None => format!("{} risks, none open", s.total),
    }
}

/// The id under which a risk card remembers whether it is open.
fn card_id(risk: &crate::model::Id) -> egui::Id {
    egui::Id::unique(("release_form.risk", risk))
}

/// Draws the section.
pub(super) fn risks_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let by_release = crate::ui::memo::memo(ui.ctx(), "release_form.risks_by_release", || {
        let mut map: std::collections::HashMap<crate::model::Id, Vec<usize>> = std::collections::HashMap::new();
        for (i, risk) in form.book.risks.iter().enumerate() {
            for release in &risk.releases {
                let list = map.entry(release.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        map
    });
    let risks: Vec<&Risk> =
        by_release.get(&r.id).into_iter().flatten().filter_map(|&i| form.book.risks.get(i)).collect();
    // The release's risk summary, as in the release list: highest open residual score and count per band.
    let summary = crate::ui::risks::summary::release_summary(ui.ctx(), form.book, &r.id);
    crate::ui::risks::summary::full_ui(ui, &summary);
    for risk in risks {
        risk_card_ui(ui, form, risk, out);
    }
    if ui.button("Add risk").on_hover_text("Add a risk to the register, linked to this release").clicked() {
        let id = form.new_id(IdKind::Risk);
        let risk = Risk { id: id.clone(), releases: vec![r.id.clone()], owner: r.owner.clone(), ..Risk::default() };
        out.apply(Edit::insert(Path::root(), "risks", form.book.risks.len(), &risk));
        let mut state = CollapsingState::load_with_default_open(ui.ctx(), card_id(&id), true);
        state.set_open(true);
        state.store(ui.ctx());
    }
}

fn risk_card_ui(ui: &mut Ui, form: &Form<'_>, risk: &Risk, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let policy = form.book.policy.risk;
    let at = Path::root().item("risks", &risk.id);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let mut title_clicked = false;
        CollapsingState::load_with_default_open(ui.ctx(), card_id(&risk.id), false)
            .show_header(ui, |ui| {
                ui.label(RichText::new(risk.id.as_str()).monospace().color(t.text_weak));
                let title = if risk.title.trim().is_empty() { "Untitled risk" } else { risk.title.as_str() };
                // The title opens and closes the card, as on the plan's other cards.
                title_clicked =
                    ui.add(egui::Label::new(RichText::new(title).strong()).sense(egui::Sense::click())).clicked();
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    remove_button_ui(ui, form, risk, out);
                    ui.label(RichText::new(risk.status.label()).color(t.text_weak));
                    if blocks_deployment(form, risk) {
                        ui.label(RichText::new("⚠ Blocks Deployment").color(t.error));
                    }
                    // The register's scores: positions clamped to the policy's scale.
                    let residual = score_of(risk, Which::Residual, &policy);
                    band_pill_ui(ui, "Residual", residual, policy.band(residual));
                    ui.label(RichText::new("➡").color(t.text_weak));
                    let inherent = score_of(risk, Which::Inherent, &policy);
                    band_pill_ui(ui, "Inherent", inherent, policy.band(inherent));
                });
            })
            .body(|ui| risk_body_ui(ui, form, risk, &at, out));
        if title_clicked {
            let mut state = CollapsingState::load_with_default_open(ui.ctx(), card_id(&risk.id), false);
            state.toggle(ui);
            state.store(ui.ctx());
        }
    });
}

/// The score and band in words on the band's colour, e.g. "Inherent 12 · High".
fn band_pill_ui(ui: &mut Ui, which: &str, score: u8, band: Band) {
    let t = tokens(ui.ctx());
    let i = Band::ALL.iter().position(|b| *b == band).unwrap_or(0);
    egui::Frame::new().fill(t.bands[i]).corner_radius(4.0).inner_margin(egui::Margin::symmetric(6, 1)).show(ui, |ui| {
        ui.label(RichText::new(format!("{which} {score} · {}", band.label())).size(t.small_size).color(t.on_bands[i]));
    });
}

/// Unlinks the risk from this release, or removes it from the register
/// when this release is the only one it belongs to.
fn remove_button_ui(ui: &mut Ui, form: &Form<'_>, risk: &Risk, out: &mut Intents) {
    let others: Vec<_> = risk.releases.iter().filter(|id| **id != form.release.id).cloned().collect();
    let name = if others.is_empty() {
        format!("Remove risk {} from the register", risk.id)
    } else {
        format!("Unlink risk {} from this release (it stays linked to {})", risk.id, others.len())
    };
    let r = ui.small_button("🗙").on_hover_text(&name);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if r.clicked() {
        let at = Path::root().item("risks", &risk.id);
        if others.is_empty() {
            out.apply(Ok(Edit::remove(Path::root(), "risks", &risk.id)));
        } else {
            out.apply(Edit::set(at, "releases", &others));
        }
    }
}

/// Whether the risk stops this release entering Deployment (rule G1):
/// held at the gate, with no decision of the release accepting it.
fn blocks_deployment(form: &Form<'_>, risk: &Risk) -> bool {
    held_at_gate(risk, &form.book.policy.risk) && acceptance(form.release, risk).is_none()
}

/// For a risk held at the gate into Deployment: which decision accepts
/// it, or what is missing, with a button that records the acceptance.
fn gate_ui(ui: &mut Ui, form: &Form<'_>, risk: &Risk, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    if !held_at_gate(risk, &form.book.policy.risk) {
        return;
    }
    let decision_at = |d: &Decision| form.at.clone().item("decisions", &d.id);
    if let Some(d) = acceptance(r, risk) {
        let when = d.decided_at.map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()).unwrap_or_default();
        let text =
            format!("✔ Accepted for Deployment by {} on {when} ({})", form.person_name(d.decided_by.as_ref()), d.id);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(text).color(t.good));
            if ui.small_button("Show decision").clicked() {
                out.push(Intent::Reveal(r.id.clone(), decision_at(d)));
            }
        });
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let band = form.book.policy.risk.gate_band.label();
        match unfinished_acceptance(r, risk) {
            Some(d) => {
                let missing = acceptance_missing(d).join(", ");
                ui.label(
                    RichText::new(format!(
                        "⚠ Blocks Deployment: {} names this risk but does not yet say {missing}.",
                        d.id
                    ))
                    .color(t.error),
                );
                if ui.small_button("Complete the decision").clicked() {
                    out.push(Intent::Reveal(r.id.clone(), decision_at(d)));
                }
            }
            None => {
                ui.label(
                    RichText::new(format!(
                        "⚠ Blocks Deployment (G1): its residual score is in the {band} band or above, and no \
                         decision accepts it."
                    ))
                    .color(t.error),
                );
                let button = ui
                    .small_button("Record risk acceptance")
                    .on_hover_text("Add a Risk acceptance decision naming this risk; then write why it is accepted");
                if button.clicked() {
                    let by = risk.owner.clone().or_else(|| r.owner.clone());
                    let d = acceptance_draft(form.new_id(IdKind::Decision), risk, by, jiff::Timestamp::now());
                    let at = decision_at(&d);
                    out.apply(Edit::insert(form.at.clone(), "decisions", r.decisions.len(), &d));
                    out.push(Intent::Reveal(r.id.clone(), at));
                }
            }
        }
    });
}

fn risk_body_ui(ui: &mut Ui, form: &Form<'_>, risk: &Risk, at: &Path, out: &mut Intents) {
    gate_ui(ui, form, risk, out);
    let policy = form.book.policy.risk;
    let scale = crate::risk::scale_of(&policy);
    let score = |s: u8| format!("{s} · {}", policy.band(s).label());
    let mut f = Fields::new(at.clone(), out);
    let assessment = |f: &mut Fields<'_>, ui: &mut Ui| {
        f.text(ui, "Title", "title", &risk.title);
        f.choice(ui, "Category", "category", risk.category, &RiskCategory::ALL, RiskCategory::label);
        f.scale(ui, "Likelihood", "likelihood", risk.likelihood, scale);
        f.scale(ui, "Impact", "impact", risk.impact, scale);
        Fields::read_only(ui, "Inherent score", &score(score_of(risk, Which::Inherent, &policy)));
    };
    let treatment = |f: &mut Fields<'_>, ui: &mut Ui| {
        f.opt_choice(ui, "Treatment", "treatment", risk.treatment, &Treatment::ALL, Treatment::label);
        f.scale(ui, "Residual likelihood", "residual_likelihood", risk.residual_likelihood, scale);
        f.scale(ui, "Residual impact", "residual_impact", risk.residual_impact, scale);
        Fields::read_only(ui, "Residual score", &score(score_of(risk, Which::Residual, &policy)));
    };
    // Assessment and treatment side by side when there is room, else one
    // below the other.
    if ui.available_width() >= 860.0 {
        ui.columns(2, |cols| {
            Fields::grid(&mut cols[0], (at, "assessment"), |ui| assessment(&mut f, ui));
            Fields::grid(&mut cols[1], (at, "treatment"), |ui| treatment(&mut f, ui));
        });
    } else {
        Fields::grid(ui, (at, "assessment"), |ui| {
            assessment(&mut f, ui);
            treatment(&mut f, ui);
        });
    }
    Fields::grid(ui, (at, "ownership"), |ui| {
        picks::person_row(&mut f, ui, form, "Owner", "owner", risk.owner.as_ref());
        f.choice(ui, "Status", "status", risk.status, &RiskStatus::ALL, RiskStatus::label);
        f.date(ui, "Next review", "next_review", risk.next_review, form.today);
    });
}
