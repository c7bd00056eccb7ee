//! Broken and hostile files give clear errors with line:column and the
//! field path, and never a panic.

use relplan::model::{Book, Deployment, Id, Person, Release, ReleaseType, Risk, RunbookStep};
use relplan::store::{LoadError, Parsed, parse, to_text};
use std::path::Path;

fn small_book() -> Book {
    let mut book = Book { name: "Small".into(), ..Book::default() };
    book.policy.release_types.push(ReleaseType { id: Id::from("RT-1"), name: "Major".into(), ..Default::default() });
    book.people.push(Person { id: Id::from("P-1"), name: "Ana".into(), ..Default::default() });
    book.releases.push(Release {
        id: Id::from("REL-1"),
        name: "One".into(),
        release_type: Id::from("RT-1"),
        owner: Some(Id::from("P-1")),
        ..Default::default()
    });
    book.risks.push(Risk {
        id: Id::from("RISK-1"),
        title: "Disk".into(),
        releases: vec![Id::from("REL-1")],
        ..Default::default()
    });
    book
}

fn text() -> String {
    to_text(&small_book()).unwrap()
}

fn parse_str(s: &str) -> Result<Parsed, LoadError> {
    parse(s.as_bytes(), Path::new("plan.ron"))
}

fn parse_error(s: &str) -> relplan::store::ParseError {
    match parse_str(s) {
        Err(LoadError::Parse(e)) => e,
        other => panic!("expected a parse error, got {other:?}"),
    }
}

/// 1-based line of the first occurrence of `needle`.
fn line_of(s: &str, needle: &str) -> usize {
    let at = s.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    s[..at].matches('\n').count() + 1
}

#[test]
fn a_valid_book_loads_clean() {
    let parsed = parse_str(&text()).unwrap();
    assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
    assert_eq!(parsed.book, small_book());
}

#[test]
fn a_truncated_file_says_it_ends_too_early() {
    let t = text();
    let cut = &t[..t.len() / 2];
    let e = parse_error(cut);
    assert!(e.message.contains("ends too early"), "{e}");
    assert!(e.line > 1);
    assert!(e.to_string().contains("The file was not changed"), "{e}");
}

#[test]
fn common_mistakes_are_said_in_plain_words() {
    let t = text();
    let cases = [
        (t.replacen("likelihood: 1,", "likelihood: 300,", 1), "too large, or below zero"),
        (t.replacen("likelihood: 1,", "likelihood: -1,", 1), "too large, or below zero"),
        (t.replacen("likelihood: 1,", "likelihood: \"1\",", 1), "whole number is expected"),
        (format!("{t} x"), "more text after the end of the book"),
    ];
    for (broken, words) in cases {
        assert_ne!(broken, t, "the case changes the book");
        let e = parse_error(&broken);
        assert!(e.to_string().contains(words), "“{words}” in: {e}");
    }
}

#[test]
fn a_wrong_type_names_line_column_and_field() {
    let t = text().replace("scale: 5,", "scale: \"five\",");
    let e = parse_error(&t);
    assert_eq!(e.line, line_of(&t, "scale: \"five\""), "{e}");
    assert_eq!(e.field, "book.policy.risk.scale");
    assert!(e.to_string().starts_with(&format!("plan.ron:{}:", e.line)), "{e}");
}

#[test]
fn an_invalid_date_names_its_path() {
    let t = text().replace("next_review: None", "next_review: Some(\"2026-02-30\")");
    let e = parse_error(&t);
    assert_eq!(e.field, "book.risks[0].next_review");
    assert_eq!(e.line, line_of(&t, "2026-02-30"), "{e}");
}

#[test]
fn an_unknown_field_lists_the_known_ones() {
    let t = text().replace("name: \"One\",", "name: \"One\",\n            colour: \"red\",");
    let e = parse_error(&t);
    assert!(e.message.contains("colour"), "{e}");
    assert!(e.message.contains("release_type"), "{e}");
    assert_eq!(e.line, line_of(&t, "colour"));
}

#[test]
fn a_newer_format_version_that_holds_only_known_things_opens_marked_newer() {
    let t = text().replace("version: 1,", "version: 99,");
    let parsed = parse_str(&t).expect("a newer book with nothing unknown opens");
    assert_eq!(parsed.newer_version, Some(99));
    assert_eq!(parsed.book, small_book());
    let current = parse_str(&text()).expect("opens");
    assert_eq!(current.newer_version, None);
}

#[test]
fn a_newer_format_version_with_unknown_things_is_refused_saying_where() {
    let t = text()
        .replace("version: 1,", "version: 99,")
        .replace("name: \"One\",", "name: \"One\",\n            colour: \"red\",");
    match parse_str(&t) {
        Err(e @ LoadError::NewerVersion { found: 99, supported: 1, .. }) => {
            let line = line_of(&t, "colour");
            assert!(e.to_string().contains(&format!("at {line}:")), "{e}");
            assert!(e.to_string().contains("newer Relplan"), "{e}");
            assert!(e.to_string().contains("did not change it"), "{e}");
        }
        other => panic!("expected a newer-version refusal, got {other:?}"),
    }
}

