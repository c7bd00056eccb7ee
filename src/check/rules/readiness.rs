//! R13 (a backout plan, and whether it was tested) and R18 (the schedule
//! agreed with each stakeholder).

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::model::Phase;

/// R13: a backout plan exists.
pub static R13_PLAN: Need = Need {
    rule: "R13",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "A backout / remediation plan exists",
    fix: "Write how the release is backed out under “Backout plan”.",
};

/// R13: the plan says what triggers it.
pub static R13_TRIGGER: Need = Need {
    rule: "R13",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Warning,
    label: "The backout plan says what triggers it",
    fix: "Write the conditions that trigger a backout under “Backout plan”.",
};

/// R13: the plan was tested, when the policy requires it.
pub static R13_TESTED: Need = Need {
    rule: "R13",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "The backout plan was tested (the policy requires it)",
    fix: "Rehearse the backout, then mark it tested with the date under “Backout plan”.",
};

/// R13: an untested plan, where the policy allows it.
pub static R13_UNTESTED: Need = Need {
    rule: "R13",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Info,
    label: "The backout plan was tested",
    fix: "Rehearse the backout if you can, then mark it tested with the date.",
};

/// R13: a tested plan says when.
pub static R13_TESTED_ON: Need = Need {
    rule: "R13",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Warning,
    label: "A tested backout says when it was tested",
    fix: "Record the day the backout was tested.",
};

/// R18: the schedule agreed with stakeholders.
pub static R18_AGREED: Need = Need {
    rule: "R18",
    clause: "ITIL",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "The release schedule is agreed with each stakeholder",
    fix: "Record each stakeholder's agreement of the schedule, with the date, under “Communications and \
          stakeholders”.",
};

/// R18: agreements say when.
pub static R18_DATED: Need = Need {
    rule: "R18",
    clause: "ITIL",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Warning,
    label: "Each agreement says when it was given",
    fix: "Record the day the stakeholder agreed.",
};

/// R13 and R18 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let b = &r.backout;
    let here = cx.here();
    let at = || here.field("backout");
    cx.check(&R13_PLAN, !blank(&b.plan), || {
        Fail::new(at(), "plan", "There is no backout / remediation plan.".to_owned())
    });
    cx.check(&R13_TRIGGER, !blank(&b.trigger), || {
        Fail::new(at(), "trigger", "The backout plan does not say what triggers a backout.".to_owned())
    });
    let required = cx.book.policy.gates.require_tested_backout;
    let need = if required { &R13_TESTED } else { &R13_UNTESTED };
    cx.check(need, b.tested, || {
        let why = if required { " The policy requires a tested backout before Deployment." } else { "" };
        Fail::new(at(), "tested", format!("The backout plan has not been tested.{why}"))
    });
    if b.tested {
        cx.check(&R13_TESTED_ON, b.tested_on.is_some(), || {
            Fail::new(at(), "tested_on", "The backout is marked tested, but not when.".to_owned())
        });
    }
    cx.check(&R18_AGREED, !r.agreements.is_empty(), || {
        Fail::whole(here.field("agreements"), "No stakeholder has agreed the release schedule yet.".to_owned())
    });
    let ix = cx.ix;
    let name = |a: &crate::model::Agreement| {
        a.stakeholder.as_ref().map_or_else(
            || "A stakeholder".to_owned(),
            |id| ix.people.get(id).map_or_else(|| id.to_string(), |p| p.name.clone()),
        )
    };
    cx.each(
        &R18_AGREED,
        &r.agreements,
        |a| !a.agreed || a.stakeholder.is_none(),
        |a| {
            let aat = here.item("agreements", &a.id);
            match a.stakeholder {
                None => Fail::new(aat, "stakeholder", format!("Agreement {} does not name its stakeholder.", a.id)),
                Some(_) => Fail::new(aat, "agreed", format!("{} has not agreed the schedule yet.", name(a))),
            }
        },
        |n, a| {
            Fail::new(
                here.item("agreements", &a.id),
                "agreed",
                format!("{n} stakeholders have not agreed the schedule yet."),
            )
        },
    );
    cx.each(
        &R18_DATED,
        &r.agreements,
        |a| a.agreed && a.on.is_none(),
        |a| {
            Fail::new(
                here.item("agreements", &a.id),
                "on",
                format!("{} agreed the schedule, but the date is not recorded.", name(a)),
            )
        },
        |n, a| Fail::new(here.item("agreements", &a.id), "on", format!("{n} agreements are not dated.")),
    );
}
