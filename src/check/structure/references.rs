//! S3: every reference points at an existing entry of the right kind.
//!
//! Paths are built only for a broken reference (the `at` closures are
//! called then), so a clean book of thousands of releases is checked
//! without allocating a path per reference.

use super::Checker;
use crate::check::id_set::IdSet;
use crate::edit::Path;
use crate::model::{Book, Id, Release, Risk};

/// The ids each kind of reference may point at, gathered once per check.
pub(crate) struct RefSets<'a> {
    people: IdSet<'a>,
    envs: IdSet<'a>,
    types: IdSet<'a>,
    cis: IdSet<'a>,
    changes: IdSet<'a>,
    kes: IdSet<'a>,
    releases: IdSet<'a>,
}

impl<'a> RefSets<'a> {
    /// The sets of a book.
    pub(crate) fn of(b: &'a Book) -> Self {
        Self {
            people: IdSet::of(b.people.iter().map(|x| &x.id)),
            envs: IdSet::of(b.environments.iter().map(|x| &x.id)),
            types: IdSet::of(b.policy.release_types.iter().map(|x| &x.id)),
            cis: IdSet::of(b.config_items.iter().map(|x| &x.id)),
            changes: IdSet::of(b.changes.iter().map(|x| &x.id)),
            kes: IdSet::of(b.known_errors.iter().map(|x| &x.id)),
            releases: IdSet::of(b.releases.iter().map(|x| &x.id)),
        }
    }
}

/// The ids of a list within one release (its steps, its decisions): short
/// lists are scanned, long ones put in a set, so that the common case
/// allocates nothing.
struct Local<'a, T> {
    items: &'a [T],
    id_of: fn(&T) -> &Id,
    set: Option<IdSet<'a>>,
}

impl<'a, T> Local<'a, T> {
    fn new(items: &'a [T], id_of: fn(&T) -> &Id) -> Self {
        let set = (items.len() > 16).then(|| IdSet::of(items.iter().map(&id_of)));
        Self { items, id_of, set }
    }

    fn contains(&self, id: &Id) -> bool {
        match &self.set {
            Some(set) => set.contains(id),
            None => self.items.iter().any(|x| (self.id_of)(x) == id),
        }
    }
}

impl<'a> Checker<'a> {
    fn check_ref(&mut self, known: &IdSet, id: &Id, what: &str, at: &dyn Fn() -> Path, field: &str) {
        self.check_known(known.contains(id), id, what, at, field);
    }

    fn check_known(&mut self, known: bool, id: &Id, what: &str, at: &dyn Fn() -> Path, field: &str) {
        if !known {
            let message = if id.0.is_empty() {
                format!("No {what} is chosen.")
            } else {
                let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                format!("{id} is not {article} {what} in this book.")
            };
            self.error("S3", at(), field, message);
        }
    }

    fn person(&mut self, sets: &RefSets, id: &Option<Id>, at: &dyn Fn() -> Path, field: &str) {
        if let Some(id) = id {
            self.check_ref(&sets.people, id, "person", at, field);
        }
    }

    /// The references of the book's own lists: blackouts, configuration
    /// items and changes.
    pub(crate) fn book_references(&mut self, sets: &RefSets) {
        let b = self.book;
        for bo in &b.blackouts {
            if let crate::model::BlackoutScope::Environments(list) = &bo.scope {
                let at = || Path::root().item("blackouts", &bo.id);
                for e in list {
                    self.check_ref(&sets.envs, e, "environment", &at, "scope");
                }
            }
        }
        for ci in &b.config_items {
            self.person(sets, &ci.owner, &|| Path::root().item("config_items", &ci.id), "owner");
        }
        for ch in &b.changes {
            if let Some(a) = &ch.authorisation {
                self.person(sets, &a.by, &|| Path::root().item("changes", &ch.id), "authorisation");
            }
        }
    }

    /// The references of one release and everything in it.
    pub(crate) fn release_references(&mut self, sets: &RefSets, r: &Release) {
        self.release = Some(r.id.clone());
        let at = || Path::root().item("releases", &r.id);
        self.check_ref(&sets.types, &r.release_type, "release type", &at, "release_type");
        self.person(sets, &r.owner, &at, "owner");
        let scope = || at().field("scope");
        r.scope.changes.iter().for_each(|id| self.check_ref(&sets.changes, id, "change", &scope, "changes"));
        r.scope.resolves.iter().for_each(|id| self.check_ref(&sets.kes, id, "known error", &scope, "resolves"));
        r.scope.ships_with.iter().for_each(|id| self.check_ref(&sets.kes, id, "known error", &scope, "ships_with"));
        for a in &r.affected_items {
            let aat = || at().item("affected_items", &a.id);
            self.check_ref(&sets.cis, &a.config_item, "configuration item", &aat, "config_item");
        }
        let decisions = Local::new(&r.decisions, |x| &x.id);
        for d in &r.deployments {
            let dat = || at().item("deployments", &d.id);
            self.check_ref(&sets.envs, &d.environment, "environment", &dat, "environment");
            d.config_items
                .iter()
                .for_each(|id| self.check_ref(&sets.cis, id, "configuration item", &dat, "config_items"));
            if let Some(x) = &d.blackout_exception {
                self.check_known(decisions.contains(x), x, "decision of this release", &dat, "blackout_exception");
            }
            let steps = Local::new(&d.steps, |x| &x.id);
            for s in &d.steps {
                let sat = || dat().item("steps", &s.id);
                self.person(sets, &s.owner, &sat, "owner");
                for dep in &s.depends_on {
                    if dep == &s.id {
                        self.error("S3", sat(), "depends_on", format!("Step {dep} depends on itself."));
                    } else {
                        self.check_known(steps.contains(dep), dep, "step of this deployment", &sat, "depends_on");
                    }
                }
            }
            self.runbook_circles(d, &dat);
        }
        for a in &r.approvals {
            self.person(sets, &a.person, &|| at().item("approvals", &a.id), "person");
        }
        self.person(sets, &r.go_no_go.signed_by, &|| at().field("go_no_go"), "signed_by");
        for v in &r.go_no_go.votes {
            self.person(sets, &v.person, &|| at().field("go_no_go").item("votes", &v.id), "person");
        }
        for a in &r.agreements {
            self.person(sets, &a.stakeholder, &|| at().item("agreements", &a.id), "stakeholder");
        }
        for d in &r.decisions {
            let dat = || at().item("decisions", &d.id);
            self.person(sets, &d.decided_by, &dat, "decided_by");
            d.informed.iter().for_each(|id| self.check_ref(&sets.people, id, "person", &dat, "informed"));
        }
        for a in &r.review.actions {
            self.person(sets, &a.owner, &|| at().field("review").item("actions", &a.id), "owner");
        }
        for a in &r.actions {
            self.person(sets, &a.owner, &|| at().item("actions", &a.id), "owner");
        }
        self.release = None;
    }

    /// The references of the risks: their owners and releases.
    pub(crate) fn risk_references(&mut self, sets: &RefSets) {
        self.book.risks.iter().for_each(|risk| self.risk_reference(sets, risk));
    }

    /// The references of one risk.
    pub(crate) fn risk_reference(&mut self, sets: &RefSets, risk: &Risk) {
        let at = || Path::root().item("risks", &risk.id);
        self.person(sets, &risk.owner, &at, "owner");
        risk.releases.iter().for_each(|id| self.check_ref(&sets.releases, id, "release", &at, "releases"));
    }
}
