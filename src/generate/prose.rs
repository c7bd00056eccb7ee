//! Phrase fragments that the generator combines into the prose of a book.
//!
//! Fragments may hold `{ci}` (a component name), `{area}` (a service
//! area) and `{env}` (an environment), which [`fill`] replaces.

/// What a release does (third person) and what a change asks for (imperative).
pub const VERBS: &[(&str, &str)] = &[
    ("Adds", "Add"),
    ("Reworks", "Rework"),
    ("Fixes", "Fix"),
    ("Speeds up", "Speed up"),
    ("Hardens", "Harden"),
    ("Simplifies", "Simplify"),
    ("Extends", "Extend"),
    ("Replaces", "Replace"),
];

/// Features a release or change touches.
pub const FEATURES: &[&str] = &[
    "refund handling in {ci}",
    "the 3-D Secure challenge flow",
    "statement export to PDF and CSV",
    "retry logic for card authorisations",
    "session timeout handling",
    "the nightly settlement reconciliation",
    "address lookup on the sign-up form",
    "push notification preferences",
    "audit logging of admin actions",
    "the {ci} connection pool",
    "currency rounding in invoices",
    "the customer consent screens",
    "rate limiting at the edge gateway",
    "search ranking for saved payees",
    "TLS certificate rotation for {ci}",
    "the fraud rules engine thresholds",
];

/// Why it matters.
pub const BENEFITS: &[&str] = &[
    "to cut calls to the service desk",
    "to meet the new PSD2 reporting rules",
    "so that peak-hour latency stays under 300 ms",
    "to close findings from the last penetration test",
    "so that month-end close finishes before 06:00",
    "at the request of the {area} product owner",
    "to retire an unsupported library version",
    "to reduce failed payments at checkout",
];

/// Scope notes.
pub const SCOPE_NOTES: &[&str] = &[
    "Out of scope: UI copy changes, tracked for the next minor release.",
    "Database schema changes are backward compatible for one release.",
    "Mobile clients need no update; the API stays at v2.",
    "Feature flags keep the new paths dark until business sign-off.",
    "No change to the DR topology; replication is verified after cut-over.",
];

/// Known error titles.
pub const KE_TITLES: &[&str] = &[
    "{ci} times out under peak load",
    "Duplicate notifications after retry in {ci}",
    "Memory leak in {ci} after 48 hours",
    "Rounding error on multi-currency totals",
    "Login loop when the session cookie expires",
    "Batch job {ci} overruns on month-end",
    "Stale cache entries after a price change",
    "Intermittent 502 from {ci} behind the gateway",
];

/// Workarounds.
pub const WORKAROUNDS: &[&str] = &[
    "Restart the affected pod during the next quiet period.",
    "Service desk re-submits the transaction by hand.",
    "Flush the cache key from the ops console.",
    "Rerun the job with the --resume flag.",
    "No workaround; customers are asked to retry.",
];

/// Milestone names, in schedule order.
pub const MILESTONES: &[&str] =
    &["Scope agreed", "Code freeze", "Test exit", "Go/no-go", "Production deployment", "Early life support ends"];

/// Runbook steps: title and notes, in runbook order.
pub const STEPS: &[(&str, &str)] = &[
    ("Open bridge call and confirm readiness", "Release manager chairs; quorum is ops, DBA, service owner."),
    ("Post start notice on the status page", "Use the planned-maintenance template."),
    ("Snapshot {ci} and its database", "Record snapshot ids in the change record."),
    ("Drain traffic from {ci}", "Set weight to 0 on the load balancer; wait for sessions to end."),
    ("Apply database migrations", "Run the migration job; expect under 5 minutes."),
    ("Deploy release artefacts to {env}", "Pipeline promotes the signed image from the DML."),
    ("Switch feature flags for the release", "Flags listed in the release notes, section 3."),
    ("Run smoke tests", "Automated suite plus two manual payments of 1.00 GBP."),
    ("Restore traffic and watch dashboards", "Error rate below 0.5 % and p95 under 300 ms for 20 minutes."),
    ("Confirm completion and close bridge", "Service owner confirms; update the change record."),
];

/// Acceptance criteria and the evidence for them.
pub const CRITERIA: &[(&str, &str)] = &[
    ("Regression suite passes with no priority 1 or 2 defects", "Test summary report in the release folder"),
    ("Performance test meets p95 latency under 300 ms at 2x peak", "Load test run from the perf dashboard"),
    ("Security scan shows no high or critical findings", "SAST/DAST report signed off by Security Operations"),
    ("User acceptance signed off by the service owner", "UAT sign-off e-mail filed with the release"),
    ("Operational runbook and monitoring updated", "Runbook review notes from the ops handover"),
    ("Backout rehearsed in staging", "Rehearsal log with timings"),
    ("Release notes reviewed by the service desk", "Knowledge article published"),
    ("Data migration reconciles to the penny", "Reconciliation report from Finance Operations"),
];

