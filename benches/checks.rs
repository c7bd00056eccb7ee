//! Whole-book checks of a 2000-release book: the process rules R1–R20 and
//! G1, the structural checks, both together (what the window re-runs after
//! every edit), and one phase gate. Target: the whole book in at most 20 ms.
//!
//! Run with `cargo bench --bench checks`. Prints `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them.

mod support;

use support::{ms, time};

use jiff::civil::date;
use relplan::check::gate::gate;
use relplan::check::{process_findings, structural_findings};
use relplan::generate::generate;
use relplan::model::Phase;

fn main() {
    let today = date(2026, 11, 27);
    let book = generate(2000, 1);
    let (process, fastest, findings) = time(31, || process_findings(&book, today));
    println!("BENCH checks_process_2000_median {:.2} ms", ms(process));
    println!("BENCH checks_process_2000_min {:.2} ms", ms(fastest));
    println!("BENCH checks_process_2000_findings {} count", findings.len());
    let (structural, fastest, _) = time(31, || structural_findings(&book));
    println!("BENCH checks_structural_2000_median {:.2} ms", ms(structural));
    println!("BENCH checks_structural_2000_min {:.2} ms", ms(fastest));
    let (whole, fastest, _) = time(31, || relplan::check::all_findings(&book, today));
    println!("BENCH checks_whole_book_2000_median {:.2} ms", ms(whole));
    println!("BENCH checks_whole_book_2000_min {:.2} ms", ms(fastest));
    let middle = book.releases.iter().find(|r| r.phase == Phase::BuildAndTest).map(|r| r.id.clone());
    if let Some(id) = middle {
        let (one, _, _) = time(31, || gate(&book, &id, Phase::Deployment, today));
        println!("BENCH gate_one_release_2000_median {:.2} ms", ms(one));
    }
}
