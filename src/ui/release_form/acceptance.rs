//! Acceptance criteria (met, not met, waived, pending, with evidence) and
//! approvals (who, in which role, their decision, when).

use super::overview::subheading;
use super::when::timestamp_row;
use super::{Form, picks};
use crate::edit::Path;
use crate::model::{Approval, ApprovalDecision, Criterion, CriterionStatus, IdKind, Release, Role};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::{RichText, Ui};

/// A one-line summary for the section header.
pub(super) fn summary(r: &Release) -> String {
    let met = r.criteria.iter().filter(|c| c.status == CriterionStatus::Met).count();
    let approved = r
        .approvals
        .iter()
        .filter(|a| matches!(a.decision, ApprovalDecision::Approved | ApprovalDecision::Conditional))
        .count();
    format!("{met} of {} criteria met · {approved} of {} approvals given", r.criteria.len(), r.approvals.len())
}

/// The status word with a symbol, so it never rests on colour alone.
fn status_words(s: CriterionStatus) -> String {
    let symbol = match s {
        CriterionStatus::Met => "✔",
        CriterionStatus::NotMet => "✖",
        CriterionStatus::Waived => "↪",
        CriterionStatus::Pending => "○",
    };
    format!("{symbol} {}", s.label())
}

/// A criterion's row title: its id, as findings name it, then its text on
/// one line. The row cuts the text to the width it has; the cap here only
/// bounds the work for a very long text.
fn criterion_title(c: &Criterion) -> String {
    let text = c.description.split_whitespace().collect::<Vec<_>>().join(" ");
    match (c.id.as_str().is_empty(), text.is_empty()) {
        (_, true) => c.id.to_string(),
        (true, false) => picks::short(&text, 400),
        (false, false) => format!("{} · {}", c.id, picks::short(&text, 400)),
    }
}

/// Draws the section.
pub(super) fn acceptance_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    criteria_ui(ui, form, out);
    approvals_ui(ui, form, out);
}

fn criteria_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let t = tokens(ui.ctx());
    let r = form.release;
    subheading(ui, "Acceptance criteria");
    let count = |s: CriterionStatus| r.criteria.iter().filter(|c| c.status == s).count();
    if !r.criteria.is_empty() {
        let tally = CriterionStatus::ALL
            .into_iter()
            .filter(|s| count(*s) > 0)
            .map(|s| format!("{} {}", count(s), s.label().to_lowercase()))
            .collect::<Vec<_>>()
            .join(" · ");
        ui.label(RichText::new(tally).color(t.text_weak));
    }
    let row = |c: &Criterion| ListRow { title: criterion_title(c), status: status_words(c.status) };
    let body = |ui: &mut Ui, c: &Criterion, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            f.multiline(ui, "Description", "description", &c.description);
            f.choice(ui, "Status", "status", c.status, &CriterionStatus::ALL, CriterionStatus::label);
            f.multiline(ui, "Evidence", "evidence", &c.evidence);
        });
    };
    let new = || Criterion { id: form.new_id(IdKind::Criterion), ..Criterion::default() };
    list_ui(ui, out, &form.at, "criteria", "criterion", &r.criteria, row, body, new);
}

fn approvals_ui(ui: &mut Ui, form: &Form<'_>, out: &mut Intents) {
    let r = form.release;
    subheading(ui, "Approvals");
    let row = |a: &Approval| {
        let role = a.role.map_or(String::new(), |r| format!(" ({})", r.label()));
        let when = a.at.map_or(String::new(), |ts| format!(" · {}", ts.to_zoned(jiff::tz::TimeZone::UTC).date()));
        ListRow {
            title: format!("{}{role}", form.person_name(a.person.as_ref())),
            status: format!("{}{when}", a.decision.label()),
        }
    };
    let body = |ui: &mut Ui, a: &Approval, at: Path, out: &mut Intents| {
        let mut f = Fields::new(at.clone(), out);
        Fields::grid(ui, (&at, "fields"), |ui| {
            picks::person_row(&mut f, ui, form, "Approver", "person", a.person.as_ref());
            f.opt_choice(ui, "Role", "role", a.role, &Role::ALL, Role::label);
            f.choice(ui, "Decision", "decision", a.decision, &ApprovalDecision::ALL, ApprovalDecision::label);
            timestamp_row(&mut f, ui, "When", "at", a.at);
            f.multiline(ui, "Note", "note", &a.note);
        });
    };
    let new = || Approval { id: form.new_id(IdKind::Approval), ..Approval::default() };
    list_ui(ui, out, &form.at, "approvals", "approval", &r.approvals, row, body, new);
}
