//! Noticing that a book's file changed on disk while it is open.
//!
//! The watch polls: every [`POLL_EVERY`] it reads the file's size and
//! modification time, and only when either differs from what it last saw
//! does it read the file and compare its content hash with what Relplan
//! last read or wrote. Polling is chosen over file-system events on
//! purpose: books live on shared and synced folders (network shares, sync
//! clients) where a change made on another computer raises no local event,
//! and editors, `git` and sync tools replace files by renaming, which
//! event watches on a single file lose. One `stat` every two seconds costs
//! nothing measurable, and it runs on its own thread, so a slow network
//! share never stalls the window.

use super::fingerprint::{DiskState, Fingerprint, disk_state};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How often the file's size and time are looked at.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// A watch on one book file. Dropping it stops the watch.
pub struct FileWatch {
    shared: Arc<Shared>,
    poke: Sender<()>,
}

struct Shared {
    path: PathBuf,
    state: Mutex<WatchState>,
    wake: Box<dyn Fn() + Send + Sync>,
}

struct WatchState {
    expected: Option<Fingerprint>,
    /// Size and time last looked at, to skip reading an untouched file.
    seen: Option<(u64, Option<SystemTime>)>,
    /// The state last found, and whether the caller has been told.
    found: DiskState,
    news: bool,
    /// Counts [`FileWatch::expect`] calls; a check started before one is dropped.
    generation: u64,
}

impl FileWatch {
    /// Starts watching `path`, which Relplan last read or wrote as
    /// `expected`. `wake` is called (from the watch's thread) when the
    /// state of the file changes, so that the window can look.
    pub fn start(path: &Path, expected: Option<Fingerprint>, wake: impl Fn() + Send + Sync + 'static) -> FileWatch {
        let seen = expected.as_ref().map(|f| (f.len(), f.modified()));
        let shared = Arc::new(Shared {
            path: path.to_owned(),
            state: Mutex::new(WatchState { expected, seen, found: DiskState::Unchanged, news: false, generation: 0 }),
            wake: Box::new(wake),
        });
        let (poke, pokes) = std::sync::mpsc::channel();
        let worker = shared.clone();
        let _ = std::thread::Builder::new().name("relplan-watch".into()).spawn(move || watch_loop(&worker, &pokes));
        FileWatch { shared, poke }
    }

    /// The file now holds what Relplan just wrote or read.
    pub fn expect(&self, fingerprint: Option<Fingerprint>) {
        let mut s = lock(&self.shared.state);
        s.seen = fingerprint.as_ref().map(|f| (f.len(), f.modified()));
        s.expected = fingerprint;
        s.found = DiskState::Unchanged;
        s.news = false;
        s.generation += 1;
    }

    /// Checks now, reading the file whatever its size and time (when the
    /// window regains focus, say).
    pub fn check_now(&self) {
        let _ = self.poke.send(());
    }

    /// The state last found, once, when it changed since the last call.
    pub fn news(&self) -> Option<DiskState> {
        let mut s = lock(&self.shared.state);
        std::mem::take(&mut s.news).then_some(s.found)
    }

    /// The state last found.
    pub fn state(&self) -> DiskState {
        lock(&self.shared.state).found
    }

    /// The watched file.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }
}

fn lock(state: &Mutex<WatchState>) -> std::sync::MutexGuard<'_, WatchState> {
    state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn watch_loop(shared: &Shared, pokes: &Receiver<()>) {
    loop {
        let full = match pokes.recv_timeout(POLL_EVERY) {
            Ok(()) => true,
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        check(shared, full);
    }
}

/// One look at the file.
fn check(shared: &Shared, full: bool) {
    let (expected, seen, generation) = {
        let s = lock(&shared.state);
        (s.expected.clone(), s.seen, s.generation)
    };
    let meta = std::fs::metadata(&shared.path).ok();
    let now_seen = meta.as_ref().map(|m| (m.len(), m.modified().ok()));
    if !full && now_seen == seen {
        return;
    }
    let found = disk_state(&shared.path, expected.as_ref());
    let mut s = lock(&shared.state);
    if s.generation != generation {
        return;
    }
    s.seen = now_seen;
    if found != s.found {
        s.found = found;
        s.news = true;
        drop(s);
        (shared.wake)();
    }
}
