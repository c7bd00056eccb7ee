//! The release schedule as pure functions: each conflict rule, the next
//! free slot, the calendar items of a range; and (in `recurrence`)
//! recurring windows expanded across month ends, leap years and
//! daylight-saving changes.

use jiff::civil::{DateTime, date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use relplan::model::{
    Blackout, BlackoutScope, Book, ConfigItem, Decision, DecisionKind, Deployment, Environment, EnvironmentKind, Id,
    MaintenanceWindow, Milestone, Person, Release, Repeat, RunbookStep, Window,
};
use relplan::schedule::items::{ItemFilter, Kinds};
use relplan::schedule::{
    ConflictKind, DeploymentRef, Interval, ItemIndex, ItemKind, ScheduleIndex, calendar_items, conflicts_if_moved,
    detect, instant, next_free_slot, occurrences, zone,
};

const LONDON: &str = "Europe/London";

fn window(start: DateTime, end: DateTime, repeat: Repeat) -> Window {
    Window { start, end, zone: LONDON.into(), repeat, until: None }
}

fn utc(dt: DateTime) -> Timestamp {
    instant(dt, &TimeZone::UTC)
}

fn london(dt: DateTime) -> Timestamp {
    instant(dt, &zone(LONDON))
}

fn range(a: DateTime, b: DateTime) -> Interval {
    Interval::new(london(a), london(b))
}

fn starts(w: &Window, r: Interval) -> Vec<DateTime> {
    occurrences(w, &zone(&w.zone), r).into_iter().map(|o| o.start).collect()
}

// A small book for the conflict rules.

fn person(id: &str) -> Person {
    Person { id: id.into(), name: format!("Person {id}"), ..Default::default() }
}

fn step(id: &str, owner: &str, minutes: u32, after: &[&str]) -> RunbookStep {
    RunbookStep {
        id: id.into(),
        title: format!("Step {id}"),
        owner: Some(owner.into()),
        duration_minutes: minutes,
        depends_on: after.iter().map(|s| Id::from(*s)).collect(),
        ..Default::default()
    }
}

fn deployment(id: &str, env: &str, start: DateTime, hours: i64, cis: &[&str]) -> Deployment {
    let end = start.checked_add(SignedDuration::from_hours(hours)).unwrap_or(start);
    Deployment {
        id: id.into(),
        name: format!("Deployment {id}"),
        environment: env.into(),
        window: window(start, end, Repeat::Never),
        config_items: cis.iter().map(|c| Id::from(*c)).collect(),
        ..Default::default()
    }
}

fn release(id: &str, deployments: Vec<Deployment>) -> Release {
    Release { id: id.into(), name: format!("Release {id}"), deployments, ..Default::default() }
}

fn base() -> Book {
    let sunday = window(date(2026, 1, 4).at(1, 0, 0, 0), date(2026, 1, 4).at(5, 0, 0, 0), Repeat::Weekly);
    Book {
        environments: vec![
            Environment { id: "ENV-1".into(), name: "Test".into(), kind: EnvironmentKind::Test, ..Default::default() },
            Environment {
                id: "ENV-2".into(),
                name: "Production".into(),
                kind: EnvironmentKind::Production,
                maintenance_windows: vec![MaintenanceWindow {
                    id: "MW-1".into(),
                    name: "Sunday".into(),
                    window: sunday,
                }],
                ..Default::default()
            },
        ],
        people: vec![person("P-1"), person("P-2")],
        config_items: vec![
            ConfigItem { id: "CI-1".into(), name: "gateway".into(), ..Default::default() },
            ConfigItem { id: "CI-2".into(), name: "ledger".into(), ..Default::default() },
        ],
        blackouts: vec![Blackout {
            id: "BO-1".into(),
            name: "Christmas".into(),
            scope: BlackoutScope::Environments(vec!["ENV-2".into()]),
            window: window(date(2026, 12, 19).at(0, 0, 0, 0), date(2027, 1, 3).at(23, 59, 0, 0), Repeat::Never),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn kinds(book: &Book) -> Vec<ConflictKind> {
    detect(book).into_iter().map(|c| c.kind).collect()
}

#[test]
fn deployments_to_one_environment_at_the_same_time_conflict_once_per_group() {
    let mut book = base();
    let at = date(2026, 11, 10).at(9, 0, 0, 0);
    book.releases = vec![
        release("REL-1", vec![deployment("DEP-1", "ENV-1", at, 3, &[])]),
        release("REL-2", vec![deployment("DEP-2", "ENV-1", date(2026, 11, 10).at(11, 0, 0, 0), 3, &["CI-1"])]),
        release("REL-3", vec![deployment("DEP-3", "ENV-1", date(2026, 11, 10).at(13, 0, 0, 0), 1, &[])]),
        release("REL-4", vec![deployment("DEP-4", "ENV-1", date(2026, 11, 10).at(14, 0, 0, 0), 1, &[])]),
    ];
    let found = detect(&book);
    assert_eq!(found.len(), 1, "{found:?}");
    let c = &found[0];
    assert_eq!(c.kind, ConflictKind::Environment);
    let ids: Vec<&str> = c.deployments.iter().map(|d| d.deployment.as_str()).collect();
    assert_eq!(ids, vec!["DEP-1", "DEP-2", "DEP-3"], "DEP-4 starts when the group has ended");
    assert_eq!(c.when, range(date(2026, 11, 10).at(11, 0, 0, 0), date(2026, 11, 10).at(14, 0, 0, 0)));
    assert_eq!(c.environment.as_ref().map(Id::as_str), Some("ENV-1"));
}

#[test]
fn deployments_of_different_releases_changing_one_item_at_once_conflict() {
    let mut book = base();
    let at = date(2026, 11, 15).at(1, 0, 0, 0);
    book.releases = vec![
        release(
            "REL-1",
            vec![
                deployment("DEP-1", "ENV-1", at, 3, &["CI-1", "CI-2"]),
                deployment("DEP-2", "ENV-2", at, 3, &["CI-1"]),
            ],
        ),
        release("REL-2", vec![deployment("DEP-3", "ENV-2", date(2026, 11, 15).at(3, 0, 0, 0), 1, &[])]),
        release("REL-3", vec![deployment("DEP-4", "ENV-1", date(2026, 11, 16).at(2, 0, 0, 0), 1, &["CI-2"])]),
    ];
    // DEP-1 and DEP-2 share CI-1 but belong to one release; DEP-2 and DEP-3 share an environment.
    assert_eq!(kinds(&book), vec![ConflictKind::Environment]);
    book.releases[2].deployments[0].window.start = date(2026, 11, 15).at(2, 0, 0, 0);
    book.releases[2].deployments[0].environment = "ENV-3".into();
    let found = detect(&book);
    let ci = found.iter().find(|c| c.kind == ConflictKind::ConfigItem).expect("a configuration-item conflict");
    assert_eq!(ci.config_items, vec![Id::from("CI-2")]);
    assert!(ci.involves(&"DEP-1".into()) && ci.involves(&"DEP-4".into()));
}

#[test]
fn a_deployment_in_a_blackout_needs_a_blackout_exception_decision() {
    let mut book = base();
    let mut rel = release("REL-1", vec![deployment("DEP-1", "ENV-2", date(2026, 12, 20).at(1, 0, 0, 0), 2, &[])]);
    book.releases = vec![rel.clone()];
    let found = detect(&book);
    assert_eq!(found.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ConflictKind::Blackout]);
    assert_eq!(found[0].blackout.as_ref().map(Id::as_str), Some("BO-1"));

    rel.decisions.push(Decision { id: "DEC-1".into(), kind: DecisionKind::Waiver, ..Default::default() });
    rel.deployments[0].blackout_exception = Some("DEC-1".into());
    book.releases = vec![rel.clone()];
    let found = detect(&book);
    assert_eq!(found.len(), 1, "a waiver is not a blackout exception");
    assert_eq!(found[0].invalid_exception.as_ref().map(Id::as_str), Some("DEC-1"));

    rel.decisions[0].kind = DecisionKind::BlackoutException;
    book.releases = vec![rel.clone()];
    let found = detect(&book);
    assert_eq!(found.len(), 1, "an exception nobody has decided yet does not count");
    assert!(found[0].describe(&book, &jiff::tz::TimeZone::UTC).contains("not approved yet"));

    rel.decisions[0].decided_by = Some("P-1".into());
    rel.decisions[0].decided_at = Some(jiff::Timestamp::UNIX_EPOCH);
    book.releases = vec![rel.clone()];
    assert!(detect(&book).is_empty(), "an approved exception allows it");

    rel.deployments[0].blackout_exception = None;
    rel.deployments[0].environment = "ENV-1".into();
    book.releases = vec![rel];
    assert!(detect(&book).is_empty(), "the blackout binds production only");
}

#[test]
fn a_person_on_two_steps_at_once_is_double_booked() {
    let mut book = base();
    let mut a = deployment("DEP-1", "ENV-1", date(2026, 11, 10).at(9, 0, 0, 0), 4, &[]);
    a.steps = vec![step("S-1", "P-1", 60, &[]), step("S-2", "P-1", 60, &["S-1"])];
    let mut b = deployment("DEP-2", "ENV-3", date(2026, 11, 10).at(11, 30, 0, 0), 4, &[]);
    b.steps = vec![step("S-3", "P-2", 30, &[]), step("S-4", "P-1", 30, &["S-3"])];
    book.releases = vec![release("REL-1", vec![a.clone()]), release("REL-2", vec![b])];
    assert!(detect(&book).is_empty(), "S-2 ends at 11:00 and S-4 starts at 12:00");
    book.releases[1].deployments[0].window.start = date(2026, 11, 10).at(10, 0, 0, 0);
    let found = detect(&book);
    assert_eq!(found.len(), 1, "{found:?}");
    let c = &found[0];
    assert_eq!(c.kind, ConflictKind::Person);
    assert_eq!(c.person.as_ref().map(Id::as_str), Some("P-1"));
    assert_eq!(c.steps, vec![Id::from("S-2"), Id::from("S-4")]);
    assert_eq!(c.when, range(date(2026, 11, 10).at(10, 30, 0, 0), date(2026, 11, 10).at(11, 0, 0, 0)));

    // Two steps of one runbook without a dependency run side by side.
    a.steps[1].depends_on.clear();
    book.releases = vec![release("REL-1", vec![a])];
    let found = detect(&book);
    assert_eq!(found.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ConflictKind::Person]);
    assert_eq!(found[0].deployments.len(), 1);
}

#[test]
fn a_production_deployment_must_fit_a_maintenance_window() {
    let mut book = base();
    let cases = [
        (date(2026, 11, 15).at(2, 0, 0, 0), 2, "ENV-2", false),
        (date(2026, 11, 15).at(4, 0, 0, 0), 2, "ENV-2", true),
        (date(2026, 11, 16).at(2, 0, 0, 0), 1, "ENV-2", true),
        (date(2026, 11, 16).at(2, 0, 0, 0), 1, "ENV-1", false),
        // Clocks go back on 25 October: the window still runs from 01:00 to 05:00 on the wall clock.
        (date(2026, 10, 25).at(1, 0, 0, 0), 4, "ENV-2", false),
    ];
    for (start, hours, env, conflict) in cases {
        book.releases = vec![release("REL-1", vec![deployment("DEP-1", env, start, hours, &[])])];
        let found = kinds(&book);
        assert_eq!(found == vec![ConflictKind::Maintenance], conflict, "{start} {hours}h {env}: {found:?}");
    }
}

#[test]
fn the_next_free_slot_is_the_earliest_window_of_the_same_length_without_a_conflict() {
    let mut book = base();
    book.releases = vec![
        release("REL-1", vec![deployment("DEP-1", "ENV-2", date(2026, 12, 20).at(1, 0, 0, 0), 3, &[])]),
        release("REL-2", vec![deployment("DEP-2", "ENV-2", date(2027, 1, 10).at(1, 0, 0, 0), 2, &[])]),
    ];
    let ix = ScheduleIndex::build(&book);
    let dep = DeploymentRef { release: "REL-1".into(), deployment: "DEP-1".into() };
    let from = london(date(2026, 12, 20).at(1, 0, 0, 0));
    let slot = next_free_slot(&book, &ix, &dep, from).expect("a slot");
    // After the freeze (to 3 January), the Sunday window of 10 January is taken until 03:00: too late for 3 hours.
    assert_eq!(slot, range(date(2027, 1, 17).at(1, 0, 0, 0), date(2027, 1, 17).at(4, 0, 0, 0)));
    assert!(conflicts_if_moved(&book, &ix, &dep, slot).is_empty());
    let blocked =
        conflicts_if_moved(&book, &ix, &dep, range(date(2027, 1, 10).at(2, 0, 0, 0), date(2027, 1, 10).at(5, 0, 0, 0)));
    assert_eq!(blocked.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ConflictKind::Environment]);
}

#[test]
fn the_sweep_and_the_index_agree_on_a_generated_book() {
    let book = relplan::generate::generate(200, 7);
    let found = detect(&book);
    assert_eq!(found, detect(&book), "the same book gives the same conflicts");
    let ix = ScheduleIndex::build(&book);
    for r in &book.releases {
        for d in &r.deployments {
            let dep = DeploymentRef { release: r.id.clone(), deployment: d.id.clone() };
            let e = ix.entry_of(&book, &d.id).expect("indexed");
            let here = conflicts_if_moved(&book, &ix, &dep, ix.deps[e as usize].interval);
            let mut want: Vec<ConflictKind> = found.iter().filter(|c| c.involves(&d.id)).map(|c| c.kind).collect();
            let mut got: Vec<ConflictKind> = here.iter().map(|c| c.kind).collect();
            want.sort();
            want.dedup();
            got.sort();
            got.dedup();
            assert_eq!(got, want, "{} {}", r.id, d.id);
        }
    }
}

#[test]
fn calendar_items_are_those_of_the_range_and_the_filter() {
    let mut book = base();
    let mut rel = release("REL-1", vec![deployment("DEP-1", "ENV-2", date(2026, 12, 6).at(1, 0, 0, 0), 2, &[])]);
    rel.milestones.push(Milestone { id: "MS-1".into(), name: "Go".into(), date: date(2026, 12, 3), done: false });
    rel.phases.build_and_test.planned_start = Some(date(2026, 11, 2));
    rel.phases.build_and_test.planned_end = Some(date(2026, 12, 4));
    book.releases = vec![rel];
    let tz = zone(LONDON);
    let december = range(date(2026, 12, 1).at(0, 0, 0, 0), date(2027, 1, 1).at(0, 0, 0, 0));
    let items = calendar_items(&book, december, &tz, &ItemFilter::default());
    let count = |k: ItemKind| items.iter().filter(|i| i.kind() == k).count();
    assert_eq!(count(ItemKind::Phase), 1);
    assert_eq!(count(ItemKind::Milestone), 1);
    assert_eq!(count(ItemKind::Deployment), 1);
    assert_eq!(count(ItemKind::Blackout), 1);
    assert_eq!(count(ItemKind::Maintenance), 4, "the Sundays of December 2026");
    assert!(items.windows(2).all(|w| w[0].interval.start <= w[1].interval.start), "ordered by start");
    let only_test = ItemFilter { environment: Some("ENV-1".into()), ..Default::default() };
    assert!(
        calendar_items(&book, december, &tz, &only_test).is_empty(),
        "REL-1 does not deploy to Test, BO-1 binds production"
    );
    let no_windows =
        ItemFilter { kinds: Kinds { blackouts: false, maintenance: false, ..Kinds::default() }, ..Default::default() };
    assert_eq!(calendar_items(&book, december, &tz, &no_windows).len(), 3);
    let november = range(date(2026, 11, 1).at(0, 0, 0, 0), date(2026, 11, 2).at(0, 0, 0, 0));
    assert_eq!(calendar_items(&book, november, &tz, &no_windows).len(), 0, "the phase starts on 2 November");
}

#[test]
fn the_item_index_gives_the_same_items_as_walking_the_book() {
    let book = relplan::generate::generate(150, 2);
    let ix = ItemIndex::build(&book);
    let tz = zone(LONDON);
    let ranges = [
        range(date(2026, 11, 1).at(0, 0, 0, 0), date(2026, 12, 1).at(0, 0, 0, 0)),
        range(date(2026, 3, 23).at(0, 0, 0, 0), date(2026, 3, 30).at(0, 0, 0, 0)),
        range(date(2027, 1, 1).at(0, 0, 0, 0), date(2028, 1, 1).at(0, 0, 0, 0)),
    ];
    let env = book.environments.get(3).map(|e| e.id.clone());
    let filters = [
        ItemFilter::default(),
        ItemFilter { environment: env, ..Default::default() },
        ItemFilter { phase: Some(relplan::model::Phase::Planning), ..Default::default() },
    ];
    let keys = |items: Vec<relplan::schedule::CalendarItem<'_>>| {
        let mut k: Vec<_> = items.iter().map(|i| (i.interval, format!("{:?}", i.key()))).collect();
        k.sort();
        k
    };
    for r in ranges {
        for f in &filters {
            let walked = keys(calendar_items(&book, r, &tz, f));
            assert!(!walked.is_empty());
            let indexed = ix.items(&book, r, &tz, f);
            assert!(indexed.windows(2).all(|w| w[0].interval.start <= w[1].interval.start), "ordered by start");
            assert_eq!(keys(indexed), walked);
            assert_eq!(keys(ix.items_by_kind(&book, r, &tz, f)), walked);
        }
    }
}

mod recurrence;
