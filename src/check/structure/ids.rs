//! S1, S2: every entity has an id, and no id is used twice in the book.
//!
//! The common case, a clean book, is settled by putting every id in an
//! [`IdSet`] without building any path. Only when that fails are the ids
//! walked again with their places, to say exactly which entries clash.
//! The ids can be gathered in parts (the book's own lists, then releases
//! in any grouping) into separate sets, which [`IdSet::overlaps`] then
//! compares; that is how the whole-book check splits the work between
//! threads.

use super::Checker;
use crate::check::id_set::IdSet;
use crate::edit::Path;
use crate::model::{Book, Id, Release, Risk};
use rustc_hash::FxHashSet as HashSet;

/// Adds the ids of the book's own lists (not releases, not risks) to `set`;
/// `false` when one is blank or already in the set.
pub(crate) fn book_ids<'a>(book: &'a Book, set: &mut IdSet<'a>) -> bool {
    let mut ok = true;
    let mut add = |id: &'a Id| ok &= !blank(id) && set.insert(id);
    book.policy.release_types.iter().for_each(|x| add(&x.id));
    book.people.iter().for_each(|x| add(&x.id));
    for e in &book.environments {
        e.maintenance_windows.iter().for_each(|x| add(&x.id));
        add(&e.id);
    }
    book.blackouts.iter().for_each(|x| add(&x.id));
    book.config_items.iter().for_each(|x| add(&x.id));
    book.changes.iter().for_each(|x| add(&x.id));
    book.known_errors.iter().for_each(|x| add(&x.id));
    ok
}

/// Adds the ids of one release and everything in it to `set`; `false` when
/// one is blank or already in the set.
pub(crate) fn release_ids<'a>(r: &'a Release, set: &mut IdSet<'a>) -> bool {
    let mut ok = true;
    let mut add = |id: &'a Id| ok &= !blank(id) && set.insert(id);
    r.milestones.iter().for_each(|x| add(&x.id));
    r.deliverables.iter().for_each(|x| add(&x.id));
    r.affected_items.iter().for_each(|x| add(&x.id));
    r.criteria.iter().for_each(|x| add(&x.id));
    r.approvals.iter().for_each(|x| add(&x.id));
    r.communications.iter().for_each(|x| add(&x.id));
    r.agreements.iter().for_each(|x| add(&x.id));
    r.decisions.iter().for_each(|x| add(&x.id));
    for d in &r.deployments {
        add(&d.id);
        d.steps.iter().for_each(|x| add(&x.id));
    }
    r.go_no_go.votes.iter().for_each(|x| add(&x.id));
    r.review.incidents.iter().for_each(|x| add(&x.id));
    r.review.actions.iter().for_each(|x| add(&x.id));
    r.actions.iter().for_each(|x| add(&x.id));
    add(&r.id);
    ok
}

/// Adds the risks' ids to `set`; `false` when one is blank or already in it.
pub(crate) fn risk_ids<'a>(book: &'a Book, set: &mut IdSet<'a>) -> bool {
    book.risks.iter().fold(true, |ok, x| ok & risk_id(x, set))
}

/// Adds one risk's id to `set`; `false` when it is blank or already in it.
pub(crate) fn risk_id<'a>(risk: &'a Risk, set: &mut IdSet<'a>) -> bool {
    !blank(&risk.id) & set.insert(&risk.id)
}

/// Whether every id of the book is present and unique.
pub(crate) fn ids_clean(book: &Book) -> bool {
    let mut set = IdSet::default();
    book_ids(book, &mut set) && book.releases.iter().all(|r| release_ids(r, &mut set)) && risk_ids(book, &mut set)
}

impl Checker<'_> {
    /// S1, S2 for a book whose ids are known not to be clean: each blank id
    /// and each second use of an id, with its place.
    pub(crate) fn id_problems(&mut self) {
        let mut seen = HashSet::default();
        let mut dups = Vec::new();
        for (at, id) in id_places(self.book) {
            if blank(&id) {
                self.error("S2", at, "id", "This entry has no id.".to_owned());
            } else if !seen.insert(id.clone()) {
                dups.push((at, id));
            }
        }
        for (at, id) in dups {
            self.error("S1", at, "id", format!("The id {id} is used twice; every entry needs its own id."));
        }
    }
}

/// Every entity's place and id, in the order the findings list them.
fn id_places(book: &Book) -> Vec<(Path, Id)> {
    let mut out = Vec::new();
    let root = Path::root();
    let pol = root.clone().field("policy");
    book.policy.release_types.iter().for_each(|x| out.push((pol.clone().item("release_types", &x.id), x.id.clone())));
    book.people.iter().for_each(|x| out.push((root.clone().item("people", &x.id), x.id.clone())));
    for e in &book.environments {
        let at = root.clone().item("environments", &e.id);
        e.maintenance_windows
            .iter()
            .for_each(|x| out.push((at.clone().item("maintenance_windows", &x.id), x.id.clone())));
        out.push((at, e.id.clone()));
    }
    book.blackouts.iter().for_each(|x| out.push((root.clone().item("blackouts", &x.id), x.id.clone())));
    book.config_items.iter().for_each(|x| out.push((root.clone().item("config_items", &x.id), x.id.clone())));
    book.changes.iter().for_each(|x| out.push((root.clone().item("changes", &x.id), x.id.clone())));
    book.known_errors.iter().for_each(|x| out.push((root.clone().item("known_errors", &x.id), x.id.clone())));
    for r in &book.releases {
        let at = root.clone().item("releases", &r.id);
        let mut add = |at: &Path, list: &str, id: &Id| out.push((at.clone().item(list, id), id.clone()));
        r.milestones.iter().for_each(|x| add(&at, "milestones", &x.id));
        r.deliverables.iter().for_each(|x| add(&at, "deliverables", &x.id));
        r.affected_items.iter().for_each(|x| add(&at, "affected_items", &x.id));
        r.criteria.iter().for_each(|x| add(&at, "criteria", &x.id));
        r.approvals.iter().for_each(|x| add(&at, "approvals", &x.id));
        r.communications.iter().for_each(|x| add(&at, "communications", &x.id));
        r.agreements.iter().for_each(|x| add(&at, "agreements", &x.id));
        r.decisions.iter().for_each(|x| add(&at, "decisions", &x.id));
        r.actions.iter().for_each(|x| add(&at, "actions", &x.id));
        for d in &r.deployments {
            add(&at, "deployments", &d.id);
            let dat = at.clone().item("deployments", &d.id);
            d.steps.iter().for_each(|x| add(&dat, "steps", &x.id));
        }
        let g = at.clone().field("go_no_go");
        r.go_no_go.votes.iter().for_each(|x| add(&g, "votes", &x.id));
        let rv = at.clone().field("review");
        r.review.incidents.iter().for_each(|x| add(&rv, "incidents", &x.id));
        r.review.actions.iter().for_each(|x| add(&rv, "actions", &x.id));
        out.push((at, r.id.clone()));
    }
    book.risks.iter().for_each(|x| out.push((root.clone().item("risks", &x.id), x.id.clone())));
    out
}

/// Whether an id is empty or only white space.
fn blank(id: &Id) -> bool {
    // Nearly every id starts with a letter: settle those on the first byte.
    let s = id.as_str();
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => s.chars().all(char::is_whitespace),
    }
}
