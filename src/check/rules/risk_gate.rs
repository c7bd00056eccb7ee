//! G1, the risk gate: a release cannot enter Deployment while one of its
//! risks that is not closed has a residual score in the policy's gate band
//! or above, unless a risk-acceptance decision records who accepted it, why
//! and when.
//!
//! Scores and bands are the register's own ([`crate::risk::score_of`]):
//! positions are clamped to the policy's scale, so a risk the register
//! shows as "9 · High" on a 3 × 3 scale is judged as 9, never as the 25 its
//! stored 5 × 5 position would give.
//!
//! A decision has no list of the risks it accepts, so it names them in its
//! words:
//! - by id (such as `RISK-12`) in its title, rationale or outcome, as a
//!   whole token: `RISK-12` does not name `RISK-1`;
//! - or, when it names no risk id at all, by the risk's full title in the
//!   decision's title, as a whole phrase (not inside a longer word), case
//!   and spacing aside.
//!
//! A decision naming no risk accepts none, so that accepting one thing never
//! waves through another.

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::edit::Path;
use crate::model::{Decision, DecisionKind, Id, IdKind, Phase, Release, Risk, RiskPolicy, RiskStatus};
use crate::risk::{Which, score_of};

/// G1: high residual risks accepted before Deployment.
pub static G1_ACCEPTED: Need = Need {
    rule: "G1",
    clause: "8.5.3 c",
    stage: Stage::Entry(Phase::Deployment),
    cap: Severity::Error,
    label: "No open risk at or above the gate band without a recorded acceptance",
    fix: "Treat the risk further to lower its residual score, or record a Risk acceptance decision that names its id \
          (who accepted it, why and when): \"Record risk acceptance\" on the risk's card in the release's Risks \
          section starts one.",
};

/// Whether `c` continues an id such as `RISK-12` (so a match ending or
/// starting beside it is part of a longer id).
fn joins_id(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Whether `needle` occurs in `hay` with no character on either side for
/// which `joins` holds. Both are already lowercased.
fn occurs_whole(hay: &str, needle: &str, joins: fn(char) -> bool) -> bool {
    !needle.is_empty()
        && hay.match_indices(needle).any(|(at, _)| {
            let before = hay[..at].chars().next_back();
            let after = hay[at + needle.len()..].chars().next();
            !before.is_some_and(joins) && !after.is_some_and(joins)
        })
}

/// Lowercase, with every run of white space made one space.
fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The decision's words, lowercased: title, rationale and outcome.
fn words(d: &Decision) -> [String; 3] {
    [plain(&d.title), plain(&d.rationale), plain(&d.outcome)]
}

/// Whether the words name a risk id (`RISK-` and digits) as a whole token.
fn names_any_risk(words: &[String; 3]) -> bool {
    let prefix = format!("{}-", IdKind::Risk.prefix().to_lowercase());
    words.iter().any(|w| {
        w.match_indices(&prefix).any(|(at, _)| {
            let rest = &w[at + prefix.len()..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let before = w[..at].chars().next_back();
            let after = rest[digits..].chars().next();
            digits > 0 && !before.is_some_and(joins_id) && !after.is_some_and(joins_id)
        })
    })
}

/// Whether a decision names this risk: by id, or by title when it names no id.
fn names(d: &Decision, risk: &Risk) -> bool {
    let words = words(d);
    let id = risk.id.as_str().trim().to_lowercase();
    if words.iter().any(|w| occurs_whole(w, &id, joins_id)) {
        return true;
    }
    !names_any_risk(&words) && occurs_whole(&words[0], &plain(&risk.title), char::is_alphanumeric)
}

/// What a risk-acceptance decision still lacks of who, why and when, in
/// words; empty when it is complete.
pub fn acceptance_missing(d: &Decision) -> Vec<&'static str> {
    let mut out = Vec::new();
    if d.decided_by.is_none() {
        out.push("who accepted it");
    }
    if blank(&d.rationale) {
        out.push("why (the rationale)");
    }
    if d.decided_at.is_none() {
        out.push("when");
    }
    out
}

/// Whether a decision accepts this risk: who, why and when, naming it.
fn accepts(d: &Decision, risk: &Risk) -> bool {
    d.kind == DecisionKind::RiskAcceptance && acceptance_missing(d).is_empty() && names(d, risk)
}

/// Whether a risk is held at the gate into Deployment: not closed, with a
/// residual score in the policy's gate band or above.
pub fn held_at_gate(risk: &Risk, policy: &RiskPolicy) -> bool {
    risk.status != RiskStatus::Closed && crate::risk::band_of(risk, Which::Residual, policy) >= policy.gate_band
}

/// The decision of `release` that accepts `risk`, if one does.
pub fn acceptance<'a>(release: &'a Release, risk: &Risk) -> Option<&'a Decision> {
    release.decisions.iter().find(|d| accepts(d, risk))
}

/// A risk-acceptance decision of `release` that names `risk` but does not
/// yet say who, why or when (so it accepts nothing yet).
pub fn unfinished_acceptance<'a>(release: &'a Release, risk: &Risk) -> Option<&'a Decision> {
    release.decisions.iter().find(|d| d.kind == DecisionKind::RiskAcceptance && names(d, risk) && !accepts(d, risk))
}

/// A new risk-acceptance decision that names `risk` by id and title,
/// decided by `by` at `now`; only the rationale is left to write.
pub fn acceptance_draft(id: Id, risk: &Risk, by: Option<Id>, now: jiff::Timestamp) -> Decision {
    let title = if blank(&risk.title) {
        format!("Accept {} for Deployment", risk.id)
    } else {
        format!("Accept {} “{}” for Deployment", risk.id, risk.title.trim())
    };
    Decision {
        id,
        kind: DecisionKind::RiskAcceptance,
        title,
        decided_by: by,
        decided_at: Some(now),
        ..Decision::default()
    }
}

/// G1 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    cx.touch(&G1_ACCEPTED);
    let (r, ix) = (cx.r, cx.ix);
    let Some(risks) = ix.gated_risks.get(&r.id) else { return };
    let policy = cx.book.policy.risk;
    for risk in risks {
        let score = score_of(risk, Which::Residual, &policy);
        let band = policy.band(score);
        let ok = r.decisions.iter().any(|d| accepts(d, risk));
        let at = Path::root().item("risks", &risk.id);
        cx.check(&G1_ACCEPTED, ok, || {
            Fail::new(
                at,
                "residual_likelihood",
                format!(
                    "{} “{}” has a residual score of {score} ({}), at or above the gate band ({}); it blocks \
                     Deployment until a risk-acceptance decision names it and records who accepted it, why and \
                     when.",
                    risk.id,
                    risk.title,
                    band.label(),
                    policy.gate_band.label()
                ),
            )
        });
    }
}
