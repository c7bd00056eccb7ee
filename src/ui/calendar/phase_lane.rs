//! Phases on the timeline: the bar of one phase (shared by the release
//! lanes), and the environment timeline's "Releases" lane, where every
//! release in the period has its phases as thin bars, packed so that
//! releases whose plans do not overlap share a row. Rows that do not fit
//! are counted in the lane's label ("By release" lists them all).

use super::geometry::days_between;
use super::interact::{Cx, End, item_ui};
use super::lanes::Lane;
use super::{edits, paint};
use crate::schedule::items::release_items;
use crate::schedule::{CalendarItem, Interval, ItemFilter, Kinds, Source};
use egui::{FontId, Rect, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

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
    // A little smaller type in a bar lower than the label, down to a size still read from a seat.
    let size = label_size(&cx.tokens).min(bar.height() + 1.0);
    if size >= 9.0 {
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

/// The most rows of releases the lane shows.
const MAX_ROWS: usize = 4;

/// The size of a phase bar's label.
fn label_size(t: &crate::ui::theme::Tokens) -> f32 {
    t.small_size * 0.9
}

/// The height of a Releases lane whose every row of bars has room for its label.
pub fn labelled_height(t: &crate::ui::theme::Tokens) -> f32 {
    MAX_ROWS as f32 * (label_size(t) + 3.0) + 8.0
}

/// The environment timeline's lane of every release's phases in `range`
/// (of days `first` to `last`). Releases are packed by their plan's
/// extent, kept once per change of the book, so that only the releases
/// on the rows shown have their phases worked out.
pub fn releases_lane(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    lane: &Lane<'_>,
    (first, last): (Date, Date),
    range: Interval,
    filter: &ItemFilter,
) {
    let book = cx.book;
    let near = crate::schedule::items::Near::new(range, &cx.tz);
    let inner = lane.inner();
    let days = (days_between(first, last) + 1).max(1) as f32;
    let x = |d: Date| inner.left() + inner.width() * (days_between(first, d) as f32 / days).clamp(0.0, 1.0);
    let mut shown: Vec<(f32, f32, usize)> = cx
        .by_key_date
        .iter()
        .filter_map(|&i| {
            let (a, b) = cx.extents.get(i).copied().flatten()?;
            let r = book.releases.get(i)?;
            (near.days(a, b) && filter.passes_release(r)).then(|| (x(a), x(b.tomorrow().unwrap_or(b)), i))
        })
        .collect();
    shown.sort_by(|p, q| p.0.total_cmp(&q.0));
    // Rows of thin bars, taller (with the release's id) when few are needed.
    let mut ends: Vec<f32> = Vec::new();
    let rows: Vec<usize> = shown
        .iter()
        .map(|&(from, to, _)| {
            let row = ends.iter().position(|&e| e + 4.0 <= from).unwrap_or(ends.len());
            if row == ends.len() {
                ends.push(to);
            } else {
                ends[row] = to;
            }
            row
        })
        .collect();
    let line = cx.tokens.small_size + 4.0;
    let bar_h = ((inner.height() - 2.0) / ends.len().clamp(1, MAX_ROWS) as f32 - 2.0).clamp(5.0, line);
    // At most four rows: the lane stays calm, and a frame of a year lays out a few dozen bars, not hundreds.
    let fit = (((inner.height() - 2.0) / (bar_h + 2.0)).floor() as usize).clamp(1, MAX_ROWS);
    let only = ItemFilter {
        kinds: Kinds { phases: true, milestones: false, deployments: false, blackouts: false, maintenance: false },
        ..filter.clone()
    };
    let mut hidden = 0;
    let mut phases = Vec::new();
    for (&(_, _, i), row) in shown.iter().zip(rows) {
        let Some(release) = book.releases.get(i).filter(|_| row < fit) else {
            hidden += 1;
            continue;
        };
        phases.clear();
        release_items(release, range, &cx.tz, &only, &mut phases);
        let top = inner.top() + 1.0 + row as f32 * (bar_h + 2.0);
        for (n, item) in phases.iter().enumerate() {
            let Some((a, b)) = lane.axis.span(item.interval.start, item.interval.end) else { continue };
            let bar = Rect::from_min_max(pos2(a, top), pos2(b.max(a + 2.0), top + bar_h));
            phase_bar_ui(ui, cx, lane, item, bar, if n == 0 { release.id.as_str() } else { "" });
        }
    }
    let subtitle = match (shown.len(), hidden) {
        (0, _) => "no phases".to_owned(),
        (n, 0) => format!("{n} releases' phases"),
        (n, h) => format!("{} of {n}; all in By release", n - h),
    };
    lane.frame(ui, cx, "Releases", &subtitle);
}
