//! The meeting-room walkthrough, driven as a presenter drives it: started
//! from the menu or F5, every slide of the example book reached with the
//! keys a clicker sends, the grid of all slides, and decisions taken in
//! the room that land in the book, its audit trail and the minutes.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use relplan::model::{AuditKind, CriterionStatus, GoNoGoVerdict, Id};
use relplan::present::{Scope, deck, meeting};
use ui_support::{app_with_example, book};

type H = egui_kittest::Harness<'static, relplan::ui::RelplanApp>;

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

fn select(h: &mut H, name: &str) {
    h.get_by_label_contains(&format!("{name} —")).click();
    h.run();
}

/// Whether some widget shows exactly this text (a slide title may also be the deck's, in the footer).
fn shows(h: &H, text: &str) {
    assert!(h.query_all_by_label(text).next().is_some(), "nothing shows “{text}”");
}

/// A text field by its label.
fn field<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
}

/// The slide number the footer shows.
fn at_slide(h: &H, n: usize, of: usize) {
    h.get_by_label(&format!("Slide {n} of {of}"));
}

/// The deck the window should be showing, built from the same book.
fn expected(h: &H, scope: Scope) -> relplan::present::Deck {
    let b = book(h);
    let today = relplan::ui::today();
    let findings = relplan::check::all_findings(&b, today);
    deck(&b, &scope, today, &findings)
}

#[test]
fn a_presenter_reaches_every_slide_of_the_upcoming_releases_with_clicker_keys() {
    let mut h = app_with_example();
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present upcoming releases").click();
    h.run();
    assert!(h.state().is_presenting());
    let d = expected(&h, Scope::Upcoming);
    let n = d.slides.len();
    assert_eq!(n, 32, "an agenda, then three releases");
    shows(&h, "Upcoming releases");
    at_slide(&h, 1, n);
    // A clicker sends Right, PageDown or Space; any of them moves on.
    for (i, slide) in d.slides.iter().enumerate().skip(1) {
        press(&mut h, [Key::ArrowRight, Key::PageDown, Key::Space][i % 3]);
        at_slide(&h, i + 1, n);
        shows(&h, &slide.title);
        if !slide.kicker.is_empty() {
            shows(&h, &slide.kicker);
        }
    }
    press(&mut h, Key::ArrowRight);
    at_slide(&h, n, n);
    press(&mut h, Key::Home);
    at_slide(&h, 1, n);
    press(&mut h, Key::End);
    at_slide(&h, n, n);
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::PageUp);
    at_slide(&h, n - 2, n);

    // G shows every slide; a click opens one.
    let acceptance = d.slides.iter().position(|s| s.kind == relplan::present::SlideKind::Acceptance).expect("a slide");
    press(&mut h, Key::G);
    h.get_by_label("All slides");
    let card = format!("{}. Acceptance · REL-4", acceptance + 1);
    h.get_by_label_contains(&card).scroll_to_me();
    h.run();
    h.get_by_label_contains(&card).click();
    h.run();
    at_slide(&h, acceptance + 1, n);
    h.get_by_label("Acceptance criteria and approvals");
    // In the grid, arrows move the highlight (four cards to a row) and Enter opens it.
    press(&mut h, Key::G);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Enter);
    at_slide(&h, acceptance + 6, n);
    assert!(h.query_by_label("All slides").is_none(), "the grid closed");

    // Esc leaves, and the planning window is back.
    press(&mut h, Key::Escape);
    assert!(!h.state().is_presenting());
    h.get_by_label("Find release");
    let audit = &book(&h).ledger.audit;
    let last = audit.last().expect("audit entries");
    assert_eq!((last.kind, last.what.as_str()), (AuditKind::Meeting, "Walkthrough ended: Upcoming releases"));
}

#[test]
fn f5_presents_the_selected_release_and_zoom_keys_scale_the_slides() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    press(&mut h, Key::F5);
    let d = expected(&h, Scope::Release(Id::from("REL-5")));
    at_slide(&h, 1, d.slides.len());
    let kicker = "REL-5 · Build & Test · overview";
    h.get_by_label("Build & Test, now, 9 Nov – 11 Dec");
    let before = h.get_by_label(kicker).rect();
    press(&mut h, Key::Plus);
    press(&mut h, Key::Plus);
    let after = h.get_by_label(kicker).rect();
    assert!(after.height() > before.height() * 1.15, "the title grew: {before:?} → {after:?}");
    press(&mut h, Key::Num0);
    let reset = h.get_by_label(kicker).rect();
    assert!((reset.height() - before.height()).abs() < 1.0, "zoom reset");
    // Keys meant for the planning window do nothing here.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(!h.state().has_dialog(), "no new-release dialog over the slides");
}

#[test]
fn the_presenters_notes_follow_the_slide() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    press(&mut h, Key::F5);
    press(&mut h, Key::N);
    // Without a second screen (as in this test) the notes float over the slides, and say so.
    h.get_by_label("Presenter notes — Relplan");
    h.get_by_label_contains("cannot tell whether there is a second screen");
    h.get_by_label("Slide 1 of 11 · Overview");
    h.get_by_label("Next: Scope and changes");
    // The time of day, and how long the walkthrough has run (the book's clock stands still here).
    let now = h.state().session().expect("a book").doc.now();
    let time = now.to_zoned(jiff::tz::TimeZone::system()).strftime("%H:%M").to_string();
    h.get_by_label(&format!("{time} · walkthrough 0 min"));
    press(&mut h, Key::End);
    h.get_by_label("Slide 11 of 11 · Go/no-go");
    h.get_by_label_contains("• 5 attendees have not voted");
    press(&mut h, Key::N);
    assert!(h.query_by_label("Presenter notes — Relplan").is_none());
}

