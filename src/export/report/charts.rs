//! The report's vector drawings: the risk heat maps (inherent and
//! residual side by side) and the release timeline.
//!
//! Colour never carries meaning alone: each heat-map cell writes its score
//! and count, the legend names each band with its scores, and timeline bars
//! carry the first letter of their phase.

use crate::export::doc::{Anchor, Drawing, Rgb, Shape, Table};
use crate::model::{Band, Book, Phase, Release};
use crate::risk::{Which, impact_label, likelihood_label, matrix};
use crate::schedule::items::phase_days;
use jiff::civil::Date;

/// The fill of a risk band.
pub fn band_fill(band: Band) -> Rgb {
    match band {
        Band::Low => Rgb(0xcf, 0xe8, 0xcf),
        Band::Medium => Rgb(0xff, 0xec, 0xa8),
        Band::High => Rgb(0xff, 0xc9, 0x94),
        Band::Critical => Rgb(0xf2, 0xa0, 0xa0),
    }
}

/// The fill of a release phase on the timeline.
pub fn phase_fill(phase: Phase) -> Rgb {
    match phase {
        Phase::Planning => Rgb(0x9e, 0xca, 0xe1),
        Phase::BuildAndTest => Rgb(0xa1, 0xd9, 0x9b),
        Phase::Deployment => Rgb(0xfd, 0xae, 0x6b),
        Phase::ReviewAndClose | Phase::Closed => Rgb(0xbc, 0xbd, 0xdc),
    }
}

fn text(x: f32, y: f32, size: f32, s: impl Into<String>, anchor: Anchor) -> Shape {
    Shape::Text { x, y, size, text: s.into(), color: Rgb::INK, anchor }
}

/// The inherent and residual heat maps of the risks `members` (indices
/// into `book.risks`), side by side, with a legend of the bands.
pub fn heat_maps(book: &Book, members: &[usize]) -> Drawing {
    let policy = &book.policy.risk;
    let (cell, labels, top) = (36.0, 76.0, 30.0);
    let mut shapes = Vec::new();
    let mut scale = 1;
    for (k, which) in Which::BOTH.into_iter().enumerate() {
        let m = matrix(&book.risks, members, which, policy);
        scale = m.scale;
        let n = f32::from(m.scale);
        let x0 = 4.0 + k as f32 * (labels + cell * 5.0 + 24.0);
        let gx = x0 + labels;
        shapes.push(text(
            gx + cell * n / 2.0,
            14.0,
            11.0,
            format!("{} ({} risks)", which.label(), m.total()),
            Anchor::Middle,
        ));
        for c in &m.cells {
            let col = f32::from(c.position.impact - 1);
            let row = n - f32::from(c.position.likelihood);
            let (x, y) = (gx + col * cell, top + row * cell);
            shapes.push(Shape::Rect { x, y, w: cell, h: cell, fill: band_fill(c.band), stroke: Some(Rgb::WHITE) });
            shapes.push(Shape::Text {
                x: x + 3.0,
                y: y + 9.0,
                size: 6.5,
                text: c.score.to_string(),
                color: Rgb::MUTED,
                anchor: Anchor::Start,
            });
            if c.count() > 0 {
                shapes.push(text(x + cell / 2.0, y + cell / 2.0 + 6.0, 13.0, c.count().to_string(), Anchor::Middle));
            }
        }
        for l in 1..=m.scale {
            let y = top + (n - f32::from(l)) * cell + cell / 2.0 + 3.0;
            shapes.push(text(gx - 4.0, y, 7.5, format!("{} {l}", likelihood_label(m.scale, l)), Anchor::End));
        }
        for i in 1..=m.scale {
            let x = gx + f32::from(i - 1) * cell + cell / 2.0;
            shapes.push(text(x, top + n * cell + 11.0, 7.5, i.to_string(), Anchor::Middle));
            shapes.push(Shape::Text {
                x,
                y: top + n * cell + 20.0,
                size: 5.5,
                text: impact_label(m.scale, i).to_owned(),
                color: Rgb::MUTED,
                anchor: Anchor::Middle,
            });
        }
        shapes.push(text(gx + cell * n / 2.0, top + n * cell + 32.0, 8.0, "Impact", Anchor::Middle));
        shapes.push(text(x0, top - 6.0, 8.0, "Likelihood", Anchor::Start));
    }
    let legend_y = top + f32::from(scale) * cell + 50.0;
    let bounds = [
        (Band::Low, 1, policy.medium_from.saturating_sub(1)),
        (Band::Medium, policy.medium_from, policy.high_from.saturating_sub(1)),
        (Band::High, policy.high_from, policy.critical_from.saturating_sub(1)),
        (Band::Critical, policy.critical_from, policy.max_score()),
    ];
    let mut x = 4.0;
    for (band, from, to) in bounds {
        shapes.push(Shape::Rect {
            x,
            y: legend_y - 9.0,
            w: 11.0,
            h: 11.0,
            fill: band_fill(band),
            stroke: Some(Rgb::MUTED),
        });
        let words =
            if from > to { format!("{}: none", band.label()) } else { format!("{}: {from}–{to}", band.label()) };
        shapes.push(text(x + 15.0, legend_y, 8.0, words, Anchor::Start));
        x += 120.0;
    }
    Drawing {
        width: 4.0 + 2.0 * (labels + cell * 5.0) + 24.0,
        height: legend_y + 8.0,
        title: format!("Risk heat maps, inherent and residual, of {} risks", members.len()),
        shapes,
        table: Some(heat_table(book, members)),
    }
}

