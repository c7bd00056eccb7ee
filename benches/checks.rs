//! Whole-book checks of a 2000-release book: the process rules R1–R20 and
//! G1, the structural checks, and one phase gate. Target: the process
//! rules in at most 20 ms.
//!
//! Run with `cargo bench --bench checks`. Prints `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them.

use jiff::civil::date;
use relplan::check::gate::gate;
use relplan::check::{process_findings, structural_findings};
use relplan::generate::generate;
use relplan::model::Phase;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = f();
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            last = f();
            t.elapsed()
        })
        .collect();
    (median(times), last)
}

/// CPU time this thread has used, in nanoseconds, where Linux tells it:
/// on a busy machine it measures the work, not the wait for a processor.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

fn main() {
    let today = date(2026, 11, 27);
    let book = generate(2000, 1);
    if std::env::var_os("TMP_PROFILE").is_some() {
        for _ in 0..200 {
            std::hint::black_box(process_findings(&book, today));
        }
        return;
    }
    let (process, findings) = time(31, || process_findings(&book, today));
    println!("BENCH checks_process_2000_median {:.2} ms", ms(process));
    println!("BENCH checks_process_2000_findings {} count", findings.len());
    if let Some(before) = cpu_ns() {
        let runs = 31;
        for _ in 0..runs {
            std::hint::black_box(process_findings(&book, today));
        }
        if let Some(after) = cpu_ns() {
            #[allow(clippy::cast_precision_loss, reason = "nanoseconds of a benchmark")]
            let per_run = (after - before) as f64 / f64::from(runs) / 1e6;
            println!("BENCH checks_process_2000_cpu {per_run:.2} ms");
        }
    }
    let (structural, _) = time(31, || structural_findings(&book));
    println!("BENCH checks_structural_2000_median {:.2} ms", ms(structural));
    let middle = book.releases.iter().find(|r| r.phase == Phase::BuildAndTest).map(|r| r.id.clone());
    if let Some(id) = middle {
        let (one, _) = time(31, || gate(&book, &id, Phase::Deployment, today));
        println!("BENCH gate_one_release_2000_median {:.2} ms", ms(one));
    }
}
