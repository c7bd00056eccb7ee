//! `relplan export`: one book to one format, through the same export layer
//! as the window's Export dialog.

use super::args::{CalendarPart, ExportFormat, ExportWhat, PaperChoice, WindowArgs};
use super::commands::{finish_write, refuse_overwrite};
use crate::export::{ExportOptions, Format, Paper, evidence, ics::IcsOptions};
use crate::model::Id;
use std::path::PathBuf;
use std::process::ExitCode;

/// What `relplan export` was asked to do.
pub(super) struct Request {
    pub file: PathBuf,
    pub to: ExportFormat,
    pub output: PathBuf,
    pub release: Option<String>,
    pub what: ExportWhat,
    pub semicolon: bool,
    pub include: Vec<CalendarPart>,
    pub paper: PaperChoice,
    pub today: Option<jiff::civil::Date>,
    pub force: bool,
}

/// Runs an export; exit status 0 when written, 2 when the book cannot be
/// read, the release is unknown or the file cannot be written.
pub(super) fn export(r: Request, window: &WindowArgs) -> ExitCode {
    if crate::store::is_same_file(&r.file, &r.output) {
        eprintln!("{} is the book being exported; choose another file.", r.output.display());
        return ExitCode::from(2);
    }
    if let Err(code) = refuse_overwrite(&r.output, r.force) {
        return code;
    }
    let bytes = match crate::store::read_limited(&r.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let book = match crate::store::parse(&bytes, &r.file) {
        Ok(p) => p.book,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let release = r.release.map(Id::from);
    if let Some(id) = &release
        && book.release(id).is_none()
    {
        eprintln!("There is no release {id} in {}.", r.file.display());
        return ExitCode::from(2);
    }
    let Some(format) = r.to.format() else {
        if r.to == ExportFormat::Slides {
            return slides(&book, release, r.today, &r.output);
        }
        return minutes(&book, &r.file, &r.output);
    };
    if format == Format::Png {
        return png(r.file, r.output, release, window);
    }
    let all = r.include.is_empty();
    let has = |p: CalendarPart| all || r.include.contains(&p);
    let options = ExportOptions {
        release,
        today: r.today.unwrap_or_else(|| jiff::Zoned::now().date()),
        paper: match r.paper {
            PaperChoice::A4 => Paper::A4,
            PaperChoice::Letter => Paper::Letter,
        },
        table: r.what.table(),
        semicolon: r.semicolon,
        calendar: IcsOptions {
            release: None,
            phases: has(CalendarPart::Phases),
            milestones: has(CalendarPart::Milestones),
            deployments: has(CalendarPart::Deployments),
            blackouts: has(CalendarPart::Blackouts),
        },
    };
    let quiet = |_: f32, _: &str| {};
    if format == Format::Evidence {
        return match evidence::write(&book, Some(&bytes), &options, &r.output, &quiet) {
            Ok(()) => {
                println!("Wrote {}", r.output.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    match crate::export::export(&book, format, &options, &quiet) {
        Ok(out) => finish_write(crate::store::write_atomic(&r.output, &out), &r.output),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// The walkthrough slides of `release`, or of the upcoming releases, as PDF.
fn slides(
    book: &crate::model::Book,
    release: Option<Id>,
    today: Option<jiff::civil::Date>,
    output: &std::path::Path,
) -> ExitCode {
    let today = today.unwrap_or_else(|| jiff::Zoned::now().date());
    let findings = crate::check::all_findings(book, today);
    let scope = release.map_or(crate::present::Scope::Upcoming, crate::present::Scope::Release);
    let deck = crate::present::deck(book, &scope, today, &findings);
    match crate::export::slides_pdf::to_pdf(&deck) {
        Ok(bytes) => finish_write(crate::store::write_atomic(output, &bytes), output),
        Err(e) => {
            eprintln!("The slides could not be made: {e}");
            ExitCode::from(2)
        }
    }
}

/// The minutes of the book's last walkthrough, as Markdown.
fn minutes(book: &crate::model::Book, file: &std::path::Path, output: &std::path::Path) -> ExitCode {
    match super::commands::minutes(book) {
        Some(text) => finish_write(crate::store::write_atomic(output, text.as_bytes()), output),
        None => {
            eprintln!("{} has no walkthrough in its audit trail yet (Present, F5, in the window).", file.display());
            ExitCode::from(2)
        }
    }
}

/// A PNG of the release view (of `release`, or the first release), taken
/// from a real window as `relplan FILE --screenshot` does.
fn png(file: PathBuf, output: PathBuf, release: Option<Id>, window: &WindowArgs) -> ExitCode {
    let start = crate::ui::StartOptions {
        file: Some(file),
        view: Some(crate::ui::ViewName::Release),
        release: release.map(|r| r.0.to_string()),
        theme: window.theme,
        screenshot: Some(crate::ui::ScreenshotPlan::new(output, window.size)),
        slide: None,
        recover: false,
    };
    crate::ui::run(start, window)
}
