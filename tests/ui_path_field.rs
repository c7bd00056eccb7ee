//! Where no native file dialog can be shown (no display, no desktop
//! portal), Open falls back to a path field in the window. In a file of its
//! own: the test clears the display variables of its process.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_support::{app_with_example, book, settle};

const CTRL: Modifiers = Modifiers::COMMAND;

#[test]
fn where_no_file_dialog_can_be_shown_a_path_field_opens_the_book() {
    let dir = ui_support::temp_folder("path-field");
    let mut other = relplan::templates::example().expect("example");
    other.name = "Typed path book".to_owned();
    let path = dir.join("typed.ron");
    relplan::store::save(&other, &path).expect("saved");
    let mut h = app_with_example();
    h.run();
    // SAFETY: this binary has one test, so no other thread reads the
    // environment; the display and portal variables go so no dialog can show.
    unsafe {
        std::env::remove_var("DISPLAY");
        std::env::remove_var("WAYLAND_DISPLAY");
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/relplan-test-bus");
    }
    h.key_press_modifiers(CTRL, Key::O);
    ui_support::step_until(&mut h, "the path field", std::time::Duration::from_secs(10), |h| {
        h.query_by_label("Open: type the file's path").is_some()
    });
    let field = h.get_by_label("Path");
    field.type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(book(&h).name, "Typed path book");
}
