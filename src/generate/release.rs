//! One release: identity, phases, milestones, scope (with its change
//! requests and known errors), deliverables and affected items.

use super::calendar::{TODAY, weekday};
use super::names::{self, AREAS, COMPONENTS, EMERGENCY, HOTFIX, MAJOR, MINOR, PATCH, SECURITY, SERVICE_PACK, TYPES};
use super::plan::{ELS_DAYS, Plan};
use super::{Gen, prose, version};
use crate::model::{
    AffectedItem, Authorisation, Band, ChangeAuthority, ChangeRequest, Deliverable, Id, IdKind, Milestone, Phase,
    Priority, ProblemStatus, Release, Scope,
};

impl Gen {
    /// Adds the `i`-th of `n` releases, with its changes, known errors and risks.
    pub(super) fn release(&mut self, i: usize, n: usize) {
        let plan = self.schedule(i, n);
        let spec = &TYPES[plan.ty];
        let (area_name, _) = AREAS[plan.area];
        let id = self.book.ledger.next_id(IdKind::Release);
        let version = self.bump_area(plan.area, plan.ty);
        let name = self.release_name(&format!("{area_name} {}", spec.word), plan.prod);
        let release_type = self.book.policy.release_types.get(plan.ty).map(|t| t.id.clone()).unwrap_or_default();
        let owner = self.one_of(|s| &s.release_managers);
        let pool = self.area_cis.get(plan.area).cloned().unwrap_or_default();
        let k = self.rng.range(1, 3) as usize;
        let picks = self.rng.sample(pool.len(), k);
        let cis: Vec<usize> = picks.iter().filter_map(|&p| pool.get(p).copied()).collect();
        let lead_ci = cis.first().and_then(|&c| self.book.config_items.get(c)).map(|c| c.name.clone());
        let lead_ci = lead_ci.unwrap_or_default();
        let summary = format!(
            "{} {} {}.",
            self.rng.pick(prose::VERBS).map_or("Changes", |v| v.0),
            prose::fill(self.rng.word(prose::FEATURES), &lead_ci, area_name, ""),
            prose::fill(self.rng.word(prose::BENEFITS), &lead_ci, area_name, "")
        );
        let priority = match plan.ty {
            EMERGENCY => Priority::Critical,
            HOTFIX | SECURITY => Priority::High,
            MAJOR if self.rng.chance(50) => Priority::High,
            PATCH if self.rng.chance(50) => Priority::Low,
            _ => Priority::Medium,
        };
        let slip = self.rng.chance(25);
        let mut r = Release {
            id,
            name,
            version,
            release_type,
            priority,
            phase: plan.phase,
            owner,
            summary,
            phases: plan.phase_plan(&self.cal, slip),
            ..Release::default()
        };
        r.milestones = self.milestones(&plan);
        r.scope = self.scope(&plan, &cis, &lead_ci);
        self.items(&plan, &cis, &mut r);
        r.baseline_recorded_on = Some(plan.first_deploy - self.rng.range(1, 3))
            .filter(|&d| plan.reached(Phase::Deployment) || (d < TODAY && plan.reached(Phase::BuildAndTest)))
            .map(|d| self.cal.date(d.max(plan.build_start)));
        self.plan_parts(&plan, &cis, &mut r);
        self.review(&plan, &cis, &mut r);
        self.risks(&plan, &lead_ci, &r);
        self.book.releases.push(r);
    }

    /// The next product version of a service area for a release of type `ty`.
    fn bump_area(&mut self, area: usize, ty: usize) -> String {
        let Some(v) = self.area_versions.get_mut(area) else { return "1.0.0".to_owned() };
        *v = bump(*v, ty);
        version(*v)
    }

    /// A name following the policy's convention `{text} {year}.{month}.{n}`,
    /// numbered within the month of the production deployment.
    fn release_name(&mut self, text: &str, prod: i32) -> String {
        let d = self.cal.date(prod);
        let month = ((i32::from(d.year()) - 2025) * 12 + i32::from(d.month()) - 1).max(0) as usize;
        if month >= self.month_seq.len() {
            self.month_seq.resize(month + 1, 0);
        }
        let n = self.month_seq.get_mut(month).map_or(1, |n| {
            *n += 1;
            *n
        });
        format!("{text} {}.{:02}.{n}", d.year(), d.month())
    }

