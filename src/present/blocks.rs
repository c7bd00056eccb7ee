//! The parts a slide is made of: facts, big numbers, tables, text, a
//! phase track, a calendar excerpt and a risk matrix.
//!
//! Blocks say *what* to show and how much it matters (a [`Tone`]), never
//! how it looks: the window draws them with the projector theme, and a
//! printed or PDF copy of the deck can draw the same blocks on a page.

use crate::model::{Band, Id, Phase};
use jiff::civil::Date;

/// How much a piece of text matters. Each tone is drawn with a colour *and*
/// a word or symbol in the text itself, so colour never carries meaning alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Ordinary text.
    #[default]
    Normal,
    /// Secondary text: ids, dates, remarks.
    Weak,
    /// Done, met, approved.
    Good,
    /// Needs attention.
    Warning,
    /// Blocking, failed, rejected.
    Bad,
    /// The thing being talked about: the current phase, a total.
    Accent,
}

/// A piece of text with its tone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The words.
    pub text: String,
    /// How much they matter.
    pub tone: Tone,
}

impl Cell {
    /// Ordinary text.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), tone: Tone::Normal }
    }

    /// Text in a tone.
    pub fn tone(text: impl Into<String>, tone: Tone) -> Self {
        Self { text: text.into(), tone }
    }
}

/// A label and its value, e.g. "Owner: Claire Donovan".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// What the value is.
    pub label: String,
    /// The value.
    pub value: Cell,
}

impl Fact {
    /// A fact in ordinary text.
    pub fn new(label: &str, value: impl Into<String>) -> Self {
        Self { label: label.to_owned(), value: Cell::new(value) }
    }

    /// A fact with a tone.
    pub fn tone(label: &str, value: impl Into<String>, tone: Tone) -> Self {
        Self { label: label.to_owned(), value: Cell::tone(value, tone) }
    }
}

/// A big number with a caption, readable from the back of the room,
/// e.g. "3 of 5" over "acceptance criteria met".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    /// The number or word.
    pub value: String,
    /// What it counts.
    pub caption: String,
    /// Good, warning or bad.
    pub tone: Tone,
}

impl Stat {
    /// A stat.
    pub fn new(value: impl Into<String>, caption: impl Into<String>, tone: Tone) -> Self {
        Self { value: value.into(), caption: caption.into(), tone }
    }
}

/// How wide a table column is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    /// As wide as its widest cell (up to a limit).
    Fit,
    /// A share of the room left after the fitted columns.
    Fill(f32),
}

/// A table column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header.
    pub header: String,
    /// Its width.
    pub width: Width,
}

impl Column {
    /// A column as wide as its content.
    pub fn fit(header: &str) -> Self {
        Self { header: header.to_owned(), width: Width::Fit }
    }

    /// A column that takes the room left, with this weight.
    pub fn fill(header: &str, weight: f32) -> Self {
        Self { header: header.to_owned(), width: Width::Fill(weight) }
    }
}

/// What a decision taken on a row acts on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// An acceptance criterion.
    Criterion(Id),
    /// An approval.
    Approval(Id),
    /// A go/no-go vote.
    Vote(Id),
    /// A risk.
    Risk(Id),
}

/// A table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// What a live decision on this row would change.
    pub target: Option<Target>,
}

/// A table, with the rows that did not fit counted rather than dropped silently.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// A caption above the table.
    pub caption: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows shown.
    pub rows: Vec<Row>,
    /// Rows left out to keep the slide readable.
    pub more: usize,
    /// What to say when there are no rows.
    pub empty: String,
}

impl Table {
    /// An empty table with a caption, its columns and the words for no rows.
    pub fn new(caption: &str, columns: Vec<Column>, empty: &str) -> Self {
        Self { caption: caption.to_owned(), columns, rows: Vec::new(), more: 0, empty: empty.to_owned() }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<Cell>, target: Option<Target>) {
        self.rows.push(Row { cells, target });
    }

