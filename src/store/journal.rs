//! The recovery journal: while a book has unsaved changes, they are
//! written to a recovery file in the user's data folder (never over the
//! book), in the background, a moment after the last edit.
//!
//! Timing: the window hands the journal a copy of the book at most every
//! [`SNAPSHOT_EVERY`] while the book changes; a writer thread writes the
//! newest copy once the book has been still for [`WRITE_WHEN_IDLE`], or
//! [`WRITE_AT_LEAST_EVERY`] after the first unwritten change during
//! continuous typing. So the recovery file is never more than about five
//! seconds behind the last edit. A panic hook writes any copy not yet
//! written before the process ends; the window, as the panic unwinds
//! through it, hands over the book of that very moment too
//! ([`Journal::keep_now`]).

use super::recovery::{Recovered, RecoveryInfo, RecoverySlot};
use crate::model::Book;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

/// The shortest time between two copies of the book handed to the journal.
pub const SNAPSHOT_EVERY: Duration = Duration::from_millis(500);
/// A copy is written once the book has not changed for this long…
pub const WRITE_WHEN_IDLE: Duration = Duration::from_secs(1);
/// …or this long after the first change not yet written, whichever is first.
pub const WRITE_AT_LEAST_EVERY: Duration = Duration::from_secs(4);

/// What the journal is told about the book besides its content.
#[derive(Clone, Debug, Default)]
pub struct JournalContext {
    /// The book's file, if it has one.
    pub book_path: Option<PathBuf>,
    /// The content of the file that the unsaved changes were made on
    /// ([`super::Fingerprint::content_id`]).
    pub base: Option<String>,
}

/// The recovery journal of one open book.
pub struct Journal {
    shared: Arc<Shared>,
    writer: Option<std::thread::JoinHandle<()>>,
    /// The book state last copied, and when.
    copied: Option<(u64, Instant)>,
}

struct Shared {
    slot: RecoverySlot,
    state: Mutex<State>,
    wake: Condvar,
    /// Held while a copy is written, so that copies land in order. The
    /// window's thread never waits for it while the book is being edited.
    writing: Mutex<()>,
}

#[derive(Default)]
struct State {
    pending: Option<Pending>,
    stop: bool,
    /// Why the last write failed, if it did.
    error: Option<String>,
    /// Whether a recovery file exists for this journal.
    on_disk: bool,
    /// Counts the clears, so that a write that was under way when the
    /// book became clean is removed again.
    clears: u64,
}

struct Pending {
    book: Book,
    info: RecoveryInfo,
    changed_at: Instant,
    first_at: Instant,
}

impl Journal {
    /// Starts a journal with a recovery file of its own (written only once
    /// there are unsaved changes).
    pub fn start() -> Result<Journal, String> {
        Ok(Self::with_slot(RecoverySlot::create()?, false))
    }

    /// Continues a recovered journal: the same recovery file, kept until the
    /// restored book is saved or discarded.
    pub fn adopt(recovered: Recovered) -> Journal {
        Self::with_slot(recovered.slot, true)
    }

    fn with_slot(slot: RecoverySlot, on_disk: bool) -> Journal {
        let shared = Arc::new(Shared {
            slot,
            state: Mutex::new(State { on_disk, ..State::default() }),
            wake: Condvar::new(),
            writing: Mutex::new(()),
        });
        register(&shared);
        let worker = shared.clone();
        let writer = std::thread::Builder::new().name("relplan-journal".into()).spawn(move || write_loop(&worker)).ok();
        Journal { shared, writer, copied: None }
    }

    /// The recovery file (it exists only while there are unsaved changes).
    pub fn file(&self) -> &Path {
        &self.shared.slot.file
    }

    /// Tells the journal that the book, now in history state `state`, has
    /// unsaved changes. A copy is taken (by calling `book`) when the state is
    /// new and the last copy is at least [`SNAPSHOT_EVERY`] old. Returns how
    /// soon to call again, when a newer state is still waiting for its copy.
    pub fn changed(
        &mut self,
        state: u64,
        now: Instant,
        book: impl FnOnce() -> (Book, JournalContext),
    ) -> Option<Duration> {
        match self.copied {
            Some((copied, _)) if copied == state => return None,
            Some((_, at)) if now.saturating_duration_since(at) < SNAPSHOT_EVERY => {
                return Some(SNAPSHOT_EVERY - now.saturating_duration_since(at));
            }
            _ => {}
        }
        self.copied = Some((state, now));
        let (book, context) = book();
        let info = RecoveryInfo {
            book_path: context.book_path,
            name: book.name.clone(),
            written_at: String::new(),
            base: context.base,
        };
        let mut s = lock(&self.shared.state);
        let first_at = s.pending.as_ref().map_or(now, |p| p.first_at);
        s.pending = Some(Pending { book, info, changed_at: now, first_at });
        drop(s);
        self.shared.wake.notify_all();
        None
    }

