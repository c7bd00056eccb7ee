//! Store and edit benchmarks on a generated book of about 10 MB.
//!
//! Run with `cargo bench --bench store`. Each result is printed as
//! `BENCH <name> <value> <unit>`; BENCHMARKS.md records them.

mod support;

use support::median_of as time;

use relplan::edit::{Document, Edit, Path};
use relplan::generate::generate;
use relplan::store::{parse, to_text, write_atomic};
use std::time::Instant;

/// Measures load and save of a generated book of `releases` releases.
fn load_and_save(label: &str, releases: usize) {
    let book = generate(releases, 1);
    let text = to_text(&book).expect("the generated book serializes");
    println!("BENCH book_{label}_size {:.1} MB", text.len() as f64 / 1e6);
    let load = time(5, || parse(text.as_bytes(), std::path::Path::new("bench.ron")).expect("parses"));
    println!("BENCH load_{label} {:.1} ms", load.as_secs_f64() * 1e3);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.ron");
    let save = time(5, || {
        let t = to_text(&book).expect("serializes");
        write_atomic(&path, t.as_bytes()).expect("writes");
    });
    println!("BENCH save_{label} {:.1} ms", save.as_secs_f64() * 1e3);
}

fn main() {
    // About 10 MB of book file: the size the targets are set for.
    load_and_save("10mb", 330);
    // 2000 releases with all their parts and about 10 risks each.
    load_and_save("2000_releases", 2000);

    let book = generate(2000, 1);
    let mut doc = Document::new(book);
    let last = doc.book().releases.last().map(|r| r.id.clone()).expect("a release");
    let at = Path::root().item("releases", &last);
    let edits: Vec<Edit> =
        (0..1000).map(|i| Edit::set(at.clone(), "summary", &format!("Summary {i}")).expect("an edit")).collect();
    let before = doc.history().heap_bytes();
    let start = Instant::now();
    for e in edits {
        doc.apply(e).expect("applies");
    }
    let apply = start.elapsed() / 1000;
    let per_edit = (doc.history().heap_bytes() - before) / 1000;
    let start = Instant::now();
    for _ in 0..1000 {
        doc.undo().expect("undoes");
    }
    let undo = start.elapsed() / 1000;
    println!("BENCH apply_field_edit_2000_releases {:.1} us", apply.as_secs_f64() * 1e6);
    println!("BENCH undo_field_edit_2000_releases {:.1} us", undo.as_secs_f64() * 1e6);
    println!("BENCH history_bytes_per_field_edit {per_edit} bytes");
}
