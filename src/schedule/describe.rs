//! Conflicts and times in words, for the conflicts panel, tooltips and
//! reports.

use super::{Conflict, ConflictKind, DeploymentRef, Interval};
use crate::model::{Book, Id};
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// An instant on the wall clock of `tz`, e.g. "Sun 14 Jun 2026 01:00".
pub fn when_text(at: Timestamp, tz: &TimeZone) -> String {
    tz.to_datetime(at).strftime("%a %-d %b %Y %H:%M").to_string()
}

/// A span on the wall clock of `tz`, e.g. "Sun 14 Jun 2026 01:00–03:30"
/// or "Sat 13 Jun 22:00 – Sun 14 Jun 2026 03:30".
pub fn span_text(at: Interval, tz: &TimeZone) -> String {
    let (a, b) = (tz.to_datetime(at.start), tz.to_datetime(at.end));
    if a.date() == b.date()
        || (b.time() == jiff::civil::Time::midnight() && b.date() == a.date().tomorrow().unwrap_or(a.date()))
    {
        let end = if a.date() == b.date() { b.strftime("%H:%M").to_string() } else { "24:00".to_owned() };
        format!("{}–{end}", a.strftime("%a %-d %b %Y %H:%M"))
    } else if a.year() == b.year() {
        format!("{} – {}", a.strftime("%a %-d %b %H:%M"), b.strftime("%a %-d %b %Y %H:%M"))
    } else {
        format!("{} – {}", a.strftime("%a %-d %b %Y %H:%M"), b.strftime("%a %-d %b %Y %H:%M"))
    }
}

/// A deployment in words, e.g. "DEP-7 “Production cut-over” of REL-3".
pub fn deployment_text(book: &Book, d: &DeploymentRef) -> String {
    let name = book
        .release(&d.release)
        .and_then(|r| r.deployments.iter().find(|x| x.id == d.deployment))
        .map(|x| x.name.as_str())
        .filter(|n| !n.trim().is_empty());
    match name {
        Some(name) => format!("{} “{name}” of {}", d.deployment, d.release),
        None => format!("{} of {}", d.deployment, d.release),
    }
}

fn environment_name(book: &Book, id: Option<&Id>) -> String {
    match id {
        Some(id) => book.environment(id).map_or_else(|| id.to_string(), |e| e.name.clone()),
        None => "an environment".to_owned(),
    }
}

fn step_title(book: &Book, c: &Conflict, i: usize) -> String {
    let Some(id) = c.steps.get(i) else { return "a step".to_owned() };
    let title = c
        .deployments
        .iter()
        .filter_map(|d| book.release(&d.release))
        .flat_map(|r| r.deployments.iter().flat_map(|d| d.steps.iter()))
        .find(|s| &s.id == id)
        .map(|s| s.title.as_str())
        .filter(|t| !t.trim().is_empty());
    match title {
        Some(t) => format!("“{t}” ({id})"),
        None => id.to_string(),
    }
}

/// Words joined as "a, b and c".
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The conflict in words, with times in `tz`.
pub fn describe(c: &Conflict, book: &Book, tz: &TimeZone) -> String {
    let when = span_text(c.when, tz);
    let deps: Vec<String> = c.deployments.iter().map(|d| deployment_text(book, d)).collect();
    let first = deps.first().cloned().unwrap_or_else(|| "A deployment".to_owned());
    let both = if deps.len() > 2 { "all" } else { "both" };
    match c.kind {
        ConflictKind::Environment => {
            let env = environment_name(book, c.environment.as_ref());
            let mut text = format!("{} {both} deploy to {env} at {when}.", and_list(&deps));
            if !c.config_items.is_empty() {
                text.push_str(&format!(" They change {}.", item_names(book, &c.config_items)));
            }
            text
        }
        ConflictKind::ConfigItem => {
            format!("{} {both} change {} at {when}.", and_list(&deps), item_names(book, &c.config_items))
        }
        ConflictKind::Blackout => {
            let blackout = c
                .blackout
                .as_ref()
                .map(|id| match book.blackouts.iter().find(|b| &b.id == id) {
                    Some(b) => format!("the blackout “{}” ({id})", b.name),
                    None => format!("the blackout {id}"),
                })
                .unwrap_or_else(|| "a blackout".to_owned());
            let env = environment_name(book, c.environment.as_ref());
            let mut text =
                format!("{first} deploys to {env} during {blackout}, at {when}, without an approved exception.");
            if let Some(x) = &c.invalid_exception {
                text.push_str(&exception_problem(book, c, x));
            }
            text
        }
        ConflictKind::Person => {
            let person = c
                .person
                .as_ref()
                .map(|p| book.person(p).map_or_else(|| p.to_string(), |x| x.name.clone()))
                .unwrap_or_else(|| "Someone".to_owned());
            let steps: Vec<String> = (0..c.steps.len()).map(|i| step_title(book, c, i)).collect();
            let count = match steps.len() {
                0..=2 => "two steps".to_owned(),
                n => format!("{n} steps"),
            };
            format!("{person} is booked on {count} at once, {when}: {} ({}).", and_list(&steps), and_list(&deps))
        }
        ConflictKind::Maintenance => {
            let env = c.environment.as_ref().and_then(|id| book.environment(id));
            let windows: Vec<String> = env
                .map(|e| e.maintenance_windows.iter().map(|m| format!("“{}”", m.name)).collect())
                .unwrap_or_default();
            let name = environment_name(book, c.environment.as_ref());
            format!("{first} deploys to {name} at {when}, outside its maintenance windows ({}).", and_list(&windows))
        }
    }
}

fn item_names(book: &Book, ids: &[Id]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| book.config_items.iter().find(|c| &c.id == id).map_or_else(|| id.to_string(), |c| c.name.clone()))
        .collect();
    if names.is_empty() { "the same configuration item".to_owned() } else { and_list(&names) }
}

/// Why a recorded blackout exception does not count, as a sentence.
fn exception_problem(book: &Book, c: &Conflict, x: &crate::model::Id) -> String {
    let decision = c
        .deployments
        .first()
        .and_then(|d| book.release(&d.release))
        .and_then(|r| r.decisions.iter().find(|d| &d.id == x));
    match decision {
        Some(d) if d.kind == crate::model::DecisionKind::BlackoutException => {
            format!(" Its exception {x} is not approved yet: it does not say who decided and when.")
        }
        Some(_) => format!(" Its exception {x} is not a blackout-exception decision."),
        None => format!(" Its exception {x} is missing."),
    }
}
