//! Templates: the ones bundled with Relplan, in `assets/templates/`, and the
//! user's own, saved from a release into the `templates` folder of the
//! user's configuration folder.
//!
//! A template is a book file like any other: its policy, people,
//! environments and one release shaped for one type of release, with the
//! risks of that type. New books and new releases start from one.

use crate::model::{
    ApprovalDecision, Book, CriterionStatus, GoNoGo, Id, Ledger, Phase, PhaseDates, Release, Review, RiskStatus,
};
use crate::store::{LoadError, parse};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A bundled template.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// Short name used on the command line, e.g. `standard`.
    pub name: &'static str,
    /// The template's file text.
    pub text: &'static str,
}

/// The templates built into the program, one per release type of the
/// default policy.
pub const BUILTIN: &[Template] = &[
    Template { name: "standard", text: include_str!("../assets/templates/standard.ron") },
    Template { name: "minor", text: include_str!("../assets/templates/minor.ron") },
    Template { name: "patch", text: include_str!("../assets/templates/patch.ron") },
    Template { name: "emergency", text: include_str!("../assets/templates/emergency.ron") },
    Template { name: "security-patch", text: include_str!("../assets/templates/security-patch.ron") },
    Template { name: "hotfix", text: include_str!("../assets/templates/hotfix.ron") },
    Template { name: "service-pack", text: include_str!("../assets/templates/service-pack.ron") },
];

/// The example book built into the program, opened when there is no last book.
pub const EXAMPLE: &str = include_str!("../assets/examples/northwind-payments.ron");

/// The longest file name (without `.ron`) given to a user template.
const NAME_LIMIT: usize = 80;

/// The built-in template with this name.
pub fn find(name: &str) -> Option<Template> {
    BUILTIN.iter().copied().find(|t| t.name.eq_ignore_ascii_case(name))
}

impl Template {
    /// The template's book.
    pub fn book(&self) -> Result<Book, LoadError> {
        Ok(parse(self.text.as_bytes(), Path::new(self.name))?.book)
    }

    /// The one-line description: the first line of the template book's description.
    pub fn description(&self) -> String {
        self.book().map(|b| first_line(&b.description)).unwrap_or_default()
    }
}

/// The bundled example book.
pub fn example() -> Result<Book, LoadError> {
    Ok(parse(EXAMPLE.as_bytes(), Path::new("northwind-payments.ron"))?.book)
}

/// Where a template comes from.
#[derive(Clone, Debug)]
pub enum TemplateSource {
    /// Built into the program.
    Builtin(Template),
    /// A file in the user's templates folder.
    User(PathBuf),
}

/// A template that can be listed and used: built-in or the user's own.
#[derive(Clone, Debug)]
pub struct TemplateEntry {
    /// The name to choose it by: a built-in name, or a user file's name without `.ron`.
    pub name: String,
    /// One line saying what it is for.
    pub description: String,
    /// Where it comes from.
    pub source: TemplateSource,
}

impl TemplateEntry {
    /// The template's book, read afresh.
    pub fn book(&self) -> Result<Book, LoadError> {
        match &self.source {
            TemplateSource::Builtin(t) => t.book(),
            TemplateSource::User(path) => Ok(crate::store::load(path)?.book),
        }
    }

    /// Whether it is one of the user's own templates.
    pub fn is_user(&self) -> bool {
        matches!(self.source, TemplateSource::User(_))
    }
}

/// The folder of the user's own templates: `templates` in the user's
/// configuration folder (or in `RELPLAN_CONFIG_DIR` when it is set).
pub fn user_templates_dir() -> Option<PathBuf> {
    crate::ui::Prefs::dir().map(|d| d.join("templates"))
}

/// Every template: the built-in ones, then the user's own by name. A user
/// file named like a built-in template is left out (the built-in one wins).
pub fn all() -> Vec<TemplateEntry> {
    let mut out: Vec<TemplateEntry> = BUILTIN
        .iter()
        .map(|t| TemplateEntry {
            name: t.name.to_owned(),
            description: t.description(),
            source: TemplateSource::Builtin(*t),
        })
        .collect();
    out.extend(user_templates().into_iter().filter(|u| find(&u.name).is_none()));
    out
}

