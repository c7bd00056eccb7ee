//! What "New …" beside a pick-list creates: a person, an environment, a
//! configuration item, a change request or a known error, added at the end
//! of the book's list with the typed name and the next free id.

use super::Create;
use crate::edit::{Edit, Path};
use crate::model::{Book, ChangeRequest, ConfigItem, Environment, IdKind, KnownError, Person};

/// A new person, named as typed.
pub fn person(book: &Book) -> Create {
    let at = book.people.len();
    Create {
        id: book.ledger.peek_id(IdKind::Person),
        noun: "person",
        make: Box::new(move |id, name| {
            let person = Person { id: id.clone(), name: name.to_owned(), ..Person::default() };
            Edit::insert(Path::root(), "people", at, &person)
        }),
    }
}

/// A new environment (a test environment until its kind is set in the book's records).
pub fn environment(book: &Book) -> Create {
    let at = book.environments.len();
    Create {
        id: book.ledger.peek_id(IdKind::Environment),
        noun: "environment",
        make: Box::new(move |id, name| {
            let env = Environment { id: id.clone(), name: name.to_owned(), ..Environment::default() };
            Edit::insert(Path::root(), "environments", at, &env)
        }),
    }
}

/// A new configuration item.
pub fn config_item(book: &Book) -> Create {
    let at = book.config_items.len();
    Create {
        id: book.ledger.peek_id(IdKind::ConfigItem),
        noun: "configuration item",
        make: Box::new(move |id, name| {
            let item = ConfigItem { id: id.clone(), name: name.to_owned(), ..ConfigItem::default() };
            Edit::insert(Path::root(), "config_items", at, &item)
        }),
    }
}

/// A new change request; the typed text is its title.
pub fn change(book: &Book) -> Create {
    let at = book.changes.len();
    Create {
        id: book.ledger.peek_id(IdKind::Change),
        noun: "change",
        make: Box::new(move |id, title| {
            let change = ChangeRequest { id: id.clone(), title: title.to_owned(), ..ChangeRequest::default() };
            Edit::insert(Path::root(), "changes", at, &change)
        }),
    }
}

/// A new known error; the typed text is its title.
pub fn known_error(book: &Book) -> Create {
    let at = book.known_errors.len();
    Create {
        id: book.ledger.peek_id(IdKind::KnownError),
        noun: "known error",
        make: Box::new(move |id, title| {
            let known = KnownError { id: id.clone(), title: title.to_owned(), ..KnownError::default() };
            Edit::insert(Path::root(), "known_errors", at, &known)
        }),
    }
}
