//! The pieces of a month's day cells: phase and blackout bars, chips for
//! deployments and milestones, the "+N" counts of what did not fit, the
//! strip of blackout and maintenance hours, and where a dragged item would go.

use super::geometry::MonthGrid;
use super::interact::{Cx, End, item_ui};
use super::{Shift, edits, paint};
use crate::schedule::items::day_interval;
use crate::schedule::{CalendarItem, ItemKind, Source};
use egui::{Align2, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

pub(super) fn bar_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    item: &CalendarItem<'_>,
    bar: Rect,
    segment: usize,
    end: Option<End>,
    shift_at: &dyn Fn(Pos2, Pos2) -> Shift,
) {
    let dragging = cx.dragging(item).is_some();
    let _ = item_ui(ui, cx, item, bar, segment, end, shift_at);
    let p = ui.painter();
    let pal = &cx.pal;
    let font = FontId::proportional(cx.tokens.small_size);
    let dim = if dragging { 0.35 } else { 1.0 };
    // A thin lane (cramped cells) has no room for text: its colour, tooltip and name on hover say what it is.
    let text_fits = bar.height() >= cx.tokens.small_size * 0.8;
    match item.source {
        Source::Phase { release, phase } => {
            if text_fits {
                paint::phase_bar(p, pal, bar, phase, end.is_some(), dim);
                let text = format!("{} {}", release.id, phase.label());
                let (rect, colour) = (bar.shrink2(vec2(3.0, 0.0)), pal.text.gamma_multiply(dim));
                paint::label_fit(p, rect, &[&text], release.id.as_str(), font, colour);
            } else {
                // Thin: in the phase's strong colour, so that a few points still show it.
                p.rect_filled(bar, 1.0, pal.phase_edge(phase).gamma_multiply(dim));
            }
        }
        Source::Blackout { blackout, .. } => {
            paint::blackout(p, bar, pal, paint::scoped(blackout));
            p.rect_stroke(bar, 2.0, Stroke::new(1.0, pal.blackout), egui::StrokeKind::Inside);
            if !text_fits || bar.width() < cx.tokens.small_size * 1.5 {
                return;
            }
            // The environments it binds when they fit, else its name, cut with "…" when even that is too long.
            let title = super::details::blackout_title(blackout, cx.book);
            let galley = paint::fit(p, &[&title, &blackout.name], "", font, pal.blackout_text, bar.width() - 12.0);
            let back = Rect::from_min_size(
                pos2(bar.left() + 3.0, bar.center().y - galley.size().y / 2.0),
                galley.size() + vec2(6.0, 0.0),
            );
            let clip = p.with_clip_rect(bar.intersect(p.clip_rect()));
            clip.rect_filled(back, 2.0, pal.background.gamma_multiply(0.85));
            clip.galley(back.min + vec2(3.0, 0.0), galley, pal.blackout_text);
        }
        _ => {}
    }
}

/// A chip's wordings, longest first, and the words that tell it apart
/// (its release's id), kept when the rest is cut.
fn chip_texts(item: &CalendarItem<'_>, cx: &Cx<'_>) -> (Vec<String>, String) {
    match item.source {
        Source::Deployment { release, deployment } => {
            let env = cx.book.environment(&deployment.environment).map_or("", |e| e.name.as_str());
            let time = cx.tz.to_datetime(item.interval.start).strftime("%H:%M").to_string();
            let id = release.id.to_string();
            (vec![format!("{time} {id} {env}"), format!("{time} {id}"), format!("{id} {time}")], id)
        }
        Source::Milestone { release, milestone } => {
            (vec![format!("{} {}", release.id, milestone.name)], release.id.to_string())
        }
        _ => (vec![item.title()], String::new()),
    }
}

pub(super) fn chip_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    item: &CalendarItem<'_>,
    chip: Rect,
    shift_at: &dyn Fn(Pos2, Pos2) -> Shift,
) {
    let dragging = cx.dragging(item).is_some();
    let conflicted = cx.conflicted(item);
    let _ = item_ui(ui, cx, item, chip, 0, None, shift_at);
    paint_chip(ui, cx, item, chip, dragging, conflicted);
}

fn paint_chip(ui: &Ui, cx: &Cx<'_>, item: &CalendarItem<'_>, chip: Rect, ghost_of: bool, conflicted: bool) {
    let p = ui.painter();
    let pal = &cx.pal;
    let font = FontId::proportional(cx.tokens.small_size);
    let dim = if ghost_of { 0.35 } else { 1.0 };
    let (texts, keep) = chip_texts(item, cx);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    match item.kind() {
        ItemKind::Deployment => {
            let outline = conflicted.then(|| Stroke::new(2.0, pal.conflict));
            paint::block(p, chip, pal.deployment.gamma_multiply(dim), outline);
            let text_rect = if conflicted { chip.with_max_x(chip.right() - cx.tokens.small_size) } else { chip };
            paint::label_fit(p, text_rect, &texts, &keep, font, pal.on_deployment);
            if conflicted {
                p.text(
                    pos2(chip.right() - 3.0, chip.center().y),
                    Align2::RIGHT_CENTER,
                    "⚠",
                    FontId::proportional(cx.tokens.small_size),
                    pal.on_deployment,
                );
            }
        }
        ItemKind::Milestone => {
            let done = matches!(item.source, Source::Milestone { milestone, .. } if milestone.done);
            let r = (chip.height() / 2.0 - 2.0).max(3.0);
            let c = pos2(chip.left() + r + 2.0, chip.center().y);
            paint::milestone(p, pal, c, r, done, dim);
            paint::label_fit(p, chip.with_min_x(c.x + r), &texts, &keep, font, pal.text.gamma_multiply(dim));
        }
        _ => {}
    }
}

