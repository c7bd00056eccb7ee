//! What an export will hold, in a few lines for people: the Export
//! dialog shows it before anything is written.

use super::{Format, TableKind, evidence};
use crate::model::{Book, Id, Phase};
use crate::schedule::items::phase_days;

/// Counts of what a release selection holds.
struct Counts {
    releases: usize,
    deployments: usize,
    steps: usize,
    milestones: usize,
    phases: usize,
    risks: usize,
    audit: usize,
}

fn counts(book: &Book, release: Option<&Id>) -> Counts {
    let chosen: Vec<_> = book.releases.iter().filter(|r| release.is_none_or(|id| &r.id == id)).collect();
    Counts {
        releases: chosen.len(),
        deployments: chosen.iter().map(|r| r.deployments.len()).sum(),
        steps: chosen.iter().flat_map(|r| &r.deployments).map(|d| d.steps.len()).sum(),
        milestones: chosen.iter().map(|r| r.milestones.len()).sum(),
        phases: chosen
            .iter()
            .map(|r| Phase::ALL.iter().filter(|p| r.phases.get(**p).and_then(phase_days).is_some()).count())
            .sum(),
        risks: book.risks.iter().filter(|x| release.is_none_or(|id| x.releases.contains(id))).count(),
        audit: book.ledger.audit.len(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The lines describing what `format` will hold for `release` (or the whole book).
pub fn preview(book: &Book, format: Format, release: Option<&Id>, table: TableKind, findings: usize) -> Vec<String> {
    let c = counts(book, release);
    let scope = match release.and_then(|id| book.release(id)) {
        Some(r) => format!("Release {} {}", r.id, r.name),
        None => format!("The whole book “{}”", book.name),
    };
    let report = || {
        vec![
            scope.clone(),
            format!(
                "Book overview: {}, {}, {}",
                plural(book.people.len(), "person", "people"),
                plural(book.environments.len(), "environment", "environments"),
                plural(book.blackouts.len(), "blackout window", "blackout windows")
            ),
            format!(
                "{} with every part of the plan: {}, {}",
                plural(c.releases, "release", "releases"),
                plural(c.deployments, "deployment", "deployments"),
                plural(c.steps, "runbook step", "runbook steps")
            ),
            format!("Schedule: timeline and {} dates", c.phases + c.milestones + c.deployments + book.blackouts.len()),
            format!("Risk register: {} and the inherent and residual heat maps", plural(c.risks, "risk", "risks")),
            format!("Check findings: {findings}"),
            match release {
                Some(id) => format!("Audit trail: the recorded steps that mention {id}"),
                None => format!("Audit trail: {}", plural(c.audit, "recorded step", "recorded steps")),
            },
        ]
    };
    let rows = |t: TableKind| match t {
        TableKind::Releases => c.releases,
        TableKind::Deployments => c.deployments,
        TableKind::Risks => c.risks,
        TableKind::Schedule => c.phases + c.milestones + c.deployments + book.blackouts.len(),
        TableKind::Findings => findings,
    };
    match format {
        Format::Html => {
            [report(), vec!["One page with its own styles and pictures: no scripts, nothing from the network".into()]]
                .concat()
        }
        Format::Pdf => [report(), vec!["A title page, contents and page numbers".into()]].concat(),
        Format::Markdown => [report(), vec!["Text is escaped so that wikis show it as typed".into()]].concat(),
        Format::Csv => vec![
            scope,
            format!("{}: {}", table.title(), plural(rows(table), "row", "rows")),
            "UTF-8, cells that start like a formula are quoted".into(),
        ],
        Format::Xlsx => {
            let mut lines = vec![scope];
            for t in [
                TableKind::Risks,
                TableKind::Schedule,
                TableKind::Releases,
                TableKind::Deployments,
                TableKind::Findings,
            ] {
                lines.push(format!("Sheet “{}”: {}", t.title(), plural(rows(t), "row", "rows")));
            }
            lines.push("Each sheet has filters and a frozen header row".into());
            lines
        }
        Format::Json => vec![
            scope,
            format!(
                "{} and {}, every field",
                plural(c.releases, "release", "releases"),
                plural(c.risks, "risk", "risks")
            ),
        ],
        Format::Ics => vec![
            scope,
            format!(
                "{} phases, {} milestones, {} deployment windows, {} blackout windows",
                c.phases,
                c.milestones,
                c.deployments,
                book.blackouts.len()
            ),
        ],
        Format::Png => vec!["A picture of the window as it is now (without this dialog)".into()],
        Format::Evidence => {
            let mut lines = vec![scope, "A zip file (or a folder, when the name has no .zip) with:".into()];
            lines.push("• the PDF report and the HTML page".into());
            lines.push("• CSV of releases, deployments, risks, schedule and findings".into());
            lines.push("• the calendar (.ics) and the book file (.ron)".into());
            lines.push(format!("• {} with the SHA-256 of each file", evidence::MANIFEST));
            lines
        }
    }
}
