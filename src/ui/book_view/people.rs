//! The People tab: who plans, approves, runs or is told about releases.

use super::common::{Tone, warning_ui};
use super::entity_list::{Card, CardHead, Filter};
use crate::edit::{Edit, Path};
use crate::model::{Book, Id, IdKind, Person, Role};
use crate::ui::intent::Intents;
use crate::ui::widgets::Fields;
use egui::Ui;

impl Card for Person {
    const LIST: &'static str = "people";
    const NOUN: &'static str = "person";
    const PLURAL: &'static str = "people";
    const KIND: IdKind = IdKind::Person;
    const FILTER_HINT: &'static str = "name, e-mail, team or role";

    fn items(book: &Book) -> &[Self] {
        &book.people
    }

    fn head(&self, _book: &Book) -> CardHead {
        let detail = [self.team.as_str(), self.email.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let status = self.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ");
        CardHead { title: self.name.clone(), detail, status, tone: Tone::Weak }
    }

    fn matches(&self, filter: &Filter) -> bool {
        let roles = self.roles.iter().map(|r| r.label());
        let texts: Vec<&str> =
            [self.id.as_str(), &self.name, &self.email, &self.team].into_iter().chain(roles).collect();
        filter.hits(&texts)
    }

    fn body_ui(&self, ui: &mut Ui, _book: &Book, at: Path, out: &mut Intents) {
        Fields::grid(ui, ("book.person", &self.id), |ui| {
            let mut f = Fields::new(at.clone(), out);
            f.text(ui, "Name", "name", &self.name);
            f.text(ui, "E-mail", "email", &self.email);
            if !self.email.trim().is_empty() && !self.email.contains('@') {
                ui.label("");
                warning_ui(ui, "This does not look like an e-mail address.");
                ui.end_row();
            }
            f.text(ui, "Team", "team", &self.team);
            ui.label("Roles");
            roles_ui(ui, &self.id, &self.roles, &at, out);
            ui.end_row();
        });
    }

    fn new_item(_book: &Book, id: Id) -> Self {
        Person { id, ..Person::default() }
    }
}

/// A checkbox per role, two columns; the roles are set as a whole, in the
/// order of [`Role::ALL`].
fn roles_ui(ui: &mut Ui, person: &Id, roles: &[Role], at: &Path, out: &mut Intents) {
    egui::Grid::new(("book.person.roles", person)).num_columns(2).show(ui, |ui| {
        for (i, role) in Role::ALL.into_iter().enumerate() {
            let mut on = roles.contains(&role);
            if ui.checkbox(&mut on, role.label()).changed() {
                let chosen: Vec<Role> =
                    Role::ALL.into_iter().filter(|r| if *r == role { on } else { roles.contains(r) }).collect();
                out.apply(Edit::set(at.clone(), "roles", &chosen));
            }
            if i % 2 == 1 {
                ui.end_row();
            }
        }
    });
}
