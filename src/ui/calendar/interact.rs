//! What a person can do to an item on the calendar: hover for details,
//! click to open its release, drag to move it (or its end to resize it),
//! and the same with the arrow keys when it has the keyboard focus
//! (Shift + arrows resize). Escape cancels a drag. A drag becomes one edit
//! when it ends; while it lasts, the view draws the item where it would go.

use super::edits::{Mode, Shift, can_edit, can_edit_item, shift_edit};
use super::{Drag, details};
use crate::model::{Book, Id};
use crate::schedule::{CalendarItem, Conflict, ItemKey, ScheduleIndex};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme::Tokens;
use egui::{Pos2, Rect, Response, Sense};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use std::collections::HashSet;

/// The distance from an item's end within which a drag resizes it.
const EDGE: f32 = 7.0;

/// What one arrow key does in the view shown.
#[derive(Clone, Copy, Debug, Default)]
pub struct Steps {
    /// Left and right arrows.
    pub horizontal: Shift,
    /// Up and down arrows (down is positive).
    pub vertical: Shift,
}

/// Which side of an item's rectangle is its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The right side (bars and blocks on a horizontal axis).
    Right,
    /// The bottom side (blocks in a day column).
    Bottom,
}

/// Everything a view needs to draw and edit items.
pub struct Cx<'a> {
    /// The book.
    pub book: &'a Book,
    /// The zone times are shown in.
    pub tz: TimeZone,
    /// Colours.
    pub pal: super::paint::Palette,
    /// The theme's tokens.
    pub tokens: Tokens,
    /// Now.
    pub now: Timestamp,
    /// Today, in `tz`.
    pub today: Date,
    /// Deployments in a conflict.
    pub in_conflict: &'a HashSet<Id>,
    /// Every conflict, by time.
    pub conflicts: &'a [Conflict],
    /// The schedule index of the book.
    pub index: &'a ScheduleIndex,
    /// The first and last day of each release's plan, by position.
    pub extents: &'a [Option<(Date, Date)>],
    /// Release positions by key date.
    pub by_key_date: &'a [usize],
    /// The book's dated items, sorted.
    pub item_index: &'a crate::schedule::ItemIndex,
    /// The item being dragged.
    pub drag: &'a mut Option<Drag>,
    /// An item to give the keyboard focus to.
    pub focus: &'a mut Option<ItemKey>,
    /// The deployments and blackout of the conflict shown from the panel.
    pub highlight: &'a HashSet<Id>,
    /// Edits and selections.
    pub out: &'a mut Intents,
    /// What the arrow keys do.
    pub steps: Steps,
    /// A day and view to show next (a click on a cluster of items).
    pub navigate: Option<(Date, super::CalendarView)>,
}

impl Cx<'_> {
    /// The drag of this item, if it is being dragged (without building its key).
    pub fn dragging(&self, item: &CalendarItem<'_>) -> Option<&Drag> {
        self.drag.as_ref().filter(|d| d.key.is(item))
    }

    /// Whether the item is a party to the conflict shown from the panel.
    pub fn highlighted(&self, item: &CalendarItem<'_>) -> bool {
        match item.source {
            crate::schedule::Source::Deployment { deployment, .. } => self.highlight.contains(&deployment.id),
            crate::schedule::Source::Blackout { blackout, .. } => self.highlight.contains(&blackout.id),
            _ => false,
        }
    }

    /// Whether a deployment is in a conflict.
    pub fn conflicted(&self, item: &CalendarItem<'_>) -> bool {
        match item.source {
            crate::schedule::Source::Deployment { deployment, .. } => self.in_conflict.contains(&deployment.id),
            _ => false,
        }
    }
}

impl<'a> Cx<'a> {
    /// The items of the book in `range` that pass `filter`.
    pub fn items(
        &self,
        range: crate::schedule::Interval,
        filter: &crate::schedule::ItemFilter,
    ) -> Vec<CalendarItem<'a>> {
        self.item_index.items(self.book, range, &self.tz, filter)
    }

    /// [`Cx::items`] grouped by kind, each kind in order of start.
    pub fn items_by_kind(
        &self,
        range: crate::schedule::Interval,
        filter: &crate::schedule::ItemFilter,
    ) -> Vec<CalendarItem<'a>> {
        self.item_index.items_by_kind(self.book, range, &self.tz, filter)
    }
}

