//! How calendar items look: colours from the theme's tokens, and the few
//! shapes every view draws (blocks, bars, hatching, outlines, diamonds).
//!
//! Colour never carries meaning alone: blackouts are hatched, maintenance
//! windows outlined, milestones are diamonds, conflicts carry ⚠, and every
//! item says what it is in its label and tooltip.

use crate::model::Phase;
use crate::ui::theme::Tokens;
use egui::{Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

/// The calendar's colours, from the theme's tokens.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Deployment blocks.
    pub deployment: Color32,
    /// Text on deployment blocks.
    pub on_deployment: Color32,
    /// Hatching of blackouts.
    pub blackout: Color32,
    /// Faint fill under the hatching.
    pub blackout_fill: Color32,
    /// Text naming a blackout.
    pub blackout_text: Color32,
    /// Outline of maintenance windows.
    pub maintenance: Color32,
    /// Faint fill of maintenance windows.
    pub maintenance_fill: Color32,
    /// Conflicts.
    pub conflict: Color32,
    /// Today and now.
    pub today: Color32,
    /// Grid lines.
    pub grid: Color32,
    /// Weekend and other-month days.
    pub shade: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub weak: Color32,
    /// Panel background.
    pub background: Color32,
    /// Done milestones.
    pub done: Color32,
    /// Stroke width of outlines.
    pub stroke: f32,
    bands: [Color32; 4],
    dark: bool,
}

impl Palette {
    /// The palette for a theme's tokens; `dark` for dark backgrounds.
    pub fn new(t: &Tokens, dark: bool) -> Self {
        let strong = if dark { 0.22 } else { 0.12 };
        Self {
            deployment: t.accent,
            on_deployment: t.on_accent,
            blackout: t.error.gamma_multiply(if dark { 0.55 } else { 0.45 }),
            blackout_fill: t.error.gamma_multiply(strong * 0.7),
            blackout_text: t.error,
            maintenance: t.good,
            maintenance_fill: t.good.gamma_multiply(strong * 0.6),
            conflict: t.error,
            today: t.accent,
            grid: t.text_weak.gamma_multiply(0.3),
            shade: t.raised.gamma_multiply(if dark { 0.6 } else { 0.55 }),
            text: t.text,
            weak: t.text_weak,
            background: t.panel,
            done: t.good,
            stroke: t.stroke,
            bands: t.bands,
            dark,
        }
    }

    /// The fill of a phase bar.
    pub fn phase(&self, phase: Phase) -> Color32 {
        self.phase_edge(phase).gamma_multiply(if self.dark { 0.45 } else { 0.38 })
    }

    /// The edge colour of a phase bar: the theme's band colour of the phase.
    pub fn phase_edge(&self, phase: Phase) -> Color32 {
        let i = match phase {
            Phase::Planning => 0,
            Phase::BuildAndTest => 1,
            Phase::Deployment => 2,
            Phase::ReviewAndClose | Phase::Closed => 3,
        };
        self.bands[i]
    }
}

/// Diagonal hatching inside `rect`, lines `gap` points apart.
pub fn hatch(painter: &Painter, rect: Rect, color: Color32, gap: f32) {
    if rect.width() < 1.0 || rect.height() < 1.0 {
        return;
    }
    let p = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let stroke = Stroke::new(1.0, color);
    let h = rect.height();
    // Lines at 45°, anchored to multiples of `gap` so they stay still when scrolling.
    let mut x = (rect.left() / gap).floor() * gap - h;
    while x < rect.right() {
        p.line_segment([pos2(x, rect.bottom()), pos2(x + h, rect.top())], stroke);
        x += gap;
    }
}

/// A blackout span: faint fill and hatching; lighter when it binds only
/// some environments (`scoped`).
pub fn blackout(painter: &Painter, rect: Rect, pal: &Palette, scoped: bool) {
    let f = if scoped { 0.55 } else { 1.0 };
    painter.rect_filled(rect, 0.0, pal.blackout_fill.gamma_multiply(f));
    hatch(painter, rect, pal.blackout.gamma_multiply(f), if scoped { 9.0 } else { 7.0 });
}

