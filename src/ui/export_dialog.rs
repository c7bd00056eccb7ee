//! The Export dialog: pick a format and what it covers (the whole book or
//! one release), see what goes in, choose where it goes, and export in the
//! background while the window stays responsive (progress in the status
//! bar). PNG takes a picture of the window once the dialog has closed.

use super::app::RelplanApp;
use super::jobs::{self, PickPurpose};
use super::screenshot::PngExport;
use crate::export::{ExportOptions, Format, Paper, TableKind, names, preview};
use crate::model::{Book, Id};
use std::path::PathBuf;

/// The dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportState {
    /// The format.
    pub format: Format,
    /// The release it covers; `None` for the whole book.
    pub release: Option<Id>,
    /// The release offered when "One release" is chosen.
    pub release_choice: Option<Id>,
    /// PDF paper.
    pub paper: Paper,
    /// The table a CSV holds.
    pub table: TableKind,
    /// A CSV separates its cells with `;` instead of `,`.
    pub semicolon: bool,
    /// Which events a calendar holds (its release is `release`).
    pub calendar: crate::export::ics::IcsOptions,
    /// Where it goes.
    pub path: String,
    /// Folder the path starts in.
    dir: Option<PathBuf>,
}

impl ExportState {
    /// The dialog for `book`, offering `selected` as the one release and
    /// suggesting a file in `dir`.
    pub fn new(book: &Book, selected: Option<&Id>, dir: Option<PathBuf>) -> Self {
        let release_choice = selected.cloned().or_else(|| book.releases.first().map(|r| r.id.clone()));
        let mut state = Self {
            format: Format::Pdf,
            release: None,
            release_choice,
            paper: Paper::A4,
            table: TableKind::Risks,
            semicolon: false,
            calendar: crate::export::ics::IcsOptions::default(),
            path: String::new(),
            dir,
        };
        state.path = state.suggested_path(book);
        state
    }

    /// A file name for the current choices, made safe from the titles.
    fn suggested_path(&self, book: &Book) -> String {
        let mut title = book.name.clone();
        if let Some(id) = self.release.as_ref().filter(|_| self.format.takes_release()) {
            title.push_str(&format!(" {id}"));
        }
        if self.format == Format::Csv {
            title.push_str(&format!(" {}", self.table.name()));
        }
        let name = names::file_name(&title, "release-book", self.format.extension());
        match &self.dir {
            Some(dir) => dir.join(name).display().to_string(),
            None => name,
        }
    }
}

impl RelplanApp {
    /// Opens the Export dialog.
    pub(super) fn open_export(&mut self) {
        let Some(s) = &self.session else { return };
        let dir = s.file.as_ref().and_then(|f| f.path().parent().map(ToOwned::to_owned));
        let mut state = ExportState::new(s.doc.book(), self.selected.as_ref(), dir);
        state.semicolon = self.prefs.csv_semicolon;
        self.dialog = Some(super::dialogs::Dialog::Export(Box::new(state)));
    }

    /// Opens the Export dialog on the calendar (.ics), to choose its audience.
    pub(super) fn open_export_calendar(&mut self) {
        self.open_export();
        if let (Some(super::dialogs::Dialog::Export(state)), Some(s)) = (&mut self.dialog, &self.session) {
            state.format = Format::Ics;
            state.path = state.suggested_path(s.doc.book());
        }
    }

