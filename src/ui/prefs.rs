//! Preferences that persist between runs: theme, zoom, recent files, the
//! renderer, the name used in the audit trail, how many earlier versions
//! of each book are kept as backups, and the CSV separator.
//!
//! They live in `settings.ron` in the user's configuration folder (or in
//! `RELPLAN_CONFIG_DIR`), written atomically. A missing or broken settings
//! file gives the defaults; it never stops the app from starting.

use super::theme::Theme;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files are remembered.
const RECENT_LIMIT: usize = 10;

/// The user's preferences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The theme.
    pub theme: Theme,
    /// Zoom factor (1.0 = 100 %).
    pub zoom: f32,
    /// Books opened recently, newest first.
    pub recent: Vec<PathBuf>,
    /// "glow" when the glow renderer was chosen; otherwise wgpu is used.
    pub renderer: Option<String>,
    /// The name written in the audit trail instead of the system user name.
    pub author: Option<String>,
    /// How many earlier versions of each book are kept as backups (at least one).
    pub keep_versions: usize,
    /// CSV files the window writes separate cells with `;` instead of `,`
    /// (for spreadsheets that write decimals with a comma, as most of
    /// Europe does). Chosen in the Export dialog; the menu's risk register
    /// export follows it.
    pub csv_semicolon: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: Theme::Light,
            zoom: 1.0,
            recent: Vec::new(),
            renderer: None,
            author: None,
            keep_versions: crate::store::DEFAULT_KEEP_VERSIONS,
            csv_semicolon: false,
        }
    }
}

impl Prefs {
    /// The folder of the settings file.
    pub fn dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("RELPLAN_CONFIG_DIR") {
            return Some(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("org", "Relplan", "Relplan").map(|d| d.config_dir().to_owned())
    }

    /// Reads the preferences, or the defaults when there are none.
    pub fn load() -> Prefs {
        Self::dir().map(|d| Self::load_from(&d.join("settings.ron"))).unwrap_or_default()
    }

    /// Reads the preferences from a file, or the defaults when it is missing or broken.
    pub fn load_from(path: &Path) -> Prefs {
        std::fs::read_to_string(path).ok().and_then(|t| ron::from_str(&t).ok()).unwrap_or_default()
    }

    /// Writes the preferences. Failure is reported but never fatal.
    pub fn save(&self) -> Result<(), String> {
        let dir = Self::dir().ok_or("there is no configuration folder")?;
        std::fs::create_dir_all(&dir).map_err(|e| crate::store::plain_io(&e))?;
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(|e| e.to_string())?;
        crate::store::write_atomic(&dir.join("settings.ron"), text.as_bytes()).map_err(|e| e.to_string())
    }

    /// Puts a file at the top of the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// The zoom, kept within 50 %–300 %.
    pub fn clamped_zoom(&self) -> f32 {
        if self.zoom.is_finite() { self.zoom.clamp(0.5, 3.0) } else { 1.0 }
    }
}
