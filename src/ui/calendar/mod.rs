//! The calendar: month, week and timeline views of the release schedule,
//! with the conflicts panel.
//!
//! Each frame computes the items of the visible range only
//! ([`crate::schedule::calendar_items`]); the conflicts of the whole book are
//! found once per change of the book (by sort and sweep) and kept in the
//! view state, keyed by the window's per-change book key
//! ([`crate::ui::memo::BookKey`]): every edit, merged typing, undo, redo and
//! opened book gives a new one. Geometry is pure
//! ([`geometry`]) and painting separate ([`paint`]); dragging and the arrow
//! keys make edits through [`edits`], one undo step per drag or key press.

mod conflicts_panel;
mod details;
mod edits;
pub mod geometry;
mod interact;
mod lanes;
mod month;
mod month_bars;
mod month_cells;
mod month_layout;
mod paint;
mod phase_lane;
mod timeline;
mod toolbar;
mod week;

use crate::model::{Book, Id};
use crate::schedule::{Conflict, ConflictKind, ItemFilter, ItemKey, ScheduleIndex};
use crate::ui::intent::Intents;
use crate::ui::memo::BookKey;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::HashSet;

pub use edits::{Mode, Shift};

/// Which view the calendar shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CalendarView {
    /// A month grid.
    #[default]
    Month,
    /// A week with the hours of each day.
    Week,
    /// A quarter or a year on a timeline with swimlanes.
    Timeline,
}

/// How long the timeline is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimelineSpan {
    /// A calendar quarter.
    #[default]
    Quarter,
    /// A calendar year.
    Year,
}

/// What the timeline's swimlanes are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneMode {
    /// One lane per environment.
    #[default]
    Environment,
    /// One lane per release.
    Release,
}

/// The conflicts panel's own settings.
#[derive(Clone, Debug, Default)]
pub struct ConflictsSettings {
    /// Hide the panel.
    pub hidden: bool,
    /// Also list conflicts that are over.
    pub include_past: bool,
    /// Only this kind.
    pub kind: Option<ConflictKind>,
}

/// An item being dragged.
#[derive(Clone, Debug)]
pub struct Drag {
    /// The item.
    pub key: ItemKey,
    /// Moving or resizing.
    pub mode: Mode,
    /// The change so far.
    pub shift: Shift,
}

/// The conflicts of one state of the book.
#[derive(Clone, Debug)]
struct Cache {
    key: BookKey,
    index: ScheduleIndex,
    conflicts: Vec<Conflict>,
    in_conflict: HashSet<Id>,
    /// The environment of each deployment, for the conflicts panel's environment filter.
    environment_of: std::collections::HashMap<Id, Id>,
    /// The first and last day of each release's plan, by position.
    extents: Vec<Option<(Date, Date)>>,
    /// Release positions by key date (first deployment, or planned dates), for the release lanes.
    by_key_date: Vec<usize>,
    /// Phases, milestones and deployment windows, sorted by time.
    items: crate::schedule::ItemIndex,
}

/// The calendar's own state.
#[derive(Clone, Debug, Default)]
pub struct CalendarState {
    /// Which view.
    pub view: CalendarView,
    /// How long the timeline is.
    pub span: TimelineSpan,
    /// The timeline's swimlanes.
    pub lanes: LaneMode,
    /// A day in the period shown (`None` for today).
    pub anchor: Option<Date>,
    /// Which items are shown.
    pub filter: ItemFilter,
    /// The IANA zone times are shown in (`None` for this computer's).
    pub zone: Option<String>,
    /// The conflicts panel.
    pub conflicts: ConflictsSettings,
    drag: Option<Drag>,
    cache: Option<Cache>,
    /// An item to give the keyboard focus to when it is next drawn.
    focus: Option<ItemKey>,
    /// The deployments and blackout of the conflict last shown from the panel.
    highlight: HashSet<Id>,
}

impl CalendarState {
    /// The zone times are shown in.
    pub fn display_zone(&self) -> TimeZone {
        match &self.zone {
            Some(name) => TimeZone::get(name).unwrap_or_else(|_| TimeZone::system()),
            None => TimeZone::system(),
        }
    }

    fn refresh(&mut self, book: &Book, key: BookKey) {
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let index = ScheduleIndex::build(book);
        let conflicts = crate::schedule::conflicts::detect_with(book, &index);
        let in_conflict = conflicts.iter().flat_map(|c| c.deployments.iter().map(|d| d.deployment.clone())).collect();
        let extents = book.releases.iter().map(crate::schedule::items::release_extent).collect();
        let mut by_key_date: Vec<usize> = (0..book.releases.len()).collect();
        by_key_date.sort_by_cached_key(|&i| {
            let r = &book.releases[i];
            (crate::ui::release_list::key_date(r), r.id.number().map(|n| n.1))
        });
        let items = crate::schedule::ItemIndex::build(book);
        let environment_of = book
            .releases
            .iter()
            .flat_map(|r| r.deployments.iter().map(|d| (d.id.clone(), d.environment.clone())))
            .collect();
        self.cache = Some(Cache { key, index, conflicts, in_conflict, environment_of, extents, by_key_date, items });
    }
}

