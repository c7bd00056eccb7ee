//! The week view: seven day columns with the 24 hours of each day.
//! Phases and milestones lie in a band above the hours; blackouts are
//! hatched and maintenance windows outlined at their hours; deployment
//! windows are blocks, side by side where they overlap; a line marks now.

use super::geometry::{WeekGrid, add_days, days_between, is_weekend, monday_of, pack_lanes};
use super::interact::{Cx, End, Steps, drag_label, item_ui};
use super::{Shift, edits, paint};
use crate::schedule::items::day_interval;
use crate::schedule::{CalendarItem, Interval, ItemFilter, ItemKind, Source};
use egui::{Align2, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

/// At most this many lanes of phases and milestones are shown above the hours.
const ALL_DAY_LANES: usize = 4;

/// Shows the week that contains `anchor`.
pub fn week_ui(ui: &mut Ui, cx: &mut Cx<'_>, filter: &ItemFilter, anchor: Date) {
    cx.steps = Steps { horizontal: Shift { days: 1, minutes: 0 }, vertical: Shift { days: 0, minutes: 15 } };
    let t = cx.tokens;
    let first = monday_of(anchor);
    let range = day_interval(first, add_days(first, 6), &cx.tz);
    let items = cx.items(range, filter);
    let line = t.small_size + 6.0;
    // Whole-day items in lanes above the hours.
    let mut bars: Vec<(usize, i64, i64)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| it.days.map(|(a, b)| (i, days_between(first, a).max(0), days_between(first, b).min(6))))
        .collect();
    bars.sort_by_key(|b| (b.1, std::cmp::Reverse(b.2)));
    let (lanes, count) = pack_lanes(&bars.iter().map(|b| (b.1, b.2 + 1)).collect::<Vec<_>>());
    let hidden = lanes.iter().filter(|&&l| l >= ALL_DAY_LANES).count();
    let shown_lanes = count.min(ALL_DAY_LANES);
    let rect = ui.available_rect_before_wrap();
    let gutter = t.small_size * 3.6;
    let header = t.small_size + t.body_size + t.spacing + 8.0;
    let all_day = (shown_lanes.max(1) as f32) * line + 8.0;
    let grid = WeekGrid { rect, first, gutter, header, all_day };
    paint_grid(ui, cx, &grid);
    let shift_days = |o: Pos2, p: Pos2| Shift { days: grid.at(p, 15.0).0 - grid.at(o, 15.0).0, minutes: 0 };
    let shift_time = |o: Pos2, p: Pos2| {
        let ((d0, m0), (d1, m1)) = (grid.at(o, 15.0), grid.at(p, 15.0));
        Shift { days: d1 - d0, minutes: (m1 - m0) as i64 }
    };
    // Blackouts and maintenance windows first, then deployments on top.
    for kind in [ItemKind::Blackout, ItemKind::Maintenance] {
        for item in items.iter().filter(|i| i.kind() == kind) {
            for (n, (day, part, _)) in day_parts(cx, &grid, item.interval).into_iter().enumerate() {
                let r = grid.block(day, part.0, part.1, 0, 1).expand2(vec2(2.0, 0.0));
                let _ = item_ui(ui, cx, item, r, day, None, &shift_time);
                let p = ui.painter();
                if let Source::Blackout { blackout, .. } = item.source {
                    paint::blackout(p, r, &cx.pal, paint::scoped(blackout));
                    if n == 0 && r.height() > line {
                        // The environments it binds when they fit on a line; the tooltip always says.
                        let full = super::details::blackout_title(blackout, cx.book);
                        let font = FontId::proportional(t.small_size);
                        let fits =
                            p.layout_no_wrap(full.clone(), font, cx.pal.blackout_text).size().x < r.width() - 10.0;
                        let title = if fits { full } else { blackout.name.clone() };
                        // Between words, as many lines as the block has room for, "…" when cut.
                        let font = FontId::proportional(t.small_size);
                        let row = p.layout_no_wrap("Ag".to_owned(), font.clone(), cx.pal.blackout_text).size().y;
                        let rows = ((r.height() - 6.0) / row).floor().max(1.0) as usize;
                        let text = paint::wrap_words(p, &title, &font, r.width() - 8.0, rows);
                        let galley = p.layout_no_wrap(text, font, cx.pal.blackout_text);
                        let back = Rect::from_min_size(r.min + vec2(2.0, 2.0), galley.size() + vec2(6.0, 2.0));
                        let clip = p.with_clip_rect(r.intersect(p.clip_rect()));
                        clip.rect_filled(back, 3.0, cx.pal.background.gamma_multiply(0.9));
                        clip.galley(back.min + vec2(3.0, 1.0), galley, cx.pal.blackout_text);
                    }
                } else {
                    paint::maintenance(p, r.shrink(1.0), &cx.pal);
                }
            }
        }
    }
    deployments_ui(ui, cx, &grid, &items, &shift_time);
    for ((i, a, b), lane) in bars.iter().zip(lanes) {
        if lane >= ALL_DAY_LANES {
            continue;
        }
        let (l, r) = (grid.column(*a as usize), grid.column(*b as usize));
        let y = rect.top() + header + 4.0 + lane as f32 * line;
        let bar = Rect::from_min_max(pos2(l.left() + 2.0, y), pos2(r.right() - 2.0, y + line - 2.0));
        let item = &items[*i];
        let ends = item.days.is_some_and(|(_, last)| days_between(first, last) <= 6);
        bar_ui(ui, cx, item, bar, ends.then_some(End::Right), &shift_days);
    }
    if count > ALL_DAY_LANES {
        let at = pos2(rect.left() + 4.0, rect.top() + header + all_day - 4.0);
        ui.painter().text(
            at,
            Align2::LEFT_BOTTOM,
            format!("+{hidden}"),
            FontId::proportional(t.small_size),
            cx.pal.weak,
        );
    }
    ghost_ui(ui, cx, &grid, &items, line);
    now_line(ui, cx, &grid);
    drag_label(ui, cx);
}

