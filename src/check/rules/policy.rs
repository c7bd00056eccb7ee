//! R1 (release types: an emergency type, and the cadence each type
//! expects) and R14 (release names follow the naming convention).

use super::context::{Ctx, Fail, Need, Stage, id_list};
use crate::check::{Finding, Severity};
use crate::edit::Path;
use crate::model::{Book, FrequencyUnit, Id, Release};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// R14: the name follows the policy's convention.
pub static R14_NAME: Need = Need {
    rule: "R14",
    clause: "ITIL",
    stage: Stage::Always,
    cap: Severity::Warning,
    label: "The release name follows the naming convention",
    fix: "Rename the release to follow the policy's naming convention (Book › Policy).",
};

/// The day a release counts as released: its deployment phase (actual,
/// else planned), else its first deployment.
pub fn release_day(r: &Release) -> Option<Date> {
    let p = &r.phases.deployment;
    p.actual_start.or(p.planned_start).or_else(|| r.deployments.iter().map(|d| d.window.start.date()).min())
}

/// R1: the policy has an emergency type, and no type is released more
/// often than it expects, from the current period on.
pub fn book_rules(book: &Book, today: Date, out: &mut Vec<Finding>) {
    let types = &book.policy.release_types;
    let at = Path::root().field("policy");
    if !types.is_empty() && !types.iter().any(|t| t.emergency) {
        out.push(finding(
            at.clone(),
            "release_types",
            "The release policy has no emergency release type, so urgent fixes have no defined fast path.".to_owned(),
        ));
    }
    let mut periods: BTreeMap<(&Id, i32), Vec<&Id>> = BTreeMap::new();
    for r in &book.releases {
        let Some(t) = types.iter().find(|t| t.id == r.release_type) else { continue };
        let (Some(f), Some(day)) = (t.expected_frequency, release_day(r)) else { continue };
        if f.count > 0 && period(f.unit, day) >= period(f.unit, today) {
            periods.entry((&t.id, period(f.unit, day))).or_default().push(&r.id);
        }
    }
    for ((type_id, key), releases) in periods {
        let Some(t) = types.iter().find(|t| &t.id == type_id) else { continue };
        let Some(f) = t.expected_frequency else { continue };
        let count = u32::try_from(releases.len()).unwrap_or(u32::MAX);
        if count > f.count {
            let message = format!(
                "{count} {} releases fall in {} ({}); the policy expects at most {} a {}.",
                t.name,
                period_name(f.unit, key),
                id_list(releases.into_iter()),
                f.count,
                f.unit.label()
            );
            out.push(finding(at.clone().item("release_types", &t.id), "expected_frequency", message));
        }
    }
}

fn finding(at: Path, field: &str, message: String) -> Finding {
    Finding {
        rule: "R1",
        clause: "8.5.3 a",
        severity: Severity::Warning,
        release: None,
        at,
        field: Some(field.into()),
        message,
        position: None,
    }
}

/// A number for the period a day falls in; later periods have larger numbers.
fn period(unit: FrequencyUnit, d: Date) -> i32 {
    let (y, m) = (i32::from(d.year()), i32::from(d.month()));
    match unit {
        FrequencyUnit::Week => {
            let w = d.iso_week_date();
            i32::from(w.year()) * 54 + i32::from(w.week())
        }
        FrequencyUnit::Month => y * 12 + m - 1,
        FrequencyUnit::Quarter => y * 4 + (m - 1) / 3,
        FrequencyUnit::Year => y,
    }
}

