//! Where a finding is fixed, in the words of the screens: the section of
//! the release form, or the book's form.

use crate::check::Finding;
use crate::edit::Step;

/// "Acceptance criteria and approvals", "Book › Changes", ….
pub fn place(f: &Finding) -> &'static str {
    let steps = &f.at.0;
    fn name(s: &Step) -> &str {
        match s {
            Step::Field(n) | Step::Item(n, _) => n.as_str(),
        }
    }
    match steps.first().map(name) {
        None => "Book",
        Some("policy") => "Book › Policy",
        Some("changes") => "Book › Changes",
        Some("known_errors") => "Book › Known errors",
        Some("blackouts") => "Book › Blackouts",
        Some("environments") => "Book › Environments",
        Some("people") => "Book › People",
        Some("config_items") => "Book › Configuration items",
        Some("risks") => "Risks",
        Some("releases") => match steps.get(1).map(name) {
            None if f.field.as_deref() == Some("baseline_recorded_on") => "Deliverables and configuration items",
            None => "Overview",
            Some(section) => release_section(section),
        },
        Some(_) => "Book",
    }
}

fn release_section(part: &str) -> &'static str {
    match part {
        "scope" => "Scope and changes",
        "deliverables" | "affected_items" => "Deliverables and configuration items",
        "deployments" => "Deployments and runbook",
        "criteria" | "approvals" => "Acceptance criteria and approvals",
        "go_no_go" => "Go/no-go",
        "backout" => "Backout plan",
        "communications" | "agreements" => "Communications and stakeholders",
        "decisions" | "actions" => "Decisions and waivers",
        "review" => "Review and close",
        _ => "Overview",
    }
}
