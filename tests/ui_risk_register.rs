//! The risk register as a person uses it: headings sort it; the category,
//! owner, status and release filters narrow it; adding, editing and
//! deleting a risk are each taken back by one undo; and each release's
//! risk summary shows in the release list and in the release's form.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relplan::model::{Id, RiskStatus};
use relplan::ui::RelplanApp;
use ui_support::book;
use ui_support::risks::{ids_where, register_ids, risks_view, shown_sorted};

const CTRL: Modifiers = Modifiers::COMMAND;

#[test]
fn headings_sort_the_register_and_filters_narrow_it() {
    let mut h = risks_view();
    h.get_by_label("Sort by inherent score and band").click();
    h.run();
    let ids = register_ids(&h);
    assert_eq!(ids.first().map(String::as_str), Some("RISK-4"), "worst first: RISK-4 scores 20");
    h.get_by_label("Sort by inherent score and band").click();
    h.run();
    let b = book(&h);
    let lowest = b.risks.iter().map(|r| r.inherent_score()).min();
    let first = register_ids(&h)
        .first()
        .and_then(|id| b.risks.iter().find(|r| r.id.as_str() == id).map(|r| r.inherent_score()));
    assert_eq!(first, lowest, "a second click reverses");
    h.get_by_label("Category filter: All categories").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Regulatory").click();
    h.run();
    let regulatory: Vec<Id> =
        b.risks.iter().filter(|r| r.category.label() == "Regulatory").map(|r| r.id.clone()).collect();
    assert_eq!(register_ids(&h).len(), regulatory.len());
}

#[test]
fn risks_are_added_edited_and_deleted_as_undoable_edits() {
    let mut h = risks_view();
    let before = book(&h).risks.len();
    h.get_by_label("Add risk").click();
    h.run();
    let b = book(&h);
    assert_eq!(b.risks.len(), before + 1);
    let new = b.risks.last().expect("the new risk").id.clone();
    let title = h.get_by_label("Title");
    title.focus();
    h.run();
    h.key_press_modifiers(CTRL, Key::A);
    h.get_by_label("Title").type_text("Card reader firmware rollback");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    let b = book(&h);
    assert_eq!(b.risks.last().map(|r| r.title.as_str()), Some("Card reader firmware rollback"));
    assert!(register_ids(&h).contains(&new.to_string()), "the register shows the new risk");
    h.get_by_label(&format!("Delete risk {new}")).click();
    h.run();
    assert_eq!(book(&h).risks.len(), before);
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(book(&h).risks.len(), before + 1, "undo brings it back");
}

/// Picks `choice` in the filter named `filter` (e.g. "Owner filter: All owners").
fn pick(h: &mut Harness<'static, RelplanApp>, filter: &str, choice: &str) {
    h.get_by_label(filter).click();
    h.run();
    // The list may be longer than its popup: scroll the choice into view first.
    h.get_by_role_and_label(egui::accesskit::Role::Button, choice).scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, choice).click();
    h.run();
}

/// "Showing n of m risks" says how many rows the filters leave.
fn showing(h: &Harness<'static, RelplanApp>, n: usize) -> bool {
    let all = book(h).risks.len();
    h.query_by_label_contains(&format!("Showing {n} of {all} risks")).is_some()
}

