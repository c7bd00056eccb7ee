//! Relplan: an offline planner for ISO/IEC 20000 release and deployment
//! management.
//!
//! The crate is layered so that each layer only reads the ones above it:
//!
//! - [`model`]: the release book as pure data (serde, no UI).
//! - [`edit`]: edits, the only way a book changes, with undo history and
//!   the audit trail.
//! - [`check`]: findings about a book (structural checks, process rules).
//! - [`schedule`]: calendar items, recurring windows and conflicts.
//! - [`risk`]: risk scores, bands, matrices and the register.
//! - [`present`]: the meeting-room walkthrough as data: slides, live
//!   decisions and the meeting's minutes.
//! - [`store`]: reading and writing book files, atomically.
//! - [`export`] and [`import`]: files for and from other tools.
//! - [`generate`]: synthetic books for demos and benchmarks.
//! - [`templates`]: the templates bundled in `assets/`.
//! - [`cli`]: the command line.
//! - [`ui`]: the desktop window.

pub mod check;
pub mod cli;
pub mod edit;
pub mod export;
pub mod generate;
pub mod import;
pub mod model;
pub mod present;
pub mod risk;
pub mod schedule;
pub mod store;
pub mod templates;
pub mod ui;
pub mod version;
