//! The timeline: a quarter or a year across, swimlanes down, one per
//! environment or one per release. Both show every kind of item in a way
//! that suits the lanes:
//!
//! - by environment: a "Releases" lane of every release's phases as thin
//!   bars, a lane of milestones, then each environment's deployments with
//!   its maintenance windows outlined along the foot and its blackouts
//!   hatched across it;
//! - by release: each release's phases as bars, its deployments inside
//!   the outlined maintenance windows of the environments it deploys to,
//!   its milestones, and the blackouts that bind those environments
//!   (shorter than a day as a thin strip along the foot, so that weekly
//!   freezes do not stripe the lane).
//!
//! A strip under the dates marks when conflicts happen, and a line marks
//! today. Only the lanes on screen are laid out.

use super::geometry::{TimeAxis, add_days};
use super::interact::{Cx, Steps, drag_label};
use super::lanes::{Lane, env_lane, milestone_lane, release_lane};
use super::phase_lane::releases_lane;
use super::toolbar::period;
use super::{CalendarView, LaneMode, Shift, TimelineSpan};
use crate::model::{Environment, Release};
use crate::schedule::items::calendar_items_among;
use crate::schedule::items::day_interval;
use crate::schedule::{CalendarItem, Interval, ItemFilter, Kinds, Source};
use egui::{Align2, FontId, Galley, Pos2, Rect, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;
use std::sync::Arc;

/// Shows the timeline of the period that contains `anchor`.
pub fn timeline_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    filter: &ItemFilter,
    anchor: Date,
    span: TimelineSpan,
    lanes: LaneMode,
) {
    let t = cx.tokens;
    let day_step = if span == TimelineSpan::Year { 7 } else { 1 };
    cx.steps = Steps { horizontal: Shift { days: day_step, minutes: 0 }, vertical: Shift::default() };
    let (first, last) = period(CalendarView::Timeline, span, anchor);
    let range = day_interval(first, last, &cx.tz);
    let rect = ui.available_rect_before_wrap();
    let label_w = (t.body_size * 15.0).min(rect.width() * 0.3);
    let header = t.small_size * 2.0 + t.spacing * 1.5;
    let strip = 8.0;
    let axis = TimeAxis { start: range.start, end: range.end, left: rect.left() + label_w, right: rect.right() - 4.0 };
    let snap_minutes: i32 = if span == TimelineSpan::Year { 1440 } else { 60 };
    let shift_at = move |o: Pos2, p: Pos2| {
        let secs = f64::from(p.x - o.x) * axis.seconds_per_point();
        let minutes = (secs / 60.0 / f64::from(snap_minutes)).round() as i64 * i64::from(snap_minutes);
        Shift { days: minutes.div_euclid(1440), minutes: minutes.rem_euclid(1440) }
    };
    let tag = today_tag(ui, cx, &axis, rect, header).map(|(_, tag, _)| tag);
    header_ui(ui, cx, &axis, rect, (first, last), header, span, tag);
    conflict_strip(
        ui,
        cx,
        &axis,
        Rect::from_min_max(pos2(axis.left, rect.top() + header), pos2(axis.right, rect.top() + header + strip)),
    );
    let body = Rect::from_min_max(pos2(rect.left(), rect.top() + header + strip + 2.0), rect.max);
    let mut body_ui = ui.new_child(egui::UiBuilder::new().max_rect(body).id_salt("relplan.calendar.timeline.body"));
    let line = t.small_size + 6.0;
    let book = cx.book;
    let none = Kinds { phases: false, milestones: false, deployments: false, blackouts: false, maintenance: false };
    let blackouts: Vec<CalendarItem<'_>> = if filter.kinds.blackouts {
        let only = Kinds { blackouts: true, ..none };
        calendar_items_among(book, [], range, &cx.tz, &ItemFilter { kinds: only, ..filter.clone() })
    } else {
        Vec::new()
    };
    let lane_at = |ui: &Ui, row: usize, first: usize, height: f32| {
        let top = ui.max_rect().top();
        Rect::from_min_size(pos2(rect.left(), top + (row - first) as f32 * height), vec2(rect.width(), height))
    };
    match lanes {
        LaneMode::Environment => {
            // Phases come lane by lane (the Releases lane fetches only the rows it shows).
            let kinds = Kinds { phases: false, blackouts: false, ..filter.kinds };
            let items = cx.items_by_kind(range, &ItemFilter { kinds, ..filter.clone() });
            let envs: Vec<&Environment> =
                book.environments.iter().filter(|e| filter.environment.as_ref().is_none_or(|id| &e.id == id)).collect();
            // Each lane's items, taken apart once.
            let mut per_env: Vec<(Vec<&CalendarItem<'_>>, Vec<&CalendarItem<'_>>)> =
                vec![(Vec::new(), Vec::new()); envs.len()];
            let mut milestones: Vec<&CalendarItem<'_>> = Vec::new();
            let lane_of = |id: &crate::model::Id| envs.iter().position(|e| &e.id == id);
            for item in &items {
                match item.source {
                    Source::Deployment { deployment, .. } => {
                        if let Some(i) = lane_of(&deployment.environment) {
                            per_env[i].0.push(item);
                        }
                    }
                    Source::Maintenance { environment, .. } => {
                        if let Some(i) = lane_of(&environment.id) {
                            per_env[i].1.push(item);
                        }
                    }
                    Source::Milestone { .. } => milestones.push(item),
                    Source::Phase { .. } | Source::Blackout { .. } => {}
                }
            }
            // The releases' phases, the milestones, then one lane per environment.
            let rows = envs.len() + 2;
            let (release_h, lane_h) = env_lane_heights(&t, body.height(), rows);
            let height = |row: usize| if row == 0 { release_h } else { lane_h };
            let total = release_h + lane_h * (rows - 1) as f32;
            scroll_lanes(&mut body_ui, (t, cx.pal), "relplan.calendar.timeline.envs", total, |ui, top| {
                let mut y = top;
                for row in 0..rows {
                    let rect = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), height(row)));
                    y += height(row);
                    // Only the lanes on screen are laid out.
                    if !ui.is_rect_visible(rect) {
                        continue;
                    }
                    let lane = Lane { axis, rect, label_w, row, shift_at: &shift_at };
                    match row.checked_sub(2).and_then(|i| envs.get(i)) {
                        None if row == 0 && filter.kinds.phases => {
                            releases_lane(ui, cx, &lane, (first, last), range, filter);
                        }
                        None if row == 0 => {
                            lane.frame(ui, cx, "Releases", "phases hidden by the filter");
                        }
                        None => milestone_lane(ui, cx, &lane, &milestones),
                        Some(env) => {
                            let (deps, windows) = &per_env[row - 2];
                            env_lane(ui, cx, &lane, env, deps, windows, &blackouts);
                        }
                    }
                }
            });
        }
        LaneMode::Release => {
            let near = crate::schedule::items::Near::new(range, &cx.tz);
            let releases: Vec<&Release> = cx
                .by_key_date
                .iter()
                .filter(|&&i| cx.extents.get(i).copied().flatten().is_some_and(|(a, b)| near.days(a, b)))
                .filter_map(|&i| book.releases.get(i))
                .filter(|r| filter.passes_release(r))
                .collect();
            let maintenance: Vec<CalendarItem<'_>> = if filter.kinds.maintenance {
                let only = Kinds { maintenance: true, ..none };
                calendar_items_among(book, [], range, &cx.tz, &ItemFilter { kinds: only, ..filter.clone() })
            } else {
                Vec::new()
            };
            let lane_h = line * 3.4 + 12.0;
            if releases.is_empty() {
                body_ui.weak("No release has anything planned in this period with the filters chosen.");
            }
            let salt = "relplan.calendar.timeline.releases";
            let overflow = show_scroll_bar(&mut body_ui, lane_h * releases.len() as f32, body);
            let scroll = egui::ScrollArea::vertical().id_salt(salt).auto_shrink(false);
            let out = scroll.show_rows(&mut body_ui, lane_h, releases.len(), |ui, shown| {
                for row in shown.clone() {
                    let rect = lane_at(ui, row, shown.start, lane_h);
                    let lane = Lane { axis, rect, label_w, row, shift_at: &shift_at };
                    release_lane(ui, cx, &lane, releases[row], range, filter, &blackouts, &maintenance);
                }
                ui.allocate_space(vec2(rect.width(), lane_h * shown.len() as f32));
            });
            more_below(&body_ui, (t, cx.pal), salt, body, overflow, &out);
        }
    }
    today_line(ui, cx, &axis, rect, header);
    drag_label(ui, cx);
}

