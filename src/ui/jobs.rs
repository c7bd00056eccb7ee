//! Work that runs off the UI thread: loading, saving, exports and file dialogs.
//!
//! Each job runs on its own thread and reports back through a channel that
//! the app polls every frame, so the window never freezes on a large book
//! or a slow disk.

use crate::model::Book;
use crate::store::{BookFile, BookLock, LoadError, LockError, Parsed, SaveError};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a finished job reports.
pub enum JobResult {
    /// A book was opened.
    Opened(PathBuf, Box<Result<Opened, LoadError>>),
    /// A book was saved; `state` is the history state that was written.
    Saved { file: BookFile, state: u64, result: Result<(), SaveError> },
    /// A file dialog closed: the chosen path, or `None` when cancelled.
    /// `quick` is true when it closed too fast to have been shown.
    Picked { purpose: PickPurpose, path: Option<PathBuf>, quick: bool },
    /// An export was written (or failed, with the reason).
    Exported { path: PathBuf, result: Result<(), String> },
    /// The job's thread ended without a result.
    Failed(String),
}

/// A book read from its file, and the lock taken on it.
pub struct Opened {
    /// The file.
    pub file: BookFile,
    /// The book in it.
    pub parsed: Parsed,
    /// The lock, or why there is none; `None` when no lock was tried (a
    /// book from a newer Relplan, which is only ever read).
    pub lock: Option<Result<BookLock, LockError>>,
}

/// Why a file was being picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    /// To open it.
    Open,
    /// To save the book under it.
    SaveAs,
    /// To read blackout windows from iCalendar.
    ImportCalendar,
    /// To write the risk register as CSV.
    ExportRisks,
    /// To read risks from CSV.
    ImportRisks,
    /// To choose where the Export dialog writes, in this format.
    Export(crate::export::Format),
    /// To write the minutes of the last walkthrough.
    ExportMinutes,
    /// To write the walkthrough slides as PDF.
    ExportSlides,
}

/// How far a job has got: a fraction from 0 to 1 and what it is doing.
pub type Progress = Arc<Mutex<(f32, String)>>;

/// A job in progress.
pub struct Job {
    /// What the progress indicator says.
    pub label: String,
    /// How far it has got, for jobs that can tell.
    pub progress: Option<Progress>,
    receiver: Receiver<JobResult>,
}

impl Job {
    /// The job's result, once it is done.
    pub fn poll(&self) -> Option<JobResult> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                Some(JobResult::Failed(format!("{} stopped unexpectedly; nothing was changed.", self.label)))
            }
        }
    }
}

/// The window to wake when a job finishes, so that its result shows at
/// once rather than at the next polling frame.
static WAKE: Mutex<Option<egui::Context>> = Mutex::new(None);

/// Makes finished jobs wake this window (the app calls it as it starts).
pub fn wake_on_finish(ctx: &egui::Context) {
    if let Ok(mut wake) = WAKE.lock() {
        *wake = Some(ctx.clone());
    }
}

fn spawn(label: String, work: impl FnOnce() -> JobResult + Send + 'static) -> Job {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
        if let Ok(wake) = WAKE.lock()
            && let Some(ctx) = wake.as_ref()
        {
            ctx.request_repaint();
        }
    });
    Job { label, progress: None, receiver: rx }
}

/// Writes an export in the background, reporting its progress. The book is
/// a copy, so editing can go on meanwhile.
pub fn export(book: Book, format: crate::export::Format, options: crate::export::ExportOptions, path: PathBuf) -> Job {
    let progress: Progress = Arc::new(Mutex::new((0.0, "Starting".to_owned())));
    let shared = progress.clone();
    let label = format!("Exporting {}…", path.display());
    let mut job = spawn(label, move || {
        let report = move |fraction: f32, step: &str| {
            if let Ok(mut p) = shared.lock() {
                *p = (fraction.clamp(0.0, 1.0), step.to_owned());
            }
        };
        let result = if format == crate::export::Format::Evidence {
            crate::export::evidence::write(&book, None, &options, &path, &report)
        } else {
            crate::export::export(&book, format, &options, &report)
                .and_then(|bytes| crate::store::write_atomic(&path, &bytes).map_err(|e| e.neutral()))
        };
        JobResult::Exported { path, result }
    });
    job.progress = Some(progress);
    job
}

