//! Edits, undo and redo, the save point and the audit trail.

use relplan::edit::{Document, Edit, EditError, Path};
use relplan::model::{AuditKind, Book, Id, IdKind, Release, RunbookStep};

fn fixed_clock() -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_800_000_000).unwrap_or_default()
}

fn book_with_release() -> Book {
    let mut book = Book { name: "Test book".into(), ..Book::default() };
    let mut release = Release { id: Id::from("REL-1"), name: "Payments 2027.01".into(), ..Release::default() };
    release.deployments.push(relplan::model::Deployment {
        id: Id::from("DEP-1"),
        name: "Production".into(),
        steps: ["Stop traffic", "Deploy", "Smoke test"]
            .iter()
            .enumerate()
            .map(|(i, t)| RunbookStep {
                id: Id::from(format!("STEP-{}", i + 1)),
                title: (*t).into(),
                ..RunbookStep::default()
            })
            .collect(),
        ..Default::default()
    });
    book.releases.push(release);
    book
}

fn release_path() -> Path {
    Path::root().item("releases", &Id::from("REL-1"))
}

fn steps_path() -> Path {
    release_path().item("deployments", &Id::from("DEP-1"))
}

fn titles(doc: &Document) -> Vec<String> {
    doc.book().releases[0].deployments[0].steps.iter().map(|s| s.title.clone()).collect()
}

#[test]
fn set_then_undo_and_redo() {
    let mut doc = Document::new(book_with_release()).with_clock(fixed_clock);
    doc.apply(Edit::set(release_path(), "version", "4.2.0").unwrap()).unwrap();
    assert_eq!(doc.book().releases[0].version, "4.2.0");
    assert_eq!(doc.steps()[0].name, "Set version of REL-1 to “4.2.0”");
    assert_eq!(doc.undo().unwrap(), "Set version of REL-1 to “4.2.0”");
    assert_eq!(doc.book().releases[0].version, "");
    doc.redo().unwrap();
    assert_eq!(doc.book().releases[0].version, "4.2.0");
}

#[test]
fn add_move_and_delete_runbook_steps() {
    let mut doc = Document::new(book_with_release());
    let id = doc.new_id(IdKind::Step);
    let step = RunbookStep { id: id.clone(), title: "Notify service desk".into(), ..RunbookStep::default() };
    doc.apply(Edit::insert(steps_path(), "steps", 0, &step).unwrap()).unwrap();
    assert_eq!(titles(&doc)[0], "Notify service desk");
    doc.apply(Edit::move_to(steps_path(), "steps", &id, 3)).unwrap();
    assert_eq!(titles(&doc), ["Stop traffic", "Deploy", "Smoke test", "Notify service desk"]);
    doc.apply(Edit::remove(steps_path(), "steps", &Id::from("STEP-2"))).unwrap();
    assert_eq!(titles(&doc), ["Stop traffic", "Smoke test", "Notify service desk"]);
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert_eq!(titles(&doc), ["Notify service desk", "Stop traffic", "Deploy", "Smoke test"]);
    doc.undo().unwrap();
    assert_eq!(titles(&doc), ["Stop traffic", "Deploy", "Smoke test"]);
}

#[test]
fn ids_are_never_handed_out_twice() {
    let mut doc = Document::new(book_with_release());
    let first = doc.new_id(IdKind::Step);
    assert_eq!(first.as_str(), "STEP-4", "counters start above the ids already in the book");
    let step = RunbookStep { id: first.clone(), ..RunbookStep::default() };
    doc.apply(Edit::insert(steps_path(), "steps", 9, &step).unwrap()).unwrap();
    doc.undo().unwrap();
    assert_ne!(doc.new_id(IdKind::Step), first);
}

#[test]
fn a_used_up_id_count_is_refused_in_plain_words_and_no_id_repeats() {
    // The id ledger of a book says the last release number is the largest there is.
    let mut book = book_with_release();
    book.ledger.last_ids.insert("REL".into(), u64::MAX);
    book.ledger.last_ids.insert("P".into(), u64::MAX);
    let mut doc = Document::new(book);
    let before = doc.book().clone();
    // New release, as the window makes one.
    let mut ids = relplan::edit::IdPlanner::new(&doc.book().ledger);
    let new = Release { id: ids.next(IdKind::Release), name: "New release".into(), ..Release::default() };
    let e = doc.apply(Edit::insert(Path::root(), "releases", 1, &new).unwrap()).expect_err("refused");
    let words = e.to_string();
    assert!(words.contains("no new release can be added") && words.contains("REL-18446744073709551615"), "{words}");
    // A copy of a release, and an entry made from the next id a view peeks at.
    let copy = relplan::edit::copy_release(doc.book(), &doc.book().releases[0]);
    assert!(doc.apply(Edit::insert(Path::root(), "releases", 1, &copy).unwrap()).is_err());
    let person = relplan::model::Person { id: doc.book().ledger.peek_id(IdKind::Person), ..Default::default() };
    assert!(doc.apply(Edit::insert(Path::root(), "people", 0, &person).unwrap()).is_err());
    let next = doc.new_id(IdKind::Release);
    assert!(next.number().is_none(), "no number is handed out twice: {next}");
    assert_eq!(doc.book().releases, before.releases, "nothing was added");
    assert_eq!(doc.book().ledger.last_ids, before.ledger.last_ids, "the counters did not wrap around");
    // The last number there is is still handed out, once.
    let mut book = book_with_release();
    book.ledger.last_ids.insert("REL".into(), u64::MAX - 1);
    let mut doc = Document::new(book);
    let last = Release { id: doc.book().ledger.peek_id(IdKind::Release), ..Release::default() };
    doc.apply(Edit::insert(Path::root(), "releases", 1, &last).unwrap()).unwrap();
    assert_eq!(doc.book().releases[1].id.as_str(), "REL-18446744073709551615");
    let again = Release { id: doc.book().ledger.peek_id(IdKind::Release), ..Release::default() };
    assert!(doc.apply(Edit::insert(Path::root(), "releases", 2, &again).unwrap()).is_err());
}

