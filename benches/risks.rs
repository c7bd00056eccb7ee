//! Risk register benchmark: the risk view (heat maps and register) on a
//! 2000-release book with about 20,000 risks, headless, plus the pure
//! filtering, sorting and matrix work it caches.
//!
//! Run with `cargo bench --bench risks`. Prints `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them. The budget is 2 ms median CPU per frame.
//!
//! Times are this thread's CPU time (the harness runs frames on the calling
//! thread), so other programs on a busy machine do not inflate them. Three
//! figures per case:
//! - `frame_*`: the whole harness step, which includes the test harness
//!   reading egui's accessibility tree (the app itself only builds that
//!   tree when a screen reader asks for it), so it is pessimistic;
//! - `app_*`: the app's own frame code (menus, release list, view);
//! - `risks_view_*`: `app_*` minus the same app showing an empty centre,
//!   which is what the risk view itself costs.

mod support;

use support::{median, ms, thread_cpu as cpu_now};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::generate::generate;
use relplan::model::{Book, Id};
use relplan::risk::{self, Column, Filter, Sort, Which};
use relplan::ui::{CommandId, Prefs, RelplanApp};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// The app, with the CPU time of its last frame's code.
struct Timed {
    app: RelplanApp,
    last: Rc<Cell<Duration>>,
}

impl eframe::App for Timed {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let start = cpu_now();
        self.app.ui(ui, frame);
        self.last.set(cpu_now() - start);
    }
}

/// A harness on the book with no release selected, showing `view`.
fn harness(book: &Book, view: Option<CommandId>) -> (Harness<'static, Timed>, Rc<Cell<Duration>>) {
    let book = book.clone();
    let last = Rc::new(Cell::new(Duration::ZERO));
    let timer = last.clone();
    let mut h = Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(move |cc| {
        let mut app = RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), book.clone());
        // No release selected: the centre of the release view stays empty.
        app.select_release(Id::from("REL-NONE"));
        if let Some(cmd) = view {
            app.run_command(cmd);
        }
        Timed { app, last: timer.clone() }
    });
    for _ in 0..10 {
        h.step();
    }
    (h, last)
}

/// Steps `n` frames, each after `before` (an input event, say), and
/// returns the medians of (whole step, app code) CPU time.
fn measure(
    h: &mut Harness<'static, Timed>,
    last: &Rc<Cell<Duration>>,
    n: usize,
    mut before: impl FnMut(&mut Harness<'static, Timed>),
) -> (Duration, Duration, Duration) {
    let mut steps = Vec::with_capacity(n);
    let mut apps = Vec::with_capacity(n);
    for _ in 0..n {
        before(h);
        let t = cpu_now();
        h.step();
        steps.push(cpu_now() - t);
        apps.push(last.get());
    }
    let worst = apps.iter().max().copied().unwrap_or_default();
    (median(steps), median(apps), worst)
}

fn report(name: &str, (step, app, worst): (Duration, Duration, Duration), baseline: Duration) {
    println!("BENCH frame_{name}_median {:.2} ms", ms(step));
    println!("BENCH app_{name}_median {:.2} ms", ms(app));
    println!("BENCH app_{name}_max {:.2} ms", ms(worst));
    println!("BENCH risks_view_{name}_median {:.2} ms", ms(app.saturating_sub(baseline)));
}

fn main() {
    let book = generate(2000, 1);
    println!("BENCH risks_in_book {} risks", book.risks.len());

    // The pure work behind the first frame after a change: filter, sort, two matrices.
    let today = jiff::civil::date(2026, 11, 27);
    let pure: Vec<Duration> = (0..20)
        .map(|_| {
            let t = cpu_now();
            let sort = Sort { column: Column::Title, descending: false };
            let rows = risk::rows(&book, &Filter::default(), sort, today);
            let members = risk::members(&book, &Filter::default(), today);
            let m = risk::matrix(&book.risks, &members, Which::Inherent, &book.policy.risk);
            let r = risk::matrix(&book.risks, &members, Which::Residual, &book.policy.risk);
            std::hint::black_box((rows, m, r));
            cpu_now() - t
        })
        .collect();
    println!("BENCH risks_rows_sorted_by_title_and_matrices_median {:.2} ms", ms(median(pure)));

    let (mut shell, shell_last) = harness(&book, None);
    let (_, baseline, _) = measure(&mut shell, &shell_last, 200, |_| {});
    println!("BENCH app_shell_without_view_median {:.2} ms", ms(baseline));
    drop(shell);

    let (mut h, last) = harness(&book, Some(CommandId::ViewRisks));
    report("side_by_side", measure(&mut h, &last, 200, |_| {}), baseline);

    // Scroll the register with the mouse wheel, as the release list benchmark does.
    h.hover_at(egui::pos2(900.0, 780.0));
    let wheel = |h: &mut Harness<'static, Timed>| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -240.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
    };
    report("register_scroll", measure(&mut h, &last, 300, wheel), baseline);

    // A new order: the click, then the one frame that sorts 20,000 risks again.
    h.get_by_label("Sort by title").click();
    let resort = (0..3)
        .map(|_| {
            h.step();
            last.get()
        })
        .max()
        .unwrap_or_default();
    println!("BENCH app_risks_resort_by_title {:.2} ms", ms(resort));
    h.remove_cursor();

    h.get_by_label("Arrows").click();
    h.run();
    for _ in 0..5 {
        h.step();
    }
    report("arrows", measure(&mut h, &last, 200, |_| {}), baseline);
}
