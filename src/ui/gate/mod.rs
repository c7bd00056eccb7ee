//! The phase gate: what moving a release to its next phase requires, and
//! the decision record that lets a blocked move go ahead.
//!
//! The dialog shows [`crate::check::gate::gate`]: the exit criteria of the
//! phase being left and the entry criteria of the next, each met or not,
//! and the findings that block the move with how to resolve each. A move
//! that is not blocked goes through at once. A blocked move goes through
//! only with a decision record (who, role, when, rationale, who was
//! informed), stored as a gate-override decision of the release in the same
//! undo step as the phase change, so it shows in the release's decisions,
//! the undo list and the audit trail.
//!
//! The criteria and the findings scroll each in a list of its own, sharing
//! the room the window leaves the dialog, so that what blocks the move
//! always shows whole findings however long the criteria are.
//!
//! Files: `criteria` draws the criteria and findings, `decision` the
//! decision record form and the edit that stores it.

mod criteria;
mod decision;

pub use decision::{DecisionDraft, override_edit};

use crate::check::gate::{Gate, gate};
use crate::edit::{Edit, EditError, Path};
use crate::model::{Book, Id, Phase, PhasePlan, Release};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::tokens;
use egui::{RichText, Ui};
use jiff::civil::Date;

/// A gate being shown.
#[derive(Clone, Debug)]
pub struct GateState {
    /// The release.
    pub release: Id,
    /// The phase it would move to.
    pub to: Phase,
    /// Whether the decision record form is open.
    pub overriding: bool,
    /// The decision record being written.
    pub draft: DecisionDraft,
    /// The gate, and the state of the book it was worked out for.
    cached: Option<(Fingerprint, Gate)>,
    /// The height the decision record form took last frame, kept out of
    /// the room shared by the criteria and the findings.
    form_height: f32,
    /// The form has just opened: scroll it into view once.
    reveal_form: bool,
}

/// What the gate depends on: the book's state (every edit, undo and redo
/// adds an audit entry), the release's phase and the day.
type Fingerprint = (usize, usize, Phase, Date);

impl GateState {
    /// The gate for moving `release` to `to`.
    pub fn new(release: Id, to: Phase) -> Self {
        Self {
            release,
            to,
            overriding: false,
            draft: DecisionDraft::default(),
            cached: None,
            form_height: 0.0,
            reveal_form: false,
        }
    }

    /// The gate, worked out again only when the book has changed.
    fn gate(&mut self, book: &Book, release: &Release, today: Date) -> Gate {
        let key = (book.ledger.audit.len(), book.releases.len(), release.phase, today);
        if let Some((k, g)) = &self.cached
            && *k == key
        {
            return g.clone();
        }
        let g = gate(book, &self.release, self.to, today);
        self.cached = Some((key, g.clone()));
        g
    }
}

/// The edit that moves a release to `to` on `today`: the phase, the actual
/// end of the phase it leaves and the actual start of the one it enters.
pub fn phase_change_edit(release: &Release, to: Phase, today: Date) -> Result<Edit, EditError> {
    let at = Path::root().item("releases", &release.id);
    let mut edits = vec![Edit::set(at.clone(), "phase", &to)?];
    if let Some(f) = PhasePlan::field_name(release.phase) {
        edits.push(Edit::set(at.clone().field("phases").field(f), "actual_end", &Some(today))?);
    }
    if let Some(f) = PhasePlan::field_name(to) {
        edits.push(Edit::set(at.clone().field("phases").field(f), "actual_start", &Some(today))?);
    }
    Ok(Edit::Group { name: format!("Move {} to {}", release.id, to.label()), edits })
}

/// Shows the gate. Returns `false` when the dialog should close.
pub fn gate_ui(ui: &mut Ui, book: &Book, state: &mut GateState, today: Date, out: &mut Intents) -> bool {
    let Some(release) = book.release(&state.release) else { return false };
    if state.to <= release.phase {
        // Already there (an undo or another edit moved it): nothing to decide.
        return false;
    }
    let t = tokens(ui.ctx());
    // A fixed width, so that text wraps the same way from the first frame
    // and the dialog does not shift while it settles.
    ui.set_width((ui.ctx().content_rect().width() - 48.0).clamp(280.0, 520.0));
    let g = state.gate(book, release, today);
    let name = if release.name.trim().is_empty() { release.id.to_string() } else { release.name.clone() };
    ui.heading(format!("Move “{name}” to {}", g.to.label()));
    ui.label(
        RichText::new(format!("{} · {} ➡ {}", release.id, release.phase.label(), g.to.label())).color(t.text_weak),
    );
    ui.add_space(t.spacing * 0.5);
    verdict_ui(ui, &g);
    if g.emergency {
        ui.label(
            RichText::new(
                "Emergency release: fast path. The ECAB's approval and the change authorisation may be recorded \
                 after deployment, but the release cannot close without them.",
            )
            .color(t.text_weak),
        );
    }
    ui.add_space(t.spacing * 0.5);
    let mut keep = true;
    let overriding = state.overriding && g.is_blocked();
    crate::ui::dialog_fit::body_ui(ui, ("gate.body", state.release.clone()), f32::INFINITY, |ui, room| {
        let form = if overriding { state.form_height } else { 0.0 };
        if lists_ui(ui, &g, room - form, out) {
            keep = false;
        }
        if overriding {
            let top = ui.cursor().top();
            ui.separator();
            let r = ui.scope(|ui| decision::form_ui(ui, book, &mut state.draft)).response;
            state.form_height = r.rect.bottom() - top + ui.spacing().item_spacing.y;
            if std::mem::take(&mut state.reveal_form) {
                r.scroll_to_me(None);
            }
        }
    });
    ui.separator();
    if !buttons_ui(ui, book, release, state, &g, today, out) {
        keep = false;
    }
    keep
}

