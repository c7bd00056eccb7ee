//! The risk register's pure parts: scores and bands on 3, 4 and 5 point
//! scales, matrices, filters and order, what needs attention, the release
//! summary, and the CSV export and import (escaping, round trip, bad rows,
//! importing twice).

use jiff::civil::{Date, date};
use relplan::model::{Band, Book, Id, Risk, RiskCategory, RiskPolicy, RiskStatus, Treatment};
use relplan::risk::{self, Column, Filter, OwnerFilter, Position, Sort, Which};
use std::path::Path;

const TODAY: Date = date(2026, 11, 27);

fn example() -> Book {
    relplan::templates::example().expect("the example book opens")
}

fn risk(id: &str, l: u8, i: u8, rl: u8, ri: u8) -> Risk {
    Risk {
        id: Id::from(id),
        title: format!("Risk {id}"),
        likelihood: l,
        impact: i,
        residual_likelihood: rl,
        residual_impact: ri,
        ..Risk::default()
    }
}

fn policy(scale: u8, medium: u8, high: u8, critical: u8) -> RiskPolicy {
    RiskPolicy { scale, medium_from: medium, high_from: high, critical_from: critical, ..RiskPolicy::default() }
}

#[test]
fn scores_are_likelihood_times_impact_and_bands_follow_the_default_thresholds() {
    let p = RiskPolicy::default();
    let r = risk("RISK-1", 4, 5, 2, 3);
    assert_eq!(risk::score_of(&r, Which::Inherent, &p), 20);
    assert_eq!(risk::score_of(&r, Which::Residual, &p), 6);
    for (score, band) in [
        (1, Band::Low),
        (4, Band::Low),
        (5, Band::Medium),
        (9, Band::Medium),
        (10, Band::High),
        (16, Band::High),
        (17, Band::Critical),
        (25, Band::Critical),
    ] {
        assert_eq!(p.band(score), band, "score {score}");
    }
    assert_eq!(risk::band_of(&r, Which::Inherent, &p), Band::Critical);
    assert_eq!(risk::band_of(&r, Which::Residual, &p), Band::Medium);
}

#[test]
fn three_and_four_point_scales_clamp_positions_and_move_the_bands() {
    let three = policy(3, 3, 5, 7);
    let r = risk("RISK-1", 5, 4, 1, 2);
    assert_eq!(risk::position(&r, Which::Inherent, &three), Position { likelihood: 3, impact: 3 });
    assert_eq!(risk::score_of(&r, Which::Inherent, &three), 9, "never above the scale's highest score");
    assert_eq!(risk::band_of(&r, Which::Inherent, &three), Band::Critical);
    assert_eq!(risk::band_of(&r, Which::Residual, &three), Band::Low);
    assert_eq!(three.band(4), Band::Medium);
    assert_eq!(three.band(6), Band::High);

    let four = policy(4, 4, 8, 12);
    assert_eq!(risk::score_of(&r, Which::Inherent, &four), 16);
    assert_eq!(four.band(3), Band::Low);
    assert_eq!(four.band(4), Band::Medium);
    assert_eq!(four.band(9), Band::High);
    assert_eq!(four.band(12), Band::Critical);
    assert_eq!(risk::likelihood_label(4, 4), "Almost certain");
    assert_eq!(risk::impact_label(3, 1), "Minor");
    assert_eq!(risk::likelihood_label(5, 3), "Possible");
    assert_eq!(risk::impact_label(5, 5), "Severe");
}

#[test]
fn a_matrix_has_a_cell_per_position_with_its_count_and_band() {
    for (scale, p) in [(3, policy(3, 3, 5, 7)), (4, policy(4, 4, 8, 12)), (5, RiskPolicy::default())] {
        let risks = vec![risk("RISK-1", 1, 1, 1, 1), risk("RISK-2", scale, scale, 1, 2), risk("RISK-3", 9, 9, 2, 1)];
        let m = risk::matrix(&risks, &[0, 1, 2], Which::Inherent, &p);
        assert_eq!(m.cells.len(), usize::from(scale) * usize::from(scale));
        assert_eq!(m.total(), 3);
        let top = m.cell(Position { likelihood: scale, impact: scale });
        assert_eq!(top.count(), 2, "a position off the scale lands in the top cell");
        assert_eq!(top.band, Band::Critical);
        assert_eq!(top.score, scale * scale);
        assert_eq!(m.cell(Position { likelihood: 1, impact: 1 }).band, Band::Low);
        assert_eq!(m.per_band()[Band::Critical as usize], 2);
        let moves = risk::movements(&risks, &[0, 1, 2], &p);
        assert_eq!(moves.len(), 2, "RISK-1 did not move; the other two did");
        assert!(moves.iter().all(|m| m.count == 1));
    }
}

