//! The checks panel: ISO/IEC 20000 findings for the book and the selected
//! release, grouped by phase, each with "Go there".
//!
//! The list is laid out from `rows` (pure, cached until the findings or
//! the filters change) and only the rows on screen are drawn, so a book
//! with thousands of findings scrolls as smoothly as one with ten. `row`
//! draws one row; `place` says in words where a finding is fixed.

mod place;
mod row;
mod rows;

use crate::check::Finding;
use crate::edit::Path;
use crate::model::{Book, Id};
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use egui::{RichText, Ui};
use rows::{Counts, Filter, Group, Row};

/// Where the last "Go there" pointed, kept in egui's memory so that the
/// release form can open that section and mark the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoTo {
    /// The release.
    pub release: Option<Id>,
    /// The record to fix.
    pub at: Path,
    /// The field to fix, if one.
    pub field: Option<compact_str::CompactString>,
}

impl GoTo {
    /// Whether this is the place of finding `f`.
    pub fn is(&self, f: &Finding) -> bool {
        self.release == f.release && self.at == f.at && self.field == f.field
    }
}

fn goto_key() -> egui::Id {
    egui::Id::unique("relplan.goto")
}

/// Remembers a finding's place as the target of "Go there".
pub fn remember_goto(ctx: &egui::Context, f: &Finding) {
    let goto = GoTo { release: f.release.clone(), at: f.at.clone(), field: f.field.clone() };
    ctx.data_mut(|d| {
        d.insert_temp(goto_key(), goto);
        d.insert_temp(pending_key(), f.clone());
    });
}

fn pending_key() -> egui::Id {
    egui::Id::unique("relplan.goto.pending")
}

/// Takes the finding whose "Go there" was pressed, when it is about
/// `release` and the form has not yet brought it into view.
pub fn take_pending_goto(ctx: &egui::Context, release: &Id) -> Option<Finding> {
    ctx.data_mut(|d| {
        let pending: Option<Finding> = d.get_temp(pending_key());
        match pending {
            Some(f) if f.release.as_ref() == Some(release) && is_in_a_release(&f) => {
                d.remove::<Finding>(pending_key());
                Some(f)
            }
            _ => None,
        }
    })
}

/// Whether a finding's record is part of a release (`releases[REL-n]…`),
/// rather than one of the book's shared records or its policy, even when
/// the finding concerns a release (a change request the release ships).
pub fn is_in_a_release(f: &Finding) -> bool {
    matches!(f.at.0.first(), Some(crate::edit::Step::Item(list, _)) if list == "releases")
}

/// Takes the finding whose "Go there" was pressed, when its record is one
/// of the book's shared records or the policy: the book view shows it.
pub fn take_pending_book_goto(ctx: &egui::Context) -> Option<Finding> {
    ctx.data_mut(|d| {
        let pending: Option<Finding> = d.get_temp(pending_key());
        match pending {
            Some(f) if !is_in_a_release(&f) => {
                d.remove::<Finding>(pending_key());
                Some(f)
            }
            _ => None,
        }
    })
}

/// Where the last "Go there" pointed, if anywhere.
pub fn goto_target(ctx: &egui::Context) -> Option<GoTo> {
    ctx.data(|d| d.get_temp(goto_key()))
}

/// The checks view's own state.
#[derive(Clone, Debug)]
pub struct ChecksState {
    /// Only the selected release's findings.
    pub only_selected: bool,
    /// Which severities are shown: info, warning, error.
    pub show: [bool; 3],
    /// Only findings whose rule, release or message contains this.
    pub text: String,
    /// Groups folded away.
    pub folded: Vec<Group>,
    /// The rows, and what they were worked out from.
    cached: Option<(CacheKey, Vec<Row>, Counts)>,
}

impl Default for ChecksState {
    fn default() -> Self {
        // Calm by default: errors and warnings; information is one click away.
        Self { only_selected: false, show: [false, true, true], text: String::new(), folded: Vec::new(), cached: None }
    }
}

/// The findings list (by address and length), the book's state and the filter.
type CacheKey = (usize, usize, usize, Filter);

impl ChecksState {
    fn filter(&self, selected: Option<&Id>) -> Filter {
        Filter {
            release: if self.only_selected { selected.cloned() } else { None },
            show: self.show,
            text: self.text.clone(),
            folded: self.folded.clone(),
        }
    }

    fn rows(&mut self, book: &Book, findings: &[Finding], selected: Option<&Id>) -> (&[Row], Counts) {
        let key = (findings.as_ptr() as usize, findings.len(), book.ledger.audit.len(), self.filter(selected));
        if self.cached.as_ref().is_none_or(|(k, ..)| *k != key) {
            let (rows, counts) = rows::build(book, findings, &key.3);
            self.cached = Some((key, rows, counts));
        }
        match &self.cached {
            Some((_, rows, counts)) => (rows, *counts),
            None => (&[], Counts::default()),
        }
    }
}

