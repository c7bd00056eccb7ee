//! The book overview: what the book covers, its releases at a glance, the
//! release policy and the shared records (people, environments, blackouts,
//! configuration items, changes, known errors).

use super::{Builder, yes};
use crate::export::doc::Table;
use crate::export::lookup::Lookup;
use crate::model::{BlackoutScope, Book, Phase, Release, Window};

/// Writes the overview part.
pub(super) fn overview(b: &mut Builder, look: &Lookup<'_>, releases: &[&Release], one_release: bool) {
    let book = look.book();
    b.part("Book overview");
    b.paragraph(&book.description);
    let mut phases = Table::new(&["Phase", "Releases"]);
    for phase in Phase::ALL {
        let n = releases.iter().filter(|r| r.phase == phase).count();
        phases.row(vec![phase.label().to_owned(), n.to_string()]);
    }
    b.fields(vec![
        ("Book", book.name.clone()),
        ("Releases in this report", releases.len().to_string()),
        (
            "Risks in this report",
            if one_release {
                releases.iter().map(|r| look.risks_of(&r.id).len()).sum::<usize>().to_string()
            } else {
                book.risks.len().to_string()
            },
        ),
        ("Naming convention", book.policy.naming_convention.clone()),
    ]);
    b.heading(2, "Releases by phase", "releases-by-phase");
    b.table(phases, "No releases.");
    b.heading(2, "Releases at a glance", "releases-at-a-glance");
    let mut list = Table::new(&["ID", "Name", "Version", "Type", "Phase", "Owner", "Deployments"]);
    list.weights = vec![1.0, 3.0, 1.2, 1.4, 1.4, 2.0, 1.2];
    for r in releases {
        let kind = look.release_type(&r.release_type);
        list.row(vec![
            r.id.to_string(),
            r.name.clone(),
            r.version.clone(),
            kind,
            r.phase.label().to_owned(),
            look.person(r.owner.as_ref()),
            r.deployments.len().to_string(),
        ]);
    }
    b.table(list, "No releases.");
    policy(b, book);
    if one_release {
        return;
    }
    records(b, look);
}

fn policy(b: &mut Builder, book: &Book) {
    b.heading(2, "Release policy", "release-policy");
    let mut types = Table::new(&["ID", "Type", "Description", "Expected at most", "Emergency"]);
    types.weights = vec![0.8, 1.6, 4.0, 1.6, 1.1];
    for t in &book.policy.release_types {
        let freq = t.expected_frequency.map(|f| format!("{} per {}", f.count, f.unit.label())).unwrap_or_default();
        types.row(vec![t.id.to_string(), t.name.clone(), t.description.clone(), freq, yes(t.emergency)]);
    }
    b.table(types, "The policy names no release types.");
    let r = &book.policy.risk;
    let g = &book.policy.gates;
    b.fields(vec![
        ("Risk scale", format!("{0} × {0}", r.scale)),
        (
            "Risk bands",
            format!("medium from {}, high from {}, critical from {}", r.medium_from, r.high_from, r.critical_from),
        ),
        ("Residual risk that blocks Deployment", format!("{} and above", r.gate_band.label())),
        ("Phase gates enforced", yes(g.enforce)),
        ("Tested backout required", yes(g.require_tested_backout)),
        ("Early life support", format!("{} days", g.early_life_support_days)),
    ]);
}

