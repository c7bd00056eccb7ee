//! How calendar items look: colours from the theme's tokens, and the few
//! shapes every view draws (blocks, bars, hatching, outlines, diamonds).
//!
//! Colour never carries meaning alone: blackouts are hatched, maintenance
//! windows outlined, milestones are diamonds, conflicts carry ⚠, and every
//! item says what it is in its label and tooltip.

use crate::model::Phase;
use crate::ui::theme::Tokens;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, CornerRadius, FontId, Galley, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};
use std::sync::Arc;

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

/// Text left-aligned in `rect` (vertically centred), cut with "…" when it
/// is wider; nothing when the rectangle is too narrow to show a letter.
pub fn label(painter: &Painter, rect: Rect, text: &str, font: FontId, color: Color32) {
    label_fit(painter, rect, &[text], "", font, color);
}

/// Like [`label`], with the longest wording first; see [`fit`].
pub fn label_fit(painter: &Painter, rect: Rect, texts: &[&str], keep: &str, font: FontId, color: Color32) {
    if rect.width() < font.size * 1.2 || texts.iter().all(|t| t.is_empty()) {
        return;
    }
    let inner = rect.shrink2(vec2(4.0, 0.0));
    let galley = fit(painter, texts, keep, font, color, inner.width());
    // "R…" says nothing: a cut text shows at least three letters, or none.
    if galley.elided && shown_text(&galley).chars().count() < 4 {
        return;
    }
    let p = painter.with_clip_rect(inner.expand2(vec2(1.0, 0.0)).intersect(painter.clip_rect()));
    p.galley(pos2(inner.left(), inner.center().y - galley.size().y / 2.0), galley, color);
}

/// One line of text no wider than `width`: the first of `texts` that fits
/// whole; else the last one cut with "…", if that still shows `keep` (the
/// words that tell the item apart, such as a release's id) and a few letters
/// more; else `keep` alone, cut with "…" if even that is too wide.
pub fn fit(painter: &Painter, texts: &[&str], keep: &str, font: FontId, color: Color32, width: f32) -> Arc<Galley> {
    let cut = |text: &str| {
        let mut job = LayoutJob::simple_singleline(text.to_owned(), font.clone(), color);
        job.wrap = TextWrapping::truncate_at_width(width.max(0.0));
        painter.layout_job(job)
    };
    for text in texts {
        let galley = painter.layout_no_wrap((*text).to_owned(), font.clone(), color);
        if galley.size().x <= width {
            return galley;
        }
    }
    let last = texts.last().copied().unwrap_or_default();
    let galley = cut(last);
    let shown = shown_text(&galley);
    let shown = shown.trim_end_matches('…');
    if keep.is_empty() || (shown.starts_with(keep) && shown.chars().count() >= keep.chars().count() + 3) {
        return galley;
    }
    let whole = painter.layout_no_wrap(keep.to_owned(), font.clone(), color);
    if whole.size().x <= width { whole } else { cut(keep) }
}

/// The text a galley shows (a cut one ends in "…"; its `text()` is the whole).
fn shown_text(galley: &Galley) -> String {
    galley.rows.iter().flat_map(|r| r.glyphs.iter().map(|g| g.chr)).collect()
}

/// `text` wrapped between words into at most `rows` lines no wider than
/// `width`; a word too long for a line, or the last line when the text
/// goes on, is cut with "…". Never breaks inside a word.
pub fn wrap_words(painter: &Painter, text: &str, font: &FontId, width: f32, rows: usize) -> String {
    let wide = |s: &str| painter.layout_no_wrap(s.to_owned(), font.clone(), Color32::WHITE).size().x > width;
    let cut = |s: &str| {
        let mut job = LayoutJob::simple_singleline(s.to_owned(), font.clone(), Color32::WHITE);
        job.wrap = TextWrapping::truncate_at_width(width.max(0.0));
        shown_text(&painter.layout_job(job))
    };
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let full = lines.len() >= rows;
        match lines.last_mut() {
            Some(last) if !wide(&format!("{last} {word}")) => {
                last.push(' ');
                last.push_str(word);
            }
            Some(last) if full => {
                // No room for another line: the last one says there is more.
                let more = format!("{last}…");
                *last = if wide(&more) { cut(&format!("{last} {word}")) } else { more };
                break;
            }
            _ if full => break,
            _ => lines.push(if wide(word) { cut(word) } else { word.to_owned() }),
        }
    }
    lines.join("\n")
}

/// The ⚠ mark of a conflict at the top-right corner of `rect`.
pub fn conflict_mark(painter: &Painter, rect: Rect, pal: &Palette, size: f32) {
    let at = pos2(rect.right() - 1.0, rect.top() + 1.0);
    let bg = Rect::from_min_size(pos2(at.x - size - 2.0, at.y), vec2(size + 2.0, size + 2.0));
    painter.rect_filled(bg, 3.0, pal.background);
    painter.text(bg.center(), egui::Align2::CENTER_CENTER, "⚠", FontId::proportional(size * 0.85), pal.conflict);
}