    /// The Export dialog; returns whether it stays open.
    pub(super) fn export_ui(&mut self, ui: &mut egui::Ui, state: &mut ExportState) -> bool {
        let all_findings = self.findings();
        let Some(s) = &self.session else { return false };
        let book = s.doc.book();
        let before = state.clone();
        ui.heading("Export");
        ui.label("A copy for people who don't have Relplan. The book itself is not changed.");
        ui.add_space(4.0);
        // The choices and the preview scroll; the title, where it goes and
        // the buttons stay in the window.
        super::dialog_fit::body_ui(ui, "export.body", f32::INFINITY, |ui, _| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.strong("Format");
                    for f in Format::ALL {
                        ui.radio_value(&mut state.format, f, f.label());
                    }
                });
                ui.add_space(16.0);
                ui.vertical(|ui| choices_ui(ui, book, state));
            });
            ui.separator();
            ui.strong("What goes in");
            let release = state.release.as_ref().filter(|_| state.format.takes_release());
            let findings =
                all_findings.iter().filter(|f| release.is_none_or(|id| f.release.as_ref() == Some(id))).count();
            egui::Frame::new().inner_margin(6.0).show(ui, |ui| {
                let mut lines = preview::preview(book, state.format, release, state.table, findings);
                if state.format == Format::Ics {
                    let options =
                        crate::export::ics::IcsOptions { release: release.cloned(), ..state.calendar.clone() };
                    lines.truncate(1);
                    lines.push(crate::export::ics::contents(book, &options));
                }
                for line in lines {
                    ui.label(line);
                }
            });
        });
        if state.format != before.format || state.release != before.release || state.table != before.table {
            state.path = state.suggested_path(book);
        }
        ui.separator();
        let mut keep = true;
        ui.horizontal(|ui| {
            let label = ui.label("Save to");
            ui.add(egui::TextEdit::singleline(&mut state.path).desired_width(320.0)).labelled_by(label.id);
            if ui.button("Choose…").clicked() {
                let suggested = PathBuf::from(&state.path);
                let name = suggested.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let dir = suggested.parent().filter(|p| !p.as_os_str().is_empty()).map(ToOwned::to_owned);
                self.jobs.push(jobs::pick(PickPurpose::Export(state.format), dir.or(state.dir.clone()), name));
            }
        });
        let path = PathBuf::from(state.path.trim());
        let exists = !state.path.trim().is_empty() && path.exists();
        // The open book's own file: an export there would replace the book.
        let own = exists
            && self.session.as_ref().and_then(|s| s.path()).is_some_and(|p| crate::store::is_same_file(p, &path));
        let t = super::theme::tokens(ui.ctx());
        if own {
            ui.label(egui::RichText::new("✖ That is the book itself; choose another file.").color(t.error));
        } else if exists {
            ui.label(egui::RichText::new("⚠ That file exists; exporting replaces it.").color(t.warning));
        }
        ui.horizontal(|ui| {
            let events = state.format != Format::Ics || state.calendar.any();
            let ready = !state.path.trim().is_empty() && !self.is_exporting() && events && !own;
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                self.start_export(state, path.clone());
                keep = false;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                keep = false;
            }
        });
        keep
    }

    /// Whether an export is running.
    pub fn is_exporting(&self) -> bool {
        self.jobs.iter().any(|j| j.label.starts_with("Exporting")) || self.png_export.is_some()
    }

    fn start_export(&mut self, state: &ExportState, path: PathBuf) {
        if state.format == Format::Csv {
            // Remembered for the next export, and for the menu's risk register export.
            self.prefs.csv_semicolon = state.semicolon;
        }
        let Some(s) = &self.session else { return };
        if state.format == Format::Png {
            self.png_export = Some(PngExport::new(path));
            return;
        }
        let options = ExportOptions {
            release: state.release.clone(),
            today: super::app::today(),
            paper: state.paper,
            table: state.table,
            semicolon: state.format == Format::Csv && state.semicolon,
            calendar: state.calendar.clone(),
        };
        self.jobs.push(jobs::export(s.doc.book().clone(), state.format, options, path));
    }

    /// A file chosen with the Export dialog's "Choose…" goes into its path field.
    pub(super) fn export_path_chosen(&mut self, path: PathBuf) {
        if let Some(super::dialogs::Dialog::Export(state)) = &mut self.dialog {
            let path = if path.extension().is_none() && state.format != Format::Evidence {
                path.with_extension(state.format.extension())
            } else {
                path
            };
            state.path = path.display().to_string();
        }
    }
}

/// The choices beside the format list: what it covers, paper, table.
fn choices_ui(ui: &mut egui::Ui, book: &Book, state: &mut ExportState) {
    if state.format.takes_release() {
        ui.strong("Covers");
        ui.radio_value(&mut state.release, None, "The whole book");
        let one = state.release.is_some();
        if ui.radio(one, "One release").clicked() && !one {
            state.release = state.release_choice.clone();
        }
        if let Some(current) = state.release.clone() {
            let shown = book.release(&current).map_or_else(|| current.to_string(), |r| format!("{} {}", r.id, r.name));
            let r =
                egui::ComboBox::from_id_salt("export.release").selected_text(&shown).width(260.0).show_ui(ui, |ui| {
                    for r in &book.releases {
                        let picked =
                            ui.selectable_label(state.release.as_ref() == Some(&r.id), format!("{} {}", r.id, r.name));
                        if picked.clicked() {
                            state.release = Some(r.id.clone());
                            state.release_choice = Some(r.id.clone());
                        }
                    }
                });
            let name = format!("Release: {shown}");
            r.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        }
    }
    match state.format {
        Format::Pdf => {
            ui.add_space(6.0);
            ui.strong("Paper");
            ui.horizontal(|ui| {
                for p in [Paper::A4, Paper::Letter] {
                    ui.radio_value(&mut state.paper, p, p.label());
                }
            });
        }
        Format::Ics => {
            ui.add_space(6.0);
            ui.strong("Events");
            let c = &mut state.calendar;
            ui.checkbox(&mut c.phases, "Phases");
            ui.checkbox(&mut c.milestones, "Milestones");
            ui.checkbox(&mut c.deployments, "Deployment windows");
            ui.checkbox(&mut c.blackouts, "Blackout windows");
        }
        Format::Csv => {
            ui.add_space(6.0);
            ui.strong("Table");
            for t in TableKind::ALL {
                ui.radio_value(&mut state.table, t, t.title());
            }
            ui.add_space(6.0);
            ui.strong("Separator");
            ui.radio_value(&mut state.semicolon, false, "Comma ( , )");
            ui.radio_value(&mut state.semicolon, true, "Semicolon ( ; )")
                .on_hover_text("For spreadsheets that write decimals with a comma, as in most of Europe");
        }
        _ => {}
    }
}
