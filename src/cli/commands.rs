//! What each subcommand does.

use super::args::{Cli, Command, FindingsFormat};
use crate::check::{Finding, has_errors};
use crate::edit::Document;
use crate::model::{AuditKind, Id};
use crate::store::{self, load};
use clap::Parser;
use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

/// Runs the program with these arguments and returns its exit status.
pub fn run<I: IntoIterator<Item = OsString>>(args: I) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout and mistakes to stderr.
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        None => {
            let w = &cli.window;
            let start = crate::ui::StartOptions {
                file: cli.file,
                view: w.view,
                release: w.release.clone(),
                theme: w.theme,
                screenshot: w.screenshot.clone().map(|p| crate::ui::ScreenshotPlan::new(p, w.size)),
                slide: w.slide,
                recover: true,
            };
            crate::ui::run(start, w)
        }
        Some(Command::Templates) => {
            for t in crate::templates::all() {
                let mine = if t.is_user() { " (your template)" } else { "" };
                println!("{:<14} {}{mine}", t.name, t.description);
            }
            ExitCode::SUCCESS
        }
        Some(Command::New { template, output, name, force }) => new_book(&template, &output, name.as_deref(), force),
        Some(Command::Check { file, release, format, today }) => check(&file, release.as_deref(), format, today),
        Some(Command::Export { file, to, output, release, what, semicolon, include, paper, today, force }) => {
            let request =
                super::export::Request { file, to, output, release, what, semicolon, include, paper, today, force };
            super::export::export(request, &cli.window)
        }
        Some(Command::Gen { releases, seed, output, force }) => {
            // About 30 KB a release: more than this would pass the size a
            // book may have, and the book could not be opened.
            if releases > MAX_GENERATED_RELEASES {
                eprintln!(
                    "At most {MAX_GENERATED_RELEASES} releases: a larger book would be over the {} MiB a book file may be.",
                    store::SIZE_LIMIT / (1024 * 1024)
                );
                return ExitCode::from(2);
            }
            if let Err(code) = refuse_overwrite(&output, force) {
                return code;
            }
            let book = crate::generate::generate(releases, seed);
            finish_write(store::save(&book, &output), &output)
        }
    }
}

/// The most releases `relplan gen` writes: their book stays well inside
/// the store's size limit.
const MAX_GENERATED_RELEASES: usize = 6000;

/// The minutes of the book's last walkthrough, with times in the computer's zone.
pub(super) fn minutes(book: &crate::model::Book) -> Option<String> {
    let meeting = crate::present::meeting::last_meeting(&book.ledger.audit)?;
    Some(crate::export::minutes::to_markdown(book, &meeting, &jiff::tz::TimeZone::system()))
}

pub(super) fn refuse_overwrite(output: &Path, force: bool) -> Result<(), ExitCode> {
    if output.exists() && !force {
        eprintln!("{} already exists; add --force to replace it.", output.display());
        return Err(ExitCode::from(2));
    }
    Ok(())
}

pub(super) fn finish_write(result: Result<(), store::SaveError>, output: &Path) -> ExitCode {
    match result {
        Ok(()) => {
            println!("Wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.neutral());
            ExitCode::from(2)
        }
    }
}

fn new_book(template: &str, output: &Path, name: Option<&str>, force: bool) -> ExitCode {
    let Some(found) = crate::templates::find_any(template) else {
        let names: Vec<String> = crate::templates::all().into_iter().map(|t| t.name).collect();
        eprintln!("There is no template called “{template}”. The templates are: {}.", names.join(", "));
        return ExitCode::from(2);
    };
    if let Err(code) = refuse_overwrite(output, force) {
        return code;
    }
    let book = match found {
        Ok(b) => b,
        Err(e) => {
            eprintln!("The template {template} could not be read: {e}");
            return ExitCode::from(2);
        }
    };
    let mut doc = Document::new(book);
    if let Some(name) = name
        && let Err(e) = crate::edit::Edit::set(crate::edit::Path::root(), "name", name).and_then(|e| doc.apply(e))
    {
        eprintln!("Could not name the book: {e}");
        return ExitCode::from(2);
    }
    doc.note(AuditKind::Created, &format!("Created from the {template} template"));
    finish_write(store::save(doc.book(), output), output)
}

fn check(file: &Path, release: Option<&str>, format: FindingsFormat, today: Option<jiff::civil::Date>) -> ExitCode {
    let parsed = match load(file) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let today = today.unwrap_or_else(|| jiff::Zoned::now().date());
    let mut findings = parsed.findings;
    findings.extend(crate::check::process_findings(&parsed.book, today));
    if let Some(r) = release {
        let id = Id::from(r);
        if parsed.book.release(&id).is_none() {
            eprintln!("There is no release {r} in {}.", file.display());
            return ExitCode::from(2);
        }
        findings.retain(|f| f.release.as_ref() == Some(&id));
    }
    print!("{}", check_report(&findings, format));
    if has_errors(&findings) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// The printed report of `relplan check`.
pub fn check_report(findings: &[Finding], format: FindingsFormat) -> String {
    match format {
        FindingsFormat::Text => findings.iter().map(|f| format!("{f}\n")).collect(),
        FindingsFormat::Json => {
            let rows: Vec<serde_json::Value> = findings
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "rule": f.rule,
                        "clause": f.clause,
                        "severity": f.severity,
                        "release": f.release.as_ref().map(Id::as_str),
                        "path": f.path(),
                        "message": f.message,
                        "line": f.position.map(|p| p.0),
                        "column": f.position.map(|p| p.1),
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned());
            text.push('\n');
            text
        }
    }
}
