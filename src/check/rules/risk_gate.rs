//! G1, the risk gate: a release cannot enter Deployment while one of its
//! risks that is not closed has a residual score in the policy's gate band
//! or above, unless a risk-acceptance decision records who accepted it, why
//! and when.
//!
//! A risk-acceptance decision accepts the risks it names, by id (such as
//! `RISK-12`) or by title, in its title, rationale or outcome; a decision
//! naming no risk accepts none, so that accepting one thing never waves
//! through another.

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::edit::Path;
use crate::model::{Decision, DecisionKind, Phase, Risk};

/// G1: high residual risks accepted before Deployment.
pub static G1_ACCEPTED: Need = Need {
    rule: "G1",
    clause: "8.5.3 c",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "No open risk at or above the gate band without a recorded acceptance",
    fix: "Treat the risk further to lower its residual score, or record a Risk acceptance decision that names it \
          (who accepted it, why and when).",
};

/// Whether the decision's words name `text` (ignoring case).
fn mentions(d: &Decision, text: &str) -> bool {
    let text = text.trim().to_lowercase();
    !text.is_empty() && [&d.title, &d.rationale, &d.outcome].iter().any(|f| f.to_lowercase().contains(&text))
}

/// Whether a decision accepts this risk: who, why and when, naming it.
fn accepts(d: &Decision, risk: &Risk) -> bool {
    let complete = d.decided_by.is_some() && d.decided_at.is_some() && !blank(&d.rationale);
    d.kind == DecisionKind::RiskAcceptance && complete && (mentions(d, risk.id.as_str()) || mentions(d, &risk.title))
}

/// G1 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    cx.touch(&G1_ACCEPTED);
    let (r, ix) = (cx.r, cx.ix);
    let Some(risks) = ix.gated_risks.get(&r.id) else { return };
    let policy = cx.book.policy.risk;
    for risk in risks {
        let score = risk.residual_score();
        let band = policy.band(score);
        let ok = r.decisions.iter().any(|d| accepts(d, risk));
        let at = Path::root().item("risks", &risk.id);
        cx.check(&G1_ACCEPTED, ok, || {
            Fail::new(
                at,
                "residual_likelihood",
                format!(
                    "{} “{}” has a residual score of {score} ({}), at or above the gate band ({}); it blocks \
                     Deployment until a risk-acceptance decision records who accepted it, why and when.",
                    risk.id,
                    risk.title,
                    band.label(),
                    policy.gate_band.label()
                ),
            )
        });
    }
}