    /// Keeps the first `max` rows and counts the rest in [`Table::more`].
    pub fn limit(&mut self, max: usize) {
        if self.rows.len() > max {
            self.more += self.rows.len() - max;
            self.rows.truncate(max);
        }
    }
}

/// One phase on the phase track.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseStep {
    /// Which phase.
    pub phase: Phase,
    /// Its planned (or actual) days, in words.
    pub dates: String,
    /// Done, current or to come.
    pub state: StepState,
}

/// Where a phase stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Finished.
    Done,
    /// The release is in it now.
    Current,
    /// Still to come.
    Next,
}

/// A calendar excerpt: days across, one lane per kind of thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The first day shown.
    pub first: Date,
    /// The last day shown.
    pub last: Date,
    /// Today, when it is in range.
    pub today: Option<Date>,
    /// The lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// Blackout and freeze windows, shaded across every lane.
    pub shaded: Vec<Span>,
}

/// A row of the calendar excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The lane's name, e.g. "Phases" or "Production".
    pub label: String,
    /// What is on it.
    pub spans: Vec<Span>,
}

/// Something on the calendar excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The first day.
    pub first: Date,
    /// The last day (the same as `first` for a one-day thing).
    pub last: Date,
    /// A short label.
    pub label: String,
    /// What it is.
    pub kind: SpanKind,
    /// Whether it is in a schedule conflict.
    pub conflict: bool,
}

/// What a span on the calendar excerpt is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// A release phase; `current` when the release is in it.
    Phase {
        /// Whether the release is in this phase now.
        current: bool,
    },
    /// A milestone; `done` when reached.
    Milestone {
        /// Whether it has been reached.
        done: bool,
    },
    /// A deployment window.
    Deployment,
    /// A blackout or change freeze.
    Blackout,
}

/// A risk heat map with counts, for a slide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskMatrix {
    /// Points on each axis.
    pub scale: u8,
    /// What the positions are, e.g. "Current exposure".
    pub caption: String,
    /// The cells, likelihood from 1 and impact varying fastest.
    pub cells: Vec<MatrixCell>,
}

/// One cell of a [`RiskMatrix`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    /// Likelihood, from 1.
    pub likelihood: u8,
    /// Impact, from 1.
    pub impact: u8,
    /// Likelihood × impact.
    pub score: u8,
    /// The band of the score.
    pub band: Band,
    /// How many risks sit in it.
    pub count: usize,
}

/// A part of a slide.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Big numbers side by side.
    Stats(Vec<Stat>),
    /// Labelled values, one under the other.
    Facts(Vec<Fact>),
    /// Labelled values side by side in a line that wraps, e.g. a
    /// deployment's environment, window and method above its runbook.
    Summary(Vec<Fact>),
    /// A table.
    Table(Table),
    /// A paragraph under a label.
    Text {
        /// The label.
        label: String,
        /// The paragraph.
        text: String,
    },
    /// A sentence that stands out, e.g. a warning.
    Callout(Cell),
    /// The four working phases with the current one marked.
    Phases(Vec<PhaseStep>),
    /// A calendar excerpt.
    Timeline(Timeline),
    /// A risk heat map.
    Matrix(RiskMatrix),
}

/// Text cut to `max` characters, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// "1 risk", "3 risks".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(short("Go/no-go meeting", 40), "Go/no-go meeting");
        assert_eq!(short("Upgrade the standby nodes to PostgreSQL 16.6", 20), "Upgrade the standby…");
    }

    #[test]
    fn a_limited_table_counts_what_it_left_out() {
        let mut t = Table::new("Steps", vec![Column::fit("#")], "No steps");
        for i in 0..12 {
            t.row(vec![Cell::new(i.to_string())], None);
        }
        t.limit(10);
        assert_eq!((t.rows.len(), t.more), (10, 2));
    }
}