#[test]
fn filters_narrow_the_register_and_the_matrix_cell_filter_applies_last() {
    let book = example();
    let all = risk::rows(&book, &Filter::default(), Sort::default(), TODAY);
    assert_eq!(all.len(), book.risks.len());
    let technical = Filter { category: Some(RiskCategory::Technical), ..Filter::default() };
    let rows = risk::rows(&book, &technical, Sort::default(), TODAY);
    assert!(!rows.is_empty() && rows.iter().all(|&i| book.risks[i].category == RiskCategory::Technical));
    let rel = Id::from("REL-4");
    let in_release = Filter { release: Some(rel.clone()), ..Filter::default() };
    let rows = risk::rows(&book, &in_release, Sort::default(), TODAY);
    assert_eq!(rows.len(), book.risks_of(&rel).count());
    let owner = book.risks[0].owner.clone().expect("the first example risk has an owner");
    let mine = Filter { owner: OwnerFilter::Person(owner.clone()), ..Filter::default() };
    assert!(
        risk::rows(&book, &mine, Sort::default(), TODAY).iter().all(|&i| book.risks[i].owner.as_ref() == Some(&owner))
    );
    let closed = Filter { status: Some(RiskStatus::Closed), ..Filter::default() };
    assert!(
        risk::rows(&book, &closed, Sort::default(), TODAY).iter().all(|&i| book.risks[i].status == RiskStatus::Closed)
    );
    let at = risk::position(&book.risks[3], Which::Inherent, &book.policy.risk);
    let cell = Filter { cell: Some((Which::Inherent, at)), ..Filter::default() };
    let rows = risk::rows(&book, &cell, Sort::default(), TODAY);
    assert!(rows.contains(&3));
    assert!(rows.iter().all(|&i| risk::position(&book.risks[i], Which::Inherent, &book.policy.risk) == at));
    let text = Filter { text: book.risks[2].title.to_uppercase(), ..Filter::default() };
    assert_eq!(risk::rows(&book, &text, Sort::default(), TODAY), vec![2]);
}

#[test]
fn sorting_by_any_column_keeps_empty_cells_last_and_ties_in_register_order() {
    let mut a = risk("RISK-10", 2, 2, 1, 1);
    a.title = "banana".into();
    let mut b = risk("RISK-2", 5, 5, 4, 4);
    b.title = "Apple".into();
    b.due = Some(date(2026, 12, 1));
    let mut c = risk("RISK-3", 2, 2, 2, 2);
    c.title = "cherry".into();
    c.due = Some(date(2026, 11, 1));
    let book = Book { risks: vec![a, b, c], ..Book::default() };
    let sort = |column, descending| risk::rows(&book, &Filter::default(), Sort { column, descending }, TODAY);
    assert_eq!(sort(Column::Id, false), vec![1, 2, 0], "ids sort by number: RISK-2, RISK-3, RISK-10");
    assert_eq!(sort(Column::Title, false), vec![1, 0, 2], "titles ignore case");
    assert_eq!(sort(Column::Title, true), vec![2, 0, 1]);
    assert_eq!(sort(Column::InherentScore, true), vec![1, 0, 2], "ties keep the register's order");
    assert_eq!(sort(Column::Due, false), vec![2, 1, 0], "no due date comes last");
    assert_eq!(sort(Column::Due, true), vec![1, 2, 0], "and last when reversed too");
    assert_eq!(
        Sort::default().clicked(Column::ResidualScore),
        Sort { column: Column::ResidualScore, descending: true }
    );
    assert_eq!(Sort::default().clicked(Column::Id), Sort { column: Column::Id, descending: true });
}

#[test]
fn overdue_reviews_and_open_high_risks_without_owner_or_treatment_are_flagged() {
    let p = RiskPolicy::default();
    let mut r = risk("RISK-1", 4, 4, 4, 4);
    r.next_review = Some(date(2026, 11, 26));
    let a = risk::attention(&r, &p, TODAY);
    assert!(a.review_overdue && a.no_owner && a.no_treatment);
    r.next_review = Some(TODAY);
    r.owner = Some(Id::from("P-1"));
    r.treatment = Some(Treatment::Mitigate);
    r.residual_likelihood = 1;
    assert!(!risk::attention(&r, &p, TODAY).any(), "due today is not overdue; treated to low");
    let medium = risk("RISK-2", 2, 3, 2, 3);
    assert!(!risk::attention(&medium, &p, TODAY).any(), "a medium risk may wait for an owner");
    let mut closed = risk("RISK-3", 5, 5, 5, 5);
    closed.status = RiskStatus::Closed;
    closed.next_review = Some(date(2020, 1, 1));
    assert!(!risk::attention(&closed, &p, TODAY).any(), "closed risks need nothing");
    let book = Book { risks: vec![risk("RISK-4", 5, 5, 5, 5), medium], ..Book::default() };
    assert_eq!(risk::unowned_or_untreated(&book, TODAY), vec![0]);
    assert!(risk::overdue_reviews(&book, TODAY).is_empty());
}

#[test]
fn a_release_summary_has_the_highest_open_residual_and_a_count_per_band() {
    let rel = Id::from("REL-1");
    let mut a = risk("RISK-1", 5, 5, 4, 3);
    let mut b = risk("RISK-2", 5, 5, 1, 2);
    let mut c = risk("RISK-3", 5, 5, 5, 5);
    c.status = RiskStatus::Closed;
    for r in [&mut a, &mut b, &mut c] {
        r.releases = vec![rel.clone()];
    }
    let book = Book { risks: vec![a, b, c, risk("RISK-4", 5, 5, 5, 5)], ..Book::default() };
    let s = risk::summary(&book, &rel);
    assert_eq!(s.highest, Some((12, Band::High)));
    assert_eq!(s.per_band, [1, 0, 1, 0]);
    assert_eq!((s.total, s.active()), (3, 2));
    assert!(s.words().contains("highest residual score 12 (high)"), "{}", s.words());
    assert_eq!(risk::summary(&book, &Id::from("REL-9")).highest, None);
    let all = risk::summaries(&book);
    assert_eq!(all.get(&rel), Some(&s), "the one-pass summaries agree");
    let example = example();
    let all = risk::summaries(&example);
    for r in &example.releases {
        assert_eq!(all.get(&r.id).copied().unwrap_or_default(), risk::summary(&example, &r.id), "{}", r.id);
    }
}

mod register_csv;