/// The criteria and the findings, each in a list of its own that scrolls,
/// sharing `room`: the criteria take up to two fifths, and the findings
/// (what blocks the move, and how to resolve it) the rest, never less
/// than a few findings' worth however small the window. Returns `true`
/// when "Go there" was clicked.
fn lists_ui(ui: &mut Ui, g: &Gate, room: f32, out: &mut Intents) -> bool {
    let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let has_findings = !g.blocking.is_empty() || !g.warnings.is_empty();
    let criteria_height = if has_findings { (room * 0.4).max(3.0 * line) } else { room.max(3.0 * line) };
    let top = ui.cursor().top();
    egui::ScrollArea::vertical()
        .id_salt(("gate.criteria", &g.release))
        .max_height(criteria_height)
        .min_scrolled_height(criteria_height)
        .show(ui, |ui| criteria::criteria_ui(ui, g));
    if !has_findings {
        return false;
    }
    let used = ui.cursor().top() - top;
    // At least one finding and the start of the next: a finding is about five lines.
    let findings_height = (room - used).max(8.0 * line);
    egui::ScrollArea::vertical()
        .id_salt(("gate.findings", &g.release))
        .max_height(findings_height)
        .min_scrolled_height(findings_height)
        .show(ui, |ui| criteria::findings_ui(ui, g, out))
        .inner
}

/// One line that says whether the move can go ahead.
fn verdict_ui(ui: &mut Ui, g: &Gate) {
    let t = tokens(ui.ctx());
    let (met, total) = g.met_count();
    let n = g.blocking.len();
    let findings = if n == 1 { "1 finding blocks".to_owned() } else { format!("{n} findings block") };
    let (text, colour) = if g.blocking.is_empty() {
        (format!("✔ Ready to move: {met} of {total} checks pass, nothing blocks."), t.good)
    } else if g.enforce {
        (format!("⚠ Blocked: {findings} this move ({met} of {total} checks pass)."), t.error)
    } else {
        (
            format!("⚠ {findings} this move, but the policy does not enforce gates ({met} of {total} checks pass)."),
            t.warning,
        )
    };
    ui.label(RichText::new(text).strong().color(colour));
}

/// The buttons. Returns `false` when the dialog should close.
fn buttons_ui(
    ui: &mut Ui,
    book: &Book,
    release: &Release,
    state: &mut GateState,
    g: &Gate,
    today: Date,
    out: &mut Intents,
) -> bool {
    let t = tokens(ui.ctx());
    let mut keep = true;
    let to = g.to.label();
    ui.horizontal_wrapped(|ui| {
        if !g.is_blocked() {
            let label = format!("Move to {to}");
            let button = egui::Button::new(RichText::new(format!("{label}  ▶")).color(t.on_accent)).fill(t.accent);
            let r = ui.add(button);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if r.clicked() {
                out.apply(phase_change_edit(release, g.to, today));
                keep = false;
            }
        } else if !state.overriding {
            let label = "Override with a decision record…";
            if ui.button(label).on_hover_text("Record who decides to move despite the blockers, and why").clicked() {
                state.overriding = true;
                state.reveal_form = true;
                if state.draft.decided_by.is_none() {
                    state.draft.decided_by.clone_from(&release.owner);
                    state.draft.role = release.owner.as_ref().and_then(|p| decision::first_role(book, p));
                }
            }
        } else {
            let missing = state.draft.missing();
            let label = format!("Record decision and move to {to}");
            let enabled = missing.is_empty();
            let button = egui::Button::new(RichText::new(&label).color(if enabled { t.on_accent } else { t.text }))
                .fill(if enabled { t.error } else { t.raised });
            let hint = if enabled {
                "Stores the decision in the release and moves it, as one undo step".to_owned()
            } else {
                format!("Still needed: {}", missing.join(", "))
            };
            let r = ui.add_enabled(enabled, button).on_hover_text(&hint).on_disabled_hover_text(&hint);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
            if r.clicked() {
                let id = book.ledger.peek_id(crate::model::IdKind::Decision);
                let decision = state.draft.to_decision(id, g, jiff::Timestamp::now());
                match override_edit(release, g.to, today, decision) {
                    Ok(edit) => out.push(Intent::Apply(edit)),
                    Err(e) => out.push(Intent::Problem(e.to_string())),
                }
                keep = false;
            }
        }
        if ui.button("Cancel").clicked() {
            keep = false;
        }
    });
    if state.overriding && g.is_blocked() {
        let missing = state.draft.missing();
        if !missing.is_empty() {
            ui.label(RichText::new(format!("Still needed: {}.", missing.join(", "))).color(t.text_weak));
        }
    }
    keep
}
