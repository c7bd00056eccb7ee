//! Results computed from the book once per change of the book, shared by the
//! views through egui's memory.
//!
//! The app stamps each frame with a [`BookKey`] before any view runs; a view
//! asks [`memo`] for a value and gets the one computed earlier as long as
//! the book has not changed since. Every edit, undo, redo and opened book
//! gives a new key, so a cached value can never outlive the book it was
//! computed from.

use std::sync::Arc;

/// Which state of which book the window shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BookKey {
    /// Counts the books opened in this window.
    pub generation: u64,
    /// The history's serial of the book's state.
    pub state: u64,
}

fn key_id() -> egui::Id {
    egui::Id::unique("relplan.memo.book_key")
}

/// Records the key of the book shown in this frame.
pub fn set_book_key(ctx: &egui::Context, key: BookKey) {
    ctx.data_mut(|d| d.insert_temp(key_id(), key));
}

/// The key of the book shown in this frame.
pub fn book_key(ctx: &egui::Context) -> BookKey {
    ctx.data(|d| d.get_temp(key_id())).unwrap_or_default()
}

/// The value named `name` for the current book, built with `build` the first
/// time it is asked for after a change of the book.
pub fn memo<T: Send + Sync + 'static>(ctx: &egui::Context, name: &'static str, build: impl FnOnce() -> T) -> Arc<T> {
    let key = book_key(ctx);
    let id = egui::Id::unique(("relplan.memo", name));
    let cached: Option<(BookKey, Arc<T>)> = ctx.data(|d| d.get_temp(id));
    if let Some((at, value)) = cached
        && at == key
    {
        return value;
    }
    let value = Arc::new(build());
    ctx.data_mut(|d| d.insert_temp(id, (key, value.clone())));
    value
}