#[test]
fn a_failing_group_changes_nothing() {
    let mut doc = Document::new(book_with_release());
    let before = doc.book().clone();
    let group = Edit::Group {
        name: "Rename and break".into(),
        edits: vec![
            Edit::set(release_path(), "name", "Renamed").unwrap(),
            Edit::remove(steps_path(), "steps", &Id::from("STEP-99")),
        ],
    };
    assert_eq!(doc.apply(group), Err(EditError::NoSuchItem(Id::from("STEP-99"))));
    assert_eq!(doc.book(), &before);
    assert!(!doc.is_dirty());
}

#[test]
fn wrong_values_and_paths_are_refused() {
    let mut doc = Document::new(book_with_release());
    let bad = Edit::Set { at: release_path(), field: "phase".into(), value: "Launched".into() };
    assert!(matches!(doc.apply(bad), Err(EditError::BadValue(_))));
    let nowhere = Edit::set(Path::root().item("releases", &Id::from("REL-404")), "name", "x").unwrap();
    assert!(matches!(doc.apply(nowhere), Err(EditError::NoSuchPath(_))));
    let no_field = Edit::set(release_path(), "colour", "red").unwrap();
    assert!(matches!(doc.apply(no_field), Err(EditError::NoSuchField(_))));
    let id_change = Edit::set(release_path(), "id", "REL-2").unwrap();
    assert!(doc.apply(id_change).is_err(), "ids never change");
    assert!(!doc.is_dirty());
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let mut doc = Document::new(book_with_release()).with_clock(fixed_clock);
    for text in ["P", "Pa", "Pay", "Paym"] {
        doc.apply_typing(Edit::set(release_path(), "summary", text).unwrap()).unwrap();
    }
    assert_eq!(doc.history().undo_len(), 1);
    let audit: Vec<_> = doc.book().ledger.audit.iter().map(|a| a.what.as_str()).collect();
    assert_eq!(audit, ["Set summary of REL-1 to “Paym”"], "the audit trail has one line per step");
    doc.seal();
    doc.apply_typing(Edit::set(release_path(), "summary", "Payment").unwrap()).unwrap();
    assert_eq!(doc.history().undo_len(), 2);
    doc.undo().unwrap();
    assert_eq!(doc.book().releases[0].summary, "Paym");
    doc.undo().unwrap();
    assert_eq!(doc.book().releases[0].summary, "");
}

#[test]
fn the_save_point_is_exact() {
    let mut doc = Document::new(book_with_release());
    assert!(!doc.is_dirty());
    doc.apply(Edit::set(release_path(), "version", "1").unwrap()).unwrap();
    assert!(doc.is_dirty());
    doc.undo().unwrap();
    assert!(!doc.is_dirty(), "undoing back to the saved state makes the book clean");
    doc.redo().unwrap();
    doc.mark_saved();
    doc.undo().unwrap();
    assert!(doc.is_dirty());
    doc.apply(Edit::set(release_path(), "version", "1").unwrap()).unwrap();
    assert!(doc.is_dirty(), "a new branch never matches the saved state, even with equal content");
}

#[test]
fn typing_after_a_save_makes_the_book_dirty() {
    let mut doc = Document::new(book_with_release());
    doc.apply_typing(Edit::set(release_path(), "summary", "a").unwrap()).unwrap();
    doc.mark_saved();
    doc.apply_typing(Edit::set(release_path(), "summary", "ab").unwrap()).unwrap();
    assert!(doc.is_dirty());
}

#[test]
fn the_audit_trail_records_who_what_and_when() {
    let mut doc = Document::new(book_with_release()).with_clock(fixed_clock);
    doc.set_author("Dana Whitfield");
    doc.apply(Edit::set(release_path(), "version", "2.0").unwrap()).unwrap();
    doc.undo().unwrap();
    doc.redo().unwrap();
    let audit = &doc.book().ledger.audit;
    let kinds: Vec<AuditKind> = audit.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, [AuditKind::Edit, AuditKind::Undo, AuditKind::Redo]);
    assert!(audit.iter().all(|a| a.who == "Dana Whitfield" && a.at == fixed_clock()));
    assert_eq!(audit[1].what, "Undo: Set version of REL-1 to “2.0”");
}

#[test]
fn jump_to_a_step_in_the_history() {
    let mut doc = Document::new(book_with_release());
    for v in ["1", "2", "3"] {
        doc.apply(Edit::set(release_path(), "version", v).unwrap()).unwrap();
    }
    doc.jump_to(1).unwrap();
    assert_eq!(doc.book().releases[0].version, "1");
    assert_eq!(doc.steps().iter().filter(|s| s.done).count(), 1);
    doc.jump_to(3).unwrap();
    assert_eq!(doc.book().releases[0].version, "3");
}
