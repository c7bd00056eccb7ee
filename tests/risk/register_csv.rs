//! The register as CSV: formula-like text quoted, every column written,
//! round trips, bad rows reported by line and column, importing twice.

use super::*;
use proptest::prelude::*;
use relplan::edit::{Edit, apply};
use relplan::export::risk_csv::{BOM, CsvOptions, escape_cell, to_csv, unescape_cell};
use relplan::import::risk_csv::preview;

#[test]
fn formula_like_text_is_quoted_so_spreadsheets_never_run_it() {
    for text in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
        assert_eq!(escape_cell(text), format!("'{text}"), "{text:?}");
        assert_eq!(unescape_cell(&escape_cell(text)), text);
    }
    for text in ["Plain", "1-2", "", "a=b", "'quoted'", "2026-11-27"] {
        assert_eq!(escape_cell(text), text, "{text:?} is left alone");
    }
    assert_eq!(escape_cell("'=x"), "''=x", "a quote before a formula sign is kept through the round trip");
    assert_eq!(unescape_cell("''=x"), "'=x");

    let mut book = example();
    book.risks[0].title = "=cmd|' /C calc'!A0".into();
    book.risks[0].description = "-bullet point".into();
    book.risks[0].actions = "@SUM(1)".into();
    let text = String::from_utf8(to_csv(&book, &CsvOptions::default())).expect("UTF-8");
    assert!(text.starts_with(BOM), "a byte-order mark first");
    assert!(text.contains("'=cmd|' /C calc'!A0"));
    assert!(text.contains("'-bullet point"));
    assert!(text.contains("'@SUM(1)"));
    assert!(!text.contains(",=cmd") && !text.contains(",-bullet") && !text.contains(",@SUM"));
}

#[test]
fn the_export_writes_every_register_column_with_scores_bands_and_releases() {
    let book = example();
    let bytes = to_csv(&book, &CsvOptions::default());
    let text = String::from_utf8(bytes).expect("UTF-8");
    let mut lines = text.trim_start_matches(BOM).lines();
    let header = lines.next().expect("a header");
    let names: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    assert_eq!(header, names.join(","));
    for needed in ["Inherent score", "Inherent band", "Residual score", "Residual band", "Releases", "Next review"] {
        assert!(header.contains(needed), "{needed}");
    }
    let mut reader = csv::Reader::from_reader(text.trim_start_matches(BOM).as_bytes());
    let first = reader.records().next().expect("a row").expect("readable");
    let r = &book.risks[0];
    assert_eq!(&first[0], r.id.as_str());
    assert_eq!(&first[9], (r.likelihood * r.impact).to_string());
    assert_eq!(&first[10], book.policy.risk.band(r.inherent_score()).label());
    assert_eq!(&first[15], (r.residual_likelihood * r.residual_impact).to_string());
    assert_eq!(&first[21], r.releases.iter().map(Id::as_str).collect::<Vec<_>>().join(", "));
    assert_eq!(text.lines().count(), book.risks.len() + 1, "one line per risk (no line breaks in the example)");

    let rel = Id::from("REL-4");
    let semi = String::from_utf8(to_csv(&book, &CsvOptions { release: Some(rel.clone()), semicolon: true })).unwrap();
    assert!(semi.trim_start_matches(BOM).starts_with("ID;Title;Description;"));
    assert_eq!(semi.trim_end().split("\r\n").count(), book.risks_of(&rel).count() + 1);
}

fn import(book: &Book, bytes: &[u8]) -> relplan::import::ImportPreview {
    preview(book, bytes, Path::new("register.csv")).expect("the file can be read")
}

fn applied(book: &Book, edit: Option<Edit>) -> Book {
    let mut book = book.clone();
    if let Some(e) = edit {
        apply(&mut book, &e).expect("the import applies");
    }
    book
}

