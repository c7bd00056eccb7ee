//! The calendar on a 1280 × 800 screen, where the projector theme's large
//! type leaves each day of the month room for one line: phases still show
//! as thin lanes and a freeze by its name, texts that do not fit end in
//! "…" (never cut mid-letter), counts of hidden items stay inside their
//! pill, the timeline's lanes all fit with their releases named and the
//! "Today" tag beside the months' names, and the week wraps a blackout's
//! name between words. Today is 2026-11-27 (the example book's November).

mod ui_calendar_support;
mod ui_support;

use egui::Rect;
use egui_kittest::kittest::Queryable;
use ui_calendar_support::{Painted, calendar_at, painted_texts, switch};

const THEMES: [&str; 3] = ["Light theme", "Dark theme", "Projector theme"];

/// The rectangles of the month's days.
fn day_cells(h: &egui_kittest::Harness<'static, relplan::ui::RelplanApp>) -> Vec<Rect> {
    h.query_all_by_role(egui::accesskit::Role::Cell).map(|n| n.rect()).collect()
}

/// Whether `inner` lies inside `outer`, give or take half a point.
fn inside(inner: Rect, outer: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

#[test]
fn a_cramped_projector_month_still_shows_each_days_phases_and_the_freeze_by_name() {
    let h = calendar_at(1280.0, 800.0, "Projector theme");
    // REL-5's Build & Test runs through the week of 16 November.
    let tuesday = h.get_by_label("Tue 17 Nov 2026").rect();
    let bars: Vec<Rect> = h.query_all_by_label_contains("Phase Build & Test of REL-5").map(|n| n.rect()).collect();
    assert!(
        bars.iter().any(|b| b.left() <= tuesday.center().x
            && tuesday.center().x <= b.right()
            && tuesday.top() <= b.top()
            && b.bottom() <= tuesday.bottom()),
        "REL-5's Build & Test shows across Tue 17 Nov: {bars:?} in {tuesday:?}"
    );
    assert!(bars.iter().all(|b| b.height() >= 3.0), "a thin lane is still a few points high: {bars:?}");
    // The Black Friday freeze covers Wed 25 Nov, a day without a deployment.
    let wednesday = h.get_by_label("Wed 25 Nov 2026").rect();
    let texts = painted_texts(&h);
    assert!(
        texts.iter().any(|t| t.text.starts_with("Black Friday") && wednesday.contains(t.rect.left_center())),
        "the freeze is named on Wed 25 Nov"
    );
    // Each deployment keeps its release's id.
    let sunday = h.get_by_label("Sun 15 Nov 2026").rect();
    assert!(
        texts.iter().any(|t| t.text.contains("REL-4") && inside(t.rect, sunday)),
        "DEP-12 of REL-4 on Sun 15 Nov says REL-4"
    );
}

/// Texts inside the month grid that are cut by their clip rectangle instead of ending in "…".
fn cut_mid_letter(texts: &[Painted], cells: &[Rect]) -> Vec<String> {
    texts
        .iter()
        .filter(|t| cells.iter().any(|c| c.contains(t.rect.center())))
        .filter(|t| t.rect.left() < t.clip.left() - 1.0 || t.rect.right() > t.clip.right() + 1.0)
        .map(|t| format!("{:?} ({:?} clipped to {:?})", t.text, t.rect, t.clip))
        .collect()
}

#[test]
fn month_texts_end_in_an_ellipsis_when_cut_and_counts_stay_in_their_pills() {
    for theme in THEMES {
        let h = calendar_at(1280.0, 800.0, theme);
        let cells = day_cells(&h);
        let texts = painted_texts(&h);
        let cut = cut_mid_letter(&texts, &cells);
        assert!(cut.is_empty(), "{theme}: cut mid-letter: {cut:#?}");
        assert!(
            texts.iter().any(|t| t.text.ends_with('…') && cells.iter().any(|c| c.contains(t.rect.center()))),
            "{theme}: some text in the grid is too long for its day and says so"
        );
        let pills: Vec<Rect> = h.query_all_by_label_contains(" more").map(|n| n.rect()).collect();
        assert!(!pills.is_empty(), "{theme}: some days have more than they show");
        for pill in pills {
            assert!(cells.iter().any(|c| inside(pill, *c)), "{theme}: the pill {pill:?} leaves its day");
            for t in texts.iter().filter(|t| pill.contains(t.rect.center())) {
                assert!(inside(t.rect, pill), "{theme}: {:?} ({:?}) spills out of its pill {pill:?}", t.text, t.rect);
            }
        }
    }
}

#[test]
fn every_timeline_lane_fits_with_its_releases_named_and_today_beside_the_months() {
    for theme in ["Light theme", "Projector theme"] {
        let mut h = calendar_at(1280.0, 800.0, theme);
        switch(&mut h, &["Timeline"]);
        let texts = painted_texts(&h);
        let today = texts.iter().find(|t| t.text == "Today").map(|t| t.rect).expect("the Today tag");
        for month in texts.iter().filter(|t| ["October", "November", "December"].contains(&t.text.as_str())) {
            assert!(!today.intersects(month.rect), "{theme}: Today {today:?} covers {:?} {:?}", month.text, month.rect);
        }
        let legend = h.get_by_label("Deployment").rect();
        for lane in ["Releases", "Milestones", "Development", "Test", "Staging", "Production", "Disaster recovery"] {
            let r = h.get_by_label(&format!("{lane} lane")).rect();
            assert!(
                r.bottom() <= legend.top() + 0.5,
                "{theme}: the {lane} lane {r:?} is below the view (legend at {legend:?})"
            );
        }
        let releases = h.get_by_label("Releases lane").rect();
        let named = texts
            .iter()
            .filter(|t| t.text.starts_with("REL-") && t.rect.center().y > releases.top())
            .filter(|t| t.rect.center().y < releases.bottom() && t.clip.contains(t.rect.center()))
            .count();
        assert!(named >= 3, "{theme}: the releases' bars carry their ids ({named} do)");
    }
}

#[test]
fn when_the_lanes_do_not_fit_the_timeline_says_so_and_scrolls_to_them() {
    let mut h = calendar_at(1280.0, 640.0, "Projector theme");
    switch(&mut h, &["Timeline"]);
    let legend = h.get_by_label("Deployment").rect();
    let in_view = |h: &egui_kittest::Harness<'static, relplan::ui::RelplanApp>| {
        h.query_by_label("Disaster recovery lane").is_some_and(|n| n.rect().bottom() <= legend.top() + 0.5)
    };
    assert!(!in_view(&h), "a screen this low cannot show every lane");
    let note = h.get_by_label("⬇ More lanes below").rect();
    h.hover_at(note.center_top() - egui::vec2(0.0, 10.0));
    h.run();
    for _ in 0..8 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(4);
    }
    h.remove_cursor();
    h.run_steps(4);
    assert!(in_view(&h), "scrolling brings the last lane into view");
    assert!(h.query_by_label("⬇ More lanes below").is_none(), "and the note goes once nothing is below");
}

