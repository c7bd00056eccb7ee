//! Calendar benchmark on a 2000-release book (`generate(2000, 1)`):
//!
//! - whole-book conflict detection (sort and sweep), target ≤ 50 ms;
//! - the next free slot of a deployment;
//! - headless CPU time per frame of the month, week and timeline views,
//!   steady and while a deployment is dragged, target ≤ 2 ms median.
//!
//! Run with `cargo bench --bench calendar`. Prints `BENCH <name> <value> <unit>`
//! lines; BENCHMARKS.md records them. Today is fixed at 2026-11-27 (the
//! generator's "today") so that the views show the busiest stretch.
//! `frame_calendar_empty_baseline` is the same window with every kind of
//! item switched off and the conflicts panel hidden (release list, toolbar
//! and grid): the views' own cost is their figure minus this one.
//!
//! For profiling: `RELPLAN_BENCH_SKIP_CONFLICTS=1` skips the conflict
//! figures, `RELPLAN_BENCH_MONTH_ONLY=1` or `RELPLAN_BENCH_ENV_YEAR_ONLY=1`
//! times one view for longer.

mod support;

use support::{median_of as timed, ms};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::generate::generate;
use relplan::schedule::{ConflictKind, DeploymentRef, ScheduleIndex, detect, next_free_slot};
use relplan::ui::{CommandId, Prefs, RelplanApp};
use std::time::Duration;

fn conflicts(book: &relplan::model::Book) {
    let deployments: usize = book.releases.iter().map(|r| r.deployments.len()).sum();
    let steps: usize = book.releases.iter().flat_map(|r| &r.deployments).map(|d| d.steps.len()).sum();
    println!("# {} releases, {deployments} deployments, {steps} runbook steps", book.releases.len());
    let mut found = Vec::new();
    let detect_ms = timed(21, || found = detect(book));
    println!("BENCH conflicts_whole_book_median {:.2} ms", ms(detect_ms));
    for k in ConflictKind::ALL {
        println!("# {:<28} {}", k.label(), found.iter().filter(|c| c.kind == k).count());
    }
    let index = ScheduleIndex::build(book);
    let index_ms = timed(21, || drop(ScheduleIndex::build(book)));
    println!("BENCH schedule_index_build_median {:.2} ms", ms(index_ms));
    let busy = found.iter().find(|c| c.kind == ConflictKind::Environment).and_then(|c| c.deployments.last().cloned());
    if let Some(dep) = busy {
        let from = index.span.map_or(jiff::Timestamp::UNIX_EPOCH, |s| s.start);
        let mut slot = None;
        let slot_ms = timed(21, || slot = next_free_slot(book, &index, &dep, from));
        let DeploymentRef { deployment, .. } = dep;
        println!("BENCH next_free_slot_median {:.3} ms", ms(slot_ms));
        println!("# next free slot for {deployment}: {slot:?}");
    }
}

fn frames(h: &mut Harness<'static, RelplanApp>, n: usize) -> Duration {
    for _ in 0..5 {
        h.step();
    }
    timed(n, || h.step())
}

fn edits_made(h: &Harness<'static, RelplanApp>) -> usize {
    h.state().session().map_or(0, |s| s.doc.book().ledger.audit.len())
}

/// Drags a deployment on screen sideways (and a little down), one frame
/// per move, then drops it a step away and checks that the drop made an
/// edit, so that the figure is of a real drag; the edit is undone.
/// `None` when no deployment block is big enough to grab.
fn dragging(h: &mut Harness<'static, RelplanApp>, n: usize) -> Option<Duration> {
    let (label, rect) = h
        .query_all_by_label_contains("Deployment DEP-")
        .map(|node| (format!("{:?}", node.accesskit_node().label()), node.rect()))
        .find(|(_, r)| r.width() >= 6.0 && r.height() >= 6.0 && r.top() > 150.0 && r.bottom() < 860.0)?;
    let from = rect.center();
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    let before = edits_made(h);
    let mut i = 0;
    let d = timed(n, || {
        i += 1;
        let dx = ((i % 40) as f32 - 20.0) * 3.0;
        h.hover_at(from + egui::vec2(dx, (i % 7) as f32));
        h.step();
    });
    let to = from + egui::vec2(rect.width().max(40.0), 24.0);
    h.hover_at(to);
    h.step();
    h.drop_at(to);
    h.step();
    h.step();
    assert_eq!(edits_made(h), before + 1, "the drag of {label} did not become an edit: the figure is not of a drag");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.step();
    h.remove_cursor();
    h.step();
    Some(d)
}

