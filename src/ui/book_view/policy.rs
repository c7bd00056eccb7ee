//! The Policy tab: the book's name, the release naming convention, the
//! release types, and (from `risk_policy.rs`) the risk scale and gates.

use super::common::{FREQUENCY_UNITS, combo_ui, note_ui, number_ui, per_unit, section_ui, warning_ui};
use crate::edit::{Edit, Path};
use crate::model::{Book, Frequency, FrequencyUnit, IdKind, ReleaseType};
use crate::ui::intent::{Intent, Intents};
use crate::ui::widgets::{Fields, ListRow, list_ui};
use egui::Ui;

/// The placeholders a naming convention may use, with what they stand for.
const PLACEHOLDERS: [(&str, &str); 4] = [("{year}", "2026"), ("{month}", "03"), ("{n}", "2"), ("{text}", "Checkout")];

/// Shows the Policy tab.
pub(super) fn policy_ui(ui: &mut Ui, book: &Book, out: &mut Intents) {
    let policy_at = Path::root().field("policy");
    section_ui(ui, "Book", "What this release book covers.", |ui| {
        Fields::grid(ui, "book.about", |ui| {
            let mut f = Fields::new(Path::root(), out);
            f.text(ui, "Name", "name", &book.name);
            f.multiline(ui, "Description", "description", &book.description);
        });
    });
    section_ui(ui, "Naming convention", "Release names must follow this pattern (R14).", |ui| {
        Fields::grid(ui, "book.naming", |ui| {
            let convention = &book.policy.naming_convention;
            Fields::new(policy_at.clone(), out).text(ui, "Pattern", "naming_convention", convention);
            ui.label("");
            note_ui(
                ui,
                "{year} is a four-digit year, {month} a two-digit month, {n} a number and {text} any text; \
                 everything else must appear exactly as written.",
            );
            ui.end_row();
            ui.label("");
            note_ui(ui, &format!("For example: {}", example_name(convention)));
            ui.end_row();
            for unknown in unknown_placeholders(convention) {
                ui.label("");
                warning_ui(ui, &format!("{unknown} is not a placeholder, so it must appear in names as written."));
                ui.end_row();
            }
        });
    });
    section_ui(
        ui,
        "Release types",
        "Every release has one of these types (R1). A type may state how often it is expected; \
         emergency types take the fast path, where ECAB approval may be recorded after deployment (R12).",
        |ui| release_types_ui(ui, book, &policy_at, out),
    );
    super::risk_policy::risk_policy_ui(ui, book, &policy_at, out);
    super::risk_policy::gates_ui(ui, book, &policy_at, out);
}

/// The release types as cards.
fn release_types_ui(ui: &mut Ui, book: &Book, policy_at: &Path, out: &mut Intents) {
    let types = &book.policy.release_types;
    if !types.is_empty() && !types.iter().any(|t| t.emergency) {
        warning_ui(ui, "No release type takes the emergency fast path: the policy needs an emergency type (R1).");
    }
    list_ui(
        ui,
        out,
        policy_at,
        "release_types",
        "release type",
        types,
        |t: &ReleaseType| ListRow { title: t.name.clone(), status: type_status(t) },
        |ui, t, at, out| {
            Fields::grid(ui, ("book.release_type", &t.id), |ui| {
                let mut f = Fields::new(at.clone(), out);
                f.text(ui, "Name", "name", &t.name);
                f.multiline(ui, "Description", "description", &t.description);
                frequency_row_ui(ui, &at, t.expected_frequency, out);
                Fields::new(at.clone(), out).check(ui, "Emergency fast path", "emergency", t.emergency);
            });
        },
        || ReleaseType { id: book.ledger.peek_id(IdKind::ReleaseType), ..ReleaseType::default() },
    );
}

/// A release type's header status: its frequency and whether it is an emergency type.
fn type_status(t: &ReleaseType) -> String {
    let mut parts = Vec::new();
    if let Some(f) = t.expected_frequency {
        parts.push(format!("at most {} {}", f.count, per_unit(f.unit)));
    }
    if t.emergency {
        parts.push("emergency fast path".to_owned());
    }
    parts.join(" · ")
}

/// "Expected frequency: [x] at most [2] releases [per month]".
fn frequency_row_ui(ui: &mut Ui, at: &Path, value: Option<Frequency>, out: &mut Intents) {
    ui.label("Expected frequency");
    ui.horizontal(|ui| {
        let shown = value.unwrap_or(Frequency { count: 1, unit: FrequencyUnit::Month });
        let set = |v: Option<Frequency>| Edit::set(at.clone(), "expected_frequency", &v);
        let mut limited = value.is_some();
        let check = ui.checkbox(&mut limited, "At most");
        check.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::CheckBox, true, limited, "Expected frequency stated: at most")
        });
        if check.changed() {
            out.apply(set(limited.then_some(shown)));
        }
        ui.add_enabled_ui(limited, |ui| {
            let (count, ended) = number_ui(ui, "Expected frequency, number of releases", shown.count, 1..=1000, "");
            if let Some(count) = count {
                out.typing(set(Some(Frequency { count, ..shown })));
            }
            if ended {
                out.push(Intent::Seal);
            }
            ui.label(if shown.count == 1 { "release" } else { "releases" });
            let salt = ("book.frequency", at);
            if let Some(unit) = combo_ui(ui, salt, "Expected frequency, period", shown.unit, &FREQUENCY_UNITS, per_unit)
            {
                out.apply(set(Some(Frequency { unit, ..shown })));
            }
        });
        if !limited {
            note_ui(ui, "(no limit stated)");
        }
    });
    ui.end_row();
}

/// The convention with each placeholder replaced by an example value.
fn example_name(convention: &str) -> String {
    PLACEHOLDERS.iter().fold(convention.to_owned(), |name, (p, v)| name.replace(p, v))
}

/// The `{…}` parts of a convention that are not placeholders.
fn unknown_placeholders(convention: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = convention;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let Some(close) = after.find('}') else { break };
        let token = &after[..=close];
        if !PLACEHOLDERS.iter().any(|(p, _)| *p == token) && !found.iter().any(|f| f == token) {
            found.push(token.to_owned());
        }
        rest = &after[close + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_fills_every_placeholder() {
        assert_eq!(example_name("{text} {year}.{month}.{n}"), "Checkout 2026.03.2");
    }

    #[test]
    fn unknown_placeholders_are_found_once() {
        assert_eq!(unknown_placeholders("{text} {yr}-{yr} {n}"), vec!["{yr}".to_owned()]);
        assert!(unknown_placeholders("{text} {year}").is_empty());
        assert!(unknown_placeholders("broken {year").is_empty());
    }

    #[test]
    fn type_status_reads_as_words() {
        let t = ReleaseType {
            expected_frequency: Some(Frequency { count: 2, unit: FrequencyUnit::Quarter }),
            emergency: true,
            ..ReleaseType::default()
        };
        assert_eq!(type_status(&t), "at most 2 per quarter · emergency fast path");
    }
}
