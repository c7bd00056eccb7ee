//! Any text a person may type or paste (emoji joined with zero-width
//! joiners, CJK, right-to-left scripts, stacks of combining marks, control
//! characters) goes into every field of the book view's forms, the risk
//! register's card and filter, the release search and the command palette.
//! The window lays it out and draws it without a panic, and the text lands
//! in the book where it belongs: the record's name or title holds exactly
//! what was typed, and the filters and searches find the record by it.
//! (The 100,000-character line is typed into the release form by
//! `ui_any_text.rs`.)

mod ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{AccessKitNode, NodeT, Queryable};
use relplan::model::Book;
use relplan::ui::{CommandId, RelplanApp};
use ui_support::{app_with_example_as_shipped, book};

type H = Harness<'static, RelplanApp>;

fn samples() -> [&'static str; 5] {
    [
        "👩\u{200d}👩\u{200d}👧\u{200d}👦 🏳\u{fe0f}\u{200d}🌈 👍🏽 🧑🏿\u{200d}💻 ❤\u{fe0f}\u{200d}🔥",
        "リリース計画の承認 릴리스 계획 发布计划与回退方案",
        "خطة الإصدار والتراجع — תוכנית שחרור 2027",
        "Z\u{324}\u{354}\u{367}\u{311}\u{313}a\u{308}\u{356}\u{32d} e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} \u{e01}\u{e34}\u{e48}",
        "tab\there\u{0}nul\u{7f}\u{202e}reversed\u{200b}",
    ]
}

/// A text made of every script at once, different for each place it goes.
fn mark(place: &str) -> String {
    format!("{place} 👩\u{200d}👩\u{200d}👧 リリース計画 خطة الإصدار תוכנית e\u{301}\u{302} z\u{324}")
}

/// The searches and filters, which are not fields of the book.
const SEARCHES: [&str; 4] = ["Find release", "Find in risks", "Search commands and releases", "Filter "];

/// Whether a node is a text field of a form (not a search or a filter).
fn is_field(n: &AccessKitNode<'_>) -> bool {
    matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
        && !n.label().is_some_and(|l| SEARCHES.iter().any(|s| l.starts_with(s)))
}

fn fields(h: &H) -> Vec<String> {
    h.query_all_by(is_field).map(|n| n.accesskit_node().label().unwrap_or_default()).collect()
}

/// Focuses the `i`-th field, replaces its text with `text`, and leaves it.
fn type_into(h: &mut H, i: usize, text: &str) {
    let Some(field) = h.query_all_by(is_field).nth(i) else { return };
    field.scroll_to_me();
    h.run();
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

/// Types every sample into every field shown; returns how many there are.
fn type_everywhere(h: &mut H) -> usize {
    let count = fields(h).len();
    for i in 0..count {
        for text in samples() {
            type_into(h, i, text);
        }
    }
    count
}

/// Types `text` into the first field labelled `label`.
fn type_into_labelled(h: &mut H, label: &str, text: &str) {
    let i = fields(h).iter().position(|l| l == label);
    type_into(h, i.unwrap_or_else(|| panic!("a field labelled {label}: {:?}", fields(h))), text);
}

/// Types into a search or filter box, found by its name.
fn search(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// A list tab of the book view, what one record is called, and where the
/// text typed into its name (or title) field belongs.
struct ListTab {
    tab: &'static str,
    noun: &'static str,
    name_field: &'static str,
    name_in: fn(&Book) -> String,
}

const LIST_TABS: [ListTab; 6] = [
    ListTab { tab: "People", noun: "person", name_field: "Name", name_in: |b| b.people[0].name.clone() },
    ListTab {
        tab: "Environments",
        noun: "environment",
        name_field: "Name",
        name_in: |b| b.environments[0].name.clone(),
    },
    ListTab { tab: "Blackouts", noun: "blackout", name_field: "Name", name_in: |b| b.blackouts[0].name.clone() },
    ListTab {
        tab: "Configuration items",
        noun: "configuration item",
        name_field: "Name",
        name_in: |b| b.config_items[0].name.clone(),
    },
    ListTab { tab: "Changes", noun: "change", name_field: "Title", name_in: |b| b.changes[0].title.clone() },
    ListTab {
        tab: "Known errors",
        noun: "known error",
        name_field: "Title",
        name_in: |b| b.known_errors[0].title.clone(),
    },
];

fn open_tab(h: &mut H, tab: &str) {
    h.get_by_role_and_label(Role::Tab, tab).click();
    h.run();
}

/// Opens the first card of a list tab.
fn open_first_card(h: &mut H, noun: &str) {
    let show = format!("Show {noun} ");
    let card = h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(&show))).next();
    card.unwrap_or_else(|| panic!("a card of a {noun}")).click();
    h.run();
}

