//! The view's header (scope, counts, what needs attention, add) and its
//! filter bar (category, owner, status, release, text, matrix cell).

use super::cache::Computed;
use super::{MatrixLayout, RiskViewState, Scope, View};
use crate::edit::{Edit, Path};
use crate::model::{Id, IdKind, Risk, RiskCategory, RiskStatus};
use crate::risk::OwnerFilter;
use crate::ui::intent::Intents;
use crate::ui::theme::tokens;
use crate::ui::widgets::named_combo;
use egui::{RichText, Ui};

/// The title row (scope and "Add risk") and the status row (counts, what
/// needs attention, the matrices' layout and the band legend). Both wrap
/// when the window is narrow, so nothing overlaps.
pub(super) fn header_ui(
    ui: &mut Ui,
    view: &View<'_>,
    selected: Option<&Id>,
    computed: &Computed,
    state: &mut RiskViewState,
    out: &mut Intents,
) {
    let t = tokens(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        ui.heading("Risk register");
        ui.add_space(t.spacing);
        if ui.selectable_label(state.scope == Scope::Book, "Whole book").clicked() {
            state.scope = Scope::Book;
        }
        let release = selected.and_then(|id| view.book.release(id));
        let label = release.map_or_else(|| "Selected release".to_owned(), |r| format!("Release: {}", r.name));
        let r = ui
            .add_enabled(release.is_some(), egui::Button::selectable(state.scope == Scope::Release, label))
            .on_hover_text("Only the risks linked to the release selected on the left")
            .on_disabled_hover_text("Select a release on the left first");
        if r.clicked() {
            state.scope = Scope::Release;
        }
        ui.add_space(t.spacing);
        if ui.button("Add risk").on_hover_text("Add a risk to the register").clicked() {
            add_risk(view, state, out);
        }
        ui.add_space(t.spacing * 2.0);
        layout_toggle_ui(ui, state);
    });
    ui.horizontal_wrapped(|ui| {
        let scope_total = match view.release {
            Some(r) => view.book.risks_of(&r.id).count(),
            None => view.book.risks.len(),
        };
        ui.label(RichText::new(format!("Showing {} of {scope_total} risks", computed.rows.len())).color(t.text_weak));
        ui.label(RichText::new("·").color(t.text_weak));
        if computed.overdue + computed.neglected > 0 {
            let mut words = Vec::new();
            if computed.overdue > 0 {
                words.push(format!("⚠ {} overdue review{}", computed.overdue, plural(computed.overdue)));
            }
            if computed.neglected > 0 {
                words.push(format!(
                    "⚑ {} high risk{} with no owner or no treatment",
                    computed.neglected,
                    plural(computed.neglected)
                ));
            }
            // On the selected (accent) fill the text takes the accent's text colour.
            let colour = if state.filter.attention_only { t.on_accent } else { t.error };
            let text = RichText::new(words.join("   ")).color(colour);
            let tip = if state.filter.attention_only { "Show every risk again" } else { "Show only these risks" };
            if ui.add(egui::Button::selectable(state.filter.attention_only, text)).on_hover_text(tip).clicked() {
                state.filter.attention_only = !state.filter.attention_only;
            }
        } else {
            ui.label(RichText::new("✔ Reviews on time; high risks owned and treated").color(t.good));
        }
        ui.add_space(t.spacing * 2.0);
        ui.label(RichText::new("Bands").color(t.text_weak));
        super::matrix_view::legend_ui(ui, &view.book.policy.risk);
    });
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn layout_toggle_ui(ui: &mut Ui, state: &mut RiskViewState) {
    let t = tokens(ui.ctx());
    ui.label(RichText::new("Matrices").color(t.text_weak));
    let side = ui
        .selectable_label(state.show_matrices && state.layout == MatrixLayout::SideBySide, "Side by side")
        .on_hover_text("Inherent and residual heat maps next to each other");
    if side.clicked() {
        state.layout = MatrixLayout::SideBySide;
        state.show_matrices = true;
    }
    let arrows = ui
        .selectable_label(state.show_matrices && state.layout == MatrixLayout::Arrows, "Arrows")
        .on_hover_text("One heat map of residual positions, with arrows from the inherent ones");
    if arrows.clicked() {
        state.layout = MatrixLayout::Arrows;
        state.show_matrices = true;
    }
    let hide = ui.selectable_label(!state.show_matrices, "Hidden").on_hover_text("Give the register the whole height");
    if hide.clicked() {
        state.show_matrices = false;
    }
}

