//! The command line, run as a user would run it.

use std::path::Path;
use std::process::{Command, Output};

fn relplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relplan"))
        .args(args)
        .env("RELPLAN_CONFIG_DIR", std::env::temp_dir().join("relplan-cli-tests-config"))
        .env("RELPLAN_DATA_DIR", std::env::temp_dir().join("relplan-cli-tests-data"))
        .output()
        .expect("relplan runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example_path() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/northwind-payments.ron"))
}

#[test]
fn version_names_the_commit() {
    let out = relplan(&["--version"]);
    assert!(out.status.success());
    let v = text(&out.stdout);
    assert!(v.contains(env!("CARGO_PKG_VERSION")) && v.contains("commit"), "{v}");
}

#[test]
fn templates_are_listed_name_first() {
    let out = relplan(&["templates"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    let names: Vec<&str> = listing.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(names.contains(&"standard") && names.contains(&"emergency"), "{listing}");
}

#[test]
fn new_creates_a_book_that_checks_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.ron");
    let file_arg = file.to_str().unwrap();
    let out = relplan(&["new", "--template", "emergency", "-o", file_arg, "--name", "Card platform"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let book = relplan::store::load(&file).unwrap().book;
    assert_eq!(book.name, "Card platform");
    assert_eq!(book.ledger.audit.last().map(|a| a.kind), Some(relplan::model::AuditKind::Created));
    let again = relplan(&["new", "--template", "standard", "-o", file_arg]);
    assert_eq!(again.status.code(), Some(2), "an existing file is not replaced without --force");
    assert!(text(&again.stderr).contains("--force"));
    let check = relplan(&["check", file_arg, "--today", "2026-11-27"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn an_unknown_template_is_named_with_the_choices() {
    let out = relplan(&["new", "--template", "nope", "-o", "/tmp/never-written.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("standard"));
}

#[test]
fn check_exit_status_follows_the_findings() {
    let example = example_path().to_str().unwrap();
    let clean = relplan(&["check", example, "--today", "2026-11-27"]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    let t = relplan::templates::EXAMPLE.replacen("release_type: \"RT-", "release_type: \"RT-9", 1);
    std::fs::write(&broken, t).unwrap();
    let out = relplan(&["check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line = text(&out.stdout);
    assert!(line.starts_with("S3 error REL-"), "{line}");
    assert!(line.contains(".release_type: "), "{line}");

    let json = relplan(&["check", broken.to_str().unwrap(), "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let first = &rows[0];
    for key in ["rule", "clause", "severity", "release", "path", "message"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    assert_eq!(first["severity"], "error");

    let unreadable = dir.path().join("garbage.ron");
    std::fs::write(&unreadable, "(format: \"relplan-book\", version: 1, book: (name: 3))").unwrap();
    let out = relplan(&["check", unreadable.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("garbage.ron:1:") && err.contains("book.name"), "{err}");
    let missing = relplan(&["check", "/no/such/book.ron"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn check_reports_the_risk_gate() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("risky.ron");
    let mut book = relplan::templates::example().unwrap();
    let rel5 = relplan::model::Id::from("REL-5");
    let risk =
        relplan::model::Risk { id: "RISK-98".into(), residual_likelihood: 5, residual_impact: 4, ..Default::default() };
    book.risks.push(relplan::model::Risk { title: "Peak-volume latency".into(), releases: vec![rel5], ..risk });
    relplan::store::save(&book, &file).unwrap();
    let out = relplan(&["check", file.to_str().unwrap(), "--release", "REL-5", "--today", "2026-11-27"]);
    let lines = text(&out.stdout);
    let g1 =
        "G1 warning REL-5 risks[RISK-98].residual_likelihood: RISK-98 “Peak-volume latency” has a residual score of 20";
    assert!(lines.lines().any(|l| l.starts_with(g1)), "{lines}");
}

#[test]
fn check_can_be_limited_to_one_release() {
    let example = example_path().to_str().unwrap();
    let out = relplan(&["check", example, "--release", "REL-404"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("REL-404"));
}

#[test]
fn gen_writes_the_same_bytes_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    let c = dir.path().join("c.ron");
    for (file, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        let out = relplan(&["gen", "--releases", "25", "--seed", seed, "-o", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let (a, b, c) = (std::fs::read(a).unwrap(), std::fs::read(&b).unwrap(), std::fs::read(c).unwrap());
    assert_eq!(a, b);
    assert_ne!(a, c);
    let parsed = relplan::store::parse(&a, Path::new("a.ron")).unwrap();
    assert_eq!(parsed.book.releases.len(), 25);
    assert!(parsed.findings.is_empty(), "{:?}", parsed.findings);
}

#[test]
fn nothing_hostile_makes_check_panic() {
    let dir = tempfile::tempdir().unwrap();
    let inputs: [&[u8]; 7] = [
        b"",
        b"\xEF\xBB\xBF",
        b"(((((((((((((((((((((((((",
        b"(format: \"relplan-book\", version: 18446744073709551616)",
        b"(format: \"relplan-book\", version: 1, book: (releases: [(id: \"REL-1\", phases: (planning: (planned_start: Some(\"2026-13-01\"))))]))",
        b"\x00\x01\x02\xFF\xFE",
        b"(format: \"relplan-book\", version: 1, book: (name: \"\\u{D800}\"))",
    ];
    for (i, bytes) in inputs.iter().enumerate() {
        let file = dir.path().join(format!("hostile-{i}.ron"));
        std::fs::write(&file, bytes).unwrap();
        let out = relplan(&["check", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "input {i}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"), "input {i}");
    }
}

#[test]
fn export_writes_every_file_format_and_an_evidence_pack_with_checksums() {
    let dir = tempfile::tempdir().unwrap();
    let book = example_path().to_str().unwrap();
    for (to, magic) in
        [("pdf", &b"%PDF-"[..]), ("html", b"<!DOCTYPE html>"), ("md", b"# Northwind"), ("xlsx", b"PK"), ("json", b"{")]
    {
        let out = dir.path().join(format!("report.{to}"));
        let run = relplan(&["export", book, "--to", to, "-o", out.to_str().unwrap(), "--today", "2026-11-27"]);
        assert!(run.status.success(), "{to}: {}", text(&run.stderr));
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{to} starts as its format does");
    }
    let pack = dir.path().join("pack");
    let run = relplan(&["export", book, "--to", "evidence", "-o", pack.to_str().unwrap()]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let manifest = std::fs::read_to_string(pack.join("SHA256SUMS.txt")).unwrap();
    assert_eq!(manifest.lines().count(), 9, "PDF, HTML, five CSV tables, ICS and the book: {manifest}");
    for line in manifest.lines() {
        let (sum, name) = line.split_once("  ").unwrap();
        let bytes = std::fs::read(pack.join(name)).unwrap();
        use sha2::Digest;
        assert_eq!(format!("{:x}", sha2::Sha256::digest(&bytes)), sum, "{name}");
    }
    assert_eq!(std::fs::read(pack.join("Northwind-Payments.ron")).unwrap(), std::fs::read(example_path()).unwrap());
    let unknown = relplan(&[
        "export",
        book,
        "--to",
        "pdf",
        "--release",
        "REL-99",
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("no release REL-99"));
}

#[test]
fn export_slides_writes_the_walkthrough_of_the_upcoming_releases_or_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let book = example_path().to_str().unwrap();
    for (release, has, lacks) in [(None, "Upcomingreleases", "REL-3"), (Some("REL-5"), "REL-5", "REL-4")] {
        let out = dir.path().join(format!("{}.pdf", release.unwrap_or("upcoming")));
        let mut args = vec!["export", book, "--to", "slides", "-o", out.to_str().unwrap(), "--today", "2026-11-27"];
        args.extend(release.iter().flat_map(|r| ["--release", *r]));
        let run = relplan(&args);
        assert!(run.status.success(), "{}", text(&run.stderr));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let words: String = pdf_extract::extract_text_from_mem(&bytes).unwrap().split_whitespace().collect();
        assert!(words.contains(has) && words.contains("Go/no-go") && !words.contains(lacks), "{release:?}");
    }
}

#[test]
fn export_risks_as_csv_with_a_bom_either_separator_and_formulas_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.ron");
    let mut book = relplan::templates::example().unwrap();
    book.risks[0].title = "@SUM(1+1)*cmd".into();
    relplan::store::save(&book, &file).unwrap();
    for (flag, sep) in [(None, ','), (Some("--semicolon"), ';')] {
        let out = dir.path().join(format!("risks{sep}.csv"));
        let mut args =
            vec!["export", file.to_str().unwrap(), "--to", "csv", "--what", "risks", "-o", out.to_str().unwrap()];
        args.extend(flag);
        let run = relplan(&args);
        assert!(run.status.success(), "{}", text(&run.stderr));
        let bytes = std::fs::read(&out).unwrap();
        let csv = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a byte-order mark")).unwrap();
        assert!(csv.starts_with(&format!("ID{sep}Title{sep}Description{sep}")), "{flag:?}: {}", &csv[..40]);
        assert_eq!(csv.lines().count(), book.risks.len() + 1);
        let first = csv.lines().nth(1).unwrap();
        assert!(first.starts_with(&format!("RISK-1{sep}'@SUM(1+1)*cmd{sep}")), "{flag:?}: {first}");
    }
}

#[test]
fn export_minutes_writes_what_the_last_walkthrough_decided() {
    use relplan::model::{AuditKind, Id};
    use relplan::present::{decide, meeting};
    let dir = tempfile::tempdir().unwrap();
    let book_file = dir.path().join("cab.ron");
    let out_file = dir.path().join("minutes.md");
    let mut doc = relplan::edit::Document::new(relplan::store::load(example_path()).unwrap().book);
    doc.set_author("Claire Donovan");
    let rel = Id::from("REL-5");
    doc.note(AuditKind::Meeting, &meeting::started_text("Payments 2027.01.1", std::slice::from_ref(&rel)));
    let vote = decide::Decision::Vote {
        person: Id::from("P-2"),
        verdict: relplan::model::GoNoGoVerdict::Go,
        note: String::new(),
    };
    let edit = decide::edit(doc.book(), &rel, &vote, doc.now()).unwrap();
    doc.apply(edit).unwrap();
    doc.note(AuditKind::Meeting, &meeting::ended_text("Payments 2027.01.1"));
    relplan::store::save(doc.book(), &book_file).unwrap();

    let out = relplan(&["export", book_file.to_str().unwrap(), "--to", "minutes", "-o", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let minutes = std::fs::read_to_string(&out_file).unwrap();
    assert!(minutes.starts_with("# Minutes: walkthrough of Payments 2027.01.1"), "{minutes}");
    assert!(minutes.contains("| Claire Donovan | REL-5: Rajesh Iyer voted go |"), "{minutes}");
    assert!(minutes.contains("- Go/no-go: 1 go, 0 no-go, 4 undecided; no verdict yet"), "{minutes}");

    let none = relplan(&[
        "export",
        example_path().to_str().unwrap(),
        "--to",
        "minutes",
        "-o",
        dir.path().join("x.md").to_str().unwrap(),
    ]);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none.stderr).contains("has no walkthrough"), "{}", text(&none.stderr));
}