    /// Three to five milestones, always including the production deployment.
    fn milestones(&mut self, plan: &Plan) -> Vec<Milestone> {
        let k = self.rng.range(2, 4) as usize;
        let mut chosen: Vec<usize> = self.rng.sample(5, k).into_iter().map(|i| if i >= 4 { 5 } else { i }).collect();
        chosen.push(4);
        chosen.sort_unstable();
        let freeze = plan.build_start + (plan.first_deploy - plan.build_start) * 2 / 3;
        let days = [plan.build_start - 1, freeze, plan.first_deploy - 1, plan.go_day, plan.prod, plan.prod + ELS_DAYS];
        chosen
            .into_iter()
            .map(|m| {
                let day = days[m];
                Milestone {
                    id: self.book.ledger.next_id(IdKind::Milestone),
                    name: prose::MILESTONES[m].to_owned(),
                    date: self.cal.date(day),
                    done: day < TODAY,
                }
            })
            .collect()
    }

    /// One or two new change requests, known errors resolved, and sometimes
    /// a standing known error the release ships with.
    fn scope(&mut self, plan: &Plan, cis: &[usize], lead_ci: &str) -> Scope {
        let mut scope = Scope::default();
        for _ in 0..self.rng.range(1, 2) {
            let change = self.change(plan, lead_ci);
            scope.changes.push(change);
        }
        let resolves = match plan.ty {
            MAJOR | MINOR | SERVICE_PACK => self.rng.range(0, 2),
            _ => self.rng.range(1, 2),
        };
        let status = if plan.reached(Phase::ReviewAndClose) { ProblemStatus::Resolved } else { ProblemStatus::Open };
        for k in 0..resolves {
            let ci = cis.get(k as usize % cis.len().max(1)).copied().unwrap_or_default();
            let ke = self.known_error(ci, status);
            scope.resolves.push(ke);
        }
        if self.rng.chance(15) {
            let i = self.rng.below(self.standing_errors.len());
            scope.ships_with.extend(self.standing_errors.get(i).cloned());
        }
        if self.rng.chance(60) {
            scope.notes = self.rng.word(prose::SCOPE_NOTES).to_owned();
        }
        scope
    }

    /// A new change request for the release, authorised once the release
    /// is far enough along.
    fn change(&mut self, plan: &Plan, ci: &str) -> Id {
        let id = self.book.ledger.next_id(IdKind::Change);
        self.rfcs += 1;
        let area = AREAS[plan.area].0;
        let verb = self.rng.pick(prose::VERBS).map_or("Change", |v| v.1);
        let feature = prose::fill(self.rng.word(prose::FEATURES), ci, area, "");
        let benefit = prose::fill(self.rng.word(prose::BENEFITS), ci, area, "");
        let title = format!("{verb} {feature}");
        let description = format!("Change to {feature} {benefit}.");
        let authority = match plan.ty {
            EMERGENCY => ChangeAuthority::Ecab,
            PATCH | HOTFIX if self.rng.chance(30) => ChangeAuthority::Standard,
            _ => ChangeAuthority::Cab,
        };
        let band = if plan.emergency() { Band::High } else { Band::ALL[self.rng.weighted(&[35, 40, 20, 5])] };
        let assessed = plan.reached(Phase::BuildAndTest) || self.rng.chance(50);
        let minutes = self.rng.range(2, 12) * 10;
        let authorisation = match authority {
            ChangeAuthority::Standard => {
                Some((plan.plan_start, self.one_of(|s| &s.change_managers), "Standard change model SC-12."))
            }
            ChangeAuthority::Ecab if plan.reached(Phase::ReviewAndClose) && self.rng.chance(30) => {
                Some((plan.prod + 1, self.one_of(|s| &s.ecab), "Retrospective ECAB approval; fast path used."))
            }
            ChangeAuthority::Ecab if plan.reached(Phase::Deployment) => {
                Some((plan.prod, self.one_of(|s| &s.ecab), "Approved on the ECAB call."))
            }
            ChangeAuthority::Cab if plan.reached(Phase::Deployment) => {
                // CAB meets on Tuesdays and Thursdays.
                let day = plan.first_deploy - self.rng.range(2, 6);
                let back = [4, 0, 1, 0, 1, 2, 3];
                let day = day - back.get(weekday(day) as usize).copied().unwrap_or(0);
                Some((day.max(plan.plan_start), self.one_of(|s| &s.change_managers), "Authorised at CAB."))
            }
            _ => None,
        };
        let authorisation = authorisation.map(|(day, by, note)| Authorisation {
            authority,
            by,
            at: self.cal.ts(day, 11, 30),
            note: note.to_owned(),
        });
        self.book.changes.push(ChangeRequest {
            id: id.clone(),
            rfc: format!("RFC-{}", self.rfcs),
            title,
            description,
            risk: assessed.then_some(band),
            risk_assessment: format!("{} risk: tested rollback in {minutes} minutes.", band.label()),
            impact_assessment: format!("{area} degraded for up to {minutes} minutes; no data loss expected."),
            authority,
            authorisation,
        });
        id
    }