/// The period's name: "the week of 23 Nov 2026", "November 2026", "Q4 2026", "2026".
fn period_name(unit: FrequencyUnit, key: i32) -> String {
    match unit {
        FrequencyUnit::Week => {
            let (year, week) = (key.div_euclid(54), key.rem_euclid(54));
            let monday = i16::try_from(year)
                .ok()
                .zip(i8::try_from(week).ok())
                .and_then(|(y, w)| jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday).ok())
                .map(|w| w.date().strftime("%-d %b %Y").to_string());
            monday.map_or_else(|| format!("week {week} of {year}"), |m| format!("the week of {m}"))
        }
        FrequencyUnit::Month => {
            let (year, month) = (key.div_euclid(12), key.rem_euclid(12) + 1);
            i16::try_from(year)
                .ok()
                .zip(i8::try_from(month).ok())
                .and_then(|(y, m)| Date::new(y, m, 1).ok())
                .map_or_else(|| format!("{year}-{month:02}"), |d| d.strftime("%B %Y").to_string())
        }
        FrequencyUnit::Quarter => format!("Q{} {}", key.rem_euclid(4) + 1, key.div_euclid(4)),
        FrequencyUnit::Year => key.to_string(),
    }
}

/// One piece of a naming convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// This character, as written.
    Char(char),
    /// Four digits.
    Year,
    /// Two digits, 01 to 12.
    Month,
    /// One or more digits.
    Number,
    /// Any text, at least one character.
    Text,
}

