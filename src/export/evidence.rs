//! The evidence pack an auditor asks for under ISO/IEC 20000-1 clause
//! 8.5.3: the PDF report, the HTML page, the CSV tables, the calendar, the
//! book file itself, and `SHA256SUMS.txt` with each file's SHA-256 (the
//! format `sha256sum -c` checks).
//!
//! The pack is a zip file when the output ends in `.zip`, otherwise a
//! folder. File names come from the book's name through
//! [`super::names`], so no title can place a file outside the pack. The
//! files are made by one [`Batch`], on all cores, and a run that also
//! exports the PDF (or HTML, CSV, calendar) on its own packs the very same
//! bytes instead of making them twice.

use super::batch::{Batch, Output};
use super::names::{file_stem, inside};
use super::{ExportOptions, Format, Progress, TableKind};
use crate::model::Book;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

/// The name of the manifest inside the pack.
pub const MANIFEST: &str = "SHA256SUMS.txt";

/// The exports a pack holds, besides the book file and the manifest.
pub const PARTS: [Output; 8] = [
    Output::Pdf,
    Output::Html,
    Output::Csv(TableKind::Releases),
    Output::Csv(TableKind::Deployments),
    Output::Csv(TableKind::Risks),
    Output::Csv(TableKind::Schedule),
    Output::Csv(TableKind::Findings),
    Output::Ics,
];

/// The files of the pack, in order, each with its name; the manifest last.
/// `book_file` is the book file's bytes (`None`: written from `book`).
pub fn files(
    book: &Book,
    book_file: Option<&[u8]>,
    options: &ExportOptions,
    progress: Progress<'_>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let batch = Batch::new(book, book_file, options);
    batch.make_all(&PARTS, true, progress);
    Ok(pack_files(&batch)?.into_iter().map(|(name, bytes)| (name, bytes.into_owned())).collect())
}

/// A file of the pack: its name and its bytes.
pub type PackFile<'b> = (String, Cow<'b, [u8]>);

/// A file of the pack before its bytes are asked for.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// An export of the run.
    Made(Output),
    /// The book file.
    Book,
}

/// The pack's files but the manifest, named, in the manifest's order.
fn parts(batch: &Batch<'_>) -> Vec<(String, Part)> {
    let (book, options) = (batch.book(), batch.options());
    let title = match &options.release {
        Some(id) => format!("{} {id}", book.name),
        None => book.name.clone(),
    };
    let stem = file_stem(&title, "release-book");
    let mut parts: Vec<(String, Part)> = PARTS
        .iter()
        .map(|&part| {
            let name = match part {
                Output::Csv(kind) => format!("{stem}-{}.csv", kind.name()),
                Output::Pdf => format!("{stem}.pdf"),
                Output::Html => format!("{stem}.html"),
                _ => format!("{stem}.ics"),
            };
            (name, Part::Made(part))
        })
        .collect();
    parts.push((format!("{}.ron", file_stem(&book.name, "release-book")), Part::Book));
    parts
}

fn bytes_of<'b>(batch: &'b Batch<'_>, part: Part) -> Result<&'b [u8], String> {
    match part {
        Part::Made(output) => batch.bytes(output),
        Part::Book => batch.book_file(),
    }
}

/// The manifest: each file's SHA-256 and name, one a line.
fn manifest<'n>(sums: impl Iterator<Item = (&'n str, String)>) -> Vec<u8> {
    sums.map(|(name, sum)| format!("{sum}  {name}\n")).collect::<String>().into_bytes()
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The pack's files from a run, borrowing the bytes it made (the manifest
/// is the one file made here).
pub fn pack_files<'b>(batch: &'b Batch<'_>) -> Result<Vec<PackFile<'b>>, String> {
    let mut files: Vec<PackFile<'b>> = Vec::new();
    for (name, part) in parts(batch) {
        files.push((name, Cow::Borrowed(bytes_of(batch, part)?)));
    }
    let manifest = manifest(files.iter().map(|(name, bytes)| (name.as_str(), sha256(bytes))));
    files.push((MANIFEST.to_owned(), Cow::Owned(manifest)));
    Ok(files)
}

/// The pack of a run as a zip file, dated at the book's last change. The
/// PDF takes longest to make, so the other files are packed first, while
/// it may still be on its way; the manifest lists them in the usual order.
pub(super) fn zip_of(batch: &Batch<'_>) -> Result<Vec<u8>, String> {
    let parts = parts(batch);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].1 == Part::Made(Output::Pdf));
    let mut zip = Zip::new(batch.book().ledger.audit.last().map(|e| e.at));
    let mut sums = vec![String::new(); parts.len()];
    for i in order {
        let (name, part) = &parts[i];
        let bytes = bytes_of(batch, *part)?;
        sums[i] = sha256(bytes);
        zip.add(name, bytes)?;
    }
    let manifest = manifest(parts.iter().zip(sums).map(|((name, _), sum)| (name.as_str(), sum)));
    zip.add(MANIFEST, &manifest)?;
    zip.finish()
}

