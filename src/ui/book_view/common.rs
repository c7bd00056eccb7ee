//! Small building blocks shared by the book's forms: framed sections,
//! labelled pick-lists, a date-and-time editor, warnings and labels for
//! model values that have none of their own.

use crate::edit::{Edit, EditError};
use crate::model::{Book, FrequencyUnit, Id, KnownErrorKind, Person, ProblemStatus, Repeat};
use crate::ui::intent::{Intent, Intents};
use crate::ui::theme;
use crate::ui::widgets::Create;
use egui::{RichText, Ui};
use jiff::civil::DateTime;

/// The widest a form grows, so that long lines stay readable on wide screens.
const FORM_MAX_WIDTH: f32 = 980.0;

/// Keeps what follows in `ui` no wider than [`FORM_MAX_WIDTH`] (and never
/// wider than the space there is, less room for the scroll bar:
/// `set_max_width` alone would widen it).
pub(super) fn limit_width(ui: &mut Ui) {
    let scroll = ui.spacing().scroll;
    let room = ui.available_width() - scroll.bar_width - scroll.bar_outer_margin;
    ui.set_max_width(room.min(FORM_MAX_WIDTH));
}

/// Width of a text field built here, the same as the shared `Fields` use.
pub(super) fn text_width(ui: &Ui) -> f32 {
    crate::ui::widgets::field_width(ui)
}

/// How a piece of status text should read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tone {
    /// Secondary information.
    Weak,
    /// Done or in order.
    Good,
    /// Needs attention.
    Warning,
}

impl Tone {
    /// The theme's colour for this tone.
    pub(super) fn colour(self, ui: &Ui) -> egui::Color32 {
        let t = theme::tokens(ui.ctx());
        match self {
            Tone::Weak => t.text_weak,
            Tone::Good => t.good,
            Tone::Warning => t.warning,
        }
    }
}

/// A framed section of a form with a heading and a line saying what it is for.
pub(super) fn section_ui(ui: &mut Ui, title: &str, note: &str, add: impl FnOnce(&mut Ui)) {
    let t = theme::tokens(ui.ctx());
    egui::Frame::new()
        .fill(t.panel)
        .stroke(egui::Stroke::new(t.stroke, ui.visuals().widgets.noninteractive.bg_stroke.color))
        .corner_radius(6.0)
        .inner_margin(t.spacing * 1.5)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().size(t.heading_size * 0.85));
            if !note.is_empty() {
                ui.label(RichText::new(note).color(t.text_weak));
            }
            ui.add_space(t.spacing * 0.5);
            add(ui);
        });
    ui.add_space(t.spacing);
}

/// A line of text in the warning colour, marked so that colour is not the only sign.
pub(super) fn warning_ui(ui: &mut Ui, text: &str) {
    let t = theme::tokens(ui.ctx());
    ui.add(egui::Label::new(RichText::new(format!("⚠ {text}")).color(t.warning)).wrap());
}

/// A line of secondary text that wraps.
pub(super) fn note_ui(ui: &mut Ui, text: &str) {
    let t = theme::tokens(ui.ctx());
    ui.add(egui::Label::new(RichText::new(text).color(t.text_weak)).wrap());
}

/// A pick-list of fixed values with an accessible name. Returns the new
/// value when the user picks a different one.
pub(super) fn combo_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    value: T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Option<T> {
    let mut chosen = value;
    let shown = name(value);
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for &v in all {
                ui.selectable_value(&mut chosen, v, name(v));
            }
        })
        .response;
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{label}: {shown}")));
    (chosen != value).then_some(chosen)
}

/// A pick-list of the book's people, or nobody. Returns the new choice
/// when the user picks a different one.
pub(super) fn person_combo_ui(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    value: Option<&Id>,
    people: &[Person],
) -> Option<Option<Id>> {
    let shown = match value {
        Some(id) => people.iter().find(|p| &p.id == id).map_or_else(|| format!("{id} (missing)"), person_label),
        None => "— (nobody)".to_owned(),
    };
    let mut chosen: Option<Option<Id>> = None;
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(&shown)
        .width(240.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(value.is_none(), "— (nobody)").clicked() {
                chosen = Some(None);
            }
            for p in people {
                if ui.selectable_label(value == Some(&p.id), person_label(p)).clicked() {
                    chosen = Some(Some(p.id.clone()));
                }
            }
        })
        .response;
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{label}: {shown}")));
    chosen.filter(|c| c.as_ref() != value)
}

fn person_label(p: &Person) -> String {
    if p.name.trim().is_empty() { p.id.to_string() } else { p.name.clone() }
}

/// "New person…" for a people pick-list: adds a person with the typed name
/// at the end of the book's people.
pub(super) fn create_person(book: &Book) -> Create {
    crate::ui::widgets::create::person(book)
}

