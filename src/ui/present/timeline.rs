//! Drawing the calendar excerpt: months across the top, a lane per kind of
//! thing, freezes shaded behind everything, a line for today that never
//! cuts through a label, and labels that step down a row rather than overlap.

use super::look::Look;
use crate::present::blocks::{Span, SpanKind, Timeline, Tone};
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

/// Rows of labels a lane may use before labels are left to the hover text.
const MAX_SUBROWS: usize = 4;

/// Draws the excerpt with an accessible description of what is on it.
pub fn timeline_ui(ui: &mut Ui, look: &Look, t: &Timeline) {
    let width = ui.available_width();
    let label_w = look.px(230.0);
    let days = (t.last - t.first).get_days().max(0) as f32 + 1.0;
    let day_w = (width - label_w) / days;
    let x_of = |d: Date, left: f32| left + label_w + (d - t.first).get_days() as f32 * day_w;
    let font = FontId::proportional(look.small());
    let row_h = look.px(36.0);
    let header_h = look.px(32.0);
    // Spans cut to the days shown, so none starts off the left edge.
    let clip = |s: &Span| Span { first: s.first.max(t.first), last: s.last.min(t.last), ..s.clone() };
    let mut lanes: Vec<(&str, Vec<Span>)> = Vec::new();
    if !t.shaded.is_empty() {
        lanes.push(("Freezes", t.shaded.iter().map(clip).collect()));
    }
    lanes.extend(
        t.lanes.iter().filter(|l| !l.spans.is_empty()).map(|l| (l.label.as_str(), l.spans.iter().map(clip).collect())),
    );
    // Lay out labels first, to know each lane's height.
    let placed: Vec<Vec<(usize, bool)>> = lanes
        .iter()
        .map(|(_, spans)| {
            let mut ends = [f32::MIN; MAX_SUBROWS];
            spans
                .iter()
                .map(|s| {
                    let x = x_of(s.first, 0.0);
                    let w = ui.painter().layout_no_wrap(label_text(s), font.clone(), Color32::BLACK).size().x;
                    let bar = marker_w(look, s, day_w);
                    let inside = label_inside(s) && w + look.px(16.0) <= bar;
                    let end = if inside { x + bar } else { x + bar + look.px(8.0) + w };
                    // Bars that only touch (one phase ending as the next begins) share a row.
                    match ends.iter().position(|&e| e < x + look.px(2.0)) {
                        Some(row) => {
                            ends[row] = if inside { end } else { end + look.px(16.0) };
                            (row, true)
                        }
                        // No room on any row: the mark stays, its label is
                        // left to the key dates and the accessible description.
                        None => (0, false),
                    }
                })
                .collect()
        })
        .collect();
    let lane_h: Vec<f32> =
        placed.iter().map(|p| row_h * (p.iter().map(|(r, _)| r + 1).max().unwrap_or(1) as f32).max(1.0)).collect();
    let footer_h = if t.today.is_some() { look.px(34.0) } else { 0.0 };
    let height = header_h + lane_h.iter().sum::<f32>() + footer_h;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect.expand(look.px(2.0)));
    let left = rect.left();
    let body =
        Rect::from_min_max(pos2(left + label_w, rect.top() + header_h), pos2(rect.right(), rect.bottom() - footer_h));
    // Months: the first day shown is labelled only when its month has room for the name.
    let next_month = t.first.first_of_month().checked_add(jiff::Span::new().months(1)).unwrap_or(t.last);
    let first_room = (next_month - t.first).get_days() as f32 * day_w;
    let first_has_room = first_room > look.px(150.0);
    // The plot's left edge is always ruled, so no bar seems to start among
    // the lane names; a first month too short for its full name gets its
    // short one ("Oct") when that fits.
    painter.vline(x_of(t.first, left), rect.top()..=body.bottom(), Stroke::new(look.px(1.0), look.rule()));
    if !first_has_room && t.first.day() != 1 && first_room > look.px(48.0) {
        let at = pos2(x_of(t.first, left) + look.px(6.0), rect.top());
        painter.text(at, Align2::LEFT_TOP, t.first.strftime("%b").to_string(), font.clone(), look.t.text_weak);
    }
    for d in t.first.series(jiff::Span::new().days(1)).take_while(|d| *d <= t.last) {
        if d.day() == 1 || (d == t.first && first_has_room) {
            let x = x_of(d, left);
            painter.vline(x, rect.top()..=body.bottom(), Stroke::new(look.px(1.0), look.rule()));
            let name = if d.month() == 1 || d == t.first { d.strftime("%b %Y") } else { d.strftime("%B") };
            let at = pos2(x + look.px(6.0), rect.top());
            painter.text(at, Align2::LEFT_TOP, name.to_string(), font.clone(), look.t.text_weak);
        }
    }
    // Freezes, shaded across every lane.
    for s in t.shaded.iter().map(clip) {
        let r = Rect::from_x_y_ranges(x_of(s.first, left)..=x_of(s.last, left) + day_w, body.y_range());
        painter.rect_filled(r, 0.0, Color32::from_gray(232));
    }
    // Lanes: their marks, then the line for today over the marks, then the
    // labels over the line (a label it would cross gets a light backing).
    let mut y = body.top();
    let mut labels = Vec::new();
    for (((name, spans), rows), h) in lanes.iter().zip(&placed).zip(&lane_h) {
        painter.hline(left..=rect.right(), y, Stroke::new(look.px(1.0), look.rule()));
        painter.text(pos2(left, y + row_h / 2.0), Align2::LEFT_CENTER, *name, font.clone(), look.t.text);
        for (s, (row, labelled)) in spans.iter().zip(rows) {
            let top = y + *row as f32 * row_h;
            let place = Place { x: x_of(s.first, left), day_w, top, row_h };
            mark_ui(&painter, look, s, &place);
            if *labelled {
                labels.push((s, place));
            }
        }
        y += h;
    }
    painter.hline(left..=rect.right(), body.bottom(), Stroke::new(look.px(1.0), look.rule()));
    let today_x = t.today.map(|today| x_of(today, left) + day_w / 2.0);
    if let Some(x) = today_x {
        painter.vline(x, body.top()..=body.bottom() + look.px(6.0), Stroke::new(look.px(3.0), look.t.accent));
        let at = pos2(x, body.bottom() + look.px(6.0));
        painter.text(at, Align2::CENTER_TOP, "today", font.clone(), look.t.accent);
    }
    for (s, place) in labels {
        label_ui(&painter, look, s, &place, &font, today_x);
    }
    let name = describe(t);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
}

