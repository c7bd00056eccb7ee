//! The decisions panel (D): beside the slide, the decisions the slide is
//! about (criteria, approvals, votes, the verdict, risks) and an action
//! item on any release's slide. Each button makes one edit through the
//! book, so it can be undone (Ctrl+Z) and lands in the audit trail and the
//! minutes.

use super::decide_form::{DecideForm, person_combo, text_field};
use crate::model::{ApprovalDecision, Book, CriterionStatus, GoNoGoVerdict, Id, Release, RiskCategory};
use crate::present::decide::{Decision, edit};
use crate::present::{Slide, SlideKind};
use crate::ui::intent::{Intent, Intents};
use crate::ui::widgets::{RefOption, people_options};
use egui::{RichText, Ui};
use jiff::Timestamp;

/// Draws the panel's contents for `slide`; decisions go to `out`.
pub fn decide_ui(ui: &mut Ui, book: &Book, slide: &Slide, form: &mut DecideForm, now: Timestamp, out: &mut Intents) {
    ui.heading("Decide");
    let Some(r) = slide.release.as_ref().and_then(|id| book.release(id)) else {
        ui.label("Go to a release's slide to record a decision about it.");
        return;
    };
    form.follow(&slide.kind, &r.id);
    ui.label(RichText::new(format!("{} {}", r.id, r.name)).weak());
    let mut people = people_options(book);
    people.sort_by_key(|o| o.label.to_lowercase());
    let mut record = |d: Decision| match edit(book, &r.id, &d, now) {
        Ok(e) => {
            out.push(Intent::Apply(e));
            true
        }
        Err(e) => {
            out.push(Intent::Problem(e.to_string()));
            false
        }
    };
    match slide.kind {
        SlideKind::Acceptance => {
            criteria_ui(ui, r, form, &mut record);
            approval_ui(ui, r, form, &people, &mut record);
        }
        SlideKind::GoNoGo => {
            vote_ui(ui, r, form, &people, &mut record);
            verdict_ui(ui, r, form, &people, &mut record);
        }
        SlideKind::Risks => risk_ui(ui, book, form, &people, &mut record),
        _ => {}
    }
    action_ui(ui, form, &people, &mut record);
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(ui.spacing().item_spacing.y * 2.0);
    ui.separator();
    ui.label(RichText::new(title).strong());
}

fn criteria_ui(ui: &mut Ui, r: &Release, form: &mut DecideForm, record: &mut impl FnMut(Decision) -> bool) {
    section(ui, "Mark a criterion met");
    let open: Vec<_> = r.criteria.iter().filter(|c| c.status != CriterionStatus::Met).collect();
    if open.is_empty() {
        ui.label("✔ Every criterion is met.");
        return;
    }
    text_field(ui, "Evidence", &mut form.evidence, "report, link or who confirmed it");
    for c in open {
        let b = ui.button(format!("Mark {} met", c.id)).on_hover_text(&c.description);
        if b.clicked() {
            b.surrender_focus();
            let evidence = std::mem::take(&mut form.evidence);
            if !record(Decision::CriterionMet { criterion: c.id.clone(), evidence: evidence.clone() }) {
                form.evidence = evidence;
            }
        }
    }
}

fn approval_ui(
    ui: &mut Ui,
    r: &Release,
    form: &mut DecideForm,
    people: &[RefOption],
    record: &mut impl FnMut(Decision) -> bool,
) {
    section(ui, "Record an approval");
    if form.approver.is_none() {
        form.approver =
            r.approvals.iter().find(|a| a.decision == ApprovalDecision::Pending).and_then(|a| a.person.clone());
    }
    person_combo(ui, "Approver", &mut form.approver, people);
    ui.horizontal_wrapped(|ui| {
        for (d, label) in [
            (ApprovalDecision::Approved, "Approve"),
            (ApprovalDecision::Conditional, "With conditions"),
            (ApprovalDecision::Rejected, "Reject"),
        ] {
            ui.selectable_value(&mut form.approval, d, label);
        }
    });
    text_field(ui, "Conditions or remarks", &mut form.note, "optional");
    let b = ui.add_enabled(form.approver.is_some(), egui::Button::new("Record approval"));
    if b.clicked()
        && let Some(person) = form.approver.clone()
    {
        b.surrender_focus();
        let d =
            Decision::Approval { approval: None, person, role: None, decision: form.approval, note: form.note.clone() };
        if record(d) {
            form.note.clear();
            form.approver = None;
        }
    }
}