/// The name of a person, or their id when they have none or are missing.
pub(super) fn person_name(book: &Book, id: &Id) -> String {
    book.person(id).map_or_else(|| format!("{id} (missing)"), person_label)
}

/// A date picker with hour and minute next to it. A picked date is one
/// undo step; dragging or typing the hour or minute is one step that ends
/// when the drag or typing ends. `make` turns the new value into an edit.
pub(super) fn date_time_ui(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    value: DateTime,
    out: &mut Intents,
    make: impl Fn(DateTime) -> Result<Edit, EditError>,
) {
    ui.horizontal(|ui| {
        let mut date = value.date();
        let r =
            ui.add(egui_extras::DatePickerButton::new(&mut date).id_salt(salt).calendar_week(true).show_icon(false));
        r.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{label}, date: {}", value.date()))
        });
        if date != value.date() {
            out.apply(make(date.to_datetime(value.time())));
        }
        let mut hour = value.hour();
        let mut minute = value.minute();
        let two = |n: f64, _| format!("{n:02.0}");
        let h = ui.add(egui::DragValue::new(&mut hour).range(0..=23).custom_formatter(two).speed(0.1));
        h.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, format!("{label}, hour")));
        ui.label(":");
        let m = ui.add(egui::DragValue::new(&mut minute).range(0..=59).custom_formatter(two).speed(0.2));
        m.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, format!("{label}, minute")));
        if hour != value.hour() || minute != value.minute() {
            out.typing(make(value.date().at(hour, minute, 0, 0)));
        }
        if h.drag_stopped() || h.lost_focus() || m.drag_stopped() || m.lost_focus() {
            out.push(Intent::Seal);
        }
    });
}

/// A whole number with an accessible name, edited by dragging or typing as
/// one undo step. Returns the new value while it changes, and whether the
/// interaction ended this frame.
pub(super) fn number_ui(
    ui: &mut Ui,
    label: &str,
    value: u32,
    range: std::ops::RangeInclusive<u32>,
    suffix: &str,
) -> (Option<u32>, bool) {
    let mut v = value;
    // A value outside the range (a hand-edited file) is shown as it is, not
    // quietly clamped, which would be an edit nobody asked for.
    let drag = egui::DragValue::new(&mut v).range(range).clamp_existing_to_range(false);
    let r = ui.add(drag.suffix(suffix).speed(0.1));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, label));
    ((v != value).then_some(v), r.drag_stopped() || r.lost_focus())
}

/// `n` with thin groups of three digits, e.g. "3,412".
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 change", "2 changes".
pub(super) fn count_of(n: usize, noun: &str, plural: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { noun } else { plural })
}

/// Every frequency unit, for pick-lists.
pub(super) const FREQUENCY_UNITS: [FrequencyUnit; 4] =
    [FrequencyUnit::Week, FrequencyUnit::Month, FrequencyUnit::Quarter, FrequencyUnit::Year];

/// "per week", "per month"…
pub(super) fn per_unit(unit: FrequencyUnit) -> &'static str {
    match unit {
        FrequencyUnit::Week => "per week",
        FrequencyUnit::Month => "per month",
        FrequencyUnit::Quarter => "per quarter",
        FrequencyUnit::Year => "per year",
    }
}

/// Every kind of known-error record.
pub(super) const KNOWN_ERROR_KINDS: [KnownErrorKind; 2] = [KnownErrorKind::Problem, KnownErrorKind::KnownError];

/// A label for a kind of known-error record.
pub(super) fn known_error_kind_label(kind: KnownErrorKind) -> &'static str {
    match kind {
        KnownErrorKind::Problem => "Problem (cause not yet known)",
        KnownErrorKind::KnownError => "Known error (cause and workaround known)",
    }
}

/// Every problem status.
pub(super) const PROBLEM_STATUSES: [ProblemStatus; 2] = [ProblemStatus::Open, ProblemStatus::Resolved];

/// A label for a problem status.
pub(super) fn problem_status_label(status: ProblemStatus) -> &'static str {
    match status {
        ProblemStatus::Open => "Open",
        ProblemStatus::Resolved => "Resolved",
    }
}

/// A capitalised label for how a window repeats.
pub(super) fn repeat_label(repeat: Repeat) -> &'static str {
    match repeat {
        Repeat::Never => "Once",
        Repeat::Weekly => "Weekly",
        Repeat::Monthly => "Monthly",
        Repeat::Yearly => "Yearly",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(3412), "3,412");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn count_of_uses_the_plural() {
        assert_eq!(count_of(1, "change", "changes"), "1 change");
        assert_eq!(count_of(2001, "change", "changes"), "2,001 changes");
    }
}
