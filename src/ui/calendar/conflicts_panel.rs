//! The conflicts panel: every conflict on the schedule (upcoming ones by
//! default), narrowed by the calendar's release and environment filters,
//! each with "Show" (the calendar opens the week it starts in, where no
//! item is hidden behind a count, focuses the first deployment and
//! highlights every party to the conflict),
//! "Open" (the release form) and "Next free slot" (moves the deployment to
//! the earliest window of the same length without a conflict, as one undo
//! step). Only the rows on screen are laid out.

use super::edits::{Mode, move_deployment_edit};
use super::{Cache, CalendarState, details};
use crate::model::{Book, Id};
use crate::schedule::{Conflict, ConflictKind, DeploymentRef, ItemKey, next_free_slot};
use crate::ui::intent::{Intent, Intents};
use crate::ui::widgets::named_combo;
use egui::{RichText, Ui};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::collections::HashSet;

/// Shows the conflicts panel.
pub(super) fn conflicts_ui(
    ui: &mut Ui,
    book: &Book,
    cache: &Cache,
    state: &mut CalendarState,
    tz: &TimeZone,
    now: Timestamp,
    out: &mut Intents,
) {
    let t = crate::ui::theme::tokens(ui.ctx());
    let settings = &mut state.conflicts;
    let filter = &state.filter;
    let shown: Vec<usize> = cache
        .conflicts
        .iter()
        .enumerate()
        .filter(|(_, c)| settings.include_past || c.when.end >= now)
        .filter(|(_, c)| settings.kind.is_none_or(|k| c.kind == k))
        .filter(|(_, c)| filter.release.as_ref().is_none_or(|r| c.deployments.iter().any(|d| &d.release == r)))
        .filter(|(_, c)| filter.environment.as_ref().is_none_or(|e| involves_environment(cache, c, e)))
        .map(|(i, _)| i)
        .collect();
    ui.horizontal(|ui| {
        ui.heading("Conflicts");
        let colour = if shown.is_empty() { t.good } else { t.error };
        ui.label(RichText::new(shown.len().to_string()).strong().color(colour));
    });
    ui.horizontal_wrapped(|ui| {
        let kind = settings.kind.map_or("All kinds", ConflictKind::label);
        named_combo(ui, "relplan.calendar.conflicts.kind", "Conflict kind", kind, |ui| {
            if ui.selectable_label(settings.kind.is_none(), "All kinds").clicked() {
                settings.kind = None;
            }
            for k in ConflictKind::ALL {
                if ui.selectable_label(settings.kind == Some(k), k.label()).clicked() {
                    settings.kind = Some(k);
                }
            }
        });
        ui.checkbox(&mut settings.include_past, "Include past");
    });
    ui.separator();
    if shown.is_empty() {
        ui.label(RichText::new("✔ No conflicts").color(t.good));
        ui.weak(if settings.include_past || settings.kind.is_some() || filter.release.is_some() || filter.environment.is_some() {
            "None match the filters."
        } else {
            "No upcoming deployment overlaps another, touches a busy configuration item, falls in a blackout, double-books a person or leaves its maintenance window."
        });
        return;
    }
    let row_h = t.body_size * 2.0 + t.small_size + t.spacing * 3.5 + t.body_size;
    let mut jump: Option<(jiff::civil::Date, ItemKey, HashSet<Id>)> = None;
    egui::ScrollArea::vertical().id_salt("relplan.calendar.conflicts.list").auto_shrink(false).show_rows(
        ui,
        row_h,
        shown.len(),
        |ui, rows| {
            for &i in &shown[rows] {
                let c = &cache.conflicts[i];
                ui.allocate_ui(egui::vec2(ui.available_width(), row_h), |ui| {
                    ui.set_min_height(row_h - t.spacing);
                    if let Some(j) = row_ui(ui, book, cache, c, tz, now, out) {
                        jump = Some(j);
                    }
                });
                ui.separator();
            }
        },
    );
    if let Some((day, key, parties)) = jump {
        state.anchor = Some(day);
        state.view = super::CalendarView::Week;
        state.focus = Some(key);
        state.highlight = parties;
    }
}