/// Inserts a new risk, linked to the release in scope (or filtered on), and opens it.
fn add_risk(view: &View<'_>, state: &mut RiskViewState, out: &mut Intents) {
    let id = view.book.ledger.peek_id(IdKind::Risk);
    let release = view.release.map(|r| r.id.clone()).or_else(|| state.filter.release.clone());
    let risk = Risk {
        id: id.clone(),
        title: "New risk".to_owned(),
        category: state.filter.category.unwrap_or_default(),
        releases: release.into_iter().collect(),
        next_review: Some(view.today),
        ..Risk::default()
    };
    out.apply(Edit::insert(Path::root(), "risks", view.book.risks.len(), &risk));
    // A new risk must be visible: the filters that would hide it are cleared.
    state.filter.cell = None;
    state.filter.text.clear();
    state.filter.attention_only = false;
    state.filter.owner = OwnerFilter::Any;
    state.filter.status = None;
    state.edit(id);
}

/// The filter bar.
pub(super) fn filters_ui(ui: &mut Ui, view: &View<'_>, state: &mut RiskViewState) {
    let book = view.book;
    let f = &mut state.filter;
    ui.horizontal_wrapped(|ui| {
        let shown = f.category.map_or("All categories", RiskCategory::label);
        named_combo(ui, "risks.filter.category", "Category filter", shown, |ui| {
            ui.selectable_value(&mut f.category, None, "All categories");
            for c in RiskCategory::ALL {
                ui.selectable_value(&mut f.category, Some(c), c.label());
            }
        });
        let owner = match &f.owner {
            OwnerFilter::Any => "All owners".to_owned(),
            OwnerFilter::Nobody => "No owner".to_owned(),
            OwnerFilter::Person(id) => book.person(id).map_or_else(|| id.to_string(), |p| p.name.clone()),
        };
        named_combo(ui, "risks.filter.owner", "Owner filter", &owner, |ui| {
            ui.selectable_value(&mut f.owner, OwnerFilter::Any, "All owners");
            ui.selectable_value(&mut f.owner, OwnerFilter::Nobody, "No owner");
            let mut people: Vec<_> = book.people.iter().collect();
            people.sort_by_cached_key(|p| p.name.to_lowercase());
            for p in people {
                ui.selectable_value(&mut f.owner, OwnerFilter::Person(p.id.clone()), &p.name);
            }
        });
        let status = f.status.map_or("All statuses", RiskStatus::label);
        named_combo(ui, "risks.filter.status", "Status filter", status, |ui| {
            ui.selectable_value(&mut f.status, None, "All statuses");
            for s in RiskStatus::ALL {
                ui.selectable_value(&mut f.status, Some(s), s.label());
            }
        });
        match view.release {
            Some(r) => {
                ui.add_enabled_ui(false, |ui| {
                    named_combo(ui, "risks.filter.release", "Release filter", &r.name, |_| {});
                });
            }
            None => {
                let release = f.release.as_ref().map_or_else(
                    || "All releases".to_owned(),
                    |id| book.release(id).map_or(id.to_string(), |r| r.name.clone()),
                );
                named_combo(ui, "risks.filter.release", "Release filter", &release, |ui| {
                    ui.selectable_value(&mut f.release, None, "All releases");
                    for r in &book.releases {
                        ui.selectable_value(&mut f.release, Some(r.id.clone()), &r.name);
                    }
                });
            }
        }
        let search = ui.add(egui::TextEdit::singleline(&mut f.text).hint_text("🔍 Find in risks").desired_width(180.0));
        search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find in risks"));
        ui.checkbox(&mut f.attention_only, "Needs attention only");
        if let Some((which, at)) = f.cell {
            let t = tokens(ui.ctx());
            let text = format!("{} cell L{} × I{}  🗙", which.label(), at.likelihood, at.impact);
            let r = ui
                .add(egui::Button::new(RichText::new(text).color(t.on_accent)).fill(t.accent))
                .on_hover_text("Show the risks of every cell again");
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Clear the matrix cell filter"));
            if r.clicked() {
                f.cell = None;
            }
        }
        if f.is_active() && ui.button("Clear filters").clicked() {
            *f = crate::risk::Filter::default();
        }
    });
}
