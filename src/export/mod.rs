//! Exports: files for people and tools that don't have Relplan. Each
//! export reads the model only.
//!
//! - [`report`] builds the report once as a [`doc::Doc`]; [`html`],
//!   [`markdown`] and [`pdf`] render it.
//! - [`tables`] flattens the book into tables for [`csv_file`] (and the
//!   older [`risk_csv`]) and [`xlsx`].
//! - [`ics`] is the calendar, [`json`] the whole book for scripts,
//!   [`evidence`] the auditor's pack of all of them with checksums.
//! - [`names`] makes safe file names from titles.
//!
//! [`Format`] and [`export`] are the one entry point the command line and
//! the window's Export dialog share. [`batch`] makes several outputs in one
//! run, sharing the report, the lookups and the files between them, on all
//! cores; [`export`] and the evidence pack run through it.

pub mod batch;
pub mod csv_file;
pub mod doc;
pub mod evidence;
pub mod html;
pub mod ics;
pub mod json;
pub mod lookup;
pub mod markdown;
pub mod minutes;
pub mod names;
pub mod pdf;
pub mod preview;
pub mod report;
pub mod risk_csv;
pub mod slides_pdf;
pub mod tables;
pub mod xlsx;

use crate::model::{Book, Id};
use jiff::civil::Date;
pub use pdf::Paper;
pub use tables::TableKind;

/// The formats a book can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A self-contained web page.
    Html,
    /// A paginated report.
    Pdf,
    /// Markdown for wikis.
    Markdown,
    /// One table as comma-separated values.
    Csv,
    /// A workbook with the register and the schedule.
    Xlsx,
    /// The whole book as JSON.
    Json,
    /// The schedule as iCalendar.
    Ics,
    /// A picture of the current view (the window only).
    Png,
    /// PDF, HTML, CSV, ICS and the book with a SHA-256 manifest.
    Evidence,
}

impl Format {
    /// Every format, in the order the Export dialog lists them.
    pub const ALL: [Format; 9] = [
        Format::Pdf,
        Format::Html,
        Format::Markdown,
        Format::Xlsx,
        Format::Csv,
        Format::Ics,
        Format::Json,
        Format::Png,
        Format::Evidence,
    ];

    /// The format's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML page",
            Format::Pdf => "PDF report",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV table",
            Format::Xlsx => "Excel workbook (XLSX)",
            Format::Json => "JSON (whole book)",
            Format::Ics => "iCalendar (.ics)",
            Format::Png => "PNG picture of the current view",
            Format::Evidence => "Evidence pack (zip)",
        }
    }

    /// The file extension (the evidence pack is a zip or a folder).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Ics => "ics",
            Format::Png => "png",
            Format::Evidence => "zip",
        }
    }

    /// Whether the format depends on the chosen release (all but PNG do).
    pub fn takes_release(self) -> bool {
        self != Format::Png
    }
}

/// What goes into an export.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Only this release; `None` for the whole book.
    pub release: Option<Id>,
    /// The date checks are worked out for.
    pub today: Date,
    /// Paper for the PDF.
    pub paper: Paper,
    /// The table a CSV holds.
    pub table: TableKind,
    /// Separate CSV cells with `;`.
    pub semicolon: bool,
    /// What a calendar holds (its `release` is taken from `release`).
    pub calendar: ics::IcsOptions,
}

impl ExportOptions {
    /// The whole book, as of `today`, with every default.
    pub fn new(today: Date) -> Self {
        Self {
            release: None,
            today,
            paper: Paper::A4,
            table: TableKind::Risks,
            semicolon: false,
            calendar: ics::IcsOptions::default(),
        }
    }
}

/// Reports how far an export has got: a fraction from 0 to 1 and what it is doing.
pub type Progress<'a> = &'a (dyn Fn(f32, &str) + Sync);

/// The report document for these options.
pub fn report_doc(book: &Book, options: &ExportOptions) -> doc::Doc {
    report::build(book, &report::ReportOptions { release: options.release.clone(), today: options.today })
}

/// The bytes of a one-file export. PNG is made by the window and the
/// evidence pack by [`evidence::write`] (a zip or a folder); both are
/// refused here. Several formats at once: [`batch::export_together`].
pub fn export(book: &Book, format: Format, options: &ExportOptions, progress: Progress<'_>) -> Result<Vec<u8>, String> {
    let output = match batch::Output::of(format, options.table) {
        Some(batch::Output::Evidence) | None => {
            return Err(match format {
                Format::Png => "A PNG is a picture of the window: use the window's Export dialog.",
                _ => "An evidence pack is a set of files: write it with evidence::write.",
            }
            .to_owned());
        }
        Some(output) => output,
    };
    let made = batch::export_together(book, None, &[output], options, progress);
    let bytes = made.into_iter().next().map_or_else(|| Err("nothing was exported".to_owned()), |(_, bytes)| bytes)?;
    progress(1.0, "Done");
    Ok(bytes)
}
