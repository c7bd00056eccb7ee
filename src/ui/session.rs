//! The book open in the window: its document, its file and what was found
//! in it, and what protects it (recovery journal, lock, watch on its file).

use crate::check::Finding;
use crate::edit::Document;
use crate::store::{BookFile, BookLock, FileWatch, Journal, JournalContext, LockHeld};

/// An open book.
pub struct Session {
    /// The book and its undo history.
    pub doc: Document,
    /// The file it came from, or `None` for a book never saved. (While a
    /// save runs, the file is with the save job.)
    pub file: Option<BookFile>,
    /// Structural problems found when it was opened.
    pub findings: Vec<Finding>,
    /// Why the book cannot be saved to its file, if it cannot.
    pub read_only: Option<ReadOnly>,
    /// The recovery journal of unsaved changes.
    pub journal: Option<Journal>,
    /// What the journal is told besides the book: its file and the content
    /// the changes were made on. Kept here because the file is away while
    /// a save runs.
    pub journal_context: JournalContext,
    /// The lock on the book's file, while Relplan holds it.
    pub lock: Option<BookLock>,
    /// The watch on the book's file.
    pub watch: Option<FileWatch>,
    /// The user chose to keep their version over one changed on disk: the
    /// next save overwrites it (keeping the other version as a backup).
    pub overwrite_next_save: bool,
}

/// Why a book is open read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Someone else has it open.
    LockedBy(LockHeld),
    /// It was written by a newer Relplan (this format version).
    NewerFormat(u32),
    /// Its file is marked read-only.
    FileReadOnly,
}

impl ReadOnly {
    /// Why, for the banner and the save message.
    pub fn explain(&self) -> String {
        match self {
            ReadOnly::LockedBy(held) => {
                format!("{} Relplan opened it read-only so as not to overwrite their work.", held.describe())
            }
            ReadOnly::NewerFormat(v) => format!(
                "It was written by a newer Relplan (book format version {v}; this Relplan writes version {}). \
                 Saving it here could lose what the newer version keeps in it, so it is never saved over.",
                crate::store::FORMAT_VERSION
            ),
            ReadOnly::FileReadOnly => "Its file is read-only, so Relplan does not save over it. Save as… keeps \
                                       your changes in another file; or make the file writable and choose Check \
                                       again."
                .to_owned(),
        }
    }
}

impl Session {
    /// A session without protection yet; [`super::RelplanApp`] adds the
    /// journal, lock and watch.
    pub fn new(doc: Document, file: Option<BookFile>, findings: Vec<Finding>) -> Session {
        let journal_context = context_of(file.as_ref());
        Session {
            doc,
            file,
            findings,
            read_only: None,
            journal: None,
            journal_context,
            lock: None,
            watch: None,
            overwrite_next_save: false,
        }
    }

    /// The name shown in the title bar: the book's name, or its file name.
    pub fn display_name(&self) -> String {
        let name = self.doc.book().name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
        self.path()
            .and_then(|p| p.file_name())
            .map_or_else(|| "Untitled book".to_owned(), |n| n.to_string_lossy().into_owned())
    }

    /// The book's file, also while a save runs.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.file.as_ref().map(BookFile::path).or(self.journal_context.book_path.as_deref())
    }

    /// Whether the book is open read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }
}

/// What the journal is told about a file.
pub(super) fn context_of(file: Option<&BookFile>) -> JournalContext {
    JournalContext {
        book_path: file.map(|f| f.path().to_owned()),
        base: file.and_then(BookFile::fingerprint).map(crate::store::Fingerprint::content_id),
    }
}
