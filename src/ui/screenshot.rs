//! `--screenshot`: open a view in a real window, write a PNG of it, exit.
//! The README's pictures are made this way.

use super::app::RelplanApp;
use std::path::PathBuf;

/// The views `--view` can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewName {
    /// The release list with the selected release.
    Releases,
    /// The selected release's plan.
    Release,
    /// The history panel.
    History,
    /// The book's policy, people, environments and other shared records.
    Book,
    /// The calendar.
    Calendar,
    /// The risk register and matrices.
    Risks,
    /// The ISO/IEC 20000 checks.
    Checks,
    /// The meeting-room walkthrough of the selected release (`--release`),
    /// or of the upcoming releases; `--slide N` picks the slide.
    Present,
}

/// Where to write the screenshot, and how far it has got.
#[derive(Clone, Debug)]
pub struct ScreenshotPlan {
    /// The PNG file to write.
    pub path: PathBuf,
    /// Window size in points.
    pub size: [f32; 2],
    /// Frames drawn so far.
    frames: u32,
    /// Whether the screenshot was asked for.
    requested: bool,
    /// Where the picture arrives.
    slot: std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<egui::ColorImage>>>>,
}

impl ScreenshotPlan {
    /// A plan to write `path` from a window of `size`.
    pub fn new(path: PathBuf, size: [f32; 2]) -> Self {
        Self { path, size, frames: 0, requested: false, slot: Default::default() }
    }
}

/// Writes a picture of the window to a PNG file.
pub fn write_png(image: &egui::ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    image::RgbaImage::from_raw(u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0), bytes)
        .ok_or_else(|| "the window's picture had an unexpected size".to_owned())
        .and_then(|img| img.save(path).map_err(|e| e.to_string()))
}

/// A PNG of the current view that the Export dialog asked for: taken once
/// the dialog has gone from the window, then written in the background.
#[derive(Clone, Debug)]
pub struct PngExport {
    /// The PNG file to write.
    pub path: PathBuf,
    /// Frames drawn since it was asked for.
    frames: u32,
    /// Whether the screenshot was asked for.
    requested: bool,
    /// Where the picture arrives.
    slot: std::sync::Arc<std::sync::Mutex<Option<std::sync::Arc<egui::ColorImage>>>>,
}

impl PngExport {
    /// A picture to be written to `path`.
    pub fn new(path: PathBuf) -> Self {
        Self { path, frames: 0, requested: false, slot: Default::default() }
    }
}

/// Advances a PNG export: lets the dialog disappear, asks for the picture,
/// and hands it to a background job that writes the file.
pub fn step_png(app: &mut RelplanApp, ctx: &egui::Context) {
    let Some(png) = &mut app.png_export else { return };
    let image = png.slot.lock().ok().and_then(|mut s| s.take());
    if let Some(image) = image {
        let path = png.path.clone();
        app.png_export = None;
        app.jobs.push(super::jobs::write_png(image, path));
        return;
    }
    png.frames += 1;
    if png.frames >= 2 && !png.requested {
        png.requested = true;
        let slot = png.slot.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            if let Ok(mut s) = slot.lock() {
                *s = Some(image);
            }
            repaint.request_repaint();
        });
    }
    ctx.request_repaint();
}

/// Frames drawn before the picture is taken, so that layout and fonts settle.
const SETTLE_FRAMES: u32 = 6;

/// Advances the screenshot: waits, asks for it, writes it and closes.
pub fn step(app: &mut RelplanApp, ctx: &egui::Context) {
    let Some(plan) = &mut app.screenshot else { return };
    let image = plan.slot.lock().ok().and_then(|mut s| s.take());
    if let Some(image) = image {
        let path = plan.path.clone();
        match write_png(&image, &path) {
            Ok(()) => println!("Wrote {}", path.display()),
            Err(e) => {
                eprintln!("Could not write {}: {e}", path.display());
                std::process::exit(2);
            }
        }
        app.close_confirmed = true;
        app.screenshot = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        return;
    }
    plan.frames += 1;
    if plan.frames >= SETTLE_FRAMES && !plan.requested && app.jobs.is_empty() {
        plan.requested = true;
        let slot = plan.slot.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            if let Ok(mut s) = slot.lock() {
                *s = Some(image);
            }
            repaint.request_repaint();
        });
    }
    ctx.request_repaint();
}