/// The width of a span's mark before its label starts.
fn marker_w(look: &Look, s: &Span, day_w: f32) -> f32 {
    match s.kind {
        SpanKind::Milestone { .. } => look.px(22.0),
        _ => (((s.last - s.first).get_days() as f32 + 1.0) * day_w).max(look.px(10.0)),
    }
}

/// Whether a span's label goes inside its bar when it fits.
fn label_inside(s: &Span) -> bool {
    matches!(s.kind, SpanKind::Phase { .. } | SpanKind::Blackout)
}

/// A label as drawn, with its symbol.
fn label_text(s: &Span) -> String {
    match s.kind {
        _ if s.conflict => format!("⚠ {}", s.label),
        SpanKind::Milestone { done: true } => format!("✔ {}", s.label),
        _ => s.label.clone(),
    }
}

/// Where a span is drawn: its first day's left edge, a day's width, and its row.
struct Place {
    x: f32,
    day_w: f32,
    top: f32,
    row_h: f32,
}

impl Place {
    fn mid(&self) -> f32 {
        self.top + self.row_h / 2.0
    }
}

/// The colour of a span's label and milestone outline.
fn ink(look: &Look, s: &Span) -> Color32 {
    match s.kind {
        _ if s.conflict => look.t.error,
        // What is behind us steps back.
        SpanKind::Milestone { done: true } => look.t.text_weak,
        _ => look.colour(Tone::Normal),
    }
}

