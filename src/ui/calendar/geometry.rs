//! Where things go on the calendar: pure functions from dates, times and
//! a rectangle to rectangles, and back from a pointer position to a date
//! or time. Painting and interaction live elsewhere; this file has no
//! `Ui` and is unit-tested.

use egui::{Pos2, Rect, pos2, vec2};
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};

/// The Monday on or before `day` (weeks start on Monday, as in ISO 8601).
pub fn monday_of(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
}

/// `day` moved by `n` days (unchanged at the calendar's ends).
pub fn add_days(day: Date, n: i64) -> Date {
    day.checked_add(jiff::Span::new().days(n)).unwrap_or(day)
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_hours().div_euclid(24)
}

/// A horizontal time axis: instants from `start` to `end` spread over `left..right`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    /// The instant at `left`.
    pub start: Timestamp,
    /// The instant at `right`.
    pub end: Timestamp,
    /// The x of `start`.
    pub left: f32,
    /// The x of `end`.
    pub right: f32,
}

impl TimeAxis {
    fn seconds(&self) -> f64 {
        (self.end.as_second() - self.start.as_second()).max(1) as f64
    }

    /// The x of an instant (not clamped).
    pub fn x(&self, t: Timestamp) -> f32 {
        let f = (t.as_second() - self.start.as_second()) as f64 / self.seconds();
        self.left + (f * f64::from(self.right - self.left)) as f32
    }

    /// The instant at x.
    pub fn time(&self, x: f32) -> Timestamp {
        let f = f64::from((x - self.left) / (self.right - self.left).max(1.0));
        let secs = self.start.as_second() + (f * self.seconds()).round() as i64;
        Timestamp::from_second(secs).unwrap_or(self.start)
    }

    /// The x range of a span, clamped to the axis; `None` when it is outside.
    pub fn span(&self, start: Timestamp, end: Timestamp) -> Option<(f32, f32)> {
        if end < self.start || start > self.end {
            return None;
        }
        Some((self.x(start).max(self.left), self.x(end).min(self.right)))
    }

    /// Seconds per point.
    pub fn seconds_per_point(&self) -> f64 {
        self.seconds() / f64::from((self.right - self.left).max(1.0))
    }
}

/// A month as a grid of weeks, Monday first, under a header row of weekday names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthGrid {
    /// The whole grid, header included.
    pub rect: Rect,
    /// The Monday in the top-left cell.
    pub first: Date,
    /// How many weeks (rows).
    pub weeks: usize,
    /// Height of the header row.
    pub header: f32,
}

impl MonthGrid {
    /// The grid of the month that contains `day`, in `rect`.
    pub fn new(rect: Rect, day: Date, header: f32) -> Self {
        let first_of_month = day.first_of_month();
        let first = monday_of(first_of_month);
        let last = day.last_of_month();
        let weeks = (days_between(first, last) / 7 + 1) as usize;
        Self { rect, first, weeks: weeks.max(1), header }
    }

    fn cell_size(&self) -> egui::Vec2 {
        vec2(self.rect.width() / 7.0, (self.rect.height() - self.header).max(0.0) / self.weeks as f32)
    }

    /// The last day on the grid.
    pub fn last(&self) -> Date {
        add_days(self.first, self.weeks as i64 * 7 - 1)
    }

    /// The rectangle of a weekday's header.
    pub fn header_cell(&self, column: usize) -> Rect {
        let w = self.rect.width() / 7.0;
        Rect::from_min_size(pos2(self.rect.left() + w * column as f32, self.rect.top()), vec2(w, self.header))
    }

    /// The cell at row `week`, column `column`.
    pub fn cell_at(&self, week: usize, column: usize) -> Rect {
        let s = self.cell_size();
        let min = pos2(self.rect.left() + s.x * column as f32, self.rect.top() + self.header + s.y * week as f32);
        Rect::from_min_size(min, s)
    }

    /// The cell of a day, if it is on the grid.
    pub fn cell(&self, day: Date) -> Option<Rect> {
        let n = days_between(self.first, day);
        if n < 0 || n >= self.weeks as i64 * 7 {
            return None;
        }
        Some(self.cell_at((n / 7) as usize, (n % 7) as usize))
    }

    /// The day under a point of the grid's body.
    pub fn day_at(&self, pos: Pos2) -> Option<Date> {
        let s = self.cell_size();
        if s.x <= 0.0 || s.y <= 0.0 || !self.rect.contains(pos) || pos.y < self.rect.top() + self.header {
            return None;
        }
        let column = (((pos.x - self.rect.left()) / s.x) as usize).min(6);
        let week = (((pos.y - self.rect.top() - self.header) / s.y) as usize).min(self.weeks - 1);
        Some(add_days(self.first, (week * 7 + column) as i64))
    }

