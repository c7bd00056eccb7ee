//! The month view: a grid of weeks. Each day shows its phase bars, its
//! deployments and milestones (earliest first, then "+N more"), a strip
//! along the bottom with the hours of the day covered by blackouts
//! (hatched) and maintenance windows (outlined), and the number of
//! conflicts that start on it. Days frozen from end to end are hatched.

use super::geometry::{MonthGrid, add_days, days_between, is_weekend};
use super::interact::{Cx, Steps, drag_label};
use super::month_bars::{Segment, WeekCx, cramped_bars_ui, roomy_bars_ui};
use super::month_cells::{chip_ui, ghosts_ui, hidden_ui, strip_ui};
use super::month_layout::CellLayout;
use super::{Shift, paint};
use crate::schedule::items::day_interval;
use crate::schedule::{ItemFilter, ItemKind, Source};
use egui::{Align2, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

/// Where the items of one day go.
#[derive(Default)]
pub(super) struct Day {
    /// Deployments and milestones.
    pub(super) chips: Vec<usize>,
    /// Items that did not fit, listed on hover.
    pub(super) hidden: Vec<usize>,
    /// Blackouts and maintenance windows, drawn in the strip along the bottom.
    strip: Vec<usize>,
    /// Frozen from end to end: by a blackout of every environment (2) or of some (1).
    frozen: u8,
    conflicts: usize,
}

/// Shows the month that contains `anchor`.
pub fn month_ui(ui: &mut Ui, cx: &mut Cx<'_>, filter: &ItemFilter, anchor: Date) {
    cx.steps = Steps { horizontal: Shift { days: 1, minutes: 0 }, vertical: Shift { days: 7, minutes: 0 } };
    let t = cx.tokens;
    let rect = ui.available_rect_before_wrap();
    let grid = MonthGrid::new(rect, anchor, t.small_size + t.spacing);
    let range = day_interval(grid.first, grid.last(), &cx.tz);
    let items = cx.items(range, filter);
    let total = (grid.weeks * 7) as i64;
    let mut days: Vec<Day> = (0..total).map(|_| Day::default()).collect();
    let day_of = |d: Date| usize::try_from(days_between(grid.first, d)).ok().filter(|&i| (i as i64) < total);
    let tz = cx.tz.clone();
    let local_day = |t: jiff::Timestamp| tz.to_datetime(t).date();
    // Bars (phases, and blackouts of a day or more) and chips (deployments, milestones).
    let mut bars: Vec<(usize, Date, Date)> = Vec::new();
    let mut strips: Vec<usize> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.kind() {
            ItemKind::Phase => {
                if let Some((a, b)) = item.days {
                    bars.push((i, a, b));
                }
            }
            ItemKind::Deployment | ItemKind::Milestone => {
                let day = item.days.map_or_else(|| local_day(item.interval.start), |d| d.0);
                if let Some(n) = day_of(day) {
                    days[n].chips.push(i);
                }
            }
            ItemKind::Blackout | ItemKind::Maintenance => strips.push(i),
        }
        if item.kind() == ItemKind::Blackout {
            let last = local_day(
                item.interval.end.checked_sub(jiff::SignedDuration::from_secs(1)).unwrap_or(item.interval.end),
            );
            let mut d = local_day(item.interval.start);
            while d <= last {
                if let Some(n) = day_of(d) {
                    let whole = day_interval(d, d, &cx.tz);
                    if item.interval.contains(&whole) {
                        let level = match item.source {
                            Source::Blackout { blackout, .. } if paint::scoped(blackout) => 1,
                            _ => 2,
                        };
                        days[n].frozen = days[n].frozen.max(level);
                    }
                }
                d = add_days(d, 1);
            }
            if item.interval.length() >= jiff::SignedDuration::from_hours(24) {
                bars.push((i, local_day(item.interval.start), last));
            }
        }
    }
    for c in cx.conflicts.iter().filter(|c| c.when.overlaps(&range)) {
        if let Some(n) = day_of(local_day(c.when.start)) {
            days[n].conflicts += 1;
        }
    }
    paint_grid(ui, cx, &grid, &days);
    // Each day is a place to drop on, with a name for screen readers and tests.
    for n in 0..total {
        let date = add_days(grid.first, n);
        let cell = grid.cell_at((n / 7) as usize, (n % 7) as usize);
        let r = ui.interact(cell, egui::Id::unique(("relplan.calendar.day", date)), egui::Sense::hover());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, date.strftime("%a %-d %b %Y").to_string()));
    }
    let lay = CellLayout::new(grid.cell_at(0, 0).height(), t.small_size, t.stroke);
    let shift_at = |o: Pos2, p: Pos2| {
        let body = Rect::from_min_max(pos2(grid.rect.left(), grid.rect.top() + grid.header), grid.rect.max).shrink(1.0);
        match (grid.day_at(body.clamp(o)), grid.day_at(body.clamp(p))) {
            (Some(a), Some(b)) => Shift { days: days_between(a, b), minutes: 0 },
            _ => Shift::default(),
        }
    };
    let mut lanes_used = vec![0_usize; grid.weeks];
    for (week, used) in lanes_used.iter_mut().enumerate() {
        let mut segments: Vec<Segment> = Vec::new();
        for &(i, a, b) in &bars {
            for (w, first, last) in grid.week_runs(a, b) {
                if w == week {
                    let ends_here = days_between(grid.first, b) / 7 == w as i64;
                    segments.push((i, first, last, ends_here));
                }
            }
        }
        segments.sort_by_key(|s| (items[s.0].kind() != ItemKind::Blackout, s.1, std::cmp::Reverse(s.2)));
        let week_cx = WeekCx { grid: &grid, lay: &lay, items: &items, week, shift_at: &shift_at };
        *used = if lay.cramped() {
            cramped_bars_ui(ui, cx, &week_cx, &segments, &mut days)
        } else {
            roomy_bars_ui(ui, cx, &week_cx, &segments, &mut days)
        };
    }
    // Chips (deployments first), then the count of what did not fit next to the day's number.
    for (n, day) in days.iter_mut().enumerate() {
        day.chips.sort_by_key(|&i| items[i].kind() != ItemKind::Deployment);
        let (week, col) = (n / 7, n % 7);
        let cell = grid.cell_at(week, col);
        let free = if lay.cramped() { lay.room } else { lay.room.saturating_sub(lanes_used[week]) };
        let y0 = cell.top() + lay.top + lanes_used[week] as f32 * lay.lane_h();
        for (k, &i) in day.chips.iter().enumerate() {
            if k >= free {
                day.hidden.push(i);
                continue;
            }
            let y = y0 + k as f32 * lay.line;
            let chip = Rect::from_min_max(pos2(cell.left() + 3.0, y), pos2(cell.right() - 3.0, y + lay.line - lay.gap));
            chip_ui(ui, cx, &items[i], chip, &shift_at);
        }
        if !day.hidden.is_empty() {
            let right = cell.right() - 3.0 - if day.conflicts > 0 { t.small_size * 2.6 } else { 0.0 };
            // Never over the day's number: in a narrow cell (large type on a
            // projector) the count gets only the room the number leaves.
            let date = add_days(grid.first, n as i64);
            let label = day_label(date, cell, t.small_size);
            let number = ui.painter().layout_no_wrap(label, FontId::proportional(t.small_size), cx.pal.text);
            let after_number = cell.left() + 6.0 + number.size().x + 3.0;
            let place = Rect::from_min_max(
                pos2(after_number.min(right), cell.top() + 3.0),
                pos2(right, cell.top() + lay.top - 2.0),
            );
            let (text, label) = (format!("+{}", day.hidden.len()), format!("{} more", day.hidden.len()));
            hidden_ui(ui, cx, place, ("day", n), &[&text], &label, &items, &day.hidden);
        }
    }
    // The hours of each day under blackouts and maintenance windows.
    for &i in &strips {
        let item = &items[i];
        let mut d = local_day(item.interval.start).max(grid.first);
        while d <= local_day(item.interval.end).min(grid.last()) {
            if let Some(n) = day_of(d) {
                days[n].strip.push(i);
            }
            d = add_days(d, 1);
        }
    }
    for (n, day) in days.iter().enumerate().filter(|(_, d)| !d.strip.is_empty()) {
        let date = add_days(grid.first, n as i64);
        if let Some(cell) = grid.cell(date) {
            strip_ui(ui, cx, cell, date, lay.strip, &items, &day.strip);
        }
    }
    ghosts_ui(ui, cx, &grid, &items, lay.top, lay.line);
    drag_label(ui, cx);
}

