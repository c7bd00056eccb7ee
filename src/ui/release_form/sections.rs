//! The form's sections, the order they come in for each phase, and which
//! section a finding belongs to.
//!
//! Pure data and functions, no drawing, so the phase ordering is unit-tested.

use crate::check::Finding;
use crate::edit::Step;
use crate::model::{Id, Phase};

/// One collapsible part of the release form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Name, type, owner, phase dates, milestones.
    Overview,
    /// Linked changes and known errors.
    Scope,
    /// Deliverables, affected configuration items, baseline.
    Deliverables,
    /// Deployments and their runbooks.
    Deployments,
    /// Acceptance criteria and approvals.
    Acceptance,
    /// The go/no-go checkpoint.
    GoNoGo,
    /// The backout plan.
    Backout,
    /// Communications and stakeholder agreements.
    Communications,
    /// Decisions and waivers.
    Decisions,
    /// The release's risks.
    Risks,
    /// The post-implementation review.
    Review,
}

/// How many sections at the top of the order open by default.
pub const OPEN_BY_DEFAULT: usize = 3;

impl Section {
    /// Every section, in the order of the plan document.
    pub const ALL: [Section; 11] = [
        Section::Overview,
        Section::Scope,
        Section::Deliverables,
        Section::Deployments,
        Section::Acceptance,
        Section::GoNoGo,
        Section::Backout,
        Section::Communications,
        Section::Decisions,
        Section::Risks,
        Section::Review,
    ];

    /// The section's title.
    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Scope => "Scope and changes",
            Section::Deliverables => "Deliverables and configuration items",
            Section::Deployments => "Deployments and runbook",
            Section::Acceptance => "Acceptance criteria and approvals",
            Section::GoNoGo => "Go/no-go",
            Section::Backout => "Backout plan",
            Section::Communications => "Communications and stakeholders",
            Section::Decisions => "Decisions and waivers",
            Section::Risks => "Risks",
            Section::Review => "Review and close",
        }
    }

    /// A short stable key, used in widget ids.
    pub fn key(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Scope => "scope",
            Section::Deliverables => "deliverables",
            Section::Deployments => "deployments",
            Section::Acceptance => "acceptance",
            Section::GoNoGo => "go_no_go",
            Section::Backout => "backout",
            Section::Communications => "communications",
            Section::Decisions => "decisions",
            Section::Risks => "risks",
            Section::Review => "review",
        }
    }
}

/// The sections that matter most in a phase, most important first.
fn focus(phase: Phase) -> &'static [Section] {
    use Section as S;
    match phase {
        Phase::Planning => &[S::Overview, S::Scope, S::Deployments, S::Risks, S::Communications],
        Phase::BuildAndTest => &[S::Deliverables, S::Acceptance, S::Risks, S::Backout],
        Phase::Deployment => &[S::GoNoGo, S::Deployments, S::Backout, S::Acceptance],
        Phase::ReviewAndClose | Phase::Closed => &[S::Review, S::Decisions],
    }
}

/// Every section in the order shown for a phase: the phase's focus first,
/// then the rest in document order.
pub fn order_for(phase: Phase) -> Vec<Section> {
    let first = focus(phase);
    first.iter().copied().chain(Section::ALL.into_iter().filter(|s| !first.contains(s))).collect()
}

/// The section where a finding's place is edited, if it is in this release
/// or in one of the book's risks.
pub fn section_of(finding: &Finding, release: &Id) -> Option<Section> {
    section_at(&finding.at, finding.field.as_deref(), release)
}

/// The section where the record at `at` (and its `field`) is edited, if it
/// is in this release or in one of the book's risks.
pub fn section_at(at: &crate::edit::Path, field: Option<&str>, release: &Id) -> Option<Section> {
    let steps = &at.0;
    match steps.first()? {
        Step::Item(list, _) if list == "risks" => return Some(Section::Risks),
        Step::Item(list, id) if list == "releases" && id == release => {}
        _ => return None,
    }
    let Some(next) = steps.get(1) else {
        return Some(match field {
            Some("baseline_recorded_on") => Section::Deliverables,
            _ => Section::Overview,
        });
    };
    let name = match next {
        Step::Field(name) | Step::Item(name, _) => name.as_str(),
    };
    Some(match name {
        "scope" => Section::Scope,
        "deliverables" | "affected_items" => Section::Deliverables,
        "deployments" => Section::Deployments,
        "criteria" | "approvals" => Section::Acceptance,
        "go_no_go" => Section::GoNoGo,
        "backout" => Section::Backout,
        "communications" | "agreements" => Section::Communications,
        "decisions" | "actions" => Section::Decisions,
        "review" => Section::Review,
        _ => Section::Overview,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;
    use crate::edit::Path;

    #[test]
    fn every_phase_shows_every_section_once() {
        for phase in Phase::ALL {
            let order = order_for(phase);
            assert_eq!(order.len(), Section::ALL.len(), "{phase:?}");
            for s in Section::ALL {
                assert_eq!(order.iter().filter(|x| **x == s).count(), 1, "{phase:?} {s:?}");
            }
        }
    }

    #[test]
    fn the_phase_focus_comes_first() {
        assert_eq!(order_for(Phase::Planning)[0], Section::Overview);
        assert_eq!(order_for(Phase::BuildAndTest)[0], Section::Deliverables);
        assert_eq!(order_for(Phase::Deployment)[0], Section::GoNoGo);
        assert_eq!(order_for(Phase::Closed)[0], Section::Review);
    }

    #[test]
    fn findings_map_to_their_section() {
        let rel = Id::from("REL-3");
        let finding = |at: Path, field: Option<&str>| Finding {
            rule: "R3",
            clause: "",
            severity: Severity::Warning,
            release: Some(rel.clone()),
            at,
            field: field.map(Into::into),
            message: String::new(),
            position: None,
        };
        let base = Path::root().item("releases", &rel);
        let dep = base.clone().item("deployments", &Id::from("DEP-1")).item("steps", &Id::from("STEP-2"));
        assert_eq!(section_of(&finding(dep, None), &rel), Some(Section::Deployments));
        assert_eq!(section_of(&finding(base.clone(), Some("baseline_recorded_on")), &rel), Some(Section::Deliverables));
        assert_eq!(section_of(&finding(base.clone().field("go_no_go"), None), &rel), Some(Section::GoNoGo));
        assert_eq!(section_of(&finding(base, Some("name")), &rel), Some(Section::Overview));
        let other = Path::root().item("releases", &Id::from("REL-4"));
        assert_eq!(section_of(&finding(other, None), &rel), None);
    }
}
