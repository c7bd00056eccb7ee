//! The book's long lists (people, environments, blackouts, configuration
//! items, changes, known errors) as filtered, paged cards.
//!
//! Generated books hold thousands of configuration items and changes, so a
//! list lays out at most one page of cards at a time ([`PAGE`] more on each
//! "Show more"), and a card lays out its form only while it is open. The
//! shared `list_ui` widget suits the short nested lists (release types,
//! maintenance windows); here the filter means a card's place on screen is
//! not its place in the list, so moving works on the book's own positions
//! and is offered only while no filter hides neighbours.

use super::common::{Tone, count_of, limit_width, note_ui};
use crate::edit::{Edit, Entity, Path};
use crate::model::{Book, Id, IdKind};
use crate::ui::intent::Intents;
use crate::ui::theme;
use egui::{RichText, Ui};
use serde::Serialize;

/// How many cards a list shows at first, and how many more each "Show more" adds.
pub(super) const PAGE: usize = 50;

/// What one list remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct ListView {
    /// The filter text.
    pub filter: String,
    /// How many matching cards to show; at least [`PAGE`].
    pub limit: usize,
    /// A member just added: it is shown and opened even when it is past the page.
    pub reveal: Option<Id>,
    /// Whether the revealed member still has to be scrolled to.
    pub scroll_to_reveal: bool,
}

/// The header of a card: what the member is, at a glance.
pub(super) struct CardHead {
    /// The title, e.g. the name.
    pub title: String,
    /// A line of detail under the title; may be empty.
    pub detail: String,
    /// A short status after the title, with its tone; may be empty.
    pub status: String,
    /// How the status reads.
    pub tone: Tone,
}

/// A list of the book that is shown as filtered, paged cards.
pub(super) trait Card: Entity + Serialize + Sized {
    /// The list's name in the book, e.g. `config_items`.
    const LIST: &'static str;
    /// One member, e.g. "configuration item".
    const NOUN: &'static str;
    /// Several members, e.g. "configuration items".
    const PLURAL: &'static str;
    /// The kind of id new members get.
    const KIND: IdKind;
    /// What the filter searches, for its hint text.
    const FILTER_HINT: &'static str;

    /// The list in the book.
    fn items(book: &Book) -> &[Self];
    /// The card's header.
    fn head(&self, book: &Book) -> CardHead;
    /// Whether the member passes the filter.
    fn matches(&self, filter: &Filter) -> bool;
    /// The card's form, for the member at `at`.
    fn body_ui(&self, ui: &mut Ui, book: &Book, at: Path, out: &mut Intents);
    /// A new member with the given id.
    fn new_item(book: &Book, id: Id) -> Self;
}

/// A parsed filter: every word must appear, in any case, in one of the
/// member's searched texts.
pub(super) struct Filter {
    words: Vec<String>,
}

impl Filter {
    /// The filter for this text.
    pub(super) fn new(text: &str) -> Self {
        Self { words: text.split_whitespace().map(str::to_lowercase).collect() }
    }

    /// Whether nothing is filtered out.
    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word appears in at least one of `texts`.
    pub(super) fn hits(&self, texts: &[&str]) -> bool {
        self.words.iter().all(|w| texts.iter().any(|t| contains_ignoring_case(t, w)))
    }
}

/// Whether `text` contains `needle` (already lower case), ignoring case,
/// without allocating when the needle is plain ASCII.
fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let n = needle.as_bytes();
        n.is_empty() || text.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
    } else {
        text.to_lowercase().contains(needle)
    }
}

