//! Export benchmark: every format of a `relplan gen --releases 2000` book.
//!
//! Run with `cargo bench --bench exports`. Prints, for each format made on
//! its own (as `relplan export` makes one file),
//! `BENCH export_<format>_2000_releases <ms> ms` with `_cpu` and `_size`
//! lines; then `BENCH export_all_formats_2000_releases <ms> ms`, every
//! format made in one run by `export::batch::export_together` (the report,
//! names and findings made once, the evidence pack reusing the PDF, HTML,
//! CSV and calendar of the run, the files made in parallel): the issue's
//! budget is 2 s. `export_sum_of_formats_2000_releases` is the sum of the
//! separate runs, for comparison.
//!
//! Each figure is the best of three runs in wall-clock time, so that other
//! programs on a shared machine disturb it as little as possible; the
//! `_cpu` lines give that run's CPU time over all the process's threads,
//! which other programs do not inflate. CSV is all five tables; the
//! evidence pack is a zip in memory (PDF, HTML, CSVs, ICS, book, manifest).
//! PNG is a picture of the window and is not part of this benchmark.
//! `export_all_formats_200_releases` times the run of every format for a
//! 200-release book. `cargo bench --bench exports -- pdf` times only the
//! formats whose name contains "pdf" (and skips the runs of all formats);
//! `-- all` times only the runs of all formats.

mod support;

use support::process_cpu as cpu_now;

use relplan::export::batch::{Output, export_together};
use relplan::export::{self, ExportOptions, Format, TableKind};
use std::time::Instant;

/// The best of three runs: wall-clock ms, the CPU ms of that run, and the output's size.
fn best_ms(mut run: impl FnMut() -> usize) -> (f64, f64, usize) {
    let mut best = (f64::MAX, 0.0);
    let mut size = 0;
    for _ in 0..3 {
        let (start, cpu) = (Instant::now(), cpu_now());
        size = run();
        let wall = start.elapsed().as_secs_f64() * 1e3;
        if wall < best.0 {
            best = (wall, (cpu_now() - cpu).as_secs_f64() * 1e3);
        }
    }
    (best.0, best.1, size)
}

/// The page count a PDF states in its page tree.
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.split("/Type/Pages/Count ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    // `cargo bench --bench exports -- pdf` times only the formats whose name
    // contains "pdf"; `-- all` only the runs of every format together.
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_default();
    let book = relplan::generate::generate(2000, 1);
    let today = jiff::civil::date(2026, 11, 27);
    let options = ExportOptions::new(today);
    let quiet = |_: f32, _: &str| {};
    let mut total = 0.0;
    let wanted = |name: &str| name.contains(only.as_str());
    let mut total_cpu = 0.0;
    let mut report = |name: &str, (ms, cpu, bytes): (f64, f64, usize)| {
        total += ms;
        total_cpu += cpu;
        println!("BENCH export_{name}_2000_releases {ms:.1} ms");
        println!("BENCH export_{name}_2000_releases_cpu {cpu:.1} ms");
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
            if format == Format::Pdf {
                let pdf = export::export(&book, format, &options, &quiet).unwrap_or_default();
                println!("BENCH export_pdf_2000_releases_pages {} pages", pages(&pdf));
            }
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
        report("evidence", best_ms(|| together(&book, &[Output::Evidence], &options)));
    }
    println!("BENCH export_sum_of_formats_2000_releases {total:.1} ms");
    println!("BENCH export_sum_of_formats_2000_releases_cpu {total_cpu:.1} ms");
    if !(only.is_empty() || only == "all") {
        return;
    }
    let (ms, cpu, bytes) = best_ms(|| together(&book, &Output::ALL, &options));
    println!("BENCH export_all_formats_2000_releases {ms:.1} ms");
    println!("BENCH export_all_formats_2000_releases_cpu {cpu:.1} ms");
    println!("BENCH export_all_formats_2000_releases_size {:.1} MB", bytes as f64 / 1e6);
    // The same for a book of a size most teams have, for comparison.
    let small = relplan::generate::generate(200, 1);
    let (ms, cpu, _) = best_ms(|| together(&small, &Output::ALL, &options));
    println!("BENCH export_all_formats_200_releases {ms:.1} ms");
    println!("BENCH export_all_formats_200_releases_cpu {cpu:.1} ms");
}

/// Makes `outputs` in one run; the total size of what was made.
fn together(book: &relplan::model::Book, outputs: &[Output], options: &ExportOptions) -> usize {
    let quiet = |_: f32, _: &str| {};
    export_together(book, None, outputs, options, &quiet).iter().map(|(_, b)| b.as_ref().map_or(0, Vec::len)).sum()
}