#[test]
fn any_text_in_every_form_of_the_book_view_lands_in_the_book() {
    let mut h = app_with_example_as_shipped();
    h.run();
    h.state_mut().run_command(CommandId::ViewBook);
    h.run();

    open_tab(&mut h, "Policy");
    let typed = type_everywhere(&mut h);
    assert!(typed >= 3, "the policy has its text fields ({typed})");
    type_into_labelled(&mut h, "Name", &mark("Book"));
    type_into_labelled(&mut h, "Description", &mark("About"));
    assert_eq!(book(&h).name, mark("Book"), "the book's name holds exactly what was typed");
    assert_eq!(book(&h).description, mark("About"));

    for list in LIST_TABS {
        open_tab(&mut h, list.tab);
        open_first_card(&mut h, list.noun);
        let typed = type_everywhere(&mut h);
        assert!(typed >= 1, "the {} card has text fields", list.noun);
        let text = mark(list.tab);
        type_into_labelled(&mut h, list.name_field, &text);
        assert_eq!((list.name_in)(&book(&h)), text, "the {}'s {} holds what was typed", list.noun, list.name_field);
        // The list's filter finds the record by that text, and only it.
        let filter = format!("Filter {}", list.tab.to_lowercase());
        for sample in samples() {
            search(&mut h, &filter, sample);
        }
        search(&mut h, &filter, &text);
        let shown = format!("Show {} ", list.noun);
        let cards: Vec<String> = h
            .query_all_by(|n| n.label().is_some_and(|l| l.starts_with(&shown) || l.starts_with("Hide ")))
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert_eq!(cards.len(), 1, "the filter “{text}” shows one {}: {cards:?}", list.noun);
        assert!(cards[0].ends_with(&text), "the one whose name was typed: {cards:?}");
        h.get_by_label("Clear the filter").click();
        h.run();
    }
    let image = h.render().expect("the window draws");
    assert!(image.width() > 0);
}

#[test]
fn any_text_in_the_risk_register_lands_in_the_risk_and_finds_it() {
    let mut h = app_with_example_as_shipped();
    h.run();
    h.state_mut().run_command(CommandId::ViewRisks);
    h.run();
    let row =
        h.query_all_by(|n| n.role() == Role::Row && n.label().is_some_and(|l| l.starts_with("Risk RISK-"))).next();
    let row = row.expect("the register lists risks");
    let id = row.accesskit_node().label().and_then(|l| l.split_whitespace().nth(1).map(str::to_owned)).unwrap();
    row.click_accesskit();
    h.run();
    let typed = type_everywhere(&mut h);
    assert!(typed >= 5, "the risk's card has its text fields ({typed})");
    let text = mark("Risk");
    type_into_labelled(&mut h, "Title", &text);
    let risk = |h: &H| book(h).risks.into_iter().find(|r| r.id.as_str() == id).expect("the risk");
    assert_eq!(risk(&h).title, text, "the risk's title holds exactly what was typed");
    for sample in samples() {
        search(&mut h, "Find in risks", sample);
    }
    search(&mut h, "Find in risks", &text);
    let rows: Vec<String> = h.query_all_by_role(Role::Row).filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(rows.len(), 1, "the register's search finds one risk: {rows:?}");
    assert!(rows[0].starts_with(&format!("Risk {id} {text}:")), "the one whose title was typed: {rows:?}");
    let image = h.render().expect("the window draws");
    assert!(image.width() > 0);
}

#[test]
fn any_text_in_the_release_search_and_the_palette_finds_the_release() {
    let mut h = app_with_example_as_shipped();
    h.run();
    h.get_by_label_contains("Payments 2027.03.1 —").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("a release is shown");
    let text = mark("Release");
    type_into_labelled(&mut h, "Name", &text);
    assert_eq!(book(&h).release(&id).map(|r| r.name.clone()), Some(text.clone()), "the release's name");

    for sample in samples() {
        search(&mut h, "Find release", sample);
    }
    search(&mut h, "Find release", &text);
    h.get_by_label_contains(&format!("{text} — "));
    assert!(h.query_by_label_contains("Payments 2026.11.1 —").is_none(), "the search shows only that release");
    h.get_by_label("Find release").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();

    h.get_by_label_contains("Payments 2026.11.1 —").click();
    h.run();
    assert_ne!(h.state().selected_release_id(), Some(&id));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    for sample in samples() {
        h.get_by_label("Search commands and releases").type_text(sample);
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.key_press(Key::Backspace);
        h.run();
    }
    h.get_by_label("Search commands and releases").type_text(&text);
    h.run();
    h.get_by_label(&format!("{id} · {text}"));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().selected_release_id(), Some(&id), "the palette found the release by that text");
    let image = h.render().expect("the window draws");
    assert!(image.width() > 0);
}
