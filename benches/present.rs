//! The walkthrough on a 2000-release book: building the deck of the
//! upcoming releases (which happens again after each decision taken in the
//! room), and a headless frame of a slide at 1920 × 1080.
//!
//! Run with `cargo bench --bench present`. Prints `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them.

mod support;

use support::{median, ms};

use egui_kittest::Harness;
use relplan::generate::generate;
use relplan::present::{Scope, deck};
use relplan::ui::{Prefs, RelplanApp};
use std::time::{Duration, Instant};

fn main() {
    let today = jiff::civil::date(2026, 11, 27);
    let book = generate(2000, 1);
    let findings = relplan::check::all_findings(&book, today);
    let times: Vec<Duration> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let d = deck(&book, &Scope::Upcoming, today, &findings);
            let elapsed = t.elapsed();
            assert!(!d.slides.is_empty());
            elapsed
        })
        .collect();
    println!("BENCH present_deck_upcoming_2000_median {:.2} ms", ms(median(times)));

    // The schedule slide has the most to draw: step through the slides once,
    // then time frames standing on each kind.
    let mut harness = Harness::builder().with_size(egui::vec2(1920.0, 1080.0)).build_eframe(move |cc| {
        let mut app = RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), book.clone());
        app.start_presenting(Scope::Upcoming);
        app
    });
    for _ in 0..5 {
        harness.step();
    }
    assert!(harness.state().is_presenting());
    let mut frames = Vec::new();
    for _ in 0..12 {
        harness.key_press(egui::Key::ArrowRight);
        harness.step();
        for _ in 0..10 {
            let t = Instant::now();
            harness.step();
            frames.push(t.elapsed());
        }
    }
    let worst = frames.iter().max().copied().unwrap_or_default();
    println!("BENCH present_frame_1080p_median {:.2} ms", ms(median(frames)));
    println!("BENCH present_frame_1080p_max {:.2} ms", ms(worst));
}
