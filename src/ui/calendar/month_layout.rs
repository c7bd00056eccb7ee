//! How a month's day cell is divided, from its height and the type size:
//! pure arithmetic, unit-tested, used by [`super::month`].
//!
//! A roomy cell has lines of text: phase and blackout bars with their
//! names, then the day's deployments and milestones. A cramped cell (large
//! type on a small screen, where only one line of text fits) keeps every
//! phase in sight as thin lanes in the phase's colour, then one line of
//! text: a day's deployment or milestone, or, on days without one, the
//! name of the blackout or phase across it.

/// The parts of a day cell, in points from the cell's top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellLayout {
    /// From the cell's top to the first lane (below the day's number).
    pub top: f32,
    /// Height of a line of text (a chip or a labelled bar), gap included.
    pub line: f32,
    /// The gap under each line.
    pub gap: f32,
    /// Lines of text a day has room for.
    pub room: usize,
    /// Thin bar lanes above the text (cramped cells only; 0 in roomy ones).
    pub thin: usize,
    /// Height of a thin lane, its gap included.
    pub thin_h: f32,
    /// Height of the strip of blackout and maintenance hours along the bottom.
    pub strip: f32,
}

impl CellLayout {
    /// The layout of a cell `cell_h` high, for text of `small` points and
    /// outlines `stroke` wide.
    pub fn new(cell_h: f32, small: f32, stroke: f32) -> Self {
        let strip = if stroke > 1.0 { 7.0 } else { 5.0 };
        let (top, line) = (small + 7.0, small + 6.0);
        let room = ((cell_h - top - strip - 3.0) / line).floor().max(0.0) as usize;
        if room >= 2 {
            return Self { top, line, gap: 2.0, room, thin: 0, thin_h: 0.0, strip };
        }
        // Cramped: tighter lines just under the number, two thin lanes before the line of text.
        let (top, line, strip) = (small + 4.0, small + 3.0, strip.min(5.0));
        let thin_h = (small * 0.25).round().max(3.0) + 1.0;
        let body = cell_h - top - strip - 2.0;
        let room = usize::from(body - 2.0 * thin_h >= line);
        let thin = (((body - room as f32 * line) / thin_h).floor().max(0.0) as usize).min(3);
        Self { top, line, gap: 1.0, room, thin, thin_h, strip }
    }

    /// Whether bars are thin lanes without text.
    pub fn cramped(&self) -> bool {
        self.room < 2
    }

    /// Height of one bar lane, gap included.
    pub fn lane_h(&self) -> f32 {
        if self.cramped() { self.thin_h } else { self.line }
    }
}

/// The runs of consecutive days from `first` to `last` (columns of a
/// week, inclusive) that are `free`, as (first, last) pairs.
pub fn free_runs(free: &[bool; 7], first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    let last = last.min(6);
    for (col, &is_free) in free.iter().enumerate().take(last + 1).skip(first) {
        match (is_free, start) {
            (true, None) => start = Some(col),
            (false, Some(s)) => {
                runs.push((s, col - 1));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, last));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roomy_cells_have_labelled_lines_and_no_thin_lanes() {
        let l = CellLayout::new(82.0, 12.0, 1.0);
        assert!(!l.cramped());
        assert_eq!((l.room, l.thin), (3, 0));
    }

    #[test]
    fn a_projector_cell_at_1280_by_800_keeps_two_thin_lanes_and_a_line_of_text() {
        // 17-point type, 58 points high: the cells of the projector theme's month at 1280 × 800.
        for h in [58.0, 62.0] {
            let l = CellLayout::new(h, 17.0, 2.0);
            assert!(l.cramped(), "{h}");
            assert_eq!((l.room, l.thin), (1, 2), "{h}");
            let used = l.top + l.thin as f32 * l.thin_h + l.line + l.strip + 2.0;
            assert!(used <= h, "{used} > {h}");
            assert!(l.thin_h - 1.0 >= 3.0, "a thin lane is still a visible bar");
        }
    }

    #[test]
    fn a_tiny_cell_keeps_thin_lanes_before_text() {
        let l = CellLayout::new(40.0, 17.0, 2.0);
        assert_eq!(l.room, 0);
        assert!(l.thin >= 1);
        assert_eq!(CellLayout::new(10.0, 17.0, 2.0).thin, 0);
    }

    #[test]
    fn free_runs_are_the_stretches_of_free_days() {
        let free = [true, false, true, true, true, false, true];
        assert_eq!(free_runs(&free, 0, 6), vec![(0, 0), (2, 4), (6, 6)]);
        assert_eq!(free_runs(&free, 3, 5), vec![(3, 4)]);
        assert_eq!(free_runs(&free, 1, 1), Vec::<(usize, usize)>::new());
    }
}
