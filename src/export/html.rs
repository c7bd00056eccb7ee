//! HTML: the report as one self-contained page, with maud.
//!
//! - Inline CSS (`html/report.css`), inline SVG for the drawings; no
//!   script, no image or font from the network. A Content-Security-Policy
//!   in the page says the same to the browser, so even a mistake here could
//!   not load or run anything.
//! - Every piece of text goes through maud's escaping. A cell or value is
//!   made a link only when all of it is an `http`/`https` address or an
//!   e-mail address (`mailto:`); anything else, `javascript:` included,
//!   stays plain text.
//! - Readable on a phone (viewport, wide tables scroll sideways, fields
//!   stack) and printable (each part starts a page, table headers repeat).

use super::doc::{Anchor, Block, Doc, Drawing, Shape, Table};
use maud::{DOCTYPE, Markup, PreEscaped, html};

const CSS: &str = include_str!("html/report.css");

/// The content security policy of the page: nothing but its own inline style
/// and inline images.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/// The document as a complete HTML page.
pub fn to_html(doc: &Doc) -> String {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="generator" content=(format!("Relplan {}", env!("CARGO_PKG_VERSION")));
                title { (doc.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header.title {
                    h1 { (doc.title) }
                    p { (doc.subtitle) }
                    ul { @for fact in &doc.facts { li { (fact) } } }
                }
                (contents(doc))
                main {
                    @for block in &doc.blocks { (block_html(block)) }
                }
                footer { "Made with Relplan " (env!("CARGO_PKG_VERSION")) " from the release book. This page runs no scripts and loads nothing from the network." }
            }
        }
    };
    page.into_string()
}

/// The table of contents: parts, with their sections folded away.
fn contents(doc: &Doc) -> Markup {
    /// A heading's text and anchor.
    type Entry<'a> = (&'a str, &'a str);
    let mut parts: Vec<(Entry<'_>, Vec<Entry<'_>>)> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 1, text, anchor } => parts.push(((text, anchor), Vec::new())),
            Block::Heading { level: 2, text, anchor } => {
                if let Some(p) = parts.last_mut() {
                    p.1.push((text, anchor));
                }
            }
            _ => {}
        }
    }
    html! {
        nav.toc aria-label="Contents" {
            strong { "Contents" }
            ul {
                @for ((text, anchor), children) in &parts {
                    li {
                        a href=(format!("#{anchor}")) { (text) }
                        @if !children.is_empty() {
                            details {
                                summary { (children.len()) @if children.len() == 1 { " section" } @else { " sections" } }
                                ul { @for (t, a) in children { li { a href=(format!("#{a}")) { (t) } } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn block_html(block: &Block) -> Markup {
    match block {
        Block::Heading { level: 1, text, anchor } => html! { h2.part id=(anchor) { (text) } },
        Block::Heading { level: 2, text, anchor } => html! { h3 id=(anchor) { (text) } },
        Block::Heading { text, anchor, .. } => html! { h4 id=(anchor) { (text) } },
        Block::Paragraph(text) => html! { p { (text) } },
        Block::Note(text) => html! { p.note { (text) } },
        Block::Fields(fields) => html! {
            dl.fields { @for (k, v) in fields { dt { (k) } dd { (linked(v)) } } }
        },
        Block::Table(t) => table_html(t),
        Block::Drawing(d) => html! { figure { (svg(d)) figcaption { (d.title) } } },
        Block::PageBreak => html! {},
    }
}

fn table_html(t: &Table) -> Markup {
    html! {
        div.table-wrap {
            table {
                thead { tr { @for c in &t.columns { th scope="col" { (c) } } } }
                tbody { @for row in &t.rows { tr { @for cell in row { td { (linked(cell)) } } } } }
            }
        }
    }
}

/// A value as text, or as a link when the whole value is a safe address.
fn linked(text: &str) -> Markup {
    match safe_link(text) {
        Some(href) => html! { a href=(href) rel="noopener noreferrer" { (text) } },
        None => html! { (text) },
    }
}

/// The link target for a value that is wholly an `http`/`https` address
/// or an e-mail address; `None` for anything else.
pub fn safe_link(text: &str) -> Option<String> {
    let t = text.trim();
    // Most values are neither: only text starting with "http" or holding an "@" can be.
    if !(t.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("http")) || t.contains('@')) {
        return None;
    }
    if t.is_empty()
        || t.len() > 2000
        || t.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
    {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = lower.strip_prefix(scheme) {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            return (!host.is_empty() && !host.starts_with(':')).then(|| t.to_owned());
        }
    }
    let (user, domain) = t.split_once('@')?;
    let plain = |s: &str| s.chars().all(|c| c.is_alphanumeric() || "._-+".contains(c));
    (!user.is_empty() && domain.contains('.') && !domain.starts_with('.') && plain(user) && plain(domain))
        .then(|| format!("mailto:{t}"))
}

/// A number with at most one decimal, for SVG coordinates.
fn n(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") }
}

/// A drawing as inline SVG.
pub fn svg(d: &Drawing) -> Markup {
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {} {}", n(d.width), n(d.height)))
            width=(n(d.width)) height=(n(d.height)) role="img" font-family="system-ui, sans-serif" {
            title { (d.title) }
            @for s in &d.shapes {
                @match s {
                    Shape::Rect { x, y, w, h, fill, stroke } => {
                        rect x=(n(*x)) y=(n(*y)) width=(n(*w)) height=(n(*h)) fill=(fill.hex())
                            stroke=(stroke.map_or_else(|| "none".to_owned(), |c| c.hex())) {}
                    }
                    Shape::Line { x1, y1, x2, y2, color, width } => {
                        line x1=(n(*x1)) y1=(n(*y1)) x2=(n(*x2)) y2=(n(*y2)) stroke=(color.hex()) stroke-width=(n(*width)) {}
                    }
                    Shape::Text { x, y, size, text, color, anchor } => {
                        text x=(n(*x)) y=(n(*y)) font-size=(n(*size)) fill=(color.hex()) text-anchor=(match anchor {
                            Anchor::Start => "start",
                            Anchor::Middle => "middle",
                            Anchor::End => "end",
                        }) { (text) }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_link;

    #[test]
    fn only_web_and_mail_addresses_become_links() {
        assert_eq!(safe_link("https://dml.example.com/x").as_deref(), Some("https://dml.example.com/x"));
        assert_eq!(safe_link("ana@example.com").as_deref(), Some("mailto:ana@example.com"));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "https://",
            "see https://x.org",
            "vbscript:x",
            "a\"@b.c",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }
}
