//! The one table of commands behind the menus, the keyboard shortcuts and
//! the command palette.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Every command the window offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandId {
    /// Start a new book from a template.
    NewFromTemplate,
    /// Open a book file.
    Open,
    /// Open one of the books opened lately.
    OpenRecent,
    /// Save the book.
    Save,
    /// Save the book under another name.
    SaveAs,
    /// Close the window.
    Quit,
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Find a release.
    Find,
    /// Open the command palette.
    Palette,
    /// Add a release.
    NewRelease,
    /// Copy the selected release.
    DuplicateRelease,
    /// Delete the selected release (undoable).
    DeleteRelease,
    /// Move the selected release to its next phase.
    NextPhase,
    /// Save the selected release as a template of the user's own.
    SaveReleaseAsTemplate,
    /// Show the selected release.
    ViewRelease,
    /// Show the book's policy, people, environments and other shared records.
    ViewBook,
    /// Show the calendar.
    ViewCalendar,
    /// Show the risk register and matrices.
    ViewRisks,
    /// Show the ISO/IEC 20000 checks.
    ViewChecks,
    /// Show or hide the history panel.
    ToggleHistory,
    /// Export the book or a release: report, tables, calendar, evidence pack.
    Export,
    /// Walk a meeting through the selected release, full screen.
    Present,
    /// Walk a meeting through the upcoming releases, full screen.
    PresentUpcoming,
    /// Write the minutes of the last walkthrough.
    ExportMinutes,
    /// Write the walkthrough slides as a PDF handout.
    ExportSlides,
    /// Write the schedule as an iCalendar file.
    ExportCalendar,
    /// Read blackout windows from an iCalendar file.
    ImportCalendar,
    /// Write the risk register as CSV.
    ExportRisks,
    /// Read risks from a CSV file.
    ImportRisks,
    /// Larger.
    ZoomIn,
    /// Smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Light theme.
    ThemeLight,
    /// Dark theme.
    ThemeDark,
    /// High-contrast projector theme.
    ThemeProjector,
    /// Version and commit.
    About,
}

/// The menu a command appears in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Release.
    Release,
    /// Help.
    Help,
}

