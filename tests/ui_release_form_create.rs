//! "New …" beside the release form's pick-lists: an environment, a
//! configuration item or a change request the book does not have yet is
//! created where it is needed, picked at once, and undone in one step.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::model::{Book, Id, Release};
use relplan::ui::RelplanApp;
use ui_support::{app_with_example, book};

/// Scrolls the widget labelled `label` into view and clicks it.
fn press(h: &mut Harness<'static, RelplanApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Clicks "New <noun> for <field>", types `name` and presses Enter.
fn create(h: &mut Harness<'static, RelplanApp>, noun: &str, field: &str, name: &str) {
    press(h, &format!("New {noun} for {field}"));
    let input = format!("Name of the new {noun} for {field}");
    h.get_by_label(&input).type_text(name);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// Opens the example's release "Payments 2027.03.1" and its first deployment.
fn open_deployment(h: &mut Harness<'static, RelplanApp>) -> Id {
    h.run();
    h.get_by_label_contains("Payments 2027.03.1 —").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("selected");
    let first = release(h, &id).deployments.first().cloned().expect("a deployment");
    press(h, &format!("1. {}", first.name));
    id
}

fn release(h: &Harness<'static, RelplanApp>, id: &Id) -> Release {
    book(h).release(id).cloned().expect("the release")
}

fn undo(h: &mut Harness<'static, RelplanApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_new_environment_is_created_from_a_deployment_and_picked_in_one_step() {
    let mut h = app_with_example();
    let id = open_deployment(&mut h);
    let before: Book = book(&h);
    create(&mut h, "environment", "environment", "Pre-production (Frankfurt)");
    let after = book(&h);
    let env = after.environments.iter().find(|e| e.name == "Pre-production (Frankfurt)").expect("the new environment");
    assert_eq!(after.environments.len(), before.environments.len() + 1);
    assert_eq!(release(&h, &id).deployments[0].environment, env.id, "the deployment now goes to it");
    assert!(
        h.query_by_label_contains("Environment: Pre-production (Frankfurt)").is_some(),
        "the pick-list shows the new environment"
    );
    undo(&mut h);
    assert_eq!(book(&h).environments, before.environments, "one undo removes it");
    assert_eq!(release(&h, &id).deployments[0].environment, before.release(&id).expect("r").deployments[0].environment);
}

#[test]
fn a_new_configuration_item_joins_the_items_a_deployment_touches() {
    let mut h = app_with_example();
    let id = open_deployment(&mut h);
    let touched = release(&h, &id).deployments[0].config_items.clone();
    create(&mut h, "configuration item", "configuration items touched", "Card vault HSM");
    let b = book(&h);
    let item = b.config_items.iter().find(|c| c.name == "Card vault HSM").expect("the new item");
    let now = release(&h, &id).deployments[0].config_items.clone();
    assert_eq!(now.len(), touched.len() + 1);
    assert_eq!(now.last(), Some(&item.id));
    assert!(h.query_by_label_contains("Remove Card vault HSM").is_some(), "it shows as a chip");
    undo(&mut h);
    assert!(!book(&h).config_items.iter().any(|c| c.name == "Card vault HSM"));
    assert_eq!(release(&h, &id).deployments[0].config_items, touched);
}

#[test]
fn a_new_change_request_is_linked_to_the_release_and_escape_cancels() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label_contains("Payments 2027.03.1 —").click();
    h.run();
    let id = h.state().selected_release_id().cloned().expect("selected");
    let linked = release(&h, &id).scope.changes.clone();
    press(&mut h, "New change for linked changes");
    h.get_by_label("Name of the new change for linked changes").type_text("Rotate the card vault keys");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(release(&h, &id).scope.changes, linked, "Escape adds nothing");
    assert!(h.query_by_label("Name of the new change for linked changes").is_none());
    create(&mut h, "change", "linked changes", "Rotate the card vault keys");
    let b = book(&h);
    let change = b.changes.iter().find(|c| c.title == "Rotate the card vault keys").expect("the new change");
    assert_eq!(release(&h, &id).scope.changes.last(), Some(&change.id));
    let steps: Vec<String> = h.state().session().expect("open").doc.steps().into_iter().map(|s| s.name).collect();
    assert!(steps.iter().any(|s| s.contains("Rotate the card vault keys")), "{steps:?}");
}