#[test]
fn the_week_wraps_a_blackouts_name_between_words() {
    let mut h = calendar_at(1280.0, 800.0, "Projector theme");
    switch(&mut h, &["Week"]);
    let book = ui_support::book(&h);
    let name = book
        .blackouts
        .iter()
        .map(|b| b.name.clone())
        .find(|n| n == "Friday afternoon")
        .expect("the weekly Friday freeze");
    let words: Vec<&str> = name.split_whitespace().collect();
    let shown: Vec<String> =
        painted_texts(&h).into_iter().map(|t| t.text).filter(|t| t.starts_with("Friday")).collect();
    assert!(!shown.is_empty(), "the freeze is named on Friday");
    for text in &shown {
        for word in text.split_whitespace() {
            assert!(
                word.ends_with('…') || words.contains(&word),
                "{word:?} in {text:?} is a piece of a word of {name:?} without an ellipsis"
            );
        }
    }
}

#[test]
fn snapshot_month_projector_small_screen() {
    let mut h = calendar_at(1280.0, 800.0, "Projector theme");
    h.snapshot("calendar-month-projector-1280");
}

#[test]
fn snapshot_timeline_projector_small_screen() {
    let mut h = calendar_at(1280.0, 800.0, "Projector theme");
    switch(&mut h, &["Timeline"]);
    h.snapshot("calendar-timeline-projector-1280");
}
