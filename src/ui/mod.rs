//! The desktop window.
//!
//! Views are functions of the book and their own view state that return
//! [`intent::Intent`]s; [`app::RelplanApp`] applies the edits among them
//! through the [`crate::edit::Document`], the one place a book changes.

mod app;
mod app_commands;
mod app_files;
mod app_guard;
mod app_loop;
mod app_present;
mod banners;
mod book_view;
mod calendar;
mod checks;
mod commands;
mod dialog_fit;
mod dialogs;
mod disk_dialogs;
mod export_dialog;
mod gate;
mod history_panel;
mod intent;
mod jobs;
mod lock_dialog;
mod memo;
mod palette;
mod prefs;
mod present;
mod recovery_dialog;
mod release_form;
mod release_list;
mod risks;
mod screenshot;
mod session;
mod shell;
mod template_dialogs;
mod theme;
mod widgets;

pub use app::{RelplanApp, StartOptions, today};
pub use commands::{CommandId, fuzzy_score};
pub use intent::{Intent, Intents};
pub use prefs::Prefs;
pub use screenshot::{ScreenshotPlan, ViewName};
pub use session::{ReadOnly, Session};
pub use theme::{Theme, Tokens};

use crate::cli::WindowArgs;
use std::process::ExitCode;

/// The application id: the window class on Linux and the settings folder name.
pub const APP_ID: &str = "relplan";

/// When the program started, for the start-up benchmark.
pub fn started() -> std::time::Instant {
    static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *STARTED.get_or_init(std::time::Instant::now)
}

/// The drawing back end: the one asked for on the command line, which the
/// preferences then remember (so that `--renderer glow` is given once on a
/// machine whose graphics need it), else the remembered one, else wgpu.
pub fn renderer_for(prefs: &mut Prefs, asked: Option<crate::cli::RendererChoice>) -> eframe::Renderer {
    use crate::cli::RendererChoice;
    match asked {
        Some(choice) => {
            prefs.renderer = (choice == RendererChoice::Glow).then(|| "glow".to_owned());
            if choice == RendererChoice::Glow { eframe::Renderer::Glow } else { eframe::Renderer::Wgpu }
        }
        None if prefs.renderer.as_deref() == Some("glow") => eframe::Renderer::Glow,
        None => eframe::Renderer::Wgpu,
    }
}

/// Opens the window and runs until it is closed.
pub fn run(start: StartOptions, args: &WindowArgs) -> ExitCode {
    started();
    // A panic writes the recovery journal before the process ends, and a
    // real start offers what an earlier crash left.
    crate::store::install_panic_hook();
    let start = StartOptions { recover: start.recover && start.screenshot.is_none(), ..start };
    let mut prefs = Prefs::load();
    let renderer = renderer_for(&mut prefs, args.renderer);
    if args.renderer.is_some() && start.screenshot.is_none() {
        let _ = prefs.save();
    }
    let size = start.screenshot.as_ref().map_or([1280.0, 800.0], |s| s.size);
    let mut viewport = egui::ViewportBuilder::default()
        .with_app_id(APP_ID)
        .with_title("Relplan")
        .with_inner_size(size)
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/relplan-icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let mut options = eframe::NativeOptions { viewport, renderer, ..Default::default() };
    if start.screenshot.is_some() {
        // A screenshot shows the asked-for size and view, never the window
        // size or panel layout remembered from the user's own sessions.
        options.persist_window = false;
        options.persistence_path =
            Some(std::env::temp_dir().join(format!("relplan-screenshot-{}", std::process::id())));
    }
    let result =
        eframe::run_native("Relplan", options, Box::new(move |cc| Ok(Box::new(RelplanApp::new(cc, prefs, start)))));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Relplan could not open its window: {e}");
            if renderer == eframe::Renderer::Wgpu {
                eprintln!("If this machine has no working GPU driver, try: relplan --renderer glow");
            }
            ExitCode::from(2)
        }
    }
}