    /// The pieces of a run of days from `from` to `to` (inclusive), one per
    /// week row: (row, first column, last column).
    pub fn week_runs(&self, from: Date, to: Date) -> Vec<(usize, usize, usize)> {
        let last = self.last();
        let (from, to) = (from.max(self.first), to.min(last));
        if from > to {
            return Vec::new();
        }
        let (a, b) = (days_between(self.first, from), days_between(self.first, to));
        (a / 7..=b / 7)
            .map(|week| {
                let first = if week == a / 7 { a % 7 } else { 0 };
                let last = if week == b / 7 { b % 7 } else { 6 };
                (week as usize, first as usize, last as usize)
            })
            .collect()
    }
}

/// A week as seven day columns under a header, with an all-day band above
/// the hours and a gutter for the hour labels on the left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeekGrid {
    /// The whole grid.
    pub rect: Rect,
    /// The Monday of the week.
    pub first: Date,
    /// Width of the hour labels.
    pub gutter: f32,
    /// Height of the day names.
    pub header: f32,
    /// Height of the all-day band.
    pub all_day: f32,
}

impl WeekGrid {
    /// The width of one day.
    pub fn day_width(&self) -> f32 {
        (self.rect.width() - self.gutter).max(0.0) / 7.0
    }

    /// The top of the hours.
    pub fn hours_top(&self) -> f32 {
        self.rect.top() + self.header + self.all_day
    }

    /// The height of one hour.
    pub fn hour_height(&self) -> f32 {
        (self.rect.bottom() - self.hours_top()).max(0.0) / 24.0
    }

    /// The column of day `i` (0 = Monday), from the top of the header to the bottom.
    pub fn column(&self, i: usize) -> Rect {
        let x = self.rect.left() + self.gutter + self.day_width() * i as f32;
        Rect::from_min_max(pos2(x, self.rect.top()), pos2(x + self.day_width(), self.rect.bottom()))
    }

    /// The y of a time of day, in minutes after midnight.
    pub fn y(&self, minutes: f32) -> f32 {
        self.hours_top() + minutes / 60.0 * self.hour_height()
    }

    /// The rectangle of minutes `from..to` of day `i`, in sub-column `lane` of `lanes`.
    pub fn block(&self, i: usize, from: f32, to: f32, lane: usize, lanes: usize) -> Rect {
        let c = self.column(i);
        let w = (c.width() - 6.0).max(2.0) / lanes.max(1) as f32;
        let x = c.left() + 3.0 + w * lane as f32;
        let (top, bottom) = (self.y(from), self.y(to).max(self.y(from) + 3.0));
        Rect::from_min_max(pos2(x, top), pos2(x + w - 1.0, bottom))
    }

    /// The day (0–6) and minute of day under a point, snapped to `snap` minutes.
    pub fn at(&self, pos: Pos2, snap: f32) -> (i64, f32) {
        let day = ((pos.x - self.rect.left() - self.gutter) / self.day_width().max(1.0)).floor() as i64;
        let minutes = (pos.y - self.hours_top()) / self.hour_height().max(0.1) * 60.0;
        (day, (minutes / snap).round() * snap)
    }

    /// The day index of a date (0 = Monday), if it is in the week.
    pub fn index(&self, day: Date) -> Option<usize> {
        let n = days_between(self.first, day);
        (0..7).contains(&n).then_some(n as usize)
    }
}

/// Places spans in lanes so that spans in one lane never overlap: each span
/// goes in the first lane free at its start. `spans` must be sorted by start.
/// Returns each span's lane and the number of lanes.
pub fn pack_lanes<T: PartialOrd + Copy>(spans: &[(T, T)]) -> (Vec<usize>, usize) {
    let mut lane_ends: Vec<T> = Vec::new();
    let mut lanes = Vec::with_capacity(spans.len());
    for &(start, end) in spans {
        match lane_ends.iter().position(|e| *e <= start) {
            Some(i) => {
                lane_ends[i] = end;
                lanes.push(i);
            }
            None => {
                lane_ends.push(end);
                lanes.push(lane_ends.len() - 1);
            }
        }
    }
    (lanes, lane_ends.len())
}