/// Makes `rect` (segment `segment` of the item) interactive and handles
/// hover, click, drag and keys. `end` is the side that is the item's real
/// end in this segment, if any; `shift_at` turns the pointer's travel from
/// the press to now into a [`Shift`].
pub fn item_ui(
    ui: &mut egui::Ui,
    cx: &mut Cx<'_>,
    item: &CalendarItem<'_>,
    rect: Rect,
    segment: usize,
    end: Option<End>,
    shift_at: &dyn Fn(Pos2, Pos2) -> Shift,
) -> Response {
    let id = egui::Id::unique(("relplan.calendar.item", item.id_parts(), segment));
    let movable = can_edit_item(item, Mode::Move);
    let resizable = end.is_some() && can_edit_item(item, Mode::ResizeEnd);
    let sense = match (item.release().is_some(), movable || resizable) {
        (true, true) => Sense::click_and_drag(),
        (true, false) => Sense::click(),
        (false, _) => Sense::hover(),
    };
    let response = ui.interact(rect, id, sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, details::accessible_name(cx, item)));
    let near_end = |p: Pos2| match end {
        Some(End::Right) => (rect.right() - p.x).abs() <= EDGE && rect.width() > EDGE * 2.0,
        Some(End::Bottom) => (rect.bottom() - p.y).abs() <= EDGE && rect.height() > EDGE * 2.0,
        None => false,
    };
    if resizable && response.hovered() && response.hover_pos().is_some_and(near_end) {
        ui.ctx().set_cursor_icon(match end {
            Some(End::Bottom) => egui::CursorIcon::ResizeVertical,
            _ => egui::CursorIcon::ResizeHorizontal,
        });
    } else if movable && response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    if response.drag_started() || response.dragged() || response.drag_stopped() || cx.dragging(item).is_some() {
        drag(ui, cx, &response, &item.key(), movable, resizable, near_end, shift_at);
    }
    if response.clicked()
        && let Some(r) = item.release()
    {
        cx.out.push(match part_path(&item.key()) {
            Some(at) => Intent::Reveal(r.id.clone(), at),
            None => Intent::SelectRelease(r.id.clone()),
        });
    }
    if response.has_focus() && (movable || resizable) {
        keys(ui, cx, &response, &item.key(), movable, resizable);
    }
    if cx.focus.as_ref().is_some_and(|k| k.is(item)) {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
        *cx.focus = None;
    }
    if cx.highlighted(item) {
        let stroke = egui::Stroke::new(3.0, cx.pal.today);
        ui.painter().rect_stroke(rect.expand(3.0), 4.0, stroke, egui::StrokeKind::Outside);
    }
    if response.has_focus() {
        let stroke = egui::Stroke::new(2.0, cx.tokens.accent);
        ui.painter().rect_stroke(rect.expand(2.0), 3.0, stroke, egui::StrokeKind::Outside);
    }
    if cx.drag.is_none() {
        details::hover_ui(&response, cx, item);
    }
    response
}

/// Where the release form edits an item: its deployment or milestone, or its phase's dates.
fn part_path(key: &ItemKey) -> Option<crate::edit::Path> {
    let root = crate::edit::Path::root();
    match key {
        ItemKey::Deployment { release, deployment } => {
            Some(root.item("releases", release).item("deployments", deployment))
        }
        ItemKey::Milestone { release, milestone } => Some(root.item("releases", release).item("milestones", milestone)),
        ItemKey::Phase { release, phase } => {
            let field = crate::model::PhasePlan::field_name(*phase)?;
            Some(root.item("releases", release).field("phases").field(field))
        }
        _ => None,
    }
}

#[expect(clippy::too_many_arguments, reason = "the parts of one drag, kept together in one place")]
fn drag(
    ui: &egui::Ui,
    cx: &mut Cx<'_>,
    response: &Response,
    key: &ItemKey,
    movable: bool,
    resizable: bool,
    near_end: impl Fn(Pos2) -> bool,
    shift_at: &dyn Fn(Pos2, Pos2) -> Shift,
) {
    let origin = ui.input(|i| i.pointer.press_origin());
    if response.drag_started()
        && let Some(o) = origin
    {
        let mode = if resizable && near_end(o) { Mode::ResizeEnd } else { Mode::Move };
        if mode == Mode::ResizeEnd || movable {
            *cx.drag = Some(Drag { key: key.clone(), mode, shift: Shift::default() });
        }
    }
    let Some(d) = cx.drag.as_mut().filter(|d| &d.key == key) else { return };
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        *cx.drag = None;
        return;
    }
    if response.dragged()
        && let (Some(o), Some(p)) = (origin, ui.input(|i| i.pointer.latest_pos()))
    {
        d.shift = shift_at(o, p);
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    }
    if response.drag_stopped() {
        let (mode, shift) = (d.mode, d.shift);
        *cx.drag = None;
        if let Some(edit) = shift_edit(cx.book, key, mode, shift, &cx.tz) {
            cx.out.apply(edit);
        }
    }
}

