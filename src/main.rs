//! The `relplan` program: the window, or a command on a book file.

use std::process::ExitCode;

fn main() -> ExitCode {
    relplan::ui::started();
    relplan::cli::run(std::env::args_os())
}
