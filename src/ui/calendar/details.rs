//! Words about calendar items: accessible names, the details shown on
//! hover (times in the calendar's zone, with the item's own zone noted when
//! it differs), and the legend under the calendar.

use super::interact::Cx;
use super::paint::{self, Palette};
use crate::model::{BlackoutScope, Repeat};
use crate::schedule::describe::span_text;
use crate::schedule::{CalendarItem, Source};
use egui::{Rect, RichText, Ui, pos2, vec2};
use jiff::civil::Date;
use jiff::tz::TimeZone;

fn days_text(first: Date, last: Date) -> String {
    if first == last {
        first.strftime("%a %-d %b %Y").to_string()
    } else if first.year() == last.year() {
        format!("{} – {}", first.strftime("%a %-d %b"), last.strftime("%a %-d %b %Y"))
    } else {
        format!("{} – {}", first.strftime("%a %-d %b %Y"), last.strftime("%a %-d %b %Y"))
    }
}

/// When an item happens, in the calendar's zone.
pub fn when_text(item: &CalendarItem<'_>, tz: &TimeZone) -> String {
    match item.days {
        Some((first, last)) => days_text(first, last),
        None => span_text(item.interval, tz),
    }
}

/// The item's time in its own zone, when that differs from the calendar's.
pub fn own_zone_text(item: &CalendarItem<'_>, tz: &TimeZone) -> Option<String> {
    let name = item.zone()?.trim();
    let own = crate::schedule::zone(name);
    if own.iana_name() == tz.iana_name() {
        return None;
    }
    let shown = if name.is_empty() { "UTC" } else { name };
    Some(format!("{shown}: {}", span_text(item.interval, &own)))
}

/// A blackout's name with the environments it binds, e.g. "Peak freeze (Production, DR)".
pub fn blackout_title(b: &crate::model::Blackout, book: &crate::model::Book) -> String {
    match &b.scope {
        BlackoutScope::All => b.name.clone(),
        BlackoutScope::Environments(list) => {
            let names: Vec<String> =
                list.iter().map(|id| book.environment(id).map_or_else(|| id.to_string(), |e| e.name.clone())).collect();
            format!("{} ({})", b.name, names.join(", "))
        }
    }
}

/// The name a screen reader (and the UI tests) know the item by.
pub fn accessible_name(cx: &Cx<'_>, item: &CalendarItem<'_>) -> String {
    let when = when_text(item, &cx.tz);
    let conflict = match (cx.conflicted(item), cx.highlighted(item)) {
        (true, true) => ", in conflict, highlighted",
        (true, false) => ", in conflict",
        (false, true) => ", highlighted",
        (false, false) => "",
    };
    match item.source {
        Source::Deployment { release, deployment } => {
            format!("Deployment {} of {} “{}”, {when}{conflict}", deployment.id, release.id, deployment.name)
        }
        Source::Milestone { release, milestone } => {
            format!("Milestone {} of {} “{}”, {when}", milestone.id, release.id, milestone.name)
        }
        Source::Phase { release, phase } => {
            format!("Phase {} of {} “{}”, {when}", phase.label(), release.id, release.name)
        }
        Source::Blackout { blackout, .. } => format!("Blackout {} “{}”, {when}{conflict}", blackout.id, blackout.name),
        Source::Maintenance { environment, window, .. } => {
            format!("Maintenance window {} of {}, {when}", window.id, environment.name)
        }
    }
}

fn repeat_text(r: Repeat, until: Option<Date>) -> &'static str {
    match (r, until.is_some()) {
        (Repeat::Never, _) => "Once",
        (Repeat::Weekly, false) => "Every week",
        (Repeat::Monthly, false) => "Every month",
        (Repeat::Yearly, false) => "Every year",
        (Repeat::Weekly, true) => "Every week, until a set date",
        (Repeat::Monthly, true) => "Every month, until a set date",
        (Repeat::Yearly, true) => "Every year, until a set date",
    }
}

/// Shows the item's details when the pointer rests on it.
pub fn hover_ui(response: &egui::Response, cx: &Cx<'_>, item: &CalendarItem<'_>) {
    if !response.hovered() {
        return;
    }
    response.clone().on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.label(RichText::new(item.title()).strong());
        ui.label(when_text(item, &cx.tz));
        if let Some(own) = own_zone_text(item, &cx.tz) {
            ui.weak(own);
        }
        match item.source {
            Source::Deployment { release, deployment } => {
                let book = cx.book;
                let env = book.environment(&deployment.environment).map_or("unknown environment", |e| e.name.as_str());
                ui.label(format!("{} · {} · release in {}", env, deployment.method.label(), release.phase.label()));
                let items: Vec<&str> = deployment
                    .config_items
                    .iter()
                    .filter_map(|c| book.config_items.iter().find(|x| &x.id == c).map(|x| x.name.as_str()))
                    .collect();
                if !items.is_empty() {
                    ui.label(format!("Changes: {}", items.join(", ")));
                }
                if !deployment.steps.is_empty() {
                    ui.label(format!("Runbook: {} steps", deployment.steps.len()));
                }
                let mine: Vec<_> = cx.conflicts.iter().filter(|c| c.involves(&deployment.id)).take(4).collect();
                for c in &mine {
                    ui.label(RichText::new(format!("⚠ {}", c.describe(book, &cx.tz))).color(cx.pal.conflict));
                }
            }
            Source::Milestone { release, milestone } => {
                ui.label(format!("{} {} · {}", release.id, release.name, if milestone.done { "reached" } else { "not reached yet" }));
            }
            Source::Phase { release, phase } => {
                let dates = release.phases.get(phase);
                ui.label(format!("{} {} · now in {}", release.id, release.name, release.phase.label()));
                if let Some((Some(a), b)) = dates.map(|d| (d.actual_start, d.actual_end)) {
                    let end = b.map_or_else(|| "not finished".to_owned(), |b| b.strftime("%-d %b %Y").to_string());
                    ui.weak(format!("Actual: {} to {end}", a.strftime("%-d %b %Y")));
                }
            }
            Source::Blackout { blackout, .. } => {
                if !blackout.reason.trim().is_empty() {
                    ui.label(blackout.reason.trim());
                }
                let scope = match &blackout.scope {
                    BlackoutScope::All => "All environments".to_owned(),
                    BlackoutScope::Environments(list) => list
                        .iter()
                        .map(|id| cx.book.environment(id).map_or_else(|| id.to_string(), |e| e.name.clone()))
                        .collect::<Vec<_>>()
                        .join(", "),
                };
                ui.label(format!("{scope} · {}", repeat_text(blackout.window.repeat, blackout.window.until)));
            }
            Source::Maintenance { environment, window, .. } => {
                ui.label(format!("{} · {}", environment.name, repeat_text(window.window.repeat, window.window.until)));
            }
        }
        if item.release().is_some() {
            ui.weak("Click to open the release. Drag to move it, or its end to change when it ends. Arrow keys move the focused item; Shift + arrows move its end.");
        }
    });
}

