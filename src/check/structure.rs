//! Structural checks: every id unique, every reference pointing at
//! something, no impossible values.

use super::id_set::IdSet;
use super::{Finding, Severity};
use crate::edit::Path;
use crate::model::{Book, Id, PhaseDates, Release, Window};
use rustc_hash::FxHashSet as HashSet;

/// Runs every structural check over a book.
pub fn structural_findings(book: &Book) -> Vec<Finding> {
    let mut out = id_findings(book);
    out.extend(other_findings(book));
    out
}

/// S1, S2: every id present and unique across the book.
pub(super) fn id_findings(book: &Book) -> Vec<Finding> {
    let mut c = Checker { book, out: Vec::new(), release: None, zones: Default::default() };
    c.ids();
    c.out
}

/// Every structural check but the ids: references, values, windows.
pub(super) fn other_findings(book: &Book) -> Vec<Finding> {
    let mut c = Checker { book, out: Vec::new(), release: None, zones: Default::default() };
    c.policy();
    c.references();
    c.windows();
    for r in &book.releases {
        c.release = Some(r.id.clone());
        c.release_parts(r);
    }
    c.release = None;
    c.risks();
    c.out
}

struct Checker<'a> {
    book: &'a Book,
    out: Vec<Finding>,
    release: Option<Id>,
    /// Time zone names already looked up, and whether they exist.
    zones: rustc_hash::FxHashMap<&'a str, bool>,
}

impl<'a> Checker<'a> {
    /// Whether `zone` names a time zone Relplan knows.
    fn known_zone(&mut self, zone: &'a str) -> bool {
        *self.zones.entry(zone).or_insert_with(|| jiff::tz::TimeZone::get(zone).is_ok())
    }

    fn push(&mut self, rule: &'static str, severity: Severity, at: Path, field: Option<&str>, message: String) {
        let release = self.release.clone();
        let field = field.map(str::to_owned);
        self.out.push(Finding { rule, clause: "", severity, release, at, field, message, position: None });
    }

    fn error(&mut self, rule: &'static str, at: Path, field: &str, message: String) {
        self.push(rule, Severity::Error, at, Some(field), message);
    }

