//! The command line: `relplan [FILE]` opens the window; subcommands work
//! on book files without one.

mod args;
mod commands;
mod export;

pub use args::{Cli, Command, FindingsFormat, RendererChoice, WindowArgs};
pub use commands::{check_report, run};