fn pieces(convention: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = convention;
    while let Some(c) = rest.chars().next() {
        let placeholder = [("{year}", Piece::Year), ("{month}", Piece::Month), ("{n}", Piece::Number)]
            .into_iter()
            .chain([("{text}", Piece::Text)])
            .find(|(p, _)| rest.starts_with(p));
        match placeholder {
            Some((p, piece)) => {
                out.push(piece);
                rest = &rest[p.len()..];
            }
            None => {
                out.push(Piece::Char(c));
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Whether `name` (bytes of an ASCII name, or characters) follows the pattern.
///
/// Works forwards through the pattern, keeping every place in the name the
/// pieces so far can end at (in order, without repeats), so a long or
/// ambiguous pattern (`{text}{text}…`, `{n}{n}…`) costs at most pattern
/// length × name length steps, never a deep recursion or backtracking.
fn matches<C: Copy + Into<char>>(pattern: &[Piece], name: &[C]) -> bool {
    let n = name.len();
    let ch = |i: usize| name[i].into();
    // How many digits run from each place (0 past the end).
    let mut run = vec![0usize; n + 1];
    for i in (0..n).rev() {
        run[i] = if ch(i).is_ascii_digit() { run[i + 1] + 1 } else { 0 };
    }
    let mut ends: Vec<usize> = vec![0];
    for piece in pattern {
        let mut next = Vec::new();
        match *piece {
            Piece::Char(c) => next.extend(ends.iter().filter(|&&i| i < n && ch(i) == c).map(|&i| i + 1)),
            Piece::Year => next.extend(ends.iter().filter(|&&i| run[i] >= 4).map(|&i| i + 4)),
            Piece::Month => {
                let month = |i: usize| ch(i).to_digit(10).unwrap_or(0) * 10 + ch(i + 1).to_digit(10).unwrap_or(0);
                next.extend(ends.iter().filter(|&&i| run[i] >= 2 && (1..=12).contains(&month(i))).map(|&i| i + 2));
            }
            Piece::Number => {
                // Each place starts a run of one or more digits; runs that
                // overlap are merged so each end is kept once.
                let mut reached = 0;
                for &i in &ends {
                    let from = (i + 1).max(reached + 1);
                    let to = i + run[i];
                    next.extend(from..=to);
                    reached = reached.max(to);
                }
            }
            Piece::Text => {
                if let Some(&first) = ends.first() {
                    next.extend(first + 1..=n);
                }
            }
        }
        if next.is_empty() {
            return false;
        }
        ends = next;
    }
    ends.last() == Some(&n)
}

/// Whether `name` follows `convention` (see [`crate::model::Policy::naming_convention`]).
pub fn follows_convention(name: &str, convention: &str) -> bool {
    Convention(pieces(convention.trim())).allows(name)
}

/// A naming convention, parsed once per check of a book.
#[derive(Debug)]
pub struct Convention(Vec<Piece>);

impl Convention {
    /// The book's convention, if it has one.
    pub fn of(book: &Book) -> Option<Self> {
        let text = book.policy.naming_convention.trim();
        (!text.is_empty()).then(|| Self(pieces(text)))
    }

    /// Whether `name` follows it.
    fn allows(&self, name: &str) -> bool {
        let name = name.trim();
        if name.is_ascii() {
            // Most names: match the bytes, with no copy.
            matches(&self.0, name.as_bytes())
        } else {
            matches(&self.0, &name.chars().collect::<Vec<char>>())
        }
    }
}

/// R14 for one release.
pub fn naming(cx: &mut Ctx<'_, '_>) {
    let convention = cx.book.policy.naming_convention.as_str();
    let name = cx.r.name.as_str();
    let Some(parsed) = &cx.ix.convention else { return };
    if name.trim().is_empty() {
        return;
    }
    let at = cx.here();
    cx.check(&R14_NAME, parsed.allows(name), || {
        Fail::new(at.path(), "name", format!("“{name}” does not follow the naming convention “{convention}”."))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_against_the_convention() {
        let c = "Payments {year}.{month}.{n}";
        assert!(follows_convention("Payments 2026.06.1", c));
        assert!(follows_convention("Payments 2026.11.12", c));
        assert!(!follows_convention("Payments 2026.13.1", c));
        assert!(!follows_convention("Payments 26.06.1", c));
        assert!(!follows_convention("Payments 2026.06", c));
        assert!(!follows_convention("Checkout 2026.06.1", c));
        assert!(follows_convention("Card Vault minor 2027.01.3", "{text} {year}.{month}.{n}"));
        assert!(!follows_convention(" 2027.01.3", "{text} {year}.{month}.{n}"));
    }

    #[test]
    fn ambiguous_pieces_still_match_exactly() {
        assert!(follows_convention("12", "{n}{n}"));
        assert!(!follows_convention("1", "{n}{n}"));
        assert!(follows_convention("ab", "{text}{text}"));
        assert!(!follows_convention("a", "{text}{text}"));
        assert!(follows_convention("20261", "{year}{n}"));
        assert!(!follows_convention("2026", "{year}{n}"));
        assert!(follows_convention("1.2.3", "{n}.{n}.{n}"));
        assert!(follows_convention("a-b-c", "{text}-{text}"), "the first text may hold a dash");
        assert!(follows_convention("Zahlung März 2027.03.1", "Zahlung {text} {year}.{month}.{n}"));
        assert!(!follows_convention("Zahlung März 2027.3.1", "Zahlung {text} {year}.{month}.{n}"));
    }

    #[test]
    fn a_very_long_convention_is_matched_without_deep_recursion() {
        // 50,000 pieces: one call level per piece would overflow the stack.
        let long = "x".repeat(50_000);
        assert!(follows_convention(&long, &long));
        assert!(!follows_convention(&format!("{long}y"), &long));
    }

    #[test]
    fn a_pattern_that_would_backtrack_for_ever_is_answered_at_once() {
        // With backtracking these take minutes: every split of the name is tried.
        let texts = format!("{}!", "{text}".repeat(8));
        assert!(!follows_convention(&"a".repeat(60), &texts));
        let numbers = format!("{}x", "{n}".repeat(10));
        assert!(!follows_convention(&"7".repeat(60), &numbers));
        assert!(follows_convention(&format!("{}x", "7".repeat(60)), &numbers));
    }

    #[test]
    fn periods_are_named_like_a_calendar() {
        let d = jiff::civil::date(2026, 11, 27);
        assert_eq!(period_name(FrequencyUnit::Month, period(FrequencyUnit::Month, d)), "November 2026");
        assert_eq!(period_name(FrequencyUnit::Quarter, period(FrequencyUnit::Quarter, d)), "Q4 2026");
        assert_eq!(period_name(FrequencyUnit::Week, period(FrequencyUnit::Week, d)), "the week of 23 Nov 2026");
    }
}