/// A count of items that did not fit, listing them on hover: a pill as
/// wide as its text (the first of `texts` that fits), at the right of
/// `place` and never outside it, in type a little smaller than the cell's.
#[expect(clippy::too_many_arguments, reason = "what to show, where, and the items to list")]
pub(super) fn hidden_ui(
    ui: &mut Ui,
    cx: &Cx<'_>,
    place: Rect,
    salt: (&str, usize),
    texts: &[&str],
    label: &str,
    items: &[CalendarItem<'_>],
    hidden: &[usize],
) {
    let p = ui.painter();
    let font = FontId::proportional((cx.tokens.small_size * 0.85).max(9.0).min(place.height()));
    let galley = paint::fit(p, texts, "", font, cx.pal.text, place.width() - 8.0);
    let width = (galley.size().x + 8.0).min(place.width());
    let rect = Rect::from_min_max(pos2(place.right() - width, place.top()), place.max);
    let r = ui.interact(rect, egui::Id::unique(("relplan.calendar.more", salt)), egui::Sense::hover());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    let p = ui.painter();
    p.rect(rect, 4.0, cx.pal.background, Stroke::new(1.0, cx.pal.grid.gamma_multiply(2.0)), egui::StrokeKind::Inside);
    p.galley(rect.center() - galley.size() / 2.0, galley, cx.pal.text);
    if r.hovered() {
        r.on_hover_ui(|ui| list_ui(ui, cx, items, hidden, "use the week view or the filters"));
    }
}

/// Items with their times, at most 24 of them.
fn list_ui(ui: &mut Ui, cx: &Cx<'_>, items: &[CalendarItem<'_>], list: &[usize], more: &str) {
    for &i in list.iter().take(24) {
        let item = &items[i];
        let mark = if cx.conflicted(item) { "⚠ " } else { "" };
        ui.label(format!("{mark}{} — {}", item.title(), super::details::when_text(item, &cx.tz)));
    }
    if list.len() > 24 {
        ui.weak(format!("and {} more — {more}", list.len() - 24));
    }
}

/// The strip along the bottom of a day: the hours under blackouts and maintenance windows.
pub(super) fn strip_ui(
    ui: &mut Ui,
    cx: &Cx<'_>,
    cell: Rect,
    d: Date,
    height: f32,
    items: &[CalendarItem<'_>],
    list: &[usize],
) {
    let day = day_interval(d, d, &cx.tz);
    let y = cell.bottom() - height - 2.0;
    let x = |t: jiff::Timestamp| {
        let f = day.start.duration_until(t).as_secs_f64() / day.length().as_secs_f64().max(1.0);
        cell.left() + 2.0 + (cell.width() - 4.0) * f as f32
    };
    let p = ui.painter();
    for &i in list {
        let item = &items[i];
        let part = item.interval.intersection(&day);
        if part.length() <= jiff::SignedDuration::ZERO {
            continue;
        }
        let rect = Rect::from_min_max(pos2(x(part.start), y), pos2(x(part.end).max(x(part.start) + 2.0), y + height));
        if item.kind() == ItemKind::Blackout {
            p.rect_filled(rect, 0.0, cx.pal.blackout);
        } else {
            p.rect_filled(rect, 0.0, cx.pal.maintenance_fill);
            p.rect_stroke(rect, 0.0, Stroke::new(1.0, cx.pal.maintenance), egui::StrokeKind::Inside);
        }
    }
    let band = Rect::from_min_max(pos2(cell.left(), y - 2.0), pos2(cell.right(), cell.bottom()));
    let r = ui.interact(band, egui::Id::unique(("relplan.calendar.strip", d)), egui::Sense::hover());
    r.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("Blackouts and maintenance windows on {}", d.strftime("%a %-d %b %Y")),
        )
    });
    if r.hovered() {
        r.on_hover_ui(|ui| list_ui(ui, cx, items, list, "filter by environment"));
    }
}

/// Where the dragged item would go.
pub(super) fn ghosts_ui(ui: &Ui, cx: &Cx<'_>, grid: &MonthGrid, items: &[CalendarItem<'_>], top: f32, line: f32) {
    let Some(d) = cx.drag.as_ref().filter(|d| !d.shift.is_zero()) else { return };
    let Some(item) = items.iter().find(|i| d.key.is(i)) else { return };
    let stroke = Stroke::new(2.0, cx.pal.today);
    let days = match item.kind() {
        ItemKind::Deployment => edits::preview(cx.book, &d.key, d.mode, d.shift, &cx.tz).map(|at| {
            let day = cx.tz.to_datetime(at.start).date();
            (day, day)
        }),
        _ => edits::preview_days(cx.book, &d.key, d.mode, d.shift),
    };
    let Some((a, b)) = days else { return };
    for (week, first, last) in grid.week_runs(a, b) {
        let (l, r) = (grid.cell_at(week, first), grid.cell_at(week, last));
        let y = l.bottom() - line * 2.0 - 6.0;
        let ghost = Rect::from_min_max(
            pos2(l.left() + 3.0, y.max(l.top() + top)),
            pos2(r.right() - 3.0, y.max(l.top() + top) + line - 2.0),
        );
        if item.kind() == ItemKind::Phase {
            ui.painter().rect_filled(
                ghost,
                2.0,
                cx.pal.phase(match item.source {
                    Source::Phase { phase, .. } => phase,
                    _ => crate::model::Phase::Planning,
                }),
            );
        } else {
            paint_chip(ui, cx, item, ghost, false, false);
        }
        ui.painter().rect_stroke(ghost, 3.0, stroke, egui::StrokeKind::Outside);
    }
}