#[test]
fn a_file_that_is_not_a_book_says_so() {
    let e = parse_error("{\"releases\": []}");
    assert!(e.message.contains("not a Relplan book"), "{e}");
    assert_eq!((e.line, e.column), (1, 1));
    let e = parse_error("(\n    format: \"something-else\",\n    version: 1,\n)");
    assert!(e.message.contains("something-else"), "{e}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text().as_bytes());
    assert!(parse(&bytes, Path::new("bom.ron")).is_ok());
}

#[test]
fn bytes_that_are_not_text_are_refused() {
    let mut bytes = text().into_bytes();
    bytes.insert(40, 0xFF);
    match parse(&bytes, Path::new("x.ron")) {
        Err(LoadError::Parse(e)) => assert!(e.message.contains("not UTF-8"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for depth in [100, 100_000] {
        let t =
            text().replace("description: \"\",", &format!("description: {}1{},", "[".repeat(depth), "]".repeat(depth)));
        let e = parse_error(&t);
        assert_eq!(e.line, line_of(&t, "[[["), "{e}");
    }
}

#[test]
fn a_dangling_reference_is_a_finding_with_its_place() {
    let t = text().replace("owner: Some(\"P-1\")", "owner: Some(\"P-7\")");
    let parsed = parse_str(&t).unwrap();
    let f = &parsed.findings[0];
    assert_eq!(f.rule, "S3");
    assert_eq!(f.path(), "releases[REL-1].owner");
    assert!(f.message.contains("P-7"), "{f}");
    assert_eq!(f.position.map(|p| p.0), Some(line_of(&t, "P-7")));
}

#[test]
fn a_duplicate_id_points_at_its_second_use() {
    let mut book = small_book();
    book.people.push(Person { id: Id::from("P-1"), name: "Ben".into(), ..Default::default() });
    let t = to_text(&book).unwrap();
    let parsed = parse_str(&t).unwrap();
    let f = parsed.findings.iter().find(|f| f.rule == "S1").expect("a duplicate-id finding");
    assert!(f.message.contains("P-1"), "{f}");
    assert_eq!(f.position.map(|p| p.0), Some(line_of(&t, "\"Ben\"") - 1));
}

#[test]
fn runbook_steps_waiting_for_each_other_in_a_circle_are_a_finding_naming_them() {
    let mut book = small_book();
    let step = |n: u32, after: u32| RunbookStep {
        id: Id::from(format!("STEP-{n}")),
        title: format!("Step {n}"),
        duration_minutes: 10,
        depends_on: vec![Id::from(format!("STEP-{after}"))],
        ..Default::default()
    };
    // STEP-1 waits for the last step, which leads back to it through STEP-2.
    let steps = vec![step(1, 3), step(2, 1), step(3, 2)];
    book.releases[0].deployments.push(Deployment { id: Id::from("DEP-1"), steps, ..Default::default() });
    let t = to_text(&book).unwrap();
    let parsed = parse_str(&t).unwrap();
    let circles: Vec<_> = parsed.findings.iter().filter(|f| f.message.contains("circle")).collect();
    assert_eq!(circles.len(), 1, "{circles:#?}");
    let f = circles[0];
    assert_eq!((f.rule, f.severity), ("S3", relplan::check::Severity::Error));
    assert_eq!(f.path(), "releases[REL-1].deployments[DEP-1].steps[STEP-1].depends_on");
    assert_eq!(
        f.message,
        "STEP-1 waits for STEP-3, which waits for STEP-2, which waits for STEP-1: these 3 steps wait for each \
         other in a circle, so none of them can start. Remove one of these dependencies; until then, times are \
         worked out as if STEP-1 did not wait for STEP-3."
    );
    // The times shown follow the runbook's order, as the finding says.
    let minutes = relplan::schedule::steps::step_minutes(&book.releases[0].deployments[0].steps);
    let starts: Vec<u64> = minutes.iter().map(|m| m.0).collect();
    assert_eq!(starts, [0, 10, 20]);
}

#[test]
fn an_impossible_value_is_a_finding() {
    let t = text().replace("likelihood: 1,", "likelihood: 7,");
    let parsed = parse_str(&t).unwrap();
    let f = parsed.findings.iter().find(|f| f.path() == "risks[RISK-1].likelihood").expect("a finding");
    assert_eq!(f.rule, "S5");
    assert_eq!(f.position.map(|p| p.0), Some(line_of(&t, "likelihood: 7")));
}

#[test]
fn findings_are_worded_for_what_is_actually_wrong() {
    let mut book = small_book();
    let noon = jiff::civil::date(2027, 3, 1).at(12, 0, 0, 0);
    let window = relplan::model::Window { start: noon, end: noon, zone: "UTC".into(), ..Default::default() };
    let dep = Deployment { id: Id::from("DEP-1"), environment: Id::from("ENV-9"), window, ..Default::default() };
    book.releases[0].deployments.push(dep);
    book.risks[0].likelihood = 9;
    book.risks[0].impact = 3;
    book.policy.risk.scale = 0;
    let messages: Vec<String> = relplan::check::structural_findings(&book)
        .into_iter()
        .map(|f| format!("{}: {}", f.path(), f.message))
        .collect();
    let has = |text: &str| messages.iter().any(|m| m.contains(text));
    assert!(has("ENV-9 is not an environment in this book."), "{messages:#?}");
    assert!(has("The window ends when it starts (2027-03-01T12:00:00), so it has no length"), "{messages:#?}");
    assert!(!has("before it starts"), "{messages:#?}");
    assert!(has("The risk scale is 0; it must be 3, 4 or 5."), "{messages:#?}");
    assert!(has("likelihood: The likelihood is 9, which no risk scale allows"), "{messages:#?}");
    assert!(has("this book's risk scale, 0, is not a valid scale either"), "{messages:#?}");
    assert!(!has("1 to 0") && !has("impact:"), "an impact of 3 is not judged against an invalid scale: {messages:#?}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(relplan::store::SIZE_LIMIT + 1).unwrap();
    match relplan::store::load(&path) {
        Err(LoadError::TooLarge { .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_missing_file_is_reported_plainly() {
    let e = relplan::store::load(Path::new("/nonexistent/plan.ron")).unwrap_err();
    assert!(e.to_string().contains("does not exist"), "{e}");
}
