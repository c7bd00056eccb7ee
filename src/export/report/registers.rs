//! The book-wide parts of the report: the schedule, the risk register and
//! its matrices, the check findings and the audit trail.

use super::{Builder, charts, day, timestamp};
use crate::check::Finding;
use crate::export::doc::{Block, Table};
use crate::export::lookup::Lookup;
use crate::model::{Book, Id, Phase, Release};
use crate::risk::{Which, band_of, score_of, score_text};
use crate::schedule::items::phase_days;
use jiff::civil::Date;

/// Releases per timeline drawing, so that each fits on a page.
const TIMELINE_ROWS: usize = 24;

/// The schedule: timelines of the releases, then every dated item in order.
pub(super) fn schedule(b: &mut Builder, look: &Lookup<'_>, releases: &[&Release]) {
    let book = look.book();
    b.part("Schedule");
    let mut drew = false;
    for chunk in releases.chunks(TIMELINE_ROWS) {
        if let Some(drawing) = charts::timeline(chunk) {
            b.blocks.push(Block::Drawing(drawing));
            drew = true;
        }
    }
    if !drew {
        b.note("No release has dates yet.");
    }
    b.heading(2, "Dates", "schedule-dates");
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for r in releases {
        for phase in Phase::ALL {
            if let Some((first, last)) = r.phases.get(phase).and_then(phase_days) {
                let what = format!("{} phase", phase.label());
                rows.push((
                    first.to_string(),
                    vec![first.to_string(), last.to_string(), r.id.to_string(), what, String::new()],
                ));
            }
        }
        for m in &r.milestones {
            let what = format!("Milestone: {}", m.name);
            rows.push((
                m.date.to_string(),
                vec![m.date.to_string(), m.date.to_string(), r.id.to_string(), what, String::new()],
            ));
        }
        for d in &r.deployments {
            let env = look.environment(&d.environment);
            let zone = if d.window.zone.trim().is_empty() { "UTC" } else { d.window.zone.trim() };
            let start = format!("{} {zone}", d.window.start.strftime("%Y-%m-%d %H:%M"));
            let end = format!("{} {zone}", d.window.end.strftime("%Y-%m-%d %H:%M"));
            let what = format!("Deployment: {}", d.name);
            rows.push((start.clone(), vec![start, end, r.id.to_string(), what, env]));
        }
    }
    for x in &book.blackouts {
        let w = &x.window;
        let zone = if w.zone.trim().is_empty() { "UTC" } else { w.zone.trim() };
        let start = format!("{} {zone}", w.start.strftime("%Y-%m-%d %H:%M"));
        let mut end = format!("{} {zone}", w.end.strftime("%Y-%m-%d %H:%M"));
        if w.repeat != crate::model::Repeat::Never {
            end.push_str(&format!(", {}", w.repeat.label()));
        }
        rows.push((start.clone(), vec![start, end, String::new(), format!("Blackout: {}", x.name), String::new()]));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut table = Table::new(&["Start", "End", "Release", "What", "Environment"]);
    table.weights = vec![1.7, 1.7, 0.9, 3.6, 1.8];
    for (_, row) in rows {
        table.row(row);
    }
    b.table(table, "Nothing is scheduled.");
}

/// The risk register and its inherent and residual matrices.
pub(super) fn risks(b: &mut Builder, look: &Lookup<'_>, release: Option<&Id>, today: Date) {
    let book = look.book();
    b.part("Risk register");
    let members: Vec<usize> =
        (0..book.risks.len()).filter(|&i| release.is_none_or(|id| book.risks[i].releases.contains(id))).collect();
    let policy = &book.policy.risk;
    b.paragraph(&format!(
        "{} risks. Each cell of the matrices shows its score and how many risks sit in it; \
         the band is written in the legend, so the colours are never needed to read it.",
        members.len()
    ));
    b.blocks.push(Block::Drawing(charts::heat_maps(book, &members)));
    let mut table = Table::new(&[
        "ID",
        "Title",
        "Category",
        "Inherent",
        "Treatment",
        "Actions",
        "Residual",
        "Owner",
        "Status",
        "Next review",
        "Releases",
    ]);
    table.weights = vec![0.9, 2.6, 1.2, 1.2, 1.1, 2.6, 1.2, 1.4, 1.1, 1.2, 1.2];
    for &i in &members {
        let risk = &book.risks[i];
        let overdue = risk.next_review.is_some_and(|d| d < today) && risk.status != crate::model::RiskStatus::Closed;
        let review = if overdue { format!("{} (overdue)", day(risk.next_review)) } else { day(risk.next_review) };
        table.row(vec![
            risk.id.to_string(),
            risk.title.clone(),
            risk.category.label().to_owned(),
            score_text(score_of(risk, Which::Inherent, policy), band_of(risk, Which::Inherent, policy)),
            risk.treatment.map(|t| t.label().to_owned()).unwrap_or_default(),
            risk.actions.clone(),
            score_text(score_of(risk, Which::Residual, policy), band_of(risk, Which::Residual, policy)),
            look.person(risk.owner.as_ref()),
            risk.status.label().to_owned(),
            review,
            risk.releases.iter().map(Id::as_str).collect::<Vec<_>>().join(", "),
        ]);
    }
    b.table(table, "No risks recorded.");
}

/// The findings of the checks.
pub(super) fn findings(b: &mut Builder, findings: &[Finding], release: Option<&Id>) {
    b.part("Check findings");
    let mut table = Table::new(&["Rule", "Clause", "Severity", "Release", "Where", "What to fix"]);
    table.weights = vec![0.6, 0.9, 0.9, 0.9, 2.6, 4.4];
    let kept = findings.iter().filter(|f| release.is_none_or(|id| f.release.as_ref() == Some(id)));
    let mut counts = [0usize; 3];
    for f in kept {
        counts[f.severity as usize] += 1;
        table.row(crate::export::tables::finding_cells(f));
    }
    b.paragraph(&format!("{} errors, {} warnings, {} notes.", counts[2], counts[1], counts[0]));
    b.table(table, "The checks found nothing to fix.");
}

/// The audit trail, oldest first (for one release: the entries that name it).
pub(super) fn audit(b: &mut Builder, book: &Book, release: Option<&Id>) {
    b.part("Audit trail");
    if let Some(id) = release {
        b.paragraph(&format!("The recorded steps that mention {id}."));
    }
    let mut table = Table::new(&["When", "Who", "Kind", "What"]);
    table.weights = vec![1.6, 1.6, 0.8, 6.0];
    for e in book.ledger.audit.iter().filter(|e| release.is_none_or(|id| mentions(&e.what, id.as_str()))) {
        table.row(vec![timestamp(e.at), e.who.clone(), e.kind.label().to_owned(), e.what.clone()]);
    }
    b.table(table, "No steps recorded.");
}

/// Whether `text` names the id `id` as a whole word (REL-1 is not in REL-12).
fn mentions(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(i, _)| {
        let after = text[i + id.len()..].chars().next();
        let before = text[..i].chars().next_back();
        !after.is_some_and(|c| c.is_alphanumeric()) && !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_id_is_mentioned_only_as_a_whole_word() {
        assert!(super::mentions("Edit REL-1 name", "REL-1"));
        assert!(!super::mentions("Edit REL-12 name", "REL-1"));
        assert!(super::mentions("REL-1.", "REL-1"));
    }
}
