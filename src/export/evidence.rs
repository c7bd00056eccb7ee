//! The evidence pack an auditor asks for under ISO/IEC 20000-1 clause
//! 8.5.3: the PDF report, the HTML page, the CSV tables, the calendar, the
//! book file itself, and `SHA256SUMS.txt` with each file's SHA-256 (the
//! format `sha256sum -c` checks).
//!
//! The pack is a zip file when the output ends in `.zip`, otherwise a
//! folder. File names come from the book's name through
//! [`super::names`], so no title can place a file outside the pack. The
//! PDF is made on a second thread while the other files are made on this one.

use super::names::{file_stem, inside};
use super::{ExportOptions, Format, Progress, TableKind, csv_file, html, ics, pdf, tables};
use crate::model::Book;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// The name of the manifest inside the pack.
pub const MANIFEST: &str = "SHA256SUMS.txt";

/// The files of the pack, in order, each with its name; the manifest last.
/// `book_file` is the book file's bytes (`None`: written from `book`).
pub fn files(
    book: &Book,
    book_file: Option<&[u8]>,
    options: &ExportOptions,
    progress: Progress<'_>,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let title = match &options.release {
        Some(id) => format!("{} {id}", book.name),
        None => book.name.clone(),
    };
    let stem = file_stem(&title, "release-book");
    progress(0.05, "Writing the report");
    let doc = super::report_doc(book, options);
    let (pdf, out) = std::thread::scope(|scope| {
        let pdf = scope.spawn(|| pdf::to_pdf(&doc, options.paper));
        let mut out: Vec<(String, Vec<u8>)> = Vec::new();
        out.push((format!("{stem}.html"), html::to_html(&doc).into_bytes()));
        progress(0.3, "Writing the tables");
        let findings = crate::check::all_findings(book, options.today);
        for kind in TableKind::ALL {
            let table = tables::flat(book, kind, options.release.as_ref(), &findings);
            out.push((format!("{stem}-{}.csv", kind.name()), csv_file::to_csv(&table, options.semicolon)));
        }
        progress(0.45, "Writing the calendar");
        let calendar = ics::IcsOptions { release: options.release.clone(), ..options.calendar.clone() };
        out.push((format!("{stem}.ics"), ics::to_ics(book, &calendar).into_bytes()));
        let ron = match book_file {
            Some(bytes) => Ok(bytes.to_vec()),
            None => crate::store::to_text(book).map(String::into_bytes).map_err(|e| e.to_string()),
        };
        progress(0.55, "Writing the PDF report");
        (pdf.join().unwrap_or_else(|_| Err("the PDF report stopped unexpectedly".to_owned())), ron.map(|r| (out, r)))
    });
    let (mut files, ron) = out.map_err(|e| format!("The book could not be written: {e}"))?;
    files.insert(0, (format!("{stem}.pdf"), pdf?));
    files.push((format!("{}.ron", file_stem(&book.name, "release-book")), ron));
    let manifest: String = files.iter().map(|(name, bytes)| format!("{:x}  {name}\n", Sha256::digest(bytes))).collect();
    files.push((MANIFEST.to_owned(), manifest.into_bytes()));
    Ok(files)
}

/// Writes the pack to `out`: a zip when `out` ends in `.zip`, else a folder.
pub fn write(
    book: &Book,
    book_file: Option<&[u8]>,
    options: &ExportOptions,
    out: &Path,
    progress: Progress<'_>,
) -> Result<(), String> {
    let files = files(book, book_file, options, progress)?;
    progress(0.9, "Saving the pack");
    let is_zip = out.extension().is_some_and(|e| e.eq_ignore_ascii_case(Format::Evidence.extension()));
    if is_zip {
        let stamp = book.ledger.audit.last().map(|e| e.at);
        let bytes = zip_bytes(&files, stamp).map_err(|e| format!("The zip file could not be made: {e}"))?;
        crate::store::write_atomic(out, &bytes).map_err(|e| e.to_string())?;
    } else {
        std::fs::create_dir_all(out)
            .map_err(|e| format!("The folder {} could not be made: {}.", out.display(), crate::store::plain_io(&e)))?;
        for (name, bytes) in &files {
            let path = inside(out, name)?;
            crate::store::write_atomic(&path, bytes).map_err(|e| e.to_string())?;
        }
    }
    progress(1.0, "Done");
    Ok(())
}

/// The files as a zip archive, every entry dated at `stamp` (the book's
/// last change), so the same book gives the same archive.
pub fn zip_bytes(files: &[(String, Vec<u8>)], stamp: Option<jiff::Timestamp>) -> Result<Vec<u8>, String> {
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
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(when.unwrap_or_default());
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        writer.write_all(bytes).map_err(|e| e.to_string())?;
    }
    writer.finish().map(std::io::Cursor::into_inner).map_err(|e| e.to_string())
}