/// The pieces of an interval in each day of the week: (day, (from, to) minutes, whether it ends there).
fn day_parts(cx: &Cx<'_>, grid: &WeekGrid, at: Interval) -> Vec<(usize, (f32, f32), bool)> {
    let mut out = Vec::new();
    for day in 0..7 {
        let d = add_days(grid.first, day as i64);
        let whole = day_interval(d, d, &cx.tz);
        let part = at.intersection(&whole);
        if part.length() <= jiff::SignedDuration::ZERO
            && !(at.start == at.end && whole.start <= at.start && at.start < whole.end)
        {
            continue;
        }
        let minutes = |t: jiff::Timestamp| {
            let dt = cx.tz.to_datetime(t);
            if dt.date() > d { 1440.0 } else { f32::from(dt.hour()) * 60.0 + f32::from(dt.minute()) }
        };
        out.push((day, (minutes(part.start), minutes(part.end)), at.end <= whole.end));
    }
    out
}

fn paint_grid(ui: &Ui, cx: &Cx<'_>, grid: &WeekGrid) {
    let p = ui.painter();
    let pal = &cx.pal;
    let t = &cx.tokens;
    let small = FontId::proportional(t.small_size);
    let body = Rect::from_min_max(pos2(grid.rect.left() + grid.gutter, grid.hours_top()), grid.rect.max);
    for day in 0..7 {
        let date = add_days(grid.first, day as i64);
        let col = grid.column(day);
        if is_weekend(date) {
            p.rect_filled(Rect::from_min_max(pos2(col.left(), grid.rect.top()), col.max), 0.0, pal.shade);
        }
        let head = Rect::from_min_size(col.min, vec2(col.width(), grid.header));
        let today = date == cx.today;
        if today {
            p.rect_filled(head.shrink(2.0), 4.0, pal.today);
        }
        let colour = if today { pal.on_deployment } else { pal.text };
        p.text(
            pos2(head.center().x, head.top() + 4.0),
            Align2::CENTER_TOP,
            date.strftime("%a").to_string(),
            small.clone(),
            colour,
        );
        p.text(
            pos2(head.center().x, head.bottom() - 4.0),
            Align2::CENTER_BOTTOM,
            date.strftime("%-d %b").to_string(),
            FontId::proportional(t.body_size),
            colour,
        );
        p.line_segment([col.left_top(), col.left_bottom()], Stroke::new(1.0, pal.grid));
        if today {
            p.rect_stroke(
                Rect::from_min_max(pos2(col.left(), grid.hours_top()), col.max),
                0.0,
                Stroke::new(2.0, pal.today),
                egui::StrokeKind::Inside,
            );
        }
    }
    let label_every = if grid.hour_height() < t.small_size * 1.3 { 3 } else { 1 };
    for hour in 0..=24 {
        let y = grid.y(hour as f32 * 60.0);
        let strong = hour % 6 == 0;
        p.line_segment(
            [pos2(body.left(), y), pos2(body.right(), y)],
            Stroke::new(1.0, if strong { pal.grid.gamma_multiply(1.8) } else { pal.grid }),
        );
        if hour < 24 && hour % label_every == 0 {
            p.text(
                pos2(grid.rect.left() + grid.gutter - 6.0, y),
                Align2::RIGHT_CENTER,
                format!("{hour:02}:00"),
                small.clone(),
                pal.weak,
            );
        }
    }
    let band = Rect::from_min_max(
        pos2(grid.rect.left(), grid.rect.top() + grid.header),
        pos2(grid.rect.right(), grid.hours_top()),
    );
    p.line_segment([band.left_bottom(), band.right_bottom()], Stroke::new(1.0, pal.grid.gamma_multiply(1.8)));
    p.text(pos2(band.left() + 4.0, band.center().y), Align2::LEFT_CENTER, "All day", small, pal.weak);
}

