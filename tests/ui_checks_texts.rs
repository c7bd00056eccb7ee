//! The checks view on a projector: each finding's message wraps onto
//! more lines rather than being cut to one, and the filter shows its hint.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

/// The example book in the projector theme at 1280 × 800, in the checks view.
fn projector_checks() -> H {
    let book = relplan::templates::example().expect("the example book opens");
    let mut h = ui_support::app_sized(book, egui::vec2(1280.0, 800.0));
    h.run();
    h.key_press_modifiers(Modifiers { shift: true, ..Modifiers::COMMAND }, Key::P);
    h.run();
    let field = h.get_by_label("Search commands and releases");
    field.focus();
    field.type_text("Projector theme");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Checks").click();
    h.run();
    h.remove_cursor();
    h.run();
    h
}

/// Every text the last frame painted, its rows joined by "\n".
fn painted(h: &H) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => {
                let rows: Vec<String> =
                    t.galley.rows.iter().map(|row| row.glyphs.iter().map(|g| g.chr).collect()).collect();
                out.push(rows.join("\n"));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_long_finding_wraps_and_can_be_read_whole_on_a_projector() {
    let h = projector_checks();
    let messages: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Label)
        .filter_map(|n| n.accesskit_node().value().or(n.accesskit_node().label()))
        .filter(|m| m.chars().count() > 80 && m.ends_with('.'))
        .collect();
    assert!(!messages.is_empty(), "long findings are listed");
    let shown = painted(&h);
    let mut seen = 0;
    for message in &messages {
        let Some(text) = shown.iter().find(|p| {
            squeeze(message).replace('…', "").starts_with(&squeeze(p).replace('…', ""))
                && squeeze(p).chars().count() > 20
        }) else {
            continue;
        };
        seen += 1;
        assert!(text.lines().count() >= 2, "“{message}” is on one line: “{text}”");
        if message.chars().count() < 150 {
            assert_eq!(squeeze(text), squeeze(message), "the whole message shows");
        }
    }
    assert!(seen > 0, "a long finding is on screen: {messages:?}");
}

#[test]
fn the_filter_shows_its_whole_hint_on_a_projector() {
    let h = projector_checks();
    assert!(painted(&h).iter().any(|p| p == "🔍 Rule, release or words"), "the hint shows whole");
}
