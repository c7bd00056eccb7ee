//! Milestones and phases on the calendar, moved as a person moves them:
//! a milestone dragged to another day, a whole phase dragged along the
//! timeline (and undone), and both moved with the arrow keys. Each move
//! is one undo step.

mod ui_calendar_support;
mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use jiff::civil::Date;
use relplan::ui::RelplanApp;
use ui_calendar_support::{calendar, drag, switch};
use ui_support::book;

fn milestone_date(h: &Harness<'static, RelplanApp>, release: &str, id: &str) -> Date {
    let b = book(h);
    let r = b.release(&release.into()).expect("the release");
    r.milestones.iter().find(|m| m.id.as_str() == id).expect("the milestone").date
}

/// The first milestone on screen: its label, id and release.
fn first_milestone(h: &Harness<'static, RelplanApp>) -> (String, String, String) {
    let label = h.get_all_by_label_contains("Milestone MS-").next().expect("a milestone").accesskit_node().label();
    let label = label.map(|l| l.to_string()).unwrap_or_default();
    // "Milestone MS-32 of REL-5 “CAB authorisation”, Wed 18 Nov 2026"
    let words: Vec<&str> = label.split(' ').collect();
    let (id, release) = (words[1].to_owned(), words[3].to_owned());
    (label, id, release)
}

fn build_and_test(h: &Harness<'static, RelplanApp>) -> (Option<Date>, Option<Date>) {
    let b = book(h);
    let r = b.release(&"REL-5".into()).expect("REL-5");
    (r.phases.build_and_test.planned_start, r.phases.build_and_test.planned_end)
}

fn undo(h: &mut Harness<'static, RelplanApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_milestone_dragged_to_another_day_moves_there_in_one_step() {
    let mut h = calendar();
    let (label, id, release) = first_milestone(&h);
    let before = milestone_date(&h, &release, &id);
    let target = before.checked_add(jiff::Span::new().days(2)).expect("a date");
    let from = h.get_by_label(&label).rect().center();
    let to = h.get_by_label(&target.strftime("%a %-d %b %Y").to_string()).rect().center();
    let steps = book(&h).ledger.audit.len();
    drag(&mut h, from, to);
    assert_eq!(milestone_date(&h, &release, &id), target, "{id} moves two days on");
    assert_eq!(book(&h).ledger.audit.len(), steps + 1, "one drag is one step");
    undo(&mut h);
    assert_eq!(milestone_date(&h, &release, &id), before);
}

#[test]
fn a_whole_phase_dragged_along_the_timeline_moves_both_ends_and_undo_puts_it_back() {
    let mut h = calendar();
    switch(&mut h, &["Timeline", "By release"]);
    let (start, end) = build_and_test(&h);
    let (Some(start), Some(end)) = (start, end) else { panic!("REL-5 plans Build & Test") };
    let rect = h.get_by_label_contains("Phase Build & Test of REL-5").rect();
    let days = (end - start).get_days() + 1;
    let day = rect.width() / days as f32;
    let from = rect.center();
    drag(&mut h, from, from + egui::vec2(day * 7.0, 0.0));
    let week = jiff::Span::new().days(7);
    assert_eq!(
        build_and_test(&h),
        (start.checked_add(week).ok(), end.checked_add(week).ok()),
        "the whole phase is a week later"
    );
    undo(&mut h);
    assert_eq!(build_and_test(&h), (Some(start), Some(end)), "Ctrl+Z puts it back");
}

#[test]
fn arrow_keys_move_a_focused_milestone_a_day_at_a_time() {
    let mut h = calendar();
    let (label, id, release) = first_milestone(&h);
    let before = milestone_date(&h, &release, &id);
    h.get_by_label(&label).focus();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(milestone_date(&h, &release, &id), before.tomorrow().expect("a day"), "right: a day later");
    h.key_press(Key::ArrowDown);
    h.run();
    let week_on = before.checked_add(jiff::Span::new().days(8)).expect("a date");
    assert_eq!(milestone_date(&h, &release, &id), week_on, "down: a week later in the month");
    undo(&mut h);
    undo(&mut h);
    assert_eq!(milestone_date(&h, &release, &id), before, "each key press was one step");
}

#[test]
fn arrow_keys_move_a_focused_phase_and_shift_moves_its_end() {
    let mut h = calendar();
    switch(&mut h, &["Timeline", "By release"]);
    let (Some(start), Some(end)) = build_and_test(&h) else { panic!("REL-5 plans Build & Test") };
    h.get_by_label_contains("Phase Build & Test of REL-5").focus();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let next = |d: Date| d.tomorrow().ok();
    assert_eq!(build_and_test(&h), (next(start), next(end)), "right: the whole phase a day later");
    h.get_by_label_contains("Phase Build & Test of REL-5").focus();
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    assert_eq!(build_and_test(&h), (next(start), next(end).and_then(next)), "Shift+right: only the end");
    undo(&mut h);
    undo(&mut h);
    assert_eq!(build_and_test(&h), (Some(start), Some(end)));
}
