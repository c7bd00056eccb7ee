//! The decks of the example book as of 27 November 2026: which slides come
//! in which order, and what the slides a CAB asks about say.

use crate::model::{Book, Id};
use crate::present::blocks::{Block, Fact, SpanKind, Stat, Table, Target, Tone};
use crate::present::deck::{Deck, Scope, Slide, SlideKind, deck};
use jiff::civil::Date;

fn today() -> Date {
    Date::constant(2026, 11, 27)
}

fn example() -> Book {
    crate::templates::example().expect("the example book opens")
}

fn deck_of(book: &Book, scope: Scope) -> Deck {
    let findings = crate::check::all_findings(book, today());
    deck(book, &scope, today(), &findings)
}

fn rel5(book: &Book) -> Deck {
    deck_of(book, Scope::Release(Id::from("REL-5")))
}

fn slide(deck: &Deck, kind: SlideKind) -> &Slide {
    deck.slides.iter().find(|s| s.kind == kind).expect("the deck has the slide")
}

fn blocks(s: &Slide) -> impl Iterator<Item = &Block> {
    s.top.iter().chain(&s.left).chain(&s.right)
}

fn tables(s: &Slide) -> Vec<&Table> {
    blocks(s).filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

fn facts(s: &Slide) -> Vec<&Fact> {
    blocks(s)
        .filter_map(|b| match b {
            Block::Facts(f) | Block::Summary(f) => Some(f),
            _ => None,
        })
        .flatten()
        .collect()
}

fn fact<'a>(s: &'a Slide, label: &str) -> &'a str {
    facts(s).into_iter().find(|f| f.label == label).map(|f| f.value.text.as_str()).expect("the fact is there")
}

#[test]
fn a_release_deck_walks_the_plan_in_order() {
    let book = example();
    let d = rel5(&book);
    let kinds: Vec<SlideKind> = d.slides.iter().map(|s| s.kind).collect();
    use SlideKind as K;
    assert_eq!(
        kinds,
        [
            K::Overview,
            K::Scope,
            K::Schedule,
            K::Runbook,
            K::Runbook,
            K::Runbook,
            K::Risks,
            K::Acceptance,
            K::Backout,
            K::Findings,
            K::GoNoGo
        ]
    );
    assert_eq!(d.title, "Payments 2027.01.1");
    assert!(d.slides.iter().all(|s| s.release == Some(Id::from("REL-5"))));
    assert!(d.slides.iter().all(|s| !s.notes.is_empty()), "every slide has talking points");
    let runbooks: Vec<&str> = d.slides.iter().filter(|s| s.kind == K::Runbook).map(|s| s.title.as_str()).collect();
    assert_eq!(
        runbooks,
        ["Runbook: Staging rehearsal", "Runbook: Production deployment", "Runbook: Disaster recovery update"],
        "the test deployment is done, so it has no slide"
    );
}

#[test]
fn the_upcoming_deck_has_an_agenda_then_each_release_soonest_first() {
    let book = example();
    let d = deck_of(&book, Scope::Upcoming);
    assert_eq!(d.slides[0].kind, SlideKind::Agenda);
    assert_eq!(d.releases, [Id::from("REL-4"), Id::from("REL-5"), Id::from("REL-6")]);
    let agenda = &tables(&d.slides[0])[0];
    let names: Vec<&str> = agenda.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
    assert_eq!(names, ["REL-4 Payments 2026.11.1", "REL-5 Payments 2027.01.1", "REL-6 Payments 2027.03.1"]);
    assert_eq!(d.slides.iter().filter(|s| s.kind == SlideKind::Overview).count(), 3);
}

