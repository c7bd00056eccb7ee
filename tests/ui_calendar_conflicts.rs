//! The conflicts panel's "Show": the calendar opens the week the conflict
//! starts in (where no deployment hides behind a "+N" count), gives the
//! first deployment the keyboard focus and highlights every party to the
//! conflict. A focus that cannot be given is dropped, not kept for later.

mod ui_calendar_support;
mod ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use relplan::model::{Book, Id};
use relplan::ui::RelplanApp;
use ui_calendar_support::{calendar, fixed_day};

fn focused(h: &Harness<'static, RelplanApp>, label: &str) -> bool {
    h.get_by_label_contains(label).accesskit_node().is_focused()
}

/// The example book with five more deployments of REL-5 on Tuesday
/// 24 November 2026, all to DEP-14's environment at DEP-14's time: the
/// month's day cell has no room for them all.
fn crowded() -> Book {
    let mut book = relplan::templates::example().expect("example");
    let Some(r) = book.releases.iter_mut().find(|r| r.id.as_str() == "REL-5") else { panic!("REL-5") };
    let Some(base) = r.deployments.iter().find(|d| d.id.as_str() == "DEP-14").cloned() else { panic!("DEP-14") };
    for n in 0..5 {
        let mut d = base.clone();
        d.id = Id::from(format!("DEP-9{n}").as_str());
        d.name = format!("Extra wave {n}");
        d.steps.clear();
        r.deployments.push(d);
    }
    book
}

fn crowded_calendar() -> Harness<'static, RelplanApp> {
    fixed_day();
    let mut h = ui_support::app_with(crowded());
    h.run();
    h.get_by_label("Calendar").click();
    h.run();
    // Tuesday 24 November is three days before today.
    h.get_by_label("Include past").click();
    h.run();
    h
}

/// The deployments the conflicts panel offers to show.
fn offered(h: &Harness<'static, RelplanApp>) -> Vec<String> {
    h.query_all_by_label_contains("Show DEP-")
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .filter_map(|l| l.strip_prefix("Show ").and_then(|l| l.strip_suffix(" on the calendar")).map(str::to_owned))
        .collect()
}

#[test]
fn show_opens_the_week_focuses_the_deployment_and_highlights_every_party() {
    let mut h = crowded_calendar();
    h.get_by_label_contains("Conflict kind").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Same environment").click();
    h.run();
    let first = offered(&h).first().cloned().expect("an overlap");
    h.get_all_by_label(&format!("Show {first} on the calendar")).next().expect("its button").click();
    h.run();
    assert!(h.query_by_label_contains("Week 48 ·").is_some(), "the week of the conflict, 23–29 Nov 2026");
    assert!(focused(&h, &format!("Deployment {first} ")), "{first} has the keyboard focus");
    let highlighted: Vec<String> = h
        .query_all_by_label_contains(", highlighted")
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .collect();
    // The six deployments at DEP-14's time are one overlap: every one is a party to it.
    assert_eq!(highlighted.len(), 6, "every deployment of the overlap: {highlighted:?}");
    assert!(highlighted.iter().any(|l| l.starts_with(&format!("Deployment {first} "))));
    h.get_by_label("Later").click();
    h.run();
    assert!(h.query_by_label_contains(", highlighted").is_none(), "another week ends the highlight");
}

#[test]
fn show_reaches_a_deployment_the_month_hides_behind_a_count() {
    let mut h = crowded_calendar();
    let hidden = offered(&h)
        .into_iter()
        .find(|d| h.query_by_label_contains(&format!("Deployment {d} ")).is_none())
        .expect("a deployment in conflict that the month hides behind “+N”");
    h.get_all_by_label(&format!("Show {hidden} on the calendar")).next().expect("its button").click();
    h.run();
    assert!(focused(&h, &format!("Deployment {hidden} ")), "shown in the week, with the focus");
}

#[test]
fn a_focus_that_cannot_be_given_is_dropped() {
    let mut h = calendar();
    h.get_by_label("Include past").click();
    h.run();
    h.get_by_label_contains("Showing").click();
    h.run();
    h.get_by_label("Deployments").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Show DEP-7 on the calendar").click();
    h.run();
    assert!(h.query_by_label_contains("Deployment DEP-7 ").is_none(), "deployments are filtered out");
    h.get_by_label("Clear filters").click();
    h.run();
    assert!(!focused(&h, "Deployment DEP-7 "), "the focus is not given later, when it would surprise");
}
