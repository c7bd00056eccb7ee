//! Several formats made in one run (`export::batch`) are the same files as
//! each made on its own, and the evidence pack of such a run holds the
//! very files the run made, with checksums that match.

use relplan::export::batch::{Output, export_together};
use relplan::export::{self, ExportOptions, Format, TableKind, evidence};
use relplan::model::Id;
use std::io::Read;

fn options() -> ExportOptions {
    ExportOptions::new(jiff::civil::date(2026, 11, 27))
}

fn alone(book: &relplan::model::Book, output: Output, options: &ExportOptions) -> Vec<u8> {
    let (format, table) = match output {
        Output::Html => (Format::Html, TableKind::Risks),
        Output::Pdf => (Format::Pdf, TableKind::Risks),
        Output::Markdown => (Format::Markdown, TableKind::Risks),
        Output::Csv(table) => (Format::Csv, table),
        Output::Xlsx => (Format::Xlsx, TableKind::Risks),
        Output::Json => (Format::Json, TableKind::Risks),
        Output::Ics => (Format::Ics, TableKind::Risks),
        Output::Evidence => unreachable!("the pack is checked on its own"),
    };
    let o = ExportOptions { table, ..options.clone() };
    export::export(book, format, &o, &|_, _| {}).expect("the export is made")
}

#[test]
fn every_format_made_together_is_the_file_made_alone() {
    let book = relplan::templates::example().expect("the example book opens");
    for options in [options(), ExportOptions { release: Some(Id::from("REL-4")), ..options() }] {
        let made = export_together(&book, None, &Output::ALL, &options, &|_, _| {});
        assert_eq!(made.len(), Output::ALL.len(), "one file per output asked for");
        for (output, bytes) in made {
            let bytes = bytes.unwrap_or_else(|e| panic!("{output:?}: {e}"));
            if output != Output::Evidence {
                assert!(bytes == alone(&book, output, &options), "{output:?} is the same made together or alone");
            }
        }
    }
}

#[test]
fn the_pack_of_a_run_holds_the_files_of_that_run_with_matching_checksums() {
    let book = relplan::templates::example().expect("the example book opens");
    let made = export_together(&book, None, &[Output::Pdf, Output::Evidence], &options(), &|_, _| {});
    let pdf = made[0].1.as_ref().expect("the PDF is made");
    let zip = made[1].1.as_ref().expect("the pack is made");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("the pack is a zip");
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("the entry reads");
        files.push((entry.name().expect("a name").into_owned(), bytes));
    }
    let find = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone());
    assert_eq!(find("Northwind-Payments.pdf").as_ref(), Some(pdf), "the pack holds the run's PDF");
    let manifest = String::from_utf8(find(evidence::MANIFEST).expect("a manifest")).expect("text");
    assert_eq!(manifest.lines().count(), 9, "PDF, HTML, five CSV tables, ICS and the book: {manifest}");
    for line in manifest.lines() {
        let (sum, name) = line.split_once("  ").expect("sum and name");
        let bytes = find(name).unwrap_or_else(|| panic!("{name} is in the pack"));
        use sha2::Digest;
        assert_eq!(format!("{:x}", sha2::Sha256::digest(&bytes)), sum, "{name}");
    }
    let listed: Vec<&str> = manifest.lines().filter_map(|l| l.split_once("  ").map(|(_, n)| n)).collect();
    let written = evidence::files(&book, None, &options(), &|_, _| {}).expect("the pack's files");
    let names: Vec<&str> = written.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(listed, names[..names.len() - 1], "the zip's manifest lists the files in the pack's order");
}

#[test]
fn an_unknown_release_fails_every_output_with_the_reason() {
    let book = relplan::templates::example().expect("the example book opens");
    let options = ExportOptions { release: Some(Id::from("REL-99")), ..options() };
    for (output, bytes) in export_together(&book, None, &[Output::Html, Output::Evidence], &options, &|_, _| {}) {
        let error = bytes.expect_err("nothing is made for a release the book lacks");
        assert!(error.contains("REL-99"), "{output:?}: {error}");
    }
}

#[test]
fn progress_never_goes_back_and_the_pdf_reports_its_pages_on_the_way() {
    let book = relplan::templates::example().expect("the example book opens");
    let heard = std::sync::Mutex::new(Vec::<(f32, String)>::new());
    let listen = |fraction: f32, step: &str| {
        if let Ok(mut h) = heard.lock() {
            h.push((fraction, step.to_owned()));
        }
    };
    export_together(&book, None, &Output::ALL, &options(), &listen);
    export::export(&book, Format::Pdf, &options(), &listen).expect("the PDF is made");
    let heard = heard.into_inner().expect("no listener panicked");
    let (run, alone) = heard.split_at(heard.iter().rposition(|(f, _)| *f == 0.0).expect("the PDF starts at 0"));
    for part in [run, alone] {
        assert!(part.windows(2).all(|w| w[0].0 <= w[1].0), "progress only goes forward: {part:?}");
    }
    let pdf_steps = alone.iter().filter(|(f, s)| s == "Writing the PDF report" && *f > 0.0 && *f < 1.0).count();
    assert!(pdf_steps >= 1, "the PDF says how far it has got: {alone:?}");
    assert_eq!(alone.last().map(|(f, s)| (*f, s.as_str())), Some((1.0, "Done")));
}
