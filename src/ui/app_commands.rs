//! What each command does.

use super::app::{MainView, RelplanApp};
use super::commands::CommandId;
use super::dialogs::Dialog;
use super::jobs::{self, PickPurpose};
use super::theme::Theme;
use crate::edit::{Edit, Path};
use crate::model::PhasePlan;

impl RelplanApp {
    /// Runs a command from a menu, a shortcut or the palette.
    pub fn run_command(&mut self, cmd: CommandId) {
        use CommandId as C;
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
            C::ViewRelease => self.view = MainView::Release,
            C::ViewBook => self.view = MainView::Book,
            C::ToggleHistory => self.show_history = !self.show_history,
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
        let Some(next) = r.phase.next() else {
            self.set_status(format!("{} is closed; there is no next phase.", r.id), false);
            return;
        };
        let at = Path::root().item("releases", &r.id);
        let today = jiff::Zoned::now().date();
        let mut edits = vec![Edit::set(at.clone(), "phase", &next)];
        if let Some(f) = PhasePlan::field_name(r.phase) {
            edits.push(Edit::set(at.clone().field("phases").field(f), "actual_end", &Some(today)));
        }
        if let Some(f) = PhasePlan::field_name(next) {
            edits.push(Edit::set(at.clone().field("phases").field(f), "actual_start", &Some(today)));
        }
        let name = format!("Move {} to {}", r.id, next.label());
        match edits.into_iter().collect::<Result<Vec<_>, _>>() {
            Ok(edits) => self.apply_intents(super::Intents(vec![super::Intent::Apply(Edit::Group { name, edits })])),
            Err(e) => self.set_status(e.to_string(), true),
        }
    }
}
