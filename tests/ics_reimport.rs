//! Relplan's own calendar file imported back into the book it came from:
//! its blackouts are updated, not added again, and the release plans'
//! phases, milestones and deployments are skipped (the preview says so).

use relplan::edit::Document;
use relplan::export::ics::{IcsOptions, to_ics};
use relplan::import::ics::preview;
use relplan::model::Book;
use std::path::Path;

fn example() -> Book {
    relplan::templates::example().expect("the example book opens")
}

#[test]
fn importing_the_books_own_export_duplicates_nothing_and_changes_nothing() {
    let book = example();
    let text = to_ics(&book, &IcsOptions::default());
    let p = preview(&book, text.as_bytes(), Path::new("/tmp/northwind.ics")).expect("a preview");
    assert!(p.lines.is_empty(), "nothing to add or update: {:?}", p.lines);
    assert!(p.edit.is_none(), "no edit");
    assert!(
        p.title.contains(&format!("({} already up to date)", book.blackouts.len())),
        "every blackout is known: {}",
        p.title
    );
    // Every event that is not a blackout's (their UIDs start with the release's id).
    let plan_events = text.split("\r\n").filter(|l| l.starts_with("UID:REL-")).count();
    assert!(plan_events > 0);
    let said = format!("{plan_events} phase, milestone and deployment events from Relplan skipped");
    assert!(p.problems.iter().any(|x| x.starts_with(&said)), "the preview says what it skipped: {:?}", p.problems);
}

#[test]
fn a_blackout_changed_in_the_file_is_updated_in_place() {
    let book = example();
    let first = book.blackouts[0].clone();
    let text = to_ics(&book, &IcsOptions::default())
        .replace(&format!("SUMMARY:Blackout: {}", first.name), "SUMMARY:Blackout: Peak freeze (moved)");
    let p = preview(&book, text.as_bytes(), Path::new("/tmp/northwind.ics")).expect("a preview");
    assert_eq!(p.lines.len(), 1, "{:?}", p.lines);
    assert!(p.lines[0].starts_with(&format!("Update {} “Peak freeze (moved)”", first.id)), "{:?}", p.lines);
    let mut doc = Document::new(book.clone());
    doc.apply_import(p.edit.expect("an edit")).expect("it applies");
    let b = doc.book();
    assert_eq!(b.blackouts.len(), book.blackouts.len(), "no blackout added");
    assert_eq!(b.blackouts[0].name, "Peak freeze (moved)");
    assert_eq!(b.blackouts[0].window, first.window, "the window stays as written");
    assert_eq!(b.blackouts[0].reason, first.reason, "the reason is read back without the export's own words");
    assert_eq!(b.blackouts[0].scope, first.scope);
}

#[test]
fn another_books_export_adds_its_blackouts_rather_than_overwrite_these() {
    let book = example();
    let mut other = book.clone();
    other.name = "Another team's plan".to_owned();
    let text =
        to_ics(&other, &IcsOptions { phases: false, milestones: false, deployments: false, ..Default::default() });
    let p = preview(&book, text.as_bytes(), Path::new("/tmp/other.ics")).expect("a preview");
    assert_eq!(p.lines.len(), book.blackouts.len(), "{:?}", p.lines);
    assert!(p.lines.iter().all(|l| l.starts_with("Add ")), "{:?}", p.lines);
}
