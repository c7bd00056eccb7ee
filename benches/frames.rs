//! Headless frame benchmark: the release list and the release form on a
//! 2000-release book, without a window.
//!
//! Run with `cargo bench --bench frames`. Prints `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them.

mod support;

use support::{median, ms};

use egui_kittest::Harness;
use relplan::generate::generate;
use relplan::ui::{Prefs, RelplanApp};
use std::time::{Duration, Instant};

fn main() {
    let book = generate(2000, 1);
    let middle = book.releases[1000].id.clone();
    let mut harness = Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(move |cc| {
        let mut app = RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), book.clone());
        app.select_release(middle.clone());
        app
    });
    for _ in 0..10 {
        harness.step();
    }
    let steady: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            harness.step();
            t.elapsed()
        })
        .collect();
    println!("BENCH frame_list_and_form_median {:.2} ms", ms(median(steady)));

    // Scroll the release list from top to bottom with the mouse wheel.
    let over_list = egui::pos2(150.0, 450.0);
    harness.hover_at(over_list);
    let scrolling: Vec<Duration> = (0..300)
        .map(|_| {
            harness.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -240.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            });
            let t = Instant::now();
            harness.step();
            t.elapsed()
        })
        .collect();
    let worst = scrolling.iter().max().copied().unwrap_or_default();
    let worst_at = scrolling.iter().position(|d| *d == worst).unwrap_or_default();
    let mut sorted = scrolling.clone();
    sorted.sort();
    let p95 = sorted[sorted.len() * 95 / 100];
    println!("BENCH frame_list_scroll_p95 {:.2} ms", ms(p95));
    eprintln!("worst scroll frame: number {worst_at} of {}", scrolling.len());
    println!("BENCH frame_list_scroll_median {:.2} ms", ms(median(scrolling)));
    println!("BENCH frame_list_scroll_max {:.2} ms", ms(worst));
}
