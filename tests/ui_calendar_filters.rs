//! The calendar's filters and hover details as a person uses them, and a
//! snapshot of the year timeline.

mod ui_calendar_support;
mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::ui::RelplanApp;
use ui_calendar_support::{calendar, switch};

/// The releases whose items the calendar shows, from the items' names.
fn releases_shown(h: &Harness<'static, RelplanApp>) -> Vec<String> {
    let mut found: Vec<String> = h
        .query_all_by_label_contains(" of REL-")
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .filter_map(|l| l.split(" of ").nth(1).and_then(|r| r.split(' ').next()).map(str::to_owned))
        .collect();
    found.sort();
    found.dedup();
    found
}

fn pick(h: &mut Harness<'static, RelplanApp>, combo: &str, choice: &str) {
    h.get_by_label_contains(combo).click();
    h.run();
    h.get_by_label(choice).click();
    h.run();
    h.remove_cursor();
    h.run();
}

#[test]
fn the_release_filter_shows_one_release() {
    let mut h = calendar();
    assert!(releases_shown(&h).len() > 1, "several releases in November: {:?}", releases_shown(&h));
    pick(&mut h, "Release filter", "REL-4 Payments 2026.11.1");
    assert_eq!(releases_shown(&h), ["REL-4"]);
    h.get_by_label("Clear filters").click();
    h.run();
    assert!(releases_shown(&h).len() > 1, "cleared");
}

#[test]
fn the_release_type_filter_shows_releases_of_that_type() {
    let mut h = calendar();
    pick(&mut h, "Release type filter", "Minor");
    let shown = releases_shown(&h);
    assert!(shown.contains(&"REL-4".to_owned()), "REL-4 is a minor release: {shown:?}");
    assert!(shown.iter().all(|r| r == "REL-2" || r == "REL-4"), "only minor releases: {shown:?}");
}

#[test]
fn hover_details_note_the_items_own_zone_when_it_differs() {
    let mut h = calendar();
    pick(&mut h, "Show times in", "UTC");
    // Sunday 15 November: London is on UTC in winter, so the window reads the same.
    let dep = h.get_by_label_contains("Deployment DEP-12 of REL-4").rect().center();
    h.hover_at(dep);
    h.run_steps(40);
    assert!(
        h.query_by_label("Europe/London: Sun 15 Nov 2026 01:00–04:00").is_some(),
        "the deployment's own zone is noted in its details"
    );
}

#[test]
fn snapshot_year_timeline() {
    let mut h = calendar();
    switch(&mut h, &["Timeline", "Year"]);
    h.snapshot("calendar-timeline-year-light");
}
