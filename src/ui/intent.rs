//! What a view asks the app to do: the value views return instead of
//! changing anything themselves.

use super::commands::CommandId;
use crate::edit::{Edit, EditError};
use crate::model::Id;

/// One request from a view.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Apply an edit as its own undo step.
    Apply(Edit),
    /// Apply an edit made by typing: it joins the previous step while the
    /// same field is being typed into.
    Typing(Edit),
    /// Typing in a field ended.
    Seal,
    /// Show this release.
    SelectRelease(Id),
    /// Show this release with one part of it (a deployment, a milestone,
    /// a phase's dates) open and scrolled into view.
    Reveal(Id, crate::edit::Path),
    /// Run a command.
    Run(CommandId),
    /// Open a book file (asking first when the open book has unsaved changes).
    OpenFile(std::path::PathBuf),
    /// Report a problem to the user.
    Problem(String),
}

/// The requests a frame's views made, in order.
#[derive(Debug, Default)]
pub struct Intents(pub Vec<Intent>);

impl Intents {
    /// Adds an edit (or the reason it could not be made).
    pub fn apply(&mut self, edit: Result<Edit, EditError>) {
        self.0.push(match edit {
            Ok(e) => Intent::Apply(e),
            Err(e) => Intent::Problem(e.to_string()),
        });
    }

    /// Adds a typing edit (or the reason it could not be made).
    pub fn typing(&mut self, edit: Result<Edit, EditError>) {
        self.0.push(match edit {
            Ok(e) => Intent::Typing(e),
            Err(e) => Intent::Problem(e.to_string()),
        });
    }

    /// Adds any request.
    pub fn push(&mut self, intent: Intent) {
        self.0.push(intent);
    }
}