/// A day's number as its cell shows it: "1 Jun" on the first of a month,
/// unless the cell is too narrow for that and a count of hidden items (the
/// month is in the title).
fn day_label(date: Date, cell: Rect, small_size: f32) -> String {
    if date.day() == 1 && cell.width() >= small_size * 5.5 {
        date.strftime("%-d %b").to_string()
    } else {
        date.day().to_string()
    }
}

fn paint_grid(ui: &Ui, cx: &Cx<'_>, grid: &MonthGrid, days: &[Day]) {
    let p = ui.painter();
    let pal = &cx.pal;
    let t = &cx.tokens;
    let small = FontId::proportional(t.small_size);
    for (col, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].iter().enumerate() {
        let h = grid.header_cell(col);
        p.text(pos2(h.left() + 6.0, h.center().y), Align2::LEFT_CENTER, *name, small.clone(), pal.weak);
    }
    let month = grid.cell_at(1, 0);
    let in_month = grid.day_at(month.center()).map(|d| (d.year(), d.month()));
    for (n, day) in days.iter().enumerate() {
        let (week, col) = (n / 7, n % 7);
        let cell = grid.cell_at(week, col);
        let date = add_days(grid.first, n as i64);
        let other = in_month != Some((date.year(), date.month()));
        if other || is_weekend(date) {
            p.rect_filled(cell, 0.0, pal.shade);
        }
        if day.frozen > 0 {
            paint::blackout(p, cell.shrink(0.5), pal, day.frozen == 1);
        }
        p.rect_stroke(cell, 0.0, Stroke::new(1.0, pal.grid), egui::StrokeKind::Inside);
        let label = day_label(date, cell, t.small_size);
        let at = pos2(cell.left() + 6.0, cell.top() + 4.0);
        let font = FontId::proportional(t.small_size);
        if date == cx.today {
            let galley = p.layout_no_wrap(label, font, pal.on_deployment);
            let pill = Rect::from_min_size(at - vec2(3.0, 1.0), galley.size() + vec2(6.0, 2.0));
            p.rect_filled(pill, 4.0, pal.today);
            p.galley(at, galley, pal.on_deployment);
            p.rect_stroke(cell.shrink(1.0), 0.0, Stroke::new(2.0, pal.today), egui::StrokeKind::Inside);
        } else {
            p.text(at, Align2::LEFT_TOP, label, font, if other { pal.weak } else { pal.text });
        }
        if day.conflicts > 0 {
            let text = format!("⚠ {}", day.conflicts);
            p.text(
                pos2(cell.right() - 6.0, cell.top() + 4.0),
                Align2::RIGHT_TOP,
                text,
                FontId::proportional(t.small_size),
                pal.conflict,
            );
        }
    }
}