/// The heat maps as a table: one row per assessment and likelihood, one
/// column per impact, each cell "score band: count".
fn heat_table(book: &Book, members: &[usize]) -> Table {
    let policy = &book.policy.risk;
    let scale = crate::risk::scale_of(policy);
    let mut columns = vec!["Assessment".to_owned(), "Likelihood".to_owned()];
    columns.extend((1..=scale).map(|i| format!("Impact {i}")));
    let mut table = Table { columns, weights: Vec::new(), rows: Vec::new() };
    for which in Which::BOTH {
        let m = matrix(&book.risks, members, which, policy);
        for l in (1..=scale).rev() {
            let mut row = vec![which.label().to_owned(), format!("{l} {}", likelihood_label(scale, l))];
            for i in 1..=scale {
                let c = m.cell(crate::risk::Position { likelihood: l, impact: i });
                row.push(format!("{} {}: {}", c.score, c.band.label(), c.count()));
            }
            table.row(row);
        }
    }
    table
}

/// Days since 1970-01-01.
fn day_number(d: Date) -> f32 {
    d.since(Date::constant(1970, 1, 1)).map(|s| s.get_days() as f32).unwrap_or(0.0)
}

/// A timeline of these releases: one row each, a bar per phase, marks for
/// milestones and deployments. `None` when none of them has a date.
pub fn timeline(releases: &[&Release]) -> Option<Drawing> {
    let extents: Vec<(Date, Date)> =
        releases.iter().filter_map(|r| crate::schedule::items::release_extent(r)).collect();
    let first = extents.iter().map(|e| e.0).min()?;
    let last = extents.iter().map(|e| e.1).max()?;
    let first = first.first_of_month();
    let last = last.last_of_month();
    let (label_w, bar_w, row_h, top) = (130.0, 390.0, 16.0, 26.0);
    let (d0, d1) = (day_number(first), day_number(last.tomorrow().unwrap_or(last)));
    let span = (d1 - d0).max(1.0);
    let x_of = |d: Date| label_w + (day_number(d) - d0) / span * bar_w;
    let mut shapes = Vec::new();
    let height = top + releases.len() as f32 * row_h + 24.0;
    let months =
        (last.year() as i32 - first.year() as i32) * 12 + i32::from(last.month()) - i32::from(first.month()) + 1;
    let step = if months > 36 {
        12
    } else if months > 12 {
        3
    } else {
        1
    };
    let mut month = first;
    let mut i = 0;
    while month <= last {
        if i % step == 0 {
            let x = x_of(month);
            shapes.push(Shape::Line { x1: x, y1: top - 4.0, x2: x, y2: height - 24.0, color: Rgb::RULE, width: 0.5 });
            shapes.push(Shape::Text {
                x: x + 2.0,
                y: top - 8.0,
                size: 7.0,
                text: month.strftime("%b %Y").to_string(),
                color: Rgb::MUTED,
                anchor: Anchor::Start,
            });
        }
        i += 1;
        match month.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    for (row, r) in releases.iter().enumerate() {
        let y = top + row as f32 * row_h;
        let mut name = format!("{} {}", r.id, r.name);
        if name.chars().count() > 28 {
            name = name.chars().take(27).collect::<String>() + "…";
        }
        shapes.push(text(2.0, y + 11.0, 7.5, name, Anchor::Start));
        for phase in Phase::ALL {
            let Some((a, b)) = r.phases.get(phase).and_then(phase_days) else { continue };
            let (x, w) = (x_of(a), (x_of(b.tomorrow().unwrap_or(b)) - x_of(a)).max(1.0));
            shapes.push(Shape::Rect { x, y: y + 3.0, w, h: 10.0, fill: phase_fill(phase), stroke: None });
            if w > 9.0 {
                let letter = phase.label().chars().next().unwrap_or(' ').to_string();
                shapes.push(text(x + w / 2.0, y + 10.5, 6.5, letter, Anchor::Middle));
            }
        }
        for d in &r.deployments {
            let x = x_of(d.window.start.date());
            shapes.push(Shape::Line {
                x1: x,
                y1: y + 1.0,
                x2: x,
                y2: y + 15.0,
                color: Rgb(0xb0, 0x20, 0x20),
                width: 1.2,
            });
        }
        for m in &r.milestones {
            let x = x_of(m.date);
            shapes.push(Shape::Rect { x: x - 2.0, y: y + 6.0, w: 4.0, h: 4.0, fill: Rgb::INK, stroke: None });
        }
    }
    let ly = height - 8.0;
    let mut x = 2.0;
    for phase in [Phase::Planning, Phase::BuildAndTest, Phase::Deployment, Phase::ReviewAndClose] {
        shapes.push(Shape::Rect { x, y: ly - 8.0, w: 10.0, h: 10.0, fill: phase_fill(phase), stroke: None });
        shapes.push(text(x + 14.0, ly, 7.0, phase.label(), Anchor::Start));
        x += 82.0;
    }
    shapes.push(Shape::Line {
        x1: x + 4.0,
        y1: ly - 9.0,
        x2: x + 4.0,
        y2: ly + 1.0,
        color: Rgb(0xb0, 0x20, 0x20),
        width: 1.2,
    });
    shapes.push(text(x + 10.0, ly, 7.0, "Deployment window", Anchor::Start));
    shapes.push(Shape::Rect { x: x + 96.0, y: ly - 6.0, w: 4.0, h: 4.0, fill: Rgb::INK, stroke: None });
    shapes.push(text(x + 104.0, ly, 7.0, "Milestone", Anchor::Start));
    let ids: Vec<&str> = releases.iter().map(|r| r.id.as_str()).collect();
    let title = match (ids.first(), ids.last()) {
        (Some(a), Some(b)) if a != b => format!("Timeline of releases {a} to {b}, {first} to {last}"),
        _ => format!("Timeline of release {}, {first} to {last}", ids.first().unwrap_or(&"")),
    };
    Some(Drawing { width: label_w + bar_w + 4.0, height, title, shapes, table: None })
}
