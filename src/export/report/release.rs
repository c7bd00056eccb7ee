//! One release with every part of its plan: header, phases, milestones,
//! scope, deliverables, affected items, deployments and runbooks,
//! acceptance, approvals, go/no-go, backout, communications, agreements,
//! decisions, the post-implementation review and its risks.

use super::{Builder, day, timestamp, yes};
use crate::export::doc::{Table, anchor_of};
use crate::export::lookup::Lookup;
use crate::model::{Id, Phase, Release};
use crate::risk::{Which, band_of, score_of, score_text};

/// The anchor of a release's section.
pub fn release_anchor(id: &Id) -> String {
    anchor_of(&format!("release {id}"))
}

/// Writes one release.
pub(super) fn release(b: &mut Builder, look: &Lookup<'_>, r: &Release) {
    let anchor = release_anchor(&r.id);
    b.heading(2, &format!("{} {}", r.id, r.name), &anchor);
    let book = look.book();
    let kind = look.release_type(&r.release_type);
    b.fields(vec![
        ("Version", r.version.clone()),
        ("Type", kind),
        ("Priority", r.priority.label().to_owned()),
        ("Phase", r.phase.label().to_owned()),
        ("Owner", look.person(r.owner.as_ref())),
    ]);
    b.paragraph(&r.summary);
    let sub = |b: &mut Builder, title: &str| b.heading(3, title, &format!("{anchor}-{}", anchor_of(title)));

    sub(b, "Phases and milestones");
    let mut phases = Table::new(&["Phase", "Planned start", "Planned end", "Actual start", "Actual end"]);
    for phase in Phase::ALL {
        if let Some(d) = r.phases.get(phase) {
            phases.row(vec![
                phase.label().to_owned(),
                day(d.planned_start),
                day(d.planned_end),
                day(d.actual_start),
                day(d.actual_end),
            ]);
        }
    }
    b.table(phases, "No phase dates.");
    let mut milestones = Table::new(&["ID", "Milestone", "Date", "Reached"]);
    milestones.weights = vec![1.0, 4.0, 1.4, 1.0];
    for m in &r.milestones {
        milestones.row(vec![m.id.to_string(), m.name.clone(), m.date.to_string(), yes(m.done)]);
    }
    b.table(milestones, "No milestones.");

    sub(b, "Scope");
    let change =
        |id: &Id| look.change(id).map_or_else(|| id.to_string(), |c| format!("{} {} {}", c.id, c.rfc, c.title));
    let error = |id: &Id| {
        look.known_error(id).map_or_else(|| id.to_string(), |k| format!("{} {} {}", k.id, k.reference, k.title))
    };
    b.fields(vec![
        ("Changes", r.scope.changes.iter().map(change).collect::<Vec<_>>().join("\n")),
        ("Resolves", r.scope.resolves.iter().map(error).collect::<Vec<_>>().join("\n")),
        ("Ships with", r.scope.ships_with.iter().map(error).collect::<Vec<_>>().join("\n")),
        ("Notes", r.scope.notes.clone()),
    ]);

    sub(b, "Deliverables and configuration items");
    let mut deliverables = Table::new(&["ID", "Deliverable", "Version", "Library location", "Checksum"]);
    deliverables.weights = vec![0.9, 2.6, 1.1, 3.0, 2.4];
    for d in &r.deliverables {
        deliverables.row(vec![
            d.id.to_string(),
            d.name.clone(),
            d.version.clone(),
            d.dml_location.clone(),
            d.checksum.clone(),
        ]);
    }
    b.table(deliverables, "No deliverables.");
    let mut items = Table::new(&["ID", "Configuration item", "Baseline version", "Target version"]);
    for a in &r.affected_items {
        let name = look.config_item(&a.config_item);
        items.row(vec![a.id.to_string(), name, a.baseline_version.clone(), a.target_version.clone()]);
    }
    b.table(items, "No affected configuration items.");
    b.fields(vec![("Baseline recorded on", day(r.baseline_recorded_on))]);

    sub(b, "Deployments");
    if r.deployments.is_empty() {
        b.note("No deployments planned.");
    }
    for d in &r.deployments {
        let env = look.environment(&d.environment);
        b.fields(vec![
            ("Deployment", format!("{} {}", d.id, d.name)),
            ("Environment", env),
            ("Window", super::overview::window_text(&d.window)),
            ("Method", d.method.label().to_owned()),
            ("Blackout exception", d.blackout_exception.as_ref().map(Id::to_string).unwrap_or_default()),
        ]);
        let mut steps = Table::new(&["#", "Step", "Owner", "Minutes", "After", "Notes", "Done"]);
        steps.weights = vec![0.5, 3.0, 1.6, 0.9, 1.2, 3.0, 0.7];
        for (i, s) in d.steps.iter().enumerate() {
            let after: Vec<&str> = s.depends_on.iter().map(Id::as_str).collect();
            steps.row(vec![
                (i + 1).to_string(),
                s.title.clone(),
                look.person(s.owner.as_ref()),
                s.duration_minutes.to_string(),
                after.join(", "),
                s.notes.clone(),
                yes(s.done),
            ]);
        }
        b.table(steps, "No runbook steps.");
    }

    sub(b, "Acceptance and approvals");
    let mut criteria = Table::new(&["ID", "Criterion", "Status", "Evidence"]);
    criteria.weights = vec![0.8, 4.0, 1.0, 3.0];
    for c in &r.criteria {
        criteria.row(vec![c.id.to_string(), c.description.clone(), c.status.label().to_owned(), c.evidence.clone()]);
    }
    b.table(criteria, "No acceptance criteria.");
    let mut approvals = Table::new(&["ID", "Who", "Role", "Decision", "When", "Note"]);
    approvals.weights = vec![0.8, 1.8, 1.5, 1.6, 1.8, 2.6];
    for a in &r.approvals {
        approvals.row(vec![
            a.id.to_string(),
            look.person(a.person.as_ref()),
            a.role.map(|x| x.label().to_owned()).unwrap_or_default(),
            a.decision.label().to_owned(),
            a.at.map(timestamp).unwrap_or_default(),
            a.note.clone(),
        ]);
    }
    b.table(approvals, "No approvals recorded.");

    sub(b, "Go / no-go");
    let g = &r.go_no_go;
    b.fields(vec![
        ("Meeting", g.scheduled.map(timestamp).unwrap_or_default()),
        ("Verdict", g.verdict.map_or_else(|| "Not signed".to_owned(), |v| v.label().to_owned())),
        ("Signed by", look.person(g.signed_by.as_ref())),
        ("Signed at", g.signed_at.map(timestamp).unwrap_or_default()),
        ("Notes", g.notes.clone()),
    ]);
    let mut votes = Table::new(&["ID", "Who", "Vote", "Reasons"]);
    votes.weights = vec![0.8, 2.0, 1.0, 4.0];
    for v in &g.votes {
        let verdict = v.verdict.map_or_else(|| "Undecided".to_owned(), |x| x.label().to_owned());
        votes.row(vec![v.id.to_string(), look.person(v.person.as_ref()), verdict, v.note.clone()]);
    }
    b.table(votes, "No votes recorded.");

    sub(b, "Backout plan");
    let k = &r.backout;
    b.fields(vec![
        ("Plan", k.plan.clone()),
        ("Trigger", k.trigger.clone()),
        ("Duration", if k.duration_minutes > 0 { format!("{} minutes", k.duration_minutes) } else { String::new() }),
        (
            "Tested",
            if k.tested {
                format!("Yes{}", k.tested_on.map(|d| format!(", on {d}")).unwrap_or_default())
            } else {
                yes(false)
            },
        ),
    ]);

    sub(b, "Communications and agreements");
    let mut comms = Table::new(&["ID", "Audience", "Channel", "Date", "Message", "Sent"]);
    comms.weights = vec![0.8, 1.8, 1.2, 1.2, 4.0, 0.7];
    for c in &r.communications {
        comms.row(vec![
            c.id.to_string(),
            c.audience.clone(),
            c.channel.clone(),
            day(c.date),
            c.message.clone(),
            yes(c.sent),
        ]);
    }
    b.table(comms, "No communications planned.");
    let mut agreements = Table::new(&["ID", "Stakeholder", "Agreed", "On", "Note"]);
    agreements.weights = vec![0.8, 2.0, 0.9, 1.2, 4.0];
    for a in &r.agreements {
        agreements.row(vec![
            a.id.to_string(),
            look.person(a.stakeholder.as_ref()),
            yes(a.agreed),
            day(a.on),
            a.note.clone(),
        ]);
    }
    b.table(agreements, "No schedule agreements recorded.");

    sub(b, "Decisions");
    let mut decisions =
        Table::new(&["ID", "Kind", "Decision", "Rationale", "Decided by", "When", "Informed", "Outcome"]);
    decisions.weights = vec![0.8, 1.2, 2.0, 2.6, 1.4, 1.4, 1.6, 1.8];
    for d in &r.decisions {
        let informed: Vec<String> = d.informed.iter().map(|p| look.person(Some(p))).collect();
        let by = match d.role {
            Some(role) => format!("{} ({})", look.person(d.decided_by.as_ref()), role.label()),
            None => look.person(d.decided_by.as_ref()),
        };
        decisions.row(vec![
            d.id.to_string(),
            d.kind.label().to_owned(),
            d.title.clone(),
            d.rationale.clone(),
            by,
            d.decided_at.map(timestamp).unwrap_or_default(),
            informed.join(", "),
            d.outcome.clone(),
        ]);
    }
    b.table(decisions, "No decisions recorded.");

    sub(b, "Post-implementation review");
    let v = &r.review;
    b.fields(vec![
        ("Outcome", v.outcome.map_or_else(|| "Not recorded".to_owned(), |o| o.label().to_owned())),
        ("Conclusions", v.conclusions.clone()),
        ("Completed on", day(v.completed_on)),
    ]);
    let mut incidents = Table::new(&["ID", "Reference", "Incident", "Raised on"]);
    incidents.weights = vec![0.8, 1.4, 4.0, 1.2];
    for i in &v.incidents {
        incidents.row(vec![i.id.to_string(), i.reference.clone(), i.title.clone(), day(i.raised_on)]);
    }
    b.table(incidents, "No incidents recorded.");
    let mut actions = Table::new(&["ID", "Improvement action", "Owner", "Due", "Done"]);
    actions.weights = vec![0.8, 4.0, 1.8, 1.2, 0.7];
    for a in &v.actions {
        actions.row(vec![a.id.to_string(), a.title.clone(), look.person(a.owner.as_ref()), day(a.due), yes(a.done)]);
    }
    b.table(actions, "No improvement actions.");

    sub(b, "Risks");
    let policy = &book.policy.risk;
    let mut risks = Table::new(&["ID", "Risk", "Inherent", "Treatment", "Residual", "Owner", "Status"]);
    risks.weights = vec![0.9, 3.6, 1.3, 1.2, 1.3, 1.6, 1.1];
    for risk in look.risks_of(&r.id) {
        risks.row(vec![
            risk.id.to_string(),
            risk.title.clone(),
            score_text(score_of(risk, Which::Inherent, policy), band_of(risk, Which::Inherent, policy)),
            risk.treatment.map(|t| t.label().to_owned()).unwrap_or_default(),
            score_text(score_of(risk, Which::Residual, policy), band_of(risk, Which::Residual, policy)),
            look.person(risk.owner.as_ref()),
            risk.status.label().to_owned(),
        ]);
    }
    b.table(risks, "No risks are linked to this release.");
}
