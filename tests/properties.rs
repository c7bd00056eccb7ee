//! Property tests: any book round-trips through the store, and any
//! sequence of edits is undone and redone exactly.

use proptest::prelude::*;
use relplan::edit::{Document, Edit, Path};
use relplan::generate::generate;
use relplan::model::{Book, IdKind, Ledger, Milestone, RunbookStep};
use relplan::store::{parse, to_text};

/// A book without its ledger (id counters and audit trail), which only grows.
fn content(book: &Book) -> Book {
    Book { ledger: Ledger::default(), ..book.clone() }
}

/// Puts arbitrary text and numbers into many kinds of field.
fn spray(book: &mut Book, texts: &[String], numbers: &[u32]) {
    let text = |i: usize| texts.get(i).cloned().unwrap_or_default();
    let number = |i: usize| numbers.get(i).copied().unwrap_or(0);
    book.name = text(0);
    book.description = text(1);
    if let Some(r) = book.releases.first_mut() {
        r.name = text(2);
        r.summary = text(3);
        r.scope.notes = text(4);
        if let Some(d) = r.deployments.first_mut() {
            d.name = text(5);
            if let Some(s) = d.steps.first_mut() {
                s.notes = text(6);
                s.duration_minutes = number(0);
            }
        }
    }
    if let Some(risk) = book.risks.first_mut() {
        risk.title = text(7);
        risk.likelihood = u8::try_from(number(1) % 256).unwrap_or(0);
    }
    if let Some(p) = book.people.first_mut() {
        p.name = text(8);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_book_round_trips_exactly(
        seed in any::<u64>(),
        releases in 0usize..4,
        texts in prop::collection::vec(any::<String>(), 0..9),
        numbers in prop::collection::vec(any::<u32>(), 0..2),
    ) {
        let mut book = generate(releases, seed);
        spray(&mut book, &texts, &numbers);
        let text = to_text(&book).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = parse(text.as_bytes(), std::path::Path::new("p.ron")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parsed.book, &book);
        let again = to_text(&parsed.book).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again, text);
    }
}

/// One step of a random editing session, resolved against the book as it is.
#[derive(Clone, Debug)]
enum Op {
    SetText(u8, String),
    SetNumber(u8, u32),
    AddStep(u8),
    AddMilestone(u8),
    Remove(u8, u8),
    Move(u8, u8, u8),
    Typing(u8, Vec<String>),
    Group(String, u32),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u8>(), any::<String>()).prop_map(|(t, s)| Op::SetText(t, s)),
        (any::<u8>(), any::<u32>()).prop_map(|(t, n)| Op::SetNumber(t, n)),
        any::<u8>().prop_map(Op::AddStep),
        any::<u8>().prop_map(Op::AddMilestone),
        (any::<u8>(), any::<u8>()).prop_map(|(l, i)| Op::Remove(l, i)),
        (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(l, a, b)| Op::Move(l, a, b)),
        (any::<u8>(), prop::collection::vec("[a-zé ]{0,6}", 1..5)).prop_map(|(t, v)| Op::Typing(t, v)),
        (any::<String>(), any::<u32>()).prop_map(|(s, n)| Op::Group(s, n)),
    ]
}

fn release_path(book: &Book, pick: u8) -> Option<Path> {
    let r = book.releases.get(usize::from(pick) % book.releases.len().max(1))?;
    Some(Path::root().item("releases", &r.id))
}

fn deployment_path(book: &Book, pick: u8) -> Option<(Path, usize)> {
    let r = book.releases.get(usize::from(pick) % book.releases.len().max(1))?;
    let d = r.deployments.first()?;
    Some((Path::root().item("releases", &r.id).item("deployments", &d.id), d.steps.len()))
}

