//! The phase and blackout bars of one week of the month grid, in a roomy
//! cell (labelled bars, "+N more" for the rest of the week) or a cramped
//! one (thin lanes in the phase's colour, and the names on the line of
//! text of days without a deployment or milestone); see [`super::month_layout`].

use super::Shift;
use super::geometry::{MonthGrid, pack_lanes};
use super::interact::{Cx, End};
use super::month::Day;
use super::month_cells::{bar_ui, hidden_ui};
use super::month_layout::{CellLayout, free_runs};
use crate::schedule::{CalendarItem, ItemKind};
use egui::{Pos2, Rect, Ui, pos2};

/// A bar's piece in one week: (item, first column, last column, whether the item ends in it).
pub(super) type Segment = (usize, usize, usize, bool);

/// What every bar of a week needs.
pub(super) struct WeekCx<'a, 'i> {
    pub(super) grid: &'a MonthGrid,
    pub(super) lay: &'a CellLayout,
    pub(super) items: &'a [CalendarItem<'i>],
    pub(super) week: usize,
    pub(super) shift_at: &'a dyn Fn(Pos2, Pos2) -> Shift,
}

impl WeekCx<'_, '_> {
    /// The rectangle from column `first` to `last` at `y` below the cells' top, `h` high.
    fn span(&self, first: usize, last: usize, y: f32, h: f32) -> Rect {
        let (l, r) = (self.grid.cell_at(self.week, first), self.grid.cell_at(self.week, last));
        let top = l.top() + y;
        Rect::from_min_max(pos2(l.left() + 2.0, top), pos2(r.right() - 2.0, top + h))
    }
}

/// Labelled bars in the lines the busiest day's chips leave, at most two;
/// the rest are counted in a "+N more" at the end of the week. Returns the lanes used.
pub(super) fn roomy_bars_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    w: &WeekCx<'_, '_>,
    segments: &[Segment],
    days: &mut [Day],
) -> usize {
    let (lay, week) = (w.lay, w.week);
    let busiest = (0..7).map(|c| days[week * 7 + c].chips.len()).max().unwrap_or(0);
    let bar_lanes = lay.room.saturating_sub(busiest).clamp(1, 2);
    let spans: Vec<(usize, usize)> = segments.iter().map(|s| (s.1, s.2 + 1)).collect();
    let (lanes, _) = pack_lanes(&spans);
    let mut hidden: Vec<usize> = Vec::new();
    let mut used = 0;
    for (s, lane) in segments.iter().zip(lanes) {
        if lane >= bar_lanes {
            hidden.push(s.0);
            continue;
        }
        used = used.max(lane + 1);
        let bar = w.span(s.1, s.2, lay.top + lane as f32 * lay.line, lay.line - lay.gap);
        bar_ui(ui, cx, &w.items[s.0], bar, week, s.3.then_some(End::Right), w.shift_at);
    }
    if !hidden.is_empty() {
        let cell = w.grid.cell_at(week, 6);
        let y = cell.top() + lay.top + (bar_lanes - 1) as f32 * lay.line;
        let place = Rect::from_min_max(pos2(cell.left() + 3.0, y), pos2(cell.right() - 3.0, y + lay.line - lay.gap));
        let n = hidden.len();
        let label = format!("{n} more phases and blackouts this week");
        let texts = [format!("+{n} more"), format!("+{n}")];
        hidden_ui(ui, cx, place, ("bars", week), &[&texts[0], &texts[1]], &label, w.items, &hidden);
    }
    used
}

/// Phases as thin lanes in their colour (a blackout already hatches the
/// days it freezes and marks its hours in the strip), then, on the line of
/// text of each day without a deployment or milestone, the name of what
/// lies across it: blackouts first, then phases in order. A phase with no
/// lane left is counted in the "+N" of the days that do not name it.
/// Returns the thin lanes used.
pub(super) fn cramped_bars_ui(
    ui: &mut Ui,
    cx: &mut Cx<'_>,
    w: &WeekCx<'_, '_>,
    segments: &[Segment],
    days: &mut [Day],
) -> usize {
    let (lay, week) = (w.lay, w.week);
    let phases: Vec<usize> =
        (0..segments.len()).filter(|&k| w.items[segments[k].0].kind() == ItemKind::Phase).collect();
    let spans: Vec<(usize, usize)> = phases.iter().map(|&k| (segments[k].1, segments[k].2 + 1)).collect();
    let (lanes, _) = pack_lanes(&spans);
    let mut used = 0;
    let mut overflow: Vec<usize> = Vec::new();
    for (&k, lane) in phases.iter().zip(lanes) {
        let s = segments[k];
        if lane >= lay.thin {
            overflow.push(k);
            continue;
        }
        used = used.max(lane + 1);
        let bar = w.span(s.1, s.2, lay.top + lane as f32 * lay.thin_h, lay.thin_h - 1.0);
        bar_ui(ui, cx, &w.items[s.0], bar, week, s.3.then_some(End::Right), w.shift_at);
    }
    let mut free: [bool; 7] = std::array::from_fn(|c| lay.room > 0 && days[week * 7 + c].chips.is_empty());
    let mut named: Vec<(usize, usize, usize)> = Vec::new();
    let y = lay.top + used as f32 * lay.thin_h;
    for (k, s) in segments.iter().enumerate() {
        for (a, b) in free_runs(&free, s.1, s.2) {
            free[a..=b].iter_mut().for_each(|f| *f = false);
            named.push((k, a, b));
            let bar = w.span(a, b, y, lay.line - lay.gap);
            let end = (s.3 && b == s.2).then_some(End::Right);
            bar_ui(ui, cx, &w.items[s.0], bar, 1000 + week * 7 + a, end, w.shift_at);
        }
    }
    for k in overflow {
        let s = segments[k];
        for col in s.1..=s.2 {
            if !named.iter().any(|&(n, a, b)| n == k && a <= col && col <= b) {
                days[week * 7 + col].hidden.push(s.0);
            }
        }
    }
    used
}
