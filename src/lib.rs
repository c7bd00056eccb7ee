//! Relplan: an offline planner for ISO/IEC 20000 release and deployment
//! management.
//!
//! The crate is layered so that each layer only reads the ones above it:
//!
//! - [`model`]: the release book as pure data (serde, no UI).
//! - [`edit`]: edits, the only way a book changes, with undo history and
//!   the audit trail.
//! - [`check`]: findings about a book (structural checks, process rules).
//! - [`store`]: reading and writing book files, atomically.
//! - [`generate`]: synthetic books for demos and benchmarks.
//! - [`templates`]: the templates bundled in `assets/`.
//! - [`cli`]: the command line.
//! - [`ui`]: the desktop window.

pub mod check;
pub mod cli;
pub mod edit;
pub mod generate;
pub mod model;
pub mod store;
pub mod templates;
pub mod ui;
pub mod version;
