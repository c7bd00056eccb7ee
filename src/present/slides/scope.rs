//! The scope slide: the changes the release implements, with their risk
//! and authorisation, and the known errors it resolves or ships with.

use crate::model::{Band, Id, Release};
use crate::present::blocks::{Block, Cell, Column, Table, Tone, count, short};
use crate::present::deck::{Context, Slide, SlideKind};

/// At most this many changes on the slide; the window shows fewer only
/// when the slide has no room for them.
const MAX_CHANGES: usize = 12;

/// At most this many known errors on the slide.
const MAX_KNOWN_ERRORS: usize = 8;

/// The scope slide of a release.
pub(super) fn scope(cx: &Context<'_>, r: &Release) -> Slide {
    let mut s = Slide::new(SlideKind::Scope, Some(r), "Scope and changes");
    let mut changes = Table::new(
        "Changes",
        vec![Column::fit("RFC"), Column::fill("Change", 3.0), Column::fit("Risk"), Column::fill("Authorisation", 1.6)],
        "No change request is linked to this release.",
    );
    let mut unauthorised = Vec::new();
    for id in &r.scope.changes {
        let Some(c) = cx.book.changes.iter().find(|c| &c.id == id) else {
            changes.row(
                vec![
                    Cell::tone(id.to_string(), Tone::Weak),
                    Cell::tone("missing from the book", Tone::Bad),
                    Cell::new(""),
                    Cell::new(""),
                ],
                None,
            );
            continue;
        };
        let risk = match c.risk {
            Some(b) => Cell::tone(b.label(), if b >= Band::High { Tone::Warning } else { Tone::Normal }),
            None => Cell::tone("not assessed", Tone::Warning),
        };
        let auth = match &c.authorisation {
            Some(a) => {
                let date = a.at.to_zoned(jiff::tz::TimeZone::UTC).date();
                Cell::tone(format!("✔ {} {}", a.authority.label(), super::short_day(date)), Tone::Good)
            }
            None => {
                unauthorised.push(rfc(&c.rfc, id));
                Cell::tone(format!("⚠ awaiting {}", c.authority.label()), Tone::Warning)
            }
        };
        changes.row(vec![Cell::tone(rfc(&c.rfc, id), Tone::Weak), Cell::new(short(&c.title, 90)), risk, auth], None);
    }
    changes.limit(MAX_CHANGES);
    s.top.push(Block::Table(changes));

    let mut errors = Table::new(
        "Known errors and problems",
        vec![Column::fit("Reference"), Column::fill("Title", 3.0), Column::fit("In this release")],
        "The release resolves no known error and ships with none.",
    );
    let lists =
        [(&r.scope.resolves, "✔ resolved", Tone::Good), (&r.scope.ships_with, "⚠ ships with it", Tone::Warning)];
    for (ids, word, tone) in lists {
        for id in ids {
            let (reference, title) = match cx.book.known_errors.iter().find(|k| &k.id == id) {
                Some(k) => (rfc(&k.reference, id), short(&k.title, 90)),
                None => (id.to_string(), "missing from the book".to_owned()),
            };
            errors.row(vec![Cell::tone(reference, Tone::Weak), Cell::new(title), Cell::tone(word, tone)], None);
        }
    }
    errors.limit(MAX_KNOWN_ERRORS);
    s.left.push(Block::Table(errors));
    if !r.scope.notes.trim().is_empty() {
        s.right.push(Block::Text { label: "In and out of scope".to_owned(), text: short(&r.scope.notes, 420) });
    }
    s.notes.push(format!(
        "{} and {}.",
        count(r.scope.changes.len(), "change", "changes"),
        count(r.scope.resolves.len() + r.scope.ships_with.len(), "known error", "known errors")
    ));
    if !unauthorised.is_empty() {
        s.notes.push(format!("Not yet authorised: {}. Ask the change manager when.", unauthorised.join(", ")));
    }
    if !r.scope.ships_with.is_empty() {
        s.notes.push(
            "The release ships with known errors: confirm their workarounds are in the service desk's hands."
                .to_owned(),
        );
    }
    s
}

/// The reference people know (an RFC number), or the id when there is none.
fn rfc(reference: &str, id: &Id) -> String {
    if reference.trim().is_empty() { id.to_string() } else { reference.trim().to_owned() }
}