#[test]
fn the_acceptance_slide_lists_criteria_and_approvals_as_targets_for_decisions() {
    let book = example();
    let d = rel5(&book);
    let s = slide(&d, SlideKind::Acceptance);
    let t = tables(s);
    let criteria: Vec<(&str, &str)> =
        t[0].rows.iter().map(|r| (r.cells[0].text.as_str(), r.cells[2].text.as_str())).collect();
    assert_eq!(
        criteria,
        [
            ("AC-20", "✔ Met"),
            ("AC-21", "✔ Met"),
            ("AC-22", "○ Pending"),
            ("AC-23", "○ Pending"),
            ("AC-24", "○ Pending")
        ]
    );
    assert_eq!(t[0].rows[2].target, Some(Target::Criterion(Id::from("AC-22"))));
    let approvals: Vec<&str> = t[1].rows.iter().map(|r| r.cells[2].text.as_str()).collect();
    assert_eq!(approvals, ["✔ With conditions", "○ Pending", "○ Pending"]);
    assert!(s.notes[0].contains("AC-22, AC-23, AC-24"), "{:?}", s.notes);
}

#[test]
fn the_backout_slide_says_when_to_decide_and_whether_it_fits() {
    let book = example();
    let d = rel5(&book);
    let s = slide(&d, SlideKind::Backout);
    assert!(fact(s, "Decide by").starts_with("Sun 10 Jan 04:15 Europe/London"), "{}", fact(s, "Decide by"));
    assert_eq!(fact(s, "Runbook and backout"), "3 h 45 min + 45 min = 4 h 30 min in a 4 h window");
    assert!(blocks(s).any(|b| matches!(b, Block::Callout(c) if c.text.contains("overrun"))));
}

#[test]
fn the_production_runbook_times_each_step_from_the_window() {
    let book = example();
    let d = rel5(&book);
    let s = d.slides.iter().find(|s| s.title == "Runbook: Production deployment").expect("the slide");
    let steps = &tables(s)[0];
    assert_eq!(steps.rows.len(), 10);
    let first: Vec<&str> = steps.rows[2].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        first,
        ["3", "01:15", "Take a full database backup and record the baseline", "Aisha Bello", "30 min", "○ to do"]
    );
    assert_eq!(fact(s, "Runbook takes"), "3 h 45 min of 4 h");
}

#[test]
fn the_schedule_shows_phases_milestones_deployments_and_the_freezes_over_them() {
    let book = example();
    let d = rel5(&book);
    let s = slide(&d, SlideKind::Schedule);
    let Some(Block::Timeline(t)) = s.top.first() else { panic!("the schedule starts with a timeline") };
    let lanes: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(lanes, ["Phases", "Milestones", "Test", "Staging", "Production", "Disaster recovery"]);
    assert_eq!(t.today, Some(today()));
    let current: Vec<&str> = t.lanes[0]
        .spans
        .iter()
        .filter(|x| x.kind == SpanKind::Phase { current: true })
        .map(|x| x.label.as_str())
        .collect();
    assert_eq!(current, ["Build & Test"]);
    let shaded: Vec<&str> = t.shaded.iter().map(|x| x.label.as_str()).collect();
    assert!(shaded.contains(&"Year-end change freeze"), "{shaded:?}");
    assert!(shaded.contains(&"Black Friday to Cyber Monday peak freeze"), "{shaded:?}");
}

#[test]
fn the_risk_matrix_counts_every_open_risk_once() {
    let book = example();
    let d = rel5(&book);
    let s = slide(&d, SlideKind::Risks);
    let Some(Block::Matrix(m)) = s.right.first() else { panic!("the risks slide has a matrix") };
    let top = &tables(s)[0];
    assert_eq!(m.cells.iter().map(|c| c.count).sum::<usize>(), top.rows.len() + top.more);
    assert_eq!(top.rows[0].cells[0].text, "RISK-11", "the highest current exposure comes first");
    assert_eq!(top.rows[0].cells[2].text, "9 · Medium");
}

