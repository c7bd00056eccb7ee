//! Bringing one part of a release into view: a click on a calendar item
//! shows its release with that part open and scrolled to (a deployment's
//! card, a milestone's card, a phase's row of dates).
//!
//! The request waits in egui's memory. The form takes its section once
//! (opened and scrolled to, as "Go there" does), and the part itself is
//! taken by whichever widget draws it, which opens it and scrolls to it
//! for a few frames while the sections above it settle (a section opening
//! grows for a moment). A request for another release, or one not drawn
//! within a few hundred frames (the part was removed), is dropped, so it
//! never lingers.

use crate::edit::Path;
use crate::model::Id;

/// How many passes a request waits for its part to be drawn.
const PATIENCE: u64 = 300;

/// How many passes the part is kept in view once drawn.
const SETTLE: u64 = 10;

#[derive(Clone, Debug)]
struct Pending {
    release: Id,
    at: Path,
    section_taken: bool,
    since: u64,
    /// When its part was first drawn.
    drawn: Option<u64>,
}

fn key() -> egui::Id {
    egui::Id::unique("relplan.reveal")
}

/// Asks the release form to bring `at`, a part of `release`, into view.
pub fn request(ctx: &egui::Context, release: &Id, at: Path) {
    let pending =
        Pending { release: release.clone(), at, section_taken: false, since: ctx.cumulative_pass_nr(), drawn: None };
    ctx.data_mut(|d| d.insert_temp(key(), pending));
}

/// The part of `release` to bring into view, the first time the form
/// asks: its section is then opened and scrolled to.
pub(super) fn take_section(ctx: &egui::Context, release: &Id) -> Option<Path> {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        let mut p: Pending = d.get_temp(key())?;
        if &p.release != release || pass.saturating_sub(p.since) > PATIENCE {
            d.remove::<Pending>(key());
            return None;
        }
        if p.section_taken {
            return None;
        }
        p.section_taken = true;
        let at = p.at.clone();
        d.insert_temp(key(), p);
        Some(at)
    })
}

/// Whether `at` is the part to bring into view: the caller opens it and
/// scrolls to it. True for a few frames once it is drawn, then never again.
pub fn take(ctx: &egui::Context, at: &Path) -> bool {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        let Some(mut p) = d.get_temp::<Pending>(key()).filter(|p| &p.at == at) else { return false };
        let first = *p.drawn.get_or_insert(pass);
        if pass.saturating_sub(first) > SETTLE {
            d.remove::<Pending>(key());
            return false;
        }
        d.insert_temp(key(), p);
        true
    })
}
