//! The policy's risk scale, its bands and the phase-gate settings.
//!
//! Both are set as whole values (`policy.risk`, `policy.gates`), so every
//! widget here builds the new value from the old one and one change.

use super::common::{combo_ui, note_ui, number_ui, section_ui, warning_ui};
use crate::edit::{Edit, Path};
use crate::model::{Band, Book, GatePolicy, RiskPolicy};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme;
use egui::{RichText, Ui};

/// The scales the policy allows.
const SCALES: [u8; 3] = [3, 4, 5];

/// Shows the risk scale, its band thresholds, a matrix of the bands and the gate band.
pub(super) fn risk_policy_ui(ui: &mut Ui, book: &Book, policy_at: &Path, out: &mut Intents) {
    let risk = book.policy.risk;
    let set = |r: RiskPolicy| Edit::set(policy_at.clone(), "risk", &r);
    section_ui(
        ui,
        "Risk scale",
        "Risks are scored likelihood × impact. A score is in the highest band whose starting score it reaches.",
        |ui| {
            egui::Grid::new("book.risk").num_columns(2).min_col_width(150.0).show(ui, |ui| {
                ui.label("Scale");
                ui.horizontal(|ui| {
                    for n in SCALES {
                        if ui.selectable_label(risk.scale == n, format!("{n} × {n}")).clicked() && risk.scale != n {
                            out.apply(set(rescaled(risk, n)));
                        }
                    }
                    let suggested = suggested_bands(risk.scale).map(|s| RiskPolicy { gate_band: risk.gate_band, ..s });
                    if let Some(s) = suggested.filter(|s| *s != risk) {
                        let words = format!(
                            "Medium from {}, high from {}, critical from {}",
                            s.medium_from, s.high_from, s.critical_from
                        );
                        if ui.button("Use suggested bands").on_hover_text(words).clicked() {
                            out.apply(set(s));
                        }
                    }
                });
                ui.end_row();
                let max = u32::from(risk.max_score().max(1));
                let rows = [
                    (Band::Medium, "Medium from score", risk.medium_from),
                    (Band::High, "High from score", risk.high_from),
                    (Band::Critical, "Critical from score", risk.critical_from),
                ];
                for (band, label, value) in rows {
                    ui.label(label);
                    let (new, ended) = number_ui(ui, label, u32::from(value), 1..=max, "");
                    if let Some(v) = new.and_then(|v| u8::try_from(v).ok()) {
                        let mut r = risk;
                        match band {
                            Band::Low | Band::Medium => r.medium_from = v,
                            Band::High => r.high_from = v,
                            Band::Critical => r.critical_from = v,
                        }
                        out.typing(set(r));
                    }
                    if ended {
                        out.push(Intent::Seal);
                    }
                    ui.end_row();
                }
                for problem in band_problems(&risk) {
                    ui.label("");
                    warning_ui(ui, &problem);
                    ui.end_row();
                }
                ui.label("Bands");
                band_chips_ui(ui, &risk);
                ui.end_row();
                ui.label("Matrix");
                super::risk_matrix::risk_matrix_ui(ui, &risk);
                ui.end_row();
                ui.label("Gate band");
                ui.horizontal(|ui| {
                    let band =
                        combo_ui(ui, "book.risk.gate_band", "Gate band", risk.gate_band, &Band::ALL, Band::label);
                    if let Some(gate_band) = band {
                        out.apply(set(RiskPolicy { gate_band, ..risk }));
                    }
                    ui.label("and above");
                });
                ui.end_row();
                ui.label("");
                note_ui(
                    ui,
                    "An open residual risk in the gate band or above blocks Deployment unless a decision accepts it.",
                );
                ui.end_row();
            });
        },
    );
}

/// Shows what the phase gates ask for.
pub(super) fn gates_ui(ui: &mut Ui, book: &Book, policy_at: &Path, out: &mut Intents) {
    let gates = book.policy.gates;
    let set = |g: GatePolicy| Edit::set(policy_at.clone(), "gates", &g);
    section_ui(ui, "Phase gates", "What a release must show before it moves to the next phase (R16).", |ui| {
        egui::Grid::new("book.gates").num_columns(2).min_col_width(150.0).show(ui, |ui| {
            ui.label("");
            let mut enforce = gates.enforce;
            if ui.checkbox(&mut enforce, "Enforce gates: a blocked phase change needs a recorded decision").changed() {
                out.apply(set(GatePolicy { enforce, ..gates }));
            }
            ui.end_row();
            ui.label("");
            let mut tested = gates.require_tested_backout;
            if ui.checkbox(&mut tested, "Require a tested backout plan before Deployment (R13)").changed() {
                out.apply(set(GatePolicy { require_tested_backout: tested, ..gates }));
            }
            ui.end_row();
            ui.label("Early life support");
            ui.horizontal(|ui| {
                let days = u32::from(gates.early_life_support_days);
                let (new, ended) = number_ui(ui, "Early life support, days", days, 0..=365, " days");
                if let Some(d) = new.and_then(|d| u16::try_from(d).ok()) {
                    out.typing(set(GatePolicy { early_life_support_days: d, ..gates }));
                }
                if ended {
                    out.push(Intent::Seal);
                }
                note_ui(ui, "after deployment, in which incidents count against the release (R7)");
            });
            ui.end_row();
        });
    });
}

