//! The command line: `relplan [FILE]` opens the window; subcommands work
//! on book files without one.

mod args;
mod commands;
mod export;

pub use args::{Cli, Command, FindingsFormat, RendererChoice, WindowArgs, args_renderer};
pub use commands::{check_report, run};
