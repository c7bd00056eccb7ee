//! The backout / remediation plan: how the release is backed out, what
//! triggers it, how long it takes, and whether it was tested.

use super::Form;
use super::when::duration_words;
use crate::model::Release;
use crate::ui::intent::Intents;
use crate::ui::widgets::Fields;
use egui::Ui;

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let b = &r.backout;
    if b.plan.trim().is_empty() {
        return "no plan yet".to_owned();
    }
    let tested = match (b.tested, b.tested_on) {
        (true, Some(d)) => format!("tested {d}"),
        (true, None) => "tested".to_owned(),
        (false, _) => "not tested".to_owned(),
    };
    format!("{tested} · takes {}", duration_words(b.duration_minutes.into()))
}

/// Draws the section.
pub(super) fn backout_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    let b = &r.backout;
    let mut f = Fields::new(form.at.clone().field("backout"), out);
    Fields::grid(ui, ("release_form.backout", &r.id), |ui| {
        f.multiline(ui, "Plan", "plan", &b.plan);
        f.multiline(ui, "Trigger", "trigger", &b.trigger);
        f.number(ui, "Duration", "duration_minutes", b.duration_minutes, " min");
        f.check(ui, "Tested", "tested", b.tested);
        f.date(ui, "Tested on", "tested_on", b.tested_on, form.today);
    });
}
