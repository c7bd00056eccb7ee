//! The bundled example book and templates open cleanly.

use relplan::check::has_errors;
use relplan::store::parse;
use relplan::templates::{BUILTIN, EXAMPLE};
use std::path::Path;

#[test]
fn example_book_has_no_structural_findings() {
    let parsed = parse(EXAMPLE.as_bytes(), Path::new("northwind-payments.ron")).unwrap_or_else(|e| panic!("{e}"));
    let listed: Vec<String> = parsed.findings.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "findings:\n{}", listed.join("\n"));
    assert!(parsed.book.releases.len() >= 5, "the example shows several releases");
}

#[test]
fn every_template_opens_without_errors() {
    assert!(BUILTIN.iter().any(|t| t.name == "standard"));
    assert!(BUILTIN.iter().any(|t| t.name == "emergency"));
    for t in BUILTIN {
        let parsed = parse(t.text.as_bytes(), Path::new(t.name)).unwrap_or_else(|e| panic!("{}: {e}", t.name));
        let listed: Vec<String> = parsed.findings.iter().map(ToString::to_string).collect();
        assert!(!has_errors(&parsed.findings), "{}:\n{}", t.name, listed.join("\n"));
        assert!(!t.description().is_empty(), "{} has a one-line description", t.name);
        assert_eq!(parsed.book.releases.len(), 1, "{} holds one release to start from", t.name);
    }
}
