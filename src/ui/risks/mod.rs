//! The risk register and the likelihood × impact matrices.
//!
//! The view shows the risks of the whole book or of the selected release:
//! at the top the heat maps (inherent and residual side by side, or one map
//! with arrows from inherent to residual positions), below them the
//! register table, and beside it a card that edits the chosen risk.
//!
//! - Clicking a cell filters the register to the risks in it.
//! - Dragging a risk's chip to another cell (or focusing it and pressing the
//!   arrow keys) moves its likelihood and impact as one undoable step.
//! - The view never changes the book: every change is an edit in `out`.
//!
//! The pure work (scores, bands, cells, filters, order) is in
//! [`crate::risk`]; the results are cached between frames (see `cache`).

mod cache;
mod card;
mod chips;
mod filters;
mod matrix_view;
mod paint;
pub(crate) mod summary;
mod table;

use crate::model::{Book, Id};
use crate::risk::{Filter, Sort, Which};
use crate::ui::intent::Intents;
use jiff::civil::Date;

/// Whether the register covers the whole book or the selected release.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every risk in the book.
    #[default]
    Book,
    /// The risks linked to the release selected on the left.
    Release,
}

/// How the matrices show inherent and residual positions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MatrixLayout {
    /// Two heat maps, inherent on the left and residual on the right.
    #[default]
    SideBySide,
    /// One heat map of residual positions, with arrows from the inherent ones.
    Arrows,
}

/// The risk view's own state.
#[derive(Clone, Debug)]
pub struct RiskViewState {
    /// Whole book or selected release.
    pub scope: Scope,
    /// The register's filters (the release filter applies to the whole-book scope).
    pub filter: Filter,
    /// The register's order.
    pub sort: Sort,
    /// Side by side or arrows.
    pub layout: MatrixLayout,
    /// Whether the matrices are shown above the register.
    pub show_matrices: bool,
    /// The one matrix shown when the window is too narrow for both side by side.
    pub alone: Which,
    /// Whether the last frame was too narrow for both matrices side by side.
    narrow: bool,
    /// The risk being edited in the card, if any.
    pub editing: Option<Id>,
    /// The day the view treats as today; the real date when `None` (tests fix it).
    pub today: Option<Date>,
    /// Scroll the register to the edited risk on the next frame.
    scroll_to_editing: bool,
    cache: cache::Cache,
}

impl Default for RiskViewState {
    fn default() -> Self {
        Self {
            scope: Scope::Book,
            filter: Filter::default(),
            sort: Sort::default(),
            layout: MatrixLayout::SideBySide,
            show_matrices: true,
            alone: Which::Residual,
            narrow: false,
            editing: None,
            today: None,
            scroll_to_editing: false,
            cache: cache::Cache::default(),
        }
    }
}

impl RiskViewState {
    /// Opens a risk in the card and scrolls the register to it.
    pub fn edit(&mut self, id: Id) {
        self.editing = Some(id);
        self.scroll_to_editing = true;
    }
}

/// What every part of the view reads.
pub(super) struct View<'a> {
    /// The book.
    pub book: &'a Book,
    /// The release the register is limited to, when the scope is a release.
    pub release: Option<&'a crate::model::Release>,
    /// Today.
    pub today: Date,
}

/// Shows the register and matrices and returns their edits in `out`.
pub fn risks_ui(ui: &mut egui::Ui, book: &Book, selected: Option<&Id>, state: &mut RiskViewState, out: &mut Intents) {
    let today = state.today.unwrap_or_else(super::app::today);
    let release = match state.scope {
        Scope::Release => selected.and_then(|id| book.release(id)),
        Scope::Book => None,
    };
    let view = View { book, release, today };
    if state.editing.as_ref().is_some_and(|id| !book.risks.iter().any(|r| &r.id == id)) {
        state.editing = None;
    }
    let edits_before = out.0.len();
    let looked_before = (state.filter.clone(), state.sort, state.scope);
    let mut filter = state.filter.clone();
    if let Some(r) = release {
        filter.release = Some(r.id.clone());
    }
    let mut cache = std::mem::take(&mut state.cache);
    let computed = cache.get(book, crate::ui::memo::book_key(ui.ctx()), &filter, state.sort, today);
    filters::header_ui(ui, &view, selected, computed, state, out);
    filters::filters_ui(ui, &view, state);
    ui.add_space(4.0);
    if state.show_matrices {
        let height = (ui.available_height() * 0.5).clamp(200.0, 560.0);
        egui::Panel::top("risks.matrices")
            .resizable(true)
            .default_size(height)
            .min_size(160.0)
            .frame(egui::Frame::NONE)
            .show(ui, |ui| matrix_view::matrices_ui(ui, &view, computed, state, out));
    }
    if state.editing.is_some() {
        egui::Panel::right("risks.card")
            .resizable(true)
            .default_size(440.0)
            .min_size(320.0)
            .frame(egui::Frame::NONE.inner_margin(egui::Margin { left: 8, ..Default::default() }))
            .show(ui, |ui| card::card_ui(ui, &view, state, out));
    }
    table::register_ui(ui, &view, computed, state);
    state.cache = cache;
    if out.0.len() != edits_before {
        // The view asked for a change: once it is applied the book key moves
        // and the next frame works the rows out again.
        ui.ctx().request_repaint();
    } else if looked_before != (state.filter.clone(), state.sort, state.scope) {
        // This frame's rows were worked out before the filters changed: show the new ones now.
        ui.ctx().request_repaint();
    }
}
