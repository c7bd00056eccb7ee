//! Writing onto what is not a plain file: a named pipe (and, the same way,
//! a device such as /dev/null) is written into and stays what it was; a
//! folder is refused in plain words.

#![cfg(unix)]

use relplan::store::write_atomic;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A named pipe in a new folder, or `None` where `mkfifo` is missing.
fn fifo(dir: &Path) -> Option<PathBuf> {
    let path = dir.join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&path).status().is_ok_and(|s| s.success());
    made.then_some(path)
}

/// Reads the pipe to its end on another thread; the bytes come on the channel.
fn read_in_background(path: &Path) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Ok(mut f) = std::fs::File::open(&path) {
            let _ = f.read_to_end(&mut bytes);
        }
        let _ = tx.send(bytes);
    });
    rx
}

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn a_named_pipe_is_written_into_and_stays_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pipe) = fifo(dir.path()) else {
        eprintln!("skipped: mkfifo is not available");
        return;
    };
    let read = read_in_background(&pipe);
    write_atomic(&pipe, b"Risk register\n").expect("the pipe is written");
    let got = read.recv_timeout(Duration::from_secs(20)).expect("the reader got the bytes (the pipe was not replaced)");
    assert_eq!(got, b"Risk register\n");
    assert!(is_fifo(&pipe), "the pipe is still a pipe, not a regular file");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(names, ["pipe"], "no temporary file or backup is left beside it");
}

#[test]
fn a_link_to_a_named_pipe_writes_into_the_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let Some(pipe) = fifo(dir.path()) else {
        eprintln!("skipped: mkfifo is not available");
        return;
    };
    let link = dir.path().join("out.csv");
    std::os::unix::fs::symlink(&pipe, &link).unwrap();
    let read = read_in_background(&pipe);
    write_atomic(&link, b"a,b\n").expect("the pipe is written");
    assert_eq!(read.recv_timeout(Duration::from_secs(20)).expect("the reader got the bytes"), b"a,b\n");
    assert!(is_fifo(&pipe), "the pipe is still a pipe");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
}

#[test]
fn a_folder_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("kept.txt"), b"kept").unwrap();
    let e = write_atomic(&folder, b"report").expect_err("a folder is not replaced by a file");
    assert!(e.to_string().contains("it is a folder, not a file; name a file inside it"), "{e}");
    assert!(folder.is_dir(), "the folder is still a folder");
    assert_eq!(std::fs::read(folder.join("kept.txt")).unwrap(), b"kept", "and what it holds is untouched");
}

#[test]
fn the_neutral_message_gives_no_window_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("risks.csv");
    std::fs::write(&path, b"old").unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let e = write_atomic(&path, b"new").expect_err("a read-only file is not replaced");
    let neutral = e.neutral();
    assert!(neutral.contains("risks.csv is read-only") && neutral.contains("was not changed"), "{neutral}");
    assert!(!neutral.contains("Save as") && !neutral.contains("still open"), "no window words: {neutral}");
    let window = e.to_string();
    assert!(window.contains("use Save as…") && window.contains("your changes are still open"), "{window}");
}