/// The user's own templates, sorted by name. A file that cannot be read is
/// listed with the reason as its description.
pub fn user_templates() -> Vec<TemplateEntry> {
    let Some(dir) = user_templates_dir() else { return Vec::new() };
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut out: Vec<TemplateEntry> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_owned();
            let description = match crate::store::load(&path) {
                Ok(parsed) => first_line(&parsed.book.description),
                Err(e) => format!("cannot be read: {e}"),
            };
            Some(TemplateEntry { name, description, source: TemplateSource::User(path) })
        })
        .collect();
    out.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.name.cmp(&b.name)));
    out
}

/// The template with this name, built-in or the user's own, as listed by
/// [`all`]: `None` when there is none, `Some(Err)` when it cannot be read.
/// An exact match wins over one that differs only in case.
pub fn find_any(name: &str) -> Option<Result<Book, LoadError>> {
    let all = all();
    let entry =
        all.iter().find(|t| t.name == name).or_else(|| all.iter().find(|t| t.name.eq_ignore_ascii_case(name)))?;
    Some(entry.book())
}

/// The file a user template of this name is saved to, or why the name
/// cannot be used. The name is made safe for a file name on every system:
/// no folder separators or characters Windows refuses, no leading dots or
/// dashes, no reserved device names such as `CON` or `NUL`, at most 80
/// characters. Built-in template names are refused.
pub fn user_template_path(name: &str) -> Result<PathBuf, String> {
    let stem = safe_file_stem(name)?;
    if find(&stem).is_some() {
        return Err(format!("“{stem}” is the name of a built-in template; choose another name."));
    }
    let dir = user_templates_dir().ok_or("There is no configuration folder to keep templates in.")?;
    Ok(dir.join(format!("{stem}.ron")))
}

/// Saves a release of `book` as a template of the user's own, named `name`,
/// and returns the file it was written to (atomically; an existing template
/// of the same name is replaced).
///
/// The file is a plain book holding the release reset to a fresh plan (in
/// Planning, nothing approved, met, done, sent or decided), its risks, and
/// the whole policy plus the people, environments, configuration items,
/// changes and known errors it refers to. Ids are kept.
pub fn save_user_template(book: &Book, release: &Id, name: &str) -> Result<PathBuf, String> {
    let path = user_template_path(name)?;
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(format!("{} is a link to another file; Relplan does not replace it.", path.display()));
    }
    let template = template_book(book, release, name.trim())?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), crate::store::plain_io(&e)))?;
    }
    crate::store::save(&template, &path).map_err(|e| e.to_string())?;
    Ok(path)
}

