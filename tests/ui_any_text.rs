//! Any text a person may type or paste (emoji joined with zero-width
//! joiners, CJK, right-to-left scripts, stacks of combining marks, a line of
//! 100,000 characters) goes into every text field of the release form, and
//! the window lays it out and draws it without a panic. A character no
//! font has is drawn as a box, as in the shipped window.

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{AccessKitNode, NodeT, Queryable};
use ui_support::{app_with_example_as_shipped, book};

/// The release form's sections, as their headers read.
const SECTIONS: [&str; 11] = [
    "Overview",
    "Scope and changes",
    "Deliverables and configuration items",
    "Deployments and runbook",
    "Acceptance criteria and approvals",
    "Go/no-go",
    "Backout plan",
    "Communications and stakeholders",
    "Decisions and waivers",
    "Risks",
    "Review and close",
];

fn samples() -> Vec<(&'static str, String)> {
    vec![
        ("emoji with joiners", "👩\u{200d}👩\u{200d}👧\u{200d}👦 🏳\u{fe0f}\u{200d}🌈 👍🏽 🧑🏿\u{200d}💻 ❤\u{fe0f}\u{200d}🔥".to_owned()),
        ("CJK", "リリース計画の承認 릴리스 계획 发布计划与回退方案".to_owned()),
        ("right-to-left", "خطة الإصدار والتراجع — תוכנית שחרור 2027".to_owned()),
        ("combining marks", "Z\u{324}\u{354}\u{367}\u{311}\u{313}a\u{308}\u{356}\u{32d} e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} \u{e01}\u{e34}\u{e48}".to_owned()),
        ("control characters", "tab\there\u{0}nul\u{7f}\u{202e}reversed\u{200b}".to_owned()),
        ("a 100,000-character line", "Долгий план 発表 🚀 ".repeat(6_250)),
    ]
}

/// Whether a node is a text field of the form (not the release search).
fn is_field(n: &AccessKitNode<'_>) -> bool {
    matches!(n.role(), Role::TextInput | Role::MultilineTextInput) && n.label().as_deref() != Some("Find release")
}

fn text_fields(h: &egui_kittest::Harness<'static, relplan::ui::RelplanApp>) -> usize {
    h.query_all_by(is_field).count()
}

fn type_into(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>, i: usize, text: &str) {
    let Some(field) = h.query_all_by(is_field).nth(i) else { return };
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    if let Some(field) = h.query_all_by(is_field).nth(i) {
        field.type_text(text);
    }
    h.run();
    h.key_press(Key::Tab);
    h.run();
}

/// The release form with every section and the first card of every list
/// open; returns how many text fields it shows.
fn open_form(h: &mut egui_kittest::Harness<'static, relplan::ui::RelplanApp>) -> usize {
    h.run();
    h.get_by_label_contains("Payments 2027.03.1 —").click();
    h.run();
    for title in SECTIONS {
        let header = h.get_by_role_and_label(Role::DisclosureTriangle, title);
        if header.accesskit_node().data().is_expanded() == Some(false) {
            header.scroll_to_me();
            h.run();
            h.get_by_role_and_label(Role::DisclosureTriangle, title).click();
            h.run();
        }
    }
    // The first card of every list (and of the lists inside those cards)
    // holds the fields of milestones, deployments, runbook steps…
    let mut opened = std::collections::HashSet::new();
    loop {
        let first_cards: Vec<String> = h
            .query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|l| l.starts_with("1. ")))
            .filter_map(|n| n.accesskit_node().value())
            .filter(|l| !opened.contains(l))
            .collect();
        if first_cards.is_empty() {
            break;
        }
        for label in first_cards {
            if let Some(card) = h.query_all_by_label(&label).next() {
                card.scroll_to_me();
            }
            h.run();
            if let Some(card) = h.query_all_by_label(&label).next() {
                card.click();
            }
            h.run();
            opened.insert(label);
        }
    }
    text_fields(h)
}

#[test]
fn any_text_in_every_field_of_the_release_form_renders_without_a_panic() {
    let mut h = app_with_example_as_shipped();
    let fields = open_form(&mut h);
    assert!(fields >= 20, "the open form has its text fields ({fields})");
    let before = book(&h);
    let (long, short): (Vec<_>, Vec<_>) = samples().into_iter().partition(|(_, t)| t.chars().count() > 1000);
    for i in 0..fields {
        for (_, text) in &short {
            type_into(&mut h, i, text);
        }
    }
    // The 100,000-character line in a one-line field, a multi-line field and
    // a field inside a card (every field: the slow test below).
    for label in ["Name", "Summary", "Title"] {
        let i = h.query_all_by(is_field).position(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with(label)));
        let i = i.unwrap_or_else(|| panic!("a field labelled {label}"));
        type_into(&mut h, i, &long[0].1);
        type_into(&mut h, i, "Short again");
    }
    assert_ne!(before, book(&h), "the typing reached the book");
    // Every sample at once in one field, then drawn to pixels.
    type_into(&mut h, 0, &samples().into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" "));
    let image = h.render().expect("the window draws");
    assert!(image.width() > 0);
}

#[test]
#[ignore = "slow (a minute or more): cargo test --test ui_any_text -- --ignored"]
fn a_line_of_100_000_characters_in_every_field_renders_without_a_panic() {
    let mut h = app_with_example_as_shipped();
    let fields = open_form(&mut h);
    let long = "Долгий план 発表 🚀 ".repeat(6_250);
    for i in 0..fields {
        type_into(&mut h, i, &long);
        let _ = h.render().expect("the window draws");
        // Back to a short text, so that one field at a time holds the long line.
        type_into(&mut h, i, &format!("Field {i}"));
    }
}