    /// S1, S2: ids are present and unique across the whole book.
    fn ids(&mut self) {
        // The common case, a clean book, is settled without building paths.
        let mut ids = Vec::new();
        each_id(self.book, &mut |id| ids.push(id));
        let mut unique = IdSet::default();
        if ids.iter().all(|id| !blank(id) && unique.insert(id)) {
            return;
        }
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

    /// S5: the risk scale and its bands make sense.
    fn policy(&mut self) {
        let p = self.book.policy.risk;
        let at = Path::root().field("policy");
        if !(3..=5).contains(&p.scale) {
            self.error("S5", at.clone(), "risk", format!("The risk scale is {}; it must be 3, 4 or 5.", p.scale));
            return;
        }
        let max = p.max_score();
        let ok = 1 <= p.medium_from
            && p.medium_from <= p.high_from
            && p.high_from <= p.critical_from
            && p.critical_from <= max;
        if !ok {
            self.error(
                "S5",
                at.clone(),
                "risk",
                format!(
                    "The risk bands must start in increasing order within 1–{max}; they start at {}, {} and {}.",
                    p.medium_from, p.high_from, p.critical_from
                ),
            );
        }
        if self.book.policy.release_types.is_empty() {
            self.push(
                "S7",
                Severity::Warning,
                at,
                Some("release_types"),
                "The policy has no release types.".to_owned(),
            );
        }
    }

    /// Paths are built only for a broken reference (`at` is called then), so
    /// a clean book of thousands of releases is checked without allocating
    /// a path per reference.
    fn check_ref(&mut self, known: &IdSet, id: &Id, what: &str, at: &dyn Fn() -> Path, field: &str) {
        if !known.contains(id) {
            let message = if id.0.is_empty() {
                format!("No {what} is chosen.")
            } else {
                format!("{id} is not a {what} in this book.")
            };
            self.error("S3", at(), field, message);
        }
    }

    /// S3: references point at existing entries of the right kind.
    fn references(&mut self) {
        let b = self.book;
        let people = IdSet::of(b.people.iter().map(|x| &x.id));
        let envs = IdSet::of(b.environments.iter().map(|x| &x.id));
        let types = IdSet::of(b.policy.release_types.iter().map(|x| &x.id));
        let cis = IdSet::of(b.config_items.iter().map(|x| &x.id));
        let changes = IdSet::of(b.changes.iter().map(|x| &x.id));
        let kes = IdSet::of(b.known_errors.iter().map(|x| &x.id));
        let releases = IdSet::of(b.releases.iter().map(|x| &x.id));
        let person = |c: &mut Self, id: &Option<Id>, at: &dyn Fn() -> Path, field: &str| {
            if let Some(id) = id {
                c.check_ref(&people, id, "person", at, field);
            }
        };
        for bo in &b.blackouts {
            if let crate::model::BlackoutScope::Environments(list) = &bo.scope {
                let at = || Path::root().item("blackouts", &bo.id);
                for e in list {
                    self.check_ref(&envs, e, "environment", &at, "scope");
                }
            }
        }
        for ci in &b.config_items {
            person(self, &ci.owner, &|| Path::root().item("config_items", &ci.id), "owner");
        }
        for ch in &b.changes {
            if let Some(a) = &ch.authorisation {
                person(self, &a.by, &|| Path::root().item("changes", &ch.id), "authorisation");
            }
        }
        for r in &b.releases {
            self.release = Some(r.id.clone());
            let at = || Path::root().item("releases", &r.id);
            self.check_ref(&types, &r.release_type, "release type", &at, "release_type");
            person(self, &r.owner, &at, "owner");
            let scope = || at().field("scope");
            r.scope.changes.iter().for_each(|id| self.check_ref(&changes, id, "change", &scope, "changes"));
            r.scope.resolves.iter().for_each(|id| self.check_ref(&kes, id, "known error", &scope, "resolves"));
            r.scope.ships_with.iter().for_each(|id| self.check_ref(&kes, id, "known error", &scope, "ships_with"));
            for a in &r.affected_items {
                let aat = || at().item("affected_items", &a.id);
                self.check_ref(&cis, &a.config_item, "configuration item", &aat, "config_item");
            }
            let decisions = IdSet::of(r.decisions.iter().map(|x| &x.id));
            for d in &r.deployments {
                let dat = || at().item("deployments", &d.id);
                self.check_ref(&envs, &d.environment, "environment", &dat, "environment");
                d.config_items
                    .iter()
                    .for_each(|id| self.check_ref(&cis, id, "configuration item", &dat, "config_items"));
                if let Some(x) = &d.blackout_exception {
                    self.check_ref(&decisions, x, "decision of this release", &dat, "blackout_exception");
                }
                let steps = IdSet::of(d.steps.iter().map(|x| &x.id));
                for s in &d.steps {
                    let sat = || dat().item("steps", &s.id);
                    person(self, &s.owner, &sat, "owner");
                    for dep in &s.depends_on {
                        if dep == &s.id {
                            self.error("S3", sat(), "depends_on", format!("Step {dep} depends on itself."));
                        } else {
                            self.check_ref(&steps, dep, "step of this deployment", &sat, "depends_on");
                        }
                    }
                }
            }
            for a in &r.approvals {
                person(self, &a.person, &|| at().item("approvals", &a.id), "person");
            }
            person(self, &r.go_no_go.signed_by, &|| at().field("go_no_go"), "signed_by");
            for v in &r.go_no_go.votes {
                person(self, &v.person, &|| at().field("go_no_go").item("votes", &v.id), "person");
            }
            for a in &r.agreements {
                person(self, &a.stakeholder, &|| at().item("agreements", &a.id), "stakeholder");
            }
            for d in &r.decisions {
                let dat = || at().item("decisions", &d.id);
                person(self, &d.decided_by, &dat, "decided_by");
                d.informed.iter().for_each(|id| self.check_ref(&people, id, "person", &dat, "informed"));
            }
            for a in &r.review.actions {
                person(self, &a.owner, &|| at().field("review").item("actions", &a.id), "owner");
            }
            for a in &r.actions {
                person(self, &a.owner, &|| at().item("actions", &a.id), "owner");
            }
        }
        self.release = None;
        for risk in &b.risks {
            let at = || Path::root().item("risks", &risk.id);
            person(self, &risk.owner, &at, "owner");
            risk.releases.iter().for_each(|id| self.check_ref(&releases, id, "release", &at, "releases"));
        }
    }

    fn window(&mut self, w: &'a Window, at: &dyn Fn() -> Path) {
        if w.end <= w.start {
            self.error("S4", at(), "end", format!("The window ends ({}) before it starts ({}).", w.end, w.start));
        }
        if !self.known_zone(&w.zone) {
            let message = if w.zone.is_empty() {
                "The window has no time zone.".to_owned()
            } else {
                format!("“{}” is not a time zone Relplan knows (use a name such as Europe/London or UTC).", w.zone)
            };
            self.error("S6", at(), "zone", message);
        }
        if let Some(until) = w.until
            && until < w.start.date()
        {
            self.error("S4", at(), "until", format!("The window repeats until {until}, before it first starts."));
        }
    }

    /// S4, S6: windows end after they start and name a real time zone.
    fn windows(&mut self) {
        for bo in &self.book.blackouts {
            self.window(&bo.window, &|| Path::root().item("blackouts", &bo.id).field("window"));
        }
        for env in &self.book.environments {
            for mw in &env.maintenance_windows {
                let at =
                    || Path::root().item("environments", &env.id).item("maintenance_windows", &mw.id).field("window");
                self.window(&mw.window, &at);
            }
        }
    }

    fn phase_dates(&mut self, d: &PhaseDates, at: &dyn Fn() -> Path) {
        if let (Some(s), Some(e)) = (d.planned_start, d.planned_end)
            && e < s
        {
            self.error("S4", at(), "planned_end", format!("The phase is planned to end ({e}) before it starts ({s})."));
        }
        if let (Some(s), Some(e)) = (d.actual_start, d.actual_end)
            && e < s
        {
            self.error("S4", at(), "actual_end", format!("The phase ended ({e}) before it started ({s})."));
        }
    }

    fn release_parts(&mut self, r: &'a Release) {
        let at = || Path::root().item("releases", &r.id);
        if r.name.trim().is_empty() {
            self.push("S7", Severity::Warning, at(), Some("name"), "The release has no name.".to_owned());
        }
        for phase in crate::model::Phase::ALL {
            if let (Some(dates), Some(field)) = (r.phases.get(phase), crate::model::PhasePlan::field_name(phase)) {
                self.phase_dates(dates, &|| at().field("phases").field(field));
            }
        }
        for d in &r.deployments {
            let dat = || at().item("deployments", &d.id);
            self.window(&d.window, &|| dat().field("window"));
            if d.window.repeat != crate::model::Repeat::Never {
                self.error(
                    "S5",
                    dat().field("window"),
                    "repeat",
                    "A deployment window happens once; it cannot repeat.".to_owned(),
                );
            }
        }
    }

    /// S5: likelihood and impact lie on the policy's scale.
    fn risks(&mut self) {
        let scale = self.book.policy.risk.scale;
        for risk in &self.book.risks {
            let at = || Path::root().item("risks", &risk.id);
            for (field, value) in [
                ("likelihood", risk.likelihood),
                ("impact", risk.impact),
                ("residual_likelihood", risk.residual_likelihood),
                ("residual_impact", risk.residual_impact),
            ] {
                if value < 1 || value > scale {
                    let words = field.replace('_', " ");
                    self.error(
                        "S5",
                        at(),
                        field,
                        format!("The {words} is {value}; on this book's scale it must be 1 to {scale}."),
                    );
                }
            }
        }
    }
}

/// Every entity's place and id.
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

/// Calls `f` with every entity's id, in the order of [`id_places`].
fn each_id<'a>(book: &'a Book, f: &mut impl FnMut(&'a Id)) {
    book.policy.release_types.iter().for_each(|x| f(&x.id));
    book.people.iter().for_each(|x| f(&x.id));
    for e in &book.environments {
        e.maintenance_windows.iter().for_each(|x| f(&x.id));
        f(&e.id);
    }
    book.blackouts.iter().for_each(|x| f(&x.id));
    book.config_items.iter().for_each(|x| f(&x.id));
    book.changes.iter().for_each(|x| f(&x.id));
    book.known_errors.iter().for_each(|x| f(&x.id));
    for r in &book.releases {
        r.milestones.iter().for_each(|x| f(&x.id));
        r.deliverables.iter().for_each(|x| f(&x.id));
        r.affected_items.iter().for_each(|x| f(&x.id));
        r.criteria.iter().for_each(|x| f(&x.id));
        r.approvals.iter().for_each(|x| f(&x.id));
        r.communications.iter().for_each(|x| f(&x.id));
        r.agreements.iter().for_each(|x| f(&x.id));
        r.decisions.iter().for_each(|x| f(&x.id));
        for d in &r.deployments {
            f(&d.id);
            d.steps.iter().for_each(|x| f(&x.id));
        }
        r.go_no_go.votes.iter().for_each(|x| f(&x.id));
        r.review.incidents.iter().for_each(|x| f(&x.id));
        r.review.actions.iter().for_each(|x| f(&x.id));
        r.actions.iter().for_each(|x| f(&x.id));
        f(&r.id);
    }
    book.risks.iter().for_each(|x| f(&x.id));
}

/// Whether an id is empty or only spaces.
fn blank(id: &Id) -> bool {
    id.0.chars().all(char::is_whitespace)
}
