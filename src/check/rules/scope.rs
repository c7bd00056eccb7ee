//! R2 (changes and known errors in scope), R10 (each change assessed and
//! authorised) and the change side of R12 (the emergency fast path: ECAB
//! authorisation may be recorded after deployment, but before closure).

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::edit::Path;
use crate::model::{ChangeAuthority, ChangeRequest, Outcome, Phase, ProblemStatus};

/// R2: linked to a change request.
pub static R2_CHANGE: Need = Need {
    rule: "R2",
    clause: "8.5.3",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "Linked to at least one change request (RFC)",
    fix: "Link the change request this release implements, in “Scope and changes”.",
};

/// R2: known errors shipped have a workaround.
pub static R2_WORKAROUND: Need = Need {
    rule: "R2",
    clause: "8.5.3",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Warning,
    label: "Known errors it ships with have a workaround",
    fix: "Document the workaround of the known error, so the service desk can help users.",
};

/// R2: problems a successful release resolved are marked resolved.
pub static R2_RESOLVED: Need = Need {
    rule: "R2",
    clause: "8.5.3",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Warning,
    label: "Known errors it resolved are marked resolved",
    fix: "Mark the known error resolved, or take it off the release's “resolves” list.",
};

/// R10: each change's risk and impact assessed.
pub static R10_ASSESSED: Need = Need {
    rule: "R10",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "Each linked change has its risk and impact assessed",
    fix: "Record the change's risk band, risk assessment and impact assessment (Book › Changes).",
};

/// R10: each change authorised before deployment.
pub static R10_AUTHORISED: Need = Need {
    rule: "R10",
    clause: "8.5.1",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "Each linked change is authorised by its change authority",
    fix: "Record the CAB's authorisation of the change: who signed it and when (Book › Changes).",
};

/// R10: authorised by the authority the change names.
pub static R10_AUTHORITY: Need = Need {
    rule: "R10",
    clause: "8.5.1",
    stage: Stage::Always,
    cap: Severity::Warning,
    label: "Each change is authorised by the authority it names",
    fix: "Check which body authorised the change and correct the change's authority or its authorisation.",
};

/// R12: an emergency release's changes authorised by the ECAB before closure.
pub static R12_AUTHORISED: Need = Need {
    rule: "R12",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "Emergency: each change's ECAB authorisation is recorded (may follow deployment)",
    fix: "Record the ECAB's authorisation of the change (who, when). On the fast path it may come after \
          deployment, but the release cannot close without it.",
};

/// R12: an emergency release's changes go to the ECAB.
pub static R12_ECAB: Need = Need {
    rule: "R12",
    clause: "8.5.1",
    stage: Stage::Always,
    cap: Severity::Warning,
    label: "Emergency: its changes go to the ECAB",
    fix: "Set the change's authority to ECAB, or use a non-emergency release type.",
};

/// R2, R10 and R12 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let here = cx.here();
    cx.check(&R2_CHANGE, !r.scope.changes.is_empty(), || {
        Fail::new(here.field("scope"), "changes", "The release is not linked to any change request (RFC).".to_owned())
    });
    for id in &r.scope.changes {
        if let Some(change) = cx.ix.changes.get(id).copied() {
            change_checks(cx, change);
        }
    }
    cx.touch(&R2_WORKAROUND);
    for id in &r.scope.ships_with {
        let Some(ke) = cx.ix.known_errors.get(id).copied() else { continue };
        cx.check(&R2_WORKAROUND, !blank(&ke.workaround), || {
            Fail::new(
                Path::root().item("known_errors", &ke.id),
                "workaround",
                format!("The release ships with {} “{}”, which has no documented workaround.", ke.reference, ke.title),
            )
        });
    }
    if cx.reached(Phase::ReviewAndClose) && r.review.outcome == Some(Outcome::Success) {
        cx.touch(&R2_RESOLVED);
        for id in &r.scope.resolves {
            let Some(ke) = cx.ix.known_errors.get(id).copied() else { continue };
            cx.check(&R2_RESOLVED, ke.status == ProblemStatus::Resolved, || {
                Fail::new(
                    Path::root().item("known_errors", &ke.id),
                    "status",
                    format!(
                        "The release resolved {} “{}”, but it is still open among the known errors.",
                        ke.reference, ke.title
                    ),
                )
            });
        }
    }
}

fn change_checks(cx: &mut Ctx<'_, '_>, c: &ChangeRequest) {
    let at = || Path::root().item("changes", &c.id);
    let rfc = || if blank(&c.rfc) { c.id.to_string() } else { c.rfc.clone() };
    let missing: Vec<(&'static str, &str)> = [
        (c.risk.is_none(), "risk", "no risk band"),
        (blank(&c.risk_assessment), "risk_assessment", "no risk assessment"),
        (blank(&c.impact_assessment), "impact_assessment", "no impact assessment"),
    ]
    .into_iter()
    .filter(|(gap, ..)| *gap)
    .map(|(_, field, words)| (field, words))
    .collect();
    cx.check(&R10_ASSESSED, missing.is_empty(), || {
        let words: Vec<&str> = missing.iter().map(|(_, w)| *w).collect();
        let field = missing.first().map_or("risk", |(f, _)| f);
        Fail::new(at(), field, format!("{} has {}.", rfc(), join_and(&words)))
    });
    if c.authority == ChangeAuthority::Standard {
        cx.touch(if cx.emergency { &R12_AUTHORISED } else { &R10_AUTHORISED });
        return;
    }
    let authorised = c.authorisation.as_ref().is_some_and(|a| a.by.is_some());
    if cx.emergency {
        cx.check(&R12_ECAB, c.authority == ChangeAuthority::Ecab, || {
            Fail::new(
                at(),
                "authority",
                format!(
                    "{} goes to the {}; an emergency release's changes are authorised by the ECAB.",
                    rfc(),
                    c.authority.label()
                ),
            )
        });
        cx.check(&R12_AUTHORISED, authorised, || {
            Fail::new(
                at(),
                "authorisation",
                format!(
                    "Emergency release: the ECAB's authorisation of {} is not recorded yet. It may follow the \
                     deployment, but must be recorded before the release is closed.",
                    rfc()
                ),
            )
        });
    } else {
        cx.check(&R10_AUTHORISED, authorised, || {
            let missing =
                if c.authorisation.is_some() { "does not say who authorised it" } else { "is not authorised yet" };
            Fail::new(at(), "authorisation", format!("{} {missing} ({} approval needed).", rfc(), c.authority.label()))
        });
    }
    if let Some(a) = &c.authorisation {
        cx.check(&R10_AUTHORITY, a.authority == c.authority, || {
            Fail::new(
                at(),
                "authorisation",
                format!(
                    "{} names the {} as its authority, but was authorised by the {}.",
                    rfc(),
                    c.authority.label(),
                    a.authority.label()
                ),
            )
        });
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and(words: &[&str]) -> String {
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