/// The heights of the environment timeline's lanes, `rows` of them in
/// `room` points: the Releases lane (first) and every other lane. They are
/// sized to fit down to a lane just tall enough for its title, and the
/// Releases lane keeps room for its rows of labelled bars.
fn env_lane_heights(t: &crate::ui::theme::Tokens, room: f32, rows: usize) -> (f32, f32) {
    let line = t.small_size + 6.0;
    let (least, most) = (t.body_size + 10.0, line * 4.0 + 14.0);
    let even = room / rows.max(1) as f32;
    let releases = super::phase_lane::labelled_height(t);
    if even >= releases || rows < 2 {
        let h = even.clamp(least, most);
        return (h, h);
    }
    let releases = releases.min(room * 0.4).max(even);
    (releases, ((room - releases) / (rows - 1) as f32).clamp(least, most))
}

/// A vertical scroll area of lanes `total` points high; `add` gets the
/// top of the first lane. See [`more_below`].
fn scroll_lanes(ui: &mut Ui, look: Look, salt: &str, total: f32, add: impl FnOnce(&mut Ui, f32)) {
    let view = ui.available_rect_before_wrap();
    let overflow = show_scroll_bar(ui, total, view);
    let out = egui::ScrollArea::vertical().id_salt(salt).auto_shrink(false).show(ui, |ui| {
        let (all, _) = ui.allocate_exact_size(vec2(ui.available_width(), total), egui::Sense::hover());
        add(ui, all.top());
    });
    more_below(ui, look, salt, view, overflow, &out);
}

