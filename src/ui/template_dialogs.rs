//! The template dialogs: a new book or a new release from a template, and
//! saving a release as a template of the user's own.

use super::app::RelplanApp;
use super::session::Session;
use crate::edit::{Document, Edit, Path};
use crate::model::AuditKind;

impl RelplanApp {
    pub(super) fn new_book_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("New book from a template");
        let mut keep = true;
        super::dialog_fit::body_ui(ui, "new book", f32::INFINITY, |ui, _| {
            ui.set_width(ui.available_width());
            ui.label(
                "Starts a new book from a template, with its policy, people and sample releases. It takes the \
                 place of the open book in this window and is not saved until you save it.",
            );
            if self.session.as_ref().is_some_and(|s| s.doc.is_dirty()) {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "The open book has unsaved changes; they are lost if you continue.",
                    );
                    // Saving keeps this dialog open; once saved, the warning goes.
                    if ui.add_enabled(!self.is_saving(), egui::Button::new("Save them first")).clicked() {
                        self.save();
                    }
                });
            }
            let rows: Vec<_> = crate::templates::BUILTIN
                .iter()
                .map(|t| (t.name.to_string(), t.description().to_string(), false))
                .collect();
            if let Some(t) = template_rows(ui, &rows).and_then(|i| crate::templates::BUILTIN.get(i)) {
                match t.book() {
                    Ok(book) => {
                        let mut doc = Document::new(book);
                        doc.note(AuditKind::Created, &format!("Created from the {} template", t.name));
                        doc.mark_unsaved();
                        let mut session = Session::new(doc, None, Vec::new());
                        // Not saved anywhere yet: the recovery journal keeps it safe.
                        self.protect(&mut session);
                        self.set_session(session);
                        self.set_status(format!("New book from the {} template. Save it with Ctrl+S.", t.name), false);
                    }
                    Err(e) => self.set_status(format!("The template could not be read: {e}"), true),
                }
                keep = false;
            }
        });
        if ui.button("Cancel").clicked() {
            keep = false;
        }
        keep
    }

    pub(super) fn new_release_ui(&mut self, ui: &mut egui::Ui) -> bool {
        ui.heading("New release");
        let mut keep = true;
        let Some(session) = &self.session else { return false };
        let book = session.doc.book();
        let mut edit = None;
        let mut problem = None;
        super::dialog_fit::body_ui(ui, "new release", f32::INFINITY, |ui, _| {
            ui.set_width(ui.available_width());
            ui.label(
                "Start from a template, with its typical milestones, runbook, criteria and risks, or from a blank \
                 plan.",
            );
            let offered = offered_templates(ui.ctx());
            let rows: Vec<_> = offered.iter().map(|t| (t.name.clone(), t.description.clone(), t.is_user())).collect();
            if let Some(t) = template_rows(ui, &rows).and_then(|i| offered.get(i)) {
                keep = false;
                match t.book().map(|tb| crate::edit::release_from_template(book, &tb)) {
                    Ok(Some((release, risks))) => {
                        let id = release.id.clone();
                        let mut edits = vec![Edit::insert(Path::root(), "releases", book.releases.len(), &release)];
                        edits.extend(risks.iter().map(|r| Edit::insert(Path::root(), "risks", usize::MAX, r)));
                        let edits = edits.into_iter().collect::<Result<Vec<_>, _>>();
                        edit = Some((id, edits, Some(t.name.clone())));
                    }
                    Ok(None) => problem = Some(format!("The template {} holds no release to start from.", t.name)),
                    Err(e) => problem = Some(format!("The template {} could not be read: {e}", t.name)),
                }
            }
        });
        if ui.button("Blank release").clicked() {
            keep = false;
            let release = blank_release(book);
            let id = release.id.clone();
            edit = Some((
                id,
                Edit::insert(Path::root(), "releases", book.releases.len(), &release).map(|e| vec![e]),
                None,
            ));
        }
        if ui.button("Cancel").clicked() {
            keep = false;
        }
        if !keep {
            forget_offered_templates(ui.ctx());
        }
        if let Some(problem) = problem {
            self.set_status(problem, true);
        }
        if let Some((id, edits, source)) = edit {
            match edits {
                Ok(edits) => {
                    let name = match source {
                        None => format!("New release {id}"),
                        Some(source) => format!("New release {id} from the {source} template"),
                    };
                    self.apply_intents(super::Intents(vec![
                        super::Intent::Apply(Edit::Group { name, edits }),
                        super::Intent::SelectRelease(id),
                    ]));
                }
                Err(e) => self.set_status(e.to_string(), true),
            }
        }
        keep
    }

    pub(super) fn save_template_ui(&mut self, ui: &mut egui::Ui, name: &mut String) -> bool {
        ui.heading("Save release as template");
        let Some(session) = &self.session else { return false };
        let book = session.doc.book();
        let Some(release) = self.selected.as_ref().and_then(|id| book.release(id)) else { return false };
        super::dialog_fit::body_ui(ui, "save template", f32::INFINITY, |ui, _| {
            ui.label(format!(
                "Saves the plan of {} “{}” and its risks as a template of your own. New releases and new books \
                 can start from it; approvals, results and decisions are not kept.",
                release.id, release.name
            ))
        });
        let label = ui.label("Template name").id;
        let r = ui.add(egui::TextEdit::singleline(name).desired_width(360.0)).labelled_by(label);
        super::widgets::focus_on_open(ui, &r);
        let t = super::theme::tokens(ui.ctx());
        let target = crate::templates::user_template_path(name);
        match &target {
            Ok(path) if path.exists() => {
                ui.label(
                    egui::RichText::new("⚠ You have a template of this name; saving replaces it.").color(t.warning),
                );
            }
            Ok(path) => {
                ui.weak(format!("Saved as {}", path.display()));
            }
            Err(e) => {
                ui.label(egui::RichText::new(e.as_str()).color(t.error));
            }
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let mut keep = true;
        let mut saved = None;
        ui.horizontal(|ui| {
            let save = ui.add_enabled(target.is_ok(), egui::Button::new("Save template")).clicked();
            if save || (enter && target.is_ok()) {
                saved = Some(crate::templates::save_user_template(book, &release.id, name));
                keep = false;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
        match saved {
            Some(Ok(path)) => {
                forget_offered_templates(ui.ctx());
                let name = name.trim();
                self.set_status(format!("Saved the template “{name}” in {}.", path.display()), false);
            }
            Some(Err(e)) => self.set_status(format!("The template was not saved: {e}"), true),
            None => {}
        }
        keep
    }
}

/// The templates as rows of a grid: a button "From the <name> template",
/// all as wide as the widest, and the description wrapped beside it
/// ("(yours)" under a user's own). Returns the row whose button was clicked.
fn template_rows(ui: &mut egui::Ui, rows: &[(String, String, bool)]) -> Option<usize> {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let label = |name: &str| format!("From the {name} template");
    let widest = rows
        .iter()
        .map(|(name, ..)| ui.painter().layout_no_wrap(label(name), font.clone(), egui::Color32::WHITE).size().x)
        .fold(0.0, f32::max);
    let width = widest + ui.spacing().button_padding.x * 2.0;
    let mut clicked = None;
    for (i, (name, description, yours)) in rows.iter().enumerate() {
        ui.horizontal_top(|ui| {
            if ui.add(egui::Button::new(label(name)).min_size(egui::vec2(width, 0.0))).clicked() {
                clicked = Some(i);
            }
            ui.vertical(|ui| {
                ui.add(egui::Label::new(description.as_str()).wrap());
                if *yours {
                    ui.weak("(yours)");
                }
            });
        });
        ui.add_space(ui.spacing().item_spacing.y);
    }
    clicked
}

/// The key of the list of templates a dialog offers.
fn offered_templates_id() -> egui::Id {
    egui::Id::unique("relplan.dialog.offered-templates")
}

/// The templates to offer, built-in then the user's own. The list is read
/// again at most once a second while a dialog shows it, not every frame.
fn offered_templates(ctx: &egui::Context) -> std::sync::Arc<Vec<crate::templates::TemplateEntry>> {
    type Cached = (f64, std::sync::Arc<Vec<crate::templates::TemplateEntry>>);
    let now = ctx.input(|i| i.time);
    if let Some((at, list)) = ctx.data(|d| d.get_temp::<Cached>(offered_templates_id()))
        && (0.0..1.0).contains(&(now - at))
    {
        return list;
    }
    let list = std::sync::Arc::new(crate::templates::all());
    ctx.data_mut(|d| d.insert_temp::<Cached>(offered_templates_id(), (now, list.clone())));
    list
}

/// Makes the next dialog read the list of templates afresh.
fn forget_offered_templates(ctx: &egui::Context) {
    type Cached = (f64, std::sync::Arc<Vec<crate::templates::TemplateEntry>>);
    ctx.data_mut(|d| d.remove_temp::<Cached>(offered_templates_id()));
}

/// A new, empty release that fits the book: its first release type, a
/// name following the naming convention, and planning starting today.
pub fn blank_release(book: &crate::model::Book) -> crate::model::Release {
    let mut ids = crate::edit::IdPlanner::new(&book.ledger);
    let today = crate::ui::today();
    let name = book
        .policy
        .naming_convention
        .replace("{year}", &today.year().to_string())
        .replace("{month}", &format!("{:02}", today.month()))
        .replace("{n}", "1")
        .replace("{text}", "New release");
    crate::model::Release {
        id: ids.next(crate::model::IdKind::Release),
        name,
        release_type: book.policy.release_types.first().map(|t| t.id.clone()).unwrap_or_default(),
        phases: crate::model::PhasePlan {
            planning: crate::model::PhaseDates { planned_start: Some(today), ..Default::default() },
            ..Default::default()
        },
        ..Default::default()
    }
}
