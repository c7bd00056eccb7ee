//! The report: the book (or one release) as a [`Doc`], the one source of
//! the HTML, Markdown and PDF exports, so all three say the same thing.
//!
//! Parts, in order: the book overview ([`overview`]), each release with
//! every part of its plan ([`release`]), the schedule, the risk register
//! and matrices, the check findings and the audit trail ([`registers`]).
//! The heat map and the timeline are vector drawings ([`charts`]).

pub mod charts;
mod overview;
mod registers;
mod release;

use super::doc::{Block, Doc, anchor_of};
use crate::check::Finding;
use crate::model::{Book, Id};
use jiff::Timestamp;
use jiff::civil::Date;

/// What the report covers.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// Only this release (with the book's overview and its own risks,
    /// findings and audit entries); `None` for the whole book.
    pub release: Option<Id>,
    /// The date the checks and overdue reviews are worked out for.
    pub today: Date,
}

/// The report of a book as a document.
pub fn build(book: &Book, options: &ReportOptions) -> Doc {
    let findings = crate::check::all_findings(book, options.today);
    build_with(book, options, &findings)
}

/// The report, with findings already worked out (the GUI has them cached).
pub fn build_with(book: &Book, options: &ReportOptions, findings: &[Finding]) -> Doc {
    build_from(&super::lookup::Lookup::new(book), options, findings)
}

/// The report, with the book's lookups and findings already made (an
/// export of several formats makes them once).
pub fn build_from(look: &super::lookup::Lookup<'_>, options: &ReportOptions, findings: &[Finding]) -> Doc {
    let book = look.book();
    let releases: Vec<&crate::model::Release> = match &options.release {
        Some(id) => book.releases.iter().filter(|r| &r.id == id).collect(),
        None => book.releases.iter().collect(),
    };
    let mut b = Builder::default();
    let book_name = if book.name.trim().is_empty() { "Release book" } else { book.name.trim() };
    let (title, subtitle) = match releases.first().filter(|_| options.release.is_some()) {
        Some(r) => (format!("{} {}", r.id, r.name), format!("Release plan from the book {book_name}")),
        None => (book_name.to_owned(), "Release book report".to_owned()),
    };
    overview::overview(&mut b, look, &releases, options.release.is_some());
    b.part("Releases");
    if releases.is_empty() {
        b.note("The book has no releases.");
    }
    for r in &releases {
        release::release(&mut b, look, r);
    }
    registers::schedule(&mut b, look, &releases);
    registers::risks(&mut b, look, options.release.as_ref(), options.today);
    registers::findings(&mut b, findings, options.release.as_ref());
    registers::audit(&mut b, book, options.release.as_ref());
    let facts = vec![
        format!("{} release{}", releases.len(), if releases.len() == 1 { "" } else { "s" }),
        format!("Checked as of {}", options.today),
        match book.ledger.audit.last() {
            Some(e) => format!("Last change recorded {}", timestamp(e.at)),
            None => "No changes recorded yet".to_owned(),
        },
    ];
    Doc { title, subtitle, facts, blocks: b.blocks }
}

/// Collects blocks, with short helpers for the common ones.
#[derive(Default)]
pub(crate) struct Builder {
    pub(crate) blocks: Vec<Block>,
}

impl Builder {
    /// A part: a page break and a level-1 heading.
    pub(crate) fn part(&mut self, text: &str) {
        if !self.blocks.is_empty() {
            self.blocks.push(Block::PageBreak);
        }
        self.heading(1, text, &anchor_of(text));
    }

    pub(crate) fn heading(&mut self, level: u8, text: &str, anchor: &str) {
        self.blocks.push(Block::Heading { level, text: text.to_owned(), anchor: anchor.to_owned() });
    }

    pub(crate) fn note(&mut self, text: &str) {
        self.blocks.push(Block::Note(text.to_owned()));
    }

    pub(crate) fn paragraph(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.blocks.push(Block::Paragraph(text.trim().to_owned()));
        }
    }

    /// Fields with a value (empty values are left out).
    pub(crate) fn fields(&mut self, fields: Vec<(&str, String)>) {
        let kept: Vec<(String, String)> =
            fields.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k.to_owned(), v)).collect();
        if !kept.is_empty() {
            self.blocks.push(Block::Fields(kept));
        }
    }

    /// A table, or `empty` as a note when it has no rows.
    pub(crate) fn table(&mut self, table: super::doc::Table, empty: &str) {
        if table.rows.is_empty() {
            self.note(empty);
        } else {
            self.blocks.push(Block::Table(table));
        }
    }
}

/// A date, or nothing.
pub(crate) fn day(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// An instant as people read it: `2026-11-27 14:03 UTC`.
pub(crate) fn timestamp(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// "Yes" or "No".
pub(crate) fn yes(b: bool) -> String {
    if b { "Yes" } else { "No" }.to_owned()
}
