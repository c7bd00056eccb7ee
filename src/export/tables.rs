//! The book as flat tables, for CSV and spreadsheet exports: releases,
//! deployments, the risk register, the schedule and the check findings.
//! Each is a header row and rows of text, so that the CSV file and the
//! spreadsheet sheet of the same table always agree.

use crate::check::Finding;
use crate::model::{Book, Id, Phase, Release};
use crate::risk::{Column, cell_text};
use crate::schedule::items::phase_days;

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// One row per release.
    Releases,
    /// One row per deployment.
    Deployments,
    /// The risk register, every column.
    Risks,
    /// Every dated item: phases, milestones, deployments, blackouts.
    Schedule,
    /// The check findings.
    Findings,
}

impl TableKind {
    /// Every table, in the order an evidence pack and a workbook list them.
    pub const ALL: [TableKind; 5] =
        [TableKind::Releases, TableKind::Deployments, TableKind::Risks, TableKind::Schedule, TableKind::Findings];

    /// The table's name, for file names and sheet names.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Releases => "releases",
            TableKind::Deployments => "deployments",
            TableKind::Risks => "risks",
            TableKind::Schedule => "schedule",
            TableKind::Findings => "findings",
        }
    }

    /// A title for people.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::Releases => "Releases",
            TableKind::Deployments => "Deployments",
            TableKind::Risks => "Risk register",
            TableKind::Schedule => "Schedule",
            TableKind::Findings => "Check findings",
        }
    }
}

/// A header and rows of text. `numeric` marks the columns that hold
/// whole numbers (spreadsheets store those as numbers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flat {
    /// Column headings.
    pub header: Vec<String>,
    /// Which columns hold numbers.
    pub numeric: Vec<bool>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Flat {
    fn new(header: &[&str], numeric: &[usize]) -> Self {
        Self {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            numeric: (0..header.len()).map(|i| numeric.contains(&i)).collect(),
            rows: Vec::new(),
        }
    }
}

/// The releases of the table (all, or the one asked for).
fn releases<'a>(book: &'a Book, release: Option<&'a Id>) -> impl Iterator<Item = &'a Release> + 'a {
    book.releases.iter().filter(move |r| release.is_none_or(|id| &r.id == id))
}

/// One of the book's tables.
pub fn flat(book: &Book, kind: TableKind, release: Option<&Id>, findings: &[Finding]) -> Flat {
    flat_with(&super::lookup::Lookup::new(book), kind, release, findings)
}

/// One of the book's tables, with the book's lookups already made (an
/// export of several tables makes them once).
pub fn flat_with(
    look: &super::lookup::Lookup<'_>,
    kind: TableKind,
    release: Option<&Id>,
    findings: &[Finding],
) -> Flat {
    let book = look.book();
    match kind {
        TableKind::Releases => {
            let mut t = Flat::new(
                &[
                    "ID",
                    "Name",
                    "Version",
                    "Type",
                    "Priority",
                    "Phase",
                    "Owner",
                    "Planning start",
                    "Planning end",
                    "Build & Test start",
                    "Build & Test end",
                    "Deployment start",
                    "Deployment end",
                    "Review start",
                    "Review end",
                    "Deployments",
                    "Risks",
                    "Outcome",
                    "Summary",
                ],
                &[15, 16],
            );
            for r in releases(book, release) {
                let kind = look.release_type(&r.release_type);
                let mut row = vec![
                    r.id.to_string(),
                    r.name.clone(),
                    r.version.clone(),
                    kind,
                    r.priority.label().to_owned(),
                    r.phase.label().to_owned(),
                    look.person(r.owner.as_ref()),
                ];
                for phase in &Phase::ALL[..4] {
                    let days = r.phases.get(*phase).and_then(phase_days);
                    row.push(days.map(|d| d.0.to_string()).unwrap_or_default());
                    row.push(days.map(|d| d.1.to_string()).unwrap_or_default());
                }
                row.push(r.deployments.len().to_string());
                row.push(look.risks_of(&r.id).len().to_string());
                row.push(r.review.outcome.map(|o| o.label().to_owned()).unwrap_or_default());
                row.push(r.summary.clone());
                t.rows.push(row);
            }
            t
        }
        TableKind::Deployments => {
            let mut t = Flat::new(
                &[
                    "Release",
                    "Release name",
                    "ID",
                    "Deployment",
                    "Environment",
                    "Start",
                    "End",
                    "Time zone",
                    "Method",
                    "Configuration items",
                    "Steps",
                    "Minutes",
                    "Blackout exception",
                ],
                &[10, 11],
            );
            for r in releases(book, release) {
                for d in &r.deployments {
                    let env = look.environment(&d.environment);
                    let items: Vec<String> = d.config_items.iter().map(|c| look.config_item(c)).collect();
                    let minutes: u64 = d.steps.iter().map(|s| u64::from(s.duration_minutes)).sum();
                    t.rows.push(vec![
                        r.id.to_string(),
                        r.name.clone(),
                        d.id.to_string(),
                        d.name.clone(),
                        env,
                        d.window.start.strftime("%Y-%m-%d %H:%M").to_string(),
                        d.window.end.strftime("%Y-%m-%d %H:%M").to_string(),
                        if d.window.zone.trim().is_empty() { "UTC".to_owned() } else { d.window.zone.clone() },
                        d.method.label().to_owned(),
                        items.join(", "),
                        d.steps.len().to_string(),
                        minutes.to_string(),
                        d.blackout_exception.as_ref().map(Id::to_string).unwrap_or_default(),
                    ]);
                }
            }
            t
        }
        TableKind::Risks => {
            let header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
            let numeric: Vec<usize> = Column::ALL
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    matches!(
                        c,
                        Column::Likelihood
                            | Column::Impact
                            | Column::InherentScore
                            | Column::ResidualLikelihood
                            | Column::ResidualImpact
                            | Column::ResidualScore
                    )
                })
                .map(|(i, _)| i)
                .collect();
            let mut t = Flat::new(&header, &numeric);
            for risk in book.risks.iter().filter(|r| release.is_none_or(|id| r.releases.contains(id))) {
                t.rows.push(Column::ALL.iter().map(|&c| cell_text(book, risk, c)).collect());
            }
            t
        }
        TableKind::Schedule => schedule(look, release),
        TableKind::Findings => {
            let mut t = Flat::new(&["Rule", "Clause", "Severity", "Release", "Where", "Message"], &[]);
            for f in findings.iter().filter(|f| release.is_none_or(|id| f.release.as_ref() == Some(id))) {
                t.rows.push(finding_cells(f));
            }
            t
        }
    }
}