/// The theme's tokens and the calendar's colours.
type Look = (crate::ui::theme::Tokens, super::paint::Palette);

/// Keeps the scroll bar shown when lanes `total` points high do not fit in `view`; returns whether they do not.
fn show_scroll_bar(ui: &mut Ui, total: f32, view: Rect) -> bool {
    let overflow = total > view.height() + 0.5;
    if overflow {
        let scroll = &mut ui.style_mut().spacing.scroll;
        scroll.dormant_handle_opacity = 0.8;
        scroll.dormant_background_opacity = 0.5;
    }
    overflow
}

/// While lanes lie below the view, a note at the foot of the label column says so.
fn more_below<R>(
    ui: &Ui,
    (t, pal): Look,
    salt: &str,
    view: Rect,
    overflow: bool,
    out: &egui::scroll_area::ScrollAreaOutput<R>,
) {
    let below = out.content_size.y - out.state.clamped_offset().y - out.inner_rect.height();
    if !overflow || below <= 1.0 {
        return;
    }
    let text = "⬇ More lanes below";
    let p = ui.painter();
    let galley = p.layout_no_wrap(text.to_owned(), FontId::proportional(t.small_size), pal.text);
    let at = pos2(view.left() + 6.0, view.bottom() - galley.size().y - 4.0);
    let back = Rect::from_min_size(at - vec2(4.0, 2.0), galley.size() + vec2(8.0, 4.0));
    p.rect(back, 4.0, pal.background, Stroke::new(1.0, pal.weak), egui::StrokeKind::Inside);
    p.galley(at, galley, pal.text);
    let r = ui.interact(back, egui::Id::unique(("relplan.calendar.more-lanes", salt)), egui::Sense::hover());
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
}
#[expect(clippy::too_many_arguments, reason = "the header needs the period, its geometry and the today tag")]
fn header_ui(
    ui: &Ui,
    cx: &Cx<'_>,
    axis: &TimeAxis,
    rect: Rect,
    (first, last): (Date, Date),
    header: f32,
    span: TimelineSpan,
    tag: Option<Rect>,
) {
    let p = ui.painter();
    let pal = &cx.pal;
    let t = &cx.tokens;
    let small = FontId::proportional(t.small_size);
    let mid = rect.top() + header / 2.0;
    // Days as 24 hours from the first midnight: an hour off at a clock change is a fraction of a point here.
    let x_of = |n: i64| axis.x(axis.start.checked_add(jiff::SignedDuration::from_hours(24 * n)).unwrap_or(axis.start));
    let mut d = first;
    let mut n = 0;
    while d <= last {
        let at = x_of(n);
        let weekend = super::geometry::is_weekend(d);
        if span == TimelineSpan::Quarter && weekend {
            let next = x_of(n + 1);
            p.rect_filled(
                Rect::from_min_max(pos2(at, rect.top() + header), pos2(next, rect.bottom())),
                0.0,
                pal.shade.gamma_multiply(0.6),
            );
        }
        if d.day() == 1 {
            p.line_segment(
                [pos2(at, rect.top()), pos2(at, rect.bottom())],
                Stroke::new(1.0, pal.grid.gamma_multiply(2.0)),
            );
            // The year is in the title; a year's months have room for their short names only.
            let name = match span {
                TimelineSpan::Year => d.strftime("%b").to_string(),
                TimelineSpan::Quarter if d.month() == 1 => d.strftime("%b %Y").to_string(),
                TimelineSpan::Quarter => d.strftime("%B").to_string(),
            };
            p.text(
                pos2(at + 4.0, rect.top() + 2.0),
                Align2::LEFT_TOP,
                name,
                FontId::proportional(t.small_size),
                pal.text,
            );
        } else if d.weekday() == jiff::civil::Weekday::Monday {
            p.line_segment([pos2(at, mid), pos2(at, rect.bottom())], Stroke::new(1.0, pal.grid));
            if span == TimelineSpan::Quarter {
                let galley = p.layout_no_wrap(d.day().to_string(), small.clone(), pal.weak);
                let size = galley.size();
                let number = Rect::from_min_size(pos2(at + 3.0, rect.top() + header - 2.0 - size.y), size);
                // The "Today" tag takes the place of the numbers it would cover.
                if tag.is_none_or(|t| !t.expand2(vec2(2.0, 0.0)).intersects(number)) {
                    p.galley(number.min, galley, pal.weak);
                }
            }
        }
        d = add_days(d, 1);
        n += 1;
    }
    let base = rect.top() + header;
    p.line_segment([pos2(rect.left(), base), pos2(rect.right(), base)], Stroke::new(1.0, pal.grid.gamma_multiply(2.0)));
}

