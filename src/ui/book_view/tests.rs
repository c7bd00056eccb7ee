//! Drives the book view headless, as a person would: find a widget by its
//! accessible name, click it or type into it, and apply the edits the view
//! returns through a [`Document`], the way the app does.

use super::*;
use crate::edit::{Document, Edit};
use crate::model::{Id, IdKind, RiskPolicy, Role};
use crate::ui::intent::Intent;
use egui::{Event, Pos2, RawInput, Rect, pos2, vec2};

/// A book, the view's state and an egui context, one frame at a time.
struct Probe {
    ctx: egui::Context,
    doc: Document,
    state: BookViewState,
    /// Accessible names and places of the last frame's widgets.
    nodes: Vec<(String, Rect)>,
}

impl Probe {
    fn new(book: Book, tab: BookTab) -> Self {
        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        // No animation, so that a widget is where the last frame put it.
        ctx.all_styles_mut(|s| {
            s.animation_time = 0.0;
            s.scroll_animation = egui::style::ScrollAnimation::none();
        });
        let state = BookViewState { tab, ..BookViewState::default() };
        Self { ctx, doc: Document::new(book), state, nodes: Vec::new() }
    }

    /// Runs one frame with these events and returns the view's intents
    /// without applying them.
    fn frame(&mut self, events: Vec<Event>) -> Vec<Intent> {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1100.0, 2400.0))),
            events,
            ..RawInput::default()
        };
        let mut out = Intents::default();
        let book = self.doc.book();
        let state = &mut self.state;
        let mut output = self.ctx.run_ui(input, |ui| book_view_ui(ui, book, state, &mut out));
        output.textures_delta.clear();
        self.nodes = output
            .platform_output
            .accesskit_update
            .take()
            .map(|u| {
                u.nodes
                    .iter()
                    .filter_map(|(_, n)| {
                        let name = n.label().or(n.value())?.to_owned();
                        let b = n.bounds()?;
                        let rect = Rect::from_min_max(pos2(b.x0 as f32, b.y0 as f32), pos2(b.x1 as f32, b.y1 as f32));
                        Some((name, rect))
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.0
    }

    /// Applies the view's intents the way the app does.
    fn apply(&mut self, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Apply(e) => self.doc.apply(e).expect("the view's edit applies"),
                Intent::Typing(e) => self.doc.apply_typing(e).expect("the view's edit applies"),
                Intent::Seal => self.doc.seal(),
                other => panic!("unexpected intent {other:?}"),
            }
        }
    }

    /// Runs a few frames, the first with these events, applying the edits.
    fn settle(&mut self, events: Vec<Event>) {
        let mut events = events;
        for _ in 0..4 {
            let intents = self.frame(std::mem::take(&mut events));
            self.apply(intents);
        }
    }

    /// Where the widget with this accessible name is.
    fn find(&self, name: &str) -> Rect {
        match self.nodes.iter().find(|(n, _)| n == name) {
            Some((_, r)) => *r,
            None => {
                panic!("no widget called {name:?}; there are {:?}", self.nodes.iter().map(|n| &n.0).collect::<Vec<_>>())
            }
        }
    }

    /// Whether a widget's accessible name starts with `name`.
    fn has(&self, name: &str) -> bool {
        self.nodes.iter().any(|(n, _)| n.starts_with(name))
    }

    /// Clicks at a point and returns the intents of the frame the button goes up.
    fn click_at(&mut self, at: Pos2) -> Vec<Intent> {
        let press = |pressed| Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        let mut intents = self.frame(vec![Event::PointerMoved(at), press(true)]);
        intents.extend(self.frame(vec![press(false)]));
        intents
    }

    fn click(&mut self, name: &str) -> Vec<Intent> {
        let at = self.find(name).center();
        self.click_at(at)
    }

    /// Opens the cards of these members of a list, as if each had been clicked.
    fn open_cards(&self, list: &str, ids: impl Iterator<Item = Id>) {
        for id in ids {
            let key = egui::Id::unique(("book.card", list, &id));
            egui::collapsing_header::CollapsingState::load_with_default_open(&self.ctx, key, true).store(&self.ctx);
        }
    }
}