#[test]
fn a_release_that_is_not_there_gives_one_slide_that_says_so() {
    let book = example();
    let d = deck_of(&book, Scope::Release(Id::from("REL-99")));
    assert_eq!(d.slides.len(), 1);
    assert!(d.slides[0].top.iter().any(|b| matches!(b, Block::Callout(c) if c.text.contains("REL-99"))));
}

#[test]
fn an_empty_release_still_gives_every_slide_with_plain_words() {
    let mut book = example();
    book.releases.push(crate::model::Release { id: Id::from("REL-7"), name: "Empty".into(), ..Default::default() });
    let d = deck_of(&book, Scope::Release(Id::from("REL-7")));
    assert_eq!(d.slides.len(), 9);
    let runbook = slide(&d, SlideKind::Runbook);
    assert!(runbook.top.iter().any(|b| matches!(b, Block::Callout(c) if c.text.contains("No deployment"))));
}

#[test]
fn the_schedule_lists_a_clash_and_marks_the_deployments_in_it() {
    let mut book = example();
    // A smoke test of REL-6 booked into staging while REL-5 rehearses there.
    let payments = book.release(&Id::from("REL-5")).expect("REL-5");
    let rehearsal = payments.deployments.iter().find(|d| d.name == "Staging rehearsal").expect("a rehearsal").clone();
    let mut smoke = rehearsal.clone();
    smoke.id = Id::from("DEP-99");
    smoke.name = "Hotfix smoke test".into();
    smoke.config_items.clear();
    smoke.steps.clear();
    let rel6 = book.releases.iter_mut().find(|r| r.id.as_str() == "REL-6").expect("REL-6");
    rel6.deployments.push(smoke);

    let d = rel5(&book);
    let s = slide(&d, SlideKind::Schedule);
    let conflicts = tables(s).into_iter().find(|t| t.caption == "Conflicts").expect("a conflicts table");
    let rows: Vec<(&str, &str)> =
        conflicts.rows.iter().map(|r| (r.cells[0].text.as_str(), r.cells[1].text.as_str())).collect();
    let clash = rows.iter().find(|(kind, _)| *kind == "⚠ Same environment").unwrap_or_else(|| panic!("{rows:?}"));
    assert!(clash.1.contains("DEP-99 “Hotfix smoke test” of REL-6"), "{}", clash.1);
    assert!(clash.1.contains(&format!("{} “Staging rehearsal” of REL-5", rehearsal.id)), "{}", clash.1);
    assert_eq!(conflicts.rows[0].cells[0].tone, crate::present::blocks::Tone::Bad);
    let n = conflicts.rows.len() + conflicts.more;
    assert!(s.notes[0].starts_with(&format!("{n} conflict")), "{:?}", s.notes);
    assert!(s.notes[0].contains("agree who moves"), "{:?}", s.notes);

    // On the timeline, the rehearsal is marked and the deployments without a clash are not.
    let Some(Block::Timeline(t)) = s.top.first() else { panic!("the schedule starts with a timeline") };
    let marked: Vec<(&str, &str)> = t
        .lanes
        .iter()
        .flat_map(|l| l.spans.iter().filter(|x| x.conflict).map(move |x| (l.label.as_str(), x.label.as_str())))
        .collect();
    assert_eq!(marked, [("Staging", "Staging rehearsal")]);

    // Without the smoke test, the same slide says there is no clash.
    let plain = example();
    let d = deck_of(&plain, Scope::Release(Id::from("REL-5")));
    let s = slide(&d, SlideKind::Schedule);
    let conflicts = tables(s).into_iter().find(|t| t.caption == "Conflicts").expect("a conflicts table");
    assert!(conflicts.rows.is_empty() && conflicts.empty.starts_with("✔ No conflicts"));
    assert_eq!(s.notes[0], "No schedule conflicts.");
}

fn stats(s: &Slide) -> Vec<&Stat> {
    blocks(s).filter_map(|b| if let Block::Stats(x) = b { Some(x) } else { None }).flatten().collect()
}

