//! The window's frame: menu bar with search, status bar, the release list
//! on the left, the history on the right and the main view in the centre.

use super::app::{MainView, RelplanApp};
use super::commands::{CommandId, Menu};
use super::history_panel::{HistoryAction, history_panel_ui};
use super::intent::{Intent, Intents};
use super::theme;

impl RelplanApp {
    /// Lays out one frame of the window and collects the views' intents.
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui, out: &mut Intents) {
        if self.present.is_some() {
            self.present_frame_ui(ui);
            return;
        }
        egui::Panel::top("relplan.top").show(ui, |ui| self.top_bar_ui(ui, out));
        egui::Panel::bottom("relplan.status").show(ui, |ui| self.status_bar_ui(ui));
        let _ = self.findings();
        let counts = self.problem_counts.clone();
        if let Some(s) = &self.session {
            egui::Panel::left("relplan.releases").resizable(true).default_size(340.0).min_size(240.0).show(ui, |ui| {
                super::release_list::release_list_ui(
                    ui,
                    s.doc.book(),
                    &counts,
                    self.selected.as_ref(),
                    &mut self.list,
                    out,
                );
            });
        }
        if self.show_history
            && let Some(s) = &mut self.session
        {
            let action = egui::Panel::right("relplan.history")
                .resizable(true)
                .default_size(320.0)
                .min_size(220.0)
                .show(ui, |ui| history_panel_ui(ui, &s.doc))
                .inner;
            if let Some(HistoryAction::JumpTo(n)) = action
                && let Err(e) = s.doc.jump_to(n)
            {
                self.set_status(e.to_string(), true);
            }
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, out));
        let ctx = ui.ctx().clone();
        let book = self.session.as_ref().map(|s| s.doc.book());
        super::palette::palette_ui(&ctx, &mut self.palette, book, &self.prefs.recent, out);
        self.dialog_ui(&ctx);
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, out: &mut Intents) {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.title(), |ui| {
                    for cmd in CommandId::ALL.iter().copied().filter(|c| c.menu() == menu) {
                        if cmd == CommandId::OpenRecent {
                            self.recent_menu_ui(ui, out);
                            continue;
                        }
                        let mut button = egui::Button::new(self.menu_label(cmd));
                        if let Some(s) = cmd.shortcuts().first() {
                            button = button.shortcut_text(ui.ctx().format_shortcut(s));
                        }
                        if ui.add_enabled(self.enabled(cmd), button).clicked() {
                            out.push(Intent::Run(cmd));
                            ui.close();
                        }
                    }
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let search = ui.add(
                    egui::TextEdit::singleline(&mut self.list.text)
                        .hint_text("🔍 Find release (Ctrl+F)")
                        .desired_width(240.0),
                );
                search.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find release"));
                if std::mem::take(&mut self.list.focus_search) {
                    search.request_focus();
                }
                if search.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && let Some(s) = &self.session
                {
                    let rows = super::release_list::visible_releases(s.doc.book(), &self.list);
                    if let Some(r) = rows.first().and_then(|&i| s.doc.book().releases.get(i)) {
                        out.push(Intent::SelectRelease(r.id.clone()));
                    }
                }
            });
        });
    }

    fn recent_menu_ui(&mut self, ui: &mut egui::Ui, out: &mut Intents) {
        ui.menu_button(CommandId::OpenRecent.label(), |ui| {
            if self.prefs.recent.is_empty() {
                ui.weak("No recent books");
            }
            for path in &self.prefs.recent {
                if ui.button(path.display().to_string()).clicked() {
                    out.push(Intent::OpenFile(path.clone()));
                    ui.close();
                }
            }
        });
    }

    fn menu_label(&self, cmd: CommandId) -> String {
        let check = |on: bool| if on { "✔ " } else { "    " };
        match cmd {
            CommandId::ThemeLight => format!("{}{}", check(self.prefs.theme == theme::Theme::Light), cmd.label()),
            CommandId::ThemeDark => format!("{}{}", check(self.prefs.theme == theme::Theme::Dark), cmd.label()),
            CommandId::ThemeProjector => {
                format!("{}{}", check(self.prefs.theme == theme::Theme::Projector), cmd.label())
            }
            CommandId::ToggleHistory => format!("{}{}", check(self.show_history), cmd.label()),
            CommandId::ViewRelease => format!("{}{}", check(self.view == MainView::Release), cmd.label()),
            CommandId::ViewBook => format!("{}{}", check(self.view == MainView::Book), cmd.label()),
            CommandId::ViewCalendar => format!("{}{}", check(self.view == MainView::Calendar), cmd.label()),
            CommandId::ViewRisks => format!("{}{}", check(self.view == MainView::Risks), cmd.label()),
            CommandId::ViewChecks => format!("{}{}", check(self.view == MainView::Checks), cmd.label()),
            CommandId::Undo => match self.session.as_ref().and_then(|s| s.doc.history().done_names().next_back()) {
                Some(name) => format!("Undo: {name}"),
                None => cmd.label().to_owned(),
            },
            CommandId::Redo => match self.session.as_ref().and_then(|s| s.doc.history().undone_names().next()) {
                Some(name) => format!("Redo: {name}"),
                None => cmd.label().to_owned(),
            },
            _ => cmd.label().to_owned(),
        }
    }

    fn enabled(&self, cmd: CommandId) -> bool {
        let has_book = self.session.is_some();
        let has_release = has_book && self.selected.is_some();
        match cmd {
            CommandId::Save
            | CommandId::SaveAs
            | CommandId::NewRelease
            | CommandId::ViewBook
            | CommandId::Present
            | CommandId::PresentUpcoming
            | CommandId::ExportMinutes
            | CommandId::ExportSlides
            | CommandId::Export => has_book,
            CommandId::Undo => self.session.as_ref().is_some_and(|s| s.doc.history().undo_len() > 0),
            CommandId::Redo => self.session.as_ref().is_some_and(|s| s.doc.history().redo_len() > 0),
            CommandId::DuplicateRelease | CommandId::DeleteRelease | CommandId::NextPhase => has_release,
            _ => true,
        }
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        let t = theme::tokens(ui.ctx());
        ui.horizontal(|ui| {
            if let Some(job) = self.jobs.first() {
                match job.progress.as_ref().and_then(|p| p.lock().ok().map(|p| p.clone())) {
                    Some((fraction, step)) => {
                        ui.add(egui::ProgressBar::new(fraction).desired_width(160.0).show_percentage());
                        ui.label(format!("{} {step}", job.label));
                    }
                    None => {
                        ui.spinner();
                        ui.label(&job.label);
                    }
                }
            } else if let Some(status) = &self.status {
                let colour = if status.is_error { t.error } else { t.text_weak };
                ui.label(egui::RichText::new(&status.text).color(colour));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(format!("{:.0} %", self.prefs.clamped_zoom() * 100.0));
                if let Some(s) = &self.session {
                    match s.path() {
                        Some(p) => ui.weak(p.display().to_string()),
                        None => ui.weak("not saved to a file yet"),
                    };
                    if s.is_read_only() {
                        ui.label(egui::RichText::new("Read-only").color(t.warning));
                    }
                    if s.doc.is_dirty() {
                        ui.label(egui::RichText::new("• Unsaved changes").color(t.warning));
                    } else if s.file.is_some() {
                        ui.label(egui::RichText::new("✔ Saved").color(t.good));
                    }
                }
            });
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, out: &mut Intents) {
        let t = theme::tokens(ui.ctx());
        if let Some(error) = self.load_error.clone() {
            egui::Frame::new().fill(t.raised).inner_margin(8.0).corner_radius(4.0).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new("The book could not be opened").strong().color(t.error));
                ui.label(error);
                if ui.button("Dismiss").clicked() {
                    self.load_error = None;
                }
            });
        }
        self.read_only_banner_ui(ui);
        self.disk_notice_ui(ui);
        let Some(s) = &self.session else {
            ui.label("No book is open. Use File › Open… or File › New book from template… to start.");
            return;
        };
        if !s.findings.is_empty() {
            let n = s.findings.len();
            egui::CollapsingHeader::new(
                egui::RichText::new(format!("⚠ {n} problems were found in this file")).color(t.warning),
            )
            .id_salt("file.findings")
            .show(ui, |ui| {
                egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                    for f in s.findings.iter().take(200) {
                        ui.label(f.to_string());
                    }
                });
            });
        }
        ui.horizontal(|ui| {
            for (view, label, cmd) in [
                (MainView::Release, "Release plan", CommandId::ViewRelease),
                (MainView::Calendar, "Calendar", CommandId::ViewCalendar),
                (MainView::Risks, "Risks", CommandId::ViewRisks),
                (MainView::Checks, "Checks", CommandId::ViewChecks),
                (MainView::Book, "Book", CommandId::ViewBook),
            ] {
                if ui.selectable_label(self.view == view, label).clicked() && self.view != view {
                    out.push(Intent::Run(cmd));
                }
            }
        });
        ui.separator();
        let findings = self.findings();
        let Some(s) = &self.session else { return };
        let book = s.doc.book();
        match self.view {
            MainView::Release => match self.selected.as_ref().and_then(|id| book.release(id)) {
                Some(release) => super::release_form::release_form_ui(ui, book, release, &findings, out),
                None => {
                    ui.add_space(24.0);
                    ui.vertical_centered(|ui| {
                        ui.heading("No release selected");
                        ui.label("Pick a release on the left, or create one.");
                        if ui.button("New release").clicked() {
                            out.push(Intent::Run(CommandId::NewRelease));
                        }
                    });
                }
            },
            MainView::Book => super::book_view::book_view_ui(ui, book, &mut self.book_view, out),
            MainView::Calendar => super::calendar::calendar_ui(ui, book, &mut self.calendar, out),
            MainView::Risks => super::risks::risks_ui(ui, book, self.selected.as_ref(), &mut self.risks, out),
            MainView::Checks => {
                super::checks::checks_ui(ui, book, &findings, self.selected.as_ref(), &mut self.checks, out);
            }
        }
    }
}
