//! The gate's criteria (met or not, grouped exit / entry / earlier) and
//! its findings (what blocks, how to resolve it, and a way to go there).

use crate::check::Severity;
use crate::check::gate::{Blocker, Gate, GateCriterion, Side};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::tokens;
use egui::{RichText, Ui};

/// The criteria under a heading per side of the gate: those not met one
/// line each, those met folded into one line that opens to list them.
pub(super) fn criteria_ui(ui: &mut Ui, g: &Gate) {
    let t = tokens(ui.ctx());
    if g.criteria.is_empty() {
        ui.label(RichText::new("This gate has no criteria.").color(t.text_weak));
        return;
    }
    for side in [Side::Exit, Side::Entry, Side::Earlier] {
        let rows: Vec<&GateCriterion> = g.criteria.iter().filter(|c| c.side == side).collect();
        if rows.is_empty() {
            continue;
        }
        let heading = match side {
            Side::Exit => format!("Exit criteria of {}", g.from.label()),
            Side::Entry => format!("Entry criteria of {}", g.to.label()),
            Side::Earlier => side.label().to_owned(),
        };
        let met: Vec<&GateCriterion> = rows.iter().copied().filter(|c| c.met()).collect();
        ui.add_space(t.spacing * 0.5);
        ui.horizontal(|ui| {
            ui.label(RichText::new(heading).strong());
            ui.label(RichText::new(format!("{} of {} met", met.len(), rows.len())).color(t.text_weak));
        });
        for c in rows.iter().filter(|c| !c.met()) {
            criterion_ui(ui, c);
        }
        if !met.is_empty() {
            let title = RichText::new(format!("✔ {} met", met.len())).color(t.good);
            egui::CollapsingHeader::new(title).id_salt(("gate.met", &g.release, side)).default_open(false).show(
                ui,
                |ui| {
                    for c in &met {
                        criterion_ui(ui, c);
                    }
                },
            );
        }
    }
}

/// One criterion: a mark that is not colour alone, its words, rule and state.
fn criterion_ui(ui: &mut Ui, c: &GateCriterion) {
    let t = tokens(ui.ctx());
    let (mark, colour, state) = match (c.met(), c.severity) {
        (true, _) => ("✔", t.good, "met".to_owned()),
        (false, Severity::Error) => ("✖", t.error, not_met(c.problems)),
        (false, _) => ("⚠", t.warning, format!("{}, does not block", not_met(c.problems))),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(mark).color(colour));
        ui.label(c.label);
        ui.label(RichText::new(format!("{} · {} · {state}", c.rule, c.clause)).small().color(t.text_weak));
    });
}

fn not_met(problems: usize) -> String {
    if problems == 1 { "not met".to_owned() } else { format!("not met in {problems} places") }
}

/// The blocking findings (open) and the warnings (closed), each with how
/// to resolve it. Returns `true` when "Go there" was clicked.
pub(super) fn findings_ui(ui: &mut Ui, g: &Gate, out: &mut Intents) -> bool {
    let t = tokens(ui.ctx());
    let mut went = false;
    if !g.blocking.is_empty() {
        ui.add_space(t.spacing);
        let title = RichText::new(format!("What blocks the move ({})", g.blocking.len())).strong().color(t.error);
        egui::CollapsingHeader::new(title).id_salt(("gate.blocking", &g.release)).default_open(true).show(ui, |ui| {
            for (i, b) in g.blocking.iter().enumerate() {
                went |= blocker_ui(ui, b, i, out);
            }
        });
    }
    if !g.warnings.is_empty() {
        let title = RichText::new(format!("Also worth fixing, does not block ({})", g.warnings.len())).color(t.warning);
        egui::CollapsingHeader::new(title).id_salt(("gate.warnings", &g.release)).default_open(false).show(ui, |ui| {
            for (i, b) in g.warnings.iter().enumerate() {
                went |= blocker_ui(ui, b, 10_000 + i, out);
            }
        });
    }
    went
}

/// One finding: what is wrong, where, how to resolve it, and "Go there".
fn blocker_ui(ui: &mut Ui, b: &Blocker, index: usize, out: &mut Intents) -> bool {
    let t = tokens(ui.ctx());
    let f = &b.finding;
    let mut went = false;
    egui::Frame::new().fill(t.raised).inner_margin(t.spacing * 0.75).corner_radius(4.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let word = if f.severity == Severity::Error { "✖" } else { "⚠" };
            let colour = if f.severity == Severity::Error { t.error } else { t.warning };
            ui.label(RichText::new(word).color(colour));
            ui.label(RichText::new(format!("{} · {}", f.rule, f.clause)).small().monospace().color(t.text_weak));
            if let Some(release) = &f.release {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let name = format!("Go there: {} {}", f.rule, index);
                    let r = ui.small_button("Go there").on_hover_text(format!("Close the gate and show {}", f.path()));
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if r.clicked() {
                        crate::ui::checks::remember_goto(ui.ctx(), f);
                        out.push(Intent::SelectRelease(release.clone()));
                        went = true;
                    }
                });
            }
        });
        ui.label(&f.message);
        ui.label(RichText::new(format!("How to resolve: {}", b.fix)).color(t.text_weak));
        ui.label(RichText::new(f.path()).small().monospace().color(t.text_weak));
    });
    ui.add_space(t.spacing * 0.25);
    went
}