/// Every dated item, in order of start.
/// A finding as the cells of the findings table: rule, clause, severity,
/// release, where and message (the report's findings table uses them too).
pub(crate) fn finding_cells(f: &Finding) -> Vec<String> {
    vec![
        f.rule.to_owned(),
        f.clause.to_owned(),
        f.severity.label().to_owned(),
        f.release.as_ref().map(Id::to_string).unwrap_or_default(),
        f.path(),
        f.message.clone(),
    ]
}

fn schedule(look: &super::lookup::Lookup<'_>, release: Option<&Id>) -> Flat {
    let book = look.book();
    let mut t = Flat::new(&["Start", "End", "Time zone", "Kind", "Release", "What", "Environment"], &[]);
    let zone = |z: &str| if z.trim().is_empty() { "UTC".to_owned() } else { z.trim().to_owned() };
    for r in releases(book, release) {
        for phase in Phase::ALL {
            if let Some((a, b)) = r.phases.get(phase).and_then(phase_days) {
                let row = [
                    a.to_string(),
                    b.to_string(),
                    String::new(),
                    "Phase".into(),
                    r.id.to_string(),
                    phase.label().into(),
                ];
                t.rows.push(row.into_iter().chain([String::new()]).collect());
            }
        }
        for m in &r.milestones {
            let row = [
                m.date.to_string(),
                m.date.to_string(),
                String::new(),
                "Milestone".into(),
                r.id.to_string(),
                m.name.clone(),
            ];
            t.rows.push(row.into_iter().chain([String::new()]).collect());
        }
        for d in &r.deployments {
            let env = look.environment(&d.environment);
            t.rows.push(vec![
                d.window.start.strftime("%Y-%m-%d %H:%M").to_string(),
                d.window.end.strftime("%Y-%m-%d %H:%M").to_string(),
                zone(&d.window.zone),
                "Deployment".into(),
                r.id.to_string(),
                d.name.clone(),
                env,
            ]);
        }
    }
    for b in &book.blackouts {
        let w = &b.window;
        let mut kind = "Blackout".to_owned();
        if w.repeat != crate::model::Repeat::Never {
            kind.push_str(&format!(" ({})", w.repeat.label()));
        }
        t.rows.push(vec![
            w.start.strftime("%Y-%m-%d %H:%M").to_string(),
            w.end.strftime("%Y-%m-%d %H:%M").to_string(),
            zone(&w.zone),
            kind,
            String::new(),
            b.name.clone(),
            String::new(),
        ]);
    }
    t.rows.sort_by(|a, b| a[0].cmp(&b[0]));
    t
}
