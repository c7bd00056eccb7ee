//! Phases on the timeline: the bar of one phase (shared by the release
//! lanes), and the environment timeline's "Releases" lane, where every
//! release in the period has a row of its phases as thin bars, packed so
//! that releases that do not overlap share a row. Rows that do not fit
//! are counted in the lane's label ("By release" lists them all).

use super::interact::{Cx, End, item_ui};
use super::lanes::Lane;
use super::{edits, paint};
use crate::model::Id;
use crate::schedule::{CalendarItem, Source};
use egui::{FontId, Rect, Stroke, Ui, pos2, vec2};
use std::collections::HashMap;

/// One phase as a bar in `bar`, with `label` written in it when it fits;
/// dragged, it dims and shows where it would go.
pub fn phase_bar_ui(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, item: &CalendarItem<'_>, bar: Rect, label: &str) {
    let Source::Phase { phase, .. } = item.source else { return };
    let ends = item.interval.end <= lane.axis.end;
    let dragging = cx.dragging(item).map(|d| d.shift);
    let _ = item_ui(ui, cx, item, bar, lane.row, ends.then_some(End::Right), lane.shift_at);
    let p = ui.painter();
    let dim = if dragging.is_some_and(|s| !s.is_zero()) { 0.35 } else { 1.0 };
    p.rect_filled(bar, 2.0, cx.pal.phase(phase).gamma_multiply(dim));
    p.rect_filled(Rect::from_min_size(bar.min, vec2(2.0, bar.height())), 0.0, cx.pal.phase_edge(phase));
    let size = cx.tokens.small_size * 0.9;
    if bar.height() >= size {
        paint::label(p, bar, label, FontId::proportional(size), cx.pal.text.gamma_multiply(dim));
    }
    if let Some(d) = cx.dragging(item).filter(|d| !d.shift.is_zero())
        && let Some(at) = edits::preview(cx.book, &d.key, d.mode, d.shift, &cx.tz)
        && let Some((a, b)) = lane.axis.span(at.start, at.end)
    {
        let ghost = Rect::from_min_max(pos2(a, bar.top()), pos2(b.max(a + 2.0), bar.bottom()));
        let stroke = Stroke::new(2.0, cx.pal.today);
        ui.painter().rect(ghost, 2.0, cx.pal.phase(phase), stroke, egui::StrokeKind::Outside);
    }
}

/// One release's phases in the period, and the x range they cover.
struct Group<'i, 'a> {
    release: &'a Id,
    from: f32,
    to: f32,
    phases: Vec<&'i CalendarItem<'a>>,
}

/// The environment timeline's lane of every release's phases.
pub fn releases_lane(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, phases: &[&CalendarItem<'_>]) {
    let mut at: HashMap<&Id, usize> = HashMap::new();
    let mut groups: Vec<Group<'_, '_>> = Vec::new();
    for &item in phases {
        let Source::Phase { release, .. } = item.source else { continue };
        let Some((a, b)) = lane.axis.span(item.interval.start, item.interval.end) else { continue };
        let i = *at.entry(&release.id).or_insert_with(|| {
            groups.push(Group { release: &release.id, from: a, to: b, phases: Vec::new() });
            groups.len() - 1
        });
        let g = &mut groups[i];
        (g.from, g.to) = (g.from.min(a), g.to.max(b));
        g.phases.push(item);
    }
    groups.sort_by(|x, y| x.from.total_cmp(&y.from));
    // Rows of thin bars, taller (with the release's id) when few are needed.
    let inner = lane.inner();
    let line = cx.tokens.small_size + 4.0;
    let mut ends: Vec<f32> = Vec::new();
    let rows: Vec<usize> = groups
        .iter()
        .map(|g| {
            let row = ends.iter().position(|&e| e + 4.0 <= g.from).unwrap_or(ends.len());
            if row == ends.len() {
                ends.push(g.to);
            } else {
                ends[row] = g.to;
            }
            row
        })
        .collect();
    let needed = ends.len().max(1);
    let bar_h = ((inner.height() - 2.0) / needed as f32 - 2.0).clamp(5.0, line);
    let fit = (((inner.height() - 2.0) / (bar_h + 2.0)).floor() as usize).max(1);
    let mut hidden = 0;
    for (g, row) in groups.iter().zip(rows) {
        if row >= fit {
            hidden += 1;
            continue;
        }
        let top = inner.top() + 1.0 + row as f32 * (bar_h + 2.0);
        for item in &g.phases {
            let Some((a, b)) = lane.axis.span(item.interval.start, item.interval.end) else { continue };
            let bar = Rect::from_min_max(pos2(a, top), pos2(b.max(a + 2.0), top + bar_h));
            let first = std::ptr::eq(*item, g.phases[0]);
            phase_bar_ui(ui, cx, lane, item, bar, if first { g.release.as_str() } else { "" });
        }
    }
    let subtitle = match (groups.len(), hidden) {
        (0, _) => "no phases".to_owned(),
        (n, 0) => format!("{n} releases' phases"),
        (n, h) => format!("{} of {n}; all in By release", n - h),
    };
    lane.frame(ui, cx, "Releases", &subtitle);
}
