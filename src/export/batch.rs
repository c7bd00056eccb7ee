//! Several exports of one book in one run, sharing what they have in
//! common: the names looked up by id, the check findings and the report
//! document are made once, each file is made once (the evidence pack takes
//! the PDF, HTML, CSV and calendar bytes made for the run instead of making
//! them again), and the files are made in parallel on the machine's cores.
//!
//! [`export_together`] is the entry point; [`super::export`] (one file) and
//! [`super::evidence`] (the pack) run through the same [`Batch`].

use super::doc::Doc;
use super::lookup::Lookup;
use super::{ExportOptions, Format, Progress, TableKind, csv_file, html, ics, json, markdown, pdf, xlsx};
use crate::check::Finding;
use crate::model::Book;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// One file an export run makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Output {
    /// The report as one HTML page.
    Html,
    /// The report as PDF (on the options' paper).
    Pdf,
    /// The report as Markdown.
    Markdown,
    /// One table as CSV.
    Csv(TableKind),
    /// The workbook.
    Xlsx,
    /// The book as JSON.
    Json,
    /// The schedule as iCalendar.
    Ics,
    /// The evidence pack as a zip file.
    Evidence,
}

impl Output {
    /// Every output: each format once, every CSV table.
    pub const ALL: [Output; 12] = [
        Output::Pdf,
        Output::Html,
        Output::Markdown,
        Output::Xlsx,
        Output::Csv(TableKind::Releases),
        Output::Csv(TableKind::Deployments),
        Output::Csv(TableKind::Risks),
        Output::Csv(TableKind::Schedule),
        Output::Csv(TableKind::Findings),
        Output::Ics,
        Output::Json,
        Output::Evidence,
    ];

    /// The output of a format (CSV: `table`); `None` for PNG, which the window makes.
    pub fn of(format: Format, table: TableKind) -> Option<Output> {
        Some(match format {
            Format::Html => Output::Html,
            Format::Pdf => Output::Pdf,
            Format::Markdown => Output::Markdown,
            Format::Csv => Output::Csv(table),
            Format::Xlsx => Output::Xlsx,
            Format::Json => Output::Json,
            Format::Ics => Output::Ics,
            Format::Evidence => Output::Evidence,
            Format::Png => return None,
        })
    }

    /// What the progress line says while it is made.
    fn step(self) -> &'static str {
        match self {
            Output::Html => "Writing the HTML page",
            Output::Pdf => "Writing the PDF report",
            Output::Markdown => "Writing the Markdown report",
            Output::Csv(_) => "Writing the tables",
            Output::Xlsx => "Writing the workbook",
            Output::Json => "Writing the JSON file",
            Output::Ics => "Writing the calendar",
            Output::Evidence => "Packing the evidence",
        }
    }

    /// Rough share of the work, for progress and for starting the longest
    /// first (about a tenth of a second of CPU each on a 2000-release book).
    fn weight(self) -> u32 {
        match self {
            Output::Pdf => 10,
            Output::Xlsx => 6,
            Output::Evidence => 3,
            Output::Html | Output::Markdown | Output::Ics => 3,
            Output::Csv(_) | Output::Json => 1,
        }
    }
}

/// The pieces one run makes, each at most once, whichever thread asks first.
pub struct Batch<'a> {
    book: &'a Book,
    /// The book file's bytes, for the evidence pack (`None`: written from `book`).
    book_file: Option<&'a [u8]>,
    options: &'a ExportOptions,
    look: OnceLock<Lookup<'a>>,
    findings: OnceLock<Vec<Finding>>,
    doc: OnceLock<Doc>,
    /// Made files, by [`slot`]; the book file's text is the last slot.
    made: [OnceLock<Result<Vec<u8>, String>>; SLOTS],
}

/// One slot per [`Output::ALL`], and one for the book file.
const SLOTS: usize = Output::ALL.len() + 1;
const BOOK_FILE: usize = Output::ALL.len();