/// Shows one of the book's lists: a toolbar with filter and "Add", then the
/// matching cards, one page at a time.
pub(super) fn entity_list_ui<T: Card>(ui: &mut Ui, book: &Book, view: &mut ListView, out: &mut Intents) {
    let t = theme::tokens(ui.ctx());
    let items = T::items(book);
    view.limit = view.limit.max(PAGE);
    let filter = Filter::new(&view.filter);
    let matched: Vec<usize> = if filter.is_empty() {
        (0..items.len()).collect()
    } else {
        items.iter().enumerate().filter(|(_, x)| x.matches(&filter)).map(|(i, _)| i).collect()
    };
    toolbar_ui::<T>(ui, book, view, items.len(), matched.len(), out);
    ui.add_space(t.spacing * 0.5);
    let reorder = filter.is_empty();
    egui::ScrollArea::vertical().id_salt(("book.list", T::LIST)).auto_shrink([false; 2]).show(ui, |ui| {
        limit_width(ui);
        if items.is_empty() {
            note_ui(ui, &format!("There are no {} yet. Use “Add {}” to create one.", T::PLURAL, T::NOUN));
        } else if matched.is_empty() {
            note_ui(ui, &format!("No {} match “{}”.", T::PLURAL, view.filter.trim()));
        }
        let shown = &matched[..matched.len().min(view.limit)];
        let pinned = view.reveal.as_ref().and_then(|id| items.iter().position(|x| x.id() == id));
        let pinned = pinned.filter(|i| !shown.contains(i));
        let id_width = id_column_width(ui, shown.iter().chain(&pinned).map(|&i| items[i].id()));
        let place = |index| Place { index, count: items.len(), reorder, id_width };
        for &i in shown {
            card_ui(ui, book, &items[i], place(i), view, out);
        }
        if matched.len() > shown.len() {
            ui.horizontal(|ui| {
                let more = (matched.len() - shown.len()).min(PAGE);
                if ui.button(format!("Show {more} more")).clicked() {
                    view.limit += PAGE;
                }
                ui.label(
                    RichText::new(format!(
                        "Showing {} of {}",
                        shown.len(),
                        count_of(matched.len(), T::NOUN, T::PLURAL)
                    ))
                    .color(t.text_weak),
                );
            });
        }
        if let Some(i) = pinned {
            ui.add_space(t.spacing);
            ui.label(RichText::new("Just added, after the shown page:").color(t.text_weak));
            card_ui(ui, book, &items[i], place(i), view, out);
        }
    });
}

/// The width of the widest of these ids in the id font.
fn id_column_width<'a>(ui: &Ui, ids: impl Iterator<Item = &'a Id>) -> f32 {
    let longest = ids.map(|id| id.as_str().chars().count()).max().unwrap_or(0);
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let sample = "0".repeat(longest);
    ui.painter().layout_no_wrap(sample, font, egui::Color32::PLACEHOLDER).size().x
}

/// The filter box, the count and the "Add" button.
fn toolbar_ui<T: Card>(ui: &mut Ui, book: &Book, view: &mut ListView, total: usize, matched: usize, out: &mut Intents) {
    let t = theme::tokens(ui.ctx());
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut view.filter)
                .id_salt(("book.filter", T::LIST))
                .hint_text(format!("🔍 Filter by {}", T::FILTER_HINT))
                .desired_width(320.0),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("Filter {}", T::PLURAL)));
        if r.changed() {
            view.limit = PAGE;
        }
        if !view.filter.is_empty() {
            let clear = ui.small_button("🗙").on_hover_text("Clear the filter");
            clear.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Clear the filter"));
            if clear.clicked() {
                view.filter.clear();
                view.limit = PAGE;
            }
        }
        let count = if matched == total {
            count_of(total, T::NOUN, T::PLURAL)
        } else {
            format!("{} of {}", super::common::thousands(matched), count_of(total, T::NOUN, T::PLURAL))
        };
        ui.label(RichText::new(count).color(t.text_weak));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(format!("➕ Add {}", T::NOUN)).clicked() {
                let id = book.ledger.peek_id(T::KIND);
                out.apply(Edit::insert(Path::root(), T::LIST, total, &T::new_item(book, id.clone())));
                view.filter.clear();
                view.reveal = Some(id);
                view.scroll_to_reveal = true;
            }
        });
    });
}

/// Where a card sits in its list, and how wide the list's id column is.
#[derive(Clone, Copy)]
struct Place {
    /// Position in the book's list.
    index: usize,
    /// Length of the book's list.
    count: usize,
    /// Whether moving is offered (no filter hides neighbours).
    reorder: bool,
    /// Width of the id column, so that titles line up.
    id_width: f32,
}