fn deployments_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    grid: &WeekGrid,
    items: &[CalendarItem<'_>],
    shift_time: &dyn Fn(Pos2, Pos2) -> Shift,
) {
    let t = cx.tokens;
    for day in 0..7 {
        let mut parts: Vec<(usize, (f32, f32), bool, usize)> = Vec::new();
        for (i, item) in items.iter().enumerate().filter(|(_, i)| i.kind() == ItemKind::Deployment) {
            for (d, part, ends) in day_parts(cx, grid, item.interval) {
                if d == day {
                    parts.push((i, part, ends, d));
                }
            }
        }
        parts.sort_by(|a, b| a.1.0.total_cmp(&b.1.0));
        let (lanes, count) = pack_lanes(&parts.iter().map(|p| (p.1.0, p.1.1.max(p.1.0 + 15.0))).collect::<Vec<_>>());
        for ((i, (from, to), ends, d), lane) in parts.into_iter().zip(lanes) {
            let item = &items[i];
            let rect = grid.block(day, from, to, lane, count);
            let dragging = cx.dragging(item).is_some();
            let conflicted = cx.conflicted(item);
            let _ = item_ui(ui, cx, item, rect, d, ends.then_some(End::Bottom), shift_time);
            let pal = &cx.pal;
            let p = ui.painter();
            let outline = conflicted.then(|| Stroke::new(2.0, pal.conflict));
            paint::block(p, rect, pal.deployment.gamma_multiply(if dragging { 0.35 } else { 1.0 }), outline);
            block_text(p, cx, item, rect, t.small_size);
            if conflicted {
                paint::conflict_mark(p, rect, pal, t.small_size);
            }
        }
    }
}

fn block_text(p: &egui::Painter, cx: &Cx<'_>, item: &CalendarItem<'_>, rect: Rect, size: f32) {
    let Source::Deployment { release, deployment } = item.source else { return };
    let clip = p.with_clip_rect(rect.shrink(2.0).intersect(p.clip_rect()));
    let font = FontId::proportional(size);
    let (a, b) = (cx.tz.to_datetime(item.interval.start), cx.tz.to_datetime(item.interval.end));
    let lines = [
        format!("{}–{}", a.strftime("%H:%M"), b.strftime("%H:%M")),
        format!("{} {}", release.id, deployment.name),
        cx.book.environment(&deployment.environment).map(|e| e.name.clone()).unwrap_or_default(),
    ];
    let mut y = rect.top() + 2.0;
    for text in lines {
        if y + size > rect.bottom() || rect.width() < size * 1.5 {
            break;
        }
        let galley = paint::fit(p, &[&text], "", font.clone(), cx.pal.on_deployment, rect.width() - 8.0);
        clip.galley(pos2(rect.left() + 4.0, y), galley, cx.pal.on_deployment);
        y += size + 3.0;
    }
}

