//! The timeline's swimlanes: an environment's deployments, maintenance
//! windows and blackouts; a release's phases, deployments and milestones;
//! the milestones of every release.
//!
//! Where the scale is too coarse to tell items apart (a four-hour window
//! is a fraction of a point on a year), neighbouring items are drawn as one
//! mark with their number; hovering lists them and a click opens the week
//! they are in. So a lane never lays out more marks than it has room for.

use super::geometry::{TimeAxis, clusters};
use super::interact::{Cx, End, item_ui};
use super::{CalendarView, Shift, details, edits, paint};
use crate::model::{BlackoutScope, Environment, Id, Release};
use crate::schedule::items::release_items;
use crate::schedule::{CalendarItem, Interval, ItemFilter, ItemKind, Source};
use crate::ui::intent::Intent;
use egui::{Align2, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};

/// Where a lane is drawn, and how a drag turns into a shift.
pub struct Lane<'s> {
    /// The time axis.
    pub axis: TimeAxis,
    /// The whole lane, label included.
    pub rect: Rect,
    /// Width of the label column.
    pub label_w: f32,
    /// The lane's row, to tell the same item apart in different lanes.
    pub row: usize,
    /// Pointer travel to shift.
    pub shift_at: &'s dyn Fn(Pos2, Pos2) -> Shift,
}

impl Lane<'_> {
    /// Where the lane's items go (right of the label).
    pub(super) fn inner(&self) -> Rect {
        Rect::from_min_max(pos2(self.axis.left, self.rect.top() + 2.0), pos2(self.axis.right, self.rect.bottom() - 2.0))
    }

    /// Draws the lane's label and bottom line; returns the label's rectangle.
    pub(super) fn frame(&self, ui: &Ui, cx: &Cx<'_>, title: &str, subtitle: &str) -> Rect {
        let p = ui.painter();
        let lane = self.rect;
        p.line_segment([lane.left_bottom(), lane.right_bottom()], Stroke::new(1.0, cx.pal.grid));
        let label = Rect::from_min_size(lane.min, vec2(self.label_w - 8.0, lane.height()));
        // The lane's name for screen readers (and the tests).
        let r = ui.interact(label, egui::Id::unique(("relplan.calendar.lane", self.row, title)), egui::Sense::hover());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::RowHeader, true, format!("{title} lane")));
        let t = &cx.tokens;
        let clip = p.with_clip_rect(label.intersect(p.clip_rect()));
        let y = lane.top() + 4.0;
        clip.text(pos2(label.left() + 6.0, y), Align2::LEFT_TOP, title, FontId::proportional(t.body_size), cx.pal.text);
        if !subtitle.is_empty() && lane.height() > t.body_size + t.small_size + 6.0 {
            let at = pos2(label.left() + 6.0, y + t.body_size + 3.0);
            clip.text(at, Align2::LEFT_TOP, subtitle, FontId::proportional(t.small_size), cx.pal.weak);
        }
        label
    }
}

fn blackout_bands(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    lane: &Lane<'_>,
    blackouts: &[CalendarItem<'_>],
    thin_below: jiff::SignedDuration,
    binds: impl Fn(&BlackoutScope) -> bool,
) {
    let inner = lane.inner();
    // Blackouts shorter than `thin_below` are a thin hatched strip along the lane's foot.
    let strip = (cx.tokens.small_size * 0.45).max(4.0);
    for item in blackouts {
        let Source::Blackout { blackout, .. } = item.source else { continue };
        if !binds(&blackout.scope) {
            continue;
        }
        let Some((a, b)) = lane.axis.span(item.interval.start, item.interval.end) else { continue };
        let top = if item.interval.length() < thin_below { inner.bottom() - 1.0 - strip } else { inner.top() };
        let r = Rect::from_min_max(pos2(a, top), pos2(b.max(a + 2.0), inner.bottom() - 1.0));
        if r.width() >= 4.0 {
            let _ = item_ui(ui, cx, item, r, lane.row, None, &|_, _| Shift::default());
        }
        paint::blackout(ui.painter(), r, &cx.pal, paint::scoped(blackout));
    }
}

/// Several items shown as one mark: their number, a list on hover, and a
/// click that opens the week of the first.
fn cluster_ui(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, r: Rect, items: &[&CalendarItem<'_>], noun: &str) {
    let Some(first) = items.first() else { return };
    let id = egui::Id::unique(("relplan.calendar.cluster", lane.row, r.left().round() as i32, noun));
    let response = ui.interact(r, id, egui::Sense::click());
    let day = cx.tz.to_datetime(first.interval.start).date();
    let n = items.len();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{n} {noun} from {}", day.strftime("%a %-d %b %Y")))
    });
    let conflicted = items.iter().any(|i| cx.conflicted(i));
    let p = ui.painter();
    let fill = if noun == "milestones" { cx.pal.text } else { cx.pal.deployment };
    let text = if noun == "milestones" { cx.pal.background } else { cx.pal.on_deployment };
    paint::block(p, r, fill, conflicted.then(|| Stroke::new(2.0, cx.pal.conflict)));
    let font = FontId::proportional(cx.tokens.small_size * 0.9);
    if r.width() >= font.size * 0.7 * n.to_string().len() as f32 {
        p.text(r.center(), Align2::CENTER_CENTER, n.to_string(), font, text);
    }
    if response.hovered() {
        response.clone().on_hover_ui(|ui| {
            ui.label(egui::RichText::new(format!("{n} {noun}")).strong());
            for item in items.iter().take(12) {
                let mark = if cx.conflicted(item) { "⚠ " } else { "" };
                ui.label(format!("{mark}{} — {}", item.title(), details::when_text(item, &cx.tz)));
            }
            if n > 12 {
                ui.weak(format!("and {} more", n - 12));
            }
            ui.weak("Click to open that week.");
        });
    }
    if response.clicked() {
        cx.navigate = Some((day, CalendarView::Week));
    }
}

