//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Relplan: plan releases the ISO/IEC 20000 way, offline.
#[derive(Debug, Parser)]
#[command(name = "relplan", version = crate::version::LONG_VERSION, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A book to open in the window (default: the last book, or the example).
    pub file: Option<PathBuf>,
    /// How the window starts.
    #[command(flatten)]
    pub window: WindowArgs,
    /// Work on a book without opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options for the window.
#[derive(Debug, Clone, clap::Args)]
pub struct WindowArgs {
    /// Drawing back end: wgpu (default) or glow for old laptops, virtual
    /// machines and remote desktops. The choice is remembered.
    #[arg(long, value_enum)]
    pub renderer: Option<RendererChoice>,
    /// The view to show first.
    #[arg(long, value_enum)]
    pub view: Option<crate::ui::ViewName>,
    /// The release to select first, by id (e.g. REL-3).
    #[arg(long)]
    pub release: Option<String>,
    /// Write a PNG of the window to this file and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Window size for the screenshot, e.g. 1280x800.
    #[arg(long, value_name = "WxH", default_value = "1280x800", value_parser = parse_size)]
    pub size: [f32; 2],
    /// Theme: light, dark or projector.
    #[arg(long, value_parser = parse_theme)]
    pub theme: Option<crate::ui::Theme>,
    /// With `--view present`: the slide to show first, from 1.
    #[arg(long, value_name = "N")]
    pub slide: Option<usize>,
}

fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or("use WIDTHxHEIGHT, e.g. 1280x800")?;
    let w: u16 = w.trim().parse().map_err(|_| format!("“{w}” is not a width in pixels"))?;
    let h: u16 = h.trim().parse().map_err(|_| format!("“{h}” is not a height in pixels"))?;
    if w < 320 || h < 240 {
        return Err("the window must be at least 320x240".to_owned());
    }
    Ok([f32::from(w), f32::from(h)])
}

fn parse_theme(s: &str) -> Result<crate::ui::Theme, String> {
    crate::ui::Theme::from_name(s).ok_or_else(|| format!("“{s}” is not a theme; use light, dark or projector"))
}

/// A drawing back end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RendererChoice {
    /// Vulkan, Metal, DirectX or OpenGL through wgpu.
    Wgpu,
    /// OpenGL through glow.
    Glow,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the templates new books can start from, one per line, name first.
    Templates,
    /// Create a book from a template.
    New {
        /// Template name (see `relplan templates`).
        #[arg(long, default_value = "standard")]
        template: String,
        /// The book file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Name of the new book.
        #[arg(long)]
        name: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Load and check a book; print its findings. Exit status 0 when there
    /// are no errors, 1 when there are, 2 when the file cannot be read.
    Check {
        /// The book file.
        file: PathBuf,
        /// Only findings about this release.
        #[arg(long)]
        release: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FindingsFormat::Text)]
        format: FindingsFormat,
        /// Check as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// Write a file for people and tools without Relplan: a report (PDF,
    /// HTML, Markdown), a table (CSV, XLSX), the calendar (ICS), the whole
    /// book (JSON), a picture of a view (PNG) or an auditor's evidence pack.
    Export {
        /// The book file.
        file: PathBuf,
        /// The format.
        #[arg(long, value_enum)]
        to: ExportFormat,
        /// The file to write (for an evidence pack: a .zip file, or a folder).
        #[arg(short, long)]
        output: PathBuf,
        /// Only this release, by id (e.g. REL-3).
        #[arg(long)]
        release: Option<String>,
        /// What a CSV file holds.
        #[arg(long, value_enum, default_value_t = ExportWhat::Risks)]
        what: ExportWhat,
        /// Separate CSV columns with `;` (for spreadsheets that use a decimal comma).
        #[arg(long)]
        semicolon: bool,
        /// For calendars: which events to include (default: all).
        #[arg(long, value_enum, value_delimiter = ',')]
        include: Vec<CalendarPart>,
        /// Paper for the PDF report.
        #[arg(long, value_enum, default_value_t = PaperChoice::A4)]
        paper: PaperChoice,
        /// Work out the checks as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<jiff::civil::Date>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a realistic synthetic book, for demos and benchmarks. The same
    /// seed always gives the same file.
    Gen {
        /// Number of releases.
        #[arg(long)]
        releases: usize,
        /// Seed for the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The book file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A self-contained web page.
    Html,
    /// A paginated PDF report.
    Pdf,
    /// Markdown for wikis.
    Md,
    /// Comma-separated values (one table, see --what).
    Csv,
    /// An Excel workbook: register, schedule, releases, deployments, findings.
    Xlsx,
    /// The whole book as JSON, for scripts.
    Json,
    /// iCalendar (.ics).
    Ics,
    /// A picture of a view (opens a window; see --release).
    Png,
    /// PDF, HTML, CSV, ICS and the book, with a SHA-256 manifest (zip or folder).
    Evidence,
    /// The minutes of the book's last walkthrough, as Markdown.
    Minutes,
    /// The walkthrough slides (of --release, or the upcoming releases) as a landscape PDF.
    Slides,
}

impl ExportFormat {
    /// The export layer's format.
    pub fn format(self) -> Option<crate::export::Format> {
        use crate::export::Format as F;
        Some(match self {
            ExportFormat::Html => F::Html,
            ExportFormat::Pdf => F::Pdf,
            ExportFormat::Md => F::Markdown,
            ExportFormat::Csv => F::Csv,
            ExportFormat::Xlsx => F::Xlsx,
            ExportFormat::Json => F::Json,
            ExportFormat::Ics => F::Ics,
            ExportFormat::Png => F::Png,
            ExportFormat::Evidence => F::Evidence,
            ExportFormat::Minutes | ExportFormat::Slides => return None,
        })
    }
}

/// What a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    /// One row per release.
    Releases,
    /// One row per deployment.
    Deployments,
    /// The risk register.
    Risks,
    /// Every dated item: phases, milestones, deployments, blackouts.
    Schedule,
    /// The check findings.
    Findings,
}

impl ExportWhat {
    /// The export layer's table.
    pub fn table(self) -> crate::export::TableKind {
        use crate::export::TableKind as T;
        match self {
            ExportWhat::Releases => T::Releases,
            ExportWhat::Deployments => T::Deployments,
            ExportWhat::Risks => T::Risks,
            ExportWhat::Schedule => T::Schedule,
            ExportWhat::Findings => T::Findings,
        }
    }
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperChoice {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

/// Kinds of calendar event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarPart {
    /// Release phases.
    Phases,
    /// Milestones.
    Milestones,
    /// Deployment windows.
    Deployments,
    /// Blackout windows.
    Blackouts,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    /// One finding per line: `RULE severity release path: message`.
    Text,
    /// A JSON array of objects.
    Json,
}
