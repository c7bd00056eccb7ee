//! The templates: each bundled one opens cleanly, holds one release of its
//! type shaped for that type and, fresh, gives the findings of an
//! unfinished plan of that type and nothing that makes no sense for it.
//! The user's own templates are saved, listed and used, and their names
//! cannot escape their folder.

use jiff::civil::{Date, date};
use relplan::check::rules::judge;
use relplan::check::{Finding, Severity, process_findings};
use relplan::model::{Book, ChangeAuthority, DeploymentMethod, EnvironmentKind, Phase, Release, Role};
use relplan::store::{parse, to_text};
use relplan::templates::{BUILTIN, find};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

/// The day the checks are run on: before every template's dates.
const TODAY: Date = date(2026, 11, 27);

/// Each template's name and the release type its release has.
const TYPES: [(&str, &str); 7] = [
    ("standard", "Major"),
    ("minor", "Minor"),
    ("patch", "Patch"),
    ("emergency", "Emergency"),
    ("security-patch", "Security patch"),
    ("hotfix", "Hotfix"),
    ("service-pack", "Service pack"),
];

fn template(name: &str) -> Book {
    let t = find(name).unwrap_or_else(|| panic!("there is a {name} template"));
    t.book().unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn release(book: &Book) -> &Release {
    &book.releases[0]
}

fn listed(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("  {f}\n")).collect()
}

fn rules(findings: &[Finding]) -> BTreeSet<&'static str> {
    findings.iter().map(|f| f.rule).collect()
}

fn production(book: &Book) -> Vec<&relplan::model::Deployment> {
    let r = release(book);
    r.deployments
        .iter()
        .filter(|d| book.environment(&d.environment).is_some_and(|e| e.kind == EnvironmentKind::Production))
        .collect()
}

#[test]
fn every_release_type_of_the_default_policy_has_a_template() {
    let names: Vec<&str> = BUILTIN.iter().map(|t| t.name).collect();
    assert_eq!(names, TYPES.map(|(n, _)| n));
    let standard = template("standard");
    let types: Vec<&str> = standard.policy.release_types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(types, TYPES.map(|(_, t)| t), "the default policy has the seven types");
    for (name, _) in TYPES {
        let book = template(name);
        assert_eq!(book.policy, standard.policy, "{name} has the default policy");
        assert_eq!(book.people, standard.people, "{name} has the placeholder people");
        assert_eq!(book.environments, standard.environments, "{name} has the placeholder environments");
    }
}