/// Writes the pack to `out`: a zip when `out` ends in `.zip`, else a folder.
pub fn write(
    book: &Book,
    book_file: Option<&[u8]>,
    options: &ExportOptions,
    out: &Path,
    progress: Progress<'_>,
) -> Result<(), String> {
    let batch = Batch::new(book, book_file, options);
    // Making the files is the first 95 %; saving them the rest.
    let making = |fraction: f32, step: &str| progress(fraction * 0.95, step);
    let is_zip = out.extension().is_some_and(|e| e.eq_ignore_ascii_case(Format::Evidence.extension()));
    if is_zip {
        batch.make_all(&[Output::Evidence], true, &making);
        let bytes = batch.bytes(Output::Evidence)?;
        progress(0.95, "Saving the pack");
        crate::store::write_atomic(out, bytes).map_err(|e| e.neutral())?;
    } else {
        batch.make_all(&PARTS, true, &making);
        let files = pack_files(&batch)?;
        progress(0.95, "Saving the pack");
        std::fs::create_dir_all(out)
            .map_err(|e| format!("The folder {} could not be made: {}.", out.display(), crate::store::plain_io(&e)))?;
        for (name, bytes) in &files {
            let path = inside(out, name)?;
            crate::store::write_atomic(&path, bytes).map_err(|e| e.neutral())?;
        }
    }
    progress(1.0, "Done");
    Ok(())
}

/// The files as a zip archive, every entry dated at `stamp` (the book's
/// last change), so the same book gives the same archive.
pub fn zip_bytes<B: AsRef<[u8]>>(files: &[(String, B)], stamp: Option<jiff::Timestamp>) -> Result<Vec<u8>, String> {
    let mut zip = Zip::new(stamp);
    for (name, bytes) in files {
        zip.add(name, bytes.as_ref())?;
    }
    zip.finish()
}

/// A zip archive being written in memory.
struct Zip {
    writer: zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
    deflated: zip::write::SimpleFileOptions,
    stored: zip::write::SimpleFileOptions,
}

impl Zip {
    fn new(stamp: Option<jiff::Timestamp>) -> Self {
        let when = stamp.map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).datetime()).and_then(|d| {
            zip::DateTime::from_date_and_time(
                u16::try_from(d.year()).ok()?,
                u8::try_from(d.month()).ok()?,
                u8::try_from(d.day()).ok()?,
                u8::try_from(d.hour()).ok()?,
                u8::try_from(d.minute()).ok()?,
                u8::try_from(d.second()).ok()?,
            )
            .ok()
        });
        let base = zip::write::SimpleFileOptions::default().last_modified_time(when.unwrap_or_default());
        Self {
            writer: zip::ZipWriter::new(std::io::Cursor::new(Vec::new())),
            deflated: base.compression_method(zip::CompressionMethod::Deflated).compression_level(Some(1)),
            stored: base.compression_method(zip::CompressionMethod::Stored),
        }
    }

    /// Adds a file. A PDF is stored as it is: its pages are compressed
    /// already, and deflating them again would cost time for nothing. Text
    /// is deflated at the fastest level: an auditor's pack is read once,
    /// and it comes much sooner for being a little bigger.
    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let is_pdf = name.to_ascii_lowercase().ends_with(".pdf");
        let options = if is_pdf { self.stored } else { self.deflated };
        self.writer.start_file(name, options).map_err(|e| format!("The zip file could not be made: {e}"))?;
        self.writer.write_all(bytes).map_err(|e| format!("The zip file could not be made: {e}"))
    }

    fn finish(self) -> Result<Vec<u8>, String> {
        self.writer
            .finish()
            .map(std::io::Cursor::into_inner)
            .map_err(|e| format!("The zip file could not be made: {e}"))
    }
}