fn vote_ui(
    ui: &mut Ui,
    r: &Release,
    form: &mut DecideForm,
    people: &[RefOption],
    record: &mut impl FnMut(Decision) -> bool,
) {
    section(ui, "Record a vote");
    if form.voter.is_none() {
        form.voter = r.go_no_go.votes.iter().find(|v| v.verdict.is_none()).and_then(|v| v.person.clone());
    }
    // Attendees first, then everyone else.
    let attendees: Vec<&Id> = r.go_no_go.votes.iter().filter_map(|v| v.person.as_ref()).collect();
    let mut options: Vec<RefOption> = people.iter().filter(|p| attendees.contains(&&p.id)).cloned().collect();
    options.extend(people.iter().filter(|p| !attendees.contains(&&p.id)).cloned());
    person_combo(ui, "Attendee", &mut form.voter, &options);
    text_field(ui, "Reason", &mut form.vote_note, "optional");
    ui.horizontal(|ui| {
        for (verdict, label) in [(GoNoGoVerdict::Go, "Vote go"), (GoNoGoVerdict::NoGo, "Vote no-go")] {
            let b = ui.add_enabled(form.voter.is_some(), egui::Button::new(label));
            if b.clicked()
                && let Some(person) = form.voter.clone()
            {
                b.surrender_focus();
                if record(Decision::Vote { person, verdict, note: form.vote_note.clone() }) {
                    form.vote_note.clear();
                    form.voter = None;
                }
            }
        }
    });
}

fn verdict_ui(
    ui: &mut Ui,
    r: &Release,
    form: &mut DecideForm,
    people: &[RefOption],
    record: &mut impl FnMut(Decision) -> bool,
) {
    section(ui, "Sign the verdict");
    if form.signer.is_none() {
        form.signer = r.owner.clone();
    }
    person_combo(ui, "Signed by", &mut form.signer, people);
    ui.horizontal(|ui| {
        for (verdict, label) in [(GoNoGoVerdict::Go, "Sign go"), (GoNoGoVerdict::NoGo, "Sign no-go")] {
            let b = ui.add_enabled(form.signer.is_some(), egui::Button::new(label));
            if b.clicked()
                && let Some(signed_by) = form.signer.clone()
            {
                b.surrender_focus();
                record(Decision::Verdict { verdict, signed_by });
            }
        }
    });
}

fn risk_ui(
    ui: &mut Ui,
    book: &Book,
    form: &mut DecideForm,
    people: &[RefOption],
    record: &mut impl FnMut(Decision) -> bool,
) {
    section(ui, "Add a risk");
    text_field(ui, "Risk title", &mut form.risk_title, "what could go wrong");
    ui.horizontal_wrapped(|ui| {
        for c in RiskCategory::ALL {
            ui.selectable_value(&mut form.category, c, c.label());
        }
    });
    let scale = crate::risk::scale_of(&book.policy.risk);
    for (label, value) in [("Likelihood", &mut form.likelihood), ("Impact", &mut form.impact)] {
        ui.horizontal(|ui| {
            ui.label(label);
            for v in 1..=scale {
                ui.selectable_value(value, v, v.to_string()).widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, *value == v, format!("{label} {v}"))
                });
            }
        });
    }
    let score = form.likelihood * form.impact;
    ui.label(RichText::new(format!("Score {score} · {}", book.policy.risk.band(score).label())).weak());
    person_combo(ui, "Risk owner", &mut form.risk_owner, people);
    let b = ui.add_enabled(!form.risk_title.trim().is_empty(), egui::Button::new("Add risk"));
    if b.clicked() {
        b.surrender_focus();
        let d = Decision::Risk {
            title: form.risk_title.clone(),
            category: form.category,
            likelihood: form.likelihood,
            impact: form.impact,
            owner: form.risk_owner.clone(),
        };
        if record(d) {
            form.risk_title.clear();
        }
    }
}

fn action_ui(ui: &mut Ui, form: &mut DecideForm, people: &[RefOption], record: &mut impl FnMut(Decision) -> bool) {
    section(ui, "Add an action item");
    text_field(ui, "Action", &mut form.action_title, "who does what");
    person_combo(ui, "Action owner", &mut form.action_owner, people);
    ui.horizontal(|ui| {
        let mut has_due = form.action_due.is_some();
        if ui.checkbox(&mut has_due, "Due date").changed() {
            form.action_due = has_due
                .then(|| crate::ui::today().checked_add(jiff::Span::new().days(7)).unwrap_or(crate::ui::today()));
        }
        if let Some(due) = &mut form.action_due {
            let name = format!("Due date: {due}");
            ui.add(
                egui_extras::DatePickerButton::new(due)
                    .id_salt("present.action.due")
                    .calendar_week(true)
                    .show_icon(false),
            )
            .accessible_name(name);
        }
    });
    let b = ui.add_enabled(!form.action_title.trim().is_empty(), egui::Button::new("Add action item"));
    if b.clicked() {
        b.surrender_focus();
        let d = Decision::ActionItem {
            title: form.action_title.clone(),
            owner: form.action_owner.clone(),
            due: form.action_due,
        };
        if record(d) {
            form.action_title.clear();
            form.action_due = None;
        }
    }
}