fn main() {
    // SAFETY: set before any harness starts a thread that reads them.
    unsafe {
        std::env::set_var("RELPLAN_TODAY", "2026-11-27");
        std::env::set_var("TZ", "Europe/London");
        let dir = std::env::temp_dir().join(format!("relplan-bench-calendar-{}", std::process::id()));
        std::env::set_var("RELPLAN_CONFIG_DIR", dir.join("config"));
        std::env::set_var("RELPLAN_DATA_DIR", dir.join("data"));
    }
    let book = generate(2000, 1);
    // RELPLAN_BENCH_SKIP_CONFLICTS=1 times the frames only (for profiling).
    if std::env::var_os("RELPLAN_BENCH_SKIP_CONFLICTS").is_none() {
        conflicts(&book);
    }
    let mut h = Harness::builder().with_size(egui::vec2(1400.0, 900.0)).build_eframe(move |cc| {
        let mut app = RelplanApp::with_book(&cc.egui_ctx, Prefs::default(), book.clone());
        app.run_command(CommandId::ViewCalendar);
        app
    });
    h.run_steps(3);
    // The app around an empty calendar: the release list, the toolbar and the month grid.
    h.get_by_label("Hide conflicts").click();
    h.step();
    for kind in ["Phases", "Milestones", "Deployments", "Blackouts", "Maintenance windows"] {
        if h.query_by_label(kind).is_none() {
            h.get_by_label_contains("Showing").click();
            h.run();
        }
        h.get_by_label(kind).click();
        h.run();
    }
    h.key_press(egui::Key::Escape);
    h.remove_cursor();
    println!("BENCH frame_calendar_empty_baseline_median {:.2} ms", ms(frames(&mut h, 200)));
    h.get_by_label("Clear filters").click();
    h.step();
    h.get_by_label("Show conflicts").click();
    h.step();
    h.remove_cursor();
    println!("BENCH frame_calendar_month_median {:.2} ms", ms(frames(&mut h, 200)));
    if let Some(d) = dragging(&mut h, 200) {
        println!("BENCH frame_calendar_month_dragging_median {:.2} ms", ms(d));
    }
    if std::env::var_os("RELPLAN_BENCH_ENV_YEAR_ONLY").is_some() {
        for l in ["Timeline", "Year"] {
            h.get_by_label(l).click();
            h.step();
        }
        h.remove_cursor();
        println!("# environments, year: {:.2} ms", ms(frames(&mut h, 1000)));
        return;
    }
    if std::env::var_os("RELPLAN_BENCH_MONTH_ONLY").is_some() {
        let more = ms(frames(&mut h, 2000));
        println!("# month again: {more:.2} ms");
        return;
    }
    for (labels, name) in [
        (&["Week"][..], "week"),
        (&["Timeline"][..], "timeline_environments"),
        (&["By release"][..], "timeline_releases"),
        (&["Year"][..], "timeline_releases_year"),
        (&["By environment"][..], "timeline_environments_year"),
    ] {
        for l in labels {
            h.get_by_label(l).click();
            h.step();
        }
        h.remove_cursor();
        println!("BENCH frame_calendar_{name}_median {:.2} ms", ms(frames(&mut h, 200)));
        if let Some(d) = dragging(&mut h, 200) {
            println!("BENCH frame_calendar_{name}_dragging_median {:.2} ms", ms(d));
        }
    }
}