#[test]
fn decisions_taken_in_the_room_land_in_the_book_the_audit_trail_and_the_minutes() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    press(&mut h, Key::F5);
    press(&mut h, Key::End);
    h.get_by_label("Go / no-go");

    // A vote, for the first attendee who has not voted.
    press(&mut h, Key::D);
    h.get_by_label("Attendee: Claire Donovan");
    let reason = field(&h, "Reason");
    reason.focus();
    reason.type_text("Rollback rehearsed");
    h.run();
    h.get_by_label("Vote go").click();
    h.run();
    let b = book(&h);
    let vote = &b.release(&Id::from("REL-5")).expect("REL-5").go_no_go.votes[0];
    assert_eq!((vote.verdict, vote.note.as_str()), (Some(GoNoGoVerdict::Go), "Rollback rehearsed"));
    assert!(vote.at.is_some(), "the vote has its time");
    h.get_by_label_contains("✔ Recorded: REL-5: Claire Donovan voted go");
    // The slide shows it at once, and the next undecided attendee is offered.
    h.get_by_label("✔ Go");
    h.get_by_label("Attendee: Rajesh Iyer");

    // Back to the acceptance slide: the panel stays open.
    for _ in 0..3 {
        press(&mut h, Key::ArrowLeft);
    }
    h.get_by_label("Acceptance criteria and approvals");
    let evidence = field(&h, "Evidence");
    evidence.focus();
    evidence.type_text("Performance report PR-88");
    h.run();
    // Typing in a field never moves the slides.
    h.get_by_label("Acceptance criteria and approvals");
    h.get_by_label("Mark AC-22 met").click();
    h.run();
    // An action item, then one taken back with Ctrl+Z.
    let action = field(&h, "Action");
    action.focus();
    action.type_text("Rerun the peak test after collector tuning");
    h.run();
    h.get_by_label("Add action item").click();
    h.run();
    let action = field(&h, "Action");
    action.focus();
    action.type_text("A mistake");
    h.run();
    h.get_by_label("Add action item").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();

    let b = book(&h);
    let r5 = b.release(&Id::from("REL-5")).expect("REL-5");
    let ac22 = r5.criteria.iter().find(|c| c.id.as_str() == "AC-22").expect("AC-22");
    assert_eq!((ac22.status, ac22.evidence.as_str()), (CriterionStatus::Met, "Performance report PR-88"));
    let titles: Vec<&str> = r5.actions.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Rerun the peak test after collector tuning"]);

    // The minutes so far, in the room.
    press(&mut h, Key::M);
    h.get_by_label("Minutes");
    h.get_by_label("3 decisions so far.");
    h.get_by_label_contains("· Test Manager · REL-5: Claire Donovan voted go — Rollback rehearsed");
    press(&mut h, Key::Escape);
    press(&mut h, Key::Escape);
    assert!(!h.state().is_presenting());

    // The same minutes from the book alone, as `relplan export --to minutes` cuts them.
    let b = book(&h);
    let m = meeting::last_meeting(&b.ledger.audit).expect("the walkthrough is in the audit trail");
    assert_eq!(m.releases, [Id::from("REL-5")]);
    assert!(m.ended.is_some());
    let text = relplan::export::minutes::to_markdown(&b, &m, &jiff::tz::TimeZone::UTC);
    assert!(text.contains("REL-5: Claire Donovan voted go — Rollback rehearsed"), "{text}");
    assert!(text.contains("REL-5: criterion AC-22 marked met"), "{text}");
    assert!(text.contains("REL-5: action item ACT-9 “Rerun the peak test after collector tuning”"), "{text}");
    assert!(!text.contains("A mistake"), "what was undone is not in the minutes: {text}");
    assert!(text.contains("- Acceptance criteria: 3 of 5 met (not yet: AC-23, AC-24)"), "{text}");
    assert!(text.contains("- Go/no-go: 1 go, 0 no-go, 4 undecided; no verdict yet"), "{text}");
}

#[test]
fn a_risk_raised_in_the_room_joins_the_register_and_the_slide() {
    let mut h = app_with_example();
    h.run();
    select(&mut h, "Payments 2027.01.1");
    press(&mut h, Key::F5);
    for _ in 0..6 {
        press(&mut h, Key::PageDown);
    }
    h.get_by_label("Risks");
    press(&mut h, Key::D);
    let title = field(&h, "Risk title");
    title.focus();
    title.type_text("Bridge call clashes with the store trading call");
    h.run();
    h.get_by_label("Operational").click();
    h.get_by_label("Likelihood 4").click();
    h.get_by_label("Impact 4").click();
    h.run();
    h.get_by_label("Score 16 · High");
    h.get_by_label("Add risk").click();
    h.run();
    let b = book(&h);
    let risk = b.risks.last().expect("a risk");
    assert_eq!(risk.title, "Bridge call clashes with the store trading call");
    assert_eq!((risk.likelihood, risk.impact, risk.releases.clone()), (4, 4, vec![Id::from("REL-5")]));
    // It heads the slide's table now: the highest exposure comes first.
    h.get_by_label("RISK-16");
    h.get_by_label("16 · High");
}