fn records(b: &mut Builder, look: &Lookup<'_>) {
    let book = look.book();
    b.heading(2, "People", "people");
    let mut people = Table::new(&["ID", "Name", "E-mail", "Team", "Roles"]);
    people.weights = vec![0.8, 2.0, 2.6, 1.6, 3.0];
    for p in &book.people {
        let roles: Vec<&str> = p.roles.iter().map(|r| r.label()).collect();
        people.row(vec![p.id.to_string(), p.name.clone(), p.email.clone(), p.team.clone(), roles.join(", ")]);
    }
    b.table(people, "No people recorded.");

    b.heading(2, "Environments", "environments");
    let mut envs = Table::new(&["ID", "Name", "Kind", "Maintenance windows", "Notes"]);
    envs.weights = vec![0.8, 2.0, 1.4, 3.0, 2.6];
    for e in &book.environments {
        let windows: Vec<String> =
            e.maintenance_windows.iter().map(|w| format!("{} ({})", w.name, window_text(&w.window))).collect();
        envs.row(vec![
            e.id.to_string(),
            e.name.clone(),
            e.kind.label().to_owned(),
            windows.join("; "),
            e.description.clone(),
        ]);
    }
    b.table(envs, "No environments recorded.");

    b.heading(2, "Blackout windows", "blackout-windows");
    let mut blackouts = Table::new(&["ID", "Name", "When", "Environments", "Reason"]);
    blackouts.weights = vec![0.8, 2.0, 3.0, 2.0, 3.0];
    for x in &book.blackouts {
        let scope = match &x.scope {
            BlackoutScope::All => "All".to_owned(),
            BlackoutScope::Environments(list) => list
                .iter()
                .map(|id| book.environment(id).map_or_else(|| id.to_string(), |e| e.name.clone()))
                .collect::<Vec<_>>()
                .join(", "),
        };
        blackouts.row(vec![x.id.to_string(), x.name.clone(), window_text(&x.window), scope, x.reason.clone()]);
    }
    b.table(blackouts, "No blackout windows recorded.");

    b.heading(2, "Configuration items", "configuration-items");
    let mut items = Table::new(&["ID", "Name", "Kind", "Version", "Owner"]);
    items.weights = vec![0.8, 2.4, 1.6, 1.2, 2.0];
    for c in &book.config_items {
        items.row(vec![
            c.id.to_string(),
            c.name.clone(),
            c.kind.clone(),
            c.version.clone(),
            look.person(c.owner.as_ref()),
        ]);
    }
    b.table(items, "No configuration items recorded.");

    b.heading(2, "Change requests", "change-requests");
    let mut changes = Table::new(&["ID", "RFC", "Title", "Risk", "Authority", "Authorised"]);
    changes.weights = vec![0.8, 1.2, 3.4, 1.0, 1.2, 2.4];
    for c in &book.changes {
        let authorised = match &c.authorisation {
            Some(a) => {
                format!("{} by {} on {}", a.authority.label(), look.person(a.by.as_ref()), super::timestamp(a.at))
            }
            None => "Not yet".to_owned(),
        };
        changes.row(vec![
            c.id.to_string(),
            c.rfc.clone(),
            c.title.clone(),
            c.risk.map(|r| r.label().to_owned()).unwrap_or_default(),
            c.authority.label().to_owned(),
            authorised,
        ]);
    }
    b.table(changes, "No change requests recorded.");

    b.heading(2, "Known errors and problems", "known-errors");
    let mut errors = Table::new(&["ID", "Reference", "Title", "Kind", "Status", "Workaround"]);
    errors.weights = vec![0.8, 1.2, 3.0, 1.2, 1.0, 3.0];
    for k in &book.known_errors {
        let kind = match k.kind {
            crate::model::KnownErrorKind::Problem => "Problem",
            crate::model::KnownErrorKind::KnownError => "Known error",
        };
        let status = match k.status {
            crate::model::ProblemStatus::Open => "Open",
            crate::model::ProblemStatus::Resolved => "Resolved",
        };
        errors.row(vec![
            k.id.to_string(),
            k.reference.clone(),
            k.title.clone(),
            kind.to_owned(),
            status.to_owned(),
            k.workaround.clone(),
        ]);
    }
    b.table(errors, "No known errors recorded.");
}

/// A window in words: "2026-12-20 00:00 to 2027-01-03 23:59 Europe/London, yearly until 2030-01-01".
pub(crate) fn window_text(w: &Window) -> String {
    let zone = if w.zone.trim().is_empty() { "UTC" } else { w.zone.trim() };
    let mut text = format!("{} to {} {zone}", w.start.strftime("%Y-%m-%d %H:%M"), w.end.strftime("%Y-%m-%d %H:%M"));
    if w.repeat != crate::model::Repeat::Never {
        text.push_str(&format!(", {}", w.repeat.label()));
        if let Some(u) = w.until {
            text.push_str(&format!(" until {u}"));
        }
    }
    text
}
