//! Slides use the room they have, on a 1080p projector and on a 1280 × 800
//! laptop: the CAB's whole condition on the approvals slide, every key date
//! and every finding of Payments 2027.01.1 without "and N more", the gate
//! in words a CAB reads the same way on the findings and go/no-go slides,
//! and rows folded into "and N more" only when the slide truly runs out of
//! room (the presenter zoomed in), never past its footer.

mod ui_support;

use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

const PROJECTOR: egui::Vec2 = egui::vec2(1920.0, 1080.0);
const LAPTOP: egui::Vec2 = egui::vec2(1280.0, 800.0);

const CONDITION: &str = "Authorised at CAB on 18 November 2026 (RFC-2166), on condition that the peak-volume \
                         performance test passes before the staging rehearsal.";

/// The "and N more" lines on the slide, as they read.
fn folded(h: &H) -> Vec<String> {
    let text = |n: &egui_kittest::Node<'_>| n.accesskit_node().label().or_else(|| n.accesskit_node().value());
    let is_more = |t: &str| {
        t.strip_prefix("and ").and_then(|r| r.strip_suffix(" more")).is_some_and(|k| k.parse::<usize>().is_ok())
    };
    h.query_all_by_label_contains(" more").filter_map(|n| text(&n)).filter(|t| is_more(t)).collect()
}

/// Asserts that `text` is shown, whole, above the slide's footer.
fn shows_on_the_slide(h: &H, text: &str, n: usize) {
    let node = h.get_by_label(text);
    let footer = h.get_by_label(&format!("Slide {n} of 11")).rect().top();
    assert!(node.rect().bottom() <= footer, "“{text}” ends at {} below the footer at {footer}", node.rect().bottom());
}

#[test]
fn the_approvals_slide_shows_the_cab_condition_whole_at_both_sizes() {
    for size in [PROJECTOR, LAPTOP] {
        let h = ui_support::presenting_rel_5(size, 8);
        shows_on_the_slide(&h, CONDITION, 8);
        assert_eq!(folded(&h), Vec::<String>::new(), "at {size:?}");
    }
}

#[test]
fn the_key_dates_slide_lists_every_date_ahead_at_both_sizes() {
    for size in [PROJECTOR, LAPTOP] {
        let h = ui_support::presenting_rel_5(size, 3);
        h.get_by_label("Schedule");
        assert_eq!(folded(&h), Vec::<String>::new(), "at {size:?}");
        shows_on_the_slide(&h, "Peak-volume performance test", 3);
        shows_on_the_slide(&h, "Disaster recovery brought to the new baseline", 3);
    }
}

#[test]
fn the_findings_slide_lists_every_finding_and_says_the_gate_in_checks() {
    for size in [PROJECTOR, LAPTOP] {
        let h = ui_support::presenting_rel_5(size, 10);
        assert_eq!(folded(&h), Vec::<String>::new(), "at {size:?}");
        shows_on_the_slide(&h, "The day the baseline was recorded is not set.", 10);
        shows_on_the_slide(&h, "Marta Silva has not agreed the schedule yet.", 10);
        h.get_by_label("gate to Deployment: 15 of 21 checks pass; 9 findings block it");
        assert_eq!(h.query_all_by_label("⚠ Blocks the gate").count(), 9);
        assert!(h.query_by_label_contains("criteria met").is_none(), "the gate counts checks, not criteria");
    }
}

#[test]
fn the_go_no_go_slide_shows_what_blocks_instead_of_zero_errors() {
    let h = ui_support::presenting_rel_5(PROJECTOR, 11);
    h.get_by_label("acceptance criteria met");
    h.get_by_label("⚠ 9");
    h.get_by_label("findings block the gate to Deployment");
    assert!(h.query_by_label("check errors").is_none(), "no “0 check errors” while the gate is blocked");
}

#[test]
fn rows_fold_into_and_more_only_when_the_zoomed_slide_runs_out_of_room() {
    let mut h = ui_support::presenting_rel_5(LAPTOP, 10);
    for _ in 0..3 {
        h.key_press(Key::Plus);
        h.run();
    }
    let more = folded(&h);
    assert_eq!(more.len(), 1, "the findings table folds: {more:?}");
    shows_on_the_slide(&h, &more[0], 10);
    shows_on_the_slide(&h, "The day the baseline was recorded is not set.", 10);
    assert!(h.query_by_label("Marta Silva has not agreed the schedule yet.").is_none(), "the last finding is folded");
    // Back at the fitted size, every finding is there again.
    h.key_press(Key::Num0);
    h.run();
    assert_eq!(folded(&h), Vec::<String>::new());
    h.get_by_label("Marta Silva has not agreed the schedule yet.");
}
