//! R4 (acceptance criteria met and an approval recorded before
//! Deployment), R5 (waivers are recorded decisions), R19 (go/no-go signed)
//! and the approval side of R12 (an emergency release's ECAB approval may
//! follow deployment, but must come before closure).

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::model::{Approval, ApprovalDecision, CriterionStatus, Decision, DecisionKind, GoNoGoVerdict, Phase, Role};

/// R4: acceptance criteria defined.
pub static R4_DEFINED: Need = Need {
    rule: "R4",
    clause: "8.5.3 c",
    stage: Stage::Exit(Phase::Planning),
    cap: Severity::Error,
    label: "Acceptance criteria are defined",
    fix: "Write the acceptance criteria under “Acceptance criteria and approvals”.",
};

/// R4: each criterion met.
pub static R4_MET: Need = Need {
    rule: "R4",
    clause: "8.5.3 c",
    stage: Stage::Exit(Phase::BuildAndTest),
    cap: Severity::Error,
    label: "Every acceptance criterion is met",
    fix: "Mark the criterion met with its evidence, or waive it with a recorded waiver decision.",
};

/// R4: an approval recorded (who, role, when), none pending or rejected.
pub static R4_APPROVED: Need = Need {
    rule: "R4",
    clause: "8.5.3 c",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "Approved for deployment (who, role, when); no approval pending or rejected",
    fix: "Record each approver's decision, role and time under “Acceptance criteria and approvals”.",
};

/// R12: an emergency release's ECAB approval, before closure.
pub static R12_APPROVED: Need = Need {
    rule: "R12",
    clause: "8.5.1",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "Emergency: ECAB approval is recorded (may follow deployment)",
    fix: "Record the ECAB member's approval (who, role, when). On the fast path it may come after deployment, \
          but the release cannot close without it.",
};

/// R5: a waived criterion has a waiver decision.
pub static R5_WAIVER: Need = Need {
    rule: "R5",
    clause: "8.5.3 c",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "Waived criteria are covered by a recorded waiver decision",
    fix: "Record a Waiver decision: the rationale, who decided, who was informed.",
};

/// R5: the waiver decision is complete.
pub static R5_COMPLETE: Need = Need {
    rule: "R5",
    clause: "8.5.3 c",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "Each waiver records its rationale, who decided, when, and who was informed",
    fix: "Complete the waiver decision: rationale, decided by, when and the people informed.",
};

/// R5: the waiver's outcome, once deployed.
pub static R5_OUTCOME: Need = Need {
    rule: "R5",
    clause: "8.5.3 c",
    stage: Stage::Exit(Phase::ReviewAndClose),
    cap: Severity::Error,
    label: "Each waiver records its outcome",
    fix: "Record what came of the waiver in the decision's outcome.",
};

/// R19: the go/no-go checkpoint signed.
pub static R19_SIGNED: Need = Need {
    rule: "R19",
    clause: "ITIL",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "The go/no-go checkpoint is signed “Go”",
    fix: "Hold the go/no-go meeting and record the verdict, who signed it and when, under “Go/no-go”.",
};

/// R19: signed before deployment began.
pub static R19_BEFORE: Need = Need {
    rule: "R19",
    clause: "ITIL",
    stage: Stage::Always,
    cap: Severity::Warning,
    label: "The go/no-go was signed before deployment began",
    fix: "Check the signing time, or the day the Deployment phase started.",
};

/// R4, R5, R19 and R12's approval for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let at = cx.here();
    cx.check(&R4_DEFINED, !r.criteria.is_empty(), || {
        Fail::whole(at.field("criteria"), "No acceptance criteria are defined.".to_owned())
    });
    let unmet = |c: &crate::model::Criterion| matches!(c.status, CriterionStatus::Pending | CriterionStatus::NotMet);
    cx.each(
        &R4_MET,
        &r.criteria,
        unmet,
        |c| {
            let state = if c.status == CriterionStatus::NotMet { "is not met" } else { "is not assessed yet" };
            Fail::new(at.item("criteria", &c.id), "status", format!("{} “{}” {state}.", c.id, short(&c.description)))
        },
        |n, c| {
            Fail::new(
                at.item("criteria", &c.id),
                "status",
                format!("{n} of {} acceptance criteria are not met yet.", r.criteria.len()),
            )
        },
    );
    approvals(cx);
    waivers(cx);
    go_no_go(cx);
}

