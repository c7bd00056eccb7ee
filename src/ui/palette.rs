//! The command palette (Ctrl+Shift+P): fuzzy search over commands,
//! releases and the books opened lately.

use super::commands::{CommandId, fuzzy_score};
use super::intent::{Intent, Intents};
use crate::model::Book;
use std::path::PathBuf;

/// The palette's state.
#[derive(Clone, Debug, Default)]
pub struct PaletteState {
    /// Whether it is open.
    pub open: bool,
    /// What was typed.
    pub query: String,
    /// The highlighted entry.
    pub selected: usize,
}

/// One entry the palette can run.
#[derive(Clone, Debug)]
struct Entry {
    label: String,
    hint: String,
    intent: Intent,
}

/// What the recent books' entries start with; "Open recent" fills the
/// palette's search with it, so that the palette lists them.
pub const RECENT: &str = "Open recent: ";

fn entries(ctx: &egui::Context, book: Option<&Book>, recent: &[PathBuf], query: &str) -> Vec<Entry> {
    let mut scored: Vec<(i32, Entry)> = CommandId::ALL
        .iter()
        .filter_map(|&c| {
            let label = c.label().to_owned();
            let score = fuzzy_score(query, &label)? + 10;
            let hint = c.shortcuts().first().map(|s| ctx.format_shortcut(s)).unwrap_or_default();
            Some((score, Entry { label, hint, intent: Intent::Run(c) }))
        })
        .collect();
    if let Some(book) = book {
        for r in &book.releases {
            let label = format!("{} · {}", r.id, r.name);
            if let Some(score) = fuzzy_score(query, &label) {
                let entry =
                    Entry { label, hint: r.phase.label().to_owned(), intent: Intent::SelectRelease(r.id.clone()) };
                scored.push((score, entry));
            }
        }
    }
    for path in recent {
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let label = format!("{RECENT}{name}");
        let folder = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
        if let Some(score) = fuzzy_score(query, &label) {
            scored.push((score + 5, Entry { label, hint: folder, intent: Intent::OpenFile(path.clone()) }));
        }
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
    scored.into_iter().take(30).map(|(_, e)| e).collect()
}

/// Shows the palette when open and returns the chosen entry's intent.
pub fn palette_ui(
    ctx: &egui::Context,
    state: &mut PaletteState,
    book: Option<&Book>,
    recent: &[PathBuf],
    out: &mut Intents,
) {
    if !state.open {
        return;
    }
    let found = entries(ctx, book, recent, &state.query);
    let mut close = false;
    egui::Modal::new(egui::Id::unique("relplan.palette")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading("Command palette");
        let r = ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .hint_text("Type a command, a release or a recent book")
                .desired_width(f32::INFINITY),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search commands and releases"));
        r.request_focus();
        if r.changed() {
            state.selected = 0;
        }
        let (down, up, enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if down {
            state.selected = (state.selected + 1).min(found.len().saturating_sub(1));
        }
        if up {
            state.selected = state.selected.saturating_sub(1);
        }
        // The list's scroll bar goes beside the shortcuts, never over them.
        super::dialog_fit::body_ui(ui, "palette.list", 360.0, |ui, _| {
            for (i, e) in found.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui.selectable_label(i == state.selected, &e.label).clicked() {
                        out.push(e.intent.clone());
                        close = true;
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.weak(&e.hint));
                });
            }
            if found.is_empty() {
                ui.weak("Nothing matches.");
            }
        });
        if enter {
            if let Some(e) = found.get(state.selected) {
                out.push(e.intent.clone());
            }
            close = true;
        }
        if escape {
            close = true;
        }
    });
    if close {
        state.open = false;
        state.query.clear();
        state.selected = 0;
    }
}