fn stat<'a>(s: &'a Slide, caption: &str) -> &'a Stat {
    let all = stats(s);
    all.iter().copied().find(|x| x.caption == caption).unwrap_or_else(|| panic!("no “{caption}” in {all:?}"))
}

#[test]
fn the_approvals_table_carries_the_whole_cab_condition() {
    let book = example();
    let d = rel5(&book);
    let approvals = tables(slide(&d, SlideKind::Acceptance))[1];
    assert_eq!(
        approvals.rows[0].cells[4].text,
        "Authorised at CAB on 18 November 2026 (RFC-2166), on condition that the peak-volume performance test \
         passes before the staging rehearsal."
    );
}

#[test]
fn the_key_dates_and_findings_of_rel5_are_all_handed_to_the_slides() {
    let book = example();
    let d = rel5(&book);
    let key_dates = tables(slide(&d, SlideKind::Schedule))[0];
    let what: Vec<&str> = key_dates.rows.iter().map(|r| r.cells[1].text.as_str()).collect();
    assert_eq!(
        (what.as_slice(), key_dates.more),
        (
            [
                "Peak-volume performance test",
                "Staging rehearsal with database failover",
                "Go/no-go meeting",
                "Production deployment",
                "Disaster recovery brought to the new baseline"
            ]
            .as_slice(),
            0
        )
    );
    let findings = tables(slide(&d, SlideKind::Findings))[0];
    assert_eq!((findings.rows.len(), findings.more), (9, 0));
}

#[test]
fn the_findings_slide_counts_the_gate_in_checks_and_marks_what_blocks_it() {
    let book = example();
    let d = rel5(&book);
    let s = slide(&d, SlideKind::Findings);
    let gate = stat(s, "gate to Deployment: 15 of 21 checks pass; 9 findings block it");
    assert_eq!((gate.value.as_str(), gate.tone), ("⚠ Blocked", Tone::Bad));
    let errors = stat(s, "errors");
    assert_eq!(errors.value, "0");
    assert_ne!(errors.tone, Tone::Good, "no error count shows as good while the gate is blocked");
    assert!(stats(s).iter().all(|x| !x.caption.contains("criteria")), "the gate counts checks, not criteria");
    let t = tables(s)[0];
    assert!(t.rows.iter().all(|r| r.cells[0].text == "⚠ Blocks the gate"), "each of the 9 warnings blocks the gate");
    assert!(
        s.notes
            .iter()
            .any(|n| n
                == "9 warnings today become errors at the gate to Deployment and block it: agree an owner for each."),
        "{:?}",
        s.notes
    );
}

#[test]
fn the_go_no_go_slide_says_acceptance_criteria_and_what_blocks_the_gate() {
    let book = example();
    let d = rel5(&book);
    let s = slide(&d, SlideKind::GoNoGo);
    assert_eq!(stat(s, "acceptance criteria met").value, "2 of 5");
    let blocks = stat(s, "findings block the gate to Deployment");
    assert_eq!((blocks.value.as_str(), blocks.tone), ("⚠ 9", Tone::Bad));
    assert!(stats(s).iter().all(|x| x.caption != "check errors"), "no “0 check errors” while the gate is blocked");
}

#[test]
fn without_enforced_gates_the_go_no_go_slide_says_what_would_block() {
    let mut book = example();
    book.policy.gates.enforce = false;
    let d = rel5(&book);
    let blocks = stat(slide(&d, SlideKind::GoNoGo), "findings would block the gate to Deployment");
    assert_eq!((blocks.value.as_str(), blocks.tone), ("⚠ 9", Tone::Warning));
    let gate = stat(
        slide(&d, SlideKind::Findings),
        "gate to Deployment: 15 of 21 checks pass; 9 findings would block it, but gates are not enforced",
    );
    assert_eq!((gate.value.as_str(), gate.tone), ("⚠ Open", Tone::Warning));
}