/// A text on one line, cut at a word boundary with "…" past a readable
/// length (a single very long word is cut where the length runs out).
fn short(s: &str) -> String {
    const MAX: usize = 90;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= MAX {
        return s;
    }
    let head: String = s.chars().take(MAX).collect();
    let cut = match head.rfind(' ') {
        Some(at) if at > MAX / 2 => &head[..at],
        _ => head.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.', '-', '—']))
}

fn given(a: &Approval) -> bool {
    matches!(a.decision, ApprovalDecision::Approved | ApprovalDecision::Conditional)
}

/// R4's approval, or R12's for an emergency release: approvers are
/// listed, each has given their approval with who, role and when, and (for
/// an emergency) one of them sits on the ECAB.
fn approvals(cx: &mut Ctx<'_, '_>) {
    let (r, ix) = (cx.r, cx.ix);
    let need = if cx.emergency { &R12_APPROVED } else { &R4_APPROVED };
    let at = cx.here();
    if r.approvals.is_empty() {
        cx.check(need, false, || {
            Fail::whole(at.field("approvals"), "No approvers are listed for this release.".to_owned())
        });
        return;
    }
    let open = |a: &Approval| !given(a) || a.person.is_none() || a.role.is_none() || a.at.is_none();
    cx.each(
        need,
        &r.approvals,
        open,
        |a| {
            let who = a.person.as_ref().map_or_else(
                || "someone".to_owned(),
                |id| ix.people.get(id).map_or_else(|| id.to_string(), |p| p.name.clone()),
            );
            let role = a.role.map_or(String::new(), |r| format!(" ({})", r.label()));
            let (field, message) = match a.decision {
                ApprovalDecision::Pending => ("decision", format!("The approval of {who}{role} is still pending.")),
                ApprovalDecision::Rejected => ("decision", format!("{who}{role} rejected the release.")),
                _ if a.person.is_none() => ("person", format!("Approval {} does not say who approved.", a.id)),
                _ if a.role.is_none() => ("role", format!("The approval of {who} does not say in which role.")),
                _ => ("at", format!("The approval of {who}{role} does not say when it was given.")),
            };
            Fail::new(at.item("approvals", &a.id), field, message)
        },
        |n, a| {
            Fail::new(
                at.item("approvals", &a.id),
                "decision",
                format!("{n} of {} approvals are still to be given.", r.approvals.len()),
            )
        },
    );
    if cx.emergency {
        let ecab = |a: &Approval| {
            a.role == Some(Role::EcabMember)
                || a.person.as_ref().and_then(|p| ix.people.get(p)).is_some_and(|p| p.roles.contains(&Role::EcabMember))
        };
        cx.check(need, r.approvals.iter().any(ecab), || {
            Fail::whole(
                at.field("approvals"),
                "Emergency release: no ECAB member is among the approvers. The ECAB's approval may follow the \
                 deployment, but must be recorded before the release is closed."
                    .to_owned(),
            )
        });
    }
}

/// Whether a waiver decision says why, who decided, when and who was told.
fn waiver_complete(d: &Decision) -> bool {
    !blank(&d.rationale) && d.decided_by.is_some() && d.decided_at.is_some() && !d.informed.is_empty()
}

/// R5: waived criteria and their decisions.
fn waivers(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let at = cx.here();
    let has_waiver = r.decisions.iter().any(|d| d.kind == DecisionKind::Waiver);
    cx.each(
        &R5_WAIVER,
        &r.criteria,
        |c| c.status == CriterionStatus::Waived && !has_waiver,
        |c| {
            Fail::new(
                at.item("criteria", &c.id),
                "status",
                format!("{} is waived, but no waiver decision records why, who decided and who was told.", c.id),
            )
        },
        |n, c| {
            Fail::new(
                at.item("criteria", &c.id),
                "status",
                format!("{n} criteria are waived without a recorded waiver decision."),
            )
        },
    );
    cx.touch(&R5_COMPLETE);
    cx.touch(&R5_OUTCOME);
    for d in r.decisions.iter().filter(|d| d.kind == DecisionKind::Waiver) {
        let dat = || at.item("decisions", &d.id);
        cx.check(&R5_COMPLETE, waiver_complete(d), || {
            let missing: Vec<(&'static str, &str)> = [
                (blank(&d.rationale), "rationale", "the rationale"),
                (d.decided_by.is_none(), "decided_by", "who decided"),
                (d.decided_at.is_none(), "decided_at", "when"),
                (d.informed.is_empty(), "informed", "who was informed"),
            ]
            .into_iter()
            .filter(|(gap, ..)| *gap)
            .map(|(_, f, w)| (f, w))
            .collect();
            let words: Vec<&str> = missing.iter().map(|(_, w)| *w).collect();
            let field = missing.first().map_or("rationale", |(f, _)| f);
            Fail::new(dat(), field, format!("Waiver {} does not record {}.", d.id, super::scope::join_and(&words)))
        });
        cx.check(&R5_OUTCOME, !blank(&d.outcome), || {
            Fail::new(dat(), "outcome", format!("Waiver {} does not record its outcome.", d.id))
        });
    }
}

/// R19: the go/no-go checkpoint.
fn go_no_go(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    let g = &r.go_no_go;
    let here = cx.here();
    let at = || here.field("go_no_go");
    let signed = g.verdict == Some(GoNoGoVerdict::Go) && g.signed_by.is_some() && g.signed_at.is_some();
    cx.check(&R19_SIGNED, signed, || match (g.verdict, g.scheduled) {
        (Some(GoNoGoVerdict::NoGo), _) => Fail::new(at(), "verdict", "The go/no-go verdict is “No-go”.".to_owned()),
        (Some(GoNoGoVerdict::Go), _) if g.signed_by.is_none() => {
            Fail::new(at(), "signed_by", "The “Go” verdict does not say who signed it.".to_owned())
        }
        (Some(GoNoGoVerdict::Go), _) => {
            Fail::new(at(), "signed_at", "The “Go” verdict does not say when it was signed.".to_owned())
        }
        (None, Some(when)) => Fail::new(
            at(),
            "verdict",
            format!(
                "The go/no-go meeting is scheduled for {}, but no verdict is signed yet.",
                when.to_zoned(jiff::tz::TimeZone::UTC).strftime("%a %-d %b %Y")
            ),
        ),
        (None, None) => Fail::new(at(), "verdict", "No go/no-go checkpoint is scheduled or signed yet.".to_owned()),
    });
    let began = r.phases.deployment.actual_start;
    if let (Some(signed_at), Some(began)) = (g.signed_at, began) {
        let signed_on = signed_at.to_zoned(jiff::tz::TimeZone::UTC).date();
        cx.check(&R19_BEFORE, signed_on <= began, || {
            Fail::new(
                at(),
                "signed_at",
                format!("The go/no-go was signed on {signed_on}, after deployment began on {began}."),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn a_long_criterion_is_cut_at_a_word_boundary() {
        let text = "All payment authorisation paths are tested end to end against the scheme simulators, \
                    including the fallback authorisation route";
        let cut = short(text);
        assert!(cut.ends_with('…'), "{cut}");
        let words = cut.trim_end_matches('…');
        assert!(text.starts_with(words), "{cut}");
        let next = text[words.len()..].chars().next();
        assert!(next.is_some_and(|c| !c.is_alphanumeric()), "cut between words: {cut}");
        assert!(words.chars().count() > 60, "most of the text is kept: {cut}");
    }

    #[test]
    fn a_short_criterion_is_whole_on_one_line() {
        assert_eq!(short("  Terminal test pack\n passes "), "Terminal test pack passes");
    }
}