/// Shows the findings and returns "go there" selections in `out`.
pub fn checks_ui(
    ui: &mut Ui,
    book: &Book,
    findings: &[Finding],
    selected: Option<&Id>,
    state: &mut ChecksState,
    out: &mut Intents,
) {
    let t = tokens(ui.ctx());
    let selected = selected.filter(|id| book.release(id).is_some());
    if selected.is_none() {
        state.only_selected = false;
    }
    let (rows, counts) = state.rows(book, findings, selected);
    let rows = rows.to_vec();
    ui.horizontal(|ui| {
        ui.heading("Checks");
        ui.label(RichText::new(summary(&counts, state.only_selected, selected)).color(t.text_weak));
    });
    ui.add_space(t.spacing * 0.25);
    controls_ui(ui, book, selected, state, &counts);
    ui.add_space(t.spacing * 0.5);
    ui.separator();
    if rows.is_empty() {
        empty_ui(ui, &counts);
        return;
    }
    let row_height = row::height(ui);
    let visited = goto_target(ui.ctx());
    egui::ScrollArea::vertical().id_salt("checks.list").auto_shrink(false).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for r in &rows[range] {
                match *r {
                    Row::Header { group, counts, folded } => {
                        if row::header_ui(ui, group, &counts, folded) {
                            if folded {
                                state.folded.retain(|g| *g != group);
                            } else {
                                state.folded.push(group);
                            }
                        }
                    }
                    Row::Finding(i) => {
                        if let Some(f) = findings.get(i) {
                            let here = visited.as_ref().is_some_and(|g| g.is(f));
                            row::finding_ui(ui, book, f, here, out);
                        }
                    }
                }
            }
        },
    );
}

/// "3 errors · 12 warnings · 40 for information, in the whole book".
fn summary(c: &Counts, only: bool, selected: Option<&Id>) -> String {
    let scope = match (only, selected) {
        (true, Some(id)) => format!("in {id}"),
        _ => "in the whole book".to_owned(),
    };
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    format!(
        "{} · {} · {} for information, {scope}",
        plural(c.errors, "error", "errors"),
        plural(c.warnings, "warning", "warnings"),
        c.info
    )
}

/// Scope, severity and text filters.
fn controls_ui(ui: &mut Ui, book: &Book, selected: Option<&Id>, state: &mut ChecksState, counts: &Counts) {
    let t = tokens(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        if ui.selectable_label(!state.only_selected, "Whole book").clicked() {
            state.only_selected = false;
        }
        let this = selected.and_then(|id| book.release(id)).map_or_else(
            || "Selected release (none)".to_owned(),
            |r| format!("Selected release: {}", if r.name.trim().is_empty() { r.id.as_str() } else { &r.name }),
        );
        let r = ui.add_enabled(selected.is_some(), egui::Button::selectable(state.only_selected, this));
        if r.clicked() {
            state.only_selected = true;
        }
        ui.add_space(t.spacing * 2.0);
        for (i, word, n) in [(2, "Errors", counts.errors), (1, "Warnings", counts.warnings), (0, "Info", counts.info)] {
            let on = state.show[i];
            let colour = if on { row::colour(ui, i) } else { t.text_weak };
            let text = RichText::new(format!("{} {word} {n}", if on { "☑" } else { "☐" })).color(colour);
            let stroke = egui::Stroke::new(t.stroke, if on { colour } else { t.raised });
            let button = egui::Button::new(text).fill(if on { t.raised } else { t.panel }).stroke(stroke);
            let r = ui.add(button).on_hover_text(if on { format!("Hide {word}") } else { format!("Show {word}") });
            let name = format!("{word} {}", if on { "shown" } else { "hidden" });
            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &name));
            if r.clicked() {
                state.show[i] = !on;
            }
        }
        ui.add_space(t.spacing * 2.0);
        // Wide enough for its hint in any theme.
        let hint = "🔍 Rule, release or words";
        let font = egui::TextStyle::Body.resolve(ui.style());
        let width = ui.painter().layout_no_wrap(hint.to_owned(), font, t.text).size().x + t.spacing * 2.0;
        let r = ui.add(egui::TextEdit::singleline(&mut state.text).hint_text(hint).desired_width(width.max(200.0)));
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Filter findings"));
    });
}

fn empty_ui(ui: &mut Ui, counts: &Counts) {
    let t = tokens(ui.ctx());
    ui.add_space(t.spacing * 3.0);
    ui.vertical_centered(|ui| {
        if counts.total() == 0 {
            ui.label(RichText::new("✔ No findings").size(t.heading_size).color(t.good));
            ui.label(RichText::new("Every rule that applies at this point is met.").color(t.text_weak));
        } else {
            ui.label(RichText::new("No findings match the filters").size(t.heading_size));
            ui.label(
                RichText::new(format!("{} are hidden: show more severities or clear the filter.", counts.total()))
                    .color(t.text_weak),
            );
        }
    });
}