fn involves_environment(cache: &Cache, c: &Conflict, env: &crate::model::Id) -> bool {
    c.environment.as_ref() == Some(env)
        || c.deployments.iter().any(|d| cache.environment_of.get(&d.deployment) == Some(env))
}

fn row_ui(
    ui: &mut Ui,
    book: &Book,
    cache: &Cache,
    c: &Conflict,
    tz: &TimeZone,
    now: Timestamp,
    out: &mut Intents,
) -> Option<(jiff::civil::Date, ItemKey, HashSet<Id>)> {
    let t = crate::ui::theme::tokens(ui.ctx());
    let mut jump = None;
    let head = ui.horizontal(|ui| {
        ui.add(egui::Label::new(RichText::new(format!("⚠ {}", c.kind.label())).strong().color(t.error)).truncate());
    });
    let when = crate::schedule::describe::when_text(c.when.start, tz);
    ui.add(egui::Label::new(RichText::new(&when).small().color(t.text_weak)).truncate());
    ui.add(egui::Label::new(details::conflict_short(c, book, None)).truncate());
    head.response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.label(c.describe(book, tz));
    });
    ui.horizontal(|ui| {
        if let Some(first) = c.deployments.first() {
            let show = ui.button("Show").on_hover_text("Show it on the calendar");
            show.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Show {} on the calendar", first.deployment),
                )
            });
            if show.clicked() {
                let key = ItemKey::Deployment { release: first.release.clone(), deployment: first.deployment.clone() };
                let parties = c.deployments.iter().map(|d| d.deployment.clone()).chain(c.blackout.clone()).collect();
                jump = Some((tz.to_datetime(c.when.start).date(), key, parties));
            }
            let open = ui.button(format!("Open {}", first.release));
            if open.clicked() {
                out.push(Intent::SelectRelease(first.release.clone()));
            }
        }
        if let Some(last) = c.deployments.last() {
            slot_button(ui, book, cache, last, tz, now, out);
        }
    });
    jump
}

fn slot_button(
    ui: &mut Ui,
    book: &Book,
    cache: &Cache,
    dep: &DeploymentRef,
    tz: &TimeZone,
    now: Timestamp,
    out: &mut Intents,
) {
    let button = ui.button("Next free slot");
    let name = format!("Next free slot for {}", dep.deployment);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let find = || {
        let entry = cache.index.entry_of(book, &dep.deployment)?;
        let start = cache.index.deps.get(entry as usize)?.interval.start;
        next_free_slot(book, &cache.index, dep, start.max(now))
    };
    if button.hovered() {
        let text = match find() {
            Some(at) => format!("Move {} to {}", dep.deployment, crate::schedule::describe::span_text(at, tz)),
            None => format!("No free slot for {} in the next two years", dep.deployment),
        };
        button.clone().on_hover_text(text);
    }
    if button.clicked() {
        let found = book
            .release(&dep.release)
            .and_then(|r| r.deployments.iter().find(|d| d.id == dep.deployment).map(|d| (r, d)));
        match (find(), found) {
            (Some(at), Some((r, d))) => {
                if let Some(edit) = move_deployment_edit(r, d, at, Mode::Move) {
                    out.apply(edit.map(|e| match e {
                        crate::edit::Edit::Group { edits, .. } => crate::edit::Edit::Group {
                            name: format!(
                                "Move deployment {} to the next free slot, {}",
                                d.id,
                                crate::schedule::describe::span_text(at, tz)
                            ),
                            edits,
                        },
                        other => other,
                    }));
                }
            }
            _ => out.push(Intent::Problem(format!("No free slot for {} in the next two years.", dep.deployment))),
        }
    }
}
