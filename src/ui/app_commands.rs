//! What each command does.

use super::app::{MainView, RelplanApp};
use super::commands::CommandId;
use super::dialogs::Dialog;
use super::jobs::{self, PickPurpose};
use super::theme::Theme;
use crate::edit::{Edit, Path};

impl RelplanApp {
    /// Runs a command from a menu, a shortcut or the palette.
    pub fn run_command(&mut self, cmd: CommandId) {
        use CommandId as C;
        if self.present_command(cmd) {
            return;
        }
        match cmd {
            C::NewFromTemplate => self.dialog = Some(Dialog::NewBook),
            C::Open => {
                let dir = self
                    .session
                    .as_ref()
                    .and_then(|s| s.file.as_ref())
                    .and_then(|f| f.path().parent().map(ToOwned::to_owned));
                self.jobs.push(jobs::pick(PickPurpose::Open, dir, String::new()));
            }
            C::OpenRecent => {
                // From the palette or a shortcut: the palette lists the recent books.
                self.palette.open = true;
                self.palette.query = super::palette::RECENT.to_owned();
                self.palette.selected = 0;
            }
            C::Save => self.save(),
            C::SaveAs => {
                let Some(s) = &self.session else { return };
                let suggested = format!("{}.ron", s.display_name().replace(['/', '\\', ':'], "-"));
                let dir = s.file.as_ref().and_then(|f| f.path().parent().map(ToOwned::to_owned));
                self.jobs.push(jobs::pick(PickPurpose::SaveAs, dir, suggested));
            }
            C::Quit => self.request_close(),
            C::Undo => self.undo_redo(true),
            C::Redo => self.undo_redo(false),
            C::Find => {
                self.list.focus_search = true;
            }
            C::Palette => self.palette.open = true,
            C::NewRelease => {
                if self.session.is_some() {
                    self.dialog = Some(Dialog::NewRelease);
                }
            }
            C::DuplicateRelease => self.duplicate_release(),
            C::DeleteRelease => self.delete_release(),
            C::NextPhase => self.next_phase(),
            C::SaveReleaseAsTemplate => match self.selected_release() {
                Some(r) => self.dialog = Some(Dialog::SaveTemplate { name: r.name.clone() }),
                None => self.set_status("Select a release to save as a template.".to_owned(), false),
            },
            C::ViewCalendar => self.view = MainView::Calendar,
            C::ViewRisks => self.view = MainView::Risks,
            C::ViewChecks => self.view = MainView::Checks,
            C::Export => self.open_export(),
            C::ExportCalendar => self.open_export_calendar(),
            C::ImportCalendar => self.pick_for(PickPurpose::ImportCalendar, "ics"),
            C::ExportRisks => self.pick_for(PickPurpose::ExportRisks, "csv"),
            C::ImportRisks => self.pick_for(PickPurpose::ImportRisks, "csv"),
            C::ViewRelease => self.view = MainView::Release,
            C::ViewBook => self.view = MainView::Book,
            C::ToggleHistory => self.show_history = !self.show_history,
            C::Present if self.session.is_some() => self.present_selected(),
            C::PresentUpcoming if self.session.is_some() => self.start_presenting(crate::present::Scope::Upcoming),
            C::Present | C::PresentUpcoming => {}
            C::ExportMinutes => {
                if self.last_minutes().is_some() {
                    self.pick_for(PickPurpose::ExportMinutes, "md");
                } else {
                    let text = "No walkthrough has been held in this book yet: Present (F5) starts one.".to_owned();
                    self.set_status(text, false);
                }
            }
            C::ExportSlides => self.pick_for(PickPurpose::ExportSlides, "pdf"),
            C::ZoomIn => self.prefs.zoom = (self.prefs.clamped_zoom() * 1.1).min(3.0),
            C::ZoomOut => self.prefs.zoom = (self.prefs.clamped_zoom() / 1.1).max(0.5),
            C::ZoomReset => self.prefs.zoom = 1.0,
            C::ThemeLight => self.prefs.theme = Theme::Light,
            C::ThemeDark => self.prefs.theme = Theme::Dark,
            C::ThemeProjector => self.prefs.theme = Theme::Projector,
            C::About => self.dialog = Some(Dialog::About),
        }
    }

