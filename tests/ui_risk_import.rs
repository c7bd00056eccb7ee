//! Importing risks from a CSV file as a person does: File › Import risks,
//! a preview of what would be added and updated (and what is wrong with
//! the file), nothing changed until confirmed, Cancel changes nothing, and
//! the confirmed import is one undo step.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::ui::RelplanApp;
use std::path::Path;
use ui_support::{app_with_example, book};

/// RISK-12 as in the book, RISK-11 with a new likelihood, two new risks and a bad row.
const FILE: &str = "ID,Title,Likelihood,Impact\r\n\
    RISK-12,Card scheme token certification is delayed,4,4\r\n\
    RISK-11,Year-end freeze compresses testing of the service pack,2,3\r\n\
    ,Terminal firmware rollback fails,2,3\r\n\
    ,Acquirer rate limit at peak,3,3\r\n\
    ,Settlement file late,9,1\r\n";

/// File › Import risks (.csv)…, with the path typed where no file dialog can be shown.
fn open_import(h: &mut Harness<'static, RelplanApp>, path: &Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import risks (.csv)…").click();
    ui_support::step_until(h, "the path field", std::time::Duration::from_secs(10), |h| {
        h.query_by_label("Path").is_some()
    });
    h.get_by_label("Path").type_text(&path.display().to_string());
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Import").click();
    h.run();
}

fn titles(h: &Harness<'static, RelplanApp>) -> Vec<String> {
    book(h).risks.iter().map(|r| r.title.clone()).collect()
}

#[test]
fn the_import_previews_adds_nothing_until_confirmed_and_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("risks from the workshop.csv");
    std::fs::write(&path, FILE).expect("the file is written");
    let mut h = app_with_example();
    h.run();
    let before = book(&h);

    open_import(&mut h, &path);
    h.get_by_label("Risks from risks from the workshop.csv");
    h.get_by_label_contains("Update RISK-11 “Year-end freeze compresses testing of the service pack”: Likelihood");
    h.get_by_label_contains("“Terminal firmware rollback fails”");
    h.get_by_label_contains("“Acquirer rate limit at peak”");
    h.get_by_label("1 risk is already as in the file.");
    h.get_by_label_contains("Line 6, column C (Likelihood)");
    // Two new, one updated: the note and the bad row are not entries.
    h.get_by_label("Import 3 entries");
    assert_eq!(book(&h), before, "nothing changes while the preview is open");

    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().has_dialog());
    assert_eq!(book(&h), before, "Cancel imports nothing");

    open_import(&mut h, &path);
    h.get_by_label("Import 3 entries").click();
    h.run();
    assert!(!h.state().has_dialog());
    let after = book(&h);
    assert_eq!(after.risks.len(), before.risks.len() + 2);
    let t = titles(&h);
    assert!(
        t.contains(&"Terminal firmware rollback fails".to_owned())
            && t.contains(&"Acquirer rate limit at peak".to_owned())
    );
    assert!(!t.contains(&"Settlement file late".to_owned()), "the bad row is skipped");
    let risk_11 = after.risks.iter().find(|r| r.id.as_str() == "RISK-11").expect("RISK-11");
    assert_eq!(risk_11.likelihood, 2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(book(&h).risks, before.risks, "one undo takes back the whole import");
}
