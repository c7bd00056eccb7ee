//! Labelled form fields: each shows a value from the book and, when the
//! user changes it, returns an edit of that field.

use crate::edit::{Edit, Path};
use crate::ui::intent::Intents;
use egui::{Response, Ui};
use jiff::civil::Date;
use serde::Serialize;

/// Width of a text field: the room there is, up to a comfortable reading width.
///
/// Never "infinite": inside a grid that would widen the column a little more
/// on every frame and push the form past the window's edge.
pub fn field_width(ui: &Ui) -> f32 {
    (ui.available_width() - 8.0).clamp(120.0, 640.0)
}

/// The fields of one record, laid out in a two-column grid of labels and
/// widgets. Every widget is labelled for screen readers and tests.
pub struct Fields<'a> {
    /// The record being edited.
    pub at: Path,
    /// Where the edits go.
    pub out: &'a mut Intents,
}

impl<'a> Fields<'a> {
    /// Fields of the record at `at`.
    pub fn new(at: Path, out: &'a mut Intents) -> Self {
        Self { at, out }
    }

    /// Shows the fields in a grid with a stable id.
    pub fn grid(ui: &mut Ui, id: impl std::hash::Hash + std::fmt::Debug, add: impl FnOnce(&mut Ui)) {
        egui::Grid::new(id).num_columns(2).striped(false).min_col_width(150.0).show(ui, |ui| add(ui));
    }

    fn label(ui: &mut Ui, label: &str) -> egui::Id {
        ui.label(label).id
    }

    fn set<T: Serialize + ?Sized>(&mut self, field: &str, value: &T) {
        self.out.apply(Edit::set(self.at.clone(), field, value));
    }

    fn typing_result(&mut self, response: &Response, field: &str, value: &str) {
        if response.changed() {
            self.out.typing(Edit::set(self.at.clone(), field, value));
        }
        if response.lost_focus() {
            self.out.push(crate::ui::intent::Intent::Seal);
        }
    }

    /// A one-line text field.
    pub fn text(&mut self, ui: &mut Ui, label: &str, field: &str, value: &str) -> Response {
        let id = Self::label(ui, label);
        let mut text = value.to_owned();
        let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(field_width(ui))).labelled_by(id);
        self.typing_result(&r, field, &text);
        ui.end_row();
        r
    }

    /// A text field for several lines.
    pub fn multiline(&mut self, ui: &mut Ui, label: &str, field: &str, value: &str) -> Response {
        let id = Self::label(ui, label);
        let mut text = value.to_owned();
        let r =
            ui.add(egui::TextEdit::multiline(&mut text).desired_rows(3).desired_width(field_width(ui))).labelled_by(id);
        self.typing_result(&r, field, &text);
        ui.end_row();
        r
    }

    /// A whole number, such as minutes.
    pub fn number(&mut self, ui: &mut Ui, label: &str, field: &str, value: u32, suffix: &str) -> Response {
        let id = Self::label(ui, label);
        let mut v = value;
        let r = ui
            .add(egui::DragValue::new(&mut v).range(0..=100_000).clamp_existing_to_range(false).suffix(suffix))
            .labelled_by(id);
        if v != value {
            self.set(field, &v);
        }
        ui.end_row();
        r
    }

    /// A small number on a scale, such as a likelihood from 1 to 5.
    pub fn scale(&mut self, ui: &mut Ui, label: &str, field: &str, value: u8, max: u8) -> Response {
        let id = Self::label(ui, label);
        let mut v = value;
        let r = ui.add(egui::Slider::new(&mut v, 1..=max.max(1)).clamping(egui::SliderClamping::Edits)).labelled_by(id);
        if v != value {
            self.set(field, &v);
        }
        ui.end_row();
        r
    }

    /// A yes/no box.
    pub fn check(&mut self, ui: &mut Ui, label: &str, field: &str, value: bool) -> Response {
        ui.label("");
        let mut v = value;
        let r = ui.checkbox(&mut v, label);
        if v != value {
            self.set(field, &v);
        }
        ui.end_row();
        r
    }

    /// One of a fixed set of values.
    pub fn choice<T: Copy + PartialEq + Serialize>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: T,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Response {
        ui.label(label);
        let mut chosen = value;
        let r = egui::ComboBox::from_id_salt((&self.at, field))
            .selected_text(name(value))
            .show_ui(ui, |ui| {
                for &v in all {
                    ui.selectable_value(&mut chosen, v, name(v));
                }
            })
            .response;
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{label}: {}", name(value))));
        if chosen != value {
            self.set(field, &chosen);
        }
        ui.end_row();
        r
    }

    /// One of a fixed set of values, or none.
    pub fn opt_choice<T: Copy + PartialEq + Serialize>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: &str,
        value: Option<T>,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Response {
        ui.label(label);
        let mut chosen = value;
        let shown = value.map_or("—", name);
        let r = egui::ComboBox::from_id_salt((&self.at, field))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "— (none)");
                for &v in all {
                    ui.selectable_value(&mut chosen, Some(v), name(v));
                }
            })
            .response;
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, format!("{label}: {shown}")));
        if chosen != value {
            self.set(field, &chosen);
        }
        ui.end_row();
        r
    }

    /// A date that may be unset: a date picker, with buttons to set or clear it.
    pub fn date(&mut self, ui: &mut Ui, label: &str, field: &str, value: Option<Date>, default: Date) {
        ui.label(label);
        ui.horizontal(|ui| match value {
            Some(d) => {
                let mut picked = d;
                let salt = format!("{}.{field}", self.at);
                ui.add(egui_extras::DatePickerButton::new(&mut picked).id_salt(&salt).calendar_week(true))
                    .accessible_name(format!("{label}: {d}"));
                if picked != d {
                    self.set(field, &Some(picked));
                }
                if ui.small_button("Clear").on_hover_text(format!("Clear {label}")).clicked() {
                    self.set(field, &None::<Date>);
                }
            }
            None => {
                ui.weak("not set");
                if ui.small_button(format!("Set {}", label.to_lowercase())).clicked() {
                    self.set(field, &Some(default));
                }
            }
        });
        ui.end_row();
    }

    /// A date that is always set.
    pub fn required_date(&mut self, ui: &mut Ui, label: &str, field: &str, value: Date) {
        ui.label(label);
        let mut picked = value;
        let salt = format!("{}.{field}", self.at);
        ui.add(egui_extras::DatePickerButton::new(&mut picked).id_salt(&salt).calendar_week(true))
            .accessible_name(format!("{label}: {value}"));
        if picked != value {
            self.set(field, &picked);
        }
        ui.end_row();
    }

    /// A value shown but not editable here.
    pub fn read_only(ui: &mut Ui, label: &str, value: &str) {
        ui.label(label);
        ui.label(value);
        ui.end_row();
    }

    /// Sets a field to a value directly (for widgets built by the caller).
    pub fn set_value<T: Serialize + ?Sized>(&mut self, field: &str, value: &T) {
        self.set(field, value);
    }
}