fn deployment_block(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, item: &CalendarItem<'_>, r: Rect, label: &str) {
    let dragging = cx.dragging(item).is_some();
    let conflicted = cx.conflicted(item);
    let _ = item_ui(ui, cx, item, r, lane.row, Some(End::Right), lane.shift_at);
    let p = ui.painter();
    let outline = conflicted.then(|| Stroke::new(2.0, cx.pal.conflict));
    paint::block(p, r, cx.pal.deployment.gamma_multiply(if dragging { 0.35 } else { 1.0 }), outline);
    paint::label(p, r, label, FontId::proportional(cx.tokens.small_size), cx.pal.on_deployment);
    if conflicted && r.width() > cx.tokens.small_size * 2.0 {
        paint::conflict_mark(p, r, &cx.pal, cx.tokens.small_size);
    }
    if let Some(d) = cx.dragging(item).filter(|d| !d.shift.is_zero())
        && let Some(at) = edits::preview(cx.book, &d.key, d.mode, d.shift, &cx.tz)
        && let Some((a, b)) = lane.axis.span(at.start, at.end)
    {
        let ghost = Rect::from_min_max(pos2(a, r.top()), pos2(b.max(a + r.width().min(8.0)), r.bottom()));
        paint::block(ui.painter(), ghost, cx.pal.deployment.gamma_multiply(0.8), Some(Stroke::new(2.0, cx.pal.today)));
    }
}

