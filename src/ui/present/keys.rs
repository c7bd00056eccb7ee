//! The presenter's keys. Presentation clickers send Right/Left,
//! PageDown/PageUp or Space, so all of them move between slides.

use egui::{Key, Modifiers};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// The next slide (in the grid: the next card).
    Next,
    /// The previous slide (in the grid: the previous card).
    Prev,
    /// Up a row of the grid.
    Up,
    /// Down a row of the grid.
    Down,
    /// The first slide.
    First,
    /// The last slide.
    Last,
    /// Open the highlighted card of the grid.
    Open,
    /// Show or hide the grid of all slides.
    Grid,
    /// Close what is open, or leave the walkthrough.
    Back,
    /// Show or hide the presenter's notes.
    Notes,
    /// Show or hide the decisions panel.
    Decide,
    /// Show or hide the minutes.
    Minutes,
    /// Larger slides.
    ZoomIn,
    /// Smaller slides.
    ZoomOut,
    /// Slides at their fitted size.
    ZoomReset,
}

/// Keys and what they do, with the grid's meaning where it differs.
const KEYS: [(Key, Nav, Nav); 21] = [
    (Key::ArrowRight, Nav::Next, Nav::Next),
    (Key::PageDown, Nav::Next, Nav::Next),
    (Key::Space, Nav::Next, Nav::Open),
    (Key::ArrowLeft, Nav::Prev, Nav::Prev),
    (Key::PageUp, Nav::Prev, Nav::Prev),
    (Key::Backspace, Nav::Prev, Nav::Prev),
    (Key::ArrowDown, Nav::Next, Nav::Down),
    (Key::ArrowUp, Nav::Prev, Nav::Up),
    (Key::Home, Nav::First, Nav::First),
    (Key::End, Nav::Last, Nav::Last),
    (Key::Enter, Nav::Next, Nav::Open),
    (Key::G, Nav::Grid, Nav::Grid),
    (Key::Escape, Nav::Back, Nav::Back),
    (Key::N, Nav::Notes, Nav::Notes),
    (Key::D, Nav::Decide, Nav::Decide),
    (Key::M, Nav::Minutes, Nav::Minutes),
    (Key::Plus, Nav::ZoomIn, Nav::ZoomIn),
    (Key::Equals, Nav::ZoomIn, Nav::ZoomIn),
    (Key::Minus, Nav::ZoomOut, Nav::ZoomOut),
    (Key::Num0, Nav::ZoomReset, Nav::ZoomReset),
    (Key::F5, Nav::First, Nav::First),
];

/// The presenter's keys pressed this frame, taken out of the input so no
/// focused button also acts on them. Nothing is taken while a text field
/// or a pop-up (a drop-down list, a date picker) has the keyboard.
pub fn pressed(ctx: &egui::Context, in_grid: bool) -> Vec<Nav> {
    if ctx.text_edit_focused() || egui::Popup::is_any_open(ctx) {
        return Vec::new();
    }
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (key, slide, grid) in KEYS {
            let times = i.count_and_consume_key(Modifiers::NONE, key);
            out.extend(std::iter::repeat_n(if in_grid { grid } else { slide }, times));
        }
    });
    out
}
