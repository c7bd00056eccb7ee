//! The program's version and the commit it was built from.

/// The version from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The git commit the program was built from (`unknown` outside a git checkout).
pub const COMMIT: &str = env!("RELPLAN_COMMIT");

/// "0.1.0 (commit 1a2b3c4d5e6f)", as `relplan --version` and the About box show it.
pub const LONG_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("RELPLAN_COMMIT"), ")");