    /// Hands the journal the book as it is now, however recent the last
    /// copy, and writes it at once. For the window's last moment, when a
    /// panic unwinds through it: the copy it handed over before may be up
    /// to [`SNAPSHOT_EVERY`] older than the last edit.
    pub fn keep_now(&mut self, state: u64, book: impl FnOnce() -> (Book, JournalContext)) {
        if self.copied.is_none_or(|(copied, _)| copied != state) {
            self.copied = None;
            self.changed(state, Instant::now(), book);
        }
        self.flush();
    }

    /// The book has no unsaved changes any more (it was saved, or the
    /// changes were discarded or undone): the recovery file is removed.
    pub fn clear(&mut self) {
        let nothing_kept = self.copied.is_none();
        self.copied = None;
        let mut s = lock(&self.shared.state);
        if nothing_kept && s.pending.is_none() && !s.on_disk {
            return;
        }
        s.pending = None;
        s.clears += 1;
        if s.on_disk {
            self.shared.slot.remove();
            s.on_disk = false;
        }
    }

    /// Writes the newest copy now, if it is not written yet.
    pub fn flush(&self) {
        flush(&self.shared, false);
    }

    /// Why the last write of the recovery file failed, if it did.
    pub fn error(&self) -> Option<String> {
        lock(&self.shared.state).error.clone()
    }

    /// Whether a recovery file exists.
    pub fn is_written(&self) -> bool {
        lock(&self.shared.state).on_disk
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        // A copy not yet written is written: if the book still had unsaved
        // changes, the next start offers them.
        flush(&self.shared, false);
        lock(&self.shared.state).stop = true;
        self.shared.wake.notify_all();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The writer thread: waits for a copy to become due, writes it.
fn write_loop(shared: &Shared) {
    let mut s = lock(&shared.state);
    loop {
        if s.stop {
            return;
        }
        let due = s.pending.as_ref().map(|p| (p.changed_at + WRITE_WHEN_IDLE).min(p.first_at + WRITE_AT_LEAST_EVERY));
        let now = Instant::now();
        match due {
            Some(due) if due <= now => {
                drop(s);
                flush(shared, false);
                s = lock(&shared.state);
            }
            Some(due) => s = shared.wake.wait_timeout(s, due - now).map_or_else(|e| e.into_inner().0, |r| r.0),
            None => s = shared.wake.wait(s).unwrap_or_else(std::sync::PoisonError::into_inner),
        }
    }
}

/// Writes the pending copy. With `try_only` (in the panic hook), gives up
/// rather than wait for a lock another thread may hold forever.
fn flush(shared: &Shared, try_only: bool) {
    let _writing = if try_only {
        match shared.writing.try_lock() {
            Ok(g) => g,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return,
        }
    } else {
        shared.writing.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let taken = {
        let mut s = if try_only {
            match shared.state.try_lock() {
                Ok(s) => s,
                Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => return,
            }
        } else {
            lock(&shared.state)
        };
        s.pending.take().map(|p| (p, s.clears))
    };
    let Some((mut pending, clears)) = taken else { return };
    pending.info.written_at = jiff::Timestamp::now().to_string();
    let result = shared.slot.write(&pending.book, &pending.info);
    let mut s = lock(&shared.state);
    if s.clears != clears {
        // The book became clean while this copy was being written.
        shared.slot.remove();
        s.on_disk = false;
        return;
    }
    match result {
        Ok(()) => {
            s.on_disk = true;
            s.error = None;
        }
        Err(e) => s.error = Some(e.to_string()),
    }
}

/// The journals of this process, for the panic hook.
static LIVE: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

fn register(shared: &Arc<Shared>) {
    let mut live = LIVE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    live.retain(|w| w.strong_count() > 0);
    live.push(Arc::downgrade(shared));
}

/// Makes a panic write every journal's unwritten copy before the process
/// ends. Safe to call more than once.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            flush_all_after_panic();
            previous(info);
        }));
    });
}

/// Writes every journal's unwritten copy, never waiting on a lock.
pub fn flush_all_after_panic() {
    let live = match LIVE.try_lock() {
        Ok(live) => live.clone(),
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().clone(),
        Err(std::sync::TryLockError::WouldBlock) => return,
    };
    for shared in live.iter().filter_map(Weak::upgrade) {
        flush(&shared, true);
    }
}