#[test]
fn the_csv_round_trips_through_an_empty_register_and_a_second_import_adds_nothing() {
    let original = example();
    let bytes = to_csv(&original, &CsvOptions { semicolon: true, ..CsvOptions::default() });
    let same = import(&original, &bytes);
    assert!(same.problems.is_empty(), "{:?}", same.problems);
    assert!(same.edit.is_none(), "the book already holds every risk: {:?}", same.lines);

    let mut empty = original.clone();
    empty.risks.clear();
    let first = import(&empty, &bytes);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert!(matches!(first.edit, Some(Edit::Group { .. })), "one undo step");
    assert_eq!(first.lines.len(), original.risks.len());
    let after = applied(&empty, first.edit);
    assert_eq!(after.risks.len(), original.risks.len());
    for (a, b) in after.risks.iter().zip(&original.risks) {
        assert_ne!(a.id, b.id, "deleted ids are never reused");
        assert_eq!(Risk { id: b.id.clone(), ..a.clone() }, *b, "every field survives the round trip");
    }
    let second = import(&after, &bytes);
    assert!(second.edit.is_none(), "importing the same file twice does not duplicate: {:?}", second.lines);
    assert!(second.notes.iter().any(|l| l.contains("already as in the file")), "{:?}", second.notes);
    assert!(second.lines.is_empty(), "no entries to import: {:?}", second.lines);
}

#[test]
fn a_changed_row_updates_its_risk_matched_by_id_or_by_title_and_releases() {
    let book = example();
    let mut text = String::from_utf8(to_csv(&book, &CsvOptions::default())).unwrap();
    let old = book.risks[1].title.clone();
    text = text.replace(&old, "Refund audit trail checked weekly");
    let p = import(&book, text.as_bytes());
    let Some(Edit::Group { edits, .. }) = &p.edit else { panic!("an update: {:?}", p.lines) };
    assert_eq!(edits.len(), 1, "only the title changes");
    assert!(p.lines[0].starts_with("Update RISK-2"), "{:?}", p.lines);
    let after = applied(&book, p.edit.clone());
    assert_eq!(after.risks[1].title, "Refund audit trail checked weekly");

    // Without the id column, a row is matched by title and releases.
    let csv =
        "Title,Likelihood,Impact,Releases\r\n\"Third-party certificate rotation breaks terminal TLS\",1,1,REL-4\r\n";
    let mut b = book.clone();
    b.risks[3].title = "Third-party certificate rotation breaks terminal TLS".into();
    b.risks[3].releases = vec![Id::from("REL-4")];
    let p = import(&b, csv.as_bytes());
    assert!(p.lines.iter().any(|l| l.starts_with("Update RISK-4")), "{:?}", p.lines);
}

#[test]
fn bad_rows_are_reported_by_line_and_column_and_the_good_ones_still_come_in() {
    let book = example();
    let csv = "\u{FEFF}ID;Title;Category;Likelihood;Impact;Owner;Next review;Releases;Treatment\n\
        ;Good new risk;Technical;2;3;;2026-12-01;REL-4;Mitigate\n\
        ;Too likely;Technical;7;3;;;;\n\
        ;Unknown owner;Business;2;2;Nobody Atall;31/12/2026;REL-99;Sometimes\n\
        ;;Technical;1;1;;;;\n\
        ;'=Formula title;Regulatory;1;1;;27.11.2026;;\n";
    let p = import(&book, csv.as_bytes());
    let problems = p.problems.join("\n");
    assert!(problems.contains("Line 3, column D (Likelihood): “7” is not a whole number from 1 to 5"), "{problems}");
    assert!(problems.contains("Line 4, column F (Owner)"), "{problems}");
    assert!(problems.contains("Line 4, column G (Next review)"), "{problems}");
    assert!(problems.contains("Line 4, column H (Releases)"), "{problems}");
    assert!(problems.contains("Line 4, column I (Treatment)"), "{problems}");
    assert!(problems.contains("Line 5, column B (Title): is empty"), "{problems}");
    assert_eq!(p.lines.len(), 2, "{:?}", p.lines);
    let before = book.risks.len();
    let after = applied(&book, p.edit.clone());
    assert_eq!(after.risks.len(), before + 2);
    let formula = after.risks.last().unwrap();
    assert_eq!(formula.title, "=Formula title", "the spreadsheet-safety quote is taken off");
    assert_eq!(formula.next_review, Some(TODAY));
    let good = &after.risks[before];
    assert_eq!((good.likelihood, good.impact, good.residual_likelihood, good.residual_impact), (2, 3, 2, 3));
    assert_eq!(good.releases, vec![Id::from("REL-4")]);
    assert_eq!(good.treatment, Some(Treatment::Mitigate));
    assert!(book.risks.iter().all(|r| r.id != good.id), "a fresh id");
    let again = import(&after, csv.as_bytes());
    assert!(again.edit.is_none(), "no duplicates the second time: {:?}", again.lines);
    // The same file with CRLF line ends (as the export and spreadsheets
    // write it), and a quoted cell over two lines: the same lines are named.
    let crlf = csv.replace('\n', "\r\n").replace(";Good new risk;", ";\"Good new\r\nrisk\";");
    let problems = import(&book, crlf.as_bytes()).problems.join("\n");
    assert!(problems.contains("Line 4, column D (Likelihood): “7”"), "{problems}");
    assert!(problems.contains("Line 5, column F (Owner)"), "{problems}");
    assert!(problems.contains("Line 6, column B (Title): is empty"), "{problems}");
}