#[test]
fn the_owner_status_and_release_filters_narrow_the_register() {
    let mut h = risks_view();
    let all = book(&h).risks.len();
    assert!(showing(&h, all), "every risk before filtering");

    // Owner: the risks Tomasz Nowak (P-4) owns.
    pick(&mut h, "Owner filter: All owners", "Tomasz Nowak");
    let hers = ids_where(&h, |r| r.owner == Some(Id::from("P-4")));
    assert!(!hers.is_empty() && hers.len() < all, "{hers:?}");
    assert_eq!(shown_sorted(&h), hers);
    assert!(showing(&h, hers.len()));
    pick(&mut h, "Owner filter: Tomasz Nowak", "All owners");

    // Status: the closed ones.
    pick(&mut h, "Status filter: All statuses", "Closed");
    let closed = ids_where(&h, |r| r.status == RiskStatus::Closed);
    assert!(!closed.is_empty() && closed.len() < all, "{closed:?}");
    assert_eq!(shown_sorted(&h), closed);
    assert!(showing(&h, closed.len()));

    // Release, on top of the status: the closed risks of REL-1, then all of REL-5's.
    pick(&mut h, "Release filter: All releases", "Payments 2026.06.1");
    let closed_rel_1 = ids_where(&h, |r| r.status == RiskStatus::Closed && r.releases.contains(&Id::from("REL-1")));
    assert!(!closed_rel_1.is_empty() && closed_rel_1.len() < closed.len(), "{closed_rel_1:?}");
    assert_eq!(shown_sorted(&h), closed_rel_1, "the filters combine");
    pick(&mut h, "Status filter: Closed", "All statuses");
    pick(&mut h, "Release filter: Payments 2026.06.1", "Payments 2027.01.1");
    let rel_5 = ids_where(&h, |r| r.releases.contains(&Id::from("REL-5")));
    assert!(!rel_5.is_empty() && rel_5.len() < all, "{rel_5:?}");
    assert_eq!(shown_sorted(&h), rel_5);

    h.get_by_label("Clear filters").click();
    h.run();
    assert!(showing(&h, all));
}

#[test]
fn adding_a_risk_is_taken_back_by_one_undo() {
    let mut h = risks_view();
    let before = book(&h);
    h.get_by_label("Add risk").click();
    h.run();
    let added = book(&h);
    assert_eq!(added.risks.len(), before.risks.len() + 1);
    let new = added.risks.last().expect("the new risk").id.to_string();
    assert!(register_ids(&h).contains(&new), "the register shows {new}");
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(book(&h).risks, before.risks, "one undo removes the new risk");
    assert!(!register_ids(&h).contains(&new));
}

#[test]
fn editing_a_risk_is_taken_back_by_one_undo_per_change() {
    let mut h = risks_view();
    let before = book(&h);
    let original = before.risks.iter().find(|r| r.id.as_str() == "RISK-4").expect("RISK-4").clone();
    h.get_by_label_contains("Risk RISK-4 ").click_accesskit();
    h.run();
    h.get_by_label("Title").focus();
    h.run();
    h.key_press_modifiers(CTRL, Key::A);
    h.get_by_label("Title").type_text("Certificate rotation breaks routes");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    let risk_4 = |h: &Harness<'static, RelplanApp>| {
        book(h).risks.iter().find(|r| r.id.as_str() == "RISK-4").cloned().expect("RISK-4")
    };
    assert_eq!(risk_4(&h).title, "Certificate rotation breaks routes");
    assert!(h.query_by_label_contains("Risk RISK-4 Certificate rotation breaks routes").is_some(), "the row follows");
    h.key_press_modifiers(CTRL, Key::Z);
    h.run();
    assert_eq!(risk_4(&h), original, "one undo restores the whole title");
    assert_eq!(book(&h).risks, before.risks);
}

#[test]
fn a_releases_risk_summary_shows_in_its_row_of_the_release_list_and_in_its_form() {
    let mut h = ui_support::app_with_example();
    h.run();
    let b = book(&h);
    let rel_5 = Id::from("REL-5");
    let summary = relplan::risk::summary(&b, &rel_5);
    let (score, band) = summary.highest.expect("REL-5 has open risks");
    let words = summary.words();
    assert!(words.contains(&format!("highest residual score {score} ({})", band.label().to_lowercase())), "{words}");
    // The row of REL-5 in the release list says it, for a screen reader and in its tooltip.
    assert!(h.query_by_label(&words).is_some(), "the release list shows “{words}”");
    // The form of REL-5 shows the highest open residual score and the count per band.
    h.get_by_label_contains("Payments 2027.01.1 —").click();
    h.run();
    if h.query_by_label("Highest open residual risk").is_none() {
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Risks").click();
        h.run();
    }
    h.get_by_label("Highest open residual risk").scroll_to_me();
    h.run();
    h.get_by_label(&relplan::risk::score_text(score, band));
    for b in relplan::model::Band::ALL {
        let n = summary.per_band[b as usize];
        h.get_by_label(&format!("{n} {}", b.label()));
    }
}