fn edits(intents: &[Intent]) -> Vec<&Edit> {
    intents
        .iter()
        .filter_map(|i| match i {
            Intent::Apply(e) | Intent::Typing(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn small_book() -> Book {
    crate::generate::generate(40, 7)
}

#[test]
fn idle_frames_make_no_edits_on_any_tab_with_cards_open() {
    let book = small_book();
    for tab in BookTab::ALL {
        let mut p = Probe::new(book.clone(), tab);
        p.open_cards("people", book.people.iter().take(5).map(|x| x.id.clone()));
        p.open_cards("environments", book.environments.iter().map(|x| x.id.clone()));
        p.open_cards("blackouts", book.blackouts.iter().map(|x| x.id.clone()));
        p.open_cards("config_items", book.config_items.iter().take(5).map(|x| x.id.clone()));
        p.open_cards("changes", book.changes.iter().take(5).map(|x| x.id.clone()));
        p.open_cards("known_errors", book.known_errors.iter().take(5).map(|x| x.id.clone()));
        for _ in 0..3 {
            let intents = p.frame(Vec::new());
            assert!(intents.is_empty(), "{tab:?} made {intents:?} without being touched");
        }
    }
}

#[test]
fn thresholds_out_of_order_are_shown_not_corrected() {
    let mut book = small_book();
    book.policy.risk = RiskPolicy { scale: 3, medium_from: 8, high_from: 6, critical_from: 40, ..Default::default() };
    let mut p = Probe::new(book, BookTab::Policy);
    for _ in 0..3 {
        assert!(p.frame(Vec::new()).is_empty());
    }
    assert!(p.has("Critical from score"));
}

#[test]
fn adding_a_change_opens_it_and_typing_fills_it_in() {
    let mut p = Probe::new(small_book(), BookTab::Changes);
    p.frame(Vec::new());
    let before = p.doc.book().changes.len();
    let expected = p.doc.book().ledger.peek_id(IdKind::Change);
    let intents = p.click("➕ Add change");
    assert!(matches!(edits(&intents)[..], [Edit::Insert { id, .. }] if *id == expected));
    p.apply(intents);
    p.settle(Vec::new());
    assert_eq!(p.doc.book().changes.len(), before + 1);
    assert!(p.has("Hide change"), "the new change's card is open");
    let rfc = p.find("RFC");
    p.click_at(pos2(rfc.min.x + 400.0, rfc.center().y));
    p.settle(vec![Event::Text("RFC-77".into())]);
    assert_eq!(p.doc.book().changes.last().map(|c| c.rfc.as_str()), Some("RFC-77"));
}

#[test]
fn filter_narrows_the_list_and_long_lists_are_paged() {
    let book = crate::generate::generate(300, 3);
    assert!(book.changes.len() > PAGE_FOR_TESTS, "the generated book has a long list of changes");
    let mut p = Probe::new(book.clone(), BookTab::Changes);
    p.frame(Vec::new());
    assert!(p.has("Show 50 more"));
    let cards = p.nodes.iter().filter(|(n, _)| n.starts_with("Show change")).count();
    assert_eq!(cards, PAGE_FOR_TESTS);
    let wanted = &book.changes[123];
    p.state.changes.filter = wanted.id.to_string() + " " + &wanted.title;
    p.frame(Vec::new());
    assert!(!p.has("Show 50 more"));
    assert!(p.has(&format!("Show change {}", wanted.id)));
    assert!(p.nodes.iter().filter(|(n, _)| n.starts_with("Show change")).count() < 5);
}

const PAGE_FOR_TESTS: usize = entity_list::PAGE;

#[test]
fn remove_and_move_buttons_make_their_edits() {
    let book = small_book();
    let first = book.known_errors[0].clone();
    let what = format!("known error {} {} · {}", first.id, first.reference, first.title);
    let mut p = Probe::new(book, BookTab::KnownErrors);
    p.frame(Vec::new());
    let intents = p.click(&format!("Remove {what}"));
    assert!(matches!(edits(&intents)[..], [Edit::Remove { id, .. }] if *id == first.id));
    let intents = p.click(&format!("Move {what} down"));
    assert!(matches!(edits(&intents)[..], [Edit::Move { id, index: 1, .. }] if *id == first.id));
}

#[test]
fn ticking_a_role_sets_the_roles_as_a_whole() {
    let book = small_book();
    let person = book.people[0].clone();
    let mut p = Probe::new(book, BookTab::People);
    p.open_cards("people", std::iter::once(person.id.clone()));
    p.frame(Vec::new());
    let role = Role::ALL.into_iter().find(|r| !person.roles.contains(r)).expect("a role not held");
    let intents = p.click(role.label());
    p.apply(intents);
    let roles = &p.doc.book().people[0].roles;
    assert!(roles.contains(&role));
    assert_eq!(roles.len(), person.roles.len() + 1);
}

#[test]
fn a_revealed_member_past_the_page_is_still_shown() {
    let book = crate::generate::generate(300, 3);
    let last = book.config_items.last().map(|c| c.id.clone()).expect("items");
    let mut p = Probe::new(book, BookTab::ConfigItems);
    p.state.config_items.reveal = Some(last.clone());
    p.state.config_items.scroll_to_reveal = true;
    p.frame(Vec::new());
    assert!(p.has(&format!("Hide configuration item {last}")));
}

#[test]
fn an_authorisation_is_recorded_and_removed_as_a_whole() {
    let mut book = small_book();
    book.changes[0].authorisation = None;
    let change = book.changes[0].clone();
    let mut p = Probe::new(book, BookTab::Changes);
    p.open_cards("changes", std::iter::once(change.id.clone()));
    p.frame(Vec::new());
    let intents = p.click("Record authorisation");
    p.apply(intents);
    p.frame(Vec::new());
    let auth = p.doc.book().changes[0].authorisation.clone().expect("recorded");
    assert_eq!(auth.authority, change.authority);
    assert!(p.has("Signed by: — (nobody)"));
    let intents = p.click("Remove authorisation");
    p.apply(intents);
    assert!(p.doc.book().changes[0].authorisation.is_none());
}

#[test]
fn a_blackout_can_be_narrowed_to_chosen_environments() {
    use crate::model::BlackoutScope;
    let mut book = small_book();
    book.blackouts[0].scope = BlackoutScope::All;
    let blackout = book.blackouts[0].id.clone();
    let env = book.environments[1].clone();
    let mut p = Probe::new(book, BookTab::Blackouts);
    p.open_cards("blackouts", std::iter::once(blackout));
    p.frame(Vec::new());
    let intents = p.click("Only these environments");
    p.apply(intents);
    p.frame(Vec::new());
    assert_eq!(p.doc.book().blackouts[0].scope, BlackoutScope::Environments(Vec::new()));
    assert!(p.has("⚠ No environment is chosen"));
    let intents = p.click(&env.name);
    p.apply(intents);
    assert_eq!(p.doc.book().blackouts[0].scope, BlackoutScope::Environments(vec![env.id]));
}
