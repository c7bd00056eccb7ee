//! Long texts in the release form as a user reads them: acceptance
//! criteria named by the id findings use, and chips that use the room
//! they have before cutting their text.

mod ui_support;

use egui_kittest::kittest::{NodeT, Queryable};
use ui_support::app_sized;

const AC22: &str = "At 1.5 times the Black Friday 2026 peak, 95th percentile authorisation time is within 5% of the \
                    Java 17 baseline.";

fn rel5(width: f32) -> egui_kittest::Harness<'static, relplan::ui::RelplanApp> {
    let book = relplan::templates::example().expect("the example book opens");
    let mut h = app_sized(book, egui::vec2(width, 1000.0));
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    h.run();
    h
}

#[test]
fn a_criterion_row_names_its_id_and_keeps_its_whole_text() {
    let mut h = rel5(1920.0);
    let row = h.get_by_label_contains("AC-22");
    let node = row.accesskit_node();
    let label = node.label().or(node.value()).unwrap_or_default();
    assert!(label.contains(&format!("AC-22 · {AC22}")), "the row reads “{label}”");
    row.scroll_to_me();
    h.run();
    let row = h.get_by_label_contains("AC-22");
    let width = row.rect().width();
    // The whole sentence fits at 1920 wide: the row is not cut to a fixed count.
    assert!(width > 700.0, "the title is {width} wide");
}

#[test]
fn a_chip_uses_the_room_it_has() {
    let mut h = rel5(1400.0);
    h.get_by_label("Scope and changes").scroll_to_me();
    h.run();
    h.get_by_label("Scope and changes").click();
    h.run();
    h.run();
    let chip = h.get_by_label_contains("Remove RFC-2166 · Platform service pack");
    let width = chip.rect().width();
    // 46 characters and "🗙" were about 330 points wide; the whole title is well over 400.
    assert!(width > 420.0, "the chip is {width} wide");
}
