//! The risks of a release: about ten, in all four categories, with
//! inherent and residual scores on the 5 × 5 scale.

use super::calendar::TODAY;
use super::plan::Plan;
use super::{Gen, prose};
use crate::model::{Phase, Release, Risk, RiskCategory, RiskStatus, Treatment};

/// Risk templates per category (in `RiskCategory::ALL` order): title, cause, consequence.
const TEMPLATES: [&[(&str, &str, &str)]; 4] = [
    &[
        ("Schema migration locks {ci}", "Large tables altered online", "Writes blocked past the window"),
        ("Regression in {ci} under peak load", "Load test below production volume", "Timeouts at checkout"),
        ("Incompatible library upgrade", "Transitive dependency changed", "Service fails to start"),
        ("Certificate chain mismatch", "New intermediate CA on {ci}", "TLS handshakes fail for old clients"),
        ("Cache warm-up too slow", "Cold cache after redeploy of {ci}", "Latency spike for 20 minutes"),
    ],
    &[
        ("Key engineer unavailable", "Single DBA knows the migration", "Deployment delayed or botched"),
        ("Runbook out of date", "Steps changed since rehearsal", "Manual errors during cut-over"),
        ("Monitoring blind spot for {ci}", "New endpoints lack alerts", "Incidents found by customers"),
        ("Service desk not briefed", "Release notes late", "Longer call handling"),
        ("Overrunning the window", "Steps slower on production data", "Service opens late"),
    ],
    &[
        ("Customer-visible change rejected", "Copy and flows not user-tested", "Complaints and churn"),
        ("Clash with marketing campaign", "Campaign dates moved", "Peak traffic during deployment"),
        ("Partner API consumers break", "Contract change not announced", "Lost transaction volume"),
        ("Benefits not realised", "Adoption depends on training", "Business case missed"),
    ],
    &[
        ("PSD2 strong authentication gap", "Exemption rules changed", "Regulator finding and fines"),
        ("Personal data logged in clear", "Debug logging left on in {ci}", "GDPR breach notification"),
        ("Audit trail incomplete", "Admin actions not logged", "ISO/IEC 20000 nonconformity"),
        ("PCI DSS scope creep", "Card data reaches {ci}", "Failed PCI assessment"),
    ],
];

/// Controls already in place.
const CONTROLS: &[&str] = &[
    "Peer review and automated tests in the pipeline.",
    "Rehearsal in staging with production-sized data.",
    "On-call rota and runbook reviewed at CAB.",
    "Feature flags allow instant disable.",
    "Quarterly compliance review.",
];

/// Treatment actions, by treatment (in `Treatment::ALL` order).
const ACTIONS: [&str; 4] = [
    "Add a rehearsal and a named backup engineer.",
    "Accept; monitor during early life support.",
    "Supplier covers it under the support contract.",
    "Descope the risky change to a later release.",
];

impl Gen {
    /// Adds eight to twelve risks linked to the release.
    pub(super) fn risks(&mut self, plan: &Plan, ci: &str, r: &Release) {
        let count = self.rng.range(8, 12) as usize;
        for k in 0..count {
            let category =
                if k < 4 { RiskCategory::ALL[k] } else { RiskCategory::ALL[self.rng.weighted(&[4, 3, 2, 1])] };
            let risk = self.risk(plan, ci, r, category);
            self.book.risks.push(risk);
        }
    }

    fn risk(&mut self, plan: &Plan, ci: &str, r: &Release, category: RiskCategory) -> Risk {
        let templates = TEMPLATES[category as usize];
        let (title, cause, consequence) = templates[self.rng.below(templates.len())];
        let likelihood = self.rng.weighted(&[10, 30, 30, 20, 10]) as u8 + 1;
        let impact = self.rng.weighted(&[5, 25, 35, 25, 10]) as u8 + 1;
        let score = likelihood * impact;
        let treatment = if !plan.reached(Phase::BuildAndTest) && self.rng.chance(30) {
            None
        } else if score <= 6 {
            Some(if self.rng.chance(60) { Treatment::Accept } else { Treatment::Mitigate })
        } else {
            Some(Treatment::ALL[self.rng.weighted(&[65, if score < 10 { 10 } else { 0 }, 15, 10])])
        };
        let (mut rl, mut ri) = match treatment {
            Some(Treatment::Mitigate) => {
                (likelihood.saturating_sub(self.rng.range(1, 2) as u8).max(1), impact - u8::from(self.rng.chance(40)))
            }
            Some(Treatment::Transfer) => (likelihood, impact.saturating_sub(2).max(1)),
            Some(Treatment::Avoid) => (1, impact),
            _ => (likelihood, impact),
        };
        while treatment.is_some() && rl * ri >= 17 {
            rl -= 1;
        }
        ri = ri.max(1);
        rl = rl.max(1);
        let status = match plan.phase {
            Phase::Closed => RiskStatus::Closed,
            Phase::Planning => RiskStatus::Open,
            _ if treatment.is_some() => RiskStatus::Monitoring,
            _ => RiskStatus::Open,
        };
        let owner = match category {
            RiskCategory::Technical => self.one_of(|s| &s.technical),
            RiskCategory::Operational => r.owner.clone(),
            RiskCategory::Business => self.one_of(|s| &s.service_owners),
            RiskCategory::Regulatory => self.one_of(|s| &s.change_managers),
        };
        let due = plan.first_deploy - self.rng.range(1, 7);
        let title = prose::fill(title, ci, "", "");
        Risk {
            id: self.book.ledger.next_id(crate::model::IdKind::Risk),
            description: format!("{title} during the {} deployment.", r.name),
            title,
            category,
            cause: prose::fill(cause, ci, "", ""),
            consequence: consequence.to_owned(),
            controls: self.rng.word(CONTROLS).to_owned(),
            likelihood,
            impact,
            treatment,
            actions: treatment.map(|t| ACTIONS[t as usize].to_owned()).unwrap_or_default(),
            residual_likelihood: rl,
            residual_impact: ri,
            owner,
            status,
            due: Some(self.cal.date(due.max(plan.plan_start))),
            next_review: (status != RiskStatus::Closed).then(|| self.cal.date(TODAY + self.rng.range(3, 28))),
            releases: vec![r.id.clone()],
        }
    }
}
