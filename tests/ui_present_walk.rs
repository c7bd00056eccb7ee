//! Every slide of every release of the example book, reached as a
//! presenter reaches them: pick the release in the list, F5, and the keys
//! a clicker sends; and what F5 presents when no release is picked, with
//! the footer that tells the room where it is and what time it is.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::model::Id;
use relplan::present::{Scope, deck};
use ui_support::{app_with_example, book};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// The deck the window should be showing, built from the same book.
fn expected(h: &H, scope: Scope) -> relplan::present::Deck {
    let b = book(h);
    let today = relplan::ui::today();
    let findings = relplan::check::all_findings(&b, today);
    deck(&b, &scope, today, &findings)
}

/// Walks the deck on screen from its first slide to its last with `keys`
/// in turn, checking each slide's number and title.
fn walk(h: &mut H, d: &relplan::present::Deck, keys: &[Key]) {
    let n = d.slides.len();
    for (i, slide) in d.slides.iter().enumerate() {
        if i > 0 {
            press(h, keys[i % keys.len()]);
        }
        h.get_by_label(&format!("Slide {} of {n}", i + 1));
        assert!(
            h.query_all_by_label(&slide.title).next().is_some(),
            "slide {} of {} shows its title “{}”",
            i + 1,
            d.title,
            slide.title
        );
    }
}

#[test]
fn a_presenter_reaches_every_slide_of_every_release_of_the_example_book() {
    let mut h = app_with_example();
    h.run();
    let releases: Vec<(Id, String)> = book(&h).releases.iter().map(|r| (r.id.clone(), r.name.clone())).collect();
    assert_eq!(releases.len(), 6, "the example has six releases");
    let mut slides = 0;
    for (id, name) in releases {
        h.get_by_label_contains(&format!("{name} —")).click();
        h.run();
        press(&mut h, Key::F5);
        assert!(h.state().is_presenting(), "F5 presents {id}");
        let d = expected(&h, Scope::Release(id.clone()));
        assert!(d.slides.len() >= 9, "{id} has every kind of slide: {}", d.slides.len());
        assert!(d.slides.iter().all(|s| s.release.as_ref() == Some(&id)), "only {id}'s slides");
        walk(&mut h, &d, &[Key::ArrowRight, Key::PageDown, Key::Space]);
        slides += d.slides.len();
        press(&mut h, Key::Escape);
        assert!(!h.state().is_presenting(), "Esc leaves {id}'s walkthrough");
    }
    assert_eq!(slides, 58, "the example's six decks");
}

#[test]
fn f5_with_no_release_selected_presents_the_upcoming_releases() {
    let mut h = app_with_example();
    h.run();
    // A release duplicated (and selected), then the duplication undone: none is selected.
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("No release selected");
    press(&mut h, Key::F5);
    assert!(h.state().is_presenting());
    let d = expected(&h, Scope::Upcoming);
    assert_eq!(d.title, "Upcoming releases");
    assert_eq!(d.releases, [Id::from("REL-4"), Id::from("REL-5"), Id::from("REL-6")]);
    h.get_by_label("Slide 1 of 32");
    h.get_by_label("REL-4 Payments 2026.11.1");
    h.get_by_label("REL-6 Payments 2027.03.1");
    // Through the agenda and every release, with the other keys a clicker may send.
    press(&mut h, Key::End);
    h.get_by_label("Slide 32 of 32");
    press(&mut h, Key::Home);
    walk(&mut h, &d, &[Key::ArrowDown, Key::Enter]);
}

#[test]
fn the_footer_shows_the_time_of_day_and_where_the_room_is() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present upcoming releases").click();
    h.run();
    // The book's clock is fixed in these tests; the footer shows it in the local zone.
    let now = h.state().session().expect("a book").doc.now();
    let time = now.to_zoned(jiff::tz::TimeZone::system()).strftime("%H:%M").to_string();
    let label = format!("Time {time}");
    let clock = h.get_by_label(&label).rect();
    // The window is 1400 × 900.
    assert!(clock.bottom() > 820.0 && clock.right() > 1240.0, "bottom right of the slide: {clock:?}");
    h.get_by_label("Slide 1 of 32");
    h.get_by_label("➡ next   G all slides   D decide   N notes   Esc leave");
}
