//! Markdown: the report for wikis (CommonMark with GitHub-style tables).
//!
//! Every piece of user text is escaped: each ASCII punctuation character
//! that Markdown or a wiki could read as syntax gets a backslash, so text
//! can never become a link, an autolink (`https\://`, `www\.`), an image,
//! raw HTML, a heading or a table cell break. Line breaks inside table
//! cells become spaces; in paragraphs they become hard breaks.
//! Drawings are written as tables (the heat map) or left to the schedule's
//! table of dates (the timeline), with their titles as captions.

use super::doc::{Block, Doc, Drawing, Table};
use std::fmt::Write;

/// User text made inert for Markdown (one line: line breaks become spaces).
///
/// Backslash, backtick, `*_{}[]()<>#+!|~^$&=@"` are always escaped; a `:` before `/` (so `https://` is no autolink), a
/// `.` after `www` (no `www.` autolink), and a `-` or a list number at the
/// start are escaped; everything else is kept as typed, so dates, versions
/// and times stay readable in the Markdown source.
pub fn escape_inline(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let escape = match c {
            '\r' | '\n' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            c if c.is_control() => continue,
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '+' | '!' | '|' | '~'
            | '^' | '$' | '&' | '=' | '@' | '"' => true,
            ':' => chars.peek() == Some(&'/'),
            '.' => out.len() >= 3 && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www"),
            '-' => first,
            _ => false,
        };
        first = false;
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    escape_list_number(out)
}

/// `1.` or `1)` at the start would start a numbered list: escape its mark.
fn escape_list_number(mut text: String) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
        text.insert(digits, '\\');
    }
    text
}

/// User text made inert for Markdown, keeping its line breaks as hard breaks.
pub fn escape_block(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(escape_inline).filter(|l| !l.is_empty()).collect();
    lines.join("\\\n")
}

/// The document as Markdown.
pub fn to_markdown(doc: &Doc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "# {}\n", escape_inline(&doc.title));
    let _ = writeln!(out, "{}\n", escape_block(&doc.subtitle));
    for fact in &doc.facts {
        let _ = writeln!(out, "- {}", escape_inline(fact));
    }
    out.push('\n');
    for block in &doc.blocks {
        write_block(&mut out, block);
    }
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text, .. } => {
            let hashes = "#".repeat(usize::from((*level).clamp(1, 3)) + 1);
            let _ = writeln!(out, "{hashes} {}\n", escape_inline(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "{}\n", escape_block(text));
        }
        Block::Note(text) => {
            let _ = writeln!(out, "*{}*\n", escape_inline(text));
        }
        Block::Fields(fields) => {
            for (k, v) in fields {
                let _ = writeln!(out, "- **{}:** {}", escape_inline(k), escape_inline(v));
            }
            out.push('\n');
        }
        Block::Table(t) => write_table(out, t),
        Block::Drawing(d) => write_drawing(out, d),
        Block::PageBreak => {}
    }
}

fn write_table(out: &mut String, t: &Table) {
    out.push('|');
    for c in &t.columns {
        let _ = write!(out, " {} |", escape_inline(c));
    }
    out.push_str("\n|");
    for _ in &t.columns {
        out.push_str(" --- |");
    }
    out.push('\n');
    for row in &t.rows {
        out.push('|');
        for cell in row {
            let _ = write!(out, " {} |", escape_inline(cell));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// A drawing in words: its title, and for a heat map its cells' texts.
fn write_drawing(out: &mut String, d: &Drawing) {
    let _ = writeln!(out, "*Figure: {}*\n", escape_inline(&d.title));
    if let Some(t) = &d.table {
        write_table(out, t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_html_and_headings_are_escaped() {
        let e = escape_inline("[x](javascript:alert(1)) <b>hi</b> https://evil.example www.evil.example # no");
        assert!(!e.contains("](") && !e.contains("<b>") && !e.contains("s://") && !e.contains("www."), "{e}");
        assert_eq!(escape_inline("a\nb|c"), "a b\\|c");
    }
}
