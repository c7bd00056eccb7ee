//! Book locks: telling a second Relplan, or a colleague on a shared
//! folder, that a book is already open.
//!
//! The lock is a small file beside the book (`.plan.ron.relplan-lock`)
//! that says who has the book open, on which computer, since when. While
//! the book is open, Relplan keeps the lock file locked at the operating
//! system level and refreshes its modification time every
//! [`HEARTBEAT_EVERY`] (the heartbeat). A lock is stale when
//! - it was made on this computer and no process holds it any more (the
//!   Relplan that made it crashed or was killed), or
//! - its heartbeat is older than [`STALE_AFTER`] (a computer that went
//!   away, or a shared folder that does not pass locks between computers).
//!
//! A stale lock can be broken; a live one only allows opening read-only.

use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, SystemTime};

/// How often a held lock's heartbeat is refreshed.
pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(60);
/// A lock whose heartbeat is older than this is stale.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// Who has a book open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    /// The person (their user name, or the author name set for Relplan).
    pub user: String,
    /// The computer.
    pub host: String,
    /// The Relplan process on that computer.
    pub pid: u32,
    /// When they opened it.
    pub since: String,
    /// Tells this lock from any other the same process takes, so that a
    /// closing Relplan never removes a lock taken after its own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub token: String,
}

impl LockOwner {
    /// This process, on this computer, for this user.
    pub fn me() -> LockOwner {
        LockOwner {
            user: current_user(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            pid: std::process::id(),
            since: jiff::Timestamp::now().strftime("%Y-%m-%d %H:%M UTC").to_string(),
            token: new_token(),
        }
    }
}

/// A token no other lock of this process has had.
fn new_token() -> String {
    static TAKEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = TAKEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = jiff::Timestamp::now().as_nanosecond();
    format!("{}-{nanos}-{n}", std::process::id())
}

/// Why a lock is stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stale {
    /// Made on this computer by a process that is no longer running.
    ProcessEnded,
    /// Not refreshed for this long.
    NoHeartbeatFor(Duration),
}

/// A lock someone else holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHeld {
    /// The lock file.
    pub lock_file: PathBuf,
    /// Who holds it (empty fields when the lock file cannot be read).
    pub owner: LockOwner,
    /// Whether it is stale, and why.
    pub stale: Option<Stale>,
}

impl LockHeld {
    /// One sentence for people: who has the book open, where and since when.
    pub fn describe(&self) -> String {
        let o = &self.owner;
        let who = if o.user.is_empty() { "someone".to_owned() } else { o.user.clone() };
        let host = if o.host.is_empty() { String::new() } else { format!(" on {}", o.host) };
        let since = if o.since.is_empty() { String::new() } else { format!(" since {}", o.since) };
        match self.stale {
            None => format!("{who} has this book open{host}{since}."),
            Some(Stale::ProcessEnded) => format!(
                "{who} had this book open{host}{since}, but that Relplan is no longer running (it may have \
                 crashed), so the lock it left is stale."
            ),
            Some(Stale::NoHeartbeatFor(d)) => format!(
                "{who} had this book open{host}{since}, but their Relplan has not been heard from for {} \
                 minutes, so the lock is probably stale.",
                d.as_secs() / 60
            ),
        }
    }
}

/// Why a book could not be locked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// Someone else holds it.
    Held(Box<LockHeld>),
    /// The lock file could not be made (a read-only folder, say); the book
    /// can still be opened, without a lock.
    Unavailable(String),
}

/// The lock file of a book.
pub fn lock_file_of(book: &Path) -> PathBuf {
    let name = book.file_name().map_or_else(|| "book".into(), |n| n.to_string_lossy().into_owned());
    book.with_file_name(format!(".{name}.relplan-lock"))
}

/// A lock this process holds on a book. Cloning shares it; the lock file
/// is removed when the last clone is dropped.
#[derive(Clone, Debug)]
pub struct BookLock {
    inner: Arc<Held>,
}

#[derive(Debug)]
struct Held {
    lock_file: PathBuf,
    owner: LockOwner,
    stop: Mutex<Option<std::sync::mpsc::Sender<()>>>,
}

/// The locks this process holds, by lock file, so that reopening a book it
/// already has open shares the lock instead of tripping over it. Only the
/// matching entry is upgraded: upgrading the others, even for a moment,
/// would let their last drop (and the removal of their lock file) happen
/// on this thread, later than their owner expects.
static HELD: Mutex<Vec<(PathBuf, Weak<Held>)>> = Mutex::new(Vec::new());