/// Deployments in a row of `row_rect`: alone where they can be told apart, in clusters where not.
fn deployments_row(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    lane: &Lane<'_>,
    row_rect: Rect,
    deps: &[&CalendarItem<'_>],
    label: impl Fn(&CalendarItem<'_>) -> String,
) {
    let spans: Vec<(f32, f32)> = deps
        .iter()
        .map(|i| lane.axis.span(i.interval.start, i.interval.end).unwrap_or((row_rect.left(), row_rect.left())))
        .collect();
    let min_w = (cx.tokens.small_size * 0.7).max(7.0);
    for (a, b, members) in clusters(&spans, min_w) {
        let r = Rect::from_min_max(
            pos2(a.max(row_rect.left()), row_rect.top()),
            pos2(b.min(row_rect.right()), row_rect.bottom()),
        );
        match members.as_slice() {
            [one] => {
                let item = deps[*one];
                deployment_block(ui, cx, lane, item, r, &label(item));
            }
            many => {
                let list: Vec<&CalendarItem<'_>> = many.iter().map(|&i| deps[i]).collect();
                cluster_ui(ui, cx, lane, r, &list, "deployments");
            }
        }
    }
}

/// An environment's lane.
pub fn env_lane(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    lane: &Lane<'_>,
    env: &Environment,
    deps: &[&CalendarItem<'_>],
    mw: &[&CalendarItem<'_>],
    blackouts: &[CalendarItem<'_>],
) {
    let count = match deps.len() {
        0 => "no deployments".to_owned(),
        1 => "1 deployment".to_owned(),
        n => format!("{n} deployments"),
    };
    lane.frame(ui, cx, &env.name, &count);
    blackout_bands(ui, cx, lane, blackouts, jiff::SignedDuration::ZERO, |scope| match scope {
        BlackoutScope::All => true,
        BlackoutScope::Environments(list) => list.contains(&env.id),
    });
    // Maintenance windows along the bottom of the lane, deployments above them.
    let inner = lane.inner();
    let band = (cx.tokens.small_size * 0.6).max(6.0);
    let windows = Rect::from_min_max(pos2(inner.left(), inner.bottom() - band), inner.max);
    let spans: Vec<(f32, f32)> = mw
        .iter()
        .map(|i| lane.axis.span(i.interval.start, i.interval.end).unwrap_or((inner.left(), inner.left())))
        .collect();
    for (a, b, members) in clusters(&spans, 3.0) {
        let r = Rect::from_min_max(pos2(a, windows.top()), pos2(b, windows.bottom()));
        if let ([one], true) = (members.as_slice(), r.width() >= 8.0) {
            let _ = item_ui(ui, cx, mw[*one], r, lane.row, None, &|_, _| Shift::default());
        }
        let p = ui.painter();
        if r.width() < 6.0 {
            // Too narrow for an outline: a tick in the outline's colour.
            p.rect_filled(r, 0.0, cx.pal.maintenance.gamma_multiply(0.7));
        } else {
            p.rect_filled(r, 1.0, cx.pal.maintenance_fill);
            p.rect_stroke(r, 1.0, Stroke::new(1.0, cx.pal.maintenance), egui::StrokeKind::Inside);
        }
    }
    let row = Rect::from_min_max(pos2(inner.left(), inner.top() + 2.0), pos2(inner.right(), windows.top() - 3.0));
    deployments_row(ui, cx, lane, row, deps, |item| match item.source {
        Source::Deployment { release, .. } => release.id.to_string(),
        _ => String::new(),
    });
}

fn milestone_ui(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, item: &CalendarItem<'_>, c: Pos2, r: f32) {
    let hit = Rect::from_center_size(c, vec2(r * 2.0 + 4.0, r * 2.0 + 4.0));
    let dragging = cx.dragging(item).map(|d| d.shift);
    let _ = item_ui(ui, cx, item, hit, lane.row, None, lane.shift_at);
    let done = matches!(item.source, Source::Milestone { milestone, .. } if milestone.done);
    let dim = if dragging.is_some_and(|s| !s.is_zero()) { 0.35 } else { 1.0 };
    paint::milestone(ui.painter(), &cx.pal, c, r, done, dim);
    if let Some(d) = cx.dragging(item).filter(|d| !d.shift.is_zero())
        && let Some(at) = edits::preview(cx.book, &d.key, d.mode, d.shift, &cx.tz)
    {
        let x = (lane.axis.x(at.start) + lane.axis.x(at.end)) / 2.0;
        let fill = if done { cx.pal.done } else { cx.pal.background };
        paint::diamond(ui.painter(), pos2(x, c.y), r, fill, Stroke::new(2.0, cx.pal.today));
    }
}

/// Milestones in a row centred on `y`: diamonds, or a counted mark where they crowd.
fn milestones_row(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, y: f32, r: f32, ms: &[&CalendarItem<'_>]) {
    let centre = |i: &CalendarItem<'_>| (lane.axis.x(i.interval.start) + lane.axis.x(i.interval.end)) / 2.0;
    let spans: Vec<(f32, f32)> = ms.iter().map(|i| (centre(i) - r, centre(i) + r)).collect();
    for (a, b, members) in clusters(&spans, r * 2.0 + 2.0) {
        match members.as_slice() {
            [one] => milestone_ui(ui, cx, lane, ms[*one], pos2((a + b) / 2.0, y), r),
            many => {
                let list: Vec<&CalendarItem<'_>> = many.iter().map(|&i| ms[i]).collect();
                let rect = Rect::from_min_max(pos2(a, y - r - 1.0), pos2(b.max(a + r * 3.0), y + r + 1.0));
                cluster_ui(ui, cx, lane, rect, &list, "milestones");
            }
        }
    }
}

/// The lane of every release's milestones.
pub fn milestone_lane(ui: &mut Ui, cx: &mut Cx<'_>, lane: &Lane<'_>, ms: &[&CalendarItem<'_>]) {
    lane.frame(ui, cx, "Milestones", "all releases");
    let r = (cx.tokens.small_size * 0.55).max(5.0);
    milestones_row(ui, cx, lane, lane.inner().center().y, r, ms);
}

/// A release's lane: its phases above, its deployments (inside the
/// maintenance windows of the environments it deploys to) and milestones
/// below; blackouts across it, the short ones as a thin strip.
#[expect(clippy::too_many_arguments, reason = "the lane, its release and the book's windows")]
pub fn release_lane(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    lane: &Lane<'_>,
    release: &Release,
    range: Interval,
    filter: &ItemFilter,
    blackouts: &[CalendarItem<'_>],
    maintenance: &[CalendarItem<'_>],
) {
    let label = lane.frame(ui, cx, &format!("{} {}", release.id, release.name), release.phase.label());
    let open = ui.interact(label, egui::Id::unique(("relplan.calendar.lane", &release.id)), egui::Sense::click());
    open.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Open {} {}", release.id, release.name))
    });
    if open.clicked() {
        cx.out.push(Intent::SelectRelease(release.id.clone()));
    }
    let envs: Vec<&Id> = release.deployments.iter().map(|d| &d.environment).collect();
    // Short recurring freezes would stripe every lane at full height: they are a thin strip.
    blackout_bands(ui, cx, lane, blackouts, jiff::SignedDuration::from_hours(24), |scope| match scope {
        BlackoutScope::All => true,
        BlackoutScope::Environments(list) => envs.iter().any(|e| list.contains(e)),
    });
    let mut items = Vec::new();
    release_items(release, range, &cx.tz, filter, &mut items);
    let inner = lane.inner();
    let bar_h = inner.height() * 0.36;
    for item in items.iter().filter(|i| i.kind() == ItemKind::Phase) {
        let Some((a, b)) = lane.axis.span(item.interval.start, item.interval.end) else { continue };
        let Source::Phase { phase, .. } = item.source else { continue };
        let bar = Rect::from_min_max(pos2(a, inner.top() + 2.0), pos2(b.max(a + 2.0), inner.top() + 2.0 + bar_h));
        super::phase_lane::phase_bar_ui(ui, cx, lane, item, bar, phase.label());
    }
    // Deployments in the middle row, milestones in the bottom one.
    let row_h = (inner.height() - bar_h - 6.0) / 2.0;
    let low = Rect::from_min_size(pos2(inner.left(), inner.top() + bar_h + 4.0), vec2(inner.width(), row_h));
    let bottom = Rect::from_min_size(pos2(inner.left(), low.bottom() + 2.0), vec2(inner.width(), row_h));
    // The maintenance windows along the foot of the deployments' row, as in the environment lanes.
    let band = (cx.tokens.small_size * 0.4).max(4.0);
    maintenance_outlines(ui, cx, lane, low.with_min_y(low.bottom() - band), maintenance, &envs);
    let deps: Vec<&CalendarItem<'_>> = items.iter().filter(|i| i.kind() == ItemKind::Deployment).collect();
    let book = cx.book;
    let row = low.with_max_y(low.bottom() - band - 1.0).shrink2(vec2(0.0, 1.0));
    deployments_row(ui, cx, lane, row, &deps, |item| match item.source {
        Source::Deployment { deployment, .. } => {
            book.environment(&deployment.environment).map(|e| e.name.clone()).unwrap_or_default()
        }
        _ => String::new(),
    });
    let ms: Vec<&CalendarItem<'_>> = items.iter().filter(|i| i.kind() == ItemKind::Milestone).collect();
    milestones_row(ui, cx, lane, bottom.center().y, (bottom.height() / 2.0 - 1.0).max(4.0), &ms);
}

/// The maintenance windows of `envs`, outlined in `row`.
fn maintenance_outlines(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    lane: &Lane<'_>,
    row: Rect,
    all: &[CalendarItem<'_>],
    envs: &[&Id],
) {
    let mine: Vec<&CalendarItem<'_>> = all
        .iter()
        .filter(|i| matches!(i.source, Source::Maintenance { environment, .. } if envs.contains(&&environment.id)))
        .collect();
    let spans: Vec<(f32, f32)> = mine
        .iter()
        .map(|i| lane.axis.span(i.interval.start, i.interval.end).unwrap_or((row.left(), row.left())))
        .collect();
    for (a, b, members) in clusters(&spans, 3.0) {
        let r = Rect::from_min_max(pos2(a, row.top()), pos2(b.max(a + 2.0), row.bottom()));
        if let ([one], true) = (members.as_slice(), r.width() >= 8.0) {
            let _ = item_ui(ui, cx, mine[*one], r, lane.row, None, &|_, _| Shift::default());
        }
        let p = ui.painter();
        if r.width() < 6.0 {
            // Too narrow for an outline: a tick in the outline's colour.
            p.rect_filled(r, 0.0, cx.pal.maintenance.gamma_multiply(0.7));
        } else {
            p.rect_filled(r, 1.0, cx.pal.maintenance_fill);
            p.rect_stroke(r, 1.0, Stroke::new(1.0, cx.pal.maintenance), egui::StrokeKind::Inside);
        }
    }
}