/// Whether a blackout binds only some environments.
pub fn scoped(b: &crate::model::Blackout) -> bool {
    !matches!(b.scope, crate::model::BlackoutScope::All)
}

/// A maintenance window: faint fill and a dashed outline.
pub fn maintenance(painter: &Painter, rect: Rect, pal: &Palette) {
    painter.rect_filled(rect, 2.0, pal.maintenance_fill);
    let stroke = Stroke::new(pal.stroke.max(1.0), pal.maintenance);
    if rect.width() < 8.0 || rect.height() < 8.0 {
        painter.rect_stroke(rect, 1.0, stroke, StrokeKind::Inside);
        return;
    }
    let r = rect.shrink(stroke.width / 2.0);
    let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
    for pair in corners.windows(2) {
        painter.extend(Shape::dashed_line(&[pair[0], pair[1]], stroke, 5.0, 3.0));
    }
}

/// A milestone diamond centred at `c`.
pub fn diamond(painter: &Painter, c: Pos2, r: f32, fill: Color32, stroke: Stroke) {
    let points = vec![pos2(c.x, c.y - r), pos2(c.x + r, c.y), pos2(c.x, c.y + r), pos2(c.x - r, c.y)];
    painter.add(Shape::convex_polygon(points, fill, stroke));
}

/// A milestone's diamond centred at `c`: filled when the milestone is
/// `done`, hollow when not; `dim` fades it (the milestone being dragged).
pub fn milestone(painter: &Painter, pal: &Palette, c: Pos2, r: f32, done: bool, dim: f32) {
    let fill = if done { pal.done } else { pal.background };
    diamond(painter, c, r, fill.gamma_multiply(dim), Stroke::new(1.5, pal.text.gamma_multiply(dim)));
}

/// A phase bar without its text: the phase's fill with its edge colour
/// down the start and, where the phase `ends` in this bar, down the end;
/// `dim` fades it (the phase being dragged).
pub fn phase_bar(painter: &Painter, pal: &Palette, bar: Rect, phase: Phase, ends: bool, dim: f32) {
    let edge = pal.phase_edge(phase).gamma_multiply(dim);
    painter.rect_filled(bar, 2.0, pal.phase(phase).gamma_multiply(dim));
    painter.rect_filled(Rect::from_min_size(bar.min, vec2(3.0, bar.height())), 0.0, edge);
    if ends {
        painter.rect_filled(Rect::from_min_max(pos2(bar.right() - 3.0, bar.top()), bar.max), 0.0, edge);
    }
}

/// A filled block with an optional outline.
pub fn block(painter: &Painter, rect: Rect, fill: Color32, outline: Option<Stroke>) {
    let radius = CornerRadius::same(if rect.width() > 8.0 && rect.height() > 8.0 { 3 } else { 1 });
    painter.rect_filled(rect, radius, fill);
    if let Some(s) = outline {
        painter.rect_stroke(rect, radius, s, StrokeKind::Outside);
    }
}

/// Text left-aligned in `rect` (vertically centred), clipped to it; nothing
/// when the rectangle is too narrow to show a letter.
pub fn label(painter: &Painter, rect: Rect, text: &str, font: FontId, color: Color32) {
    if rect.width() < font.size * 1.2 || text.is_empty() {
        return;
    }
    let inner = rect.shrink2(vec2(4.0, 0.0));
    let p = painter.with_clip_rect(inner.intersect(painter.clip_rect()));
    p.text(pos2(inner.left(), inner.center().y), egui::Align2::LEFT_CENTER, text, font, color);
}

/// The ⚠ mark of a conflict at the top-right corner of `rect`.
pub fn conflict_mark(painter: &Painter, rect: Rect, pal: &Palette, size: f32) {
    let at = pos2(rect.right() - 1.0, rect.top() + 1.0);
    let bg = Rect::from_min_size(pos2(at.x - size - 2.0, at.y), vec2(size + 2.0, size + 2.0));
    painter.rect_filled(bg, 3.0, pal.background);
    painter.text(bg.center(), egui::Align2::CENTER_CENTER, "⚠", FontId::proportional(size * 0.85), pal.conflict);
}
