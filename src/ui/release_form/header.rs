//! The top of the form: the release's name, its key facts, the phase
//! stepper with the "Move to next phase" button, and its findings.

use super::{Form, sections, stepper};
use crate::check::{Finding, Severity};
use crate::ui::CommandId;
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::tokens;
use egui::{RichText, Ui};

/// Draws the header.
pub(super) fn header_ui(ui: &mut Ui, form: &Form<'_>, findings: &[&Finding], out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    // The button first, from the right, then the name in what is left
    // (shortened with "…" in a narrow window rather than drawn under it).
    ui.horizontal(|ui| {
        let name = if r.name.trim().is_empty() { "Untitled release" } else { r.name.as_str() };
        let text = RichText::new(name).size(t.heading_size * 1.25).strong();
        let font = egui::FontId::proportional(t.heading_size * 1.25);
        let name_width = ui.painter().layout_no_wrap(name.to_owned(), font, t.text).size().x;
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            next_phase_button_ui(ui, form, name_width, out);
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(text).truncate()).on_hover_text(name);
            });
        });
    });
    facts_ui(ui, form);
    ui.add_space(t.spacing);
    stepper::phase_stepper_ui(ui, r.phase);
    ui.add_space(t.spacing * 0.5);
    findings_ui(ui, form, findings);
    ui.add_space(t.spacing * 0.5);
    ui.separator();
}

/// Id, type, priority, version and owner, on one quiet line.
fn facts_ui(ui: &mut Ui, form: &Form<'_>) {
    let t = tokens(ui.ctx());
    let r = form.release;
    let release_type = match form.book.release_type(&r.release_type) {
        Some(rt) if rt.emergency && !rt.name.to_lowercase().contains("emergency") => format!("{} (emergency)", rt.name),
        Some(rt) => rt.name.clone(),
        None if r.release_type.0.is_empty() => "No release type".to_owned(),
        None => format!("{} (missing type)", r.release_type),
    };
    let version = if r.version.trim().is_empty() { "No version".to_owned() } else { format!("Version {}", r.version) };
    let facts = [
        r.id.to_string(),
        release_type,
        format!("Priority: {}", r.priority.label()),
        version,
        format!("Owner: {}", form.person_name(r.owner.as_ref())),
    ];
    ui.horizontal_wrapped(|ui| {
        for (i, fact) in facts.iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("·").color(t.text_weak));
            }
            let text = RichText::new(fact).color(t.text_weak);
            ui.label(if i == 0 { text.monospace() } else { text });
        }
    });
}

/// "Move to next phase": runs the app's command, which moves the phase and
/// records today's date as the actual end and start of the two phases.
/// "Next: …" beside it shows when there is room for it and the name.
fn next_phase_button_ui(ui: &mut Ui, form: &Form<'_>, name_width: f32, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    let label = "Move to next phase";
    let (enabled, hint) = match r.phase.next() {
        Some(next) => (
            true,
            format!(
                "Move {} from {} to {}. Today becomes the actual end of {} and the actual start of {}.",
                r.id,
                r.phase.label(),
                next.label(),
                r.phase.label(),
                next.label()
            ),
        ),
        None => (false, format!("{} is closed; there is no next phase.", r.id)),
    };
    let button = if enabled {
        egui::Button::new(RichText::new(format!("{label}  ▶")).color(t.on_accent)).fill(t.accent)
    } else {
        egui::Button::new(label)
    };
    let response = ui.add_enabled(enabled, button).on_hover_text(&hint).on_disabled_hover_text(&hint);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
    if response.clicked() {
        out.push(Intent::Run(CommandId::NextPhase));
    }
    if let Some(next) = r.phase.next() {
        let words = format!("Next: {}", next.label());
        let width =
            ui.painter().layout_no_wrap(words.clone(), egui::TextStyle::Body.resolve(ui.style()), t.text).size().x;
        if ui.available_width() >= name_width + width + t.spacing * 2.0 {
            ui.label(RichText::new(words).color(t.text_weak));
        }
    }
}

/// The findings for this release, in a collapsible list.
fn findings_ui(ui: &mut Ui, form: &Form<'_>, findings: &[&Finding]) {
    let t = tokens(ui.ctx());
    if findings.is_empty() {
        ui.label(RichText::new("✔ No findings for this release").color(t.good));
        return;
    }
    let worst = findings.iter().map(|f| f.severity).max().unwrap_or(Severity::Info);
    let colour = severity_colour(ui, worst);
    let noun = if findings.len() == 1 { "finding" } else { "findings" };
    let counts = crate::ui::release_list::Problems::of(findings.iter().copied());
    let title =
        RichText::new(format!("⚠ {} {noun} for this release: {}", findings.len(), counts.breakdown())).color(colour);
    egui::CollapsingHeader::new(title).id_salt(("release_form.findings", &form.release.id)).show(ui, |ui| {
        egui::Grid::new(("release_form.findings.grid", &form.release.id))
            .num_columns(3)
            .spacing([t.spacing * 1.5, t.spacing * 0.5])
            .show(ui, |ui| {
                for f in findings {
                    let word = match f.severity {
                        Severity::Error => "✖ Error",
                        Severity::Warning => "⚠ Warning",
                        Severity::Info => "ℹ Info",
                    };
                    ui.label(RichText::new(word).color(severity_colour(ui, f.severity)));
                    let rule =
                        if f.clause.is_empty() { f.rule.to_owned() } else { format!("{} ({})", f.rule, f.clause) };
                    ui.label(RichText::new(rule).monospace().color(t.text_weak));
                    ui.vertical(|ui| {
                        ui.label(&f.message);
                        let place = sections::section_of(f, &form.release.id)
                            .map_or_else(|| f.path(), |s| format!("In “{}”: {}", s.title(), f.path()));
                        ui.label(RichText::new(place).size(t.small_size).color(t.text_weak));
                    });
                    ui.end_row();
                }
            });
    });
}

fn severity_colour(ui: &Ui, severity: Severity) -> egui::Color32 {
    let t = tokens(ui.ctx());
    match severity {
        Severity::Error => t.error,
        Severity::Warning => t.warning,
        Severity::Info => t.text_weak,
    }
}