/// The legend: what each shape means, and the zone times are shown in.
pub fn legend_ui(ui: &mut Ui, pal: &Palette, tz: &TimeZone) {
    let t = crate::ui::theme::tokens(ui.ctx());
    let font = egui::FontId::proportional(t.small_size);
    ui.horizontal_wrapped(|ui| {
        let swatch = vec2(t.small_size * 1.6, t.small_size);
        // Each swatch and its words are one unit, so a narrow window wraps
        // between entries and never between a swatch and its name.
        let entry = |ui: &mut Ui, text: &str, draw: &dyn Fn(&egui::Painter, Rect)| {
            let words = ui.painter().layout_no_wrap(text.to_owned(), font.clone(), pal.weak);
            let width = swatch.x + ui.spacing().item_spacing.x + words.size().x;
            if ui.available_size_before_wrap().x < width {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(swatch, egui::Sense::hover());
            draw(ui.painter(), rect);
            ui.label(RichText::new(text).font(font.clone()).color(pal.weak));
            ui.add_space(t.spacing);
        };
        entry(ui, "Deployment", &|p, r| paint::block(p, r, pal.deployment, None));
        entry(ui, "Phase", &|p, r| {
            let w = r.width() / 4.0;
            for (i, phase) in crate::model::Phase::ALL.iter().take(4).enumerate() {
                let part = Rect::from_min_size(pos2(r.left() + w * i as f32, r.top()), vec2(w, r.height()));
                p.rect_filled(part, 0.0, pal.phase_edge(*phase));
            }
        });
        entry(ui, "Milestone", &|p, r| {
            paint::diamond(p, r.center(), r.height() / 2.0, pal.background, egui::Stroke::new(1.5, pal.text));
        });
        entry(ui, "Blackout", &|p, r| paint::blackout(p, r, pal, false));
        entry(ui, "Maintenance window", &|p, r| paint::maintenance(p, r, pal));
        entry(ui, "Conflict", &|p, r| {
            p.rect_stroke(r, 2.0, egui::Stroke::new(2.0, pal.conflict), egui::StrokeKind::Inside);
            p.text(
                r.center(),
                egui::Align2::CENTER_CENTER,
                "⚠",
                egui::FontId::proportional(r.height() * 0.8),
                pal.conflict,
            );
        });
        entry(ui, "Today", &|p, r| {
            p.line_segment([r.center_top(), r.center_bottom()], egui::Stroke::new(2.0, pal.today));
        });
        let zone = tz.iana_name().unwrap_or("UTC");
        ui.label(RichText::new(format!("Times in {zone}")).font(font.clone()).color(pal.weak));
    });
}

/// A conflict in a few words, e.g. "Inside a blackout: Year-end change freeze".
/// `except` leaves out one deployment (the one being looked at).
pub fn conflict_short(
    c: &crate::schedule::Conflict,
    book: &crate::model::Book,
    except: Option<&crate::model::Id>,
) -> String {
    use crate::schedule::ConflictKind as K;
    let detail = match c.kind {
        K::Environment | K::ConfigItem => {
            let others: Vec<String> = c
                .deployments
                .iter()
                .filter(|d| Some(&d.deployment) != except)
                .map(|d| format!("{} of {}", d.deployment, d.release))
                .collect();
            let items: Vec<&str> = c
                .config_items
                .iter()
                .filter_map(|id| book.config_items.iter().find(|x| &x.id == id).map(|x| x.name.as_str()))
                .collect();
            if c.kind == K::ConfigItem && !items.is_empty() { items.join(", ") } else { others.join(", ") }
        }
        K::Blackout => c
            .blackout
            .as_ref()
            .map(|id| book.blackouts.iter().find(|b| &b.id == id).map_or_else(|| id.to_string(), |b| b.name.clone()))
            .unwrap_or_default(),
        K::Person => c
            .person
            .as_ref()
            .map(|p| book.person(p).map_or_else(|| p.to_string(), |x| x.name.clone()))
            .unwrap_or_default(),
        K::Maintenance => {
            c.environment.as_ref().and_then(|e| book.environment(e)).map(|e| e.name.clone()).unwrap_or_default()
        }
    };
    if detail.is_empty() { c.kind.label().to_owned() } else { format!("{}: {detail}", c.kind.label()) }
}
