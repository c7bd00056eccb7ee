//! Where `relplan export` writes: never over the book it exports, into a
//! named pipe as it is, and with messages meant for the command line.

use std::path::Path;
use std::process::{Command, Output};

fn relplan(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relplan"))
        .args(args)
        .env("RELPLAN_CONFIG_DIR", std::env::temp_dir().join("relplan-cli-tests-config"))
        .env("RELPLAN_DATA_DIR", std::env::temp_dir().join("relplan-cli-tests-data"))
        .output()
        .expect("relplan runs")
}

fn export(book: &Path, to: &str, output: &Path) -> Output {
    let args = ["export".as_ref(), book.as_os_str(), "--to".as_ref(), to.as_ref(), "-o".as_ref(), output.as_os_str()];
    relplan(&[&args[..], &["--force".as_ref()]].concat())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the example book in a new folder.
fn book_in(dir: &Path) -> std::path::PathBuf {
    let book = dir.join("plan.ron");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/northwind-payments.ron"), &book).unwrap();
    book
}

#[test]
fn exporting_onto_the_book_itself_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_in(dir.path());
    let before = std::fs::read(&book).unwrap();
    let link = dir.path().join("link.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&book, &link).unwrap();
    #[cfg(not(unix))]
    std::fs::copy(&book, &link).unwrap();
    let by_other_name = dir.path().join(".").join("plan.ron");
    let mut outputs = vec![book.clone(), by_other_name];
    if cfg!(unix) {
        outputs.push(link);
    }
    for output in outputs {
        let out = export(&book, "csv", &output);
        assert_eq!(out.status.code(), Some(2), "refused: {}", output.display());
        let err = text(&out.stderr);
        assert!(err.contains("is the book being exported; choose another file"), "{err}");
        assert_eq!(std::fs::read(&book).unwrap(), before, "the book is as it was");
    }
}

#[test]
fn a_failed_export_speaks_to_the_command_line_not_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let book = book_in(dir.path());
    let output = dir.path().join("risks.csv");
    std::fs::write(&output, b"old").unwrap();
    let mut perms = std::fs::metadata(&output).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&output, perms).unwrap();
    let out = export(&book, "csv", &output);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("risks.csv is read-only") && err.contains("The file on disk was not changed"), "{err}");
    assert!(!err.contains("Save as") && !err.contains("your changes are still open"), "no window words: {err}");
    assert_eq!(std::fs::read(&output).unwrap(), b"old");
}

#[cfg(unix)]
#[test]
fn an_export_into_a_named_pipe_keeps_the_pipe() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let book = book_in(dir.path());
    let pipe = dir.path().join("pipe");
    if !Command::new("mkfifo").arg(&pipe).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = pipe.clone();
    std::thread::spawn(move || {
        let mut got = String::new();
        if let Ok(mut f) = std::fs::File::open(&reader) {
            let _ = f.read_to_string(&mut got);
        }
        let _ = tx.send(got);
    });
    let out = export(&book, "csv", &pipe);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = rx.recv_timeout(std::time::Duration::from_secs(30)).expect("the reader got the export");
    assert!(got.contains("REL-"), "the export came through the pipe: {got:.200}");
    assert!(std::fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo(), "the pipe is still a pipe");
}

#[test]
fn gen_refuses_a_book_too_large_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("huge.ron");
    let result = relplan(&["gen".as_ref(), "--releases".as_ref(), "9000".as_ref(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(result.status.code(), Some(2));
    assert!(text(&result.stderr).contains("At most 6000 releases"), "{}", text(&result.stderr));
    assert!(!out.exists(), "nothing is written");
}
