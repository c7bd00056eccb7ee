//! Book locks: a book open in another Relplan (here or on another
//! computer) is reported with who and where; a lock left by a process that
//! was killed, or not refreshed for a long time, is stale and can be broken.

use relplan::store::{BookLock, LockError, LockOwner, Stale, inspect, lock_file_of};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

/// Runs in a child process (see the tests below): locks the book named by
/// `RELPLAN_LOCK_CHILD`, says so, and waits to be killed.
#[test]
#[ignore = "run by the lock tests in a process of their own"]
fn locking_child() {
    let Some(book) = std::env::var_os("RELPLAN_LOCK_CHILD") else { return };
    let lock = BookLock::acquire(Path::new(&book));
    println!("LOCKED {}", lock.is_ok());
    std::thread::sleep(Duration::from_secs(60));
}

fn lock_in_another_process(book: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "locking_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env("RELPLAN_LOCK_CHILD", book)
        .env("RELPLAN_AUTHOR", "Priya")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let line = BufReader::new(stdout).lines().map_while(Result::ok).find(|l| l.contains("LOCKED"));
    assert!(line.is_some_and(|l| l.contains("LOCKED true")), "the other process locked the book");
    child
}

fn book_in(dir: &Path) -> PathBuf {
    let book = dir.join("plan.ron");
    std::fs::write(&book, relplan::templates::EXAMPLE).unwrap();
    book
}

#[test]
fn a_lock_is_a_file_beside_the_book_saying_who_and_it_goes_when_closed() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_in(dir.path());
    let lock = BookLock::acquire(&book).expect("a free book locks");
    assert_eq!(lock.lock_file(), dir.path().join(".plan.ron.relplan-lock"));
    let owner: LockOwner = serde_json::from_slice(&std::fs::read(lock.lock_file()).unwrap()).unwrap();
    assert_eq!(owner.pid, std::process::id());
    assert!(!owner.host.is_empty() && !owner.user.is_empty());
    let again = BookLock::acquire(&book).expect("reopening in the same Relplan shares the lock");
    drop(lock);
    assert!(lock_file_of(&book).exists(), "still open in the same Relplan");
    drop(again);
    assert!(!lock_file_of(&book).exists(), "closing removes the lock");
}

#[test]
fn a_book_open_in_another_relplan_is_reported_and_its_lock_goes_stale_when_it_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_in(dir.path());
    let mut other = lock_in_another_process(&book);
    let held = match BookLock::acquire(&book) {
        Err(LockError::Held(held)) => held,
        other => panic!("expected the book to be held, got {other:?}"),
    };
    assert_eq!(held.stale, None, "a live Relplan's lock is not stale");
    assert_eq!(held.owner.user, "Priya");
    assert!(held.describe().starts_with("Priya has this book open on "), "{}", held.describe());
    assert!(matches!(BookLock::break_stale(&book), Err(LockError::Held(_))), "a live lock is never broken");
    other.kill().unwrap();
    other.wait().unwrap();
    let after = inspect(&lock_file_of(&book));
    assert_eq!(after.stale, Some(Stale::ProcessEnded), "the lock of a killed Relplan is stale");
    assert!(after.describe().contains("no longer running"), "{}", after.describe());
    let mine = BookLock::break_stale(&book).expect("a stale lock can be broken");
    let owner: LockOwner = serde_json::from_slice(&std::fs::read(mine.lock_file()).unwrap()).unwrap();
    assert_eq!(owner.pid, std::process::id(), "the lock is ours now");
}

#[test]
fn a_lock_from_another_computer_is_stale_only_when_its_heartbeat_is_old() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_in(dir.path());
    let theirs = LockOwner {
        user: "Sam".into(),
        host: "sams-laptop".into(),
        pid: 4242,
        since: "2026-11-27 09:00 UTC".into(),
        token: String::new(),
    };
    let lock_file = lock_file_of(&book);
    std::fs::write(&lock_file, serde_json::to_vec(&theirs).unwrap()).unwrap();
    match BookLock::acquire(&book) {
        Err(LockError::Held(held)) => {
            assert_eq!(held.stale, None, "a fresh heartbeat from another computer is live");
            assert_eq!(held.describe(), "Sam has this book open on sams-laptop since 2026-11-27 09:00 UTC.");
        }
        other => panic!("expected the book to be held, got {other:?}"),
    }
    let old = SystemTime::now() - Duration::from_secs(45 * 60);
    std::fs::File::options().write(true).open(&lock_file).unwrap().set_modified(old).unwrap();
    let held = inspect(&lock_file);
    assert!(matches!(held.stale, Some(Stale::NoHeartbeatFor(d)) if d >= Duration::from_secs(45 * 60)), "{held:?}");
    assert!(held.describe().contains("45 minutes"), "{}", held.describe());
    BookLock::break_stale(&book).expect("an old lock can be broken");
}
