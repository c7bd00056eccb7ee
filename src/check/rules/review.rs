//! R7 (success or failure, and incidents in the early-life-support
//! window), R8 (conclusions and improvement actions), R11 (the
//! post-implementation review is held) and R20 (it is complete before the
//! release closes).

use super::context::{Ctx, Fail, Need, Stage, blank, day};
use crate::check::Severity;
use crate::model::{Outcome, Phase, Release};
use jiff::civil::Date;

/// R7: the outcome recorded.
pub static R7_OUTCOME: Need = Need {
    rule: "R7",
    clause: "8.5.3 e",
    stage: Stage::Exit(Phase::Deployment),
    cap: Severity::Error,
    label: "Success or failure of the deployment is recorded",
    fix: "Record the outcome (success, partial success, failed) under “Review and close”.",
};

/// R7: incidents counted in the early-life-support window.
pub static R7_INCIDENTS: Need = Need {
    rule: "R7",
    clause: "8.5.3 e",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Warning,
    label: "Incidents are counted within the early-life-support window",
    fix: "Give each incident the day it was raised; remove those outside the early-life-support window.",
};

/// R7: the review waits for early life support to end.
pub static R7_ELS: Need = Need {
    rule: "R7",
    clause: "8.5.3 e",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Warning,
    label: "The review is completed after early life support ends",
    fix: "Complete the review once the early-life-support window is over, so every incident in it is counted.",
};

/// R8: conclusions recorded.
pub static R8_CONCLUSIONS: Need = Need {
    rule: "R8",
    clause: "8.5.3 f",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "Review conclusions are recorded",
    fix: "Write what was learned under “Review and close”.",
};

/// R8: improvement actions after a partial success or failure.
pub static R8_ACTIONS: Need = Need {
    rule: "R8",
    clause: "8.5.3 f",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "Improvement actions are recorded",
    fix: "Add the improvement actions the review agreed under “Review and close”.",
};

/// R8: a successful release may have nothing to improve, but usually has.
pub static R8_ACTIONS_SUCCESS: Need = Need {
    rule: "R8",
    clause: "8.5.3 f",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Info,
    label: "Improvement actions are considered",
    fix: "Add any improvement actions the review agreed, or note in the conclusions that none are needed.",
};

/// R11: the post-implementation review held.
pub static R11_HELD: Need = Need {
    rule: "R11",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "The post-implementation review is done",
    fix: "Hold the post-implementation review and record the day it was completed.",
};

/// R11: the review date makes sense.
pub static R11_DATE: Need = Need {
    rule: "R11",
    clause: "8.5.1",
    stage: Stage::Always,
    cap: Severity::Warning,
    label: "The review is dated after deployment and not in the future",
    fix: "Correct the day the review was completed.",
};

/// R20: improvement actions owned and dated.
pub static R20_COMPLETE: Need = Need {
    rule: "R20",
    clause: "ITIL",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "The review is complete: every open action has an owner and a due date",
    fix: "Give each open improvement action an owner and a due date before closing the release.",
};

/// The early-life-support window: from the start of deployment to the
/// policy's number of days after its end.
fn els_window(r: &Release, days: u16) -> Option<(Date, Date)> {
    let p = &r.phases.deployment;
    let start = p.actual_start.or(p.planned_start)?;
    let end = p.actual_end.or(p.planned_end).unwrap_or(start);
    let last = end.checked_add(jiff::SignedDuration::from_hours(24 * i64::from(days))).ok()?;
    Some((start, last))
}

/// R7, R8, R11 and R20 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let rv = &r.review;
    let here = cx.here();
    let at = || here.field("review");
    cx.check(&R7_OUTCOME, rv.outcome.is_some(), || {
        Fail::new(at(), "outcome", "Whether the release succeeded or failed is not recorded.".to_owned())
    });
    let window = els_window(r, cx.book.policy.gates.early_life_support_days);
    cx.touch(&R7_INCIDENTS);
    for i in &rv.incidents {
        let iat = || at().item("incidents", &i.id);
        let name = if blank(&i.reference) { i.id.to_string() } else { i.reference.clone() };
        match (i.raised_on, window) {
            (None, _) => cx.check(&R7_INCIDENTS, false, || {
                Fail::new(iat(), "raised_on", format!("Incident {name} has no date, so it cannot be counted."))
            }),
            (Some(on), Some((from, to))) => cx.check(&R7_INCIDENTS, (from..=to).contains(&on), || {
                Fail::new(
                    iat(),
                    "raised_on",
                    format!(
                        "Incident {name} was raised on {}, outside the early-life-support window ({} to {}).",
                        day(on),
                        day(from),
                        day(to)
                    ),
                )
            }),
            (Some(_), None) => {}
        }
    }
    cx.touch(&R7_ELS);
    if let (Some(done), Some((_, to))) = (rv.completed_on, window) {
        cx.check(&R7_ELS, done >= to, || {
            Fail::new(
                at(),
                "completed_on",
                format!(
                    "The review was completed on {}, before early life support ended on {}; later incidents were not \
                     counted.",
                    day(done),
                    day(to)
                ),
            )
        });
    }
    cx.check(&R8_CONCLUSIONS, !blank(&rv.conclusions), || {
        Fail::new(at(), "conclusions", "The review's conclusions are not recorded.".to_owned())
    });
    let need = match rv.outcome {
        Some(Outcome::Partial | Outcome::Failed) => &R8_ACTIONS,
        _ => &R8_ACTIONS_SUCCESS,
    };
    cx.check(need, !rv.actions.is_empty(), || {
        let why = match rv.outcome {
            Some(o @ (Outcome::Partial | Outcome::Failed)) => {
                format!(" after a “{}” outcome", o.label().to_lowercase())
            }
            _ => String::new(),
        };
        Fail::whole(at().field("actions"), format!("No improvement actions are recorded{why}."))
    });
    cx.check(&R11_HELD, rv.completed_on.is_some(), || {
        Fail::new(at(), "completed_on", "The post-implementation review has not been completed.".to_owned())
    });
    if let Some(done) = rv.completed_on {
        let deployed = r.phases.deployment.actual_end.or(r.phases.deployment.actual_start);
        let (early, future) = (deployed.is_some_and(|d| done < d), done > cx.today);
        cx.check(&R11_DATE, !early && !future, || {
            let message = if future {
                format!("The review is dated {}, which is still to come.", day(done))
            } else {
                format!("The review is dated {}, before the deployment it reviews.", day(done))
            };
            Fail::new(at(), "completed_on", message)
        });
    }
    cx.each(
        &R20_COMPLETE,
        &rv.actions,
        |a| !a.done && (a.owner.is_none() || a.due.is_none()),
        |a| {
            let (field, what) = match (a.owner.is_none(), a.due.is_none()) {
                (true, true) => ("owner", "no owner and no due date"),
                (true, false) => ("owner", "no owner"),
                _ => ("due", "no due date"),
            };
            Fail::new(at().item("actions", &a.id), field, format!("Improvement action “{}” has {what}.", a.title))
        },
        |n, a| {
            Fail::new(
                at().item("actions", &a.id),
                "owner",
                format!("{n} open improvement actions have no owner or due date."),
            )
        },
    );
}
