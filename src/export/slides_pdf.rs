//! The walkthrough's slides as a landscape PDF handout, for those who could
//! not attend: one page per slide, laid out by the report's PDF layer.
//!
//! Colour never carries meaning on a slide, so the handout keeps only the
//! words: big numbers and facts become labelled fields, the calendar
//! excerpt and the heat map become tables.

use super::doc::{Block as Out, Doc, Table};
use super::pdf::{Style, render};
use crate::present::blocks::{Block, Fact, RiskMatrix, StepState, Timeline};
use crate::present::deck::Deck;

/// A 16:9 page, in points, with type sized for reading on a screen.
fn style() -> Style {
    Style {
        width: 960.0,
        height: 540.0,
        margin_x: 48.0,
        margin_top: 40.0,
        margin_bottom: 36.0,
        body: 14.0,
        small: 11.0,
        headings: [28.0, 16.0, 14.0],
        leading: 1.3,
        front_matter: false,
    }
}

/// The deck as PDF bytes, one page per slide (longer slides run on).
pub fn to_pdf(deck: &Deck) -> Result<Vec<u8>, String> {
    render(&to_doc(deck), &style())
}

/// The deck as a document: each slide starts a page with its title.
pub fn to_doc(deck: &Deck) -> Doc {
    let mut blocks = Vec::new();
    for (i, slide) in deck.slides.iter().enumerate() {
        blocks.push(Out::PageBreak);
        blocks.push(Out::Heading { level: 1, text: slide.title.clone(), anchor: format!("slide-{}", i + 1) });
        let kicker = [slide.kicker.as_str(), &format!("Slide {} of {}", i + 1, deck.slides.len())]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        blocks.push(Out::Note(kicker));
        for block in slide.top.iter().chain(&slide.left).chain(&slide.right) {
            blocks.extend(convert(block));
        }
    }
    Doc { title: deck.title.clone(), subtitle: "Walkthrough slides".to_owned(), facts: Vec::new(), blocks }
}

fn fields(facts: &[Fact]) -> Out {
    Out::Fields(facts.iter().map(|f| (f.label.clone(), f.value.text.clone())).collect())
}

fn convert(block: &Block) -> Vec<Out> {
    match block {
        Block::Stats(stats) => vec![Out::Fields(stats.iter().map(|s| (s.caption.clone(), s.value.clone())).collect())],
        Block::Facts(facts) | Block::Summary(facts) => vec![fields(facts)],
        Block::Table(t) => {
            let mut out = Vec::new();
            if !t.caption.is_empty() {
                out.push(Out::Heading { level: 3, text: t.caption.clone(), anchor: String::new() });
            }
            if t.rows.is_empty() {
                out.push(Out::Note(t.empty.clone()));
                return out;
            }
            let headers: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
            let mut table = Table::new(&headers);
            for row in &t.rows {
                table.row(row.cells.iter().map(|c| c.text.clone()).collect());
            }
            out.push(Out::Table(table));
            if t.more > 0 {
                out.push(Out::Note(format!("… and {} more", t.more)));
            }
            out
        }
        Block::Text { label, text } => {
            vec![Out::Heading { level: 3, text: label.clone(), anchor: String::new() }, Out::Paragraph(text.clone())]
        }
        Block::Callout(cell) => vec![Out::Paragraph(cell.text.clone())],
        Block::Phases(steps) => {
            let line: Vec<String> = steps
                .iter()
                .map(|s| {
                    let state = match s.state {
                        StepState::Done => "done",
                        StepState::Current => "now",
                        StepState::Next => "to come",
                    };
                    format!(
                        "{} ({state}{})",
                        s.phase.label(),
                        if s.dates.is_empty() { String::new() } else { format!(", {}", s.dates) }
                    )
                })
                .collect();
            vec![Out::Paragraph(line.join(" › "))]
        }
        Block::Timeline(t) => vec![timeline(t)],
        Block::Matrix(m) => matrix(m),
    }
}

fn timeline(t: &Timeline) -> Out {
    let mut table = Table::new(&["Lane", "What", "From", "To", "Conflict"]);
    for lane in &t.lanes {
        for span in &lane.spans {
            let conflict = if span.conflict { "conflict" } else { "" };
            table.row(vec![
                lane.label.clone(),
                span.label.clone(),
                span.first.to_string(),
                span.last.to_string(),
                conflict.to_owned(),
            ]);
        }
    }
    for span in &t.shaded {
        table.row(vec![
            "Freeze".to_owned(),
            span.label.clone(),
            span.first.to_string(),
            span.last.to_string(),
            String::new(),
        ]);
    }
    Out::Table(table)
}

fn matrix(m: &RiskMatrix) -> Vec<Out> {
    let impacts: Vec<String> = (1..=m.scale).map(|i| format!("Impact {i}")).collect();
    let mut headers = vec!["Likelihood"];
    headers.extend(impacts.iter().map(String::as_str));
    let mut table = Table::new(&headers);
    for likelihood in (1..=m.scale).rev() {
        let mut row = vec![likelihood.to_string()];
        for impact in 1..=m.scale {
            let cell = m.cells.iter().find(|c| c.likelihood == likelihood && c.impact == impact);
            row.push(cell.map_or_else(String::new, |c| format!("{} · {}", c.count, c.band.label())));
        }
        table.row(row);
    }
    vec![Out::Heading { level: 3, text: m.caption.clone(), anchor: String::new() }, Out::Table(table)]
}