/// A span's bar, or a milestone's diamond.
fn mark_ui(painter: &egui::Painter, look: &Look, s: &Span, p: &Place) {
    let bar_h = p.row_h * 0.62;
    let mid = p.mid();
    let w = marker_w(look, s, p.day_w);
    let (fill, stroke) = match s.kind {
        SpanKind::Phase { current: true } => (look.t.accent, look.t.accent),
        SpanKind::Phase { current: false } => (look.tint(), look.rule()),
        SpanKind::Deployment if s.conflict => (look.t.error, look.t.error),
        SpanKind::Deployment => (look.t.text, look.t.text),
        SpanKind::Blackout => (Color32::from_gray(215), Color32::from_gray(150)),
        SpanKind::Milestone { .. } => (Color32::WHITE, ink(look, s)),
    };
    if let SpanKind::Milestone { done } = s.kind {
        let c = pos2(p.x + p.day_w / 2.0, mid);
        let r = look.px(9.0);
        let diamond = vec![pos2(c.x, c.y - r), pos2(c.x + r, c.y), pos2(c.x, c.y + r), pos2(c.x - r, c.y)];
        let fill = if done { look.t.good } else { Color32::WHITE };
        painter.add(egui::Shape::convex_polygon(diamond, fill, Stroke::new(look.px(2.5), look.t.text)));
    } else {
        let bar = Rect::from_min_size(pos2(p.x, mid - bar_h / 2.0), vec2(w, bar_h));
        painter.rect(bar, look.px(6.0), fill, Stroke::new(look.px(1.5), stroke), egui::StrokeKind::Inside);
    }
}

/// A span's label, inside its bar when it fits, else after its mark;
/// backed with white where the line for today (at `today_x`) would cross it.
fn label_ui(painter: &egui::Painter, look: &Look, s: &Span, p: &Place, font: &FontId, today_x: Option<f32>) {
    let w = marker_w(look, s, p.day_w);
    let text = label_text(s);
    let colour = ink(look, s);
    let galley = painter.layout_no_wrap(text.clone(), font.clone(), colour);
    let inside = label_inside(s) && galley.size().x + look.px(16.0) <= w;
    let (at, colour) = if inside {
        let ink = if matches!(s.kind, SpanKind::Phase { current: true }) { look.t.on_accent } else { look.t.text };
        (pos2(p.x + look.px(8.0), p.mid()), ink)
    } else {
        (pos2(p.x + w + look.px(8.0), p.mid()), colour)
    };
    let area = Align2::LEFT_CENTER.anchor_size(at, galley.size()).expand2(vec2(look.px(4.0), 0.0));
    if !inside && today_x.is_some_and(|x| area.x_range().contains(x)) {
        painter.rect_filled(area, look.px(4.0), Color32::from_white_alpha(235));
    }
    painter.text(at, Align2::LEFT_CENTER, text, font.clone(), colour);
}

/// The excerpt in words, for screen readers and tests.
fn describe(t: &Timeline) -> String {
    let mut parts = vec![format!("Calendar from {} to {}", t.first, t.last)];
    for lane in &t.lanes {
        let items: Vec<String> = lane.spans.iter().map(|s| format!("{} {}", s.label, s.first)).collect();
        if !items.is_empty() {
            parts.push(format!("{}: {}", lane.label, items.join(", ")));
        }
    }
    if !t.shaded.is_empty() {
        let names: Vec<&str> = t.shaded.iter().map(|s| s.label.as_str()).collect();
        parts.push(format!("freezes: {}", names.join(", ")));
    }
    parts.join("; ")
}