/// Notes on approvals.
pub const APPROVAL_NOTES: &[&str] = &[
    "Approved at CAB.",
    "Approved; deploy only inside the agreed window.",
    "Approved by e-mail, minuted at the next CAB.",
    "Service owner accepts the residual risks.",
];

/// Conditions on conditional approvals.
pub const CONDITIONS: &[&str] =
    &["Conditional on the performance retest passing.", "Conditional on the service desk briefing before go/no-go."];

/// Notes on go/no-go votes.
pub const VOTE_NOTES: &[&str] = &[
    "All tests green.",
    "Ops ready, on-call briefed.",
    "DBA has verified the backups.",
    "Go, provided the smoke tests pass.",
    "Service desk briefed; knowledge article live.",
];

/// Notes from go/no-go meetings.
pub const GO_NOTES: &[&str] = &[
    "Quorum present; no open priority 1 defects.",
    "Checked change approval, backout test and blackout calendar.",
    "Agreed to proceed; rollback point at step 3.",
];

/// Backout plans.
pub const BACKOUT_PLANS: &[&str] = &[
    "Redeploy the previous image from the DML and restore the database snapshot.",
    "Switch traffic back to the blue stack; keep green for analysis.",
    "Turn off the feature flags, then roll back the pods with the pipeline.",
    "Run the down-migrations, then redeploy the last release.",
];

/// Backout triggers.
pub const BACKOUT_TRIGGERS: &[&str] = &[
    "Smoke tests fail or error rate above 2 % for 10 minutes.",
    "Payment success rate drops below 97 %.",
    "Deployment not complete 30 minutes before the window closes.",
    "Any data integrity check fails.",
];

/// Communication audiences, channels and messages.
pub const AUDIENCES: &[&str] =
    &["Service desk", "Customers", "Business stakeholders", "Operations bridge", "Account managers"];

/// Channels of communication.
pub const CHANNELS: &[&str] = &["E-mail", "Status page", "Teams channel", "Intranet news", "Service review meeting"];

/// What is communicated.
pub const MESSAGES: &[&str] = &[
    "Planned maintenance window and expected impact.",
    "What changes for users and where to get help.",
    "Release deployed; known errors and workarounds.",
    "Reminder of the change freeze around the deployment.",
];

/// Notes on stakeholder agreements.
pub const AGREEMENT_NOTES: &[&str] = &[
    "Agreed in the weekly release review.",
    "Agreed, as long as month-end is avoided.",
    "Agreed by e-mail.",
    "Asked for a reminder the day before.",
];

/// Decisions: kind index into `DecisionKind::ALL`, title, rationale, outcome.
pub const DECISIONS: &[(usize, &str, &str, &str)] = &[
    (0, "Move deployment one week later", "Key DBA on leave; no cover for the database steps.", "Schedule moved."),
    (1, "Waive the performance criterion", "Retest blocked by a shared test rig; prod traffic is low.", "Monitored."),
    (
        2,
        "Enter Deployment with one approval outstanding",
        "Approver travelling; confirmed by phone.",
        "Approved next day.",
    ),
    (3, "Accept the residual capacity risk", "Mitigation needs hardware due next quarter.", "Accepted."),
];

/// Blackout exception for emergencies.
pub const EXCEPTION: (&str, &str, &str) = (
    "Deploy inside the change freeze",
    "Fix restores a degraded service; waiting for the freeze to end is the larger risk.",
    "ECAB granted the exception.",
);

/// Incident titles after deployment.
pub const INCIDENTS: &[&str] = &[
    "Slow responses from {ci} after deployment",
    "Customers logged out unexpectedly",
    "Scheduled job {ci} failed once",
    "Alert storm from new monitoring rules",
    "Report totals differ from the ledger",
];

/// Review conclusions.
pub const CONCLUSIONS: &[&str] = &[
    "Deployment ran to plan inside the window.",
    "Runbook timings were accurate.",
    "Smoke tests caught a configuration slip before users did.",
    "Database steps took longer than rehearsed.",
    "Communications went out on time.",
    "Monitoring gaps delayed detection of one incident.",
];

/// Improvement actions.
pub const ACTIONS: &[&str] = &[
    "Automate the smoke tests for {ci}",
    "Add a dashboard panel for queue depth",
    "Rehearse database steps on production-sized data",
    "Update the runbook template with timings",
    "Brief the service desk a day earlier",
];

/// Replaces `{ci}`, `{area}` and `{env}` in a fragment.
pub fn fill(fragment: &str, ci: &str, area: &str, env: &str) -> String {
    if !fragment.contains('{') {
        return fragment.to_owned();
    }
    fragment.replace("{ci}", ci).replace("{area}", area).replace("{env}", env)
}
