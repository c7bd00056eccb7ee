//! R3 (the deployment plan: dates, deliverables, method, owners), R9 (dates
//! other processes can use), R15 (deliverables from the definitive media
//! library) and R6 (a baseline before deployment).

use super::context::{Ctx, Fail, Need, Stage, blank, day, id_list};
use super::index::Index;
use crate::check::Severity;
use crate::model::{Deployment, Phase, PhasePlan, Release, RunbookStep};
use jiff::civil::Date;

/// R3: the release has an owner.
pub static R3_OWNER: Need = Need {
    rule: "R3",
    clause: "8.5.3 b",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "A release manager owns the release",
    fix: "Choose the release's owner in the Overview.",
};

/// R3: at least one deployment.
pub static R3_DEPLOYMENT: Need = Need {
    rule: "R3",
    clause: "8.5.3 b",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "The deployment plan states where and when it deploys",
    fix: "Add a deployment with its environment and window under “Deployments and runbook”.",
};

/// R3: deliverables listed.
pub static R3_DELIVERABLES: Need = Need {
    rule: "R3",
    clause: "8.5.3 b",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "The deliverables are listed",
    fix: "List what the release delivers under “Deliverables and configuration items”.",
};

/// R3: each deployment has a runbook with owners.
pub static R3_RUNBOOK: Need = Need {
    rule: "R3",
    clause: "8.5.3 b",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "Each deployment has a runbook, every step with an owner",
    fix: "Write the deployment's runbook steps and give each step an owner.",
};

/// R3: production deployment dates still ahead.
pub static R3_STALE: Need = Need {
    rule: "R3",
    clause: "8.5.3 b",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Warning,
    label: "The production deployment date has not passed unnoticed",
    fix: "Re-plan the deployment window, or move the release to its next phase.",
};

/// R9: planned dates of every phase.
pub static R9_DATES: Need = Need {
    rule: "R9",
    clause: "8.5.3 g",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "Every phase has planned dates for the calendar and reports",
    fix: "Fill in the planned start and end of each phase in the Overview.",
};

/// R9: communications planned.
pub static R9_COMMS: Need = Need {
    rule: "R9",
    clause: "8.5.3 g",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Warning,
    label: "A communication tells people the release date",
    fix: "Plan at least one communication of the release date under “Communications and stakeholders”.",
};

/// R15: deliverables kept in the DML.
pub static R15_DML: Need = Need {
    rule: "R15",
    clause: "ITIL",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "Each deliverable has its DML location and checksum",
    fix: "Record where the deliverable is kept in the definitive media library and its checksum.",
};

/// R6: configuration items affected are listed.
pub static R6_ITEMS: Need = Need {
    rule: "R6",
    clause: "8.5.3 d",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "The affected configuration items are listed",
    fix: "List the configuration items the release changes under “Deliverables and configuration items”.",
};

/// R6: the baseline recorded before the deployment date.
pub static R6_BASELINE: Need = Need {
    rule: "R6",
    clause: "8.5.3 d",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "A baseline of the affected items is recorded before the deployment date",
    fix: "Record each affected item's baseline version and the day the baseline was taken, before deploying.",
};

/// R6: every item a deployment touches has a baseline.
pub static R6_COVERED: Need = Need {
    rule: "R6",
    clause: "8.5.3 d",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Warning,
    label: "Every item a deployment changes is in the baseline",
    fix: "Add the configuration item to the affected items with its baseline version.",
};

/// R3, R9, R15 and R6 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let at = cx.here();
    cx.check(&R3_OWNER, r.owner.is_some(), || {
        Fail::new(at.path(), "owner", "No release manager owns this release.".to_owned())
    });
    cx.check(&R3_DEPLOYMENT, !r.deployments.is_empty(), || {
        Fail::whole(at.field("deployments"), "The deployment plan has no deployments yet.".to_owned())
    });
    cx.check(&R3_DELIVERABLES, !r.deliverables.is_empty(), || {
        Fail::whole(at.field("deliverables"), "No deliverables are listed.".to_owned())
    });
    cx.touch(&R3_RUNBOOK);
    for d in &r.deployments {
        runbook(cx, d);
    }
    stale(cx);
    dates(cx);
    cx.check(&R9_COMMS, !r.communications.is_empty(), || {
        Fail::whole(at.field("communications"), "No communication of the release date is planned.".to_owned())
    });
    cx.each(
        &R15_DML,
        &r.deliverables,
        |d| blank(&d.dml_location) || blank(&d.checksum),
        |d| {
            let (field, what) = match (blank(&d.dml_location), blank(&d.checksum)) {
                (true, true) => ("dml_location", "no DML location and no checksum"),
                (true, false) => ("dml_location", "no DML location"),
                _ => ("checksum", "no checksum"),
            };
            Fail::new(at.item("deliverables", &d.id), field, format!("Deliverable “{}” has {what}.", d.name))
        },
        |n, d| {
            Fail::new(
                at.item("deliverables", &d.id),
                "dml_location",
                format!("{n} deliverables have no DML location or checksum yet."),
            )
        },
    );
    baseline(cx);
}