    /// Closes the window, asking first when there are unsaved changes.
    pub(super) fn request_close(&mut self) {
        self.stop_presenting();
        let dirty = self.session.as_ref().is_some_and(|s| s.doc.is_dirty());
        if dirty && self.screenshot.is_none() {
            self.dialog = Some(Dialog::ConfirmClose);
        } else {
            self.close_confirmed = true;
            self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(s) = &mut self.session else { return };
        let result = if undo { s.doc.undo() } else { s.doc.redo() };
        match result {
            Ok(name) => self.set_status(format!("{} {name}", if undo { "Undid:" } else { "Redid:" }), false),
            Err(e) => self.set_status(format!("Nothing changed: {e}."), false),
        }
    }

    fn selected_release(&self) -> Option<&crate::model::Release> {
        let s = self.session.as_ref()?;
        s.doc.book().release(self.selected.as_ref()?)
    }

    fn duplicate_release(&mut self) {
        let Some(original) = self.selected_release() else { return };
        let Some(s) = &self.session else { return };
        let book = s.doc.book();
        let copy = crate::edit::copy_release(book, original);
        let index = book.releases.iter().position(|r| r.id == original.id).map_or(book.releases.len(), |i| i + 1);
        let mut edits = vec![Edit::insert(Path::root(), "releases", index, &copy)];
        for risk in book.risks_of(&original.id) {
            let mut r = risk.clone();
            r.releases.push(copy.id.clone());
            edits.push(Edit::set(Path::root().item("risks", &risk.id), "releases", &r.releases));
        }
        let name = format!("Duplicate {} as {}", original.id, copy.id);
        let id = copy.id.clone();
        match edits.into_iter().collect::<Result<Vec<_>, _>>() {
            Ok(edits) => self.apply_intents(super::Intents(vec![
                super::Intent::Apply(Edit::Group { name, edits }),
                super::Intent::SelectRelease(id),
            ])),
            Err(e) => self.set_status(e.to_string(), true),
        }
    }

    fn delete_release(&mut self) {
        let Some(r) = self.selected_release() else { return };
        let Some(s) = &self.session else { return };
        let book = s.doc.book();
        let id = r.id.clone();
        let mut edits = Vec::new();
        for risk in book.risks_of(&id) {
            let rest: Vec<_> = risk.releases.iter().filter(|x| **x != id).cloned().collect();
            edits.push(Edit::set(Path::root().item("risks", &risk.id), "releases", &rest));
        }
        edits.push(Ok(Edit::remove(Path::root(), "releases", &id)));
        let index = book.releases.iter().position(|x| x.id == id).unwrap_or(0);
        let next = book
            .releases
            .get(index + 1)
            .or_else(|| index.checked_sub(1).and_then(|i| book.releases.get(i)))
            .map(|x| x.id.clone());
        let name = format!("Delete release {id} “{}”", r.name);
        match edits.into_iter().collect::<Result<Vec<_>, _>>() {
            Ok(edits) => {
                self.apply_intents(super::Intents(vec![super::Intent::Apply(Edit::Group { name, edits })]));
                self.selected = next;
                self.set_status(format!("Deleted {id}. Undo (Ctrl+Z) brings it back."), false);
            }
            Err(e) => self.set_status(e.to_string(), true),
        }
    }

    fn next_phase(&mut self) {
        let Some(r) = self.selected_release() else { return };
        match r.phase.next() {
            Some(next) => self.dialog = Some(Dialog::Gate(super::gate::GateState::new(r.id.clone(), next))),
            None => {
                let text = format!("{} is closed; there is no next phase.", r.id);
                self.set_status(text, false);
            }
        }
    }

    pub(super) fn pick_for(&mut self, purpose: PickPurpose, extension: &str) {
        let Some(s) = &self.session else { return };
        let suggested = format!("{}.{extension}", s.display_name().replace(['/', '\\', ':'], "-"));
        let dir = s.file.as_ref().and_then(|f| f.path().parent().map(ToOwned::to_owned));
        self.jobs.push(jobs::pick(purpose, dir, suggested));
    }

    /// Writes an export, or reads an import into a preview, for a chosen file.
    pub(super) fn exchange(&mut self, purpose: PickPurpose, path: &std::path::Path) {
        let Some(s) = &self.session else { return };
        let book = s.doc.book();
        let release = None;
        let written = match purpose {
            PickPurpose::ExportRisks => {
                // The separator last chosen in the Export dialog.
                let options = crate::export::risk_csv::CsvOptions { release, semicolon: self.prefs.csv_semicolon };
                Some(crate::export::risk_csv::to_csv(book, &options))
            }
            PickPurpose::ExportMinutes => self.last_minutes().map(String::into_bytes),
            PickPurpose::ExportSlides => {
                let scope = self.slides_scope(book);
                let today = crate::ui::today();
                let findings = crate::check::all_findings(book, today);
                let deck = crate::present::deck(book, &scope, today, &findings);
                match crate::export::slides_pdf::to_pdf(&deck) {
                    Ok(bytes) => Some(bytes),
                    Err(e) => {
                        self.set_status(format!("The slides could not be made: {e}"), true);
                        return;
                    }
                }
            }
            _ => None,
        };
        if let Some(bytes) = written {
            match crate::store::write_atomic(path, &bytes) {
                Ok(()) if purpose == PickPurpose::ExportRisks => {
                    let sep = if self.prefs.csv_semicolon { ";" } else { "," };
                    let text =
                        format!("Wrote {}, cells separated by “{sep}” (File › Export… changes it)", path.display());
                    self.set_status(text, false);
                }
                Ok(()) => self.set_status(format!("Wrote {}", path.display()), false),
                Err(e) => self.set_status(e.neutral(), true),
            }
            return;
        }
        let preview = match std::fs::read(path) {
            Err(e) => Err(crate::import::ImportError(format!(
                "{} could not be read: {}.",
                path.display(),
                crate::store::plain_io(&e)
            ))),
            Ok(bytes) => match purpose {
                PickPurpose::ImportCalendar => crate::import::ics::preview(book, &bytes, path),
                _ => crate::import::risk_csv::preview(book, &bytes, path),
            },
        };
        match preview {
            Ok(p) => self.dialog = Some(Dialog::Import(p)),
            Err(e) => self.set_status(e.to_string(), true),
        }
    }
}