fn conflict_strip(ui: &mut Ui, cx: &Cx<'_>, axis: &TimeAxis, strip: Rect) {
    let range = Interval::new(axis.start, axis.end);
    let from = cx.conflicts.partition_point(|c| {
        c.when.start < range.start.checked_sub(jiff::SignedDuration::from_hours(24 * 60)).unwrap_or(range.start)
    });
    let mut marks: Vec<(f32, f32)> = Vec::new();
    for c in cx.conflicts[from..].iter().take_while(|c| c.when.start < range.end).filter(|c| c.when.overlaps(&range)) {
        if let Some((a, b)) = axis.span(c.when.start, c.when.end) {
            let (a, b) = (a, b.max(a + 3.0));
            match marks.last_mut() {
                Some(last) if a <= last.1 + 1.0 => last.1 = last.1.max(b),
                _ => marks.push((a, b)),
            }
        }
    }
    let p = ui.painter();
    for (a, b) in &marks {
        p.rect_filled(
            Rect::from_min_max(pos2(*a, strip.top() + 1.0), pos2(*b, strip.bottom() - 1.0)),
            1.0,
            cx.pal.conflict,
        );
    }
    let r = ui.interact(strip, egui::Id::unique("relplan.calendar.conflict-strip"), egui::Sense::hover());
    let count = marks.len();
    r.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Label, true, format!("Conflict strip: {count} periods with conflicts"))
    });
    if let Some(pos) = r.hover_pos() {
        let at = axis.time(pos.x);
        let near: Vec<_> = cx.conflicts[from..]
            .iter()
            .take_while(|c| c.when.start < range.end)
            .filter(|c| {
                let pad = jiff::SignedDuration::from_secs((axis.seconds_per_point() * 3.0) as i64);
                c.when.start.checked_sub(pad).unwrap_or(c.when.start) <= at
                    && at <= c.when.end.checked_add(pad).unwrap_or(c.when.end)
            })
            .take(6)
            .collect();
        if !near.is_empty() {
            r.on_hover_ui(|ui| {
                for c in near {
                    ui.label(egui::RichText::new(format!("⚠ {}", c.describe(cx.book, &cx.tz))).color(cx.pal.conflict));
                }
            });
        }
    }
}

/// The "Today" tag: on the row of day numbers (under the months' names,
/// which it would otherwise cover), centred on now; `None` when today is
/// outside the period.
fn today_tag(ui: &Ui, cx: &Cx<'_>, axis: &TimeAxis, rect: Rect, header: f32) -> Option<(f32, Rect, Arc<Galley>)> {
    let day = day_interval(cx.today, cx.today, &cx.tz);
    if day.end < axis.start || day.start > axis.end {
        return None;
    }
    let x = axis.x(cx.now);
    let font = FontId::proportional(cx.tokens.small_size);
    let galley = ui.painter().layout_no_wrap("Today".to_owned(), font, cx.pal.on_deployment);
    let size = galley.size() + vec2(8.0, 2.0);
    let left = (x - size.x / 2.0).clamp(axis.left, (axis.right - size.x).max(axis.left));
    let tag = Rect::from_min_size(pos2(left, rect.top() + header - size.y - 1.0), size);
    Some((x, tag, galley))
}

fn today_line(ui: &Ui, cx: &Cx<'_>, axis: &TimeAxis, rect: Rect, header: f32) {
    let Some((x, tag, galley)) = today_tag(ui, cx, axis, rect, header) else { return };
    let p = ui.painter();
    p.line_segment([pos2(x, tag.bottom()), pos2(x, rect.bottom())], Stroke::new(2.0, cx.pal.today));
    p.rect_filled(tag, 3.0, cx.pal.today);
    p.galley(tag.min + vec2(4.0, 1.0), galley, cx.pal.on_deployment);
}