/// Band thresholds that suit a scale, or `None` for a scale the policy does not allow.
fn suggested_bands(scale: u8) -> Option<RiskPolicy> {
    let (medium_from, high_from, critical_from) = match scale {
        3 => (3, 5, 7),
        4 => (4, 8, 12),
        5 => (5, 10, 17),
        _ => return None,
    };
    Some(RiskPolicy { scale, medium_from, high_from, critical_from, gate_band: Band::Critical })
}

/// The policy on another scale: the suggested thresholds when it used the
/// old scale's suggestions or when its thresholds do not fit the new scale,
/// else its own thresholds. The gate band stays.
fn rescaled(risk: RiskPolicy, scale: u8) -> RiskPolicy {
    let was_suggested =
        suggested_bands(risk.scale).is_some_and(|s| RiskPolicy { gate_band: risk.gate_band, ..s } == risk);
    let moved = RiskPolicy { scale, ..risk };
    match suggested_bands(scale) {
        Some(s) if was_suggested || risk.critical_from > moved.max_score() => {
            RiskPolicy { gate_band: risk.gate_band, ..s }
        }
        _ => moved,
    }
}

/// What is wrong with the thresholds, in words; empty when they are in order.
fn band_problems(r: &RiskPolicy) -> Vec<String> {
    let mut problems = Vec::new();
    let max = r.max_score();
    if !SCALES.contains(&r.scale) {
        problems.push(format!("The scale has {} points; it should have 3, 4 or 5.", r.scale));
    }
    if !(r.medium_from < r.high_from && r.high_from < r.critical_from) {
        problems.push(format!(
            "The bands must start at increasing scores: medium ({}) < high ({}) < critical ({}).",
            r.medium_from, r.high_from, r.critical_from
        ));
    }
    if r.medium_from <= 1 {
        problems.push("Medium starts at 1, so no risk can be low.".to_owned());
    }
    if r.critical_from > max {
        problems.push(format!(
            "Critical starts above {max}, the highest score on a {n} × {n} scale, so no risk can be critical.",
            n = r.scale
        ));
    }
    problems
}

/// The scores in each band, lowest first: `None` when a band has none.
pub(super) fn band_ranges(r: &RiskPolicy) -> [Option<(u8, u8)>; 4] {
    let mut ranges: [Option<(u8, u8)>; 4] = [None; 4];
    for score in 1..=r.max_score() {
        let slot = &mut ranges[r.band(score) as usize];
        *slot = Some(slot.map_or((score, score), |(lo, _)| (lo, score)));
    }
    ranges
}

/// A coloured chip per band with its scores written on it.
fn band_chips_ui(ui: &mut Ui, r: &RiskPolicy) {
    let t = theme::tokens(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        for (i, (band, range)) in Band::ALL.iter().zip(band_ranges(r)).enumerate() {
            let scores = match range {
                Some((lo, hi)) if lo == hi => format!("{lo}"),
                Some((lo, hi)) => format!("{lo}–{hi}"),
                None => "no scores".to_owned(),
            };
            let text = RichText::new(format!("{} {scores}", band.label())).color(t.on_bands[i]);
            egui::Frame::new().fill(t.bands[i]).corner_radius(4.0).inner_margin(egui::vec2(6.0, 2.0)).show(ui, |ui| {
                ui.label(text);
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_bands_cover_the_five_point_scale() {
        let r = RiskPolicy::default();
        assert!(band_problems(&r).is_empty());
        assert_eq!(band_ranges(&r), [Some((1, 4)), Some((5, 9)), Some((10, 16)), Some((17, 25))]);
    }

    #[test]
    fn out_of_order_thresholds_are_explained() {
        let r = RiskPolicy { medium_from: 10, high_from: 8, ..RiskPolicy::default() };
        let problems = band_problems(&r);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("increasing"));
    }

    #[test]
    fn a_smaller_scale_takes_suggested_bands() {
        let r = rescaled(RiskPolicy::default(), 3);
        assert_eq!((r.scale, r.medium_from, r.high_from, r.critical_from), (3, 3, 5, 7));
        assert!(band_problems(&r).is_empty());
    }

    #[test]
    fn own_thresholds_that_fit_are_kept() {
        let own = RiskPolicy { scale: 5, medium_from: 4, high_from: 8, critical_from: 15, gate_band: Band::High };
        let r = rescaled(own, 4);
        assert_eq!((r.scale, r.medium_from, r.high_from, r.critical_from, r.gate_band), (4, 4, 8, 15, Band::High));
    }
}