impl Menu {
    /// Every menu, in menu-bar order.
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Edit, Menu::View, Menu::Release, Menu::Help];

    /// The menu's title.
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Release => "Release",
            Menu::Help => "Help",
        }
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl CommandId {
    /// Every command, in menu order.
    pub const ALL: [CommandId; 37] = [
        CommandId::NewFromTemplate,
        CommandId::Open,
        CommandId::OpenRecent,
        CommandId::Save,
        CommandId::SaveAs,
        CommandId::Export,
        CommandId::ExportCalendar,
        CommandId::ImportCalendar,
        CommandId::ExportRisks,
        CommandId::ImportRisks,
        CommandId::ExportMinutes,
        CommandId::ExportSlides,
        CommandId::Quit,
        CommandId::Undo,
        CommandId::Redo,
        CommandId::Find,
        CommandId::Palette,
        CommandId::ViewRelease,
        CommandId::ViewBook,
        CommandId::ViewCalendar,
        CommandId::ViewRisks,
        CommandId::ViewChecks,
        CommandId::ToggleHistory,
        CommandId::Present,
        CommandId::PresentUpcoming,
        CommandId::ZoomIn,
        CommandId::ZoomOut,
        CommandId::ZoomReset,
        CommandId::ThemeLight,
        CommandId::ThemeDark,
        CommandId::ThemeProjector,
        CommandId::NewRelease,
        CommandId::DuplicateRelease,
        CommandId::DeleteRelease,
        CommandId::NextPhase,
        CommandId::SaveReleaseAsTemplate,
        CommandId::About,
    ];

    /// The command's name in menus and the palette.
    pub fn label(self) -> &'static str {
        match self {
            CommandId::NewFromTemplate => "New book from template…",
            CommandId::Open => "Open…",
            CommandId::OpenRecent => "Open recent",
            CommandId::Save => "Save",
            CommandId::SaveAs => "Save as…",
            CommandId::Quit => "Quit",
            CommandId::Undo => "Undo",
            CommandId::Redo => "Redo",
            CommandId::Find => "Find release",
            CommandId::Palette => "Command palette…",
            CommandId::NewRelease => "New release",
            CommandId::DuplicateRelease => "Duplicate release",
            CommandId::DeleteRelease => "Delete release",
            CommandId::NextPhase => "Move to next phase",
            CommandId::SaveReleaseAsTemplate => "Save release as template…",
            CommandId::ViewRelease => "Release plan",
            CommandId::ViewBook => "Book: policy, people, environments…",
            CommandId::ViewCalendar => "Calendar",
            CommandId::ViewRisks => "Risks",
            CommandId::ViewChecks => "Checks",
            CommandId::Export => "Export…",
            CommandId::ExportCalendar => "Export calendar (.ics)…",
            CommandId::ImportCalendar => "Import blackouts from a calendar (.ics)…",
            CommandId::ExportRisks => "Export risk register (.csv)…",
            CommandId::ImportRisks => "Import risks (.csv)…",
            CommandId::ToggleHistory => "History panel",
            CommandId::Present => "Present release",
            CommandId::PresentUpcoming => "Present upcoming releases",
            CommandId::ExportMinutes => "Export meeting minutes (.md)…",
            CommandId::ExportSlides => "Export slides (.pdf)…",
            CommandId::ZoomIn => "Zoom in",
            CommandId::ZoomOut => "Zoom out",
            CommandId::ZoomReset => "Actual size",
            CommandId::ThemeLight => "Light theme",
            CommandId::ThemeDark => "Dark theme",
            CommandId::ThemeProjector => "Projector theme",
            CommandId::About => "About Relplan",
        }
    }

    /// The menu the command is in.
    pub fn menu(self) -> Menu {
        use CommandId as C;
        match self {
            C::NewFromTemplate
            | C::Open
            | C::OpenRecent
            | C::Save
            | C::SaveAs
            | C::Quit
            | C::Export
            | C::ExportCalendar
            | C::ImportCalendar
            | C::ExportRisks
            | C::ImportRisks
            | C::ExportMinutes
            | C::ExportSlides => Menu::File,
            C::Undo | C::Redo | C::Find | C::Palette => Menu::Edit,
            C::ViewRelease
            | C::ViewBook
            | C::ViewCalendar
            | C::ViewRisks
            | C::ViewChecks
            | C::ToggleHistory
            | C::Present
            | C::PresentUpcoming
            | C::ZoomIn
            | C::ZoomOut
            | C::ZoomReset
            | C::ThemeLight
            | C::ThemeDark
            | C::ThemeProjector => Menu::View,
            C::NewRelease | C::DuplicateRelease | C::DeleteRelease | C::NextPhase | C::SaveReleaseAsTemplate => {
                Menu::Release
            }
            C::About => Menu::Help,
        }
    }

    /// Keyboard shortcuts; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        use CommandId as C;
        const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        match self {
            C::Open => vec![k(CTRL, Key::O)],
            C::Save => vec![k(CTRL, Key::S)],
            C::SaveAs => vec![k(CTRL_SHIFT, Key::S)],
            C::Export => vec![k(CTRL, Key::E)],
            C::Quit => vec![k(CTRL, Key::Q)],
            C::Undo => vec![k(CTRL, Key::Z)],
            C::Redo => vec![k(CTRL_SHIFT, Key::Z), k(CTRL, Key::Y)],
            C::Find => vec![k(CTRL, Key::F)],
            C::Palette => vec![k(CTRL_SHIFT, Key::P)],
            C::NewRelease => vec![k(CTRL, Key::N)],
            C::DuplicateRelease => vec![k(CTRL, Key::D)],
            C::ZoomIn => vec![k(CTRL, Key::Plus), k(CTRL, Key::Equals)],
            C::ZoomOut => vec![k(CTRL, Key::Minus)],
            C::ZoomReset => vec![k(CTRL, Key::Num0)],
            C::ViewRelease => vec![k(CTRL, Key::Num1)],
            C::ViewBook => vec![k(CTRL, Key::Num2)],
            C::ViewCalendar => vec![k(CTRL, Key::Num3)],
            C::ViewRisks => vec![k(CTRL, Key::Num4)],
            C::ViewChecks => vec![k(CTRL, Key::Num5)],
            C::Present => vec![k(Modifiers::NONE, Key::F5)],
            C::PresentUpcoming => vec![k(Modifiers::SHIFT, Key::F5)],
            _ => Vec::new(),
        }
    }

    /// Whether the command's shortcut should wait while a text field has the
    /// keyboard (so that the field's own undo, copy and so on work).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, CommandId::Undo | CommandId::Redo | CommandId::DuplicateRelease)
    }
}

/// The commands whose shortcut was pressed this frame.
pub fn pressed(ctx: &egui::Context, text_has_focus: bool) -> Vec<CommandId> {
    // Shortcuts with more modifiers first: egui matches Ctrl+Z also when
    // Shift is held, so Ctrl+Shift+Z must be tried before Ctrl+Z.
    let mut all: Vec<(CommandId, KeyboardShortcut)> = CommandId::ALL
        .iter()
        .filter(|c| !(text_has_focus && c.yields_to_text_fields()))
        .flat_map(|&c| c.shortcuts().into_iter().map(move |s| (c, s)))
        .collect();
    all.sort_by_key(|(_, s)| std::cmp::Reverse(u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt)));
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for (cmd, shortcut) in &all {
            if input.consume_shortcut(shortcut) && !out.contains(cmd) {
                out.push(*cmd);
            }
        }
    });
    out
}

/// A score for how well `query` matches `text` (higher is better), or
/// `None` when the query's letters do not all appear in order.
pub fn fuzzy_score(query: &str, text: &str) -> Option<i32> {
    let text_lower = text.to_lowercase();
    let mut score = 0;
    let mut last: Option<usize> = None;
    let mut chars = text_lower.char_indices();
    for q in query.to_lowercase().chars().filter(|c| !c.is_whitespace()) {
        let (i, _) = chars.by_ref().find(|&(_, c)| c == q)?;
        score += match last {
            Some(l) if i == l + 1 => 5,
            _ if i == 0 || text_lower[..i].ends_with([' ', '-', '.']) => 3,
            _ => 1,
        };
        last = Some(i);
    }
    Some(score - i32::try_from(text.len() / 16).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matches_letters_in_order() {
        assert!(fuzzy_score("sv", "Save").is_some());
        assert!(fuzzy_score("vs", "Save").is_none());
        assert!(fuzzy_score("new rel", "New release") > fuzzy_score("new rel", "Renew the old release"));
    }

    #[test]
    fn every_command_has_a_label_and_a_menu() {
        for c in CommandId::ALL {
            assert!(!c.label().is_empty());
            let _ = c.menu();
        }
    }
}