impl BookLock {
    /// Locks a book for this process.
    pub fn acquire(book: &Path) -> Result<BookLock, LockError> {
        let lock_file = lock_file_of(book);
        let mut held = HELD.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        held.retain(|(_, w)| w.strong_count() > 0);
        if let Some(mine) = held.iter().filter(|(f, _)| *f == lock_file).find_map(|(_, w)| w.upgrade()) {
            return Ok(BookLock { inner: mine });
        }
        let owner = LockOwner::me();
        let file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock_file) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(LockError::Held(Box::new(inspect(&lock_file))));
            }
            Err(e) => return Err(LockError::Unavailable(super::plain_io(&e))),
        };
        // Locked before anything is written, so that a look from another
        // Relplan on this computer never takes a new lock for a dead one.
        let _ = file.try_lock();
        let json = serde_json::to_string_pretty(&owner).unwrap_or_default();
        let mut writer = &file;
        if let Err(e) = writer.write_all(json.as_bytes()).and_then(|()| file.sync_all()) {
            let _ = std::fs::remove_file(&lock_file);
            return Err(LockError::Unavailable(super::plain_io(&e)));
        }
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let _ = std::thread::Builder::new().name("relplan-lock".into()).spawn(move || heartbeat(&file, &rx));
        let inner = Arc::new(Held { lock_file: lock_file.clone(), owner, stop: Mutex::new(Some(tx)) });
        held.push((lock_file, Arc::downgrade(&inner)));
        Ok(BookLock { inner })
    }

    /// Removes a stale lock and takes the book. A lock that has come back
    /// to life meanwhile is not broken.
    pub fn break_stale(book: &Path) -> Result<BookLock, LockError> {
        let lock_file = lock_file_of(book);
        let now = inspect(&lock_file);
        if now.stale.is_none() && lock_file.exists() {
            return Err(LockError::Held(Box::new(now)));
        }
        let _ = std::fs::remove_file(&lock_file);
        Self::acquire(book)
    }

    /// The lock file.
    pub fn lock_file(&self) -> &Path {
        &self.inner.lock_file
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take() {
            let _ = stop.send(());
        }
        // Only our own lock is removed: someone may have broken it meanwhile.
        let still_ours = read_owner(&self.lock_file).is_some_and(|o| o == self.owner);
        if still_ours {
            let _ = std::fs::remove_file(&self.lock_file);
        }
    }
}

/// Refreshes the lock file's time until told to stop; the file (and so
/// its operating-system lock) is closed when this returns.
fn heartbeat(file: &File, stop: &std::sync::mpsc::Receiver<()>) {
    while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stop.recv_timeout(HEARTBEAT_EVERY) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// Who holds a lock file, and whether the lock is stale.
pub fn inspect(lock_file: &Path) -> LockHeld {
    let owner = read_owner(lock_file).unwrap_or_default();
    let age = std::fs::metadata(lock_file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .unwrap_or_default();
    let here = gethostname::gethostname().to_string_lossy().into_owned();
    let stale = if owner.host == here && process_gone(lock_file, owner.pid) {
        Some(Stale::ProcessEnded)
    } else if age > STALE_AFTER {
        Some(Stale::NoHeartbeatFor(age))
    } else {
        None
    };
    LockHeld { lock_file: lock_file.to_owned(), owner, stale }
}

fn read_owner(lock_file: &Path) -> Option<LockOwner> {
    serde_json::from_slice(&std::fs::read(lock_file).ok()?).ok()
}

/// Whether the process that made a lock on this computer has ended: no
/// process holds the lock file locked (or, where the file system has no
/// locks, there is no such process).
fn process_gone(lock_file: &Path, pid: u32) -> bool {
    let Ok(file) = File::open(lock_file) else { return false };
    match file.try_lock() {
        Ok(()) => true,
        Err(std::fs::TryLockError::WouldBlock) => false,
        Err(std::fs::TryLockError::Error(_)) => {
            cfg!(target_os = "linux") && pid != 0 && !Path::new(&format!("/proc/{pid}")).exists()
        }
    }
}

/// The person using Relplan: the author name set for Relplan, or the
/// operating-system user.
pub fn current_user() -> String {
    ["RELPLAN_AUTHOR", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}