fn slot(output: Output) -> usize {
    Output::ALL.iter().position(|o| *o == output).unwrap_or(BOOK_FILE)
}

impl<'a> Batch<'a> {
    /// A run over `book` with `options`; nothing is made yet.
    pub fn new(book: &'a Book, book_file: Option<&'a [u8]>, options: &'a ExportOptions) -> Self {
        Self {
            book,
            book_file,
            options,
            look: OnceLock::new(),
            findings: OnceLock::new(),
            doc: OnceLock::new(),
            made: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// The book.
    pub fn book(&self) -> &'a Book {
        self.book
    }

    /// The options.
    pub fn options(&self) -> &'a ExportOptions {
        self.options
    }

    /// The names by id.
    pub fn lookup(&self) -> &Lookup<'a> {
        self.look.get_or_init(|| Lookup::new(self.book))
    }

    /// The check findings as of the options' date.
    pub fn findings(&self) -> &[Finding] {
        self.findings.get_or_init(|| crate::check::all_findings(self.book, self.options.today))
    }

    /// The report document.
    pub fn doc(&self) -> &Doc {
        self.doc.get_or_init(|| {
            let options =
                super::report::ReportOptions { release: self.options.release.clone(), today: self.options.today };
            super::report::build_from(self.lookup(), &options, self.findings())
        })
    }

    /// The bytes of an output, made now unless this run made them already.
    pub fn bytes(&self, output: Output) -> Result<&[u8], String> {
        self.bytes_with(output, &|_| {})
    }

    /// The same, telling `part` how far the output has got (the PDF does).
    fn bytes_with(&self, output: Output, part: &dyn Fn(f32)) -> Result<&[u8], String> {
        let made = self.made[slot(output)].get_or_init(|| {
            // A bug in one format fails that file with a message, never the
            // whole run (nor the thread making the other files).
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.make(output, part))).unwrap_or_else(|_| {
                Err("Relplan stopped making this file unexpectedly (an internal error); the other files are fine."
                    .to_owned())
            })
        });
        made.as_deref().map_err(Clone::clone)
    }

    /// The book file's bytes: as given, or the book written as a file.
    pub fn book_file(&self) -> Result<&[u8], String> {
        let made = self.made[BOOK_FILE].get_or_init(|| match self.book_file {
            Some(bytes) => Ok(bytes.to_vec()),
            None => crate::store::to_text(self.book)
                .map(String::into_bytes)
                .map_err(|e| format!("The book could not be written: {e}")),
        });
        made.as_deref().map_err(Clone::clone)
    }

    fn make(&self, output: Output, part: &dyn Fn(f32)) -> Result<Vec<u8>, String> {
        let (book, options) = (self.book, self.options);
        let release = options.release.as_ref();
        Ok(match output {
            Output::Html => html::to_html(self.doc()).into_bytes(),
            Output::Markdown => markdown::to_markdown(self.doc()).into_bytes(),
            Output::Pdf => pdf::to_pdf_with_progress(self.doc(), options.paper, part)?,
            Output::Csv(kind) => {
                let findings = if kind == TableKind::Findings { self.findings() } else { &[] };
                csv_file::to_csv(&super::tables::flat_with(self.lookup(), kind, release, findings), options.semicolon)
            }
            Output::Xlsx => xlsx::to_xlsx_with(self.lookup(), release, self.findings())?,
            Output::Json => json::to_json(book, release),
            Output::Ics => {
                let calendar = ics::IcsOptions { release: options.release.clone(), ..options.calendar.clone() };
                ics::to_ics(book, &calendar).into_bytes()
            }
            Output::Evidence => super::evidence::zip_of(self)?,
        })
    }

    /// Makes `outputs` (and with `book_file` the book file's bytes), on as
    /// many threads as the machine has cores; failures are kept and come
    /// back from [`Batch::bytes`].
    pub fn make_all(&self, outputs: &[Output], book_file: bool, progress: Progress<'_>) {
        run(self, &tasks(outputs, book_file), progress);
    }

    /// Takes the bytes of an output made by this run out of it.
    fn take(&mut self, output: Output) -> Result<Vec<u8>, String> {
        self.made[slot(output)].take().unwrap_or_else(|| Err("the export was not made".to_owned()))
    }
}