fn bar_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    item: &CalendarItem<'_>,
    bar: Rect,
    end: Option<End>,
    shift_days: &dyn Fn(Pos2, Pos2) -> Shift,
) {
    let dragging = cx.dragging(item).is_some();
    let _ = item_ui(ui, cx, item, bar, 0, end, shift_days);
    paint_bar(ui.painter(), cx, item, bar, if dragging { 0.35 } else { 1.0 }, end.is_some());
}

fn paint_bar(p: &egui::Painter, cx: &Cx<'_>, item: &CalendarItem<'_>, bar: Rect, dim: f32, ends: bool) {
    let pal = &cx.pal;
    let font = FontId::proportional(cx.tokens.small_size);
    match item.source {
        Source::Phase { release, phase } => {
            paint::phase_bar(p, pal, bar, phase, ends, dim);
            paint::label(
                p,
                bar.shrink2(vec2(3.0, 0.0)),
                &format!("{} {} · {}", release.id, release.name, phase.label()),
                font,
                pal.text.gamma_multiply(dim),
            );
        }
        Source::Milestone { release, milestone } => {
            let r = (bar.height() / 2.0 - 2.0).max(3.0);
            let c = pos2(bar.left() + r + 3.0, bar.center().y);
            paint::milestone(p, pal, c, r, milestone.done, dim);
            paint::label(
                p,
                bar.with_min_x(c.x + r),
                &format!("{} {}", release.id, milestone.name),
                font,
                pal.text.gamma_multiply(dim),
            );
        }
        _ => {}
    }
}

fn ghost_ui(ui: &Ui, cx: &Cx<'_>, grid: &WeekGrid, items: &[CalendarItem<'_>], line: f32) {
    let Some(d) = cx.drag.as_ref().filter(|d| !d.shift.is_zero()) else { return };
    let Some(item) = items.iter().find(|i| d.key.is(i)) else { return };
    let stroke = Stroke::new(2.0, cx.pal.today);
    let p = ui.painter();
    if item.kind() == ItemKind::Deployment {
        let Some(at) = edits::preview(cx.book, &d.key, d.mode, d.shift, &cx.tz) else { return };
        for (day, (from, to), _) in day_parts(cx, grid, at) {
            let rect = grid.block(day, from, to, 0, 1);
            paint::block(p, rect, cx.pal.deployment.gamma_multiply(0.8), Some(stroke));
            let moved = CalendarItem { interval: at, ..*item };
            block_text(p, cx, &moved, rect, cx.tokens.small_size);
        }
    } else if let Some((a, b)) = edits::preview_days(cx.book, &d.key, d.mode, d.shift) {
        let (a, b) = (days_between(grid.first, a).clamp(0, 6), days_between(grid.first, b).clamp(0, 6));
        let (l, r) = (grid.column(a as usize), grid.column(b as usize));
        let y = grid.hours_top() - line - 4.0;
        let bar = Rect::from_min_max(pos2(l.left() + 2.0, y), pos2(r.right() - 2.0, y + line - 2.0));
        paint_bar(p, cx, item, bar, 1.0, true);
        p.rect_stroke(bar, 3.0, stroke, egui::StrokeKind::Outside);
    }
}

fn now_line(ui: &Ui, cx: &Cx<'_>, grid: &WeekGrid) {
    let Some(day) = grid.index(cx.today) else { return };
    let now = cx.tz.to_datetime(cx.now);
    let y = grid.y(f32::from(now.hour()) * 60.0 + f32::from(now.minute()));
    let col = grid.column(day);
    let stroke = Stroke::new(2.0, cx.pal.conflict);
    ui.painter().line_segment([pos2(col.left(), y), pos2(col.right(), y)], stroke);
    ui.painter().circle_filled(pos2(col.left() + 1.0, y), 4.0, cx.pal.conflict);
}
