//! Forms for the book's shared records: policy, people, environments,
//! blackout windows, configuration items, changes and known errors.
//!
//! Like every view, this one is a function of the book and its own view
//! state: it never changes the book, it pushes [`Intents`] (edits) that the
//! app applies. One row of tabs chooses the form. The long lists are
//! filtered and paged (`entity_list.rs`) so that books with thousands of
//! configuration items and changes stay quick; each card lays out its
//! form only while it is open.
//!
//! Files, one job each: `policy.rs` and `risk_policy.rs` (with
//! `risk_matrix.rs`) for the Policy tab; one file per list tab
//! (`people.rs`, `environments.rs`, `blackouts.rs`, `config_items.rs`,
//! `changes.rs` with `authorisation.rs`, `known_errors.rs`);
//! `window_form.rs` for time windows; `common.rs` for shared widgets.

mod authorisation;
mod blackouts;
mod changes;
mod common;
mod config_items;
mod entity_list;
mod environments;
mod known_errors;
mod people;
mod policy;
mod risk_matrix;
mod risk_policy;
mod window_form;

#[cfg(test)]
mod tests;

use crate::model::{Blackout, Book, ChangeRequest, ConfigItem, Environment, KnownError, Person};
use crate::ui::intent::Intents;
use crate::ui::theme;
use common::{limit_width, note_ui, thousands};
use entity_list::{ListView, entity_list_ui};

/// Which part of the book is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BookTab {
    /// The release policy, with the book's name and description.
    #[default]
    Policy,
    /// People and their roles.
    People,
    /// Environments and their maintenance windows.
    Environments,
    /// Blackout and change-freeze windows.
    Blackouts,
    /// Configuration items.
    ConfigItems,
    /// Change requests.
    Changes,
    /// Known errors and problems.
    KnownErrors,
}

impl BookTab {
    /// Every tab, in the order they are shown.
    pub const ALL: [BookTab; 7] = [
        BookTab::Policy,
        BookTab::People,
        BookTab::Environments,
        BookTab::Blackouts,
        BookTab::ConfigItems,
        BookTab::Changes,
        BookTab::KnownErrors,
    ];

    /// The tab's title.
    pub fn label(self) -> &'static str {
        match self {
            BookTab::Policy => "Policy",
            BookTab::People => "People",
            BookTab::Environments => "Environments",
            BookTab::Blackouts => "Blackouts",
            BookTab::ConfigItems => "Configuration items",
            BookTab::Changes => "Changes",
            BookTab::KnownErrors => "Known errors",
        }
    }

    /// One line saying what the tab's records are for.
    fn intro(self) -> &'static str {
        match self {
            BookTab::Policy => "How this organisation runs releases. Every release in the book is checked against it.",
            BookTab::People => "Who plans, approves, runs or is told about releases, and the roles they hold.",
            BookTab::Environments => "Where releases are deployed, and when each environment may be changed.",
            BookTab::Blackouts => {
                "Change freezes: no deployment may fall inside one unless an exception is approved (R17)."
            }
            BookTab::ConfigItems => {
                "The components whose versions releases change; baselines are recorded against them (R6)."
            }
            BookTab::Changes => {
                "Requests for change that releases implement; each needs its risk and impact assessed and \
                 an authorisation (R10)."
            }
            BookTab::KnownErrors => "Problems and known errors that releases resolve or ship with (R2).",
        }
    }

    /// How many records the tab holds, for the tab's title; `None` for the policy.
    fn count(self, book: &Book) -> Option<usize> {
        match self {
            BookTab::Policy => None,
            BookTab::People => Some(book.people.len()),
            BookTab::Environments => Some(book.environments.len()),
            BookTab::Blackouts => Some(book.blackouts.len()),
            BookTab::ConfigItems => Some(book.config_items.len()),
            BookTab::Changes => Some(book.changes.len()),
            BookTab::KnownErrors => Some(book.known_errors.len()),
        }
    }
}

/// The book view's own state.
#[derive(Clone, Debug, Default)]
pub struct BookViewState {
    /// The tab shown.
    pub tab: BookTab,
    /// Filter and paging of each list tab.
    people: ListView,
    environments: ListView,
    blackouts: ListView,
    config_items: ListView,
    changes: ListView,
    known_errors: ListView,
}

impl BookViewState {
    /// Opens the tab that holds the record at `at` ("Go there" from a
    /// finding), with that record shown, opened and scrolled to.
    pub fn show(&mut self, at: &crate::edit::Path) {
        let (tab, list, id) = match at.0.first() {
            Some(crate::edit::Step::Item(list, id)) => match list.as_str() {
                "people" => (BookTab::People, Some(&mut self.people), id),
                "environments" => (BookTab::Environments, Some(&mut self.environments), id),
                "blackouts" => (BookTab::Blackouts, Some(&mut self.blackouts), id),
                "config_items" => (BookTab::ConfigItems, Some(&mut self.config_items), id),
                "changes" => (BookTab::Changes, Some(&mut self.changes), id),
                "known_errors" => (BookTab::KnownErrors, Some(&mut self.known_errors), id),
                _ => return,
            },
            _ => {
                self.tab = BookTab::Policy;
                return;
            }
        };
        self.tab = tab;
        if let Some(view) = list {
            view.filter.clear();
            view.reveal = Some(id.clone());
            view.scroll_to_reveal = true;
        }
    }
}

/// Shows the book's shared records and returns their edits in `out`.
pub fn book_view_ui(ui: &mut egui::Ui, book: &Book, state: &mut BookViewState, out: &mut Intents) {
    let t = theme::tokens(ui.ctx());
    if let Some(f) = crate::ui::checks::take_pending_book_goto(ui.ctx()) {
        state.show(&f.at);
    }
    ui.horizontal_wrapped(|ui| {
        for tab in BookTab::ALL {
            let title = match tab.count(book) {
                Some(n) => format!("{} ({})", tab.label(), thousands(n)),
                None => tab.label().to_owned(),
            };
            let r = ui.selectable_label(state.tab == tab, title);
            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Tab, true, state.tab == tab, tab.label()));
            if r.clicked() {
                state.tab = tab;
            }
        }
    });
    ui.separator();
    ui.scope(|ui| {
        limit_width(ui);
        note_ui(ui, state.tab.intro());
    });
    ui.add_space(t.spacing * 0.5);
    let BookViewState { tab, people, environments, blackouts, config_items, changes, known_errors } = state;
    match tab {
        BookTab::Policy => {
            egui::ScrollArea::vertical().id_salt("book.policy").auto_shrink([false; 2]).show(ui, |ui| {
                limit_width(ui);
                policy::policy_ui(ui, book, out);
            });
        }
        BookTab::People => entity_list_ui::<Person>(ui, book, people, out),
        BookTab::Environments => entity_list_ui::<Environment>(ui, book, environments, out),
        BookTab::Blackouts => entity_list_ui::<Blackout>(ui, book, blackouts, out),
        BookTab::ConfigItems => entity_list_ui::<ConfigItem>(ui, book, config_items, out),
        BookTab::Changes => entity_list_ui::<ChangeRequest>(ui, book, changes, out),
        BookTab::KnownErrors => entity_list_ui::<KnownError>(ui, book, known_errors, out),
    }
}
