//! The meeting-room walkthrough, as data: the slides a release (or the
//! book's upcoming releases) turns into, the decisions a meeting can take
//! without leaving them, and the meeting's place in the audit trail.
//!
//! Nothing here knows about egui. A slide is a list of [`blocks::Block`]s
//! that say what to show and how much it matters; the window draws them
//! in the projector theme (`ui::present`), and a printed copy can draw the
//! same blocks on pages.
//!
//! - [`deck`]: the deck, its slides and their kinds, and which releases a
//!   walkthrough of upcoming releases covers.
//! - [`blocks`]: what a slide is made of.
//! - `slides`: the slide of each kind, built from the plan.
//! - [`decide`]: the decisions taken live (a criterion met, an approval, a
//!   vote, a signed verdict, an action item, a new risk), each one edit.
//! - [`meeting`]: the audit trail entries that open and close a
//!   walkthrough, and the decisions taken between them.

pub mod blocks;
pub mod decide;
pub mod deck;
pub mod meeting;
mod slides;

pub use deck::{Deck, Scope, Slide, SlideKind, deck, upcoming};