#[test]
fn every_template_opens_cleanly_with_one_release_of_its_type() {
    let mut summaries = BTreeSet::new();
    for ((name, kind), t) in TYPES.iter().zip(BUILTIN) {
        let parsed = parse(t.text.as_bytes(), Path::new(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(parsed.findings.is_empty(), "{name} has structural findings:\n{}", listed(&parsed.findings));
        let book = &parsed.book;
        assert_eq!(to_text(book).ok().as_deref(), Some(t.text), "{name} is in Relplan's own serialisation");
        assert_eq!(book.releases.len(), 1, "{name} holds one release");
        let r = release(book);
        assert_eq!(r.id.as_str(), "REL-1");
        assert_eq!(r.phase, Phase::Planning, "{name} starts in Planning");
        assert_eq!(book.release_type(&r.release_type).map(|t| t.name.as_str()), Some(*kind), "{name}'s type");
        assert!(summaries.insert(t.description()), "{name} has a one-line summary of its own");
        assert!(!r.milestones.is_empty() && !r.criteria.is_empty() && !r.approvals.is_empty(), "{name}");
        assert!(!r.communications.is_empty() && !r.backout.plan.is_empty(), "{name}");
        assert!(!production(book).is_empty(), "{name} deploys to production");
        assert!(r.deployments.iter().all(|d| !d.steps.is_empty()), "{name}: every deployment has a runbook");
        let risks: Vec<_> = book.risks_of(&r.id).collect();
        assert!(risks.len() >= 3, "{name} lists the typical risks of its type");
        assert_eq!(risks.len(), book.risks.len(), "{name}: every risk is linked to the release");
    }
}

#[test]
fn each_template_is_shaped_for_its_type() {
    let patch = template("patch");
    let r = release(&patch);
    assert!(r.deployments.iter().all(|d| d.method == DeploymentMethod::Automated), "a patch is deployed by pipeline");
    assert!(production(&patch).iter().all(|d| d.steps.len() <= 5), "a patch has a short runbook");
    assert_eq!(patch.changes[0].authority, ChangeAuthority::Standard, "a patch is a standard change");

    let security = template("security-patch");
    let r = release(&security);
    assert!(security.known_errors.iter().any(|k| k.reference.starts_with("CVE")), "a security patch is CVE-driven");
    assert_eq!(r.scope.resolves.len(), 1);
    assert!(r.milestones.iter().any(|m| m.name.contains("Expedited CAB")));
    assert!(r.criteria.iter().any(|c| c.description.contains("vulnerability scan")));
    let advisory = r.communications.iter().find(|c| c.channel == "Security advisory").expect("an advisory");
    let live = production(&security)[0].window.start.date();
    assert!(advisory.date.is_some_and(|d| d > live), "disclosed only once the fix is live");

    let hotfix = template("hotfix");
    let r = release(&hotfix);
    assert_eq!((r.scope.changes.len(), r.scope.resolves.len()), (1, 1), "a hotfix fixes one known error");
    assert!(production(&hotfix).iter().all(|d| d.method == DeploymentMethod::BlueGreen));
    assert!(r.backout.duration_minutes <= 10, "a hotfix backs out quickly");

    let pack = template("service-pack");
    let r = release(&pack);
    assert!(r.scope.changes.len() >= 2 && r.scope.resolves.len() >= 2, "a service pack bundles fixes");
    let waves = production(&pack);
    assert!(waves.len() >= 2 && waves.iter().all(|d| d.method == DeploymentMethod::Phased), "staged rollout");
    let testing = &r.phases.build_and_test;
    let weeks = testing.planned_start.zip(testing.planned_end).map(|(s, e)| (e - s).get_days() / 7);
    assert!(weeks.is_some_and(|w| w >= 4), "a service pack has long regression testing");
    assert!(!r.affected_items.is_empty(), "a service pack names the platform items it changes");

    let minor = template("minor");
    assert!(production(&minor).iter().any(|d| d.method == DeploymentMethod::Canary));
    assert!(release(&minor).criteria.iter().any(|c| c.description.contains("feature flag")));

    let emergency = template("emergency");
    let r = release(&emergency);
    assert!(emergency.release_type(&r.release_type).is_some_and(|t| t.emergency));
    assert_eq!(emergency.changes[0].authority, ChangeAuthority::Ecab);
    assert!(r.approvals.iter().any(|a| a.role == Some(Role::EcabMember)));
}

#[test]
fn fresh_templates_have_no_errors() {
    for (name, _) in TYPES {
        let findings = process_findings(&template(name), TODAY);
        let errors: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Error).cloned().collect();
        assert!(errors.is_empty(), "{name} has errors:\n{}", listed(&errors));
    }
}

#[test]
fn fresh_templates_show_what_an_unfinished_plan_still_needs() {
    for (name, _) in TYPES {
        let book = template(name);
        let findings = process_findings(&book, TODAY);
        let found = rules(&findings);
        // Criteria not met, go/no-go not signed, backout not tested,
        // schedule not agreed, deliverables not in the DML: all to come.
        for rule in ["R4", "R19", "R13", "R18", "R15"] {
            assert!(found.contains(rule), "{name} should mention {rule}:\n{}", listed(&findings));
        }
        // The change is not assessed: due before Build & Test, so a warning.
        assert!(
            findings.iter().any(|f| f.rule == "R10" && f.severity == Severity::Warning),
            "{name}: unassessed change:\n{}",
            listed(&findings)
        );
        let warnings: Vec<_> = findings.iter().filter(|f| f.severity == Severity::Warning).cloned().collect();
        assert!(
            warnings.iter().all(|f| f.rule == "R10"),
            "{name}: only the change assessment is pressing:\n{}",
            listed(&warnings)
        );
    }
}

#[test]
fn fresh_templates_show_nothing_that_makes_no_sense_for_a_plan() {
    // Type, links, deployment plan, naming, blackouts, dates and risks are
    // all in order; review, waivers and gate records belong to later phases.
    let never = ["R1", "R2", "R3", "R5", "R7", "R8", "R9", "R11", "R14", "R16", "R17", "R20", "G1"];
    for (name, _) in TYPES {
        let findings = process_findings(&template(name), TODAY);
        let wrong: Vec<_> = findings.iter().filter(|f| never.contains(&f.rule)).cloned().collect();
        assert!(wrong.is_empty(), "{name}:\n{}", listed(&wrong));
    }
}

#[test]
fn a_patch_needs_no_cab_authorisation() {
    let findings = process_findings(&template("patch"), TODAY);
    let asked: Vec<_> = findings.iter().filter(|f| f.path().ends_with(".authorisation")).cloned().collect();
    assert!(asked.is_empty(), "a standard change is pre-authorised:\n{}", listed(&asked));
    let cab = process_findings(&template("minor"), TODAY);
    assert!(cab.iter().any(|f| f.rule == "R10" && f.path().ends_with(".authorisation")), "{}", listed(&cab));
}

#[test]
fn the_emergency_template_takes_the_ecab_fast_path() {
    let fresh = process_findings(&template("emergency"), TODAY);
    assert!(!rules(&fresh).contains("R12"), "nothing about the fast path is due in Planning:\n{}", listed(&fresh));

    let approval_errors = |name: &str, phase: Phase| -> Vec<Finding> {
        let book = template(name);
        let j = judge(&book, release(&book), phase, TODAY);
        j.findings
            .into_iter()
            .map(|(f, _)| f)
            .filter(|f| {
                f.severity == Severity::Error && (f.path().contains("approvals") || f.path().contains("authorisation"))
            })
            .collect()
    };
    let emergency = approval_errors("emergency", Phase::Deployment);
    assert!(emergency.is_empty(), "ECAB approval may follow deployment:\n{}", listed(&emergency));
    assert!(!approval_errors("standard", Phase::Deployment).is_empty(), "a standard release needs approval first");
    let closing = approval_errors("emergency", Phase::Closed);
    assert!(closing.iter().any(|f| f.rule == "R12"), "ECAB approval is due before closure:\n{}", listed(&closing));
}

/// Tests that point `RELPLAN_CONFIG_DIR` at a folder of their own, one at a time.
static CONFIG_DIR: Mutex<()> = Mutex::new(());

mod user;
