//! The two template dialogs, New book from a template and New release,
//! read alike: the same button words, an intro that says what happens,
//! and descriptions lined up beside buttons of one width.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use ui_support::app_with_example;

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

fn new_book_dialog() -> H {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New book from template…").click();
    h.run();
    h.run();
    h
}

fn new_release_dialog() -> H {
    let mut h = app_with_example();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.run();
    h
}

/// The left and right edges of every button named "From the … template".
fn template_buttons(h: &H) -> Vec<egui::Rect> {
    h.query_all_by_label_contains("From the ")
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .map(|n| n.rect())
        .collect()
}

#[test]
fn both_dialogs_offer_the_standard_template_in_the_same_words() {
    let h = new_book_dialog();
    h.get_by_label("From the standard template");
    h.get_by_label_contains("Starts a new book from a template");
    h.get_by_label_contains("takes the place of the open book");
    let h = new_release_dialog();
    h.get_by_label("From the standard template");
    h.get_by_label_contains("Start from a template");
}

#[test]
fn template_buttons_are_one_width_so_descriptions_line_up() {
    for h in [new_book_dialog(), new_release_dialog()] {
        let buttons = template_buttons(&h);
        assert!(buttons.len() >= 2, "templates are offered: {buttons:?}");
        let first = buttons[0];
        for b in &buttons {
            assert!((b.left() - first.left()).abs() < 0.5 && (b.right() - first.right()).abs() < 0.5, "{buttons:?}");
        }
    }
}

#[test]
fn new_book_dialog_snapshot() {
    new_book_dialog().snapshot("template-new-book-light");
}

#[test]
fn new_release_dialog_snapshot() {
    new_release_dialog().snapshot("template-new-release-light");
}