/// One member as a card: a header that opens and closes it, with the
/// remove and move buttons, and the member's form while open.
fn card_ui<T: Card>(ui: &mut Ui, book: &Book, item: &T, place: Place, view: &mut ListView, out: &mut Intents) {
    let t = theme::tokens(ui.ctx());
    let id = item.id();
    let at = Path::root().item(T::LIST, id);
    let head = item.head(book);
    let title = if head.title.trim().is_empty() { format!("Unnamed {}", T::NOUN) } else { head.title.clone() };
    let revealing = view.reveal.as_ref() == Some(id) && view.scroll_to_reveal;
    egui::Frame::group(ui.style()).fill(t.panel).corner_radius(6.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let state_id = egui::Id::unique(("book.card", T::LIST, id));
        let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), state_id, false);
        if revealing {
            state.set_open(true);
        }
        let open = state.is_open();
        let mut toggle_by_title = false;
        let header = ui.horizontal(|ui| {
            let toggle = state.show_toggle_button(ui, egui::collapsing_header::paint_default_icon);
            let words = format!("{} {} {id} {title}", if open { "Hide" } else { "Show" }, T::NOUN);
            toggle.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, &words));
            let id_text = RichText::new(id.as_str()).color(t.text_weak).monospace();
            ui.add_sized([place.id_width, ui.spacing().interact_size.y], egui::Label::new(id_text));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                row_buttons_ui::<T>(ui, id, &title, place, out);
                if !head.status.is_empty() {
                    ui.label(RichText::new(&head.status).color(head.tone.colour(ui)));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let name = ui
                        .add(egui::Label::new(RichText::new(&title).strong()).sense(egui::Sense::click()).truncate())
                        .on_hover_cursor(egui::CursorIcon::PointingHand);
                    toggle_by_title = name.clicked();
                });
            });
        });
        if revealing {
            header.response.scroll_to_me(Some(egui::Align::Center));
            view.scroll_to_reveal = false;
        }
        if toggle_by_title {
            state.toggle(ui);
        }
        if !head.detail.is_empty() && !state.is_open() {
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().indent);
                ui.add(egui::Label::new(RichText::new(&head.detail).color(t.text_weak)).truncate());
            });
        }
        state.show_body_indented(&header.response, ui, |ui| {
            ui.add_space(t.spacing * 0.5);
            item.body_ui(ui, book, at.clone(), out);
        });
    });
    ui.add_space(t.spacing * 0.25);
}

/// Remove, move down and move up, right to left.
fn row_buttons_ui<T: Card>(ui: &mut Ui, id: &Id, title: &str, place: Place, out: &mut Intents) {
    let Place { index, count, reorder, .. } = place;
    let button = |ui: &mut Ui, enabled: bool, icon: &str, words: String, hover: &str| {
        let r = ui.add_enabled(enabled, egui::Button::new(icon).small()).on_hover_text(&words);
        let r = if enabled { r } else { r.on_disabled_hover_text(hover) };
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &words));
        r.clicked()
    };
    let what = format!("{} {id} {title}", T::NOUN);
    if button(ui, true, "🗙", format!("Remove {what}"), "") {
        out.apply(Ok(Edit::remove(Path::root(), T::LIST, id)));
    }
    let why = "Clear the filter to reorder";
    if button(ui, reorder && index + 1 < count, "⬇", format!("Move {what} down"), why) {
        out.apply(Ok(Edit::move_to(Path::root(), T::LIST, id, index + 1)));
    }
    if button(ui, reorder && index > 0, "⬆", format!("Move {what} up"), why) {
        out.apply(Ok(Edit::move_to(Path::root(), T::LIST, id, index - 1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_needs_every_word_in_some_text() {
        let f = Filter::new("pay API");
        assert!(f.hits(&["CI-4", "payments-api"]));
        assert!(f.hits(&["Payments", "public api"]));
        assert!(!f.hits(&["payments", "database"]));
        assert!(Filter::new("  ").is_empty());
    }

    #[test]
    fn filter_handles_non_ascii_text() {
        assert!(Filter::new("ÉTÉ").hits(&["Gel d’été"]));
        assert!(Filter::new("ete").hits(&["complete"]));
        assert!(!Filter::new("été").hits(&["ete"]));
    }
}