#[test]
fn files_that_cannot_be_read_as_a_register_are_refused_with_a_reason() {
    let book = example();
    let err = preview(&book, b"", Path::new("x.csv")).unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    let err = preview(&book, b"Name,Score\nA,1\n", Path::new("x.csv")).unwrap_err();
    assert!(err.to_string().contains("no Title column"), "{err}");
    let latin = b"Title,Likelihood,Impact\nCaf\xe9 outage,2,2\n";
    let p = import(&book, latin);
    assert!(p.notes.iter().any(|l| l.contains("Windows-1252")), "{:?}", p.notes);
    let after = applied(&book, p.edit);
    assert_eq!(after.risks.last().map(|r| r.title.as_str()), Some("Café outage"));
    let dup = "Title,Likelihood,Impact,Releases\nSame,1,1,REL-1\nSame,2,2,REL-1\n";
    let p = import(&book, dup.as_bytes());
    assert!(p.problems.iter().any(|m| m.starts_with("Line 3: the same risk as line 2")), "{:?}", p.problems);
}

proptest! {
    #[test]
    fn escaping_always_round_trips(text in ".{0,12}") {
        let escaped = escape_cell(&text);
        prop_assert_eq!(unescape_cell(&escaped), text.as_str());
        let first = escaped.chars().next();
        prop_assert!(!matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')));
    }

    #[test]
    fn any_register_survives_export_and_import(
        rows in proptest::collection::vec((".{0,10}", 1u8..=5, 1u8..=5, 0usize..4, any::<bool>()), 1..8)
    ) {
        let base = example();
        let mut original = base.clone();
        original.risks = rows.iter().enumerate().map(|(k, (title, l, i, cat, semi))| Risk {
            id: Id::from(format!("RISK-{}", 100 + k)),
            title: format!("{k} {title}"),
            description: if *semi { "a;b,\"c\"\nd".into() } else { title.clone() },
            category: RiskCategory::ALL[*cat],
            likelihood: *l,
            impact: *i,
            residual_likelihood: *i,
            residual_impact: *l,
            ..Risk::default()
        }).collect();
        let bytes = to_csv(&original, &CsvOptions { release: None, semicolon: rows.len() % 2 == 0 });
        let mut empty = original.clone();
        empty.risks.clear();
        let p = import(&empty, &bytes);
        prop_assert!(p.problems.is_empty(), "{:?}", p.problems);
        let after = applied(&empty, p.edit);
        prop_assert_eq!(after.risks.len(), original.risks.len());
        for (a, b) in after.risks.iter().zip(&original.risks) {
            prop_assert_eq!(&Risk { id: b.id.clone(), ..a.clone() }, b);
        }
    }
}
