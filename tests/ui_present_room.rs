//! Decisions a CAB takes in the room, found afterwards in the book and the
//! minutes: an approval recorded and the go/no-go verdict signed from the
//! decisions panel (D); the minutes saved from the minutes panel (M); and
//! the slides being presented exported there for those who could not come.

mod ui_support;

use egui::Key;
use egui_kittest::kittest::Queryable;
use relplan::model::{ApprovalDecision, GoNoGoVerdict, Id};
use relplan::present::meeting;
use std::path::Path;
use std::time::Duration;
use ui_support::{app_with_example, book, step_until};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// Payments 2027.01.1 presented, at slide `n` (from 1), with the decisions panel open.
fn deciding_at(n: usize) -> H {
    let mut h = app_with_example();
    h.run();
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    press(&mut h, Key::F5);
    for _ in 1..n {
        press(&mut h, Key::PageDown);
    }
    h.get_by_label(&format!("Slide {n} of 11"));
    press(&mut h, Key::D);
    h.get_by_label("Decide");
    h
}

fn type_into(h: &mut H, label: &str, text: &str) {
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.focus();
    field.type_text(text);
    h.run();
}

/// The minutes of the walkthrough going on, as the minutes file says them.
fn minutes_now(h: &H) -> String {
    let b = book(h);
    let m = meeting::last_meeting(&b.ledger.audit).expect("the walkthrough is in the audit trail");
    relplan::export::minutes::to_markdown(&b, &m, &jiff::tz::TimeZone::UTC)
}

/// Types `out` into the path field that stands in for the file dialog
/// (none can be shown here), saves, and waits for the file.
fn save_to(h: &mut H, out: &Path) {
    step_until(h, "the path field", Duration::from_secs(10), |h| h.query_by_label("Path").is_some());
    h.get_by_label("Path").type_text(&out.display().to_string());
    h.run();
    h.get_by_label("Save as").click();
    h.run();
    step_until(h, "the file is written", Duration::from_secs(10), |_| out.exists());
}

#[test]
fn an_approval_recorded_in_the_room_lands_in_the_book_and_the_minutes() {
    let mut h = deciding_at(8);
    h.get_by_label("Acceptance criteria and approvals");
    // The first approver still pending is offered.
    h.get_by_label("Approver: Aisha Bello");
    h.get_by_label("Approve").click();
    h.run();
    type_into(&mut h, "Conditions or remarks", "Failover rehearsal report FR-12");
    h.get_by_label("Record approval").click();
    h.run();

    let b = book(&h);
    let r5 = b.release(&Id::from("REL-5")).expect("REL-5");
    let a = r5.approvals.iter().find(|a| a.id.as_str() == "APR-16").expect("Aisha Bello's approval");
    assert_eq!((a.decision, a.note.as_str()), (ApprovalDecision::Approved, "Failover rehearsal report FR-12"));
    assert!(a.at.is_some(), "the approval has its time");
    assert_eq!(r5.approvals.len(), 3, "her pending approval was completed, not another added");
    h.get_by_label_contains("✔ Recorded: REL-5: Aisha Bello");
    // The slide shows it at once, and the next pending approver is offered.
    h.get_by_label("✔ Approved");
    h.get_by_label("Approver: Helen Marsh");

    let text = minutes_now(&h);
    assert!(text.contains("approved the release — Failover rehearsal report FR-12 |"), "{text}");
    assert!(text.contains("| REL-5: Aisha Bello"), "{text}");
    assert!(text.contains("- Approvals: 2 of 3 given (waiting for Helen Marsh)"), "{text}");
    // The panel of minutes in the room says the same.
    press(&mut h, Key::M);
    h.get_by_label("1 decision so far.");
    h.get_by_label_contains("approved the release — Failover rehearsal report FR-12");
}

#[test]
fn the_go_verdict_signed_in_the_room_lands_in_the_book_and_the_minutes() {
    let mut h = deciding_at(11);
    h.get_by_label("Go / no-go");
    h.get_by_label_contains("not yet given");
    // The release owner signs unless someone else is chosen.
    h.get_by_label("Signed by: Claire Donovan");
    h.get_by_label("Sign go").click();
    h.run();

    let b = book(&h);
    let g = &b.release(&Id::from("REL-5")).expect("REL-5").go_no_go;
    assert_eq!((g.verdict, g.signed_by.clone()), (Some(GoNoGoVerdict::Go), Some(Id::from("P-1"))));
    assert!(g.signed_at.is_some(), "signed at a time");
    h.get_by_label_contains("✔ Recorded: REL-5: go/no-go verdict Go, signed by Claire Donovan");
    h.get_by_label_contains("Go · signed by Claire Donovan");

    let text = minutes_now(&h);
    assert!(text.contains("| REL-5: go/no-go verdict Go, signed by Claire Donovan |"), "{text}");
    assert!(text.contains("- Go/no-go: 0 go, 0 no-go, 5 undecided; Go, signed by Claire Donovan"), "{text}");
}

#[test]
fn save_minutes_in_the_room_writes_the_decisions_to_a_file() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("cab-minutes.md");
    let mut h = deciding_at(11);
    type_into(&mut h, "Reason", "Rollback rehearsed");
    h.get_by_label("Vote go").click();
    h.run();
    press(&mut h, Key::M);
    h.get_by_label("1 decision so far.");
    h.get_by_label("Save minutes…").click();
    h.run();
    save_to(&mut h, &out);
    assert!(h.state().is_presenting(), "saving the minutes does not end the walkthrough");
    let text = std::fs::read_to_string(&out).expect("the minutes");
    assert!(text.starts_with("# Minutes: walkthrough of Payments 2027.01.1"), "{text}");
    assert!(text.contains("REL-5: Claire Donovan voted go — Rollback rehearsed |"), "{text}");
    assert!(text.contains("(still going on)"), "saved while the walkthrough runs: {text}");
}

#[test]
fn export_slides_in_the_room_exports_the_deck_being_presented() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("upcoming.pdf");
    let mut h = app_with_example();
    h.run();
    // One release is selected in the planning window, but the upcoming releases are presented.
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    h.run();
    h.get_by_label("Slide 1 of 32");
    press(&mut h, Key::M);
    h.get_by_label("Export slides…").click();
    h.run();
    save_to(&mut h, &out);
    let bytes = std::fs::read(&out).expect("the slides");
    assert!(bytes.starts_with(b"%PDF-"));
    let text: String = pdf_extract::extract_text_from_mem(&bytes).expect("readable").split_whitespace().collect();
    assert!(text.contains("Upcomingreleases"), "the agenda of the upcoming releases");
    for release in ["REL-4", "REL-5", "REL-6"] {
        assert!(text.contains(release), "{release} is in the handout");
    }
}
