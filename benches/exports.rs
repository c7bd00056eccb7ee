//! Export benchmark: every format of a `relplan gen --releases 2000` book.
//!
//! Run with `cargo bench --bench exports`. Prints one
//! `BENCH export_<format>_2000_releases <ms> ms` line per format and
//! `BENCH export_all_formats_2000_releases <ms> ms`, their sum (budget:
//! 2 s). Each format is timed three times in wall-clock time and the best
//! run is kept, so that other programs on a shared machine disturb the
//! figure as little as possible. CSV is all five tables; the evidence pack
//! is built in memory as a zip (PDF, HTML, CSVs, ICS, book, manifest).
//! PNG is a picture of the window and is not part of this benchmark.

use relplan::export::{self, ExportOptions, Format, TableKind, evidence};
use std::time::Instant;

fn best_ms(mut run: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut size = 0;
    for _ in 0..3 {
        let start = Instant::now();
        size = run();
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
    }
    (best, size)
}

fn main() {
    // `cargo bench --bench exports -- pdf` times only the formats whose name contains "pdf".
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_default();
    let book = relplan::generate::generate(2000, 1);
    let today = jiff::civil::date(2026, 11, 27);
    let options = ExportOptions::new(today);
    let quiet = |_: f32, _: &str| {};
    let mut total = 0.0;
    let wanted = |name: &str| name.contains(only.as_str());
    let mut report = |name: &str, (ms, bytes): (f64, usize)| {
        total += ms;
        println!("BENCH export_{name}_2000_releases {ms:.1} ms");
        println!("BENCH export_{name}_2000_releases_size {:.1} MB", bytes as f64 / 1e6);
    };
    for (name, format) in [
        ("html", Format::Html),
        ("pdf", Format::Pdf),
        ("markdown", Format::Markdown),
        ("xlsx", Format::Xlsx),
        ("json", Format::Json),
        ("ics", Format::Ics),
    ] {
        if wanted(name) {
            report(name, best_ms(|| export::export(&book, format, &options, &quiet).map_or(0, |b| b.len())));
        }
    }
    if wanted("csv") {
        report(
            "csv",
            best_ms(|| {
                TableKind::ALL
                    .iter()
                    .map(|&table| {
                        let o = ExportOptions { table, ..options.clone() };
                        export::export(&book, Format::Csv, &o, &quiet).map_or(0, |b| b.len())
                    })
                    .sum()
            }),
        );
    }
    if wanted("evidence") {
        report(
            "evidence",
            best_ms(|| {
                let files = evidence::files(&book, None, &options, &quiet).unwrap_or_default();
                evidence::zip_bytes(&files, None).map_or(0, |b| b.len())
            }),
        );
    }
    println!("BENCH export_all_formats_2000_releases {total:.1} ms");
}