/// Today and now: from `RELPLAN_TODAY` (YYYY-MM-DD, noon) when set, for
/// screenshots and tests, else the clock.
fn clock(tz: &TimeZone) -> (Timestamp, Date) {
    let fixed = std::env::var("RELPLAN_TODAY").ok().and_then(|s| s.trim().parse::<Date>().ok());
    match fixed {
        Some(day) => (crate::schedule::instant(day.at(12, 0, 0, 0), tz), day),
        None => {
            let now = Timestamp::now();
            (now, tz.to_datetime(now).date())
        }
    }
}

/// Shows the calendar and returns its edits and selections in `out`.
pub fn calendar_ui(ui: &mut egui::Ui, book: &Book, state: &mut CalendarState, out: &mut Intents) {
    state.refresh(book, crate::ui::memo::book_key(ui.ctx()));
    let tz = state.display_zone();
    let (now, today) = clock(&tz);
    let period = (state.view, state.anchor, state.span, state.lanes);
    toolbar::toolbar_ui(ui, book, state, today, &tz);
    // Moving to another period or view ends the highlight of a conflict.
    if period != (state.view, state.anchor, state.span, state.lanes) {
        state.highlight.clear();
    }
    ui.add_space(2.0);
    let Some(cache) = state.cache.take() else { return };
    if !state.conflicts.hidden {
        egui::Panel::right("relplan.calendar.conflicts")
            .resizable(true)
            .default_size(300.0)
            .min_size(240.0)
            .show(ui, |ui| conflicts_panel::conflicts_ui(ui, book, &cache, state, &tz, now, out));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let t = crate::ui::theme::tokens(ui.ctx());
        let pal = paint::Palette::new(&t, ui.visuals().dark_mode);
        let mut cx = interact::Cx {
            book,
            tz: tz.clone(),
            pal,
            tokens: t,
            now,
            today,
            in_conflict: &cache.in_conflict,
            conflicts: &cache.conflicts,
            index: &cache.index,
            extents: &cache.extents,
            by_key_date: &cache.by_key_date,
            item_index: &cache.items,
            drag: &mut state.drag,
            focus: &mut state.focus,
            highlight: &state.highlight,
            out,
            steps: interact::Steps::default(),
            navigate: None,
        };
        let anchor = state.anchor.unwrap_or(today);
        // The legend's height as last drawn (it wraps in a narrow window or
        // at a large zoom); a first guess until it has been drawn once.
        let legend_id = egui::Id::unique("relplan.calendar.legend_height");
        let lines = if ui.available_width() < t.small_size * 70.0 { 2.0 } else { 1.0 };
        let guess = (t.small_size + t.spacing) * lines + t.spacing * 0.5;
        let legend_height = ui.data(|d| d.get_temp::<f32>(legend_id)).unwrap_or(guess);
        let body = ui.available_rect_before_wrap();
        let canvas = egui::Rect::from_min_max(body.min, egui::pos2(body.right(), body.bottom() - legend_height));
        // A focus asked for before this frame's view is drawn is given now or never.
        let asked = cx.focus.clone();
        let mut canvas_ui = ui.new_child(egui::UiBuilder::new().max_rect(canvas).id_salt("relplan.calendar.canvas"));
        match state.view {
            CalendarView::Month => month::month_ui(&mut canvas_ui, &mut cx, &state.filter, anchor),
            CalendarView::Week => week::week_ui(&mut canvas_ui, &mut cx, &state.filter, anchor),
            CalendarView::Timeline => {
                timeline::timeline_ui(&mut canvas_ui, &mut cx, &state.filter, anchor, state.span, state.lanes)
            }
        }
        if asked.is_some() && *cx.focus == asked {
            *cx.focus = None;
        }
        if let Some((day, view)) = cx.navigate.take() {
            state.anchor = Some(day);
            state.view = view;
        }
        let legend = egui::Rect::from_min_max(egui::pos2(body.left(), canvas.bottom()), body.max);
        let mut legend_ui = ui.new_child(egui::UiBuilder::new().max_rect(legend).id_salt("relplan.calendar.legend"));
        details::legend_ui(&mut legend_ui, &pal, &tz);
        let drawn = legend_ui.min_rect().height() + t.spacing * 0.5;
        if (drawn - legend_height).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(legend_id, drawn));
            ui.ctx().request_repaint();
        }
        ui.allocate_rect(body, egui::Sense::hover());
    });
    state.cache = Some(cache);
}