fn runbook(cx: &mut Ctx<'_, '_>, d: &Deployment) {
    let here = cx.here();
    let at = || here.item("deployments", &d.id);
    if d.steps.is_empty() {
        cx.check(&R3_RUNBOOK, false, || Fail::new(at(), "steps", format!("“{}” has no runbook steps.", d.name)));
        return;
    }
    let orphans = d.steps.iter().filter(|s| s.owner.is_none());
    let count = orphans.clone().count();
    let first: Option<&RunbookStep> = orphans.clone().next();
    cx.check(&R3_RUNBOOK, count == 0, || {
        let step = first.map_or_else(at, |s| at().item("steps", &s.id));
        let message = if count == 1 {
            format!("Runbook step {} of “{}” has no owner.", id_list(orphans.map(|s| &s.id)), d.name)
        } else {
            format!("{count} runbook steps of “{}” have no owner: {}.", d.name, id_list(orphans.map(|s| &s.id)))
        };
        Fail::new(step, "owner", message)
    });
}

/// Whether a deployment goes to a production environment.
fn to_production(ix: &Index<'_>, d: &Deployment) -> bool {
    ix.production.contains(&&d.environment)
}

/// R3: a production deployment whose day has passed while the release
/// has not reached Deployment.
fn stale(cx: &mut Ctx<'_, '_>) {
    cx.touch(&R3_STALE);
    if cx.reached(Phase::Deployment) {
        return;
    }
    let (r, ix, today, phase) = (cx.r, cx.ix, cx.today, cx.phase);
    for d in r.deployments.iter().filter(|d| d.window.end.date() < today && to_production(ix, d)) {
        let at = cx.here();
        cx.check(&R3_STALE, false, || {
            Fail::new(
                at.item("deployments", &d.id),
                "window",
                format!(
                    "“{}” was planned for {}, which has passed, but the release is still in {}.",
                    d.name,
                    day(d.window.start.date()),
                    phase.label()
                ),
            )
        });
    }
}

/// R9: the planned start and end of every working phase.
fn dates(cx: &mut Ctx<'_, '_>) {
    let plan = &cx.r.phases;
    let missing: Vec<Phase> = Phase::ALL
        .into_iter()
        .filter(|p| plan.get(*p).is_some_and(|d| d.planned_start.is_none() || d.planned_end.is_none()))
        .collect();
    let at = cx.here();
    cx.check(&R9_DATES, missing.is_empty(), || {
        let first = missing.first().copied().unwrap_or_default();
        let field =
            if plan.get(first).is_some_and(|d| d.planned_start.is_none()) { "planned_start" } else { "planned_end" };
        let names: Vec<&str> = missing.iter().map(|p| p.label()).collect();
        Fail::new(
            at.field("phases").field(PhasePlan::field_name(first).unwrap_or("planning")),
            field,
            format!(
                "No planned dates for {}, so the calendar and reports cannot show them.",
                super::scope::join_and(&names)
            ),
        )
    });
}

/// The first production deployment day, else the first deployment day.
pub fn first_deployment(ix: &Index<'_>, r: &Release) -> Option<Date> {
    let deps = &r.deployments;
    let prod = deps.iter().filter(|d| to_production(ix, d)).map(|d| d.window.start.date()).min();
    prod.or_else(|| deps.iter().map(|d| d.window.start.date()).min())
}

/// R6: the baseline of the affected configuration items.
fn baseline(cx: &mut Ctx<'_, '_>) {
    let (r, ix) = (cx.r, cx.ix);
    let at = cx.here();
    cx.check(&R6_ITEMS, !r.affected_items.is_empty(), || {
        Fail::whole(at.field("affected_items"), "No affected configuration items are listed.".to_owned())
    });
    cx.each(
        &R6_BASELINE,
        &r.affected_items,
        |a| blank(&a.baseline_version),
        |a| {
            let name = ci_name(ix, &a.config_item);
            Fail::new(
                at.item("affected_items", &a.id),
                "baseline_version",
                format!("{name} has no baseline version recorded."),
            )
        },
        |n, a| {
            Fail::new(
                at.item("affected_items", &a.id),
                "baseline_version",
                format!("{n} affected configuration items have no baseline version yet."),
            )
        },
    );
    let first = first_deployment(ix, r);
    match (r.baseline_recorded_on, first) {
        (None, _) if !r.affected_items.is_empty() => cx.check(&R6_BASELINE, false, || {
            Fail::new(at.path(), "baseline_recorded_on", "The day the baseline was recorded is not set.".to_owned())
        }),
        (Some(on), Some(first)) => cx.check(&R6_BASELINE, on <= first, || {
            Fail::new(
                at.path(),
                "baseline_recorded_on",
                format!("The baseline was recorded on {}, after the first deployment on {}.", day(on), day(first)),
            )
        }),
        _ => {}
    }
    cx.touch(&R6_COVERED);
    let mut seen: Vec<&crate::model::Id> = Vec::new();
    for d in &r.deployments {
        for ci in &d.config_items {
            if seen.contains(&ci) || r.affected_items.iter().any(|a| &a.config_item == ci) {
                continue;
            }
            seen.push(ci);
            let by: Vec<&Deployment> = r.deployments.iter().filter(|x| x.config_items.contains(ci)).collect();
            let name = ci_name(ix, ci);

            cx.check(&R6_COVERED, false, || {
                let deployments = match by.as_slice() {
                    [one] => format!("“{}” changes", one.name),
                    many => format!("{} deployments ({}) change", many.len(), id_list(many.iter().map(|x| &x.id))),
                };
                Fail::new(
                    at.item("deployments", &d.id),
                    "config_items",
                    format!("{deployments} {name}, which has no baseline among the affected items."),
                )
            });
        }
    }
}

/// A configuration item's name, or its id.
fn ci_name(ix: &Index<'_>, id: &crate::model::Id) -> String {
    ix.config_items.get(id).map_or_else(|| id.to_string(), |c| c.name.clone())
}