/// The template book made from one release of `book`.
fn template_book(book: &Book, release: &Id, name: &str) -> Result<Book, String> {
    let original = book.release(release).ok_or_else(|| format!("There is no release {release} in this book."))?;
    let mut r = original.clone();
    fresh_plan(&mut r);
    let mut risks: Vec<_> = book.risks_of(release).cloned().collect();
    for risk in &mut risks {
        risk.releases = vec![r.id.clone()];
        risk.status = RiskStatus::Open;
    }
    let mut people = BTreeSet::new();
    let mut add = |p: &Option<Id>| people.extend(p.iter().cloned());
    add(&r.owner);
    r.deployments.iter().flat_map(|d| &d.steps).for_each(|s| add(&s.owner));
    r.approvals.iter().for_each(|a| add(&a.person));
    r.go_no_go.votes.iter().for_each(|v| add(&v.person));
    r.actions.iter().for_each(|a| add(&a.owner));
    r.agreements.iter().for_each(|a| add(&a.stakeholder));
    risks.iter().for_each(|x| add(&x.owner));
    let cis: BTreeSet<&Id> = r
        .affected_items
        .iter()
        .map(|a| &a.config_item)
        .chain(r.deployments.iter().flat_map(|d| &d.config_items))
        .collect();
    let config_items: Vec<_> = book.config_items.iter().filter(|c| cis.contains(&c.id)).cloned().collect();
    config_items.iter().for_each(|c| add(&c.owner));
    let envs: BTreeSet<&Id> = r.deployments.iter().map(|d| &d.environment).collect();
    let mut changes: Vec<_> = book.changes.iter().filter(|c| r.scope.changes.contains(&c.id)).cloned().collect();
    changes.iter_mut().for_each(|c| c.authorisation = None);
    let known: BTreeSet<&Id> = r.scope.resolves.iter().chain(&r.scope.ships_with).collect();
    let kind = book.release_type(&r.release_type).map_or("A", |t| t.name.as_str());
    let description = format!(
        "{kind} release, saved from {} “{}” of {}\nA template of your own, saved by Relplan from a release plan. \
         Adjust the names, dates, runbooks and criteria to the new release.",
        original.id, original.name, book.name
    );
    let mut out = Book {
        name: name.to_owned(),
        description,
        policy: book.policy.clone(),
        people: book.people.iter().filter(|p| people.contains(&p.id)).cloned().collect(),
        environments: book.environments.iter().filter(|e| envs.contains(&e.id)).cloned().collect(),
        blackouts: Vec::new(),
        config_items,
        changes,
        known_errors: book.known_errors.iter().filter(|k| known.contains(&k.id)).cloned().collect(),
        releases: vec![r],
        risks,
        ledger: Ledger::default(),
    };
    for id in crate::model::all_ids(&out) {
        out.ledger.note_existing(&id);
    }
    Ok(out)
}

/// Resets a release to a plan not yet started: the plan is kept, and
/// everything decided, met, done, sent or recorded about it is cleared.
fn fresh_plan(r: &mut Release) {
    r.phase = Phase::Planning;
    for d in
        [&mut r.phases.planning, &mut r.phases.build_and_test, &mut r.phases.deployment, &mut r.phases.review_and_close]
    {
        *d = PhaseDates { actual_start: None, actual_end: None, ..d.clone() };
    }
    r.milestones.iter_mut().for_each(|m| m.done = false);
    r.deliverables.iter_mut().for_each(|d| {
        d.version.clear();
        d.checksum.clear();
    });
    r.affected_items.iter_mut().for_each(|a| a.baseline_version.clear());
    r.baseline_recorded_on = None;
    for d in &mut r.deployments {
        d.blackout_exception = None;
        d.steps.iter_mut().for_each(|s| s.done = false);
    }
    r.criteria.iter_mut().for_each(|c| {
        c.status = CriterionStatus::Pending;
        c.evidence.clear();
    });
    r.approvals.iter_mut().for_each(|a| {
        a.decision = ApprovalDecision::Pending;
        a.at = None;
    });
    let mut votes = std::mem::take(&mut r.go_no_go.votes);
    votes.iter_mut().for_each(|v| {
        v.verdict = None;
        v.note.clear();
        v.at = None;
    });
    r.go_no_go = GoNoGo { scheduled: r.go_no_go.scheduled, votes, ..GoNoGo::default() };
    r.backout.tested = false;
    r.backout.tested_on = None;
    r.communications.iter_mut().for_each(|c| c.sent = false);
    r.agreements.iter_mut().for_each(|a| {
        a.agreed = false;
        a.on = None;
    });
    r.decisions.clear();
    r.actions.clear();
    r.review = Review::default();
}

/// A file name (without extension) made from a template name, or why none can be.
fn safe_file_stem(name: &str) -> Result<String, String> {
    const RESERVED: [&str; 22] = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
        "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    let replaced: String =
        name.trim()
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '-'
                } else {
                    c
                }
            })
            .collect();
    let mut stem: String = replaced
        .trim_start_matches(|c: char| c == '.' || c == '-' || c.is_whitespace())
        .chars()
        .take(NAME_LIMIT)
        .collect();
    // Windows drops trailing dots and spaces, which would make two names one.
    stem.truncate(stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace()).len());
    if stem.is_empty() {
        return Err("Give the template a name with at least one letter or digit.".to_owned());
    }
    let device = stem.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) {
        stem.insert_str(0, "template-");
    }
    Ok(stem)
}

/// The first line of a text.
fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_owned()
}