/// Writes a picture of the window as PNG in the background.
pub fn write_png(image: std::sync::Arc<egui::ColorImage>, path: PathBuf) -> Job {
    let label = format!("Writing {}…", path.display());
    spawn(label, move || {
        let result = super::screenshot::write_png(&image, &path);
        JobResult::Exported { path, result }
    })
}

/// Opens a book in the background.
pub fn open(path: PathBuf) -> Job {
    let label = format!("Opening {}…", path.display());
    spawn(label, move || open_book(path))
}

/// Reads a book and takes its lock: the work of [`open`], which the app
/// also does at once for a small book at start-up, so that its first frame
/// already shows the book.
pub fn open_book(path: PathBuf) -> JobResult {
    let result = BookFile::open(&path).map(|(file, parsed)| {
        let lock = parsed.newer_version.is_none().then(|| BookLock::acquire(&path));
        Opened { file, parsed, lock }
    });
    JobResult::Opened(path, Box::new(result))
}

/// A book file small enough to read before the first frame without the
/// window seeming slow to appear (a few milliseconds).
pub fn opens_at_once(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() <= 1024 * 1024)
}

/// Saves a copy of the book in the background. With `overwrite`, a file
/// changed on disk by someone else is replaced (the user chose to keep
/// their version); otherwise such a save is refused.
pub fn save(mut file: BookFile, book: Book, state: u64, overwrite: bool) -> Job {
    let label = format!("Saving {}…", file.path().display());
    spawn(label, move || {
        let result = if overwrite { file.save_over(&book) } else { file.save(&book) };
        JobResult::Saved { file, state, result }
    })
}

/// Shows a native file dialog on its own thread.
pub fn pick(purpose: PickPurpose, start_dir: Option<PathBuf>, suggested: String) -> Job {
    spawn("Choosing a file…".to_owned(), move || {
        let started = Instant::now();
        let (kind, extension) = match purpose {
            PickPurpose::Open | PickPurpose::SaveAs => ("Relplan book", "ron"),
            PickPurpose::ImportCalendar => ("iCalendar", "ics"),
            PickPurpose::ExportRisks | PickPurpose::ImportRisks => ("CSV", "csv"),
            PickPurpose::Export(format) => (format.label(), format.extension()),
            PickPurpose::ExportMinutes => ("Markdown", "md"),
            PickPurpose::ExportSlides => ("PDF", "pdf"),
        };
        let mut dialog = rfd::FileDialog::new().add_filter(kind, &[extension]).add_filter("All files", &["*"]);
        if let Some(dir) = start_dir {
            dialog = dialog.set_directory(dir);
        }
        let path = match purpose {
            PickPurpose::Open => dialog.set_title("Open a release book").pick_file(),
            PickPurpose::ImportCalendar => dialog.set_title("Import blackout windows from a calendar").pick_file(),
            PickPurpose::ImportRisks => dialog.set_title("Import risks from CSV").pick_file(),
            PickPurpose::SaveAs => dialog.set_title("Save the release book as").set_file_name(suggested).save_file(),
            PickPurpose::ExportRisks => {
                dialog.set_title("Export the risk register").set_file_name(suggested).save_file()
            }
            PickPurpose::Export(_) => dialog.set_title("Export to").set_file_name(suggested).save_file(),
            PickPurpose::ExportMinutes => {
                dialog.set_title("Save the meeting minutes").set_file_name(suggested).save_file()
            }
            PickPurpose::ExportSlides => {
                dialog.set_title("Save the slides as PDF").set_file_name(suggested).save_file()
            }
        };
        let quick = path.is_none() && started.elapsed() < Duration::from_millis(400);
        JobResult::Picked { purpose, path, quick }
    })
}
