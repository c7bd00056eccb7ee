//! The templates bundled with Relplan, in `assets/templates/`.
//!
//! A template is a book file like any other: its policy, people,
//! environments and a first release shaped for one type of release. New
//! books start from one.

use crate::model::Book;
use crate::store::{LoadError, parse};
use std::path::Path;

/// A bundled template.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// Short name used on the command line, e.g. `standard`.
    pub name: &'static str,
    /// The template's file text.
    pub text: &'static str,
}

/// The templates built into the program.
pub const BUILTIN: &[Template] = &[
    Template { name: "standard", text: include_str!("../assets/templates/standard.ron") },
    Template { name: "emergency", text: include_str!("../assets/templates/emergency.ron") },
];

/// The example book built into the program, opened when there is no last book.
pub const EXAMPLE: &str = include_str!("../assets/examples/northwind-payments.ron");

/// The template with this name.
pub fn find(name: &str) -> Option<Template> {
    BUILTIN.iter().copied().find(|t| t.name.eq_ignore_ascii_case(name))
}

impl Template {
    /// The template's book.
    pub fn book(&self) -> Result<Book, LoadError> {
        Ok(parse(self.text.as_bytes(), Path::new(self.name))?.book)
    }

    /// The one-line description: the template book's description.
    pub fn description(&self) -> String {
        self.book().map(|b| b.description.lines().next().unwrap_or_default().to_owned()).unwrap_or_default()
    }
}

/// The bundled example book.
pub fn example() -> Result<Book, LoadError> {
    Ok(parse(EXAMPLE.as_bytes(), Path::new("northwind-payments.ron"))?.book)
}
