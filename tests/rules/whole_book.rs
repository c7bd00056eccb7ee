//! Whole books: the example has no errors, a generated book a plausible
//! number of findings; and the whole-book check, which splits the releases
//! between threads, finds exactly what the structural checks and the
//! process rules find one after the other, in the same order.

use jiff::civil::{Date, date};
use relplan::check::{Finding, Severity, all_findings, process_findings, structural_findings};
use relplan::model::{Book, Id};

const TODAY: Date = date(2026, 11, 27);

fn one_by_one(book: &Book) -> Vec<relplan::check::Finding> {
    let mut expected = structural_findings(book);
    expected.extend(process_findings(book, TODAY));
    expected
}

#[test]
fn a_clean_generated_book_gives_the_same_findings_either_way() {
    let book = relplan::generate::generate(60, 3);
    let expected = one_by_one(&book);
    assert!(!expected.is_empty(), "a generated book has unfinished plans");
    assert!(expected.iter().all(|f| !f.rule.starts_with('S')), "generated books are structurally sound");
    assert_eq!(all_findings(&book, TODAY), expected);
}

#[test]
fn an_id_used_in_both_halves_of_the_book_is_found() {
    let mut book = relplan::generate::generate(60, 3);
    // The first release's id reused by a milestone of the last one: each
    // half on its own is clean, only the two together are not.
    let first = book.releases[0].id.clone();
    let last = book.releases.len() - 1;
    let Some(m) = book.releases[last].milestones.first_mut() else { panic!("generated releases have milestones") };
    m.id = first.clone();
    let found = all_findings(&book, TODAY);
    let s1: Vec<_> = found.iter().filter(|f| f.rule == "S1").collect();
    assert_eq!(s1.len(), 1, "{s1:?}");
    assert!(s1[0].message.contains(first.as_str()), "{}", s1[0].message);
    assert_eq!(found, one_by_one(&book));
}

#[test]
fn problems_spread_over_the_book_come_out_in_the_one_by_one_order() {
    let mut book = relplan::generate::generate(60, 5);
    let n = book.releases.len();
    for (k, i) in [0, n / 3, n / 2, n - 1].into_iter().enumerate() {
        let r = &mut book.releases[i];
        r.owner = Some(Id::from(format!("P-{}", 9000 + k)));
        r.name = " ".into();
        if let Some(d) = r.deployments.first_mut() {
            d.window.zone = "Mars/Olympus".into();
            d.environment = Id::from("ENV-404");
        }
    }
    if let Some(risk) = book.risks.first_mut() {
        risk.likelihood = 9;
        risk.releases.push(Id::from("REL-77777"));
    }
    book.policy.release_types.retain(|t| !t.emergency);
    let blank = book.releases[n / 2].id.clone();
    if let Some(c) = book.releases[n / 4].criteria.first_mut() {
        c.id = Id::from("");
    }
    let expected = one_by_one(&book);
    for rule in ["S2", "S3", "S5", "S6", "S7", "R1"] {
        assert!(expected.iter().any(|f| f.rule == rule), "{rule} expected in {expected:#?}");
    }
    assert!(expected.iter().any(|f| f.release.as_ref() == Some(&blank)));
    assert_eq!(all_findings(&book, TODAY), expected);
}

#[test]
fn the_example_book_has_no_errors() {
    let all = process_findings(&relplan::templates::example().expect("example"), TODAY);
    let errors: Vec<&Finding> = all.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn generated_books_give_a_plausible_number_of_findings() {
    let book = relplan::generate::generate(200, 1);
    let all = process_findings(&book, TODAY);
    let errors = all.iter().filter(|f| f.severity == Severity::Error).count();
    assert!(all.len() < 12 * book.releases.len(), "{} findings", all.len());
    assert!(errors * 50 < book.releases.len(), "{errors} errors");
}
