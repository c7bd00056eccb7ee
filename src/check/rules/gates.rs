//! R16 (each phase has entry and exit criteria, and the gate shows which
//! are met): the record a gate leaves behind. Passing a gate records the
//! day each phase really ended and began; overriding a blocked gate leaves
//! a complete decision record.
//!
//! The criteria themselves are the other rules' needs; `crate::check::gate`
//! lists them for a phase change.

use super::context::{Ctx, Fail, Need, Stage, blank};
use crate::check::Severity;
use crate::model::{Decision, DecisionKind, Phase, PhasePlan};

/// R16: the gates passed are dated.
pub static R16_DATED: Need = Need {
    rule: "R16",
    clause: "ITIL",
    stage: Stage::Always,
    cap: Severity::Warning,
    label: "Each gate passed is dated (actual phase dates)",
    fix: "Record the actual end of each phase the release has left, and the actual start of the phases since.",
};

/// R16: overrides are complete decision records.
pub static R16_OVERRIDE: Need = Need {
    rule: "R16",
    clause: "ITIL",
    stage: Stage::Always,
    cap: Severity::Error,
    label: "Each gate override records who, role, when, why and who was informed",
    fix: "Complete the gate-override decision: who decided, in which role, when, the rationale and who was informed.",
};

/// Whether a gate override says who, in which role, when, why and who was told.
pub fn override_complete(d: &Decision) -> bool {
    d.decided_by.is_some()
        && d.role.is_some()
        && d.decided_at.is_some()
        && !blank(&d.rationale)
        && !d.informed.is_empty()
}

/// R16 for one release.
pub fn check(cx: &mut Ctx<'_, '_>) {
    let r = cx.r;
    cx.touch(&R16_DATED);
    // A gate being looked at will record these dates itself.
    if !cx.hypothetical() {
        for phase in Phase::ALL.into_iter().filter(|p| *p <= r.phase) {
            let (Some(dates), Some(field)) = (r.phases.get(phase), PhasePlan::field_name(phase)) else { continue };
            let at = cx.here();
            // Planning is not entered through a gate, so its start is optional.
            let entered = phase > Phase::Planning;
            let left = phase < r.phase;
            let missing = match (entered && dates.actual_start.is_none(), left && dates.actual_end.is_none()) {
                (_, true) => Some("actual_end"),
                (true, false) => Some("actual_start"),
                _ => None,
            };
            if let Some(missing) = missing {
                cx.check(&R16_DATED, false, || {
                    let what = if missing == "actual_end" { "ended" } else { "began" };
                    Fail::new(
                        at.field("phases").field(field),
                        missing,
                        format!(
                            "The release is in {}, but the day {} {what} is not recorded.",
                            r.phase.label(),
                            phase.label()
                        ),
                    )
                });
            }
        }
    }
    cx.touch(&R16_OVERRIDE);
    for d in r.decisions.iter().filter(|d| d.kind == DecisionKind::GateOverride) {
        let at = cx.here();
        cx.check(&R16_OVERRIDE, override_complete(d), || {
            let missing: Vec<(&'static str, &str)> = [
                (d.decided_by.is_none(), "decided_by", "who decided"),
                (d.role.is_none(), "role", "in which role"),
                (d.decided_at.is_none(), "decided_at", "when"),
                (blank(&d.rationale), "rationale", "why"),
                (d.informed.is_empty(), "informed", "who was informed"),
            ]
            .into_iter()
            .filter(|(gap, ..)| *gap)
            .map(|(_, f, w)| (f, w))
            .collect();
            let words: Vec<&str> = missing.iter().map(|(_, w)| *w).collect();
            let field = missing.first().map_or("rationale", |(f, _)| f);
            Fail::new(
                at.item("decisions", &d.id),
                field,
                format!("Gate override {} does not record {}.", d.id, super::scope::join_and(&words)),
            )
        });
    }
}