fn keys(ui: &egui::Ui, cx: &mut Cx<'_>, response: &Response, key: &ItemKey, movable: bool, resizable: bool) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter { horizontal_arrows: true, vertical_arrows: true, ..Default::default() },
        );
    });
    let pressed = ui.input(|i| {
        let shift = i.modifiers.shift;
        [
            (egui::Key::ArrowLeft, -1, false),
            (egui::Key::ArrowRight, 1, false),
            (egui::Key::ArrowUp, -1, true),
            (egui::Key::ArrowDown, 1, true),
        ]
        .into_iter()
        .find(|(k, _, _)| i.key_pressed(*k))
        .map(|(_, sign, vertical)| (sign, vertical, shift))
    });
    let Some((sign, vertical, shift)) = pressed else { return };
    let step = if vertical { cx.steps.vertical } else { cx.steps.horizontal };
    let by = Shift { days: step.days * sign, minutes: step.minutes * sign };
    let mode = if shift { Mode::ResizeEnd } else { Mode::Move };
    let allowed = if shift { resizable || can_edit(cx.book, key, Mode::ResizeEnd) } else { movable };
    if allowed && let Some(edit) = shift_edit(cx.book, key, mode, by, &cx.tz) {
        cx.out.apply(edit);
        *cx.focus = Some(key.clone());
    }
}

/// While an item is dragged: where it would go and, for a deployment, the
/// conflicts it would have there, next to the pointer.
pub fn drag_label(ui: &egui::Ui, cx: &Cx<'_>) {
    let Some(d) = cx.drag.as_ref().filter(|d| !d.shift.is_zero()) else { return };
    let Some(pos) = ui.input(|i| i.pointer.latest_pos()) else { return };
    let t = &cx.tokens;
    let mut lines: Vec<(String, egui::Color32)> = Vec::new();
    if let ItemKey::Deployment { release, deployment } = &d.key {
        if let Some(at) = super::edits::preview(cx.book, &d.key, d.mode, d.shift, &cx.tz) {
            lines.push((crate::schedule::describe::span_text(at, &cx.tz), t.text));
            let dep = crate::schedule::DeploymentRef { release: release.clone(), deployment: deployment.clone() };
            let found = crate::schedule::conflicts_if_moved(cx.book, cx.index, &dep, at);
            for c in found.iter().take(4) {
                lines.push((format!("⚠ {}", details::conflict_short(c, cx.book, Some(deployment))), cx.pal.conflict));
            }
            if found.len() > 4 {
                lines.push((format!("⚠ and {} more", found.len() - 4), cx.pal.conflict));
            }
            if found.is_empty() {
                lines.push(("✔ No conflicts there".to_owned(), t.good));
            }
        }
    } else if let Some((a, b)) = super::edits::preview_days(cx.book, &d.key, d.mode, d.shift) {
        let text = if a == b {
            a.strftime("%a %-d %b %Y").to_string()
        } else {
            format!("{} – {}", a.strftime("%a %-d %b"), b.strftime("%a %-d %b %Y"))
        };
        lines.push((text, t.text));
    }
    if lines.is_empty() {
        return;
    }
    let painter =
        ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("relplan.calendar.drag")));
    let font = egui::FontId::proportional(t.small_size);
    let galleys: Vec<_> = lines.into_iter().map(|(s, c)| painter.layout_no_wrap(s, font.clone(), c)).collect();
    let width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let height: f32 = galleys.iter().map(|g| g.size().y).sum();
    let mut at = pos + egui::vec2(18.0, 18.0);
    let screen = ui.ctx().content_rect();
    if at.x + width + 16.0 > screen.right() {
        at.x = pos.x - width - 26.0;
    }
    if at.y + height + 16.0 > screen.bottom() {
        at.y = pos.y - height - 26.0;
    }
    let bg = Rect::from_min_size(at, egui::vec2(width + 16.0, height + 12.0));
    painter.rect(bg, 4.0, cx.pal.background, egui::Stroke::new(1.0, cx.pal.weak), egui::StrokeKind::Inside);
    let mut y = bg.top() + 6.0;
    for g in galleys {
        let h = g.size().y;
        painter.galley(egui::pos2(bg.left() + 8.0, y), g, t.text);
        y += h;
    }
}