    /// Affected items with their baseline and target versions, and the
    /// deliverables that carry them, kept in the definitive media library.
    fn items(&mut self, plan: &Plan, cis: &[usize], r: &mut Release) {
        let slug = AREAS[plan.area].1;
        for &c in cis {
            let Some(state) = self.cis.get_mut(c) else { continue };
            let baseline = state.planned;
            let target = bump(baseline, plan.ty);
            state.planned = target;
            if plan.reached(Phase::ReviewAndClose) {
                state.live = target;
            }
            let component = state.component;
            let ci_name = self.book.config_items.get(c).map(|x| x.name.clone()).unwrap_or_default();
            let config_item = self.book.config_items.get(c).map(|x| x.id.clone()).unwrap_or_default();
            r.affected_items.push(AffectedItem {
                id: self.book.ledger.next_id(IdKind::AffectedItem),
                config_item,
                baseline_version: version(baseline),
                target_version: version(target),
            });
            let (what, file) = match COMPONENTS[component].0 {
                "db" => ("migration scripts", "migrations.tar.gz"),
                "api" | "worker" | "web" => ("container image", "image.oci.tar"),
                "batch" => ("job package", "job.zip"),
                _ => ("configuration bundle", "config.tar.gz"),
            };
            let v = version(target);
            let deliverable = self.deliverable(format!("{ci_name} {what}"), &v, format!("{slug}/{ci_name}/{v}/{file}"));
            r.deliverables.push(deliverable);
        }
        if r.deliverables.len() < 2 || (r.deliverables.len() < 4 && self.rng.chance(40)) {
            let v = r.version.clone();
            let notes =
                self.deliverable(format!("Release notes {v}"), &v, format!("{slug}/docs/{v}/release-notes.pdf"));
            r.deliverables.push(notes);
        }
    }

    fn deliverable(&mut self, name: String, v: &str, path: String) -> Deliverable {
        let words = [self.rng.next_u64(), self.rng.next_u64(), self.rng.next_u64(), self.rng.next_u64()];
        Deliverable {
            id: self.book.ledger.next_id(IdKind::Deliverable),
            name,
            version: v.to_owned(),
            dml_location: format!("dml://northwind/{path}"),
            checksum: names::checksum(words),
        }
    }
}

/// A version after a release of type `ty`: majors bump the first number,
/// minors and service packs the second, the rest the third.
fn bump(v: [u32; 3], ty: usize) -> [u32; 3] {
    match ty {
        MAJOR => [v[0] + 1, 0, 0],
        MINOR | SERVICE_PACK => [v[0], v[1] + 1, 0],
        _ => [v[0], v[1], v[2] + 1],
    }
}