/// Makes `outputs` of `book` together and returns each with its bytes, in
/// the order asked. The work is shared (see the module notes) and spread
/// over the machine's cores; `progress` hears from every thread.
pub fn export_together(
    book: &Book,
    book_file: Option<&[u8]>,
    outputs: &[Output],
    options: &ExportOptions,
    progress: Progress<'_>,
) -> Vec<(Output, Result<Vec<u8>, String>)> {
    if let Some(id) = &options.release
        && book.release(id).is_none()
    {
        let missing = format!("There is no release {id} in this book.");
        return outputs.iter().map(|o| (*o, Err(missing.clone()))).collect();
    }
    let mut batch = Batch::new(book, book_file, options);
    batch.make_all(outputs, false, progress);
    outputs.iter().map(|o| (*o, batch.take(*o))).collect()
}

/// What to make, biggest first so the cores finish together; the evidence
/// pack's parts come before the pack, which only zips them.
fn tasks(outputs: &[Output], book_file: bool) -> Vec<Task> {
    let mut wanted: Vec<Output> = Vec::new();
    for o in outputs {
        if *o == Output::Evidence {
            wanted.extend(super::evidence::PARTS);
        }
        wanted.push(*o);
    }
    let mut tasks: Vec<Task> = Vec::new();
    for o in wanted {
        if !tasks.contains(&Task::Make(o)) {
            tasks.push(Task::Make(o));
        }
    }
    if book_file || outputs.contains(&Output::Evidence) {
        tasks.push(Task::BookFile);
    }
    let last = |t: &Task| matches!(t, Task::Make(Output::Evidence));
    tasks.sort_by_key(|t| (last(t), std::cmp::Reverse(t.weight())));
    tasks
}

/// One piece of work of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Task {
    Make(Output),
    BookFile,
}

impl Task {
    fn weight(self) -> u32 {
        match self {
            Task::Make(o) => o.weight(),
            Task::BookFile => 2,
        }
    }
}

/// Runs the tasks on up to as many threads as the machine has cores.
/// Progress is the tasks' share of the work done, never going back.
fn run(batch: &Batch<'_>, tasks: &[Task], progress: Progress<'_>) {
    let total = tasks.iter().map(|t| t.weight()).sum::<u32>().max(1) as f32;
    let (next, done) = (AtomicUsize::new(0), AtomicU32::new(0));
    // The furthest point reported so far; held while reporting, so that two
    // threads never report out of order.
    let shown = std::sync::Mutex::new(0u32);
    let report = |fraction: f32, step: &str| {
        let permyriad = (fraction.clamp(0.0, 1.0) * 10_000.0) as u32;
        let mut shown = shown.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if *shown <= permyriad {
            *shown = permyriad;
            progress(permyriad as f32 / 10_000.0, step);
        }
    };
    let work = || {
        while let Some(task) = tasks.get(next.fetch_add(1, Ordering::Relaxed)) {
            let before = done.load(Ordering::Relaxed) as f32 / total;
            let share = task.weight() as f32 / total;
            // A failure stays in the batch and is reported with its output.
            match *task {
                Task::Make(o) => {
                    report(before, o.step());
                    let _ = batch.bytes_with(o, &|part| report(before + part * share, o.step()));
                }
                Task::BookFile => {
                    report(before, "Writing the book file");
                    let _ = batch.book_file();
                }
            }
            done.fetch_add(task.weight(), Ordering::Relaxed);
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(tasks.len());
    if threads <= 1 {
        work();
        return;
    }
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
}