/// The (record, list, length) of one of a few lists, chosen by `pick`.
fn a_list(book: &Book, pick: u8) -> Option<(Path, &'static str, Vec<relplan::model::Id>)> {
    match pick % 3 {
        0 => {
            let (at, _) = deployment_path(book, pick / 3)?;
            let dep = at.last_id()?;
            let deployment = book.releases.iter().flat_map(|r| &r.deployments).find(|d| &d.id == dep)?;
            Some((at, "steps", deployment.steps.iter().map(|s| s.id.clone()).collect()))
        }
        1 => Some((Path::root(), "risks", book.risks.iter().map(|r| r.id.clone()).collect())),
        _ => {
            let at = release_path(book, pick / 3)?;
            let r = book.releases.iter().find(|r| Some(&r.id) == at.last_id())?;
            Some((at, "milestones", r.milestones.iter().map(|m| m.id.clone()).collect()))
        }
    }
}

fn run(doc: &mut Document, op: &Op) {
    let book = doc.book().clone();
    let edit = match op {
        Op::SetText(t, s) => {
            let Some(at) = release_path(&book, *t) else { return };
            let field = ["name", "summary", "version"][usize::from(*t) % 3];
            Edit::set(at, field, s)
        }
        Op::SetNumber(t, n) => match book.risks.get(usize::from(*t) % book.risks.len().max(1)) {
            Some(r) => Edit::set(Path::root().item("risks", &r.id), "impact", &u8::try_from(n % 256).unwrap_or(0)),
            None => return,
        },
        Op::AddStep(i) => {
            let Some((at, len)) = deployment_path(&book, *i) else { return };
            let step = RunbookStep { id: doc.new_id(IdKind::Step), title: "Added".into(), ..Default::default() };
            Edit::insert(at, "steps", usize::from(*i) % (len + 1), &step)
        }
        Op::AddMilestone(i) => {
            let Some(at) = release_path(&book, *i) else { return };
            let m = Milestone { id: doc.new_id(IdKind::Milestone), name: "New".into(), ..Default::default() };
            Edit::insert(at, "milestones", usize::from(*i), &m)
        }
        Op::Remove(l, i) => {
            let Some((at, list, ids)) = a_list(&book, *l) else { return };
            let Some(id) = ids.get(usize::from(*i) % ids.len().max(1)) else { return };
            Ok(Edit::remove(at, list, id))
        }
        Op::Move(l, a, b) => {
            let Some((at, list, ids)) = a_list(&book, *l) else { return };
            let Some(id) = ids.get(usize::from(*a) % ids.len().max(1)) else { return };
            Ok(Edit::move_to(at, list, id, usize::from(*b) % ids.len().max(1)))
        }
        Op::Typing(t, words) => {
            let Some(at) = release_path(&book, *t) else { return };
            let mut text = String::new();
            for w in words {
                text.push_str(w);
                if let Ok(e) = Edit::set(at.clone(), "summary", &text) {
                    let _ = doc.apply_typing(e);
                }
            }
            doc.seal();
            return;
        }
        Op::Group(s, n) => {
            let Some(at) = release_path(&book, 0) else { return };
            match (Edit::set(at.clone(), "name", s), Edit::set(at, "version", &n.to_string())) {
                (Ok(a), Ok(b)) => Ok(Edit::Group { name: "Rename and version".into(), edits: vec![a, b] }),
                _ => return,
            }
        }
    };
    if let Ok(edit) = edit {
        let _ = doc.apply(edit);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn edits_undo_and_redo_exactly(seed in any::<u64>(), ops in prop::collection::vec(op(), 0..24)) {
        let mut doc = Document::new(generate(2, seed));
        let start = content(doc.book());
        for op in &ops {
            run(&mut doc, op);
        }
        let end = content(doc.book());
        let steps = doc.history().undo_len();
        for _ in 0..steps {
            doc.undo().map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert_eq!(content(doc.book()), start);
        prop_assert!(!doc.is_dirty());
        for _ in 0..steps {
            doc.redo().map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert_eq!(content(doc.book()), end);
    }
}
