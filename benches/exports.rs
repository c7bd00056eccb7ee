//! Export benchmark: every format of a `relplan gen --releases 2000` book.
//!
//! Run with `cargo bench --bench exports`. Prints one
//! `BENCH export_<format>_2000_releases <ms> ms` line per format and
//! `BENCH export_all_formats_2000_releases <ms> ms`, their sum (budget:
//! 2 s). Each format is timed three times in wall-clock time and the best
//! run is kept, so that other programs on a shared machine disturb the
//! figure as little as possible; `_cpu` lines give that run's CPU time
//! over all the process's threads, which other programs do not inflate. CSV is all five tables; the evidence pack
//! is built in memory as a zip (PDF, HTML, CSVs, ICS, book, manifest).
//! PNG is a picture of the window and is not part of this benchmark.
//! `export_all_formats_200_releases` times the same for a 200-release book
//! (CSV: the risk register only).

use relplan::export::{self, ExportOptions, Format, TableKind, evidence};
use std::time::{Duration, Instant};

/// CPU time used by the whole process so far (all its threads).
#[cfg(target_os = "linux")]
fn cpu_now() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the pointer given.
    let ok = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0;
    if ok { Duration::new(t.sec.max(0) as u64, t.nsec.clamp(0, 999_999_999) as u32) } else { Duration::ZERO }
}

/// Wall-clock time elsewhere.
#[cfg(not(target_os = "linux"))]
fn cpu_now() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

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
    // `cargo bench --bench exports -- pdf` times only the formats whose name contains "pdf".
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
        report(
            "evidence",
            best_ms(|| {
                let files = evidence::files(&book, None, &options, &quiet).unwrap_or_default();
                evidence::zip_bytes(&files, None).map_or(0, |b| b.len())
            }),
        );
    }
    println!("BENCH export_all_formats_2000_releases {total:.1} ms");
    println!("BENCH export_all_formats_2000_releases_cpu {total_cpu:.1} ms");
    // The same for a book of a size most teams have, for comparison.
    let small = relplan::generate::generate(200, 1);
    let (ms, cpu, _) = best_ms(|| {
        let mut bytes = 0;
        for format in
            [Format::Html, Format::Pdf, Format::Markdown, Format::Xlsx, Format::Json, Format::Ics, Format::Csv]
        {
            bytes += export::export(&small, format, &options, &quiet).map_or(0, |b| b.len());
        }
        let files = evidence::files(&small, None, &options, &quiet).unwrap_or_default();
        bytes + evidence::zip_bytes(&files, None).map_or(0, |b| b.len())
    });
    println!("BENCH export_all_formats_200_releases {ms:.1} ms");
    println!("BENCH export_all_formats_200_releases_cpu {cpu:.1} ms");
}