/// Groups spans (sorted by start) that would touch once each is widened to
/// `min_width` around its centre: where a scale is too coarse to tell items
/// apart, they are drawn and pointed at as one. Returns each group's x range
/// and the indices of its spans.
pub fn clusters(spans: &[(f32, f32)], min_width: f32) -> Vec<(f32, f32, Vec<usize>)> {
    let mut out: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for (i, &(a, b)) in spans.iter().enumerate() {
        let grow = ((min_width - (b - a)) / 2.0).max(0.0);
        let (a, b) = (a - grow, b + grow);
        match out.last_mut() {
            Some(last) if a < last.1 => {
                last.1 = last.1.max(b);
                last.2.push(i);
            }
            _ => out.push((a, b, vec![i])),
        }
    }
    out
}

/// Whether a day is a Saturday or Sunday.
pub fn is_weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_month_starts_on_the_monday_before_its_first_day() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(700.0, 620.0));
        let g = MonthGrid::new(rect, date(2026, 11, 27), 20.0);
        assert_eq!(g.first, date(2026, 10, 26));
        assert_eq!(g.weeks, 6, "November 2026 spans six weeks");
        assert_eq!(g.cell(date(2026, 11, 1)), Some(Rect::from_min_size(pos2(600.0, 20.0), vec2(100.0, 100.0))));
        assert_eq!(g.day_at(pos2(650.0, 70.0)), Some(date(2026, 11, 1)));
        assert_eq!(g.day_at(pos2(50.0, 10.0)), None, "the header is no day");
        assert_eq!(g.cell(date(2026, 12, 7)), None);
        let feb = MonthGrid::new(rect, date(2027, 2, 10), 20.0);
        assert_eq!(feb.weeks, 4, "February 2027 starts on a Monday and fills four weeks");
    }

    #[test]
    fn a_run_of_days_breaks_at_week_ends() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(700.0, 620.0));
        let g = MonthGrid::new(rect, date(2026, 11, 27), 20.0);
        assert_eq!(g.week_runs(date(2026, 11, 20), date(2026, 12, 2)), vec![(3, 4, 6), (4, 0, 6), (5, 0, 2)]);
        assert_eq!(g.week_runs(date(2026, 9, 1), date(2026, 10, 27)), vec![(0, 0, 1)], "clamped to the grid");
        assert!(g.week_runs(date(2027, 1, 1), date(2027, 1, 2)).is_empty());
    }

    #[test]
    fn the_time_axis_maps_both_ways() {
        let start = Timestamp::from_second(0).unwrap_or_default();
        let end = Timestamp::from_second(86_400).unwrap_or_default();
        let axis = TimeAxis { start, end, left: 100.0, right: 340.0 };
        let noon = Timestamp::from_second(43_200).unwrap_or_default();
        assert_eq!(axis.x(noon), 220.0);
        assert_eq!(axis.time(220.0), noon);
        assert_eq!(axis.span(noon, Timestamp::from_second(200_000).unwrap_or_default()), Some((220.0, 340.0)));
        assert_eq!(axis.seconds_per_point(), 360.0);
    }

    #[test]
    fn a_week_places_blocks_by_time() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(750.0, 580.0));
        let g = WeekGrid { rect, first: date(2026, 11, 23), gutter: 50.0, header: 40.0, all_day: 60.0 };
        assert_eq!(g.hour_height(), 20.0);
        let b = g.block(2, 60.0, 150.0, 1, 2);
        assert_eq!((b.top(), b.bottom()), (120.0, 150.0));
        assert_eq!(b.left(), 50.0 + 200.0 + 3.0 + 47.0);
        assert_eq!(g.at(pos2(260.0, 131.0), 15.0), (2, 90.0));
        assert_eq!(g.index(date(2026, 11, 29)), Some(6));
        assert_eq!(g.index(date(2026, 11, 30)), None);
    }

    #[test]
    fn close_spans_cluster_at_a_coarse_scale() {
        let spans = [(0.0, 1.0), (3.0, 3.5), (20.0, 40.0), (41.0, 42.0)];
        let got = clusters(&spans, 6.0);
        assert_eq!(
            got,
            vec![(-2.5, 6.25, vec![0, 1]), (20.0, 44.5, vec![2, 3])],
            "widened to 6 points, neighbours touch"
        );
        assert_eq!(clusters(&spans, 1.0).len(), 4, "at a fine scale each stands alone");
    }

    #[test]
    fn lanes_never_hold_overlapping_spans() {
        let spans = [(0, 10), (2, 5), (5, 8), (9, 12), (11, 13)];
        assert_eq!(pack_lanes(&spans), (vec![0, 1, 1, 1, 0], 2));
    }
}
